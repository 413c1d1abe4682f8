//! Edit → Add event…: a hand-made event with label, kind, dates and participants, its evidence
//! taken from the sentence shown in the source panel (optional). Undoable like every correction.

use crate::model::{ActorId, Evidence, Precision};
use crate::project::{Correction, EventDraft};
use crate::ui::inspector_ui::participants_ui;
use crate::ui::state::{AppState, Command, Item};

/// The form's drafts (per-session UI state).
#[derive(Default)]
pub struct AddEventForm {
    pub open: bool,
    label: String,
    kind: String,
    start: String,
    end: String,
    participants: Vec<ActorId>,
    participant_search: String,
    with_evidence: bool,
    error: Option<String>,
}

impl AddEventForm {
    pub fn open(&mut self) {
        *self = Self {
            open: true,
            kind: "meeting".to_owned(),
            with_evidence: true,
            ..Self::default()
        };
    }
}

/// The sentence the user is looking at: the source focus, else the selection's first evidence.
fn current_evidence(state: &AppState) -> Option<Evidence> {
    let (document, start) = match (&state.source_focus, &state.selection) {
        (Some((d, r)), _) => (d.clone(), r.start),
        (
            None,
            Some(Item::TextSpan {
                document, start, ..
            }),
        ) => (document.clone(), *start),
        (None, Some(Item::Relation(id))) => state
            .model
            .relation(id)
            .and_then(|r| r.evidence.first())
            .map(|e| (e.document.clone(), e.start))?,
        (None, Some(Item::Actor(id))) => state
            .model
            .actor(id)
            .and_then(|a| a.mentions.first())
            .map(|m| (m.document.clone(), m.start))?,
        _ => return None,
    };
    let doc = state.document(&document)?;
    let index = doc.sentence_at(start)?;
    let sentence = doc.sentences.get(index)?;
    Some(Evidence {
        document,
        start: sentence.start,
        end: sentence.end,
        text: doc.sentence_text(index).to_owned(),
    })
}

pub fn add_event_ui(ctx: &egui::Context, state: &mut AppState, form: &mut AddEventForm) {
    let mut open = form.open;
    let mut submit = false;
    let evidence = current_evidence(state);
    egui::Window::new("Add event")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("add-event").num_columns(2).show(ui, |ui| {
                for (name, field, hint) in [
                    ("Label", &mut form.label, ""),
                    ("Kind", &mut form.kind, ""),
                    ("Start", &mut form.start, "YYYY-MM-DD or empty"),
                    ("End", &mut form.end, "YYYY-MM-DD or empty"),
                ] {
                    let label = ui.label(name);
                    ui.add(
                        egui::TextEdit::singleline(field)
                            .id_salt(("add-event", name))
                            .hint_text(hint),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
            ui.label("Participants");
            participants_ui(
                ui,
                "add-event",
                &state.model,
                &mut form.participants,
                &mut form.participant_search,
            );
            match &evidence {
                Some(ev) => {
                    ui.checkbox(
                        &mut form.with_evidence,
                        "Evidence: the sentence shown in the source panel",
                    );
                    ui.weak(format!("“{}”", ev.text));
                }
                None => {
                    ui.weak(
                        "Select a sentence or mention in the source panel to attach it as evidence",
                    );
                }
            }
            if let Some(error) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            submit = ui.button("Add event").clicked();
        });
    form.open = open;
    if !submit {
        return;
    }
    let parse = |text: &str| -> Result<Option<chrono::NaiveDate>, String> {
        let t = text.trim();
        if t.is_empty() {
            Ok(None)
        } else {
            crate::corpus::parse_date(t)
                .map(Some)
                .map_err(|e| e.to_string())
        }
    };
    let (start, end) = match (parse(&form.start), parse(&form.end)) {
        (Ok(s), Ok(e)) => (s, e),
        (Err(e), _) | (_, Err(e)) => {
            form.error = Some(e);
            return;
        }
    };
    let draft = EventDraft {
        label: form.label.trim().to_owned(),
        kind: form.kind.trim().to_owned(),
        start,
        end: end.or(start),
        precision: start.map(|_| Precision::Day),
        participants: form.participants.clone(),
        evidence: if form.with_evidence { evidence } else { None },
    };
    match Correction::add_event(&state.model, &draft) {
        Some(correction) => {
            state.push(Command::Correct(correction));
            form.open = false;
        }
        None => {
            form.error = Some(
                "An event needs a label, a kind, and an end no earlier than its start".to_owned(),
            );
        }
    }
}
