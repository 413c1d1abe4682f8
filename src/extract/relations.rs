//! Stage 3: relations. Typed, directed relations with a polarity, from the verb lexicon and
//! nominal patterns in `assets/rules/relations.toml`, over the resolved mentions of one
//! sentence. Never from co-occurrence alone: every relation needs a trigger word and both
//! arguments in a syntactic position around it.

use super::args::View;
use super::rules::{Form, RelationRules};
use crate::model::Polarity;

/// One relation found in one sentence (actor indices from the resolution).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationHit {
    pub source: usize,
    pub target: usize,
    /// Index of the rule in [`RelationRules::rules`].
    pub rule: usize,
    /// The trigger's first token.
    pub at: usize,
    /// Read from a speaker's evaluative words rather than a trigger.
    pub evaluative: bool,
}

/// Verbs of transfer in "the support X might give to Y".
const GIVE: &[&str] = &[
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "provide",
    "provides",
    "provided",
    "providing",
    "offer",
    "offers",
    "offered",
    "lend",
    "lent",
    "send",
    "sent",
    "extend",
    "extended",
    "supply",
    "supplied",
    "deliver",
    "delivered",
];
const AUX: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "will",
    "can",
    "shall",
    "should",
    "must",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "to",
    "not",
    "also",
    "reportedly",
    "allegedly",
    "potentially",
    "already",
    "still",
    "eventually",
    "further",
];
const VERB_CUES: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "did",
    "does", "do", "not", "never", "also", "has", "have", "had", "who", "which", "that", "and",
];

/// Finds the relations of one sentence.
pub fn sentence_relations(view: &View<'_>, rules: &RelationRules) -> Vec<RelationHit> {
    let mut out = Vec::new();
    let n = view.tokens.len();
    let mut i = 0;
    while i < n {
        let triggers: Vec<_> = rules.triggers.at(&view.tokens, i).collect();
        let Some(longest) = triggers.first().map(|t| t.words.len()) else {
            i += 1;
            continue;
        };
        // "Finance Minister Christian Lindner", "Defense Secretary Lloyd Austin": a word of a
        // capitalised title is no trigger.
        if view.inside_arg(i)
            || view.title_tok.get(i).copied().unwrap_or(false)
                && view
                    .tokens
                    .toks
                    .get(i)
                    .and_then(|t| view.doc.text.get(t.start..t.end))
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            i += 1;
            continue;
        }
        // A word that is both verb and noun: the noun reading after a determiner, possessive,
        // preposition or modifier; the verb reading otherwise.
        let prev = if i > 0 { view.lower(i - 1) } else { "" };
        let noun_context = i > 0
            && (view.is_determiner(i - 1)
                || view.tokens.is_possessive(i - 1)
                || super::rules::lexicon().preps.contains(prev)
                || !view.args_ending_at(i).is_empty()
                || view
                    .tokens
                    .toks
                    .get(i - 1)
                    .is_some_and(|t| t.kind == super::text::TokKind::Number));
        let verb_context = i > 0 && (VERB_CUES.contains(&prev) || prev.ends_with("ly"));
        // Sentence-initial words are nouns ("Trade between …"), not imperatives.
        let noun_context = noun_context || i == 0 || matches!(prev, "“" | "\"" | "(");
        let candidates: Vec<_> = triggers
            .iter()
            .filter(|t| t.words.len() == longest)
            .collect();
        // The reading the context prefers first; the other when it finds nothing ("the army
        // carried out air strikes on RSF bases": "strikes" is a noun there).
        let fits = |t: &super::rules::Trigger| match t.form {
            Form::Verb { .. } => !noun_context || verb_context,
            Form::Noun | Form::Agent => noun_context || !verb_context,
        };
        let mut ordered: Vec<&super::rules::Trigger> =
            candidates.iter().filter(|t| fits(t)).map(|t| **t).collect();
        // ("Washington's allies say Assad must go", "its allies": a word naming the other
        // party is no verb right after a possessive or a determiner.)
        let noun_only = i > 0
            && (view.is_determiner(i - 1) || view.tokens.is_possessive(i - 1))
            && candidates.iter().any(|t| matches!(t.form, Form::Agent));
        if !noun_only {
            ordered.extend(candidates.iter().filter(|t| !fits(t)).map(|t| **t));
        }
        let mut end = i + longest;
        for trigger in ordered {
            end = i + trigger.words.len();
            let Some(rule) = rules.rules.get(trigger.rule) else {
                continue;
            };
            // Trade that is stopped is a block: "imposed a ban on all seafood imports from Japan",
            // "suspend imports of aquatic products from Japan", "stopped buying Russian oil".
            // Other stopped ties keep their kind: "should stop arming Taiwan" tells that the
            // United States arms Taiwan.
            let mut k = trigger.rule;
            if rule.kind == "trade"
                && stopped_before(view, i)
                && let Some(block) = rules.index_of("block")
            {
                k = block;
            }
            // "the unlawful transfer of children from occupied areas to Russia": moving people
            // is no supply.
            if rule.kind == "supply" && moves_people(view, end) {
                continue;
            }
            let before = out.len();
            match trigger.form {
                Form::Verb { participle } => {
                    verb_relation(view, i, end, participle, k, rule, &mut out);
                }
                // "a door plug blows out": a particle after it makes the noun a verb.
                Form::Noun if matches!(view.lower(end), "out" | "up" | "off" | "away" | "down") => {
                }
                // "after the final whistle", "in the match's closing minutes": the noun only
                // describes a moment of the game.
                Form::Noun
                    if matches!(
                        view.lower(end),
                        "whistle" | "minute" | "minutes" | "stages" | "seconds"
                    ) => {}
                Form::Noun => noun_relation(view, i, end, k, rule, &mut out),
                Form::Agent => agent_relation(view, i, end, k, &mut out),
            }
            if out.len() > before {
                break;
            }
        }
        i = end;
    }
    joint_subjects(view, rules, &mut out);
    joint_statement(view, rules, &mut out);
    criticism_from(view, rules, &mut out);
    received_from(view, rules, &mut out);
    followed_suit(view, &mut out);
    must_step_down(view, rules, &mut out);
    accountability(view, rules, &mut out);
    evaluative_relations(view, rules, &mut out);
    blame_the_aggressor(view, rules, &mut out);
    out.retain(|h| h.source != h.target);
    out.dedup();
    out
}

/// "The Treasury, the Fed and the FDIC said in a joint statement", "France and Germany issued a
/// joint declaration", "the Fed, the ECB and the Bank of Japan announced a coordinated action":
/// those who speak or act together cooperate.
fn joint_statement(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    let n = view.tokens.len();
    // "in a joint virtual appearance", "at a joint news conference": one word may come between.
    let joint_noun = |w: &str| {
        matches!(
            w,
            "statement"
                | "declaration"
                | "communique"
                | "communiqué"
                | "letter"
                | "appeal"
                | "action"
                | "effort"
                | "move"
                | "response"
                | "operation"
                | "appearance"
                | "announcement"
                | "conference"
        )
    };
    let Some(k) = (0..n.saturating_sub(1)).find(|&k| {
        matches!(view.lower(k), "joint" | "coordinated")
            && (joint_noun(view.lower(k + 1))
                || view.tokens.is_word(k + 1)
                    && view.args_starting_at(k + 1).is_empty()
                    && joint_noun(view.lower(k + 2)))
    }) else {
        return;
    };
    let Some(together) = rules.index_of("cooperate") else {
        return;
    };
    // ("unveiled the partnership, dubbed AUKUS, on Wednesday in a joint appearance": not the
    // participle after a comma.)
    let Some(verb) = (k.saturating_sub(12)..k)
        .rev()
        .find(|&v| super::events::clause_verb(view, v) && (v == 0 || view.lower(v - 1) != ","))
    else {
        return;
    };
    push_among(view, &view.subject_left(verb), together, out);
}

/// "Berlusconi drew sharp criticism from Kyiv", "the plan faced condemnation from France": who
/// the criticism comes from criticizes the subject.
fn criticism_from(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    let Some(criticize) = rules.index_of("criticize") else {
        return;
    };
    let n = view.tokens.len();
    for k in 1..n.saturating_sub(1) {
        if !matches!(
            view.lower(k),
            "criticism" | "condemnation" | "rebuke" | "rebukes" | "backlash" | "censure"
        ) || view.lower(k + 1) != "from"
        {
            continue;
        }
        // The verb a word or two before: "drew (sharp) criticism".
        let Some(verb) = (k.saturating_sub(3)..k).rev().find(|&v| {
            matches!(
                view.lower(v),
                "drew"
                    | "draws"
                    | "drawn"
                    | "drawing"
                    | "faced"
                    | "faces"
                    | "facing"
                    | "received"
                    | "receives"
                    | "attracted"
                    | "earned"
                    | "sparked"
                    | "provoked"
            )
        }) else {
            continue;
        };
        let Some((_, critics)) = view.prep_args(k + 1, &["from".to_owned()]) else {
            continue;
        };
        let subjects = view.subject_left(verb);
        push_pairs(view, &critics, &subjects, criticize, out);
    }
}

/// "Bayer has secured $57 billion of bridge loans from Bank of America, Credit Suisse and
/// HSBC", "Kyiv received military aid from Germany": who it came from gives it to the subject.
fn received_from(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    use crate::model::Polarity;
    let n = view.tokens.len();
    for k in 1..n.saturating_sub(1) {
        if view.lower(k + 1) != "from" {
            continue;
        }
        let Some(rule) = rules
            .triggers
            .at(&view.tokens, k)
            .find(|t| {
                t.form == Form::Noun
                    && t.words.len() == 1
                    && rules
                        .rules
                        .get(t.rule)
                        .is_some_and(|r| r.polarity == Polarity::Cooperative && r.directed)
            })
            .map(|t| t.rule)
        else {
            continue;
        };
        // The verb of receipt a few words before: "has secured $57 billion of bridge loans".
        let Some(verb) = (k.saturating_sub(7)..k).rev().find(|&v| {
            matches!(
                view.lower(v),
                "received"
                    | "receives"
                    | "receiving"
                    | "secured"
                    | "secures"
                    | "obtained"
                    | "obtains"
                    | "got"
                    | "accepted"
                    | "won"
                    | "raised"
            )
        }) else {
            continue;
        };
        // (No name between the verb and the noun: "received Russia's loan from …" is another
        // pattern.)
        if (verb + 1..k).any(|j| !view.args_starting_at(j).is_empty()) {
            continue;
        }
        let Some((_, givers)) = view.prep_args(k + 1, &["from".to_owned()]) else {
            continue;
        };
        let subjects = view.subject_left(verb);
        push_pairs(view, &givers, &subjects, rule, out);
    }
}

