//! The inspector: facts about the selected actor, relation, event or document, with its
//! evidence list (click a row to show it in the source panel), and forms to correct an actor
//! or an event (each change one undoable [`Correction`]).

use egui::RichText;

use crate::model::{ActorId, ActorKind, EventId, Evidence, Model, Origin, Polarity, Precision};
use crate::project::{Correction, EventDraft};
use crate::ui::state::{AppState, Command, Item};

/// Drafts of the inspector's edit fields (per-session UI state).
#[derive(Default)]
pub struct InspectorView {
    /// The actor the drafts belong to; they reset when the selection changes.
    for_actor: Option<ActorId>,
    name: String,
    role: String,
    alias: String,
    merge_with: Option<ActorId>,
    relation_to: Option<ActorId>,
    relation_kind: String,
    relation_polarity: Polarity,
    /// Mentions chosen to split off into a new actor, and its name.
    split_mentions: Vec<usize>,
    split_name: String,
    /// The event the event drafts belong to, with the model generation they were read from:
    /// they reset when the selection or the model changes (an edit, an undo).
    for_event: Option<(EventId, u64)>,
    event: EventFields,
    participant_search: String,
    event_error: Option<String>,
}

/// An event's fields as the edit form shows them (dates as text).
#[derive(Clone, Debug, Default, PartialEq)]
struct EventFields {
    label: String,
    kind: String,
    start: String,
    /// Empty when the event lasts one day.
    end: String,
    participants: Vec<ActorId>,
}

impl EventFields {
    fn of(e: &crate::model::Event) -> Self {
        Self {
            label: e.label.clone(),
            kind: e.kind.clone(),
            start: e.start.map(|d| d.to_string()).unwrap_or_default(),
            end: e
                .end
                .filter(|end| Some(*end) != e.start)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            participants: e.participants.clone(),
        }
    }
}

