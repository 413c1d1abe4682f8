//! Stage 2: entity resolution and coreference. Turns the mentions of every document into one
//! actor per real-world entity across the corpus, and records for each mention the actor it
//! refers to and how it is used (an agent, a place, a modifier).
//!
//! Rules: knowledge-base forms map to their entity; surnames to the full name mentioned in the
//! document (else a knowledge-base person in office at the document's date); a capital after
//! "in/at/to" is a place, elsewhere the government; context aliases ("the North") only once the
//! entity is named (the title counts); pronouns and "the speaker" to the last fitting person;
//! "the alliance's chief" to the person heading it; acronyms to the name they abbreviate.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;

use crate::corpus::Document;
use crate::model::{ActorKind, DocId, Mention, slug};

use super::gazetteer::{Gazetteer, KbRef, SurfaceForm};
use super::kb::KnowledgeBase;
use super::mentions::{Found, FoundKind, NameClass, PronounKind};
use super::rules::lexicon;
use super::text::{fold, is_acronym, quote_spans};

/// An actor being built.
#[derive(Clone, Debug, Default)]
pub struct ActorDraft {
    /// The id slug (`vladimir-putin`).
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: BTreeSet<String>,
    pub affiliation: Option<usize>,
    pub role: Option<String>,
    pub kb: Option<KbRef>,
    pub mentions: Vec<Mention>,
    /// Known to be an entity (knowledge base, titled person, organization by its form).
    pub strong: bool,
    /// For a place: the country it belongs to.
    pub host: Option<usize>,
    /// Mentions as an agent (not as place, modifier or pronoun).
    pub agent_mentions: usize,
    /// A person's gender as the text shows it, for "he" and "she".
    pub gender: Option<Gender>,
    /// The gender comes from a title or kin word ("King", "her son"), not a given name.
    pub gender_sure: bool,
}

/// What "he" and "she" may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    fn of_pronoun(p: PronounKind) -> Option<Self> {
        match p {
            PronounKind::He => Some(Self::Male),
            PronounKind::She => Some(Self::Female),
            PronounKind::It | PronounKind::They | PronounKind::Pair => None,
        }
    }

    fn of_word(lower: &str) -> Option<Self> {
        let lex = lexicon();
        if lex.male_words.contains(lower) {
            Some(Self::Male)
        } else if lex.female_words.contains(lower) {
            Some(Self::Female)
        } else {
            None
        }
    }
}

/// The gender a person mention shows: from a kin word just before it ("her son, David"), a
/// title in its role or name ("Queen", "Mrs."), else its given name. The flag says the evidence
/// is a title or kin word.
fn gender_evidence(name: &str, role: Option<&str>, before: &str) -> Option<(Gender, bool)> {
    let after_comma = before.trim_end().ends_with(',');
    let before = before.trim_end().trim_end_matches(',').trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if let Some(g) = Gender::of_word(&last) {
        return Some((g, true));
    }
    // "actresses Ashley Judd, Gwyneth Paltrow and Angelina Jolie": a plural before a list of
    // names describes each of them.
    let mut words: Vec<&str> = before.split_whitespace().collect();
    let mut listed = after_comma;
    while let Some(w) = words.last() {
        let bare = w.trim_end_matches(',');
        if matches!(bare, "and" | "or") || w.ends_with(',') {
            listed = true;
        }
        if matches!(bare, "and" | "or") || bare.starts_with(char::is_uppercase) {
            words.pop();
        } else {
            break;
        }
    }
    if listed
        && let Some(plural) = words.last().map(|w| w.to_lowercase())
        && (plural.ends_with('s') || plural.ends_with("men"))
        && let Some(g) = Gender::of_word(&plural)
    {
        return Some((g, true));
    }
    let titled = role
        .into_iter()
        .flat_map(str::split_whitespace)
        .chain(name.split_whitespace())
        .find_map(|w| Gender::of_word(&w.to_lowercase()));
    if let Some(g) = titled {
        return Some((g, true));
    }
    let first = name.split_whitespace().next()?;
    if super::rules::male_names().contains(first) {
        Some((Gender::Male, false))
    } else if super::rules::female_names().contains(first) {
        Some((Gender::Female, false))
    } else {
        None
    }
}

impl ActorDraft {
    /// Whether a pronoun or title of `gender` may refer to this actor (unknown fits both).
    fn fits_gender(&self, gender: Option<Gender>) -> bool {
        gender.is_none() || self.gender.is_none() || self.gender == gender
    }

    /// Records gender evidence: a title or kin word overrides a given name; the first of each
    /// kind stands.
    fn note_gender(&mut self, evidence: Option<(Gender, bool)>) {
        let Some((g, sure)) = evidence else {
            return;
        };
        if self.gender.is_none() || (sure && !self.gender_sure) {
            self.gender = Some(g);
            self.gender_sure = sure;
        }
    }
}

/// How a mention is used in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Usage {
    /// Refers to the actor as an acting party.
    Agent,
    /// A location ("in Washington").
    Place,
    /// A demonym or modifier ("Russian support").
    Modifier,
    /// Part of a larger reference (an affiliation before a title): not an argument.
    Inner,
}

/// A resolved mention: byte span, actor and usage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub actor: usize,
    pub usage: Usage,
    pub possessive: bool,
    /// A pronoun or nominal reference rather than a name.
    pub reference: bool,
    pub in_quote: bool,
    /// The actor is a person.
    pub person: bool,
}

/// Actors of the corpus and, per document, its resolved mentions in text order.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    pub actors: Vec<ActorDraft>,
    pub slots: Vec<Vec<Slot>>,
}

/// The name after a country's abbreviation ("U.S. Federal Aviation Administration"), when at least
/// two words are left.
fn country_prefixed(name: &str) -> Option<&str> {
    let rest = ["U.S. ", "US ", "U.K. ", "UK ", "EU ", "E.U. "]
        .iter()
        .find_map(|p| name.strip_prefix(p))?;
    (rest.split_whitespace().count() >= 2).then_some(rest)
}

struct Registry<'k> {
    kb: &'k KnowledgeBase,
    actors: Vec<ActorDraft>,
    by_key: HashMap<String, usize>,
    /// Short forms across the corpus: a person's first and last name, an organization's
    /// initials, acronyms defined in the text.
    short: HashMap<String, Vec<usize>>,
    /// Acronyms the text defines ("the Laser Interferometer Gravitational-Wave Observatory
    /// (LIGO)"): they name that actor, whatever other names start with them ("the LIGO
    /// Laboratory").
    defined: HashMap<String, usize>,
    /// An organization's name without its trailing organization words ("Hokuriku Electric" for
    /// "Hokuriku Electric Power").
    org_prefix: HashMap<String, usize>,
    /// Organizations a name told with a nation's qualifier reached ("U.S. Coast Guard"): no
    /// other nation's same-named body joins them.
    qualified: HashSet<usize>,
}

