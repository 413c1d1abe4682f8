//! The extractor: documents → mentions → actors → relations, events and quotes.
//!
//! Each stage is a pure function over plain data; rules and the knowledge base are data in
//! `assets/`. Entry point: [`extract`].

pub mod kb;
pub mod time;

use crate::corpus::Document;
use crate::model::{Model, SCHEMA};

pub use kb::KnowledgeBase;

/// Extracts the model from documents, in document order. Never panics on any text.
pub fn extract(documents: &[Document], kb: &KnowledgeBase) -> Model {
    let _ = kb;
    Model {
        schema: SCHEMA.to_owned(),
        documents: documents.iter().map(Document::info).collect(),
        ..Model::default()
    }
}
