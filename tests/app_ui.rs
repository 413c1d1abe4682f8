//! UI tests: the real app driven by accessible labels (no renderer needed).

use std::path::PathBuf;

use dossier::corpus::LoadOptions;
use dossier::ui::DossierApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn seed_app() -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(LoadOptions::default());
    app.load_blocking(vec![PathBuf::from("seeds")]);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    harness.run();
    harness
}

#[test]
fn seed_document_title_and_sentence_count_are_shown() {
    let harness = seed_app();
    let titles = harness
        .query_all_by_label(
            "NATO alarmed over Russian support for North Korea as Putin visits Pyongyang",
        )
        .count();
    assert_eq!(
        titles, 2,
        "the title is shown in the document list and above the source text"
    );
    harness.get_by_label("16 sentences");
    harness.get_by_label("published 2024-06-18");
}

#[test]
fn undated_document_says_so_and_accepts_a_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("note.txt"),
        "Officials met on Tuesday to discuss the plan.",
    )
    .unwrap();
    let mut app = DossierApp::new(LoadOptions::default());
    app.load_blocking(vec![dir.path().to_path_buf()]);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    harness.run();
    assert!(
        !harness
            .query_all_by_label("undated: relative dates can't be resolved")
            .collect::<Vec<_>>()
            .is_empty()
    );
    harness.get_by_label("Set date").click();
    harness.run();
    // An empty date is refused with a message naming the file.
    assert!(
        harness
            .state()
            .state
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("note.txt") && n.contains("YYYY-MM-DD"))
    );
}
