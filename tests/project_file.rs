//! The `.dossier` file: save → load → save is byte-identical, corpus paths are stored relative,
//! changed and missing corpus files are detected, bad files are refused with exact messages,
//! every schema version's fixture loads, and recovery files are found and discarded.

#![allow(clippy::unwrap_used)] // Reason: test fixtures fail loudly.
#![allow(clippy::float_cmp)] // Reason: positions must round-trip exactly, bit for bit.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier::model::{ActorId, ActorKind, Evidence, Polarity};
use dossier::project::{
    ActorRef, CorpusEntry, CorpusIssue, Correction, MAX_PROJECT_BYTES, Project, ProjectError,
    SCHEMA_VERSION, check_corpus, discard_recovery, find_recovery, load, load_with_warnings,
    recovery_path, save, sha256_file, write_recovery,
};

const FIXTURES: &str = "tests/fixtures/projects";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

fn actor_ref(id: &str, name: &str, kind: ActorKind) -> ActorRef {
    ActorRef {
        id: ActorId::from(id),
        name: name.to_owned(),
        kind,
        aliases: vec![],
    }
}

/// A project with something in every field, its corpus under `root`.
fn sample(root: &Path) -> Project {
    let inside = write(&root.join("project/articles/a.txt"), b"First article.");
    let beside = write(&root.join("news/b.txt"), "Second \u{e9}t\u{e9}.".as_bytes());
    let mut a = CorpusEntry::from_file(&inside).unwrap();
    a.date_override = Some(date(2024, 6, 18));
    let b = CorpusEntry::from_file(&beside).unwrap();
    let mut project = Project {
        corpus: vec![a, b],
        corrections: vec![
            Correction::RenameActor {
                actor: actor_ref("a:nato", "NATO", ActorKind::Organization),
                name: "North Atlantic Treaty Organization".to_owned(),
            },
            Correction::AddRelation {
                source: actor_ref(
                    "a:nato",
                    "North Atlantic Treaty Organization",
                    ActorKind::Organization,
                ),
                target: actor_ref("a:russia", "Russia", ActorKind::Country),
                kind: "oppose".to_owned(),
                polarity: Polarity::Conflictual,
                directed: true,
                evidence: Some(Evidence {
                    document: "d:000_a".into(),
                    start: 0,
                    end: 14,
                    text: "First article.".to_owned(),
                }),
            },
        ],
        view: serde_json::json!({"level": "People", "time_window": ["2024-06-01", "2024-06-30"], "dark": true, "zoom": 1.25}),
        walkthroughs: serde_json::json!([{"title": "Steps", "steps": [{"select": "a:nato"}]}]),
        ..Project::default()
    };
    project
        .layout
        .positions
        .insert(ActorId::from("a:russia"), [12.5, -3.25]);
    project
        .layout
        .positions
        .insert(ActorId::from("a:nato"), [0.1, 1e-7]);
    project.layout.pinned.push(ActorId::from("a:nato"));
    project
}

