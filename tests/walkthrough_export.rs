//! The seed walkthrough: an overview, then one step per dated event in time order; its slides
//! render headlessly as numbered PNGs and as an animated GIF.

#![allow(clippy::unwrap_used)] // Reason: test helpers fail loudly on broken fixtures.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use dossier::corpus::{LoadOptions, load_paths};
use dossier::export::image::ImageOptions;
use dossier::export::walkthrough::{export_gif, export_slides};
use dossier::extract::{KnowledgeBase, extract};
use dossier::model::Model;
use dossier::ui::state::ViewSettings;
use dossier::walkthrough::generate;

fn seed_model() -> Model {
    let loaded = load_paths(
        &[PathBuf::from("seeds")],
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    );
    extract(&loaded.documents, KnowledgeBase::embedded())
}

#[test]
fn seed_walkthrough_has_overview_then_dated_events_in_order() {
    let model = seed_model();
    let w = generate(&model);
    let dated = model.events.iter().filter(|e| e.start.is_some()).count();
    assert_eq!(w.steps.len(), dated + 1);
    assert!(w.steps[0].is_overview());
    let times: Vec<_> = w.steps[1..].iter().map(|s| s.time.unwrap()).collect();
    assert!(times.windows(2).all(|p| p[0] <= p[1]), "{times:?}");
    assert!(
        w.steps[1..]
            .iter()
            .all(|s| s.event.is_some() && !s.caption.is_empty() && !s.actors.is_empty())
    );
}

#[test]
fn slides_and_gif_render_headlessly() {
    let model = seed_model();
    let w = generate(&model);
    let dir = tempfile::tempdir().unwrap();
    let options = ImageOptions::default().with_size(640, 360);
    let files = export_slides(
        &model,
        &ViewSettings::default(),
        &w,
        &options,
        &dir.path().join("slides"),
    )
    .unwrap();
    assert_eq!(files.len(), w.steps.len());
    assert_eq!(files[0].file_name().unwrap(), "step-01.png");
    let first = image::open(&files[0]).unwrap().to_rgba8();
    assert_eq!(first.dimensions(), (640, 360));
    // The slide is not blank: dark title text sits on the light background.
    let dark = first
        .pixels()
        .filter(|p| p.0[0] < 90 && p.0[1] < 90 && p.0[2] < 90)
        .count();
    assert!(dark > 500, "only {dark} dark pixels");

    let gif = dir.path().join("walkthrough.gif");
    export_gif(&model, &ViewSettings::default(), &w, &options, 2, &gif).unwrap();
    let decoder = image::codecs::gif::GifDecoder::new(std::io::BufReader::new(
        std::fs::File::open(&gif).unwrap(),
    ))
    .unwrap();
    let frames = image::AnimationDecoder::into_frames(decoder)
        .collect_frames()
        .unwrap();
    assert_eq!(frames.len(), w.steps.len());
}
