//! Timeline benchmarks (run with `cargo bench --bench timeline`); prints `name: value unit`.
//!
//! A synthetic model: 10,000 events over 30 years in 200 actor lanes (plus undated events,
//! uncertain dates and multi-day spans), 500 documents and 5,000 relations.
//! - `timeline_frame_median`: one frame of the timeline view in an offline egui context,
//!   run and tessellated, at 1280×800, fitted to all events (target ≤ 8 ms).
//! - `timeline_layout`: lanes, rows and ranges recomputed after a model change.
//! - `relations_in_window_median`: the diagram's time-window filter (target ≤ 5 ms).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeDelta};
use dossier::layout::timeline::{LaneMode, layout_timeline, relations_in_window, x_from_date};
use dossier::model::{
    Actor, ActorId, DocId, DocumentInfo, Event, EventId, Evidence, Model, Precision, Relation,
    RelationId,
};
use dossier::ui::state::AppState;
use dossier::ui::timeline_ui::{TimelineView, timeline_ui};
use eframe::egui;

const EVENTS: usize = 10_000;
const LANES: usize = 200;
const YEARS: i64 = 30;
const DOCUMENTS: usize = 500;
const RELATIONS: usize = 5_000;

/// A small deterministic generator (no dependency, fixed seed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn model() -> Model {
    let mut rng = Lcg(42);
    let origin = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or_default();
    let day = |d: usize| origin + TimeDelta::days(d as i64);
    let span_days = (YEARS * 365) as usize;
    let documents: Vec<DocumentInfo> = (0..DOCUMENTS)
        .map(|i| DocumentInfo {
            id: DocId::new(format!("d:{i:04}")),
            title: format!("Document {i}"),
            published: Some(day(rng.below(span_days))),
            ..DocumentInfo::default()
        })
        .collect();
    let actors: Vec<Actor> = (0..LANES)
        .map(|i| Actor {
            id: ActorId::new(format!("a:{i:03}")),
            name: format!("Actor number {i}"),
            ..Actor::default()
        })
        .collect();
    let kinds = [
        "visit", "summit", "talks", "attack", "sanction", "election", "treaty", "protest",
    ];
    let evidence = |rng: &mut Lcg| Evidence {
        document: documents[rng.below(DOCUMENTS)].id.clone(),
        start: rng.below(5_000),
        end: 0,
        text: "An evidence sentence of ordinary length, about the event in question.".to_owned(),
    };
    let events: Vec<Event> = (0..EVENTS)
        .map(|i| {
            let start = rng.below(span_days);
            let (start, end, precision) = match rng.below(20) {
                0 => (None, None, None),
                1..=11 => (Some(day(start)), Some(day(start)), Some(Precision::Day)),
                12..=15 => (
                    Some(day(start)),
                    Some(day(start + 1 + rng.below(6))),
                    Some(Precision::Day),
                ),
                16..=18 => (
                    Some(day(start)),
                    Some(day(start + 29)),
                    Some(Precision::Month),
                ),
                _ => (
                    Some(day(start)),
                    Some(day(start + 364)),
                    Some(Precision::Year),
                ),
            };
            let participants = (0..=rng.below(3))
                .map(|_| actors[rng.below(LANES)].id.clone())
                .collect();
            Event {
                id: EventId::new(format!("e:{i:05}")),
                label: format!("{} number {i}", kinds[i % kinds.len()]),
                kind: kinds[i % kinds.len()].to_owned(),
                start,
                end,
                precision,
                time_text: Some("last month".to_owned()),
                anchor: Some("published 2024-06-18".to_owned()),
                participants,
                evidence: vec![evidence(&mut rng)],
                ..Event::default()
            }
        })
        .collect();
    let relations: Vec<Relation> = (0..RELATIONS)
        .map(|i| Relation {
            id: RelationId::new(format!("r:{i}")),
            source: actors[rng.below(LANES)].id.clone(),
            target: actors[rng.below(LANES)].id.clone(),
            kind: "meet".to_owned(),
            evidence: (0..=rng.below(3)).map(|_| evidence(&mut rng)).collect(),
            ..Relation::default()
        })
        .collect();
    Model {
        documents,
        actors,
        events,
        relations,
        ..Model::default()
    }
}

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort_unstable();
    samples
        .get(samples.len() / 2)
        .map_or(f64::NAN, |d| d.as_secs_f64() * 1_000.0)
}

