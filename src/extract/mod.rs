//! The extractor: documents → mentions → actors → relations, events and quotes.
//!
//! Each stage is a pure function over plain data; rules and the knowledge base are data in
//! `assets/`. Entry point: [`extract`].
//!
//! 1. [`mentions`]: gazetteer hits and rule-found names, titles, pronouns, references.
//! 2. [`resolve`]: one actor per real-world entity; each mention gets its actor and usage.
//! 3. [`relations`]: typed relations from the verb and noun lexicon over a sentence's mentions.
//! 4. [`events`]: triggers with participants, place and a normalised time; merged.
//! 5. [`quotes`]: attributed quotes.

pub mod args;
pub mod events;
pub mod gazetteer;
pub mod kb;
pub mod mentions;
pub mod quotes;
pub mod relations;
pub mod resolve;
pub mod rules;
pub mod text;
pub mod time;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::corpus::Document;
use crate::model::{
    Actor, ActorId, ActorKind, Event, EventId, Evidence, Model, Quote, Relation, RelationId,
    SCHEMA, slug,
};

pub use kb::KnowledgeBase;

use args::View;
use resolve::{ActorDraft, Usage};

/// Everything the stages found, before ids and filtering (actor indices into `actors`).
struct Found {
    actors: Vec<ActorDraft>,
    /// (source, target, rule, evidence)
    relations: Vec<(usize, usize, usize, Evidence)>,
    events: Vec<events::MergedEvent>,
    quotes: Vec<quotes::QuoteHit>,
    /// Each document's quoted passages (byte spans in text order).
    quote_spans: HashMap<crate::model::DocId, Vec<(usize, usize)>>,
}

/// Adds times read from context (`found`) to a sentence's own: an own time they overlap goes
/// when `replaceable` says it is weaker ("the day after Floyd's death" read alone is no date);
/// one of them that overlaps an own time that stays is dropped.
fn merge_times(
    times: &mut Vec<time::TimeExpr>,
    found: Vec<time::TimeExpr>,
    replaceable: impl Fn(&time::TimeExpr) -> bool,
) {
    if found.is_empty() {
        return;
    }
    let overlaps = |a: &time::TimeExpr, b: &time::TimeExpr| a.start < b.end && b.start < a.end;
    times.retain(|t| !(replaceable(t) && found.iter().any(|f| overlaps(t, f))));
    let fresh: Vec<time::TimeExpr> = found
        .into_iter()
        .filter(|f| !times.iter().any(|t| overlaps(t, f)))
        .collect();
    times.extend(fresh);
    times.sort_by_key(|t| t.start);
}

