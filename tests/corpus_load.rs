//! Loader tests: every format and every bad-input case gives a clear problem naming the file,
//! and the good documents still load.

#![allow(clippy::unwrap_used)] // Reason: test helpers fail loudly on broken fixtures.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use dossier::corpus::{LoadError, LoadOptions, Loaded, Severity, load_paths};

fn load(paths: &[PathBuf], options: &LoadOptions) -> Loaded {
    load_paths(paths, options, &|_| {}, &AtomicBool::new(false))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn seed_corpus_loads_with_its_sidecar() {
    let loaded = load(&[PathBuf::from("seeds")], &LoadOptions::default());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.documents.len(), 1);
    let doc = &loaded.documents[0];
    assert_eq!(
        doc.title,
        "NATO alarmed over Russian support for North Korea as Putin visits Pyongyang"
    );
    assert_eq!(doc.published, Some(date(2024, 6, 18)));
    assert_eq!(
        doc.text,
        std::fs::read_to_string("seeds/000_42862538ee79133b.txt").unwrap()
    );
    assert_eq!(doc.sentences.len(), 16);
}

#[test]
fn every_format_loads_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b/plain.txt", b"Plain text. Two sentences.");
    write(
        dir.path(),
        "b/plain.meta.toml",
        b"title = \"Plain\"\ndate = 2023-01-02\nsource = \"Wire\"\n",
    );
    write(dir.path(), "a/front.md", b"---\ntitle: Front matter\npublished: 2022-05-06\nurl: https://example.org/x\n---\nBody here.\n");
    write(
        dir.path(),
        "c/many.json",
        br#"[{"title": "One", "date": "2021-01-01", "text": "First."}, {"title": "Two", "text": "Second.", "source": "AP"}]"#,
    );
    write(
        dir.path(),
        "c/one.json",
        br#"{"title": "Single", "date": "2020-02-29", "text": "Leap day."}"#,
    );
    write(dir.path(), "c/ignored.png", b"\x89PNG");
    let loaded = load(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let titles: Vec<&str> = loaded.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Front matter", "Plain", "One", "Two", "Single"]);
    let d = &loaded.documents;
    assert_eq!(d[0].published, Some(date(2022, 5, 6)));
    assert_eq!(d[0].url.as_deref(), Some("https://example.org/x"));
    assert_eq!(d[0].text, "Body here.\n");
    assert_eq!(d[1].published, Some(date(2023, 1, 2)));
    assert_eq!(d[1].source.as_deref(), Some("Wire"));
    assert_eq!(d[1].sentences.len(), 2);
    assert_eq!(d[2].published, Some(date(2021, 1, 1)));
    assert_eq!(d[3].published, None);
    assert_eq!(d[4].published, Some(date(2020, 2, 29)));
    let ids: std::collections::HashSet<_> = d.iter().map(|d| d.id.clone()).collect();
    assert_eq!(ids.len(), d.len(), "document ids are unique");
}

#[test]
fn default_date_applies_only_to_undated_documents() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x.txt", b"Undated text.");
    write(dir.path(), "y.md", b"---\ndate: 2020-01-01\n---\nDated.");
    let options = LoadOptions {
        default_date: Some(date(2024, 6, 18)),
        ..LoadOptions::default()
    };
    let loaded = load(&[dir.path().to_path_buf()], &options);
    assert_eq!(loaded.documents[0].published, Some(date(2024, 6, 18)));
    assert!(loaded.documents[0].date_assumed);
    assert_eq!(loaded.documents[1].published, Some(date(2020, 1, 1)));
    assert!(!loaded.documents[1].date_assumed);
}

