//! References from a correction to a model item, robust to re-extraction.
//!
//! Ids are stable slugs for the same input, but adding documents or improving the extractor may
//! change them (or the canonical name an actor gets). So a reference keeps the id *and* what the
//! user saw: an actor's name, kind and aliases; a relation's two actors and kind; an event's
//! kind, label, start date and first evidence span. Resolution tries the most specific key
//! first and never guesses between two equally good candidates (see `docs/project.md`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Actor, ActorId, ActorKind, Event, EventId, Evidence, Model, RelationId};

/// Case- and surrounding-space-insensitive name comparison.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// A reference to an actor: its id, plus its name, kind and aliases when the correction was
/// made (the name is the one shown to the user, after earlier corrections).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActorRef {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
}

impl ActorRef {
    /// The reference to an actor as it is now.
    pub fn of(actor: &Actor) -> Self {
        Self {
            id: actor.id.clone(),
            name: actor.name.clone(),
            kind: actor.kind,
            aliases: actor.aliases.clone(),
        }
    }

    /// The index in `model.actors` of the actor this refers to, if one matches unambiguously.
    ///
    /// In order: the same id with the same name (or an alias of it); the only actor with this
    /// canonical name (ties broken by kind); the same id; the only actor whose name or aliases
    /// include this name or one of these aliases (ties broken by kind).
    pub fn resolve(&self, model: &Model) -> Option<usize> {
        let actors = &model.actors;
        let named = |a: &Actor, name: &str| {
            same_name(&a.name, name) || a.aliases.iter().any(|x| same_name(x, name))
        };
        if let Some(i) = actors
            .iter()
            .position(|a| a.id == self.id && (self.name.is_empty() || named(a, &self.name)))
        {
            return Some(i);
        }
        if !self.name.trim().is_empty() {
            let by_name = self.unique(actors, |a| same_name(&a.name, &self.name));
            if by_name.is_some() {
                return by_name;
            }
        }
        if let Some(i) = actors.iter().position(|a| a.id == self.id) {
            return Some(i);
        }
        let names: Vec<&str> = std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .filter(|n| !n.trim().is_empty())
            .collect();
        self.unique(actors, |a| names.iter().any(|n| named(a, n)))
    }

    /// The single actor matching `pred`; among several, the single one of the same kind.
    fn unique(&self, actors: &[Actor], pred: impl Fn(&Actor) -> bool) -> Option<usize> {
        let found: Vec<usize> = (0..actors.len()).filter(|&i| pred(&actors[i])).collect();
        match found.as_slice() {
            [one] => Some(*one),
            [] => None,
            many => {
                let same_kind: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|&i| actors[i].kind == self.kind)
                    .collect();
                (same_kind.len() == 1).then(|| same_kind[0])
            }
        }
    }

    /// “Vladimir Putin” (a:vladimir-putin), for messages.
    pub fn describe(&self) -> String {
        if self.name.is_empty() {
            format!("the actor {}", self.id)
        } else {
            format!("“{}” ({})", self.name, self.id)
        }
    }
}

/// A reference to a relation: its id and the `(source, target, kind)` key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelationRef {
    pub id: RelationId,
    pub source: ActorRef,
    pub target: ActorRef,
    pub kind: String,
}

impl RelationRef {
    /// The reference to a relation as it is now in `model`; `None` when an endpoint is missing.
    pub fn of(model: &Model, id: &RelationId) -> Option<Self> {
        let relation = model.relation(id)?;
        Some(Self {
            id: relation.id.clone(),
            source: ActorRef::of(model.actor(&relation.source)?),
            target: ActorRef::of(model.actor(&relation.target)?),
            kind: relation.kind.clone(),
        })
    }

