//! The `.dossier` project file: JSON with a schema version, documented in `docs/project.md`.
//!
//! Saving is atomic and byte-deterministic (struct fields in declaration order, maps sorted).
//! Loading refuses, with a message naming the file and saying what was expected and found,
//! anything that is not a project this version can read: too large, empty, not UTF-8, not
//! JSON, truncated, not a project, a newer schema, values of the wrong type. Unknown fields
//! are ignored and reported as warnings; older schemas are migrated.
//!
//! In memory, corpus paths are absolute. On disk they are written relative to the project
//! file's folder (with `/` separators) when the two share a folder, so a project moves with its
//! articles; loading resolves them against the project file's folder again.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::export::atomic::write_atomic;
use crate::model::ActorId;
use crate::project::corrections::Correction;
use crate::project::overlay::Overlay;

/// The schema this Dossier writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Larger files are refused before being read.
pub const MAX_PROJECT_BYTES: u64 = 200 * 1024 * 1024;

/// A Dossier project. Project state: everything here is saved in the `.dossier` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// Always [`SCHEMA_VERSION`] once loaded (older files are migrated) and when saved.
    pub schema_version: u32,
    /// The corpus files, in the order they are loaded.
    pub corpus: Vec<CorpusEntry>,
    /// The correction overlay, oldest first.
    pub corrections: Vec<Correction>,
    pub layout: SavedLayout,
    /// The UI's view settings, stored opaquely (`ui::state::ViewSettings` as JSON).
    pub view: Value,
    /// Walkthroughs, stored opaquely for now.
    pub walkthroughs: Value,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            corpus: Vec::new(),
            corrections: Vec::new(),
            layout: SavedLayout::default(),
            view: Value::Null,
            walkthroughs: Value::Null,
        }
    }
}

impl Project {
    /// The corrections as an overlay (for [`super::History::new`]).
    pub fn overlay(&self) -> Overlay {
        Overlay::new(self.corrections.clone())
    }

    /// The corpus paths, in order (absolute after [`load`]).
    pub fn corpus_paths(&self) -> Vec<PathBuf> {
        self.corpus.iter().map(|e| e.path.clone()).collect()
    }
}

/// One corpus file: where it is, its content hash, and the date the user set for it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorpusEntry {
    /// Absolute in memory; relative to the project file's folder on disk when possible.
    pub path: PathBuf,
    /// Lowercase hex SHA-256 of the file's bytes when it was added; empty if unknown.
    pub sha256: String,
    /// The publication date the user set (for every document of the file).
    pub date_override: Option<NaiveDate>,
}

impl CorpusEntry {
    /// An entry for a file as it is now (absolute path, current hash, no date override).
    pub fn from_file(path: &Path) -> io::Result<Self> {
        Ok(Self {
            path: std::path::absolute(path)?,
            sha256: sha256_file(path)?,
            date_override: None,
        })
    }
}

/// Node positions and pins in the diagram.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedLayout {
    /// Scene coordinates of the actors the user placed or the layout settled.
    pub positions: BTreeMap<ActorId, [f32; 2]>,
    /// Actors the layout must not move.
    pub pinned: Vec<ActorId>,
}

/// A project file this Dossier cannot read or write. Each message is a full sentence naming
/// the file.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("Could not read {}: {}.", .path.display(), .source)]
    Read { path: PathBuf, source: io::Error },
    #[error("Could not save {}: {}.", .path.display(), .source)]
    Write { path: PathBuf, source: io::Error },
    #[error(
        "{} is {} MB; a Dossier project is at most {} MB, so this is not one.",
        .path.display(), .bytes.div_ceil(1024 * 1024), MAX_PROJECT_BYTES / (1024 * 1024)
    )]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("{} is empty; expected a Dossier project (a JSON object).", .path.display())]
    Empty { path: PathBuf },
    #[error(
        "{} is not text: expected a Dossier project (UTF-8 JSON), found invalid UTF-8 at byte {}.",
        .path.display(), .offset
    )]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error(
        "{} is not JSON: expected a Dossier project, found an error ({}) at line {}, column {}.",
        .path.display(), .detail, .line, .column
    )]
    NotJson {
        path: PathBuf,
        detail: String,
        line: usize,
        column: usize,
    },
    #[error(
        "{} ends early at line {}, column {}: expected the rest of a Dossier project, so the file looks truncated.",
        .path.display(), .line, .column
    )]
    Truncated {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error(
        "{} is not a Dossier project: expected a JSON object with a \"schema_version\" number, found {}.",
        .path.display(), .found
    )]
    NotAProject { path: PathBuf, found: String },
    #[error(
        "{} was written by a newer Dossier (schema {}); this one reads up to {}.",
        .path.display(), .found, .supported
    )]
    Newer {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error("{} has a value of the wrong type{}: {}.", .path.display(), .location, .detail)]
    WrongType {
        path: PathBuf,
        /// “ at line 3, column 20”, or empty when unknown.
        location: String,
        detail: String,
    },
    #[error("Could not save {}: {}.", .path.display(), .detail)]
    Serialize { path: PathBuf, detail: String },
}

