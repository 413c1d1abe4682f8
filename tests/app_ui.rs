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

#[test]
fn presenter_keys_step_through_the_walkthrough() {
    let mut harness = seed_app();
    let steps = harness.state().state.walkthrough.steps.len();
    assert!(
        steps >= 4,
        "overview plus the seed's dated events, got {steps}"
    );
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    assert!(harness.state().presenter.active);
    harness.get_by_label(&format!("Step 1 of {steps}"));
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter.step, 1);
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter.step, 2);
    harness.key_press(egui::Key::PageUp);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter.step, 1);
    harness.key_press(egui::Key::End);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter.step, steps - 1);
    harness.get_by_label(&format!("Step {steps} of {steps}"));
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(
        harness.state().presenter.step,
        steps - 1,
        "the last step stays last"
    );
    harness.key_press(egui::Key::Home);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter.step, 0);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().presenter.active);
}

#[test]
fn selecting_an_actor_fills_the_inspector_and_arrows_draw() {
    let mut harness = seed_app();
    let putin = harness
        .state()
        .state
        .model
        .actors
        .iter()
        .find(|a| a.name == "Vladimir Putin")
        .map(|a| a.id.clone())
        .unwrap();
    harness
        .state_mut()
        .state
        .push(dossier::ui::state::Command::Select(Some(
            dossier::ui::state::Item::Actor(putin),
        )));
    harness.run_steps(3);
    assert!(
        harness.query_all_by_label("Vladimir Putin").count() >= 2,
        "the inspector names the actor"
    );
    let relations = harness.query_all_by_label_contains("Relations (").count();
    assert_eq!(relations, 1);
    // Directed relations are written with an arrow: the fallback font must have it (kittest
    // panics on a missing glyph).
    assert!(harness.query_all_by_label_contains(" → ").count() > 0);
}

