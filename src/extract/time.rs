//! Time expressions found in a sentence and normalised against an anchor date (HeidelTime-style
//! rules written on chrono and the `regex` crate).
//!
//! Three steps, each a plain function:
//! 1. **find**: every rule (a regex plus a check of the words around it) proposes candidates;
//!    named historic periods come from `assets/rules/periods.toml` ([`Periods`]);
//! 2. **select**: the longest candidates win, never overlapping; a modifier ("early", "mid-",
//!    "late", "the end of") and a leading "on"/"in" are then taken into the span;
//! 3. **resolve**: absolute expressions become date ranges directly; relative ones ("Tuesday",
//!    "in May", "next month", "three years ago") are read against the anchor (the publication
//!    date) in the direction the sentence's tense points ([`tense_at`]). Without an anchor they
//!    stay unresolved. Lengths of time ("in 24 years", "for three days") are marked
//!    [`TimeExpr::is_duration`] and never become dates.
//!
//! Weeks ("last week", "two weeks ago") resolve to a Monday–Sunday range with `Precision::Day`:
//! the range, not the precision, says how wide they are. Centuries use `Precision::Decade`.

mod haystack;
mod periods;
mod tense;

pub use periods::{Period, PeriodMatch, Periods};
pub use tense::{Tense, sentence_tense, tense_at};

use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::{Captures, Match, Regex, RegexSet};

use crate::model::Precision;

/// A time expression found in text and, where it could be, resolved to a date range.
///
/// Invariants: `start..end` lies on char boundaries of the text passed in and
/// `text == input[start..end]`; `range`, when present, has `range.0 <= range.1`; a duration
/// (`is_duration`) never has a range.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeExpr {
    /// Byte offsets into the text passed in.
    pub start: usize,
    pub end: usize,
    /// The expression as written ("on Tuesday", "next month", "the Second World War").
    pub text: String,
    /// First and last day (inclusive), if resolved.
    pub range: Option<(NaiveDate, NaiveDate)>,
    pub precision: Precision,
    /// What it was read against ("published 2024-06-18"), `None` for absolute dates and for
    /// relative ones that could not be resolved.
    pub anchor: Option<String>,
    /// A length of time ("in 24 years", "for three days", "the past two weeks"), not a date.
    pub is_duration: bool,
    /// Whether the expression needs an anchor ("Tuesday", "last year") to be placed in time.
    pub is_relative: bool,
    /// The rule that found it (`weekday`, `month_day`, `period`), for tests and debugging.
    pub rule: &'static str,
}

/// Finds and resolves the time expressions in `text` (one sentence). `anchor` is the
/// document's publication date; without it relative expressions stay unresolved. The tense
/// that decides the direction of "Tuesday" or "in May" is read from the sentence itself.
pub fn find_times(text: &str, anchor: Option<NaiveDate>) -> Vec<TimeExpr> {
    find_times_with(text, anchor, None)
}

