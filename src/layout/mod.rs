//! Geometry for the views, with no egui types: the diagram's node positions, edge paths and
//! label boxes; the timeline's rows. The screen painter and the exporters draw the same geometry.

pub mod geometry;
pub mod graph;
pub mod graph_layout;
pub mod timeline;
