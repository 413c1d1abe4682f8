//! A sentence as relation and event rules see it: tokens plus the resolved actor mentions on
//! them, with the small amount of syntax the rules need (clause boundaries, prepositions,
//! coordinated lists, subjects, objects, possessors).

use crate::corpus::Document;
use crate::model::Evidence;

use super::resolve::{Slot, Usage};
use super::rules::lexicon;
use super::text::Tokens;

/// A resolved mention on the sentence's tokens.
#[derive(Clone, Copy, Debug)]
pub struct Arg {
    /// Token range `[from, to)`.
    pub from: usize,
    pub to: usize,
    pub actor: usize,
    pub usage: Usage,
    pub possessive: bool,
    /// "his", "its", "their": a possessor only.
    pub possessive_pronoun: bool,
    pub in_quote: bool,
    /// The country a place belongs to.
    pub host: Option<usize>,
    /// The actor is a person.
    pub person: bool,
}

/// One sentence with its arguments.
pub struct View<'a> {
    pub doc: &'a Document,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub tokens: Tokens,
    pub args: Vec<Arg>,
    /// Tokens that belong to a role title ("Secretary of State").
    pub title_tok: Vec<bool>,
    /// Arg indices sorted by start token and by end token, for binary search.
    by_start: Vec<usize>,
    by_end: Vec<usize>,
    /// Per token: whether some arg covers it ([`View::inside_arg`] without scanning the args).
    covered: Vec<bool>,
}

/// Per token of `len`: whether some arg covers it.
fn covered_tokens(args: &[Arg], len: usize) -> Vec<bool> {
    let mut covered = vec![false; len];
    for a in args {
        for c in covered.iter_mut().take(a.to).skip(a.from) {
            *c = true;
        }
    }
    covered
}

/// The longest evidence text kept for one finding, in bytes.
pub const MAX_EVIDENCE: usize = 800;

/// How far (in tokens) a subject or clause search looks back.
const WINDOW: usize = 60;
/// The longest coordinated list followed.
const MAX_LIST: usize = 24;

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "all",
    "both",
    "each",
    "further",
    "more",
    "new",
    "possible",
    "continued",
    "close",
    "key",
    "main",
    "major",
    "fierce",
    "strong",
    "growing",
    "deepening",
];
/// Nouns for those who govern or speak for a body: "the government of Nepal", "the foreign
/// ministers of Saudi Arabia", "the heads of the Federal Reserve" stand for the body.
const SPEAK_FOR: &[&str] = &[
    "government",
    "people",
    "authorities",
    "leaders",
    "leader",
    "leadership",
    "head",
    "heads",
    "chief",
    "chiefs",
    "minister",
    "ministers",
    "officials",
    "representatives",
    "envoy",
    "envoys",
    "ambassador",
    "ambassadors",
    "delegation",
    "delegations",
    "counterpart",
    "counterparts",
];

const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "remains", "remain", "remained", "became",
    "become", "becomes", "stay", "stays", "stayed", "seem", "seems", "seemed", "appear", "appears",
    "appeared",
];
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting",
    // "Sweden's bid remains blocked by Turkey".
    "remain", "remains", "remained", "stay", "stays", "stayed",
];
/// Auxiliaries and adverbs between a subject and its verb ("whose company has long fought").
const VERB_AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "also",
    "long",
    "repeatedly",
    "once",
    "previously",
    "already",
];
const STOPS: &[&str] = &[
    ";", ":", "(", ")", "\"", "“", "”", "because", "although", "though", "whereas", "but", "if",
    "while", "when", "after", "before", "since", "unless", "until", "whether",
];

/// Whether "and"/"or" occurs between tokens `a` and `b`.
fn saw_and(view: &View<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| matches!(view.lower(k), "and" | "or"))
}

impl<'a> View<'a> {
    /// Builds the view of sentence `index` from the document's slots (sorted by start).
    pub fn new(
        doc: &'a Document,
        index: usize,
        slots: &[Slot],
        actors_host: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<Self> {
        let s = doc.sentences.get(index)?;
        let tokens = Tokens::new(&doc.text, s.start, s.end);
        let first = slots.partition_point(|x| x.start < s.start);
        let mut args = Vec::new();
        for slot in slots[first..].iter().take_while(|x| x.end <= s.end) {
            let (from, to) = tokens.range_of(slot.start, slot.end);
            if to <= from {
                continue;
            }
            let word = doc
                .text
                .get(slot.start..slot.end)
                .unwrap_or("")
                .to_lowercase();
            args.push(Arg {
                from,
                to,
                actor: slot.actor,
                usage: slot.usage,
                possessive: slot.possessive
                    || matches!(word.as_str(), "his" | "its" | "their" | "her"),
                possessive_pronoun: matches!(word.as_str(), "his" | "its" | "their" | "her"),
                in_quote: slot.in_quote,
                host: actors_host(slot.actor),
                person: slot.person,
            });
        }
        let mut title_tok = vec![false; tokens.len()];
        let titles = super::rules::titles();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((len, _)) = titles.longest_at(&tokens, i) {
                for t in title_tok.iter_mut().skip(i).take(len) {
                    *t = true;
                }
                i += len;
            } else if super::rules::lexicon().honorifics.contains(tokens.lower(i)) {
                // "with Gov. Josh Green": an abbreviated title, with its full stop.
                title_tok[i] = true;
                if tokens.lower(i + 1) == "." {
                    if let Some(t) = title_tok.get_mut(i + 1) {
                        *t = true;
                    }
                    i += 1;
                }
                i += 1;
            } else {
                i += 1;
            }
        }
        let mut by_start: Vec<usize> = (0..args.len()).collect();
        by_start.sort_by_key(|&k| (args[k].from, k));
        let mut by_end: Vec<usize> = (0..args.len()).collect();
        by_end.sort_by_key(|&k| (args[k].to, k));
        let covered = covered_tokens(&args, tokens.len());
        Some(Self {
            doc,
            sentence: index,
            start: s.start,
            end: s.end,
            tokens,
            args,
            title_tok,
            by_start,
            by_end,
            covered,
        })
    }

    /// Whether token `i` lies inside an actor's name ("Blizzard" in "Activision Blizzard",
    /// "Support" in "Rapid Support Forces"): no trigger there.
    pub fn inside_arg(&self, i: usize) -> bool {
        // Scanning the args for every token was quadratic in sentence length.
        self.covered.get(i).copied().unwrap_or(false)
    }

