//! The timeline view driven through `egui_kittest`: events are found by their labels, clicked,
//! and the shared selection is checked after the pending commands are applied.
#![allow(clippy::unwrap_used, reason = "test helpers build fixed, valid dates")]

use chrono::NaiveDate;
use dossier::layout::timeline::{LaneMode, x_from_date};
use dossier::model::{
    Actor, ActorId, ActorKind, DocId, DocumentInfo, Event, EventId, Evidence, Model, Precision,
};
use dossier::ui::state::{AppState, Command, Item};
use dossier::ui::timeline_ui::{TimelineView, parse_event_dates, timeline_ui};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    Actor {
        id: ActorId::new(id),
        name: name.to_owned(),
        kind,
        ..Actor::default()
    }
}

fn event(
    id: &str,
    label: &str,
    kind: &str,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    who: &[&str],
) -> Event {
    Event {
        id: EventId::new(id),
        label: label.to_owned(),
        kind: kind.to_owned(),
        start,
        end,
        precision: start.map(|_| Precision::Day),
        participants: who.iter().map(|a| ActorId::new(*a)).collect(),
        evidence: vec![Evidence {
            document: DocId::new("d:1"),
            start: 0,
            end: 10,
            text: format!("A sentence about {label}."),
        }],
        ..Event::default()
    }
}

/// A hand-built model shaped like the seed: a summit in May, a visit in June, a summit in July,
/// a war decades earlier, and an undated event.
fn state() -> AppState {
    let mut war = event(
        "e:war",
        "Korean War",
        "war",
        Some(d(1950, 6, 25)),
        Some(d(1953, 7, 27)),
        &["a:nk"],
    );
    war.precision = Some(Precision::Year);
    let mut visit = event(
        "e:visit",
        "Visit to Pyongyang",
        "visit",
        Some(d(2024, 6, 18)),
        Some(d(2024, 6, 19)),
        &["a:putin", "a:kim"],
    );
    visit.time_text = Some("on Tuesday".into());
    visit.anchor = Some("published 2024-06-18".into());
    let model = Model {
        documents: vec![DocumentInfo {
            id: DocId::new("d:1"),
            title: "Putin visits North Korea".into(),
            published: Some(d(2024, 6, 18)),
            ..DocumentInfo::default()
        }],
        actors: vec![
            actor("a:putin", "Vladimir Putin", ActorKind::Person),
            actor("a:kim", "Kim Jong Un", ActorKind::Person),
            actor("a:xi", "Xi Jinping", ActorKind::Person),
            actor("a:nk", "North Korea", ActorKind::Country),
            actor("a:nato", "NATO", ActorKind::Organization),
        ],
        events: vec![
            event(
                "e:beijing",
                "Summit in Beijing",
                "summit",
                Some(d(2024, 5, 16)),
                Some(d(2024, 5, 17)),
                &["a:putin", "a:xi"],
            ),
            visit,
            event(
                "e:nato",
                "NATO summit in Washington",
                "summit",
                Some(d(2024, 7, 9)),
                Some(d(2024, 7, 11)),
                &["a:nato"],
            ),
            war,
            event("e:talks", "Talks on arms", "talks", None, None, &["a:kim"]),
        ],
        ..Model::default()
    };
    AppState {
        extracted: model.clone(),
        model,
        model_generation: 1,
        ..AppState::default()
    }
}

fn harness(state: AppState) -> Harness<'static, (AppState, TimelineView)> {
    Harness::builder()
        .with_size([1100.0, 500.0])
        .build_ui_state(
            |ui, (state, view)| timeline_ui(ui, state, view),
            (state, TimelineView::default()),
        )
}

#[test]
fn clicking_an_event_label_selects_it() {
    let mut harness = harness(state());
    harness.run();
    // The visit is in two actor lanes (Putin's and Kim's): click the first.
    harness
        .get_all_by_label("Visit to Pyongyang")
        .next()
        .unwrap()
        .click();
    harness.run();
    let (state, _) = harness.state_mut();
    state.apply_pending();
    assert_eq!(state.selection, Some(Item::Event(EventId::new("e:visit"))));
}

