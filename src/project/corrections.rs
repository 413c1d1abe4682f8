//! The user's corrections to the extracted model, each one undoable and saved in the project.
//!
//! A correction names the items it changes through robust references ([`ActorRef`],
//! [`RelationRef`], [`EventRef`]) so it re-applies after re-extraction; [`super::Overlay`]
//! applies them in order. Build them with the constructors below, which take the ids the UI
//! has and read the rest from the current (corrected) model.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ActorId, ActorKind, EventId, Evidence, Mention, Model, Polarity, Precision};
use crate::project::refs::{ActorRef, EventRef, RelationRef, same_name};

/// One correction. Project state: saved in the `.dossier` file as `{"op": "rename_actor", …}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// The actor's canonical name; the old name becomes an alias.
    RenameActor {
        actor: ActorRef,
        name: String,
    },
    SetActorKind {
        actor: ActorRef,
        kind: ActorKind,
    },
    SetActorRole {
        actor: ActorRef,
        #[serde(default)]
        role: Option<String>,
    },
    SetActorAffiliation {
        actor: ActorRef,
        #[serde(default)]
        affiliation: Option<ActorRef>,
    },
    /// `merge` join `keep`: aliases and mentions join, relations and events are re-pointed,
    /// duplicate relations combined (evidence unioned), self-loops dropped.
    MergeActors {
        keep: ActorRef,
        #[serde(default)]
        merge: Vec<ActorRef>,
    },
    /// The chosen mentions (and the evidence that rests on them alone) move to a new actor.
    SplitActor {
        actor: ActorRef,
        #[serde(default)]
        mentions: Vec<Mention>,
        new_name: String,
        /// The new actor's kind; `None` keeps the original's.
        #[serde(default)]
        kind: Option<ActorKind>,
    },
    /// Removes the actor, its relations, and it from events and quotes.
    HideActor {
        actor: ActorRef,
    },
    HideRelation {
        relation: RelationRef,
    },
    HideEvent {
        event: EventRef,
    },
    /// A hand-made relation; if the same one exists, its evidence and polarity are updated.
    AddRelation {
        source: ActorRef,
        target: ActorRef,
        kind: String,
        #[serde(default)]
        polarity: Polarity,
        #[serde(default)]
        directed: bool,
        #[serde(default)]
        evidence: Option<Evidence>,
    },
    AddEvent {
        label: String,
        kind: String,
        #[serde(default)]
        start: Option<NaiveDate>,
        #[serde(default)]
        end: Option<NaiveDate>,
        #[serde(default)]
        precision: Option<Precision>,
        #[serde(default)]
        participants: Vec<ActorRef>,
        #[serde(default)]
        evidence: Option<Evidence>,
    },
    /// Replaces an event's label, kind, dates and participants with these values.
    EditEvent {
        event: EventRef,
        label: String,
        kind: String,
        #[serde(default)]
        start: Option<NaiveDate>,
        #[serde(default)]
        end: Option<NaiveDate>,
        #[serde(default)]
        precision: Option<Precision>,
        #[serde(default)]
        participants: Vec<ActorRef>,
    },
    /// An extra name for an actor; the extractor reads these through
    /// [`super::Overlay::aliases`] so future extraction resolves it.
    AddAlias {
        actor: ActorRef,
        alias: String,
    },
}

/// An event's editable fields, as the add/edit dialog fills them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventDraft {
    pub label: String,
    pub kind: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub precision: Option<Precision>,
    pub participants: Vec<ActorId>,
    pub evidence: Option<Evidence>,
}