    /// First-person pronouns inside the quote `[qs, qe)` (byte offsets) stand for its speaker:
    /// "“We are excited to welcome X,” Y said" makes Y an argument where "we" is.
    pub fn add_speaker_args(&mut self, qs: usize, qe: usize, speaker: usize, host: Option<usize>) {
        let mut added = false;
        for i in 0..self.tokens.len() {
            let Some(tok) = self.tokens.toks.get(i) else {
                break;
            };
            if tok.start < qs || tok.end > qe {
                continue;
            }
            let possessive = match self.tokens.lower(i) {
                "i" | "we" | "me" | "us" => false,
                "my" | "our" => true,
                _ => continue,
            };
            if self.inside_arg(i) {
                continue;
            }
            self.args.push(Arg {
                from: i,
                to: i + 1,
                actor: speaker,
                usage: Usage::Agent,
                possessive,
                possessive_pronoun: possessive,
                in_quote: true,
                host,
                person: false,
            });
            added = true;
        }
        if added {
            self.args.sort_by_key(|a| (a.from, a.to));
            let args = &self.args;
            self.by_start = (0..args.len()).collect();
            self.by_start.sort_by_key(|&k| (args[k].from, k));
            self.by_end = (0..args.len()).collect();
            self.by_end.sort_by_key(|&k| (args[k].to, k));
            self.covered = covered_tokens(args, self.tokens.len());
        }
    }

    /// The evidence for something found at token `tok`: the sentence, or for a sentence longer
    /// than [`MAX_EVIDENCE`] bytes a window of it around the token (on char boundaries).
    pub fn evidence(&self, tok: usize) -> Evidence {
        let (mut a, mut b) = (self.start, self.end);
        if b - a > MAX_EVIDENCE {
            let at = self.tokens.toks.get(tok).map_or(a, |t| t.start);
            a = at.saturating_sub(MAX_EVIDENCE / 2).max(self.start);
            b = (a + MAX_EVIDENCE).min(self.end);
            let text = &self.doc.text;
            while a > self.start && !text.is_char_boundary(a) {
                a -= 1;
            }
            while b < self.end && !text.is_char_boundary(b) {
                b += 1;
            }
        }
        Evidence {
            document: self.doc.id.clone(),
            start: a,
            end: b,
            text: self.doc.text.get(a..b).unwrap_or("").to_owned(),
        }
    }

    pub fn lower(&self, i: usize) -> &str {
        self.tokens.lower(i)
    }

    pub fn text(&self) -> &str {
        self.doc.text.get(self.start..self.end).unwrap_or("")
    }

    /// Args whose span ends just before token `i` (i.e. `to == i`).
    pub fn args_ending_at(&self, i: usize) -> &[usize] {
        let lo = self.by_end.partition_point(|&k| self.args[k].to < i);
        let hi = self.by_end.partition_point(|&k| self.args[k].to <= i);
        &self.by_end[lo..hi.max(lo)]
    }

    /// Args whose span starts at token `i`.
    pub fn args_starting_at(&self, i: usize) -> &[usize] {
        let lo = self.by_start.partition_point(|&k| self.args[k].from < i);
        let hi = self.by_start.partition_point(|&k| self.args[k].from <= i);
        &self.by_start[lo..hi.max(lo)]
    }

    /// Args starting within tokens `[a, b)`, in text order.
    pub fn args_within(&self, a: usize, b: usize) -> &[usize] {
        let lo = self.by_start.partition_point(|&k| self.args[k].from < a);
        let hi = self.by_start.partition_point(|&k| self.args[k].from < b);
        &self.by_start[lo..hi.max(lo)]
    }

    fn is_dash(&self, i: usize) -> bool {
        let Some(t) = self.tokens.toks.get(i) else {
            return false;
        };
        let raw = self.doc.text.get(t.start..t.end).unwrap_or("");
        raw == "—" || raw == "–" || (raw == "-" && t.space_before)
    }

    /// Whether token `i` ends a clause for argument search.
    pub fn is_stop(&self, i: usize) -> bool {
        let l = self.lower(i);
        STOPS.contains(&l) || l == "." || l == "?" || l == "!"
    }

    /// The preposition governing arg `a` (the word before it, skipping determiners), if that
    /// word is at or after token `floor`.
    pub fn prep_of(&self, a: usize, floor: usize) -> Option<String> {
        let mut j = self.args[a].from;
        let floor = floor.max(j.saturating_sub(12));
        while j > floor {
            j -= 1;
            let l = self.lower(j);
            if DETERMINERS.contains(&l) || self.title_tok.get(j).copied().unwrap_or(false) {
                continue;
            }
            if lexicon().preps.contains(l) {
                return Some(l.to_owned());
            }
            // Title words between a preposition and a name ("with U.S. Secretary of State X").
            if let Some(&k) = self
                .args_ending_at(j + 1)
                .iter()
                .find(|&&k| self.args[k].usage == Usage::Inner)
            {
                j = self.args[k].from;
                continue;
            }
            if self.title_tok.get(j).copied().unwrap_or(false) {
                continue;
            }
            // One adjective between: "with communist China", "against rival Sony".
            if j > floor
                && j + 1 == self.args[a].from
                && self.tokens.is_word(j)
                && l.chars().all(char::is_lowercase)
                && !matches!(l, "which" | "whom" | "whose" | "who" | "that")
                && lexicon().preps.contains(self.lower(j - 1))
            {
                return Some(self.lower(j - 1).to_owned());
            }
            // "for a free and democratic Mexico": coordinated adjectives after a determiner.
            if j + 1 == self.args[a].from
                && (j.saturating_sub(4)..j).any(|k| self.lower(k) == "and")
                && let Some(d) = (j.saturating_sub(5)..j).rev().find(|&k| {
                    DETERMINERS.contains(&self.lower(k))
                        && matches!(self.lower(k), "a" | "an" | "the")
                })
                && d > floor
                && (d + 1..=j).all(|k| {
                    let w = self.lower(k);
                    w == "and"
                        || w == ","
                        || self.tokens.is_word(k)
                            && w.chars().all(char::is_lowercase)
                            && self.args_starting_at(k).is_empty()
                            && !matches!(w, "which" | "whom" | "whose" | "who" | "that")
                })
                && (d + 1..=j).any(|k| self.lower(k) == "and")
                && lexicon().preps.contains(self.lower(d - 1))
            {
                return Some(self.lower(d - 1).to_owned());
            }
            return None;
        }
        None
    }

