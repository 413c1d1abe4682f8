//! The egui front end: the window, its panels and views. Views read [`state::AppState`] and
//! push [`state::Command`]s; they never call each other.

pub mod app;
pub mod diagram_ui;
pub mod dialogs;
pub mod inspector_ui;
pub mod jobs;
pub mod source_ui;
pub mod state;
pub mod timeline_ui;

pub use app::DossierApp;