/// A loaded project and the warnings loading it raised (unknown fields ignored).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedProject {
    pub project: Project,
    /// Full sentences naming the file, for the problems panel.
    pub warnings: Vec<String>,
}

/// Saves `project` to `path` atomically. The same project always gives the same bytes.
pub fn save(project: &Project, path: &Path) -> Result<(), ProjectError> {
    let text = to_json(project, path)?;
    write_atomic(path, text.as_bytes()).map_err(|source| ProjectError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// The JSON [`save`] writes for `project` at `path` (corpus paths relative to its folder).
pub fn to_json(project: &Project, path: &Path) -> Result<String, ProjectError> {
    let base = base_dir(path);
    let mut out = project.clone();
    out.schema_version = SCHEMA_VERSION;
    for entry in &mut out.corpus {
        entry.path = stored_path(&entry.path, &base);
    }
    // JSON has no NaN or infinity; a position that is not finite is not a position.
    out.layout
        .positions
        .retain(|_, p| p.iter().all(|v| v.is_finite()));
    let mut text = serde_json::to_string_pretty(&out).map_err(|e| ProjectError::Serialize {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

/// Loads a project, ignoring warnings. See [`load_with_warnings`].
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    load_with_warnings(path).map(|loaded| loaded.project)
}

/// Loads a project file, refusing files over [`MAX_PROJECT_BYTES`] before reading them.
pub fn load_with_warnings(path: &Path) -> Result<LoadedProject, ProjectError> {
    let read_error = |source| ProjectError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    let too_large = |bytes| ProjectError::TooLarge {
        path: path.to_path_buf(),
        bytes,
    };
    let len = file.metadata().map_err(read_error)?.len();
    if len > MAX_PROJECT_BYTES {
        return Err(too_large(len));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PROJECT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_PROJECT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    parse(&bytes, path)
}

/// Parses a project file's bytes; `path` names the file in messages and its folder is what
/// relative corpus paths are resolved against.
pub fn parse(bytes: &[u8], path: &Path) -> Result<LoadedProject, ProjectError> {
    let path_buf = || path.to_path_buf();
    if bytes.len() as u64 > MAX_PROJECT_BYTES {
        return Err(ProjectError::TooLarge {
            path: path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ProjectError::NotUtf8 {
        path: path_buf(),
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ProjectError::Empty { path: path_buf() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ProjectError::Truncated {
                path: path_buf(),
                line: e.line(),
                column: e.column(),
            }
        } else {
            ProjectError::NotJson {
                path: path_buf(),
                detail: message_of(&e),
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    let version = schema_version_of(&value).map_err(|found| ProjectError::NotAProject {
        path: path_buf(),
        found,
    })?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ProjectError::Newer {
            path: path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let wrong_type = |e: &serde_json::Error, located: bool| ProjectError::WrongType {
        path: path_buf(),
        location: if located && e.line() > 0 {
            format!(" at line {}, column {}", e.line(), e.column())
        } else {
            String::new()
        },
        detail: message_of(e),
    };
    let (mut project, value) = if version == u64::from(SCHEMA_VERSION) {
        // Parse the text again rather than the value, for line and column in messages.
        let project: Project = serde_json::from_str(text).map_err(|e| wrong_type(&e, true))?;
        (project, value)
    } else {
        let value = migrate(value, version);
        let project: Project =
            serde_json::from_value(value.clone()).map_err(|e| wrong_type(&e, false))?;
        (project, value)
    };
    let mut warnings = Vec::new();
    if let Ok(known) = serde_json::to_value(&project) {
        let mut unknown = Vec::new();
        unknown_fields(&value, &known, "", &mut unknown);
        warnings.extend(unknown.into_iter().map(|field| {
            format!(
                "{}: the field \"{field}\" is not known to this Dossier and was ignored.",
                path.display()
            )
        }));
    }
    project.schema_version = SCHEMA_VERSION;
    let base = base_dir(path);
    for entry in &mut project.corpus {
        entry.path = resolve_path(&entry.path, &base);
    }
    Ok(LoadedProject { project, warnings })
}

/// The schema version of a parsed file, or a description of what was found instead.
fn schema_version_of(value: &Value) -> Result<u64, String> {
    let Value::Object(map) = value else {
        return Err(match value {
            Value::Array(_) => "an array".to_owned(),
            Value::String(_) => "a string".to_owned(),
            Value::Number(_) => "a number".to_owned(),
            Value::Bool(_) => "a boolean".to_owned(),
            _ => "null".to_owned(),
        });
    };
    match map.get("schema_version") {
        None => Err("an object without one".to_owned()),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(0) => Err("\"schema_version\": 0 (versions start at 1)".to_owned()),
            Some(v) => Ok(v),
            None => Err(format!("\"schema_version\": {n}")),
        },
        Some(other) => {
            let mut shown = other.to_string();
            if shown.chars().count() > 40 {
                shown = shown.chars().take(40).chain(std::iter::once('…')).collect();
            }
            Err(format!("\"schema_version\": {shown}"))
        }
    }
}

/// Brings a file of an older schema up to [`SCHEMA_VERSION`], one version at a time.
/// Schema 1 is the first; each future version adds a step `from N to N + 1` here, and a fixture
/// file of schema N stays in `tests/fixtures/projects/`.
fn migrate(value: Value, from: u64) -> Value {
    let _ = from;
    value
}

/// Object keys present in `input` but not in `known` (what the project re-serialises to),
/// as paths like `corpus[0].note`.
fn unknown_fields(input: &Value, known: &Value, at: &str, out: &mut Vec<String>) {
    match (input, known) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let here = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                match b.get(key) {
                    Some(k) => unknown_fields(value, k, &here, out),
                    None => out.push(here),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                unknown_fields(x, y, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// A `serde_json` message without its trailing “ at line L column C”.
fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Lowercase hex SHA-256 of a file's bytes, read in chunks.
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            use fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        }))
}

/// A corpus file the project lists that is not as it was when saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusIssue {
    Missing { path: PathBuf },
    Changed { path: PathBuf },
    Unreadable { path: PathBuf, reason: String },
}

impl CorpusIssue {
    pub fn path(&self) -> &Path {
        match self {
            CorpusIssue::Missing { path }
            | CorpusIssue::Changed { path }
            | CorpusIssue::Unreadable { path, .. } => path,
        }
    }
}

impl fmt::Display for CorpusIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusIssue::Missing { path } => write!(
                f,
                "{} is missing: the project lists it, but there is no file there.",
                path.display()
            ),
            CorpusIssue::Changed { path } => write!(
                f,
                "{} has changed since the project was saved (its content hash differs).",
                path.display()
            ),
            CorpusIssue::Unreadable { path, reason } => {
                write!(f, "Could not read {}: {reason}.", path.display())
            }
        }
    }
}

/// Missing, changed (hash mismatch) and unreadable corpus files. Relative entry paths are
/// resolved against `base_dir` (after [`load`] they are already absolute).
pub fn check_corpus(project: &Project, base_dir: &Path) -> Vec<CorpusIssue> {
    let mut issues = Vec::new();
    for entry in &project.corpus {
        let path = resolve_path(&entry.path, base_dir);
        if !path.is_file() {
            issues.push(CorpusIssue::Missing { path });
            continue;
        }
        if entry.sha256.is_empty() {
            continue;
        }
        match sha256_file(&path) {
            Ok(hash) if hash.eq_ignore_ascii_case(entry.sha256.trim()) => {}
            Ok(_) => issues.push(CorpusIssue::Changed { path }),
            Err(e) => issues.push(CorpusIssue::Unreadable {
                path,
                reason: e.to_string(),
            }),
        }
    }
    issues
}

/// The absolute folder of a project file.
fn base_dir(path: &Path) -> PathBuf {
    let parent = path.parent().unwrap_or(Path::new(""));
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    normalize(&std::path::absolute(parent).unwrap_or_else(|_| parent.to_path_buf()))
}

/// How a corpus path is written: relative to `base` with `/` when they share a folder,
/// otherwise absolute. A relative path is kept as it is (it already is relative to `base`).
fn stored_path(path: &Path, base: &Path) -> PathBuf {
    if path.is_relative() {
        return PathBuf::from(slashed(path));
    }
    let path = normalize(path);
    let from: Vec<Component> = base.components().collect();
    let to: Vec<Component> = path.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let shares_folder = from
        .iter()
        .zip(&to)
        .take(common)
        .any(|(c, _)| matches!(c, Component::Normal(_)));
    if !shares_folder {
        return PathBuf::from(path.to_string_lossy().into_owned());
    }
    let parts: Vec<String> = std::iter::repeat_n("..".to_owned(), from.len() - common)
        .chain(
            to[common..]
                .iter()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    PathBuf::from(parts.join("/"))
}

/// A stored path made absolute against `base` (accepting `/` or the platform's separator).
fn resolve_path(stored: &Path, base: &Path) -> PathBuf {
    if stored.is_absolute() {
        return normalize(stored);
    }
    let mut out = base.to_path_buf();
    for part in stored.to_string_lossy().split('/') {
        out.push(part);
    }
    normalize(&out)
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Removes `.` and resolves `..` lexically (without touching the file system).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