/// "Washington says Assad must step down", "said the prime minister should resign": saying
/// someone must leave office is a demand on them.
fn must_step_down(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    let Some(demand) = rules.index_of("demand") else {
        return;
    };
    let n = view.tokens.len();
    for k in 1..n {
        if !matches!(
            view.lower(k),
            "say"
                | "says"
                | "said"
                | "insist"
                | "insists"
                | "insisted"
                | "argue"
                | "argues"
                | "argued"
        ) {
            continue;
        }
        let at = if view.lower(k + 1) == "that" {
            k + 2
        } else {
            k + 1
        };
        let Some(&named) = view.args_starting_at(at).first() else {
            continue;
        };
        let named = view.list_right(named);
        let Some(&last) = named.last() else {
            continue;
        };
        let mut m = view.args[last].to;
        if !matches!(view.lower(m), "must" | "should") {
            continue;
        }
        m += 1;
        if matches!(view.lower(m), "eventually" | "immediately" | "now" | "also") {
            m += 1;
        }
        let leaves = match view.lower(m) {
            "resign" | "quit" | "go" | "leave" => true,
            "step" | "stand" => matches!(view.lower(m + 1), "down" | "aside"),
            _ => false,
        };
        if !leaves {
            continue;
        }
        let mut speakers = view.subject_left(k);
        // "Washington and its allies say": the one named with its allies.
        if speakers.is_empty()
            && k >= 4
            && matches!(view.lower(k - 1), "allies" | "partners")
            && matches!(view.lower(k - 2), "its" | "their")
            && view.lower(k - 3) == "and"
            && let Some(&a) = view.args_ending_at(k - 3).first()
        {
            speakers = vec![a];
        }
        push_pairs(view, &speakers, &named, demand, out);
    }
}

/// "Egypt made peace with Israel in 1979, and Jordan followed in 1994", "…, and Bahrain
/// followed suit": who followed did the same with the same party.
fn followed_suit(view: &View<'_>, out: &mut Vec<RelationHit>) {
    let n = view.tokens.len();
    let mut extra = Vec::new();
    for k in 1..n {
        if !matches!(view.lower(k), "followed" | "follows" | "follow") {
            continue;
        }
        // What comes next ends the clause: "followed suit", "followed in 1994", "followed.".
        let next = view.lower(k + 1);
        if !(next == "suit"
            || view.lower(k + 1) == "in"
                && view.tokens.toks.get(k + 2).is_some()
                && view.lower(k + 2).chars().all(|c| c.is_ascii_digit())
            || matches!(next, "." | "," | ";" | ""))
        {
            continue;
        }
        // Its subject right before it, after a clause told before.
        let Some(&subject) = view.args_ending_at(k).first() else {
            continue;
        };
        let Some(follower) = view.actor_of(subject) else {
            continue;
        };
        let first = view.args[subject].from;
        // What the first party of the clause before did ("Egypt made peace with Israel").
        // (The sentence's first party: not "The UAE agreement was announced after a call
        // between Trump and Netanyahu, and Bahrain followed suit".)
        let Some(leader) = (0..first)
            .find_map(|j| view.args_starting_at(j).first().copied())
            .and_then(|a| view.actor_of(a))
            .filter(|&x| {
                out.iter()
                    .any(|h| h.at < first && !h.evaluative && h.source == x)
            })
        else {
            continue;
        };
        for h in out
            .iter()
            .filter(|h| h.at < first && !h.evaluative && h.source == leader)
        {
            if h.target != follower && h.source != follower {
                extra.push(RelationHit {
                    source: follower,
                    target: h.target,
                    rule: h.rule,
                    at: first,
                    evaluative: false,
                });
            }
        }
    }
    out.extend(extra);
}

/// "Stoltenberg condemned "an outrageous act" that demonstrated "the brutality of Russia's war in
/// Ukraine"", "Guterres called the breach "a consequence of the Russian invasion of Ukraine"":
/// condemnation aimed at a deed, in a sentence that names who waged it on whom, falls on the one
/// who waged it, not on the victim.
fn blame_the_aggressor(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    use crate::model::Polarity;
    let Some(criticize) = rules.index_of("criticize") else {
        return;
    };
    let conflictual = |h: &RelationHit| {
        !h.evaluative
            && h.rule != criticize
            && rules
                .rules
                .get(h.rule)
                .is_some_and(|r| r.polarity == Polarity::Conflictual)
    };
    let deeds: Vec<(usize, usize, usize)> = out
        .iter()
        .filter(|h| conflictual(h))
        .map(|h| (h.source, h.target, h.at))
        .collect();
    if deeds.is_empty() {
        return;
    }
    // A speaker's evaluative words about the victim of a deed told in them blame its doer.
    for h in out
        .iter_mut()
        .filter(|h| h.evaluative && h.rule == criticize)
    {
        if let Some(&(doer, _, _)) = deeds.iter().find(|d| d.1 == h.target && d.2 > h.at) {
            h.target = doer;
        }
    }
    // "condemned the attack, which …": a verb of blame with no actor for object.
    let n = view.tokens.len();
    let mut extra = Vec::new();
    for k in 0..n {
        let Some(t) = rules
            .triggers
            .at(&view.tokens, k)
            .find(|t| t.rule == criticize && matches!(t.form, Form::Verb { .. }))
        else {
            continue;
        };
        let to = k + t.words.len();
        let rule = &rules.rules[criticize];
        if !view.object_right(to, &rule.preps, 8).is_empty() {
            continue;
        }
        let subjects = view.subject_left(k);
        if let Some(&(doer, _, _)) = deeds.iter().find(|d| d.2 > k) {
            for &s in &subjects {
                if let Some(a) = view.actor_of(s)
                    && a != doer
                {
                    extra.push(RelationHit {
                        source: a,
                        target: doer,
                        rule: criticize,
                        at: k,
                        evaluative: false,
                    });
                }
            }
        }
    }
    out.extend(extra);
}

/// A symmetric relation among those named together: each pair of two or three; a longer list
/// ("The Fed, the ECB, the Bank of England, the Bank of Japan and the Bank of Canada
/// announced …") relates its first-named, who leads, to each of the others, so the diagram
/// shows a star rather than a tangle of every pair.
fn push_among(view: &View<'_>, members: &[usize], rule: usize, out: &mut Vec<RelationHit>) {
    let Some((&first, rest)) = members.split_first() else {
        return;
    };
    if members.len() > 3 {
        for &b in rest {
            push_pairs(view, &[first], &[b], rule, out);
        }
        return;
    }
    for (x, &a) in members.iter().enumerate() {
        for &b in &members[x + 1..] {
            push_pairs(view, &[a], &[b], rule, out);
        }
    }
}

/// "Francois Englert and Robert Brout had published a similar theory", "he and Dan Evans lost
/// in the quarterfinals": two people named together as the subject of an act that names nobody
/// else did it together. Acts the lexicon knows are read by their own rule ("X and Y met"),
/// speech is no joint act, and "each other" makes them parties to it, not partners.
fn joint_subjects(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    use super::resolve::Usage;
    let Some(together) = rules.index_of("cooperate") else {
        return;
    };
    let lex = super::rules::lexicon();
    let person = |a: usize| view.args[a].person;
    let plain = |a: usize| {
        let arg = view.args[a];
        arg.usage == Usage::Agent && !arg.possessive && !arg.in_quote
    };
    for (x, first) in view.args.iter().enumerate() {
        if !plain(x) || view.lower(first.to) != "and" {
            continue;
        }
        // The pair opens its clause: not a longer list, nor "between X and Y".
        // "The Belgian physicists Francois Englert and Robert Brout": past a descriptive noun.
        let opens = first.from == 0 || {
            let p = first.from - 1;
            let w = view.lower(p);
            view.args_ending_at(p + 1).is_empty()
                && !matches!(w, "and" | "or" | "between" | "both" | "of")
                // "a week after Biden and Xi held talks": a conjunction opens a clause.
                && (!lex.preps.contains(w)
                    || matches!(w, "after" | "before" | "since" | "until" | "as" | "once"))
                && !super::events::clause_verb(view, p)
        };
        if !opens {
            continue;
        }
        // Past a nationality and a title: "and South Sudanese President Salva Kiir".
        let mut j = first.to + 1;
        while j < first.to + 6 {
            if let Some(&m) = view
                .args_starting_at(j)
                .iter()
                .find(|&&m| matches!(view.args[m].usage, Usage::Modifier | Usage::Inner))
            {
                j = view.args[m].to;
            } else if view.title_tok.get(j).copied().unwrap_or(false) {
                j += 1;
            } else {
                break;
            }
        }
        let Some(&y) = view.args_starting_at(j).iter().find(|&&y| plain(y)) else {
            continue;
        };
        if !person(x) || !person(y) {
            continue;
        }
        let mut v = view.args[y].to;
        while matches!(
            view.lower(v),
            "have" | "had" | "has" | "both" | "jointly" | "together" | "also" | "then" | "later"
        ) {
            v += 1;
        }
        let w = view.lower(v);
        // A known act is read by its own rule, unless it is directed, names no one it is
        // directed at and leads to what they set out to do ("Sisi and Kiir offered to mediate").
        let own_rule = rules.triggers.at(&view.tokens, v).any(|t| {
            let end = v + t.words.len();
            rules.rules.get(t.rule).is_none_or(|r| {
                !r.directed
                    || view.lower(end) != "to"
                    || !view.object_right(end, &r.preps, 8).is_empty()
            })
        });
        if !super::events::clause_verb(view, v)
            || lex.speech.contains(w)
            || own_rule
            || (v..(v + 8).min(view.tokens.len()))
                .any(|k| matches!(view.lower(k), "each" | "one" | "against" | "versus"))
        {
            continue;
        }
        push_pairs(view, &[x], &[y], together, out);
    }
}

/// "Wang Wenbin said Kissinger had made historic contributions", "Stoltenberg said China had
/// to face consequences": a speaker who says something about another actor in evaluative words
/// praises or criticizes them (`positive_words` / `negative_words` in the lexicon). Only when
/// the words lean one way and no other relation links the two in the sentence.
/// "Cameron said Putin should be held to account", "vowed to hold Russia accountable": whoever
/// calls for someone to be held to account blames them.
fn accountability(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    let Some(criticize) = rules.index_of("criticize") else {
        return;
    };
    let lex = super::rules::lexicon();
    let n = view.tokens.len();
    for j in 1..n {
        let w = view.lower(j);
        if !(w == "accountable" || w == "account" && view.lower(j - 1) == "to") {
            continue;
        }
        let Some(k) = (j.saturating_sub(4)..j)
            .rev()
            .find(|&k| matches!(view.lower(k), "held" | "hold" | "holding" | "holds"))
        else {
            continue;
        };
        let targets = if view.lower(k) == "held" {
            // "Putin and his entourage would be held accountable".
            let mut b = k;
            while b > 0
                && matches!(
                    view.lower(b - 1),
                    "be" | "been"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "would"
                        | "should"
                        | "must"
                        | "will"
                        | "could"
                        | "can"
                        | "to"
                        | "being"
                        | "not"
                )
            {
                b -= 1;
            }
            if b == k {
                continue;
            }
            view.subject_left(b)
        } else {
            view.args_starting_at(k + 1)
                .first()
                .map(|&a| view.list_right(a))
                .unwrap_or_default()
        };
        if targets.is_empty() {
            continue;
        }
        let first_target = targets
            .iter()
            .map(|&t| view.args[t].from)
            .min()
            .unwrap_or(k);
        // The one who says it, else the one who would hold them to account.
        let speech = (first_target.saturating_sub(40)..first_target)
            .rev()
            .find(|&v| lex.speech.contains(view.lower(v)));
        let sources = match speech {
            Some(v) => view.subject_left(v),
            None if view.lower(k) != "held" => view.subject_left(k),
            None => Vec::new(),
        };
        push_pairs(view, &sources, &targets, criticize, out);
    }
}