#[test]
fn bad_files_are_named_with_their_reason_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", b"A good document. It loads.");
    write(dir.path(), "binary.txt", b"abc\x00\x01\x02def");
    write(dir.path(), "latin1.txt", b"caf\xe9 au lait");
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.md", b"  \n\n ");
    write(dir.path(), "huge.txt", &vec![b'a'; 2048]);
    write(dir.path(), "unclosed.md", b"---\ntitle: x\nno end\n");
    write(
        dir.path(),
        "badline.md",
        b"---\nthis is not a pair\n---\ntext",
    );
    write(dir.path(), "broken.json", b"{\"title\": \"x\", \"text\": ");
    write(dir.path(), "number.json", b"42");
    write(
        dir.path(),
        "notext.json",
        br#"[{"title": "no text"}, {"title": "ok", "text": "Fine."}, 7]"#,
    );
    write(
        dir.path(),
        "baddate.md",
        b"---\ndate: 2024-02-30\n---\nStill loads.",
    );
    write(
        dir.path(),
        "absurd.json",
        br#"{"date": "9999-01-01", "text": "Also loads."}"#,
    );
    write(dir.path(), "sidecar.txt", b"Loads without metadata.");
    write(dir.path(), "sidecar.meta.json", b"{not json");
    let missing = dir.path().join("missing.txt");
    let options = LoadOptions {
        max_bytes: 1024,
        ..LoadOptions::default()
    };
    let loaded = load(&[dir.path().to_path_buf(), missing.clone()], &options);

    let texts: Vec<&str> = loaded.documents.iter().map(|d| d.text.trim()).collect();
    assert_eq!(
        texts,
        [
            "Also loads.",
            "Still loads.",
            "A good document. It loads.",
            "Fine.",
            "Loads without metadata."
        ]
    );
    assert!(loaded.documents.iter().all(|d| d.published.is_none()));

    let problem = |name: &str| {
        loaded
            .problems
            .iter()
            .filter(|p| p.path.file_name().is_some_and(|f| f == name))
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        problem("binary.txt")
            .ends_with("skipped: it looks binary (a NUL byte at offset 3), not text"),
        "{}",
        problem("binary.txt")
    );
    assert!(
        problem("latin1.txt")
            .ends_with("skipped: it is not valid UTF-8 (invalid byte at offset 3)")
    );
    assert!(problem("empty.txt").ends_with("skipped: it is empty"));
    assert!(problem("blank.md").ends_with("skipped: it is empty"));
    assert!(problem("huge.txt").contains("it is 2048 bytes, over the 1024-byte limit"));
    assert!(problem("unclosed.md").contains("never closed"));
    assert!(
        problem("badline.md")
            .contains("front matter line 2 should be 'key: value', found 'this is not a pair'")
    );
    assert!(problem("broken.json").contains("invalid JSON: EOF while parsing"));
    assert!(
        problem("number.json")
            .contains("expected an object or an array of objects, found a number")
    );
    let notext = problem("notext.json");
    assert!(
        notext.contains("(item 0): skipped: JSON field 'text': expected a string, found nothing"),
        "{notext}"
    );
    assert!(
        notext.contains("(item 2): skipped: JSON document: expected an object, found a number"),
        "{notext}"
    );
    assert!(
        problem("baddate.md").contains("warning: date '2024-02-30' is not a real calendar date")
    );
    assert!(problem("absurd.json").contains("has a year outside 1800–2200"));
    assert!(problem("sidecar.txt").contains("the sidecar sidecar.meta.json is invalid"));
    assert!(problem("missing.txt").ends_with("skipped: no such file or folder"));
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    assert_eq!(errors, 12);
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.path.starts_with(dir.path()))
    );
    assert_eq!(
        loaded
            .problems
            .iter()
            .find(|p| p.path == missing)
            .map(|p| &p.error),
        Some(&LoadError::Missing)
    );
}

#[test]
fn explicit_unsupported_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "paper.pdf", b"%PDF-1.4");
    let loaded = load(&[pdf], &LoadOptions::default());
    assert!(loaded.documents.is_empty());
    assert_eq!(
        loaded.problems[0].error.to_string(),
        "unsupported file type '.pdf': expected .txt, .md or .json"
    );
}

#[test]
fn cancelling_stops_the_load() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        write(dir.path(), &format!("{i:02}.txt"), b"Text.");
    }
    let loaded = load_paths(
        &[dir.path().to_path_buf()],
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(true),
    );
    assert!(loaded.cancelled);
    assert!(loaded.documents.is_empty());
}

#[test]
fn progress_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5 {
        write(dir.path(), &format!("{i}.txt"), b"Text.");
    }
    let seen = std::sync::Mutex::new(Vec::new());
    let loaded = load_paths(
        &[dir.path().to_path_buf()],
        &LoadOptions::default(),
        &|p| seen.lock().unwrap().push(p),
        &AtomicBool::new(false),
    );
    assert_eq!(loaded.documents.len(), 5);
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((5, 5)));
}