pub fn inspector_ui(ui: &mut egui::Ui, state: &mut AppState, drafts: &mut InspectorView) {
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
                Item::Actor(id) => {
                    actor_ui(ui, model, id, &mut commands);
                    actor_edit_ui(ui, model, &state.corpus, id, drafts, &mut commands);
                }
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
                            ("Origin", origin_text(r.origin)),
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
                    if !e.origin.is_extracted() {
                        rows.push(("Origin", origin_text(e.origin)));
                    }
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
                    event_edit_ui(ui, model, state.model_generation, id, drafts, &mut commands);
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

/// Corrections to an actor: rename, kind, role, affiliation, alias, merge, add a relation, hide.
fn actor_edit_ui(
    ui: &mut egui::Ui,
    model: &Model,
    corpus: &[crate::corpus::Document],
    id: &ActorId,
    drafts: &mut InspectorView,
    commands: &mut Vec<Command>,
) {
    let Some(actor) = model.actor(id) else { return };
    if drafts.for_actor.as_ref() != Some(id) {
        *drafts = InspectorView {
            for_actor: Some(id.clone()),
            name: actor.name.clone(),
            role: actor.role.clone().unwrap_or_default(),
            relation_kind: "support".to_owned(),
            ..InspectorView::default()
        };
    }
    let mut push = |c: Option<Correction>| {
        if let Some(c) = c {
            commands.push(Command::Correct(c));
        }
    };
    ui.separator();
    ui.label(RichText::new("Correct").strong());
    egui::Grid::new("actor-edit").num_columns(2).show(ui, |ui| {
        ui.label("Name");
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut drafts.name).desired_width(150.0));
            if ui.button("Rename").clicked() {
                push(Correction::rename_actor(model, id, drafts.name.trim()));
            }
        });
        ui.end_row();
        ui.label("Kind");
        let mut kind = actor.kind;
        egui::ComboBox::from_id_salt("actor-kind")
            .selected_text(kind.label())
            .show_ui(ui, |ui| {
                for k in ActorKind::ALL {
                    ui.selectable_value(&mut kind, k, k.label());
                }
            });
        if kind != actor.kind {
            push(Correction::set_actor_kind(model, id, kind));
        }
        ui.end_row();
        ui.label("Role");
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut drafts.role).desired_width(150.0));
            if ui.button("Set").clicked() {
                let role = drafts.role.trim();
                push(Correction::set_actor_role(
                    model,
                    id,
                    (!role.is_empty()).then_some(role),
                ));
            }
        });
        ui.end_row();
        ui.label("Affiliation");
        let mut affiliation = actor.affiliation.clone();
        egui::ComboBox::from_id_salt("actor-affiliation")
            .selected_text(
                affiliation
                    .as_ref()
                    .map_or("none".to_owned(), |a| name(model, a)),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut affiliation, None, "none");
                for other in model
                    .actors
                    .iter()
                    .filter(|a| &a.id != id && a.kind != ActorKind::Person)
                {
                    ui.selectable_value(&mut affiliation, Some(other.id.clone()), &other.name);
                }
            });
        if affiliation != actor.affiliation {
            push(Correction::set_actor_affiliation(
                model,
                id,
                affiliation.as_ref(),
            ));
        }
        ui.end_row();
        ui.label("Alias");
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut drafts.alias)
                    .hint_text("another name")
                    .desired_width(150.0),
            );
            if ui.button("Add").clicked() {
                push(Correction::add_alias(model, id, drafts.alias.trim()));
                drafts.alias.clear();
            }
        });
        ui.end_row();
        ui.label("Merge");
        ui.horizontal(|ui| {
            actor_picker(ui, "merge-with", model, id, &mut drafts.merge_with);
            if ui
                .add_enabled(
                    drafts.merge_with.is_some(),
                    egui::Button::new("Merge into this"),
                )
                .clicked()
                && let Some(other) = drafts.merge_with.take()
            {
                push(Correction::merge_actors(model, id, &[other]));
            }
        });
        ui.end_row();
        ui.label("Relation to");
        ui.vertical(|ui| {
            actor_picker(ui, "relation-to", model, id, &mut drafts.relation_to);
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut drafts.relation_kind).desired_width(80.0));
                egui::ComboBox::from_id_salt("relation-polarity")
                    .selected_text(drafts.relation_polarity.label())
                    .show_ui(ui, |ui| {
                        for p in Polarity::ALL {
                            ui.selectable_value(&mut drafts.relation_polarity, p, p.label());
                        }
                    });
                if ui
                    .add_enabled(
                        drafts.relation_to.is_some(),
                        egui::Button::new("Add relation"),
                    )
                    .clicked()
                    && let Some(target) = drafts.relation_to.take()
                {
                    push(Correction::add_relation(
                        model,
                        id,
                        &target,
                        drafts.relation_kind.trim(),
                        drafts.relation_polarity,
                        true,
                        None,
                    ));
                }
            });
        });
        ui.end_row();
    });
    if ui
        .button("Hide actor")
        .on_hover_text("Reject this actor and its relations (undo with Ctrl+Z)")
        .clicked()
    {
        push(Correction::hide_actor(model, id));
    }
    // Split a wrongly merged actor: choose the mentions that are someone else.
    if actor.mentions.len() > 1 {
        ui.collapsing("Split by mention…", |ui| {
            for (i, m) in actor.mentions.iter().enumerate().take(200) {
                let doc = corpus.iter().find(|d| d.id == m.document);
                let said = doc.and_then(|d| d.text.get(m.start..m.end)).unwrap_or("?");
                let context = doc
                    .and_then(|d| d.sentence_at(m.start).map(|k| d.sentence_text(k)))
                    .map(|t| t.chars().take(70).collect::<String>())
                    .unwrap_or_default();
                let mut on = drafts.split_mentions.contains(&i);
                if ui
                    .checkbox(&mut on, format!("“{said}” · {context}…"))
                    .changed()
                {
                    if on {
                        drafts.split_mentions.push(i);
                    } else {
                        drafts.split_mentions.retain(|&k| k != i);
                    }
                }
            }
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut drafts.split_name)
                        .hint_text("the other actor's name")
                        .desired_width(160.0),
                );
                let ready =
                    !drafts.split_mentions.is_empty() && !drafts.split_name.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Split off"))
                    .clicked()
                {
                    let mentions: Vec<_> = drafts
                        .split_mentions
                        .iter()
                        .filter_map(|&k| actor.mentions.get(k).cloned())
                        .collect();
                    push(Correction::split_actor(
                        model,
                        id,
                        &mentions,
                        drafts.split_name.trim(),
                        None,
                    ));
                    drafts.split_mentions.clear();
                    drafts.split_name.clear();
                }
            });
        });
    }
}

/// Corrections to an event: label, kind, dates and participants, applied together as one
/// undoable edit.
fn event_edit_ui(
    ui: &mut egui::Ui,
    model: &Model,
    generation: u64,
    id: &EventId,
    drafts: &mut InspectorView,
    commands: &mut Vec<Command>,
) {
    let Some(event) = model.event(id) else { return };
    let current = EventFields::of(event);
    if drafts.for_event.as_ref() != Some(&(id.clone(), generation)) {
        drafts.for_event = Some((id.clone(), generation));
        drafts.event = current.clone();
        drafts.participant_search.clear();
        drafts.event_error = None;
    }
    ui.separator();
    ui.label(RichText::new("Correct").strong());
    let fields = &mut drafts.event;
    egui::Grid::new("event-edit").num_columns(2).show(ui, |ui| {
        for (name, field, hint) in [
            ("Label", &mut fields.label, ""),
            ("Kind", &mut fields.kind, ""),
            ("Start", &mut fields.start, "YYYY-MM-DD or empty"),
            ("End", &mut fields.end, "empty: one day"),
        ] {
            let label = ui.label(name);
            ui.add(
                egui::TextEdit::singleline(field)
                    .id_salt(("event-edit", name))
                    .hint_text(hint)
                    .desired_width(170.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        }
    });
    ui.label("Participants");
    participants_ui(
        ui,
        "event-edit",
        model,
        &mut fields.participants,
        &mut drafts.participant_search,
    );
    if let Some(error) = &drafts.event_error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let changed = drafts.event != current;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(changed, egui::Button::new("Apply changes"))
            .on_hover_text("One edit: undo it with Ctrl+Z")
            .clicked()
        {
            match event_draft(event, &drafts.event) {
                Ok(draft) => match Correction::edit_event(model, id, &draft) {
                    Some(c) => commands.push(Command::Correct(c)),
                    None => {
                        drafts.event_error = Some("An event needs a label and a kind".to_owned());
                    }
                },
                Err(error) => drafts.event_error = Some(error),
            }
        }
        if ui
            .add_enabled(changed, egui::Button::new("Reset"))
            .clicked()
        {
            drafts.for_event = None;
        }
    });
}

