//! The diagram in a real egui frame (`egui_kittest`): find an actor by its accessible label,
//! click it, and check the app's single selection.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use dossier::model::{Actor, ActorId, ActorKind, Evidence, Model, Polarity, Relation, RelationId};
use dossier::ui::diagram_ui::{DiagramView, diagram_ui};
use dossier::ui::state::{AppState, Item};

fn state() -> AppState {
    let actor = |id: &str, name: &str, kind| Actor {
        id: ActorId::new(id),
        name: name.to_owned(),
        kind,
        ..Default::default()
    };
    let model = Model {
        actors: vec![
            actor("a:north", "Northland", ActorKind::Country),
            actor("a:south", "Southland", ActorKind::Country),
            actor("a:pact", "Pact Organization", ActorKind::Organization),
            actor("a:ann", "Ann Leader", ActorKind::Person),
        ],
        relations: vec![
            Relation {
                id: RelationId::new("r:1"),
                source: ActorId::new("a:north"),
                target: ActorId::new("a:south"),
                kind: "supply".to_owned(),
                polarity: Polarity::Cooperative,
                directed: true,
                evidence: vec![Evidence {
                    text: "Northland supplies Southland.".to_owned(),
                    ..Default::default()
                }],
                ..Default::default()
            },
            Relation {
                id: RelationId::new("r:2"),
                source: ActorId::new("a:pact"),
                target: ActorId::new("a:north"),
                kind: "meet".to_owned(),
                polarity: Polarity::Neutral,
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    AppState {
        model,
        model_generation: 1,
        ..Default::default()
    }
}

#[test]
fn clicking_an_actor_selects_it_and_hover_sets_hovered() {
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(900.0, 600.0))
        .build_ui_state(
            |ui, (state, view): &mut (AppState, DiagramView)| diagram_ui(ui, state, view),
            (state(), DiagramView::default()),
        );
    for _ in 0..400 {
        harness.step();
        if !harness.state().1.is_settling() {
            break;
        }
    }
    assert!(!harness.state().1.is_settling(), "layout did not settle");
    harness.run_steps(2);
    harness.get_by_label("Southland").click();
    harness.run_steps(2);
    let (state, _) = harness.state_mut();
    state.apply_pending();
    assert_eq!(state.selection, Some(Item::Actor(ActorId::new("a:south"))));

    harness.run_steps(1);
    harness.get_by_label("Pact Organization").hover();
    harness.run_steps(1);
    assert_eq!(
        harness.state().0.hovered,
        Some(Item::Actor(ActorId::new("a:pact")))
    );
}

#[test]
fn keys_zoom_and_fit_and_a_drag_pins_a_node() {
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(900.0, 600.0))
        .build_ui_state(
            |ui, (state, view): &mut (AppState, DiagramView)| diagram_ui(ui, state, view),
            (state(), DiagramView::default()),
        );
    for _ in 0..400 {
        harness.step();
        if !harness.state().1.is_settling() {
            break;
        }
    }
    harness.run_steps(2);
    let fitted = harness.state().1.zoom;
    // Hover the canvas so it takes keys, then zoom in twice.
    harness.hover_at(egui::Pos2::new(450.0, 300.0));
    harness.run_steps(1);
    harness.key_press(egui::Key::Plus);
    harness.run_steps(1);
    harness.key_press(egui::Key::Plus);
    harness.run_steps(1);
    let zoomed = harness.state().1.zoom;
    assert!(
        (zoomed / fitted - 1.5625).abs() < 1e-3,
        "{fitted} -> {zoomed}"
    );
    harness.key_press(egui::Key::F);
    harness.run_steps(1);
    assert!((harness.state().1.zoom - fitted).abs() < 1e-4);

    // Drag the Pact organization somewhere else: it moves there and is pinned.
    let id = ActorId::new("a:pact");
    let from = {
        let view = &harness.state().1;
        let i = view.graph().node_index(&id).expect("shown");
        view.screen_from_scene(view.geometry().nodes[i].center)
    };
    let to = egui::Pos2::new(from.x + 60.0, from.y + 40.0);
    harness.drag_at(from);
    harness.run_steps(1);
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(2);
    let view = &harness.state().1;
    assert!(view.pins().contains_key(&id), "not pinned");
    let i = view.graph().node_index(&id).expect("shown");
    let now = view.screen_from_scene(view.geometry().nodes[i].center);
    assert!(now.distance(to) < 2.0, "node at {now:?}, dropped at {to:?}");
}