/// Day references that lean on the day told just before ("later that day", "the next day"),
/// resolved against `day`, the last single day an earlier sentence of the document gave.
pub fn anaphoric_days(text: &str, day: NaiveDate) -> Vec<TimeExpr> {
    const FORMS: &[(&str, i64)] = &[
        ("later that day", 0),
        ("earlier that day", 0),
        ("that same day", 0),
        ("the same day", 0),
        ("that day", 0),
        ("that night", 0),
        ("that evening", 0),
        ("that morning", 0),
        ("that afternoon", 0),
        ("the next day", 1),
        ("the following day", 1),
        ("a day later", 1),
        ("the next morning", 1),
        ("the day before", -1),
        ("the previous day", -1),
        ("a day earlier", -1),
        // "Hours later a chaotic vote …" (not "36 hours later").
        ("hours later", 0),
        ("hours earlier", 0),
        ("minutes later", 0),
        ("moments later", 0),
    ];
    static FINDER: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let Some(finder) = FINDER
        .get_or_init(|| {
            aho_corasick::AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(FORMS.iter().map(|f| f.0))
                .ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    counted_days_later(text, day, &mut out);
    for m in finder.find_iter(text) {
        let (at, end) = (m.start(), m.end());
        let bounded = !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        let Some(&(_, offset)) = FORMS.get(m.pattern().as_usize()) else {
            continue;
        };
        let Some(date) = day.checked_add_signed(chrono::Duration::days(offset)) else {
            continue;
        };
        let many_hours = text[at..end].starts_with(['h', 'H'])
            && prev_word(text, at)
                .and_then(parse_number)
                .is_some_and(|n| n >= 12);
        if !bounded || many_hours {
            continue;
        }
        out.push(told_day(at, end, &text[at..end], date, day));
    }
    // "a day later" is read by both passes: keep one of overlapping expressions.
    out.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let mut last_end = 0;
    out.retain(|t| {
        let keep = t.start >= last_end;
        if keep {
            last_end = t.end;
        }
        keep
    });
    out
}

/// The time of play in a report of a game ("in the 73rd minute", "at halftime", "two minutes
/// after the break", "in stoppage time"): the day of the game, `day`, the first single day the
/// document told.
/// In a report of a game (`sports`: the document told of a contest), the periods of play count
/// too ("in the fourth quarter", "in the first half", "left in regulation"); elsewhere they are
/// a company's quarters and halves.
pub fn game_clock(text: &str, day: NaiveDate, sports: bool) -> Option<TimeExpr> {
    static CLOCK: OnceLock<Option<Regex>> = OnceLock::new();
    static PERIODS: OnceLock<Option<Regex>> = OnceLock::new();
    if sports
        && (text.contains("quarter")
            || text.contains("half")
            || text.contains("period")
            || text.contains("inning")
            || text.contains("regulation"))
        && let Some(re) = PERIODS
            .get_or_init(|| {
                Regex::new(
                    r"(?i)\b(?:in the (?:first|second|third|fourth|final|opening) (?:quarter|half|period|inning)|(?:left )?in regulation|at the half)\b",
                )
                .ok()
            })
            .as_ref()
        && let Some(m) = re.find(text)
        && !text[m.end()..].trim_start().starts_with("of ")
    {
        return Some(day_of_game(&m, day));
    }
    if !(text.contains("minute")
        || text.contains("half")
        || text.contains("time")
        || text.contains("whistle")
        || text.contains("break")
        || text.contains("shootout"))
    {
        return None;
    }
    let re = CLOCK
        .get_or_init(|| {
            Regex::new(
                r"(?i)\b(?:in the (?:\d+(?:st|nd|rd|th)|final|last|first|closing|opening|dying) minutes?|(?:at|by|before|after|just after|just before|until|from) (?:half-?time|the break|the interval|full-?time|the final whistle)|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) minutes? (?:after|before|into|from) (?:half-?time|the break|the restart|the start|the end|time)|in (?:overtime|extra time|stoppage time|injury time|added time)|in the (?:penalty )?shootout|on penalties)\b",
            )
            .ok()
        })
        .as_ref()?;
    let m = re.find(text)?;
    // "They beat Germany in extra time in the quarterfinals": play in another round of the
    // tournament is not on the day of this game.
    let from = text[..m.start()].rfind([',', ';']).map_or(0, |i| i + 1);
    let to = text[m.end()..]
        .find([',', ';'])
        .map_or(text.len(), |i| m.end() + i);
    let clause = text[from..to].to_ascii_lowercase();
    if [
        "quarterfinal",
        "quarter-final",
        "semifinal",
        "semi-final",
        "group stage",
        "round of",
        "last 16",
        "previous",
        "last year",
        "last season",
    ]
    .iter()
    .any(|w| clause.contains(w))
    {
        return None;
    }
    Some(day_of_game(&m, day))
}

/// A time of day with no date ("at 0835 GMT", "at about 5:47 p.m.", "by 10 a.m. local time"),
/// dated to `day`.
pub fn clock_time(text: &str, day: NaiveDate) -> Option<TimeExpr> {
    static CLOCK: OnceLock<Option<Regex>> = OnceLock::new();
    if !(text.contains("GMT")
        || text.contains("UTC")
        || text.contains("a.m.")
        || text.contains("p.m.")
        || text.contains("local time"))
    {
        return None;
    }
    let re = CLOCK
        .get_or_init(|| {
            Regex::new(
                r"(?i)\b(?:at|by|around|about|after|before|until|shortly after|shortly before|just after|just before)\s+(?:about\s+|around\s+|roughly\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.)|\d{4}\s*(?:GMT|UTC)\b|\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|local time)\b)",
            )
            .ok()
        })
        .as_ref()?;
    let m = re.find(text)?;
    Some(on_day(
        &m,
        day,
        format!("the day told ({day})"),
        "clock_time",
    ))
}

/// A time of play `m`, dated to the day of the game.
fn day_of_game(m: &Match<'_>, day: NaiveDate) -> TimeExpr {
    on_day(m, day, format!("the day of the game ({day})"), "game_clock")
}

/// The time `m` found by `rule`, dated to `day`, which `anchor` names.
fn on_day(m: &Match<'_>, day: NaiveDate, anchor: String, rule: &'static str) -> TimeExpr {
    TimeExpr {
        start: m.start(),
        end: m.end(),
        text: m.as_str().to_owned(),
        range: Some((day, day)),
        precision: Precision::Day,
        anchor: Some(anchor),
        is_duration: false,
        is_relative: true,
        rule,
    }
}

/// "Reagan defeated Carter in a landslide that November", "later that year", "the following
/// year": a month or year read from the year an earlier sentence of the document told
/// (`year`), not from the publication date. Rewrites the months in `times` and returns the years
/// to add.
pub fn year_told_before(text: &str, times: &mut [TimeExpr], year: Option<i32>) -> Vec<TimeExpr> {
    const FORMS: &[(&str, i32)] = &[
        ("that year", 0),
        ("that same year", 0),
        ("the same year", 0),
        ("the following year", 1),
        ("the next year", 1),
        ("a year later", 1),
        // "became prime minister in 2006 but resigned after a year" (not "after a year of
        // talks").
        ("after a year", 1),
        // Not "a year earlier", "the previous year": mostly comparisons ("up 5% from a year
        // earlier").
    ];
    // Most sentences have neither "that" nor "year": no copy of them.
    if !(text.contains("hat ") || text.contains("year")) {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    // "In 1989 he pulled out …, and in November of that year": a year this sentence told
    // before the reference counts first.
    // (Binary searches below keep a huge sentence linear.)
    times.sort_by_key(|t| t.start);
    let mut own: Vec<(usize, i32)> = times
        .iter()
        .filter(|t| !t.is_relative && !t.is_duration)
        .filter_map(|t| t.range.map(|r| (t.end, r)))
        .filter(|(_, r)| r.0.year() == r.1.year())
        .map(|(end, r)| (end, r.0.year()))
        .collect();
    own.sort_by_key(|x| x.0);
    let year_before = |at: usize| {
        let k = own.partition_point(|x| x.0 <= at);
        k.checked_sub(1)
            .and_then(|k| own.get(k))
            .map(|x| x.1)
            .or(year)
    };
    for t in times.iter_mut() {
        let Some((s, e)) = t.range else {
            continue;
        };
        let before = lower.get(..t.start).unwrap_or("").trim_end();
        let that = before.ends_with(" that") || before == "that" || before.ends_with(" that same");
        let after = lower.get(t.end..).unwrap_or("");
        let of_that_year = [" of that year", " that year", " of the same year"]
            .iter()
            .find(|f| after.starts_with(**f));
        if t.is_relative
            && !t.is_duration
            && t.precision == Precision::Month
            && (s.year(), s.month()) == (e.year(), e.month())
            && (that || of_that_year.is_some())
            && let Some(y) = year_before(t.start)
            && let Some(range) = months_range(y, s.month(), 1)
        {
            t.range = Some(range);
            t.anchor = Some(format!("the year told before ({y})"));
            if let Some(f) = of_that_year {
                t.end += f.len();
                text.get(t.start..t.end)
                    .unwrap_or_default()
                    .clone_into(&mut t.text);
                t.rule = "month_of_year_told";
            }
        }
    }
    let mut found: Vec<(usize, usize, &str, i32)> = Vec::new();
    for &(form, offset) in FORMS {
        let mut from = 0;
        while let Some(i) = lower.get(from..).and_then(|r| r.find(form)) {
            let at = from + i;
            let end = at + form.len();
            from = end;
            found.push((at, end, form, offset));
        }
    }
    // "voters endorsed its membership in a referendum two years later": a count of years.
    if lower.contains(" years later") {
        static LATER: OnceLock<Option<Regex>> = OnceLock::new();
        if let Some(re) = LATER
            .get_or_init(|| Regex::new(r"\b(?P<n>[a-z]+|\d{1,2})\s+years\s+later\b").ok())
            .as_ref()
        {
            for c in re.captures_iter(&lower) {
                let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
                    continue;
                };
                if let Some(n) = parse_number(n.as_str())
                    .filter(|n| (2..=60).contains(n))
                    .and_then(|n| i32::try_from(n).ok())
                {
                    found.push((whole.start(), whole.end(), whole.as_str(), n));
                }
            }
        }
    }
    found.sort_by_key(|&(at, end, _, _)| (at, std::cmp::Reverse(end)));
    let mut out: Vec<TimeExpr> = Vec::new();
    for (at, end, form, offset) in found {
        let bounded = !(lower[..at].ends_with(|c: char| c.is_alphanumeric())
            || lower[end..].starts_with(|c: char| c.is_alphanumeric())
            || form.starts_with("after") && lower[end..].starts_with(" of"));
        let Some(base) = year_before(at) else {
            continue;
        };
        let Some(y) = base.checked_add(offset) else {
            continue;
        };
        let Some(range) = months_range(y, 1, 12) else {
            continue;
        };
        // (Matches come by start: only the last one kept can overlap.)
        if !bounded || out.last().is_some_and(|t| at < t.end) {
            continue;
        }
        // "the following year" read from the publication date: from the year told instead.
        let k = times.partition_point(|t| t.start < end);
        if let Some(t) = times[k.saturating_sub(4)..k]
            .iter_mut()
            .find(|t| t.start < end && at < t.end)
        {
            // ("the following year" is also read as a length of time.)
            if t.rule != "month_of_year_told"
                && (t.is_relative && !t.is_duration || t.text.eq_ignore_ascii_case(form))
            {
                t.range = Some(range);
                t.is_duration = false;
                t.is_relative = true;
                t.precision = Precision::Year;
                t.anchor = Some(format!("the year told before ({base})"));
            }
            continue;
        }
        out.push(TimeExpr {
            start: at,
            end,
            text: text.get(at..end).unwrap_or_default().to_owned(),
            range: Some(range),
            precision: Precision::Year,
            anchor: Some(format!("the year told before ({base})")),
            is_duration: false,
            is_relative: true,
            rule: "year_told_before",
        });
    }
    out
}

/// "forced out in September 2019, and the bank took control the following month", "that
/// month", "a month later": a month read from the month told before (this sentence's, else
/// `month`, the last an earlier sentence of the document told), not from the publication date.
pub fn month_told_before(
    text: &str,
    times: &mut [TimeExpr],
    month: Option<(i32, u32)>,
) -> Vec<TimeExpr> {
    const FORMS: &[(&str, i32)] = &[
        ("later that month", 0),
        ("that same month", 0),
        ("the same month", 0),
        ("that month", 0),
        ("the following month", 1),
        ("the next month", 1),
        ("a month later", 1),
        ("the previous month", -1),
    ];
    if !text.contains("month") {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let mut found: Vec<(usize, usize, i32)> = Vec::new();
    for &(form, offset) in FORMS {
        let mut from = 0;
        while let Some(i) = lower.get(from..).and_then(|r| r.find(form)) {
            let at = from + i;
            let end = at + form.len();
            from = end;
            let bounded = !(lower[..at].ends_with(|c: char| c.is_alphanumeric())
                || lower[end..].starts_with(|c: char| c.is_alphanumeric()));
            // (The longer form found first wins: "later that month" over "that month".)
            if bounded && !found.iter().any(|&(a, e, _)| at < e && a < end) {
                found.push((at, end, offset));
            }
        }
    }
    found.sort_by_key(|&(at, _, _)| at);
    let month_of = |t: &TimeExpr| {
        let (s, e) = t.range?;
        (!t.is_duration
            && matches!(t.precision, Precision::Day | Precision::Month)
            && (s.year(), s.month()) == (e.year(), e.month()))
            .then_some((s.year(), s.month()))
    };
    let mut out = Vec::new();
    for (at, end, offset) in found {
        let told = times
            .iter()
            .filter(|t| t.end <= at)
            .filter_map(month_of)
            .next_back()
            .or(month);
        let Some((year, m)) = told else {
            continue;
        };
        let Some(first) = ymd(year, m, 1).and_then(|d| shift_months(d, offset)) else {
            continue;
        };
        let Some(range) = months_range(first.year(), first.month(), 1) else {
            continue;
        };
        let anchor = Some(format!("the month told before ({year}-{m:02})"));
        if let Some(t) = times.iter_mut().find(|t| t.start < end && at < t.end) {
            t.range = Some(range);
            t.precision = Precision::Month;
            t.is_duration = false;
            t.is_relative = true;
            t.anchor = anchor;
            continue;
        }
        out.push(TimeExpr {
            start: at,
            end,
            text: text.get(at..end).unwrap_or_default().to_owned(),
            range: Some(range),
            precision: Precision::Month,
            anchor,
            is_duration: false,
            is_relative: true,
            rule: "month_told_before",
        });
    }
    out
}

/// "in May 2022, three months after Russian troops invaded Ukraine", "July 11, four days before
/// the convention opens": a count after a date told in the same sentence dates what follows it,
/// counted back (after) or on (before) from that date.
pub fn counted_from_told(text: &str, times: &[TimeExpr]) -> Vec<TimeExpr> {
    static COUNT: OnceLock<Option<Regex>> = OnceLock::new();
    if !(text.contains(" after ") || text.contains(" before ")) {
        return Vec::new();
    }
    let Some(re) = COUNT
        .get_or_init(|| {
            Regex::new(&format!(
                r"(?i),\s+(?:just\s+|about\s+|some\s+)?(?P<n>{NUM})\s+(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>after|before)\b"
            ))
            .ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let (Some(whole), Some(n), Some(u), Some(dir)) =
            (c.get(0), c.name("n"), c.name("u"), c.name("dir"))
        else {
            continue;
        };
        let Some(told) = times.iter().find(|t| {
            t.end == whole.start() && !t.is_duration && t.range.is_some_and(|r| r.0 <= r.1)
        }) else {
            continue;
        };
        let Some((from, to)) = told.range else {
            continue;
        };
        let Some(count) = parse_number(n.as_str()).and_then(|x| i32::try_from(x).ok()) else {
            continue;
        };
        // The date told is that long after (or before) what follows.
        let sign = if dir.as_str().eq_ignore_ascii_case("after") {
            -1
        } else {
            1
        };
        let unit = u.as_str().to_ascii_lowercase();
        let shifted = if unit.starts_with("day") || unit.starts_with("week") {
            let days = i64::from(count) * if unit.starts_with("week") { 7 } else { 1 };
            (told.precision == Precision::Day && from == to)
                .then(|| add_days(from, i64::from(sign) * days))
                .flatten()
                .map(|d| ((d, d), Precision::Day))
        } else if unit.starts_with("month") {
            (matches!(told.precision, Precision::Day | Precision::Month))
                .then(|| shift_months(from, sign * count))
                .flatten()
                .and_then(|d| months_range(d.year(), d.month(), 1))
                .map(|r| (r, Precision::Month))
        } else {
            from.year()
                .checked_add(sign * count)
                .and_then(|y| months_range(y, 1, 12))
                .filter(|_| to.year() == from.year())
                .map(|r| (r, Precision::Year))
        };
        let Some((range, precision)) = shifted else {
            continue;
        };
        let start = n.start();
        out.push(TimeExpr {
            start,
            end: whole.end(),
            text: text
                .get(start..whole.end())
                .unwrap_or_default()
                .trim()
                .to_owned(),
            range: Some(range),
            precision,
            anchor: Some(format!("{} ({})", told.text, from)),
            is_duration: false,
            is_relative: true,
            rule: "counted_from_told",
        });
    }
    out
}

/// A day read from the day told before (`day`): "the next day", "two days later".
fn told_day(start: usize, end: usize, text: &str, date: NaiveDate, day: NaiveDate) -> TimeExpr {
    TimeExpr {
        start,
        end,
        text: text.to_owned(),
        range: Some((date, date)),
        precision: Precision::Day,
        anchor: Some(format!("the day told before ({day})")),
        is_duration: false,
        is_relative: true,
        rule: "anaphoric_day",
    }
}

/// "two days later", "a week earlier", "three days after that": a count of days or weeks from
/// the day told before.
fn counted_days_later(text: &str, day: NaiveDate, out: &mut Vec<TimeExpr>) {
    static COUNTED: OnceLock<Option<Regex>> = OnceLock::new();
    if !(text.contains(" later") || text.contains(" earlier") || text.contains(" after that")) {
        return;
    }
    let Some(re) = COUNTED
        .get_or_init(|| {
            Regex::new(
                r"(?i)\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<u>days?|weeks?)\s+(?P<d>later|earlier|after\s+that|before\s+that)\b",
            )
            .ok()
        })
        .as_ref()
    else {
        return;
    };
    for c in re.captures_iter(text) {
        let (Some(all), Some(n), Some(u), Some(d)) =
            (c.get(0), c.name("n"), c.name("u"), c.name("d"))
        else {
            continue;
        };
        let count = i64::from(parse_number(n.as_str()).unwrap_or(0));
        let days = if u.as_str().to_lowercase().starts_with("week") {
            count * 7
        } else {
            count
        };
        let sign = if d.as_str().to_lowercase().starts_with("earlier")
            || d.as_str().to_lowercase().starts_with("before")
        {
            -1
        } else {
            1
        };
        if days == 0 {
            continue;
        }
        let Some(date) = day.checked_add_signed(chrono::Duration::days(sign * days)) else {
            continue;
        };
        out.push(told_day(all.start(), all.end(), all.as_str(), date, day));
    }
}

/// Like [`find_times`], with the tense given by the caller (`None`: read it from the text
/// around each expression).
pub fn find_times_with(
    text: &str,
    anchor: Option<NaiveDate>,
    tense: Option<Tense>,
) -> Vec<TimeExpr> {
    // The rules run on a same-length ASCII-friendly copy when they can (see `haystack`);
    // builders always read the context from `text` itself.
    let shadow = haystack::shadow(text);
    find_times_in(text, shadow.as_deref(), anchor, tense)
}

/// [`find_times_with`] given the shadow of `text` (`None`: the Unicode rules on `text`).
fn find_times_in(
    text: &str,
    shadow: Option<&str>,
    anchor: Option<NaiveDate>,
    tense: Option<Tense>,
) -> Vec<TimeExpr> {
    let mut candidates = Vec::new();
    // One pass of all rules together says which can match at all (on the shadow only: with
    // Unicode word boundaries the set would be as slow as the rules one by one).
    let matching = shadow.zip(rule_set()).map(|(hay, set)| set.matches(hay));
    for (index, rule) in rules().iter().enumerate() {
        if matching.as_ref().is_some_and(|m| !m.matched(index)) {
            continue;
        }
        let (regex, hay) = match (shadow, &rule.ascii) {
            (Some(hay), Some(ascii)) => (ascii, hay),
            _ => (&rule.regex, text),
        };
        for caps in regex.captures_iter(hay) {
            let Some(whole) = caps.get(0) else {
                continue;
            };
            if let Some((meaning, part)) = (rule.build)(&caps, text) {
                candidates.push(Candidate {
                    start: whole.start(),
                    end: whole.end(),
                    meaning,
                    part,
                    rule: rule.name,
                    order: index,
                });
            }
        }
    }
    for found in Periods::embedded().find_in(text, shadow) {
        let period = found.period;
        candidates.push(Candidate {
            start: found.start,
            end: found.end,
            meaning: Meaning::Fixed(period.start, period.end, period.precision),
            part: None,
            rule: "period",
            order: usize::MAX,
        });
    }

    let mut chosen = select(candidates);
    let mut floor = 0;
    let mut found = Vec::with_capacity(chosen.len());
    // The words of the last context window read, reused while the window stays the same
    // (always, in sentences shorter than the window).
    let mut words: Option<((usize, usize), tense::Words)> = None;
    for candidate in &mut chosen {
        extend_left(text, shadow, candidate, floor);
        floor = candidate.end;
        let tense = match tense {
            Some(tense) => tense,
            None if !needs_tense(&candidate.meaning, anchor) => Tense::Unknown,
            // "the Nov. 5 presidential election", "the May summit": a date naming an occasion
            // is its nearest occurrence, whatever the tense of the sentence telling of it.
            None if attributive(text, candidate.start, candidate.end)
                && matches!(candidate.meaning, Meaning::Yearly { .. })
                && !matches!(
                    candidate.meaning,
                    Meaning::Yearly {
                        kind: Yearly::Month(_),
                        ..
                    }
                ) =>
            {
                Tense::Unknown
            }
            // "asked her to suspend parliament until March 24", "postponed the vote until
            // May 3": the end of a span that runs from the telling is its nearest occurrence.
            None if matches!(candidate.meaning, Meaning::Yearly { .. })
                && matches!(
                    word_before(text, candidate.start).as_str(),
                    "until" | "till"
                ) =>
            {
                Tense::Unknown
            }
            None if attributive(text, candidate.start, candidate.end)
                && matches!(candidate.meaning, Meaning::Yearly { .. }) =>
            {
                // A month alone follows its own clause: "which boycotted the January election".
                let (from, to) = around(text, candidate.start, candidate.end, CONTEXT_BYTES);
                let window = &text[from..to];
                let read = tense::Words::new(window);
                tense::clause_tense_at_in(
                    window,
                    &read,
                    candidate.start - from,
                    candidate.end - from,
                )
            }
            None => {
                // Only the words near the expression matter; a window keeps long texts linear.
                let (from, to) = around(text, candidate.start, candidate.end, CONTEXT_BYTES);
                let window = &text[from..to];
                let read = match words.take() {
                    Some((at, w)) if at == (from, to) => w,
                    _ => tense::Words::new(window),
                };
                let tense =
                    tense::tense_at_in(window, &read, candidate.start - from, candidate.end - from);
                words = Some(((from, to), read));
                tense
            }
        };
        found.push(resolve(text, candidate, anchor, tense));
    }
    join_day_pairs(text, &mut found);
    found
}

/// "on Tuesday and Wednesday", "on June 3 and 4": two days a few days apart joined by "and" are
/// one span of days, from the first to the second.
fn join_day_pairs(text: &str, found: &mut Vec<TimeExpr>) {
    let mut out: Vec<TimeExpr> = Vec::with_capacity(found.len());
    for mut b in found.drain(..) {
        // "meeting on Tuesday and Wednesday": the second weekday is the one after the first.
        if let Some(a) = out.last()
            && let (Some((a0, a1)), Some(_)) = (a.range, b.range)
            && a0 == a1
            && a.precision == Precision::Day
            && b.precision == Precision::Day
            && text.get(a.end..b.start).is_some_and(|g| g.trim() == "and")
            && a.text.trim_start_matches("on ").parse::<Weekday>().is_ok()
            && let Ok(weekday) = b.text.parse::<Weekday>()
        {
            let ahead = (i64::from(weekday.num_days_from_monday())
                - i64::from(a0.weekday().num_days_from_monday()))
            .rem_euclid(7);
            if ahead > 0
                && let Some(day) = add_days(a0, ahead)
            {
                b.range = Some((day, day));
            }
        }
        if let Some(a) = out.last_mut()
            && let (Some((a0, a1)), Some((b0, b1))) = (a.range, b.range)
            && a0 == a1
            && b0 == b1
            && a.precision == Precision::Day
            && b.precision == Precision::Day
            && !a.is_duration
            && !b.is_duration
            && (1..=6).contains(&(b0 - a0).num_days())
            && text.get(a.end..b.start).is_some_and(|g| g.trim() == "and")
        {
            a.end = b.end;
            text.get(a.start..b.end)
                .unwrap_or("")
                .clone_into(&mut a.text);
            a.range = Some((a0, b0));
            continue;
        }
        out.push(b);
    }
    // "from April 19 to June 1", "from 2014 to March 2015": two times of a span are one.
    let mut spans: Vec<TimeExpr> = Vec::with_capacity(out.len());
    for b in out.drain(..) {
        if let Some(a) = spans.last_mut()
            && let (Some((a0, _)), Some((_, b1))) = (a.range, b.range)
            && a0 <= b1
            && !a.is_duration
            && !b.is_duration
            && matches!(
                text.get(a.end..b.start).map(str::trim),
                Some("to" | "until" | "through" | "-" | "–")
            )
            && word_before(text, a.start) == "from"
            && !a.text.to_lowercase().starts_with("from")
        {
            a.end = b.end;
            text.get(a.start..b.end)
                .unwrap_or("")
                .clone_into(&mut a.text);
            a.range = Some((a0, b1));
            // The coarser of the two ("from 2014 to March 2015" is told in years).
            let rank = |p: Precision| match p {
                Precision::Day => 0,
                Precision::Month => 1,
                Precision::Year => 2,
                Precision::Decade => 3,
            };
            if rank(b.precision) > rank(a.precision) {
                a.precision = b.precision;
            }
            continue;
        }
        spans.push(b);
    }
    let mut out = spans;
    // "hearings on Jan. 11 and 12": a day joined by "and" to a bare day number after it; not
    // "on June 3 and 4 people died".
    for a in &mut out {
        let Some((a0, a1)) = a.range else {
            continue;
        };
        let rest = text.get(a.end..).unwrap_or("");
        let Some(after_and) = rest.strip_prefix(" and ") else {
            continue;
        };
        let digits: String = after_and.chars().take_while(char::is_ascii_digit).collect();
        let Ok(day) = digits.parse::<u32>() else {
            continue;
        };
        let end = a.end + " and ".len() + digits.len();
        let counted = next_word(text, end).is_some_and(|w| {
            w.chars().all(char::is_lowercase) && !super::rules::lexicon().preps.contains(w)
        });
        if a0 == a1
            && a.precision == Precision::Day
            && !a.is_duration
            && a.text.chars().any(char::is_alphabetic)
            && !counted
            && !text
                .get(end..)
                .is_some_and(|r| r.starts_with(char::is_alphanumeric))
            && let Some(b0) = a0.with_day(day)
            && (1..=6).contains(&(b0 - a0).num_days())
        {
            a.end = end;
            text.get(a.start..end).unwrap_or("").clone_into(&mut a.text);
            a.range = Some((a0, b0));
        }
    }
    *found = out;
}

/// The word right before byte `start`, lowercase ("by" in "by July 1").
fn word_before(text: &str, start: usize) -> String {
    text.get(..start)
        .unwrap_or("")
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether the expression at `start..end` modifies the noun after it, after "the".
fn attributive(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let the = before.len() >= 4
        && before
            .get(before.len() - 4..)
            .is_some_and(|w| w.eq_ignore_ascii_case(" the"))
        || before.eq_ignore_ascii_case("the");
    let after = text.get(end..).unwrap_or("");
    the && after.starts_with(' ')
        && after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Whether [`resolve`] reads the tense for `meaning` (it is not worth computing otherwise).
fn needs_tense(meaning: &Meaning, anchor: Option<NaiveDate>) -> bool {
    match meaning {
        Meaning::Yearly { .. } | Meaning::Weekday { .. } | Meaning::Weekend(_) => anchor.is_some(),
        Meaning::Ahead { duration_cue, .. } => !duration_cue,
        Meaning::Fixed(..)
        | Meaning::YearlyIn { .. }
        | Meaning::DayOffset(_)
        | Meaning::Calendar { .. }
        | Meaning::Ago { .. }
        | Meaning::Duration(_) => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Meanings: what a candidate says before it is read against the anchor.

/// Which occurrence of a recurring period ("May", "Friday", "summer") is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shift {
    /// Decided by tense: "in May", "on Friday".
    Plain,
    Last,
    This,
    Next,
}

/// A part of a range: "early 2024", "mid-June", "late last year", "the end of the year".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
    /// "the start of": narrower than early (the first month of a year).
    Start,
    /// "the end of": narrower than late (the last month of a year).
    End,
}

/// The side of the anchor within a calendar unit: "the rest of the year".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Whole,
    After,
    /// "earlier this week": the unit's days before the anchor.
    Before,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn precision(self) -> Precision {
        match self {
            Unit::Day | Unit::Week => Precision::Day,
            Unit::Month | Unit::Quarter => Precision::Month,
            Unit::Year => Precision::Year,
            Unit::Decade | Unit::Century => Precision::Decade,
        }
    }

    fn from_word(word: &str) -> Option<Unit> {
        let word = word.to_lowercase();
        let word = word.trim_end_matches('s');
        Some(match word {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" | "centurie" => Unit::Century,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A period that recurs every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Yearly {
    Month(u32),
    /// Month, first day, last day.
    MonthDay(u32, u32, u32),
    Season(Season),
    Quarter(u32),
    Half(u32),
    /// First month and number of months ("from April to August").
    Months(u32, u32),
    /// A holiday whose day moves from year to year.
    Movable(Movable),
}

/// Holidays computed from the calendar, each year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Movable {
    /// Easter Sunday plus a number of days (Good Friday is -2).
    Easter(i64),
    /// The fourth Thursday of November (the United States' Thanksgiving).
    Thanksgiving,
    /// The first Monday of September (Labor Day in the United States).
    LaborDay,
    /// The last Monday of May (Memorial Day in the United States).
    MemorialDay,
}

impl Movable {
    fn day(self, year: i32) -> Option<NaiveDate> {
        match self {
            Movable::Easter(offset) => {
                // The anonymous Gregorian computus.
                let (a, b, c) = (year % 19, year / 100, year % 100);
                let (d, e) = (b / 4, b % 4);
                let f = (b + 8) / 25;
                let g = (b - f + 1) / 3;
                let h = (19 * a + b - d - g + 15) % 30;
                let (i, k) = (c / 4, c % 4);
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 22 * l) / 451;
                let month = (h + l - 7 * m + 114) / 31;
                let day = (h + l - 7 * m + 114) % 31 + 1;
                let sunday = ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
                sunday.checked_add_signed(chrono::TimeDelta::days(offset))
            }
            Movable::Thanksgiving => {
                let first = ymd(year, 11, 1)?;
                let to_thursday = (7 + 3 - i64::from(first.weekday().num_days_from_monday())) % 7;
                first.checked_add_signed(chrono::TimeDelta::days(to_thursday + 21))
            }
            Movable::LaborDay => {
                let first = ymd(year, 9, 1)?;
                let to_monday = (7 - i64::from(first.weekday().num_days_from_monday())) % 7;
                first.checked_add_signed(chrono::TimeDelta::days(to_monday))
            }
            Movable::MemorialDay => {
                let last = ymd(year, 5, 31)?;
                let back = i64::from(last.weekday().num_days_from_monday());
                last.checked_sub_signed(chrono::TimeDelta::days(back))
            }
        }
    }
}

impl Yearly {
    fn range(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Yearly::Month(m) => months_range(year, m, 1),
            Yearly::MonthDay(m, d1, d2) => Some((ymd(year, m, d1)?, ymd(year, m, d2)?)),
            Yearly::Season(season) => {
                let first = match season {
                    Season::Spring => 3,
                    Season::Summer => 6,
                    Season::Autumn => 9,
                    Season::Winter => 12,
                };
                months_range(year, first, 3)
            }
            Yearly::Quarter(q) => months_range(year, 3 * q - 2, 3),
            Yearly::Half(h) => months_range(year, 6 * h - 5, 6),
            Yearly::Months(first, count) => months_range(year, first, count),
            Yearly::Movable(holiday) => holiday.day(year).map(|d| (d, d)),
        }
    }

    fn precision(self) -> Precision {
        match self {
            Yearly::MonthDay(..) | Yearly::Movable(_) => Precision::Day,
            _ => Precision::Month,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Meaning {
    /// An absolute range.
    Fixed(NaiveDate, NaiveDate, Precision),
    /// "in May", "June 18", "last summer", "the first quarter".
    Yearly {
        kind: Yearly,
        shift: Shift,
    },
    /// "the first quarter of this year": a yearly period in the anchor's year plus an offset.
    YearlyIn {
        kind: Yearly,
        offset: i32,
    },
    Weekday {
        weekday: Weekday,
        shift: Shift,
    },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    DayOffset(i64),
    /// "this week", "last month", "next year", "earlier this year".
    Calendar {
        unit: Unit,
        offset: i32,
        side: Side,
    },
    Weekend(Shift),
    /// "three days ago"; `None` for a vague count ("a few years ago").
    Ago {
        count: Option<u32>,
        unit: Unit,
    },
    /// "in two years": a date for future sentences, a duration otherwise or after a cue such as
    /// "the first … in 24 years".
    Ahead {
        count: Option<u32>,
        unit: Unit,
        duration_cue: bool,
    },
    Duration(Precision),
}

#[derive(Clone, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    meaning: Meaning,
    part: Option<Part>,
    rule: &'static str,
    /// The rule's index; earlier rules win ties of equal length.
    order: usize,
}

// ---------------------------------------------------------------------------------------------
// Rules.

type Build = fn(&Captures<'_>, &str) -> Option<(Meaning, Option<Part>)>;

struct Rule {
    name: &'static str,
    regex: Regex,
    /// The same regex with ASCII word boundaries, for [`haystack::shadow`] text.
    ascii: Option<Regex>,
    build: Build,
}

const MONTH: &str = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)";
const FULL_MONTH: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM: &str = r"(?:\d{1,4}|a\s+hundred|a\s+dozen|a\s+few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred|dozen|few|several|many|some)";
const UNIT: &str = r"(?:day|week|month|year|decade|centur(?:y|ie))s?";

/// The rule sources in priority order (earlier wins ties of equal length).
fn rule_sources() -> Vec<(&'static str, String, Build)> {
    vec![
        ("iso_date", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})".to_owned(), build_iso_date),
        ("numeric_date", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b".to_owned(), build_numeric_date),
        (
            "month_day",
            format!(
                r"\b(?:{WEEKDAY},?\s+)?(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*(?:-|–|through|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>\d{{4}})\b)?"
            ),
            build_month_day,
        ),
        (
            "day_month",
            format!(
                r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?"
            ),
            build_month_day,
        ),
        ("month_year", format!(r"\b(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>\d{{4}})\b"), build_month_year),
        (
            "month_of_year",
            format!(r"\b(?P<m>{FULL_MONTH})\s+(?:of\s+)?(?P<ys>this|last|next)\s+year\b"),
            build_month_of_year,
        ),
        (
            "month_day_of_year",
            format!(
                r"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ys>this|last|next)\s+year\b"
            ),
            build_month_of_year,
        ),
        (
            "month_range",
            format!(
                r"\b(?P<from>[Ff]rom|[Bb]etween)\s+(?P<m>{FULL_MONTH})\s+(?:to|and|until|through)\s+(?P<m2>{FULL_MONTH})\b(?:,?\s+(?P<y>\d{{4}})\b)?"
            ),
            build_month_range,
        ),
        (
            "month",
            format!(r"\b(?:(?P<shift>[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his|[Cc]oming)\s+)?(?P<m>{FULL_MONTH})\b"),
            build_month,
        ),
        (
            "weekday",
            format!(
                r"\b(?:(?P<shift>[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?P<wd>{WEEKDAY})\b(?:\s+(?:morning|afternoon|evening|night))?"
            ),
            build_weekday,
        ),
        (
            "day_relative",
            r"(?i)\b(?:(?:earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b".to_owned(),
            build_day_relative,
        ),
        (
            "duration_the",
            format!(r"(?i)\b(?:(?:over|during|in|for|within|throughout)\s+)?the\s+(?:past|last|previous|coming|next|following)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT})\b"),
            build_duration,
        ),
        (
            "duration_prep",
            format!(r"(?i)\b(?:for|over|within|after|nearly|almost|about|around|more\s+than|less\s+than|at\s+least|up\s+to)\s+(?:the\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})\b"),
            build_duration,
        ),
        ("duration_after", format!(r"(?i)\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?:later|earlier|after|before|long)\b"), build_duration),
        ("ago", format!(r"(?i)\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+ago\b"), build_ago),
        ("in_n", format!(r"(?i)\bin\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b"), build_in_n),
        (
            "part_of",
            r"(?i)\b(?:the\s+)?(?P<w>start|beginning|end|middle|rest|remainder)\s+of\s+(?:the|this)\s+(?P<u>week|month|year)\b".to_owned(),
            build_part_of,
        ),
        (
            "weekend",
            r"(?i)\b(?:(?P<past>this\s+past)\s+weekend|(?:over|during|at|on)\s+the\s+weekend)\b".to_owned(),
            build_weekend,
        ),
        (
            "calendar_relative",
            r"(?i)\b(?:(?P<el>earlier|later)\s+)?(?P<shift>this|last|next)\s+(?P<u>weekend|week|month|quarter|year|decade|century)\b".to_owned(),
            build_calendar,
        ),
        (
            "year_range",
            r"\b(?:(?P<from>[Ff]rom|[Bb]etween)\s+)?(?P<y1>1[89]\d\d|20\d\d)\s*(?P<sep>-|–|—|to|and|until|through)\s*(?P<y2>1[89]\d\d|20\d\d|\d\d)\b".to_owned(),
            build_year_range,
        ),
        ("year", r"\b(?P<y>1\d\d\d|20\d\d)\b".to_owned(), build_year),
        ("decade", r"\b(?:[Tt]he\s+)?(?P<c>1\d|20)(?P<d>\d)0s\b".to_owned(), build_decade),
        ("decade_short", r"\b[Tt]he\s+['’](?P<d>\d)0s\b".to_owned(), build_decade),
        (
            "decade_word",
            r"(?i)\bthe\s+(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b".to_owned(),
            build_decade,
        ),
        ("century", r"(?i)\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)(?P<sep>\s+|-)century\b".to_owned(), build_century),
        (
            "century_word",
            r"(?i)\b(?:the\s+)?(?P<w>twenty[\s-]first|twenty[\s-]second|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)(?P<sep>\s+|-)century\b".to_owned(),
            build_century,
        ),
        (
            "season",
            r"(?i)\b(?:(?P<shift>last|this\s+past|this|next|coming|past)\s+|(?P<prep>(?:in|during|over|by|through|throughout|until|since)\s+the)\s+|(?P<part>early|mid|late)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b".to_owned(),
            build_season,
        ),
        (
            "quarter",
            r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+(?:of\s+)?(?:(?P<y>\d{4})\b|(?P<ys>this|last|next|the)\s+year\b))?".to_owned(),
            build_quarter,
        ),
        ("quarter_q", r"\bQ(?P<q>[1-4])(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b".to_owned(), build_quarter),
        (
            "half",
            r"(?i)\b(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>\d{4})\b|(?P<ys>this|last|next|the)\s+year\b)".to_owned(),
            build_half,
        ),
        ("half_h", r"\bH(?P<h>[12])\s+(?P<y>\d{4})\b".to_owned(), build_half),
        (
            "holiday",
            r"(?i)\b(?P<prep>on|at|over|before|after|until|by|since|during|from)\s+(?:the\s+)?(?P<h>christmas\s+eve|christmas\s+day|christmas|boxing\s+day|new\s+year['’]s\s+(?:eve|day)|valentine['’]s\s+day|halloween|thanksgiving(?:\s+day)?|easter(?:\s+sunday|\s+monday)?|good\s+friday|labor\s+day|memorial\s+day)(?:\s+(?:night|morning|evening|afternoon|weekend))?(?:\s*,?\s+(?:in|of)?\s*(?P<y>1[89]\d\d|20\d\d)\b)?".to_owned(),
            build_holiday,
        ),
        (
            "months_of_year",
            format!(r"(?i)\b(?:the\s+)?(?P<side>first|last|final)\s+(?P<n>{NUM})\s+months\s+of\s+(?:(?P<y>\d{{4}})\b|(?P<ys>this|last|next|the)\s+year\b)"),
            build_months_of_year,
        ),
    ]
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        rule_sources()
            .into_iter()
            .filter_map(|(name, source, build)| {
                Regex::new(&source).ok().map(|regex| Rule {
                    name,
                    regex,
                    ascii: Regex::new(&haystack::ascii_boundaries(&source)).ok(),
                    build,
                })
            })
            .collect()
    })
}

/// The ASCII-boundary rules as one set, index for index with [`rules`] (`None` if one of
/// them failed to compile or the set is too large).
fn rule_set() -> Option<&'static RegexSet> {
    static SET: OnceLock<Option<RegexSet>> = OnceLock::new();
    SET.get_or_init(|| {
        let rules = rules();
        let sources: Vec<&str> = rules
            .iter()
            .filter_map(|r| r.ascii.as_ref().map(Regex::as_str))
            .collect();
        (sources.len() == rules.len())
            .then(|| RegexSet::new(sources).ok())
            .flatten()
    })
    .as_ref()
}

// ---------------------------------------------------------------------------------------------
// Rule builders: each checks the context of a match and says what it means.

fn num<T: std::str::FromStr>(m: Option<Match<'_>>) -> Option<T> {
    m?.as_str().parse().ok()
}

fn build_iso_date(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let end = c.get(0)?.end();
    if text[end..].starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    let day = ymd(num(c.name("y"))?, num(c.name("m"))?, num(c.name("d"))?)?;
    plausible_year(day.year())?;
    Some((Meaning::Fixed(day, day, Precision::Day), None))
}

fn build_numeric_date(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let a: u32 = num(c.name("a"))?;
    let b: u32 = num(c.name("b"))?;
    let year: i32 = num(c.name("y"))?;
    plausible_year(year)?;
    // US order (month/day) unless the first number cannot be a month.
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let date = ymd(year, month, day)?;
    Some((Meaning::Fixed(date, date, Precision::Day), None))
}

fn build_month_day(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let month = month_number(c.name("m")?.as_str())?;
    let day: u32 = num(c.name("d"))?;
    let last: u32 = match c.name("d2") {
        Some(m) => m.as_str().parse().ok()?,
        None => day,
    };
    if !(1..=31).contains(&day) || last < day || last > 31 {
        return None;
    }
    if let Some(y) = c.name("y") {
        let year: i32 = y.as_str().parse().ok()?;
        plausible_year(year)?;
        let (start, end) = (ymd(year, month, day)?, ymd(year, month, last)?);
        return Some((Meaning::Fixed(start, end, Precision::Day), None));
    }
    // Reject days no year has (February 30).
    ymd(2024, month, last)?;
    let kind = Yearly::MonthDay(month, day, last);
    Some((
        Meaning::Yearly {
            kind,
            shift: Shift::Plain,
        },
        None,
    ))
}

/// "on Christmas Day", "on Thanksgiving night in 2009", "over Easter": a holiday's day, in
/// the year told or the one the tense points to. Only after a preposition ("Christmas sales"
/// are no time).
fn build_holiday(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let name = c.name("h")?.as_str().to_lowercase();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.replace('’', "'");
    let kind = match name.as_str() {
        "christmas eve" => Yearly::MonthDay(12, 24, 24),
        "christmas day" | "christmas" => Yearly::MonthDay(12, 25, 25),
        "boxing day" => Yearly::MonthDay(12, 26, 26),
        "new year's eve" => Yearly::MonthDay(12, 31, 31),
        "new year's day" => Yearly::MonthDay(1, 1, 1),
        "valentine's day" => Yearly::MonthDay(2, 14, 14),
        "halloween" => Yearly::MonthDay(10, 31, 31),
        "thanksgiving" | "thanksgiving day" => Yearly::Movable(Movable::Thanksgiving),
        "easter" | "easter sunday" => Yearly::Movable(Movable::Easter(0)),
        "easter monday" => Yearly::Movable(Movable::Easter(1)),
        "good friday" => Yearly::Movable(Movable::Easter(-2)),
        "labor day" => Yearly::Movable(Movable::LaborDay),
        "memorial day" => Yearly::Movable(Movable::MemorialDay),
        _ => return None,
    };
    if let Some(y) = c.name("y") {
        let year: i32 = y.as_str().parse().ok()?;
        plausible_year(year)?;
        let (start, end) = kind.range(year)?;
        return Some((Meaning::Fixed(start, end, Precision::Day), None));
    }
    Some((
        Meaning::Yearly {
            kind,
            shift: Shift::Plain,
        },
        None,
    ))
}

fn build_month_year(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let month = month_number(c.name("m")?.as_str())?;
    let year: i32 = num(c.name("y"))?;
    plausible_year(year)?;
    let (start, end) = months_range(year, month, 1)?;
    Some((Meaning::Fixed(start, end, Precision::Month), None))
}

/// "in May last year", "on Oct. 8 last year", "March 3 next year": a month or a day of the
/// year before, this or after the anchor's.
fn build_month_of_year(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let month = month_number(c.name("m")?.as_str())?;
    let offset = match c.name("ys")?.as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let kind = match c.name("d") {
        Some(d) => {
            let day: u32 = d.as_str().parse().ok()?;
            // Reject days no year has (February 30).
            ymd(2024, month, day)?;
            Yearly::MonthDay(month, day, day)
        }
        None => Yearly::Month(month),
    };
    Some((Meaning::YearlyIn { kind, offset }, None))
}

fn build_month_range(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let first = month_number(c.name("m")?.as_str())?;
    let last = month_number(c.name("m2")?.as_str())?;
    // "from November to February" runs into the next year.
    let count = if last >= first {
        last - first + 1
    } else {
        last + 13 - first
    };
    let kind = Yearly::Months(first, count);
    if let Some(year) = c.name("y") {
        // The year belongs to the last month.
        let year: i32 = year.as_str().parse().ok()?;
        plausible_year(year)?;
        let start_year = if last >= first { year } else { year - 1 };
        let (start, end) = kind.range(start_year)?;
        return Some((Meaning::Fixed(start, end, Precision::Month), None));
    }
    Some((
        Meaning::Yearly {
            kind,
            shift: Shift::Plain,
        },
        None,
    ))
}

/// Words after which a capitalised month name is a month ("in May", "their May summit").
const MONTH_TRIGGERS: [&str; 36] = [
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "the",
    "their",
    "his",
    "her",
    "its",
    "our",
    "my",
    "your",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "during",
    "from",
    "through",
    "throughout",
    "before",
    "after",
    "between",
    "and",
    "or",
    "to",
    "around",
    "for",
    "whose",
    "mid-",
    "late-",
    "early-",
];

fn build_month(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let m = c.name("m")?;
    let month = month_number(m.as_str())?;
    let shift = shift_of(c.name("shift"));
    if shift == Shift::Plain {
        let prev = prev_word(text, m.start());
        let trigger = prev.is_some_and(|w| MONTH_TRIGGERS.contains(&w.to_lowercase().as_str()));
        if !trigger {
            let initial = at_sentence_start(text, m.start());
            // "May" and "March" are also a modal and a verb: only clear month uses count.
            if initial && matches!(month, 3 | 5) {
                return None;
            }
            // "Theresa May", "Russia May Give" (a title-case headline).
            if !initial && prev.is_some_and(is_capitalised) {
                return None;
            }
            // "May Day", "April Ryan".
            if next_word(text, m.end()).is_some_and(is_capitalised) {
                return None;
            }
        }
    }
    Some((
        Meaning::Yearly {
            kind: Yearly::Month(month),
            shift,
        },
        None,
    ))
}

/// Capitalised words that make a weekday part of a name ("Black Friday", "Super Tuesday").
const NAMED_DAYS: [&str; 13] = [
    "Black", "Good", "Holy", "Super", "Bloody", "Cyber", "Ash", "Easter", "Palm", "Maundy",
    "Shrove", "Giving", "Fat",
];

fn build_weekday(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let wd = c.name("wd")?;
    let weekday: Weekday = wd.as_str().parse().ok()?;
    let shift = shift_of(c.name("shift"));
    if shift == Shift::Plain && prev_word(text, wd.start()).is_some_and(|w| NAMED_DAYS.contains(&w))
    {
        return None;
    }
    Some((Meaning::Weekday { weekday, shift }, None))
}

fn build_day_relative(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let words = c.name("w")?.as_str().to_lowercase();
    let words: Vec<&str> = words.split_whitespace().collect();
    let offset = match words.as_slice() {
        ["yesterday"] | ["last", "night"] => -1,
        ["tomorrow"] => 1,
        ["the", "day", "before", "yesterday"] => -2,
        ["the", "day", "after", "tomorrow"] => 2,
        _ => 0,
    };
    Some((Meaning::DayOffset(offset), None))
}

fn build_duration(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let unit = Unit::from_word(c.name("u")?.as_str())?;
    Some((Meaning::Duration(unit.precision()), None))
}

fn build_ago(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let unit = Unit::from_word(c.name("u")?.as_str())?;
    let count = parse_number(c.name("n")?.as_str());
    Some((Meaning::Ago { count, unit }, None))
}

/// Words before "in N years" that make it a length of time ("the first visit in 24 years").
const DURATION_CUES: [&str; 20] = [
    "first",
    "highest",
    "lowest",
    "biggest",
    "largest",
    "worst",
    "best",
    "longest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "record",
    "ever",
    "time",
    "since",
    "only",
    "most",
    "least",
    "deadliest",
];

fn build_in_n(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let unit = Unit::from_word(c.name("u")?.as_str())?;
    let count = parse_number(c.name("n")?.as_str());
    let start = c.get(0)?.start();
    let (from, _) = around(text, start, start, CONTEXT_BYTES);
    let duration_cue = text[from..start]
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| DURATION_CUES.contains(&w.to_lowercase().as_str()));
    Some((
        Meaning::Ahead {
            count,
            unit,
            duration_cue,
        },
        None,
    ))
}

fn build_part_of(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let unit = Unit::from_word(c.name("u")?.as_str())?;
    let (side, part) = match c.name("w")?.as_str().to_lowercase().as_str() {
        "start" | "beginning" => (Side::Whole, Some(Part::Start)),
        "middle" => (Side::Whole, Some(Part::Mid)),
        "end" => (Side::Whole, Some(Part::End)),
        _ => (Side::After, None),
    };
    Some((
        Meaning::Calendar {
            unit,
            offset: 0,
            side,
        },
        part,
    ))
}

#[allow(clippy::unnecessary_wraps)] // Reason: every rule builder has the `Build` signature.
fn build_weekend(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let shift = if c.name("past").is_some() {
        Shift::Last
    } else {
        Shift::Plain
    };
    Some((Meaning::Weekend(shift), None))
}

/// Words before "last year" that make it "the final year" of something ("his last year").
const NOT_CALENDAR: [&str; 10] = [
    "his", "her", "their", "its", "our", "my", "your", "the", "a", "whose",
];

fn build_calendar(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let shift = c.name("shift")?;
    let offset = match shift.as_str().to_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let first = c.get(0)?.start();
    if offset != 0
        && prev_word(text, first).is_some_and(|w| NOT_CALENDAR.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let unit_word = c.name("u")?.as_str().to_lowercase();
    let earlier_later = c.name("el").map(|m| m.as_str().to_lowercase());
    if unit_word == "weekend" {
        let shift = match offset {
            -1 => Shift::Last,
            1 => Shift::Next,
            _ => Shift::This,
        };
        return Some((Meaning::Weekend(shift), None));
    }
    let unit = Unit::from_word(&unit_word)?;
    let (side, part) = match (earlier_later.as_deref(), offset) {
        // "earlier this week" is the week's days before the telling (annotators read Monday to
        // the day before publication).
        (Some("earlier"), 0) if unit == Unit::Week => (Side::Before, None),
        // "earlier this month" is that month, as HeidelTime and annotators read it: a month's
        // precision is the whole month.
        (Some(_), 0) | (None, _) => (Side::Whole, None),
        (Some("earlier"), _) => (Side::Whole, Some(Part::Early)),
        (Some(_), _) => (Side::Whole, Some(Part::Late)),
    };
    Some((Meaning::Calendar { unit, offset, side }, part))
}

fn build_year_range(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let first: i32 = num(c.name("y1"))?;
    let second = c.name("y2")?.as_str();
    let sep = c.name("sep")?.as_str();
    let opener = c.name("from").map(|m| m.as_str().to_lowercase());
    let dash = matches!(sep, "-" | "–" | "—");
    let ok = match opener.as_deref() {
        Some("between") => sep == "and" || dash,
        Some(_) => sep != "and",
        None => dash,
    };
    if !ok {
        return None;
    }
    let last: i32 = if second.len() == 2 {
        first - first % 100 + second.parse::<i32>().ok()?
    } else {
        second.parse().ok()?
    };
    if last <= first || last - first > 200 {
        return None;
    }
    Some((
        Meaning::Fixed(ymd(first, 1, 1)?, ymd(last, 12, 31)?, Precision::Year),
        None,
    ))
}

/// Words after which a bare number 1800–2099 is a year ("in 2019", "since 2014", "the 2024 election").
const YEAR_TRIGGERS: [&str; 27] = [
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "before",
    "after",
    "during",
    "the",
    "early",
    "late",
    "mid",
    "around",
    "through",
    "throughout",
    "circa",
    "year",
    "fiscal",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "between",
    "end",
];

/// Words after a number that make it a count, not a year ("2000 troops", "by 2100 GMT").
const COUNT_WORDS: [&str; 62] = [
    "people",
    "persons",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "meters",
    "metres",
    "feet",
    "tons",
    "tonnes",
    "units",
    "points",
    "votes",
    "cases",
    "deaths",
    "dollars",
    "euros",
    "pounds",
    "yuan",
    "yen",
    "rubles",
    "roubles",
    "barrels",
    "containers",
    "shells",
    "missiles",
    "rockets",
    "drones",
    "hours",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "bst",
    "cet",
    "local",
    "hrs",
    "hectares",
    "acres",
    "jobs",
    "homes",
    "vehicles",
    "cars",
    "flights",
    "passengers",
    "members",
    "students",
    "workers",
    "employees",
    "residents",
    "migrants",
    "refugees",
    "prisoners",
    "percent",
    "per",
];

fn build_year(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let m = c.name("y")?;
    let year: i32 = m.as_str().parse().ok()?;
    let before = &text[..m.start()];
    let after = &text[m.end()..];
    if before.ends_with(['$', '€', '£', '¥', '#', '/', '.', ',']) || after.starts_with(['%', '/'])
    {
        return None;
    }
    let mut rest = after.chars();
    if matches!(rest.next(), Some(',' | '.')) && rest.next().is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    if next_word(text, m.end()).is_some_and(|w| COUNT_WORDS.contains(&w.to_lowercase().as_str())) {
        return None;
    }
    // "the Conservative Party's 1922 Committee": a number opening a body's name.
    if next_word(text, m.end()).is_some_and(|w| {
        matches!(
            w,
            "Committee" | "Club" | "Society" | "Group" | "Foundation" | "Commission" | "Council"
        )
    }) {
        return None;
    }
    // "his 2020 election defeat", "Carter's 1976 campaign": a possessor's year names an
    // occasion.
    let possessor = prev_word(text, m.start()).is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "his" | "her" | "their" | "its" | "our"
        ) || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
    }) && next_word(text, m.end())
        .is_some_and(|w| w.chars().all(char::is_alphabetic));
    // "under a 2022 agreement", "a 1974 disengagement agreement": an occasion's year.
    let article = prev_word(text, m.start()).is_some_and(|w| matches!(w, "a" | "an" | "A" | "An"))
        && next_word(text, m.end()).is_some_and(|w| {
            w.chars().all(char::is_alphabetic)
                && !matches!(
                    w.to_lowercase().as_str(),
                    "acre"
                        | "square"
                        | "foot"
                        | "feet"
                        | "mile"
                        | "kilometre"
                        | "kilometer"
                        | "metre"
                        | "meter"
                        | "ton"
                        | "tonne"
                        | "pound"
                        | "page"
                        | "seat"
                        | "member"
                        | "strong"
                        | "point"
                        | "word"
                )
        });
    // "lost in the semifinals at London 2012", "in Euro 2024": a named occasion's year.
    let occasion = (1800..=2100).contains(&year)
        && prev_word(text, m.start()).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && text
                    .get(..m.start())
                    .map(|b| b.trim_end().len().saturating_sub(w.len()))
                    .and_then(|at| prev_word(text, at))
                    .is_some_and(|p| matches!(p.to_lowercase().as_str(), "at" | "in"))
        });
    // "the landmark 1973 decision", "a disputed 2020 election": an adjective between an article
    // and the year.
    let described = prev_word(text, m.start()).is_some_and(|w| {
        w.chars().all(|c| c.is_ascii_lowercase())
            && text
                .get(..m.start())
                .map(|b| b.trim_end().len().saturating_sub(w.len()))
                .and_then(|at| prev_word(text, at))
                .is_some_and(|p| {
                    matches!(
                        p.to_lowercase().as_str(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their"
                    )
                })
    }) && next_word(text, m.end())
        .is_some_and(|w| w.chars().all(char::is_alphabetic));
    let trigger = possessor
        || article
        || described
        || occasion
        || prev_word(text, m.start())
            .is_some_and(|w| YEAR_TRIGGERS.contains(&w.to_lowercase().as_str()));
    if !trigger && !at_sentence_start(text, m.start()) && !listed_year(text, m.start()) {
        return None;
    }
    // "Construction began in 1163": a year before 1800 only after a preposition of time, and
    // not before a word ("in 1500 cases").
    if year < 1800
        && !(prev_word(text, m.start()).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "in" | "since" | "from" | "until" | "before" | "after" | "around" | "circa"
            )
        }) && next_word(text, m.end()).is_none_or(|w| {
            !w.chars().all(char::is_alphabetic)
                || is_capitalised(w)
                || matches!(
                    w,
                    "and"
                        | "or"
                        | "to"
                        | "when"
                        | "until"
                        | "under"
                        | "by"
                        | "during"
                        | "with"
                        | "at"
                        | "on"
                        | "after"
                        | "before"
                )
        }))
    {
        return None;
    }
    Some((
        Meaning::Fixed(ymd(year, 1, 1)?, ymd(year, 12, 31)?, Precision::Year),
        None,
    ))
}

