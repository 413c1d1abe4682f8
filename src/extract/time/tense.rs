//! The tense around a time expression, read from the sentence itself: it decides whether a bare
//! "Tuesday" or "in May" points back (past) or forward (future) from the anchor date.
//!
//! The clause holding the expression is searched first (clauses end at commas, dashes, quote
//! marks and words such as "that", "which", "after"), then the quotation or narration around it,
//! then the whole sentence. Within each, the strong tense marker nearest to the expression wins
//! ("said", "was", "met" / "will", "is set to", "plans to"); a regular "-ed" verb counts only
//! when no strong marker is present.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// Which way a sentence points in time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Future,
    /// No marker found (or only present-tense ones).
    #[default]
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Past,
    WeakPast,
    Future,
}

struct Token {
    start: usize,
    end: usize,
    /// The lowercase form's span in [`Words::lower`].
    lower: (usize, usize),
    /// The token's marker ([`classify`]), which depends only on it and its neighbours.
    marker: Option<Marker>,
    /// Whether a comma comes between the token before and this one.
    after_comma: bool,
}

/// The words of a text with their tense markers: read once and shared by every expression
/// in the text ([`tense_at_in`]).
pub struct Words {
    tokens: Vec<Token>,
    /// Every token's lowercase form (curly apostrophes made straight), one after another.
    lower: String,
}

impl Words {
    pub fn new(text: &str) -> Self {
        let mut words = Self {
            tokens: Vec::with_capacity(text.len() / 5),
            lower: String::with_capacity(text.len()),
        };
        for (start, end) in word_spans(text) {
            let Some(word) = text.get(start..end) else {
                continue;
            };
            let from = words.lower.len();
            if word.is_ascii() {
                words.lower.push_str(word);
                if let Some(added) = words.lower.get_mut(from..) {
                    added.make_ascii_lowercase();
                }
            } else {
                words.lower.push_str(&word.to_lowercase().replace('’', "'"));
            }
            let gap_from = words.tokens.last().map_or(0, |t| t.end);
            words.tokens.push(Token {
                start,
                end,
                lower: (from, words.lower.len()),
                marker: None,
                after_comma: text.get(gap_from..start).is_some_and(|g| g.contains(',')),
            });
        }
        for i in 0..words.tokens.len() {
            let marker = classify(&words, i);
            if let Some(token) = words.tokens.get_mut(i) {
                token.marker = marker;
            }
        }
        words
    }

    /// The lowercase form of token `i` ("" out of range).
    fn lower(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.lower.0..t.lower.1))
            .unwrap_or("")
    }
}

/// Whether `c` is a letter (`\p{L}`), or with `numbers` a letter or number (`\p{N}`). ASCII is
/// answered directly, other characters by the regex crate's own tables.
fn is_word_char(c: char, numbers: bool) -> bool {
    static CLASSES: OnceLock<Option<(Regex, Regex)>> = OnceLock::new();
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || numbers && c.is_ascii_digit();
    }
    let Some((letter, letter_or_number)) = CLASSES
        .get_or_init(|| {
            Some((
                Regex::new(r"\p{L}").ok()?,
                Regex::new(r"[\p{L}\p{N}]").ok()?,
            ))
        })
        .as_ref()
    else {
        return false;
    };
    let mut buf = [0; 4];
    let one = c.encode_utf8(&mut buf);
    if numbers {
        letter_or_number.is_match(one)
    } else {
        letter.is_match(one)
    }
}

/// The spans the regex `[\p{L}\p{N}]+(?:['’][\p{L}]+)*` finds in `text`, without running it.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c, true) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(k, d)) = chars.peek() {
            if is_word_char(d, true) {
                end = k + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // Apostrophe parts: an apostrophe followed by at least one letter.
        loop {
            let rest = &text[end..];
            let mut it = rest.chars();
            let Some(apostrophe) = it.next().filter(|a| *a == '\'' || *a == '’') else {
                break;
            };
            let mut part = apostrophe.len_utf8();
            for d in it {
                if !is_word_char(d, false) {
                    break;
                }
                part += d.len_utf8();
            }
            if part == apostrophe.len_utf8() {
                break;
            }
            end += part;
        }
        out.push((start, end));
        // Skip what the apostrophe parts consumed.
        while chars.peek().is_some_and(|&(k, _)| k < end) {
            chars.next();
        }
    }
    out
}