#[test]
fn rename_undo_save_and_reopen_through_the_ui() {
    let mut harness = seed_app();
    let kim = harness
        .state()
        .state
        .model
        .actors
        .iter()
        .find(|a| a.name == "Kim Jong Un")
        .map(|a| a.id.clone())
        .unwrap();
    harness
        .state_mut()
        .state
        .push(dossier::ui::state::Command::Select(Some(
            dossier::ui::state::Item::Actor(kim.clone()),
        )));
    harness.run_steps(3);
    // Rename through the inspector's field and button.
    let field = harness.get_by(|node| {
        node.role() == egui::accesskit::Role::TextInput
            && node.value().as_deref() == Some("Kim Jong Un")
    });
    field.focus();
    field.type_text(" (DPRK)");
    harness.run_steps(2);
    harness.get_by_label("Rename").click();
    harness.run_steps(3);
    let name =
        |h: &Harness<'_, DossierApp>| h.state().state.model.actor(&kim).map(|a| a.name.clone());
    assert_eq!(name(&harness).as_deref(), Some("Kim Jong Un (DPRK)"));
    assert!(harness.state().state.dirty);
    // Undo with Ctrl+Z (the Edit menu names the action).
    assert_eq!(
        harness.state().state.history.undo_label().as_deref(),
        Some("Undo rename actor")
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(name(&harness).as_deref(), Some("Kim Jong Un"));
    // Redo, save, and reopen: the correction survives.
    harness
        .state_mut()
        .state
        .push(dossier::ui::state::Command::Redo);
    harness.run_steps(3);
    assert_eq!(name(&harness).as_deref(), Some("Kim Jong Un (DPRK)"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.dossier");
    harness.state_mut().save_project(&path);
    assert!(!harness.state().state.dirty);
    assert!(path.exists());

    let mut reopened = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .build_ui_state(
            |ui, app: &mut DossierApp| app.show(ui),
            DossierApp::new(LoadOptions::default()),
        );
    let ctx = reopened.ctx.clone();
    reopened.state_mut().open_project(&ctx, &path, false);
    for _ in 0..500 {
        reopened.step();
        if !reopened.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    reopened.run_steps(2);
    let app = reopened.state();
    assert_eq!(app.state.corpus.len(), 1);
    assert!(
        app.state
            .model
            .actors
            .iter()
            .any(|a| a.name == "Kim Jong Un (DPRK)"),
        "{:?}",
        app.state
            .model
            .actors
            .iter()
            .map(|a| &a.name)
            .collect::<Vec<_>>()
    );
    assert!(!app.state.dirty);
}

#[test]
fn event_participants_edited_in_the_inspector_and_undone() {
    use dossier::ui::state::{Command, Item};
    use egui_kittest::kittest::NodeT;
    let mut harness = seed_app();
    let (event_id, before, removed, added) = {
        let model = &harness.state().state.model;
        let event = model
            .events
            .iter()
            .find(|e| !e.participants.is_empty())
            .expect("the seed has an event with participants");
        let removed = model.actor(&event.participants[0]).unwrap().clone();
        let added = model
            .actors
            .iter()
            .find(|a| !event.participants.contains(&a.id))
            .expect("an actor outside the event")
            .clone();
        (event.id.clone(), event.participants.clone(), removed, added)
    };
    harness
        .state_mut()
        .state
        .push(Command::Select(Some(Item::Event(event_id.clone()))));
    harness.run_steps(3);
    let apply_enabled = |h: &Harness<'_, DossierApp>| {
        !h.get_by_label("Apply changes")
            .accesskit_node()
            .is_disabled()
    };
    assert!(!apply_enabled(&harness), "nothing to apply yet");

    // Remove the first participant with its chip.
    let chip = format!("{} ×", removed.name);
    harness.get_by_label(&chip).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(&chip).click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label(&format!("{} ×", removed.name))
            .is_none(),
        "the chip is gone"
    );
    // Find another actor by name and add it.
    let field = harness.get_by(|node| {
        node.role() == egui::accesskit::Role::TextInput
            && node.label().as_deref() == Some("Add participant")
    });
    field.focus();
    harness.run_steps(1);
    harness
        .get_by(|node| {
            node.role() == egui::accesskit::Role::TextInput
                && node.label().as_deref() == Some("Add participant")
        })
        .type_text(&added.name);
    harness.run_steps(2);
    let add = format!("+ {}", added.name);
    harness.get_by_label(&add).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(&add).click();
    harness.run_steps(2);
    harness.get_by_label(&format!("{} ×", added.name));
    assert!(apply_enabled(&harness));
    harness.get_by_label("Apply changes").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("Apply changes").click();
    harness.run_steps(3);

    let participants = |h: &Harness<'_, DossierApp>| {
        h.state()
            .state
            .model
            .event(&event_id)
            .map(|e| e.participants.clone())
    };
    let mut expected: Vec<_> = before[1..].to_vec();
    expected.push(added.id.clone());
    assert_eq!(participants(&harness), Some(expected));
    assert_eq!(
        harness.state().state.history.undo_label().as_deref(),
        Some("Undo edit event")
    );
    assert!(!apply_enabled(&harness), "the form shows the applied event");

    // One Ctrl+Z restores them.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(participants(&harness), Some(before));
    harness.get_by_label(&format!("{} ×", removed.name));
    assert!(
        harness
            .query_by_label(&format!("{} ×", added.name))
            .is_none()
    );
}

#[test]
fn add_event_picks_participants_with_the_shared_picker() {
    let mut harness = seed_app();
    let kim = harness
        .state()
        .state
        .model
        .actors
        .iter()
        .find(|a| a.name == "Kim Jong Un")
        .map(|a| a.id.clone())
        .unwrap();
    // Through AccessKit: a recovery prompt from another run may cover the menu bar.
    harness.get_by_label("Edit").click_accesskit();
    harness.run();
    harness.get_by_label("Add event…").click_accesskit();
    harness.run_steps(2);
    let input = |label: &'static str| {
        move |node: &egui_kittest::kittest::AccessKitNode<'_>| {
            node.role() == egui::accesskit::Role::TextInput
                && node.label().as_deref() == Some(label)
        }
    };
    harness.get_by(input("Label")).focus();
    harness.run_steps(1);
    harness.get_by(input("Label")).type_text("Summit dinner");
    harness.run_steps(1);
    // Type part of a name and press Enter: the best match joins.
    harness.get_by(input("Add participant")).focus();
    harness.run_steps(1);
    harness.get_by(input("Add participant")).type_text("jong");
    harness.run_steps(2);
    harness.get_by_label("+ Kim Jong Un");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    harness.get_by_label("Kim Jong Un ×");
    harness
        .get_by(|node| {
            node.role() == egui::accesskit::Role::Button
                && node.label().as_deref() == Some("Add event")
        })
        .click_accesskit();
    harness.run_steps(3);
    let model = &harness.state().state.model;
    let event = model
        .events
        .iter()
        .find(|e| e.label == "Summit dinner")
        .expect("the event was added");
    assert_eq!(event.participants, vec![kim]);
}
