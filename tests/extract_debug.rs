//! A debugging aid: prints every stage's output for a text (run with `--ignored --nocapture`;
//! `DOSSIER_DEBUG_FILE` picks the file, default the seed).

use std::path::PathBuf;

use chrono::NaiveDate;
use dossier::corpus::Document;
use dossier::extract::args::View;
use dossier::extract::{KnowledgeBase, gazetteer, mentions, relations, resolve, rules};
use dossier::model::DocId;

#[test]
#[ignore = "debugging aid"]
fn print_stages() {
    let kb: KnowledgeBase = if std::env::var("DOSSIER_DEBUG_TEST_KB").is_ok() {
        toml::from_str(include_str!("extract_kb.toml")).expect("kb")
    } else {
        KnowledgeBase::embedded().clone()
    };
    let path = std::env::var("DOSSIER_DEBUG_FILE")
        .unwrap_or_else(|_| "seeds/000_42862538ee79133b.txt".into());
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = Document::new(
        DocId::new("d:x"),
        PathBuf::from(&path),
        "NATO alarmed over Russian support for North Korea as Putin visits Pyongyang".into(),
        text,
    )
    .with_published(NaiveDate::from_ymd_opt(2024, 6, 18));
    let mut doc = doc;
    if let Some(s) = dossier::extract::text::refine_sentences(&doc.text, &doc.sentences) {
        doc.sentences = s;
    }
    let g = gazetteer::gazetteer(&kb);
    let found = vec![mentions::find_mentions(&doc, &g)];
    let res = resolve::resolve(&[&doc], &found, &kb, &g);
    let host = |a: usize| res.actors.get(a).and_then(|x| x.host);
    for si in 0..doc.sentences.len() {
        let view = View::new(&doc, si, &res.slots[0], &host).expect("view");
        println!("\n[{si}] {}", view.text());
        for a in &view.args {
            let t = &view.tokens.toks;
            println!(
                "   {:?} -> {} {:?}{}",
                &doc.text[t[a.from].start..t[a.to - 1].end],
                res.actors[a.actor].name,
                a.usage,
                if a.possessive { " 's" } else { "" }
            );
        }
        for h in relations::sentence_relations(&view, rules::relation_rules()) {
            println!(
                "   REL {} -{}-> {}",
                res.actors[h.source].name,
                rules::relation_rules().rules[h.rule].kind,
                res.actors[h.target].name
            );
        }
    }
}

#[test]
#[ignore = "debugging aid"]
fn print_model() {
    let kb: KnowledgeBase = if std::env::var("DOSSIER_DEBUG_TEST_KB").is_ok() {
        toml::from_str(include_str!("extract_kb.toml")).expect("kb")
    } else {
        KnowledgeBase::embedded().clone()
    };
    let path = std::env::var("DOSSIER_DEBUG_FILE")
        .unwrap_or_else(|_| "seeds/000_42862538ee79133b.txt".into());
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = Document::new(DocId::new("d:x"), PathBuf::from(&path), String::new(), text)
        .with_published(NaiveDate::from_ymd_opt(2024, 6, 18));
    let m = dossier::extract::extract(&[doc], &kb);
    println!(
        "{} actors {} relations {} events",
        m.actors.len(),
        m.relations.len(),
        m.events.len()
    );
    for a in &m.actors {
        println!(
            "A {} ({:?}) {:?} role {:?} aff {:?}",
            a.name, a.kind, a.aliases, a.role, a.affiliation
        );
    }
    for r in &m.relations {
        println!("R {}", r.id);
    }
    for e in &m.events {
        println!(
            "E {} | {} | {:?}..{:?} {:?}",
            e.label, e.kind, e.start, e.end, e.participants
        );
    }
}