/// Words with a role in [`classify`], as bit flags.
const FUTURE_WORD: u8 = 1;
const AFTER_BE: u8 = 2;
const BE: u8 = 4;
const BEFORE_TO: u8 = 8;
const PAST_WORD: u8 = 16;
const AUXILIARY: u8 = 32;
const NOT_ED: u8 = 64;

/// The word lists below in one table: word → flags.
fn word_flags(word: &str) -> u8 {
    type Table = std::collections::HashMap<&'static str, u8, crate::extract::rules::WordHash>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::default();
        let lists: [(&[&'static str], u8); 7] = [
            (&STRONG_FUTURE, FUTURE_WORD),
            (&FUTURE_AFTER_BE, AFTER_BE),
            (&BE_PRESENT, BE),
            (&FUTURE_BEFORE_TO, BEFORE_TO),
            (&STRONG_PAST, PAST_WORD),
            (&AUXILIARY_PAST, AUXILIARY),
            (&NOT_PAST_ED, NOT_ED),
        ];
        for (list, flag) in lists {
            for &w in list {
                *table.entry(w).or_default() |= flag;
            }
        }
        table
    });
    table.get(word).copied().unwrap_or(0)
}

const QUOTES: [char; 5] = ['"', '“', '”', '«', '»'];
const CLAUSE_PUNCTUATION: [char; 8] = [',', ';', ':', '(', ')', '—', '–', '…'];
const CLAUSE_WORDS: [&str; 14] = [
    "that", "which", "who", "whom", "while", "whereas", "although", "though", "because", "but",
    "after", "before", "when", "where",
];

const STRONG_PAST: [&str; 78] = [
    "was",
    "were",
    "had",
    "did",
    "didn't",
    "wasn't",
    "weren't",
    "hadn't",
    "said",
    "told",
    "ago",
    "yesterday",
    "last",
    "earlier",
    "went",
    "came",
    "met",
    "made",
    "took",
    "gave",
    "held",
    "began",
    "spoke",
    "saw",
    "led",
    "won",
    "lost",
    "fought",
    "left",
    "sent",
    "struck",
    "paid",
    "sold",
    "thought",
    "brought",
    "bought",
    "became",
    "fell",
    "rose",
    "ran",
    "wrote",
    "drove",
    "kept",
    "found",
    "stood",
    "broke",
    "chose",
    "flew",
    "grew",
    "knew",
    "drew",
    "shot",
    "sat",
    "spent",
    "built",
    "felt",
    "heard",
    "meant",
    "sought",
    "taught",
    "caught",
    "fled",
    "swore",
    "threw",
    "withdrew",
    "forbade",
    "arose",
    "awoke",
    "bore",
    "froze",
    "hid",
    "rode",
    "sang",
    "shook",
    "slew",
    "spoke",
    "stole",
    "woke",
];

const STRONG_FUTURE: [&str; 10] = [
    "will",
    "won't",
    "shall",
    "would",
    "wouldn't",
    "upcoming",
    "forthcoming",
    "tomorrow",
    "next",
    "'ll",
];

/// Past forms that are auxiliaries or markers, never participles.
const AUXILIARY_PAST: [&str; 12] = [
    "was",
    "were",
    "had",
    "did",
    "didn't",
    "wasn't",
    "weren't",
    "hadn't",
    "ago",
    "yesterday",
    "last",
    "earlier",
];