    /// "French shipbuilder Naval Group", "U.S. chipmaker Nvidia": a nationality before a
    /// common noun and a name stands for the name, which is the party.
    pub fn past_descriptor(&self, a: usize) -> usize {
        let arg = &self.args[a];
        if arg.usage != Usage::Modifier || arg.possessive {
            return a;
        }
        let mut j = arg.to;
        while j < arg.to + 3
            && self.tokens.is_word(j)
            && self.args_starting_at(j).is_empty()
            && self.lower(j).chars().all(|c| c.is_lowercase() || c == '-')
            && !lexicon().preps.contains(self.lower(j))
            && !matches!(
                self.lower(j),
                "and" | "or" | "but" | "who" | "which" | "that"
            )
        {
            j += 1;
        }
        if j == arg.to {
            return a;
        }
        self.args_starting_at(j)
            .iter()
            .copied()
            .find(|&b| {
                !matches!(
                    self.args[b].usage,
                    Usage::Inner | Usage::Modifier | Usage::Place
                )
            })
            .unwrap_or(a)
    }

    /// Whether an arg can be the subject or object of a verb.
    /// The person a body's title introduces right after the body: "Britain's health
    /// secretary, Jeremy Hunt", "WTA supervisor Donna Kelso". Up to four words, the last a
    /// title; past a comma the name must close the apposition ("Russia's war, Zelensky said"
    /// is no title).
    fn titled_after(&self, a: usize) -> Option<usize> {
        let mut m = self.args[a].to;
        if matches!(self.lower(m), "'s" | "’s" | "'" | "’") {
            m += 1;
        }
        let (mut words, mut last_title, mut comma) = (0, false, false);
        while m < self.tokens.len() && words <= 4 {
            if let Some(&b) = self.args_starting_at(m).iter().find(|&&b| {
                self.eligible(b) && self.args[b].person && self.args[b].usage == Usage::Agent
            }) {
                let to = self.args[b].to;
                let closed =
                    !comma || to >= self.tokens.len() || matches!(self.lower(to), "," | "." | ";");
                return (words > 0 && last_title && closed).then_some(b);
            }
            let l = self.lower(m);
            if l == "," && !comma && words > 0 {
                comma = true;
                m += 1;
                continue;
            }
            if comma
                || !self.tokens.is_word(m)
                || !self.args_starting_at(m).is_empty()
                || matches!(l, "and" | "or")
                || lexicon().preps.contains(l)
            {
                return None;
            }
            last_title = self.title_tok.get(m).copied().unwrap_or(false);
            words += 1;
            m += 1;
        }
        None
    }

    fn eligible(&self, a: usize) -> bool {
        let arg = &self.args[a];
        arg.usage != Usage::Inner
            && arg.usage != Usage::Place
            && !arg.possessive_pronoun
            && !(arg.usage == Usage::Modifier
                && lexicon().individual_nouns.contains(self.lower(arg.to)))
    }

    /// The coordinated list an arg belongs to, scanning left ("China, North Korea, and Iran").
    pub fn list_left(&self, a: usize) -> Vec<usize> {
        let mut out = vec![a];
        let mut cur = a;
        // "…backed joining the alliance, and Marin congratulated Orpo": ", and" before the last
        // of only two names joins clauses, not a list ("A, B, and C" is a list).
        let mut comma_and = false;
        loop {
            let mut j = self.args[cur].from;
            // Skip a title and its affiliation ("Xi Jinping and Russian President Vladimir Putin").
            while j > 0 && self.title_tok.get(j - 1).copied().unwrap_or(false) {
                j -= 1;
            }
            if let Some(&inner) = self
                .args_ending_at(j)
                .iter()
                .find(|&&k| self.args[k].usage == Usage::Inner)
            {
                j = self.args[inner].from;
            }
            // "Canada and the Netherlands", "Sweden and neighboring Finland".
            if j > 1
                && matches!(
                    self.lower(j - 1),
                    "the" | "neighboring" | "neighbouring" | "fellow" | "rival" | "nearby"
                )
                && matches!(self.lower(j - 2), "," | "and" | "or")
            {
                j -= 1;
            }
            let mut saw = false;
            let mut conj = false;
            let mut comma = false;
            while j > 0 && matches!(self.lower(j - 1), "," | "and" | "or") {
                conj |= self.lower(j - 1) != ",";
                comma |= self.lower(j - 1) == ",";
                j -= 1;
                saw = true;
            }
            if out.len() == 1 {
                comma_and = comma && conj;
            }
            // The last member is joined by "and"/"or"; a bare comma there ends a clause.
            if !saw || (out.len() == 1 && !conj) || out.len() >= MAX_LIST {
                break;
            }
            let Some(&prev) = self.args_ending_at(j).iter().find(|&&k| self.eligible(k)) else {
                break;
            };
            out.push(prev);
            cur = prev;
        }
        if out.len() == 2 && comma_and {
            out.truncate(1);
        }
        out.reverse();
        out
    }

