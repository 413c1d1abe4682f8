//! The extractor's rules as data: word classes, titles, relation and event lexicons from
//! `assets/rules/`, compiled once into lookup tables.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::Polarity;

/// A fast, non-cryptographic hasher for the rule tables (the Fx hash of rustc): the tables are
/// looked up once or more per token, and their keys are fixed short words, so hash flooding is
/// no concern while `SipHash` was a tenth of extraction time.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hasher of the rule tables ([`WordHasher`]).
pub type WordHash = BuildHasherDefault<WordHasher>;
/// A set of words hashed with [`WordHasher`].
pub type WordSet = HashSet<String, WordHash>;

/// Which (first byte, length) pairs the keys of a word table have: most tokens of a sentence
/// are no key, and this answers that without hashing them. Empty (no key added) or an empty
/// word: the table is asked.
#[derive(Debug, Default)]
struct Shapes(Vec<u64>);

impl Shapes {
    fn bit(word: &str) -> u64 {
        1 << word.len().min(63)
    }

    fn add(&mut self, key: &str) {
        let Some(&first) = key.as_bytes().first() else {
            return;
        };
        if self.0.is_empty() {
            self.0 = vec![0; 256];
        }
        if let Some(mask) = self.0.get_mut(usize::from(first)) {
            *mask |= Self::bit(key);
        }
    }

