//! Sentence splitting with byte and char spans.
//!
//! We evaluated `sentencex` (a port of Wikimedia's splitter): it returns owned strings without
//! offsets and trims whitespace, so mapping back to exact spans would need a second search pass
//! that is ambiguous for repeated sentences. Spans are the point here, so the splitter is ours:
//! one linear pass, abbreviations from `assets/abbreviations.txt`.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A sentence's place in its document. `start..end` are byte offsets (for slicing);
/// `char_start..char_end` are char offsets (for egui's text cursor).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
}

fn abbreviations() -> &'static HashSet<String> {
    static ABBREVIATIONS: OnceLock<HashSet<String>> = OnceLock::new();
    ABBREVIATIONS.get_or_init(|| {
        include_str!("../../assets/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

/// Splits `text` into sentences. Newline runs containing a blank line always end a sentence;
/// a single newline ends one after terminal punctuation or after a short line (a headline).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut cuts: Vec<usize> = Vec::new(); // byte offsets where a sentence ends
    let mut line_start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                let line = &text[line_start..i];
                let mut j = i + 1;
                let mut blank = false;
                while j < bytes.len()
                    && (bytes[j] == b' '
                        || bytes[j] == b'\t'
                        || bytes[j] == b'\r'
                        || bytes[j] == b'\n')
                {
                    if bytes[j] == b'\n' {
                        blank = true;
                    }
                    j += 1;
                }
                let trimmed = line.trim();
                let next_starts_sentence = text[j..]
                    .chars()
                    .find(|c| !OPENERS.contains(c))
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
                if blank
                    || (!trimmed.is_empty() && trimmed.chars().count() < 70 && next_starts_sentence)
                {
                    cuts.push(i);
                }
                line_start = j;
                i = j;
                continue;
            }
            b'.' | b'!' | b'?' => {
                if let Some(end) = terminal_end(text, i) {
                    cuts.push(end);
                }
            }
            // '…' is E2 80 A6: a boundary only before an uppercase start, handled like '.'.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => {
                if let Some(end) = terminal_end(text, i + 2) {
                    cuts.push(end);
                }
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    cuts.push(text.len());
    cuts.dedup();

    let mut out = Vec::new();
    let mut from = 0usize;
    let mut chars_before = 0usize;
    let mut counted_to = 0usize;
    for cut in cuts {
        if cut < from {
            continue;
        }
        let piece = &text[from..cut];
        let lead = piece.len() - piece.trim_start().len();
        let start = from + lead;
        let end = from + piece.trim_end().len();
        if end > start {
            chars_before += text[counted_to..start].chars().count();
            let len_chars = text[start..end].chars().count();
            out.push(Sentence {
                start,
                end,
                char_start: chars_before,
                char_end: chars_before + len_chars,
            });
            chars_before += len_chars;
            counted_to = end;
        }
        from = cut;
    }
    out
}

/// If the terminal punctuation whose last byte is at `at` ends a sentence, the byte offset just
/// past it (and past any closing quotes or brackets).
fn terminal_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = at + 1;
    // Runs like "?!" or "..." : only the last one decides.
    if matches!(bytes.get(end), Some(b'.' | b'!' | b'?')) {
        return None;
    }
    let rest = &text[end..];
    let mut chars = rest.char_indices().peekable();
    while let Some(&(k, c)) = chars.peek() {
        if CLOSERS.contains(&c) {
            end = at + 1 + k + c.len_utf8();
            chars.next();
        } else {
            break;
        }
    }
    // Must be followed by whitespace, then a plausible sentence start (or the end of the text).
    let after = &text[end..];
    let trimmed = after.trim_start_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == after.len() && !after.starts_with(['\n', '\r']) {
        return (after.is_empty()).then_some(end);
    }
    if trimmed.starts_with(['\n', '\r']) || trimmed.is_empty() {
        return Some(end);
    }
    let next = trimmed.chars().find(|c| !OPENERS.contains(c))?;
    if !(next.is_uppercase() || next.is_ascii_digit()) {
        return None;
    }
    if bytes[at] == b'.' && is_abbreviation(&text[..at]) {
        return None;
    }
    Some(end)
}

/// Whether the word ending just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        // "then-U.S.", "EU/U.S.": the word after a hyphen or slash is the one abbreviated.
        .find(|&(_, c)| {
            c.is_whitespace() || OPENERS.contains(&c) || matches!(c, '(' | '-' | '/' | '–' | '—')
        })
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single letter is an initial ("John F. Kennedy"); dotted runs are acronyms ("U.S", "p.m").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    abbreviations().contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t =
            "Mr. Smith met U.S. Secretary of State Antony Blinken at 3 p.m. Tuesday. Then he left.";
        assert_eq!(
            texts(t),
            vec![
                "Mr. Smith met U.S. Secretary of State Antony Blinken at 3 p.m. Tuesday.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn initials_and_titles() {
        let t = "John F. Kennedy spoke. Dr. Jones and Gen. Mark Milley agreed! Did they? Yes.";
        assert_eq!(
            texts(t),
            vec![
                "John F. Kennedy spoke.",
                "Dr. Jones and Gen. Mark Milley agreed!",
                "Did they?",
                "Yes."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "He declared, “That needs to end.” She agreed. “Could be some reciprocity… that could affect security.”";
        assert_eq!(
            texts(t),
            vec![
                "He declared, “That needs to end.”",
                "She agreed.",
                "“Could be some reciprocity… that could affect security.”"
            ]
        );
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(
            texts("Prices rose 2.5 percent in the U.S. economy. Next."),
            vec!["Prices rose 2.5 percent in the U.S. economy.", "Next."]
        );
        assert_eq!(
            texts("He met then-U.S. House Speaker Nancy Pelosi. Then he left."),
            vec![
                "He met then-U.S. House Speaker Nancy Pelosi.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn headlines_and_paragraphs_split_on_newlines() {
        let t = "Storm hits coast\n\nThe storm made landfall on Monday\nnear the town.\nOfficials said it was strong.";
        assert_eq!(
            texts(t),
            vec![
                "Storm hits coast",
                "The storm made landfall on Monday\nnear the town.",
                "Officials said it was strong."
            ]
        );
    }

    #[test]
    fn spans_are_exact_in_bytes_and_chars() {
        let t = "  Ünïcödé first. “Second” one.  ";
        let s = split_sentences(t);
        assert_eq!(s.len(), 2);
        for sentence in &s {
            let by_bytes = &t[sentence.start..sentence.end];
            let by_chars: String = t
                .chars()
                .skip(sentence.char_start)
                .take(sentence.char_end - sentence.char_start)
                .collect();
            assert_eq!(by_bytes, by_chars);
        }
    }

    #[test]
    fn empty_and_blank_give_nothing() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\n \t").is_empty());
    }

    #[test]
    fn seed_sentence_count() {
        let seed = include_str!("../../seeds/000_42862538ee79133b.txt");
        assert_eq!(split_sentences(seed).len(), 16);
    }
}
