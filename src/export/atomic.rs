//! Atomic file writes: a file is either fully written or left as it was, never half-written.
//!
//! Every exporter writes through here. The bytes go to a temporary file in the destination's
//! directory (so the final rename never crosses file systems), are flushed to disk, and the
//! temporary file is then renamed over the destination. On any error the temporary file is
//! removed, so an unwritable path, a full disk or a bad name leave nothing behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files made by the same process (several exports may run at once).
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically: temporary file in the same directory, `fsync`, rename.
///
/// An existing file at `path` is replaced only once the new content is safely on disk. On error
/// the temporary file is removed and `path` is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_all(&[(path, bytes)]).map_err(|failed| failed.error)
}

/// Which of several files could not be written, and why.
#[derive(Debug)]
pub struct FailedWrite {
    /// Index into the list given to [`write_atomic_all`].
    pub index: usize,
    pub error: io::Error,
}

/// Writes several files as one unit: every file goes to its temporary file first, and only when
/// all are on disk are they renamed into place. If any write fails, every temporary file is
/// removed and no destination is touched (used for the three CSV files of one export).
///
/// The renames themselves happen one after another; should one of them fail (rare: the
/// temporary file already sits in the destination's directory), the files already renamed stay.
pub fn write_atomic_all(files: &[(&Path, &[u8])]) -> Result<(), FailedWrite> {
    let mut staged: Vec<(PathBuf, &Path)> = Vec::with_capacity(files.len());
    for (index, (path, bytes)) in files.iter().enumerate() {
        match write_temp(path, bytes) {
            Ok(temp) => staged.push((temp, path)),
            Err(error) => {
                remove_all(&staged);
                return Err(FailedWrite { index, error });
            }
        }
    }
    for (index, (temp, path)) in staged.iter().enumerate() {
        if let Err(error) = fs::rename(temp, path) {
            remove_all(&staged[index..]);
            return Err(FailedWrite { index, error });
        }
    }
    for (_, path) in &staged {
        sync_parent(path);
    }
    Ok(())
}

/// The directory a file is written in; `.` for a bare file name.
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a new temporary file beside `path` and syncs it; returns its path.
fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not end in a file name",
        ));
    };
    // Caught before anything is written: a rename over a folder would fail only after the
    // other files of the set were already in place.
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "a folder already has that name",
        ));
    }
    let dir = parent_dir(path);
    // A few attempts in case a stale temporary file with the same name exists.
    let mut last_err = None;
    for _ in 0..8 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}-{n}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        let file = match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                last_err = Some(err);
                continue;
            }
            Err(err) => return Err(err),
        };
        return match fill(file, bytes) {
            Ok(()) => Ok(temp),
            Err(err) => {
                let _ = fs::remove_file(&temp);
                Err(err)
            }
        };
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("could not create a temporary file")))
}

fn fill(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

fn remove_all(staged: &[(PathBuf, &Path)]) {
    for (temp, _) in staged {
        let _ = fs::remove_file(temp);
    }
}

/// Makes the rename itself durable where the platform allows syncing a directory (best effort:
/// the content is already on disk, so a failure here is not reported).
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(parent_dir(path)) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(entries(dir.path()), vec!["out.txt".to_owned()]);
    }

    #[test]
    fn failure_leaves_nothing_and_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.csv");
        fs::write(&good, b"old").unwrap();
        let bad = dir.path().join("missing-dir").join("b.csv");
        let err =
            write_atomic_all(&[(&good, b"new".as_slice()), (&bad, b"x".as_slice())]).unwrap_err();
        assert_eq!(err.index, 1);
        assert_eq!(err.error.kind(), io::ErrorKind::NotFound);
        assert_eq!(fs::read(&good).unwrap(), b"old");
        assert_eq!(entries(dir.path()), vec!["a.csv".to_owned()]);
    }

    #[test]
    fn a_path_without_file_name_is_an_error() {
        let err = write_atomic(Path::new("/"), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
