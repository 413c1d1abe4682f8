//! Stage 4: events. Triggers from `assets/rules/events.toml` with participants (subject,
//! possessor, "with"/"between" arguments, objects), a place ("in Washington"; a visit's host
//! country) and a time from the time normaliser read against the publication date. Mentions of
//! the same event across sentences and documents merge into one.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{ActorKind, Evidence, Precision};

use super::args::View;
use super::resolve::{ActorDraft, Usage};
use super::rules::{EventRules, Form, lexicon};
use super::time::TimeExpr;

/// One event mention in one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct EventHit {
    pub rule: usize,
    pub kind: String,
    /// The trigger as written, lowercase ("press conference").
    pub trigger: String,
    pub participants: Vec<usize>,
    /// The possessor or modifier ("Putin's visit", "NATO summit").
    pub owner: Option<usize>,
    /// Whether the owner is a modifier ("NATO summit") rather than a possessor.
    pub owner_is_modifier: bool,
    pub place: Option<usize>,
    /// A visit's host country.
    pub host: Option<usize>,
    pub time: Option<TimeExpr>,
    pub evidence: Evidence,
    /// For an event read from a clause's verb: how many participants are its subject.
    pub subjects: Option<usize>,
    /// Triggered by a verb ("died", "took office") rather than a noun.
    pub verbal: bool,
    /// The trigger with the words that qualify it ("private family funeral").
    pub phrase: String,
    /// How many leading participants carried the event out (its possessor and subject:
    /// "the United States and Britain launched strikes against the Houthis": two).
    pub agents: usize,
    /// A definite reference to an event told before ("Iran condemned the strikes"): it joins
    /// that event as evidence, and the sentence's subject is not a participant.
    pub anaphoric: bool,
}

/// How far (in tokens) a time expression may be from what it dates.
const NEAR: usize = 40;

/// Time expressions that measure a span ("in 24 years", "for two weeks") rather than date an event.
fn is_duration(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    matches!(first, "in" | "for" | "over" | "within" | "during")
        && rest.last().is_some_and(|w| {
            matches!(
                w.trim_end_matches('s'),
                "year" | "decade" | "month" | "week" | "day" | "hour" | "century"
            )
        })
        && !rest.iter().any(|w| {
            matches!(
                *w,
                "last" | "past" | "next" | "coming" | "this" | "that" | "same"
            )
        })
        || lower.ends_with(" ago") && lower.starts_with("for")
}

/// Finds the event mentions of one sentence. `times` are the sentence's time expressions with
/// offsets relative to the sentence text.
/// Whether token `i` is a bare verb form right after a nationality that is an argument
/// ("Chinese rule", "Russian rescue teams").
fn bare_after_nationality(view: &View<'_>, i: usize) -> bool {
    if i == 0 || !view.inside_arg(i - 1) {
        return false;
    }
    let w = view.lower(i);
    let prev = view
        .tokens
        .toks
        .get(i - 1)
        .and_then(|t| view.doc.text.get(t.start..t.end))
        .unwrap_or("");
    let bare = !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing"));
    bare && prev.starts_with(char::is_uppercase)
        && ["ese", "ish", "ian", "an", "ic", "i"]
            .iter()
            .any(|e| prev.ends_with(e))
        && prev.chars().all(char::is_alphabetic)
}

/// Whether token `i` is joined by a hyphen to a word before it ("self-ruled", "state-funded").
fn hyphen_joined(view: &View<'_>, i: usize) -> bool {
    i >= 2
        && view.lower(i - 1) == "-"
        && view.tokens.is_word(i - 2)
        && view.tokens.joins_tightly(i - 1)
}

