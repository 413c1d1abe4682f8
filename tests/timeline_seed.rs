//! The timeline on the seed article, through the real loader and extractor: the May 2024
//! Xi–Putin summit, Putin's visit to Pyongyang on 18 June 2024 and the NATO summit in
//! Washington "next month" (July 2024) are shown in that order at their dates; clicking the
//! visit selects it; a time window before June hides every relation (all come from the
//! June article).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers on fixed inputs"
)]

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use dossier::corpus::{LoadOptions, load_paths};
use dossier::extract::{KnowledgeBase, extract};
use dossier::layout::timeline::{LaneMode, MarkStyle, layout_timeline, relations_in_window};
use dossier::model::{Event, EventId, Model};
use dossier::ui::state::{AppState, Item};
use dossier::ui::timeline_ui::{TimelineView, timeline_ui};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn seed_state() -> AppState {
    let loaded = load_paths(
        &[PathBuf::from("seeds")],
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    );
    let model = extract(&loaded.documents, KnowledgeBase::embedded());
    AppState {
        corpus: loaded.documents,
        model,
        model_generation: 1,
        ..AppState::default()
    }
}

fn has_participant(model: &Model, event: &Event, name: &str) -> bool {
    event
        .participants
        .iter()
        .any(|a| model.actor(a).is_some_and(|a| a.name == name))
}

/// The index of the first dated event starting on `start` with `who` taking part.
fn find(model: &Model, start: NaiveDate, who: &str) -> usize {
    model
        .events
        .iter()
        .position(|e| e.start == Some(start) && has_participant(model, e, who))
        .unwrap_or_else(|| panic!("no event starting {start} with {who}: {:#?}", model.events))
}

fn shown_harness(state: AppState) -> Harness<'static, (AppState, TimelineView)> {
    let mut harness = Harness::builder()
        .with_size([1200.0, 600.0])
        .build_ui_state(
            |ui, (state, view)| timeline_ui(ui, state, view),
            (state, TimelineView::default()),
        );
    harness.run();
    harness
}

fn nato_summit(model: &Model) -> usize {
    model
        .events
        .iter()
        .position(|e| e.start == Some(d(2024, 7, 1)) && e.end == Some(d(2024, 7, 31)))
        .expect("the NATO summit 'next month' is July 2024")
}

#[test]
fn seed_visit_then_nato_summit_at_their_dates_and_on_screen() {
    let state = seed_state();
    let model = &state.model;
    let visit = find(model, d(2024, 6, 18), "Vladimir Putin");
    let nato = nato_summit(model);
    let layout = layout_timeline(model, LaneMode::Actors, &[]);
    let rank = |i| layout.time_order.iter().position(|&j| j == i).unwrap();
    assert!(rank(visit) < rank(nato));
    // "next month" is known to the month: an uncertain bar over all of July.
    let mark = layout.marks.iter().find(|m| m.event == nato).unwrap();
    assert_eq!(mark.style, MarkStyle::Uncertain);
    assert!((mark.x_end - mark.x_start - 31.0).abs() < 1e-9);
    // The publication date is a "reported" marker.
    assert_eq!(layout.reported.len(), 1);
    assert_eq!(layout.reported[0].date, d(2024, 6, 18));

    let labels = [
        model.events[visit].label.clone(),
        model.events[nato].label.clone(),
    ];
    let harness = shown_harness(state);
    for label in &labels {
        assert!(
            harness.query_all_by_label(label).next().is_some(),
            "{label} is not shown"
        );
    }
}

#[test]
fn seed_may_summit_comes_before_the_visit() {
    let state = seed_state();
    let model = &state.model;
    let may = find(model, d(2024, 5, 1), "Xi Jinping");
    assert_eq!(model.events[may].end, Some(d(2024, 5, 31)));
    assert!(has_participant(model, &model.events[may], "Vladimir Putin"));
    let visit = find(model, d(2024, 6, 18), "Vladimir Putin");
    let layout = layout_timeline(model, LaneMode::Actors, &[]);
    let rank = |i| layout.time_order.iter().position(|&j| j == i).unwrap();
    assert!(rank(may) < rank(visit) && rank(visit) < rank(nato_summit(model)));
    let label = model.events[may].label.clone();
    let harness = shown_harness(state);
    assert!(harness.query_all_by_label(&label).next().is_some());
}

/// Clicks the visit's label and returns the state with the selection applied.
fn click_visit() -> (AppState, EventId) {
    let state = seed_state();
    let visit = find(&state.model, d(2024, 6, 18), "Vladimir Putin");
    let label = state.model.events[visit].label.clone();
    let id = state.model.events[visit].id.clone();
    let mut harness = shown_harness(state);
    harness.get_all_by_label(&label).next().unwrap().click();
    harness.run();
    let (mut state, _) = harness.into_state();
    state.apply_pending();
    (state, id)
}

#[test]
fn clicking_the_visit_selects_it() {
    let (state, id) = click_visit();
    assert_eq!(state.selection, Some(Item::Event(id.clone())));
    let event = state.model.event(&id).unwrap();
    assert!(has_participant(&state.model, event, "Vladimir Putin"));
}

#[test]
fn the_selected_visit_has_putin_and_kim() {
    let (state, id) = click_visit();
    let event = state.model.event(&id).unwrap();
    assert!(has_participant(&state.model, event, "Kim Jong Un"));
}

#[test]
fn a_window_before_june_hides_the_june_relations() {
    let state = seed_state();
    assert!(!state.model.relations.is_empty());
    assert!(relations_in_window(&state.model, (d(2024, 1, 1), d(2024, 5, 31))).is_empty());
    assert_eq!(
        relations_in_window(&state.model, (d(2024, 6, 1), d(2024, 6, 30))).len(),
        state.model.relations.len()
    );
}
