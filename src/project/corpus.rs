//! Between a project's corpus entries and the loaded documents: recording which files the
//! corpus came from (with their hashes and user-set dates) and giving the dates back on load.

use std::path::{Path, PathBuf};

use crate::corpus::Document;
use crate::project::file::{CorpusEntry, Project, normalize, sha256_file};

/// A path made absolute and lexically normalised, for comparing paths given differently.
fn absolute(path: &Path) -> PathBuf {
    normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

impl Project {
    /// Records the files `documents` came from: one entry per file in document order, with
    /// the file's current hash. A date the user set on a document (`date_assumed`) becomes its
    /// file's date override. A file that cannot be read now keeps the hash it had before.
    pub fn record_corpus(&mut self, documents: &[Document]) {
        let mut entries: Vec<CorpusEntry> = Vec::new();
        for doc in documents {
            let path = absolute(&doc.path);
            let date = doc.published.filter(|_| doc.date_assumed);
            if let Some(entry) = entries.iter_mut().find(|e| e.path == path) {
                entry.date_override = entry.date_override.or(date);
                continue;
            }
            let old_hash = || {
                self.corpus
                    .iter()
                    .find(|e| absolute(&e.path) == path)
                    .map(|e| e.sha256.clone())
                    .unwrap_or_default()
            };
            entries.push(CorpusEntry {
                sha256: sha256_file(&path).unwrap_or_else(|_| old_hash()),
                path,
                date_override: date,
            });
        }
        self.corpus = entries;
    }

    /// Gives documents from a file with a date override that date (marked as user-set).
    pub fn apply_date_overrides(&self, documents: &mut [Document]) {
        for doc in documents {
            let path = absolute(&doc.path);
            let date = self
                .corpus
                .iter()
                .find(|e| absolute(&e.path) == path)
                .and_then(|e| e.date_override);
            if let Some(date) = date {
                doc.published = Some(date);
                doc.date_assumed = true;
            }
        }
    }
}
