//! The egui front end: the window, its panels and views. Views read [`state::AppState`] and
//! push [`state::Command`]s; they never call each other.

pub mod app;
pub mod diagram_ui;
pub mod dialogs;
pub mod export_ui;
pub mod inspector_ui;
pub mod jobs;
pub mod presenter_ui;
pub mod project_io;
pub mod source_ui;
pub mod state;
pub mod timeline_ui;
pub mod walkthrough_ui;

pub use app::DossierApp;
