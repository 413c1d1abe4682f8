//! Stage 1: mentions. Finds the spans that may name an actor in one document: knowledge-base
//! surface forms (gazetteer), titled names, appositives, capitalised name sequences,
//! organization suffixes, acronyms introduced in the text, pronouns and role references
//! ("the speaker", "the alliance's chief"). Nothing is resolved here; see `resolve`.

#![allow(
    clippy::many_single_char_names,
    reason = "token indices (i, j, k, m, n) and spans (s, e) read best short"
)]

use crate::corpus::Document;

use super::gazetteer::{Gazetteer, Hit, KbRef, SurfaceForm};
use super::rules::{lexicon, titles};
use super::text::{Tokens, is_acronym, starts_upper};

/// What a rule-found name looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameClass {
    Person,
    Organization,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounKind {
    He,
    She,
    It,
    They,
    /// "the two leaders", "the two men": the last two people named.
    Pair,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoundKind {
    /// A knowledge-base surface form.
    Kb(Vec<super::gazetteer::Entry>),
    /// A capitalised name sequence, titled name or acronym.
    Name(NameClass),
    Pronoun(PronounKind),
    /// "the speaker", "the spokesperson": the last person who spoke.
    SpeakerRef,
    /// "the company", "the agency": the organization last named.
    OrgRef,
    /// "the alliance's chief", "NATO chief": the head of the mention at index `org`.
    HeadRef {
        org: usize,
    },
    /// The name of a thing or an occasion ("Cold War", "Nobel Peace Prize"): no actor.
    Thing,
}

/// One span that may refer to an actor. Offsets are bytes into the document text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub kind: FoundKind,
    /// The role from a title or appositive, as written ("Secretary of State").
    pub role: Option<String>,
    /// Whether the role heads the affiliation ("chief", "president").
    pub head: bool,
    /// Index (in the same list) of the mention the person is affiliated with.
    pub affiliation: Option<usize>,
    /// This acronym or short form stands for the mention at this index.
    pub alias_of: Option<usize>,
    /// Only an affiliation or part of a larger reference ("Russian" in "Russian President …"):
    /// not an argument of relations.
    pub inner: bool,
    /// First word of its sentence (a weak name).
    pub sentence_initial: bool,
    /// Followed by a possessive `'s`.
    pub possessive: bool,
    /// A thing whose name, wherever it stands alone, names the same thing (what "the maker
    /// of" names).
    pub names_thing: bool,
}

impl Found {
    fn new(sentence: usize, start: usize, end: usize, kind: FoundKind) -> Self {
        Self {
            sentence,
            start,
            end,
            kind,
            role: None,
            head: false,
            affiliation: None,
            alias_of: None,
            inner: false,
            sentence_initial: false,
            possessive: false,
            names_thing: false,
        }
    }

    /// Whether this is a knowledge-base hit of the given form.
    pub fn kb_form(&self) -> Option<SurfaceForm> {
        match &self.kind {
            FoundKind::Kb(e) => e.first().map(|x| x.form),
            _ => None,
        }
    }

    pub fn kb_refs(&self) -> Vec<KbRef> {
        match &self.kind {
            FoundKind::Kb(e) => e.iter().map(|x| x.kb).collect(),
            _ => Vec::new(),
        }
    }

    fn may_be_person(&self) -> bool {
        match &self.kind {
            FoundKind::Name(c) => *c != NameClass::Organization,
            FoundKind::Kb(e) => e.iter().any(|x| matches!(x.kb, KbRef::Person(_))),
            _ => false,
        }
    }

    fn may_affiliate(&self) -> bool {
        match &self.kind {
            FoundKind::Kb(e) => e.iter().any(|x| !matches!(x.kb, KbRef::Person(_))),
            FoundKind::Name(c) => *c != NameClass::Person,
            FoundKind::Pronoun(PronounKind::It | PronounKind::They) | FoundKind::OrgRef => true,
            _ => false,
        }
    }
}

/// A wire dateline at the start of a text.
static DATELINE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();

/// Finds every mention in a document, in text order. Never panics.
pub fn find_mentions(doc: &Document, gazetteer: &Gazetteer) -> Vec<Found> {
    let text = doc.text.as_str();
    let hits = gazetteer.find(text);
    let mut out = Vec::new();
    let mut h = 0usize;
    let dateline = dateline_end(text);
    for (si, s) in doc.sentences.iter().enumerate() {
        while h < hits.len() && hits[h].start < s.start {
            h += 1;
        }
        let mut k = h;
        while k < hits.len() && hits[k].end <= s.end {
            k += 1;
        }
        let sentence_hits: Vec<&Hit> = hits[h..k].iter().filter(|x| x.start >= s.start).collect();
        // (The sentence after a dateline opens where the dateline ends.)
        let opening = s.start.max(dateline);
        sentence_mentions(
            text,
            si,
            (s.start, opening, s.end),
            &sentence_hits,
            &mut out,
        );
        h = k;
    }
    // "WASHINGTON/PARIS (Reuters) -", "NARA, Japan, July 8 (Reuters) -": a dateline names where
    // the report was filed and by whom, not an actor.
    if dateline > 0 {
        for f in out.iter_mut().filter(|f| f.start < dateline) {
            f.kind = FoundKind::Thing;
            f.role = None;
            f.affiliation = None;
        }
    }
    // "Storm Daniel … Before reaching Libya, Daniel brought rain": a name first given to a storm
    // or an operation names it wherever it stands alone.
    let lex = lexicon();
    let mut things: std::collections::HashSet<&str, super::rules::WordHash> =
        std::collections::HashSet::default();
    for f in out.iter().filter(|f| f.kind == FoundKind::Thing) {
        let Some(surface) = text.get(f.start..f.end) else {
            continue;
        };
        if let Some((first, rest)) = surface.split_once(' ')
            && lex.thing_prefixes.contains(first)
            && rest.starts_with(char::is_uppercase)
            && !rest.contains(' ')
        {
            things.insert(rest);
        }
    }
    // "the container ship Dali … the Dali crashed": so is a craft's name; "the Joint
    // Comprehensive Plan of Action (JCPOA) … the JCPOA": and a thing's acronym.
    for f in out.iter().filter(|f| f.kind == FoundKind::Thing) {
        let noun = super::text::last_word(text.get(..f.start).unwrap_or(""));
        let Some(name) = text.get(f.start..f.end) else {
            continue;
        };
        if lex.vessel_nouns.contains(noun) || is_acronym(name) {
            things.insert(name);
        }
        // "the maker of ChatGPT … launched ChatGPT", "Roe v. Wade … overturn Roe".
        if f.names_thing {
            things.insert(name.split_once(' ').map_or(name, |(first, _)| first));
        }
    }
    if !things.is_empty() {
        for f in &mut out {
            if matches!(f.kind, FoundKind::Name(_))
                && text.get(f.start..f.end).is_some_and(|n| things.contains(n))
            {
                f.kind = FoundKind::Thing;
                f.role = None;
                f.affiliation = None;
            }
        }
    }
    out
}

/// The end of a wire dateline opening `text` ("TOKYO (Reuters) - ", "MOSCOW, June 18 (AP) — ",
/// "KYIV — "), or 0 when the text opens otherwise.
pub fn dateline_end(text: &str) -> usize {
    // Most texts open with a capital and a small letter: no regex for them.
    let trimmed = text.trim_start();
    let head = trimmed.as_bytes();
    // "(Reuters) - WeWork filed …": an agency's name alone.
    if head.first() == Some(&b'(') {
        let Some(close) = trimmed.get(..40).unwrap_or(trimmed).find(") ") else {
            return 0;
        };
        let agency = &trimmed[1..close];
        let rest = trimmed[close + 2..].trim_start_matches(' ');
        let dash = ["- ", "– ", "— ", "-- "]
            .iter()
            .find(|d| rest.starts_with(**d));
        if !agency.is_empty()
            && agency.chars().all(|c| c.is_alphabetic() || c == ' ')
            && let Some(d) = dash
        {
            return text.len() - rest.len() + d.len();
        }
        return 0;
    }
    if !(head.len() > 2 && head[0].is_ascii_uppercase() && head[1].is_ascii_uppercase()) {
        return 0;
    }
    let Some(re) = DATELINE
        .get_or_init(|| {
            regex::Regex::new(concat!(
                r"^\s*[A-Z][A-Z'.\- ]*[A-Z.](?:/[A-Z][A-Z'.\- ]*[A-Z.])*",
                r"(?:,\s*[A-Z][A-Za-z'.\- ]{1,30}){0,2}",
                r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?",
                r"\s*(?:\([A-Za-z][A-Za-z .&/-]{0,30}\)\s*)?[-–—]{1,2}\s"
            ))
            .ok()
        })
        .as_ref()
    else {
        return 0;
    };
    // Only the opening, and never a long one.
    let mut cut = text.len().min(160);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    re.find(&text[..cut]).map_or(0, |m| m.end())
}

/// A title span found in a sentence: token range and head flag.
#[derive(Clone, Copy, Debug)]
struct TitleSpan {
    from: usize,
    to: usize,
    head: bool,
}

fn is_upper_word(t: &Tokens, text: &str, i: usize) -> bool {
    t.is_word(i)
        && t.toks
            .get(i)
            .and_then(|k| text.get(k.start..k.end))
            .is_some_and(starts_upper)
}

fn word<'a>(t: &Tokens, text: &'a str, i: usize) -> &'a str {
    t.toks
        .get(i)
        .and_then(|k| text.get(k.start..k.end))
        .unwrap_or("")
}