fn run_stages(documents: &[Document], kb: &KnowledgeBase) -> Found {
    // Finer sentences where paragraphs are single lines.
    let refined: Vec<Option<Document>> = documents
        .iter()
        .map(|d| {
            text::refine_sentences(&d.text, &d.sentences).map(|sentences| {
                let mut copy = d.clone();
                copy.sentences = sentences;
                copy
            })
        })
        .collect();
    let docs: Vec<&Document> = documents
        .iter()
        .zip(&refined)
        .map(|(d, r)| r.as_ref().unwrap_or(d))
        .collect();
    let gazetteer = gazetteer::gazetteer(kb);
    let found: Vec<Vec<mentions::Found>> = docs
        .iter()
        .map(|d| mentions::find_mentions(d, &gazetteer))
        .collect();
    let resolution = resolve::resolve(&docs, &found, kb, &gazetteer);
    let actors = resolution.actors;
    let relation_rules = rules::relation_rules();
    let event_rules = rules::event_rules();
    let mut relations = Vec::new();
    let mut event_hits = Vec::new();
    let mut quote_hits = Vec::new();
    let mut quote_spans = HashMap::new();
    // What a place mention stands for in relations: a capital's country, a country itself.
    let host = |a: usize| {
        actors.get(a).and_then(|x| {
            if x.kind == ActorKind::Place {
                x.host
            } else {
                Some(a)
            }
        })
    };
    for (&doc, slots) in docs.iter().zip(&resolution.slots) {
        let doc_events_from = event_hits.len();
        let mut views = Vec::new();
        // The last single day a sentence gave, for "later that day" in the next ones.
        let mut last_day = None;
        // The first single day the document told: a game report's day of play.
        let mut first_day = None;
        // The last year a sentence named outright ("in 1980", "in April 1980").
        let mut last_year: Option<i32> = None;
        let mut last_month: Option<(i32, u32)> = None;
        // Whether the document has told of a contest (a report of a game).
        let mut sports = false;
        // "SUEZ, Egypt, March 29 (Reuters) -": a dateline's date is the report's, no event's.
        let dateline = mentions::dateline_end(&doc.text);
        for si in 0..doc.sentences.len() {
            let Some(view) = View::new(doc, si, slots, &host) else {
                continue;
            };
            let mut times = sentence_times(view.text(), doc.published);
            let sentence_start = doc.sentences[si].start;
            if sentence_start < dateline {
                times.retain(|t| sentence_start + t.start >= dateline);
            }
            // "its weakest level since 1985": a yardstick, not when anything happened.
            times.retain(|t| !text::compared_since(view.text(), t.start, t.end));
            times.sort_by_key(|t| t.start);
            // "He resigned on Dec. 25, 1991, and the union was dissolved the following day": the
            // day told last before the reference, in this sentence or an earlier one.
            let own_days: Vec<(usize, chrono::NaiveDate)> = times
                .iter()
                .filter(|t| !t.is_duration && t.precision == crate::model::Precision::Day)
                .filter_map(|t| t.range.filter(|r| r.0 == r.1).map(|r| (t.end, r.0)))
                .collect();
            // Times longer than a day, by start (for "the following day" after "last week").
            let vague: Vec<(usize, usize)> = times
                .iter()
                .filter(|t| !t.is_duration && t.range.is_some_and(|r| r.0 != r.1))
                .map(|t| (t.start, t.end))
                .collect();
            if let Some(probe) = last_day.or_else(|| own_days.first().map(|x| x.1)) {
                // "two days later" is a length of time to the normaliser alone; with the day
                // told before, it is a date. (Binary searches keep a huge sentence linear.)
                let mut extra: Vec<time::TimeExpr> = time::anaphoric_days(view.text(), probe)
                    .into_iter()
                    .filter_map(|mut a| {
                        let k = own_days.partition_point(|x| x.0 <= a.start);
                        let own = k.checked_sub(1).and_then(|k| own_days.get(k));
                        // "warned last week …, sending its shares down the following day": the
                        // day after a week or a month told just before is no day to count from.
                        let from = own.map_or(0, |x| x.0);
                        let v = vague.partition_point(|x| x.0 < from);
                        if vague.get(v).is_some_and(|x| x.1 <= a.start) {
                            return None;
                        }
                        let base = own.map(|x| x.1).or(last_day)?;
                        let shift = base.signed_duration_since(probe);
                        if !shift.is_zero() {
                            let r = a.range?;
                            a.range = Some((
                                r.0.checked_add_signed(shift)?,
                                r.1.checked_add_signed(shift)?,
                            ));
                            a.anchor = Some(format!("the day told before ({base})"));
                        }
                        Some(a)
                    })
                    .filter(|a| {
                        // A reading from the publication date of the same words gives way.
                        let k = times.partition_point(|t| t.start < a.end);
                        !times[k.saturating_sub(4)..k].iter().any(|t| {
                            a.start < t.end
                                && t.range.is_some()
                                && !(t.is_relative && t.start == a.start && t.end == a.end)
                        })
                    })
                    .collect();
                extra.sort_by_key(|a| a.start);
                times.retain(|t| {
                    let k = extra.partition_point(|a| a.start < t.end);
                    let (mut hit, mut same) = (false, false);
                    for a in &extra[k.saturating_sub(4)..k] {
                        if t.start < a.end {
                            hit = true;
                            same |= a.start == t.start && a.end == t.end;
                        }
                    }
                    !(t.is_relative && same) && (t.range.is_some() || !hit)
                });
                if !extra.is_empty() {
                    times.extend(extra);
                    times.sort_by_key(|t| t.start);
                }
            }
            // "the day after Floyd's death": counted from an event dated before.
            let relative = events::event_relative_times(
                &view,
                event_rules,
                event_hits.get(doc_events_from..).unwrap_or_default(),
                &times,
            );
            merge_times(&mut times, relative, |t| t.range.is_none());
            // "in May 2022, three months after Russian troops invaded Ukraine".
            let counted = time::counted_from_told(view.text(), &times);
            merge_times(&mut times, counted, |t| t.range.is_none() || t.is_duration);
            // "that November", "later that year": the year an earlier sentence told.
            let extra = time::year_told_before(view.text(), &mut times, last_year);
            if !extra.is_empty() {
                times.extend(extra);
                times.sort_by_key(|t| t.start);
            }
            // "the following month", "that month": the month told before.
            let extra = time::month_told_before(view.text(), &mut times, last_month);
            if !extra.is_empty() {
                times.extend(extra);
                times.sort_by_key(|t| t.start);
            }
            if let Some(month) = times
                .iter()
                .filter(|t| !t.is_duration)
                .filter(|t| {
                    matches!(
                        t.precision,
                        crate::model::Precision::Day | crate::model::Precision::Month
                    )
                })
                .filter_map(|t| t.range)
                .filter(|r| {
                    use chrono::Datelike;
                    (r.0.year(), r.0.month()) == (r.1.year(), r.1.month())
                })
                .map(|r| {
                    use chrono::Datelike;
                    (r.0.year(), r.0.month())
                })
                .next_back()
            {
                last_month = Some(month);
            }
            if let Some(year) = times
                .iter()
                .filter(|t| !t.is_duration && !t.is_relative)
                .filter_map(|t| t.range)
                .filter(|r| chrono::Datelike::year(&r.0) == chrono::Datelike::year(&r.1))
                .map(|r| chrono::Datelike::year(&r.0))
                .next_back()
            {
                last_year = Some(year);
            }
            // "Palmer equalized in the 73rd minute": play told without a date is on the day of
            // the game, the first day the document told.
            if let Some(day) = first_day
                && let Some(clock) = time::game_clock(view.text(), day, sports)
                && !times
                    .iter()
                    .any(|t| t.range.is_some() && t.start < clock.end && clock.start < t.end)
            {
                times.retain(|t| !(t.start < clock.end && clock.start < t.end));
                times.push(clock);
                times.sort_by_key(|t| t.start);
            }
            // "which released it at 0835 GMT", "struck it at about 5:47 p.m.": a clock time
            // with no date is on the day last told, else the day of publication.
            if !times.iter().any(|t| t.range.is_some() && !t.is_duration)
                && let Some(day) = last_day.or(doc.published)
                && let Some(clock) = time::clock_time(view.text(), day)
            {
                times.push(clock);
                times.sort_by_key(|t| t.start);
            }
            if let Some(day) = times
                .iter()
                .filter(|t| !t.is_duration && t.precision == crate::model::Precision::Day)
                .filter_map(|t| t.range)
                .filter(|r| r.0 == r.1)
                .map(|r| r.0)
                .next_back()
            {
                last_day = Some(day);
                first_day = first_day.or(Some(day));
            }
            if !times.is_empty() || event_rules.triggers_in(&view.tokens) {
                let mut found = events::sentence_events(&view, &times, doc.published, event_rules);
                if sports {
                    // "beat Nadal in the second round": in a report of a game, a round is play.
                    events::rounds_are_play(&mut found, event_rules);
                }
                sports |= found.iter().any(|e| e.kind == "match");
                event_hits.extend(found);
            }
            views.push(view);
        }
        let spans = text::quote_spans(&doc.text);
        let doc_quotes_from = quote_hits.len();
        if !spans.is_empty() {
            let found = quotes::document_quotes(doc, &spans, slots, &views, &actors);
            // "I" and "we" in a quote are its speaker, for the relations below.
            for q in &found {
                let (qs, qe) = q.span;
                for view in views.iter_mut().filter(|v| v.start < qe && qs < v.end) {
                    view.add_speaker_args(qs, qe, q.speaker, host(q.speaker));
                }
            }
            quote_hits.extend(found);
        }
        quote_spans.insert(doc.id.clone(), spans);
        let doc_events = &event_hits[doc_events_from..];
        for view in &views {
            let mut hits = relations::sentence_relations(view, relation_rules);
            for hit in
                relations::event_object_relations(view, relation_rules, event_rules, doc_events)
            {
                // "Biden said he had ordered the strikes": not a relation with his own country.
                let own = actors
                    .get(hit.source)
                    .is_some_and(|x| x.affiliation == Some(hit.target));
                let linked = |h: &relations::RelationHit| {
                    [h.source, h.target] == [hit.source, hit.target]
                        || [h.target, h.source] == [hit.source, hit.target]
                };
                if !own && !hits.iter().any(linked) {
                    hits.push(hit);
                }
            }
            for hit in hits {
                // A speaker's words about their own country or organization are no relation.
                let own =
                    |a: usize, b: usize| actors.get(a).is_some_and(|x| x.affiliation == Some(b));
                if hit.evaluative && own(hit.source, hit.target) {
                    continue;
                }
                relations.push((hit.source, hit.target, hit.rule, view.evidence(hit.at)));
            }
        }
        tributes(
            doc,
            &actors,
            &event_hits[doc_events_from..],
            &quote_hits[doc_quotes_from..],
            &mut relations,
        );
    }
    let mut events = events::merge_events(event_hits);
    events::join_visits(&mut events, &actors);
    Found {
        actors,
        relations,
        events,
        quotes: quote_hits,
        quote_spans,
    }
}