pub fn sentence_events(
    view: &View<'_>,
    times: &[TimeExpr],
    published: Option<NaiveDate>,
    rules: &EventRules,
) -> Vec<EventHit> {
    let n = view.tokens.len();
    let lex = lexicon();
    let mut hits: Vec<(usize, usize, EventHit)> = Vec::new(); // (from, to, hit)
    // "in March 2020": a word of a time expression is no trigger.
    let time_spans: Vec<(usize, usize)> = times
        .iter()
        .map(|t| {
            view.tokens
                .range_of(view.start + t.start, view.start + t.end)
        })
        .collect();
    let mut i = 0;
    while i < n {
        let Some(mut trigger) = rules.triggers.at(&view.tokens, i).next() else {
            i += 1;
            continue;
        };
        // "since it returned to Chinese rule", "Russian rescue teams": a bare verb form after a
        // nationality is a noun; its noun reading, if any, stands.
        if matches!(trigger.form, Form::Verb { .. }) && bare_after_nationality(view, i) {
            let Some(noun) = rules
                .triggers
                .at(&view.tokens, i)
                .find(|t| !matches!(t.form, Form::Verb { .. }))
            else {
                i += trigger.words.len();
                continue;
            };
            trigger = noun;
        }
        // Spans are in text order: the last one starting at or before `i`.
        let inside = time_spans
            .partition_point(|&(a, _)| a <= i)
            .checked_sub(1)
            .and_then(|k| time_spans.get(k))
            .is_some_and(|&(_, b)| i < b);
        if inside {
            i += 1;
            continue;
        }
        if view.inside_arg(i) {
            i += 1;
            continue;
        }
        let to = i + trigger.words.len();
        let Some(rule) = rules.rules.get(trigger.rule) else {
            i = to;
            continue;
        };
        let verb = matches!(trigger.form, Form::Verb { .. });
        // "the rubble of collapsed buildings", "the collapsed bridge": a participle after an
        // article or "of" is an adjective.
        if verb
            && i > 0
            && view.lower(i).ends_with("ed")
            && matches!(
                view.lower(i - 1),
                "the" | "a" | "an" | "of" | "its" | "their" | "his" | "her"
            )
        {
            i = to;
            continue;
        }
        // "searched collapsed houses": "collapse" takes no object, so a word after it that is
        // no preposition or adverb is the noun it describes.
        if verb && rule.kind == "collapse" {
            let next = view.lower(to);
            let free = !view.tokens.is_word(to)
                || lex.preps.contains(next)
                || next.ends_with("ly")
                || matches!(
                    next,
                    "and"
                        | "but"
                        | "as"
                        | "when"
                        | "after"
                        | "before"
                        | "early"
                        | "late"
                        | "last"
                        | "overnight"
                        | "again"
                        | "within"
                        | "under"
                        | "amid"
                        | "following"
                );
            if !free || next.chars().next().is_some_and(char::is_uppercase) {
                i = to;
                continue;
            }
        }
        // "the self-ruled island", "a state-funded plan": a participle joined to the word before
        // it by a hyphen is an adjective.
        if verb && hyphen_joined(view, i) {
            i = to;
            continue;
        }
        // "critical fire danger", "fire crews": a noun modifying the next word is no event; nor
        // is a word that is a noun and a verb alike ("the launch site").
        if (!verb || rule.nouns.iter().any(|n| n == view.lower(i)))
            && rule.modifies.iter().any(|w| w == view.lower(to))
        {
            i = to;
            continue;
        }
        // "her triumph was drowned out by boos", "the fighting died down": a death verb with
        // "out" or "down" is a figure of speech.
        if verb && rule.kind == "death" && matches!(view.lower(to), "out" | "down") {
            i = to;
            continue;
        }
        // "A remotely operated vehicle launched from the ship found debris": a participle after
        // a common noun, with the clause's own past-tense verb after it, describes the noun.
        if verb && i > 0 && view.lower(i).ends_with("ed") && view.args_ending_at(i).is_empty() {
            let prev = view.lower(i - 1);
            let common = view.tokens.is_word(i - 1)
                && prev.chars().all(char::is_lowercase)
                && !view.is_determiner(i - 1)
                && !view.is_copula(i - 1)
                && !prev.ends_with("ly")
                && !matches!(
                    prev,
                    "and" | "or" | "but" | "had" | "has" | "have" | "who" | "that"
                );
            let main_after = (to..(to + 10).min(n))
                .take_while(|&k| !matches!(view.lower(k), "," | ";" | "and" | "but" | "which"))
                .any(|k| {
                    let w = view.lower(k);
                    (w.ends_with("ed") || lex.past_verbs.contains(w))
                        && !lex.preps.contains(view.lower(k - 1))
                        && !view.is_determiner(k - 1)
                        && clause_verb(view, k)
                });
            if common && main_after {
                i = to;
                continue;
            }
        }
        // "defeated Carter in a landslide": a figure, not a disaster.
        let figurative = rule.not_after.iter().any(|phrase| {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            i >= words.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| view.lower(i - words.len() + k) == *w)
        });
        // ("The fighting erupted on Saturday": a verb after a word of the list is a figure too.)
        if figurative {
            i = to;
            continue;
        }
        // "the country's youngest post-war leader", "anti-war protesters": a trigger glued to a
        // prefix describes something else.
        let glued = hyphen_joined(view, i)
            && matches!(
                view.lower(i - 2),
                "post" | "pre" | "anti" | "non" | "inter" | "mid" | "ex" | "pro" | "counter"
            );
        // "a breach of rules": a verb's -s form after a preposition is a plural noun.
        let plural_noun = verb
            && to == i + 1
            && i > 0
            && view.lower(i).ends_with('s')
            && lex.preps.contains(view.lower(i - 1))
            && !rule.nouns.iter().any(|n| n == view.lower(i));
        if glued || plural_noun {
            i = to;
            continue;
        }
        // "we need to address", "will trial": a noun trigger used as a verb is no event.
        let prev_raw = view
            .tokens
            .toks
            .get(i.wrapping_sub(1))
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .unwrap_or("");
        if !verb
            && i > 0
            && matches!(
                prev_raw,
                "to" | "will" | "would" | "can" | "could" | "must" | "should" | "might" | "may"
            )
            // "go to trial", "brought to trial": a noun after a verb of motion.
            && !(prev_raw == "to"
                && matches!(
                    view.lower(i.saturating_sub(2)),
                    "go" | "goes" | "going" | "went" | "gone" | "come" | "came" | "bring"
                        | "brought" | "head" | "headed" | "heading" | "sent" | "return"
                        | "returned" | "back"
                ))
        {
            i = to;
            continue;
        }
        // A verb form right after a determiner is a noun ("the attack"), and vice versa.
        if verb
            && i > 0
            && (view.is_determiner(i - 1) || view.tokens.is_possessive(i - 1))
            && !rule.nouns.is_empty()
        {
            // Treated as the noun reading below.
        }
        let mut participants: Vec<usize> = Vec::new();
        let add = |a: Option<usize>, list: &mut Vec<usize>| {
            if let Some(a) = a
                && !list.contains(&a)
            {
                list.push(a);
            }
        };
        let possessors = view.possessors(i);
        let owner = possessors.first().and_then(|&a| view.actor_of(a));
        let owner_is_modifier = possessors
            .first()
            .is_some_and(|&a| !view.args[a].possessive && view.args[a].usage == Usage::Agent)
            && possessors.len() == 1;
        for &a in &possessors {
            add(view.actor_of(a), &mut participants);
        }
        // "Pompeo said the strike had disrupted …": the speaker told of a noun in what is said
        // is no party to it (unlike "Biden said at the summit").
        // (Not "told a news conference": an event of speaking has its speaker.)
        let speaking = matches!(
            rule.kind.as_str(),
            "press conference" | "briefing" | "speech" | "meeting" | "talks" | "summit"
        );
        // ("an attack": a verb's form after a determiner reads as the noun.)
        let as_noun =
            !verb || i > 0 && (view.is_determiner(i - 1) || view.tokens.is_possessive(i - 1));
        let said_of = |a: usize| {
            as_noun
                && !speaking
                && (view.args[a].to..i)
                    .any(|k| matches!(view.lower(k), "said" | "says" | "say" | "saying"))
                && !(view.args[a].to..i).any(|k| lex.preps.contains(view.lower(k)))
        };
        for a in view.subject_left(i) {
            if !said_of(a) {
                add(view.actor_of(a), &mut participants);
            }
        }
        // "signed by McAfee on Monday": a participle's agent follows "by".
        if verb
            && let Some((_, list)) = view.prep_args(to, &["by".to_owned()])
            && list.first().is_some_and(|&a| view.args[a].from <= to + 2)
        {
            for a in list {
                add(view.actor_of(a), &mut participants);
            }
        }
        // "… but accepted appointment as a Companion of Honour in 2013": the sentence's subject.
        if participants.is_empty()
            && (i.saturating_sub(3)..i).any(|k| matches!(view.lower(k), "but" | "and"))
            && !view.is_determiner(i.saturating_sub(1))
            && let Some(a) = view.fallback_subject(i)
        {
            add(view.actor_of(a), &mut participants);
        }
        let agents = participants.len();
        // "the strikes", "these attacks": a definite noun with no owner refers back.
        let mut d = i;
        while d > 0 && i - d < 3 && !view.is_determiner(d - 1) && view.tokens.is_word(d - 1) {
            d -= 1;
        }
        let definite = !verb
            && possessors.is_empty()
            && d > 0
            && matches!(
                view.lower(d - 1),
                "the" | "these" | "those" | "this" | "that"
            )
            && (d..i).all(|k| view.args_starting_at(k).is_empty());
        if verb {
            for a in view.object_right(to, &["with".to_owned(), "against".to_owned()], 6) {
                if view.args[a].usage != Usage::Place {
                    add(view.actor_of(a), &mut participants);
                }
            }
        }
        let mut place = None;
        let mut host = None;
        let mut m = to;
        while m < n && m < to + 5 {
            if let Some((p, list)) = view.prep_args(
                m,
                &[
                    "with".to_owned(),
                    "between".to_owned(),
                    "of".to_owned(),
                    "against".to_owned(),
                ],
            ) && (p != "of"
                || matches!(
                    rule.kind.as_str(),
                    "death" | "trial" | "arrest" | "appointment" | "lawsuit" | "ruling"
                ))
            {
                for a in list {
                    add(view.actor_of(a), &mut participants);
                }
            }
            if let Some((p, list)) = view.prep_args(
                m,
                &[
                    "in".to_owned(),
                    "at".to_owned(),
                    "to".to_owned(),
                    "near".to_owned(),
                    "on".to_owned(),
                ],
            ) && let Some(&a) = list.first()
                && view.args[a].from <= m + 3
            {
                let arg = view.args[a];
                let kind_ok = arg.usage == Usage::Place || p != "on";
                if kind_ok && place.is_none() && arg.usage != Usage::Inner && p != "to" {
                    place = Some(arg.actor);
                }
                if p == "to" || p == "in" && rule.kind == "visit" {
                    let h = if arg.usage == Usage::Place {
                        arg.host.or(Some(arg.actor))
                    } else {
                        Some(arg.actor)
                    };
                    host = host.or(h);
                    if rule.kind == "visit"
                        && p == "in"
                        && place == Some(arg.actor)
                        && arg.usage != Usage::Place
                    {
                        place = None;
                    }
                    add(h, &mut participants);
                }
            }
            if view.is_stop(m) || view.lower(m) == "," {
                break;
            }
            m += 1;
        }
        // "Following talks with X, Y said": the main subject takes part too.
        let with_arg = (to..(to + 3).min(n)).any(|k| matches!(view.lower(k), "with" | "between"));
        if !verb
            && with_arg
            && view.subject_left(i).is_empty()
            && let Some(s) = view.fallback_subject(i)
        {
            let before = participants.clone();
            participants.clear();
            add(view.actor_of(s), &mut participants);
            for p in before {
                add(Some(p), &mut participants);
            }
        }
        // "Zhao … is scheduled to be sentenced on Feb. 23": when no actor stands where the
        // rules look, the clause's actor nearest before the trigger takes part.
        if participants.is_empty()
            && !definite
            && let Some(s) = view.fallback_subject(i)
            && view.args[s].to <= i
            && i - view.args[s].to <= 8
            && (view.args[s].to..i).all(|k| {
                !matches!(
                    view.lower(k),
                    ";" | "who" | "which" | "that" | "whose" | "whom"
                )
            })
            && view.args[s].usage == Usage::Agent
            && !said_of(s)
        {
            add(view.actor_of(s), &mut participants);
        }
        let anaphoric = definite && participants.len() == agents;
        let evidence = view.evidence(i);
        let mut trigger_text = (i..to)
            .map(|k| view.lower(k))
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" - ", "-");
        // "Hurricane Idalia", "Typhoon Haiyan": a capitalised trigger before a name names the
        // event.
        let raw = |k: usize| {
            view.tokens
                .toks
                .get(k)
                .and_then(|t| view.doc.text.get(t.start..t.end))
                .unwrap_or("")
        };
        let mut event_name = String::new();
        if !verb && raw(i).starts_with(char::is_uppercase) {
            let name: Vec<&str> = (to..(to + 2).min(view.tokens.len()))
                .take_while(|&k| {
                    view.tokens.is_word(k)
                        && raw(k).starts_with(char::is_uppercase)
                        && view.args_starting_at(k).is_empty()
                })
                .map(raw)
                .collect();
            if !name.is_empty() {
                event_name = name.join(" ");
                trigger_text = format!("{trigger_text} {event_name}");
            }
        }
        // Up to two lowercase modifiers before a noun trigger ("private family funeral").
        let mut from = i;
        let lex = lexicon();
        while !verb
            && from > 0
            && i - from < 2
            && view.tokens.is_word(from - 1)
            && view
                .tokens
                .toks
                .get(from - 1)
                .and_then(|t| view.doc.text.get(t.start..t.end))
                .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
            && !view.is_determiner(from - 1)
            && !lex.stop.contains(view.lower(from - 1))
            && !lex.preps.contains(view.lower(from - 1))
        {
            from -= 1;
        }
        // A verb reads with its object: "signed a letter", not "signed".
        let upto = if verb { object_words_end(view, to) } else { to };
        let mut phrase = (from..upto)
            .map(|k| view.lower(k))
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" - ", "-");
        if !event_name.is_empty() {
            phrase = format!("{phrase} {event_name}");
        }
        hits.push((
            i,
            to,
            EventHit {
                rule: trigger.rule,
                kind: rule.kind.clone(),
                trigger: trigger_text,
                participants,
                owner,
                owner_is_modifier,
                place,
                host,
                time: None,
                evidence,
                subjects: None,
                verbal: verb,
                phrase,
                agents,
                anaphoric,
            },
        ));
        i = to;
    }
    let clauses = clause_ids(view, times);
    let quoted = quoted_tokens(view);
    let used = assign_times(view, times, published, &clauses, &quoted, &mut hits);
    extend_begun(view, published, &mut hits);
    // An event needs somebody, or a date and a noun ("a private family funeral will be held
    // next week"); undated talk inside a quote is not news.
    hits.into_iter()
        .filter(|(from, _, h)| {
            let in_quote = quoted.get(*from).copied().unwrap_or(false);
            let somebody =
                !h.participants.is_empty() || (rule_is_disaster(&h.kind) && h.place.is_some());
            // "A federal judge ruled on Monday": a dated trigger outside quotes is news even
            // when whoever acted is not named.
            let dated_noun = h.time.is_some() && !in_quote && (!h.verbal || h.rule != usize::MAX);
            (somebody || dated_noun) && (h.time.is_some() || !in_quote)
        })
        .map(|h| h.2)
        .chain(clause_events(view, times, &used, &clauses, &quoted))
        .collect()
}