fn sentence_mentions(
    text: &str,
    si: usize,
    (from, opening, to): (usize, usize, usize),
    hits: &[&Hit],
    out: &mut Vec<Found>,
) {
    let lex = lexicon();
    let titles = titles();
    let t = Tokens::new(text, from, to);
    let n = t.len();
    let base = out.len();
    // Which tokens a gazetteer hit covers (index into `hits`).
    let mut covered: Vec<Option<usize>> = vec![None; n];
    for (k, hit) in hits.iter().enumerate() {
        let (a, b) = t.range_of(hit.start, hit.end);
        // "South America", "Latin America": a region named after a country's short name.
        if a > 0
            && matches!(
                word(&t, text, a - 1),
                "South" | "North" | "Latin" | "Central" | "East" | "West"
            )
            && hits[k]
                .entries
                .iter()
                .all(|e| matches!(e.kb, KbRef::Country(_)))
        {
            continue;
        }
        // "The 37-year-old Serb": a nationality after an age is a person, not the country.
        if a >= 2
            && t.lower(a - 1) == "old"
            && t.lower(a - 2) == "-"
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Demonym)
        {
            continue;
        }
        // "the Monegasque driver", "the Spanish striker": a nationality before a word for one
        // person's trade tells who that person is, not what the country does.
        if a >= 1
            && matches!(
                t.lower(a - 1),
                "the" | "a" | "an" | "fellow" | "young" | "veteran"
            )
            && lex.individual_nouns.contains(t.lower(b))
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Demonym)
        {
            continue;
        }
        // "the Alliance of Small Island States": a capitalised word of a context alias that
        // takes an "of" phrase starts another name.
        if b > a
            && is_upper_word(&t, text, b - 1)
            && matches!(t.lower(b), "of" | "for")
            && is_upper_word(&t, text, b + 1)
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Context)
        {
            continue;
        }
        // "the African Union's Peace and Security Council": a known name after a capitalised
        // word and "and" ends a longer name.
        if a >= 3
            && t.lower(a - 1) == "and"
            && is_upper_word(&t, text, a - 2)
            && covered[a - 2].is_none()
            && !lex.stop.contains(t.lower(a - 2))
            && (t.lower(a - 3) == "the" || t.is_possessive(a - 3))
            && lex.org_suffixes.contains(word(&t, text, b - 1))
        {
            continue;
        }
        for c in covered.iter_mut().take(b).skip(a) {
            *c = Some(k);
        }
    }
    // "Fox News", "Trump Organization": a bare surname starting an organization name is part
    // of that name.
    for i in 0..n {
        if let Some(k) = covered[i]
            && i + 1 < n
            && covered[i + 1].is_none()
            && is_upper_word(&t, text, i + 1)
            && lex.org_suffixes.contains(word(&t, text, i + 1))
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Surname)
        {
            for c in covered.iter_mut().take(i + 1) {
                if *c == Some(k) {
                    *c = None;
                }
            }
        }
    }
    // "Dan Evans": a known surname right before an unknown capitalised word is a given name.
    for i in 0..n.saturating_sub(1) {
        if let Some(k) = covered[i]
            && covered[i + 1].is_none()
            && (i == 0 || covered[i - 1] != Some(k))
            && is_upper_word(&t, text, i + 1)
            && t.toks.get(i + 1).is_some_and(|x| x.space_before)
            && !lex.stop.contains(t.lower(i + 1))
            && !lex.is_time_word(t.lower(i + 1))
            && !lex.not_alone.contains(t.lower(i + 1))
            && titles.longest_at(&t, i + 1).is_none()
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Surname)
            && t.range_of(hits[k].start, hits[k].end).1 == i + 1
        {
            covered[i] = None;
        }
    }
    // "Mohammed al-Menfi", "Ahmed bin Salman": a known surname before a name particle and a
    // capitalised word is a given name too.
    for i in 0..n.saturating_sub(2) {
        if let Some(k) = covered[i]
            && (i == 0 || covered[i - 1] != Some(k))
            && t.range_of(hits[k].start, hits[k].end).1 == i + 1
            && t.toks.get(i + 1).is_some_and(|x| x.space_before)
            && matches!(
                word(&t, text, i + 1),
                "al" | "el"
                    | "ad"
                    | "as"
                    | "ash"
                    | "ar"
                    | "bin"
                    | "ibn"
                    | "bint"
                    | "abu"
                    | "van"
                    | "von"
                    | "de"
                    | "da"
                    | "di"
                    | "del"
                    | "dos"
                    | "du"
            )
            && (is_upper_word(&t, text, i + 2) && t.toks.get(i + 2).is_some_and(|x| x.space_before)
                || t.lower(i + 2) == "-"
                    && t.toks.get(i + 2).is_some_and(|x| !x.space_before)
                    && is_upper_word(&t, text, i + 3)
                    && t.toks.get(i + 3).is_some_and(|x| !x.space_before))
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Surname)
        {
            covered[i] = None;
        }
    }
    // "Jordan Bardella", "Georgia Meloni", "Victoria Villarruel": a country's or capital's name
    // that is also a given name, right before an unknown capitalised word that names nothing
    // else, is a person's given name.
    for i in 0..n.saturating_sub(1) {
        if let Some(k) = covered[i]
            && covered[i + 1].is_none()
            && (i == 0 || covered[i - 1] != Some(k))
            && t.range_of(hits[k].start, hits[k].end) == (i, i + 1)
            && (super::rules::given_names().contains(word(&t, text, i))
                // "France Cordova, director of the NSF, said": a title after the comma says
                // the two words are a person's name.
                || t.lower(i + 2) == ","
                    && titles.longest_at(&t, i + 3).is_some())
            && is_upper_word(&t, text, i + 1)
            && t.toks.get(i + 1).is_some_and(|x| x.space_before)
            && !is_acronym(word(&t, text, i + 1))
            && !lex.stop.contains(t.lower(i + 1))
            && !lex.is_time_word(t.lower(i + 1))
            && !lex.not_alone.contains(t.lower(i + 1))
            && !lex.org_suffixes.contains(word(&t, text, i + 1))
            && !lex.org_prefixes.contains(word(&t, text, i + 1))
            && !lex.place_suffixes.contains(word(&t, text, i + 1))
            && !lex.thing_suffixes.contains(word(&t, text, i + 1))
            && titles.longest_at(&t, i + 1).is_none()
            && hits[k].entries.iter().all(|e| {
                matches!(e.kb, KbRef::Country(_))
                    && matches!(e.form, SurfaceForm::Name | SurfaceForm::Metonym)
            })
        {
            covered[i] = None;
        }
    }
    // "Turkish Airlines", "Qatar Airways": a country's name or adjective before an airline's
    // word names the airline. "the European Union Aviation Safety Agency": a known
    // organization's name before more capitalised words ending in an organization word is the
    // start of a longer name.
    let no_titles = vec![false; n];
    // Byte starts of names that open with a country's name or capital: organizations.
    let mut country_org_start: Vec<usize> = Vec::new();
    for i in 0..n {
        let Some(k) = covered[i] else {
            continue;
        };
        if i > 0 && covered[i - 1] == Some(k) {
            continue;
        }
        let (a, b) = t.range_of(hits[k].start, hits[k].end);
        if a != i || b >= n || covered[b].is_some() || !is_upper_word(&t, text, b) {
            continue;
        }
        // "Washington Mutual", "Moscow City Court": a capital before an organization's word.
        let capital_org = b == a + 1
            && lex.org_suffixes.contains(word(&t, text, b))
            && !lex.short_suffixes.contains(word(&t, text, b))
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == SurfaceForm::Metonym);
        let airline = matches!(word(&t, text, b), "Airlines" | "Airways")
            && hits[k]
                .entries
                .iter()
                .all(|e| matches!(e.kb, KbRef::Country(_)));
        let longer_org = hits[k]
            .entries
            .iter()
            .all(|e| matches!(e.kb, KbRef::Org(_)) && e.form != SurfaceForm::Context)
            && b + 1 < n
            && !t.is_possessive(b - 1)
            && titles.longest_at(&t, b).is_none()
            && !lex.stop.contains(t.lower(b))
            && is_upper_word(&t, text, b + 1)
            && ends_in_org_suffix(text, &t, b, &covered, &no_titles);
        // "the ruling Sri Lanka Podujana Peramuna": a country's name before two more
        // capitalised words that are no title, person or place opens a party's or company's
        // name.
        let country_org = hits[k].entries.iter().all(|e| {
            matches!(e.kb, KbRef::Country(_))
                && matches!(e.form, SurfaceForm::Name | SurfaceForm::Metonym)
        }) && !t.is_possessive(b - 1)
            && (b..b + 2).all(|j| {
                j < n
                    && is_upper_word(&t, text, j)
                    && covered[j].is_none()
                    && t.toks[j].space_before
                    && titles.longest_at(&t, j).is_none()
                    && !lex.stop.contains(t.lower(j))
                    && !lex.is_time_word(t.lower(j))
                    && !lex.not_alone.contains(t.lower(j))
                    && !super::rules::given_names().contains(word(&t, text, j))
                    && !lex.place_suffixes.contains(word(&t, text, j))
            });
        if country_org {
            country_org_start.push(t.toks[a].start);
        }
        // "Santiago Abascal", "Victoria Beckham": a capital that is also a given name, before
        // one more capitalised word that is no title or organization word, opens a person's name.
        let given_capital = b == a + 1
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == SurfaceForm::Metonym)
            && super::rules::given_names().contains(word(&t, text, a))
            && t.toks[b].space_before
            && titles.longest_at(&t, b).is_none()
            && !lex.org_suffixes.contains(word(&t, text, b))
            && !lex.place_suffixes.contains(word(&t, text, b))
            && !lex.stop.contains(t.lower(b))
            && !lex.is_time_word(t.lower(b))
            && !(b + 1 < n && is_upper_word(&t, text, b + 1));
        if airline || longer_org || capital_org || country_org || given_capital {
            for c in covered.iter_mut().take(b).skip(a) {
                *c = None;
            }
        }
    }
    // "the Gulf of Mexico", "the Sea of Japan": a country's name in a sea's is no actor.
    for i in 2..n {
        if covered[i].is_some()
            && covered[i - 1].is_none()
            && t.lower(i - 1) == "of"
            && covered[i - 2].is_none()
            && is_upper_word(&t, text, i - 2)
            && lex.place_suffixes.contains(word(&t, text, i - 2))
            && let Some(k) = covered[i]
            && hits[k]
                .entries
                .iter()
                .all(|e| matches!(e.kb, KbRef::Country(_)))
        {
            for c in covered.iter_mut().skip(i) {
                if *c != Some(k) {
                    break;
                }
                *c = None;
            }
        }
    }
    // "Prince Abdulaziz bin Salman": a known surname after a name and its particle is part of
    // that name, not King Salman.
    for i in 2..n {
        if let Some(k) = covered[i]
            && covered[i - 1].is_none()
            && covered[i - 2].is_none()
            && matches!(t.lower(i - 1), "bin" | "ibn" | "bint" | "ben")
            && is_upper_word(&t, text, i - 2)
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Surname)
        {
            for c in covered.iter_mut().skip(i) {
                if *c != Some(k) {
                    break;
                }
                *c = None;
            }
        }
    }
    // "a joint Labour/Green Left ticket": a known name joined by a slash to an unknown one is
    // part of an alliance's name.
    for i in 0..n {
        let Some(k) = covered[i] else {
            continue;
        };
        let (a, b) = t.range_of(hits[k].start, hits[k].end);
        if a == i
            && t.lower(b) == "/"
            && t.joins_tightly(b)
            && covered.get(b + 1).is_some_and(Option::is_none)
            && is_upper_word(&t, text, b + 1)
            && hits[k]
                .entries
                .iter()
                .all(|e| matches!(e.kb, KbRef::Org(_)))
        {
            for c in covered.iter_mut().take(b).skip(a) {
                *c = None;
            }
        }
    }
    // "Real Madrid", "Atletico Madrid": a capital after a capitalised word that is no title,
    // function or place word names a club or company, not the government.
    // So does a known organization's name after such a word, not first in its sentence:
    // "Iran's Supreme National Security Council" is not the National Security Council.
    let mut club_end: Vec<usize> = Vec::new();
    let first_tok = (0..n).find(|&i| t.is_word(i));
    // "Paul-Henri Nargeolet": a known surname or short name joined by a hyphen to a capitalised
    // word is part of a hyphenated given name.
    for i in 0..n.saturating_sub(2) {
        let Some(k) = covered[i] else {
            continue;
        };
        let (_, b) = t.range_of(hits[k].start, hits[k].end);
        if b == i + 1
            && t.lower(i + 1) == "-"
            && !t.toks[i + 1].space_before
            && !t.toks[i + 2].space_before
            && is_upper_word(&t, text, i + 2)
            && covered[i + 2].is_none()
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Surname)
        {
            covered[i] = None;
        }
    }
    for i in 1..n {
        let Some(k) = covered[i] else {
            continue;
        };
        if covered[i - 1].is_some() || !is_upper_word(&t, text, i - 1) {
            continue;
        }
        let prev = t.lower(i - 1);
        let (a, b) = t.range_of(hits[k].start, hits[k].end);
        let capital = b == i + 1
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Metonym);
        // "Liberal Democrats": a capitalised word before a one-word organization name too.
        // (Not "an Alaska Airlines Boeing 737", "a JAL Boeing 747": a maker before its model's
        // number, after a name that is whole.)
        let maker = t
            .toks
            .get(b)
            .is_some_and(|x| x.kind == super::text::TokKind::Number)
            && (lex.org_suffixes.contains(word(&t, text, i - 1))
                || is_acronym(word(&t, text, i - 1)));
        let org_name = a == i
            && !maker
            && (b >= i + 2 || b == i + 1 && covered.get(i + 1).copied().flatten() != Some(k))
            && Some(i - 1) != first_tok
            && hits[k].entries.iter().all(|e| {
                e.form == super::gazetteer::SurfaceForm::Name && matches!(e.kb, KbRef::Org(_))
            });
        // "Royal Swedish Academy of Sciences": a nationality inside an organization's name.
        let demonym_inside = a == i
            && b == i + 1
            && Some(i - 1) != first_tok
            && hits[k]
                .entries
                .iter()
                .all(|e| e.form == super::gazetteer::SurfaceForm::Demonym)
            && covered.get(i + 1).is_some_and(Option::is_none)
            && is_upper_word(&t, text, i + 1)
            && (lex.org_prefixes.contains(word(&t, text, i + 1))
                || lex.org_suffixes.contains(word(&t, text, i + 1)));
        // "Pier Silvio Berlusconi": a given name before a known person's full name makes another
        // person, the son named after his father.
        let person_name = a == i
            && b >= i + 2
            && hits[k].entries.iter().all(|e| {
                e.form == super::gazetteer::SurfaceForm::Name && matches!(e.kb, KbRef::Person(_))
            });
        // "SNB Chairman Thomas Jordan": a given name before a country's name makes a surname.
        let surname_country = a == i
            && b == i + 1
            && super::rules::given_names().contains(word(&t, text, i - 1))
            && !t.is_possessive(i)
            && hits[k].entries.iter().all(|e| {
                e.form == super::gazetteer::SurfaceForm::Name && matches!(e.kb, KbRef::Country(_))
            });
        let person_name = person_name || surname_country;
        // "the New Democratic Party": a capitalised "New" mid-sentence opens another party.
        let new_org = org_name && prev == "new";
        if (capital || org_name || demonym_inside || person_name)
            && covered[i - 1].is_none()
            && is_upper_word(&t, text, i - 1)
            && t.toks[i].space_before
            && !t.is_possessive(i - 1)
            && !lex.stop.contains(prev)
            && (new_org || !lex.not_alone.contains(prev))
            && !lex.honorifics.contains(prev)
            && !lex.is_time_word(prev)
            && !lex.participles.contains(prev)
            && !lex.speech.contains(prev)
            && !matches!(
                prev,
                "central"
                    | "greater"
                    | "downtown"
                    | "metropolitan"
                    | "old"
                    | "inner"
                    | "outer"
                    | "upper"
                    | "lower"
                    | "suburban"
                    | "in"
                    | "at"
            )
            && (new_org || prev != "new")
            && titles.longest_at(&t, i - 1).is_none()
        {
            for c in covered.iter_mut().take(b).skip(i) {
                *c = None;
            }
            if !demonym_inside
                && !person_name
                && let Some(last) = b.checked_sub(1).and_then(|x| t.toks.get(x))
            {
                club_end.push(last.end);
            }
        }
    }
    let first_word = (0..n).find(|&i| t.is_word(i));
    // The first word after a dateline, if the sentence has one.
    let opening_word = (0..n).find(|&i| t.is_word(i) && t.toks[i].start >= opening);

    // Titles: only where a name or a reference follows.
    let mut title_tok = vec![false; n];
    let mut title_spans: Vec<TitleSpan> = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i].is_none()
            && let Some((len, head)) = titles.longest_at(&t, i)
        {
            let next = i + len;
            let name_follows = next < n
                && (is_upper_word(&t, text, next)
                    || covered[next].is_some_and(|k| {
                        hits[k]
                            .entries
                            .iter()
                            .any(|e| matches!(e.kb, KbRef::Person(_)))
                    }));
            // A capitalised title word could start an organization name ("General Motors").
            let org_name =
                name_follows && next < n && lex.org_suffixes.contains(word(&t, text, next));
            if name_follows && !org_name {
                title_spans.push(TitleSpan {
                    from: i,
                    to: next,
                    head,
                });
                for tt in title_tok.iter_mut().take(next).skip(i) {
                    *tt = true;
                }
                i = next;
                continue;
            }
        }
        i += 1;
    }

    // Walk the tokens: gazetteer hits, name sequences, pronouns, references.
    let occasions = &super::rules::event_rules().triggers;
    let mut i = 0;
    while i < n {
        // "their Copa America triumph", "the Tour de France": an occasion's name that holds a
        // country's is a thing, country and all.
        if is_upper_word(&t, text, i)
            && let Some(len) = occasions
                .at(&t, i)
                .filter(|x| x.words.len() >= 2 && matches!(x.form, super::rules::Form::Noun))
                .map(|x| x.words.len())
                .find(|&len| {
                    (i..i + len).any(|k| {
                        covered.get(k).copied().flatten().is_some_and(|h| {
                            hits[h]
                                .entries
                                .iter()
                                .all(|e| matches!(e.kb, KbRef::Country(_)))
                        })
                    })
                })
        {
            let end = (i + len).min(n);
            out.push(Found::new(
                si,
                t.toks[i].start,
                t.toks[end - 1].end,
                FoundKind::Thing,
            ));
            i = end;
            continue;
        }
        if let Some(k) = covered[i] {
            let hit = hits[k];
            let (_, b) = t.range_of(hit.start, hit.end);
            let mut f = Found::new(si, hit.start, hit.end, FoundKind::Kb(hit.entries.clone()));
            f.possessive = t.is_possessive(b);
            f.sentence_initial = Some(i) == first_word;
            out.push(f);
            i = b.max(i + 1);
            continue;
        }
        let lower = t.lower(i);
        if t.is_word(i) && !title_tok[i] && lower.len() <= 7 {
            let pron = match lower {
                "he" | "him" | "his" | "himself" => Some(PronounKind::He),
                "she" | "her" | "hers" | "herself" => Some(PronounKind::She),
                "its" | "it" => Some(PronounKind::It),
                "they" | "them" | "their" => Some(PronounKind::They),
                _ => None,
            };
            if let Some(p) = pron {
                let tok = t.toks[i];
                out.push(Found::new(si, tok.start, tok.end, FoundKind::Pronoun(p)));
                i += 1;
                continue;
            }
        }
        // "The two leaders spoke by telephone", "the two men did not meet until 1959".
        if lower == "the"
            && t.lower(i + 1) == "two"
            && matches!(
                t.lower(i + 2),
                "leaders" | "men" | "women" | "presidents" | "premiers" | "ministers"
            )
            && !matches!(t.lower(i + 3), "of" | "who" | "whom")
        {
            let (s, e) = (t.toks[i].start, t.toks[i + 2].end);
            out.push(Found::new(si, s, e, FoundKind::Pronoun(PronounKind::Pair)));
            i += 3;
            continue;
        }
        if lower == "the"
            && let Some(words) = lex.speaker_refs.iter().find(|w| t.matches_at(i, w))
        {
            let end_tok = i + words.len();
            let appositive = i > 0 && t.lower(i - 1) == ",";
            if (end_tok >= n || !is_upper_word(&t, text, end_tok))
                && !appositive
                && t.lower(end_tok) != "of"
            {
                let (s, e) = (t.toks[i].start, t.toks[end_tok - 1].end);
                out.push(Found::new(si, s, e, FoundKind::SpeakerRef));
                i = end_tok;
                continue;
            }
        }
        if lower == "the"
            && let Some(words) = lex.org_refs.iter().find(|w| t.matches_at(i, w))
        {
            let end_tok = i + words.len();
            // "the Union for the Homeland coalition": a capitalised reference word joined to
            // more capitalised words starts a name.
            let mut k = end_tok;
            while k < n && k < end_tok + 3 && lex.joiners.contains(word(&t, text, k)) {
                k += 1;
            }
            let starts_name = is_upper_word(&t, text, end_tok - 1)
                && k > end_tok
                && k < n
                && is_upper_word(&t, text, k);
            // Not "the company Acme", not "the group of seven", not "the union of …".
            if (end_tok >= n || !is_upper_word(&t, text, end_tok))
                && !matches!(t.lower(end_tok), "of" | "-")
                && !starts_name
            {
                let (s, e) = (t.toks[i].start, t.toks[end_tok - 1].end);
                let mut f = Found::new(si, s, e, FoundKind::OrgRef);
                f.possessive = t.is_possessive(end_tok);
                out.push(f);
                i = end_tok;
                continue;
            }
        }
        // "China's foreign ministry", "the Syrian health ministry": a country's ministry named
        // by its brief in lowercase is that country's body.
        if lex.ministry_briefs.contains(lower)
            && t.lower(i + 1) == "ministry"
            && t.toks[i].space_before
            && let Some(last) = out.last()
            && let FoundKind::Kb(entries) = &last.kind
            && entries.iter().all(|e| matches!(e.kb, KbRef::Country(_)))
        {
            let owner_ends = t.range_of(last.start, last.end).1;
            // "China's foreign ministry": the brief and "ministry" (the owner is read apart);
            // "the Syrian health ministry": the nationality with them.
            let start = if last.possessive && owner_ends + 1 == i {
                Some(t.toks[i].start)
            } else if owner_ends == i
                && entries
                    .iter()
                    .all(|e| e.form == super::gazetteer::SurfaceForm::Demonym)
            {
                let start = last.start;
                out.pop();
                Some(start)
            } else {
                None
            };
            if let Some(start) = start {
                let end = t.toks[i + 1].end;
                out.push(Found::new(
                    si,
                    start,
                    end,
                    FoundKind::Name(NameClass::Organization),
                ));
                i += 2;
                continue;
            }
        }
        if is_upper_word(&t, text, i)
            && !title_tok[i]
            && let Some((end_tok, f)) = name_sequence(
                text,
                &t,
                si,
                i,
                hits,
                &covered,
                &title_tok,
                (first_word, opening_word),
            )
        {
            let mut f = f;
            // "21st Century Fox": an ordinal century before a name of two words or more starts
            // it (not "the 19th Party Congress", "his 81st Tour title").
            let ordinal = i > 0
                && t.toks[i - 1].kind == super::text::TokKind::Number
                && t.toks[i].space_before
                && covered[i - 1].is_none()
                && end_tok >= i + 2
                && t.lower(i) == "century"
                && (i < 2 || t.lower(i - 2) != "the")
                && ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|x| t.lower(i - 1).ends_with(x));
            // "the 6th U.S. Circuit Court of Appeals", "the 82nd Airborne Division": an ordinal
            // before an organization's name numbers it (not "the 19th Party Congress", a
            // session).
            let numbered_unit = i > 0
                && t.toks[i - 1].kind == super::text::TokKind::Number
                && t.toks[i].space_before
                && covered[i - 1].is_none()
                && matches!(f.kind, FoundKind::Name(NameClass::Organization))
                && ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|x| t.lower(i - 1).ends_with(x))
                && text.get(f.start..f.end).is_some_and(|name| {
                    !matches!(
                        super::text::last_word(name),
                        "Congress" | "Assembly" | "Session" | "Conference" | "Summit" | "Plenum"
                    )
                });
            if (ordinal || numbered_unit)
                && matches!(f.kind, FoundKind::Name(_))
                && f.start == t.toks[i].start
            {
                f.start = t.toks[i - 1].start;
            }
            out.push(f);
            i = end_tok.max(i + 1);
            continue;
        }
        i += 1;
    }
    for f in &mut out[base..] {
        if matches!(f.kind, FoundKind::Name(_))
            && (club_end.contains(&f.end) || country_org_start.contains(&f.start))
        {
            f.kind = FoundKind::Name(NameClass::Organization);
        }
    }
    // Longer spans first among those starting together, so a name swallows the hits inside it.
    out[base..].sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));

    // Org names that swallowed a gazetteer hit ("… in the United States"): drop the inner hit.
    let spans: Vec<(usize, usize, bool)> = out[base..]
        .iter()
        .map(|f| {
            (
                f.start,
                f.end,
                matches!(f.kind, FoundKind::Name(_) | FoundKind::Thing),
            )
        })
        .collect();
    let mut keep = vec![true; spans.len()];
    for (a, &(s1, e1, name1)) in spans.iter().enumerate() {
        if !name1 {
            continue;
        }
        // Sorted by start: only the following spans that begin inside this one.
        for (b, &(s2, e2, _)) in spans.iter().enumerate().skip(a + 1) {
            if s2 >= e1 {
                break;
            }
            if s2 >= s1 && e2 <= e1 && (s2, e2) != (s1, e1) {
                keep[b] = false;
            }
        }
    }
    let mut kept = Vec::with_capacity(spans.len());
    for (idx, f) in out.drain(base..).enumerate() {
        if keep[idx] {
            kept.push(f);
        }
    }
    out.extend(kept);

    attach_titles(text, &t, base, &title_spans, out);
    attach_appositives(text, &t, base, out);
    attach_acronyms(text, &t, base, out);
    attach_real_names(&t, base, out);
    attach_head_refs(text, &t, base, &title_spans, out);
}

