//! The extractor on the seed article with a small test knowledge base.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a failing expect is a failing test"
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use dossier::corpus::Document;
use dossier::extract::{KnowledgeBase, extract};
use dossier::model::{DocId, Model};

fn kb() -> KnowledgeBase {
    toml::from_str(include_str!("extract_kb.toml")).expect("test KB parses")
}

fn seed() -> Document {
    let text = include_str!("../seeds/000_42862538ee79133b.txt").to_owned();
    Document::new(
        DocId::new("d:seed"),
        PathBuf::from("seed.txt"),
        "NATO alarmed over Russian support for North Korea as Putin visits Pyongyang".into(),
        text,
    )
    .with_published(NaiveDate::from_ymd_opt(2024, 6, 18))
}

fn model() -> Model {
    extract(&[seed()], &kb())
}

fn names(m: &Model) -> Vec<String> {
    m.actors.iter().map(|a| a.name.clone()).collect()
}

#[test]
fn seed_actors_are_the_expected_set() {
    let m = model();
    let names = names(&m);
    eprintln!("{names:#?}");
    for want in [
        "Vladimir Putin",
        "Kim Jong Un",
        "Jens Stoltenberg",
        "Antony Blinken",
        "John Kirby",
        "Karine Jean-Pierre",
        "Xi Jinping",
        "Russia",
        "North Korea",
        "United States",
        "South Korea",
        "NATO",
        "China",
        "Iran",
        "Ukraine",
        "Australia",
        "New Zealand",
        "Japan",
    ] {
        assert!(names.iter().any(|n| n == want), "missing {want}");
    }
    for junk in [
        "State",
        "North",
        "Tuesday",
        "Western",
        "Secretary",
        "National Security",
        "Second World War",
        "Europe",
        "Asian",
    ] {
        assert!(!names.iter().any(|n| n == junk), "junk actor {junk}");
    }
    let extra: Vec<&String> = names
        .iter()
        .filter(|n| !["Washington"].contains(&n.as_str()))
        .collect();
    assert!(extra.len() <= 19, "extra actors: {extra:?}");
}

