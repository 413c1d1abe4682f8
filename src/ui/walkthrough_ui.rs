//! The walkthrough editor: reorder, retitle, recaption and delete steps, add the current view as
//! a step. Edits are commands (`SetWalkthrough`).

use crate::ui::state::{AppState, Command, Item};
use crate::walkthrough::{Step, Walkthrough};

/// What the editor asks the app to do besides editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkthroughAction {
    Present(usize),
    ExportSlides,
    ExportGif,
}

pub fn walkthrough_ui(ui: &mut egui::Ui, state: &mut AppState) -> Option<WalkthroughAction> {
    let mut edited: Walkthrough = state.walkthrough.clone();
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button("Present (F5)").clicked() {
            action = Some(WalkthroughAction::Present(0));
        }
        if ui.button("Add current view as step").clicked() {
            edited.steps.push(step_for_selection(state));
        }
        if ui
            .button("Regenerate")
            .on_hover_text("Rebuild the default walkthrough from the model")
            .clicked()
        {
            edited = crate::walkthrough::generate(&state.model);
        }
        if ui.button("Export slides…").clicked() {
            action = Some(WalkthroughAction::ExportSlides);
        }
        if ui.button("Export GIF…").clicked() {
            action = Some(WalkthroughAction::ExportGif);
        }
    });
    ui.separator();
    let count = edited.steps.len();
    let mut swap = None;
    let mut delete = None;
    egui::ScrollArea::vertical()
        .id_salt("walkthrough-steps")
        .show(ui, |ui| {
            for (i, step) in edited.steps.iter_mut().enumerate() {
                ui.push_id(i, |ui| {
                    ui.horizontal(|ui| {
                        ui.strong(format!("{}.", i + 1));
                        ui.add(egui::TextEdit::singleline(&mut step.title).desired_width(320.0));
                        if ui.add_enabled(i > 0, egui::Button::new("Up")).clicked() {
                            swap = Some((i - 1, i));
                        }
                        if ui
                            .add_enabled(i + 1 < count, egui::Button::new("Down"))
                            .clicked()
                        {
                            swap = Some((i, i + 1));
                        }
                        if ui.button("Delete").clicked() {
                            delete = Some(i);
                        }
                        if ui.button("Present from here").clicked() {
                            action = Some(WalkthroughAction::Present(i));
                        }
                    });
                    ui.add(
                        egui::TextEdit::multiline(&mut step.caption)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    );
                    if let Some(source) = &step.source {
                        ui.weak(source);
                    }
                    ui.separator();
                });
            }
        });
    if let Some((a, b)) = swap {
        edited.steps.swap(a, b);
    }
    if let Some(i) = delete {
        edited.steps.remove(i);
    }
    if edited != state.walkthrough {
        state.push(Command::SetWalkthrough(edited));
    }
    action
}

/// A step showing what is selected now (an event's step, an actor's neighbourhood, or an overview).
fn step_for_selection(state: &AppState) -> Step {
    let model = &state.model;
    match &state.selection {
        Some(Item::Event(id)) => crate::walkthrough::generate(model)
            .steps
            .into_iter()
            .find(|s| s.event.as_ref() == Some(id))
            .unwrap_or_default(),
        Some(Item::Actor(id)) => {
            let name = model
                .actor(id)
                .map_or_else(|| id.to_string(), |a| a.name.clone());
            let relations: Vec<_> = model
                .relations
                .iter()
                .filter(|r| &r.source == id || &r.target == id)
                .collect();
            let mut actors = vec![id.clone()];
            for r in &relations {
                for a in [&r.source, &r.target] {
                    if !actors.contains(a) {
                        actors.push(a.clone());
                    }
                }
            }
            Step {
                title: name.clone(),
                caption: format!("{name}: {} relations", relations.len()),
                actors,
                relations: relations.iter().map(|r| r.id.clone()).collect(),
                ..Step::default()
            }
        }
        Some(Item::Relation(id)) => model
            .relation(id)
            .map(|r| Step {
                title: format!(
                    "{} and {}",
                    model.actor(&r.source).map_or("?", |a| a.name.as_str()),
                    model.actor(&r.target).map_or("?", |a| a.name.as_str())
                ),
                caption: r
                    .evidence
                    .first()
                    .map(|e| e.text.clone())
                    .unwrap_or_default(),
                actors: vec![r.source.clone(), r.target.clone()],
                relations: vec![r.id.clone()],
                ..Step::default()
            })
            .unwrap_or_default(),
        _ => Step {
            title: "Overview".to_owned(),
            ..Step::default()
        },
    }
}