/// Words that mark the future after a form of "be" ("is set to", "are expected to").
const FUTURE_AFTER_BE: [&str; 11] = [
    "set",
    "expected",
    "due",
    "scheduled",
    "slated",
    "poised",
    "likely",
    "planned",
    "going",
    "about",
    "bound",
];
const BE_PRESENT: [&str; 8] = [
    "is", "are", "am", "be", "been", "remains", "remain", "being",
];
/// Verbs that mark the future when followed by "to" ("plans to visit").
const FUTURE_BEFORE_TO: [&str; 25] = [
    // "with his contract due to expire in December": "due to" is ahead even without "is".
    "due",
    "slated",
    "poised",
    "plans",
    "plan",
    "intends",
    "intend",
    "aims",
    "aim",
    "expects",
    "expect",
    "hopes",
    "hope",
    "vows",
    "vow",
    "working",
    "seeking",
    "trying",
    "preparing",
    "racing",
    "pushing",
    "striving",
    "wants",
    "want",
    "seeks",
];

/// Words in "-ed" that are usually adjectives, not past-tense verbs.
const NOT_PAST_ED: [&str; 34] = [
    "need",
    "speed",
    "seed",
    "feed",
    "breed",
    "bed",
    "red",
    "shed",
    "hundred",
    "indeed",
    "united",
    "limited",
    "based",
    "related",
    "advanced",
    "detailed",
    "alleged",
    "armed",
    "concerned",
    "interested",
    "named",
    "called",
    "skilled",
    "experienced",
    "sophisticated",
    "complicated",
    "unprecedented",
    "unnamed",
    "unidentified",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "so-called",
];

