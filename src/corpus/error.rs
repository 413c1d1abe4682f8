//! Errors about user documents. Each names what was expected and what was found.

use std::fmt;
use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum LoadError {
    #[error("cannot read it: {0}")]
    Unreadable(String),
    #[error("it is empty")]
    Empty,
    #[error(
        "it is {size_bytes} bytes, over the {limit_bytes}-byte limit (raise it with --max-bytes)"
    )]
    TooLarge { size_bytes: u64, limit_bytes: u64 },
    #[error("it looks binary (a NUL byte at offset {offset}), not text")]
    Binary { offset: usize },
    #[error("it is not valid UTF-8 (invalid byte at offset {offset})")]
    InvalidUtf8 { offset: usize },
    #[error("unsupported file type '{0}': expected .txt, .md or .json")]
    Unsupported(String),
    #[error("the front matter opened with '---' on line 1 is never closed with a '---' line")]
    UnclosedFrontMatter,
    #[error("front matter line {line} should be 'key: value', found '{found}'")]
    BadFrontMatterLine { line: usize, found: String },
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("JSON {what}: expected {expected}, found {found}")]
    JsonShape {
        what: String,
        expected: String,
        found: String,
    },
    #[error("the sidecar {file} is invalid: {reason}")]
    Sidecar { file: String, reason: String },
    #[error("date '{found}' {reason}; the document is loaded as undated")]
    BadDate { found: String, reason: String },
    #[error("no such file or folder")]
    Missing,
    #[error("{0}")]
    Project(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The document (or item) was not loaded.
    Error,
    /// The document loaded, but something in it was ignored.
    Warning,
}

/// A problem with one file (or one item of a JSON array), shown in the problems list and on stderr.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: PathBuf,
    /// For a JSON array, the item's index.
    pub item: Option<usize>,
    pub severity: Severity,
    pub error: LoadError,
}

impl Problem {
    pub fn error(path: impl Into<PathBuf>, error: LoadError) -> Self {
        Self {
            path: path.into(),
            item: None,
            severity: Severity::Error,
            error,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, error: LoadError) -> Self {
        Self {
            path: path.into(),
            item: None,
            severity: Severity::Warning,
            error,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.severity {
            Severity::Error => "skipped",
            Severity::Warning => "warning",
        };
        write!(f, "{}", self.path.display())?;
        if let Some(item) = self.item {
            write!(f, " (item {item})")?;
        }
        write!(f, ": {what}: {}", self.error)
    }
}