    fn may_hold(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return true;
        };
        self.0
            .get(usize::from(first))
            .is_none_or(|mask| mask & Self::bit(word) != 0)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LexiconFile {
    stop_words: Vec<String>,
    not_alone: Vec<String>,
    months: Vec<String>,
    weekdays: Vec<String>,
    #[serde(default)]
    holidays: Vec<String>,
    #[serde(default)]
    individual_nouns: Vec<String>,
    honorifics: Vec<String>,
    org_suffixes: Vec<String>,
    org_prefixes: Vec<String>,
    short_suffixes: Vec<String>,
    place_suffixes: Vec<String>,
    #[serde(default)]
    place_prefixes: Vec<String>,
    name_joiners: Vec<String>,
    name_particles: Vec<String>,
    prepositions: Vec<String>,
    place_preps: Vec<String>,
    speech_verbs: Vec<String>,
    ongoing_verbs: Vec<String>,
    participles: Vec<String>,
    past_verbs: Vec<String>,
    he_pronouns: Vec<String>,
    she_pronouns: Vec<String>,
    male_words: Vec<String>,
    female_words: Vec<String>,
    speaker_refs: Vec<String>,
    org_refs: Vec<String>,
    org_descriptors: Vec<String>,
    positive_words: Vec<String>,
    negative_words: Vec<String>,
    family_name_first: Vec<String>,
    thing_suffixes: Vec<String>,
    thing_prefixes: Vec<String>,
    numbered_nouns: Vec<String>,
    vessel_nouns: Vec<String>,
    member_nouns: Vec<String>,
    medium_words: Vec<String>,
    platforms: Vec<String>,
    media_outlets: Vec<String>,
    media_nouns: Vec<String>,
    ministry_briefs: Vec<String>,
    light_verb_objects: Vec<String>,
}

/// Closed word classes (lowercase unless noted).
#[derive(Debug, Default)]
pub struct Lexicon {
    pub stop: WordSet,
    pub not_alone: WordSet,
    pub months: WordSet,
    pub weekdays: WordSet,
    /// Holidays that date a day ("on Easter Sunday", "at Christmas"): no names.
    pub holidays: WordSet,
    /// Nouns for one person or company ("the Belgian playmaker", "the German automaker"): a
    /// nationality before them is no party.
    pub individual_nouns: WordSet,
    pub honorifics: WordSet,
    /// Case-sensitive.
    pub org_suffixes: WordSet,
    /// Case-sensitive.
    pub org_prefixes: WordSet,
    /// Case-sensitive: organization suffixes that stand for the whole name ("City").
    pub short_suffixes: WordSet,
    /// Case-sensitive.
    pub place_suffixes: WordSet,
    /// Case-sensitive: first words that make a longer name a place's ("Fort Myers").
    pub place_prefixes: WordSet,
    pub joiners: WordSet,
    pub particles: WordSet,
    pub preps: WordSet,
    pub place_preps: WordSet,
    pub speech: WordSet,
    pub ongoing: WordSet,
    /// Participles that open a sentence before a name ("Speaking Tuesday", "Born Heinz").
    pub participles: WordSet,
    /// Irregular past tenses ("cut", "hit", "won"): verbs that no "-ed" marks.
    pub past_verbs: WordSet,
    pub he: WordSet,
    pub she: WordSet,
    /// Titles and kin words of men ("king", "son") and of women ("queen", "wife").
    pub male_words: WordSet,
    pub female_words: WordSet,
    pub speaker_refs: Vec<Vec<String>>,
    pub org_refs: Vec<Vec<String>>,
    /// Common nouns that, right before a name, say it is an organization ("rival exchange
    /// Binance", "chipmaker Nvidia").
    pub org_descriptors: WordSet,
    pub positive: WordSet,
    pub negative: WordSet,
    /// Case-sensitive.
    pub family_first: WordSet,
    /// Case-sensitive: last words of names of things and occasions.
    pub thing_suffixes: WordSet,
    /// First words that make a capitalised sequence a thing ("Hurricane Helene").
    pub thing_prefixes: WordSet,
    /// Capitalised nouns that a number follows in the name of a thing ("Category 4").
    pub numbered_nouns: WordSet,
    /// Lowercase nouns for craft whose names follow them ("the support ship Polar Prince").
    pub vessel_nouns: WordSet,
    /// Lowercase nouns after a name that make it a body of people ("Wagner fighters").
    pub member_nouns: WordSet,
    pub medium_words: WordSet,
    /// Platforms a message goes out on ("Twitter", "Telegram"): "on NAME" is a medium.
    pub platforms: WordSet,
    pub media_outlets: WordSet,
    pub media_nouns: WordSet,
    /// Briefs of a government ministry written in lowercase ("foreign", "health").
    pub ministry_briefs: WordSet,
    /// Nouns that, as a light verb's object, name the relation themselves ("paid a visit").
    pub light_verb_objects: WordSet,
}

impl Lexicon {
    pub fn is_time_word(&self, lower: &str) -> bool {
        self.months.contains(lower)
            || self.weekdays.contains(lower)
            || self.holidays.contains(lower)
    }
}

fn set(words: Vec<String>, lowercase: bool) -> WordSet {
    words
        .into_iter()
        .map(|w| if lowercase { w.to_lowercase() } else { w })
        .collect()
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// The word classes, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let file: LexiconFile =
            toml::from_str(include_str!("../../assets/rules/lexicon.toml")).unwrap_or_default();
        Lexicon {
            stop: set(file.stop_words, true),
            not_alone: set(file.not_alone, true),
            months: set(file.months, true),
            weekdays: set(file.weekdays, true),
            holidays: set(file.holidays, true),
            individual_nouns: set(file.individual_nouns, true),
            honorifics: set(file.honorifics, true),
            org_suffixes: set(file.org_suffixes, false),
            org_prefixes: set(file.org_prefixes, false),
            short_suffixes: set(file.short_suffixes, false),
            place_suffixes: set(file.place_suffixes, false),
            place_prefixes: set(file.place_prefixes, false),
            joiners: set(file.name_joiners, false),
            particles: set(file.name_particles, false),
            preps: set(file.prepositions, true),
            place_preps: set(file.place_preps, true),
            speech: set(file.speech_verbs, true),
            ongoing: set(file.ongoing_verbs, true),
            participles: set(file.participles, true),
            past_verbs: set(file.past_verbs, true),
            he: set(file.he_pronouns, true),
            she: set(file.she_pronouns, true),
            male_words: set(file.male_words, true),
            female_words: set(file.female_words, true),
            speaker_refs: file.speaker_refs.iter().map(|p| words_of(p)).collect(),
            org_refs: file.org_refs.iter().map(|p| words_of(p)).collect(),
            org_descriptors: set(file.org_descriptors, true),
            positive: set(file.positive_words, true),
            negative: set(file.negative_words, true),
            family_first: set(file.family_name_first, false),
            thing_suffixes: set(file.thing_suffixes, false),
            thing_prefixes: set(file.thing_prefixes, false),
            numbered_nouns: set(file.numbered_nouns, false),
            vessel_nouns: set(file.vessel_nouns, true),
            member_nouns: set(file.member_nouns, true),
            medium_words: set(file.medium_words, true),
            platforms: set(file.platforms, true),
            media_outlets: set(file.media_outlets, true),
            media_nouns: set(file.media_nouns, true),
            ministry_briefs: set(file.ministry_briefs, true),
            light_verb_objects: set(file.light_verb_objects, true),
        }
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NamesFile {
    given: Vec<String>,
    male: Vec<String>,
    female: Vec<String>,
    nicknames: Vec<(String, String)>,
}

fn names_file() -> &'static NamesFile {
    static FILE: OnceLock<NamesFile> = OnceLock::new();
    FILE.get_or_init(|| {
        toml::from_str(include_str!("../../assets/rules/names.toml")).unwrap_or_default()
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RegionsFile {
    regions: Vec<RegionList>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RegionList {
    host: String,
    names: Vec<String>,
}

/// Regions inside countries (`assets/kb/regions.toml`): name as written → the host country's id.
pub fn regions() -> &'static HashMap<String, String, WordHash> {
    static REGIONS: OnceLock<HashMap<String, String, WordHash>> = OnceLock::new();
    REGIONS.get_or_init(|| {
        let file: RegionsFile =
            toml::from_str(include_str!("../../assets/kb/regions.toml")).unwrap_or_default();
        file.regions
            .into_iter()
            .flat_map(|r| {
                let host = r.host;
                r.names.into_iter().map(move |n| (n, host.clone()))
            })
            .collect()
    })
}

/// Whether two given names are the same name, one a short form of the other ("Jimmy",
/// "James"), or equal.
pub fn same_given_name(a: &str, b: &str) -> bool {
    a == b
        || names_file()
            .nicknames
            .iter()
            .any(|(short, full)| (short == a && full == b) || (short == b && full == a))
}

/// Given names usually borne by men (case-sensitive).
pub fn male_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| names_file().male.iter().cloned().collect())
}

/// Given names usually borne by women (case-sensitive).
pub fn female_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| names_file().female.iter().cloned().collect())
}

