//! Extraction throughput on a corpus of real-looking news (≥ 5 MB): the seed article and
//! articles on other topics, with names varied, split into documents of a few kilobytes.
//! Prints `name: value unit` lines; single thread. Times are medians of three runs, in wall
//! time and in this thread's CPU time (the machine may be shared: CPU time is per core).
//!
//! Run with `cargo bench --bench extract`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use dossier::corpus::Document;
use dossier::extract::args::View;
use dossier::extract::{
    KnowledgeBase, events, extract, gazetteer, mentions, relations, resolve, rules,
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

/// Seconds of this thread's CPU time so far (Linux `schedstat`, nanoseconds), if known. The
/// machine may be shared, so throughput per core is measured in CPU time as well as wall time.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// Wall and CPU seconds of one extraction (CPU = wall where it cannot be read).
fn seconds(docs: &[Document], kb: &KnowledgeBase) -> (f64, f64) {
    let cpu = cpu_seconds();
    let t = Instant::now();
    let model = extract(black_box(docs), kb);
    black_box(model);
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu.zip(cpu_seconds()).map_or(wall, |(a, b)| b - a);
    (wall, cpu)
}

/// The median wall and CPU seconds of `runs` extractions.
fn median_seconds(docs: &[Document], kb: &KnowledgeBase, runs: usize) -> (f64, f64) {
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    for _ in 0..runs.max(1) {
        let (wall, cpu) = seconds(docs, kb);
        walls.push(wall);
        cpus.push(cpu);
    }
    walls.sort_by(f64::total_cmp);
    cpus.sort_by(f64::total_cmp);
    (walls[walls.len() / 2], cpus[cpus.len() / 2])
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
            let times = dossier::extract::sentence_times(view.text(), doc.published);
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

// The app's allocator (src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let (wall, cpu) = median_seconds(&docs, kb, 3);
    println!("extract_corpus_size: {:.2} MB", bytes as f64 / 1e6);
    println!("extract_documents: {} count", docs.len());
    println!("extract_throughput: {:.2} MB/s", bytes as f64 / 1e6 / wall);
    println!(
        "extract_throughput_cpu: {:.2} MB/s (per core: bytes per second of CPU time)",
        bytes as f64 / 1e6 / cpu
    );

    stage_times(&docs, kb);
    drop(docs);

    let one = corpus(1_000_000, 2);
    let ten = corpus(10_000_000, 3);
    let (_, c1) = median_seconds(&one, kb, 3);
    let (_, c10) = median_seconds(&ten, kb, 1);
    let (t1, t10) = (c1 / bytes_of(&one) as f64, c10 / bytes_of(&ten) as f64);
    println!("extract_throughput_1mb_cpu: {:.2} MB/s", 1e-6 / t1);
    println!("extract_throughput_10mb_cpu: {:.2} MB/s", 1e-6 / t10);
    println!("extract_time_1mb_cpu: {:.3} s", t1 * 1e6);
    println!("extract_time_10mb_cpu: {:.3} s", t10 * 1e7);
    println!(
        "extract_linearity: {:.2} ratio (CPU time per byte 10 MB / 1 MB; 1.0 is linear)",
        t10 / t1
    );
    drop(ten);

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
    let (wall, cpu) = median_seconds(&flat_doc, kb, 3);
    println!("extract_no_punctuation_1mb: {wall:.3} s");
    println!("extract_no_punctuation_1mb_cpu: {cpu:.3} s");
    println!(
        "extract_no_punctuation_throughput_cpu: {:.2} MB/s",
        bytes_of(&flat_doc) as f64 / 1e6 / cpu
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
    let (wall, cpu) = median_seconds(&tiny, kb, 3);
    println!("extract_100k_tiny_documents: {wall:.3} s");
    println!("extract_100k_tiny_documents_cpu: {cpu:.3} s");
}