/// "in 2009 and 2011", "in 2017, 2018 or 2019": a bare number listed after a year that a
/// preposition introduced is a year too.
fn listed_year(text: &str, at: usize) -> bool {
    let mut at = at;
    for _ in 0..6 {
        let before = text.get(..at).unwrap_or_default().trim_end();
        let before = if let Some(b) = before.strip_suffix(',') {
            b.trim_end()
        } else if let Some(w) = prev_word(text, at)
            && matches!(w.to_lowercase().as_str(), "and" | "or")
        {
            let cut = before.len() - w.len();
            text.get(..cut).unwrap_or_default().trim_end()
        } else {
            return false;
        };
        let before = before.strip_suffix(',').unwrap_or(before).trim_end();
        let Some(year) = prev_word(before, before.len()) else {
            return false;
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let start = before.len() - year.len();
        if prev_word(before, start)
            .is_some_and(|w| YEAR_TRIGGERS.contains(&w.to_lowercase().as_str()))
        {
            return true;
        }
        at = start;
    }
    false
}

fn build_decade(c: &Captures<'_>, _text: &str) -> Option<(Meaning, Option<Part>)> {
    let first: i32 = if let Some(word) = c.name("w") {
        let tens = match word.as_str().to_lowercase().as_str() {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            _ => 9,
        };
        1900 + tens * 10
    } else if let Some(century) = c.name("c") {
        century.as_str().parse::<i32>().ok()? * 100 + num::<i32>(c.name("d"))? * 10
    } else {
        // "the '90s": the 2000s and 2010s for '00s and '10s, else the 1900s.
        let tens: i32 = num(c.name("d"))?;
        if tens < 2 {
            2000 + tens * 10
        } else {
            1900 + tens * 10
        }
    };
    plausible_year(first)?;
    Some((
        Meaning::Fixed(
            ymd(first, 1, 1)?,
            ymd(first + 9, 12, 31)?,
            Precision::Decade,
        ),
        None,
    ))
}

fn build_century(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    // "21st-century warfare" is an adjective, not a time.
    if c.name("sep")?.as_str() == "-" {
        return None;
    }
    // "21st Century Fox": a capitalised century going on into a name is part of the name.
    let whole = c.get(0)?;
    let named = whole.as_str().ends_with("Century")
        && text
            .get(whole.end()..)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(super::text::starts_upper);
    if named {
        return None;
    }
    let ordinal: i32 = if let Some(n) = c.name("n") {
        n.as_str().parse().ok()?
    } else {
        let word = c
            .name("w")?
            .as_str()
            .to_lowercase()
            .replace(char::is_whitespace, "-");
        let words = [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "twenty-first",
            "twenty-second",
        ];
        i32::try_from(words.iter().position(|w| *w == word)? + 1).ok()?
    };
    if !(1..=22).contains(&ordinal) {
        return None;
    }
    let first = (ordinal - 1) * 100;
    Some((
        Meaning::Fixed(
            ymd(first, 1, 1)?,
            ymd(first + 99, 12, 31)?,
            Precision::Decade,
        ),
        None,
    ))
}

fn build_season(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let word = c.name("s")?;
    let season = match word.as_str().to_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Autumn,
        _ => Season::Winter,
    };
    let part = c
        .name("part")
        .map(|m| match m.as_str().to_lowercase().as_str() {
            "early" => Part::Early,
            "mid" => Part::Mid,
            _ => Part::Late,
        });
    let shift = match c.name("shift").map(|m| m.as_str().to_lowercase()) {
        Some(s) if s == "last" || s.ends_with("past") => Shift::Last,
        Some(s) if s == "next" || s == "coming" => Shift::Next,
        Some(_) => Shift::This,
        None => Shift::Plain,
    };
    if let Some(year) = c.name("y") {
        let year: i32 = year.as_str().parse().ok()?;
        plausible_year(year)?;
        let (start, end) = Yearly::Season(season).range(year)?;
        return Some((Meaning::Fixed(start, end, Precision::Month), part));
    }
    if shift == Shift::Plain && part.is_none() {
        // "in the spring" counts; "the fall of Kabul", "hot springs" do not.
        c.name("prep")?;
        if matches!(season, Season::Autumn | Season::Spring)
            && text[word.end()..].trim_start().starts_with("of ")
        {
            return None;
        }
    }
    Some((
        Meaning::Yearly {
            kind: Yearly::Season(season),
            shift,
        },
        part,
    ))
}

