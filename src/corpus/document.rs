//! A loaded document: its text, metadata and sentences.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::corpus::sentences::{Sentence, split_sentences};
use crate::model::{DocId, DocumentInfo};

/// One document of the corpus. Immutable once loaded except for the user-set date.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: DocId,
    /// The file it came from (for a JSON array, the same path for every item).
    pub path: PathBuf,
    pub title: String,
    /// Publication date: relative dates ("on Tuesday", "next month") are read against it.
    pub published: Option<NaiveDate>,
    /// Whether `published` came from `--date` or the user rather than the document itself.
    pub date_assumed: bool,
    pub source: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Sentences in text order; they tile the non-blank text and never overlap.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Builds a document and splits its sentences.
    pub fn new(id: DocId, path: PathBuf, title: String, text: String) -> Self {
        let sentences = split_sentences(&text);
        Self {
            id,
            path,
            title,
            published: None,
            date_assumed: false,
            source: None,
            url: None,
            text,
            sentences,
        }
    }

    #[must_use]
    pub fn with_published(mut self, published: Option<NaiveDate>) -> Self {
        self.published = published;
        self
    }

    /// The model's view of this document's metadata.
    pub fn info(&self) -> DocumentInfo {
        DocumentInfo {
            id: self.id.clone(),
            title: self.title.clone(),
            published: self.published,
            source: self.source.clone(),
            url: self.url.clone(),
            path: self.path.display().to_string(),
        }
    }

    /// The index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences
            .get(index)
            .and_then(|s| self.text.get(s.start..s.end))
            .unwrap_or("")
    }
}
