//! Layout and geometry: determinism, convergence, pins, filters and folding, lanes, labels,
//! hit testing.

use std::collections::HashMap;

use chrono::NaiveDate;
use dossier::layout::geometry::{
    DiagramGeometry, Emphasis, Hit, Point, SpatialIndex, distance_to_curve, place_labels,
};
use dossier::layout::graph::{build_graph, synthetic_model};
use dossier::layout::graph_layout::{ForceLayout, LayoutSettings};
use dossier::model::{
    Actor, ActorId, ActorKind, DocId, DocumentInfo, Event, EventId, Evidence, Model, Polarity,
    Relation, RelationId,
};
use dossier::theme::{self, Theme};
use dossier::ui::state::{Focus, Item, LevelOfDetail, ViewSettings};

fn actor(id: &str, name: &str, kind: ActorKind, affiliation: Option<&str>) -> Actor {
    Actor {
        id: ActorId::new(id),
        name: name.to_owned(),
        kind,
        affiliation: affiliation.map(ActorId::new),
        ..Default::default()
    }
}

#[allow(
    clippy::too_many_arguments,
    reason = "a compact table of test relations"
)]
fn relation(
    id: &str,
    s: &str,
    t: &str,
    kind: &str,
    polarity: Polarity,
    directed: bool,
    doc: &str,
    start: usize,
) -> Relation {
    Relation {
        id: RelationId::new(id),
        source: ActorId::new(s),
        target: ActorId::new(t),
        kind: kind.to_owned(),
        polarity,
        directed,
        evidence: vec![Evidence {
            document: DocId::new(doc),
            start,
            end: start + 10,
            text: format!("Sentence {id}."),
        }],
        ..Default::default()
    }
}