impl<'k> Registry<'k> {
    fn get_or_add(&mut self, key: String, name: &str, kind: ActorKind) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        // "Former Pope Benedict XVI": a person's full name the knowledge base knows, read as a
        // titled name, is that known person.
        if kind == ActorKind::Person
            && name.contains(' ')
            && let Some(r) = self.kb_name(name, |r| matches!(r, KbRef::Person(_)))
            && let KbRef::Person(p) = r
            && let Some(person) = self.kb.people.get(p)
            // (Not the known person's own entry, made through here.)
            && slug(if person.id.is_empty() { &person.name } else { &person.id }) != key
            && let Some(i) = self.kb_actor(r)
        {
            self.by_key.insert(key, i);
            return i;
        }
        // "the U.S. Federal Aviation Administration" is the "Federal Aviation Administration"
        // (and the "FAA"): a country's abbreviation before an organization's name of two words
        // or more only says whose it is.
        let bare = matches!(kind, ActorKind::Organization | ActorKind::Group)
            .then(|| country_prefixed(name))
            .flatten();
        if let Some(bare) = bare
            && let Some(&i) = self.by_key.get(&slug(bare))
        {
            self.by_key.insert(key, i);
            self.qualified.insert(i);
            return i;
        }
        // "Hokuriku Electric" is the "Hokuriku Electric Power" already known, and the other way
        // round: a name that only lacks trailing organization words.
        let org_words = |w: &str| {
            let lex = lexicon();
            lex.org_suffixes.contains(w)
                || matches!(
                    w,
                    "Power" | "Electric" | "Group" | "Co." | "Market" | "Markets" | "Stores"
                )
        };
        let org_kind = matches!(kind, ActorKind::Organization | ActorKind::Group);
        let words_all: Vec<&str> = name.split_whitespace().collect();
        // "Australian Border Force": a nationality before a name of two words or more.
        let unqualified = (org_kind && words_all.len() >= 3 && self.is_demonym(words_all[0]))
            .then(|| words_all[1..].join(" "));
        if org_kind && words_all.len() >= 2 {
            if let Some(&i) = self.org_prefix.get(&slug(name)) {
                self.by_key.insert(key, i);
                return i;
            }
            // "Wal-Mart Stores Inc" is the company the knowledge base knows as "Wal-Mart".
            if words_all[1..].iter().all(|w| org_words(w))
                && let Some(r) = self.kb_name(words_all[0], |r| {
                    // (Not the known name itself: no loop.)
                    matches!(r, KbRef::Org(o) if self.kb.organizations.get(o).is_some_and(|o| o.name != name))
                })
                && let Some(i) = self.kb_actor(r)
            {
                self.by_key.insert(key, i);
                return i;
            }
            // "Australian Border Force" is the "Border Force" already known (not the "Canadian
            // Coast Guard" the "U.S. Coast Guard" known as the "Coast Guard").
            if let Some(unqualified) = &unqualified
                && let Some(&i) = self.by_key.get(&slug(unqualified))
                && matches!(
                    self.actors[i].kind,
                    ActorKind::Organization | ActorKind::Group
                )
                && self.actors[i].name == *unqualified
                && self.qualified.insert(i)
            {
                self.by_key.insert(key, i);
                return i;
            }
            for cut in (2..words_all.len()).rev() {
                if words_all[cut..].iter().all(|w| org_words(w))
                    && let Some(&i) = self.by_key.get(&slug(&words_all[..cut].join(" ")))
                    && matches!(
                        self.actors[i].kind,
                        ActorKind::Organization | ActorKind::Group
                    )
                {
                    self.by_key.insert(key, i);
                    return i;
                }
            }
        }
        // "Recep Tayyip Erdoğan" is the "Tayyip Erdogan" already known: same last name (without
        // diacritics) and every word of the shorter name in the longer one.
        // "James Earl Carter Jr." is the "Jimmy Carter" already known: generation marks aside,
        // a given name's short form is the name.
        if kind == ActorKind::Person {
            let person_words = |n: &str| -> Vec<String> {
                n.split_whitespace()
                    .filter(|w| !is_generation_mark(w))
                    .map(fold)
                    .collect()
            };
            let words = person_words(name);
            let within = |a: &[String], b: &[String]| {
                a.iter()
                    .all(|w| b.iter().any(|x| super::rules::same_given_name(w, x)))
            };
            if words.len() > 1
                && let Some(last) = words.last()
                && let Some(list) = self.short.get(last)
            {
                let same = list.iter().copied().find(|&c| {
                    let other = person_words(&self.actors[c].name);
                    self.actors[c].kind == ActorKind::Person
                        && other.last() == Some(last)
                        && other.len() > 1
                        && (within(&other, &words) || within(&words, &other))
                        // "Pier Silvio Berlusconi" is not the Silvio Berlusconi the knowledge
                        // base knows by his full name: a longer name with another first name is
                        // another person.
                        && !(self.actors[c].kb.is_some()
                            && words.len() > other.len()
                            && !super::rules::same_given_name(&words[0], &other[0]))
                });
                if let Some(c) = same {
                    self.by_key.insert(key, c);
                    return c;
                }
            }
        }
        // "the Chancery Court" is the "Delaware Court of Chancery", "the Defence Ministry" the
        // "Ministry of Defence": a body "of" something is also named the other way round.
        let reordered = if org_kind {
            reordered_names(&words_all)
        } else {
            Vec::new()
        };
        if let Some(&i) = reordered.iter().find_map(|n| self.by_key.get(&slug(n))) {
            self.by_key.insert(key, i);
            return i;
        }
        // "the Liberals" are the "Liberal Party" told before ("the Democrats" the "Democratic
        // Party"), and the other way round below.
        let members = if org_kind {
            party_members(&words_all)
        } else {
            Vec::new()
        };
        if org_kind
            && let [word] = words_all.as_slice()
            && let Some(stem) = word.strip_suffix('s')
            && stem.len() > 3
            && let Some(&i) = [format!("{stem} Party"), format!("{stem}ic Party")]
                .iter()
                .find_map(|n| self.by_key.get(&slug(n)))
        {
            self.by_key.insert(key, i);
            return i;
        }
        let i = self.actors.len();
        self.actors.push(ActorDraft {
            key: key.clone(),
            name: name.to_owned(),
            kind,
            ..ActorDraft::default()
        });
        self.by_key.insert(key, i);
        for n in reordered.iter().chain(&members) {
            self.by_key.entry(slug(n)).or_insert(i);
        }
        if org_kind {
            // … and the other way round.
            if bare.is_some() {
                self.qualified.insert(i);
            }
            if let Some(unqualified) = &unqualified {
                self.qualified.insert(i);
                self.org_prefix.entry(slug(unqualified)).or_insert(i);
            }
            for cut in 2..words_all.len() {
                if words_all[cut..].iter().all(|w| org_words(w)) {
                    self.org_prefix
                        .entry(slug(&words_all[..cut].join(" ")))
                        .or_insert(i);
                }
            }
            // "IAM" for the "International Association of Machinists and Aerospace Workers": the
            // initials of the first three words of a long name.
            let capitals: Vec<char> = words_all
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect();
            if capitals.len() >= 5 {
                let head: String = capitals[..3].iter().collect();
                self.add_short(&head, i);
            }
        }
        if let Some(bare) = bare {
            self.by_key.entry(slug(bare)).or_insert(i);
            let initials: String = bare
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if initials.chars().count() >= 3 {
                self.add_short(&initials, i);
            }
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        if kind == ActorKind::Person && words.len() > 1 {
            // "King Charles III" is "Charles": titles and regnal numbers are not short forms.
            let lex = lexicon();
            let plain: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| {
                    let l = w.to_lowercase();
                    !lex.honorifics.contains(&l)
                        && !lex.male_words.contains(&l)
                        && !lex.female_words.contains(&l)
                        && !is_regnal_number(w)
                        && !is_generation_mark(w)
                })
                .collect();
            let (Some(&first), Some(&last)) = (plain.first(), plain.last()) else {
                return i;
            };
            for w in [first, last] {
                self.add_short(w, i);
                let folded = fold(w);
                if folded != w {
                    self.add_short(&folded, i);
                }
            }
        } else if matches!(kind, ActorKind::Organization | ActorKind::Group) && words.len() > 1 {
            let initials: String = words
                .iter()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if initials.chars().count() >= 2 {
                self.add_short(&initials, i);
            }
            // "Activision" for "Activision Blizzard", unless the first word is a common one.
            let lex = lexicon();
            let first = words[0].to_lowercase();
            // Not "Maui" for "Maui Emergency Management Agency": a name built on an
            // organization word describes, and its first word is often a place.
            // "Labour" for "Labour Party": a party goes by its first word.
            let descriptive = words.last().is_some_and(|w| {
                lex.org_prefixes.contains(*w) && *w != "Party"
                    || matches!(
                        *w,
                        "Authority"
                            | "Administration"
                            | "Service"
                            | "Police"
                            | "Hospital"
                            | "School"
                            | "College"
                            | "Assembly"
                            | "Tribunal"
                            | "Force"
                            | "Forces"
                    )
            });
            if !lex.stop.contains(&first)
                && !lex.not_alone.contains(&first)
                && !super::rules::given_names().contains(words[0])
                && words[0].chars().count() > 3
                && !descriptive
            {
                self.add_short(words[0], i);
            }
            // "City" for "Manchester City", "Hathaway" for "Berkshire Hathaway": the last word
            // of a two-word name, unless it is a generic organization word.
            // "Chiefs" for "Kansas City Chiefs", "49ers" for "San Francisco 49ers": a team's
            // plural last word after a place's name.
            let team_word = |w: &str| {
                w.ends_with('s')
                    && !w.ends_with("ss")
                    && (w.starts_with(|c: char| c.is_ascii_digit())
                        || w.chars().next().is_some_and(char::is_uppercase))
            };
            if let [first, second, last] = words.as_slice()
                && team_word(last)
                && !lex.org_suffixes.contains(*last)
                && !lex.org_prefixes.contains(*last)
                && !lex.not_alone.contains(&last.to_lowercase())
                && last.chars().count() > 3
            {
                self.add_short(last, i);
                // "San Francisco regained the lead": the team's city stands for the team.
                self.add_short(&format!("{first} {second}"), i);
            }
            // "Fox" for "21st Century Fox": a name opening with a number is read without it.
            let words = match words.as_slice() {
                [number, rest @ ..] if number.starts_with(|c: char| c.is_ascii_digit()) => rest,
                all => all,
            };
            if let [_, last] = words {
                let lower = last.to_lowercase();
                if !descriptive
                    && (!lex.org_suffixes.contains(*last) || lex.short_suffixes.contains(*last))
                    && !lex.stop.contains(&lower)
                    && !lex.not_alone.contains(&lower)
                    && !lex.thing_suffixes.contains(*last)
                    && last.chars().count() >= 3
                    && last.chars().all(char::is_alphabetic)
                    && !is_acronym(last)
                {
                    self.add_short(last, i);
                }
            }
        }
        i
    }

    fn add_short(&mut self, form: &str, actor: usize) {
        let list = self.short.entry(form.to_owned()).or_default();
        if !list.contains(&actor) {
            list.push(actor);
        }
    }

    /// The one actor a short form stands for across the corpus, if unambiguous.
    fn by_short(&self, form: &str) -> Option<usize> {
        if let Some(&a) = self.defined.get(form) {
            return Some(a);
        }
        match self.short.get(form)?.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The knowledge-base entries whose surface form is all of `word`.
    fn kb_entries(&self, word: &str) -> Vec<super::gazetteer::Entry> {
        super::gazetteer::gazetteer(self.kb)
            .find(word)
            .into_iter()
            .filter(|h| h.start == 0 && h.end == word.len())
            .flat_map(|h| h.entries)
            .collect()
    }

    /// The knowledge-base entity `word` names in full (not a demonym or a metonym), if one
    /// `fits`.
    fn kb_name(&self, word: &str, fits: impl Fn(KbRef) -> bool) -> Option<KbRef> {
        self.kb_entries(word)
            .into_iter()
            .find(|e| e.form == SurfaceForm::Name && fits(e.kb))
            .map(|e| e.kb)
    }

    /// Whether `word` is a nationality ("Australian").
    fn is_demonym(&self, word: &str) -> bool {
        self.kb_entries(word)
            .iter()
            .any(|e| e.form == SurfaceForm::Demonym)
    }

    fn kb_actor(&mut self, r: KbRef) -> Option<usize> {
        let kb = self.kb;
        let (id, name, kind) = match r {
            KbRef::Country(i) => {
                let c = kb.countries.get(i)?;
                (c.id.as_str(), c.name.as_str(), ActorKind::Country)
            }
            KbRef::Org(i) => {
                let o = kb.organizations.get(i)?;
                let kind = if o.kind == "group" {
                    ActorKind::Group
                } else {
                    ActorKind::Organization
                };
                (o.id.as_str(), o.name.as_str(), kind)
            }
            KbRef::Person(i) => {
                let p = kb.people.get(i)?;
                (p.id.as_str(), p.name.as_str(), ActorKind::Person)
            }
        };
        let key = if id.is_empty() { slug(name) } else { slug(id) };
        let a = self.get_or_add(key, name, kind);
        self.actors[a].kb = Some(r);
        self.actors[a].strong = true;
        Some(a)
    }

    /// The actor of a knowledge-base id (country or organization), for affiliations.
    fn kb_id_actor(&mut self, id: &str) -> Option<usize> {
        let kb = self.kb;
        if let Some(i) = kb.countries.iter().position(|c| c.id == id) {
            return self.kb_actor(KbRef::Country(i));
        }
        if let Some(i) = kb.organizations.iter().position(|o| o.id == id) {
            return self.kb_actor(KbRef::Org(i));
        }
        None
    }

    fn kb_id_of(&self, a: usize) -> Option<&'k str> {
        let kb = self.kb;
        match self.actors.get(a)?.kb? {
            KbRef::Country(i) => kb.countries.get(i).map(|c| c.id.as_str()),
            KbRef::Org(i) => kb.organizations.get(i).map(|o| o.id.as_str()),
            KbRef::Person(i) => kb.people.get(i).map(|p| p.id.as_str()),
        }
    }
}

/// "II", "III", "XIV": a regnal or generational number after a name.
/// "Jr.", "Sr.": the mark of a generation after a surname.
pub(crate) fn is_generation_mark(word: &str) -> bool {
    matches!(word, "Jr." | "Jr" | "Sr." | "Sr")
}

pub(crate) fn is_regnal_number(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn covers(term: &super::kb::Term, date: Option<NaiveDate>) -> bool {
    let Some(d) = date else {
        return term.end.is_none();
    };
    term.start.is_none_or(|s| s <= d) && term.end.is_none_or(|e| d <= e)
}

/// Resolves the mentions of every document (`found[i]` belongs to `documents[i]`).
pub fn resolve(
    documents: &[&Document],
    found: &[Vec<Found>],
    kb: &KnowledgeBase,
    gazetteer: &Gazetteer,
) -> Resolution {
    let mut reg = Registry {
        kb,
        actors: Vec::new(),
        by_key: HashMap::new(),
        short: HashMap::new(),
        defined: HashMap::new(),
        org_prefix: HashMap::new(),
        qualified: HashSet::new(),
    };
    let mut all_slots = Vec::with_capacity(documents.len());
    for (doc, f) in documents.iter().zip(found) {
        let slots = resolve_document(doc, f, &mut reg, gazetteer);
        all_slots.push(slots);
    }
    Resolution {
        actors: reg.actors,
        slots: all_slots,
    }
}

fn text_of<'a>(doc: &'a Document, f: &Found) -> &'a str {
    doc.text.get(f.start..f.end).unwrap_or("")
}

/// 'Joe "Jellybean" Bryant' is "Joe Bryant": a nickname in quotes is no part of the name.
fn without_nickname(surface: &str) -> std::borrow::Cow<'_, str> {
    let open = surface.find(['"', '\u{201c}']);
    let close = surface.rfind(['"', '\u{201d}']);
    match (open, close) {
        (Some(a), Some(b)) if a < b => {
            let tail = surface
                .get(b..)
                .map_or("", |r| r.trim_start_matches(['"', '\u{201d}']).trim_start());
            let head = surface.get(..a).unwrap_or("").trim_end();
            std::borrow::Cow::Owned(format!("{head} {tail}"))
        }
        _ => std::borrow::Cow::Borrowed(surface),
    }
}

/// "The son of former NBA player Joe Bryant, Kobe …": a preposition among the few words before
/// byte `at`, with only describing words between (no punctuation, number or time word), governs
/// the name there.
fn in_prep_phrase(text: &str, at: usize) -> bool {
    // Six words back at most: a bounded window keeps a text without punctuation linear.
    let mut from = at.saturating_sub(160);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..at).unwrap_or("");
    let clause = before
        .rsplit([',', ';', ':', '.', '(', ')', '"', '\u{201c}', '\u{201d}'])
        .next()
        .unwrap_or("");
    let lex = lexicon();
    for (k, w) in clause.split_whitespace().rev().take(6).enumerate() {
        let l = w.to_lowercase();
        if k > 0 && lex.preps.contains(&l) {
            return true;
        }
        if w.chars().any(|c| c.is_ascii_digit()) || lex.is_time_word(&l) {
            return false;
        }
    }
    false
}

/// The lowercase word just before byte `at` (skipping "the"), if any.
/// The word before `prev`, the word that [`word_before`] found before byte `at` ("came" in
/// "came from Mexico", "wrote" in "wrote on Twitter").
fn word_before_prev(text: &str, at: usize, prev: &str) -> String {
    let end = text
        .get(..at)
        .map_or(0, |b| b.trim_end().len().saturating_sub(prev.len()));
    word_before(text, end)
}

fn word_before(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or("");
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut w = words.next().unwrap_or("").to_lowercase();
    if w == "the" {
        w = words.next().unwrap_or("").to_lowercase();
    }
    // Only when separated by spaces alone.
    let gap = before.trim_end_matches(|c: char| c.is_whitespace());
    if gap.len() == before.len() && !before.is_empty() {
        return String::new();
    }
    w
}

/// Whether a pronoun at `at` follows a preposition that hangs on a noun ("the charges against
/// him", "in front of him"), where it may refer to its own clause's subject; not one that
/// hangs on a verb ("spoke with him", "testified against him").
fn after_noun_preposition(text: &str, at: usize) -> bool {
    const VERBS: &[&str] = &[
        "met",
        "spoke",
        "sat",
        "stood",
        "told",
        "gave",
        "sent",
        "went",
        "came",
        "ran",
        "took",
        "made",
        "won",
        "lost",
        "fought",
        "said",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "get",
        "got",
        "meet",
        "speak",
        "talk",
        "talks",
        "work",
        "works",
        "turn",
        "turned",
        "go",
        "come",
        "voted",
        "testify",
        "testified",
        "rule",
        "ruled",
        "lean",
        "leaned",
        "brought",
        "bring",
        "stand",
        "sit",
        "run",
        "fight",
        "win",
        "lose",
    ];
    let prep = word_before(text, at);
    if prep.is_empty() || !lexicon().preps.contains(&prep) {
        return false;
    }
    let Some(p) = text
        .get(..at)
        .and_then(|b| b.trim_end().rfind(|c: char| !c.is_alphanumeric()))
    else {
        return false;
    };
    let head = word_before(text, p + 1);
    !head.is_empty()
        && !head.ends_with("ed")
        && !VERBS.contains(&head.as_str())
        && !lexicon().speech.contains(&head)
}

/// "Brazilian great Pele", "Argentine legend Maradona": a nationality and a word for a famous
/// person before a name make it a person's.
/// `from` is where the nationality ends.
fn national_figure(text: &str, from: usize, at: usize, prev: &str) -> bool {
    matches!(prev, "great" | "legend" | "icon" | "star" | "superstar")
        && text
            .get(from..at)
            .is_some_and(|gap| gap.trim().eq_ignore_ascii_case(prev))
}

