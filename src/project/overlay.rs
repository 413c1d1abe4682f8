//! The correction overlay: the user's corrections applied, in order, on top of the extracted
//! model. The extracted model is never changed; the corrected one is recomputed from it.
//!
//! Each correction is applied to the model as the earlier corrections left it, which is the
//! model the user saw when making it, so references recorded then resolve now. A correction
//! that no longer applies (its actor is gone after re-extraction, say) is reported as
//! [`Unapplied`] with a reason, never dropped: it stays in the overlay and in the project.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{
    Actor, ActorId, ActorKind, Event, EventId, Evidence, Mention, Model, Origin, Relation,
    RelationId, slug,
};
use crate::project::corrections::Correction;
use crate::project::refs::{ActorRef, same_name};

/// The user's corrections, oldest first. Project state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Overlay {
    pub corrections: Vec<Correction>,
}

/// A correction that did not apply, or applied only in part, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unapplied {
    /// Its index in [`Overlay::corrections`].
    pub index: usize,
    pub correction: Correction,
    /// A full sentence for the problems panel.
    pub reason: String,
    /// Whether the rest of the correction was applied (e.g. 2 of 3 actors merged).
    pub partial: bool,
}

/// A name the user gave an actor, for the extractor to resolve in future extraction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserAlias {
    /// The name as it appears in text.
    pub alias: String,
    /// The actor's canonical name as the extractor gave it (before any user rename).
    pub name: String,
    pub kind: ActorKind,
}

/// How one correction went: applied, applied with a note, or not applied.
type Outcome = Result<Option<String>, String>;

impl Overlay {
    pub fn new(corrections: Vec<Correction>) -> Self {
        Self { corrections }
    }

    /// The corrected model, and the corrections that did not (fully) apply. Never panics;
    /// cheap enough to recompute after every edit.
    pub fn apply(&self, extracted: &Model) -> (Model, Vec<Unapplied>) {
        let mut model = extracted.clone();
        let mut unapplied = Vec::new();
        for (index, correction) in self.corrections.iter().enumerate() {
            let (reason, partial) = match apply_one(&mut model, correction) {
                Ok(None) => continue,
                Ok(Some(note)) => (note, true),
                Err(reason) => (reason, false),
            };
            unapplied.push(Unapplied {
                index,
                correction: correction.clone(),
                reason,
                partial,
            });
        }
        (model, unapplied)
    }