/// Two countries, an organization, two people (one affiliated with each country), a lonely
/// person, relations in two documents of different dates.
fn model() -> Model {
    Model {
        documents: vec![
            DocumentInfo {
                id: DocId::new("d:1"),
                published: NaiveDate::from_ymd_opt(2024, 6, 18),
                ..Default::default()
            },
            DocumentInfo {
                id: DocId::new("d:2"),
                published: NaiveDate::from_ymd_opt(2024, 7, 1),
                ..Default::default()
            },
        ],
        actors: vec![
            actor("a:n", "Northland", ActorKind::Country, None),
            actor("a:s", "Southland", ActorKind::Country, None),
            actor("a:o", "Pact", ActorKind::Organization, None),
            actor("a:p", "Paul North", ActorKind::Person, Some("a:n")),
            actor("a:q", "Quinn South", ActorKind::Person, Some("a:s")),
            actor("a:z", "Zed Alone", ActorKind::Person, None),
        ],
        relations: vec![
            relation(
                "r:1",
                "a:n",
                "a:s",
                "supply",
                Polarity::Cooperative,
                true,
                "d:1",
                0,
            ),
            relation(
                "r:2",
                "a:s",
                "a:n",
                "oppose",
                Polarity::Conflictual,
                true,
                "d:1",
                20,
            ),
            relation(
                "r:3",
                "a:p",
                "a:q",
                "meet",
                Polarity::Neutral,
                false,
                "d:2",
                40,
            ),
            relation(
                "r:4",
                "a:o",
                "a:n",
                "support",
                Polarity::Cooperative,
                true,
                "d:2",
                60,
            ),
            relation(
                "r:5",
                "a:p",
                "a:s",
                "criticize",
                Polarity::Conflictual,
                true,
                "d:1",
                80,
            ),
        ],
        events: vec![Event {
            id: EventId::new("e:1"),
            participants: vec![ActorId::new("a:o")],
            evidence: vec![Evidence {
                document: DocId::new("d:2"),
                start: 60,
                end: 70,
                text: String::new(),
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn settle(
    model: &Model,
    view: &ViewSettings,
    seed: u64,
) -> (dossier::layout::graph::Graph, Vec<Point>) {
    let graph = build_graph(model, view);
    let settings = LayoutSettings {
        seed,
        ..LayoutSettings::default()
    };
    let mut layout = ForceLayout::new(&graph, settings, &HashMap::new(), &HashMap::new());
    layout.run_to_end();
    let positions = layout.positions().to_vec();
    (graph, positions)
}

#[test]
fn layout_is_deterministic_and_seeded() {
    let model = synthetic_model(150, 400, 11);
    let view = ViewSettings::default();
    let (_, a) = settle(&model, &view, 1);
    let (_, b) = settle(&model, &view, 1);
    let (_, c) = settle(&model, &view, 2);
    assert_eq!(a, b, "same seed, different positions");
    assert_ne!(a, c, "the seed has no effect");
}

#[test]
fn layout_result_does_not_depend_on_the_frame_budget() {
    let model = synthetic_model(80, 160, 4);
    let graph = build_graph(&model, &ViewSettings::default());
    let mut stepped = ForceLayout::new(
        &graph,
        LayoutSettings::default(),
        &HashMap::new(),
        &HashMap::new(),
    );
    while !stepped.is_finished() {
        stepped.run_for(std::time::Duration::from_micros(50));
    }
    let (_, whole) = settle(
        &model,
        &ViewSettings::default(),
        LayoutSettings::default().seed,
    );
    assert_eq!(stepped.positions(), &whole[..]);
}

#[test]
fn layout_converges_nodes_apart_and_people_near_their_affiliation() {
    let model = synthetic_model(200, 500, 3);
    let (graph, p) = settle(&model, &ViewSettings::default(), 7);
    let radius: Vec<f32> = graph
        .nodes
        .iter()
        .map(|n| theme::node_radius(n.mentions))
        .collect();
    let mut overlaps = 0;
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            if p[i].distance(p[j]) < 0.9 * (radius[i] + radius[j]) {
                overlaps += 1;
            }
        }
    }
    assert!(overlaps <= 2, "{overlaps} overlapping node pairs");
    // Affiliated people sit closer to their affiliation than the median pair distance.
    let mut all: Vec<f32> = (0..p.len())
        .flat_map(|i| (i + 1..p.len()).map(move |j| (i, j)))
        .map(|(i, j)| p[i].distance(p[j]))
        .collect();
    all.sort_by(f32::total_cmp);
    let median = all[all.len() / 2];
    let mut affiliated: Vec<f32> = graph
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.affiliation.map(|j| p[i].distance(p[j])))
        .collect();
    affiliated.sort_by(f32::total_cmp);
    assert!(!affiliated.is_empty());
    let median_aff = affiliated[affiliated.len() / 2];
    assert!(
        median_aff < 0.5 * median,
        "affiliation distance {median_aff} vs median {median}"
    );
}

#[test]
fn pinned_nodes_stay_and_isolated_actors_are_packed_near() {
    let model = model();
    let view = ViewSettings::default();
    let graph = build_graph(&model, &view);
    let mut pins = HashMap::new();
    pins.insert(ActorId::new("a:o"), Point::new(300.0, -200.0));
    let mut layout = ForceLayout::new(&graph, LayoutSettings::default(), &HashMap::new(), &pins);
    layout.run_to_end();
    let o = graph.node_index(&ActorId::new("a:o")).expect("shown");
    assert_eq!(layout.positions()[o], Point::new(300.0, -200.0));
    let z = graph.node_index(&ActorId::new("a:z")).expect("shown");
    let zp = layout.positions()[z];
    // The lonely actor is below the drawing, not flung away.
    let max_y = (0..graph.nodes.len())
        .filter(|&i| i != z)
        .map(|i| layout.positions()[i].y)
        .fold(f32::MIN, f32::max);
    assert!(
        zp.y > max_y && zp.y < max_y + 300.0,
        "lonely actor at {zp:?}, drawing bottom {max_y}"
    );
    // Move a pinned node: it goes where it is put.
    layout.pin(o, Point::new(0.0, 500.0));
    layout.run_to_end();
    assert_eq!(layout.positions()[o], Point::new(0.0, 500.0));
}

#[test]
fn filters_hide_what_they_should() {
    let model = model();
    let all = build_graph(&model, &ViewSettings::default());
    assert_eq!(all.nodes.len(), 6);
    assert_eq!(all.relations.len(), 5);

    let no_people = build_graph(
        &model,
        &ViewSettings {
            hidden_kinds: vec![ActorKind::Person],
            ..Default::default()
        },
    );
    assert_eq!(no_people.nodes.len(), 3);
    assert_eq!(no_people.relations.len(), 3);

    let no_conflict = build_graph(
        &model,
        &ViewSettings {
            hidden_polarities: vec![Polarity::Conflictual],
            ..Default::default()
        },
    );
    assert!(
        no_conflict
            .relations
            .iter()
            .all(|r| r.polarity != Polarity::Conflictual)
    );
    assert_eq!(no_conflict.relations.len(), 3);

    let no_meet = build_graph(
        &model,
        &ViewSettings {
            hidden_relation_kinds: vec!["meet".to_owned()],
            ..Default::default()
        },
    );
    assert_eq!(no_meet.relations.len(), 4);

    let min2 = build_graph(
        &model,
        &ViewSettings {
            min_evidence: 2,
            ..Default::default()
        },
    );
    assert!(min2.relations.is_empty());
    assert_eq!(
        min2.nodes.len(),
        6,
        "actors stay when their relations are filtered"
    );

    let june = (
        NaiveDate::from_ymd_opt(2024, 6, 1).expect("date"),
        NaiveDate::from_ymd_opt(2024, 6, 30).expect("date"),
    );
    let windowed = build_graph(
        &model,
        &ViewSettings {
            time_window: Some(june),
            ..Default::default()
        },
    );
    let ids: Vec<&str> = windowed.relations.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["r:1", "r:2", "r:5"]);
}

#[test]
fn states_and_organizations_fold_people_into_their_affiliation() {
    let model = model();
    let view = ViewSettings {
        level: LevelOfDetail::StatesAndOrganizations,
        ..Default::default()
    };
    let g = build_graph(&model, &view);
    let names: Vec<&str> = g.nodes.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, vec!["Northland", "Southland", "Pact", "Zed Alone"]);
    let north = g.node_index(&ActorId::new("a:n")).expect("north");
    assert_eq!(
        g.node_index(&ActorId::new("a:p")),
        Some(north),
        "Paul folds into Northland"
    );
    assert_eq!(g.nodes[north].members, vec![ActorId::new("a:p")]);
    // Paul–Quinn "meet" becomes Northland–Southland; Paul → Southland "criticize" too.
    let ns: Vec<_> = g.edges.iter().filter(|e| (e.a, e.b) == (0, 1)).collect();
    assert_eq!(ns.len(), 1);
    let kinds: Vec<&str> = ns[0]
        .lanes
        .iter()
        .flat_map(|l| l.relations.iter())
        .map(|&r| g.relations[r].kind.as_str())
        .collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert!(kinds.contains(&"meet") && kinds.contains(&"criticize"));
    // Lanes: undirected neutral; forward cooperative (supply) and conflictual (criticize);
    // backward conflictual (oppose).
    assert_eq!(ns[0].lanes.len(), 4);
}

#[test]
fn opposite_relations_are_drawn_as_separate_curves_that_end_at_borders() {
    let model = model();
    let view = ViewSettings::default();
    let (graph, positions) = settle(&model, &view, 1);
    let geometry = DiagramGeometry::build(&graph, &positions, &Theme::light());
    let n = graph.node_index(&ActorId::new("a:n")).expect("n");
    let s = graph.node_index(&ActorId::new("a:s")).expect("s");
    let lanes: Vec<_> = geometry
        .edges
        .iter()
        .filter(|e| (e.from == n && e.to == s) || (e.from == s && e.to == n))
        .collect();
    assert_eq!(lanes.len(), 2);
    let (m0, m1) = (lanes[0].middle(), lanes[1].middle());
    assert!(m0.distance(m1) >= 10.0, "lanes overlap: {m0:?} {m1:?}");
    for lane in &lanes {
        let arrow = lane.arrow.expect("directed");
        let target = &geometry.nodes[lane.to];
        // The arrow tip touches the target's border.
        assert!((arrow[0].distance(target.center) - target.radius).abs() < 0.01);
        let source = &geometry.nodes[lane.from];
        assert!((lane.points[0].distance(source.center) - source.radius).abs() < 0.01);
    }
    // Each lane carries one relation with its polarity's colour.
    assert_ne!(lanes[0].color, lanes[1].color);
}

#[test]
fn shown_labels_never_overlap_and_more_show_when_zoomed_in() {
    let model = synthetic_model(400, 800, 2);
    let (graph, positions) = settle(&model, &ViewSettings::default(), 3);
    let geometry = DiagramGeometry::build(&graph, &positions, &Theme::light());
    let far = place_labels(&geometry, 0.2, theme::LABEL_FONT_PX, None, &[]);
    let near = place_labels(&geometry, 1.5, theme::LABEL_FONT_PX, None, &[]);
    for labels in [&far, &near] {
        for i in 0..labels.len() {
            for j in i + 1..labels.len() {
                assert!(
                    !labels[i].rect.intersects(&labels[j].rect),
                    "labels {i} and {j} overlap"
                );
            }
        }
    }
    assert!(
        far.len() < near.len(),
        "{} labels far, {} near",
        far.len(),
        near.len()
    );
    assert!(far.len() >= 10);
    // The most mentioned actor keeps its label when crowded.
    let top = (0..geometry.nodes.len())
        .max_by_key(|&i| (geometry.nodes[i].priority, std::cmp::Reverse(i)))
        .expect("nodes");
    assert!(far.iter().any(|l| l.node == top));
}

#[test]
fn hit_testing_finds_nodes_then_edges() {
    let model = model();
    let (graph, positions) = settle(&model, &ViewSettings::default(), 1);
    let geometry = DiagramGeometry::build(&graph, &positions, &Theme::light());
    let index = SpatialIndex::new(&geometry);
    for (i, n) in geometry.nodes.iter().enumerate() {
        assert_eq!(index.hit(&geometry, n.center, 1.0), Some(Hit::Node(i)));
    }
    for (k, e) in geometry.edges.iter().enumerate() {
        let mid = e.sample(0.5);
        match index.hit(&geometry, mid, 1.0) {
            Some(Hit::Edge(found)) => assert!(
                distance_to_curve(&geometry.edges[found], mid) <= distance_to_curve(e, mid) + 1e-3
            ),
            other => panic!("edge {k}: {other:?}"),
        }
    }
    assert_eq!(index.hit(&geometry, Point::new(1e6, 1e6), 1.0), None);
}

#[test]
fn an_event_highlights_its_participants_and_relations_and_focus_dims_the_rest() {
    let model = model();
    let view = ViewSettings::default();
    let (graph, positions) = settle(&model, &view, 1);
    let geometry = DiagramGeometry::build(&graph, &positions, &Theme::light());
    let e = Emphasis::new(
        &model,
        &graph,
        &geometry,
        Some(&Item::Event(EventId::new("e:1"))),
        Focus::OneStep,
    );
    let o = graph.node_index(&ActorId::new("a:o")).expect("o");
    assert!(e.node_selected[o]);
    let selected: Vec<_> = (0..geometry.edges.len())
        .filter(|&k| e.edge_selected[k])
        .collect();
    assert_eq!(selected.len(), 1);
    assert_eq!(
        graph.relations[geometry.edges[selected[0]].relations[0]].id,
        RelationId::new("r:4")
    );
    let z = graph.node_index(&ActorId::new("a:z")).expect("z");
    assert!(e.node_dimmed[z], "the lonely actor is outside the focus");
    let n = graph.node_index(&ActorId::new("a:n")).expect("n");
    assert!(!e.node_dimmed[n]);
}

#[test]
fn odd_input_does_not_panic() {
    // Empty model.
    let empty = Model::default();
    let (graph, positions) = settle(&empty, &ViewSettings::default(), 1);
    let geometry = DiagramGeometry::build(&graph, &positions, &Theme::light());
    assert!(geometry.nodes.is_empty());
    assert!(place_labels(&geometry, 1.0, 13.0, None, &[]).is_empty());
    assert_eq!(
        SpatialIndex::new(&geometry).hit(&geometry, Point::default(), 1.0),
        None
    );

    // Dangling and self relations, an affiliation cycle, an empty name, NaN start positions.
    let mut model = model();
    model.actors[0].affiliation = Some(ActorId::new("a:p"));
    model
        .actors
        .push(actor("a:e", "", ActorKind::Group, Some("a:e")));
    model.relations.push(relation(
        "r:x",
        "a:n",
        "a:missing",
        "meet",
        Polarity::Neutral,
        false,
        "d:1",
        0,
    ));
    model.relations.push(relation(
        "r:y",
        "a:s",
        "a:s",
        "meet",
        Polarity::Neutral,
        false,
        "d:1",
        0,
    ));
    for level in [LevelOfDetail::People, LevelOfDetail::StatesAndOrganizations] {
        let view = ViewSettings {
            level,
            ..Default::default()
        };
        let graph = build_graph(&model, &view);
        assert!(graph.relations.iter().all(|r| r.source != r.target));
        let mut previous = HashMap::new();
        previous.insert(ActorId::new("a:n"), Point::new(f32::NAN, f32::INFINITY));
        let mut layout = ForceLayout::new(
            &graph,
            LayoutSettings::default(),
            &previous,
            &HashMap::new(),
        );
        layout.run_to_end();
        assert!(
            layout
                .positions()
                .iter()
                .all(|p| p.x.is_finite() && p.y.is_finite())
        );
        let geometry = DiagramGeometry::build(&graph, layout.positions(), &Theme::dark());
        let _ = place_labels(&geometry, 0.0, 13.0, None, &[0]);
        let _ = SpatialIndex::new(&geometry).hit(&geometry, Point::new(f32::NAN, 0.0), 1.0);
    }
}

#[test]
fn a_corpus_of_loosely_linked_articles_is_laid_out_compactly() {
    // The ten gold articles share only a few actors, so their graph is a long chain of
    // clusters. It must still fill a screen-shaped area, not a tall column that "Fit" can only
    // show at a few percent.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let loaded = dossier::corpus::load_paths(
        &[dir],
        &dossier::corpus::LoadOptions::default(),
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    );
    let model = dossier::extract::extract(
        &loaded.documents,
        dossier::extract::KnowledgeBase::embedded(),
    );
    let (graph, positions) = settle(&model, &ViewSettings::default(), 42);
    assert!(graph.nodes.len() > 100, "{} nodes", graph.nodes.len());
    let (mut lo, mut hi) = (
        Point::new(f32::MAX, f32::MAX),
        Point::new(f32::MIN, f32::MIN),
    );
    for p in &positions {
        lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
        hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
    }
    let (w, h) = (hi.x - lo.x, hi.y - lo.y);
    let aspect = w.max(h) / w.min(h).max(1.0);
    // Mean area per node, in units of the spacing two leaves settle at (2·sqrt(kr) = 60).
    let density = w * h / graph.nodes.len() as f32 / (60.0 * 60.0);
    println!("gold corpus layout: {w:.0} × {h:.0}, aspect {aspect:.2}, area per node {density:.1}");
    // Screen-shaped: wider than tall, not a column. Before strong gravity, component packing
    // and turning the drawing to the screen, it spread over 163 spacings² per node.
    assert!(w >= h && aspect < 2.0, "{w:.0} × {h:.0}");
    assert!(density < 40.0, "{density:.1} spacings² per node");
}
