//! The fast path of the time rules: the same regexes with ASCII word boundaries, run on a
//! "shadow" of the sentence in which every non-ASCII word character is replaced by as many `_`
//! bytes as it takes.
//!
//! Why: a Unicode `\b` makes the regex crate's lazy DFA give up at the first non-ASCII byte
//! (a curly quote is enough), and the fallback engines are 10–50× slower. Why it is exact:
//! on the shadow an ASCII `\b` holds exactly where a Unicode `\b` holds on the sentence (`_` is
//! a word byte, and the non-ASCII characters kept are non-word characters); no rule has an
//! atom that matches `_` or a non-ASCII word character other than the ones [`shadow`] refuses
//! (digits of other scripts for `\d`, the Kelvin sign and long s for case-insensitive `k` and
//! `s`), so every match, capture and its text is the same. Offsets are the same because the
//! shadow has the same length and the same character boundaries at every match edge.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

/// `pattern` with every `\b` made ASCII (`(?-u:\b)`); escaped backslashes are left alone.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

struct Classes {
    /// Runs of non-ASCII word characters (Unicode `\w`, the class `\b` is defined by).
    word: Regex,
    /// Non-ASCII characters some rule atom other than `\b` can match.
    refused: Regex,
}

fn classes() -> Option<&'static Classes> {
    static CLASSES: OnceLock<Option<Classes>> = OnceLock::new();
    CLASSES
        .get_or_init(|| {
            Some(Classes {
                word: Regex::new(r"[\w--\x00-\x7F]+").ok()?,
                refused: Regex::new(r"[[\d\x{212A}\x{17F}]--\x00-\x7F]").ok()?,
            })
        })
        .as_ref()
}

/// The text the ASCII-boundary rules run on: `text` itself when it is ASCII, else a copy with
/// non-ASCII word characters replaced by `_` bytes. `None` when the text holds a character
/// the fast path cannot stand for (then the Unicode rules run on the text itself).
pub fn shadow(text: &str) -> Option<Cow<'_, str>> {
    if text.is_ascii() {
        return Some(Cow::Borrowed(text));
    }
    let classes = classes()?;
    if classes.refused.is_match(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in classes.word.find_iter(text) {
        out.push_str(text.get(last..m.start())?);
        out.extend(std::iter::repeat_n('_', m.len()));
        last = m.end();
    }
    out.push_str(text.get(last..)?);
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_become_ascii() {
        assert_eq!(ascii_boundaries(r"\b\d+\b"), r"(?-u:\b)\d+(?-u:\b)");
        assert_eq!(ascii_boundaries(r"a\\b"), r"a\\b");
        assert_eq!(ascii_boundaries(r"x\"), r"x\");
    }

    #[test]
    fn shadow_keeps_length_and_non_word_characters() {
        let text = "Erdoğan’s “visit” on 18 June";
        let s = shadow(text).unwrap_or_default();
        assert_eq!(s.len(), text.len());
        assert_eq!(s, "Erdo__an’s “visit” on 18 June");
        assert!(matches!(shadow("plain"), Some(Cow::Borrowed("plain"))));
        // Arabic-Indic digits match `\d`; the Kelvin sign matches `(?i)k`.
        assert!(shadow("in ٢٠٢٤").is_none());
        assert!(shadow("\u{212A}").is_none());
    }
}
