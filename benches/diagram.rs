//! Diagram benchmarks (run with `cargo bench --bench diagram`); prints `name: value unit`.
//!
//! - settle time of the layout for synthetic graphs of 200 and 2,000 actors;
//! - one frame of the diagram (egui shapes built and tessellated, no GPU), median of many,
//!   with the pointer moving (hover hit tests, tooltips) and while zooming (labels re-placed);
//! - hit-test time through the spatial index;
//! - a 3840×2160 PNG export of a ~20-actor graph.
//!
//! With `-- --show [ACTORS] [--dark]` it opens the diagram of a synthetic model in a window
//! instead, to look at it (e.g. under Xvfb with `../shared/tools/xshot`).

use std::collections::HashMap;
use std::time::Instant;

use eframe::egui;

use dossier::export::image::{ImageOptions, export_diagram};
use dossier::layout::geometry::{DiagramGeometry, Point, SpatialIndex};
use dossier::layout::graph::{SplitMix, build_graph, synthetic_model};
use dossier::layout::graph_layout::{ForceLayout, LayoutSettings};
use dossier::theme::Theme;
use dossier::ui::diagram_ui::{DiagramView, diagram_ui};
use dossier::ui::state::{AppState, ViewSettings};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn settle(n_actors: usize, n_relations: usize) -> (f64, usize) {
    let model = synthetic_model(n_actors, n_relations, 1);
    let start = Instant::now();
    let graph = build_graph(&model, &ViewSettings::default());
    let mut layout = ForceLayout::new(
        &graph,
        LayoutSettings::default(),
        &HashMap::new(),
        &HashMap::new(),
    );
    layout.run_to_end();
    (start.elapsed().as_secs_f64(), layout.iterations())
}

/// Median (build, tessellate, total) frame times in ms.
fn frames(n_actors: usize, n_relations: usize, zooming: bool) -> (f64, f64, f64) {
    let model = synthetic_model(n_actors, n_relations, 1);
    let mut state = AppState {
        model,
        model_generation: 1,
        ..Default::default()
    };
    let mut view = DiagramView::default();
    view.settle(&state);
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
    let mut rng = SplitMix::new(5);
    let (mut build, mut tessellate, mut total) = (Vec::new(), Vec::new(), Vec::new());
    for frame in 0..60 {
        let pointer = egui::pos2(
            rng.next_f32() * 1500.0 + 50.0,
            rng.next_f32() * 900.0 + 80.0,
        );
        let mut events = vec![egui::Event::PointerMoved(pointer)];
        if zooming && frame > 0 {
            events.push(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, if frame % 2 == 0 { 30.0 } else { -30.0 }),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            });
        }
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(f64::from(frame) / 60.0),
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let mut output = ctx.run_ui(input, |ui| diagram_ui(ui, &mut state, &mut view));
        let built = start.elapsed().as_secs_f64();
        let primitives =
            ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        let elapsed = start.elapsed().as_secs_f64();
        output.textures_delta.clear();
        std::hint::black_box(primitives);
        state.apply_pending();
        state.hovered = None;
        if frame >= 10 {
            build.push(built * 1000.0);
            tessellate.push((elapsed - built) * 1000.0);
            total.push(elapsed * 1000.0);
        }
    }
    (median(build), median(tessellate), median(total))
}

fn hit_test() -> (f64, f64) {
    let model = synthetic_model(2000, 10_000, 1);
    let graph = build_graph(&model, &ViewSettings::default());
    let mut layout = ForceLayout::new(
        &graph,
        LayoutSettings::default(),
        &HashMap::new(),
        &HashMap::new(),
    );
    layout.run_to_end();
    let geometry = DiagramGeometry::build(&graph, layout.positions(), &Theme::light());
    let start = Instant::now();
    let index = SpatialIndex::new(&geometry);
    let build_ms = start.elapsed().as_secs_f64() * 1000.0;
    let b = geometry.bounds;
    let mut rng = SplitMix::new(9);
    let queries = 10_000;
    let points: Vec<Point> = (0..queries)
        .map(|_| {
            Point::new(
                b.min.x + rng.next_f32() * b.width(),
                b.min.y + rng.next_f32() * b.height(),
            )
        })
        .collect();
    let start = Instant::now();
    let mut hits = 0;
    for p in &points {
        if index.hit(&geometry, *p, 4.0).is_some() {
            hits += 1;
        }
    }
    std::hint::black_box(hits);
    let per_query_us = start.elapsed().as_secs_f64() * 1e6 / f64::from(queries);
    (build_ms, per_query_us)
}

fn png_export() -> f64 {
    let model = synthetic_model(20, 30, 1);
    let dir = std::env::temp_dir().join(format!("dossier-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("diagram.png");
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        if let Err(e) = export_diagram(
            &model,
            &ViewSettings::default(),
            None,
            &ImageOptions::uhd(),
            &path,
        ) {
            eprintln!("export failed: {e}");
            return f64::NAN;
        }
        times.push(start.elapsed().as_secs_f64());
    }
    let _ = std::fs::remove_dir_all(&dir);
    median(times)
}

/// Opens a window with the diagram of a synthetic model.
fn show(actors: usize, dark: bool) {
    let mut state = AppState {
        model: synthetic_model(actors, actors * 3 / 2, 9),
        model_generation: 1,
        ..Default::default()
    };
    state.view.dark = dark;
    let mut view = DiagramView::default();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    let result = eframe::run_ui_native("Diagram", options, move |ui, _frame| {
        ui.ctx().set_theme(if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        diagram_ui(ui, &mut state, &mut view);
        state.apply_pending();
    });
    if let Err(e) = result {
        eprintln!("cannot open a window: {e}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--show") {
        let actors = args.get(i + 1).and_then(|a| a.parse().ok()).unwrap_or(40);
        show(actors, args.iter().any(|a| a == "--dark"));
        return;
    }
    for (actors, relations) in [(200, 500), (2000, 10_000)] {
        let (secs, iterations) = settle(actors, relations);
        println!("layout_settle_{actors}_actors_{relations}_relations: {secs:.3} s");
        println!(
            "layout_iterations_{actors}_actors_{relations}_relations: {iterations} iterations"
        );
    }
    for (name, actors, relations, zooming) in [
        ("200_actors_hover", 200, 500, false),
        ("2000_actors_hover", 2000, 10_000, false),
        ("2000_actors_zooming", 2000, 10_000, true),
    ] {
        let (build, tessellate, total) = frames(actors, relations, zooming);
        println!("frame_median_{name}: {total:.2} ms");
        println!("frame_median_{name}_shapes: {build:.2} ms");
        println!("frame_median_{name}_tessellate: {tessellate:.2} ms");
    }
    let (build_ms, query_us) = hit_test();
    println!("hit_index_build_2000_actors: {build_ms:.2} ms");
    println!("hit_test_query_2000_actors: {query_us:.2} us");
    println!("png_export_3840x2160_20_actors: {:.3} s", png_export());
}