/// A capitalised name sequence starting at token `i`: (end token, mention).
#[allow(
    clippy::too_many_arguments,
    reason = "the sentence's token tables are passed apart to keep this a free function"
)]
fn name_sequence(
    text: &str,
    t: &Tokens,
    si: usize,
    i: usize,
    hits: &[&Hit],
    covered: &[Option<usize>],
    title_tok: &[bool],
    (first_word, opening_word): (Option<usize>, Option<usize>),
) -> Option<(usize, Found)> {
    let lex = lexicon();
    let titles = titles();
    let n = t.len();
    let mut start = i;
    let mut person = false;
    let mut honorific_start = None;
    // Leading honorifics and function words.
    loop {
        let w = t.lower(start);
        if start < n
            && is_upper_word(t, text, start)
            && lex.honorifics.contains(w)
            && !title_tok[start]
        {
            person = true;
            honorific_start = honorific_start.or(Some(start));
            start += 1;
            if t.lower(start) == "." {
                start += 1;
            }
            continue;
        }
        // "Kurdish Peshmerga fighters", "the mainly Shi'ite Popular Mobilisation Forces": a
        // people's or a faith's adjective before a force's name describes it.
        if start + 1 < n
            && matches!(
                w,
                "kurdish"
                    | "shi'ite"
                    | "shiite"
                    | "shia"
                    | "sunni"
                    | "alawite"
                    | "yazidi"
                    | "druze"
                    | "tamil"
                    | "baloch"
                    | "pashtun"
                    | "uyghur"
                    | "uighur"
            )
            && is_upper_word(t, text, start)
            && is_upper_word(t, text, start + 1)
        {
            let mut end = start + 1;
            while end < n && is_upper_word(t, text, end) {
                end += 1;
            }
            if end == start + 2
                || matches!(
                    t.lower(end - 1),
                    "forces" | "units" | "militia" | "militias" | "brigades"
                )
            {
                start += 1;
                continue;
            }
        }
        // "Dear Team India": a letter's salutation names whom it addresses.
        if start < n && w == "dear" && is_upper_word(t, text, start) {
            start += 1;
            continue;
        }
        // "First Republic Bank": an ordinal starting an organization's name is part of it.
        if start < n
            && is_upper_word(t, text, start)
            && lex.stop.contains(w)
            && !(matches!(w, "first" | "second" | "third" | "all")
                && start + 2 < n
                && ends_in_org_suffix(text, t, start + 1, covered, title_tok))
        {
            start += 1;
            continue;
        }
        break;
    }
    // "I stepped down as CEO of Binance": a title before "of" names the office, and the name is
    // what follows ("Prince of Wales" is a royal style).
    let mut office_of = false;
    if start < n
        && is_upper_word(t, text, start)
        && let Some((len, _)) = titles.longest_at(t, start)
        && t.lower(start + len) == "of"
        && !matches!(
            t.lower(start),
            "prince" | "princess" | "duke" | "duchess" | "earl" | "king" | "queen"
        )
    {
        start += len + 1;
        office_of = true;
        if start < n && matches!(t.lower(start), "the") {
            start += 1;
        }
    }
    // "Meta's President of Global Affairs Nick Clegg": the office's capitalised words after a
    // title and "of" run up to a known given name.
    if start >= 2
        && t.lower(start - 1) == "of"
        && (title_tok[start - 2]
            || office_of
            || titles
                .longest_at(t, start - 2)
                .is_some_and(|(len, _)| len == 1))
        && let Some(k) = (start..n.min(start + 4))
            .take_while(|&k| is_upper_word(t, text, k) && covered[k].is_none())
            .find(|&k| {
                k > start
                    && super::rules::given_names().contains(word(t, text, k))
                    && is_upper_word(t, text, k + 1)
            })
    {
        start = k;
    }
    // "Russia's Commissioner for Children's Rights", "the High Commissioner for Human Rights":
    // the capitalised words after an office and "for" name what the office is for, up to a
    // person's name after them ("Minister for Foreign Affairs Simon Coveney").
    if start >= 2
        && t.lower(start - 1) == "for"
        && is_upper_word(t, text, start - 2)
        && (title_tok[start - 2]
            || matches!(
                t.lower(start - 2),
                "commissioner" | "ombudsman" | "envoy" | "representative" | "rapporteur"
            ))
        && covered.get(start).is_some_and(Option::is_none)
    {
        let mut k = start;
        while k < n
            && (is_upper_word(t, text, k) && covered[k].is_none() || t.is_possessive(k))
            && !(super::rules::given_names().contains(word(t, text, k))
                && is_upper_word(t, text, k + 1))
        {
            k += 1;
        }
        if k > start && !(k < n && is_upper_word(t, text, k)) {
            let (s, e) = (t.toks[start].start, t.toks[k - 1].end);
            return Some((k, Found::new(si, s, e, FoundKind::Thing)));
        }
    }
    // "Born Heinz Kissinger", "Speaking Tuesday": a sentence-initial participle is no name.
    if Some(start) == first_word && start + 1 < n && is_upper_word(t, text, start + 1) {
        let w = t.lower(start);
        // Not "Erling Haaland", "Mohammed bin Salman": only a word known as a verb.
        if lex.participles.contains(w)
            || (w.ends_with("ing") || w.ends_with("ed"))
                && (lex.speech.contains(w) || lex.ongoing.contains(w))
        {
            start += 1;
        }
    }
    // "Leftist Luiz Inacio Lula da Silva", "Billionaire Hans Weber" opening a sentence: a
    // capitalised word that is no given name, before a full name, describes the person.
    if Some(start) == opening_word
        && start + 2 < n
        && is_upper_word(t, text, start + 1)
        && covered[start].is_none()
        && !title_tok[start]
        && !super::rules::given_names().contains(word(t, text, start))
        && !is_acronym(word(t, text, start))
        && t.toks[start + 1].space_before
    {
        let person_hit = covered[start + 1]
            .and_then(|c| hits.get(c))
            .is_some_and(|h| {
                h.entries.iter().any(|e| {
                    matches!(e.kb, KbRef::Person(_))
                        && e.form == super::gazetteer::SurfaceForm::Name
                })
            });
        let full_name = covered[start + 1].is_none()
            && super::rules::given_names().contains(word(t, text, start + 1))
            && is_upper_word(t, text, start + 2)
            && t.toks[start + 2].space_before;
        if person_hit || full_name {
            return None;
        }
    }
    if start >= n || !is_upper_word(t, text, start) || covered[start].is_some() || title_tok[start]
    {
        return None;
    }
    let mut end = start; // exclusive
    let mut words: Vec<usize> = Vec::new();
    let mut org = lex.org_prefixes.contains(word(t, text, start));
    let mut j = start;
    while j < n {
        let w = word(t, text, j);
        let lw = t.lower(j);
        // "San Francisco 49ers", "Philadelphia 76ers": a numbered team name ends the name.
        if j > start
            && covered[j].is_none()
            && w.len() > 3
            && w.starts_with(|c: char| c.is_ascii_digit())
            && w.trim_start_matches(|c: char| c.is_ascii_digit())
                .chars()
                .all(|c| c.is_ascii_lowercase())
            && w.ends_with('s')
        {
            words.push(j);
            j += 1;
            end = j;
            org = true;
            break;
        }
        if is_upper_word(t, text, j)
            && covered[j].is_none()
            && !title_tok[j]
            // "a Labour MP said": an abbreviated title with no name after it is no name.
            && !(w.len() > 1
                && w.chars().all(|c| c.is_ascii_uppercase())
                && titles.longest_at(t, j).is_some_and(|(len, _)| len == 1))
            && !lex.is_time_word(lw)
            // ("An-su" in "Park An-su" is a name, though "an" alone is a stop word.)
            && !(lex.stop.contains(lw)
                && j > start
                && !(t.lower(j + 1) == "-" && t.joins_tightly(j + 1)))
            // "Maryland Gov. Wes Moore", "Rear Adm. Shannon Gilreath": an abbreviated title
            // ends the name before it.
            && !(j > start
                && t.lower(j + 1) == "."
                && (lex.honorifics.contains(lw) || titles.longest_at(t, j).is_some()))
        {
            words.push(j);
            j += 1;
            end = j;
            // "People's Party", "Women's Tennis Association": a plural noun's possessive inside
            // a name.
            if t.is_possessive(j)
                && matches!(
                    w,
                    "People" | "Women" | "Children" | "Workers" | "Farmers" | "Veterans"
                )
                && is_upper_word(t, text, j + 1)
                && covered.get(j + 1).is_some_and(Option::is_none)
            {
                j += 1;
                end = j;
                continue;
            }
            // "St James's Palace", "St Peter's Square": a saint's possessive before a place's word
            // is inside the place's name.
            if t.is_possessive(j)
                && matches!(word(t, text, start), "St" | "Saint")
                && j > start + 1
                && lex.place_suffixes.contains(word(t, text, j + 1))
                && covered.get(j + 1).is_some_and(Option::is_none)
            {
                j += 1;
                end = j;
                continue;
            }
            // "a joint Labour/Green Left ticket": names joined by a slash name one alliance.
            if t.lower(j) == "/"
                && t.joins_tightly(j)
                && is_upper_word(t, text, j + 1)
                && covered.get(j + 1).is_some_and(Option::is_none)
                && !w.chars().all(char::is_uppercase)
            {
                j += 1;
                org = true;
                continue;
            }
            // "S&P Global", "AT&T": capitals joined by an ampersand are one word.
            if t.lower(j) == "&"
                && t.joins_tightly(j)
                && is_upper_word(t, text, j + 1)
                && w.chars().all(|c| c.is_ascii_uppercase())
            {
                j += 2;
                end = j;
                org = true;
            }
            // An initial: "S. Somanath", "John F. Kennedy"; "St. Petersburg".
            if (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()) || w == "St")
                && t.lower(j) == "."
                && t.toks.get(j).is_some_and(|k| !k.space_before)
                && is_upper_word(t, text, j + 1)
                && covered.get(j + 1).is_some_and(Option::is_none)
            {
                j += 1;
                continue;
            }
            // Hyphenated continuation: "Jean-Pierre", "Al-Assad", "Waker-uz-Zaman"; not
            // "San Francisco-based".
            while t.lower(j) == "-"
                && t.toks.get(j + 1).is_some_and(|k| !k.space_before)
                && t.is_word(j + 1)
                && !matches!(
                    t.lower(j + 1),
                    "based"
                        | "led"
                        | "backed"
                        | "owned"
                        | "run"
                        | "born"
                        | "made"
                        | "style"
                        | "era"
                        | "controlled"
                        | "funded"
                        | "linked"
                        | "allied"
                        | "aligned"
                        | "affiliated"
                        | "sponsored"
                        | "headquartered"
                        | "listed"
                )
                && !t.toks[j].space_before
            {
                j += 2;
                end = j;
            }
            continue;
        }
        // 'Joe "Jellybean" Bryant': a nickname in quotes between a given name and a surname.
        if j == start + 1
            && matches!(t.lower(j), "\"" | "\u{201c}")
            && t.toks[j].space_before
            && let Some(q) = (j + 2..j + 4)
                .find(|&q| matches!(t.lower(q), "\"" | "\u{201d}"))
                .filter(|&q| {
                    (j + 1..q).all(|m| is_upper_word(t, text, m))
                        && is_upper_word(t, text, q + 1)
                        && covered.get(q + 1).is_some_and(Option::is_none)
                })
        {
            j = q + 1;
            continue;
        }
        // "Amna Ahmed", "Hunter Biden", "Riyad al-Maliki": a known surname after a given name
        // is another person.
        let surname_only = |c: usize| {
            hits.get(c).is_some_and(|h| {
                h.entries
                    .iter()
                    .all(|e| e.form == super::gazetteer::SurfaceForm::Surname)
            })
        };
        if j > start
            && let Some(c) = covered[j]
            && surname_only(c)
            && !t.is_possessive(start.saturating_sub(1))
        {
            let k = hit_end(covered, j);
            words.push(k - 1);
            j = k;
            end = j;
            continue;
        }
        // "Luis de la Fuente", "Rafael van der Vaart": one particle or two.
        let after_particles = (j..(j + 3).min(n))
            .find(|&k| !lex.particles.contains(word(t, text, k)))
            .unwrap_or(j);
        if j > start
            && after_particles > j
            && is_upper_word(t, text, after_particles)
            && covered.get(after_particles).is_some_and(Option::is_none)
        {
            j = after_particles;
            continue;
        }
        // "Bab al-Mandab Strait": a particle joined by a hyphen.
        if j > start
            && lex.particles.contains(w)
            && t.lower(j + 1) == "-"
            && t.toks.get(j + 1).is_some_and(|k| !k.space_before)
            && t.toks.get(j + 2).is_some_and(|k| !k.space_before)
            && is_upper_word(t, text, j + 2)
            && covered
                .get(j + 2)
                .is_some_and(|c| c.is_none_or(surname_only))
        {
            j += 2;
            continue;
        }
        // "the Samajwadi Party of Akhilesh Yadav": a party "of" a person's two-word name is his.
        let persons_party = w == "of"
            && j > start
            && matches!(word(t, text, j - 1), "Party" | "party")
            && (j + 1..j + 3).all(|k| {
                k < n
                    && is_upper_word(t, text, k)
                    && covered[k].is_none()
                    && !lex.org_suffixes.contains(word(t, text, k))
                    && !lex.org_prefixes.contains(word(t, text, k))
            })
            && !(j + 3 < n && is_upper_word(t, text, j + 3));
        if persons_party {
            break;
        }
        // "Securities and Exchange Commission": a joiner inside a name that ends in an
        // organization word.
        if j > start
            && !org
            && lex.joiners.contains(w)
            && w != "the"
            && ends_in_org_suffix(text, t, j + 1, covered, title_tok)
        {
            org = true;
        }
        // "Call of Duty", "Bank of America": capitalised words joined by "of"; not after a
        // person's name ("Clara Brugada of Morena").
        if j > start
            && Some(start) != first_word
            && !org
            && !person
            && !(words.len() >= 2 && super::rules::given_names().contains(word(t, text, words[0])))
            && w == "of"
            && is_upper_word(t, text, j + 1)
            && covered.get(j + 1).is_some_and(Option::is_none)
            // (Not "Marsha Blackburn of Tennessee", "Edith Windsor of New York": a state is
            // where one is from.)
            && !(1..=3).any(|len| {
                (j + 1..j + 1 + len).all(|k| k < n)
                    && super::rules::regions().contains_key(
                        (j + 1..j + 1 + len)
                            .map(|k| word(t, text, k))
                            .collect::<Vec<_>>()
                            .join(" ")
                            .as_str(),
                    )
            })
            && !title_tok.get(j + 1).copied().unwrap_or(true)
            && !lex.stop.contains(t.lower(j + 1))
            && !lex.is_time_word(t.lower(j + 1))
        {
            j += 1;
            continue;
        }
        // "an Air China jet", "Air France said": an airline named for its country is one name.
        if j == start + 1
            && words.len() == 1
            && word(t, text, start) == "Air"
            && let Some(c) = covered.get(j).copied().flatten()
            && hits.get(c).is_some_and(|h| {
                h.entries.iter().any(|e| {
                    matches!(e.kb, KbRef::Country(_))
                        && e.form == super::gazetteer::SurfaceForm::Name
                })
            })
        {
            let k = hit_end(covered, j);
            words.push(k - 1);
            end = k;
            org = true;
            break;
        }
        // "Meloni's Brothers of Italy": a plural and "of" before a country's name are one name
        // with it.
        if w == "of"
            && words.len() == 1
            && j == start + 1
            && Some(start) != first_word
            && !person
            && {
                let head = word(t, text, start);
                head.len() > 3
                    && head.ends_with('s')
                    && !head.ends_with("ss")
                    && !super::rules::given_names().contains(head)
            }
            && let Some(c) = covered.get(j + 1).copied().flatten()
            && hits.get(c).is_some_and(|h| {
                h.entries.iter().any(|e| {
                    matches!(e.kb, KbRef::Country(_))
                        && e.form == super::gazetteer::SurfaceForm::Name
                })
            })
        {
            let k = hit_end(covered, j + 1);
            words.push(k - 1);
            end = k;
            org = true;
            break;
        }
        // "Salvini's League and Silvio Berlusconi's Forza Italia": a person's name, or an owner
        // named after "and", starts another name.
        if w == "and"
            && j > start
            && (super::rules::given_names().contains(word(t, text, j + 1))
                && is_upper_word(t, text, j + 2)
                || (j + 1..(j + 4).min(n))
                    .take_while(|&k| is_upper_word(t, text, k) || t.is_possessive(k))
                    .any(|k| t.is_possessive(k)))
        {
            break;
        }
        // "the Coalition for … and the Alliance of Small Island States": two names.
        if w == "and" && j > start && t.lower(j + 1) == "the" {
            break;
        }
        // "the Coast Guard and Maryland State Police": two complete names, not one.
        if j >= start + 2
            && matches!(w, "and" | "&")
            && lex.org_suffixes.contains(word(t, text, j - 1))
            && ends_in_org_suffix(text, t, j + 1, covered, title_tok)
        {
            break;
        }
        // "National Council for the Safeguard of the Homeland": an organization word inside
        // the name takes "for" and "of" phrases.
        if j > start
            && !org
            && matches!(w, "for" | "of")
            && (lex.org_prefixes.contains(word(t, text, j - 1))
                // "the Forces for Freedom and Change" (not "the Federal Penitentiary Service
                // for the Yamalo-Nenets region").
                || lex.org_suffixes.contains(word(t, text, j - 1)) && t.lower(j + 1) != "the")
        {
            let k = if t.lower(j + 1) == "the" {
                j + 2
            } else {
                j + 1
            };
            if k < n
                && is_upper_word(t, text, k)
                && covered[k].is_none()
                && !title_tok[k]
                && !lex.is_time_word(t.lower(k))
                && !lex.stop.contains(t.lower(k))
            {
                org = true;
                j = k;
                continue;
            }
        }
        // "Alvarez & Marsal", "Kirkland & Ellis": capitalised words joined by an ampersand
        // name a firm.
        if j > start
            && w == "&"
            && j + 1 < n
            && is_upper_word(t, text, j + 1)
            && covered[j + 1].is_none()
            && !title_tok[j + 1]
            && !lex.stop.contains(t.lower(j + 1))
        {
            org = true;
            j += 1;
            continue;
        }
        // "the Stock Exchange of Thailand", "the Constitutional Democratic Party of Japan", "the
        // Special Tribunal for Lebanon": a name ending in an organization word takes "of" or
        // "for" and the country it belongs to (not "Japan's").
        if j > start
            && matches!(w, "of" | "for")
            && (lex.org_suffixes.contains(word(t, text, j - 1))
                || lex.org_prefixes.contains(word(t, text, j - 1)))
            && covered.get(j + 1).copied().flatten().is_some()
        {
            let m = hit_end(covered, j + 1);
            if !(t.is_possessive(m.saturating_sub(1)) || m < n && t.is_possessive(m)) {
                end = m;
                // "the Central Committee of Sudan Doctors": a capitalised word past the
                // country goes on with the name.
                if m < n
                    && is_upper_word(t, text, m)
                    && t.toks[m].space_before
                    && covered[m].is_none()
                    && !title_tok[m]
                    && !lex.stop.contains(t.lower(m))
                    && !lex.is_time_word(t.lower(m))
                {
                    j = m;
                    continue;
                }
                break;
            }
        }
        // "Committee on Foreign Investment in the United States", "Bank of England" (not
        // "the Court of Appeals for the Fourth Circuit in Richmond": "in" takes a country the
        // gazetteer knows, not a city).
        if j > start && org && lex.joiners.contains(w) {
            let mut k = j + 1;
            while k < n && lex.joiners.contains(word(t, text, k)) {
                k += 1;
            }
            if k < n
                && (is_upper_word(t, text, k) && !title_tok[k])
                && (w != "in" || covered[k].is_some())
            {
                // Swallow a gazetteer hit as part of the name.
                if covered[k].is_some() {
                    let m = hit_end(covered, k);
                    end = m;
                    j = m;
                    continue;
                }
                j = k;
                continue;
            }
        }
        // "Jet.com", "Booking.com": a web address's ending is part of a company's name.
        if w == "."
            && j == end
            && j > start
            && j + 1 < n
            && !t.toks[j].space_before
            && !t.toks[j + 1].space_before
            && matches!(t.lower(j + 1), "com" | "net" | "org" | "io" | "ai")
        {
            org = true;
            end = j + 2;
            break;
        }
        // "Microsoft Corp." keeps its period.
        if w == "."
            && j == end
            && j > start
            && matches!(
                word(t, text, j - 1),
                "Corp" | "Inc" | "Ltd" | "Co" | "Bros" | "Assn" | "Dept" | "Univ" | "Intl"
            )
            && !t.toks[j].space_before
        {
            end = j + 1;
        }
        break;
    }
    if words.is_empty() {
        return None;
    }
    // "Walt Disney Co agreed": a company form right after a known name belongs to that name.
    if let [only] = words.as_slice()
        && start > 0
        && covered[start - 1].is_some()
        && t.toks[start].space_before
        && matches!(
            word(t, text, *only),
            "Co" | "Inc" | "Corp" | "Ltd" | "Plc" | "PLC" | "plc" | "LLC" | "AG" | "SA" | "NV"
        )
    {
        return None;
    }
    // "Team India", "Team USA": an organization's word before a known name is that name's
    // team, the name's mention.
    if let [only] = words.as_slice()
        && end == only + 1
        && lex.org_suffixes.contains(word(t, text, *only))
        && covered.get(end).copied().flatten().is_some()
        && t.toks.get(end).is_some_and(|x| x.space_before)
    {
        return None;
    }
    // "European users' data", "Caribbean nations": one word shaped like a nationality before a
    // common noun describes it (not a known given name: "Julian said").
    if let [only] = words.as_slice()
        && end == only + 1
        && ["ean", "ian", "ese"]
            .iter()
            .any(|x| word(t, text, *only).ends_with(x))
        && !super::rules::given_names().contains(word(t, text, *only))
        && t.toks.get(end).is_some_and(|x| {
            x.space_before && x.kind == super::text::TokKind::Word && {
                let next = t.lower(end);
                word(t, text, end).starts_with(char::is_lowercase)
                    && !lex.stop.contains(next)
                    && !lex.speech.contains(next)
                    && !lex.past_verbs.contains(next)
                    && !next.ends_with("ed")
            }
        })
    {
        return None;
    }
    // "Security Council Resolution 1701", "Article 5": one word numbered is a document's or a
    // thing's label, no actor (not "beat Chelsea 2-0": a score; nor "led the Chiefs 75 yards").
    if let [only] = words.as_slice()
        && end == only + 1
        && !(*only > 0 && matches!(t.lower(only - 1), "the" | "a" | "an"))
        && t.toks
            .get(end)
            .is_some_and(|x| x.kind == super::text::TokKind::Number)
        && t.lower(end + 1) != "-"
        && !t
            .toks
            .get(end + 1)
            .is_some_and(|x| x.kind == super::text::TokKind::Number)
    {
        return None;
    }
    // "San Francisco-based Figma": a place that only says where something is.
    if t.lower(end) == "-"
        && matches!(t.lower(end + 1), "based" | "headquartered")
        && !t.toks[end].space_before
    {
        return None;
    }
    // "Roe v. Wade", "Planned Parenthood v. Casey": a case's name, both parties with it, names a
    // case, not its parties.
    if matches!(t.lower(end), "v" | "vs")
        && t.lower(end + 1) == "."
        && is_upper_word(t, text, end + 2)
    {
        let mut k = end + 2;
        while k < n
            && (is_upper_word(t, text, k)
                || (t.is_possessive(k) || matches!(t.lower(k), "of" | "for" | "and" | "&"))
                    && is_upper_word(t, text, k + 1))
        {
            k += 1;
        }
        let (s, e) = (t.toks[start].start, t.toks[k - 1].end);
        let mut f = Found::new(si, s, e, FoundKind::Thing);
        // "… overturn Roe": a one-word party alone names the case.
        f.names_thing = words.len() == 1;
        return Some((k, f));
    }
    // "tracking website PowerOutage.us", "Politico.com": a name with its web domain is a site's.
    if t.lower(end) == "."
        && t.toks
            .get(end + 1)
            .is_some_and(|x| !x.space_before && x.kind == super::text::TokKind::Word)
        && matches!(
            t.lower(end + 1),
            "com" | "org" | "net" | "us" | "io" | "co" | "uk" | "gov" | "ai" | "info"
        )
        && word(t, text, end + 1).starts_with(char::is_lowercase)
    {
        end += 2;
        org = true;
    }
    let last_word = word(t, text, *words.last()?);
    if words.len() > 1
        && (lex.org_suffixes.contains(last_word)
            || words
                .iter()
                .any(|&k| lex.org_prefixes.contains(word(t, text, k))))
    {
        org = true;
    }
    if words.len() == 1
        && !is_acronym(last_word)
        && !matches!(last_word, "Parliament" | "Congress" | "Senate")
    {
        org = false;
    }
    if honorific_start.is_some() && lex.org_suffixes.contains(last_word) {
        org = true;
    }
    if org && let Some(h) = honorific_start {
        // "Justice Department": the honorific was part of the name.
        start = h;
        person = false;
    }
    if words.len() == 1 && lex.place_suffixes.contains(last_word) {
        return None;
    }
    // "Maxine Waters, a California Democrat": a party member described, not named.
    if start > 0
        && matches!(t.lower(start - 1), "a" | "an")
        && matches!(
            last_word,
            "Democrat"
                | "Republican"
                | "Conservative"
                | "Socialist"
                | "Liberal"
                | "Democrats"
                | "Republicans"
        )
    {
        return None;
    }
    // "COP28", "H100", "A320": a word of letters and digits the knowledge base does not know
    // names a meeting or a model, not an actor.
    let model_number = words.len() == 1
        && last_word.starts_with(char::is_alphabetic)
        && last_word.chars().any(|c| c.is_ascii_digit())
        && last_word.chars().any(char::is_alphabetic);
    let first_name_word = word(t, text, words[0]);
    let number_at = |k: usize| {
        t.toks
            .get(k)
            .is_some_and(|x| x.kind == super::text::TokKind::Number)
    };
    // "a Category 4 hurricane", "Flight 1282": a noun numbered; "the 737 MAX 9": capitals
    // after a model number (not a year: "the 2024 NATO summit").
    // "riskiest bonds, known as Additional Tier 1 debt".
    let numbered = lex.numbered_nouns.contains(last_word) && number_at(end)
        || words.len() == 1
            && (lex.numbered_nouns.contains(last_word) && number_at(end)
            // "its MAX 9 fleet": capitals before a number that is no year.
            || is_acronym(last_word)
                && number_at(end)
                && !is_year_word(t.lower(end))
                && Some(start) != first_word
            || is_acronym(last_word)
                && start > 0
                && number_at(start - 1)
                && !is_year_word(t.lower(start - 1)));
    // "Hurricane Helene", "the Gulf of Mexico".
    let named_thing = words.len() > 1
        && (lex.thing_prefixes.contains(first_name_word)
            || lex.place_suffixes.contains(first_name_word)
                && (start..end).any(|k| t.lower(k) == "of"));
    // "the Party of the Democratic Revolution": a name that opens with an organization's word
    // is the organization, whatever its last word.
    let org_first = words.len() > 2 && lex.org_prefixes.contains(first_name_word);
    // "the Champions League", "the Grand Prix": a two-word ending the list names.
    let two_word_thing = words.len() > 1
        && lex.thing_suffixes.contains(&format!(
            "{} {last_word}",
            word(t, text, words[words.len() - 2])
        ));
    // "the Joint Comprehensive Plan of Action", "the Treaty of Versailles": the head before
    // "of" names the thing.
    let thing_of = words.len() > 2
        && (start..end)
            .position(|k| t.lower(k) == "of")
            .is_some_and(|p| p > 0 && lex.thing_suffixes.contains(word(t, text, start + p - 1)));
    // "the State Administration for Market Regulation": the head before "for" or "of" is an
    // organization's word.
    let org_head = (start..end)
        .position(|k| matches!(t.lower(k), "of" | "for" | "on"))
        .is_some_and(|p| {
            p > 0 && {
                let head = word(t, text, start + p - 1);
                lex.org_suffixes.contains(head) || lex.org_prefixes.contains(head)
            }
        });
    let thing = model_number
        || numbered
        || named_thing
        || two_word_thing
        || thing_of
        || !org_first
            && !org_head
            && lex.thing_suffixes.contains(last_word)
            && words.len() + usize::from(start > 0 && covered[start - 1].is_some()) > 1
        // (Last: it walks back over the list.)
        || in_brand_list(t, start);
    // "Taiwan Affairs Office", "U.S. Agency for International Development", "Paris Peace
    // Accords": a country or capital before an organization or thing name belongs to it.
    if (org || thing)
        && start == i
        && start > 0
        && covered[start - 1].is_some()
        && t.toks.get(start).is_some_and(|k| k.space_before)
    {
        let c = covered[start - 1];
        let mut m = start - 1;
        while m > 0 && covered[m - 1] == c {
            m -= 1;
        }
        if let Some(k) = c
            && hits.get(k).is_some_and(|h| {
                h.entries.iter().any(|e| {
                    matches!(e.kb, KbRef::Country(_))
                        && matches!(
                            e.form,
                            SurfaceForm::Name | SurfaceForm::Demonym | SurfaceForm::Metonym
                        )
                        // "the UEFA Cup", "the UN Charter": an organization's name before a
                        // thing's word names the thing.
                        || !org && matches!(e.kb, KbRef::Org(_)) && e.form == SurfaceForm::Name
                })
            })
        {
            start = m;
        }
    }
    // A title in quote marks ("Call of Duty") or a name after a possessive pronoun ("its Game
    // Pass service") names a work or a product, not an actor.
    // The mark before must open a quote, not close one ("…," Damian Williams, the …).
    let opens = |q: usize| q == 0 || t.toks[q].space_before || t.lower(q) == "“";
    let quoted_title = start > 0
        && matches!(t.lower(start - 1), "“" | "\"" | "'")
        && opens(start - 1)
        && matches!(t.lower(end), "”" | "\"" | "'" | ",");
    let owned = start > 0
        && matches!(
            t.lower(start - 1),
            "its" | "their" | "his" | "her" | "our" | "own" | "whose"
        )
        && !org;
    // "its own XD program", "whose Game Pass": even one word is a product; so is what a
    // company makes ("the maker of Photoshop", "developer of Candy Crush").
    let made = {
        let k = if start > 0 && t.lower(start - 1) == "the" {
            start - 1
        } else {
            start
        };
        k >= 2
            && t.lower(k - 1) == "of"
            && matches!(
                t.lower(k - 2),
                "maker"
                    | "makers"
                    | "developer"
                    | "developers"
                    | "publisher"
                    | "creator"
                    | "creators"
                    | "manufacturer"
                    | "manufacturers"
                    | "producer"
            )
    };
    // "chips called Blackwell", "a program dubbed COVAX": a thing named after a common noun.
    let called = {
        let k = if start > 0 && t.lower(start - 1) == "," {
            start - 1
        } else {
            start
        };
        // The word before is a common noun ("chips, called"), not a name or a time (", called
        // Floyd's brother" after "on Monday" is a phone call).
        let noun_at = |j: usize| {
            t.is_word(j)
                && !is_upper_word(t, text, j)
                && covered[j].is_none()
                && !lex.is_time_word(t.lower(j))
                && !lex.stop.contains(t.lower(j))
        };
        k >= 3
            && matches!(
                t.lower(k - 1),
                "called" | "dubbed" | "codenamed" | "nicknamed"
            )
            && (t.lower(k - 2) == "," && noun_at(k - 3) || noun_at(k - 2))
            && !person
            && !super::rules::given_names().contains(word(t, text, start))
    };
    let own = start > 0 && matches!(t.lower(start - 1), "own" | "whose") || made;
    // "the support ship Polar Prince", "the Canadian ship Horizon Arctic": a craft's name.
    // Not "the most powerful rocket NASA has ever flown": after a superlative the name opens a
    // relative clause.
    let superlative = (start.saturating_sub(4)..start.saturating_sub(1)).any(|j| {
        let w = t.lower(j);
        matches!(
            w,
            "most" | "least" | "first" | "only" | "biggest" | "largest"
        )
    });
    // "an uncrewed Orion capsule", "its Starship rocket": a name before a craft's noun is the
    // craft's.
    // ("NASA's Deep Impact mission": two or three words, none a given name.)
    let craft = end < t.len()
        && !org
        && !person
        && (words.len() == 1
            || words.len() <= 3
                && !words
                    .iter()
                    .any(|&k| super::rules::given_names().contains(word(t, text, k))))
        && !is_acronym(last_word)
        && !matches!(last_word, "Air" | "Airlines" | "Airways")
        && lex.vessel_nouns.contains(word(t, text, end))
        && !t.is_possessive(end - 1);
    // "Artemis II", "Saturn V": a numbered name with no title or given name is a mission or a
    // model, not a monarch.
    let numbered = words.len() == 2
        && !person
        && super::resolve::is_regnal_number(last_word)
        && !super::rules::given_names().contains(word(t, text, start))
        && !(start > 0
            && (title_tok.get(start - 1).copied().unwrap_or(false)
                || lex.honorifics.contains(t.lower(start - 1))));
    // (Not "national carrier Saudia", "low-cost carrier Ryanair": an airline.)
    let airline = start >= 2
        && t.lower(start - 1) == "carrier"
        && matches!(
            t.lower(start - 2),
            "national"
                | "flag"
                | "budget"
                | "low"
                | "cost"
                | "state"
                | "wireless"
                | "mobile"
                | "regional"
                | "air"
        );
    let vessel = start > 0
        && lex.vessel_nouns.contains(t.lower(start - 1))
        && !person
        && !superlative
        && !airline
        || craft
        || numbered;
    // "winning five European Cups": things counted.
    let counted = start > 0
        && last_word.ends_with('s')
        && !is_acronym(last_word)
        && (matches!(
            t.lower(start - 1),
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        ) || t
            .lower(start - 1)
            .parse::<u32>()
            .is_ok_and(|n| (2..1000).contains(&n)));
    // "GPT-4", "Chandrayaan-3", "F-16": one word joined to a number designates a model or a
    // mission (a group's "G-7" is known to the knowledge base).
    let designation = words.len() == 1
        && !person
        && t.lower(end) == "-"
        && t.toks.get(end).is_some_and(|x| !x.space_before)
        && t.toks
            .get(end + 1)
            .is_some_and(|x| !x.space_before && x.kind == super::text::TokKind::Number);
    // "Parkinson's disease", "Tourette's syndrome": a name owning an illness names the illness.
    let eponym = t.is_possessive(end)
        && matches!(
            t.lower(end + 1),
            "disease" | "syndrome" | "disorder" | "palsy" | "paradox"
        );
    if thing
        || called
        || vessel
        || counted
        || designation
        || eponym
        || ((quoted_title || owned || made) && !person && (words.len() > 1 || own))
    {
        // The designation runs on through its number and the capitalised words after it
        // ("GPT-4 Turbo").
        let mut end = end;
        if designation {
            end += 2;
            while end < n && is_upper_word(t, text, end) && covered[end].is_none() {
                end += 1;
            }
        }
        let (s, e) = (t.toks[start].start, t.toks[end - 1].end);
        let mut f = Found::new(si, s, e, FoundKind::Thing);
        // "the Starship spacecraft … Starship flew": a product's or a craft's one-word name
        // names it wherever it stands alone.
        f.names_thing = (made || craft) && words.len() == 1;
        return Some((end, f));
    }
    // "NZ$500,000", "HK$2 billion": letters before a dollar sign name a currency.
    if words.len() == 1 && t.lower(end) == "$" && !t.toks[end].space_before {
        return None;
    }
    let all_weak = words.iter().all(|&k| {
        lex.not_alone.contains(t.lower(k))
            || lex.stop.contains(t.lower(k))
            || lex.is_time_word(t.lower(k))
    });
    if all_weak && !org {
        return None;
    }
    // "The 5-Star Movement": a number joined by a hyphen opens the name.
    let numbered = start >= 2
        && t.lower(start - 1) == "-"
        && t.joins_tightly(start - 1)
        && t.toks[start - 2].kind == super::text::TokKind::Number;
    let org = org || numbered && words.len() > 1;
    let s = if numbered && words.len() > 1 {
        t.toks[start - 2].start
    } else {
        t.toks[start].start
    };
    let e = t.toks[end - 1].end;
    let class = if org {
        NameClass::Organization
    } else if person || words.len() > 1 && super::resolve::is_generation_mark(last_word) {
        // "Cassius Marcellus Clay Jr.": a generation's mark ends a person's name.
        NameClass::Person
    } else if words.len() == 1 && is_acronym(last_word) {
        NameClass::Organization
    } else {
        NameClass::Unknown
    };
    let mut f = Found::new(si, s, e, FoundKind::Name(class));
    f.sentence_initial = Some(start) == first_word;
    f.possessive = t.is_possessive(end);
    Some((end, f))
}