/// Words that make "the first quarter" a period of a game, not of a year.
const SPORT_WORDS: [&str; 12] = [
    "points",
    "scored",
    "score",
    "game",
    "match",
    "goal",
    "touchdown",
    "inning",
    "halftime",
    "half-time",
    "basket",
    "minutes",
];

fn build_quarter(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let q = c.name("q")?.as_str().to_lowercase();
    let quarter = match q.as_str() {
        "first" | "1st" | "1" => 1,
        "second" | "2nd" | "2" => 2,
        "third" | "3rd" | "3" => 3,
        _ => 4,
    };
    yearly_in(c, text, Yearly::Quarter(quarter))
}

/// "the last three months of last year", "the first six months of 2023".
fn build_months_of_year(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let n = parse_number(c.name("n")?.as_str()).filter(|n| (1..=11).contains(n))?;
    let first = match c.name("side")?.as_str().to_lowercase().as_str() {
        "first" => 1,
        _ => 13 - n,
    };
    yearly_in(c, text, Yearly::Months(first, n))
}

fn build_half(c: &Captures<'_>, text: &str) -> Option<(Meaning, Option<Part>)> {
    let half = match c.name("h")?.as_str().to_lowercase().as_str() {
        "first" | "1" => 1,
        _ => 2,
    };
    yearly_in(c, text, Yearly::Half(half))
}

