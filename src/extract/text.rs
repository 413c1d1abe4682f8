//! Words and punctuation of a sentence with byte spans: the unit every rule matches on.
//!
//! One linear pass, no regexes. Words keep internal apostrophes ("O'Neill") and dotted acronyms
//! ("U.S."); a possessive `'s` is its own token; every other punctuation character is a token.
#![allow(
    clippy::many_single_char_names,
    reason = "char indices (i, j, k) and bytes (b, c, d, e) read best short"
)]

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// `'s`, `’s` or a bare `'` after a plural.
    Possessive,
    Punct,
}

/// One token: byte offsets into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whether whitespace precedes the token (hyphenated words have none).
    pub space_before: bool,
}

/// The tokens of one sentence with their lowercase forms.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    /// Lowercase text holding every token's form at its span in `spans`.
    lower: String,
    spans: Vec<(usize, usize)>,
}

impl Tokens {
    /// Tokenizes `text[from..to]`; offsets stay relative to `text`.
    pub fn new(text: &str, from: usize, to: usize) -> Self {
        let toks = tokenize(text, from, to);
        if let Some(slice) = text.get(from..to).filter(|s| s.is_ascii()) {
            // All ASCII: the lowercase slice itself holds every token's lowercase form.
            let spans = toks
                .iter()
                .map(|t| (t.start - from, t.end - from))
                .collect();
            return Self {
                toks,
                lower: slice.to_ascii_lowercase(),
                spans,
            };
        }
        let mut lower = String::with_capacity(to.saturating_sub(from));
        let mut spans = Vec::with_capacity(toks.len());
        for t in &toks {
            let begin = lower.len();
            if let Some(s) = text.get(t.start..t.end) {
                if s.is_ascii() {
                    // Same as the loop below for ASCII, without per-character case mapping.
                    lower.push_str(s);
                    if let Some(added) = lower.get_mut(begin..) {
                        added.make_ascii_lowercase();
                    }
                    spans.push((begin, lower.len()));
                    continue;
                }
                for c in s.chars() {
                    match c {
                        '’' | '‘' => lower.push('\''),
                        '–' | '—' => lower.push('-'),
                        _ => lower.extend(c.to_lowercase()),
                    }
                }
            }
            spans.push((begin, lower.len()));
        }
        Self { toks, lower, spans }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The lowercase form of token `i` ("" out of range). Curly quotes become `'`, dashes `-`.
    pub fn lower(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(a, b)| self.lower.get(a..b))
            .unwrap_or("")
    }