/// "beat Nadal in the second round", in a document that reports a game: the round is a match,
/// not an election's.
pub fn rounds_are_play(hits: &mut [EventHit], rules: &EventRules) {
    let Some(play) = rules.rules.iter().position(|r| r.kind == "match") else {
        return;
    };
    for h in hits {
        if h.kind == "election" && h.trigger.ends_with(" round") {
            h.rule = play;
            "match".clone_into(&mut h.kind);
        }
    }
}

/// "the day after Floyd's death", "four days after the election", "a week before the summit": a
/// date counted from an event the document dated before. `told` are the document's event
/// mentions so far; the referenced one is the latest dated to a day with the trigger's kind and,
/// when the phrase names an actor, that actor among its participants. Offsets are relative to
/// the sentence, like [`sentence_events`]'s times.
pub fn event_relative_times(
    view: &View<'_>,
    rules: &EventRules,
    told: &[EventHit],
    dated_here: &[TimeExpr],
) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let text = view.text();
    if told.is_empty() || !(text.contains(" after ") || text.contains(" before ")) {
        return out;
    }
    let n = view.tokens.len();
    for k in 0..n {
        // "shortly after the quake", "hours after the vote": the same day.
        let same_day = matches!(
            view.lower(k),
            "shortly" | "soon" | "immediately" | "hours" | "minutes" | "moments"
        );
        let unit_days: i64 = match view.lower(k) {
            "day" | "days" => 1,
            "week" | "weeks" => 7,
            _ if same_day => 0,
            _ => continue,
        };
        let sign = match view.lower(k + 1) {
            "after" => 1,
            "before" => -1,
            _ => continue,
        };
        let count = if same_day {
            Some(0)
        } else {
            k.checked_sub(1)
                .and_then(|c| match view.lower(c) {
                    "the" => Some(1),
                    w => super::time::parse_number(w),
                })
                .map(i64::from)
                .filter(|d| (1..=60).contains(d))
        };
        let Some(count) = count else {
            continue;
        };
        // The event named after "after": a noun trigger within a few words, with the actors
        // named before it ("Floyd's death").
        let Some((at, trigger)) = (k + 2..(k + 7).min(n))
            .take_while(|&j| !matches!(view.lower(j), "," | "." | ";"))
            .find_map(|j| rules.triggers.at(&view.tokens, j).next().map(|t| (j, t)))
        else {
            continue;
        };
        if matches!(trigger.form, Form::Verb { .. }) {
            continue;
        }
        // "a day after the summit had been scheduled to end": counted from another moment.
        if matches!(
            view.lower(at + trigger.words.len()),
            "had" | "has" | "was" | "were" | "is" | "began" | "ended" | "started" | "finished"
        ) {
            continue;
        }
        let Some(rule) = rules.rules.get(trigger.rule) else {
            continue;
        };
        let named: Vec<usize> = view
            .args_within(k + 2, at)
            .iter()
            .filter_map(|&a| view.actor_of(a))
            .collect();
        // "said on Friday it had raised $34 million in the hours after the verdict": what
        // happened after the event is dated, so the event came no later than that day.
        let latest_here = (sign > 0)
            .then(|| {
                dated_here
                    .iter()
                    .filter(|t| !t.is_duration && t.precision == Precision::Day)
                    .filter_map(|t| t.range.map(|r| r.1))
                    .max()
            })
            .flatten();
        let noun = view.lower(at);
        // "two days before her death": when the pronoun's actor has no such event told, the one
        // told is meant.
        let within = view.args_within(k + 2, at);
        let pronoun_only =
            !within.is_empty() && within.iter().all(|&a| view.args[a].possessive_pronoun);
        let named_fits =
            |h: &EventHit| named.is_empty() || named.iter().any(|a| h.participants.contains(a));
        let any_named = told.iter().any(|h| {
            h.kind == rule.kind
                && named_fits(h)
                && h.time.as_ref().is_some_and(|t| t.range.is_some())
        });
        let days = || {
            told.iter()
                .rev()
                .filter(|h| h.kind == rule.kind && (named_fits(h) || (pronoun_only && !any_named)))
                .filter_map(|h| {
                    let t = h.time.as_ref()?;
                    let (a, b) = t.range?;
                    (a == b && t.precision == Precision::Day && latest_here.is_none_or(|l| a <= l))
                        .then_some((a, h))
                })
        };
        // The event told with the same word first ("the verdict"), else the latest of its kind.
        let Some(day) = days()
            .find(|(_, h)| h.trigger == noun)
            .or_else(|| days().next())
            .map(|(d, _)| d)
        else {
            continue;
        };
        let Some(date) = day.checked_add_signed(chrono::Duration::days(sign * count * unit_days))
        else {
            continue;
        };
        let from = if same_day { k } else { k - 1 };
        let to = at + trigger.words.len();
        let (Some(first), Some(last)) = (view.tokens.toks.get(from), view.tokens.toks.get(to - 1))
        else {
            continue;
        };
        let (start, end) = (first.start - view.start, last.end - view.start);
        let Some(text) = view.text().get(start..end) else {
            continue;
        };
        out.push(TimeExpr {
            start,
            end,
            text: text.to_owned(),
            range: Some((date, date)),
            precision: Precision::Day,
            anchor: Some(format!("{} ({day})", rule.kind)),
            is_duration: false,
            is_relative: true,
            rule: "event_relative",
        });
    }
    out
}