    /// Names the user gave actors (added aliases, and the names of actors merged into
    /// another), each with the canonical name and kind the extractor gave that actor. Later
    /// corrections win over earlier ones for the same alias.
    pub fn aliases(&self) -> Vec<UserAlias> {
        let mut out: Vec<UserAlias> = Vec::new();
        let mut add = |alias: &str, name: String, kind: ActorKind| {
            if alias.trim().is_empty() || same_name(alias, &name) {
                return;
            }
            out.retain(|a| !same_name(&a.alias, alias));
            out.push(UserAlias {
                alias: alias.trim().to_owned(),
                name,
                kind,
            });
        };
        for (index, correction) in self.corrections.iter().enumerate() {
            match correction {
                Correction::AddAlias { actor, alias } => {
                    add(alias, self.extracted_name(index, &actor.name), actor.kind);
                }
                Correction::MergeActors { keep, merge } => {
                    let name = self.extracted_name(index, &keep.name);
                    for merged in merge {
                        for alias in std::iter::once(&merged.name).chain(&merged.aliases) {
                            add(alias, name.clone(), keep.kind);
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The knowledge base extraction should use under these corrections: `base` with the
    /// user's aliases added, so "future extraction resolves them".
    pub fn knowledge_base(
        &self,
        base: &crate::extract::KnowledgeBase,
    ) -> std::sync::Arc<crate::extract::KnowledgeBase> {
        let extra: Vec<crate::extract::kb::ExtraAlias> = self
            .aliases()
            .into_iter()
            .map(|a| crate::extract::kb::ExtraAlias {
                alias: a.alias,
                name: a.name,
                kind: a.kind,
            })
            .collect();
        std::sync::Arc::new(if extra.is_empty() {
            base.clone()
        } else {
            base.with_aliases(&extra)
        })
    }

    /// The name an actor called `name` at correction `index` had before the user's renames.
    fn extracted_name(&self, index: usize, name: &str) -> String {
        let mut name = name.to_owned();
        for correction in self.corrections[..index].iter().rev() {
            if let Correction::RenameActor { actor, name: new } = correction
                && same_name(new, &name)
            {
                name.clone_from(&actor.name);
            }
        }
        name
    }
}

/// Applies one correction to `model` in place.
fn apply_one(model: &mut Model, correction: &Correction) -> Outcome {
    match correction {
        Correction::RenameActor { actor, name } => rename(model, actor, name),
        Correction::SetActorKind { actor, kind } => {
            let i = find_actor(model, actor)?;
            let a = &mut model.actors[i];
            a.kind = *kind;
            mark_edited(&mut a.origin);
            Ok(None)
        }
        Correction::SetActorRole { actor, role } => {
            let i = find_actor(model, actor)?;
            let a = &mut model.actors[i];
            a.role.clone_from(role);
            mark_edited(&mut a.origin);
            Ok(None)
        }
        Correction::SetActorAffiliation { actor, affiliation } => {
            let i = find_actor(model, actor)?;
            let to = match affiliation {
                Some(r) => Some(model.actors[find_actor(model, r)?].id.clone()),
                None => None,
            };
            if to.as_ref() == Some(&model.actors[i].id) {
                return Err(format!(
                    "{} cannot be affiliated with itself.",
                    capitalised(&actor.describe())
                ));
            }
            let a = &mut model.actors[i];
            a.affiliation = to;
            mark_edited(&mut a.origin);
            Ok(None)
        }
        Correction::MergeActors { keep, merge } => merge_actors(model, keep, merge),
        Correction::SplitActor {
            actor,
            mentions,
            new_name,
            kind,
        } => split_actor(model, actor, mentions, new_name, *kind),
        Correction::HideActor { actor } => {
            let i = find_actor(model, actor)?;
            let id = model.actors.remove(i).id;
            remove_actor_references(model, &id);
            Ok(None)
        }
        Correction::HideRelation { relation } => {
            let i = relation.resolve(model)?;
            model.relations.remove(i);
            Ok(None)
        }
        Correction::HideEvent { event } => {
            let i = find_event(model, event)?;
            model.events.remove(i);
            Ok(None)
        }
        Correction::AddRelation {
            source,
            target,
            kind,
            polarity,
            directed,
            evidence,
        } => {
            let s = model.actors[find_actor(model, source)?].id.clone();
            let t = model.actors[find_actor(model, target)?].id.clone();
            if s == t {
                return Err(format!(
                    "{} and {} are now the same actor, so the relation would be a loop.",
                    capitalised(&source.describe()),
                    target.describe()
                ));
            }
            let existing = model.relations.iter().position(|r| {
                r.kind == *kind
                    && ((r.source == s && r.target == t)
                        || (!(r.directed && *directed) && r.source == t && r.target == s))
            });
            if let Some(i) = existing {
                let r = &mut model.relations[i];
                r.polarity = *polarity;
                if let Some(ev) = evidence
                    && !r.evidence.contains(ev)
                {
                    r.evidence.push(ev.clone());
                }
                mark_edited(&mut r.origin);
            } else {
                let id = unique_relation_id(model, &s, &t, kind);
                model.relations.push(Relation {
                    id,
                    source: s,
                    target: t,
                    kind: kind.clone(),
                    polarity: *polarity,
                    directed: *directed,
                    evidence: evidence.iter().cloned().collect(),
                    origin: Origin::Manual,
                });
            }
            Ok(None)
        }
        Correction::AddEvent {
            label,
            kind,
            start,
            end,
            precision,
            participants,
            evidence,
        } => {
            check_dates(*start, *end)?;
            let (participants, note) = resolve_participants(model, participants);
            let id = unique_event_id(model, label);
            model.events.push(Event {
                id,
                label: label.clone(),
                kind: kind.clone(),
                start: *start,
                end: end.or(*start),
                precision: *precision,
                time_text: None,
                anchor: None,
                participants,
                place: None,
                evidence: evidence.iter().cloned().collect(),
                origin: Origin::Manual,
            });
            Ok(note)
        }
        Correction::EditEvent {
            event,
            label,
            kind,
            start,
            end,
            precision,
            participants,
        } => {
            check_dates(*start, *end)?;
            let i = find_event(model, event)?;
            let (participants, note) = resolve_participants(model, participants);
            let e = &mut model.events[i];
            let end = end.or(*start);
            if e.start != *start || e.end != end {
                // The anchor explained how the old dates were read from the text.
                e.anchor = None;
            }
            e.label.clone_from(label);
            e.kind.clone_from(kind);
            e.start = *start;
            e.end = end;
            e.precision = *precision;
            e.participants = participants;
            mark_edited(&mut e.origin);
            Ok(note)
        }
        Correction::AddAlias { actor, alias } => {
            let i = find_actor(model, actor)?;
            let alias = alias.trim();
            if alias.is_empty() {
                return Err("The alias is empty.".to_owned());
            }
            let a = &mut model.actors[i];
            if !same_name(&a.name, alias) && !a.aliases.iter().any(|x| same_name(x, alias)) {
                a.aliases.push(alias.to_owned());
                mark_edited(&mut a.origin);
            }
            Ok(None)
        }
    }
}

fn rename(model: &mut Model, actor: &ActorRef, name: &str) -> Outcome {
    let i = find_actor(model, actor)?;
    let name = name.trim();
    if name.is_empty() {
        return Err("The new name is empty.".to_owned());
    }
    let a = &mut model.actors[i];
    if a.name == name {
        return Ok(None);
    }
    let old = std::mem::replace(&mut a.name, name.to_owned());
    a.aliases.retain(|x| !same_name(x, name));
    if !same_name(&old, name) && !a.aliases.iter().any(|x| same_name(x, &old)) {
        a.aliases.push(old);
    }
    mark_edited(&mut a.origin);
    Ok(None)
}

fn merge_actors(model: &mut Model, keep: &ActorRef, merge: &[ActorRef]) -> Outcome {
    let k = find_actor(model, keep)?;
    let keep_id = model.actors[k].id.clone();
    let mut merged: Vec<ActorId> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for r in merge {
        match r.resolve(model) {
            Some(i) if model.actors[i].id != keep_id => {
                let id = model.actors[i].id.clone();
                if !merged.contains(&id) {
                    merged.push(id);
                }
            }
            // Already one actor (the extractor now joins them): nothing to do for this one.
            Some(_) => {}
            None => missing.push(r.describe()),
        }
    }
    if merged.is_empty() && !missing.is_empty() {
        return Err(format!(
            "None of the actors to merge into {} are in the model any more ({}).",
            keep.describe(),
            missing.join(", ")
        ));
    }
    if !merged.is_empty() {
        merge_ids(model, &keep_id, &merged);
    }
    Ok((!missing.is_empty()).then(|| {
        format!(
            "Not merged into {} because they are not in the model any more: {}.",
            keep.describe(),
            missing.join(", ")
        )
    }))
}

/// Merges the actors `merged` (all present, none equal to `keep`) into `keep`.
fn merge_ids(model: &mut Model, keep: &ActorId, merged: &[ActorId]) {
    let (gone, rest): (Vec<Actor>, Vec<Actor>) = std::mem::take(&mut model.actors)
        .into_iter()
        .partition(|a| merged.contains(&a.id));
    model.actors = rest;
    let Some(kept) = model.actors.iter_mut().find(|a| &a.id == keep) else {
        return;
    };
    for other in gone {
        for name in std::iter::once(other.name).chain(other.aliases) {
            let known =
                same_name(&kept.name, &name) || kept.aliases.iter().any(|x| same_name(x, &name));
            if !known {
                kept.aliases.push(name);
            }
        }
        kept.mentions.extend(other.mentions);
        if kept.role.is_none() {
            kept.role = other.role;
        }
        if kept.affiliation.is_none() {
            kept.affiliation = other.affiliation;
        }
    }
    kept.mentions.sort();
    kept.mentions.dedup();
    if kept
        .affiliation
        .as_ref()
        .is_some_and(|a| merged.contains(a))
    {
        kept.affiliation = None;
    }
    mark_edited(&mut kept.origin);
    let kept_id = kept.id.clone();
    let point = |id: &mut ActorId| {
        if merged.contains(id) {
            *id = kept_id.clone();
        }
    };

    for actor in &mut model.actors {
        if let Some(a) = &mut actor.affiliation {
            point(a);
        }
        if actor.affiliation.as_ref() == Some(&actor.id) {
            actor.affiliation = None;
        }
    }

    // A re-pointed relation that became the same as another (kind, ends, direction; undirected
    // ones either way round) is combined with the first of them. Every such pair now touches
    // `keep`, so only its relations are compared.
    let mut touched = vec![false; model.relations.len()];
    for (r, t) in model.relations.iter_mut().zip(&mut touched) {
        *t = merged.contains(&r.source) || merged.contains(&r.target);
        point(&mut r.source);
        point(&mut r.target);
        if *t {
            mark_edited(&mut r.origin);
        }
    }
    let same = |a: &Relation, b: &Relation| {
        a.kind == b.kind
            && a.directed == b.directed
            && ((a.source == b.source && a.target == b.target)
                || (!a.directed && a.source == b.target && a.target == b.source))
    };
    let mut keep_relation = vec![true; model.relations.len()];
    let mut survivors: Vec<usize> = Vec::new();
    for i in 0..model.relations.len() {
        let r = &model.relations[i];
        if r.source == r.target {
            keep_relation[i] = false;
            continue;
        }
        if r.source != kept_id && r.target != kept_id {
            continue;
        }
        let into = survivors
            .iter()
            .copied()
            .find(|&s| (touched[i] || touched[s]) && same(&model.relations[s], r));
        if let Some(into) = into {
            keep_relation[i] = false;
            let evidence = std::mem::take(&mut model.relations[i].evidence);
            let d = &mut model.relations[into];
            for ev in evidence {
                if !d.evidence.contains(&ev) {
                    d.evidence.push(ev);
                }
            }
            mark_edited(&mut d.origin);
        } else {
            survivors.push(i);
        }
    }
    let mut flags = keep_relation.into_iter();
    model.relations.retain(|_| flags.next().unwrap_or(true));

    for e in &mut model.events {
        let touched = e.participants.iter().any(|p| merged.contains(p))
            || e.place.as_ref().is_some_and(|p| merged.contains(p));
        if !touched {
            continue;
        }
        e.participants.iter_mut().for_each(point);
        dedup_in_order(&mut e.participants);
        if let Some(p) = &mut e.place {
            point(p);
        }
        mark_edited(&mut e.origin);
    }
    for q in &mut model.quotes {
        point(&mut q.speaker);
        q.about.iter_mut().for_each(point);
        dedup_in_order(&mut q.about);
    }
}

fn split_actor(
    model: &mut Model,
    actor: &ActorRef,
    mentions: &[Mention],
    new_name: &str,
    kind: Option<ActorKind>,
) -> Outcome {
    let i = find_actor(model, actor)?;
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return Err("The new actor's name is empty.".to_owned());
    }
    let original = &model.actors[i];
    let (moved, kept): (Vec<Mention>, Vec<Mention>) = original
        .mentions
        .iter()
        .cloned()
        .partition(|m| mentions.contains(m));
    if moved.is_empty() {
        return Err(format!(
            "None of the chosen mentions belong to {} any more.",
            actor.describe()
        ));
    }
    if kept.is_empty() {
        return Err(format!(
            "Every mention of {} was chosen, so nothing would be left to split from.",
            actor.describe()
        ));
    }
    let old_id = original.id.clone();
    let new_id = unique_actor_id(model, new_name);
    let new_actor = Actor {
        id: new_id.clone(),
        name: new_name.to_owned(),
        kind: kind.unwrap_or(original.kind),
        aliases: Vec::new(),
        affiliation: None,
        role: None,
        mentions: moved.clone(),
        origin: Origin::Edited,
    };
    let a = &mut model.actors[i];
    a.mentions.clone_from(&kept);
    mark_edited(&mut a.origin);
    model.actors.insert(i + 1, new_actor);

    // Evidence that mentions only the moved mentions (none kept) now speaks of the new actor.
    let overlaps =
        |e: &Evidence, m: &Mention| e.document == m.document && m.start < e.end && e.start < m.end;
    let moves =
        |e: &Evidence| moved.iter().any(|m| overlaps(e, m)) && !kept.iter().any(|m| overlaps(e, m));
    let repoint = |id: &mut ActorId| {
        if *id == old_id {
            *id = new_id.clone();
        }
    };

    let mut added: Vec<Relation> = Vec::new();
    for r in &mut model.relations {
        if r.source != old_id && r.target != old_id {
            continue;
        }
        let (go, stay): (Vec<Evidence>, Vec<Evidence>) =
            std::mem::take(&mut r.evidence).into_iter().partition(moves);
        r.evidence = stay;
        if go.is_empty() {
            continue;
        }
        mark_edited(&mut r.origin);
        if r.evidence.is_empty() {
            r.evidence = go;
            repoint(&mut r.source);
            repoint(&mut r.target);
        } else {
            let mut copy = r.clone();
            copy.evidence = go;
            repoint(&mut copy.source);
            repoint(&mut copy.target);
            added.push(copy);
        }
    }
    for mut r in added {
        let taken: Vec<&RelationId> = model.relations.iter().map(|x| &x.id).collect();
        r.id = RelationId(unique_id(
            &relation_id(&r.source, &r.target, &r.kind),
            |c| taken.iter().any(|t| t.as_str() == c),
        ));
        model.relations.push(r);
    }
    for e in &mut model.events {
        let keeps = e
            .evidence
            .iter()
            .any(|x| kept.iter().any(|m| overlaps(x, m)));
        if e.evidence.iter().any(moves) && !keeps {
            e.participants.iter_mut().for_each(repoint);
            dedup_in_order(&mut e.participants);
            if let Some(p) = &mut e.place {
                repoint(p);
            }
            mark_edited(&mut e.origin);
        }
    }
    for q in &mut model.quotes {
        if moves(&q.evidence) {
            repoint(&mut q.speaker);
            q.about.iter_mut().for_each(repoint);
            dedup_in_order(&mut q.about);
        }
    }

    let missing = mentions.iter().filter(|m| !moved.contains(m)).count();
    Ok((missing > 0).then(|| {
        format!(
            "{missing} of the {} chosen mentions no longer belong to {}; the others moved to “{new_name}”.",
            mentions.len(),
            actor.describe()
        )
    }))
}

/// Removes every reference to a hidden actor: its relations, and it from events, quotes and
/// affiliations.
fn remove_actor_references(model: &mut Model, id: &ActorId) {
    model
        .relations
        .retain(|r| &r.source != id && &r.target != id);
    for e in &mut model.events {
        e.participants.retain(|p| p != id);
        if e.place.as_ref() == Some(id) {
            e.place = None;
        }
    }
    model.quotes.retain(|q| &q.speaker != id);
    for q in &mut model.quotes {
        q.about.retain(|a| a != id);
    }
    for a in &mut model.actors {
        if a.affiliation.as_ref() == Some(id) {
            a.affiliation = None;
        }
    }
}

fn find_actor(model: &Model, actor: &ActorRef) -> Result<usize, String> {
    actor.resolve(model).ok_or_else(|| {
        format!(
            "{} is not in the model any more.",
            capitalised(&actor.describe())
        )
    })
}

fn find_event(model: &Model, event: &crate::project::refs::EventRef) -> Result<usize, String> {
    event.resolve(model).ok_or_else(|| {
        format!(
            "{} is not in the model any more.",
            capitalised(&event.describe())
        )
    })
}

fn check_dates(
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> Result<(), String> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(format!("The event ends ({e}) before it starts ({s}).")),
        (None, Some(e)) => Err(format!("The event has an end ({e}) but no start.")),
        _ => Ok(()),
    }
}

/// The ids of the participants still in the model, and a note naming the others.
fn resolve_participants(model: &Model, refs: &[ActorRef]) -> (Vec<ActorId>, Option<String>) {
    let mut ids = Vec::new();
    let mut missing = Vec::new();
    for r in refs {
        match r.resolve(model) {
            Some(i) => ids.push(model.actors[i].id.clone()),
            None => missing.push(r.describe()),
        }
    }
    dedup_in_order(&mut ids);
    let note = (!missing.is_empty()).then(|| {
        format!(
            "These participants are not in the model any more and were left out: {}.",
            missing.join(", ")
        )
    });
    (ids, note)
}

fn mark_edited(origin: &mut Origin) {
    if *origin == Origin::Extracted {
        *origin = Origin::Edited;
    }
}

fn dedup_in_order<T: PartialEq + Clone>(items: &mut Vec<T>) {
    let mut seen: Vec<T> = Vec::with_capacity(items.len());
    items.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(x.clone());
            true
        }
    });
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `base`, or `base~2`, `base~3`, … — the first that is not `taken`.
fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..u32::MAX)
        .map(|n| format!("{base}~{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| base.to_owned())
}

/// A name's slug, or `fallback` when it has no letters or digits.
fn slug_or(text: &str, fallback: &str) -> String {
    let s = slug(text);
    if s.is_empty() { fallback.to_owned() } else { s }
}

fn unique_actor_id(model: &Model, name: &str) -> ActorId {
    let base = format!("a:{}", slug_or(name, "actor"));
    let taken: BTreeSet<&str> = model.actors.iter().map(|a| a.id.as_str()).collect();
    ActorId(unique_id(&base, |c| taken.contains(c)))
}

/// `r:source>target:kind`, the extractor's relation id scheme, without the actors' `a:`.
fn relation_id(source: &ActorId, target: &ActorId, kind: &str) -> String {
    let bare = |id: &ActorId| {
        id.as_str()
            .strip_prefix("a:")
            .unwrap_or(id.as_str())
            .to_owned()
    };
    format!(
        "r:{}>{}:{}",
        bare(source),
        bare(target),
        slug_or(kind, "relation")
    )
}

fn unique_relation_id(model: &Model, source: &ActorId, target: &ActorId, kind: &str) -> RelationId {
    let taken: BTreeSet<&str> = model.relations.iter().map(|r| r.id.as_str()).collect();
    RelationId(unique_id(&relation_id(source, target, kind), |c| {
        taken.contains(c)
    }))
}

/// `e:manual-<label slug>`: hand-made events never collide with the extractor's `e:0003`.
fn unique_event_id(model: &Model, label: &str) -> EventId {
    let taken: BTreeSet<&str> = model.events.iter().map(|e| e.id.as_str()).collect();
    EventId(unique_id(
        &format!("e:manual-{}", slug_or(label, "event")),
        |c| taken.contains(c),
    ))
}
