//! Data exports: the model as GEXF, `GraphML`, CSV, `TimelineJS` JSON and Dossier's own JSON.
//!
//! Each format is rendered to bytes in memory by a pure function of the [`Model`] (same model,
//! same bytes: everything follows the model's own order, maps are ordered, nothing reads the
//! clock), then written with [`write_atomic_all`], so a failed export leaves no partial file.
//!
//! | format | file | opened by |
//! |---|---|---|
//! | [`DataFormat::Gexf`] | `x.gexf` | Gephi (timeline included, see [`to_gexf`]) |
//! | [`DataFormat::GraphMl`] | `x.graphml` | yEd, Cytoscape, Gephi, networkx |
//! | [`DataFormat::Csv`] | `x-actors.csv`, `x-relations.csv`, `x-events.csv` | Kumu, i2, spreadsheets (see [`csv_paths`]) |
//! | [`DataFormat::TimelineJs`] | `x.timeline.json` | Knight Lab's `TimelineJS` |
//! | [`DataFormat::Json`] | `x.json` | Dossier (`dossier/1`, the extract format) |
//!
//! Relations whose source or target is not an actor of the model are left out of the graph
//! formats (GEXF and `GraphML` readers reject edges to unknown nodes); the CSV and JSON keep them.

mod csv;
mod gexf;
mod graphml;
mod timeline;
mod timing;
mod xml;

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::export::atomic::write_atomic_all;
use crate::model::{ActorId, Model};

pub use csv::{CsvFiles, to_csv};
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use timeline::to_timelinejs;

/// A data format Dossier exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataFormat {
    /// GEXF 1.3 for Gephi, with dynamic attributes for its timeline.
    Gexf,
    /// `GraphML` for yEd and Cytoscape.
    GraphMl,
    /// Three CSV files (actors, relations, events) for Kumu and i2.
    Csv,
    /// `TimelineJS` JSON (`.timeline.json`).
    TimelineJs,
    /// Dossier's own `dossier/1` JSON.
    Json,
}

impl DataFormat {
    pub const ALL: [DataFormat; 5] = [
        DataFormat::Gexf,
        DataFormat::GraphMl,
        DataFormat::Csv,
        DataFormat::TimelineJs,
        DataFormat::Json,
    ];

    /// The format a path asks for, from its ending (case-insensitive): `.gexf`, `.graphml`,
    /// `.csv`, `.timeline.json` (`TimelineJS`; checked before plain `.json`) and `.json`.
    /// An existing directory means CSV (the three files are written inside it); any other
    /// path gives `None`.
    pub fn from_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".timeline.json") {
            return Some(DataFormat::TimelineJs);
        }
        let extension = Path::new(&name).extension().and_then(|e| e.to_str());
        match extension {
            Some("gexf") => Some(DataFormat::Gexf),
            Some("graphml") => Some(DataFormat::GraphMl),
            Some("csv") => Some(DataFormat::Csv),
            Some("json") => Some(DataFormat::Json),
            _ => path.is_dir().then_some(DataFormat::Csv),
        }
    }

    /// The name shown in menus and file-dialog filters.
    pub fn label(self) -> &'static str {
        match self {
            DataFormat::Gexf => "GEXF (Gephi)",
            DataFormat::GraphMl => "GraphML (yEd, Cytoscape)",
            DataFormat::Csv => "CSV (Kumu, i2)",
            DataFormat::TimelineJs => "TimelineJS JSON",
            DataFormat::Json => "Dossier JSON",
        }
    }

    /// The file ending written, without the leading dot. Native file-dialog filters match
    /// only the last extension, so a filter for `TimelineJS` should offer `json` and the
    /// caller append `.timeline.json` when the chosen name lacks it.
    pub fn extension(self) -> &'static str {
        match self {
            DataFormat::Gexf => "gexf",
            DataFormat::GraphMl => "graphml",
            DataFormat::Csv => "csv",
            DataFormat::TimelineJs => "timeline.json",
            DataFormat::Json => "json",
        }
    }
}

impl fmt::Display for DataFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why a data export failed. Messages name the file and the reason.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Could not write “{}”: {source}.", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("Could not create the folder “{}” for the CSV files: {source}.", path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("Could not write “{}”: the model could not be turned into JSON ({source}).", path.display())]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// Writes `model` in `format` to `path` and returns the files written.
///
/// Every format writes the one file `path`, except CSV, which writes three (see
/// [`csv_paths`]). Writes are atomic: on error no file is left half-written and any existing
/// file at a destination is kept as it was.
pub fn export_data(
    model: &Model,
    format: DataFormat,
    path: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    // A folder this export made for CSV files, removed again if the writes fail.
    let mut created_dir = None;
    let files: Vec<(PathBuf, Vec<u8>)> = match format {
        DataFormat::Gexf => vec![(path.to_owned(), to_gexf(model).into_bytes())],
        DataFormat::GraphMl => vec![(path.to_owned(), to_graphml(model).into_bytes())],
        DataFormat::TimelineJs => vec![(path.to_owned(), to_timelinejs(model).into_bytes())],
        DataFormat::Json => {
            let json = to_json(model).map_err(|source| ExportError::Json {
                path: path.to_owned(),
                source,
            })?;
            vec![(path.to_owned(), json.into_bytes())]
        }
        DataFormat::Csv => {
            let [actors_path, relations_path, events_path] = csv_paths(path);
            if !is_csv_file(path) && !path.is_dir() {
                std::fs::create_dir_all(path).map_err(|source| ExportError::CreateDir {
                    path: path.to_owned(),
                    source,
                })?;
                created_dir = Some(path);
            }
            let CsvFiles {
                actors,
                relations,
                events,
            } = to_csv(model);
            vec![
                (actors_path, actors.into_bytes()),
                (relations_path, relations.into_bytes()),
                (events_path, events.into_bytes()),
            ]
        }
    };
    let refs: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(p, bytes)| (p.as_path(), bytes.as_slice()))
        .collect();
    write_atomic_all(&refs).map_err(|failed| {
        if let Some(dir) = created_dir {
            // Only succeeds while the folder is empty, which it is after a failed write.
            let _ = std::fs::remove_dir(dir);
        }
        ExportError::Write {
            path: files
                .get(failed.index)
                .map(|(p, _)| p.clone())
                .unwrap_or_default(),
            source: failed.error,
        }
    })?;
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