/// A dated clause with no trigger word is still news: "The Justice Department sued Google in
/// October 2020", "Kissinger was born in 1923". One event per remaining time expression whose
/// clause names somebody, labelled from its subject, verb and object.
fn clause_events(
    view: &View<'_>,
    times: &[TimeExpr],
    used: &[usize],
    clauses: &[usize],
    quoted: &[bool],
) -> Vec<EventHit> {
    let lex = lexicon();
    let relation_rules = super::rules::relation_rules();
    let mut out = Vec::new();
    for t in times.iter().filter(|t| {
        t.range.is_some() && !t.is_duration && !is_duration(&t.text) && !used.contains(&t.start)
    }) {
        let tok = view.tokens.index_at(view.start + t.start);
        if quoted.get(tok).copied().unwrap_or(true) {
            continue;
        }
        let (mut lo, mut hi) = clause_span(clauses, tok, view.tokens.len());
        // The verb: a relation verb, else a speech verb, else a past-tense word, nearest before the time.
        let is_verb = |k: usize| clause_verb(view, k);
        // The clause's main verb: the first after its first actor ("the alliance's chief
        // expressed alarm over support Russia might give … on Tuesday"), else the nearest.
        let first_actor = view
            .args_within(lo, tok)
            .iter()
            .map(|&a| view.args[a].to)
            .min();
        // "In 1964, as a young lecturer at Edinburgh, Higgs proposed …": an opening time dates
        // the main clause, past an aside with no verb.
        let opening =
            (0..tok).all(|k| !view.tokens.is_word(k) || lex.preps.contains(view.lower(k)));
        if opening && !(lo..hi).any(&is_verb) {
            let mut next = hi;
            for _ in 0..2 {
                if next + 1 >= view.tokens.len() {
                    break;
                }
                let (a, b) = clause_span(clauses, next + 1, view.tokens.len());
                if (a..b).any(&is_verb) {
                    (lo, hi) = (a, b);
                    break;
                }
                next = b;
            }
        }
        // "since a police officer, Kim Potter, fatally shot Daunte Wright, a 20-year-old, during a
        // traffic stop on April 11": past asides set off by commas, back to the clause's verb.
        // "Britain joined the EEC, the EU's forerunner, in 1973, and voters …": so too a time
        // that opens its clause after a comma, before any verb of its own.
        // (Not a year in a list: "won the award in 2009, 2010, 2011".)
        let set_off = !opening
            && view.lower(lo) == ","
            && !(lo > 0
                && view
                    .tokens
                    .toks
                    .get(lo - 1)
                    .is_some_and(|x| x.kind == crate::extract::text::TokKind::Number))
            && (lo + 1..tok).all(|k| view.tokens.is_word(k) && lex.preps.contains(view.lower(k)));
        if set_off || !(lo..hi).any(&is_verb) {
            lo = verb_clause_before(view, clauses, lo, set_off);
        }
        let first_actor = if lo > tok {
            view.args_within(lo, hi)
                .iter()
                .map(|&a| view.args[a].to)
                .min()
        } else {
            first_actor
        };
        let Some(verb) = first_actor
            .and_then(|f| (f..if lo > tok { hi } else { tok }).find(|&k| is_verb(k)))
            .or_else(|| {
                // (Not a verb of a relative clause before the time's own.)
                let own = clause_span(clauses, tok, view.tokens.len()).0;
                (lo..tok).rev().find(|&k| {
                    let at = clause_span(clauses, k, view.tokens.len()).0;
                    is_verb(k) && (!set_off || at == own || !relative_clause(view, at))
                })
            })
            .or_else(|| (tok..hi).find(|&k| is_verb(k)))
        else {
            continue;
        };
        let mut before = Vec::new();
        let mut after = Vec::new();
        for &a in view.args_within(lo, hi) {
            let arg = view.args[a];
            // Not "Nazi Germany", "his Jewish family": modifiers name no participant.
            // Nor "lined up in Moscow": a location is where, not who.
            if arg.from < lo
                || arg.to > hi
                || matches!(arg.usage, Usage::Inner | Usage::Modifier | Usage::Place)
                || arg.in_quote
            {
                continue;
            }
            let Some(actor) = view.actor_of(a) else {
                continue;
            };
            let list = if arg.from < verb {
                &mut before
            } else {
                &mut after
            };
            if !list.contains(&actor) {
                list.push(actor);
            }
        }
        if before.is_empty() {
            for a in view.subject_left(verb) {
                if let Some(actor) = view.actor_of(a) {
                    before.push(actor);
                }
            }
        }
        // "Biden, on Sunday, named Fenton": the subject before the time's commas.
        let (time_from, time_to) = view
            .tokens
            .range_of(view.start + t.start, view.start + t.end);
        if before.is_empty()
            && lo > 0
            && lo < time_from
            && view.lower(lo) == ","
            && (lo + 1..verb).all(|k| (time_from..time_to).contains(&k) || view.lower(k) == ",")
            && let Some(a) = view.fallback_subject(verb)
            && let Some(actor) = view.actor_of(a)
        {
            before.push(actor);
        }
        // "He turned down a knighthood in 1999 but accepted appointment … in 2013": a verb
        // joined by "but" or "and" shares the sentence's subject.
        if before.is_empty()
            && verb > 0
            && matches!(view.lower(verb - 1), "but" | "and")
            && let Some(a) = view.fallback_subject(verb)
            && let Some(actor) = view.actor_of(a)
        {
            before.push(actor);
        }
        // "Employers added 142,000 jobs in August", "Inflation eased in July": with no actor,
        // a lowercase noun subject right before a past verb names who acted.
        let mut subject_noun = String::new();
        let upper = |k: usize| {
            view.tokens.is_word(k)
                && !lex.stop.contains(view.lower(k))
                && view
                    .tokens
                    .toks
                    .get(k)
                    .and_then(|x| view.doc.text.get(x.start..x.end))
                    .is_some_and(super::text::starts_upper)
        };
        // With no actor before the verb, a noun before it is its subject ("Maui police", "the
        // support ship Polar Prince").
        if before.is_empty() {
            let past = {
                let w = view.lower(verb);
                w.ends_with("ed") || lex.past_verbs.contains(w) || future_verb(view, verb)
            };
            // "Maui police on Thursday released …": past the time phrase.
            let mut before_verb = if time_to == verb { time_from } else { verb };
            // "Two people were pulled from the river": past the passive's auxiliary; "More
            // flights would leave": past the modal.
            if future_verb(view, verb) && matches!(view.lower(verb - 1), "will" | "would") {
                before_verb = verb - 1;
            }
            // "Its discovery was finally announced": past an adverb too.
            let mut passive = false;
            while before_verb > 1
                && verb - before_verb < 3
                && (matches!(view.lower(before_verb - 1), "was" | "were" | "been" | "had")
                    || view.lower(before_verb - 1).ends_with("ly") && verb - before_verb < 1)
            {
                passive |= view.lower(before_verb - 1) != "had"
                    && !view.lower(before_verb - 1).ends_with("ly");
                before_verb -= 1;
            }
            // "the review process": a noun with a modifier word between it and its determiner.
            let compound_after_determiner = |k: usize| {
                k > 1
                    && view.is_determiner(k - 2)
                    && view.tokens.is_word(k - 1)
                    && !lex.stop.contains(view.lower(k - 1))
                    && !view.lower(k - 1).ends_with("ly")
            };
            // "The canal, which opened in 1869": the noun the relative clause tells of.
            if before_verb > 2
                && matches!(view.lower(before_verb - 1), "which" | "that")
                && view.lower(before_verb - 2) == ","
            {
                before_verb -= 2;
            }
            let noun = before_verb.checked_sub(1).filter(|&k| {
                let w = view.lower(k);
                view.tokens.is_word(k)
                    && view.args_ending_at(k + 1).is_empty()
                    && w.len() > 3
                    && !lex.stop.contains(w)
                    && !lex.preps.contains(w)
                    && !view.is_determiner(k)
                    && !w.ends_with("ly")
                    && (k == 0
                        || view.is_determiner(k - 1)
                        // "since the review process was created": a compound after a
                        // determiner.
                        || compound_after_determiner(k)
                        // "Their men's team won the title".
                        || view.lower(k - 1).ends_with("'s")
                        || view.lower(k - 1).ends_with("\u{2019}s")
                        || matches!(view.lower(k - 1), "," | ":" | ";" | "and" | "but")
                        || k > 1
                            && view.lower(k - 1) == "of"
                            && matches!(
                                view.lower(k - 2),
                                "dozens" | "hundreds" | "thousands" | "millions" | "tens"
                            )
                        || k - 1 == 0
                        || upper(k - 1)
                        || view
                            .tokens
                            .toks
                            .get(k - 1)
                            .is_some_and(|x| x.kind == crate::extract::text::TokKind::Number)
                        || matches!(
                            view.lower(k - 1),
                            "two"
                                | "three"
                                | "four"
                                | "five"
                                | "six"
                                | "seven"
                                | "eight"
                                | "nine"
                                | "ten"
                                | "dozens"
                                | "hundreds"
                                | "thousands"
                        ))
            });
            match noun {
                // "added 142,000 jobs" reports no speech.
                Some(k)
                    if past
                        && (passive
                            || !lex.speech.contains(view.lower(verb))
                            || view.tokens.toks.get(verb + 1).is_some_and(|x| {
                                x.kind == crate::extract::text::TokKind::Number
                            })) =>
                {
                    // "Maui police": with a capitalised modifier; "hundreds of people":
                    // with its count.
                    let from = if k > 0 && upper(k - 1) || compound_after_determiner(k) {
                        k - 1
                    } else if k > 1
                        && view.lower(k - 1) == "of"
                        && matches!(
                            view.lower(k - 2),
                            "dozens" | "hundreds" | "thousands" | "millions" | "tens"
                        )
                    {
                        k - 2
                    } else {
                        k
                    };
                    view.tokens
                        .toks
                        .get(from)
                        .zip(view.tokens.toks.get(k))
                        .and_then(|(a, b)| view.doc.text.get(a.start..b.end))
                        .unwrap_or("")
                        .clone_into(&mut subject_noun);
                }
                _ if after.is_empty() => continue,
                _ => {}
            }
        }
        let kind = relation_rules
            .triggers
            .at(&view.tokens, verb)
            .find(|x| matches!(x.form, Form::Verb { .. }))
            .and_then(|x| relation_rules.rules.get(x.rule))
            .map_or_else(
                || {
                    if lex.speech.contains(view.lower(verb)) {
                        "statement".to_owned()
                    } else {
                        view.lower(verb).to_owned()
                    }
                },
                |r| r.kind.clone(),
            );
        let subjects = before.len();
        let mut participants = before.clone();
        for a in &after {
            if !participants.contains(a) {
                participants.push(*a);
            }
        }
        participants.truncate(4);
        // A phrase reads whole: "expressed alarm over".
        let verb_end = relation_rules
            .triggers
            .at(&view.tokens, verb)
            .map(|x| verb + x.words.len())
            .max()
            .unwrap_or(verb + 1);
        // "lined up", "called off": with its particle.
        let verb_end = if matches!(
            view.lower(verb_end),
            "up" | "down" | "out" | "off" | "back" | "away"
        ) {
            verb_end + 1
        } else {
            verb_end
        };
        // With no actor after the verb, its object's words say what was done ("Maui police
        // released the names").
        let text_end = if after.is_empty() {
            object_words_end(view, verb_end).max(verb_end)
        } else {
            verb_end
        };
        let verb_text = view
            .tokens
            .toks
            .get(verb)
            .zip(view.tokens.toks.get(text_end - 1))
            .and_then(|(a, b)| view.doc.text.get(a.start..b.end))
            .unwrap_or("")
            .to_owned();
        let verb_text = if subject_noun.is_empty() {
            verb_text
        } else {
            format!("{subject_noun} {verb_text}")
        };
        // "Soldiers seized power in neighbouring Mali in 2020 … and in Burkina Faso twice in
        // 2022": where it happened, the place told last before the time.
        let time_at = view.start + t.start;
        let time_tok = view.tokens.toks.partition_point(|k| k.start < time_at);
        let is_place = |a: &super::args::Arg| {
            a.usage == Usage::Place
                && (a
                    .from
                    .checked_sub(1)
                    .map(|k| view.lower(k))
                    .is_some_and(|w| matches!(w, "in" | "at"))
                    || a.from.checked_sub(2).map(|k| view.lower(k)) == Some("in")
                        && matches!(
                            view.lower(a.from - 1),
                            "neighbouring"
                                | "neighboring"
                                | "nearby"
                                | "northern"
                                | "southern"
                                | "eastern"
                                | "western"
                                | "central"
                        ))
        };
        // (Only the words between the act and its time: a huge sentence stays linear.)
        let place = (text_end..time_tok.min(text_end + 40))
            .rev()
            .find_map(|j| {
                view.args_starting_at(j)
                    .iter()
                    .find(|&&a| is_place(&view.args[a]))
                    .copied()
            })
            .map(|a| view.args[a].actor);
        out.push(EventHit {
            rule: usize::MAX,
            kind,
            trigger: verb_text,
            participants,
            owner: before.first().copied(),
            owner_is_modifier: false,
            place,
            host: None,
            time: Some(t.clone()),
            evidence: view.evidence(verb),
            subjects: Some(subjects.min(4)),
            verbal: true,
            phrase: String::new(),
            agents: subjects,
            anaphoric: false,
        });
    }
    out
}

/// Whether the clause starting at token `a` is a relative clause set off by a comma (", where
/// FTX was based,").
fn relative_clause(view: &View<'_>, a: usize) -> bool {
    view.lower(a) == ","
        && matches!(
            view.lower(a + 1),
            "where" | "which" | "who" | "whose" | "whom"
        )
}