/// A quarter or half with an explicit year, a year relative to the anchor, or none.
fn yearly_in(c: &Captures<'_>, text: &str, kind: Yearly) -> Option<(Meaning, Option<Part>)> {
    if let Some(year) = c.name("y") {
        let year: i32 = year.as_str().parse().ok()?;
        plausible_year(year)?;
        let (start, end) = kind.range(year)?;
        return Some((Meaning::Fixed(start, end, Precision::Month), None));
    }
    if let Some(which) = c.name("ys") {
        let offset = match which.as_str().to_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return Some((Meaning::YearlyIn { kind, offset }, None));
    }
    let whole = c.get(0)?;
    let (from, to) = around(text, whole.start(), whole.end(), CONTEXT_BYTES);
    let lower = text[from..to].to_lowercase();
    if lower
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .any(|w| SPORT_WORDS.contains(&w))
    {
        return None;
    }
    Some((
        Meaning::Yearly {
            kind,
            shift: Shift::Plain,
        },
        None,
    ))
}

// ---------------------------------------------------------------------------------------------
// Selection and span extension.

/// Keeps the longest candidates (earlier rules first on ties), never overlapping, in text order.
fn select(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.order, c.start));
    // Chosen spans by start; they never overlap, so only the last one starting before a
    // candidate's end can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut chosen: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        let overlaps = taken
            .range(..candidate.end)
            .next_back()
            .is_some_and(|(_, &end)| end > candidate.start);
        if !overlaps {
            taken.insert(candidate.start, candidate.end);
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|c| c.start);
    chosen
}

