//! When actors and relations appear, for the graph formats' timelines.
//!
//! An actor *starts* at the earliest of: the start of any dated event it takes part in (as a
//! participant or the place), and the publication date of any document that mentions it. A
//! relation starts at the earliest of the dated events both its actors take part in and the
//! publication dates of its evidence documents, but never before either of its actors (a
//! graph reader rejects an edge that exists while one of its nodes does not). Nothing ends: once
//! known, an actor or relation stays, so Gephi's timeline grows the network as the story
//! unfolds. Items with no date at all have no start and are always shown.
//!
//! Each actor and relation also gets the dated events it takes part in as *segments*: maximal
//! day ranges with the same set of running events, which never overlap (Gephi refuses
//! overlapping intervals for one attribute), each valued with those events' labels.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{ActorId, DocId, Event, Model};

/// A day range (both ends inclusive) and the labels of the events running through all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Segment {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub labels: Vec<String>,
}

impl Segment {
    /// The labels as one attribute value.
    pub fn value(&self) -> String {
        self.labels.join("; ")
    }
}

/// Start dates and event segments of every actor and relation.
pub(super) struct Timing<'m> {
    actor_start: BTreeMap<&'m ActorId, NaiveDate>,
    actor_segments: BTreeMap<&'m ActorId, Vec<Segment>>,
    /// By relation index in `model.relations`.
    relation_start: Vec<Option<NaiveDate>>,
    relation_segments: Vec<Vec<Segment>>,
}

/// The dated events as `(start, end, label, involved actors)`, `end >= start`.
fn dated_events(model: &Model) -> Vec<(NaiveDate, NaiveDate, &str, Vec<&ActorId>)> {
    model
        .events
        .iter()
        .filter_map(|event: &Event| {
            let start = event.start?;
            let end = event.end.unwrap_or(start).max(start);
            let mut involved: Vec<&ActorId> = event.participants.iter().collect();
            involved.extend(event.place.as_ref());
            Some((start, end, event.label.as_str(), involved))
        })
        .collect()
}

