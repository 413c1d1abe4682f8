//! Fuzzes the whole extractor: the first byte picks the knowledge base (shipped or empty) and
//! whether documents have a publication date; the rest, split at 0xFF bytes (never in UTF-8),
//! gives one document per piece. Checks that the extractor does not panic and that every span
//! it returns is in bounds, on char boundaries and slices to its text.
#![no_main]

use std::path::PathBuf;

use chrono::NaiveDate;
use dossier::corpus::Document;
use dossier::extract::{KnowledgeBase, extract};
use dossier::model::{DocId, Evidence};
use libfuzzer_sys::fuzz_target;

fn check(docs: &[Document], e: &Evidence) {
    let doc = docs
        .iter()
        .find(|d| d.id == e.document)
        .expect("evidence names a document");
    assert!(e.start <= e.end && e.end <= doc.text.len());
    assert!(doc.text.is_char_boundary(e.start) && doc.text.is_char_boundary(e.end));
    assert_eq!(&doc.text[e.start..e.end], e.text);
}

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let empty = KnowledgeBase::default();
    let kb = if head & 1 == 0 {
        KnowledgeBase::embedded()
    } else {
        &empty
    };
    let published = (head & 2 == 0)
        .then(|| NaiveDate::from_ymd_opt(2024, 6, 18))
        .flatten();
    let docs: Vec<Document> = rest
        .split(|&b| b == 0xFF)
        .take(8)
        .enumerate()
        .filter_map(|(i, piece)| {
            let text = std::str::from_utf8(piece).ok()?.to_owned();
            Some(
                Document::new(
                    DocId::new(format!("d:{i}")),
                    PathBuf::from(format!("{i}.txt")),
                    String::new(),
                    text,
                )
                .with_published(published),
            )
        })
        .collect();
    let model = extract(&docs, kb);
    for actor in &model.actors {
        assert!(!actor.mentions.is_empty());
        for m in &actor.mentions {
            let doc = docs
                .iter()
                .find(|d| d.id == m.document)
                .expect("mention names a document");
            assert!(m.start <= m.end && m.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(m.start) && doc.text.is_char_boundary(m.end));
        }
    }
    for r in &model.relations {
        assert!(model.actor(&r.source).is_some() && model.actor(&r.target).is_some());
        r.evidence.iter().for_each(|e| check(&docs, e));
    }
    for e in &model.events {
        if let (Some(start), Some(end)) = (e.start, e.end) {
            assert!(start <= end);
        }
        e.evidence.iter().for_each(|x| check(&docs, x));
    }
    for q in &model.quotes {
        check(&docs, &q.evidence);
    }
});