const MODIFIER: &str =
    r"(?i)\b(?:the\s+)?(?P<m>early|mid|late|(?:start|beginning|end|middle)\s+of)(?:\s*-\s*|\s+)$";
const PREPOSITION: &str = r"(?i)\b(?:on|in)\s+$";

/// A regex compiled twice: as written, and with ASCII word boundaries for shadow text.
type Twin = (Option<Regex>, Option<Regex>);

fn twin(source: &str) -> Twin {
    (
        Regex::new(source).ok(),
        Regex::new(&haystack::ascii_boundaries(source)).ok(),
    )
}

/// The regex to run and the text to run it on: the ASCII one on the shadow when there is one.
fn pick<'a>(
    twin: &'a Twin,
    text: &'a str,
    shadow: Option<&'a str>,
) -> Option<(&'a Regex, &'a str)> {
    match (shadow, &twin.1) {
        (Some(hay), Some(ascii)) => Some((ascii, hay)),
        _ => twin.0.as_ref().map(|re| (re, text)),
    }
}

fn modifier_regex() -> &'static Twin {
    static RE: OnceLock<Twin> = OnceLock::new();
    RE.get_or_init(|| twin(MODIFIER))
}

fn preposition_regex() -> &'static Twin {
    static RE: OnceLock<Twin> = OnceLock::new();
    RE.get_or_init(|| twin(PREPOSITION))
}

