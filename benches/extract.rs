//! Extraction throughput on a corpus of real-looking news (≥ 5 MB): the seed article and
//! articles on other topics, with names varied, split into documents of a few kilobytes.
//! Prints `name: value unit` lines; single thread.
//!
//! Run with `cargo bench --bench extract`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use dossier::corpus::Document;
use dossier::extract::args::View;
use dossier::extract::{
    KnowledgeBase, events, extract, gazetteer, mentions, relations, resolve, rules, text, time,
};
use dossier::model::DocId;

const SEED: &str = include_str!("../seeds/000_42862538ee79133b.txt");

/// Article templates on other topics; `{P1}`… are people, `{C1}`… countries, `{O1}`… organizations.
const TEMPLATES: &[&str] = &[
    "{P1}, the chief executive of {O1} Corp., said on Monday that the company had agreed to acquire {O2} Inc. for $4.2 billion. \"This deal makes us stronger,\" {P1} told reporters in New York. Shareholders of {O2} Inc. will vote on the merger next month, according to a filing with the Securities and Exchange Commission. {O2} Inc. shares rose 12% in early trading. Analysts at {O3} Group said the acquisition would face scrutiny from regulators in {C1} and {C2}. The company sued {O3} Group last year over a patent dispute.",
    "A federal judge in Washington ruled on Tuesday that {O1} Corp. had violated antitrust law. Judge {P2} wrote that the company \"has acted to maintain its monopoly.\" The Justice Department sued {O1} Corp. in 2020. {P1}, a lawyer for the company, said it would appeal the ruling. The trial lasted ten weeks and heard testimony from executives of {O2} Inc. and {O3} Group. The verdict comes as regulators in {C1} also investigate the company.",
    "{C1} beat {C2} 2-1 in the final on Sunday to win the championship. Striker {P1} scored twice in the second half, and goalkeeper {P2} saved a penalty in the last minute. \"We never stopped believing,\" said coach {P3} after the match. {C2} had defeated {C3} in the semifinal on Wednesday. The tournament drew more than a million fans to stadiums across {C4}.",
    "A magnitude 7.1 earthquake struck {C1} on Friday, killing at least 40 people and injuring hundreds, officials said. The quake hit near the coast at 3:12 a.m. local time. Prime Minister {P1} said the government would send troops to help with rescue efforts. {C2} and {C3} offered assistance, and the United Nations said it was ready to support relief work. Heavy rain and flooding are expected next week, the meteorological agency warned.",
    "{P1}, a former foreign minister of {C1} who led talks with {C2} during the 1990s, died on Saturday at the age of 88, his family said. {P1} negotiated a landmark treaty with {C2} in 1994 and later served as ambassador to {C3}. His funeral will be held next Thursday in the capital. President {P2} praised him as \"a patriot and a peacemaker.\"",
    "President {P1} of {C1} met Prime Minister {P2} of {C2} in {C3} on Wednesday for talks on trade and security. The two leaders signed an agreement to expand cooperation on energy, and {C1} pledged to support {C2} in its dispute with {C4}. \"Our partnership has never been stronger,\" {P1} said at a joint press conference. {C4} criticized the deal and warned {C2} against hosting foreign troops. {P2} will visit {C1} next month.",
];

const FIRST: &[&str] = &[
    "Maria", "John", "Ahmed", "Li", "Olga", "Carlos", "Priya", "James", "Fatima", "Hans", "Yuki",
    "Kwame", "Sofia", "Pierre", "Ana", "David", "Elena", "Omar", "Grace", "Lucas",
];
const LAST: &[&str] = &[
    "Santos", "Okafor", "Novak", "Schmidt", "Tanaka", "Haddad", "Kowalski", "Mendes", "Larsen",
    "Petrov", "Nguyen", "Fischer", "Rossi", "Dubois", "Jensen", "Moreau", "Costa", "Silva",
    "Ibrahim", "Walsh",
];
const COUNTRIES: &[&str] = &[
    "France", "Germany", "Japan", "India", "Brazil", "Kenya", "Canada", "Mexico", "Spain", "Italy",
    "Egypt", "Turkey", "Poland", "Chile", "Vietnam", "Norway", "Nigeria", "Peru", "Greece",
    "Ireland",
];
const ORGS: &[&str] = &[
    "Acme",
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Hooli",
    "Vandelay",
    "Soylent",
    "Massive",
    "Oscorp",
    "Gringotts",
];

/// A small deterministic generator (no randomness crate needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next() % list.len()]
    }
}

fn article(rng: &mut Lcg) -> String {
    let k = rng.next() % (TEMPLATES.len() + 1);
    let mut text = if k == TEMPLATES.len() {
        SEED.to_owned()
    } else {
        TEMPLATES[k].to_owned()
    };
    for i in 1..=4 {
        let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        text = text.replace(&format!("{{P{i}}}"), &person);
        text = text.replace(&format!("{{C{i}}}"), rng.pick(COUNTRIES));
        text = text.replace(&format!("{{O{i}}}"), rng.pick(ORGS));
    }
    text
}

/// Documents of a few kilobytes each, totalling at least `bytes`.
fn corpus(bytes: usize, seed: u64) -> Vec<Document> {
    let mut rng = Lcg(seed);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut text = String::new();
        while text.len() < 3000 {
            text.push_str(&article(&mut rng));
            text.push_str("\n\n");
        }
        total += text.len();
        let id = DocId::new(format!("d:{}", docs.len()));
        docs.push(
            Document::new(id, PathBuf::from("bench.txt"), "Bench article".into(), text)
                .with_published(NaiveDate::from_ymd_opt(2024, 6, 18)),
        );
    }
    docs
}

