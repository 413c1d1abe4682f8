//! Dossier turns a corpus of news articles into an actor-relationship diagram and an event
//! timeline, each item linked to the sentences it came from.
//!
//! Data flows one way:
//! ```text
//! files ──► corpus ──► extract ──► model ──► layout ──► ui (egui painter)
//!                                    ▲          │   └─► export (PNG / SVG / data)
//!                  commands (edits) ─┘          └─► walkthrough
//! ```
//! - [`corpus`] loads documents (.txt, .md, .json) and splits sentences with exact spans.
//! - [`extract`] is a pipeline of pure stages: mentions → actors → relations, events, quotes.
//! - [`model`] is plain serde data with no egui: the `dossier/1` JSON.
//! - [`layout`] turns the model and view settings into geometry with no egui types.
//! - [`ui`] draws that geometry with egui and emits commands; [`export`] draws the same geometry
//!   to SVG and PNG and writes data formats.
//! - [`project`] keeps the corpus paths, corrections, layout and walkthroughs in a `.dossier` file.

pub mod corpus;
pub mod export;
pub mod extract;
pub mod layout;
pub mod model;
pub mod project;
pub mod theme;
pub mod ui;
pub mod walkthrough;