/// "Blinken said few people had been "better students of history"": in the report of a
/// person's death in the days before (told in its first sentence), a quote that names nobody else
/// and has no word of blame is a tribute to the dead.
fn tributes(
    doc: &Document,
    actors: &[ActorDraft],
    events: &[events::EventHit],
    quotes: &[quotes::QuoteHit],
    relations: &mut Vec<(usize, usize, usize, crate::model::Evidence)>,
) {
    let Some(published) = doc.published else {
        return;
    };
    let Some(praise) = rules::relation_rules().index_of("praise") else {
        return;
    };
    let recent = |h: &events::EventHit| {
        h.time
            .as_ref()
            .and_then(|t| t.range)
            .is_some_and(|(a, _)| a <= published && (published - a).num_days() <= 7)
    };
    // The report is of the death: its first sentence (the headline or the lead) tells it and
    // names the dead.
    let Some(lead) = doc.sentences.first() else {
        return;
    };
    let told = doc.text.get(lead.start..lead.end).is_some_and(|t| {
        t.split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "dies" | "died" | "dead" | "death"))
    });
    if !told {
        return;
    }
    let in_lead = |p: usize| {
        actors.get(p).is_some_and(|a| {
            a.kind == ActorKind::Person
                && a.mentions
                    .iter()
                    .any(|m| m.document == doc.id && m.start < lead.end)
        })
    };
    let Some(dead) = events
        .iter()
        .filter(|h| {
            h.kind == "death"
                && recent(h)
                // Who died, not who killed: "died", "his death".
                && matches!(h.trigger.as_str(), "died" | "dies" | "death" | "passed away")
        })
        .filter_map(|h| h.owner.or_else(|| h.participants.first().copied()))
        .find(|&p| in_lead(p))
    else {
        return;
    };
    let negative = &rules::lexicon().negative;
    for q in quotes {
        let blame = q
            .text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| negative.contains(w.to_lowercase().as_str()));
        if q.speaker != dead && !blame && q.about.iter().all(|&a| a == dead) {
            relations.push((q.speaker, dead, praise, q.evidence.clone()));
        }
    }
}

