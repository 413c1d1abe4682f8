//! Image export: SVG with legend and every label, PNG with real text pixels, atomic writes.

use std::collections::HashMap;

use dossier::export::image::{
    ExportError, ImageOptions, diagram_for_export, export_diagram, fit_with_labels,
    render_diagram_svg,
};
use dossier::export::png;
use dossier::layout::geometry::{Point, Rect};
use dossier::layout::graph::synthetic_model;
use dossier::model::{Actor, ActorId, ActorKind, Evidence, Model, Polarity, Relation, RelationId};
use dossier::theme;
use dossier::ui::state::ViewSettings;

fn small_model() -> Model {
    let actor = |id: &str, name: &str, kind| Actor {
        id: ActorId::new(id),
        name: name.to_owned(),
        kind,
        ..Default::default()
    };
    let relation = |id: &str, s: &str, t: &str, kind: &str, polarity| Relation {
        id: RelationId::new(id),
        source: ActorId::new(s),
        target: ActorId::new(t),
        kind: kind.to_owned(),
        polarity,
        directed: true,
        evidence: vec![Evidence {
            text: "Evidence sentence.".to_owned(),
            ..Default::default()
        }],
        ..Default::default()
    };
    Model {
        actors: vec![
            actor("a:north", "Northland", ActorKind::Country),
            actor("a:south", "Southland & Co", ActorKind::Country),
            actor("a:pact", "Pact Organization", ActorKind::Organization),
            actor("a:lonely", "Lonely Person", ActorKind::Person),
        ],
        relations: vec![
            relation("r:1", "a:north", "a:south", "supply", Polarity::Cooperative),
            relation("r:2", "a:south", "a:north", "oppose", Polarity::Conflictual),
            relation("r:3", "a:pact", "a:north", "meet", Polarity::Neutral),
        ],
        ..Default::default()
    }
}