fn bytes_of(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.len()).sum()
}

fn seconds(docs: &[Document], kb: &KnowledgeBase) -> f64 {
    let t = Instant::now();
    let model = extract(black_box(docs), kb);
    black_box(model);
    t.elapsed().as_secs_f64()
}

/// Seconds spent in each stage over the corpus (single thread), to see where time goes.
fn stage_times(docs: &[Document], kb: &KnowledgeBase) {
    let t = Instant::now();
    let g = gazetteer::gazetteer(kb);
    let found: Vec<Vec<mentions::Found>> = docs
        .iter()
        .map(|d| mentions::find_mentions(d, &g))
        .collect();
    println!("extract_stage_mentions: {:.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let refs: Vec<&Document> = docs.iter().collect();
    let res = resolve::resolve(&refs, &found, kb, &g);
    println!("extract_stage_resolve: {:.3} s", t.elapsed().as_secs_f64());
    let host = |a: usize| res.actors.get(a).map(|_| a);
    let (mut t_view, mut t_rel, mut t_time, mut t_event) = (0.0, 0.0, 0.0, 0.0);
    let mut n = 0usize;
    for (doc, slots) in docs.iter().zip(&res.slots) {
        for si in 0..doc.sentences.len() {
            let t = Instant::now();
            let Some(view) = View::new(doc, si, slots, &host) else {
                continue;
            };
            t_view += t.elapsed().as_secs_f64();
            let t = Instant::now();
            n += relations::sentence_relations(&view, rules::relation_rules()).len();
            t_rel += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let times = if text::may_have_time(view.text()) {
                time::find_times(view.text(), doc.published)
            } else {
                Vec::new()
            };
            t_time += t.elapsed().as_secs_f64();
            if !times.is_empty() || rules::event_rules().triggers_in(&view.tokens) {
                let t = Instant::now();
                n += events::sentence_events(&view, &times, doc.published, rules::event_rules())
                    .len();
                t_event += t.elapsed().as_secs_f64();
            }
        }
    }
    black_box(n);
    println!("extract_stage_views: {t_view:.3} s");
    println!("extract_stage_relations: {t_rel:.3} s");
    println!("extract_stage_times: {t_time:.3} s");
    println!("extract_stage_events: {t_event:.3} s");
}

fn main() {
    let embedded = KnowledgeBase::embedded();
    let test_kb: KnowledgeBase =
        toml::from_str(include_str!("../tests/extract_kb.toml")).unwrap_or_default();
    let kb = if embedded.countries.is_empty() {
        &test_kb
    } else {
        embedded
    };
    println!(
        "kb_entities: {} count",
        kb.countries.len() + kb.organizations.len() + kb.people.len()
    );

    // Warm up: compile rules and the gazetteer once.
    let _ = seconds(&corpus(100_000, 7), kb);

    let docs = corpus(6_000_000, 1);
    let bytes = bytes_of(&docs);
    let secs = seconds(&docs, kb);
    println!("extract_corpus_size: {:.2} MB", bytes as f64 / 1e6);
    println!("extract_documents: {} count", docs.len());
    println!("extract_throughput: {:.2} MB/s", bytes as f64 / 1e6 / secs);

    stage_times(&docs, kb);

    let one = corpus(1_000_000, 2);
    let four = corpus(4_000_000, 3);
    let t1 = seconds(&one, kb) / bytes_of(&one) as f64;
    let t4 = seconds(&four, kb) / bytes_of(&four) as f64;
    println!("extract_time_1mb: {:.3} s", t1 * 1e6);
    println!("extract_time_4mb: {:.3} s", t4 * 4e6);
    println!(
        "extract_linearity: {:.2} ratio (time per byte 4 MB / 1 MB; 1.0 is linear)",
        t4 / t1
    );

    // One megabyte with no punctuation at all: a single enormous "sentence".
    let mut rng = Lcg(9);
    let mut flat = String::new();
    while flat.len() < 1_000_000 {
        flat.push_str(rng.pick(FIRST));
        flat.push(' ');
        flat.push_str(rng.pick(LAST));
        flat.push_str(" met ");
        flat.push_str(rng.pick(COUNTRIES));
        flat.push_str(" and the summit with Russia was held in Washington on Tuesday ");
    }
    let flat_doc = vec![
        Document::new(
            DocId::new("d:flat"),
            PathBuf::from("flat.txt"),
            String::new(),
            flat,
        )
        .with_published(NaiveDate::from_ymd_opt(2024, 6, 18)),
    ];
    let secs = seconds(&flat_doc, kb);
    println!("extract_no_punctuation_1mb: {secs:.3} s");
    println!(
        "extract_no_punctuation_throughput: {:.2} MB/s",
        bytes_of(&flat_doc) as f64 / 1e6 / secs
    );

    // Many tiny documents.
    let tiny: Vec<Document> = (0..100_000)
        .map(|i| {
            Document::new(
                DocId::new(format!("d:t{i}")),
                PathBuf::from("t.txt"),
                String::new(),
                format!("Putin met Kim in Pyongyang {i}."),
            )
            .with_published(NaiveDate::from_ymd_opt(2024, 6, 18))
        })
        .collect();
    let secs = seconds(&tiny, kb);
    println!("extract_100k_tiny_documents: {secs:.3} s");
}
