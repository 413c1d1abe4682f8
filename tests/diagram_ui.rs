//! The diagram in a real egui frame (`egui_kittest`): find an actor by its accessible label,
//! click it, and check the app's single selection; move the selection with the keyboard.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use dossier::layout::geometry::Point;
use dossier::model::{Actor, ActorId, ActorKind, Evidence, Model, Polarity, Relation, RelationId};
use dossier::ui::diagram_ui::{
    DiagramView, Direction, diagram_ui, neighbour_in_direction, tab_order,
};
use dossier::ui::inspector_ui::{InspectorView, inspector_ui};
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

type Views = (AppState, DiagramView, InspectorView);

/// The diagram with the inspector beside it, commands applied every frame, layout settled.
fn keyboard_harness(state: AppState) -> Harness<'static, Views> {
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1100.0, 600.0))
        .build_ui_state(
            |ui, (state, view, inspector): &mut Views| {
                egui::Panel::right("inspector")
                    .default_size(300.0)
                    .show(ui, |ui| inspector_ui(ui, state, inspector));
                egui::CentralPanel::default().show(ui, |ui| diagram_ui(ui, state, view));
                state.apply_pending();
            },
            (state, DiagramView::default(), InspectorView::default()),
        );
    // The app's fallback font: the inspector writes relations with arrows.
    harness.ctx.add_font(egui::epaint::text::FontInsert::new(
        "dejavu-sans",
        egui::FontData::from_static(dossier::theme::FALLBACK_FONT_BYTES),
        vec![egui::epaint::text::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::epaint::text::FontPriority::Lowest,
        }],
    ));
    for _ in 0..400 {
        harness.step();
        if !harness.state().1.is_settling() {
            break;
        }
    }
    assert!(!harness.state().1.is_settling(), "layout did not settle");
    harness.run_steps(2);
    harness
}

fn selected(harness: &Harness<'_, Views>) -> Option<ActorId> {
    match &harness.state().0.selection {
        Some(Item::Actor(id)) => Some(id.clone()),
        None => None,
        other => panic!("expected an actor, found {other:?}"),
    }
}

fn center_of(harness: &Harness<'_, Views>, id: &ActorId) -> Point {
    let view = &harness.state().1;
    let Some(i) = view.graph().node_index(id) else {
        panic!("{id:?} is not shown");
    };
    view.geometry().nodes[i].center
}