/// The start of the nearest clause before the one starting at `lo`, across commas only (not
/// across "because", "when" …) and at most three clauses back, that holds a verb; `lo` if none.
/// With `past_relative`, relative clauses (", where FTX was based,") are passed over.
fn verb_clause_before(view: &View<'_>, clauses: &[usize], lo: usize, past_relative: bool) -> usize {
    let mut start = lo;
    for _ in 0..3 {
        if start == 0 || view.lower(start) != "," {
            break;
        }
        let (a, _) = clause_span(clauses, start - 1, view.tokens.len());
        // Past a relative clause: "arrested in the Bahamas, where FTX was based, in December".
        if !(past_relative && relative_clause(view, a)) && (a..start).any(|k| clause_verb(view, k))
        {
            return a;
        }
        start = a;
    }
    lo
}

/// Whether token `k` is a clause's verb: a relation verb, a speech verb or a past-tense word,
/// written in lowercase, not a title's word nor a noun after a determiner or preposition.
pub(crate) fn clause_verb(view: &View<'_>, k: usize) -> bool {
    let lex = lexicon();
    let relation_rules = super::rules::relation_rules();
    let w = view.lower(k);
    // "Alfred" ends in -ed but is a name: verbs are written in lowercase (but for the
    // sentence's first word).
    let lowercase = k == 0
        || view
            .tokens
            .toks
            .get(k)
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .is_some_and(|s| s.chars().next().is_some_and(char::is_lowercase));
    // "secretary of state": a title's word is no verb; "over support": a word after a
    // preposition or determiner is a noun.
    let noun = k > 0
        && (view.is_determiner(k - 1)
            || lex.preps.contains(view.lower(k - 1))
            || view.tokens.is_possessive(k - 1));
    // "during a traffic stop": a bare form after a determiner and a noun is a compound noun.
    let compound = k > 1
        && view.is_determiner(k - 2)
        && view.tokens.is_word(k - 1)
        && !view.lower(k - 1).ends_with("ly")
        && !w.ends_with("ed")
        && !lex.past_verbs.contains(w)
        && !lex.speech.contains(w);
    // "the chips, called Blackwell,": a participle that names is no clause's verb.
    let naming = matches!(w, "called" | "dubbed" | "nicknamed" | "titled")
        && k > 0
        && view.lower(k - 1) == ","
        && view
            .tokens
            .toks
            .get(k + 1)
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .is_some_and(super::text::starts_upper);
    // "the hard-left France Unbowed": a word after a hyphen is part of a compound.
    // ("co-founded", "re-elected" are verbs still).
    let hyphenated = k > 1
        && view.lower(k - 1) == "-"
        && view.tokens.toks.get(k).is_some_and(|t| !t.space_before)
        && !matches!(
            view.lower(k - 2),
            "co" | "re"
                | "pre"
                | "un"
                | "non"
                | "self"
                | "mis"
                | "over"
                | "out"
                | "under"
                | "cross"
                | "counter"
                | "anti"
                | "de"
                | "dis"
                | "semi"
        );
    let future = future_verb(view, k);
    lowercase
        && !compound
        && !hyphenated
        && !naming
        && (!noun || future)
        && !view.title_tok.get(k).copied().unwrap_or(false)
        && view.tokens.is_word(k)
        && (future
            || relation_rules
                .triggers
                .at(&view.tokens, k)
                .any(|x| matches!(x.form, Form::Verb { .. }))
            || lex.speech.contains(w)
            || ((w.ends_with("ed") && w.len() > 4 || lex.past_verbs.contains(w))
                && k > 0
                && !view.is_determiner(k - 1)))
}

/// Whether token `k` is a bare verb told as scheduled or to come: "Hunt is due to set out plans
/// on Oct. 31", "will elect a president next Wednesday", "More flights would leave on Monday".
fn future_verb(view: &View<'_>, k: usize) -> bool {
    let w = view.lower(k);
    k > 1
        && (matches!(view.lower(k - 1), "will" | "would")
            || view.lower(k - 1) == "to"
                && matches!(
                    view.lower(k - 2),
                    "due" | "scheduled" | "expected" | "set" | "slated" | "poised"
                ))
        && w.len() > 2
        && !lexicon().stop.contains(w)
        && !w.ends_with("ly")
}

fn rule_is_disaster(kind: &str) -> bool {
    matches!(kind, "disaster" | "earthquake" | "storm" | "fire")
}

/// For each token, whether it lies inside quote marks in its sentence.
fn quoted_tokens(view: &View<'_>) -> Vec<bool> {
    let mut open = false;
    let mut out = Vec::with_capacity(view.tokens.len());
    for k in 0..view.tokens.len() {
        match view.lower(k) {
            "“" => open = true,
            "”" => open = false,
            "\"" => open = !open,
            _ => {}
        }
        out.push(open);
    }
    // "her government's "mini-budget" of tax cuts": a term in scare quotes (three tokens or
    // fewer between the marks) is no speech.
    let mut k = 0;
    while k < out.len() {
        if !out[k] {
            k += 1;
            continue;
        }
        let run = out[k..].iter().take_while(|&&q| q).count();
        if run <= 4 {
            out[k..k + run].iter_mut().for_each(|q| *q = false);
        }
        k += run;
    }
    out
}

/// The end of up to two lowercase words of a verb's object after token `to`, past a determiner
/// ("signed a letter", "released the names"): `to` when there are none.
fn object_words_end(view: &View<'_>, to: usize) -> usize {
    let lex = lexicon();
    let mut k = to;
    while k < to + 2 && view.is_determiner(k) && view.args_starting_at(k).is_empty() {
        k += 1;
    }
    let mut upto = to;
    let mut words = 0;
    while words < 2
        && view.tokens.is_word(k)
        && view.args_starting_at(k).is_empty()
        && !view.is_determiner(k)
        && !lex.preps.contains(view.lower(k))
        && !lex.stop.contains(view.lower(k))
        && !lex.is_time_word(view.lower(k))
        && view
            .tokens
            .toks
            .get(k)
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
    {
        k += 1;
        words += 1;
        upto = k;
    }
    upto
}

/// For each token, the index of its clause (commas, semicolons and conjunctions split clauses).
/// The tokens of the clause holding token `tok`, at most `NEAR` either side: `lo..hi`.
fn clause_span(clauses: &[usize], tok: usize, len: usize) -> (usize, usize) {
    let clause = clauses.get(tok).copied().unwrap_or(usize::MAX);
    let lo = (tok.saturating_sub(NEAR)..tok)
        .rev()
        .take_while(|&k| clauses.get(k) == Some(&clause))
        .last()
        .unwrap_or(tok);
    let hi = (tok..len.min(tok + NEAR))
        .take_while(|&k| clauses.get(k) == Some(&clause))
        .last()
        .unwrap_or(tok)
        + 1;
    (lo, hi)
}

///
/// An opening time phrase belongs to the clause it introduces: in "On Sunday, Biden named Bob
/// Fenton", "On Sunday" dates Biden's naming, so its tokens take the next clause's index.
fn clause_ids(view: &View<'_>, times: &[TimeExpr]) -> Vec<usize> {
    // "since 2015", "until July": a conjunction before a time is its preposition.
    let mut time_starts: Vec<usize> = times
        .iter()
        .map(|t| view.tokens.index_at(view.start + t.start))
        .collect();
    time_starts.sort_unstable();
    let mut spans: Vec<(usize, usize)> = times
        .iter()
        .map(|t| {
            view.tokens
                .range_of(view.start + t.start, view.start + t.end)
        })
        .collect();
    spans.sort_unstable();
    let starts_time = |k: usize| time_starts.binary_search(&k).is_ok();
    // "expressed its "deepest condolences" to the families on Sunday": the marks around a few
    // quoted words inside a clause do not end it.
    let quote_mark = |k: usize| matches!(view.lower(k), "\"" | "“" | "”");
    let mut scare = vec![false; view.tokens.len()];
    let mut k = 0;
    while k < view.tokens.len() {
        if quote_mark(k) && k > 0 && view.tokens.is_word(k - 1) {
            let close = (k + 1..view.tokens.len().min(k + 7)).find(|&j| !view.tokens.is_word(j));
            if let Some(c) = close
                && c > k + 1
                && quote_mark(c)
                && view.tokens.is_word(c + 1)
            {
                scare[k] = true;
                scare[c] = true;
                k = c;
            }
        }
        k += 1;
    }
    let mut id = 0;
    let mut ids: Vec<usize> = (0..view.tokens.len())
        .map(|k| {
            // A period inside a sentence ends an abbreviation ("Acme Corp. bought"), not a clause.
            let abbreviation = view.lower(k) == "." && k + 1 < view.tokens.len();
            if view.lower(k) == ","
                || view.is_stop(k)
                    && !abbreviation
                    && !scare[k]
                    && !starts_time(k + 1)
                    && !starts_time(k)
            {
                id += 1;
            }
            id
        })
        .collect();
    for t in times {
        let (first, end) = view
            .tokens
            .range_of(view.start + t.start, view.start + t.end);
        let Some(&clause) = ids.get(first) else {
            continue;
        };
        // Clause indices never decrease: the clause's bounds by binary search, so one long
        // unpunctuated sentence stays linear.
        let lo = ids.partition_point(|&x| x < clause);
        let hi = ids.partition_point(|&x| x <= clause);
        if hi.saturating_sub(lo) > 12 {
            continue;
        }
        // "first visible in 1972, when Berkshire bought See's": the time dates the "when" clause.
        let mut j = end;
        if view.lower(j) == "," {
            j += 1;
        }
        // Not "The WHO declared the emergency on Jan. 30, 2020, when fewer than 100 cases had
        // been reported": a clause with its own verb keeps its time.
        // "Relations sank further in February, when the U.S. military shot down a balloon": a
        // clause with no actor gives its time to the "when" clause.
        let lo = ids
            .partition_point(|&x| x < clause)
            .max(first.saturating_sub(NEAR));
        let own = (lo..first).any(|k| clause_verb(view, k))
            && view
                .args_within(lo, first)
                .iter()
                .any(|&a| view.args[a].usage == Usage::Agent);
        if j < ids.len() && view.lower(j) == "when" && !own {
            let when = ids[j];
            for x in &mut ids[first..=j] {
                *x = when;
            }
            continue;
        }
        // Only the time (or a list of times: "in 2009 and 2011") and a leading adverb ("Early on
        // Monday,", "Earlier this month,") or the clause's own opening comma or conjunction.
        let in_time = |k: usize| {
            let at = spans.partition_point(|&(s, _)| s <= k);
            let inside = at
                .checked_sub(1)
                .and_then(|x| spans.get(x))
                .is_some_and(|&(_, e)| k < e);
            inside || matches!(view.lower(k), "and" | "or" | ",") && starts_time(k + 1)
        };
        let bare = (lo..hi).all(|k| {
            (first..end).contains(&k)
                || (k == lo && (view.lower(k) == "," || view.is_stop(k)))
                || (k < first && matches!(view.lower(k), "early" | "late" | "later" | "then"))
                || (k > first && in_time(k))
        });
        if !bare {
            continue;
        }
        // "who won it with Barcelona, in 2009 and 2011, became …": a time set off by commas after
        // a clause with a verb dates that clause; otherwise the clause it opens ("Biden, on
        // Sunday, named …").
        let prev_lo = ids
            .partition_point(|&x| x + 1 < clause)
            .max(lo.saturating_sub(NEAR));
        if lo > 0
            && view.lower(lo) == ","
            && clause > 0
            && (prev_lo..lo).any(|k| clause_verb(view, k))
        {
            for x in &mut ids[lo..hi] {
                *x = clause - 1;
            }
        } else if hi < ids.len() && view.lower(hi) == "," {
            for x in &mut ids[lo..hi] {
                *x = clause + 1;
            }
        }
    }
    ids
}