fn evaluative_relations(view: &View<'_>, rules: &RelationRules, out: &mut Vec<RelationHit>) {
    let lex = super::rules::lexicon();
    let rule_of = |kind: &str| rules.index_of(kind);
    let (Some(praise), Some(criticize)) = (rule_of("praise"), rule_of("criticize")) else {
        return;
    };
    let n = view.tokens.len();
    if view.args.len() < 2 {
        return;
    }
    // Prefix counts of evaluative words, built on first need.
    let mut prefix: Option<Vec<(usize, usize)>> = None;
    // The pairs already related in the sentence, either way round.
    let mut related: std::collections::HashSet<(usize, usize), super::rules::WordHash> = out
        .iter()
        .map(|h| (h.source.min(h.target), h.source.max(h.target)))
        .collect();
    for k in 0..n {
        // "According to X, …": the speaker before the comma, the content after it.
        let according = view.lower(k) == "according" && view.lower(k + 1) == "to";
        // "said", "called", "described": the speaker's verb.
        if !according
            && !lex.speech.contains(view.lower(k))
            && !matches!(
                view.lower(k),
                "called" | "calling" | "described" | "describing"
            )
        {
            continue;
        }
        let (mut speakers, k) = if according {
            let Some((_, list)) = view.prep_args(k + 1, &["to".to_owned()]) else {
                continue;
            };
            let Some(&last) = list.last() else {
                continue;
            };
            // The content starts after the speaker's name.
            (list, view.args[last].to.saturating_sub(1))
        } else if k > 0 && view.lower(k - 1) == "," && view.lower(k).ends_with("ing") {
            // "Biden welcomed Finland, saying Russia had been proved wrong": the main subject.
            (view.fallback_subject(k).into_iter().collect(), k)
        } else {
            (view.subject_left(k), k)
        };
        if speakers.is_empty()
            && !according
            && let Some(&a) = view.args_starting_at(k + 1).first()
            && view.lower(k).starts_with("said")
        {
            // "…, said Kent Walker": the speaker after the verb, the content before it.
            speakers = vec![a];
        }
        let Some(&speaker) = speakers.first() else {
            continue;
        };
        let Some(source) = view.actor_of(speaker) else {
            continue;
        };
        // The content: the rest of the clause after the verb, to a semicolon or the end; or,
        // in ""…," Williams told reporters", the quote before the speaker.
        let quote = |j: usize| matches!(view.lower(j), "\"" | "“" | "”");
        let mut k = k;
        // (At most sixty words: a huge unpunctuated "sentence" stays linear.)
        let mut end = (k + 1..n.min(k + 60))
            .find(|&j| view.lower(j) == ";")
            .unwrap_or(n.min(k + 60));
        let s_from = view.args[speaker].from;
        // "Lula, whom Milei had called a corrupt communist, …": what is said, to the end of the
        // relative clause, is about the antecedent.
        let antecedent =
            (s_from >= 2 && view.lower(s_from - 1) == "whom" && view.lower(s_from - 2) == ",")
                .then(|| view.args_ending_at(s_from - 2).first().copied())
                .flatten();
        if antecedent.is_some() {
            end = (k + 1..end).find(|&j| view.lower(j) == ",").unwrap_or(end);
        }
        if s_from > 0
            && s_from < k
            && quote(s_from - 1)
            && let Some(open) = (0..s_from - 1).rev().find(|&j| quote(j))
        {
            k = open;
            end = s_from - 1;
        }
        let counts = prefix.get_or_insert_with(|| {
            let mut acc = (0, 0);
            let mut list = Vec::with_capacity(n + 1);
            list.push(acc);
            for j in 0..n {
                let w = view.lower(j);
                acc.0 += usize::from(lex.positive.contains(w));
                acc.1 += usize::from(lex.negative.contains(w));
                list.push(acc);
            }
            list
        });
        let (Some(&(g0, b0)), Some(&(g1, b1))) = (counts.get(k + 1), counts.get(end)) else {
            continue;
        };
        let (good, bad) = (g1 - g0, b1 - b0);
        if good == bad {
            continue;
        }
        let rule = if good > bad { praise } else { criticize };
        // What the words are about: the first actor of the content and those listed with it
        // ("said China and Iran had to face consequences"), not every actor the clause names
        // ("saying Russia believed it could divide Europe and NATO").
        let first = view.args_within(k + 1, end).iter().copied().find(|&a| {
            // Not "the American people", "China-U.S. relations": modifiers.
            !matches!(
                view.args[a].usage,
                super::resolve::Usage::Inner
                    | super::resolve::Usage::Place
                    | super::resolve::Usage::Modifier
            )
        });
        let mut targets: Vec<usize> = first.map(|a| view.list_right(a)).unwrap_or_default();
        if let Some(a) = antecedent {
            targets = vec![a];
        }
        for &t in &targets {
            let Some(target) = view.actor_of(t) else {
                continue;
            };
            // "Zelenskiy said the two leaders had agreed …": words about a pair the speaker
            // belongs to are about neither.
            let with_speaker = view
                .args_starting_at(view.args[t].from)
                .iter()
                .any(|&b| view.args[b].to == view.args[t].to && view.actor_of(b) == Some(source));
            let pair = (source.min(target), source.max(target));
            if target == source || with_speaker || !related.insert(pair) {
                continue;
            }
            out.push(RelationHit {
                source,
                target,
                rule,
                at: k,
                evaluative: true,
            });
        }
    }
}

/// "told the BBC", "told Spanish television": an argument that is a news medium (an outlet,
/// or a name or nationality before a word for one).
fn is_news_medium(view: &View<'_>, arg: usize) -> bool {
    let lex = super::rules::lexicon();
    let Some(a) = view.args.get(arg) else {
        return false;
    };
    let mut name = String::new();
    for i in a.from..a.to {
        if i > a.from {
            name.push(' ');
        }
        name.push_str(view.lower(i));
    }
    let name = name.strip_prefix("the ").unwrap_or(&name);
    lex.media_outlets.contains(name) || lex.media_nouns.contains(view.lower(a.to))
}

/// "pay $4.3 billion in U.S. penalties", "paid $5 million in fines to the SEC": money paid as
/// a penalty, compensation or ransom finances no one (the one paid penalizes the payer).
fn is_penalty(view: &View<'_>, arg: usize) -> bool {
    let Some(a) = view.args.get(arg) else {
        return false;
    };
    (a.from.saturating_sub(4)..a.from).chain([a.to]).any(|i| {
        matches!(
            view.lower(i),
            "penalty"
                | "penalties"
                | "fine"
                | "fines"
                | "damages"
                | "compensation"
                | "restitution"
                | "reparations"
                | "ransom"
                | "forfeiture"
                | "bail"
        )
    })
}

fn push_pairs(
    view: &View<'_>,
    sources: &[usize],
    targets: &[usize],
    rule: usize,
    out: &mut Vec<RelationHit>,
) {
    let at = sources
        .iter()
        .chain(targets)
        .filter_map(|&a| view.args.get(a))
        .map(|a| a.from)
        .min()
        .unwrap_or(0);
    let kind = super::rules::relation_rules()
        .rules
        .get(rule)
        .map_or("", |r| r.kind.as_str());
    let informs = kind == "inform";
    let finances = kind == "finance";
    // "the son of former Manchester United great Peter Schmeichel": kin are people.
    let kin = kind == "family";
    for &s in sources {
        for &t in targets {
            if informs && is_news_medium(view, t) {
                continue;
            }
            if kin
                && !(view.args.get(s).is_some_and(|a| a.person)
                    && view.args.get(t).is_some_and(|a| a.person))
            {
                continue;
            }
            // "agreed to pay $4.3 billion in U.S. penalties": a penalty paid to someone is
            // their sanction on the payer.
            if finances && is_penalty(view, t) {
                let sanction = super::rules::relation_rules().index_of("sanction");
                if let (Some(k), Some(a), Some(b)) = (sanction, view.actor_of(s), view.actor_of(t))
                    && a != b
                {
                    out.push(RelationHit {
                        source: b,
                        target: a,
                        rule: k,
                        at,
                        evaluative: false,
                    });
                }
                continue;
            }
            if let (Some(a), Some(b)) = (view.actor_of(s), view.actor_of(t))
                && a != b
            {
                out.push(RelationHit {
                    source: a,
                    target: b,
                    rule,
                    at,
                    evaluative: false,
                });
            }
        }
    }
}