    /// The coordinated list an arg starts, scanning right.
    pub fn list_right(&self, a: usize) -> Vec<usize> {
        let mut out = vec![a];
        let mut cur = a;
        let mut any_conj = false;
        // "spoke with Moore and with Scott": the list's preposition may be repeated.
        let lead = self.args[a]
            .from
            .checked_sub(1)
            .map(|k| self.lower(k))
            .filter(|w| matches!(*w, "with" | "to" | "against" | "for" | "from" | "by"));
        loop {
            // "Sheikh Tamim bin Hamad" "Al Thani": two spans of one name.
            while let Some(&same) = self.args_starting_at(self.args[cur].to).iter().find(|&&k| {
                self.args[k].actor == self.args[cur].actor && self.args[k].to > self.args[cur].to
            }) {
                cur = same;
            }
            let mut j = self.args[cur].to;
            // "with Libyan authorities and the United Nations": past the body a nationality
            // describes.
            if self.args[cur].usage == Usage::Modifier
                && lexicon().member_nouns.contains(self.lower(j))
            {
                j += 1;
            }
            if self.tokens.is_possessive(j) {
                // "rivals such as Sony's PlayStation and Nintendo's Switch": past a product the
                // member owns (capitalised words that are no actor).
                let named = (j + 1..(j + 4).min(self.tokens.len()))
                    .take_while(|&k| {
                        self.tokens.is_word(k)
                            && self.args_starting_at(k).is_empty()
                            && self
                                .doc
                                .text
                                .get(self.tokens.toks[k].start..)
                                .is_some_and(|w| w.starts_with(char::is_uppercase))
                    })
                    .count();
                if named == 0 {
                    break;
                }
                j += 1 + named;
            }
            // "Hou Yu-ih of the main opposition Kuomintang, who took 33.5%, and Ko Wen-je":
            // past the member's "of" modifier and its relative clause.
            // (Not "accused him of misconduct since The New Yorker …": no other preposition or
            // conjunction comes before that member.)
            if self.lower(j) == "of"
                && let Some(&m) = self.args_within(j + 1, j + 7).first()
                && (j + 1..self.args[m].from).all(|k| {
                    !lexicon().preps.contains(self.lower(k))
                        && !matches!(
                            self.lower(k),
                            "since" | "after" | "before" | "when" | "while" | "because" | "until"
                        )
                })
            {
                j = self.args[m].to;
            }
            if self.lower(j) == ","
                && matches!(self.lower(j + 1), "who" | "which")
                && let Some(close) = (j + 2..(j + 16).min(self.tokens.len()))
                    .find(|&k| self.lower(k) == "," || self.is_stop(k))
                && self.lower(close) == ","
                && matches!(self.lower(close + 1), "and" | "or")
            {
                j = close;
            }
            let mut saw = false;
            while matches!(self.lower(j), "," | "and" | "or") {
                any_conj |= self.lower(j) != ",";
                j += 1;
                saw = true;
            }
            if !saw || out.len() >= MAX_LIST {
                break;
            }
            if lead.is_some_and(|p| self.lower(j) == p) {
                j += 1;
            }
            if self.lower(j) == "the" {
                j += 1;
            }
            while matches!(
                self.lower(j),
                "former" | "then" | "current" | "acting" | "outgoing" | "incoming" | "late"
            ) {
                j += 1;
            }
            // "Tesla and rocket company SpaceX": past the common nouns saying what the next
            // member is.
            let mut k = j;
            while k < j + 3
                && self.tokens.is_word(k)
                && self.args_starting_at(k).is_empty()
                && self.lower(k).chars().all(|c| c.is_lowercase() || c == '-')
            {
                k += 1;
            }
            if k > j
                && lexicon().org_descriptors.contains(self.lower(k - 1))
                && !self.args_starting_at(k).is_empty()
            {
                j = k;
            }
            // "and Egyptian President Abdel Fattah el-Sisi": past the demonym before a title.
            if let Some(&inner) = self.args_starting_at(j).iter().find(|&&k| {
                let arg = &self.args[k];
                arg.usage == Usage::Inner
                    || (arg.usage == Usage::Modifier
                        && self.title_tok.get(arg.to).copied().unwrap_or(false))
            }) {
                j = self.args[inner].to;
            }
            // "between Israel and Iran-backed Hezbollah": past the backer glued to the member.
            if let Some(&glued) = self.args_starting_at(j).first()
                && self.lower(self.args[glued].to) == "-"
                && matches!(
                    self.lower(self.args[glued].to + 1),
                    "backed"
                        | "led"
                        | "allied"
                        | "aligned"
                        | "based"
                        | "born"
                        | "owned"
                        | "run"
                        | "controlled"
                        | "funded"
                        | "sponsored"
                        | "supported"
                )
            {
                j = self.args[glued].to + 2;
            }
            while self.title_tok.get(j).copied().unwrap_or(false) {
                j += 1;
            }
            let Some(&next) = self
                .args_starting_at(j)
                .iter()
                .find(|&&k| self.args[k].usage != Usage::Inner)
            else {
                break;
            };
            // "South Korea, its fierce competitor": an appositive, not a list member.
            if self.args[next].possessive_pronoun
                || self.args[next].possessive && !saw_and(self, self.args[cur].to, j)
            {
                break;
            }
            out.push(next);
            cur = next;
            if any_conj {
                break;
            }
        }
        if !any_conj {
            out.truncate(1);
        }
        out
    }

