//! Property tests: the extractor never panics and every span it returns is in bounds, on char
//! boundaries and slices to its text.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a failing expect is a failing test"
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use dossier::corpus::Document;
use dossier::extract::{KnowledgeBase, extract};
use dossier::model::{DocId, Evidence, Model};
use proptest::prelude::*;

fn kb() -> KnowledgeBase {
    toml::from_str(include_str!("extract_kb.toml")).expect("test KB parses")
}

fn check_evidence(doc: &Document, e: &Evidence) -> Result<(), TestCaseError> {
    prop_assert!(
        e.start <= e.end && e.end <= doc.text.len(),
        "evidence out of bounds"
    );
    prop_assert!(doc.text.is_char_boundary(e.start) && doc.text.is_char_boundary(e.end));
    prop_assert_eq!(&doc.text[e.start..e.end], e.text.as_str());
    Ok(())
}

fn check(doc: &Document, m: &Model) -> Result<(), TestCaseError> {
    for a in &m.actors {
        prop_assert!(!a.mentions.is_empty(), "actor without mentions: {}", a.name);
        for x in &a.mentions {
            prop_assert!(x.start <= x.end && x.end <= doc.text.len());
            prop_assert!(doc.text.is_char_boundary(x.start) && doc.text.is_char_boundary(x.end));
        }
    }
    for r in &m.relations {
        prop_assert!(!r.evidence.is_empty());
        for e in &r.evidence {
            check_evidence(doc, e)?;
        }
        prop_assert!(m.actor(&r.source).is_some() && m.actor(&r.target).is_some());
    }
    for e in &m.events {
        for x in &e.evidence {
            check_evidence(doc, x)?;
        }
        for p in &e.participants {
            prop_assert!(m.actor(p).is_some());
        }
    }
    for q in &m.quotes {
        check_evidence(doc, &q.evidence)?;
        prop_assert!(m.actor(&q.speaker).is_some());
    }
    Ok(())
}

fn doc(text: String) -> Document {
    Document::new(
        DocId::new("d:p"),
        PathBuf::from("p.txt"),
        "NATO and the alliance".into(),
        text,
    )
    .with_published(NaiveDate::from_ymd_opt(2024, 6, 18))
}

const WORDS: &[&str] = &[
    "Russia",
    "North Korea",
    "the North",
    "the alliance",
    "’s",
    "'s",
    "Putin",
    "Vladimir Putin",
    "Kim",
    "said",
    "“",
    "”",
    "\"",
    ",",
    ".",
    "—",
    "-",
    "Secretary of State",
    "U.S.",
    "Washington",
    "in",
    "to",
    "visit",
    "summit",
    "with",
    "and",
    "the",
    "He",
    "his",
    "its",
    "their",
    "supplied",
    "by",
    "was",
    "Mr.",
    "Corp.",
    "(",
    ")",
    "CFIUS",
    "known as",
    "é",
    "漢字",
    "\n",
    "\n\n",
    "on Tuesday",
    "next month",
    "ally of",
    "according to",
    "the speaker",
    "chief",
    "Inc.",
    "Jean-Pierre",
    "…",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let d = doc(text);
        let m = extract(std::slice::from_ref(&d), &kb());
        check(&d, &m)?;
    }

    #[test]
    fn news_like_word_salad_never_panics(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..80)) {
        let d = doc(words.join(" "));
        let m = extract(std::slice::from_ref(&d), &kb());
        check(&d, &m)?;
    }

    #[test]
    fn arbitrary_strings_never_panic_with_the_shipped_knowledge_base(text in any::<String>()) {
        let d = doc(text);
        let m = extract(std::slice::from_ref(&d), KnowledgeBase::embedded());
        check(&d, &m)?;
    }

    #[test]
    fn word_salad_never_panics_with_the_shipped_knowledge_base(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..80), glue in any::<bool>()) {
        let d = doc(if glue { words.concat() } else { words.join(" ") });
        let m = extract(std::slice::from_ref(&d), KnowledgeBase::embedded());
        check(&d, &m)?;
    }

    #[test]
    fn glued_word_salad_never_panics(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..80)) {
        let d = doc(words.concat());
        let m = extract(std::slice::from_ref(&d), &kb());
        check(&d, &m)?;
    }
}

#[test]
fn empty_and_degenerate_documents() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "“",
        "”",
        "'s",
        "—",
        "...",
        "U.S.",
        "the North",
        "He said, “",
        "A-",
        "-B",
    ] {
        let d = doc(text.to_owned());
        let m = extract(std::slice::from_ref(&d), &kb());
        assert!(check(&d, &m).is_ok(), "{text:?}");
    }
}