#[test]
fn opens_on_the_main_cluster_not_the_war() {
    let mut harness = harness(state());
    harness.run();
    let (_, view) = harness.state();
    let (lo, hi) = view.visible_range().unwrap();
    assert!(
        lo > x_from_date(d(2024, 4, 1)) && lo < x_from_date(d(2024, 5, 16)),
        "{lo}"
    );
    assert!(
        hi > x_from_date(d(2024, 7, 11)) && hi < x_from_date(d(2024, 9, 1)),
        "{hi}"
    );
    // The three 2024 events are shown with their labels; the war is out of view.
    for label in ["Summit in Beijing", "NATO summit in Washington"] {
        assert!(
            harness.query_all_by_label(label).next().is_some(),
            "{label} not shown"
        );
    }
    assert!(harness.query_all_by_label("Korean War").next().is_none());
    // "Fit all" brings the war in.
    harness.get_by_label("Fit all").click();
    harness.run();
    let (lo, _) = harness.state().1.visible_range().unwrap();
    assert!(lo < x_from_date(d(1950, 6, 25)), "{lo}");
}

#[test]
fn undated_events_are_listed_and_selectable() {
    let mut harness = harness(state());
    harness.run();
    harness.get_by_label("Talks on arms").click();
    harness.run();
    let (state, _) = harness.state_mut();
    state.apply_pending();
    assert_eq!(state.selection, Some(Item::Event(EventId::new("e:talks"))));
}

#[test]
fn arrow_keys_step_through_events_in_time_order() {
    let mut harness = harness(state());
    harness.run();
    harness
        .get_all_by_label("Summit in Beijing")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.state_mut().0.apply_pending();
    harness.key_press(eframe::egui::Key::ArrowRight);
    harness.run();
    let (state, _) = harness.state_mut();
    state.apply_pending();
    assert_eq!(state.selection, Some(Item::Event(EventId::new("e:visit"))));
    harness.key_press(eframe::egui::Key::ArrowLeft);
    harness.key_press(eframe::egui::Key::ArrowLeft);
    harness.run();
    let (state, _) = harness.state_mut();
    state.apply_pending();
    // One step back per frame at most is fine; the war comes before the Beijing summit.
    assert!(
        matches!(&state.selection, Some(Item::Event(id)) if id.as_str() == "e:beijing" || id.as_str() == "e:war"),
        "{:?}",
        state.selection
    );
}

#[test]
fn lane_toggle_switches_to_kinds() {
    let mut harness = harness(state());
    harness.run();
    harness.get_by_label("Kinds").click();
    harness.run();
    let (_, view) = harness.state();
    assert_eq!(view.lane_mode, LaneMode::Kinds);
    let layout = view.layout().unwrap();
    let lanes: Vec<&str> = layout.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(lanes, vec!["summit", "war", "visit"]);
}

#[test]
fn hide_and_edit_commands_change_the_model_and_undo() {
    let mut state = state();
    state.handle(Command::HideEvent(EventId::new("e:war")));
    assert!(
        state.model.event(&EventId::new("e:war")).is_none(),
        "a hidden event leaves the model"
    );
    state.handle(Command::EditEvent {
        id: EventId::new("e:nato"),
        label: Some("NATO summit".into()),
        start: Some(d(2024, 7, 10)),
        end: None,
        participants: None,
    });
    let e = state.model.event(&EventId::new("e:nato")).unwrap();
    assert_eq!(e.label, "NATO summit");
    assert_eq!(
        (e.start, e.end),
        (Some(d(2024, 7, 10)), Some(d(2024, 7, 10)))
    );
    assert_eq!(e.origin, dossier::model::Origin::Edited);
    assert_eq!(
        state.history.undo_label().as_deref(),
        Some("Undo edit event")
    );

    let mut harness = harness(state);
    harness.run();
    assert!(harness.query_all_by_label("Korean War").next().is_none());

    let (state, _) = harness.state_mut();
    state.handle(Command::Undo);
    state.handle(Command::Undo);
    assert!(
        state.model.event(&EventId::new("e:war")).is_some(),
        "undo brings the event back"
    );
    assert_eq!(
        state
            .model
            .event(&EventId::new("e:nato"))
            .map(|e| e.label.as_str()),
        Some("NATO summit in Washington")
    );
}

