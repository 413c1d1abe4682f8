//! The inspector: facts about the selected actor, relation, event or document, with its
//! evidence list (click a row to show it in the source panel).

use egui::RichText;

use crate::model::{ActorId, Evidence, Model};
use crate::ui::state::{AppState, Command, Item};

pub fn inspector_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.heading("Inspector");
    let Some(selection) = state.selection.clone() else {
        ui.weak("Select an actor, relation or event to see its evidence");
        return;
    };
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("inspector")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let model = &state.model;
            match &selection {
                Item::Actor(id) => actor_ui(ui, model, id, &mut commands),
                Item::Relation(id) => {
                    let Some(r) = model.relation(id) else { return };
                    ui.label(
                        RichText::new(format!(
                            "{} {} {}",
                            name(model, &r.source),
                            if r.directed { "→" } else { "—" },
                            name(model, &r.target)
                        ))
                        .strong(),
                    );
                    grid(
                        ui,
                        "relation",
                        &[
                            ("Kind", r.kind.clone()),
                            ("Polarity", r.polarity.label().to_owned()),
                            ("Directed", yes_no(r.directed)),
                            ("Origin", format!("{:?}", r.origin).to_lowercase()),
                        ],
                    );
                    ui.horizontal(|ui| {
                        actor_link(ui, model, &r.source, &mut commands);
                        actor_link(ui, model, &r.target, &mut commands);
                    });
                    evidence_ui(ui, &r.evidence, &mut commands);
                }
                Item::Event(id) => {
                    let Some(e) = model.event(id) else { return };
                    ui.label(RichText::new(&e.label).strong());
                    let when = match (e.start, e.end) {
                        (Some(s), Some(t)) if s == t => s.to_string(),
                        (Some(s), Some(t)) => format!("{s} – {t}"),
                        _ => "undated".to_owned(),
                    };
                    let mut rows = vec![("Kind", e.kind.clone()), ("When", when)];
                    if let Some(p) = e.precision {
                        rows.push(("Precision", format!("{p:?}").to_lowercase()));
                    }
                    if let Some(t) = &e.time_text {
                        rows.push(("Time text", format!("“{t}”")));
                    }
                    if let Some(a) = &e.anchor {
                        rows.push(("Read against", a.clone()));
                    }
                    if let Some(p) = &e.place {
                        rows.push(("Place", name(model, p)));
                    }
                    if let Some(order) = told_order(model, id) {
                        rows.push((
                            "Told",
                            format!("{} of {} events in the text", order.0, order.1),
                        ));
                    }
                    grid(ui, "event", &rows);
                    ui.label("Participants");
                    ui.horizontal_wrapped(|ui| {
                        for p in &e.participants {
                            actor_link(ui, model, p, &mut commands);
                        }
                    });
                    evidence_ui(ui, &e.evidence, &mut commands);
                }
                Item::Document(id) => {
                    if let Some(d) = model.document(id) {
                        ui.label(RichText::new(&d.title).strong());
                        grid(
                            ui,
                            "document",
                            &[
                                (
                                    "Published",
                                    d.published.map_or("undated".into(), |p| p.to_string()),
                                ),
                                ("Path", d.path.clone()),
                            ],
                        );
                    }
                }
                Item::TextSpan {
                    document,
                    start,
                    end,
                } => {
                    if let Some(doc) = state.document(document) {
                        ui.label(doc.text.get(*start..*end).unwrap_or(""));
                    }
                }
            }
        });
    for c in commands {
        state.push(c);
    }
}

fn actor_ui(ui: &mut egui::Ui, model: &Model, id: &ActorId, commands: &mut Vec<Command>) {
    let Some(a) = model.actor(id) else { return };
    ui.label(RichText::new(&a.name).strong().size(16.0));
    let mut rows = vec![
        ("Kind", a.kind.label().to_owned()),
        ("Mentions", a.mentions.len().to_string()),
    ];
    if let Some(role) = &a.role {
        rows.push(("Role", role.clone()));
    }
    if let Some(aff) = &a.affiliation {
        rows.push(("Affiliation", name(model, aff)));
    }
    if !a.aliases.is_empty() {
        rows.push(("Aliases", a.aliases.join(", ")));
    }
    grid(ui, "actor", &rows);
    let relations: Vec<_> = model
        .relations
        .iter()
        .filter(|r| &r.source == id || &r.target == id)
        .collect();
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Relations ({})", relations.len())).strong());
    for r in relations {
        let text = format!(
            "{} {} {} · {} · {}",
            name(model, &r.source),
            if r.directed { "→" } else { "—" },
            name(model, &r.target),
            r.kind,
            r.polarity.label()
        );
        if ui.link(text).clicked() {
            commands.push(Command::Select(Some(Item::Relation(r.id.clone()))));
        }
    }
    let events: Vec<_> = model
        .events
        .iter()
        .filter(|e| e.participants.contains(id))
        .collect();
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Events ({})", events.len())).strong());
    for e in events {
        let date = e.start.map_or("undated".to_owned(), |d| d.to_string());
        if ui.link(format!("{} · {date}", e.label)).clicked() {
            commands.push(Command::Select(Some(Item::Event(e.id.clone()))));
        }
    }
}

/// Position of an event in the order the text tells it (first evidence offset), 1-based.
fn told_order(model: &Model, id: &crate::model::EventId) -> Option<(usize, usize)> {
    let key =
        |e: &crate::model::Event| e.evidence.first().map(|ev| (ev.document.clone(), ev.start));
    let mut order: Vec<_> = model
        .events
        .iter()
        .filter_map(|e| key(e).map(|k| (k, &e.id)))
        .collect();
    order.sort();
    let pos = order.iter().position(|(_, eid)| *eid == id)?;
    Some((pos + 1, order.len()))
}

fn evidence_ui(ui: &mut egui::Ui, evidence: &[Evidence], commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Evidence ({})", evidence.len())).strong());
    for ev in evidence {
        let response = ui.add(
            egui::Label::new(format!("“{}”", ev.text))
                .sense(egui::Sense::click())
                .wrap(),
        );
        if response.on_hover_text("Show in the source text").clicked() {
            commands.push(Command::ShowInSource {
                document: ev.document.clone(),
                start: ev.start,
                end: ev.end,
            });
        }
        ui.weak(ev.document.as_str());
        ui.add_space(2.0);
    }
}

fn actor_link(ui: &mut egui::Ui, model: &Model, id: &ActorId, commands: &mut Vec<Command>) {
    if ui.link(name(model, id)).clicked() {
        commands.push(Command::Select(Some(Item::Actor(id.clone()))));
    }
}

fn name(model: &Model, id: &ActorId) -> String {
    model
        .actor(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn yes_no(b: bool) -> String {
    if b { "yes".into() } else { "no".into() }
}

fn grid(ui: &mut egui::Ui, id: &str, rows: &[(&str, String)]) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (k, v) in rows {
                ui.weak(*k);
                ui.add(egui::Label::new(v.as_str()).wrap());
                ui.end_row();
            }
        });
}