fn verb_relation(
    view: &View<'_>,
    from: usize,
    to: usize,
    participle: bool,
    k: usize,
    rule: &super::rules::RelationRule,
    out: &mut Vec<RelationHit>,
) {
    // "announced a coordinated action", "the supply-chain finance firm": a participle after an
    // article, a verb joined to a word by a hyphen, or one before a word for a firm is an
    // adjective or a noun.
    let glued =
        |j: usize| view.lower(j) == "-" && view.tokens.toks.get(j).is_some_and(|t| !t.space_before);
    let adjectival = view.lower(from).ends_with("ed") || view.lower(from).ends_with("ing");
    if (from > 0 && adjectival && matches!(view.lower(from - 1), "a" | "an" | "the"))
        || (to == from + 1 && glued(to))
        || super::rules::lexicon()
            .org_descriptors
            .contains(view.lower(to))
    {
        return;
    }
    // "a 1-0 victory over hosts Brazil", "for talks", "from rivals such as Sony": a verb form
    // after a preposition is a noun. "Australia beat hosts India", "beat host nation Sweden",
    // "co-hosts Australia": so is a host after another verb.
    if from > 0 && !view.lower(from).ends_with("ing") {
        let hyphened = from > 2 && view.lower(from - 1) == "-" && view.lower(from - 2) == "co";
        let before = if hyphened { from - 3 } else { from - 1 };
        let b = view.lower(before);
        let host = view.lower(from).starts_with("host");
        // ("from rivals such as Sony": named examples are read on.)
        let examples = matches!(view.lower(to), "such" | "including" | "like");
        if (super::rules::lexicon().preps.contains(b) && !matches!(b, "to" | "than") && !examples)
            || host && (hyphened || super::events::clause_verb(view, before) && !AUX.contains(&b))
        {
            return;
        }
    }
    // "Fox hosts including Tucker Carlson": an -s form right before "including" is a plural
    // noun.
    if to == from + 1
        && view.lower(from).ends_with('s')
        && matches!(view.lower(to), "including" | "like")
    {
        return;
    }
    // "accused it of using civilians as human shields": an -s form after "as" and a common
    // word is a plural noun.
    if from >= 2
        && view.lower(from).ends_with('s')
        && view.lower(from - 2) == "as"
        && view
            .tokens
            .toks
            .get(from - 1)
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .is_some_and(|w| w.starts_with(char::is_lowercase))
    {
        return;
    }
    // "Danish shipping giant Maersk": a verb form right after a national adjective is a noun.
    if view
        .args_ending_at(from)
        .iter()
        .any(|&a| view.args[a].usage == super::resolve::Usage::Modifier && !view.args[a].possessive)
    {
        return;
    }
    // "the Singapore-flagged container ship": a name in a hyphenated modifier is the subject of
    // its own participle only.
    let hyphen_modifier = |a: usize| {
        let end = view.args[a].to;
        end + 1 < from
            && view.lower(end) == "-"
            && view.tokens.toks.get(end).is_some_and(|t| !t.space_before)
            && view.lower(end + 1).ends_with("ed")
            // "a Saudi-led coalition fought …": the leader stands for what it leads.
            && view.lower(end + 1) != "led"
    };
    if (from.saturating_sub(12)..from).any(|k| view.lower(k) == "-")
        && view.subject_left(from).iter().any(|&a| hyphen_modifier(a))
    {
        return;
    }
    // "Founded in 2012 by Field and Evan Wallace, San Francisco-based Figma makes …": a
    // sentence-initial participle is passive, and its subject follows the comma.
    let first_word = (0..from).all(|j| !view.tokens.is_word(j));
    if participle && first_word {
        let agents = view.by_agent(to);
        let comma = (to..view.tokens.len().min(to + 20)).find(|&j| view.lower(j) == ",");
        if let Some(c) = comma
            && !agents.is_empty()
            && agents.iter().all(|&a| view.args[a].to <= c)
            && let Some(&s) = (c + 1..view.tokens.len().min(c + 7)).find_map(|j| {
                view.args_starting_at(j)
                    .iter()
                    .find(|&&a| view.args[a].usage == super::resolve::Usage::Agent)
            })
        {
            push_pairs(view, &agents, &view.list_right(s), k, out);
        }
        return;
    }
    // "the Liberal Democrats, led by Ed Davey,": a participle after a comma modifies the name
    // before it.
    if participle
        && from >= 1
        && view.lower(from - 1) == ","
        && view.lower(to) == "by"
        && let Some(&head) = view
            .args_ending_at(from - 1)
            .iter()
            .find(|&&a| view.args[a].usage != super::resolve::Usage::Inner)
    {
        let agents = view.by_agent(to);
        push_pairs(view, &agents, &[head], k, out);
        return;
    }
    // "plants run by companies such as Tesla": a participle after a common noun, with its
    // agent, describes the noun and relates nobody to the sentence's subject.
    let reduced_relative = from > 0
        && !view.lower(from).ends_with("ing")
        && view.lower(to) == "by"
        && view.args_ending_at(from).is_empty()
        && view.tokens.is_word(from - 1)
        && !view.is_determiner(from - 1)
        && !view.lower(from - 1).ends_with("ly")
        && !AUX.contains(&view.lower(from - 1))
        && !view.is_copula(from - 1)
        && !matches!(
            view.lower(from - 1),
            "," | "and" | "get" | "got" | "gets" | "left" | "kept"
        )
        && !super::events::clause_verb(view, from - 1)
        && view
            .tokens
            .toks
            .get(from - 1)
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .is_some_and(|w| w.chars().all(char::is_lowercase));
    // "areas held by other insurgent groups fighting President Bashar al-Assad": an -ing form
    // right after a plural common noun describes the noun, which names nobody (not "Russian
    // forces fighting in Ukraine", where a name modifies the noun).
    let ing_relative = from >= 2
        && view.lower(from).ends_with("ing")
        && view.args_ending_at(from).is_empty()
        && view.args_ending_at(from - 1).is_empty()
        && {
            let noun = view.lower(from - 1);
            noun.len() > 4
                && noun.ends_with('s')
                && !noun.ends_with("ss")
                && !AUX.contains(&noun)
                && !view.is_copula(from - 1)
                && !view.is_determiner(from - 1)
                && !super::events::clause_verb(view, from - 1)
        }
        && view
            .tokens
            .toks
            .get(from - 1)
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .is_some_and(|w| w.chars().all(char::is_lowercase));
    if reduced_relative || ing_relative {
        return;
    }
    if participle && view.passive_before(from) {
        let mut agents = view.by_agent(to);
        // "Djokovic was deported from Australia", "expelled from the party": whoever sends
        // someone away is named after "from".
        let sends_away = super::rules::relation_rules()
            .rules
            .get(k)
            .is_some_and(|r| matches!(r.kind.as_str(), "sanction" | "dismiss"));
        if agents.is_empty()
            && sends_away
            && let Some((_, list)) = view.prep_args(to, &["from".to_owned()])
        {
            agents = list;
        }
        if agents.is_empty() {
            return;
        }
        let mut subjects = view.subject_left(from);
        if subjects.is_empty()
            || subjects.iter().any(|&s| {
                view.args[s].from < from
                    && view.lower(view.args[s].from.saturating_sub(1)) == "between"
            })
        {
            subjects = view.clause_args_left(from);
        }
        let between = view.clause_args_left(from);
        if between.len() > subjects.len() {
            subjects = between;
        }
        push_pairs(view, &agents, &subjects, k, out);
        return;
    }
    if negated(view, from) {
        return;
    }
    let mut subjects = view.subject_left(from);
    // "…, and vowed to punish X": an infinitive's subject is its governing verb's.
    // "and came from behind to beat France": the governing verb a few words back.
    let head =
        if from >= 2 && view.lower(from - 1) == "to" && view.args_ending_at(from - 1).is_empty() {
            (from.saturating_sub(5)..from - 1)
                .rev()
                .take_while(|&k| view.args_ending_at(k + 1).is_empty() && view.tokens.is_word(k))
                .find(|&k| finite_verb(view, k) && view.lower(k.saturating_sub(1)) == "and")
                .unwrap_or(from - 2)
        } else {
            from
        };
    // ", defeating X" / ", succeeding X": a participle after a comma shares the main subject;
    // so does the next verb of a series ("X opened relations with A, negotiated with B").
    // "was elected after narrowly defeating X": so does one after a time conjunction.
    let mut lead_in = head.saturating_sub(1);
    if lead_in > 0 && view.lower(lead_in).ends_with("ly") {
        lead_in -= 1;
    }
    let after_conjunction = view.lower(head).ends_with("ing")
        && matches!(
            view.lower(lead_in),
            "after" | "before" | "while" | "by" | "since" | "without" | "when"
        );
    if subjects.is_empty()
        && head > 0
        && (view.lower(head).ends_with("ing") && view.lower(head - 1) == ","
            || after_conjunction
            || view.lower(head).ends_with("ed") && matches!(view.lower(head - 1), "," | "and"))
        && let Some(s) = view.fallback_subject(head)
    {
        subjects = if after_conjunction {
            let main = view.subject_left(lead_in);
            if main.is_empty() {
                view.list_right(s)
            } else {
                main
            }
        } else if view.lower(head).ends_with("ing") {
            view.list_right(s)
        } else {
            series_subject(view, head)
        };
    }
    // "…, keeping Hunt as chancellor and naming Raab as his deputy": a participle joined by
    // "and" to one after a comma shares that one's subject.
    if head > 1
        && view.lower(head).ends_with("ing")
        && view.lower(head - 1) == "and"
        && let Some(first) = (head.saturating_sub(20)..head - 1)
            .rev()
            .take_while(|&k| !view.is_stop(k) && view.lower(k) != ",")
            .find(|&k| k > 0 && view.lower(k).ends_with("ing") && view.lower(k - 1) == ",")
        && let Some(s) = view.fallback_subject(first)
    {
        subjects = view.list_right(s);
    }
    // "Cahill rejected the request but criticized Waters": a verb right after "but" shares the
    // subject of the clause before it.
    if subjects.is_empty()
        && head > 1
        && view.lower(head - 1) == "but"
        && !view.lower(head).ends_with("ing")
        && let Some(verb) = (head.saturating_sub(25)..head - 1)
            .rev()
            .find(|&k| finite_verb(view, k))
    {
        subjects = view.subject_left(verb);
    }
    // "Guterres said she had been a reassuring presence, and praised her grace": a verb joined
    // by "and" to a reported clause shares the speaker's subject, not the reported one.
    // So does one after a quoted report ("said she had been "a presence," and praised her").
    if head > 0 && view.lower(head - 1) == "and" {
        let speech = match subjects.first() {
            Some(&s) => reported_subject_speech(view, s),
            None => (head.saturating_sub(40)..head)
                .rev()
                .find(|&k| super::rules::lexicon().speech.contains(view.lower(k))),
        };
        let speaker = speech.map(|k| view.subject_left(k)).unwrap_or_default();
        if !speaker.is_empty() {
            subjects = speaker;
        }
    }
    // "Israel regards Iran as its enemy and has hoped to establish relations with X": a verb
    // joined by "and" to an earlier one shares its subject, not its object.
    let mut c = head;
    while c > 0 && matches!(view.lower(c - 1), "has" | "have" | "had" | "also" | "then") {
        c -= 1;
    }
    if c > 0
        && view.lower(c - 1) == "and"
        && let Some(&s) = subjects.first()
        && let Some(before) = view.args[s].from.checked_sub(1)
        && view.args_ending_at(before + 1).is_empty()
        && view.tokens.is_word(before)
        && view.lower(before) != "and"
        && !view.is_determiner(before)
        && !super::rules::lexicon().preps.contains(view.lower(before))
        && !super::rules::lexicon().stop.contains(view.lower(before))
        && !view.title_tok.get(before).copied().unwrap_or(false)
        && view
            .tokens
            .toks
            .get(before)
            .and_then(|t| view.doc.text.get(t.start..t.end))
            .is_some_and(|w| w.chars().all(char::is_lowercase))
    {
        // "They beat Germany, the hosts, in extra time and came from behind to beat France":
        // the name is the earlier verb's object; without an actor as that verb's subject, this
        // verb has none either.
        subjects = view.subject_left(before);
    } else if c > 1
        && view.lower(c - 1) == "and"
        && subjects.is_empty()
        // A verb in the past: not "to repay …, buy … and fund", nor "ending …, and handing".
        && (view.lower(head).ends_with("ed")
            || super::rules::lexicon().past_verbs.contains(view.lower(head)))
        && let Some(verb) = first_verb_before(view, c - 1)
    {
        // "The Chiefs have now won three titles, the first of them four years ago, and beat the
        // Eagles": no subject of its own, the series' first verb's.
        subjects = view.subject_left(verb);
    } else if c > 1
        && view.lower(c - 1) == "and"
        && let Some(&s) = subjects.first()
        // "Tedros, who met Chinese President Xi Jinping in Beijing … and praised China's
        // response", "Macron condemned the coup as dangerous for Niger, and demanded Bazoum's
        // release": the subject of the verb before "and", whose object the found one is.
        && let Some(verb) = first_verb_before(view, c - 1)
        && view.args[s].from > verb
    {
        let earlier = view.subject_left(verb);
        if !earlier.is_empty() {
            subjects = earlier;
        }
    }
    if subjects.is_empty() {
        return;
    }
    // "Iran-backed Houthis", "a Saudi-led coalition": a hyphenated participle modifies the
    // noun right after it, and relates only when that noun is an actor.
    let compound = from > 0
        && view.lower(from - 1) == "-"
        && view.tokens.toks.get(from).is_some_and(|t| !t.space_before);
    let mut objects = if compound {
        (to..(to + 2).min(view.tokens.len()))
            .find_map(|k| {
                view.args_starting_at(k)
                    .iter()
                    .copied()
                    .find(|&a| view.args[a].usage != super::resolve::Usage::Inner)
            })
            .map(|a| view.list_right(a))
            .unwrap_or_default()
    } else {
        view.object_right(to, &rule.preps, 8)
    };
    for o in &mut objects {
        *o = view.past_descriptor(*o);
    }
    // "paid a visit to Kyiv", "sent a message of condolence to Erdogan": a light verb's object
    // names the relation, which that noun's own rule reads; the verb relates no one.
    if matches!(
        view.lower(from),
        "pay" | "pays" | "paid" | "paying" | "send" | "sends" | "sent" | "sending"
    ) {
        objects.retain(|&o| {
            !(to..view.args[o].from).any(|j| {
                super::rules::lexicon()
                    .light_verb_objects
                    .contains(view.lower(j))
            })
        });
    }
    // "Erling Haaland, whom City signed from Dortmund": the verb's object is the name before
    // "whom".
    if let Some(&s) = subjects.first()
        && let Some(w) = view.args[s].from.checked_sub(1)
        // "OceanGate, which Rush co-founded in 2009": "which" is the object too.
        && matches!(view.lower(w), "whom" | "which")
        // "whom Milei had called a corrupt communist" is a judgement, read elsewhere.
        && !matches!(view.lower(to), "a" | "an")
        // The clause's own verb, right after its subject ("co-founded" read at "founded").
        && (view.args[s].to..from).all(|k| AUX.contains(&view.lower(k)) || matches!(view.lower(k), "co" | "-"))
        && w >= 1
        && view.lower(w - 1) == ","
        && let Some(&antecedent) = view
            .args_ending_at(w - 1)
            .iter()
            .find(|&&a| view.args[a].usage != super::resolve::Usage::Inner)
    {
        objects = vec![antecedent];
    }
    // "spoke with Floyd's relatives": the relatives are the party, not Floyd; "called Floyd's
    // brother Philonise Floyd": the named relative is.
    let kin = |o: usize| {
        view.args[o].possessive
            && matches!(
                view.lower(view.args[o].to + 1),
                "relatives"
                    | "family"
                    | "families"
                    | "brother"
                    | "sister"
                    | "mother"
                    | "father"
                    | "son"
                    | "daughter"
                    | "wife"
                    | "husband"
                    | "widow"
                    | "children"
                    | "parents"
                    | "lawyers"
                    | "lawyer"
                    | "attorneys"
                    | "attorney"
                    | "fans"
                    | "followers"
            )
    };
    let direct_kin: Vec<usize> = objects
        .iter()
        .filter(|&&o| kin(o))
        .filter_map(|&o| {
            view.args_starting_at(view.args[o].to + 2)
                .iter()
                .copied()
                .find(|&b| {
                    view.args[b].person && view.args[b].usage == super::resolve::Usage::Agent
                })
        })
        .collect();
    objects.retain(|&o| !kin(o));
    for b in &direct_kin {
        if !objects.contains(b) {
            objects.insert(0, *b);
        }
    }
    // "Iraqi intelligence had helped locate Baghdadi": after "help" and a bare verb, the object
    // is that verb's, which is no help to it.
    if view.lower(from).starts_with("help") && to == from + 1 {
        let next = view.lower(to);
        let bare = view.tokens.is_word(to)
            && view.args_starting_at(to).is_empty()
            && next.chars().all(|c| c.is_ascii_lowercase())
            && next.len() > 2
            && !next.ends_with('s')
            && !next.ends_with("al")
            && !next.ends_with("ian")
            && !next.ends_with("ese")
            && !next.ends_with("ern")
            && !view.is_determiner(to)
            && !super::rules::lexicon().preps.contains(next)
            && !matches!(
                next,
                "him" | "her" | "them" | "us" | "me" | "and" | "or" | "to"
            )
            && (view.is_determiner(to + 1) || !view.args_starting_at(to + 1).is_empty());
        if bare {
            return;
        }
    }
    // "sharing Ellison's private writings with a reporter": what is shared is no party to it.
    if view.lower(from).starts_with("shar") {
        objects.retain(|&o| !view.args[o].possessive || view.args[o].possessive_pronoun);
    }
    // "sending thousands of Argentine fans into delirium", "sent Iranian drones": a nationality
    // right after a verb of transfer tells whose the goods or people are, not who receives them.
    if rule.kind == "supply" {
        objects.retain(|&o| {
            view.args[o].usage != super::resolve::Usage::Modifier
                || view.prep_of(o, to).as_deref() == Some("to")
        });
    }
    // "appreciated the efforts of China", "praised the role of Oman": what someone did stands
    // for them.
    // "welcomed the increased engagement of Britain and the United States": welcoming what
    // someone does is praise, not a meeting.
    let mut k = k;
    let mut noun = to + 1;
    while noun < to + 3
        && view.tokens.is_word(noun)
        && view.args_starting_at(noun).is_empty()
        && view.lower(noun + 1) != "of"
    {
        noun += 1;
    }
    if view.is_determiner(to)
        && matches!(
            view.lower(noun),
            "efforts"
                | "effort"
                | "role"
                | "work"
                | "contribution"
                | "contributions"
                | "mediation"
                | "leadership"
                | "help"
                | "courage"
                | "engagement"
                | "involvement"
                | "decision"
                | "commitment"
                | "offer"
                | "initiative"
                | "support"
        )
        && view.lower(noun + 1) == "of"
        && let Some(&a) = view.args_starting_at(noun + 2).first()
    {
        objects = view.list_right(a);
        if rule.kind == "meet"
            && view.lower(from).starts_with("welcom")
            && let Some(p) = super::rules::relation_rules().index_of("praise")
        {
            k = p;
        }
    }
    // "demanded Bazoum's release": a demand for someone's freedom is support of them.
    if rule.kind == "demand"
        && let [o] = objects[..]
        && view.args[o].possessive
        && matches!(
            view.lower(view.args[o].to + 1),
            "release" | "freedom" | "reinstatement" | "safety" | "safe"
        )
        && let Some(support) = super::rules::relation_rules().index_of("support")
    {
        push_together(view, &subjects, &objects, support, out);
        return;
    }
    // "the Supreme Court overturned his conviction": undoing a punishment frees its bearer.
    if rule.kind == "oppose"
        && let [o] = objects[..]
        && view.args[o].possessive
        && (view.args[o].to..=view.args[o].to + 1).any(|k| {
            matches!(
                view.lower(k),
                "conviction"
                    | "convictions"
                    | "sentence"
                    | "suspension"
                    | "disqualification"
                    | "expulsion"
                    | "indictment"
            )
        })
        && let Some(release) = super::rules::relation_rules().index_of("release")
    {
        push_together(view, &subjects, &objects, release, out);
        return;
    }
    // "Burke ordered him taken into custody", "ordered the general arrested": an order to seize
    // someone is a punishment of them.
    if rule.kind == "request"
        && view.lower(from).starts_with("order")
        && let [o] = objects[..]
        && matches!(
            view.lower(view.args[o].to),
            "arrested"
                | "detained"
                | "jailed"
                | "imprisoned"
                | "taken"
                | "held"
                | "deported"
                | "expelled"
                | "extradited"
                | "executed"
                | "seized"
        )
        && let Some(sanction) = super::rules::relation_rules().index_of("sanction")
    {
        push_together(view, &subjects, &objects, sanction, out);
        return;
    }
    // "urged Azerbaijan to halt its military action", "called on Russia to withdraw", "called
    // on him to go": asking someone to stop what they do or to leave is a demand on them.
    // ("asked the FAA to halt all their flights" is a request.)
    // "had asked him to resign from his role": asking someone to leave is a demand too.
    let leave = |t: usize| {
        matches!(
            view.lower(t + 1),
            "resign" | "quit" | "step" | "leave" | "go"
        )
    };
    if rule.kind == "request"
        && ["urg", "call", "appeal", "ask"]
            .iter()
            .any(|w| view.lower(from).starts_with(w))
        && let Some(&last) = objects.last()
        && let Some(t) =
            (view.args[last].to..view.args[last].to + 3).find(|&t| view.lower(t) == "to")
        && (!view.lower(from).starts_with("ask") || leave(t))
        && matches!(
            view.lower(t + 1),
            "stop"
                | "halt"
                | "end"
                | "cease"
                | "withdraw"
                | "release"
                | "free"
                | "refrain"
                | "abandon"
                | "drop"
                | "scrap"
                | "reverse"
                | "lift"
                | "pull"
                | "respect"
                | "comply"
                | "abide"
                | "curb"
                | "rein"
                | "stand"
                | "back"
                | "step"
                | "resign"
                | "quit"
                | "go"
                | "leave"
                | "hand"
        )
        && let Some(demand) = super::rules::relation_rules().index_of("demand")
    {
        push_together(view, &subjects, &objects, demand, out);
        return;
    }
    // "called Starmer" is a call; "called the election in May with his party trailing Labour"
    // is none: a call's party is its direct object.
    if view.lower(from).starts_with("call") && rule.kind == "meet" {
        objects.retain(|&o| view.args[o].from == to || direct_kin.contains(&o));
        // "called him "a trusted and respected leader"", "called Putin a war criminal": naming
        // someone something is no call.
        objects.retain(|&o| {
            // ("called Russia's invasion "a huge tragedy"": a possessor is no party to a call.)
            !view.args[o].possessive
                && !matches!(
                    view.lower(view.args[o].to),
                    "\"" | "“" | "a" | "an" | "the" | "his" | "her" | "their" | "its" | "one"
                )
        });
    }
    // "joining Steffi Graf, Andre Agassi, Rafael Nadal and Serena Williams" as winners: a list of
    // people one joins is a class, not a party ("joined Fain on the picket line" is).
    if rule.kind == "join" && objects.len() >= 3 && objects.iter().all(|&o| view.args[o].person) {
        objects.clear();
    }
    // "the Grameen Bank he founded", "the party she leads": a name right before the pronoun
    // subject is the verb's object.
    if objects.is_empty()
        && head == from
        && from >= 2
        && matches!(view.lower(from - 1), "he" | "she" | "they" | "we")
        && let Some(&a) = view.args_ending_at(from - 1).iter().find(|&&a| {
            view.args[a].usage == super::resolve::Usage::Agent && !view.args[a].possessive
        })
    {
        objects = vec![a];
    }
    if objects.is_empty()
        && rule.that_object
        && view.lower(to) == "that"
        && let Some(&a) = view.args_starting_at(to + 1).first()
    {
        objects = view.list_right(a);
    }
    // "Israel and Hamas agreed to a four-day truce", "agreed a ceasefire with Hezbollah": the
    // parties to a truce are at war.
    if rule.kind == "agree"
        && let Some(truce) = super::rules::relation_rules().index_of("truce")
        && (to..(to + 6).min(view.tokens.len()))
            .take_while(|&j| !view.is_stop(j) && view.args_starting_at(j).is_empty())
            .any(|j| {
                super::rules::relation_rules()
                    .triggers
                    .at(&view.tokens, j)
                    .any(|t| t.rule == truce)
            })
    {
        k = truce;
    }
    // "Labour, which leads the Conservatives by more than 30 points in some opinion polls":
    // leading a rival in a race is rivalry.
    if rule.kind == "lead"
        && let Some(&last) = objects.last()
        && {
            let e = view.args[last].to;
            view.lower(e) == "by"
                && view
                    .tokens
                    .toks
                    .get(e + 1)
                    .is_some_and(|t| t.kind == super::text::TokKind::Number)
                || (e..(e + 8).min(view.tokens.len()))
                    .take_while(|&j| !view.is_stop(j))
                    .any(|j| matches!(view.lower(j), "poll" | "polls" | "points"))
        }
        && let Some(compete) = super::rules::relation_rules().index_of("compete")
    {
        k = compete;
    }
    // "Iraq and Oman hosted talks": hosts do not meet each other; "Russia and China welcomed
    // the agreement", "received the news": one welcomes or receives somebody to meet them.
    if objects.is_empty()
        && !rule.directed
        && subjects.len() >= 2
        && !["host", "welcom", "receiv", "greet"]
            .iter()
            .any(|w| view.lower(from).starts_with(w))
    {
        // "Biden and Xi met", "France and Germany agreed": a symmetric verb between the members
        // of a coordinated subject.
        push_among(view, &subjects, k, out);
        return;
    }
    // "replaced him with Jeremy Hunt": the newcomer succeeds the one replaced, whom the subject
    // appointed.
    if rule.kind == "succeed"
        && view.lower(from).starts_with("replac")
        && let [o] = objects[..]
        && view.lower(view.args[o].to) == "with"
        && let Some(&newcomer) = view.args_starting_at(view.args[o].to + 1).first()
        && let Some(appoint) = super::rules::relation_rules().index_of("appoint")
    {
        push_pairs(view, &[newcomer], &[o], k, out);
        push_pairs(view, &subjects, &[newcomer], appoint, out);
        return;
    }
    push_together(view, &subjects, &objects, k, out);
}