fn press(harness: &mut Harness<'_, Views>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

#[test]
fn tab_arrows_enter_and_escape_drive_the_selection() {
    let mut harness = keyboard_harness(state());
    harness.get_by_label("Actor-relationship diagram").focus();
    harness.run_steps(2);
    let canvas_focused = |h: &Harness<'_, Views>| h.ctx.memory(|m| m.focused().is_some());
    assert!(canvas_focused(&harness), "the diagram takes focus");
    let none = egui::Modifiers::NONE;

    // Tab: the actors in order (no mentions here, so by name), shown in the inspector.
    press(&mut harness, none, egui::Key::Tab);
    assert_eq!(selected(&harness), Some(ActorId::new("a:ann")));
    assert!(
        harness.query_all_by_label("Ann Leader").count() >= 2,
        "the inspector names the actor the diagram selected"
    );
    harness.get_by_label("Relations (0)");
    press(&mut harness, none, egui::Key::Tab);
    assert_eq!(selected(&harness), Some(ActorId::new("a:north")));
    harness.get_by_label("Relations (2)");
    assert!(canvas_focused(&harness), "Tab stays in the diagram");
    press(&mut harness, egui::Modifiers::SHIFT, egui::Key::Tab);
    assert_eq!(selected(&harness), Some(ActorId::new("a:ann")));
    press(&mut harness, egui::Modifiers::SHIFT, egui::Key::Tab);
    assert_eq!(
        selected(&harness),
        Some(ActorId::new("a:south")),
        "Shift+Tab wraps to the last"
    );
    // Home and End: the first and last of the same order.
    press(&mut harness, none, egui::Key::Home);
    assert_eq!(selected(&harness), Some(ActorId::new("a:ann")), "Home");
    press(&mut harness, none, egui::Key::End);
    assert_eq!(selected(&harness), Some(ActorId::new("a:south")), "End");

    // An arrow key selects the nearest actor that way. Try each direction in turn and check
    // the answer against the rule computed here: within 45°, the least distance that way plus
    // twice the sideways offset.
    let ids = ["a:north", "a:south", "a:pact", "a:ann"].map(ActorId::new);
    let mut moved = 0;
    for (key, dir) in [
        (egui::Key::ArrowLeft, (-1.0, 0.0)),
        (egui::Key::ArrowRight, (1.0, 0.0)),
        (egui::Key::ArrowUp, (0.0, -1.0)),
        (egui::Key::ArrowDown, (0.0, 1.0)),
    ] {
        let from_id = selected(&harness).expect("an actor is selected");
        let from = center_of(&harness, &from_id);
        let split = |p: Point| {
            let (dx, dy) = (p.x - from.x, p.y - from.y);
            (dx * dir.0 + dy * dir.1, (dx * dir.1 - dy * dir.0).abs())
        };
        let expected = ids
            .iter()
            .filter(|id| **id != from_id)
            .map(|id| (id, center_of(&harness, id)))
            .filter(|(_, p)| {
                let (along, across) = split(*p);
                along > 0.0 && across <= along
            })
            .min_by(|a, b| {
                let score = |p: Point| {
                    let (along, across) = split(p);
                    along + 2.0 * across
                };
                score(a.1).total_cmp(&score(b.1))
            })
            .map(|(id, _)| id.clone());
        press(&mut harness, none, key);
        let now = selected(&harness).expect("still an actor");
        if let Some(expected) = expected {
            assert_eq!(now, expected, "{key:?} from {from_id:?}");
            assert!(split(center_of(&harness, &now)).0 > 0.0);
            moved += 1;
        } else if now != from_id {
            assert!(
                split(center_of(&harness, &now)).0 > 0.0,
                "{key:?} moved to {now:?}, which is not that way"
            );
            moved += 1;
        }
    }
    assert!(
        moved >= 2,
        "the arrows moved the selection only {moved} times"
    );

    // Enter centres the view on the selection.
    let target = center_of(&harness, &selected(&harness).unwrap());
    harness.state_mut().1.center = Point::new(target.x + 50.0, target.y - 30.0);
    press(&mut harness, none, egui::Key::Enter);
    let center = harness.state().1.center;
    assert!(center.distance(target) < 1e-3, "{center:?} vs {target:?}");

    // Esc clears the selection and keeps focus; a second Esc leaves the diagram.
    press(&mut harness, none, egui::Key::Escape);
    assert_eq!(harness.state().0.selection, None);
    harness.get_by_label("Select an actor, relation or event to see its evidence");
    assert!(canvas_focused(&harness));
    press(&mut harness, none, egui::Key::Escape);
    assert!(
        !canvas_focused(&harness),
        "the second Esc gives the focus back"
    );
}

#[test]
fn hidden_actors_are_not_reached_and_the_camera_follows_the_selection() {
    let mut state = state();
    state.view.hidden_kinds = vec![ActorKind::Person];
    let mut harness = keyboard_harness(state);
    harness.get_by_label("Actor-relationship diagram").focus();
    harness.run_steps(2);
    // Zoomed in far on an empty corner: every actor is off screen.
    {
        let view = &mut harness.state_mut().1;
        view.zoom = 6.0;
        view.center = Point::new(10_000.0, 10_000.0);
    }
    harness.run_steps(1);
    let mut visited = Vec::new();
    for _ in 0..4 {
        press(&mut harness, egui::Modifiers::NONE, egui::Key::Tab);
        let id = selected(&harness).expect("Tab selects an actor");
        let view = &harness.state().1;
        let on_screen = view.screen_from_scene(center_of(&harness, &id));
        assert!(
            egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0))
                .contains(on_screen),
            "{id:?} at {on_screen:?} is off screen: the camera did not follow"
        );
        visited.push(id);
    }
    assert_eq!(
        visited,
        ["a:north", "a:pact", "a:south", "a:north"].map(ActorId::new),
        "three shown actors by name, then round again; the person is hidden"
    );
}

#[test]
fn direction_picks_the_nearest_in_the_cone_then_on_the_side() {
    let p = |x, y| Point::new(x, y);
    let points = [
        p(0.0, 0.0),
        p(10.0, 1.0),
        p(3.0, 8.0),
        p(-5.0, 0.0),
        p(30.0, 0.0),
    ];
    assert_eq!(
        neighbour_in_direction(&points, 0, Direction::Right),
        Some(1)
    );
    assert_eq!(neighbour_in_direction(&points, 0, Direction::Left), Some(3));
    // Nothing within 45° below but the point at (3, 8).
    assert_eq!(neighbour_in_direction(&points, 0, Direction::Down), Some(2));
    // Nothing above at all.
    assert_eq!(neighbour_in_direction(&points, 0, Direction::Up), None);
    // From (10, 1), up: nothing in the cone; of those on that side, sideways counts double.
    assert_eq!(neighbour_in_direction(&points, 1, Direction::Up), Some(0));
    assert_eq!(neighbour_in_direction(&points, 9, Direction::Up), None);
    // Straight ahead beats a little closer but well off to the side.
    let points = [p(0.0, 0.0), p(8.0, 7.0), p(13.0, 0.0)];
    assert_eq!(
        neighbour_in_direction(&points, 0, Direction::Right),
        Some(2)
    );

    let state = state();
    let graph = dossier::layout::graph::build_graph(&state.model, &state.view);
    let names: Vec<&str> = tab_order(&graph)
        .into_iter()
        .map(|i| graph.nodes[i].name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Ann Leader", "Northland", "Pact Organization", "Southland"]
    );
}
