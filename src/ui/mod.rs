//! The egui front end: the window, its panels and views. Views read [`state::AppState`] and
//! push [`state::Command`]s; they never call each other.

pub mod state;
pub mod timeline_ui;