#[test]
fn save_load_save_is_byte_identical_and_paths_are_relative() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample(dir.path());
    let path = dir.path().join("project/case.dossier");
    save(&project, &path).unwrap();
    let first = fs::read(&path).unwrap();

    let loaded = load_with_warnings(&path).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.project, project);
    save(&loaded.project, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);

    let text = String::from_utf8(first).unwrap();
    assert!(text.contains(r#""path": "articles/a.txt""#), "{text}");
    assert!(text.contains(r#""path": "../news/b.txt""#), "{text}");
    assert!(text.ends_with("}\n"));
    // Sorted maps: the view's keys and the positions come out in order.
    assert!(text.find(r#""dark""#).unwrap() < text.find(r#""zoom""#).unwrap());
    assert!(text.find(r#""a:nato""#).unwrap() < text.find(r#""a:russia": ["#).unwrap());
    // No temp file is left beside it.
    let names: Vec<String> = fs::read_dir(dir.path().join("project"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // The project moves with its folder: relative paths resolve at the new place.
    let moved = tempfile::tempdir().unwrap();
    fs::rename(dir.path().join("project"), moved.path().join("project")).unwrap();
    fs::rename(dir.path().join("news"), moved.path().join("news")).unwrap();
    let again = load(&moved.path().join("project/case.dossier")).unwrap();
    assert_eq!(
        again.corpus[0].path,
        moved.path().join("project/articles/a.txt")
    );
    assert!(check_corpus(&again, moved.path()).is_empty());
}

#[test]
fn the_same_project_always_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample(dir.path());
    let one = dir.path().join("project/one.dossier");
    let two = dir.path().join("project/two.dossier");
    save(&project, &one).unwrap();
    save(&project.clone(), &two).unwrap();
    assert_eq!(fs::read(&one).unwrap(), fs::read(&two).unwrap());
}

#[test]
fn non_finite_positions_are_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::default();
    project
        .layout
        .positions
        .insert(ActorId::from("a:x"), [f32::NAN, 1.0]);
    project
        .layout
        .positions
        .insert(ActorId::from("a:y"), [2.0, 3.0]);
    let path = dir.path().join("p.dossier");
    save(&project, &path).unwrap();
    let back = load(&path).unwrap();
    assert_eq!(back.layout.positions.len(), 1);
    assert_eq!(back.layout.positions[&ActorId::from("a:y")], [2.0, 3.0]);
}

#[test]
fn changed_and_missing_corpus_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample(dir.path());
    let path = dir.path().join("project/case.dossier");
    save(&project, &path).unwrap();
    assert!(check_corpus(&load(&path).unwrap(), dir.path()).is_empty());

    fs::write(dir.path().join("project/articles/a.txt"), b"Edited.").unwrap();
    fs::remove_file(dir.path().join("news/b.txt")).unwrap();
    let issues = check_corpus(&load(&path).unwrap(), dir.path());
    let a = dir.path().join("project/articles/a.txt");
    let b = dir.path().join("news/b.txt");
    assert_eq!(
        issues,
        vec![
            CorpusIssue::Changed { path: a.clone() },
            CorpusIssue::Missing { path: b.clone() }
        ]
    );
    assert_eq!(
        issues[0].to_string(),
        format!(
            "{} has changed since the project was saved (its content hash differs).",
            a.display()
        )
    );
    assert_eq!(
        issues[1].to_string(),
        format!(
            "{} is missing: the project lists it, but there is no file there.",
            b.display()
        )
    );
}

#[test]
fn sha256_is_the_standard_digest() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir.path().join("abc.txt"), b"abc");
    assert_eq!(
        sha256_file(&path).unwrap(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

/// Writes `bytes` as a project file and returns the load error's message.
fn refusal(dir: &Path, name: &str, bytes: &[u8]) -> (PathBuf, String) {
    let path = write(&dir.join(name), bytes);
    let error = load(&path).unwrap_err();
    (path, error.to_string())
}

#[test]
fn bad_files_are_refused_with_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let full = fs::read(Path::new(FIXTURES).join("v1-full.dossier")).unwrap();

    let (p, msg) = refusal(d, "truncated.dossier", &full[..full.len() / 2]);
    assert!(
        msg.starts_with(&format!("{} ends early at line ", p.display())),
        "{msg}"
    );
    assert!(
        msg.ends_with(": expected the rest of a Dossier project, so the file looks truncated."),
        "{msg}"
    );

    let (p, msg) = refusal(d, "words.dossier", b"Dear diary,\ntoday I met Putin.\n");
    assert_eq!(
        msg,
        format!(
            "{} is not JSON: expected a Dossier project, found an error (expected value) at line 1, column 1.",
            p.display()
        )
    );

    let (p, msg) = refusal(
        d,
        "types.dossier",
        br#"{"schema_version": 1, "corpus": "all of it"}"#,
    );
    assert_eq!(
        msg,
        format!(
            "{} has a value of the wrong type at line 1, column 43: invalid type: string \"all of it\", expected a sequence.",
            p.display()
        )
    );

    let (p, msg) = refusal(
        d,
        "positions.dossier",
        br#"{"schema_version": 1, "layout": {"positions": {"a:x": [1, "two"]}}}"#,
    );
    assert!(
        msg.starts_with(&format!(
            "{} has a value of the wrong type at line 1, column ",
            p.display()
        )),
        "{msg}"
    );

    let (p, msg) = refusal(
        d,
        "future.dossier",
        br#"{"schema_version": 3, "corpus": []}"#,
    );
    assert_eq!(
        msg,
        format!(
            "{} was written by a newer Dossier (schema 3); this one reads up to 1.",
            p.display()
        )
    );

    let (p, msg) = refusal(d, "array.dossier", b"[1, 2]");
    assert_eq!(
        msg,
        format!(
            "{} is not a Dossier project: expected a JSON object with a \"schema_version\" number, found an array.",
            p.display()
        )
    );

    let (p, msg) = refusal(
        d,
        "model.dossier",
        br#"{"schema": "dossier/1", "actors": []}"#,
    );
    assert_eq!(
        msg,
        format!(
            "{} is not a Dossier project: expected a JSON object with a \"schema_version\" number, found an object without one.",
            p.display()
        )
    );

    let (p, msg) = refusal(d, "string-version.dossier", br#"{"schema_version": "1"}"#);
    assert_eq!(
        msg,
        format!(
            "{} is not a Dossier project: expected a JSON object with a \"schema_version\" number, found \"schema_version\": \"1\".",
            p.display()
        )
    );

    let (p, msg) = refusal(d, "empty.dossier", b"  \n");
    assert_eq!(
        msg,
        format!(
            "{} is empty; expected a Dossier project (a JSON object).",
            p.display()
        )
    );

    let (p, msg) = refusal(d, "binary.dossier", b"{\"schema_version\": 1, \xff\xfe}");
    assert_eq!(
        msg,
        format!(
            "{} is not text: expected a Dossier project (UTF-8 JSON), found invalid UTF-8 at byte 22.",
            p.display()
        )
    );

    let missing = d.join("nowhere.dossier");
    let msg = load(&missing).unwrap_err().to_string();
    assert!(
        msg.starts_with(&format!("Could not read {}: ", missing.display())),
        "{msg}"
    );
}

#[test]
fn huge_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.dossier");
    // A sparse file: no disk space or time is spent on its 201 MB.
    let file = fs::File::create(&path).unwrap();
    file.set_len(MAX_PROJECT_BYTES + 1024 * 1024).unwrap();
    drop(file);
    let error = load(&path).unwrap_err();
    assert!(matches!(error, ProjectError::TooLarge { .. }));
    assert_eq!(
        error.to_string(),
        format!(
            "{} is 201 MB; a Dossier project is at most 200 MB, so this is not one.",
            path.display()
        )
    );
}

#[test]
fn unknown_fields_are_ignored_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir.path().join("extra.dossier"),
        br#"{"schema_version": 1, "comment": "hi", "corpus": [{"path": "a.txt", "sha256": "", "colour": "red"}]}"#,
    );
    let loaded = load_with_warnings(&path).unwrap();
    assert_eq!(loaded.project.corpus.len(), 1);
    assert_eq!(
        loaded.warnings,
        vec![
            format!(
                "{}: the field \"comment\" is not known to this Dossier and was ignored.",
                path.display()
            ),
            format!(
                "{}: the field \"corpus[0].colour\" is not known to this Dossier and was ignored.",
                path.display()
            ),
        ]
    );
}

#[test]
fn fixture_of_every_schema_version_loads() {
    // Schema 1, minimal: every field but the version defaults.
    let minimal = load_with_warnings(&Path::new(FIXTURES).join("v1-minimal.dossier")).unwrap();
    assert!(minimal.warnings.is_empty());
    assert_eq!(minimal.project, Project::default());
    assert_eq!(minimal.project.schema_version, SCHEMA_VERSION);

    // Schema 1, everything.
    let path = Path::new(FIXTURES).join("v1-full.dossier");
    let loaded = load_with_warnings(&path).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let project = loaded.project;
    assert_eq!(project.corpus.len(), 1);
    assert!(project.corpus[0].path.is_absolute());
    assert!(
        project.corpus[0]
            .path
            .ends_with("tests/fixtures/projects/articles/summit.txt")
    );
    assert_eq!(project.corpus[0].date_override, Some(date(2024, 6, 18)));
    assert!(check_corpus(&project, Path::new(FIXTURES)).is_empty());
    let ops: Vec<&str> = project.corrections.iter().map(Correction::label).collect();
    assert_eq!(
        ops,
        vec![
            "rename actor",
            "merge actors",
            "hide relation",
            "add event",
            "add alias"
        ]
    );
    assert_eq!(
        project.layout.positions[&ActorId::from("a:kim-jong-un")],
        [-120.5, 40.25]
    );
    assert_eq!(
        project.layout.pinned,
        vec![ActorId::from("a:vladimir-putin")]
    );
    assert_eq!(project.view["time_window"][1], "2024-06-30");
    // The opaque view is the UI's view settings; fields added since still default.
    let view: dossier::ui::state::ViewSettings =
        serde_json::from_value(project.view.clone()).unwrap();
    assert!(view.dark);
    assert_eq!(view.hidden_kinds, vec![ActorKind::Place]);
    assert_eq!(view.min_evidence, 1);
    assert_eq!(view.time_window.map(|w| w.1), Some(date(2024, 6, 30)));
    assert_eq!(project.walkthroughs[0]["title"], "The visit");

    // The current schema's fixture re-saves to the same bytes (the format is stable).
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.dossier");
    let mut moved = project.clone();
    for entry in &mut moved.corpus {
        // Keep the path relative to where the copy is saved.
        entry.path = dir.path().join("articles/summit.txt");
    }
    save(&moved, &copy).unwrap();
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        fs::read_to_string(&path).unwrap()
    );
}

#[test]
fn recovery_files_sit_beside_the_project_and_are_offered_when_newer() {
    let dir = tempfile::tempdir().unwrap();
    let project_path = dir.path().join("case.dossier");
    assert_eq!(
        recovery_path(Some(&project_path)),
        dir.path().join(".case.dossier.recovery")
    );
    assert!(recovery_path(None).ends_with("dossier/untitled.dossier.recovery"));
    assert_eq!(find_recovery(Some(&project_path)), None);

    let project = sample(dir.path());
    save(&Project::default(), &project_path).unwrap();
    let written = write_recovery(&project, Some(&project_path)).unwrap();
    assert_eq!(written, recovery_path(Some(&project_path)));
    let file = fs::File::options().write(true).open(&project_path).unwrap();
    let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    file.set_modified(earlier).unwrap();
    drop(file);
    assert_eq!(find_recovery(Some(&project_path)), Some(written.clone()));
    assert_eq!(load(&written).unwrap(), project);

    // Saved after the recovery was written: nothing to offer.
    let file = fs::File::options().write(true).open(&written).unwrap();
    file.set_modified(earlier - std::time::Duration::from_secs(60))
        .unwrap();
    drop(file);
    assert_eq!(find_recovery(Some(&project_path)), None);

    discard_recovery(Some(&project_path)).unwrap();
    assert!(!written.exists());
    discard_recovery(Some(&project_path)).unwrap();
}

#[test]
fn a_failed_save_leaves_the_old_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.dossier");
    save(&Project::default(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    // Saving into a folder that does not exist fails and names the file.
    let elsewhere = dir.path().join("no/such/folder/case.dossier");
    let msg = save(&sample(dir.path()), &elsewhere)
        .unwrap_err()
        .to_string();
    assert!(
        msg.starts_with(&format!("Could not save {}: ", elsewhere.display())),
        "{msg}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn the_corpus_is_recorded_from_documents_and_dates_come_back() {
    use dossier::corpus::{LoadOptions, load_paths};
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        &dir.path().join("a.txt"),
        b"Kim Jong Un met Vladimir Putin.",
    );
    let b = write(&dir.path().join("b.txt"), b"NATO condemned Russia.");
    let paths = vec![dir.path().to_path_buf()];
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut docs = load_paths(&paths, &LoadOptions::default(), &|_| {}, &cancel).documents;
    assert_eq!(docs.len(), 2);
    docs[1].published = Some(date(2024, 6, 18));
    docs[1].date_assumed = true;

    let mut project = Project::default();
    project.record_corpus(&docs);
    assert_eq!(project.corpus_paths(), vec![a.clone(), b.clone()]);
    assert_eq!(project.corpus[0].sha256, sha256_file(&a).unwrap());
    assert_eq!(project.corpus[0].date_override, None);
    assert_eq!(project.corpus[1].date_override, Some(date(2024, 6, 18)));

    let path = dir.path().join("case.dossier");
    save(&project, &path).unwrap();
    let reopened = load(&path).unwrap();
    let mut again = load_paths(
        &reopened.corpus_paths(),
        &LoadOptions::default(),
        &|_| {},
        &cancel,
    )
    .documents;
    assert_eq!(again[1].published, None);
    reopened.apply_date_overrides(&mut again);
    assert_eq!(again[0].published, None);
    assert_eq!(again[1].published, Some(date(2024, 6, 18)));
    assert!(again[1].date_assumed);
}
