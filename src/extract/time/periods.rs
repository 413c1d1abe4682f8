//! Named historic periods ("the Second World War", "9/11", "the Cold War"), kept as data in
//! `assets/rules/periods.toml` and matched by one compiled regex.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;

use crate::model::Precision;

/// One named period as the rule file gives it.
#[derive(Clone, Debug, Deserialize)]
pub struct Period {
    pub label: String,
    pub names: Vec<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    /// Sentences that must yield this period (checked by a unit test).
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct PeriodsFile {
    #[serde(default)]
    period: Vec<Period>,
}

/// The periods and the matcher built from their names.
#[derive(Debug, Default)]
pub struct Periods {
    pub periods: Vec<Period>,
    matcher: Option<Regex>,
    /// The same matcher with ASCII word boundaries, for shadow text (see `haystack`); only
    /// when every name is ASCII.
    ascii_matcher: Option<Regex>,
    /// Normalised name (lowercase, single spaces, no leading "the ") → index into `periods`.
    by_name: HashMap<String, usize>,
}

/// A period found in text: byte span and the period.
#[derive(Clone, Copy, Debug)]
pub struct PeriodMatch<'a> {
    pub start: usize,
    pub end: usize,
    pub period: &'a Period,
}

impl Periods {
    /// Parses a rule file; a broken file yields no periods (the unit test catches that).
    pub fn from_toml(text: &str) -> Self {
        let file: PeriodsFile = toml::from_str(text).unwrap_or_default();
        let mut by_name = HashMap::new();
        let mut patterns = Vec::new();
        let mut ascii_names = true;
        for (index, period) in file.period.iter().enumerate() {
            if period.end < period.start {
                continue;
            }
            for name in &period.names {
                ascii_names &= name.is_ascii();
                let (has_the, rest) = match name.strip_prefix("the ") {
                    Some(rest) => (true, rest),
                    None => (false, name.as_str()),
                };
                let words: Vec<String> = rest.split_whitespace().map(regex::escape).collect();
                if words.is_empty() {
                    continue;
                }
                let body = words.join(r"\s+");
                let the = if has_the {
                    r"[Tt]he\s+"
                } else {
                    r"(?:[Tt]he\s+)?"
                };
                // Names may start or end with punctuation ("U.S.", "9/11"); only letters and
                // digits at the edges need a word boundary.
                let lead = if rest.starts_with(|c: char| c.is_alphanumeric()) {
                    r"\b"
                } else {
                    ""
                };
                let trail = if rest.ends_with(|c: char| c.is_alphanumeric()) {
                    r"\b"
                } else {
                    ""
                };
                patterns.push(format!(r"{lead}{the}{body}{trail}"));
                by_name.entry(normalise(rest)).or_insert(index);
            }
        }
        // Longer alternatives first so that "the 1991 Gulf War" wins over "the Gulf War".
        patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let matcher = (!patterns.is_empty())
            .then(|| Regex::new(&patterns.join("|")).ok())
            .flatten();
        let ascii_matcher = (ascii_names && matcher.is_some())
            .then(|| Regex::new(&super::haystack::ascii_boundaries(&patterns.join("|"))).ok())
            .flatten();
        Self {
            periods: file.period,
            matcher,
            ascii_matcher,
            by_name,
        }
    }

    /// The periods shipped in `assets/rules/periods.toml`, parsed once.
    pub fn embedded() -> &'static Periods {
        static PERIODS: OnceLock<Periods> = OnceLock::new();
        PERIODS
            .get_or_init(|| Periods::from_toml(include_str!("../../../assets/rules/periods.toml")))
    }

    /// Every period named in `text`, left to right, never overlapping.
    pub fn find<'a>(&'a self, text: &str) -> Vec<PeriodMatch<'a>> {
        self.find_in(text, super::haystack::shadow(text).as_deref())
    }

    /// Like [`Periods::find`], given the shadow of `text` (see `haystack`) when there is one.
    pub(super) fn find_in<'a>(&'a self, text: &str, shadow: Option<&str>) -> Vec<PeriodMatch<'a>> {
        let (matcher, hay) = match (shadow, &self.ascii_matcher) {
            (Some(hay), Some(ascii)) => (ascii, hay),
            _ => match &self.matcher {
                Some(matcher) => (matcher, text),
                None => return Vec::new(),
            },
        };
        matcher
            .find_iter(hay)
            .filter_map(|m| {
                let key = normalise(m.as_str());
                let key = key.strip_prefix("the ").unwrap_or(&key);
                let index = self.by_name.get(key)?;
                let period = self.periods.get(*index)?;
                Some(PeriodMatch {
                    start: m.start(),
                    end: m.end(),
                    period,
                })
            })
            .collect()
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Reason: a failing unwrap is a failing test.
mod tests {
    use super::*;

    #[test]
    fn every_period_loads_and_its_examples_match() {
        let periods = Periods::embedded();
        assert!(
            periods.periods.len() >= 20,
            "periods.toml failed to parse or lost entries"
        );
        for period in &periods.periods {
            assert!(
                period.start <= period.end,
                "{}: start after end",
                period.label
            );
            assert!(!period.examples.is_empty(), "{}: no examples", period.label);
            for example in &period.examples {
                let found = periods.find(example);
                assert!(
                    found.iter().any(|m| m.period.label == period.label),
                    "period '{}' not found in its example {example:?} (found {:?})",
                    period.label,
                    found.iter().map(|m| &m.period.label).collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn leading_the_and_case() {
        let periods = Periods::embedded();
        let found = periods.find("Since The Second World War and since WWII.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].period.label, "Second World War");
        assert_eq!(found[1].period.label, "Second World War");
        // "a new cold war" is not the Cold War.
        assert!(periods.find("fears of a new cold war").is_empty());
        assert!(periods.find("World War III would be a disaster").is_empty());
    }

    #[test]
    fn broken_file_yields_nothing() {
        let periods = Periods::from_toml("[[period]]\nlabel = 3");
        assert!(periods.periods.is_empty());
        assert!(periods.find("the Second World War").is_empty());
    }
}