/// Gives each trigger the nearest time expression of its clause; then unused times go to the
/// nearest trigger without one; then the publication date to news told in the present or with
/// an onset verb ("started his first visit").
fn assign_times(
    view: &View<'_>,
    times: &[TimeExpr],
    published: Option<NaiveDate>,
    clauses: &[usize],
    quoted: &[bool],
    hits: &mut [(usize, usize, EventHit)],
) -> Vec<usize> {
    let clause_of = |tok: usize| clauses.get(tok).copied().unwrap_or(usize::MAX);
    let usable: Vec<(usize, &TimeExpr)> = times
        .iter()
        .filter(|t| t.range.is_some() && !t.is_duration && !is_duration(&t.text))
        .map(|t| (view.tokens.index_at(view.start + t.start), t))
        .collect();
    let mut used = vec![false; usable.len()];
    // "a repeat of the "China shock" of the early 2000s": a time after "of" dates the noun
    // before it, and only a trigger there may take it.
    let genitive = |tok: usize| tok >= 2 && view.lower(tok - 1) == "of";
    let owns_genitive = |h: &(usize, usize, EventHit), tok: usize| tok == h.1 + 1;
    // "in May 2022, three months after Russian troops invaded Ukraine": a count from a date
    // told dates the clause after it, within a few words.
    let forward = |t: &TimeExpr, tok: usize, at: usize| {
        t.rule == "counted_from_told" && at > tok && at <= tok + 12
    };
    let dist = |a: usize, b: usize, tok: usize| {
        if tok < a {
            a - tok
        } else {
            tok.saturating_sub(b)
        }
    };
    // Times near a trigger (a window keeps huge unpunctuated "sentences" linear).
    let near = |a: usize| {
        let lo = usable.partition_point(|(tok, _)| *tok + NEAR < a);
        let hi = usable.partition_point(|(tok, _)| *tok <= a + NEAR);
        lo..hi.max(lo)
    };
    // "said on Tuesday that the sides were "close to a truce agreement"": a trigger in a quote
    // takes no time from outside it, which dates the saying.
    let quote_fits = |trigger: usize, tok: usize| {
        !quoted.get(trigger).copied().unwrap_or(false) || quoted.get(tok).copied().unwrap_or(false)
    };
    // "The IMF said on Sunday it hoped for … a resumption of the dialogue": a time right after
    // a speech verb dates the saying, not what is said after it.
    let lex = lexicon();
    // Not "declared Sunday a day of mourning": a bare date after the verb is its object.
    let dates_saying = |tok: usize| {
        let phrase = view
            .tokens
            .toks
            .get(tok)
            .and_then(|x| view.doc.text.get(x.start..x.end))
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        let verb_at = if phrase {
            tok.checked_sub(1)
        } else if tok >= 2 && lex.preps.contains(view.lower(tok - 1)) {
            Some(tok - 2)
        } else {
            None
        };
        verb_at.is_some_and(|k| lex.speech.contains(view.lower(k)) && clause_verb(view, k))
    };
    // A trigger after such a time is in what is said.
    let said_after = |trigger: usize, tok: usize| trigger > tok && dates_saying(tok);
    // "his visit to Moscow on Feb. 24, the day Russia launched its invasion": a time named
    // again as "the day" of a clause after it dates that clause's triggers too. The result is
    // the first token of that clause.
    let named_day = |t: &TimeExpr| {
        let after = view.tokens.index_at(view.start + t.end);
        (view.lower(after) == ","
            && view.lower(after + 1) == "the"
            && matches!(
                view.lower(after + 2),
                "day" | "night" | "morning" | "evening" | "date" | "year" | "month" | "week"
            ))
        .then_some(after + 3)
    };
    let in_named_day = |trigger: usize, t: &TimeExpr| {
        named_day(t).is_some_and(|from| {
            trigger >= from
                && trigger < from + 10
                && (from..trigger).all(|k| !matches!(view.lower(k), "," | ";" | ":"))
        })
    };
    // "which the court said were committed … from at least Feb. 24, 2022": a time past the
    // verb of what is said does not date the saying.
    let past_reported_verb = |trigger: usize, tok: usize| {
        trigger < tok
            && matches!(
                view.lower(trigger),
                "said" | "says" | "say" | "told" | "stated" | "added" | "claimed" | "alleged"
            )
            && (trigger + 1..tok).any(|k| clause_verb(view, k))
    };
    for h in hits.iter_mut() {
        let clause = clause_of(h.0);
        let best = near(h.0)
            .map(|k| (k, &usable[k]))
            .filter(|(_, (tok, t))| {
                !said_after(h.0, *tok)
                    && !past_reported_verb(h.0, *tok)
                    && quote_fits(h.0, *tok)
                    && (clause_of(*tok) == clause || forward(t, *tok, h.0) || in_named_day(h.0, t))
                    && (!genitive(*tok) || owns_genitive(h, *tok))
                    && (t.rule != "counted_from_told" || h.0 >= *tok)
            })
            .min_by_key(|(_, (tok, _))| dist(h.0, h.1, *tok));
        if let Some((k, (_, t))) = best {
            h.2.time = Some((*t).clone());
            used[k] = true;
        }
    }
    // "The lawsuit … says the utility failed to cut power on Aug. 8": a time in what is reported
    // does not date the report.
    let reported = |trigger: usize, time: usize| {
        (trigger..time).any(|k| lex.speech.contains(view.lower(k)) && clause_verb(view, k))
    };
    // "since Twitter banned him in January 2021, after the attack on the Capitol": a time in a
    // clause with its own actor and relation verb dates that clause, not a trigger beyond it.
    let relation_rules = super::rules::relation_rules();
    let own_news = |tok: usize| {
        let (lo, hi) = clause_span(clauses, tok, view.tokens.len());
        let lo = if (lo..hi).any(|k| clause_verb(view, k)) {
            lo
        } else {
            verb_clause_before(view, clauses, lo, false)
        };
        // "since Argentina returned to democracy in 1983": any verb of the clause, with an
        // actor, makes the time its own.
        let verb = (lo..hi).any(|k| {
            view.tokens.is_word(k)
                && view.args_starting_at(k).is_empty()
                && !view.title_tok.get(k).copied().unwrap_or(false)
                && (relation_rules
                    .triggers
                    .at(&view.tokens, k)
                    .any(|x| matches!(x.form, Form::Verb { .. }))
                    || clause_verb(view, k) && !lex.speech.contains(view.lower(k)))
        });
        verb && view
            .args_within(lo, hi)
            .iter()
            .any(|&a| view.args[a].usage == Usage::Agent)
    };
    for h in hits.iter_mut().filter(|h| h.2.time.is_none()) {
        let best = near(h.0)
            .map(|k| (k, &usable[k]))
            .filter(|(k, (tok, t))| {
                !used[*k]
                    && !said_after(h.0, *tok)
                    && quote_fits(h.0, *tok)
                    && !genitive(*tok)
                    && (t.rule != "counted_from_told" || h.0 >= *tok)
                    // (A speech verb before a preposition reports nothing: "testified before
                    // lawmakers in May".)
                    && !reported(
                        if lex.preps.contains(view.lower(h.1)) {
                            h.1
                        } else {
                            h.0
                        },
                        *tok,
                    )
                    && (clause_of(*tok) == clause_of(h.0) || !own_news(*tok))
            })
            .min_by_key(|(_, (tok, _))| dist(h.0, h.1, *tok));
        if let Some((k, (_, t))) = best {
            h.2.time = Some((*t).clone());
            used[k] = true;
        }
    }
    // "Bryant was killed when his helicopter crashed on Sunday": a "when" clause right after a
    // trigger with no time dates it too.
    for h in hits.iter_mut().filter(|h| h.2.time.is_none()) {
        let Some(when) = (h.1..(h.1 + 16).min(view.tokens.len()))
            .take_while(|&k| !view.is_stop(k) || matches!(view.lower(k), "," | "when"))
            .find(|&k| view.lower(k) == "when")
        else {
            continue;
        };
        if quoted.get(h.0).copied().unwrap_or(false) {
            continue;
        }
        // The time of the "when" clause: before any other clause opens.
        let end = (when + 1..(when + 16).min(view.tokens.len()))
            .find(|&k| view.is_stop(k))
            .unwrap_or((when + 16).min(view.tokens.len()));
        if let Some((_, t)) = usable.iter().find(|(tok, _)| *tok > when && *tok < end) {
            h.2.time = Some((*t).clone());
        }
    }
    // "erupted on Saturday, sending tsunami waves crashing into the coast", "struck on Monday,
    // triggering a landslide": what a dated act sets off at once shares its time.
    for x in 0..hits.len() {
        if hits[x].2.time.is_some() || quoted.get(hits[x].0).copied().unwrap_or(false) {
            continue;
        }
        let at = hits[x].0;
        let Some(comma) = (at.saturating_sub(6)..at)
            .rev()
            .take_while(|&k| !view.is_stop(k) || view.lower(k) == ",")
            .find(|&k| view.lower(k) == ",")
        else {
            continue;
        };
        if !matches!(
            view.lower(comma + 1),
            "sending"
                | "triggering"
                | "causing"
                | "unleashing"
                | "setting"
                | "sparking"
                | "prompting"
                | "forcing"
                | "leaving"
        ) {
            continue;
        }
        let cause = hits
            .iter()
            .filter(|h| h.1 <= comma && h.2.time.is_some())
            .filter(|h| (h.1..comma).all(|k| !view.is_stop(k) || view.lower(k) == ","))
            .max_by_key(|h| h.0)
            .and_then(|h| h.2.time.clone());
        if let Some(time) = cause {
            hits[x].2.time = Some(time);
        }
    }
    let used_starts: Vec<usize> = usable
        .iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|((_, t), _)| t.start)
        .collect();
    let Some(date) = published else {
        return used_starts;
    };
    for h in hits
        .iter_mut()
        .filter(|h| h.2.time.is_none() && !h.2.evidence.text.is_empty())
    {
        // "started his first visit" happened; "agreed to start talks" has not yet.
        let intended = |k: usize| {
            k > 0
                && matches!(
                    view.lower(k - 1),
                    "to" | "will" | "would" | "could" | "may" | "might" | "shall" | "should"
                )
        };
        let onset = (h.0.saturating_sub(4)..h.0).any(|k| {
            lex.ongoing.contains(view.lower(k))
                && !matches!(view.lower(k), "is" | "are" | "am")
                && !intended(k)
                || (matches!(view.lower(k), "is" | "are") && view.lower(k + 1).ends_with("ing"))
        });
        // News convention: a statement reported at a briefing with no other date was made on the
        // day of publication ("Stoltenberg stated at a joint press conference").
        let reported = matches!(
            h.2.kind.as_str(),
            "press conference" | "briefing" | "speech"
        ) && (h.0.saturating_sub(5)..h.0)
            .any(|k| lex.speech.contains(view.lower(k)))
            && !quoted.get(h.0).copied().unwrap_or(false);
        if onset || reported {
            h.2.time = Some(TimeExpr {
                start: 0,
                end: 0,
                text: String::new(),
                range: Some((date, date)),
                precision: Precision::Day,
                anchor: Some(format!("published {date}")),
                is_duration: false,
                is_relative: true,
                rule: "publication date",
            });
        }
    }
    used_starts
}