    /// The subject of a verb at token `pos`: the nearest arg to its left in the same clause that
    /// no preposition governs, with its coordinated list; relative pronouns point to their
    /// antecedent ("the United States, which is …"); dash parentheticals are skipped.
    pub fn subject_left(&self, pos: usize) -> Vec<usize> {
        // "as voters punished the coalition": a plural common noun right before the verb is
        // its subject, and names none.
        if pos > 0 && self.args_ending_at(pos).is_empty() {
            let w = self.lower(pos - 1);
            // "his troops detained Bazoum", "Prigozhin's fighters seized Rostov", "his
            // government was coordinating with the UN": whoever commands them acts.
            let mut k = pos;
            while k > 1
                && matches!(
                    self.lower(k - 1),
                    "was"
                        | "were"
                        | "is"
                        | "are"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "been"
                        | "be"
                )
            {
                k -= 1;
            }
            if matches!(
                self.lower(k - 1),
                "troops"
                    | "forces"
                    | "soldiers"
                    | "fighters"
                    | "men"
                    | "supporters"
                    | "militants"
                    | "loyalists"
                    | "guards"
                    | "agents"
                    | "government"
                    | "administration"
            ) && let Some(&owner) = self
                .args_ending_at(k - 1)
                .iter()
                .find(|&&a| self.args[a].possessive && self.args[a].usage != Usage::Inner)
            {
                return vec![owner];
            }
            if w.len() > 4
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("ous")
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !matches!(
                    w,
                    "always"
                        | "perhaps"
                        | "sometimes"
                        | "afterwards"
                        | "nevertheless"
                        | "besides"
                        | "thereafter"
                )
                && !lexicon().preps.contains(w)
                && !self.title_tok.get(pos - 1).copied().unwrap_or(false)
                && pos >= 2
                && (self.is_determiner(pos - 2)
                    || matches!(
                        self.lower(pos - 2),
                        "as" | "while"
                            | "when"
                            | "because"
                            | "since"
                            | "after"
                            | "before"
                            | "and"
                            | "but"
                            | "that"
                            | "if"
                            | "many"
                            | "some"
                            | "other"
                            | "angry"
                    ))
            {
                return Vec::new();
            }
        }
        let mut j = pos;
        let floor = pos.saturating_sub(WINDOW);
        while j > floor {
            j -= 1;
            let ending = self.args_ending_at(j + 1);
            if let Some(&a) = ending.iter().find(|&&k| self.eligible(k)) {
                // "after Tsai met X": a conjunction that opens a clause, not a preposition,
                // when the name is followed by the verb.
                let opens_clause = pos <= self.args[a].to + 3
                    && self.prep_of(a, 0).is_some_and(|p| {
                        matches!(
                            p.as_str(),
                            "after" | "before" | "since" | "until" | "as" | "once" | "because"
                        )
                    });
                // "easier for the alliance to defend X": "for" before an infinitive names its
                // subject.
                let infinitive_subject = self.lower(self.args[a].to) == "to"
                    && self.args[a].to + 1 == pos
                    && self.prep_of(a, 0).as_deref() == Some("for");
                if self.prep_of(a, 0).is_some()
                    && !self.args[a].possessive
                    && !opens_clause
                    && !infinitive_subject
                {
                    j = self.args[a].from;
                    continue;
                }
                let list = self.list_left(a);
                let first = list.first().copied().unwrap_or(a);
                // "after Putin and Obama met": the conjunction opens the clause of the whole list.
                let list_opens_clause = pos <= self.args[a].to + 3
                    && self.prep_of(first, 0).is_some_and(|p| {
                        matches!(
                            p.as_str(),
                            "after" | "before" | "since" | "until" | "as" | "once" | "because"
                        )
                    });
                if self.prep_of(first, 0).is_some()
                    && !self.args[first].possessive
                    && !opens_clause
                    && !list_opens_clause
                {
                    j = self.args[first].from;
                    continue;
                }
                return list;
            }
            if let Some(&a) = ending.first() {
                j = self.args[a].from;
                continue;
            }
            let l = self.lower(j);
            if matches!(l, "which" | "who" | "whom") {
                // "X, which …", "A, B and C—all of whom …": the antecedent before the comma or dash.
                let mut k = j;
                if k >= 2
                    && self.lower(k - 1) == "of"
                    && matches!(
                        self.lower(k - 2),
                        "all" | "both" | "each" | "some" | "most" | "many" | "none" | "one"
                    )
                {
                    k -= 2;
                }
                if k > 0 && (self.lower(k - 1) == "," || self.is_dash(k - 1)) {
                    k -= 1;
                }
                // "Carlos Alcaraz, the 21-year-old Spaniard who beat him": past an appositive
                // (whose noun may be a nationality).
                if k == j
                    && let Some(comma) = (k.saturating_sub(8)..k)
                        .rev()
                        .find(|&c| self.lower(c) == ",")
                    && self.is_determiner(comma + 1)
                    // ("Chuck Grassley, the Iowa Republican who chairs …": a place or a
                    // party's word for the person too.)
                    && (comma + 1..k).all(|c| {
                        self.args_starting_at(c).iter().all(|&x| {
                            matches!(
                                self.args[x].usage,
                                Usage::Modifier | Usage::Place | Usage::Inner
                            )
                        })
                    })
                    && let Some(&a) = self
                        .args_ending_at(comma)
                        .iter()
                        .find(|&&x| self.eligible(x))
                {
                    return vec![a];
                }
                if let Some(&a) = self.args_ending_at(k).iter().find(|&&x| self.eligible(x)) {
                    return if k < j { self.list_left(a) } else { vec![a] };
                }
                // "The United Auto Workers union, which endorsed Biden": past the word naming
                // what the organization is.
                if k < j
                    && k >= 1
                    && matches!(
                        self.lower(k - 1),
                        "union"
                            | "party"
                            | "group"
                            | "alliance"
                            | "coalition"
                            | "bloc"
                            | "company"
                            | "firm"
                            | "agency"
                            | "militia"
                            | "movement"
                            | "network"
                            | "club"
                            | "team"
                            | "government"
                            | "administration"
                    )
                    && let Some(&a) = self
                        .args_ending_at(k - 1)
                        .iter()
                        .find(|&&x| self.eligible(x))
                {
                    return vec![a];
                }
                return Vec::new();
            }
            // "Keith Ellison, whose office prosecuted Chauvin": what the antecedent runs acts for
            // it.
            if l == "whose" {
                if j >= 1
                    && self.lower(j - 1) == ","
                    && j + 2 <= pos
                    && (j + 2..pos).all(|k| VERB_AUX.contains(&self.lower(k)))
                    && matches!(
                        self.lower(j + 1),
                        "office"
                            | "company"
                            | "firm"
                            | "government"
                            | "administration"
                            | "ministry"
                            | "department"
                            | "agency"
                            | "party"
                            | "team"
                            | "club"
                            | "country"
                            | "army"
                            | "forces"
                            | "troops"
                            | "campaign"
                            | "group"
                            | "organization"
                            | "organisation"
                    )
                    && let Some(&a) = self
                        .args_ending_at(j - 1)
                        .iter()
                        .find(|&&x| self.eligible(x))
                {
                    return vec![a];
                }
                return Vec::new();
            }
            if l == "that" {
                return Vec::new();
            }
            if self.is_dash(j) {
                if let Some(open) = (floor..j).rev().find(|&k| self.is_dash(k)) {
                    j = open;
                    continue;
                }
                return Vec::new();
            }
            // "More than 80 women, including Ashley Judd and Angelina Jolie, have accused him":
            // the examples set off by commas right before the verb act.
            if l == ","
                && (j + 1..pos).all(|k| matches!(self.lower(k), "have" | "has" | "had" | "also"))
                && let Some(&a) = self.args_ending_at(j).iter().find(|&&x| self.eligible(x))
            {
                let list = self.list_left(a);
                if list
                    .first()
                    .is_some_and(|&f| self.prep_of(f, 0).as_deref() == Some("including"))
                {
                    return list;
                }
            }
            if l == "," {
                // Skip an appositive or relative clause closed by this comma.
                if let Some(open) = (floor..j).rev().find(|&k| self.lower(k) == ",") {
                    let first = self.lower(open + 1);
                    let head = self
                        .args_ending_at(open)
                        .iter()
                        .copied()
                        .find(|&x| self.eligible(x));
                    // "X, who …,", "X, the chief …,", "X, joined by Y,", "X, 45,".
                    let parenthetical = matches!(
                        first,
                        "who"
                            | "whom"
                            | "whose"
                            | "which"
                            | "a"
                            | "an"
                            | "the"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "along"
                            | "together"
                            | "including"
                            | "accompanied"
                            | "joined"
                            | "backed"
                            | "led"
                            | "flanked"
                            | "then"
                            | "now"
                            | "formerly"
                            | "once"
                            | "both"
                            | "known"
                            | "speaking"
                            | "acting"
                            | "representing"
                    ) || (first.ends_with("ed") && first.len() > 4)
                        || self
                            .tokens
                            .toks
                            .get(open + 1)
                            .is_some_and(|t| t.kind == super::text::TokKind::Number)
                        || !self.args_starting_at(open + 1).is_empty()
                            && self
                                .args_starting_at(open + 1)
                                .iter()
                                .any(|&a| self.args[a].possessive);
                    if head.is_some() && parenthetical {
                        return head.map(|h| vec![h]).unwrap_or_default();
                    }
                    // "The UN envoy to Sudan, Volker Perthes, told …": the name between the
                    // commas is the subject.
                    if let [a] = self.args_within(open + 1, j)
                        && self.args[*a].from == open + 1
                        && self.args[*a].to == j
                        && self.eligible(*a)
                    {
                        // "John Kerry and his Chinese counterpart, Xie Zhenhua, agreed": the
                        // name before "and his …" acts with the one in apposition.
                        let partner = (open.saturating_sub(5)..open)
                            .find(|&k| {
                                self.lower(k) == "and"
                                    && matches!(self.lower(k + 1), "his" | "her" | "its" | "their")
                                    && (k + 2..open).all(|m| {
                                        self.tokens.is_word(m)
                                            && self.args_starting_at(m).is_empty()
                                            || self
                                                .args_starting_at(m)
                                                .iter()
                                                .all(|&x| self.args[x].usage == Usage::Modifier)
                                    })
                            })
                            .and_then(|k| {
                                self.args_ending_at(k)
                                    .iter()
                                    .copied()
                                    .find(|&x| self.eligible(x))
                            });
                        return match partner {
                            Some(p) => vec![p, *a],
                            None => vec![*a],
                        };
                    }
                    // "Two Labour lawmakers, Margaret Hodge and Ann Coffey, tabled …": so is a
                    // list of names between the commas.
                    if let Some(&last) = self.args_ending_at(j).iter().find(|&&x| self.eligible(x))
                        && self.args[last].to == j
                        && let list = self.list_left(last)
                        && list.len() >= 2
                        && list.first().is_some_and(|&f| self.args[f].from == open + 1)
                    {
                        return list;
                    }
                    if parenthetical {
                        // "Lai, 64, a former doctor, will …": another aside before this one.
                        j = open + 1;
                        continue;
                    }
                }
                return Vec::new();
            }
            // "X, known as "the chef," had …": a quote closed after a comma ends an aside.
            if matches!(l, "\"" | "”") && j > 0 && self.lower(j - 1) == "," {
                continue;
            }
            if self.is_stop(j) {
                return Vec::new();
            }
        }
        Vec::new()
    }

