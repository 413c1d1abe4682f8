//! Fuzzes the time normaliser: the first two bytes pick an anchor date (or none), the rest is
//! the text. Checks that spans slice the text back to each expression's text.
#![no_main]

use chrono::{Days, NaiveDate};
use dossier::extract::time::find_times;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(2));
    let anchor = match head {
        [a, b] if *a != 0 => NaiveDate::from_ymd_opt(1900, 1, 1).and_then(|d| {
            d.checked_add_days(Days::new(u64::from(u16::from_le_bytes([*a, *b])) * 2))
        }),
        _ => None,
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    for e in find_times(text, anchor) {
        assert_eq!(&text[e.start..e.end], e.text);
        if let Some((first, last)) = e.range {
            assert!(first <= last);
        }
    }
});