/// Pairs `sources` with `targets`; and two sources who act together on someone cooperate ("The
/// United States and Britain struck the Houthis", "Joe Biden and Jill Biden visited Lahaina").
fn push_together(
    view: &View<'_>,
    sources: &[usize],
    targets: &[usize],
    rule: usize,
    out: &mut Vec<RelationHit>,
) {
    let before = out.len();
    push_pairs(view, sources, targets, rule, out);
    if out.len() > before
        && let [a, b] = sources
        && let Some(together) = super::rules::relation_rules().index_of("cooperate")
    {
        push_pairs(view, &[*a], &[*b], together, out);
    }
}

/// The speech verb whose reported clause `subject` opens ("said (that) she …"), if any.
fn reported_subject_speech(view: &View<'_>, subject: usize) -> Option<usize> {
    let mut k = view.args[subject].from.checked_sub(1)?;
    if view.lower(k) == "that" {
        k = k.checked_sub(1)?;
    }
    super::rules::lexicon()
        .speech
        .contains(view.lower(k))
        .then_some(k)
}

/// Whether a stopping word governs the noun phrase opening at `b`: "suspend imports", "a
/// blanket ban on all seafood imports", "banned imports". Looks back over at most four words of
/// the phrase (no clause break) for the verb or the noun with "on".
fn stopped_before(view: &View<'_>, b: usize) -> bool {
    const STOP_VERBS: &[&str] = &[
        "ban",
        "bans",
        "banned",
        "banning",
        "suspend",
        "suspends",
        "suspended",
        "suspending",
        "halt",
        "halts",
        "halted",
        "halting",
        "freeze",
        "freezes",
        "froze",
        "frozen",
        "freezing",
        "stop",
        "stops",
        "stopped",
        "stopping",
    ];
    const STOP_NOUNS: &[&str] = &[
        "ban",
        "bans",
        "embargo",
        "suspension",
        "halt",
        "freeze",
        "moratorium",
        "curbs",
        "restrictions",
        // "threatened 25% tariffs on all imports from Canada".
        "tariffs",
        "tariff",
        "duties",
        "levies",
        "sanctions",
    ];
    let mut k = b;
    while k > 0 && b - k < 4 {
        let w = view.lower(k - 1);
        if STOP_VERBS.contains(&w) {
            return true;
        }
        if w == "on" && k >= 2 && STOP_NOUNS.contains(&view.lower(k - 2)) {
            return true;
        }
        if !view.tokens.is_word(k - 1) || view.inside_arg(k - 1) || view.is_copula(k - 1) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Whether the trigger ending at `to` moves people: "transfer of children", "sent the
/// prisoners".
fn moves_people(view: &View<'_>, to: usize) -> bool {
    // The noun right after the trigger, or after "of", "the" and one more word.
    let mut k = to;
    while k < to + 3 && matches!(view.lower(k), "of" | "the" | "their" | "its" | "some") {
        k += 1;
    }
    (k..k + 2).any(|k| {
        matches!(
            view.lower(k),
            "children"
                | "people"
                | "civilians"
                | "prisoners"
                | "detainees"
                | "migrants"
                | "refugees"
                | "hostages"
                | "patients"
                | "residents"
                | "families"
                | "orphans"
        )
    })
}

/// Whether the verb at `from` is negated ("did not name", "has never met", "didn't sign").
fn negated(view: &View<'_>, from: usize) -> bool {
    // "Tehran denies directing the attacks", "refused to meet him", "carried out without
    // consulting Congress".
    if from >= 1
        && matches!(
            view.lower(from - 1),
            "deny" | "denies" | "denied" | "denying" | "without"
        )
    {
        return true;
    }
    if from >= 2
        && view.lower(from - 1) == "to"
        && matches!(
            view.lower(from - 2),
            "refuse" | "refuses" | "refused" | "refusing" | "declined" | "declines" | "decline"
        )
    {
        return true;
    }
    // "said he could have stopped Giuliani but did not": what might have been was not.
    if from >= 2
        && view.lower(from - 1) == "have"
        && matches!(view.lower(from - 2), "could" | "would" | "should" | "might")
    {
        return true;
    }
    let mut j = from;
    for _ in 0..3 {
        if j == 0 || !view.args_ending_at(j).is_empty() {
            return false;
        }
        j -= 1;
        match view.lower(j) {
            "not" | "never" | "n't" => return true,
            "t" if j > 0 && matches!(view.lower(j - 1), "'" | "’") => return true,
            "," | ";" | ":" => return false,
            _ => {}
        }
    }
    false
}

/// The subject of a verb in a series ("X opened relations with A, negotiated with B and
/// helped C"): the subject of an earlier verb of the series, found left of a comma.
/// A clause verb that is not a participle in -ing ("accused", not "killing"): the one whose
/// subject a coordinated verb shares.
fn finite_verb(view: &View<'_>, k: usize) -> bool {
    let w = view.lower(k);
    // "Israel, which regards Iran as …": a present verb right after its subject.
    let present = k > 0
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && view.tokens.is_word(k)
        && (matches!(view.lower(k - 1), "which" | "who" | "that")
            || !view.args_ending_at(k).is_empty());
    (super::events::clause_verb(view, k) || present) && !w.ends_with("ing")
}

/// The first finite verb of the series of verbs ending before `pos` ("He appointed Reeves, made
/// Rayner deputy, and named Lammy": "appointed"), back to a stop word or a speech verb, which
/// opens another clause ("said Y attacked Z and killed W": "attacked").
fn first_verb_before(view: &View<'_>, pos: usize) -> Option<usize> {
    let lex = super::rules::lexicon();
    let mut first = None;
    for k in (pos.saturating_sub(40)..pos).rev() {
        if view.is_stop(k) || lex.speech.contains(view.lower(k)) {
            break;
        }
        if finite_verb(view, k) {
            first = Some(k);
        }
        // "Israel, which regards Iran as its enemy and has hoped …": a relative pronoun opens
        // the series.
        if matches!(view.lower(k), "which" | "who" | "whom") {
            break;
        }
    }
    first
}

fn series_subject(view: &View<'_>, from: usize) -> Vec<usize> {
    let mut j = from;
    for _ in 0..3 {
        let Some(comma) = (j.saturating_sub(40)..j)
            .rev()
            .find(|&k| view.lower(k) == ",")
        else {
            break;
        };
        // "Biden congratulated Milei in a statement, commended Argentines …": the subject of
        // the verb before the comma, not its object.
        if let Some(verb) = first_verb_before(view, comma) {
            let found = view.subject_left(verb);
            if !found.is_empty() {
                return found;
            }
        }
        let found = view.subject_left(comma);
        if !found.is_empty() {
            return found;
        }
        j = comma;
    }
    Vec::new()
}

/// Whether a verb of worsening follows within the clause after `at` ("… have soured", "… have
/// deteriorated sharply").
fn worsens_after(view: &View<'_>, at: usize) -> bool {
    (at..(at + 16).min(view.tokens.len()))
        .take_while(|&t| view.lower(t) != ";" && view.lower(t) != ".")
        .any(|t| {
            matches!(
                view.lower(t),
                "soured"
                    | "sour"
                    | "souring"
                    | "deteriorated"
                    | "deteriorating"
                    | "worsened"
                    | "worsening"
                    | "frayed"
                    | "fraying"
                    | "strained"
                    | "broke"
                    | "collapsed"
                    | "plunged"
                    | "cooled"
                    | "chilled"
                    | "tense"
                    | "sunk"
                    | "sank"
                    | "sinking"
                    | "lowest"
                    | "nadir"
            )
        })
}

fn noun_relation(
    view: &View<'_>,
    from: usize,
    to: usize,
    k: usize,
    rule: &super::rules::RelationRule,
    out: &mut Vec<RelationHit>,
) {
    // "possible war crimes in Ukraine": a crime named after the noun is no war with anyone.
    if matches!(
        view.lower(to),
        "crime" | "crimes" | "criminal" | "criminals" | "chest"
    ) {
        return;
    }
    // "won the competition twice with Barcelona": a contest that was won is a trophy, and "with"
    // names a teammate, not a rival.
    let mut b = from;
    while b > 0 && from - b < 3 && (view.is_determiner(b - 1) || view.lower(b - 1) == "first") {
        b -= 1;
    }
    // "would not promote ties with the governments of Brazil and China": a relation noun under
    // a negated verb relates no one.
    if b > 0 && view.tokens.is_word(b - 1) && negated(view, b) {
        return;
    }
    let trophy = rule.polarity == Polarity::Conflictual
        && b > 0
        && b < from
        && matches!(
            view.lower(b - 1),
            "won" | "win" | "wins" | "winning" | "lifted" | "clinched" | "claimed"
        );
    // "desire the collapse of the Western alliance" opposes it; "sealing the collapse of
    // Scholz's coalition", "called the collapse of the Soviet Union a catastrophe" do not: a
    // downfall is opposition only when someone wants or brings it about.
    if rule.kind == "oppose"
        && view.lower(from) != "opposition"
        && !view.lower(from).starts_with("resist")
    {
        let wanted = |k: usize| {
            matches!(
                view.lower(k),
                "desire"
                    | "desires"
                    | "desired"
                    | "want"
                    | "wants"
                    | "wanted"
                    | "seek"
                    | "seeks"
                    | "sought"
                    | "seeking"
                    | "plot"
                    | "plotted"
                    | "plotting"
                    | "engineer"
                    | "engineered"
                    | "orchestrate"
                    | "orchestrated"
                    | "demand"
                    | "demanded"
                    | "demanding"
                    | "cause"
                    | "caused"
                    | "engineering"
            )
        };
        let for_about = |k: usize| {
            matches!(view.lower(k), "for" | "about")
                && k > 0
                && matches!(
                    view.lower(k - 1),
                    "call"
                        | "called"
                        | "calls"
                        | "calling"
                        | "push"
                        | "pushed"
                        | "pushing"
                        | "work"
                        | "worked"
                        | "working"
                        | "hope"
                        | "hoped"
                        | "hoping"
                        | "brought"
                        | "bring"
                        | "bringing"
                        | "pray"
                        | "prayed"
                        | "long"
                        | "longed"
                )
        };
        let trigger_noun = matches!(
            view.lower(from),
            "collapse"
                | "downfall"
                | "destruction"
                | "demise"
                | "weakening"
                | "break-up"
                | "breakup"
        );
        if trigger_noun && !(b > 0 && (wanted(b - 1) || for_about(b - 1))) {
            return;
        }
    }
    // "Australia will scrap a 2016 agreement with Naval Group", "tore up the deal with Iran":
    // undoing an agreement is a break with the other party.
    let k = if rule.kind == "agree"
        && (from.saturating_sub(5)..from).any(|j| {
            matches!(
                view.lower(j),
                "scrap"
                    | "scraps"
                    | "scrapped"
                    | "scrapping"
                    | "cancel"
                    | "cancels"
                    | "cancelled"
                    | "canceled"
                    | "cancelling"
                    | "terminate"
                    | "terminates"
                    | "terminated"
                    | "terminating"
                    | "abandon"
                    | "abandoned"
                    | "abandoning"
                    | "ditch"
                    | "ditched"
                    | "tore"
                    | "tear"
                    | "tearing"
                    | "ripped"
                    | "renege"
                    | "reneged"
                    | "violate"
                    | "violated"
                    | "violating"
                    | "breach"
                    | "breached"
            ) && view.args_within(j, from).is_empty()
        })
        && let Some(w) = super::rules::relation_rules().index_of("withdraw")
    {
        w
    } else {
        k
    };
    // "He brought Sadat and Begin to Camp David for 13 days of talks": those a verb brings
    // together for talks meet (one who invites them meets them by the verb's own rule).
    if rule.kind == "meet"
        && let Some(f) = (from.saturating_sub(5)..from)
            .rev()
            .take_while(|&j| {
                view.tokens.is_word(j)
                    || view.lower(j) == "for"
                    || view
                        .tokens
                        .toks
                        .get(j)
                        .is_some_and(|t| t.kind == super::text::TokKind::Number)
            })
            .find(|&j| view.lower(j) == "for")
        && view.args_within(f, from).is_empty()
        && let Some(verb) = (f.saturating_sub(30)..f)
            .rev()
            .take_while(|&j| !matches!(view.lower(j), ";" | ":" | "\"" | "“" | "”"))
            .find(|&j| finite_verb(view, j))
        && super::rules::relation_rules()
            .triggers
            .at(&view.tokens, verb)
            .next()
            .is_none()
    {
        use super::resolve::Usage;
        let members: Vec<usize> = view
            .args_within(verb + 1, f)
            .iter()
            .copied()
            .filter(|&a| view.args[a].usage == Usage::Agent && !view.args[a].possessive)
            .collect();
        if members.len() >= 2 {
            push_among(view, &members, k, out);
            return;
        }
    }
    let possessors = view.possessors(from);
    let possessive = possessors.iter().any(|&a| view.args[a].possessive);
    // "NOUN (that) X may give to Y".
    let mut j = to;
    if matches!(view.lower(j), "that" | "which") {
        j += 1;
    }
    if let Some(&a) = view.args_starting_at(j).first() {
        let mut m = view.args[a].to;
        while AUX.contains(&view.lower(m)) && m < view.args[a].to + 4 {
            m += 1;
        }
        if GIVE.contains(&view.lower(m))
            && view.lower(m + 1) == "to"
            && let Some(&b) = view.args_starting_at(m + 2).first()
        {
            push_pairs(view, &[a], &view.list_right(b), k, out);
            return;
        }
    }
    // Targets after a preposition, possibly past a few modifiers: "backing for Russia's war".
    let mut targets = Vec::new();
    let mut pair_between = false;
    let mut m = to;
    while m < to + 3 && m < view.tokens.len() {
        if let Some((p, list)) = view.prep_args(m, &rule.noun_preps) {
            if trophy && p == "with" {
                // The winner and whom it won with worked together.
                let mut winners = view.subject_left(from);
                if winners.is_empty()
                    && let Some(w) = view.fallback_subject(from)
                {
                    winners.push(w);
                }
                if let Some(together) = super::rules::relation_rules().index_of("cooperate") {
                    push_pairs(view, &winners, &list, together, out);
                }
                return;
            }
            pair_between = p == "between";
            targets = list.into_iter().map(|t| view.past_descriptor(t)).collect();
            break;
        }
        if view.lower(m) == "between"
            && let Some((_, list)) = view.prep_args(m, &["between".to_owned()])
        {
            pair_between = true;
            targets = list;
            break;
        }
        // "“shuttle diplomacy” between": past a closing quote mark.
        let closing = matches!(view.lower(m), "”" | "\"" | "’" | "'") && m == to;
        if (!view.tokens.is_word(m) && !closing) || view.lower(m) == "that" {
            break;
        }
        m += 1;
    }
    if pair_between && rule.third_party {
        // "shuttle diplomacy between A and B": the one who conducts it and each of them.
        let mut sources = view.subject_left(from);
        if sources.is_empty()
            && let Some(s) = view.fallback_subject(from)
        {
            sources = vec![s];
        }
        sources.retain(|s| !targets.contains(s));
        push_pairs(view, &sources, &targets, k, out);
        return;
    }
    if pair_between {
        // "Relations between Armenia and Russia, its security guarantor, have soured": ties
        // that worsen are tension.
        let k = if matches!(
            view.lower(from),
            "relations" | "ties" | "relationship" | "links"
        ) && worsens_after(view, to)
            && let Some(t) = super::rules::relation_rules().index_of("tension")
        {
            t
        } else {
            k
        };
        push_among(view, &targets, k, out);
        return;
    }
    // "Russia-North Korea cooperation", "their summit"; not "thanked Qatar and Egypt for their
    // help", which is no help to each other.
    if possessors.len() >= 2 && targets.is_empty() {
        if !rule.directed {
            push_among(view, &possessors, k, out);
        }
        return;
    }
    let mut sources = possessors;
    // "the attack on the Capitol by his supporters": the agent is named, and is no actor here;
    // "by Russia": it is.
    if sources.is_empty()
        && let Some(last) = targets.iter().map(|&t| view.args[t].to).max()
        && let Some(end) = (last..last + 3)
            .take_while(|&j| view.tokens.is_word(j))
            .find(|&j| view.lower(j) == "by")
    {
        let by = view
            .args_starting_at(end + 1)
            .iter()
            .chain(view.args_starting_at(end + 2))
            .copied()
            .find(|&a| {
                view.args[a].usage == super::resolve::Usage::Agent && !view.args[a].possessive
            });
        match by {
            Some(a) => sources = view.list_right(a),
            None => return,
        }
    }
    // "X will not tolerate attacks on Y", "X condemned the strikes on Y": whoever judges an act
    // did not do it.
    let mut g = from;
    while g > 0 && from - g < 4 && (view.is_determiner(g - 1) || !view.tokens.is_word(g - 1)) {
        g -= 1;
    }
    let judged = g > 0 && {
        let w = view.lower(g - 1);
        let stem = w
            .strip_suffix("ed")
            .or_else(|| w.strip_suffix("es"))
            .or_else(|| w.strip_suffix('s'))
            .or_else(|| w.strip_suffix('d'))
            .unwrap_or(w);
        matches!(
            stem,
            "tolerat"
                | "tolerate"
                | "condemn"
                | "denounc"
                | "denounce"
                | "criticiz"
                | "criticize"
                | "deplor"
                | "deplore"
                | "decri"
                | "decry"
                | "protest"
                | "fear"
                | "blam"
                | "blame"
                | "reject"
                | "welcom"
                | "welcome"
                | "prais"
                | "praise"
                | "investigat"
                | "investigate"
                | "probe"
                | "report"
                | "describ"
                | "describe"
        )
    };
    // "opened the summit by expressing condolences to Morocco": a noun after a gerund that
    // follows "by", "after", "while" … is the clause subject's.
    if sources.is_empty()
        && !targets.is_empty()
        && !judged
        && b >= 2
        && view.lower(b - 1).ends_with("ing")
        && matches!(
            view.lower(b - 2),
            "by" | "after" | "before" | "while" | "when" | "without" | "since"
        )
    {
        sources = first_verb_before(view, b - 2)
            .map_or_else(|| view.subject_left(b - 2), |verb| view.subject_left(verb));
    }
    if sources.is_empty() && !targets.is_empty() && !judged {
        sources = view.subject_left(from);
        // "Israel, which regards Iran as its enemy and has hoped to establish relations with
        // Saudi Arabia": past "and", the subject of the verb before it.
        if let Some(&s0) = sources.first()
            && let Some(and) = (view.args[s0].to..from).find(|&j| view.lower(j) == "and")
            && view.args_within(and, from).is_empty()
            && let Some(verb) = first_verb_before(view, and)
            && view.args[s0].from > verb
        {
            let earlier = view.subject_left(verb);
            if !earlier.is_empty() {
                sources = earlier;
            }
        }
        // Not across "that": in "Mehta found that the agreement with Apple …" the agreement
        // is not Mehta's.
        if sources.is_empty()
            && let Some(s) = view.fallback_subject(from)
            && !(view.args[s].to.min(from)..from.max(view.args[s].to))
                .any(|j| matches!(view.lower(j), "that" | "whether"))
        {
            sources = vec![s];
        }
    }
    if !sources.is_empty() && targets.is_empty() && possessive {
        // "China's assistance had allowed Russia to …"; not "His victory comes as Argentines
        // struggle": another clause.
        targets = view.object_right(to, &[], 3);
        targets.retain(|&t| {
            !(to..view.args[t].from).any(|j| {
                matches!(
                    view.lower(j),
                    "as" | "while" | "when" | "because" | "since" | "although" | "though" | "if"
                )
            })
        });
        // "Macron won Germany's backing", "Altman returned with Nadella's support": the one who
        // receives it is the clause's subject.
        let stance = matches!(
            rule.kind.as_str(),
            "support"
                | "praise"
                | "criticize"
                | "accuse"
                | "oppose"
                | "threaten"
                | "warn"
                | "finance"
                | "demand"
        );
        if targets.is_empty() && stance && !view.args[sources[0]].possessive_pronoun {
            let from_np = view.args[sources[0]].from;
            targets = view.subject_left(from_np);
            targets.retain(|t| !sources.contains(t));
        }
    }
    push_together(view, &sources, &targets, k, out);
}

/// "X is a close ally of Y", "X, Y's fierce competitor", "Y's ally X".
fn agent_relation(view: &View<'_>, from: usize, to: usize, k: usize, out: &mut Vec<RelationHit>) {
    let mut targets = Vec::new();
    // "an ally of X", "the founder of the X": the name right after "of", not one further on
    // ("founder of a think tank in Khartoum").
    // "an adviser to Zelenskiy", "envoy to the UN".
    if matches!(view.lower(to), "of" | "to")
        && let Some((_, list)) = view.prep_args(to, &["of".to_owned(), "to".to_owned()])
        && list.first().is_some_and(|&a| view.args[a].from <= to + 3)
    {
        targets = list;
        // "the head of Russia's Wagner mercenary group": the owned name, not its owner.
        if let [a] = targets[..]
            && view.args[a].possessive
            && let Some(b) = (view.args[a].to..view.args[a].to + 4)
                .find_map(|j| view.args_starting_at(j).first().copied())
        {
            targets = view.list_right(b);
        }
    }
    let mut possessors = view.possessors(from);
    // "Argentina's two largest trading partners": a possessor past more modifiers.
    if possessors.is_empty() {
        let mut m = from;
        while m > 0
            && from - m < 5
            && view.args_ending_at(m).is_empty()
            && view.tokens.is_word(m - 1)
        {
            m -= 1;
        }
        if m > 0
            && view.tokens.is_possessive(m - 1)
            && let Some(&a) = view.args_ending_at(m - 1).first()
            && !view.args[a].possessive_pronoun
        {
            possessors = vec![a];
        }
    }
    if targets.is_empty() {
        targets = possessors
            .iter()
            .copied()
            .filter(|&a| view.args[a].possessive)
            .collect();
    }
    // "Nabih Berri, a Hezbollah ally", "a long-time Kishida critic": a name modifying the noun,
    // after an article and any adjectives.
    if targets.is_empty()
        && let Some(&a) = view.args_ending_at(from).first()
        && !view.args[a].possessive
    {
        let mut m = view.args[a].from;
        while m > 0
            && view.args[a].from - m < 4
            && (view.tokens.is_word(m - 1) || view.lower(m - 1) == "-")
            && !view.is_determiner(m - 1)
            && !super::rules::lexicon().stop.contains(view.lower(m - 1))
            && view.args_ending_at(m - 1).is_empty()
        {
            m -= 1;
        }
        if m > 0 && matches!(view.lower(m - 1), "a" | "an" | "another") {
            targets = vec![a];
        }
    }
    // Walk back over determiners, adjectives and the possessor to a comma or a copula.
    let mut j = from;
    while j > 0 {
        let prev = j - 1;
        if let Some(&a) = view.args_ending_at(j).first() {
            j = view.args[a].from;
            continue;
        }
        let ordinal = view.lower(prev).starts_with(|c: char| c.is_ascii_digit())
            && view
                .lower(prev)
                .ends_with(|c: char| c.is_ascii_alphabetic())
            || matches!(
                view.lower(prev),
                "two" | "three" | "four" | "five" | "both" | "largest" | "biggest" | "main"
            );
        // "Russia, which is not a member of the court": a negated role relates no one.
        if matches!(view.lower(prev), "not" | "never" | "n't") {
            return;
        }
        if view.tokens.is_possessive(prev)
            || view.is_determiner(prev)
            || ((view.tokens.is_word(prev) || ordinal || view.lower(prev) == "-")
                && !view.is_copula(prev)
                // "…, chairs Fininvest, and his son Pier Silvio runs Mediaset": a new clause.
                && !matches!(
                    view.lower(prev),
                    "," | "and" | "or" | "but" | "while" | "where" | "when" | "which" | "who"
                )
                && !super::rules::lexicon().preps.contains(view.lower(prev))
                && j + 6 > from)
        {
            j = prev;
            continue;
        }
        break;
    }
    let mut sources = Vec::new();
    if j > 0 && view.lower(j - 1) == "," {
        if let Some(&a) = view
            .args_ending_at(j - 1)
            .iter()
            .find(|&&a| view.args[a].usage != super::resolve::Usage::Inner)
        {
            // "Egypt and Saudi Arabia, both close allies of the army".
            sources = view.list_left(a);
        }
    } else if j > 0 && view.is_copula(j - 1) {
        sources = view.subject_left(j - 1);
        // "The United States and the United Kingdom are strong allies": partners named
        // together are each other's.
        if targets.is_empty()
            && sources.len() >= 2
            && view.lower(from).ends_with('s')
            && super::rules::relation_rules()
                .rules
                .get(k)
                .is_some_and(|r| !r.directed)
        {
            push_among(view, &sources, k, out);
            return;
        }
    }
    if targets.is_empty() {
        return;
    }
    // "Y's NOUN X", or the appositive "Y's NOUN, X", with any title before X ("her grandson
    // Prince William").
    let mut named_at = if view.lower(to) == "," && !possessors.is_empty() {
        to + 1
    } else {
        to
    };
    let lex = super::rules::lexicon();
    while named_at < to + 4
        && view.args_starting_at(named_at).is_empty()
        && (lex.honorifics.contains(view.lower(named_at))
            || lex.male_words.contains(view.lower(named_at))
            || lex.female_words.contains(view.lower(named_at)))
    {
        named_at += 1;
    }
    if sources.is_empty()
        && let Some(&a) = view.args_starting_at(named_at).first()
    {
        sources = vec![a];
    }
    // "Musaed al-Aiban, Saudi Arabia's national security adviser": a title held for a country
    // or an organization is a role, not a relation ("Trump's lawyer" is one).
    let represents = super::rules::relation_rules()
        .rules
        .get(k)
        .is_some_and(|r| r.kind == "represent");
    if represents && view.title_tok.get(from).copied().unwrap_or(false) {
        targets.retain(|&t| view.args[t].person);
    }
    push_pairs(view, &sources, &targets, k, out);
}

/// "Iran condemned the strikes", "Australia supported the operation", "the Commission approved
/// the deal": a relation verb whose object is an event told earlier in the document relates its
/// subject to the parties that carried the event out (its possessor and the subjects of its
/// clause: "the United States and Britain launched strikes"), not to its targets.
pub fn event_object_relations(
    view: &View<'_>,
    rules: &RelationRules,
    event_rules: &super::rules::EventRules,
    earlier: &[super::events::EventHit],
) -> Vec<RelationHit> {
    let mut out = Vec::new();
    if earlier.is_empty() || view.args.is_empty() {
        return out;
    }
    let lex = super::rules::lexicon();
    for i in 0..view.tokens.len() {
        let Some(trigger) = rules
            .triggers
            .at(&view.tokens, i)
            .find(|t| matches!(t.form, Form::Verb { .. }))
        else {
            continue;
        };
        let passive =
            matches!(trigger.form, Form::Verb { participle: true }) && view.passive_before(i);
        if passive || view.inside_arg(i) || (i > 0 && view.is_determiner(i - 1)) {
            continue;
        }
        let Some(rule) = rules.rules.get(trigger.rule) else {
            continue;
        };
        // Stances and acts towards an event; not "called the strikes …" (a call), "visited".
        if matches!(
            rule.kind.as_str(),
            "meet" | "visit" | "inform" | "family" | "request"
        ) {
            continue;
        }
        let to = i + trigger.words.len();
        if !matches!(view.lower(to), "the" | "this" | "that" | "these" | "those") {
            continue;
        }
        let subjects = view.subject_left(i);
        if subjects.is_empty() || !view.object_right(to, &rule.preps, 8).is_empty() {
            continue;
        }
        // "the (one or two modifiers) NOUN", with no actor in between.
        let Some((kind, at)) = (to + 1..to + 4)
            .take_while(|&j| {
                view.args_starting_at(j).is_empty()
                    && view.tokens.is_word(j)
                    && !lex.preps.contains(view.lower(j))
            })
            .find_map(|j| {
                // "supported the operation": a word that names no kind refers back to the
                // latest attack.
                if matches!(
                    view.lower(j),
                    "operation" | "operations" | "campaign" | "mission" | "action"
                ) {
                    return Some(("attack", j));
                }
                let t = event_rules
                    .triggers
                    .at(&view.tokens, j)
                    .find(|t| t.form == Form::Noun)?;
                Some((event_rules.rules.get(t.rule)?.kind.as_str(), j))
            })
        else {
            continue;
        };
        // The latest such event told with the same word ("the strikes" are the strikes, not the
        // attacks), else of the same kind.
        let noun = view.lower(at);
        // "The CMA cleared the deal": a deal may be the takeover told before.
        let same_kind = |k: &str| k == kind || (kind == "deal" && k == "merger");
        let fits = |e: &&super::events::EventHit| {
            same_kind(&e.kind) && !e.anaphoric && e.agents > 0 && e.evidence.start < view.start
        };
        let Some(event) = earlier
            .iter()
            .rev()
            .filter(fits)
            .find(|e| e.trigger == noun)
            .or_else(|| earlier.iter().rev().find(fits))
        else {
            continue;
        };
        let agents_of = |e: &super::events::EventHit| {
            e.participants[..e.agents.min(e.participants.len())].to_vec()
        };
        let mut agents = agents_of(event);
        if !event_rules
            .triggers
            .at(&view.tokens, at)
            .any(|t| t.form == Form::Noun)
        {
            // "the operation": every attack of the last few sentences, together.
            let recent = view
                .doc
                .sentences
                .get(view.sentence.saturating_sub(5))
                .map_or(0, |s| s.start);
            for e in earlier
                .iter()
                .filter(fits)
                .filter(|e| e.evidence.start >= recent)
            {
                for a in agents_of(e) {
                    if !agents.contains(&a) {
                        agents.push(a);
                    }
                }
            }
        }
        for &s in &subjects {
            let Some(source) = view.actor_of(s) else {
                continue;
            };
            for &target in &agents {
                if target != source {
                    out.push(RelationHit {
                        source,
                        target,
                        rule: trigger.rule,
                        at: i,
                        evaluative: false,
                    });
                }
            }
        }
    }
    out
}
