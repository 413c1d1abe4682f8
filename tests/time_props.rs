//! Properties of the time normaliser over arbitrary text: it never panics, every span lies on
//! char boundaries and slices back to the expression's text, ranges are ordered and durations
//! carry no date.

use chrono::NaiveDate;
use dossier::extract::time::{Tense, find_times, find_times_with};
use proptest::prelude::*;

fn check_invariants(text: &str, anchor: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let found = find_times(text, anchor);
    let mut previous_end = 0;
    for e in &found {
        prop_assert!(e.start <= e.end && e.end <= text.len(), "{e:?}");
        prop_assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "{e:?}"
        );
        prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
        prop_assert!(
            e.start >= previous_end,
            "overlapping or unordered: {:?}",
            found
        );
        previous_end = e.end;
        if let Some((first, last)) = e.range {
            prop_assert!(first <= last, "{e:?}");
        }
        prop_assert!(!(e.is_duration && e.range.is_some()), "{e:?}");
        if anchor.is_none() && e.is_relative {
            prop_assert!(e.range.is_none(), "{e:?}");
        }
    }
    Ok(())
}

/// Words the rules look for, so that generated text often hits them.
const WORDS: &[&str] = &[
    "in",
    "on",
    "the",
    "last",
    "next",
    "this",
    "early",
    "mid-",
    "late",
    "May",
    "March",
    "June",
    "Sept.",
    "Tuesday",
    "Friday",
    "today",
    "yesterday",
    "week",
    "month",
    "year",
    "years",
    "ago",
    "will",
    "said",
    "18",
    "2024",
    "1990s",
    "'90s",
    "9/11",
    "World War II",
    "the Second World War",
    "first",
    "quarter",
    "summer",
    "fall",
    "of",
    "2024-06-18",
    "6/18/2024",
    "24",
    "three",
    "for",
    "the end of",
    "“",
    "”",
    ",",
    ".",
    "—",
    "é",
    "日本",
    "🙂",
    "-",
    "–",
    "%",
];

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..14).prop_map(|w| w.join(" "))
}

fn anchor() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (-400_000i32..400_000).prop_map(|days| NaiveDate::from_ymd_opt(2024, 6, 18)
            .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(i64::from(days))))),
        Just(Some(NaiveDate::MIN)),
        Just(Some(NaiveDate::MAX)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), anchor in anchor()) {
        check_invariants(&text, anchor)?;
    }

    #[test]
    fn rule_words_in_any_order(text in phrase(), anchor in anchor()) {
        check_invariants(&text, anchor)?;
    }

    #[test]
    fn any_tense_any_offsets(text in phrase(), tense in prop::sample::select(vec![Tense::Past, Tense::Future, Tense::Unknown])) {
        for e in find_times_with(&text, NaiveDate::from_ymd_opt(2024, 6, 18), Some(tense)) {
            prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
        }
        // The tense reader takes any offsets, even ones inside a character.
        for at in 0..text.len().min(40) {
            let _ = dossier::extract::time::tense_at(&text, at, at + 3);
        }
    }
}

#[test]
fn the_anchor_is_a_fixed_tuesday() {
    // A real assertion so this file fails if the rules go silent.
    let found = find_times(
        "Putin arrived on Tuesday.",
        NaiveDate::from_ymd_opt(2024, 6, 18),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].range,
        NaiveDate::from_ymd_opt(2024, 6, 18).map(|d| (d, d))
    );
}