    /// The object of a verb ending at token `pos`: the first arg to the right in the clause,
    /// direct or after one of `preps`; args after other prepositions are skipped.
    /// An object after one of `preps` may sit further away, past a long direct object ("sell
    /// the streaming rights for its games outside Europe to Ubisoft").
    pub fn object_right(&self, pos: usize, preps: &[String], max_steps: usize) -> Vec<usize> {
        let mut j = pos;
        let mut steps = 0;
        let far = if preps.is_empty() {
            max_steps
        } else {
            max_steps * 2 + 4
        };
        while j < self.tokens.len() && steps <= far {
            let starting = self.args_starting_at(j);
            // "Kaplan revoked his bail", "praised her grace": a possessive pronoun right after
            // the verb stands for the owner of the object.
            // "fought the Iran-aligned Houthi movement": a name in a hyphenated modifier is not
            // the object; the noun it modifies is.
            let modifier = |k: usize| {
                let end = self.args[k].to;
                self.lower(end) == "-"
                    && self.tokens.toks.get(end).is_some_and(|t| !t.space_before)
                    && self
                        .tokens
                        .toks
                        .get(end + 1)
                        .is_some_and(|t| !t.space_before)
                    && self.lower(end + 1).ends_with("ed")
            };
            // "beat his San Francisco counterpart Kyle Shanahan": the name a possessive pronoun's
            // noun introduces is the object.
            let introduced = |k: usize| {
                let end = self.args[k].to;
                // "fired her finance minister, Kwasi Kwarteng": past the comma of an appositive.
                (end + 1..(end + 6).min(self.tokens.len()))
                    .take_while(|&m| {
                        self.tokens.is_word(m)
                            || !self.args_starting_at(m).is_empty()
                            || (self.lower(m) == "," && m > end + 1)
                    })
                    .find_map(|m| {
                        self.args_starting_at(m)
                            .iter()
                            .copied()
                            .find(|&b| self.args[b].usage == Usage::Agent && self.args[b].person)
                    })
            };
            if let Some(&a) = starting.iter().find(|&&k| {
                self.args[k].usage != Usage::Inner
                    && (!self.args[k].possessive_pronoun || j == pos)
                    && !modifier(k)
            }) {
                let a = if self.args[a].possessive_pronoun {
                    introduced(a).unwrap_or(a)
                } else {
                    a
                };
                let mut prep = self.prep_of(a, pos);
                // "working with the government of Nepal": a country's government, people or
                // authorities are the country, governed by the preposition before them.
                // "spoke with the foreign ministers of Saudi Arabia", "met with the heads of the
                // Federal Reserve": so are those who speak for it.
                let from = self.args[a].from;
                let of = if from >= 2 && self.is_determiner(from - 1) {
                    from - 2
                } else {
                    from.saturating_sub(1)
                };
                if prep.as_deref() == Some("of")
                    && of >= pos + 2
                    && self.lower(of) == "of"
                    && SPEAK_FOR.contains(&self.lower(of - 1))
                {
                    // Past a determiner and up to two modifiers ("the foreign ministers").
                    let mut h = of - 1;
                    while h > pos
                        && of - h < 4
                        && self.tokens.is_word(h - 1)
                        && !matches!(self.lower(h - 1), "and" | "or")
                        && !super::rules::lexicon().preps.contains(self.lower(h - 1))
                        && self.args_ending_at(h).is_empty()
                    {
                        h -= 1;
                    }
                    if h == pos {
                        // "met the leader of Hungary": the verb's direct object.
                        prep = None;
                    } else if super::rules::lexicon().preps.contains(self.lower(h - 1)) {
                        prep = Some(self.lower(h - 1).to_owned());
                    }
                }
                // "destroyed a number of Iranian drones", "killed dozens of Palestinians": a
                // quantity's "of" leaves the object direct.
                let counted = self.args[a].from >= 2
                    && self.lower(self.args[a].from - 1) == "of"
                    && matches!(
                        self.lower(self.args[a].from - 2),
                        "number"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                            | "scores"
                            | "lot"
                            | "lots"
                            | "couple"
                            | "handful"
                            | "pair"
                            | "millions"
                            | "several"
                            | "some"
                            | "many"
                            | "most"
                            | "all"
                            | "states"
                            | "countries"
                            | "nations"
                    );
                let ok = match prep.as_deref() {
                    // "companies including X and Y", "rivals such as X": examples of the object.
                    None | Some("including") => steps <= max_steps,
                    Some("of") if counted => steps <= max_steps,
                    Some("as") if self.lower(self.args[a].from.saturating_sub(2)) == "such" => {
                        steps <= max_steps
                    }
                    Some(p) => preps.iter().any(|x| x == p),
                };
                if ok {
                    if !self.args[a].person
                        && let Some(b) = self.titled_after(a)
                    {
                        return self.list_right(b);
                    }
                    // "with North Vietnam's Le Duc Tho": the person, not their country.
                    if self.args[a].possessive
                        && !self.args[a].possessive_pronoun
                        && let Some(&b) = self
                            .args_starting_at(self.args[a].to)
                            .iter()
                            .chain(self.args_starting_at(self.args[a].to + 1))
                            // Not "SVB's British arm": a nationality describes the possession.
                            .find(|&&b| self.eligible(b) && self.args[b].usage != Usage::Modifier)
                    {
                        return self.list_right(b);
                    }
                    return self.list_right(a);
                }
                j = self.args[a].to;
                continue;
            }
            if let Some(&a) = starting.first() {
                j = self.args[a].to;
                continue;
            }
            // "with Gov. Josh Green": a title's full stop ends nothing.
            if self.title_tok.get(j).copied().unwrap_or(false) {
                j += 1;
                continue;
            }
            let l = self.lower(j);
            // "defeating the incumbent, Ray Curry,": a name in apposition to a direct object
            // of a determiner and a word or two.
            if l == ","
                && j >= pos + 2
                && j <= pos + 4
                && self.is_determiner(pos)
                && (pos + 1..j)
                    .all(|k| self.tokens.is_word(k) && self.args_starting_at(k).is_empty())
                && let Some(&a) = self
                    .args_starting_at(j + 1)
                    .iter()
                    .find(|&&a| self.eligible(a))
                && matches!(self.lower(self.args[a].to), "," | "." | ";")
            {
                return vec![a];
            }
            // "welcomed the deal and thanked Qatar": the object of another verb.
            // ("search and rescue teams" is a noun's modifier: a past tense is needed.)
            let next_verb = matches!(l, "and" | "but")
                && (self.lower(j + 1).ends_with("ed")
                    || super::rules::lexicon()
                        .past_verbs
                        .contains(self.lower(j + 1)))
                && super::events::clause_verb(self, j + 1);
            if l == ","
                || l == "that"
                || l == "which"
                || l == "who"
                || l == "what"
                || l == "where"
                || next_verb
                || self.is_dash(j)
                || self.is_stop(j)
            {
                break;
            }
            j += 1;
            steps += 1;
        }
        Vec::new()
    }