/// Common given names (case-sensitive): evidence that a capitalised pair is a person.
pub fn given_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let file = names_file();
        file.given
            .iter()
            .chain(&file.male)
            .chain(&file.female)
            .cloned()
            .collect()
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TitlesFile {
    title: Vec<TitleGroup>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TitleGroup {
    words: Vec<String>,
    head: bool,
}

/// A role title ("secretary of state") as lowercase words.
#[derive(Clone, Debug)]
pub struct Title {
    pub words: Vec<String>,
    pub head: bool,
}

/// Titles indexed by first word, longest first.
#[derive(Debug, Default)]
pub struct Titles {
    by_first: HashMap<String, Vec<Title>, WordHash>,
    shapes: Shapes,
}

impl Titles {
    /// Whether some title starts with this lowercase word ("adviser", "director").
    pub fn starts_with_word(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// The longest title starting at token `i` (its length in tokens and whether it is a head).
    /// Hyphens inside titles ("secretary-general") are tokens of their own.
    pub fn longest_at(&self, tokens: &super::text::Tokens, i: usize) -> Option<(usize, bool)> {
        let word = tokens.lower(i);
        if !self.shapes.may_hold(word) {
            return None;
        }
        let list = self.by_first.get(word)?;
        list.iter()
            .find(|t| tokens.matches_at(i, &t.words))
            .map(|t| (t.words.len(), t.head))
    }
}

/// Splits a phrase into token-like lowercase words: "secretary-general" → secretary, -, general.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    let toks = super::text::Tokens::new(phrase, 0, phrase.len());
    (0..toks.len()).map(|i| toks.lower(i).to_owned()).collect()
}

pub fn titles() -> &'static Titles {
    static TITLES: OnceLock<Titles> = OnceLock::new();
    TITLES.get_or_init(|| {
        let file: TitlesFile =
            toml::from_str(include_str!("../../assets/rules/titles.toml")).unwrap_or_default();
        let mut by_first: HashMap<String, Vec<Title>, WordHash> = HashMap::default();
        for group in file.title {
            for w in group.words {
                let words = phrase_tokens(&w);
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                by_first.entry(first).or_default().push(Title {
                    words,
                    head: group.head,
                });
            }
        }
        let mut shapes = Shapes::default();
        for (first, list) in &mut by_first {
            list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
            shapes.add(first);
        }
        Titles { by_first, shapes }
    })
}

/// How a trigger word is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A verb form; `participle` for -ed/-en and irregular past forms (passive candidates).
    Verb {
        participle: bool,
    },
    Noun,
    /// A noun naming the other party ("ally", "rival").
    Agent,
}

/// One trigger: its words (lowercase tokens), rule index and form.
#[derive(Clone, Debug)]
pub struct Trigger {
    pub words: Vec<String>,
    pub rule: usize,
    pub form: Form,
}

/// Triggers indexed by their first word; longest first.
#[derive(Debug, Default)]
pub struct TriggerIndex {
    by_first: HashMap<String, Vec<Trigger>, WordHash>,
    shapes: Shapes,
}

