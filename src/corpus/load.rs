//! Reading files and folders into documents. Runs on a worker thread in the app: it reports
//! progress and stops when the cancel flag is raised.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use serde_json::Value;

use crate::corpus::metadata::{Meta, json_kind, parse_date, split_front_matter};
use crate::corpus::{Document, LoadError, Problem};
use crate::model::{DocId, slug};

/// Files larger than this are refused unless the limit is raised.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Date given to documents that carry none (`--date`).
    pub default_date: Option<NaiveDate>,
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            default_date: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Progress of a load: files done out of files found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadProgress {
    pub done: usize,
    pub total: usize,
}

/// The outcome of a load: documents in path order, and a problem for each bad file.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    /// True when the load stopped early because it was cancelled.
    pub cancelled: bool,
}

const EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "json"];

/// Loads files and folders (recursively, in path order). Never fails as a whole: each bad file
/// becomes a problem and the rest load.
pub fn load_paths(
    paths: &[PathBuf],
    options: &LoadOptions,
    progress: &dyn Fn(LoadProgress),
    cancel: &AtomicBool,
) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_dir(path, &mut files, &mut loaded.problems);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            loaded
                .problems
                .push(Problem::error(path, LoadError::Missing));
        }
    }
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(f.clone()));

    let total = files.len();
    let mut ids = HashSet::new();
    for (done, file) in files.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            loaded.cancelled = true;
            break;
        }
        progress(LoadProgress { done, total });
        load_file(file, options, &mut ids, &mut loaded);
    }
    progress(LoadProgress { done: total, total });
    loaded
}

fn collect_dir(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Problem::error(dir, LoadError::Unreadable(err.to_string())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || is_sidecar(&path) {
            continue;
        }
        if path.is_dir() {
            collect_dir(&path, files, problems);
        } else if extension(&path).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
            files.push(path);
        }
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn is_sidecar(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".meta.json") || name.ends_with(".meta.toml")
}