/// Takes a modifier ("early", "mid-", "the end of") and then "on"/"in" into the span, never
/// reaching back before `floor` (the end of the previous expression).
fn extend_left(text: &str, shadow: Option<&str>, candidate: &mut Candidate, floor: usize) {
    let takes_modifier = !matches!(
        candidate.meaning,
        Meaning::Duration(_)
            | Meaning::Ago { .. }
            | Meaning::Ahead { .. }
            | Meaning::DayOffset(_)
            | Meaning::Weekend(_)
    );
    let takes_preposition = takes_modifier
        && !matches!(
            candidate.meaning,
            Meaning::Calendar {
                side: Side::After,
                ..
            }
        );
    let window_start = |end: usize| {
        let mut at = end.saturating_sub(40).max(floor).min(end);
        while !text.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    if takes_modifier && candidate.part.is_none() {
        let from = window_start(candidate.start);
        let caps = pick(modifier_regex(), text, shadow)
            .and_then(|(re, hay)| re.captures(hay.get(from..candidate.start)?));
        if let Some((whole, word)) = caps.as_ref().and_then(|c| c.get(0).zip(c.name("m"))) {
            let word = word.as_str().to_lowercase();
            candidate.part = Some(if word.starts_with("early") {
                Part::Early
            } else if word.contains("start") || word.contains("beginning") {
                Part::Start
            } else if word.starts_with("mid") || word.contains("middle") {
                Part::Mid
            } else if word.contains("end") {
                Part::End
            } else {
                Part::Late
            });
            candidate.start = from + whole.start();
        }
    }
    if takes_preposition {
        let from = window_start(candidate.start);
        if let Some(whole) = pick(preposition_regex(), text, shadow)
            .and_then(|(re, hay)| re.find(hay.get(from..candidate.start)?))
        {
            candidate.start = from + whole.start();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Resolution.

fn resolve(text: &str, candidate: &Candidate, anchor: Option<NaiveDate>, tense: Tense) -> TimeExpr {
    let mut range = None;
    let mut relative = true;
    let mut is_duration = false;
    let precision = match &candidate.meaning {
        Meaning::Fixed(start, end, precision) => {
            range = Some((*start, *end));
            relative = false;
            *precision
        }
        Meaning::Yearly { kind, shift } => {
            range = anchor.and_then(|a| choose(a, *shift, tense, *kind));
            // "ordered units to sign contracts by July 1", "set jury selection for Oct. 23":
            // a deadline or a date set, told in the past, is still to come when it is near.
            let word = word_before(text, candidate.start);
            // "said waiting until January was irresponsible": a month set, within half a year.
            let horizon = if matches!(kind, Yearly::MonthDay(..)) {
                60
            } else {
                183
            };
            if tense == Tense::Past
                && matches!(kind, Yearly::MonthDay(..) | Yearly::Month(..))
                && !overtaken_plan(text, candidate.start)
                && matches!(
                    word.as_str(),
                    "by" | "for"
                        | "until"
                        | "till"
                        | "through"
                        | "starting"
                        // "declared Jan. 9 a national day of mourning".
                        | "declared"
                        | "proclaimed"
                        | "designated"
                        | "named"
                        | "set"
                )
                && let Some(a) = anchor
                && let Some(next) = choose(a, *shift, Tense::Future, *kind)
                && (next.0 - a).num_days() <= horizon
            {
                range = Some(next);
            }
            kind.precision()
        }
        Meaning::YearlyIn { kind, offset } => {
            range = anchor.and_then(|a| kind.range(a.year().checked_add(*offset)?));
            kind.precision()
        }
        Meaning::Weekday { weekday, shift } => {
            // "called an emergency summit for Sunday", "must answer by Friday": a day set,
            // told in the past, is the coming one.
            let word = word_before(text, candidate.start);
            // "By Monday afternoon, 700 employees had signed": a sentence's opening "By" tells
            // how far things had gone, not a day set.
            let opening_by = text
                .get(..candidate.start)
                .is_some_and(|b| b.trim_end().ends_with("By"));
            let set = tense != Tense::Future
                && *shift == Shift::Plain
                && !opening_by
                && !overtaken_plan(text, candidate.start)
                && matches!(word.as_str(), "for" | "by" | "until" | "till")
                && !text[candidate.end..].starts_with("'s")
                && !text[candidate.end..].starts_with("\u{2019}s");
            // "declared Sunday a day of national mourning": the day declared is the coming one.
            let after = text.get(candidate.end..).unwrap_or("");
            let declared = tense != Tense::Future
                && *shift == Shift::Plain
                && matches!(
                    word.as_str(),
                    "declared" | "declares" | "declare" | "designated" | "named" | "proclaimed"
                )
                && (after.starts_with(" a ")
                    || after.starts_with(" an ")
                    || after.starts_with(" as "));
            // "declared a day of national mourning on Saturday": the day of mourning is the
            // coming one.
            let mourning = tense != Tense::Future
                && *shift == Shift::Plain
                && text.get(..candidate.start).is_some_and(|b| {
                    // (The last words only: the text before may be long.)
                    let b = b.trim_end();
                    let mut from = b.len().saturating_sub(16);
                    while !b.is_char_boundary(from) {
                        from -= 1;
                    }
                    let tail = b[from..].to_ascii_lowercase();
                    let tail = ["on", "from", "for"]
                        .iter()
                        .find_map(|p| tail.strip_suffix(p).map(str::trim_end))
                        .unwrap_or(&tail);
                    tail.ends_with("mourning") || tail.ends_with("holiday")
                });
            let tense = if set || declared || mourning {
                Tense::Future
            } else {
                tense
            };
            range = anchor
                .and_then(|a| weekday_date(a, *weekday, *shift, tense))
                .map(|d| (d, d));
            Precision::Day
        }
        Meaning::DayOffset(days) => {
            range = anchor.and_then(|a| add_days(a, *days)).map(|d| (d, d));
            Precision::Day
        }
        Meaning::Calendar { unit, offset, side } => {
            range = anchor.and_then(|a| calendar_range(a, *unit, *offset, *side));
            unit.precision()
        }
        Meaning::Weekend(shift) => {
            range = anchor.and_then(|a| weekend(a, *shift, tense));
            Precision::Day
        }
        Meaning::Ago { count, unit } => {
            range = anchor
                .zip(*count)
                .and_then(|(a, n)| offset_range(a, -i64::from(n), *unit));
            offset_precision(*unit)
        }
        Meaning::Ahead {
            count,
            unit,
            duration_cue,
        } => {
            if tense == Tense::Future && !duration_cue {
                range = anchor
                    .zip(*count)
                    .and_then(|(a, n)| offset_range(a, i64::from(n), *unit));
                offset_precision(*unit)
            } else {
                is_duration = true;
                relative = false;
                unit.precision()
            }
        }
        Meaning::Duration(precision) => {
            is_duration = true;
            relative = false;
            *precision
        }
    };
    let range = range.map(|r| candidate.part.map_or(r, |part| narrow(r, part)));
    TimeExpr {
        start: candidate.start,
        end: candidate.end,
        text: text
            .get(candidate.start..candidate.end)
            .unwrap_or_default()
            .to_owned(),
        range,
        precision,
        anchor: if relative && range.is_some() {
            anchor.map(|a| format!("published {}", a.format("%Y-%m-%d")))
        } else {
            None
        },
        is_duration,
        is_relative: relative,
        rule: candidate.rule,
    }
}

/// "three weeks ago" is a week, "two decades ago" roughly a year.
fn offset_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Decade | Unit::Century => Precision::Year,
        _ => unit.precision(),
    }
}

/// Picks the occurrence of a yearly period that the shift and tense point to.
fn choose(
    anchor: NaiveDate,
    shift: Shift,
    tense: Tense,
    kind: Yearly,
) -> Option<(NaiveDate, NaiveDate)> {
    let year = anchor.year();
    let candidates: Vec<(NaiveDate, NaiveDate)> = (-2..=2)
        .filter_map(|k| kind.range(year.checked_add(k)?))
        .filter(|(s, e)| s <= e)
        .collect();
    let latest_starting_by = || {
        candidates
            .iter()
            .filter(|c| c.0 <= anchor)
            .max_by_key(|c| c.0)
            .copied()
    };
    let earliest_ending_from = || {
        candidates
            .iter()
            .filter(|c| c.1 >= anchor)
            .min_by_key(|c| c.0)
            .copied()
    };
    let containing = || {
        candidates
            .iter()
            .find(|c| c.0 <= anchor && anchor <= c.1)
            .copied()
    };
    match shift {
        Shift::Last => candidates
            .iter()
            .filter(|c| c.1 < anchor)
            .max_by_key(|c| c.0)
            .copied(),
        Shift::Next => candidates
            .iter()
            .filter(|c| c.0 > anchor)
            .min_by_key(|c| c.0)
            .copied(),
        Shift::This => {
            containing().or_else(|| candidates.iter().find(|c| c.0.year() == year).copied())
        }
        Shift::Plain => match tense {
            Tense::Past => latest_starting_by(),
            Tense::Future => earliest_ending_from(),
            Tense::Unknown => containing().or_else(|| {
                // The nearest occurrence. About half a year either way ("the November
                // election", told in May), the one ahead: what is that far past is told with
                // its year or "last".
                let ahead_bias = if matches!(kind, Yearly::Month(_)) {
                    15
                } else {
                    0
                };
                let distance = |c: &(NaiveDate, NaiveDate)| {
                    if c.1 < anchor {
                        (anchor - c.1).num_days()
                    } else {
                        (c.0 - anchor).num_days() - ahead_bias
                    }
                };
                candidates
                    .iter()
                    .min_by_key(|c| (distance(c), c.0 > anchor))
                    .copied()
            }),
        },
    }
}

/// The day a weekday name points to. The anchor's own weekday is the anchor day itself.
fn weekday_date(
    anchor: NaiveDate,
    weekday: Weekday,
    shift: Shift,
    tense: Tense,
) -> Option<NaiveDate> {
    let today = i64::from(anchor.weekday().num_days_from_monday());
    let target = i64::from(weekday.num_days_from_monday());
    let back = (today - target).rem_euclid(7);
    let forward = (target - today).rem_euclid(7);
    let offset = match shift {
        Shift::Last => -(if back == 0 { 7 } else { back }),
        Shift::Next => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        Shift::This => target - today,
        Shift::Plain if back == 0 => 0,
        Shift::Plain => match tense {
            Tense::Future => forward,
            Tense::Past | Tense::Unknown => -back,
        },
    };
    add_days(anchor, offset)
}

fn weekend(anchor: NaiveDate, shift: Shift, tense: Tense) -> Option<(NaiveDate, NaiveDate)> {
    let saturday = add_days(monday_of(anchor)?, 5)?;
    // "over the weekend": the coming one in future sentences or on the weekend itself, else
    // the one before.
    let upcoming = tense == Tense::Future || anchor >= saturday;
    let offset = match shift {
        Shift::Next => 7,
        Shift::This => 0,
        Shift::Plain if upcoming => 0,
        Shift::Last | Shift::Plain => -7,
    };
    let start = add_days(saturday, offset)?;
    Some((start, add_days(start, 1)?))
}

fn calendar_range(
    anchor: NaiveDate,
    unit: Unit,
    offset: i32,
    side: Side,
) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = match unit {
        Unit::Day => {
            let day = add_days(anchor, i64::from(offset))?;
            (day, day)
        }
        Unit::Week => {
            let start = add_days(monday_of(anchor)?, 7 * i64::from(offset))?;
            (start, add_days(start, 6)?)
        }
        Unit::Month => {
            let first = shift_months(ymd(anchor.year(), anchor.month(), 1)?, offset)?;
            months_range(first.year(), first.month(), 1)?
        }
        Unit::Quarter => {
            let first = ymd(anchor.year(), anchor.month0() / 3 * 3 + 1, 1)?;
            let first = shift_months(first, offset.checked_mul(3)?)?;
            months_range(first.year(), first.month(), 3)?
        }
        Unit::Year => {
            let year = anchor.year().checked_add(offset)?;
            (ymd(year, 1, 1)?, ymd(year, 12, 31)?)
        }
        Unit::Decade => {
            let first = anchor
                .year()
                .div_euclid(10)
                .checked_add(offset)?
                .checked_mul(10)?;
            (ymd(first, 1, 1)?, ymd(first.checked_add(9)?, 12, 31)?)
        }
        Unit::Century => {
            let first = anchor
                .year()
                .div_euclid(100)
                .checked_add(offset)?
                .checked_mul(100)?;
            (ymd(first, 1, 1)?, ymd(first.checked_add(99)?, 12, 31)?)
        }
    };
    Some(match side {
        Side::Whole => (start, end),
        Side::After => {
            let first = add_days(anchor, 1)?.clamp(start, end);
            (first, end)
        }
        // (On the unit's first day nothing came before: the whole unit.)
        Side::Before => match add_days(anchor, -1) {
            Some(last) if last >= start => (start, last.min(end)),
            _ => (start, end),
        },
    })
}

/// "N units ago" (negative `count`) or "in N units": the day, week, month or year that far away.
fn offset_range(anchor: NaiveDate, count: i64, unit: Unit) -> Option<(NaiveDate, NaiveDate)> {
    if count.abs() > 10_000 {
        return None;
    }
    let count32 = i32::try_from(count).ok()?;
    match unit {
        Unit::Day => {
            let day = add_days(anchor, count)?;
            Some((day, day))
        }
        Unit::Week => calendar_range(
            add_days(anchor, count.checked_mul(7)?)?,
            Unit::Week,
            0,
            Side::Whole,
        ),
        Unit::Month => calendar_range(anchor, Unit::Month, count32, Side::Whole),
        Unit::Quarter => calendar_range(anchor, Unit::Quarter, count32, Side::Whole),
        Unit::Year => calendar_range(anchor, Unit::Year, count32, Side::Whole),
        Unit::Decade => calendar_range(anchor, Unit::Year, count32.checked_mul(10)?, Side::Whole),
        Unit::Century => calendar_range(anchor, Unit::Year, count32.checked_mul(100)?, Side::Whole),
    }
}

/// Narrows a range to its early, middle or late part: a third of a month's days, a third of a
/// span of months (January–April, May–August, September–December of a year), roughly 40% of a
/// span of years ("the late 1990s" = 1996–1999), else a third of the days. "The start of" and
/// "the end of" take one month of a span of months and a fifth of a span of years.
fn narrow(range: (NaiveDate, NaiveDate), part: Part) -> (NaiveDate, NaiveDate) {
    let (start, end) = range;
    let whole_months = start.day() == 1 && add_days(end, 1).is_some_and(|next| next.day() == 1);
    let whole_years = whole_months && start.month() == 1 && end.month() == 12;
    let narrowed = if whole_years && end.year() > start.year() {
        let years = i64::from(end.year() - start.year() + 1);
        let len = match part {
            Part::Start | Part::End => (years / 5).max(1),
            _ => ((years * 4 + 5) / 10).max(1),
        };
        let first = third(years, len, part);
        let from = start.year() + i32::try_from(first).unwrap_or(0);
        let to = from + i32::try_from(len).unwrap_or(1) - 1;
        ymd(from, 1, 1).zip(ymd(to, 12, 31))
    } else if whole_months && (start.year(), start.month()) != (end.year(), end.month()) {
        let months = i64::from(
            (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1,
        );
        let len = match part {
            Part::Start | Part::End => 1,
            _ => (months + 2) / 3,
        };
        let first = third(months, len, part);
        shift_months(start, i32::try_from(first).unwrap_or(0)).and_then(|from| {
            let to = shift_months(from, i32::try_from(len).unwrap_or(1))
                .and_then(|d| add_days(d, -1))?;
            Some((from, to))
        })
    } else if whole_months {
        // "in late October", "late last month": a part of one month is dated to the month, as
        // annotators and timelines of month precision do; "the start of next month", "by the
        // end of the month" name its first or last days.
        match part {
            Part::Start => {
                ymd(start.year(), start.month(), 1).zip(ymd(start.year(), start.month(), 10))
            }
            Part::End => ymd(start.year(), start.month(), 21).zip(Some(end)),
            Part::Early | Part::Mid | Part::Late => Some(range),
        }
    } else {
        let days = (end - start).num_days() + 1;
        let len = (days + 2) / 3;
        let first = third(days, len, part);
        add_days(start, first).zip(add_days(start, first + len - 1))
    };
    narrowed
        .filter(|(s, e)| s <= e && *s >= start && *e <= end)
        .unwrap_or(range)
}

/// The offset of the early, middle or late slice of length `len` within `total` units.
fn third(total: i64, len: i64, part: Part) -> i64 {
    match part {
        Part::Early | Part::Start => 0,
        Part::Mid => (total - len) / 2,
        Part::Late | Part::End => total - len,
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

/// How far around an expression its context (tense, cues) is read, in bytes.
const CONTEXT_BYTES: usize = 400;

/// The span `start..end` widened by up to `margin` bytes each side, on char boundaries.
fn around(text: &str, start: usize, end: usize, margin: usize) -> (usize, usize) {
    let mut from = start.saturating_sub(margin);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = end.saturating_add(margin).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (from.min(start), to.max(end))
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Years a news article plausibly writes as digits.
fn plausible_year(year: i32) -> Option<()> {
    (1000..=2200).contains(&year).then_some(())
}

fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

fn shift_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

fn monday_of(date: NaiveDate) -> Option<NaiveDate> {
    add_days(date, -i64::from(date.weekday().num_days_from_monday()))
}

/// `count` whole months starting with `first_month` of `year` (may run into the next year).
fn months_range(year: i32, first_month: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = ymd(year, first_month, 1)?;
    let end = add_days(start.checked_add_months(Months::new(count))?, -1)?;
    Some((start, end))
}

fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    let index = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == key)?;
    u32::try_from(index + 1).ok()
}

fn shift_of(m: Option<Match<'_>>) -> Shift {
    let Some(m) = m else {
        return Shift::Plain;
    };
    let word = m.as_str().to_lowercase();
    if word == "last" || word.ends_with("past") {
        Shift::Last
    } else if word == "next" || word.ends_with("coming") {
        Shift::Next
    } else {
        Shift::This
    }
}

/// A count written in digits or words; `None` for vague ones ("a few", "several").
pub(crate) fn parse_number(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    if let Ok(n) = lower.parse::<u32>() {
        return Some(n);
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let unit = |w: &str| -> Option<u32> {
        let small = [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ];
        small
            .iter()
            .position(|s| *s == w)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    let tens = |w: &str| -> Option<u32> {
        let tens = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        tens.iter()
            .position(|s| *s == w)
            .and_then(|i| u32::try_from(i * 10 + 20).ok())
    };
    match words.as_slice() {
        ["a" | "an"] => Some(1),
        ["a", "dozen"] | ["dozen"] => Some(12),
        ["a", "hundred"] | ["hundred"] => Some(100),
        [w] => unit(w).or_else(|| tens(w)),
        [t, u] => Some(tens(t)? + unit(u).filter(|n| *n < 10)?),
        _ => None,
    }
}

/// The word just before `at` (skipping spaces and hyphens), if any.
fn prev_word(text: &str, at: usize) -> Option<&str> {
    let before = text
        .get(..at)?
        .trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .last()
        .map(|(i, _)| i)?;
    Some(&before[start..])
}

/// The word just after `at` (skipping spaces), if any.
/// Whether a time at `at` is what a plan in the past perfect had set ("an address that had
/// been scheduled for Monday evening"): a plan since overtaken, so no day to come.
fn overtaken_plan(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default().trim_end();
    let Some(before) = before
        .strip_suffix("for")
        .or_else(|| before.strip_suffix("on"))
    else {
        return false;
    };
    let before = before.trim_end().to_lowercase();
    [
        "had been scheduled",
        "had been set",
        "had been planned",
        "had been due",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

fn next_word(text: &str, at: usize) -> Option<&str> {
    let after = text.get(at..)?.trim_start();
    let end = after
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    (end > 0).then(|| &after[..end])
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `at` starts a sentence or a quotation.
fn at_sentence_start(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default().trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '"', '“', '‘', '(', '[', ':', '•'])
}

#[cfg(test)]
mod tests;