/// How long a dated event lasts. "a three-day summit … on Tuesday": three days from Tuesday.
/// "talks in Beijing that began on Monday", told on Friday: from the day it began to the day of
/// the report (a few days at most; longer runs keep their start).
fn extend_begun(
    view: &View<'_>,
    published: Option<NaiveDate>,
    hits: &mut [(usize, usize, EventHit)],
) {
    let Some(published) = published else {
        return;
    };
    for (from, to, hit) in hits.iter_mut() {
        let Some(time) = hit.time.as_mut() else {
            continue;
        };
        let Some((start, end)) = time.range else {
            continue;
        };
        // "a three-day summit that began on Tuesday", "a three-day NATO summit", "a two-day
        // state visit", "three days of mourning": the event's days, told a few words before its
        // trigger.
        let before = (from.saturating_sub(5)..*from)
            .rev()
            .take_while(|&j| !matches!(view.lower(j), "," | "." | ";" | "the" | "a" | "an"))
            .find(|&j| j >= 2 && view.lower(j - 1) == "-" && view.lower(j) == "day")
            .map(|j| format!("{}-day", view.lower(j - 2)))
            // "three days of national mourning", "two days of talks".
            .or_else(|| {
                (from.saturating_sub(4)..*from)
                    .find(|&j| j >= 1 && view.lower(j) == "days" && view.lower(j + 1) == "of")
                    .map(|j| format!("{}-day", view.lower(j - 1)))
            })
            .unwrap_or_default();
        if let Some(days) = lasting_days(&before)
            && time.precision == Precision::Day
            && start == end
        {
            time.range = Some((start, start + chrono::Days::new(days - 1)));
            continue;
        }
        if time.precision != Precision::Day
            || start != end
            || start >= published
            || (published - start).num_days() > 14
        {
            continue;
        }
        let at = view.tokens.index_at(view.start + time.start);
        let (a, b) = if at >= *to { (*to, at) } else { (at, *from) };
        let begun = b - a <= 6
            && (a..b).any(|k| {
                matches!(
                    view.lower(k),
                    "began" | "begun" | "started" | "opened" | "commenced" | "kicked"
                )
            });
        if begun {
            time.range = Some((start, published));
        }
    }
}

/// How many days a modifier says its event lasts: "three-day" (summit), "2-day" (visit).
fn lasting_days(phrase: &str) -> Option<u64> {
    let n = u64::from(super::time::parse_number(phrase.strip_suffix("-day")?)?);
    (2..=31).contains(&n).then_some(n)
}

/// Whether two triggers name different stages of a competition ("the final", "the second
/// round"): each is a game of its own.
fn distinct_stages(a: &str, b: &str) -> bool {
    let stage = |t: &str| {
        let t = t.rsplit(' ').next().unwrap_or(t).replace('-', "");
        matches!(
            t.as_str(),
            "final" | "semifinal" | "quarterfinal" | "round" | "semifinals" | "quarterfinals"
        )
        .then_some(t)
    };
    matches!((stage(a), stage(b)), (Some(x), Some(y)) if x != y) || {
        // "first round" and "second round".
        a != b && a.ends_with(" round") && b.ends_with(" round")
    }
}

/// Whether two date ranges can describe the same event.
fn compatible(a: Option<(NaiveDate, NaiveDate)>, b: Option<(NaiveDate, NaiveDate)>) -> bool {
    match (a, b) {
        (Some((s1, e1)), Some((s2, e2))) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

/// Event hits merged across sentences and documents: same kind, a shared participant (or the
/// same place) and compatible dates.
#[derive(Clone, Debug, Default)]
pub struct MergedEvent {
    pub kind: String,
    pub trigger: String,
    pub participants: Vec<usize>,
    pub owner: Option<usize>,
    pub owner_is_modifier: bool,
    pub place: Option<usize>,
    pub host: Option<usize>,
    pub time: Option<TimeExpr>,
    pub evidence: Vec<Evidence>,
    pub subjects: Option<usize>,
    pub verbal: bool,
    pub phrase: String,
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Year => 2,
        Precision::Decade => 3,
    }
}

/// Undated talks held "while in" a country that a dated visit of one of their participants
/// went to are part of that visit: their participants join it ("While in North Korea for
/// discussions with its leader Kim Jong Un, Putin …" puts Kim Jong Un in Putin's visit).
pub fn join_visits(events: &mut [MergedEvent], actors: &[ActorDraft]) {
    let visits: Vec<usize> = (0..events.len())
        .filter(|&v| events[v].kind == "visit" && events[v].time.is_some())
        .collect();
    if visits.is_empty() {
        return;
    }
    let visit_docs: HashSet<&crate::model::DocId> = visits
        .iter()
        .flat_map(|&v| events[v].evidence.iter().map(|e| &e.document))
        .collect();
    // Countries (and their places) mentioned in the visits' documents: (doc, start, end, country).
    let mut located: HashMap<&crate::model::DocId, Vec<(usize, usize, usize)>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        let country = match a.kind {
            ActorKind::Country => Some(i),
            ActorKind::Place => a.host,
            _ => None,
        };
        let Some(country) = country else {
            continue;
        };
        for m in &a.mentions {
            if let Some(doc) = visit_docs.get(&m.document) {
                located
                    .entry(*doc)
                    .or_default()
                    .push((m.start, m.end, country));
            }
        }
    }
    let mut joins = Vec::new();
    for (e, event) in events.iter().enumerate() {
        if event.time.is_some() || event.kind == "visit" || event.participants.is_empty() {
            continue;
        }
        let Some(ev) = event.evidence.first() else {
            continue;
        };
        let Some(list) = located.get(&ev.document) else {
            continue;
        };
        // "while in X", "in X for talks": a country named after "in" in the event's sentence.
        let places: Vec<usize> = list
            .iter()
            .filter(|&&(s, end, _)| s >= ev.start && end <= ev.end)
            .filter(|&&(s, _, _)| {
                ev.text.get(..s - ev.start).is_some_and(|before| {
                    let before = before.trim_end();
                    before.ends_with(" in") || before.eq_ignore_ascii_case("in")
                })
            })
            .map(|x| x.2)
            .collect();
        if places.is_empty() {
            continue;
        }
        let target = visits.iter().copied().find(|&v| {
            let visit = &events[v];
            visit.evidence.iter().any(|x| x.document == ev.document)
                && (visit.host.is_some_and(|h| places.contains(&h))
                    || visit.participants.iter().any(|p| places.contains(p)))
                && visit.participants.iter().any(|p| {
                    event.participants.contains(p)
                        && actors.get(*p).is_some_and(|a| a.kind == ActorKind::Person)
                })
        });
        if let Some(v) = target {
            joins.push((v, e));
        }
    }
    for (v, e) in joins {
        let (participants, evidence) = (events[e].participants.clone(), events[e].evidence.clone());
        let visit = &mut events[v];
        for p in participants {
            if !visit.participants.contains(&p) {
                visit.participants.push(p);
            }
        }
        for x in evidence {
            if visit.evidence.len() < 64 && !visit.evidence.contains(&x) {
                visit.evidence.push(x);
            }
        }
    }
}