/// Whether a name at `at` follows "the town of", "the island of" and the like: a place.
fn settlement_of(text: &str, at: usize) -> bool {
    const PLACES: &[&str] = &[
        "town",
        "city",
        "village",
        "island",
        "islands",
        "state",
        "province",
        "region",
        "county",
        "district",
        "port",
        "capital",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "municipality",
        "enclave",
        "territory",
        "outskirts",
        "streets",
        "center",
        "centre",
        "coast",
        "area",
        "hometown",
        "birthplace",
        "shantytown",
        "slum",
        "favela",
        "township",
        "hamlet",
    ];
    let mut before = text.get(..at).unwrap_or("").trim_end();
    // "Born in the shantytown of Villa Fiorito, Maradona made his debut": after a comma, a name
    // is in the list only if the list goes on after it.
    let listed_on = text
        .get(at..)
        .unwrap_or("")
        .split(' ')
        .find(|w| !w.starts_with(char::is_uppercase) || w.ends_with(','))
        .is_some_and(|w| w.ends_with(',') || matches!(w, "and" | "or"));
    // "the twin cities of Omdurman and Bahri": past the names listed before this one.
    for step in 0..4 {
        let list = if let Some(l) = before
            .strip_suffix(" and")
            .or_else(|| before.strip_suffix(" or"))
        {
            // (Not "the state of Andhra Pradesh, and Nitish Kumar": a comma before "and" may
            // close the phrase.)
            if l.ends_with(',') {
                break;
            }
            l
        } else if let Some(l) = before.strip_suffix(',')
            && (step > 0 || listed_on)
        {
            l
        } else {
            break;
        };
        let mut rest = list.trim_end();
        while let Some((head, w)) = rest.rsplit_once(' ')
            && w.starts_with(char::is_uppercase)
        {
            rest = head;
        }
        if rest.len() == list.trim_end().len() {
            break;
        }
        before = rest;
    }
    // "a tennis academy in his native Mallorca": where someone was born.
    if let Some(rest) = before.strip_suffix(" native") {
        return matches!(
            rest.rsplit(' ')
                .next()
                .unwrap_or("")
                .to_lowercase()
                .as_str(),
            "his" | "her" | "their" | "its"
        );
    }
    let Some(rest) = before.strip_suffix(" of") else {
        return false;
    };
    let noun = rest.rsplit(' ').next().unwrap_or("").to_lowercase();
    let noun = noun
        .strip_suffix("ies")
        .map_or(noun.clone(), |n| format!("{n}y"));
    PLACES.contains(&noun.as_str()) || PLACES.contains(&noun.trim_end_matches('s'))
}

/// An organization name without its legal form ("Microsoft Corp." → "Microsoft").
fn strip_corporate(name: &str) -> &str {
    const FORMS: &[&str] = &[
        " Inc.", " Inc", " Corp.", " Corp", " Ltd.", " Ltd", " LLC", " PLC", " plc", " Co.", " Co",
        " AG", " SA", " NV", " GmbH", ", Inc.",
    ];
    for f in FORMS {
        if let Some(stem) = name.strip_suffix(f)
            && stem.chars().any(char::is_alphabetic)
        {
            return stem.trim_end_matches(',');
        }
    }
    name
}

/// Whether a name ending at byte `end` is described by an appositive that names an organization:
/// "Roscosmos, the Russian space agency, said …".
fn appositive_org(text: &str, end: usize) -> bool {
    let Some(rest) = appositive_after(text, end) else {
        return false;
    };
    let lex = lexicon();
    // An aside closed by a comma, not the start of the next clause ("in California, the company
    // had no plan").
    let Some(close) = rest.find([',', '.', ';']) else {
        return false;
    };
    rest.get(close..).is_some_and(|r| r.starts_with(','))
        && rest[..close]
            .split_whitespace()
            .take(5)
            .any(|w| lex.org_descriptors.contains(&w.to_lowercase()))
        && !lex.preps.contains(&word_before(
            text,
            text.get(..end)
                .and_then(|b| b.rfind(' '))
                .map_or(0, |i| i + 1),
        ))
}

/// Whether a name ending at byte `end` is followed by a possessive "'s".
fn possessed(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    rest.starts_with("'s") || rest.starts_with("\u{2019}s")
}

/// Whether a possessive name owns a work of art or writing ("Victor Hugo's novel", "Picasso's
/// paintings"): the author is named, not acting.
fn possesses_work(text: &str, end: usize) -> bool {
    const WORKS: &[&str] = &[
        "novel",
        "novels",
        "book",
        "books",
        "poem",
        "poems",
        "poetry",
        "play",
        "plays",
        "film",
        "films",
        "movie",
        "movies",
        "song",
        "songs",
        "painting",
        "paintings",
        "opera",
        "operas",
        "symphony",
        "memoir",
        "memoirs",
        "music",
        "lyrics",
        "sculpture",
        "sculptures",
        "works",
    ];
    let rest = text.get(end..).unwrap_or("");
    let Some(after) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    let word: String = after.chars().take_while(char::is_ascii_lowercase).collect();
    WORKS.contains(&word.as_str())
}

/// Whether the word right after a name is a lowercase noun of geography ("the Big Bend region",
/// "the Tigray region", "the Donbas area"): the name is a location's.
fn next_word_is_geographic(text: &str, end: usize) -> bool {
    listed_before_plural_geography(text, end) || next_word_is_geographic_noun(text, end)
}

/// "in the Kursk, Belgorod and Bryansk regions": names listed before a plural noun of geography
/// are each a location's.
fn listed_before_plural_geography(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or("");
    let next: String = rest
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if PLURAL_GEOGRAPHY.contains(&next.as_str()) {
        return true;
    }
    if !(rest.starts_with(',') || rest.starts_with(" and ") || rest.starts_with(" or ")) {
        return false;
    }
    for _ in 0..8 {
        let r = rest.trim_start_matches(',').trim_start();
        let r = r
            .strip_prefix("and ")
            .or_else(|| r.strip_prefix("or "))
            .unwrap_or(r);
        // One name of up to three capitalised words.
        let mut at = 0;
        for _ in 0..3 {
            let word_len = r[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
                .unwrap_or(r.len() - at);
            if word_len == 0 || !r[at..].starts_with(char::is_uppercase) {
                break;
            }
            at += word_len;
            if r[at..].starts_with(' ') && r[at + 1..].starts_with(char::is_uppercase) {
                at += 1;
            } else {
                break;
            }
        }
        if at == 0 {
            return false;
        }
        rest = &r[at..];
        if !(rest.starts_with(',') || rest.starts_with(" and ") || rest.starts_with(" or ")) {
            let noun: String = rest
                .trim_start_matches(' ')
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            return PLURAL_GEOGRAPHY.contains(&noun.as_str());
        }
    }
    false
}

/// Plural nouns of geography after listed names ("the Kursk and Belgorod regions").
const PLURAL_GEOGRAPHY: &[&str] = &[
    "regions",
    "provinces",
    "states",
    "counties",
    "districts",
    "oblasts",
    "areas",
    "islands",
    "prefectures",
    "territories",
    "cities",
    "towns",
    "villages",
];

/// The words of an appositive that opens with an article right after a name ending at byte `end`
/// (", the Russian space agency, said …" gives "Russian space agency, said …").
fn appositive_after(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?;
    [", the ", ", a ", ", an ", ", another "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
}

/// "Cayo Costa, a barrier island west of Fort Myers", "Derna, a port city": an appositive whose
/// first words name a kind of place.
fn described_as_place(text: &str, end: usize) -> bool {
    let Some(rest) = appositive_after(text, end) else {
        return false;
    };
    rest.split(|c: char| !c.is_alphabetic())
        .take(3)
        .take_while(|w| w.chars().all(char::is_lowercase))
        .any(|w| {
            matches!(
                w,
                "island"
                    | "city"
                    | "town"
                    | "village"
                    | "port"
                    | "resort"
                    | "suburb"
                    | "county"
                    | "province"
                    | "region"
                    | "district"
                    | "peninsula"
                    | "neighborhood"
                    | "neighbourhood"
                    | "municipality"
                    | "enclave"
                    | "archipelago"
            )
        })
}

/// Whether the word right after a name is a lowercase noun of geography (singular).
/// "Peshmerga fighters", "Tigrayan rebels": the word after a name says it is an armed group.
fn next_word_is_armed(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let word = rest
        .strip_prefix(' ')
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // (Not "Kurdish militants", "Chechen rebels": a people's adjective.)
    let name = text.get(..end).unwrap_or("");
    let people = ["ish", "ian", "ese", "ean", "chen", "ani", "ic", "ite"]
        .iter()
        .any(|s| name.ends_with(s));
    !people
        && matches!(
            word,
            "fighters" | "militants" | "rebels" | "militiamen" | "guerrillas"
        )
}

fn next_word_is_geographic_noun(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let word: String = rest
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    matches!(
        word.as_str(),
        "region"
            | "area"
            | "coast"
            | "coastline"
            | "province"
            | "state"
            | "county"
            | "district"
            | "valley"
            | "river"
            | "mountains"
            | "peninsula"
            | "neighborhood"
            | "neighbourhood"
            | "suburb"
            | "township"
            | "village"
            | "island"
            | "islands"
            | "desert"
            | "basin"
            // "the wrecked Fukushima Daiichi nuclear power plant": a facility's site.
            | "nuclear"
            | "reactor"
            | "dam"
            | "airport"
            | "airbase"
            // "a mosque on Jemaa el-Fna square", "Tokyo's Haneda airport", "the Hunga Tonga
            // volcano": streets, squares, works and landforms.
            | "square"
            | "street"
            | "avenue"
            | "boulevard"
            | "plaza"
            | "stadium"
            | "arena"
            | "station"
            | "bridge"
            | "harbour"
            | "harbor"
            | "volcano"
            | "mountain"
            | "lake"
            | "bay"
            | "canal"
            | "strait"
            | "highway"
            | "refinery"
            | "crossing"
    )
}

/// "Mykhailo Podolyak, an adviser to Zelenskiy,": a name followed by an appositive that gives a
/// role is a person's.
fn appositive_role(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(", ")) else {
        return false;
    };
    let mut words = rest.split_whitespace();
    // "Lachlan Murdoch, Fox's co-executive chairman": a possessor's name opens it too.
    if !words.next().is_some_and(|w| {
        matches!(w, "a" | "an" | "the" | "its" | "his" | "her")
            || (w.ends_with("'s") || w.ends_with("’s")) && super::text::starts_upper(w)
    }) {
        return false;
    }
    words
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| super::rules::titles().starts_with_word(&w) || super::rules::is_agent_noun(&w))
}

/// Whether a city or state named before `end` acts as its government: "Los Angeles will host
/// the Olympics", "Virginia sued Google" (not "Texas officials said", nor "to Ontario,
/// California, turned back": a verb past a comma is another's).
fn region_acts(text: &str, start: usize, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    if !rest.starts_with(' ') || listed_after_prep(text, start) {
        return false;
    }
    let next: String = rest
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    next_word_is_verb(text, end)
        && (!next.ends_with('s') || matches!(next.as_str(), "has" | "is" | "was" | "says"))
}

/// Whether the name at `start` is governed by "of", or ends a list of names governed by a
/// preposition: "its twin cities of Omdurman and Bahri described", "flights to Dubai, Doha and
/// Riyadh resumed".
fn listed_after_prep(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(80);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let lex = lexicon();
    let mut listed = false;
    for w in text
        .get(from..start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(8)
    {
        let bare = w.trim_end_matches(',');
        if matches!(bare, "and" | "or") {
            listed = true;
        } else if !bare.starts_with(char::is_uppercase) || bare.contains(['.', ';', ':']) {
            // Past the names listed: the word that governs them.
            return bare == "of" || listed && lex.place_preps.contains(bare);
        }
    }
    false
}

/// Whether the word after a name reads as a verb ("scored", "says", "will").
fn next_word_is_verb(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let word: String = rest
        .trim_start_matches([' ', ','])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.chars().next().is_some_and(char::is_lowercase)
        && !PLURAL_GEOGRAPHY.contains(&word.as_str())
        && (word.ends_with("ed")
            || word.ends_with('s')
            || lexicon().speech.contains(&word)
            || lexicon().past_verbs.contains(&word)
            || matches!(
                word.as_str(),
                "will"
                    | "would"
                    | "has"
                    | "had"
                    | "is"
                    | "was"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    // "Erling Haaland, whom City signed …": a person's relative pronoun.
                    | "who"
                    | "whom"
                    | "whose"
            ))
}

/// Whether the word after `end` (past an adverb such as "last" or "also") is a verb of action in
/// the past: "it cut", "it last cut", "it slashed"; not "it was", "it is unclear".
fn acting_verb_follows(text: &str, end: usize) -> bool {
    let lex = lexicon();
    let mut words = text
        .get(end..)
        .unwrap_or("")
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()));
    let mut word = words.next().unwrap_or("");
    if matches!(
        word,
        "last" | "also" | "then" | "later" | "first" | "again" | "quickly"
    ) {
        word = words.next().unwrap_or("");
    }
    word.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            word,
            "was" | "is" | "has" | "had" | "seemed" | "remained" | "needed"
        )
        && (word.ends_with("ed") && word.len() > 4 || lex.past_verbs.contains(word))
}

