//! The knowledge base of entities: countries, organizations and office holders, loaded from
//! `assets/kb/` (compiled into the binary). It lists entities only, never events or relations.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct KnowledgeBase {
    pub countries: Vec<Country>,
    pub organizations: Vec<Organization>,
    pub people: Vec<Person>,
}

/// A country (or territory treated as one).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Country {
    /// Stable slug, e.g. `north-korea`.
    pub id: String,
    /// Canonical short name, e.g. "North Korea".
    pub name: String,
    /// Other names: official and short forms ("Democratic People's Republic of Korea", "DPRK").
    pub aliases: Vec<String>,
    pub capital: Option<String>,
    /// Names that stand for the government: the capital and seats of power ("Pyongyang",
    /// "the Kremlin", "the White House"). A metonym right after "in/at/to/from" is a place.
    pub metonyms: Vec<String>,
    /// Adjectival and plural demonyms ("North Korean", "North Koreans").
    pub demonyms: Vec<String>,
    /// Short references valid only once the country is named in the document ("the North").
    pub context_aliases: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Organization {
    pub id: String,
    /// Canonical name as news writes it ("NATO", "European Union", "United Nations").
    pub name: String,
    pub aliases: Vec<String>,
    /// Short references valid only once the organization is named ("the alliance", "the bloc").
    pub context_aliases: Vec<String>,
    /// "organization" or "group" (armed groups, movements).
    pub kind: String,
    /// The country an organization belongs to (a ministry, a party, a company), if any.
    pub country: Option<String>,
    /// Adjectives derived from the name, if any.
    pub demonyms: Vec<String>,
}

/// A prominent person and the offices they held.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: String,
    /// Full canonical name ("Vladimir Putin").
    pub name: String,
    /// Other full names and spellings ("Vladimir Vladimirovich Putin"); surnames are a rule.
    pub aliases: Vec<String>,
    pub terms: Vec<Term>,
}

/// One office held from `start` to `end` (inclusive; open-ended when `end` is `None`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Term {
    pub role: String,
    /// A country or organization id.
    pub affiliation: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl KnowledgeBase {
    /// The knowledge base shipped in `assets/kb/`, parsed once.
    pub fn embedded() -> &'static KnowledgeBase {
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        KB.get_or_init(KnowledgeBase::default)
    }
}