#[test]
fn svg_contains_the_legend_and_every_label() {
    let model = small_model();
    let svg = render_diagram_svg(
        &model,
        &ViewSettings::default(),
        None,
        &ImageOptions::default(),
    );
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains(r#"<g id="legend">"#));
    for word in [
        "person",
        "country",
        "organization",
        "group",
        "place",
        "cooperative",
        "conflictual",
        "neutral",
    ] {
        assert!(
            svg.contains(&format!(">{word}</text>")),
            "legend lacks {word}"
        );
    }
    for name in [
        "Northland",
        "Southland &amp; Co",
        "Pact Organization",
        "Lonely Person",
    ] {
        assert!(
            svg.contains(&format!(">{name}</text>")),
            "label {name} missing"
        );
    }
    // Polygons: legend hexagon and triangle, the organization's hexagon, three arrow heads
    // (two opposite directed lanes on one pair and the third relation).
    assert_eq!(svg.matches("<polygon").count(), 6);
    // Deterministic output.
    assert_eq!(
        svg,
        render_diagram_svg(
            &model,
            &ViewSettings::default(),
            None,
            &ImageOptions::default()
        )
    );
}

#[test]
fn large_export_shows_labels_inside_the_image() {
    let model = synthetic_model(60, 90, 5);
    let options = ImageOptions::uhd();
    let (_, geometry) = diagram_for_export(&model, &ViewSettings::default(), None, options.seed);
    let area = Rect::from_min_size(Point::default(), 3000.0, 2160.0);
    let (t, labels) = fit_with_labels(&geometry, area, 26.0, options.extent);
    assert!(
        labels.len() >= 40,
        "only {} of 60 labels shown",
        labels.len()
    );
    for l in &labels {
        let (a, b) = (t.apply(l.rect.min), t.apply(l.rect.max));
        assert!(
            a.x >= -0.5 && a.y >= -0.5 && b.x <= 3000.5 && b.y <= 2160.5,
            "label clipped: {a:?} {b:?}"
        );
    }
}

#[test]
fn png_has_text_pixels_where_the_label_is() {
    assert!(png::font_loaded());
    let model = Model {
        actors: vec![Actor {
            id: ActorId::new("a:x"),
            name: "MMMMMMMMMM".to_owned(),
            kind: ActorKind::Place,
            ..Default::default()
        }],
        ..Default::default()
    };
    let options = ImageOptions {
        legend: false,
        ..ImageOptions::default().with_size(400, 200)
    };
    let view = ViewSettings::default();
    let (_, geometry) = diagram_for_export(&model, &view, None, options.seed);
    let area = Rect::from_min_size(Point::default(), 400.0, 200.0);
    let (transform, labels) = fit_with_labels(
        &geometry,
        area,
        theme::LABEL_FONT_PX * options.text_scale(),
        options.extent,
    );
    assert_eq!(labels.len(), 1);
    let (top_left, bottom_right) = (
        transform.apply(labels[0].rect.min),
        transform.apply(labels[0].rect.max),
    );
    let svg = render_diagram_svg(&model, &view, None, &options);
    let pixmap = png::render_pixmap(&svg).expect("renders");
    let dark_in = |x0: f32, y0: f32, x1: f32, y1: f32| {
        let mut n = 0;
        for y in y0.max(0.0) as u32..(y1 as u32).min(pixmap.height()) {
            for x in x0.max(0.0) as u32..(x1 as u32).min(pixmap.width()) {
                let p = pixmap.pixel(x, y).expect("in range");
                if p.alpha() > 200
                    && u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 3 * 90
                {
                    n += 1;
                }
            }
        }
        n
    };
    let inside = dark_in(top_left.x, top_left.y, bottom_right.x, bottom_right.y);
    assert!(
        inside > 50,
        "only {inside} dark pixels in the label box {top_left:?}..{bottom_right:?}"
    );
    // Above the node and label, nothing dark.
    assert_eq!(dark_in(0.0, 0.0, 400.0, 20.0), 0);
    let bytes = png::svg_to_png(&svg).expect("encodes");
    assert_eq!(&bytes[1..4], b"PNG");
}

#[test]
fn export_writes_atomically_and_rejects_unknown_extensions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let model = small_model();
    let view = ViewSettings::default();
    let options = ImageOptions::default().with_size(640, 360).with_dark(true);
    let png_path = dir.path().join("d.png");
    export_diagram(&model, &view, None, &options, &png_path).expect("png written");
    let bytes = std::fs::read(&png_path).expect("read back");
    assert_eq!(&bytes[1..4], b"PNG");
    let again = dir.path().join("e.png");
    export_diagram(&model, &view, None, &options, &again).expect("png written");
    assert_eq!(
        bytes,
        std::fs::read(&again).expect("read back"),
        "PNG bytes not deterministic"
    );

    let bad = dir.path().join("d.bmp");
    let err = export_diagram(&model, &view, None, &options, &bad).err();
    assert!(
        matches!(err, Some(ExportError::UnknownExtension(_))),
        "{err:?}"
    );
    let missing_dir = dir.path().join("no/such/dir/d.svg");
    let err = export_diagram(&model, &view, None, &options, &missing_dir).err();
    assert!(matches!(err, Some(ExportError::Io { .. })), "{err:?}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(
        names,
        vec!["d.png", "e.png"],
        "a partial or temporary file was left"
    );

    // Given positions are kept.
    let mut positions = HashMap::new();
    positions.insert(ActorId::new("a:north"), Point::new(0.0, 0.0));
    positions.insert(ActorId::new("a:south"), Point::new(500.0, 0.0));
    let (graph, geometry) = diagram_for_export(&model, &view, Some(&positions), 1);
    let south = graph
        .node_index(&ActorId::new("a:south"))
        .expect("south shown");
    assert_eq!(geometry.nodes[south].center, Point::new(500.0, 0.0));
}

#[test]
fn transparent_and_dark_backgrounds() {
    let model = small_model();
    let view = ViewSettings::default();
    let corner = |options: &ImageOptions| {
        let svg = render_diagram_svg(&model, &view, None, options);
        let pixmap = png::render_pixmap(&svg).expect("renders");
        let p = pixmap.pixel(1, 1).expect("in range");
        (p.red(), p.green(), p.blue(), p.alpha())
    };
    let small = ImageOptions::default().with_size(320, 180);
    assert_eq!(corner(&small.clone().with_transparent(true)).3, 0);
    let light = corner(&small);
    let dark = corner(&small.with_dark(true));
    assert_eq!(light.3, 255);
    assert!(
        light.0 > 200 && dark.0 < 60,
        "light {light:?} dark {dark:?}"
    );
}

#[test]
#[ignore = "writes sample images to /tmp for a person to look at"]
fn write_samples() {
    let model = synthetic_model(40, 60, 9);
    let view = ViewSettings::default();
    export_diagram(
        &model,
        &view,
        None,
        &ImageOptions::default(),
        std::path::Path::new("/tmp/diagram-sample.png"),
    )
    .expect("written");
    export_diagram(
        &model,
        &view,
        None,
        &ImageOptions::default().with_dark(true),
        std::path::Path::new("/tmp/diagram-sample-dark.png"),
    )
    .expect("written");
    export_diagram(
        &small_model(),
        &view,
        None,
        &ImageOptions::default().with_size(960, 540),
        std::path::Path::new("/tmp/diagram-small.png"),
    )
    .expect("written");
}