/// "brands such as Heinz ketchup, Oscar Mayer meats, Kraft Macaroni & Cheese and Maxwell House
/// coffee": the names listed after a word for products are the products'.
fn in_brand_list(t: &Tokens, start: usize) -> bool {
    const PRODUCTS: &[&str] = &[
        "brands",
        "products",
        "labels",
        "franchises",
        "games",
        "apps",
        "shows",
        "films",
        "movies",
        "drinks",
        "snacks",
        "cereals",
    ];
    let mut k = start;
    let mut element = 0;
    for _ in 0..40 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        k = prev;
        match t.lower(k) {
            "," | "and" => element = 0,
            "as" => {
                return k >= 2 && t.lower(k - 1) == "such" && PRODUCTS.contains(&t.lower(k - 2));
            }
            "including" | "like" => return k >= 1 && PRODUCTS.contains(&t.lower(k - 1)),
            "." | ";" | ":" | "(" | ")" | "\"" => return false,
            _ => {
                element += 1;
                if element > 4 {
                    return false;
                }
            }
        }
    }
    false
}

/// Whether a number token reads as a year ("2024"), not a model number ("737").
fn is_year_word(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// The mention (index ≥ base) covering exactly tokens ending at `end_tok`.
/// Whether the capitalised run starting at token `k` (up to six words) ends in an organization
/// suffix ("Exchange Commission").
fn ends_in_org_suffix(
    text: &str,
    t: &Tokens,
    k: usize,
    covered: &[Option<usize>],
    title_tok: &[bool],
) -> bool {
    let lex = lexicon();
    let mut last = None;
    let mut m = k;
    while m < t.len()
        && m < k + 6
        && is_upper_word(t, text, m)
        && covered[m].is_none()
        && !title_tok[m]
    {
        last = Some(m);
        m += 1;
    }
    last.is_some_and(|l| lex.org_suffixes.contains(word(t, text, l)))
}

/// The mention (index ≥ base) ending at token `end_tok` (exclusive). The sentence's mentions
/// are sorted and do not overlap, so ends are sorted too.
/// The token after the gazetteer hit that covers token `from` (`from` itself when none does).
fn hit_end(covered: &[Option<usize>], from: usize) -> usize {
    let Some(c) = covered.get(from).copied().flatten() else {
        return from;
    };
    (from..covered.len())
        .find(|&k| covered[k] != Some(c))
        .unwrap_or(covered.len())
}

fn mention_ending_at(t: &Tokens, out: &[Found], base: usize, end_tok: usize) -> Option<usize> {
    let end_byte = t.toks.get(end_tok.checked_sub(1)?)?.end;
    let slice = out.get(base..)?;
    let k = slice.partition_point(|f| f.end < end_byte);
    slice.get(k).filter(|f| f.end == end_byte).map(|_| base + k)
}

fn mention_starting_at(t: &Tokens, out: &[Found], base: usize, tok: usize) -> Option<usize> {
    let start_byte = t.toks.get(tok)?.start;
    let slice = out.get(base..)?;
    let k = slice.partition_point(|f| f.start < start_byte);
    slice
        .get(k)
        .filter(|f| f.start == start_byte)
        .map(|_| base + k)
}

/// The role text of a title span.
fn title_text(text: &str, t: &Tokens, from: usize, to: usize) -> String {
    let (s, e) = (t.toks[from].start, t.toks[to - 1].end);
    text.get(s..e).unwrap_or("").to_owned()
}

/// Whether a one-word title that can also describe a business, after a lowercase modifier and
/// before a name with no known given name, describes an organization instead ("video game
/// publisher Activision Blizzard", not "newspaper publisher Rupert Murdoch").
fn describes_organization(text: &str, t: &Tokens, ts: &TitleSpan, name: &Found) -> bool {
    let lex = lexicon();
    let given = text
        .get(name.start..name.end)
        .and_then(|n| n.split_whitespace().next())
        .is_some_and(|w| super::rules::given_names().contains(w));
    ts.to == ts.from + 1
        && lex.org_descriptors.contains(t.lower(ts.from))
        && ts.from > 0
        && t.is_word(ts.from - 1)
        && !is_upper_word(t, text, ts.from - 1)
        && !lex.stop.contains(t.lower(ts.from - 1))
        && !given
        && !matches!(name.kind, FoundKind::Name(NameClass::Person))
}

/// "U.S. Secretary of State Antony Blinken", "White House National Security spokesperson John
/// Kirby", "its leader Kim Jong Un": role and affiliation from the words before a name.
fn attach_titles(text: &str, t: &Tokens, base: usize, titles: &[TitleSpan], out: &mut [Found]) {
    let lex = lexicon();
    for ts in titles {
        let Some(person) = mention_starting_at(t, out, base, ts.to) else {
            continue;
        };
        if !out[person].may_be_person() || describes_organization(text, t, ts, &out[person]) {
            continue;
        }
        let mut ts = *ts;
        // A rank after a role ("RSF commander General X", "army chief Gen. X"): the role and
        // its affiliation come from the first title of the chain.
        while let Some(prev) = titles.iter().find(|p| p.to == ts.from) {
            ts = TitleSpan {
                from: prev.from,
                to: prev.to,
                head: prev.head,
            };
        }
        let mut from = ts.from;
        // Capitalised qualifiers before the title ("National Security spokesperson").
        let mut k = ts.from;
        while k > 0
            && is_upper_word(t, text, k - 1)
            && mention_ending_at(t, out, base, k).is_none()
            && lex.not_alone.contains(t.lower(k - 1))
        {
            k -= 1;
        }
        if k < ts.from && k > 0 && mention_ending_at(t, out, base, k).is_some() {
            from = k;
        }
        // Lowercase qualifiers after the affiliation ("Microsoft gaming chief Phil Spencer").
        let mut k = from;
        // (Not a verb: "Hans Weber met President Jair Bolsonaro".)
        while k > 0
            && from - k < 2
            && t.is_word(k - 1)
            && !is_upper_word(t, text, k - 1)
            && !lex.stop.contains(t.lower(k - 1))
            && !lex.past_verbs.contains(t.lower(k - 1))
            && !lex.speech.contains(t.lower(k - 1))
            && !t.lower(k - 1).ends_with("ed")
            && !t.is_possessive(k - 1)
            && mention_ending_at(t, out, base, k).is_none()
        {
            k -= 1;
        }
        if k < from
            && mention_ending_at(t, out, base, k)
                .is_some_and(|a| out[a].may_affiliate() && a != person)
        {
            from = k;
        }
        let mut aff_end = from;
        if t.is_possessive(aff_end.wrapping_sub(1)) {
            aff_end -= 1;
        }
        let role = title_text(text, t, ts.from, ts.to);
        let aff = mention_ending_at(t, out, base, aff_end)
            .filter(|&a| out[a].may_affiliate() && a != person);
        let p = &mut out[person];
        if matches!(p.kind, FoundKind::Name(NameClass::Unknown)) {
            p.kind = FoundKind::Name(NameClass::Person);
        }
        p.role = Some(role);
        p.head = ts.head;
        if let Some(a) = aff {
            out[person].affiliation = Some(a);
            out[a].inner = true;
        }
    }
}

/// "Jens Stoltenberg, NATO's secretary-general" and "Jane Doe, the chief executive of Acme Corp.".
fn attach_appositives(text: &str, t: &Tokens, base: usize, out: &mut [Found]) {
    let titles = titles();
    for p in base..out.len() {
        if !out[p].may_be_person() || out[p].role.is_some() {
            continue;
        }
        let (_, b) = t.range_of(out[p].start, out[p].end);
        if t.lower(b) != "," {
            continue;
        }
        let mut k = b + 1;
        if matches!(t.lower(k), "the" | "a" | "an") {
            k += 1;
        }
        let mut aff = None;
        // "Shelee Kimura, the company's chief executive": the reference takes in its "the".
        if let Some(a) = mention_starting_at(t, out, base, k)
            .or_else(|| mention_starting_at(t, out, base, b + 1))
            && out[a].may_affiliate()
        {
            let (_, ae) = t.range_of(out[a].start, out[a].end);
            if t.is_possessive(ae) || titles.longest_at(t, ae).is_some() {
                aff = Some(a);
                k = ae + usize::from(t.is_possessive(ae));
            }
        }
        // "Wang Yi, China's most senior diplomat": a title past up to two lowercase modifiers.
        let modified = || {
            (k + 1..k + 3).find_map(|m| {
                let plain = (k..m).all(|j| {
                    t.is_word(j)
                        && !is_upper_word(t, text, j)
                        && !matches!(
                            t.lower(j),
                            "the" | "a" | "an" | "and" | "or" | "who" | "which" | "that" | "said"
                        )
                        && !super::rules::lexicon().preps.contains(t.lower(j))
                });
                if !plain {
                    return None;
                }
                titles
                    .longest_at(t, m)
                    .map(|(len, head)| (m - k + len, head))
            })
        };
        let Some((len, head)) = titles.longest_at(t, k).or_else(modified).or_else(|| {
            // "Bonnie Glaser, a senior fellow at the German Marshall Fund": up to four lowercase
            // words, then at/of/with an organization.
            let mut m = k;
            while m < k + 4
                && t.is_word(m)
                && !is_upper_word(t, text, m)
                && !matches!(
                    t.lower(m),
                    "at" | "of" | "with" | "and" | "who" | "which" | "said"
                )
            {
                m += 1;
            }
            let after = if t.lower(m + 1) == "the" {
                m + 2
            } else {
                m + 1
            };
            (m > k
                && matches!(t.lower(m), "at" | "of" | "with")
                && !super::rules::is_agent_noun(t.lower(m - 1))
                && mention_starting_at(t, out, base, after).is_some_and(|a| out[a].may_affiliate()))
            .then_some((m - k, false))
        }) else {
            continue;
        };
        let end = k + len;
        let closes = end >= t.len()
            || matches!(
                t.lower(end),
                "," | "." | ";" | "of" | "at" | "for" | "and" | "said" | "says" | ")" | "-"
            );
        if !closes {
            continue;
        }
        if aff.is_none() && matches!(t.lower(end), "of" | "at" | "for") {
            let mut m = end + 1;
            if t.lower(m) == "the" {
                m += 1;
            }
            aff = mention_starting_at(t, out, base, m).filter(|&a| out[a].may_affiliate());
        }
        let role = title_text(text, t, k, end);
        // "Mark Cohen, Bankman-Fried's lawyer": a role that names the other party of a relation
        // leaves the possessor free to take part in it.
        let agent = role
            .split_whitespace()
            .last()
            .is_some_and(|w| super::rules::is_agent_noun(&w.to_lowercase()));
        let f = &mut out[p];
        if matches!(f.kind, FoundKind::Name(NameClass::Unknown)) {
            f.kind = FoundKind::Name(NameClass::Person);
        }
        f.role = Some(role);
        f.head = head;
        if let Some(a) = aff {
            out[p].affiliation = Some(a);
            out[a].inner = !agent;
        }
    }
}

/// "Pele, whose real name was Edson Arantes do Nascimento": the real name is an alias of the
/// name before ", whose", and both name a person. "Pele died at 82": a single name right before
/// "died" or "was born" is a person's.
fn attach_real_names(t: &Tokens, base: usize, out: &mut [Found]) {
    for a in base..out.len() {
        if !matches!(out[a].kind, FoundKind::Name(_)) {
            continue;
        }
        let (s, e) = t.range_of(out[a].start, out[a].end);
        let dies = matches!(t.lower(e), "died" | "dies")
            || t.lower(e) == "was" && t.lower(e + 1) == "born";
        if dies && matches!(out[a].kind, FoundKind::Name(NameClass::Unknown)) && e == s + 1 {
            out[a].kind = FoundKind::Name(NameClass::Person);
        }
        if s < 5
            || !matches!(t.lower(s - 1), "was" | "is")
            || t.lower(s - 2) != "name"
            || !matches!(t.lower(s - 3), "real" | "full" | "birth" | "given")
            || t.lower(s - 4) != "whose"
            || t.lower(s - 5) != ","
        {
            continue;
        }
        if let Some(target) = mention_ending_at(t, out, base, s - 5).filter(|&x| x != a)
            && matches!(
                out[target].kind,
                FoundKind::Name(NameClass::Unknown | NameClass::Person)
            )
        {
            out[a].alias_of = Some(target);
            out[a].kind = FoundKind::Name(NameClass::Person);
            out[target].kind = FoundKind::Name(NameClass::Person);
        }
    }
}

/// "(CFIUS)" after a name, or ", known as CFIUS": the acronym is an alias of that name.
fn attach_acronyms(text: &str, t: &Tokens, base: usize, out: &mut [Found]) {
    for a in base..out.len() {
        let FoundKind::Name(_) = out[a].kind else {
            continue;
        };
        let w = text.get(out[a].start..out[a].end).unwrap_or("");
        if !is_acronym(w) {
            continue;
        }
        let (s, _) = t.range_of(out[a].start, out[a].end);
        let target_end = if s >= 1 && t.lower(s - 1) == "(" {
            Some(s - 1)
        } else if s >= 3
            && matches!(t.lower(s - 1), "as" | "called")
            && matches!(t.lower(s - 2), "known" | "called" | "named")
            && t.lower(s - 3) == ","
        {
            Some(s - 3)
        } else if s >= 2
            && t.lower(s - 1) == "or"
            && t.lower(s - 2) == ","
            // "the National Electoral Institute, or INE,": an acronym given after ", or".
            && matches!(t.lower(s + 1), "," | "." | ";" | ")" | "")
        {
            Some(s - 2)
        } else {
            None
        };
        let Some(te) = target_end else {
            continue;
        };
        if let Some(target) = mention_ending_at(t, out, base, te).filter(|&x| x != a) {
            // "the Joint Comprehensive Plan of Action (JCPOA)": a thing's acronym is the thing.
            if matches!(out[target].kind, FoundKind::Thing) {
                out[a].kind = FoundKind::Thing;
                continue;
            }
            out[a].alias_of = Some(target);
            out[a].kind = FoundKind::Name(NameClass::Organization);
            if matches!(out[target].kind, FoundKind::Name(NameClass::Unknown)) {
                out[target].kind = FoundKind::Name(NameClass::Organization);
            }
        }
    }
}

/// "the alliance's chief", "NATO chief", "the company's chief executive" with no name after:
/// a reference to the head of that organization or country.
fn attach_head_refs(
    text: &str,
    t: &Tokens,
    base: usize,
    titles: &[TitleSpan],
    out: &mut Vec<Found>,
) {
    let title_index = super::rules::titles();
    let n = t.len();
    let mut new = Vec::new();
    let mut inner_only = Vec::new();
    #[allow(
        clippy::needless_range_loop,
        reason = "new references are collected by index into `out`"
    )]
    for o in base..out.len() {
        if !out[o].may_affiliate() || matches!(out[o].kind, FoundKind::Pronoun(_)) {
            continue;
        }
        let (s, e) = t.range_of(out[o].start, out[o].end);
        let k = e + usize::from(t.is_possessive(e));
        if titles.iter().any(|ts| ts.from == k) {
            continue; // a title followed by a name
        }
        let Some((len, head)) = title_index.longest_at(t, k) else {
            continue;
        };
        if !head || (k + len < n && is_upper_word(t, text, k + len)) {
            continue;
        }
        // "the first former U.S. president", "a NATO chief", "the next U.S. president": the
        // country or organization only qualifies the title; no head in office is meant.
        if s > 0
            && matches!(
                t.lower(s - 1),
                "former" | "ex" | "late" | "future" | "next" | "previous" | "a" | "an" | "another"
            )
        {
            inner_only.push(o);
            continue;
        }
        let end = t.toks[k + len - 1].end;
        let mut f = Found::new(
            out[o].sentence,
            out[o].start,
            end,
            FoundKind::HeadRef { org: o },
        );
        f.role = Some(title_text(text, t, k, k + len));
        f.head = true;
        new.push((o, f));
    }
    for o in inner_only {
        out[o].inner = true;
    }
    for (o, f) in new {
        out[o].inner = true;
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::Gazetteer;
    use crate::extract::kb::{Country, KnowledgeBase, Organization};
    use crate::model::DocId;

    pub(super) fn kb() -> KnowledgeBase {
        KnowledgeBase {
            countries: vec![
                Country {
                    id: "united-states".into(),
                    name: "United States".into(),
                    aliases: vec!["U.S.".into()],
                    metonyms: vec!["Washington".into(), "the White House".into()],
                    demonyms: vec!["American".into()],
                    ..Country::default()
                },
                Country {
                    id: "russia".into(),
                    name: "Russia".into(),
                    demonyms: vec!["Russian".into()],
                    metonyms: vec!["Moscow".into()],
                    ..Country::default()
                },
            ],
            organizations: vec![Organization {
                id: "nato".into(),
                name: "NATO".into(),
                context_aliases: vec!["the alliance".into()],
                ..Organization::default()
            }],
            people: vec![],
        }
    }

    fn found(text: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
        let doc = Document::new(DocId::new("d"), "x".into(), String::new(), text.to_owned());
        let g = Gazetteer::new(&kb());
        let f = find_mentions(&doc, &g);
        f.iter()
            .filter(|m| m.kind != FoundKind::Thing)
            .map(|m| {
                let aff = m.affiliation.map(|a| text[f[a].start..f[a].end].to_owned());
                (
                    text[m.start..m.end].to_owned(),
                    m.role.clone(),
                    aff,
                    m.inner,
                )
            })
            .collect()
    }

    #[test]
    fn a_known_short_name_before_a_hyphen_is_part_of_a_given_name() {
        // The embedded knowledge base knows "Paul" as the short name of Pope John Paul II.
        let text = "The passengers included Paul-Henri Nargeolet.";
        let doc = Document::new(DocId::new("d"), "x".into(), String::new(), text.to_owned());
        let g = Gazetteer::new(KnowledgeBase::embedded());
        let spans: Vec<&str> = find_mentions(&doc, &g)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert!(spans.contains(&"Paul-Henri Nargeolet"), "{spans:?}");
    }

    #[test]
    fn titled_names_get_role_and_affiliation() {
        let f = found(
            "Following talks with U.S. Secretary of State Antony Blinken, NATO Secretary-General Jens Stoltenberg spoke.",
        );
        assert!(
            f.contains(&(
                "Antony Blinken".into(),
                Some("Secretary of State".into()),
                Some("U.S.".into()),
                false
            )),
            "{f:?}"
        );
        assert!(
            f.contains(&(
                "Jens Stoltenberg".into(),
                Some("Secretary-General".into()),
                Some("NATO".into()),
                false
            )),
            "{f:?}"
        );
        assert!(!f.iter().any(|x| x.0.contains("State Antony")));
    }

    #[test]
    fn qualifiers_before_titles_and_hyphenated_names() {
        let f = found(
            "It was watched by White House National Security spokesperson John Kirby and White House spokesperson Karine Jean-Pierre.",
        );
        assert!(
            f.contains(&(
                "John Kirby".into(),
                Some("spokesperson".into()),
                Some("White House".into()),
                false
            )),
            "{f:?}"
        );
        assert!(
            f.contains(&(
                "Karine Jean-Pierre".into(),
                Some("spokesperson".into()),
                Some("White House".into()),
                false
            )),
            "{f:?}"
        );
        assert!(!f.iter().any(|x| x.0 == "National Security"), "{f:?}");
    }

    #[test]
    fn appositives_head_refs_and_acronyms() {
        let f = found(
            "Jane Doe, the chief executive of Acme Corp., said the alliance's chief agreed. The Committee on Foreign Investment in the United States (CFIUS) objected.",
        );
        assert!(
            f.iter().any(|x| x.0 == "Jane Doe"
                && x.1.as_deref() == Some("chief executive")
                && x.2.as_deref() == Some("Acme Corp.")),
            "{f:?}"
        );
        assert!(f.iter().any(|x| x.0 == "the alliance's chief"), "{f:?}");
        assert!(
            f.iter()
                .any(|x| x.0 == "Committee on Foreign Investment in the United States"),
            "{f:?}"
        );
        assert!(!f.iter().any(|x| x.0 == "United States"), "{f:?}");
        assert!(f.iter().any(|x| x.0 == "CFIUS"), "{f:?}");
    }

    #[test]
    fn no_names_for_stop_words_months_and_weekdays() {
        let f = found(
            "The State said on Tuesday in May that the Second World War ended. North was quiet.",
        );
        let names: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        for junk in [
            "State",
            "The State",
            "Tuesday",
            "May",
            "Second World War",
            "World War",
            "North",
        ] {
            assert!(!names.contains(&junk), "{junk} in {names:?}");
        }
    }
}
