//! The `dossier` command line: extract, export (images and data), walkthrough, projects, and
//! clear errors for bad input.

#![allow(clippy::unwrap_used)] // Reason: test helpers fail loudly on broken fixtures.

use std::process::Command;

fn dossier(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn extract_prints_the_seed_model_as_json() {
    let out = dossier(&["extract", "seeds", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "dossier/1");
    assert_eq!(
        json["documents"][0]["title"],
        "NATO alarmed over Russian support for North Korea as Putin visits Pyongyang"
    );
    assert_eq!(json["documents"][0]["published"], "2024-06-18");
    assert!(
        json["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "Vladimir Putin")
    );
}

#[test]
fn bad_files_are_named_on_stderr_and_good_ones_still_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Officials met in Geneva on Monday.",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.json"), "{ not json").unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\x00\x01binary").unwrap();
    let out = dossier(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--json",
        "--date",
        "2024-01-01",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.json: skipped: invalid JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bin.txt: skipped: it looks binary"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(json["documents"][0]["published"], "2024-01-01");
}

#[test]
fn exports_images_and_data_and_refuses_unknown_extensions() {
    let dir = tempfile::tempdir().unwrap();
    for (name, view) in [
        ("d.png", "diagram"),
        ("t.svg", "timeline"),
        ("s.png", "slide"),
    ] {
        let path = dir.path().join(name);
        let out = dossier(&[
            "export",
            "seeds",
            "--view",
            view,
            "--out",
            path.to_str().unwrap(),
            "--size",
            "800x450",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(std::fs::metadata(&path).unwrap().len() > 1000);
    }
    let png = image::open(dir.path().join("d.png")).unwrap();
    assert_eq!((png.width(), png.height()), (800, 450));
    let svg = std::fs::read_to_string(dir.path().join("t.svg")).unwrap();
    assert!(svg.contains("Putin"));
    let gexf = dir.path().join("g.gexf");
    assert!(
        dossier(&["export", "seeds", "--out", gexf.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        std::fs::read_to_string(&gexf)
            .unwrap()
            .contains("Vladimir Putin")
    );
    let bad = dir.path().join("x.bmp");
    let out = dossier(&["export", "seeds", "--out", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no known image extension"));
    assert!(!bad.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn walkthrough_writes_numbered_slides() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&[
        "walkthrough",
        "seeds",
        "--out",
        dir.path().to_str().unwrap(),
        "--size",
        "640x360",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("step-01.png").exists());
    assert!(dir.path().join("step-02.png").exists());
}

#[test]
fn a_project_brings_its_corpus_and_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_42862538ee79133b.txt");
    std::fs::copy(&seed, dir.path().join("a.txt")).unwrap();
    let project = dir.path().join("p.dossier");
    std::fs::write(
        &project,
        r#"{"schema_version":1,"corpus":[{"path":"a.txt","date_override":"2024-06-18"}],"corrections":[{"op":"rename_actor","actor":{"id":"a:nato","name":"NATO","kind":"organization","aliases":[]},"name":"North Atlantic Treaty Organization"}]}"#,
    )
    .unwrap();
    let out = dossier(&["extract", project.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "North Atlantic Treaty Organization")
    );
    std::fs::write(&project, r#"{"schema_version": 99}"#).unwrap();
    let out = dossier(&["extract", project.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer Dossier (schema 99)"));
}