    /// Args after preposition `prep` right after token `pos` ("ties with A, B and C").
    pub fn prep_args(&self, pos: usize, preps: &[String]) -> Option<(String, Vec<usize>)> {
        let p = self.lower(pos);
        if !preps.iter().any(|x| x == p) {
            return None;
        }
        let mut j = pos + 1;
        let mut steps = 0;
        while j < self.tokens.len() && steps < 6 {
            let starting = self.args_starting_at(j);
            if let Some(&a) = starting
                .iter()
                .find(|&&k| self.args[k].usage != Usage::Inner)
            {
                return Some((p.to_owned(), self.list_right(a)));
            }
            if let Some(&a) = starting.first() {
                j = self.args[a].to;
                continue;
            }
            // "exit from the 2018 World Cup in Russia": another preposition past the object
            // ends it.
            if j > pos + 1 && matches!(self.lower(j), "in" | "at" | "near" | "inside" | "outside") {
                return None;
            }
            // "campaign against it in Lebanon": a pronoun the resolver left is the object, not
            // a name after it.
            if self.lower(j) == ","
                || self.is_stop(j)
                || matches!(self.lower(j), "that" | "it" | "them" | "him" | "her" | "us")
            {
                return None;
            }
            j += 1;
            steps += 1;
        }
        None
    }

    /// The possessor or modifier of a noun at token `pos`: "X's (adj) NOUN", "Russian NOUN",
    /// "NATO NOUN", "their NOUN"; with a hyphen pair "Russia-North Korea NOUN" both.
    pub fn possessors(&self, pos: usize) -> Vec<usize> {
        let mut j = pos;
        let mut adjs = 0;
        while j > 0 && adjs <= 2 {
            let ending = self.args_ending_at(j);
            if !ending.is_empty() {
                let ok: Vec<usize> = ending
                    .iter()
                    .copied()
                    .filter(|&k| {
                        self.args[k].usage != Usage::Place && self.args[k].usage != Usage::Inner
                    })
                    .collect();
                let Some(&a) = ok.first() else {
                    return Vec::new();
                };
                let arg = self.args[a];
                if arg.possessive || arg.usage == Usage::Modifier || adjs == 0 {
                    // Hyphen pair: "Russia-North Korea cooperation".
                    if arg.from >= 2
                        && self.lower(arg.from - 1) == "-"
                        && !self.tokens.toks[arg.from - 1].space_before
                        && let Some(&b) = self.args_ending_at(arg.from - 1).first()
                    {
                        return vec![b, a];
                    }
                    return ok;
                }
                return Vec::new();
            }
            if self.tokens.is_possessive(j - 1) {
                j -= 1;
                continue;
            }
            let l = self.lower(j - 1);
            if !self.tokens.is_word(j - 1)
                || lexicon().preps.contains(l)
                || matches!(l, "the" | "a" | "an" | "and" | "or")
                || self.is_stop(j - 1)
            {
                return Vec::new();
            }
            j -= 1;
            adjs += 1;
        }
        Vec::new()
    }