/// Whether a name ending at `end` is followed by a common noun it modifies ("U.S. antitrust
/// law"), not by a verb ("U.S. imposed", "China says").
fn modifies_noun(text: &str, end: usize) -> bool {
    const NOT_NOUNS: &[&str] = &[
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
        "might", "must", "should", "shall", "and", "or", "to", "in", "on", "at", "for", "of",
        "with", "by", "from", "as", "that", "which", "who", "says", "said", "also", "not", "never",
        "does", "did", "do", "be", "been", "being", "remains", "became", "wants", "plans", "needs",
        "seeks", "hopes", "expects", "says", "warns", "accuses", "rejects", "denies", "insists",
        "itself", "alone", "guilty", "alive", "dead", "safe", "free", "ready", "aware",
    ];
    let rest = text.get(end..).unwrap_or("");
    // "the Singapore-flagged ship", "Singapore-based Synergy": where something is from.
    if let Some(compound) = rest.strip_prefix('-') {
        let word: String = compound.chars().take_while(|c| c.is_alphabetic()).collect();
        return matches!(
            word.as_str(),
            "based"
                | "flagged"
                | "registered"
                | "born"
                | "made"
                | "built"
                | "bound"
                | "listed"
                | "headquartered"
        );
    }
    if !rest.starts_with(' ') {
        return false;
    }
    let word: String = rest[1..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let Some(first) = word.chars().next() else {
        return false;
    };
    let plural_or_third_person =
        word.ends_with('s') && !word.ends_with("ss") && word.len() > 3 && !word.ends_with("ics");
    first.is_lowercase()
        && !NOT_NOUNS.contains(&word.as_str())
        && !lexicon().past_verbs.contains(&word)
        && !lexicon().speech.contains(&word)
        && !word.ends_with("ed")
        // "holding Russia accountable", "Russia directly": an adjective or adverb after it.
        && !word.ends_with("able")
        && !word.ends_with("ible")
        && !word.ends_with("ly")
        && !plural_or_third_person
}

/// What a party's members are called, which also names the party: "Liberals" for the "Liberal
/// Party", "Democrats" for the "Democratic Party".
fn party_members(words: &[&str]) -> Vec<String> {
    let [adjective, "Party"] = words else {
        return Vec::new();
    };
    if !adjective.starts_with(char::is_uppercase) || adjective.ends_with('s') {
        return Vec::new();
    }
    let mut out = vec![format!("{adjective}s")];
    if let Some(stem) = adjective.strip_suffix("ic") {
        out.push(format!("{stem}s"));
    }
    out
}

/// The other ways of writing a body's name built with "of": "Delaware Court of Chancery" is
/// also "Delaware Chancery Court" and "Chancery Court"; "Chancery Court" is also "Court of
/// Chancery".
fn reordered_names(words: &[&str]) -> Vec<String> {
    const HEADS: &[&str] = &[
        "Court",
        "Ministry",
        "Department",
        "Council",
        "Committee",
        "Office",
        "Agency",
        "Commission",
        "Authority",
        "Board",
        "Bureau",
        "Service",
        "Tribunal",
        "Chamber",
    ];
    let mut out = Vec::new();
    if let Some(of) = words.iter().position(|w| *w == "of")
        && of >= 1
        && of + 1 < words.len()
        && HEADS.contains(&words[of - 1])
    {
        let head = words[of - 1];
        let pre = &words[..of - 1];
        let rest: Vec<&str> = words[of + 1..]
            .iter()
            .copied()
            .skip_while(|w| *w == "the")
            .collect();
        if rest.is_empty() || rest.len() > 3 {
            return out;
        }
        let mut long: Vec<&str> = pre.to_vec();
        long.extend(&rest);
        long.push(head);
        out.push(long.join(" "));
        if !pre.is_empty() {
            let mut short = rest.clone();
            short.push(head);
            out.push(short.join(" "));
        }
    } else if words.len() >= 2
        && words.len() <= 3
        && HEADS.contains(words.last().unwrap_or(&""))
        && !words.contains(&"of")
    {
        // "Chancery Court" → "Court of Chancery".
        let head = words[words.len() - 1];
        out.push(format!("{head} of {}", words[..words.len() - 1].join(" ")));
    }
    out
}

/// "his mother, Yoko,", "survived by his daughter Irina": a name right after a word for a
/// relative is a person's.
fn after_kin_noun(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    let word = super::text::last_word(before.strip_suffix(',').unwrap_or(before));
    matches!(
        word,
        "mother"
            | "father"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "widow"
            | "widower"
            | "brother"
            | "sister"
            | "grandson"
            | "granddaughter"
            | "partner"
            | "fiancee"
            | "fiance"
    )
}

/// "the Argentine, whose contract …", "the Norwegian scored", "the Serbian's appeal": a
/// nationality for one person, alone after "the" and before a comma, a stop, a possessive or a
/// verb (not "the Russians", "the Chinese", "the German midfielder").
fn demonym_person(text: &str, start: usize, end: usize) -> bool {
    let Some(word) = text.get(start..end) else {
        return false;
    };
    let singular_person = word.ends_with("an") || word.ends_with("ine") || word.ends_with('i');
    // (The last word only: lowercasing all the text before would be quadratic.)
    // "the 64-year-old Italian had flown": an age between says the same.
    let before = text.get(..start).unwrap_or("").trim_end();
    let before = before
        .strip_suffix("-year-old")
        .map_or(before, |b| b.trim_end_matches(|c: char| c.is_ascii_digit()));
    let after_the = super::text::last_word(before).eq_ignore_ascii_case("the");
    let rest = text.get(end..).unwrap_or("");
    singular_person
        && after_the
        && (rest.starts_with([',', '.', ';'])
            // "the Serbian's appeal"
            || rest.starts_with("'s ")
            || rest.starts_with("\u{2019}s ")
            || rest.starts_with(' ') && next_word_is_verb(text, end)
            // "fined the American $10,000", "beat the American in straight sets".
            || rest.starts_with([' ']) && rest[1..].starts_with(['$', '€', '£'])
            || rest.starts_with(" in ")
            || rest.starts_with(" who "))
}

/// "the 1939 Erzincan earthquake", "Haneda airport", "the final at Wimbledon": a name the
/// knowledge base does not know, that the text only ever uses before a noun it describes or as a
/// location, is a place or a thing, not an actor. A noun for a body of people after it ("Wagner
/// fighters") keeps it an actor, as does a title, a known given name or an organization word.
fn described_only(reg: &mut Registry<'_>, slots: &[Slot], text: &str) {
    let lex = lexicon();
    let mut only: HashMap<usize, (bool, usize), super::rules::WordHash> = HashMap::default();
    for s in slots {
        let a = &reg.actors[s.actor];
        let entry = only.entry(s.actor).or_insert((true, 0));
        if s.reference {
            entry.0 = false;
            continue;
        }
        entry.1 += 1;
        // (Once an actor is known to act, or the knowledge base knows it, nothing more to read.)
        if !entry.0 || a.kb.is_some() || a.strong {
            entry.0 = false;
            continue;
        }
        let after = text.get(s.end..).unwrap_or("").trim_start_matches(' ');
        let next = after
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map_or(after, |k| &after[..k]);
        let location = || {
            s.usage == Usage::Place
                || matches!(
                    word_before(text, s.start).as_str(),
                    "in" | "at" | "near" | "inside" | "outside"
                )
        };
        // "the three Detroit automakers.", "Jeep and Ram vehicles, on Saturday": a plural noun
        // that ends the phrase is described by the name ("Acme plans to" is a verb).
        let plural_noun = next.len() > 3
            && next.ends_with('s')
            && !next.ends_with("ss")
            && next.chars().next().is_some_and(char::is_lowercase)
            && !lex.past_verbs.contains(next)
            && !lex.speech.contains(next)
            && after.get(next.len()..).is_some_and(|r| {
                r.starts_with([',', '.', ';', ':', ')'])
                    || [
                        " of ", " in ", " at ", " from ", " that ", " which ", " and ",
                    ]
                    .iter()
                    .any(|p| r.starts_with(p))
            });
        let describes = !s.possessive
            && s.usage != Usage::Inner
            && (modifies_noun(text, s.end) || plural_noun)
            && !lex.member_nouns.contains(next);
        if !(describes || location()) {
            entry.0 = false;
        }
    }
    for (a, (described, count)) in only {
        let actor = &reg.actors[a];
        let named = actor.name.split_whitespace().any(|w| {
            super::rules::given_names().contains(w)
                || lex.org_suffixes.contains(w)
                || lex.org_prefixes.contains(w)
        });
        // Only an actor this document alone names.
        if !described || named || count == 0 || actor.mentions.len() != count {
            continue;
        }
        reg.actors[a].kind = ActorKind::Place;
    }
}

/// "he wrote on Twitter", "said in a post on Instagram": an organization named only as the
/// medium a message went out on is no actor in this document, even one the knowledge base knows.
fn medium_only(reg: &mut Registry<'_>, slots: &[Slot], text: &str) {
    let lex = lexicon();
    let mut only: HashMap<usize, (bool, usize), super::rules::WordHash> = HashMap::default();
    for s in slots {
        if reg.actors[s.actor].kind != ActorKind::Organization {
            continue;
        }
        let mut before = text.get(..s.start).unwrap_or("").trim_end();
        // "said on social media platform X": past the nouns naming the kind of medium.
        while let Some((head, w)) = before.rsplit_once(' ')
            && matches!(
                w,
                "social"
                    | "media"
                    | "platform"
                    | "site"
                    | "network"
                    | "app"
                    | "messaging"
                    | "networking"
                    | "service"
                    | "official"
            )
        {
            before = head.trim_end();
        }
        let medium = !s.reference
            && !s.possessive
            && before
                .strip_suffix("on")
                .filter(|b| b.ends_with(' '))
                .is_some_and(|b| {
                    lex.medium_words
                        .contains(super::text::last_word(b).to_lowercase().as_str())
                        || text
                            .get(s.start..s.end)
                            .is_some_and(|n| lex.platforms.contains(n.to_lowercase().as_str()))
                });
        let entry = only.entry(s.actor).or_insert((true, 0));
        entry.0 &= medium;
        entry.1 += 1;
    }
    for (a, (medium, count)) in only {
        // Only an actor no other document names.
        if medium && reg.actors[a].mentions.len() == count {
            reg.actors[a].kind = ActorKind::Place;
        }
    }
}

/// Whether `text` has `w` as a whole word or phrase (not inside a longer word).
fn names_word(text: &str, w: &str) -> bool {
    text.match_indices(w).any(|(k, _)| {
        let before = text[..k].chars().next_back();
        let after = text[k + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a country's name stands, in this text, for the same-named region of another
/// country (see `Country::region_of`).
fn is_region_here(kb: &KnowledgeBase, r: KbRef, text: &str) -> bool {
    let KbRef::Country(c) = r else {
        return false;
    };
    let Some(country) = kb.countries.get(c) else {
        return false;
    };
    let Some(host) = country
        .region_of
        .as_deref()
        .and_then(|id| kb.countries.iter().find(|x| x.id == id))
    else {
        return false;
    };
    let has = |w: &str| names_word(text, w);
    let own = country
        .capital
        .iter()
        .chain(&country.metonyms)
        .chain(&country.demonyms)
        .any(|w| has(w));
    // "Georgia, Florida and the Carolinas": another region of the host names it too.
    let host_named = std::iter::once(&host.name)
        .chain(&host.aliases)
        .chain(&host.demonyms)
        .chain(&host.metonyms)
        .any(|w| has(w))
        || super::rules::regions()
            .iter()
            .any(|(name, id)| *id == host.id && has(name));
    host_named && !own
}

/// Whether a country's body, named by a form that does not say whose it is ("House of
/// Commons", "the Conservatives"), is another country's same-named body here: the text never
/// names the country the knowledge base ties it to.
fn is_foreign_body_here(kb: &KnowledgeBase, r: KbRef, surface: &str, text: &str) -> bool {
    let KbRef::Org(o) = r else {
        return false;
    };
    let Some(org) = kb.organizations.get(o) else {
        return false;
    };
    let Some(country) = org
        .country
        .as_deref()
        .and_then(|id| kb.countries.iter().find(|x| x.id == id))
    else {
        return false;
    };
    let forms = || {
        std::iter::once(&country.name)
            .chain(&country.aliases)
            .chain(&country.demonyms)
            .chain(&country.metonyms)
            .chain(&country.capital)
    };
    // Public bodies and parties only: a company is the same company wherever it is told of.
    let public = surface.split_whitespace().last().is_some_and(|w| {
        matches!(
            w,
            "Parliament"
                | "Commons"
                | "Lords"
                | "Senate"
                | "Assembly"
                | "Congress"
                | "Party"
                | "Conservatives"
                | "Tories"
                | "Labour"
                | "Liberals"
                | "Democrats"
                | "Republicans"
                | "Greens"
                | "Socialists"
                | "Court"
                | "Cabinet"
                | "Council"
                | "Police"
                | "Guard"
                | "Army"
                | "Navy"
                | "Ministry"
                | "Treasury"
        )
    });
    if !public || surface == org.name || forms().any(|w| surface.contains(w.as_str())) {
        return false;
    }
    let has = |w: &str| names_word(text, w);
    !forms().any(|w| has(w))
}

fn in_quotes(quotes: &[(usize, usize)], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.1 <= at);
    quotes.get(i).is_some_and(|q| q.0 <= at)
}

#[allow(clippy::too_many_lines)]
fn resolve_document(
    doc: &Document,
    found: &[Found],
    reg: &mut Registry<'_>,
    gazetteer: &Gazetteer,
) -> Vec<Slot> {
    let lex = lexicon();
    let text = doc.text.as_str();
    let quotes = quote_spans(text);
    // Whether a country's name is, in this document, a same-named region elsewhere.
    let mut regions: HashMap<KbRef, bool> = HashMap::new();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].start, std::cmp::Reverse(found[i].end)));
    // Entities named in the title count as named for context aliases.
    let mut named: BTreeSet<KbRef> = gazetteer
        .find(&doc.title)
        .iter()
        .flat_map(|h| {
            h.entries
                .iter()
                .filter(|e| e.form == SurfaceForm::Name)
                .map(|e| e.kb)
        })
        .collect();
    let mut resolved: Vec<Vec<usize>> = vec![Vec::new(); found.len()];
    // Mentions of a country that only name whose body follows ("Russia's Foreign Ministry"),
    // with that body's actor.
    let mut owned_bodies: HashMap<usize, usize> = HashMap::new();
    let mut usage: Vec<Usage> = vec![Usage::Agent; found.len()];

    // Pass A: names.
    let mut last_location = (false, 0usize);
    for &i in &order {
        let f = &found[i];
        let nickname_free = without_nickname(text_of(doc, f));
        let surface = nickname_free.as_ref();
        let prev = word_before(text, f.start);
        // "in nearby Thousand Oaks", "in neighbouring Chad": a place past its adjective.
        let after_place_prep = lex.place_preps.contains(&prev)
            || matches!(
                prev.as_str(),
                "nearby" | "neighbouring" | "neighboring" | "downtown" | "suburban" | "coastal"
            ) && text
                .get(..f.start)
                .and_then(|b| b.trim_end().rfind(char::is_whitespace))
                .is_some_and(|k| lex.place_preps.contains(&word_before(text, k + 1)));
        match &f.kind {
            FoundKind::Kb(entries) => {
                let Some(e) = entries
                    .iter()
                    .find(|e| named.contains(&e.kb))
                    .or(entries.first())
                    .copied()
                else {
                    continue;
                };
                if e.form == SurfaceForm::Demonym && demonym_person(text, f.start, f.end) {
                    continue; // pass B: a person
                }
                let region = e.form == SurfaceForm::Name
                    && *regions
                        .entry(e.kb)
                        .or_insert_with(|| is_region_here(reg.kb, e.kb, text));
                let foreign = e.form == SurfaceForm::Name
                    && !named.contains(&e.kb)
                    && is_foreign_body_here(reg.kb, e.kb, surface, text);
                match e.form {
                    SurfaceForm::Name if foreign => {
                        // "the House of Commons" in a story from Canada: Canada's, not the
                        // British Parliament the knowledge base knows by that name.
                        let a = reg.get_or_add(slug(surface), surface, ActorKind::Organization);
                        reg.actors[a].strong = true;
                        resolved[i].push(a);
                    }
                    SurfaceForm::Name if region => {
                        // "Georgia's anti-racketeering law" in a story set in the United
                        // States: the state, a location with no actor.
                        let p = reg.get_or_add(slug(surface), surface, ActorKind::Place);
                        resolved[i].push(p);
                        usage[i] = Usage::Place;
                    }
                    SurfaceForm::Name => {
                        named.insert(e.kb);
                        if let Some(a) = reg.kb_actor(e.kb) {
                            resolved[i].push(a);
                            // "wrote on Twitter", "said in a post on X": the platform that
                            // carried the words, not an actor.
                            if matches!(e.kb, KbRef::Org(_))
                                && prev == "on"
                                && matches!(
                                    word_before_prev(text, f.start, &prev).as_str(),
                                    "said"
                                        | "wrote"
                                        | "posted"
                                        | "tweeted"
                                        | "post"
                                        | "posts"
                                        | "message"
                                        | "video"
                                        | "statement"
                                        | "event"
                                        | "account"
                                )
                            {
                                usage[i] = Usage::Place;
                            }
                            // "born in Germany", "the war in Ukraine", "in the United States,
                            // Canada and Mexico": a country as a location.
                            let between = text.get(last_location.1..f.start).unwrap_or("x");
                            // Not "talks in Beijing, China said": a country that acts.
                            // "Banks in Australia, New Zealand and South Africa reported",
                            // "from Amsterdam to Hong Kong": the list's last item too.
                            let listed = last_location.0
                                // (", and Japan praised France" joins clauses.)
                                && (matches!(between.trim(), "and" | "or" | "to")
                                    || matches!(
                                        between.trim(),
                                        "," | ", and" | ", the" | ", and the" | "and the" | "or the"
                                    )
                                        && !next_word_is_verb(text, f.end)
                                        // "In neighbouring Syria, the U.S.-backed forces".
                                        && !text.get(f.end..).is_some_and(|r| r.starts_with('-')));
                            // "the workers came from Mexico, Guatemala and Honduras".
                            let origin = prev == "from"
                                && matches!(
                                    word_before_prev(text, f.start, &prev).as_str(),
                                    // "eight each from China, Italy and the United
                                    // States", "passengers from Kenya".
                                    "each"
                                        | "passengers"
                                        | "nationals"
                                        | "citizens"
                                        | "tourists"
                                        | "visitors"
                                        | "migrants"
                                        | "refugees"
                                        | "pilgrims"
                                        | "came"
                                        | "come"
                                        | "comes"
                                        | "coming"
                                        | "fled"
                                        | "hailed"
                                        | "hail"
                                        | "hails"
                                        | "migrated"
                                        | "immigrated"
                                        | "emigrated"
                                        | "arrived"
                                        | "returned"
                                        | "travelled"
                                        | "traveled"
                                        | "moved"
                                );
                            let location = listed
                                || origin
                                // "In neighbouring Syria, the … forces have been fighting".
                                || after_place_prep
                                    && matches!(
                                        prev.as_str(),
                                        "nearby" | "neighbouring" | "neighboring"
                                    )
                                || matches!(
                                    prev.as_str(),
                                    "in" | "at"
                                        | "across"
                                        | "near"
                                        | "throughout"
                                        | "inside"
                                        | "within"
                                        | "outside"
                                );
                            // "alarm in Israel, which regards Iran as its enemy": a location
                            // that then acts is an actor.
                            let acts_after =
                                text.get(f.end..).map(str::trim_start).is_some_and(|r| {
                                    r.starts_with(", which") || r.starts_with(", whose")
                                });
                            if location
                                && matches!(e.kb, KbRef::Country(_))
                                && !f.possessive
                                && !f.inner
                                && !acts_after
                            {
                                usage[i] = Usage::Place;
                            } else if matches!(e.kb, KbRef::Country(_))
                                && f.possessive
                                && !f.inner
                                && found.get(i + 1).is_some_and(|g| {
                                    g.start <= f.end + 4
                                        && matches!(
                                            &g.kind,
                                            FoundKind::Name(NameClass::Person | NameClass::Unknown)
                                        )
                                        && g.role.is_none()
                                        && text_of(doc, g).contains(' ')
                                        && !lex.org_suffixes.contains(
                                            text_of(doc, g).split_whitespace().last().unwrap_or(""),
                                        )
                                })
                            {
                                // "Italy's Lorenzo Musetti", "Croatia's Donna Vekic": a country
                                // that only says whose a person is.
                                usage[i] = Usage::Inner;
                            } else if matches!(e.kb, KbRef::Country(_))
                                && !f.possessive
                                && !f.inner
                                && modifies_noun(text, f.end)
                            {
                                // "U.S. antitrust law", "China trade": a country as a modifier.
                                usage[i] = Usage::Modifier;
                            }
                            last_location = (usage[i] == Usage::Place, f.end);
                        }
                    }
                    SurfaceForm::Metonym => {
                        let Some(country) = reg.kb_actor(e.kb) else {
                            continue;
                        };
                        if after_place_prep && !f.possessive && !f.inner {
                            let p = reg.get_or_add(slug(surface), surface, ActorKind::Place);
                            reg.actors[p].host = Some(country);
                            resolved[i].push(p);
                            usage[i] = Usage::Place;
                            // "in Vilnius, Lithuania": the country after it is a location too.
                            last_location = (true, f.end);
                        } else {
                            resolved[i].push(country);
                        }
                    }
                    SurfaceForm::Demonym => {
                        if let Some(a) = reg.kb_actor(e.kb) {
                            resolved[i].push(a);
                            // "Chuck Grassley, the Iowa Republican who chairs the committee": a
                            // party's or a nation's word for one person, who then acts, names
                            // that person, not the party.
                            // "Syrian rebels", "the Russian opposition": those against a
                            // state's government are not the state.
                            let against_state = text.get(f.end..).is_some_and(|r| {
                                let next = r
                                    .trim_start_matches(' ')
                                    .split(|c: char| !c.is_alphabetic())
                                    .next()
                                    .unwrap_or("");
                                matches!(
                                    next,
                                    "rebels"
                                        | "rebel"
                                        | "insurgents"
                                        | "insurgent"
                                        | "opposition"
                                        | "dissidents"
                                        | "dissident"
                                        | "separatists"
                                        | "separatist"
                                        | "exiles"
                                        | "protesters"
                                        | "protestors"
                                )
                            });
                            usage[i] = if against_state
                                || text.get(f.end..).is_some_and(|r| r.starts_with(" who "))
                            {
                                Usage::Inner
                            } else {
                                Usage::Modifier
                            };
                        }
                    }
                    SurfaceForm::Context => {
                        if named.contains(&e.kb)
                            && let Some(a) = reg.kb_actor(e.kb)
                        {
                            resolved[i].push(a);
                        }
                    }
                    SurfaceForm::Surname => {}
                }
            }
            FoundKind::Name(class) => {
                if f.alias_of.is_some() || !surface.contains(' ') {
                    continue; // pass B
                }
                // "San Francisco regained the lead": a team's city, named before as part of the
                // team's name, stands for the team.
                if *class == NameClass::Unknown
                    && let Some(a) = reg.by_short(surface)
                    && reg.actors[a].kind == ActorKind::Organization
                    && !after_place_prep
                {
                    resolved[i].push(a);
                    continue;
                }
                let last = surface.split_whitespace().last().unwrap_or("");
                let after_the = prev == "the"
                    || text.get(..f.start).is_some_and(|b| {
                        // Lowercasing maps each character on its own (final sigma aside, which
                        // never gives "the"), so the last three characters decide; lowercasing
                        // the whole text before every name made this quadratic.
                        let b = b.trim_end();
                        let tail = b.char_indices().rev().nth(2).map_or(b, |(k, _)| &b[k..]);
                        tail.to_lowercase().ends_with("the")
                    });
                let long = surface.split_whitespace().count() > 3;
                let given_first = surface
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| super::rules::given_names().contains(w))
                    || surface.split_whitespace().count() == 2
                        && surface
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| lex.family_first.contains(w))
                        && surface
                            .split_whitespace()
                            .nth(1)
                            .is_some_and(|w| w.contains('-'));
                // "Maui County sued Hawaiian Electric": an administrative area that acts is its
                // government.
                // "Buckingham Palace said": a palace that speaks is its household.
                // "Los Angeles will host", "San Diego sued": a city's name is no person's.
                let city_first = surface.split_whitespace().count() >= 2
                    && matches!(
                        surface.split_whitespace().next().unwrap_or(""),
                        "Los"
                            | "Las"
                            | "El"
                            | "San"
                            | "Santa"
                            | "Fort"
                            | "Port"
                            | "Puerto"
                            | "Rio"
                            | "Sao"
                            | "São"
                            | "Lake"
                            | "Mount"
                            | "Saint"
                    );
                let governs = (city_first && next_word_is_verb(text, f.end) && !after_place_prep)
                    || matches!(
                        last,
                        "County"
                            | "Palace"
                            | "District"
                            | "Province"
                            | "Prefecture"
                            | "Oblast"
                            | "Region"
                            | "Territory"
                    ) && !after_place_prep
                        && next_word_is_verb(text, f.end);
                // "western North Carolina", "Florida's Big Bend": a state or province.
                let region =
                    super::rules::regions().contains_key(surface.trim_end_matches('.').trim());
                // "Los Angeles will host the Olympics", "Texas sued": a city or state that
                // acts is its government (not "Texas officials").
                let region_acts = region && !after_place_prep && region_acts(text, f.start, f.end);
                let kind = match class {
                    _ if region_acts => ActorKind::Organization,
                    _ if region => ActorKind::Place,
                    NameClass::Unknown | NameClass::Person if city_first && !governs => {
                        ActorKind::Place
                    }
                    // "the eastern city of Santa Cruz": named a settlement.
                    NameClass::Organization if city_first && settlement_of(text, f.start) => {
                        ActorKind::Place
                    }
                    NameClass::Unknown | NameClass::Person
                        if next_word_is_geographic(text, f.end) =>
                    {
                        ActorKind::Place
                    }
                    // "near Cayo Costa, a barrier island": described as a place.
                    NameClass::Unknown | NameClass::Person if described_as_place(text, f.end) => {
                        ActorKind::Place
                    }
                    // "Fort Myers", "Punta Gorda": a place's first word.
                    NameClass::Unknown
                        if surface
                            .split_once(' ')
                            .is_some_and(|(first, _)| lex.place_prefixes.contains(first)) =>
                    {
                        ActorKind::Place
                    }
                    NameClass::Person => ActorKind::Person,
                    // (Not "contractor Edward Snowden": a known given name makes a person.)
                    NameClass::Unknown
                        if governs || lex.org_descriptors.contains(&prev) && !given_first =>
                    {
                        ActorKind::Organization
                    }
                    NameClass::Unknown if lex.place_suffixes.contains(last) => ActorKind::Place,
                    // "saved from Kingsley Coman": a known given name makes a person, even
                    // after "from" or "in".
                    // "her younger daughter, Infanta Sofia": a name after a kin noun.
                    NameClass::Unknown if given_first || after_kin_noun(text, f.start) => {
                        ActorKind::Person
                    }
                    // "a pass from Lamine Yamal, who had turned 17": "who" follows a person.
                    NameClass::Unknown
                        if !long
                            && text.get(f.end..).is_some_and(|r| {
                                r.starts_with(", who ") || r.starts_with(", whom ")
                            }) =>
                    {
                        ActorKind::Person
                    }
                    // "a save from Romelu Lukaku's header": the preposition governs the
                    // possessed noun, not the name.
                    NameClass::Unknown
                        if (after_place_prep && !after_the && !possessed(text, f.end))
                            || settlement_of(text, f.start) =>
                    {
                        ActorKind::Place
                    }
                    // "KL Rahul": two initials before a known given name are a person's.
                    NameClass::Unknown
                        if matches!(
                            surface.split_whitespace().collect::<Vec<_>>().as_slice(),
                            [initials, given]
                                if initials.len() == 2
                                    && initials.chars().all(|c| c.is_ascii_uppercase())
                                    // (Not "AC Milan": a club's prefix.)
                                    && !CLUB_PREFIXES.contains(initials)
                                    && super::rules::given_names().contains(*given)
                        ) =>
                    {
                        ActorKind::Person
                    }
                    // "PGA Tour", "NHS England": a name opening with an acronym is no person's.
                    NameClass::Unknown
                        if surface
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| is_acronym(w) && !w.contains('.')) =>
                    {
                        ActorKind::Organization
                    }
                    // "Jeff Bezos' Blue Origin", "Elon Musk's SpaceX": what a person owns,
                    // named by no given name, is a company.
                    NameClass::Unknown
                        if i > 0
                            && found[i - 1].possessive
                            && f.start.saturating_sub(found[i - 1].end) <= 4
                            && resolved[i - 1]
                                .first()
                                .is_some_and(|&c| reg.actors[c].kind == ActorKind::Person) =>
                    {
                        ActorKind::Organization
                    }
                    NameClass::Unknown if !after_the && !long => ActorKind::Person,
                    NameClass::Organization | NameClass::Unknown => ActorKind::Organization,
                };
                let name = surface.trim_end_matches('.').trim();
                // "Born Heinz Alfred Kissinger": a birth name of the person with that surname.
                if prev == "born"
                    && let Some(a) = reg.actors.iter().position(|x| {
                        x.kind == ActorKind::Person
                            && x.name.split_whitespace().last() == Some(last)
                            && x.name != name
                    })
                {
                    reg.actors[a].aliases.insert(name.to_owned());
                    resolved[i].push(a);
                    continue;
                }
                // "Activision Blizzard Inc." is "Activision Blizzard".
                let name = if kind == ActorKind::Organization {
                    strip_corporate(surface)
                } else {
                    name
                };
                // "Russia's Foreign Ministry", "China's Foreign Ministry": a country's ministry,
                // department or office named by its brief is that country's body, one actor
                // with its name, not one "Foreign Ministry" for all.
                let owned_body = kind == ActorKind::Organization
                    && i > 0
                    && found[i - 1].possessive
                    && f.start.saturating_sub(found[i - 1].end) <= 4
                    && resolved[i - 1]
                        .first()
                        .is_some_and(|&c| reg.actors[c].kind == ActorKind::Country)
                    && name.split_whitespace().count() == 2
                    && ["Ministry", "Department", "Office"]
                        .iter()
                        .any(|w| last.eq_ignore_ascii_case(w));
                let name = if owned_body {
                    text.get(found[i - 1].start..f.end).unwrap_or(name)
                } else {
                    name
                };
                let a = reg.get_or_add(slug(name), name, kind);
                // (The country's name in it is no mention of the country; a title's
                // affiliation there is the body.)
                if owned_body {
                    resolved[i - 1].clear();
                    owned_bodies.insert(i - 1, a);
                }
                if governs && reg.actors[a].kind == ActorKind::Place {
                    reg.actors[a].kind = ActorKind::Organization;
                }
                // "in the Oval Office": a location, even when named like an organization.
                if kind == ActorKind::Place || (kind == ActorKind::Organization && prev == "in") {
                    usage[i] = Usage::Place;
                    // "in Johannesburg, South Africa".
                    last_location = (true, f.end);
                }
                let first = surface.split_whitespace().next().unwrap_or("");
                // "Park An-su", "Kim Yong-hyun": a family name written first before a hyphenated
                // given name is as telling as a known given name.
                let given = super::rules::given_names().contains(first)
                    || lex.family_first.contains(first)
                        && surface
                            .split_whitespace()
                            .nth(1)
                            .is_some_and(|w| w.contains('-') && w.starts_with(char::is_uppercase));
                // Without a known given name, a two- or three-word name is a person when nothing in
                // it reads as a place or common word and it acts ("Gonzalo Montiel scored").
                let plain = surface.split_whitespace().all(|w| {
                    let w = w.to_lowercase();
                    !lex.not_alone.contains(&w) && !lex.stop.contains(&w)
                });
                let acts = next_word_is_verb(text, f.end) || appositive_role(text, f.end);
                let shaped = kind == ActorKind::Person
                    && plain
                    && !after_the
                    && (acts || !f.sentence_initial)
                    && surface.split_whitespace().count() <= 3;
                if *class != NameClass::Unknown
                    || f.role.is_some()
                    || (kind == ActorKind::Person && given && !after_the)
                    || shaped
                    || governs
                    // "national carrier Saudia", "Spanish side Girona": a name its kind of
                    // organization introduces.
                    || kind == ActorKind::Organization && lex.org_descriptors.contains(&prev)
                    // "AC Milan", "FC Porto": a club's prefix.
                    || kind == ActorKind::Organization
                        && CLUB_PREFIXES.contains(&first)
                {
                    reg.actors[a].strong = true;
                }
                resolved[i].push(a);
            }
            _ => {}
        }
    }

    // Persons named in full in this document, by first and last name: (mention offset, actor).
    let mut persons: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for &i in &order {
        let Some(&a) = resolved[i].first() else {
            continue;
        };
        if reg.actors[a].kind != ActorKind::Person {
            continue;
        }
        let words: Vec<&str> = reg.actors[a].name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let last = words[words.len() - 1];
        // "Sheikh Mohammed bin Zayed" for the known "Mohamed bin Zayed Al Nahyan": the text's
        // own spelling names him too.
        let surface = text_of(doc, &found[i]);
        let mut told = surface.split_whitespace();
        let (told_first, told_last) = match (told.next(), told.next_back()) {
            (Some(f), Some(l)) => (f, l),
            _ => (words[0], last),
        };
        let mut keys = [words[0], last, strip_particle(last), told_first, told_last];
        keys.sort_unstable();
        for (k, w) in keys.iter().enumerate() {
            if k > 0 && keys[k - 1] == *w {
                continue;
            }
            let list = persons.entry((*w).to_owned()).or_default();
            if list.last() != Some(&(found[i].start, a)) {
                list.push((found[i].start, a));
            }
        }
    }
    let heads: Vec<usize> = (0..found.len())
        .filter(|&k| found[k].head && !matches!(found[k].kind, FoundKind::HeadRef { .. }))
        .collect();

    // Pass B: references, in text order so pronouns see earlier resolutions.
    let mut salience: HashMap<usize, usize> = HashMap::new();
    // The last object pronoun ("him") resolved, with its sentence.
    let mut last_object: Option<(usize, usize)> = None;
    // The last acting "It" that opened a sentence, resolved: (sentence, actor).
    let mut last_it: Option<(usize, usize)> = None;
    let mut last_slot_end: Vec<(usize, usize, usize, bool)> = Vec::new(); // (start, end, actor, person)
    // Organizations named so far, with the sentence they were named in: (sentence, actor).
    let mut orgs_seen: Vec<(usize, usize)> = Vec::new();
    // Titles the text has given each person so far ("President Donald Trump"), lowercased.
    let mut titles_seen: HashMap<usize, Vec<String>> = HashMap::new();
    for &i in &order {
        let f = &found[i];
        let surface = text_of(doc, f);
        let quoted = in_quotes(&quotes, f.start);
        if resolved[i].is_empty() {
            match &f.kind {
                // "the Argentine, whose contract with Inter Miami runs until 2025": a nationality
                // alone after "the" is the person last named.
                FoundKind::Kb(entries)
                    if entries
                        .first()
                        .is_some_and(|e| e.form == SurfaceForm::Demonym)
                        && demonym_person(text, f.start, f.end) =>
                {
                    let sentence_start = doc.sentences.get(f.sentence).map_or(0, |s| s.start);
                    // "Earley fined the American": an object is not the sentence's subject.
                    let verb_before = text
                        .get(..f.start)
                        .unwrap_or("")
                        .trim_end()
                        .strip_suffix("the")
                        .map(super::text::last_word)
                        .is_some_and(|w| {
                            w.chars().all(|c| c.is_ascii_lowercase())
                                && (w.ends_with("ed") || lex.past_verbs.contains(w))
                        });
                    if let Some(a) = last_person(
                        &salience,
                        None,
                        verb_before,
                        &last_slot_end,
                        &reg.actors,
                        f.start,
                        sentence_start,
                        doc,
                        quoted,
                        &quotes,
                    ) {
                        resolved[i].push(a);
                    }
                }
                FoundKind::Kb(entries)
                    if entries.iter().all(|e| e.form == SurfaceForm::Surname) =>
                {
                    if let Some(a) = surname_person(surface, f.start, &persons, &reg.actors) {
                        resolved[i].push(a);
                    } else if let Some(a) = reg
                        .by_short(surface)
                        .filter(|&a| reg.actors[a].kind == ActorKind::Organization)
                    {
                        // "Fox" after "21st Century Fox": the short form of a name told here.
                        resolved[i].push(a);
                    } else {
                        let kb = reg.kb;
                        // A surname alone names a knowledge-base person only while in office
                        // ("May" in "the May summit" is not Theresa May in 2024).
                        let pick = entries.iter().find(|e| matches!(e.kb, KbRef::Person(p) if kb.people.get(p).is_some_and(|x| x.terms.iter().any(|t| covers(t, doc.published)))));
                        let pick = pick.filter(|_| !lex.is_time_word(&surface.to_lowercase()));
                        if let Some(e) = pick
                            && let Some(a) = reg.kb_actor(e.kb)
                        {
                            resolved[i].push(a);
                        }
                    }
                }
                FoundKind::Name(class) => {
                    if let Some(t) = f.alias_of {
                        if let Some(&a) = resolved.get(t).and_then(|r| r.first()) {
                            resolved[i].push(a);
                            reg.add_short(surface, a);
                            if is_acronym(surface) {
                                reg.defined.insert(surface.to_owned(), a);
                            }
                        }
                    } else if let Some(a) = surname_person(surface, f.start, &persons, &reg.actors)
                    {
                        resolved[i].push(a);
                    } else if let Some(a) = reg.by_short(surface) {
                        resolved[i].push(a);
                    } else if !f.sentence_initial
                        || *class != NameClass::Unknown
                        || is_camel_case(surface)
                        // "Park An-su, whom Yoon named": a name the sentence opens with, before
                        // "who", is a person's.
                        || text.get(f.end..).is_some_and(|r| {
                            r.starts_with(", who ") || r.starts_with(", whom ")
                        })
                        || appositive_org(text, f.end)
                        || reg.by_key.contains_key(&slug(surface))
                        // "Virginia sued Google": a state that opens the sentence and acts.
                        || super::rules::regions()
                            .contains_key(surface.trim_end_matches('.').trim())
                            && region_acts(text, f.start, f.end)
                    {
                        let prev = word_before(text, f.start);
                        // "France's Ubisoft", "Japan's Toyota": a name owned by a country.
                        let national = i > 0
                            && found[i - 1].possessive
                            && f.start.saturating_sub(found[i - 1].end) <= 4
                            && resolved[i - 1]
                                .first()
                                .is_some_and(|&c| reg.actors[c].kind == ActorKind::Country);
                        let (kind, strong) = if super::rules::regions()
                            .contains_key(surface.trim_end_matches('.').trim())
                            && (!region_acts(text, f.start, f.end)
                                || lex.preps.contains(prev.as_str()))
                        {
                            // "Minnesota's sentencing guidelines", "the chief minister of
                            // Bihar": a state or province alone is a place.
                            (ActorKind::Place, false)
                        } else if is_acronym(surface)
                            || *class == NameClass::Organization
                            || appositive_org(text, f.end)
                        {
                            (
                                ActorKind::Organization,
                                *class == NameClass::Organization || appositive_org(text, f.end),
                            )
                        } else if matches!(prev.as_str(), "in" | "at" | "near" | "outside")
                            && *class != NameClass::Person
                        {
                            // "met in Milan", "talks in Geneva": a given name that is also a
                            // city's, alone after "in", is the place.
                            (ActorKind::Place, false)
                        } else if *class == NameClass::Person
                            || surface
                                .split_whitespace()
                                .next()
                                .is_some_and(|w| super::rules::given_names().contains(w))
                            || after_kin_noun(text, f.start)
                            || i > 0
                                && national_figure(text, found[i - 1].end, f.start, &prev)
                                && resolved[i - 1]
                                    .first()
                                    .is_some_and(|&c| reg.actors[c].kind == ActorKind::Country)
                        {
                            // "Charles will be proclaimed king": a given name at the start
                            // of a sentence is still a person.
                            (ActorKind::Person, true)
                        } else if next_word_is_armed(text, f.end) {
                            // "Peshmerga fighters": an armed group.
                            (ActorKind::Group, true)
                        } else if (lex.org_descriptors.contains(&prev) || national)
                            && f.role.is_none()
                            // Not "Singapore's Sentosa island".
                            && !next_word_is_geographic_noun(text, f.end)
                        {
                            // "rival exchange Binance", "chipmaker Nvidia".
                            (ActorKind::Organization, true)
                        } else if lex.place_preps.contains(&prev)
                            || settlement_of(text, f.start)
                            || next_word_is_geographic(text, f.end)
                        {
                            // "the Kursk, Belgorod and Bryansk regions".
                            (ActorKind::Place, false)
                        } else {
                            (ActorKind::Organization, false)
                        };
                        // "the INDIA alliance": a word in capitals is an acronym of its own,
                        // not the country India.
                        let key = if surface.chars().count() > 3
                            && surface
                                .chars()
                                .all(|c| c.is_uppercase() || !c.is_alphabetic())
                            && !reg.by_key.get(&slug(surface)).is_some_and(|&k| {
                                reg.actors[k].name.chars().all(|c| !c.is_lowercase())
                            }) {
                            format!("{}-acronym", slug(surface))
                        } else {
                            slug(surface)
                        };
                        let a = reg.get_or_add(key, surface, kind);
                        // "Pele … Pele, whose real name was …": a single name first guessed an
                        // organization is a person once the text says so.
                        if kind == ActorKind::Person
                            && strong
                            && reg.actors[a].kind == ActorKind::Organization
                            && !reg.actors[a].strong
                            && reg.actors[a].kb.is_none()
                        {
                            reg.actors[a].kind = ActorKind::Person;
                        }
                        if strong {
                            reg.actors[a].strong = true;
                        }
                        if kind == ActorKind::Place || reg.actors[a].kind == ActorKind::Place {
                            usage[i] = Usage::Place;
                        }
                        resolved[i].push(a);
                    }
                }
                FoundKind::Pronoun(p) => {
                    let sentence_start = doc.sentences.get(f.sentence).map_or(0, |s| s.start);
                    match p {
                        PronounKind::He | PronounKind::She => {
                            let object = surface.eq_ignore_ascii_case("him")
                                && !after_noun_preposition(text, f.start);
                            // "Bragg charged him in April, and Smith has indicted him twice": a
                            // second object pronoun of a sentence means what the first meant.
                            let parallel = last_object
                                .filter(|&(s, _)| object && s == f.sentence)
                                .map(|(_, a)| a);
                            if let Some(a) = parallel.or_else(|| {
                                last_person(
                                    &salience,
                                    Gender::of_pronoun(*p),
                                    object,
                                    &last_slot_end,
                                    &reg.actors,
                                    f.start,
                                    sentence_start,
                                    doc,
                                    quoted,
                                    &quotes,
                                )
                            }) {
                                resolved[i].push(a);
                                if object {
                                    last_object = Some((f.sentence, a));
                                }
                            }
                        }
                        PronounKind::It if surface.eq_ignore_ascii_case("its") => {
                            // "X, its rival": the appositive head is not its own possessor.
                            let appositive = text
                                .get(..f.start)
                                .is_some_and(|b| b.trim_end().ends_with(','));
                            let head = last_slot_end.last().map(|x| x.2);
                            let nearest = last_slot_end
                                .iter()
                                .rev()
                                .take(64)
                                .take_while(|x| x.0 >= sentence_start)
                                .find(|x| !x.3 && Some(x.2) != head.filter(|_| appositive))
                                .map(|x| x.2);
                            let pick = if appositive {
                                // The most salient recent non-person other than the head.
                                let recent: BTreeSet<usize> = last_slot_end
                                    .iter()
                                    .rev()
                                    .take(50)
                                    .filter(|x| !x.3)
                                    .map(|x| x.2)
                                    .collect();
                                recent
                                    .into_iter()
                                    .filter(|a| Some(*a) != head)
                                    .max_by_key(|a| {
                                        (
                                            salience.get(a).copied().unwrap_or(0),
                                            std::cmp::Reverse(*a),
                                        )
                                    })
                            } else {
                                nearest
                            };
                            if let Some(a) = pick {
                                resolved[i].push(a);
                            }
                        }
                        PronounKind::It
                            if surface.eq_ignore_ascii_case("it")
                                && lex.speech.contains(&word_before(text, f.start)) =>
                        {
                            // "Google said it would appeal": the organization that said it.
                            if let Some(a) = last_slot_end
                                .iter()
                                .rev()
                                .take(8)
                                .take_while(|x| x.0 >= sentence_start)
                                .find(|x| !x.3)
                                .map(|x| x.2)
                            {
                                resolved[i].push(a);
                            }
                        }
                        PronounKind::It
                            if surface.eq_ignore_ascii_case("it")
                                && acting_verb_follows(text, f.end) =>
                        {
                            // "The Fed began raising rates in 2022. It last cut rates in
                            // 2020, when it slashed them": a sentence's acting "It" is the
                            // first organization or country of the sentence before, and a later
                            // "it" of that sentence means the same.
                            let initial = text
                                .get(sentence_start..f.start)
                                .is_some_and(|b| b.trim().is_empty());
                            let pick = if initial {
                                let previous_start = f
                                    .sentence
                                    .checked_sub(1)
                                    .and_then(|s| doc.sentences.get(s))
                                    .map_or(sentence_start, |s| s.start);
                                last_slot_end
                                    .iter()
                                    .rev()
                                    .take(64)
                                    .take_while(|x| x.0 >= previous_start)
                                    .filter(|x| {
                                        !x.3 && matches!(
                                            reg.actors[x.2].kind,
                                            ActorKind::Organization
                                                | ActorKind::Country
                                                | ActorKind::Group
                                        )
                                    })
                                    .last()
                                    .map(|x| x.2)
                            } else {
                                last_it.filter(|&(s, _)| s == f.sentence).map(|(_, a)| a)
                            };
                            if let Some(a) = pick {
                                resolved[i].push(a);
                                last_it = Some((f.sentence, a));
                            }
                        }
                        PronounKind::Pair => {
                            // The last two people named, in this sentence or the two before.
                            let previous_start = doc
                                .sentences
                                .get(f.sentence.saturating_sub(2))
                                .map_or(sentence_start, |s| s.start);
                            let mut pair: Vec<usize> = Vec::with_capacity(2);
                            for x in last_slot_end
                                .iter()
                                .rev()
                                .take(64)
                                .take_while(|x| x.0 >= previous_start)
                            {
                                if x.3 && !pair.contains(&x.2) {
                                    pair.push(x.2);
                                    if pair.len() == 2 {
                                        break;
                                    }
                                }
                            }
                            if let [b, a] = pair[..] {
                                resolved[i].push(a);
                                resolved[i].push(b);
                            }
                        }
                        PronounKind::They if surface.eq_ignore_ascii_case("their") => {
                            // "X and Y … their": the coordinated pair just before.
                            let in_sentence: Vec<&(usize, usize, usize, bool)> = last_slot_end
                                .iter()
                                .rev()
                                .take(64)
                                .take_while(|x| x.0 >= sentence_start)
                                .collect();
                            if let [b, a, ..] = in_sentence.as_slice() {
                                let between = text.get(a.1..b.0).unwrap_or("").trim();
                                if (between.starts_with("and") || between.starts_with(','))
                                    && between.len() < 40
                                {
                                    resolved[i].push(a.2);
                                    resolved[i].push(b.2);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                FoundKind::Kb(entries)
                    if entries.iter().all(|e| e.form == SurfaceForm::Context)
                        && lex
                            .org_refs
                            .iter()
                            .any(|w| w.join(" ") == surface.to_lowercase()) =>
                {
                    // "the agency" when the agency a knowledge-base entry means is not named:
                    // the organization last named, as for any other "the agency".
                    if let Some(a) =
                        last_fitting_org(&orgs_seen, f.sentence, false, surface, &reg.actors)
                    {
                        resolved[i].push(a);
                    }
                }
                FoundKind::OrgRef => {
                    // "ECOWAS condemned the junta": the object of a verb is not the organization
                    // its own sentence named as the subject.
                    let prev = text
                        .get(..f.start)
                        .unwrap_or("")
                        .split_whitespace()
                        .next_back()
                        .unwrap_or("");
                    let object = prev.chars().all(char::is_lowercase)
                        && (prev.ends_with("ed") || lex.past_verbs.contains(prev));
                    // "Aramco raised $25.6 billion, surpassing the $25 billion that Alibaba
                    // raised … The company priced the shares …": a reference that opens its
                    // sentence continues the last sentence's first organization.
                    let sentence_start = doc.sentences.get(f.sentence).map_or(0, |s| s.start);
                    let opens = text
                        .get(sentence_start..f.start)
                        .is_some_and(|b| b.trim().is_empty());
                    let continued = opens
                        .then(|| {
                            let k = orgs_seen.partition_point(|x| x.0 + 1 < f.sentence);
                            orgs_seen
                                .get(k)
                                .filter(|x| x.0 + 1 == f.sentence)
                                .map(|x| x.1)
                                .filter(|&a| org_ref_fits(surface, &reg.actors[a].name))
                        })
                        .flatten();
                    if let Some(a) = continued.or_else(|| {
                        last_fitting_org(&orgs_seen, f.sentence, object, surface, &reg.actors)
                    }) {
                        resolved[i].push(a);
                    }
                }
                FoundKind::SpeakerRef => {
                    // "the queen": the last person whose role or name has that word, else the
                    // last person of a fitting gender.
                    let head = surface
                        .rsplit(|c: char| c.is_whitespace())
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    let gender = Gender::of_word(&head);
                    let candidates = || {
                        last_slot_end
                            .iter()
                            .rev()
                            .take(200)
                            .filter(|x| x.3 && !in_quotes(&quotes, x.0) && x.1 <= f.start)
                            .map(|x| x.2)
                    };
                    // ("The president thanked …" after "President Donald Trump" and "General
                    // Mark Milley": the title the text gave, not the last man named.)
                    // A title fits when it ends with the words after "the", not after "vice"
                    // or "deputy" ("The president" is not "Vice President Mike Pence").
                    let phrase = surface
                        .split_once(char::is_whitespace)
                        .map_or("", |x| x.1)
                        .to_lowercase();
                    let fits_title = |r: &str| {
                        r.strip_suffix(phrase.as_str()).is_some_and(|before| {
                            before.is_empty()
                                || before.ends_with(' ')
                                    && !["vice", "deputy", "former", "ex-"]
                                        .iter()
                                        .any(|m| before.trim_end().ends_with(m))
                        })
                    };
                    let titled = candidates().find(|&a| {
                        let actor = &reg.actors[a];
                        actor
                            .role
                            .iter()
                            .chain(std::iter::once(&actor.name))
                            .any(|r| r.to_lowercase().split_whitespace().any(|w| w == head))
                            || titles_seen
                                .get(&a)
                                .is_some_and(|ts| ts.iter().any(|r| fits_title(r)))
                    });
                    if let Some(a) =
                        titled.or_else(|| candidates().find(|&a| reg.actors[a].fits_gender(gender)))
                    {
                        resolved[i].push(a);
                    }
                }
                FoundKind::HeadRef { org } => {
                    let org_actor = found.get(*org).and_then(|o| match &o.kind {
                        FoundKind::Kb(es) => es
                            .iter()
                            .find(|e| e.form != SurfaceForm::Surname)
                            .and_then(|e| reg.kb_actor(e.kb)),
                        _ => resolved.get(*org).and_then(|r| r.first().copied()),
                    });
                    if let Some(oa) = org_actor
                        && let Some(a) = head_of(oa, found, &heads, &resolved, reg, doc)
                    {
                        resolved[i].push(a);
                    }
                }
                _ => {}
            }
        }
        let Some(&a) = resolved[i].first() else {
            continue;
        };
        if f.inner {
            usage[i] = Usage::Inner;
        }
        let is_person = reg.actors[a].kind == ActorKind::Person;
        if is_person
            && let Some(role) = &f.role
            && !matches!(f.kind, FoundKind::Pronoun(_) | FoundKind::SpeakerRef)
        {
            titles_seen.entry(a).or_default().push(role.to_lowercase());
        }
        if is_person {
            let evidence = if let FoundKind::Pronoun(p) = &f.kind {
                Gender::of_pronoun(*p).map(|g| (g, false))
            } else {
                let before = text.get(..f.start).unwrap_or("");
                let mut from = before.len().saturating_sub(80);
                while !before.is_char_boundary(from) {
                    from += 1;
                }
                let before = before.get(from..).unwrap_or("");
                gender_evidence(&reg.actors[a].name, f.role.as_deref(), before)
                    .or_else(|| gender_evidence(surface, None, ""))
            };
            reg.actors[a].note_gender(evidence);
        }
        for &b in &resolved[i] {
            if usage[i] == Usage::Agent && !quoted {
                *salience.entry(b).or_default() += 1;
            }
        }
        if usage[i] != Usage::Place
            && matches!(
                reg.actors[a].kind,
                ActorKind::Organization | ActorKind::Group
            )
            && !matches!(f.kind, FoundKind::Pronoun(_))
        {
            orgs_seen.push((f.sentence, a));
        }
        let country_place = usage[i] == Usage::Place && reg.actors[a].kind == ActorKind::Country;
        if (usage[i] == Usage::Agent || country_place) && !matches!(f.kind, FoundKind::Pronoun(_)) {
            last_slot_end.push((f.start, f.end, a, is_person));
        } else if matches!(
            f.kind,
            FoundKind::Pronoun(PronounKind::He | PronounKind::She)
        ) {
            last_slot_end.push((f.start, f.end, a, true));
        }
    }

    // Roles, affiliations, aliases and mentions.
    let mut slots = Vec::new();
    for &i in &order {
        let f = &found[i];
        let surface = text_of(doc, f);
        let reference = matches!(
            f.kind,
            FoundKind::Pronoun(_)
                | FoundKind::SpeakerRef
                | FoundKind::OrgRef
                | FoundKind::HeadRef { .. }
        );
        for &a in &resolved[i] {
            if f.role.is_some() && reg.actors[a].kind == ActorKind::Person && !reference {
                let aff = f
                    .affiliation
                    .and_then(|x| {
                        owned_bodies
                            .get(&x)
                            .copied()
                            .or_else(|| resolved.get(x).and_then(|r| r.first().copied()))
                    })
                    .map(|x| reg.actors[x].host.unwrap_or(x));
                let actor = &mut reg.actors[a];
                if actor.role.is_none() || aff.is_some() && actor.affiliation.is_none() {
                    actor.role.clone_from(&f.role);
                    if aff.is_some() {
                        actor.affiliation = aff;
                    }
                }
                actor.strong = true;
            }
            let actor = &mut reg.actors[a];
            // "the Russian president" names its holder even when no name is told.
            let head_ref = matches!(f.kind, FoundKind::HeadRef { .. });
            if head_ref && actor.kind == ActorKind::Person {
                actor.mentions.push(Mention {
                    document: doc.id.clone(),
                    start: f.start,
                    end: f.end,
                });
            }
            if !reference {
                if surface != actor.name && !surface.is_empty() {
                    actor.aliases.insert(surface.to_owned());
                }
                actor.mentions.push(Mention {
                    document: doc.id.clone(),
                    start: f.start,
                    end: f.end,
                });
                if usage[i] == Usage::Agent && !(f.possessive && possesses_work(text, f.end)) {
                    actor.agent_mentions += 1;
                }
            }
            slots.push(Slot {
                sentence: f.sentence,
                start: f.start,
                end: f.end,
                actor: a,
                usage: usage[i],
                possessive: f.possessive,
                reference,
                in_quote: in_quotes(&quotes, f.start),
                person: reg.actors[a].kind == ActorKind::Person,
            });
        }
    }
    // A capital used as a place is also a mention of its country (the host).
    for s in &slots {
        if s.usage == Usage::Place
            && let Some(h) = reg.actors[s.actor].host
        {
            reg.actors[h].mentions.push(Mention {
                document: doc.id.clone(),
                start: s.start,
                end: s.end,
            });
        }
    }
    // Knowledge-base terms for persons the text gives no role.
    let people: BTreeSet<usize> = slots
        .iter()
        .map(|s| s.actor)
        .filter(|&a| reg.actors[a].kind == ActorKind::Person)
        .collect();
    for a in people {
        let Some(KbRef::Person(p)) = reg.actors[a].kb else {
            continue;
        };
        let kb = reg.kb;
        let Some(term) = kb
            .people
            .get(p)
            .and_then(|x| x.terms.iter().find(|t| covers(t, doc.published)))
        else {
            continue;
        };
        if let Some(role) = &reg.actors[a].role {
            // "President Joe Biden": the text gives the office the knowledge base knows, and
            // the country it is held in, when the document names it.
            if reg.actors[a].affiliation.is_none() && role.eq_ignore_ascii_case(&term.role) {
                let named = slots
                    .iter()
                    .map(|s| s.actor)
                    .find(|&x| reg.kb_id_of(x) == Some(term.affiliation.as_str()));
                reg.actors[a].affiliation = named;
            }
            continue;
        }
        let aff = reg.kb_id_actor(&term.affiliation);
        reg.actors[a].role = Some(term.role.clone());
        reg.actors[a].affiliation = aff;
    }
    described_only(reg, &slots, text);
    medium_only(reg, &slots, text);
    slots.sort_by_key(|s| (s.start, s.end));
    let _ = DocId::default;
    slots
}

/// The organization "the agency", "the company" … at `sentence` refers to: the nearest one named
/// in this or the last three sentences that fits the reference.
/// Prefixes of football clubs' names ("AC Milan", "FC Porto", "`VfB` Stuttgart").
const CLUB_PREFIXES: &[&str] = &["AC", "FC", "AS", "SC", "CF", "SV", "SL", "VfB", "VfL", "RB"];

fn last_fitting_org(
    seen: &[(usize, usize)],
    sentence: usize,
    earlier_only: bool,
    reference: &str,
    actors: &[ActorDraft],
) -> Option<usize> {
    seen.iter()
        .rev()
        .take_while(|x| x.0 + 3 >= sentence)
        .filter(|x| x.0 <= sentence && !(earlier_only && x.0 == sentence))
        .find(|x| {
            actors
                .get(x.1)
                .is_some_and(|a| org_ref_fits(reference, &a.name))
        })
        .map(|x| x.1)
}

/// Whether "the agency", "the company", "the court" … can mean the organization called `name`:
/// public bodies for the official words, other organizations for the business words, and a
/// name with the same head word for "the court", "the party", "the bank".
fn org_ref_fits(reference: &str, name: &str) -> bool {
    const PUBLIC: &[&str] = &[
        "Commission",
        "Authority",
        "Agency",
        "Department",
        "Ministry",
        "Administration",
        "Bureau",
        "Office",
        "Service",
        "Council",
        "Committee",
        "Board",
        "Inspectorate",
        "Regulator",
    ];
    let public = name.split_whitespace().any(|w| PUBLIC.contains(&w));
    let head = reference
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    match head.as_str() {
        "agency" | "regulator" | "watchdog" | "commission" | "authority" | "department"
        | "ministry" => public,
        "company" | "firm" | "giant" | "carrier" | "airline" | "automaker" | "retailer"
        | "lender" | "insurer" | "broadcaster" | "publisher" | "startup" | "start-up"
        | "conglomerate" | "group" | "movement" => !public,
        "court" | "party" | "bank" | "union" | "club" | "team" | "militia" => name
            .to_lowercase()
            .split_whitespace()
            .any(|w| w == head || (head == "team" && w == "fc")),
        _ => true,
    }
}

/// `DigitalEurope`, `OpenAI`, `PayPal`: a capital after a lowercase letter inside one word
/// marks a name even at the start of a sentence.
fn is_camel_case(word: &str) -> bool {
    !word.contains(' ')
        && word
            .chars()
            .zip(word.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// A surname without its Arabic article: "al-Burhan" is also written "Burhan".
pub fn strip_particle(surname: &str) -> &str {
    ["al-", "Al-", "el-", "El-", "ad-", "as-", "ash-", "ar-"]
        .iter()
        .find_map(|p| surname.strip_prefix(p))
        .filter(|rest| rest.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or(surname)
}

/// The person named in full whose first or last name is `surface`: the nearest full mention
/// before `at`, else the first after it.
/// When the name is shared ("President Joe Biden and first lady Jill Biden … Biden said"), the
/// one the knowledge base knows is meant, if only one is known.
fn surname_person(
    surface: &str,
    at: usize,
    persons: &HashMap<String, Vec<(usize, usize)>>,
    actors: &[ActorDraft],
) -> Option<usize> {
    // "Al-Jaber" opening a sentence is "Sultan al-Jaber".
    let list = persons
        .get(surface)
        .or_else(|| persons.get(strip_particle(surface)))?;
    let first = list.first()?.1;
    if list.iter().all(|p| p.1 == first) {
        return Some(first);
    }
    let known: BTreeSet<usize> = list
        .iter()
        .map(|p| p.1)
        .filter(|&a| actors.get(a).is_some_and(|x| x.kb.is_some()))
        .collect();
    let distinct: BTreeSet<usize> = list.iter().map(|p| p.1).collect();
    if distinct.len() > 1
        && let [one] = known.iter().copied().collect::<Vec<_>>()[..]
    {
        return Some(one);
    }
    // "His wife, Rosalynn Carter, died in 2023. … Carter's presidency": a bare surname is the
    // person named in full most often so far (a relative goes by the given name), the first
    // named of them on a tie ("Tiger Woods … his late father, Earl. Earl Woods died in 2006.
    // … Woods"); before any, the first.
    let k = list.partition_point(|p| p.0 <= at);
    let Some(before) = list.get(..k).filter(|b| !b.is_empty()) else {
        return list.first().map(|p| p.1);
    };
    // One pass: (mentions, first position) per person; few people share a surname.
    let mut tally: Vec<(usize, usize, usize)> = Vec::new();
    for (idx, p) in before.iter().enumerate() {
        match tally.iter_mut().find(|t| t.0 == p.1) {
            Some(t) => t.1 += 1,
            None => tally.push((p.1, 1, idx)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|&(_, count, first)| (count, std::cmp::Reverse(first)))
        .map(|t| t.0)
}

/// The person a he/she pronoun at `at` refers to: the nearest person earlier in the same
/// sentence, else the subject (first person not after a preposition) of the latest sentence
/// with one. Persons inside quotes do not count for pronouns outside quotes. An object pronoun
/// ("Nixon appointed him") does not refer to its sentence's subject.
/// Only persons whose gender fits the pronoun count (unknown fits both).
#[allow(
    clippy::too_many_arguments,
    reason = "the resolver's state, passed by reference"
)]
fn last_person(
    salience: &HashMap<usize, usize>,
    gender: Option<Gender>,
    object: bool,
    seen: &[(usize, usize, usize, bool)],
    actors: &[ActorDraft],
    at: usize,
    sentence_start: usize,
    doc: &Document,
    quoted: bool,
    quotes: &[(usize, usize)],
) -> Option<usize> {
    let ok = |x: &&(usize, usize, usize, bool)| {
        x.3 && x.1 <= at
            && actors
                .get(x.2)
                .is_some_and(|a| a.kind == ActorKind::Person && a.fits_gender(gender))
            && (quoted || !in_quotes(quotes, x.0))
    };
    let upto = seen.partition_point(|x| x.0 < at);
    let seen = &seen[..upto];
    let here: Vec<&(usize, usize, usize, bool)> = seen
        .iter()
        .rev()
        .take(64)
        .take_while(|x| x.0 >= sentence_start)
        .filter(ok)
        .collect();
    // The subject an object pronoun cannot be: the nearest person when nothing separates them
    // ("…, and Milei invited him"), else the sentence's first person.
    // ("Merchan held Trump in contempt and fined him": after "and" the verb is the first
    // clause's, whose subject opened the sentence.)
    let subject = match here.first() {
        Some(x)
            if doc.text.get(x.1..at).is_some_and(|between| {
                !between.contains([',', ';', '"', '“', '”'])
                    && !between.contains(" and ")
                    && !between.contains(" but ")
            }) =>
        {
            Some(x.2)
        }
        _ => here.last().map(|x| x.2),
    };
    // "Obergefell sued Ohio after the state refused to list him": past a subordinate clause
    // with its own subject, the object may be the main clause's subject.
    let subordinate = here.last().is_some_and(|x| {
        doc.text.get(x.1..at).is_some_and(|between| {
            [
                " after ",
                " before ",
                " when ",
                " because ",
                " while ",
                " until ",
                " since ",
                " although ",
                " though ",
                " if ",
                " that ",
                " said ",
                " says ",
            ]
            .iter()
            .any(|w| between.contains(w))
        })
    });
    let subject = if subordinate { None } else { subject };
    if let Some(x) = here.iter().find(|x| !object || Some(x.2) != subject) {
        return Some(x.2);
    }
    let last = seen
        .iter()
        .rev()
        .take(200)
        .filter(|x| x.0 < sentence_start)
        .find(ok)?;
    let s = doc.sentence_at(last.0)?;
    let start = doc.sentences.get(s)?.start;
    let from = seen.partition_point(|x| x.0 < start);
    let in_sentence: Vec<&(usize, usize, usize, bool)> = seen[from..]
        .iter()
        .take_while(|x| x.0 < sentence_start)
        .filter(ok)
        .take(64)
        .collect();
    // A person after a preposition, or listed after one ("under Presidents Nixon and Ford"), is
    // not the subject.
    let lex = lexicon();
    let mut governed = false;
    let mut subject = None;
    for x in &in_sentence {
        let before = word_before(&doc.text, x.0);
        governed = lex.preps.contains(&before)
            || in_prep_phrase(&doc.text, x.0)
            || (governed && (before == "and" || before == "or" || before.is_empty()));
        if !governed {
            subject = Some(x.2);
            break;
        }
    }
    let pick = subject.or(in_sentence.first().map(|x| x.2))?;
    // After a sentence with no person ("Fighting continued until …"), "He" goes back to the
    // story's main person rather than the last one named in passing.
    let here = doc.sentence_at(sentence_start)?;
    if here > s + 1 {
        let recent_start = doc
            .sentences
            .get(here.saturating_sub(6))
            .map_or(0, |x| x.start);
        let score = |a: usize| salience.get(&a).copied().unwrap_or(0);
        if let Some(main) = seen
            .iter()
            .rev()
            .take(200)
            .take_while(|x| x.0 >= recent_start)
            .filter(ok)
            .map(|x| x.2)
            .max_by_key(|&a| (score(a), a == pick))
            && score(main) > score(pick)
        {
            return Some(main);
        }
    }
    Some(pick)
}

/// The head of organization or country actor `org`: a person in the document whose text role
/// heads it, else a knowledge-base person whose term there covers the document's date.
fn head_of(
    org: usize,
    found: &[Found],
    heads: &[usize],
    resolved: &[Vec<usize>],
    reg: &mut Registry<'_>,
    doc: &Document,
) -> Option<usize> {
    for &k in heads {
        let f = &found[k];
        let aff = f
            .affiliation
            .and_then(|x| resolved.get(x))
            .and_then(|r| r.first().copied())
            .map(|x| reg.actors[x].host.unwrap_or(x));
        if aff == Some(org)
            && let Some(&p) = resolved.get(k).and_then(|r| r.first())
        {
            return Some(p);
        }
    }
    let id = reg.kb_id_of(org)?;
    let kb = reg.kb;
    let p = kb.people.iter().position(|p| {
        p.terms
            .iter()
            .any(|t| t.affiliation == id && covers(t, doc.published))
    })?;
    reg.kb_actor(KbRef::Person(p))
}