fn classify(words: &Words, i: usize) -> Option<Marker> {
    words.tokens.get(i)?;
    let word = words.lower(i);
    let prev = i.checked_sub(1).map_or("", |p| words.lower(p));
    let next = words.lower(i + 1);
    let flags = word_flags(word);
    let has = |flag: u8| flags & flag != 0;
    // "the next generation of chips", "next door" say nothing of time; "next week", "its next
    // decision" do.
    if word == "next"
        && matches!(
            next,
            "generation"
                | "generations"
                | "door"
                | "to"
                | "of"
                | "biggest"
                | "largest"
                | "best"
                | "closest"
                | "highest"
        )
    {
        return None;
    }
    // "six months earlier than scheduled": a comparison, not the past.
    if word == "earlier" && next == "than" {
        return None;
    }
    // "an election could be held by March": a possibility ahead ("could not attend", "could
    // have been" are past).
    if matches!(word, "could" | "might") && matches!(next, "be" | "face" | "see" | "come" | "take")
    {
        return Some(Marker::Future);
    }
    // "gave them until Friday to close the deal or face a trial in November": what one is to
    // face is ahead.
    if word == "face" && matches!(prev, "to" | "or") {
        return Some(Marker::Future);
    }
    // "Lula, who takes office on Sunday", "the summit, which opens on Monday": a verb of a scheduled occasion
    // in the simple present looks ahead.
    if matches!(prev, "who" | "which" | "he" | "she")
        && matches!(
            word,
            "takes"
                | "meets"
                | "begins"
                | "starts"
                | "opens"
                | "hosts"
                | "visits"
                | "travels"
                | "leaves"
                | "arrives"
                | "faces"
                | "plays"
                | "resumes"
                | "closes"
                | "launches"
                | "kicks"
                | "flies"
                | "convenes"
                | "testifies"
                | "appears"
        )
    {
        return Some(Marker::Future);
    }
    // "Turkey holds elections on May 14", "the meeting wraps up on Friday": a verb that is
    // only a verb, of a scheduled occasion in the simple present, looks ahead after any
    // subject (not "its holds").
    let occasion = match word {
        "begins" | "opens" | "convenes" | "concludes" | "resumes" | "starts" | "ends"
        | "expires" | "lapses" => true,
        // "The deadline for complying with the law falls on Thursday."
        "falls" | "closes" => next == "on",
        "wraps" => next == "up",
        "kicks" => next == "off",
        // (Not "the stadium, which holds 80,000", "holds a 10% stake".)
        "holds" => (i + 1..i + 5).any(|k| {
            matches!(
                words.lower(k),
                "election"
                    | "elections"
                    | "talks"
                    | "vote"
                    | "referendum"
                    | "summit"
                    | "meeting"
                    | "primary"
                    | "primaries"
                    | "polls"
                    | "conference"
                    | "ceremony"
            )
        }),
        _ => false,
    };
    if occasion
        && !matches!(
            prev,
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "your"
                | "whose"
                | "of"
                | "it"
                | "they"
        )
    {
        return Some(Marker::Future);
    }
    // "should be in place by October" looks ahead ("should have" looks back); "invited them
    // to Berlin on Monday for talks": the occasion of an invitation is ahead.
    if word == "should" && !matches!(next, "have" | "not" | "n't") {
        return Some(Marker::Future);
    }
    if word == "invited"
        && !matches!(
            prev,
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "had" | "has" | "have"
        )
    {
        return Some(Marker::Future);
    }
    if has(FUTURE_WORD) || word.ends_with("'ll") {
        return Some(Marker::Future);
    }
    // (Not "an address that had been scheduled for Monday evening": the past perfect with its
    // time tells of a plan already overtaken. "had been set to meet on Wednesday" still looks
    // ahead.)
    let past_perfect = prev == "been" && i >= 2 && words.lower(i - 2) == "had" && next != "to";
    if has(AFTER_BE)
        && !past_perfect
        && (word_flags(prev) & BE != 0 || prev.ends_with("'s") || prev.ends_with("'re"))
    {
        return Some(Marker::Future);
    }
    // "it was expected to make a second landfall on Friday": what was expected at the time of
    // the report is still ahead of it.
    if word == "expected" && matches!(prev, "was" | "were") && next == "to" {
        return Some(Marker::Future);
    }
    if has(BEFORE_TO) && next == "to" {
        // "payments due to bondholders", "delays due to the storm": owed or caused, not ahead
        // ("due to expire" is ahead).
        let then = words.lower(i + 2);
        let noun = matches!(
            then,
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "these"
                | "those"
                | "that"
        ) || then.ends_with('s') && !then.ends_with("ss") && !then.ends_with("us");
        if !(word == "due" && noun) {
            return Some(Marker::Future);
        }
    }
    let participle = has(PAST_WORD) && !has(AUXILIARY)
        || word.len() >= 4 && word.ends_with("ed") && !has(NOT_ED) && word.is_ascii();
    if participle && matches!(prev, "be" | "been" | "being") {
        // "will be held": the auxiliaries before it decide.
        return None;
    }
    // "Spain, captained by David Ferrer, face the Netherlands on Nov. 19": a participle set
    // off after a comma describes the name before it, and tells nothing of the clause's time.
    if participle && next == "by" && words.tokens.get(i).is_some_and(|t| t.after_comma) {
        return None;
    }
    let perfect = matches!(prev, "has" | "have" | "hasn't" | "haven't");
    if has(PAST_WORD) || (participle || word == "been") && perfect {
        return Some(Marker::Past);
    }
    participle.then_some(Marker::WeakPast)
}

/// The tense of `range` within `text`, judged from markers nearest to `expr` (which is skipped).
fn tense_in(
    words: &Words,
    range: Range<usize>,
    expr: Range<usize>,
    reported_day: bool,
) -> Option<Tense> {
    let mut best: Option<(usize, Marker)> = None;
    let mut weak = false;
    // "He said Sunday's election would go ahead": a day owned by what is reported takes its
    // tense from the report, not from the saying.
    for (i, token) in words.tokens.iter().enumerate() {
        if reported_day
            && token.end <= expr.start
            && matches!(
                words.lower(i),
                "said" | "says" | "told" | "stated" | "added" | "announced"
            )
        {
            continue;
        }
        if token.start < range.start || token.end > range.end {
            continue;
        }
        if token.start < expr.end && token.end > expr.start {
            continue;
        }
        let Some(marker) = token.marker else {
            continue;
        };
        // "Putin on Wednesday ordered vaccinations to begin next week": a verb form in -ed right
        // after the time is the verb it dates.
        let right_after = token.start >= expr.end
            && i > 0
            && words.tokens.get(i - 1).is_some_and(|p| p.end <= expr.end);
        if marker == Marker::WeakPast && right_after {
            return Some(Tense::Past);
        }
        if marker == Marker::WeakPast {
            weak = true;
            continue;
        }
        let distance = if token.end <= expr.start {
            expr.start - token.end
        } else {
            token.start.saturating_sub(expr.end)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, marker));
        }
    }
    match best {
        Some((_, Marker::Future)) => Some(Tense::Future),
        Some(_) => Some(Tense::Past),
        None => weak.then_some(Tense::Past),
    }
}

