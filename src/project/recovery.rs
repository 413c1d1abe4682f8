//! Autosave for crash recovery: while the project is dirty the UI writes a recovery file every
//! minute; on the next start (or when opening the project) a recovery file newer than the
//! project is offered back. A recovery file is an ordinary project file in another place.
//!
//! For a saved project `DIR/NAME.dossier` it is `DIR/.NAME.dossier.recovery`, next to it, so
//! relative corpus paths stay valid. For an untitled session it is
//! `<data dir>/dossier/untitled.dossier.recovery`.

use std::io;
use std::path::{Path, PathBuf};

use crate::project::file::{Project, ProjectError, save};

/// The recovery file for a project (or for the untitled session when `None`).
pub fn recovery_path(project_path: Option<&Path>) -> PathBuf {
    match project_path {
        Some(path) => {
            let name = path
                .file_name()
                .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
            let dir = path.parent().unwrap_or(Path::new(""));
            dir.join(format!(".{name}.recovery"))
        }
        None => data_dir().join("untitled.dossier.recovery"),
    }
}

/// Dossier's folder for per-user data: `$XDG_DATA_HOME/dossier`, `~/.local/share/dossier`,
/// `~/Library/Application Support/dossier` or `%APPDATA%\dossier`; the temp folder otherwise.
pub fn data_dir() -> PathBuf {
    let env = |key| {
        std::env::var_os(key)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library").join("Application Support"))
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local").join("share")))
    };
    base.unwrap_or_else(std::env::temp_dir).join("dossier")
}

/// Writes the recovery file for `project` (atomically); returns where.
pub fn write_recovery(
    project: &Project,
    project_path: Option<&Path>,
) -> Result<PathBuf, ProjectError> {
    let path = recovery_path(project_path);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| ProjectError::Write {
            path: path.clone(),
            source,
        })?;
    }
    save(project, &path)?;
    Ok(path)
}

/// The recovery file to offer, if there is one newer than the project file (or the project
/// file is gone). Load it with [`super::load`].
pub fn find_recovery(project_path: Option<&Path>) -> Option<PathBuf> {
    let recovery = recovery_path(project_path);
    let written = std::fs::metadata(&recovery).ok()?.modified().ok();
    let saved = project_path
        .and_then(|p| std::fs::metadata(p).ok())
        .and_then(|m| m.modified().ok());
    match (written, saved) {
        (Some(w), Some(s)) if w < s => None,
        _ => Some(recovery),
    }
}

/// Deletes the recovery file (after a save, or when the user declines it). No file is fine.
pub fn discard_recovery(project_path: Option<&Path>) -> io::Result<()> {
    match std::fs::remove_file(recovery_path(project_path)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
