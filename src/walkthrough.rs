//! Walkthroughs: an ordered list of steps that present the model — an overview, then one step per
//! dated event in time order, each with a title, a caption from its evidence, and the actors and
//! relations to highlight. Plain data, saved with the project; the presenter and the slide export
//! draw it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ActorId, EventId, Model, RelationId};

/// A walkthrough. Project state: saved in the project file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Walkthrough {
    pub title: String,
    pub steps: Vec<Step>,
}

/// One step: what the audience sees at once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Step {
    pub title: String,
    pub caption: String,
    /// Where the caption comes from ("Title, 2024-06-18").
    pub source: Option<String>,
    /// Actors highlighted; the rest is dimmed. Empty means everything (an overview).
    pub actors: Vec<ActorId>,
    pub relations: Vec<RelationId>,
    pub event: Option<EventId>,
    /// Where the timeline cursor stands.
    pub time: Option<NaiveDate>,
}

impl Step {
    pub fn is_overview(&self) -> bool {
        self.actors.is_empty() && self.event.is_none()
    }
}

/// The default walkthrough: an overview, then each dated event in time order.
pub fn generate(model: &Model) -> Walkthrough {
    let mut steps = vec![Step {
        title: model
            .documents
            .first()
            .filter(|_| model.documents.len() == 1)
            .map_or_else(|| "Overview".to_owned(), |d| d.title.clone()),
        caption: format!(
            "{} actors, {} relations and {} events from {} document{}",
            model.actors.len(),
            model.relations.len(),
            model.events.len(),
            model.documents.len(),
            if model.documents.len() == 1 { "" } else { "s" }
        ),
        source: None,
        actors: Vec::new(),
        relations: Vec::new(),
        event: None,
        time: None,
    }];
    let mut events: Vec<_> = model.events.iter().filter(|e| e.start.is_some()).collect();
    events.sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
    for event in events {
        let Some(start) = event.start else { continue };
        let when = match (event.precision, event.end) {
            (Some(crate::model::Precision::Month), _) => start.format("%B %Y").to_string(),
            (Some(crate::model::Precision::Year | crate::model::Precision::Decade), _) => {
                start.format("%Y").to_string()
            }
            (_, Some(end)) if end != start => format!(
                "{} – {}",
                start.format("%-d %B %Y"),
                end.format("%-d %B %Y")
            ),
            _ => start.format("%-d %B %Y").to_string(),
        };
        let evidence = event.evidence.first();
        let caption = evidence.map_or_else(String::new, |e| e.text.clone());
        let source =
            evidence
                .and_then(|e| model.document(&e.document))
                .map(|d| match d.published {
                    Some(p) => format!("{}, {p}", d.title),
                    None => d.title.clone(),
                });
        let mut actors: BTreeSet<ActorId> = event.participants.iter().cloned().collect();
        actors.extend(event.place.iter().cloned());
        // Relations told in the event's sentences, or between its participants.
        let relations: Vec<RelationId> = model
            .relations
            .iter()
            .filter(|r| {
                let told_here = r.evidence.iter().any(|re| {
                    event.evidence.iter().any(|ee| {
                        ee.document == re.document && ee.start < re.end && re.start < ee.end
                    })
                });
                let among = event.participants.contains(&r.source)
                    && event.participants.contains(&r.target);
                told_here || among
            })
            .map(|r| r.id.clone())
            .collect();
        for r in &relations {
            if let Some(rel) = model.relation(r) {
                actors.insert(rel.source.clone());
                actors.insert(rel.target.clone());
            }
        }
        steps.push(Step {
            title: format!("{} — {when}", event.label),
            caption,
            source,
            actors: actors.into_iter().collect(),
            relations,
            event: Some(event.id.clone()),
            time: Some(start),
        });
    }
    Walkthrough {
        title: "Walkthrough".to_owned(),
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, DocId, DocumentInfo, Event, Evidence, Precision, Relation};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn model() -> Model {
        let doc = DocId::from("d:x");
        let ev = |start, end, text: &str| Evidence {
            document: doc.clone(),
            start,
            end,
            text: text.to_owned(),
        };
        let actor = |id: &str, name: &str| Actor {
            id: ActorId::from(id),
            name: name.to_owned(),
            ..Actor::default()
        };
        Model {
            documents: vec![DocumentInfo {
                id: doc.clone(),
                title: "T".into(),
                published: Some(date(2024, 6, 18)),
                ..DocumentInfo::default()
            }],
            actors: vec![actor("a:a", "A"), actor("a:b", "B"), actor("a:c", "C")],
            relations: vec![
                Relation {
                    id: RelationId::from("r:1"),
                    source: ActorId::from("a:a"),
                    target: ActorId::from("a:c"),
                    evidence: vec![ev(0, 10, "A met B.")],
                    ..Relation::default()
                },
                Relation {
                    id: RelationId::from("r:2"),
                    source: ActorId::from("a:b"),
                    target: ActorId::from("a:c"),
                    evidence: vec![ev(50, 60, "Other.")],
                    ..Relation::default()
                },
            ],
            events: vec![
                Event {
                    id: EventId::from("e:late"),
                    label: "Summit".into(),
                    start: Some(date(2024, 7, 1)),
                    end: Some(date(2024, 7, 31)),
                    precision: Some(Precision::Month),
                    participants: vec![ActorId::from("a:b")],
                    evidence: vec![ev(20, 30, "Summit next month.")],
                    ..Event::default()
                },
                Event {
                    id: EventId::from("e:early"),
                    label: "Meeting".into(),
                    start: Some(date(2024, 6, 18)),
                    end: Some(date(2024, 6, 18)),
                    precision: Some(Precision::Day),
                    participants: vec![ActorId::from("a:a"), ActorId::from("a:b")],
                    evidence: vec![ev(0, 10, "A met B.")],
                    ..Event::default()
                },
                Event {
                    id: EventId::from("e:undated"),
                    label: "Undated".into(),
                    ..Event::default()
                },
            ],
            ..Model::default()
        }
    }

    #[test]
    fn overview_then_dated_events_in_time_order() {
        let w = generate(&model());
        let titles: Vec<&str> = w.steps.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["T", "Meeting — 18 June 2024", "Summit — July 2024"]
        );
        assert!(w.steps[0].is_overview());
        assert_eq!(
            w.steps[0].caption,
            "3 actors, 2 relations and 3 events from 1 document"
        );
    }

    #[test]
    fn steps_carry_caption_source_and_highlights() {
        let w = generate(&model());
        let meeting = &w.steps[1];
        assert_eq!(meeting.caption, "A met B.");
        assert_eq!(meeting.source.as_deref(), Some("T, 2024-06-18"));
        assert_eq!(meeting.relations, vec![RelationId::from("r:1")]);
        assert_eq!(
            meeting.actors,
            vec![
                ActorId::from("a:a"),
                ActorId::from("a:b"),
                ActorId::from("a:c")
            ]
        );
        assert_eq!(meeting.time, Some(date(2024, 6, 18)));
        assert_eq!(meeting.event, Some(EventId::from("e:early")));
    }
}