/// The tense around the expression at `start..end` in `text` (one sentence).
pub fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    tense_at_in(text, &Words::new(text), start, end)
}

/// [`tense_at`] with the words of `text` already read.
pub fn tense_at_in(text: &str, words: &Words, start: usize, end: usize) -> Tense {
    tense_around(text, words, start, end, false)
}

/// The tense of the clause holding the expression only ([`Tense::Unknown`] when that clause
/// has no marker): "which boycotted the January election" is past, "Trump, Biden's opponent in
/// the November election, said" tells nothing of the election.
pub fn clause_tense_at_in(text: &str, words: &Words, start: usize, end: usize) -> Tense {
    tense_around(text, words, start, end, true)
}

fn tense_around(text: &str, words: &Words, start: usize, end: usize, clause_only: bool) -> Tense {
    let start = floor_boundary(text, start);
    let end = floor_boundary(text, end).max(start);
    let tokens = &words.tokens;
    let reported_day = text
        .get(end..)
        .is_some_and(|r| r.starts_with("'s ") || r.starts_with("’s "));
    // "The FDP said late on Wednesday it would pull out": a day right after a past verb of
    // saying dates the saying.
    let first = tokens.partition_point(|t| t.end <= start);
    let mut k = first;
    while k > 0
        && matches!(
            words.lower(k - 1),
            "late" | "early" | "on" | "earlier" | "later"
        )
    {
        k -= 1;
    }
    if !reported_day
        && k > 0
        && matches!(
            words.lower(k - 1),
            "said" | "told" | "stated" | "announced" | "added" | "wrote" | "tweeted" | "posted"
        )
    {
        return Tense::Past;
    }

    // The quotation or narration segment holding the expression.
    let seg_start = text[..start].rfind(QUOTES).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let seg_end = text[end..].find(QUOTES).map_or(text.len(), |i| end + i);

    // The clause within it.
    let mut clause_start = seg_start;
    let mut clause_end = seg_end;
    if let Some(i) = text[seg_start..start].rfind(CLAUSE_PUNCTUATION) {
        clause_start = clause_start.max(
            seg_start
                + i
                + text[seg_start + i..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8),
        );
    }
    if let Some(i) = text[end..seg_end].find(CLAUSE_PUNCTUATION) {
        clause_end = clause_end.min(end + i);
    }
    for (i, token) in tokens.iter().enumerate() {
        if CLAUSE_WORDS.contains(&words.lower(i)) {
            if token.start >= clause_start && token.end <= start {
                clause_start = token.start;
            } else if token.start >= end && token.start < clause_end {
                clause_end = token.start;
            }
        }
    }

    // "Early on Monday, Nadella announced that they would join": an opening time phrase takes
    // the tense of the clause it introduces, not of one further on.
    let next_clause = || {
        if !text.get(clause_end..).is_some_and(|t| t.starts_with(',')) {
            return None;
        }
        let from = (clause_end + 1).min(seg_end);
        let mut to = text
            .get(from..seg_end)?
            .find(CLAUSE_PUNCTUATION)
            .map_or(seg_end, |i| from + i);
        let first = tokens.partition_point(|t| t.start <= from);
        for (i, token) in tokens.iter().enumerate().skip(first) {
            if token.start >= to {
                break;
            }
            if CLAUSE_WORDS.contains(&words.lower(i)) {
                to = token.start;
                break;
            }
        }
        tense_in(words, from..to, start..end, reported_day)
    };
    let expr = start..end;
    if clause_only {
        return tense_in(words, clause_start..clause_end, expr, reported_day)
            .unwrap_or(Tense::Unknown);
    }
    tense_in(words, clause_start..clause_end, expr.clone(), reported_day)
        .or_else(next_clause)
        .or_else(|| tense_in(words, seg_start..seg_end, expr.clone(), reported_day))
        .or_else(|| tense_in(words, 0..text.len(), expr, reported_day))
        .unwrap_or(Tense::Unknown)
}