fn earliest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl<'m> Timing<'m> {
    pub fn new(model: &'m Model) -> Self {
        let published: BTreeMap<&DocId, NaiveDate> = model
            .documents
            .iter()
            .filter_map(|d| Some((&d.id, d.published?)))
            .collect();
        let events = dated_events(model);
        // Dated events by the actors they involve, in event order (each index at most once).
        let mut by_actor: BTreeMap<&ActorId, Vec<usize>> = BTreeMap::new();
        for (index, (.., involved)) in events.iter().enumerate() {
            for id in involved {
                let list = by_actor.entry(*id).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
        let of = |id: &ActorId| by_actor.get(id).map_or(&[][..], Vec::as_slice);

        let mut actor_start = BTreeMap::new();
        let mut actor_segments = BTreeMap::new();
        for actor in &model.actors {
            let mut start = None;
            for mention in &actor.mentions {
                start = earliest(start, published.get(&mention.document).copied());
            }
            let mine: Vec<_> = of(&actor.id)
                .iter()
                .map(|&i| (events[i].0, events[i].1, events[i].2))
                .collect();
            for (s, ..) in &mine {
                start = earliest(start, Some(*s));
            }
            if let Some(start) = start {
                actor_start.entry(&actor.id).or_insert(start);
            }
            actor_segments
                .entry(&actor.id)
                .or_insert_with(|| segments(&mine));
        }

        let mut relation_start = Vec::with_capacity(model.relations.len());
        let mut relation_segments = Vec::with_capacity(model.relations.len());
        for relation in &model.relations {
            let mut start = None;
            for evidence in &relation.evidence {
                start = earliest(start, published.get(&evidence.document).copied());
            }
            let targets = of(&relation.target);
            let mine: Vec<_> = of(&relation.source)
                .iter()
                .filter(|i| targets.binary_search(i).is_ok())
                .map(|&i| (events[i].0, events[i].1, events[i].2))
                .collect();
            for (s, ..) in &mine {
                start = earliest(start, Some(*s));
            }
            for end in [&relation.source, &relation.target] {
                if let Some(node_start) = actor_start.get(end) {
                    start = Some(start.map_or(*node_start, |s| s.max(*node_start)));
                }
            }
            relation_start.push(start);
            relation_segments.push(segments(&mine));
        }

        Self {
            actor_start,
            actor_segments,
            relation_start,
            relation_segments,
        }
    }

    pub fn actor_start(&self, id: &ActorId) -> Option<NaiveDate> {
        self.actor_start.get(id).copied()
    }

    pub fn actor_segments(&self, id: &ActorId) -> &[Segment] {
        self.actor_segments.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn relation_start(&self, index: usize) -> Option<NaiveDate> {
        self.relation_start.get(index).copied().flatten()
    }

    pub fn relation_segments(&self, index: usize) -> &[Segment] {
        self.relation_segments.get(index).map_or(&[], Vec::as_slice)
    }
}

/// Cuts the day ranges of `events` (`start..=end`, label) into non-overlapping segments, each
/// holding the labels (in the given order) of the events that run through all of it. Days
/// with no event give no segment.
pub(super) fn segments(events: &[(NaiveDate, NaiveDate, &str)]) -> Vec<Segment> {
    // Every place the set of running events can change: a start, or the day after an end.
    let mut cuts: Vec<NaiveDate> = Vec::with_capacity(events.len() * 2);
    for (start, end, _) in events {
        cuts.push(*start);
        if let Some(after) = end.succ_opt() {
            cuts.push(after);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for (i, &from) in cuts.iter().enumerate() {
        let to = match cuts.get(i + 1) {
            Some(next) => next.pred_opt().unwrap_or(*next),
            // After the last cut only events ending on the last representable day can run.
            None => NaiveDate::MAX,
        };
        let labels: Vec<String> = events
            .iter()
            .filter(|(start, end, _)| *start <= from && *end >= from)
            .map(|(.., label)| (*label).to_owned())
            .collect();
        if labels.is_empty() {
            continue;
        }
        out.push(Segment {
            start: from,
            end: to,
            labels,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn overlapping_events_are_cut_into_disjoint_segments() {
        let events = [
            (d("2024-06-18"), d("2024-06-20"), "visit"),
            (d("2024-06-19"), d("2024-06-19"), "summit"),
            (d("2024-07-01"), d("2024-07-01"), "talks"),
        ];
        let got: Vec<(String, String, String)> = segments(&events)
            .iter()
            .map(|s| (s.start.to_string(), s.end.to_string(), s.value()))
            .collect();
        let want = [
            ("2024-06-18", "2024-06-18", "visit"),
            ("2024-06-19", "2024-06-19", "visit; summit"),
            ("2024-06-20", "2024-06-20", "visit"),
            ("2024-07-01", "2024-07-01", "talks"),
        ];
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn starts_follow_events_documents_and_both_ends() {
        use crate::model::{Actor, DocumentInfo, Evidence, Mention, Relation};
        let a = ActorId::new("a:a");
        let b = ActorId::new("a:b");
        let model = Model {
            documents: vec![DocumentInfo {
                id: DocId::new("d:1"),
                published: Some(d("2024-06-18")),
                ..DocumentInfo::default()
            }],
            actors: vec![
                Actor {
                    id: a.clone(),
                    mentions: vec![Mention {
                        document: DocId::new("d:1"),
                        start: 0,
                        end: 1,
                    }],
                    ..Actor::default()
                },
                Actor {
                    id: b.clone(),
                    ..Actor::default()
                },
            ],
            relations: vec![Relation {
                source: a.clone(),
                target: b.clone(),
                evidence: vec![Evidence {
                    document: DocId::new("d:1"),
                    ..Evidence::default()
                }],
                ..Relation::default()
            }],
            events: vec![Event {
                label: "trip".to_owned(),
                start: Some(d("2024-06-20")),
                end: Some(d("2024-06-21")),
                // The same actor twice and as the place: still one event for it.
                participants: vec![b.clone(), b.clone()],
                place: Some(b.clone()),
                ..Event::default()
            }],
            ..Model::default()
        };
        let timing = Timing::new(&model);
        assert_eq!(
            timing.actor_start(&a),
            Some(d("2024-06-18")),
            "its document"
        );
        assert_eq!(timing.actor_start(&b), Some(d("2024-06-20")), "its event");
        let b_segments = timing.actor_segments(&b);
        assert_eq!(b_segments.len(), 1);
        assert_eq!(b_segments[0].value(), "trip");
        // Evidence says 2024-06-18, but the edge cannot start before `b` exists.
        assert_eq!(timing.relation_start(0), Some(d("2024-06-20")));
        assert!(
            timing.relation_segments(0).is_empty(),
            "a is not in the trip"
        );
    }

    #[test]
    fn an_event_ending_on_the_last_day_does_not_panic() {
        let events = [(NaiveDate::MAX, NaiveDate::MAX, "end of time")];
        let got = segments(&events);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].end, NaiveDate::MAX);
    }
}