/// The time expressions of a sentence (offsets relative to it). Sentences with no time cue are
/// skipped; very long ones (unpunctuated text) are read in pieces so the cost stays linear.
pub fn sentence_times(sentence: &str, published: Option<chrono::NaiveDate>) -> Vec<time::TimeExpr> {
    const PIECE: usize = 2000;
    if !text::may_have_time(sentence) {
        return Vec::new();
    }
    if sentence.len() <= PIECE {
        return time::find_times(sentence, published);
    }
    let mut out = Vec::new();
    let mut from = 0;
    while from < sentence.len() {
        let mut to = (from + PIECE).min(sentence.len());
        while to < sentence.len() && !sentence.is_char_boundary(to) {
            to += 1;
        }
        // Cut at a space so no expression is split (when there is one).
        if to < sentence.len()
            && let Some(space) = sentence.get(from..to).and_then(|p| p.rfind(' '))
            && space > 0
        {
            to = from + space;
        }
        let Some(piece) = sentence.get(from..to) else {
            break;
        };
        if text::may_have_time(piece) {
            for mut t in time::find_times(piece, published) {
                t.start += from;
                t.end += from;
                out.push(t);
            }
        }
        from = to.max(from + 1);
        while from < sentence.len() && !sentence.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// Extracts the model from documents, in document order. Never panics on any text.
pub fn extract(documents: &[Document], kb: &KnowledgeBase) -> Model {
    let found = run_stages(documents, kb);
    let actors = &found.actors;

    // Which actors are used by relations, events and quotes.
    let mut used: BTreeSet<usize> = BTreeSet::new();
    for r in &found.relations {
        used.insert(r.0);
        used.insert(r.1);
    }
    for e in &found.events {
        // Events read from a dated clause do not make an actor of every name in it.
        if e.subjects.is_none() {
            used.extend(e.participants.iter().copied());
        }
    }
    for q in &found.quotes {
        used.insert(q.speaker);
        used.extend(q.about.iter().copied());
    }
    // "…will no longer be run by Radical Left Lunatics," Trump wrote: a name the knowledge base
    // does not know, told only inside quotation marks, is rhetoric, not an actor.
    let quoted = |m: &crate::model::Mention| {
        found.quote_spans.get(&m.document).is_some_and(|spans| {
            // Spans are in text order: the last one opening at or before the mention.
            let k = spans.partition_point(|&(s, _)| s <= m.start);
            k > 0 && spans.get(k - 1).is_some_and(|&(_, e)| m.end <= e)
        })
    };
    let keep: Vec<bool> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if a.mentions.is_empty() {
                return false;
            }
            // (A name that reads as a name still counts: "David Okafor committed fraud," she
            // said.)
            let named = a.name.split_whitespace().any(|w| {
                rules::given_names().contains(w)
                    || rules::lexicon().org_suffixes.contains(w)
                    || rules::lexicon().org_prefixes.contains(w)
            });
            if a.kb.is_none() && !named && a.mentions.iter().all(&quoted) {
                return false;
            }
            // Places that are only locations are not actors; an event's place is named in its
            // label and, for a capital, stands for its country.
            if a.kind == ActorKind::Place {
                return false;
            }
            if used.contains(&i) {
                return true;
            }
            if a.kb.is_some() {
                return a.agent_mentions > 0;
            }
            let single_word = !a.name.contains(' ');
            if single_word && !text::is_acronym(&a.name) {
                // Strong: a person by title or given name, an organization by a common noun
                // before it ("rival exchange Binance").
                return a.strong && a.agent_mentions > 0;
            }
            (a.strong && a.agent_mentions > 0) || a.agent_mentions >= 2
        })
        .collect();
    let id_of = |i: usize| ActorId::new(format!("a:{}", actors[i].key));

    let mut model_actors: Vec<Actor> = actors
        .iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(i, a)| {
            let mut mentions = a.mentions.clone();
            mentions.sort();
            mentions.dedup();
            // "Prince William", "Queen Letizia": a royal known by one name goes by it with the
            // title.
            let royal = a.role.as_deref().filter(|r| {
                matches!(
                    *r,
                    "King" | "Queen" | "Prince" | "Princess" | "Emperor" | "Empress" | "Pope"
                )
            });
            // So does one with a regnal number ("King George VI").
            let one_name = match a.name.split_once(' ') {
                None => true,
                Some((_, number)) => resolve::is_regnal_number(number),
            };
            let name = match royal {
                Some(title) if a.kind == ActorKind::Person && one_name => {
                    format!("{title} {}", a.name)
                }
                _ => a.name.clone(),
            };
            Actor {
                id: id_of(i),
                kind: a.kind,
                aliases: a
                    .aliases
                    .iter()
                    .chain(royal.map(|_| &a.name))
                    .filter(|s| **s != name)
                    .cloned()
                    .collect(),
                name,
                affiliation: a
                    .affiliation
                    .filter(|&x| keep.get(x).copied().unwrap_or(false) && x != i)
                    .map(id_of),
                role: a.role.clone(),
                mentions,
                ..Actor::default()
            }
        })
        .collect();
    model_actors.sort_by(|a, b| a.id.cmp(&b.id));

    // Relations: one per (source, target, kind), undirected pairs in id order.
    let relation_rules = rules::relation_rules();
    let mut grouped: BTreeMap<(String, String, String), Relation> = BTreeMap::new();
    for (s, t, rule, ev) in &found.relations {
        let (Some(true), Some(true)) = (keep.get(*s), keep.get(*t)) else {
            continue;
        };
        let Some(rule) = relation_rules.rules.get(*rule) else {
            continue;
        };
        let (mut a, mut b) = (id_of(*s), id_of(*t));
        if !rule.directed && b < a {
            std::mem::swap(&mut a, &mut b);
        }
        let key = (a.0.clone(), b.0.clone(), rule.kind.clone());
        let entry = grouped.entry(key).or_insert_with(|| Relation {
            id: RelationId::new(format!(
                "r:{}>{}:{}",
                a.0.trim_start_matches("a:"),
                b.0.trim_start_matches("a:"),
                slug(&rule.kind)
            )),
            source: a.clone(),
            target: b.clone(),
            kind: rule.kind.clone(),
            polarity: rule.polarity,
            directed: rule.directed,
            ..Relation::default()
        });
        if entry.evidence.last() != Some(ev)
            && !entry.evidence.iter().rev().take(8).any(|x| x == ev)
        {
            entry.evidence.push(ev.clone());
        }
    }
    let mut relations: Vec<Relation> = grouped.into_values().collect();
    // "Hawking married Jane Wilde in 1965. They … divorced in 1995": a marriage the text says
    // ended in divorce is a neutral tie, not a cooperative one.
    let mut by_id: HashMap<&crate::model::DocId, &Document> = HashMap::new();
    for r in relations.iter_mut().filter(|r| r.kind == "family") {
        let divorced = r.evidence.iter().any(|ev| {
            if !ev.text.contains("married") {
                return false;
            }
            if by_id.is_empty() {
                by_id = documents.iter().map(|d| (&d.id, d)).collect();
            }
            by_id
                .get(&ev.document)
                .and_then(|d| {
                    let mut to = (ev.end + 300).min(d.text.len());
                    while !d.text.is_char_boundary(to) {
                        to -= 1;
                    }
                    d.text.get(ev.start..to)
                })
                .is_some_and(|after| after.contains("divorc"))
        });
        if divorced {
            r.polarity = crate::model::Polarity::Neutral;
        }
    }

    // Events: labelled, ids by document and order.
    let event_rules = rules::event_rules();
    let mut events: Vec<Event> = Vec::new();
    let mut per_doc: HashMap<String, usize> = HashMap::new();
    for e in &found.events {
        let template = event_rules
            .rules
            .iter()
            .find(|r| r.kind == e.kind)
            .map_or("{who} {trigger}", |r| r.label.as_str());
        let doc = e
            .evidence
            .first()
            .map(|x| x.document.0.clone())
            .unwrap_or_default();
        let n = per_doc.entry(doc.clone()).or_default();
        *n += 1;
        let (start, end, precision, time_text, anchor) = match &e.time {
            Some(t) => (
                t.range.map(|r| r.0),
                t.range.map(|r| r.1),
                Some(t.precision),
                (!t.text.is_empty()).then(|| t.text.clone()),
                t.anchor.clone(),
            ),
            None => (None, None, None, None, None),
        };
        events.push(Event {
            id: EventId::new(format!("e:{}:{}", slug(doc.trim_start_matches("d:")), n)),
            label: events::label(e, template, actors),
            kind: e.kind.clone(),
            start,
            end,
            precision,
            time_text,
            anchor,
            participants: e
                .participants
                .iter()
                .filter(|&&p| keep.get(p).copied().unwrap_or(false))
                .map(|&p| id_of(p))
                .collect(),
            place: e
                .place
                .map(|p| actors.get(p).and_then(|a| a.host).unwrap_or(p))
                .filter(|&p| keep.get(p).copied().unwrap_or(false))
                .map(id_of),
            evidence: e.evidence.clone(),
            ..Event::default()
        });
    }

    let quotes: Vec<Quote> = found
        .quotes
        .iter()
        .filter(|q| keep.get(q.speaker).copied().unwrap_or(false))
        .map(|q| Quote {
            speaker: id_of(q.speaker),
            text: q.text.clone(),
            about: q
                .about
                .iter()
                .filter(|&&a| keep.get(a).copied().unwrap_or(false))
                .map(|&a| id_of(a))
                .collect(),
            evidence: q.evidence.clone(),
        })
        .collect();
    let _ = Usage::Agent;

    Model {
        schema: SCHEMA.to_owned(),
        documents: documents.iter().map(Document::info).collect(),
        actors: model_actors,
        relations,
        events,
        quotes,
    }
}