impl TriggerIndex {
    fn add(&mut self, words: Vec<String>, rule: usize, form: Form) {
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        if !list
            .iter()
            .any(|t| t.words == words && t.rule == rule && t.form == form)
        {
            list.push(Trigger { words, rule, form });
        }
    }

    fn finish(&mut self) {
        for (first, list) in &mut self.by_first {
            list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
            self.shapes.add(first);
        }
    }

    /// All triggers matching at token `i`, longest first.
    pub fn at<'a>(
        &'a self,
        tokens: &'a super::text::Tokens,
        i: usize,
    ) -> impl Iterator<Item = &'a Trigger> + 'a {
        let word = tokens.lower(i);
        self.shapes
            .may_hold(word)
            .then(|| self.by_first.get(word))
            .flatten()
            .into_iter()
            .flatten()
            .filter(move |t| tokens.matches_at(i, &t.words))
    }

    /// Adds a verb lemma with its generated forms (only the first word of a multi-word verb is inflected).
    fn add_verb(&mut self, lemma: &str, rule: usize) {
        let words = phrase_tokens(lemma);
        let Some((head, rest)) = words.split_first() else {
            return;
        };
        for (form, participle) in inflections(head) {
            let mut w = vec![form];
            w.extend(rest.iter().cloned());
            self.add(w, rule, Form::Verb { participle });
        }
    }

    fn add_irregular(&mut self, form: &str, rule: usize) {
        let words = phrase_tokens(form);
        let participle = !words.first().is_some_and(|w| w.ends_with("ing"));
        self.add(words, rule, Form::Verb { participle });
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The base, -s, -ed and -ing forms of a regular verb (lowercase), with the participle flag.
pub fn inflections(lemma: &str) -> Vec<(String, bool)> {
    let mut out = vec![(lemma.to_owned(), false)];
    let chars: Vec<char> = lemma.chars().collect();
    let Some(&last) = chars.last() else {
        return out;
    };
    let before = chars
        .len()
        .checked_sub(2)
        .and_then(|k| chars.get(k))
        .copied();
    let stem = &lemma[..lemma.len() - last.len_utf8()];
    if last == 'y' && before.is_some_and(|b| !is_vowel(b)) {
        out.push((format!("{stem}ies"), false));
        out.push((format!("{stem}ied"), true));
        out.push((format!("{lemma}ing"), false));
    } else if last == 'e' {
        out.push((format!("{lemma}s"), false));
        out.push((format!("{lemma}d"), true));
        if before == Some('e') {
            out.push((format!("{lemma}ing"), false));
        } else {
            out.push((format!("{stem}ing"), false));
        }
    } else {
        if lemma.ends_with('s')
            || lemma.ends_with('x')
            || lemma.ends_with("ch")
            || lemma.ends_with("sh")
            || lemma.ends_with('z')
        {
            out.push((format!("{lemma}es"), false));
        } else {
            out.push((format!("{lemma}s"), false));
        }
        out.push((format!("{lemma}ed"), true));
        out.push((format!("{lemma}ing"), false));
    }
    out
}

/// A relation rule from `relations.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RelationRule {
    pub kind: String,
    pub polarity: Polarity,
    pub directed: bool,
    pub verbs: Vec<String>,
    pub forms: Vec<String>,
    pub phrases: Vec<String>,
    pub preps: Vec<String>,
    pub nouns: Vec<String>,
    pub noun_preps: Vec<String>,
    pub agents: Vec<String>,
    /// A third party between two others ("mediation between A and B"): the subject relates to
    /// each of them, not they to each other.
    pub third_party: bool,
    /// The subject of a that-clause after the verb is its object ("demanded that X leave").
    pub that_object: bool,
    /// `[sentence, source, target]`.
    pub examples: Vec<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RelationsFile {
    relation: Vec<RelationRule>,
}

/// The relation rules and their trigger index.
#[derive(Debug, Default)]
pub struct RelationRules {
    pub rules: Vec<RelationRule>,
    pub triggers: TriggerIndex,
}

impl RelationRules {
    /// The index of the rule of relation kind `kind` ("sanction", "demand" …).
    pub fn index_of(&self, kind: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.kind == kind)
    }
}