/// The edit form's fields as a draft of the event: dates parsed (an error says what was
/// expected), precision a day when the dates changed and kept otherwise.
fn event_draft(event: &crate::model::Event, fields: &EventFields) -> Result<EventDraft, String> {
    let (start, end) = crate::ui::timeline_ui::parse_event_dates(&fields.start, &fields.end)?;
    let end = end.or(start);
    let precision = if (start, end) == (event.start, event.end) {
        event.precision
    } else {
        start.map(|_| Precision::Day)
    };
    Ok(EventDraft {
        label: fields.label.trim().to_owned(),
        kind: fields.kind.trim().to_owned(),
        start,
        end,
        precision,
        participants: fields.participants.clone(),
        evidence: None,
    })
}

/// Most actors listed as matches while adding a participant.
const MAX_MATCHES: usize = 8;

/// An event's participants being edited: a chip per participant (click it to remove), and a
/// search field listing the actors whose name or alias contains the text (click one, or press
/// Enter for the first, to add it). Shared by the inspector and Edit → Add event….
pub fn participants_ui(
    ui: &mut egui::Ui,
    salt: &str,
    model: &Model,
    participants: &mut Vec<ActorId>,
    search: &mut String,
) {
    ui.horizontal_wrapped(|ui| {
        if participants.is_empty() {
            ui.weak("none");
        }
        let mut removed = None;
        for (k, p) in participants.iter().enumerate() {
            if ui
                .button(format!("{} ×", name(model, p)))
                .on_hover_text("Remove this participant")
                .clicked()
            {
                removed = Some(k);
            }
        }
        if let Some(k) = removed {
            participants.remove(k);
        }
    });
    let field = ui
        .horizontal(|ui| {
            let label = ui.label("Add participant");
            ui.add(
                egui::TextEdit::singleline(search)
                    .id_salt((salt, "participant-search"))
                    .hint_text("type a name")
                    .desired_width(150.0),
            )
            .labelled_by(label.id)
        })
        .inner;
    let needle = search.trim().to_lowercase();
    if needle.is_empty() {
        return;
    }
    let mut matches: Vec<&crate::model::Actor> = model
        .actors
        .iter()
        .filter(|a| !participants.contains(&a.id))
        .filter(|a| {
            a.name.to_lowercase().contains(&needle)
                || a.aliases.iter().any(|x| x.to_lowercase().contains(&needle))
        })
        .collect();
    // Exact names first, then the most mentioned.
    matches.sort_by_key(|a| {
        (
            a.name.to_lowercase() != needle,
            std::cmp::Reverse(a.mentions.len()),
        )
    });
    let mut added = None;
    if field.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some(first) = matches.first()
    {
        added = Some(first.id.clone());
        field.request_focus();
    }
    ui.horizontal_wrapped(|ui| {
        for a in matches.iter().take(MAX_MATCHES) {
            if ui
                .small_button(format!("+ {}", a.name))
                .on_hover_text(format!("Add {} ({})", a.name, a.kind.label()))
                .clicked()
            {
                added = Some(a.id.clone());
            }
        }
        match matches.len() {
            0 => {
                ui.weak("no actor matches");
            }
            n if n > MAX_MATCHES => {
                ui.weak(format!("{} more: type more of the name", n - MAX_MATCHES));
            }
            _ => {}
        }
    });
    if let Some(id) = added {
        participants.push(id);
        search.clear();
    }
}

fn actor_picker(
    ui: &mut egui::Ui,
    salt: &str,
    model: &Model,
    except: &ActorId,
    chosen: &mut Option<ActorId>,
) {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(
            chosen
                .as_ref()
                .map_or("choose an actor".to_owned(), |a| name(model, a)),
        )
        .show_ui(ui, |ui| {
            for other in model.actors.iter().filter(|a| &a.id != except) {
                ui.selectable_value(chosen, Some(other.id.clone()), &other.name);
            }
        });
}

fn actor_ui(ui: &mut egui::Ui, model: &Model, id: &ActorId, commands: &mut Vec<Command>) {
    let Some(a) = model.actor(id) else { return };
    ui.label(RichText::new(&a.name).strong().size(16.0));
    let mut rows = vec![
        ("Kind", a.kind.label().to_owned()),
        ("Mentions", a.mentions.len().to_string()),
    ];
    if !a.origin.is_extracted() {
        rows.push(("Origin", origin_text(a.origin)));
    }
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

fn origin_text(origin: Origin) -> String {
    match origin {
        Origin::Extracted => "extracted",
        Origin::Edited => "edited by you",
        Origin::Manual => "hand-made",
    }
    .to_owned()
}