    /// Whether tokens from `i` spell `words` (lowercase) exactly.
    pub fn matches_at(&self, i: usize, words: &[String]) -> bool {
        if i + words.len() > self.toks.len() {
            return false;
        }
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.lower(i + k) == w)
    }

    /// Whether token `j` joins its neighbours with no space on either side (the "-" of
    /// "self-ruled", the "/" of "Labour/Green Left", the "&" of "AT&T").
    pub fn joins_tightly(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|k| !k.space_before)
            && self.toks.get(j + 1).is_some_and(|k| !k.space_before)
    }

    /// The index of the first token starting at or after byte `at`.
    pub fn index_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    /// Token range `[a, b)` covering the byte span `start..end` (tokens fully inside it).
    pub fn range_of(&self, start: usize, end: usize) -> (usize, usize) {
        let a = self.toks.partition_point(|t| t.start < start);
        let b = self.toks.partition_point(|t| t.end <= end);
        (a, b.max(a))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    pub fn is_possessive(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Possessive)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text[from..to]` into tokens. Never panics; all offsets are char boundaries.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(slice) = text.get(from..to) else {
        return out;
    };
    out.reserve(slice.len() / 5);
    // Positions are byte offsets into `slice`; `at(k)` is the character starting at `k`
    // (ASCII without decoding).
    let bytes = slice.as_bytes();
    let at = |k: usize| match bytes.get(k) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => slice.get(k..).and_then(|rest| rest.chars().next()),
        None => None,
    };
    // The position after the character at `k` (or `k` at the end).
    let after = |k: usize| k + at(k).map_or(0, char::len_utf8);
    let mut i = 0;
    let mut space = true;
    while let Some(c) = at(i) {
        let b = from + i;
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + c.len_utf8();
            // Dotted acronym: single letters each followed by '.', e.g. "U.S." or "U.N.".
            if c.is_uppercase()
                && at(j) == Some('.')
                && at(j + 1).is_some_and(char::is_uppercase)
                && at(after(j + 1)) == Some('.')
            {
                j = after(j + 1) + 1;
                while at(j).is_some_and(char::is_uppercase) && at(after(j)) == Some('.') {
                    j = after(j) + 1;
                }
                out.push(Token {
                    start: b,
                    end: from + j,
                    kind: TokKind::Word,
                    space_before: space,
                });
                space = false;
                i = j;
                continue;
            }
            loop {
                // ASCII letters and digits in a tight loop; everything else below.
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                match at(j) {
                    Some(d) if d.is_alphanumeric() => j += d.len_utf8(),
                    // Internal apostrophe ("O'Neill", "don't") but not a possessive 's.
                    Some(d)
                        if is_apostrophe(d)
                            && at(j + d.len_utf8()).is_some_and(char::is_alphabetic) =>
                    {
                        let next = j + d.len_utf8();
                        let possessive = at(next) == Some('s')
                            && !at(next + 1).is_some_and(char::is_alphanumeric);
                        if possessive {
                            break;
                        }
                        j = after(next);
                    }
                    // "AT&T", "S&P", "H&M": an ampersand glued between capitals.
                    Some('&')
                        if j > 0
                            && bytes[j - 1].is_ascii_uppercase()
                            && bytes.get(j + 1).is_some_and(u8::is_ascii_uppercase) =>
                    {
                        j += 1;
                    }
                    _ => break,
                }
            }
            out.push(Token {
                start: b,
                end: from + j,
                kind: TokKind::Word,
                space_before: space,
            });
            space = false;
            i = j;
            continue;
        }
        if c.is_numeric() {
            let mut j = i + c.len_utf8();
            while let Some(d) = at(j) {
                if d.is_alphanumeric()
                    || ((d == ',' || d == '.') && at(j + 1).is_some_and(|e| e.is_ascii_digit()))
                {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Token {
                start: b,
                end: from + j,
                kind: TokKind::Number,
                space_before: space,
            });
            space = false;
            i = j;
            continue;
        }
        let next = i + c.len_utf8();
        if is_apostrophe(c) {
            let after_word = out
                .last()
                .is_some_and(|t: &Token| t.end == b && t.kind == TokKind::Word);
            if after_word
                && at(next) == Some('s')
                && !at(next + 1).is_some_and(char::is_alphanumeric)
            {
                out.push(Token {
                    start: b,
                    end: from + next + 1,
                    kind: TokKind::Possessive,
                    space_before: false,
                });
                space = false;
                i = next + 1;
                continue;
            }
            let plural_word = after_word && text.get(..b).is_some_and(|s| s.ends_with('s'));
            if plural_word && !at(next).is_some_and(char::is_alphanumeric) {
                out.push(Token {
                    start: b,
                    end: from + next,
                    kind: TokKind::Possessive,
                    space_before: false,
                });
                space = false;
                i = next;
                continue;
            }
        }
        out.push(Token {
            start: b,
            end: from + next,
            kind: TokKind::Punct,
            space_before: space,
        });
        space = false;
        i = next;
    }
    out
}

/// Quoted passages of a text: byte spans of the text inside the quote marks. Curly quotes pair
/// by direction; straight double quotes pair in order. An unclosed quote runs to the end of its
/// paragraph (a blank line) at most.
pub fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    let bytes = text.as_bytes();
    for (k, c) in text.char_indices() {
        match c {
            '“' => open = Some(k + c.len_utf8()),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, k));
                }
            }
            '"' => {
                if let Some(s) = straight.take() {
                    out.push((s, k));
                } else {
                    straight = Some(k + 1);
                }
            }
            '\n' if bytes.get(k + 1) == Some(&b'\n') => {
                open = None;
                straight = None;
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

/// Sentences of a document split further where a line ends with terminal punctuation (the
/// corpus splitter keeps single-newline paragraphs together). `None` when nothing changes.
pub fn refine_sentences(
    text: &str,
    sentences: &[crate::corpus::Sentence],
) -> Option<Vec<crate::corpus::Sentence>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut changed = false;
    for s in sentences {
        let Some(body) = text.get(s.start..s.end) else {
            out.push(*s);
            continue;
        };
        if !body.contains('\n') {
            out.push(*s);
            continue;
        }
        let mut from = s.start;
        let mut char_from = s.char_start;
        for (k, c) in body.char_indices() {
            if c != '\n' {
                continue;
            }
            let at = s.start + k;
            let line = text.get(from..at).unwrap_or("").trim_end();
            let ends = line
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with(['.', '!', '?', '…', ':'])
                || line.ends_with(['”', '"']);
            if !ends || line.is_empty() {
                continue;
            }
            let end = from + line.len();
            let lead = text
                .get(from..end)
                .map_or(0, |l| l.len() - l.trim_start().len());
            let start = from + lead;
            let char_start = char_from + text.get(from..start).map_or(0, |x| x.chars().count());
            let char_end = char_start + text.get(start..end).map_or(0, |x| x.chars().count());
            if end > start {
                out.push(crate::corpus::Sentence {
                    start,
                    end,
                    char_start,
                    char_end,
                });
                changed = true;
            }
            char_from += text.get(from..at).map_or(0, |x| x.chars().count());
            from = at;
        }
        let rest = text.get(from..s.end).unwrap_or("");
        let lead = rest.len() - rest.trim_start().len();
        let start = from + lead;
        let char_start = char_from + text.get(from..start).map_or(0, |x| x.chars().count());
        if s.end > start {
            out.push(crate::corpus::Sentence {
                start,
                end: s.end,
                char_start,
                char_end: char_start + text.get(start..s.end).map_or(0, |x| x.chars().count()),
            });
        }
    }
    changed.then_some(out)
}

/// A name without diacritics, for matching spellings ("Erdoğan" = "Erdogan").
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'İ' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Ć' | 'Č' => 'C',
            'ğ' => 'g',
            'Ğ' => 'G',
            'ñ' | 'ń' | 'ň' => 'n',
            'Ñ' => 'N',
            'ş' | 'ś' | 'š' | 'ș' => 's',
            'Ş' | 'Ś' | 'Š' | 'Ș' => 'S',
            'ţ' | 'ț' | 'ť' => 't',
            'ý' | 'ÿ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            'Ž' | 'Ź' | 'Ż' => 'Z',
            'ł' => 'l',
            'Ł' => 'L',
            'đ' => 'd',
            other => other,
        })
        .collect()
}

/// Whether a sentence may hold a time expression: a digit or a time word. A cheap filter in
/// front of the time normaliser; false positives only cost time.
pub fn may_have_time(sentence: &str) -> bool {
    static CUES: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    if sentence.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let cues = CUES.get_or_init(|| {
        const WORDS: &[&str] = &[
            "jan",
            "feb",
            "march",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "week",
            "month",
            "year",
            "decade",
            "centur",
            "ago",
            "season",
            "spring",
            "summer",
            "autumn",
            "winter",
            "christmas",
            "easter",
            "morning",
            "afternoon",
            "evening",
            "night",
            "noon",
            "war",
            "depression",
            "recession",
            "crisis",
            "invasion",
            "now",
            "recent",
            "earlier",
            "later",
            "previous",
            "next",
            "last",
            "past",
            "era",
            "period",
            "revolution",
            "holiday",
            "anniversary",
            "dynasty",
            "fall",
            "time",
            "soon",
            "days",
            "hours",
            "weekend",
            "eve",
            "new year",
            "ramadan",
            "attacks",
            "pandemic",
            "olympics",
        ];
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(WORDS)
            .ok()
    });
    cues.as_ref().is_none_or(|ac| ac.is_match(sentence))
}

/// The last word of `s` past trailing spaces, as written ("" when `s` ends in punctuation):
/// "the container ship" → "ship". Reads from the end only, so it costs nothing on long text.
pub fn last_word(s: &str) -> &str {
    s.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// Whether the time expression at `at` follows "since" after a superlative ("the biggest blow
/// since World War Two", "its weakest level since 1985"): a yardstick of comparison. The
/// expression spans `at..end`.
pub fn compared_since(text: &str, at: usize, end: usize) -> bool {
    // "deadliest since 1960, when an earthquake destroyed Agadir": the yardstick is told.
    if text
        .get(end..)
        .is_some_and(|r| r.starts_with(", when ") || r.starts_with(" when "))
    {
        return false;
    }
    let before = text.get(..at).unwrap_or("").trim_end();
    let Some(rest) = before.strip_suffix("since") else {
        return false;
    };
    if !rest.ends_with(' ') {
        return false;
    }
    // The eight words before "since" (bounded, so a long sentence costs no more).
    let window = rest
        .get(rest.len().saturating_sub(80)..)
        .map_or(rest, |w| w);
    window.split_whitespace().rev().take(8).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        matches!(
            w.as_str(),
            "worst" | "best" | "most" | "least" | "record" | "first"
        ) || (w.len() >= 6
            && w.ends_with("est")
            && !matches!(
                w.as_str(),
                "interest"
                    | "protest"
                    | "request"
                    | "suggest"
                    | "arrest"
                    | "contest"
                    | "harvest"
                    | "forest"
                    | "honest"
                    | "modest"
                    | "earnest"
                    | "latest"
            ))
    })
}

/// Whether `c` is uppercase (a capitalised word starts with it).
pub fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is all uppercase letters (and digits), at least two letters: an acronym.
pub fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tokens_keep_acronyms_possessives_and_hyphens() {
        assert_eq!(
            words("U.S. Secretary-General's ties"),
            vec!["U.S.", "Secretary", "-", "General", "'s", "ties"]
        );
        assert_eq!(
            words("Russia’s war, O'Neill's"),
            vec!["Russia", "’s", "war", ",", "O'Neill", "'s"]
        );
        assert_eq!(words("11,000 containers"), vec!["11,000", "containers"]);
        assert_eq!(words("AT&T and R & D"), vec!["AT&T", "and", "R", "&", "D"]);
        assert_eq!(
            words("the countries' ties"),
            vec!["the", "countries", "'", "ties"]
        );
    }

    #[test]
    fn lowercase_forms_normalise_quotes() {
        let text = "Russia’s WAR—now";
        let t = Tokens::new(text, 0, text.len());
        assert_eq!(t.lower(0), "russia");
        assert_eq!(t.lower(1), "'s");
        assert_eq!(t.lower(2), "war");
        assert_eq!(t.lower(3), "-");
        assert_eq!(t.range_of(0, 6), (0, 1));
    }

    #[test]
    fn a_time_after_since_and_a_superlative_is_a_yardstick() {
        let at = |text: &str, expr: &str| {
            let k = text.find(expr).unwrap_or(0);
            compared_since(text, k, k + expr.len())
        };
        assert!(at("Sterling fell to its weakest level since 1985.", "1985"));
        assert!(at(
            "It dealt the biggest blow since World War Two.",
            "World War Two"
        ));
        assert!(!at(
            "The quake was the deadliest since 1960, when a quake hit.",
            "1960"
        ));
        assert!(!at(
            "Rebels have attacked ships since November.",
            "November"
        ));
    }

    #[test]
    fn lines_ending_a_sentence_split() {
        let text = "First line ends.\nSecond “quoted.”\nThird é line";
        let s = crate::corpus::split_sentences(text);
        let r = refine_sentences(text, &s).unwrap_or(s);
        let parts: Vec<&str> = r.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(
            parts,
            vec!["First line ends.", "Second “quoted.”", "Third é line"]
        );
        for x in &r {
            assert_eq!(text[..x.start].chars().count(), x.char_start);
            assert_eq!(text[..x.end].chars().count(), x.char_end);
        }
    }

    /// The tokenizer as first written (a vector of chars), to check the faster one against.
    fn reference_tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
        let mut out = Vec::new();
        let Some(slice) = text.get(from..to) else {
            return out;
        };
        let chars: Vec<(usize, char)> = slice.char_indices().map(|(k, c)| (k + from, c)).collect();
        let end_of = |k: usize| chars.get(k).map_or(to, |&(b, _)| b);
        let mut i = 0;
        let mut space = true;
        while i < chars.len() {
            let (b, c) = chars[i];
            if c.is_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if c.is_alphabetic() {
                let mut j = i + 1;
                // Dotted acronym: single letters each followed by '.', e.g. "U.S." or "U.N.".
                if c.is_uppercase()
                    && chars.get(j).is_some_and(|&(_, d)| d == '.')
                    && chars.get(j + 1).is_some_and(|&(_, d)| d.is_uppercase())
                    && chars.get(j + 2).is_some_and(|&(_, d)| d == '.')
                {
                    j += 3;
                    while chars.get(j).is_some_and(|&(_, d)| d.is_uppercase())
                        && chars.get(j + 1).is_some_and(|&(_, d)| d == '.')
                    {
                        j += 2;
                    }
                    out.push(Token {
                        start: b,
                        end: end_of(j),
                        kind: TokKind::Word,
                        space_before: space,
                    });
                    space = false;
                    i = j;
                    continue;
                }
                loop {
                    match chars.get(j) {
                        Some(&(_, d)) if d.is_alphanumeric() => j += 1,
                        // Internal apostrophe ("O'Neill", "don't") but not a possessive 's.
                        Some(&(_, d))
                            if is_apostrophe(d)
                                && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphabetic()) =>
                        {
                            let possessive = chars.get(j + 1).is_some_and(|&(_, e)| e == 's')
                                && !chars.get(j + 2).is_some_and(|&(_, e)| e.is_alphanumeric());
                            if possessive {
                                break;
                            }
                            j += 2;
                        }
                        Some(&(_, '&'))
                            if chars[j - 1].1.is_ascii_uppercase()
                                && chars
                                    .get(j + 1)
                                    .is_some_and(|&(_, e)| e.is_ascii_uppercase()) =>
                        {
                            j += 1;
                        }
                        _ => break,
                    }
                }
                out.push(Token {
                    start: b,
                    end: end_of(j),
                    kind: TokKind::Word,
                    space_before: space,
                });
                space = false;
                i = j;
                continue;
            }
            if c.is_numeric() {
                let mut j = i + 1;
                while let Some(&(_, d)) = chars.get(j) {
                    if d.is_alphanumeric()
                        || ((d == ',' || d == '.')
                            && chars.get(j + 1).is_some_and(|&(_, e)| e.is_ascii_digit()))
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start: b,
                    end: end_of(j),
                    kind: TokKind::Number,
                    space_before: space,
                });
                space = false;
                i = j;
                continue;
            }
            if is_apostrophe(c) {
                let after_word = out
                    .last()
                    .is_some_and(|t: &Token| t.end == b && t.kind == TokKind::Word);
                if after_word
                    && chars.get(i + 1).is_some_and(|&(_, e)| e == 's')
                    && !chars.get(i + 2).is_some_and(|&(_, e)| e.is_alphanumeric())
                {
                    out.push(Token {
                        start: b,
                        end: end_of(i + 2),
                        kind: TokKind::Possessive,
                        space_before: false,
                    });
                    space = false;
                    i += 2;
                    continue;
                }
                let plural_word = after_word && text.get(..b).is_some_and(|s| s.ends_with('s'));
                if plural_word && !chars.get(i + 1).is_some_and(|&(_, e)| e.is_alphanumeric()) {
                    out.push(Token {
                        start: b,
                        end: end_of(i + 1),
                        kind: TokKind::Possessive,
                        space_before: false,
                    });
                    space = false;
                    i += 1;
                    continue;
                }
            }
            out.push(Token {
                start: b,
                end: end_of(i + 1),
                kind: TokKind::Punct,
                space_before: space,
            });
            space = false;
            i += 1;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_matches_reference(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "U", ".", "S", "N", "O'Neill", "'", "’", "s", "Russia", "é", "漢字", " ", "\n",
                "1", ",", "000", "-", "—", "“", "A", "b", "Ⅻ", "٣", "\u{a0}", "ǅ", "x",
            ]),
            0..40,
        ), cut in 0usize..8) {
            let text = words.concat();
            let mut from = cut.min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            proptest::prop_assert_eq!(
                tokenize(&text, from, text.len()),
                reference_tokenize(&text, from, text.len())
            );
        }

        #[test]
        fn lowercase_forms_match_the_character_mapping(text in "[A-Za-z0-9 .,'’–—-]{0,40}|.{0,40}") {
            let tokens = Tokens::new(&text, 0, text.len());
            for (i, t) in tokens.toks.iter().enumerate() {
                let expected: String = text[t.start..t.end]
                    .chars()
                    .flat_map(|c| match c {
                        '’' | '‘' => vec!['\''],
                        '–' | '—' => vec!['-'],
                        _ => c.to_lowercase().collect(),
                    })
                    .collect();
                proptest::prop_assert_eq!(tokens.lower(i), expected.as_str());
            }
            proptest::prop_assert_eq!(tokens.lower(tokens.len()), "");
        }

        #[test]
        fn tokenizer_matches_reference_on_any_string(text in ".*") {
            proptest::prop_assert_eq!(
                tokenize(&text, 0, text.len()),
                reference_tokenize(&text, 0, text.len())
            );
        }
    }

    #[test]
    fn quotes_pair() {
        let text = "He said, “We hope so,” and \"fine\".";
        let spans = quote_spans(text);
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[0].0..spans[0].1], "We hope so,");
        assert_eq!(&text[spans[1].0..spans[1].1], "fine");
    }
}
