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

/// The central area: the diagram above the timeline.
pub fn views_ui(ui: &mut egui::Ui, state: &mut state::AppState) {
    ui.heading("Actors");
    let mut select = None;
    egui::ScrollArea::vertical()
        .id_salt("actors")
        .show(ui, |ui| {
            for actor in &state.model.actors {
                let selected = state.is_selected(&state::Item::Actor(actor.id.clone()));
                if ui
                    .selectable_label(
                        selected,
                        format!(
                            "{} ({}, {} mentions)",
                            actor.name,
                            actor.kind.label(),
                            actor.mentions.len()
                        ),
                    )
                    .clicked()
                {
                    select = Some(state::Item::Actor(actor.id.clone()));
                }
            }
        });
    if let Some(item) = select {
        state.push(state::Command::Select(Some(item)));
    }
}