    /// The index in `model.relations` of the relation this refers to, or why there is none.
    ///
    /// Both actors are resolved first; then the relation of this kind between them (either
    /// way round for an undirected one); failing that, a relation with the same id and kind.
    pub fn resolve(&self, model: &Model) -> Result<usize, String> {
        let ends = self
            .source
            .resolve(model)
            .zip(self.target.resolve(model))
            .map(|(s, t)| (&model.actors[s].id, &model.actors[t].id));
        if let Some((s, t)) = ends {
            let forward = model
                .relations
                .iter()
                .position(|r| &r.source == s && &r.target == t && r.kind == self.kind);
            let backward = || {
                model.relations.iter().position(|r| {
                    !r.directed && &r.source == t && &r.target == s && r.kind == self.kind
                })
            };
            if let Some(i) = forward.or_else(backward) {
                return Ok(i);
            }
        }
        if let Some(i) = model
            .relations
            .iter()
            .position(|r| r.id == self.id && r.kind == self.kind)
        {
            return Ok(i);
        }
        Err(if ends.is_none() {
            let missing = if self.source.resolve(model).is_none() {
                &self.source
            } else {
                &self.target
            };
            format!(
                "The actor {} is not in the model any more.",
                missing.describe()
            )
        } else {
            format!(
                "There is no “{}” relation between {} and {} any more.",
                self.kind,
                self.source.describe(),
                self.target.describe()
            )
        })
    }

    /// “meet” relation between “A” and “B”, for messages.
    pub fn describe(&self) -> String {
        format!(
            "the “{}” relation between “{}” and “{}”",
            self.kind, self.source.name, self.target.name
        )
    }
}

/// A reference to an event: its id, the `(kind, label, start)` key and its first evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventRef {
    pub id: EventId,
    pub kind: String,
    pub label: String,
    pub start: Option<NaiveDate>,
    pub evidence: Option<Evidence>,
}

impl EventRef {
    /// The reference to an event as it is now.
    pub fn of(event: &Event) -> Self {
        Self {
            id: event.id.clone(),
            kind: event.kind.clone(),
            label: event.label.clone(),
            start: event.start,
            evidence: event.evidence.first().cloned(),
        }
    }

    /// The index in `model.events` of the event this refers to, if any.
    ///
    /// In order: same kind, label and start (the same id preferred among several); same kind
    /// and an evidence span with the same text, or overlapping in the same document; same id
    /// and kind.
    pub fn resolve(&self, model: &Model) -> Option<usize> {
        let events = &model.events;
        let prefer_id = |found: Vec<usize>| {
            found
                .iter()
                .copied()
                .find(|&i| events[i].id == self.id)
                .or_else(|| found.first().copied())
        };
        let keyed: Vec<usize> = (0..events.len())
            .filter(|&i| {
                let e = &events[i];
                e.kind == self.kind && same_name(&e.label, &self.label) && e.start == self.start
            })
            .collect();
        if let Some(i) = prefer_id(keyed) {
            return Some(i);
        }
        if let Some(ev) = &self.evidence {
            let spanned: Vec<usize> = (0..events.len())
                .filter(|&i| {
                    events[i].kind == self.kind
                        && events[i].evidence.iter().any(|e| same_evidence(e, ev))
                })
                .collect();
            if let Some(i) = prefer_id(spanned) {
                return Some(i);
            }
        }
        events
            .iter()
            .position(|e| e.id == self.id && e.kind == self.kind)
    }

    /// “Putin's visit” (visit, 2024-06-18), for messages.
    pub fn describe(&self) -> String {
        match self.start {
            Some(start) => format!("the event “{}” ({}, {start})", self.label, self.kind),
            None => format!("the event “{}” ({}, undated)", self.label, self.kind),
        }
    }
}

/// Two evidence spans are the same when their text is (documents may be renumbered), or when
/// they overlap in the same document.
fn same_evidence(a: &Evidence, b: &Evidence) -> bool {
    let text = !a.text.trim().is_empty() && a.text.trim() == b.text.trim();
    let span = a.document == b.document && a.start < b.end && b.start < a.end;
    text || span
}