impl Correction {
    /// What the Edit menu says after “Undo” / “Redo”, lower case: “rename actor”.
    pub fn label(&self) -> &'static str {
        match self {
            Correction::RenameActor { .. } => "rename actor",
            Correction::SetActorKind { .. } => "change actor kind",
            Correction::SetActorRole { .. } => "change actor role",
            Correction::SetActorAffiliation { .. } => "change actor affiliation",
            Correction::MergeActors { .. } => "merge actors",
            Correction::SplitActor { .. } => "split actor",
            Correction::HideActor { .. } => "hide actor",
            Correction::HideRelation { .. } => "hide relation",
            Correction::HideEvent { .. } => "hide event",
            Correction::AddRelation { .. } => "add relation",
            Correction::AddEvent { .. } => "add event",
            Correction::EditEvent { .. } => "edit event",
            Correction::AddAlias { .. } => "add alias",
        }
    }

    /// A one-line description for the list of corrections: “Rename “Putin” to “Vladimir Putin””.
    pub fn describe(&self) -> String {
        match self {
            Correction::RenameActor { actor, name } => {
                format!("Rename “{}” to “{name}”", actor.name)
            }
            Correction::SetActorKind { actor, kind } => {
                format!("Make “{}” a {}", actor.name, kind.label())
            }
            Correction::SetActorRole { actor, role } => match role {
                Some(role) => format!("Set the role of “{}” to “{role}”", actor.name),
                None => format!("Clear the role of “{}”", actor.name),
            },
            Correction::SetActorAffiliation { actor, affiliation } => match affiliation {
                Some(to) => format!("Affiliate “{}” with “{}”", actor.name, to.name),
                None => format!("Clear the affiliation of “{}”", actor.name),
            },
            Correction::MergeActors { keep, merge } => {
                let names: Vec<String> = merge.iter().map(|m| format!("“{}”", m.name)).collect();
                format!("Merge {} into “{}”", names.join(", "), keep.name)
            }
            Correction::SplitActor {
                actor,
                mentions,
                new_name,
                ..
            } => format!(
                "Split {} mention{} of “{}” into “{new_name}”",
                mentions.len(),
                if mentions.len() == 1 { "" } else { "s" },
                actor.name
            ),
            Correction::HideActor { actor } => format!("Hide “{}”", actor.name),
            Correction::HideRelation { relation } => format!("Hide {}", relation.describe()),
            Correction::HideEvent { event } => format!("Hide {}", event.describe()),
            Correction::AddRelation {
                source,
                target,
                kind,
                ..
            } => format!(
                "Add a “{kind}” relation between “{}” and “{}”",
                source.name, target.name
            ),
            Correction::AddEvent { label, kind, .. } => {
                format!("Add the event “{label}” ({kind})")
            }
            Correction::EditEvent { event, .. } => format!("Edit {}", event.describe()),
            Correction::AddAlias { actor, alias } => {
                format!("Add the alias “{alias}” to “{}”", actor.name)
            }
        }
    }

    /// Renames an actor. `None` when the actor is not in `model`, the name is blank or the same.
    pub fn rename_actor(model: &Model, actor: &ActorId, name: &str) -> Option<Self> {
        let found = model.actor(actor)?;
        let name = name.trim();
        (!name.is_empty() && name != found.name).then(|| Correction::RenameActor {
            actor: ActorRef::of(found),
            name: name.to_owned(),
        })
    }

    /// Changes an actor's kind. `None` when the actor is missing or already of that kind.
    pub fn set_actor_kind(model: &Model, actor: &ActorId, kind: ActorKind) -> Option<Self> {
        let found = model.actor(actor)?;
        (found.kind != kind).then(|| Correction::SetActorKind {
            actor: ActorRef::of(found),
            kind,
        })
    }

    /// Sets or clears (`None` or blank) an actor's role. `None` when missing or unchanged.
    pub fn set_actor_role(model: &Model, actor: &ActorId, role: Option<&str>) -> Option<Self> {
        let found = model.actor(actor)?;
        let role = role.map(str::trim).filter(|r| !r.is_empty());
        (found.role.as_deref() != role).then(|| Correction::SetActorRole {
            actor: ActorRef::of(found),
            role: role.map(str::to_owned),
        })
    }

    /// Sets or clears an actor's affiliation. `None` when either actor is missing, the actor
    /// would be affiliated with itself, or nothing changes.
    pub fn set_actor_affiliation(
        model: &Model,
        actor: &ActorId,
        affiliation: Option<&ActorId>,
    ) -> Option<Self> {
        let found = model.actor(actor)?;
        let to = match affiliation {
            Some(id) if id == actor => return None,
            Some(id) => Some(ActorRef::of(model.actor(id)?)),
            None => None,
        };
        (found.affiliation.as_ref() != affiliation).then(|| Correction::SetActorAffiliation {
            actor: ActorRef::of(found),
            affiliation: to,
        })
    }

    /// Merges `merge` into `keep`. `None` when `keep` or any of `merge` is missing, or nothing
    /// but `keep` itself is left to merge.
    pub fn merge_actors(model: &Model, keep: &ActorId, merge: &[ActorId]) -> Option<Self> {
        let kept = model.actor(keep)?;
        let mut refs = Vec::new();
        for id in merge.iter().filter(|id| *id != keep) {
            let r = ActorRef::of(model.actor(id)?);
            if !refs.contains(&r) {
                refs.push(r);
            }
        }
        (!refs.is_empty()).then(|| Correction::MergeActors {
            keep: ActorRef::of(kept),
            merge: refs,
        })
    }

    /// Moves the chosen mentions of an actor to a new actor named `new_name`. `None` when the
    /// actor is missing, the name is blank, or the chosen mentions are none or all of its own.
    pub fn split_actor(
        model: &Model,
        actor: &ActorId,
        mentions: &[Mention],
        new_name: &str,
        kind: Option<ActorKind>,
    ) -> Option<Self> {
        let found = model.actor(actor)?;
        let chosen: Vec<Mention> = found
            .mentions
            .iter()
            .filter(|m| mentions.contains(m))
            .cloned()
            .collect();
        let new_name = new_name.trim();
        let useful = !chosen.is_empty() && chosen.len() < found.mentions.len();
        (useful && !new_name.is_empty()).then(|| Correction::SplitActor {
            actor: ActorRef::of(found),
            mentions: chosen,
            new_name: new_name.to_owned(),
            kind,
        })
    }

    pub fn hide_actor(model: &Model, actor: &ActorId) -> Option<Self> {
        Some(Correction::HideActor {
            actor: ActorRef::of(model.actor(actor)?),
        })
    }

    pub fn hide_relation(model: &Model, relation: &crate::model::RelationId) -> Option<Self> {
        Some(Correction::HideRelation {
            relation: RelationRef::of(model, relation)?,
        })
    }

    pub fn hide_event(model: &Model, event: &EventId) -> Option<Self> {
        Some(Correction::HideEvent {
            event: EventRef::of(model.event(event)?),
        })
    }

    /// Adds a relation by hand. `None` when an actor is missing, both are the same actor, or
    /// the kind is blank.
    pub fn add_relation(
        model: &Model,
        source: &ActorId,
        target: &ActorId,
        kind: &str,
        polarity: Polarity,
        directed: bool,
        evidence: Option<Evidence>,
    ) -> Option<Self> {
        let kind = kind.trim();
        if source == target || kind.is_empty() {
            return None;
        }
        Some(Correction::AddRelation {
            source: ActorRef::of(model.actor(source)?),
            target: ActorRef::of(model.actor(target)?),
            kind: kind.to_owned(),
            polarity,
            directed,
            evidence,
        })
    }

    /// Adds an event by hand. `None` when the label or kind is blank, a participant is
    /// missing, or the event would end before it starts.
    pub fn add_event(model: &Model, draft: &EventDraft) -> Option<Self> {
        let (label, kind, start, end, participants) = checked_draft(model, draft)?;
        Some(Correction::AddEvent {
            label,
            kind,
            start,
            end,
            precision: draft.precision,
            participants,
            evidence: draft.evidence.clone(),
        })
    }

    /// Replaces an event's label, kind, dates, precision and participants with the draft's
    /// (its evidence is ignored). `None` on the same conditions as [`Self::add_event`], when
    /// the event is missing, or when nothing changes.
    pub fn edit_event(model: &Model, event: &EventId, draft: &EventDraft) -> Option<Self> {
        let found = model.event(event)?;
        let (label, kind, start, end, participants) = checked_draft(model, draft)?;
        let ids: Vec<&ActorId> = participants.iter().map(|p| &p.id).collect();
        let unchanged = found.label == label
            && found.kind == kind
            && found.start == start
            && found.end == end
            && found.precision == draft.precision
            && found.participants.iter().collect::<Vec<_>>() == ids;
        (!unchanged).then(|| Correction::EditEvent {
            event: EventRef::of(found),
            label,
            kind,
            start,
            end,
            precision: draft.precision,
            participants,
        })
    }

    /// Adds an alias to an actor. `None` when the actor is missing, the alias is blank, or it
    /// already is the actor's name or one of its aliases.
    pub fn add_alias(model: &Model, actor: &ActorId, alias: &str) -> Option<Self> {
        let found = model.actor(actor)?;
        let alias = alias.trim();
        let known =
            same_name(&found.name, alias) || found.aliases.iter().any(|a| same_name(a, alias));
        (!alias.is_empty() && !known).then(|| Correction::AddAlias {
            actor: ActorRef::of(found),
            alias: alias.to_owned(),
        })
    }
}

type CheckedDraft = (
    String,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Vec<ActorRef>,
);

/// A draft's trimmed label and kind, its dates (a missing end is the start), and references to
/// its participants; `None` when it is not a valid event.
fn checked_draft(model: &Model, draft: &EventDraft) -> Option<CheckedDraft> {
    let label = draft.label.trim();
    let kind = draft.kind.trim();
    let end = draft.end.or(draft.start);
    let backwards = matches!((draft.start, end), (Some(s), Some(e)) if e < s);
    if label.is_empty() || kind.is_empty() || backwards || (draft.start.is_none() && end.is_some())
    {
        return None;
    }
    let mut participants = Vec::new();
    for id in &draft.participants {
        let r = ActorRef::of(model.actor(id)?);
        if !participants.contains(&r) {
            participants.push(r);
        }
    }
    Some((
        label.to_owned(),
        kind.to_owned(),
        draft.start,
        end,
        participants,
    ))
}