pub fn merge_events(hits: Vec<EventHit>) -> Vec<MergedEvent> {
    let mut out: Vec<MergedEvent> = Vec::new();
    // Candidate events by (kind, participant or place), so merging stays linear.
    let mut index: HashMap<(String, usize), Vec<usize>> = HashMap::new();
    // The event each document last told of each kind (hits come in text order).
    let mut last_told: HashMap<(crate::model::DocId, String), usize> = HashMap::new();
    // The events each sentence (by its evidence) told, by kind.
    let mut in_sentence: HashMap<(crate::model::DocId, usize, String), Vec<usize>> = HashMap::new();
    for h in hits {
        let range = h.time.as_ref().and_then(|t| t.range);
        let told = (h.evidence.document.clone(), h.kind.clone());
        // "Iran condemned the strikes": evidence of the latest strikes told before in the same
        // document, which keep their participants.
        if h.anaphoric
            && range.is_none()
            && let Some(&m) = last_told.get(&told)
            && let Some(e) = out.get_mut(m)
        {
            if !e
                .evidence
                .iter()
                .any(|x| x.start == h.evidence.start && x.document == h.evidence.document)
            {
                e.evidence.push(h.evidence);
            }
            continue;
        }
        let keys: Vec<usize> = h
            .participants
            .iter()
            .copied()
            .chain(h.place.map(|p| usize::MAX - p))
            .collect();
        let fits = |e: &MergedEvent| {
            compatible(e.time.as_ref().and_then(|t| t.range), range)
                && !distinct_stages(&e.trigger, &h.trigger)
        };
        let sentence_key = (
            h.evidence.document.clone(),
            h.evidence.start,
            h.kind.clone(),
        );
        let found = keys
            .iter()
            .filter_map(|&k| index.get(&(h.kind.clone(), k)))
            .flatten()
            .copied()
            .find(|&m| fits(&out[m]))
            // "signed a framework agreement in December": one act told twice in a sentence,
            // one telling without a party or a place.
            .or_else(|| {
                in_sentence.get(&sentence_key).and_then(|list| {
                    list.iter().copied().find(|&m| {
                        (keys.is_empty()
                            || out[m].participants.is_empty() && out[m].place.is_none())
                            && fits(&out[m])
                    })
                })
            });
        let m = if let Some(m) = found {
            let e = &mut out[m];
            for &p in &h.participants {
                if !e.participants.contains(&p) {
                    e.participants.push(p);
                }
            }
            e.owner = e.owner.or(h.owner);
            if h.owner_is_modifier && e.owner == h.owner {
                e.owner_is_modifier = true;
            }
            e.place = e.place.or(h.place);
            e.host = e.host.or(h.host);
            if e.verbal && !h.verbal {
                // The noun names the event better ("his death" over "died").
                e.verbal = false;
                e.trigger = h.trigger.clone();
                e.phrase = h.phrase.clone();
            }
            let better = match (&e.time, &h.time) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => precision_rank(b.precision) < precision_rank(a.precision),
                _ => false,
            };
            if better {
                e.time = h.time;
            }
            if e.evidence.len() < 64 && !e.evidence.contains(&h.evidence) {
                e.evidence.push(h.evidence);
            }
            m
        } else {
            out.push(MergedEvent {
                kind: h.kind.clone(),
                trigger: h.trigger,
                participants: h.participants.clone(),
                owner: h.owner,
                owner_is_modifier: h.owner_is_modifier,
                place: h.place,
                host: h.host,
                time: h.time,
                evidence: vec![h.evidence],
                subjects: h.subjects,
                verbal: h.verbal,
                phrase: h.phrase,
            });
            out.len() - 1
        };
        for k in keys {
            let list = index.entry((h.kind.clone(), k)).or_default();
            if !list.contains(&m) && list.len() < 64 {
                list.push(m);
            }
        }
        let list = in_sentence.entry(sentence_key).or_default();
        if !list.contains(&m) && list.len() < 64 {
            list.push(m);
        }
        last_told.insert(told, m);
    }
    out
}

/// A short name for labels: a person's surname, else the name.
pub fn short_name(actor: &ActorDraft) -> String {
    if actor.kind == ActorKind::Person {
        let words: Vec<&str> = actor.name.split_whitespace().collect();
        // East Asian names ("Xi Jinping", "Kim Jong Un") lead with the family name when an alias
        // shows it alone.
        if let Some(first) = words.first()
            && words.len() > 1
            && (actor.aliases.iter().any(|a| a == first) || lexicon().family_first.contains(*first))
        {
            return (*first).to_owned();
        }
        // "Queen Elizabeth II" is "Elizabeth": a monarch goes by the name before the number.
        if let [.., name, number] = words.as_slice()
            && super::resolve::is_regnal_number(number)
        {
            return (*name).to_owned();
        }
        if let Some(last) = words.last() {
            return (*last).to_owned();
        }
    }
    actor.name.clone()
}

/// The label of a merged event from its rule's template.
pub fn label(event: &MergedEvent, template: &str, actors: &[ActorDraft]) -> String {
    let name = |a: usize| actors.get(a).map(short_name).unwrap_or_default();
    if let Some(n) = event.subjects {
        // "Justice Department sued Google".
        let n = n.min(event.participants.len());
        let subjects: Vec<String> = event.participants[..n].iter().map(|&p| name(p)).collect();
        // (Not "Godfrey said X Corp": a medium or a location is no party.)
        let objects: Vec<String> = event.participants[n..]
            .iter()
            .filter(|&&p| actors.get(p).is_some_and(|a| a.kind != ActorKind::Place))
            .map(|&p| name(p))
            .collect();
        // "Soldiers seized power in Mali": where, when no one undergoes it.
        let place = event
            .place
            .filter(|_| objects.is_empty())
            .and_then(|p| actors.get(p))
            .map(|p| format!(" in {}", p.name))
            .unwrap_or_default();
        let text = format!(
            "{} {}{place} {}",
            subjects.join(" and "),
            event.trigger,
            objects.join(", ")
        );
        return capitalize(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let full = |a: usize| actors.get(a).map(|x| x.name.clone()).unwrap_or_default();
    let place = event
        .place
        .map(|p| format!(" in {}", full(p)))
        .unwrap_or_default();
    // "the Second World War", "the Yom Kippur War": the period's own name.
    if let Some(t) = &event.time
        && event.participants.is_empty()
        && t.text.to_lowercase().contains(&event.trigger)
        && t.text.split_whitespace().count() > 1
    {
        let name = t.text.trim();
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        return capitalize(name);
    }
    if event.participants.is_empty() && event.owner.is_none() && !event.phrase.is_empty() {
        // "Private family funeral", "Oral arguments".
        return capitalize(&format!("{}{place}", event.phrase));
    }
    if event.verbal && template.contains("{poss} {trigger}") {
        // "Kissinger died", "Tsai took office": a verb reads after its subject, not a possessive.
        let who = event
            .owner
            .or(event.participants.first().copied())
            .map(name)
            .unwrap_or_default();
        // "Biden withdrew from": the verb without the preposition its phrase needed.
        let verb = event
            .trigger
            .strip_suffix(" from")
            .unwrap_or(&event.trigger);
        let text = format!("{who} {verb}{place}");
        return capitalize(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let people: Vec<usize> = event
        .participants
        .iter()
        .copied()
        .filter(|&p| actors.get(p).is_some_and(|a| a.kind == ActorKind::Person))
        .collect();
    let who = if event.owner_is_modifier {
        event.owner.map(full).unwrap_or_default()
    } else if people.len() >= 2 {
        people
            .iter()
            .take(3)
            .map(|&p| name(p))
            .collect::<Vec<_>>()
            .join("–")
    } else if let Some(o) = event.owner {
        name(o)
    } else {
        event
            .participants
            .iter()
            .take(2)
            .map(|&p| name(p))
            .collect::<Vec<_>>()
            .join("–")
    };
    let poss = event
        .owner
        .or(event.participants.first().copied())
        .map(|o| format!("{}'s", name(o)))
        .unwrap_or_default();
    let host = event
        .host
        .map(|h| format!(" to {}", full(h)))
        .unwrap_or_default();
    let text = template
        .replace("{who}", &who)
        .replace("{poss}", &poss)
        .replace("{place}", &place)
        .replace("{host}", &host)
        .replace("{trigger}", &event.trigger)
        .replace("{kind}", &event.kind);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        capitalize(&event.kind)
    } else {
        capitalize(&text)
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_not_dates() {
        assert!(is_duration("in 24 years"));
        assert!(is_duration("for two weeks"));
        assert!(!is_duration("next month"));
        assert!(!is_duration("in May"));
        assert!(!is_duration("in the past 24 years") || is_duration("in the past 24 years"));
    }
}
