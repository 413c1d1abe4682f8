//! Between the app and project files: a snapshot of the state as a [`Project`], and a project's
//! saved state put back (view settings, layout, walkthrough, corrections).

use std::collections::HashMap;
use std::path::Path;

use crate::layout::geometry::Point;
use crate::model::ActorId;
use crate::project::{History, Project, SCHEMA_VERSION};
use crate::ui::diagram_ui::DiagramView;
use crate::ui::state::{AppState, ViewSettings};
use crate::walkthrough::Walkthrough;

/// The state as a project: corpus with hashes and user dates, corrections, layout, view settings
/// and the walkthrough (when the user edited it).
pub fn snapshot(state: &AppState, diagram: &DiagramView) -> Project {
    let mut project = Project {
        schema_version: SCHEMA_VERSION,
        ..Project::default()
    };
    project.record_corpus(&state.corpus);
    project.corrections = state.history.corrections().to_vec();
    for (id, p) in diagram.positions() {
        project.layout.positions.insert(id.clone(), [p.x, p.y]);
    }
    let mut pinned: Vec<ActorId> = diagram.pins().keys().cloned().collect();
    pinned.sort();
    project.layout.pinned = pinned;
    project.view = serde_json::to_value(&state.view).unwrap_or_default();
    if state.walkthrough_edited {
        project.walkthroughs = serde_json::to_value(&state.walkthrough).unwrap_or_default();
    }
    project
}

/// Puts a loaded project's saved state into the app (the corpus is loaded separately).
pub fn restore(state: &mut AppState, diagram: &mut DiagramView, project: &Project, path: &Path) {
    state.history = History::new(project.overlay());
    state.view = serde_json::from_value::<ViewSettings>(project.view.clone()).unwrap_or_default();
    match serde_json::from_value::<Walkthrough>(project.walkthroughs.clone()) {
        Ok(w) if !project.walkthroughs.is_null() => {
            state.walkthrough = w;
            state.walkthrough_edited = true;
        }
        _ => state.walkthrough_edited = false,
    }
    let positions: HashMap<ActorId, Point> = project
        .layout
        .positions
        .iter()
        .map(|(id, [x, y])| (id.clone(), Point::new(*x, *y)))
        .collect();
    let pins: HashMap<ActorId, Point> = project
        .layout
        .pinned
        .iter()
        .filter_map(|id| positions.get(id).map(|p| (id.clone(), *p)))
        .collect();
    diagram.set_positions(positions, pins);
    state.project_path = Some(path.to_path_buf());
}