/// The largest char boundary at or before `at` (clamped to the text).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The tense of a whole sentence (markers anywhere; the first strong one wins).
pub fn sentence_tense(text: &str) -> Tense {
    tense_at(text, 0, 0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Reason: a failing unwrap is a failing test.
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Tense {
        let start = text.find(needle).unwrap();
        tense_at(text, start, start + needle.len())
    }

    fn regex_spans(text: &str) -> Vec<(usize, usize)> {
        Regex::new(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
            .unwrap()
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn word_spans_match_the_regex(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "O", "'", "’", "Neill", "s", "2", "٣", "é", "\u{301}", "Ⅻ", "½", "漢", " ", "-",
                "ǅ", "ll", "\u{345}", "a",
            ]),
            0..30,
        )) {
            let text = parts.concat();
            proptest::prop_assert_eq!(word_spans(&text), regex_spans(&text));
        }

        #[test]
        fn word_spans_match_the_regex_on_any_string(text in ".*") {
            proptest::prop_assert_eq!(word_spans(&text), regex_spans(&text));
        }
    }

    #[test]
    fn what_one_is_to_face_is_ahead() {
        let text = "She gave them until Friday to close the deal or face a trial in November.";
        assert_eq!(at(text, "in November"), Tense::Future);
        assert_eq!(
            at("They gave up the trial in November.", "in November"),
            Tense::Past
        );
    }

    #[test]
    fn clause_markers() {
        assert_eq!(
            at(
                "Putin said on Friday that he will visit Hanoi.",
                "on Friday"
            ),
            Tense::Past
        );
        assert_eq!(
            at(
                "Putin will visit Hanoi on Friday, the Kremlin said.",
                "on Friday"
            ),
            Tense::Future
        );
        assert_eq!(
            at(
                "Putin is set to travel to Vietnam on Wednesday.",
                "on Wednesday"
            ),
            Tense::Future
        );
        assert_eq!(
            at(
                "The minister plans to visit Beijing in September.",
                "September"
            ),
            Tense::Future
        );
        assert_eq!(
            at(
                "Kim, who met Putin in September, is expected to go.",
                "September"
            ),
            Tense::Past
        );
        assert_eq!(
            at("He stated on Friday that talks would resume.", "on Friday"),
            Tense::Past
        );
        assert_eq!(
            at(
                "The storm had weakened, but it was expected to make a second landfall on Friday.",
                "on Friday"
            ),
            Tense::Future
        );
        assert_eq!(at("The summit is in May.", "May"), Tense::Unknown);
        assert_eq!(
            at(
                "The FTC sued to block the deal in December, saying it would hurt rivals.",
                "December"
            ),
            Tense::Past
        );
        assert_eq!(
            at("The vote will be held on June 20.", "on June 20"),
            Tense::Future
        );
        assert_eq!(
            at("The vote has been held on June 20.", "on June 20"),
            Tense::Past
        );
        assert_eq!(
            at("The town has suffered attacks since March.", "March"),
            Tense::Past
        );
    }

    #[test]
    fn quotations_and_narration() {
        let text = "“We will meet on Friday,” he said.";
        assert_eq!(at(text, "on Friday"), Tense::Future);
        let seed = "“We hope this is a message that Putin will convey to Kim in their discussion,” the speaker said, referencing a statement made by Chinese leader Xi Jinping and Russian President Vladimir Putin during their May summit, which emphasized the need.";
        assert_eq!(at(seed, "May"), Tense::Past);
    }

    #[test]
    fn earlier_than_is_a_comparison() {
        let text =
            "A snap election could be held by the end of March, six months earlier than scheduled.";
        assert_eq!(at(text, "the end of March"), Tense::Future);
    }

    #[test]
    fn a_verb_right_after_the_time_is_the_one_it_dates() {
        let text = "Putin on Wednesday ordered large-scale vaccinations to begin next week.";
        assert_eq!(at(text, "on Wednesday"), Tense::Past);
        let text = "The ministers on Wednesday will meet to plan talks that started last week.";
        assert_eq!(at(text, "on Wednesday"), Tense::Future);
    }

    #[test]
    fn scheduled_present_looks_ahead() {
        let text = "Lula, who takes office on Sunday, wrote that few carried the name as far.";
        assert_eq!(at(text, "on Sunday"), Tense::Future);
        // A plural noun of the same form is no verb, nor is a present of state.
        let text = "His visits on Sunday were reported.";
        assert_eq!(at(text, "on Sunday"), Tense::Past);
        let text = "In March, he called on China to make public all the information it holds.";
        assert_ne!(at(text, "In March"), Tense::Future);
        // After any subject, a verb that is only a verb.
        let text = "The disaster comes months before Turkey holds elections on May 14.";
        assert_eq!(at(text, "on May 14"), Tense::Future);
        let text = "The APEC leaders' meeting wraps up on Friday.";
        assert_eq!(at(text, "on Friday"), Tense::Future);
        let text = "The deadline for complying with the law falls on Thursday.";
        assert_eq!(at(text, "on Thursday"), Tense::Future);
        let text = "The ceasefire expires on Sunday, officials said.";
        assert_eq!(at(text, "on Sunday"), Tense::Future);
        // Not a noun of the same form, nor a present of state.
        let text = "Argentina won on Tuesday, when Martinez saved three spot kicks.";
        assert_eq!(at(text, "on Tuesday"), Tense::Past);
        let text = "He played at the stadium, which holds 80,000, on Sunday.";
        assert_ne!(at(text, "on Sunday"), Tense::Future);
    }

    #[test]
    fn obligations_and_invitations_look_ahead() {
        let text = "A new leader should be in place by the party's conference in October.";
        assert_eq!(at(text, "in October"), Tense::Future);
        let text = "She invited Tusk and Renzi to Berlin on Monday for talks.";
        assert_eq!(at(text, "on Monday"), Tense::Future);
        let text = "He should have resigned in October.";
        assert_eq!(at(text, "in October"), Tense::Past);
        let text = "He was invited to the palace on Monday.";
        assert_eq!(at(text, "on Monday"), Tense::Past);
    }

    #[test]
    fn due_to_a_noun_is_no_future() {
        let text = "It skipped interest payments due to bondholders on Oct. 2.";
        assert_eq!(at(text, "on Oct. 2"), Tense::Past);
        let text = "His contract, due to expire in December, was not renewed.";
        assert_eq!(at(text, "in December"), Tense::Future);
    }

    #[test]
    fn weak_past_only_without_strong_markers() {
        assert_eq!(
            at("The chief expressed alarm on Tuesday.", "on Tuesday"),
            Tense::Past
        );
        assert_eq!(
            at(
                "Putin will visit the nuclear-armed nation on Tuesday.",
                "on Tuesday"
            ),
            Tense::Future
        );
    }

    #[test]
    fn odd_input() {
        assert_eq!(tense_at("", 0, 0), Tense::Unknown);
        assert_eq!(tense_at("“", 0, 3), Tense::Unknown);
        assert_eq!(tense_at("ab", 5, 1), Tense::Unknown);
        assert_eq!(sentence_tense("They will go."), Tense::Future);
        // An aim: the allies were working to make it happen by the summit in July.
        let text = "He said the allies were working to make that happen by the summit in Vilnius, Lithuania, in July.";
        assert_eq!(at(text, "in July"), Tense::Future);
    }
}