fn main() {
    let model = model();

    // Layout after a model change.
    let layouts: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            black_box(layout_timeline(black_box(&model), LaneMode::Actors, &[]));
            t.elapsed()
        })
        .collect();
    println!("timeline_layout: {:.2} ms", median(layouts));

    // The diagram's time-window filter: a one-year window.
    let window = (
        NaiveDate::from_ymd_opt(2010, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(2010, 12, 31).unwrap_or_default(),
    );
    let filters: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            black_box(relations_in_window(black_box(&model), window));
            t.elapsed()
        })
        .collect();
    println!(
        "relations_in_window_kept: {} of {RELATIONS}",
        relations_in_window(&model, window).len()
    );
    println!("relations_in_window_median: {:.3} ms", median(filters));

    // Frames of the timeline view, offline.
    let mut state = AppState {
        model,
        model_generation: 1,
        ..AppState::default()
    };
    let mut view = TimelineView::default();
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let mut split: Vec<(Duration, Duration, usize)> = Vec::new();
    let mut frame = |time: f64, state: &mut AppState, view: &mut TimelineView| {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            events: vec![egui::Event::PointerMoved(egui::pos2(640.0, 400.0))],
            ..egui::RawInput::default()
        };
        let t = Instant::now();
        let output = ctx.run_ui(input, |ui| timeline_ui(ui, state, view));
        let ran = t.elapsed();
        let shapes = output.shapes.len();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        black_box(primitives);
        let total = t.elapsed();
        split.push((ran, total.saturating_sub(ran), shapes));
        state.apply_pending();
        total
    };
    // Warm up (first layout, fonts, fitting), then fit everything.
    for i in 0..5 {
        frame(f64::from(i) / 60.0, &mut state, &mut view);
    }
    if let Some(layout) = view.layout()
        && let Some(range) = layout.full_range
    {
        view.fit_to(range);
    }
    for i in 5..10 {
        frame(f64::from(i) / 60.0, &mut state, &mut view);
    }
    let frames: Vec<Duration> = (10..110)
        .map(|i| frame(f64::from(i) / 60.0, &mut state, &mut view))
        .collect();
    let visible = view.visible_range();

    // Zoomed in to one year: more labels on screen.
    let year = (
        x_from_date(NaiveDate::from_ymd_opt(2010, 1, 1).unwrap_or_default()),
        x_from_date(NaiveDate::from_ymd_opt(2011, 1, 1).unwrap_or_default()),
    );
    view.fit_to(year);
    let zoomed: Vec<Duration> = (110..210)
        .map(|i| frame(f64::from(i) / 60.0, &mut state, &mut view))
        .collect();

    if let Some((lo, hi)) = visible {
        println!("timeline_visible_days: {:.0} days", hi - lo);
    }
    let all = &split[10..110];
    println!(
        "timeline_frame_ui_median: {:.2} ms",
        median(all.iter().map(|s| s.0).collect())
    );
    println!(
        "timeline_frame_tessellate_median: {:.2} ms",
        median(all.iter().map(|s| s.1).collect())
    );
    println!(
        "timeline_frame_shapes: {} shapes",
        all.last().map_or(0, |s| s.2)
    );
    println!("timeline_frame_median: {:.2} ms", median(frames));
    println!(
        "timeline_frame_one_year_shapes: {} shapes",
        split.last().map_or(0, |s| s.2)
    );
    println!("timeline_frame_one_year_median: {:.2} ms", median(zoomed));
}