#[test]
fn edit_dates_are_parsed_with_clear_errors() {
    assert_eq!(parse_event_dates("", ""), Ok((None, None)));
    assert_eq!(
        parse_event_dates("2024-06-18", " "),
        Ok((Some(d(2024, 6, 18)), None))
    );
    assert_eq!(
        parse_event_dates("2024-06-18", "2024-06-17"),
        Err("Expected the end (2024-06-17) on or after the start (2024-06-18).".to_owned())
    );
    assert_eq!(
        parse_event_dates("18/06/2024", ""),
        Err("Expected a date like 2024-06-18 (year-month-day), found \"18/06/2024\".".to_owned())
    );
}

#[test]
fn time_window_checkbox_and_play_move_the_window() {
    let mut harness = harness(state());
    harness.run();
    harness.get_by_label("Time window").click();
    harness.run();
    harness.state_mut().0.apply_pending();
    let (from, to) = harness.state().0.view.time_window.unwrap();
    let (lo, hi) = harness.state().1.visible_range().unwrap();
    // The middle half of what is on screen.
    assert!(
        x_from_date(from) > lo && x_from_date(to) < hi,
        "{from}..{to}"
    );
    assert!(from < to);
    // The date fields appear with the window (and move the buttons after them).
    harness.run();
    assert!(harness.query_by_label("to").is_some());

    harness.get_by_label("Play").click();
    for _ in 0..30 {
        harness.step();
        harness.state_mut().0.apply_pending();
    }
    assert!(harness.state().1.is_playing());
    assert!(harness.query_by_label("Pause").is_some());
    let (played_from, played_to) = harness.state().0.view.time_window.unwrap();
    // Playing starts at the left edge and moves right, keeping the window's width.
    assert!(x_from_date(played_from) > lo, "{played_from}");
    assert_eq!(
        (played_to - played_from).num_days(),
        (to - from).num_days(),
        "{played_from}..{played_to}"
    );
    // Half a second at 1/12 of the range per second has moved it past the start.
    assert!(x_from_date(played_from) > lo + (hi - lo) / 30.0);
    harness.get_by_label("Pause").click();
    harness.step();
    assert!(!harness.state().1.is_playing());
}

#[test]
fn context_menu_hides_an_event() {
    let mut harness = harness(state());
    harness.run();
    harness
        .get_all_by_label("NATO summit in Washington")
        .next()
        .unwrap()
        .click_secondary();
    harness.run();
    harness.get_by_label("Hide event").click();
    harness.run();
    harness.state_mut().0.apply_pending();
    assert!(
        harness
            .state()
            .0
            .model
            .event(&EventId::new("e:nato"))
            .is_none()
    );
    harness.run();
    assert!(
        harness
            .query_all_by_label("NATO summit in Washington")
            .next()
            .is_none()
    );
}

#[test]
fn context_menu_edits_an_event() {
    let mut harness = harness(state());
    harness.run();
    harness
        .get_all_by_label("NATO summit in Washington")
        .next()
        .unwrap()
        .click_secondary();
    harness.run();
    harness.get_by_label("Edit event…").click();
    harness.run();
    assert!(harness.query_by_label("Edit event").is_some());
    harness.get_by_label("Apply").click();
    harness.run();
    let (state, _) = harness.state_mut();
    let participants = state
        .model
        .event(&EventId::new("e:nato"))
        .unwrap()
        .participants
        .clone();
    assert!(!participants.is_empty());
    assert_eq!(
        state.pending,
        vec![Command::EditEvent {
            id: EventId::new("e:nato"),
            label: Some("NATO summit in Washington".into()),
            start: Some(d(2024, 7, 9)),
            end: Some(d(2024, 7, 11)),
            participants: Some(participants),
        }]
    );
}