/// Reads a file as UTF-8 text, checking size, emptiness and binary content.
fn read_text(path: &Path, max_bytes: u64) -> Result<String, LoadError> {
    let size_bytes = std::fs::metadata(path)
        .map_err(|e| LoadError::Unreadable(e.to_string()))?
        .len();
    if size_bytes > max_bytes {
        return Err(LoadError::TooLarge {
            size_bytes,
            limit_bytes: max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError::Unreadable(e.to_string()))?;
    if let Some(offset) = bytes.iter().take(64 * 1024).position(|&b| b == 0) {
        return Err(LoadError::Binary { offset });
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .to_vec();
    let text = String::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

fn unique_id(base: &str, ids: &mut HashSet<String>) -> DocId {
    let base = if base.is_empty() {
        "document".to_owned()
    } else {
        base.to_owned()
    };
    let mut id = format!("d:{base}");
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("d:{base}-{n}");
        n += 1;
    }
    DocId(id)
}

fn load_file(path: &Path, options: &LoadOptions, ids: &mut HashSet<String>, loaded: &mut Loaded) {
    let ext = extension(path).unwrap_or_default();
    if !EXTENSIONS.contains(&ext.as_str()) {
        loaded.problems.push(Problem::error(
            path,
            LoadError::Unsupported(if ext.is_empty() {
                "(none)".into()
            } else {
                format!(".{ext}")
            }),
        ));
        return;
    }
    let text = match read_text(path, options.max_bytes) {
        Ok(text) => text,
        Err(err) => {
            loaded.problems.push(Problem::error(path, err));
            return;
        }
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_owned();
    match ext.as_str() {
        "json" => load_json(path, &text, &stem, options, ids, loaded),
        "md" | "markdown" => match split_front_matter(&text) {
            Ok((meta, body)) => {
                let body = text[body..].to_owned();
                push_document(path, &stem, meta, body, None, options, ids, loaded);
            }
            Err(err) => loaded.problems.push(Problem::error(path, err)),
        },
        _ => {
            let meta = match read_sidecar(path) {
                Ok(meta) => meta,
                Err(err) => {
                    loaded.problems.push(Problem::warning(path, err));
                    Meta::default()
                }
            };
            push_document(path, &stem, meta, text, None, options, ids, loaded);
        }
    }
}

fn read_sidecar(path: &Path) -> Result<Meta, LoadError> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    for (ext, is_json) in [("meta.json", true), ("meta.toml", false)] {
        let sidecar = path.with_file_name(format!("{stem}.{ext}"));
        if !sidecar.exists() {
            continue;
        }
        let file = sidecar
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let bad = |reason: String| LoadError::Sidecar {
            file: file.clone(),
            reason,
        };
        let text = read_text(&sidecar, 1024 * 1024).map_err(|e| bad(e.to_string()))?;
        let value: Value = if is_json {
            serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?
        } else {
            let table: toml::Table =
                toml::from_str(&text).map_err(|e| bad(e.message().to_owned()))?;
            let mut object = serde_json::Map::new();
            for (k, v) in table {
                let v = match v {
                    toml::Value::String(s) => Value::String(s),
                    toml::Value::Datetime(d) => Value::String(d.to_string()),
                    other => Value::String(other.to_string()),
                };
                object.insert(k, v);
            }
            Value::Object(object)
        };
        let Value::Object(object) = value else {
            return Err(bad(format!(
                "expected an object, found {}",
                json_kind(&value)
            )));
        };
        return Meta::from_json(&object).map_err(|e| bad(e.to_string()));
    }
    Ok(Meta::default())
}

fn load_json(
    path: &Path,
    text: &str,
    stem: &str,
    options: &LoadOptions,
    ids: &mut HashSet<String>,
    loaded: &mut Loaded,
) {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(err) => {
            loaded
                .problems
                .push(Problem::error(path, LoadError::Json(err.to_string())));
            return;
        }
    };
    let (items, is_array) = match value {
        Value::Array(items) => (items, true),
        Value::Object(_) => (vec![value], false),
        other => {
            loaded.problems.push(Problem::error(
                path,
                LoadError::JsonShape {
                    what: "top level".into(),
                    expected: "an object or an array of objects".into(),
                    found: json_kind(&other).into(),
                },
            ));
            return;
        }
    };
    if items.is_empty() {
        loaded.problems.push(Problem::error(path, LoadError::Empty));
    }
    for (index, item) in items.into_iter().enumerate() {
        let item_no = is_array.then_some(index);
        let fail = |err: LoadError| Problem {
            item: item_no,
            ..Problem::error(path, err)
        };
        let Value::Object(object) = item else {
            loaded.problems.push(fail(LoadError::JsonShape {
                what: "document".into(),
                expected: "an object".into(),
                found: json_kind(&item).into(),
            }));
            continue;
        };
        let body = match object.get("text").or_else(|| object.get("body")) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::String(_)) => {
                loaded.problems.push(fail(LoadError::Empty));
                continue;
            }
            Some(other) => {
                loaded.problems.push(fail(LoadError::JsonShape {
                    what: "field 'text'".into(),
                    expected: "a string".into(),
                    found: json_kind(other).into(),
                }));
                continue;
            }
            None => {
                loaded.problems.push(fail(LoadError::JsonShape {
                    what: "field 'text'".into(),
                    expected: "a string".into(),
                    found: "nothing".into(),
                }));
                continue;
            }
        };
        let meta = match Meta::from_json(&object) {
            Ok(meta) => meta,
            Err(err) => {
                loaded.problems.push(fail(err));
                continue;
            }
        };
        let id_stem = if is_array {
            format!("{stem}-{}", index + 1)
        } else {
            stem.to_owned()
        };
        push_document(path, &id_stem, meta, body, item_no, options, ids, loaded);
    }
}

#[allow(clippy::too_many_arguments)] // Reason: one private helper that assembles a document.
fn push_document(
    path: &Path,
    stem: &str,
    meta: Meta,
    text: String,
    item: Option<usize>,
    options: &LoadOptions,
    ids: &mut HashSet<String>,
    loaded: &mut Loaded,
) {
    let mut published = None;
    if let Some(date) = &meta.date {
        match parse_date(date) {
            Ok(d) => published = Some(d),
            Err(err) => loaded.problems.push(Problem {
                item,
                ..Problem::warning(path, err)
            }),
        }
    }
    let date_assumed = published.is_none() && options.default_date.is_some();
    let published = published.or(options.default_date);
    let title = meta
        .title
        .unwrap_or_else(|| title_from_text(&text).unwrap_or_else(|| stem.to_owned()));
    let id = unique_id(&slug(stem), ids);
    let mut doc = Document::new(id, path.to_path_buf(), title, text).with_published(published);
    doc.date_assumed = date_assumed;
    doc.source = meta.source;
    doc.url = meta.url;
    loaded.documents.push(doc);
}

/// A first line that reads like a headline (short, no final period) serves as the title.
fn title_from_text(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let short = first.chars().count() <= 100;
    let headline = !first.ends_with(['.', '”', '"', '?', '!', ':', ',']);
    (short && headline).then(|| first.to_owned())
}