/// Parses relation rules from TOML text (used for the shipped file and in tests).
pub fn parse_relation_rules(text: &str) -> Result<RelationRules, toml::de::Error> {
    let file: RelationsFile = toml::from_str(text)?;
    let mut triggers = TriggerIndex::default();
    for (k, rule) in file.relation.iter().enumerate() {
        for v in &rule.verbs {
            triggers.add_verb(v, k);
        }
        for f in rule.forms.iter().chain(&rule.phrases) {
            triggers.add_irregular(f, k);
        }
        for n in &rule.nouns {
            triggers.add(phrase_tokens(n), k, Form::Noun);
        }
        for a in &rule.agents {
            triggers.add(phrase_tokens(a), k, Form::Agent);
        }
    }
    triggers.finish();
    Ok(RelationRules {
        rules: file.relation,
        triggers,
    })
}

pub fn relation_rules() -> &'static RelationRules {
    static RULES: OnceLock<RelationRules> = OnceLock::new();
    RULES.get_or_init(|| {
        parse_relation_rules(include_str!("../../assets/rules/relations.toml")).unwrap_or_default()
    })
}

/// Whether a lowercase word ends a relation rule's agent noun ("ally", "son", "rival"): "X, a
/// close ally of Y" relates X to Y rather than giving X a role at Y.
pub fn is_agent_noun(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            relation_rules()
                .rules
                .iter()
                .flat_map(|r| &r.agents)
                .filter_map(|a| a.split_whitespace().last())
                .map(str::to_lowercase)
                .collect()
        })
        .contains(word)
}

/// An event rule from `events.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EventRule {
    pub kind: String,
    pub nouns: Vec<String>,
    pub verbs: Vec<String>,
    pub forms: Vec<String>,
    /// Multi-word verbs ("took office"), matched like irregular forms.
    pub phrases: Vec<String>,
    pub label: String,
    /// Nouns after which a noun trigger only modifies ("fire danger", "war crimes").
    pub modifies: Vec<String>,
    /// Words right before a noun trigger that make it a figure of speech ("won in a
    /// landslide").
    pub not_after: Vec<String>,
    /// `[sentence, kind]`.
    pub examples: Vec<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EventsFile {
    event: Vec<EventRule>,
}

#[derive(Debug, Default)]
pub struct EventRules {
    pub rules: Vec<EventRule>,
    pub triggers: TriggerIndex,
}

impl EventRules {
    /// Whether any trigger occurs in the tokens (to skip time normalisation otherwise).
    pub fn triggers_in(&self, tokens: &super::text::Tokens) -> bool {
        (0..tokens.len()).any(|i| self.triggers.at(tokens, i).next().is_some())
    }
}

pub fn parse_event_rules(text: &str) -> Result<EventRules, toml::de::Error> {
    let file: EventsFile = toml::from_str(text)?;
    let mut triggers = TriggerIndex::default();
    for (k, rule) in file.event.iter().enumerate() {
        for v in &rule.verbs {
            triggers.add_verb(v, k);
        }
        for f in rule.forms.iter().chain(&rule.phrases) {
            triggers.add_irregular(f, k);
        }
        for n in &rule.nouns {
            triggers.add(phrase_tokens(n), k, Form::Noun);
        }
    }
    triggers.finish();
    Ok(EventRules {
        rules: file.event,
        triggers,
    })
}

pub fn event_rules() -> &'static EventRules {
    static RULES: OnceLock<EventRules> = OnceLock::new();
    RULES.get_or_init(|| {
        parse_event_rules(include_str!("../../assets/rules/events.toml")).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rule_files_parse() {
        assert!(
            parse_relation_rules(include_str!("../../assets/rules/relations.toml"))
                .is_ok_and(|r| r.rules.len() > 15)
        );
        assert!(
            parse_event_rules(include_str!("../../assets/rules/events.toml"))
                .is_ok_and(|r| r.rules.len() > 15)
        );
        assert!(lexicon().speech.contains("said"));
        assert!(lexicon().org_suffixes.contains("Corp"));
        assert!(given_names().contains("Maria"));
    }

    #[test]
    fn verbs_inflect() {
        let forms: Vec<String> = inflections("supply").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, vec!["supply", "supplies", "supplied", "supplying"]);
        let forms: Vec<String> = inflections("finance").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, vec!["finance", "finances", "financed", "financing"]);
        let forms: Vec<String> = inflections("watch").into_iter().map(|f| f.0).collect();
        assert_eq!(forms, vec!["watch", "watches", "watched", "watching"]);
    }

    #[test]
    fn titles_match_longest() {
        let text = "Secretary of State Antony Blinken";
        let toks = super::super::text::Tokens::new(text, 0, text.len());
        assert_eq!(titles().longest_at(&toks, 0), Some((3, false)));
    }
}
