use std::collections::HashMap;
use dossier::layout::graph::{build_graph, synthetic_model};
use dossier::layout::graph_layout::{ForceLayout, LayoutSettings};
use dossier::ui::state::ViewSettings;
#[test]
fn trace() {
    let model = synthetic_model(2000, 10000, 1);
    let graph = build_graph(&model, &ViewSettings::default());
    let t = std::time::Instant::now();
    let mut layout = ForceLayout::new(&graph, LayoutSettings { max_iterations: 3000, ..Default::default() }, &HashMap::new(), &HashMap::new());
    layout.run_to_end();
    eprintln!("{} iterations {:?}", layout.iterations(), t.elapsed());
}