#[test]
fn seed_people_have_roles_and_affiliations() {
    let m = model();
    let get = |n: &str| {
        m.actors
            .iter()
            .find(|a| a.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    assert_eq!(
        get("Antony Blinken").role.as_deref(),
        Some("Secretary of State")
    );
    assert_eq!(
        get("Antony Blinken")
            .affiliation
            .as_ref()
            .map(dossier::model::ActorId::as_str),
        Some("a:united-states")
    );
    assert_eq!(
        get("John Kirby")
            .affiliation
            .as_ref()
            .map(dossier::model::ActorId::as_str),
        Some("a:united-states")
    );
    assert_eq!(
        get("Jens Stoltenberg")
            .affiliation
            .as_ref()
            .map(dossier::model::ActorId::as_str),
        Some("a:nato")
    );
    assert_eq!(
        get("Vladimir Putin")
            .affiliation
            .as_ref()
            .map(dossier::model::ActorId::as_str),
        Some("a:russia")
    );
    assert_eq!(
        get("Xi Jinping")
            .affiliation
            .as_ref()
            .map(dossier::model::ActorId::as_str),
        Some("a:china")
    );
}

fn has_relation(m: &Model, a: &str, b: &str) -> Option<String> {
    m.relations
        .iter()
        .find(|r| {
            (r.source.as_str() == a && r.target.as_str() == b)
                || (!r.directed && r.source.as_str() == b && r.target.as_str() == a)
        })
        .map(|r| r.kind.clone())
}

#[test]
fn seed_relations() {
    let m = model();
    for r in &m.relations {
        eprintln!("{} {:?} {}", r.id, r.polarity, r.evidence.len());
    }
    assert!(has_relation(&m, "a:north-korea", "a:russia").is_some());
    assert!(
        m.relations
            .iter()
            .any(|r| r.id.as_str() == "r:north-korea>russia:supply")
    );
    for c in ["a:china", "a:north-korea", "a:iran"] {
        assert!(
            m.relations.iter().any(|r| r.source.as_str() == c
                && r.target.as_str() == "a:russia"
                && r.kind == "finance"),
            "{c} finance"
        );
    }
    for c in ["a:australia", "a:new-zealand", "a:south-korea", "a:japan"] {
        assert_eq!(
            has_relation(&m, "a:nato", c).as_deref(),
            Some("partner"),
            "nato ties {c}"
        );
    }
    assert!(m.relations.iter().any(|r| r.source.as_str() == "a:china"
        && r.target.as_str() == "a:russia"
        && r.kind == "support"));
    assert!(m.relations.iter().any(|r| r.source.as_str() == "a:russia"
        && r.target.as_str() == "a:north-korea"
        && r.kind == "support"));
    // Every relation has evidence that slices the document.
    let doc = seed();
    for r in &m.relations {
        for e in &r.evidence {
            assert_eq!(doc.text.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
}

#[test]
fn seed_events_and_quotes() {
    let m = model();
    for e in &m.events {
        eprintln!(
            "{} | {} | {:?}..{:?} | {:?} | place {:?}",
            e.id, e.label, e.start, e.end, e.participants, e.place
        );
    }
    for q in &m.quotes {
        eprintln!("{} : {} : {:?}", q.speaker, q.text, q.about);
    }
    assert!(m.events.iter().any(|e| {
        e.kind == "visit"
            && e.participants
                .iter()
                .any(|p| p.as_str() == "a:vladimir-putin")
            && e.label == "Putin's visit to North Korea"
    }));
    assert!(
        m.events
            .iter()
            .any(|e| e.kind == "summit" && e.label == "NATO summit in Washington")
    );
    assert!(
        m.events
            .iter()
            .any(|e| e.kind == "summit" && e.label == "Xi–Putin summit")
    );
    assert_eq!(m.events.iter().filter(|e| e.kind == "visit").count(), 1);
    let speakers: Vec<&str> = m.quotes.iter().map(|q| q.speaker.as_str()).collect();
    assert!(
        speakers
            .iter()
            .filter(|s| **s == "a:jens-stoltenberg")
            .count()
            >= 3,
        "{speakers:?}"
    );
    assert!(speakers.contains(&"a:karine-jean-pierre"), "{speakers:?}");
    assert!(speakers.contains(&"a:antony-blinken"), "{speakers:?}");
}

/// The same figures with the shipped knowledge base.
#[test]
fn seed_with_the_shipped_knowledge_base() {
    let m = extract(&[seed()], KnowledgeBase::embedded());
    let names = names(&m);
    eprintln!("{names:#?}");
    for r in &m.relations {
        eprintln!("{} {:?}", r.id, r.polarity);
    }
    for e in &m.events {
        eprintln!(
            "{} | {} | {:?}..{:?} | {:?}",
            e.id, e.label, e.start, e.end, e.participants
        );
    }
    for want in [
        "Vladimir Putin",
        "Kim Jong Un",
        "Jens Stoltenberg",
        "Antony Blinken",
        "John Kirby",
        "Karine Jean-Pierre",
        "Xi Jinping",
        "Russia",
        "North Korea",
        "United States",
        "South Korea",
        "NATO",
        "China",
        "Iran",
        "Ukraine",
        "Australia",
        "New Zealand",
        "Japan",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "missing {want} in {names:?}"
        );
    }
    assert!(names.len() <= 20, "extra actors: {names:?}");
    let ev = |label: &str| {
        m.events
            .iter()
            .find(|e| e.label == label)
            .unwrap_or_else(|| panic!("no event {label}"))
    };
    assert_eq!(
        ev("Putin's visit to North Korea").start,
        NaiveDate::from_ymd_opt(2024, 6, 18)
    );
    let summit = ev("Xi–Putin summit");
    assert_eq!(
        (summit.start, summit.end),
        (
            NaiveDate::from_ymd_opt(2024, 5, 1),
            NaiveDate::from_ymd_opt(2024, 5, 31)
        )
    );
    let nato = ev("NATO summit in Washington");
    assert_eq!(
        (nato.start, nato.end),
        (
            NaiveDate::from_ymd_opt(2024, 7, 1),
            NaiveDate::from_ymd_opt(2024, 7, 31)
        )
    );
}

/// General rules shown on text that is not the seed: talks "while in" the country a dated visit
/// went to join that visit; "the army" refers to the country's armed forces once named; "we"
/// in a quote is its speaker.
#[test]
fn rules_beyond_the_seed() {
    let text = "French President Emmanuel Macron began a state visit to Japan on Monday. \
        While in Japan for talks with Prime Minister Fumio Kishida, Macron praised the alliance. \
        Fighting broke out between Sudan's army and rebels. Egypt and Chad, both close allies of \
        the army, urged calm. \"We will always support Ukraine,\" German Chancellor Olaf Scholz \
        said. Microsoft completed its purchase of Activision Blizzard on Friday.";
    let doc = Document::new(
        DocId::new("d:x"),
        PathBuf::from("x.txt"),
        String::new(),
        text.to_owned(),
    )
    .with_published(NaiveDate::from_ymd_opt(2023, 5, 3));
    let m = extract(&[doc], KnowledgeBase::embedded());
    let id = |name: &str| {
        m.actors
            .iter()
            .find(|a| a.name == name)
            .map_or_else(|| panic!("no {name} in {:?}", names(&m)), |a| a.id.clone())
    };
    let visit = m
        .events
        .iter()
        .find(|e| e.kind == "visit")
        .expect("a visit");
    assert_eq!(visit.start, NaiveDate::from_ymd_opt(2023, 5, 1));
    assert!(visit.participants.contains(&id("Emmanuel Macron")));
    assert!(
        visit.participants.contains(&id("Fumio Kishida")),
        "{visit:?}"
    );
    let (scholz, ukraine) = (id("Olaf Scholz"), id("Ukraine"));
    assert!(
        m.relations
            .iter()
            .any(|r| r.kind == "support" && r.source == scholz && r.target == ukraine),
        "{:?}",
        m.relations.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
    // "Blizzard" in a company's name is no storm.
    assert!(
        !m.events.iter().any(|e| e.kind == "storm"),
        "{:?}",
        m.events.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    let army = id("Sudanese Armed Forces");
    let egypt = id("Egypt");
    let chad = id("Chad");
    for ally in [egypt, chad] {
        assert!(
            m.relations.iter().any(|r| r.kind == "ally"
                && ([&r.source, &r.target] == [&ally, &army]
                    || [&r.source, &r.target] == [&army, &ally])),
            "{ally} is not an ally of the army: {:?}",
            m.relations.iter().map(|r| &r.id).collect::<Vec<_>>()
        );
    }
}