fn is_csv_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// The three files a CSV export writes, in the order actors, relations, events.
///
/// - A path ending in `.csv` names the set: `out/net.csv` gives `out/net-actors.csv`,
///   `out/net-relations.csv` and `out/net-events.csv` (the file `net.csv` itself is not
///   written, so several exports can share a folder).
/// - Any other path is a folder (created if missing): `out/` gives `out/actors.csv`,
///   `out/relations.csv` and `out/events.csv`.
pub fn csv_paths(path: &Path) -> [PathBuf; 3] {
    const NAMES: [&str; 3] = ["actors", "relations", "events"];
    if is_csv_file(path) {
        let stem = path.file_stem().unwrap_or_default();
        NAMES.map(|name| {
            let mut file = stem.to_os_string();
            file.push(format!("-{name}.csv"));
            path.with_file_name(file)
        })
    } else {
        NAMES.map(|name| path.join(format!("{name}.csv")))
    }
}

/// Dossier's own JSON: the model exactly as `dossier extract --json` writes it, plus a final
/// newline.
pub fn to_json(model: &Model) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(model)?;
    json.push('\n');
    Ok(json)
}

/// Actor names by id, for formats that show names where the model holds ids.
struct Names<'m>(BTreeMap<&'m ActorId, &'m str>);

impl<'m> Names<'m> {
    fn new(model: &'m Model) -> Self {
        let mut names = BTreeMap::new();
        for actor in &model.actors {
            // The first actor with an id wins, as in `Model::actor`.
            names.entry(&actor.id).or_insert(actor.name.as_str());
        }
        Self(names)
    }

    /// The actor's name, or its id when the model has no such actor.
    fn of<'a>(&'a self, id: &'a ActorId) -> &'a str {
        self.0.get(id).copied().unwrap_or(id.as_str())
    }

    fn contains(&self, id: &ActorId) -> bool {
        self.0.contains_key(id)
    }
}

/// Whether the graph formats' default edge type is directed: when any relation is.
fn default_directed(model: &Model) -> bool {
    model.relations.iter().any(|r| r.directed)
}

/// One line saying what the export was made from, for the formats' descriptions.
fn document_summary(model: &Model) -> String {
    let titles: Vec<&str> = model
        .documents
        .iter()
        .map(|d| d.title.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let count = model.documents.len();
    let noun = if count == 1 { "document" } else { "documents" };
    let mut summary =
        format!("Actors, relations and events extracted by Dossier from {count} {noun}");
    if !titles.is_empty() {
        summary.push_str(": ");
        summary.push_str(&titles.join("; "));
    }
    summary
}

/// Replaces characters no exchange format should carry (C0 controls other than tab, line feed
/// and carriage return, which XML 1.0 cannot represent at all) with U+FFFD.
fn clean_char(c: char) -> char {
    if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') {
        '\u{FFFD}'
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_path() {
        let cases = [
            ("a/b.gexf", Some(DataFormat::Gexf)),
            ("B.GraphML", Some(DataFormat::GraphMl)),
            ("x.csv", Some(DataFormat::Csv)),
            ("x.timeline.json", Some(DataFormat::TimelineJs)),
            ("X.Timeline.JSON", Some(DataFormat::TimelineJs)),
            ("x.json", Some(DataFormat::Json)),
            ("timeline.json", Some(DataFormat::Json)),
            ("x.png", None),
            ("noext", None),
        ];
        for (path, want) in cases {
            assert_eq!(DataFormat::from_path(Path::new(path)), want, "{path}");
        }
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(DataFormat::from_path(dir.path()), Some(DataFormat::Csv));
    }

    #[test]
    fn csv_paths_for_file_and_folder() {
        let [a, r, e] = csv_paths(Path::new("out/net.CSV"));
        assert_eq!(a, Path::new("out/net-actors.csv"));
        assert_eq!(r, Path::new("out/net-relations.csv"));
        assert_eq!(e, Path::new("out/net-events.csv"));
        let [a, _, e] = csv_paths(Path::new("out"));
        assert_eq!(a, Path::new("out/actors.csv"));
        assert_eq!(e, Path::new("out/events.csv"));
    }

    #[test]
    fn control_characters_are_replaced() {
        let cleaned: String = "a\u{0}b\tc\u{1b}\n".chars().map(clean_char).collect();
        assert_eq!(cleaned, "a\u{FFFD}b\tc\u{FFFD}\n");
    }
}
