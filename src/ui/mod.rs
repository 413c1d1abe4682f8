//! The egui front end: the window, its panels and views. Views read [`state::AppState`] and
//! push [`state::Command`]s; they never call each other.

pub mod diagram_ui;
pub mod state;