    /// The nearest be-form among the two tokens before `pos` (passive voice).
    pub fn passive_before(&self, pos: usize) -> bool {
        (1..=3).any(|d| pos >= d && BE_FORMS.contains(&self.lower(pos - d)))
            // "was taken off in the 61st minute and replaced by Watkins": a participle after
            // "and" shares the passive before it.
            || pos >= 2
                && self.lower(pos - 1) == "and"
                && self.lower(pos).ends_with("ed")
                && (pos.saturating_sub(14)..pos - 1).rev().any(|k| {
                    self.lower(k).ends_with("en") || self.lower(k).ends_with("ed")
                }) && (pos.saturating_sub(14)..pos - 1).any(|k| matches!(self.lower(k), "was" | "were"))
                && !(pos.saturating_sub(14)..pos - 1).any(|k| matches!(self.lower(k), "," | ";" | "who" | "which"))
    }

    /// The name a possessor `a` owns, a few lowercase words on: "Nadal's former team mate David
    /// Ferrer" names Ferrer. None when `a` is no possessor or no name follows.
    fn owned_name(&self, a: usize) -> Option<usize> {
        let arg = self.args.get(a)?;
        if !arg.possessive || arg.possessive_pronoun {
            return None;
        }
        let mut k = arg.to + usize::from(self.tokens.is_possessive(arg.to));
        while k < arg.to + 6 && k < self.tokens.len() {
            if let Some(&b) = self.args_starting_at(k).first() {
                return Some(b);
            }
            if !self.tokens.is_word(k) || self.lower(k) == "and" {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The agent of a passive verb ending at `pos`: "… by X".
    pub fn by_agent(&self, pos: usize) -> Vec<usize> {
        let mut j = pos;
        while j < self.tokens.len() && j < pos + 12 {
            // "was founded in 1992, its title had been won only by X": another verb's agent.
            if matches!(
                self.lower(j),
                ";" | "." | "that" | "which" | "was" | "were" | "been" | "had" | "has"
            ) {
                break;
            }
            // "was fined … during her final defeat by Naomi Osaka": a noun with its own agent
            // takes the "by".
            if self.lower(j) == "by"
                && j > pos
                && matches!(
                    self.lower(j - 1),
                    "defeat"
                        | "defeats"
                        | "loss"
                        | "victory"
                        | "win"
                        | "attack"
                        | "attacks"
                        | "raid"
                        | "invasion"
                        | "visit"
                        | "ruling"
                        | "decision"
                        | "remarks"
                        | "comments"
                        | "takeover"
                        | "bid"
                        | "offer"
                )
            {
                return Vec::new();
            }
            if self.lower(j) == "by" {
                let mut k = j + 1;
                // Past determiners, titles and their affiliations: "by California Governor X".
                while k < self.tokens.len() && k < j + 10 {
                    let starting = self.args_starting_at(k);
                    if let Some(&a) = starting
                        .iter()
                        .find(|&&x| self.args[x].usage != Usage::Inner)
                    {
                        return self.list_right(self.owned_name(a).unwrap_or(a));
                    }
                    if let Some(&a) = starting.first() {
                        k = self.args[a].to;
                    } else if self.is_determiner(k)
                        || self.title_tok.get(k).copied().unwrap_or(false)
                    {
                        k += 1;
                    } else if matches!(
                        self.lower(k),
                        "alliance" | "coalition" | "group" | "consortium" | "bloc" | "team"
                    ) && self.lower(k + 1) == "of"
                    {
                        // "backed by an alliance of the National Action Party, the PRD and the
                        // PRI": the members act.
                        k += 2;
                    } else {
                        break;
                    }
                }
                return Vec::new();
            }
            j += 1;
        }
        Vec::new()
    }

    /// All eligible args left of `pos` in the clause (for passive subjects like "the relationship
    /// between A and B is watched").
    pub fn clause_args_left(&self, pos: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = pos;
        let floor = pos.saturating_sub(WINDOW);
        while j > floor {
            j -= 1;
            if self.lower(j) == "," || self.is_stop(j) || self.is_dash(j) || self.lower(j) == "that"
            {
                break;
            }
            for &a in self.args_ending_at(j + 1) {
                if self.eligible(a) && !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        out.reverse();
        out
    }

    /// Whether token `j` is a copula.
    pub fn is_copula(&self, j: usize) -> bool {
        COPULAS.contains(&self.lower(j))
    }

    /// The sentence's main subject when a trigger sits in a fronted clause ("Following talks
    /// with X, Y said"): the first eligible, unquoted arg left of `pos` that no preposition
    /// governs, else the first such arg after the next comma.
    pub fn fallback_subject(&self, pos: usize) -> Option<usize> {
        // Not "Elon Musk" in "Elon Musk's SpaceX won …, beating …": the possessed name acts.
        let owner = |a: usize| {
            self.args[a].possessive
                && (self.args[a].to..self.args[a].to + 2)
                    .any(|k| !self.args_starting_at(k).is_empty())
        };
        let good =
            |a: usize| self.eligible(a) && !self.args[a].in_quote && self.prep_of(a, 0).is_none();
        if let Some(&a) = self
            .args_within(pos.saturating_sub(WINDOW), pos)
            .iter()
            .find(|&&a| self.args[a].to <= pos && good(a) && !owner(a))
        {
            return Some(a);
        }
        let comma = (pos..self.tokens.len().min(pos + WINDOW)).find(|&k| self.lower(k) == ",")?;
        self.args_within(comma + 1, comma + WINDOW)
            .iter()
            .copied()
            .find(|&a| good(a))
    }

    /// Whether token `j` is a determiner or adjective-like filler.
    pub fn is_determiner(&self, j: usize) -> bool {
        DETERMINERS.contains(&self.lower(j))
    }

    /// The actor an arg stands for in a relation: a place stands for its country.
    pub fn actor_of(&self, a: usize) -> Option<usize> {
        let arg = self.args.get(a)?;
        match arg.usage {
            Usage::Place => arg.host,
            Usage::Inner => None,
            _ => Some(arg.actor),
        }
    }
}
