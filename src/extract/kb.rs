//! The knowledge base of entities: countries, organizations and office holders, loaded from
//! `assets/kb/` (compiled into the binary). It lists entities only, never events or relations.
//!
//! Three TOML files feed it: `countries.toml` (`[[countries]]`), `organizations.toml`
//! (`[[organizations]]`) and `people.toml` (`[[people]]`). [`KnowledgeBase::embedded`] parses them
//! once; [`KnowledgeBase::surface_forms`] flattens every name, alias, metonym, demonym and context
//! alias into one list for a gazetteer matcher, each form pointing back at its entity.
//!
//! Conventions of the data:
//! - Names, aliases, metonyms and demonyms are listed without a leading "the" ("Kremlin",
//!   "White House"); a matcher may accept an optional "the" before them. Context aliases keep
//!   their "the" ("the North", "the alliance"), which they cannot do without.
//! - Matching is meant to be case-sensitive: "Polish" the demonym, not "polish" the verb.
//! - Term dates are inclusive; a handover day is covered by both the outgoing and the incoming
//!   holder's terms.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

/// The embedded data files, compiled in.
const COUNTRIES_TOML: &str = include_str!("../../assets/kb/countries.toml");
const ORGANIZATIONS_TOML: &str = include_str!("../../assets/kb/organizations.toml");
const PEOPLE_TOML: &str = include_str!("../../assets/kb/people.toml");

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct KnowledgeBase {
    pub countries: Vec<Country>,
    pub organizations: Vec<Organization>,
    pub people: Vec<Person>,
}

/// A country (or territory treated as one).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    /// The id of a country in which a region bears the same name (Georgia, a U.S. state): in a
    /// document that names that country and neither this one's capital nor its demonyms, the
    /// name is that region, a location.
    pub region_of: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    /// Places that stand for the organization in news ("Brussels" for the European Union).
    pub metonyms: Vec<String>,
}

/// A prominent person and the offices they held.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    pub id: String,
    /// Full canonical name ("Vladimir Putin").
    pub name: String,
    /// Other full names and spellings ("Vladimir Vladimirovich Putin"); surnames are a rule.
    pub aliases: Vec<String>,
    /// Offices held, the primary office of a period listed first.
    pub terms: Vec<Term>,
}

/// One office held from `start` to `end` (inclusive; open-ended when `end` is `None`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Term {
    pub role: String,
    /// A country or organization id.
    pub affiliation: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// Which entity a surface form points to: an index into [`KnowledgeBase::countries`],
/// [`KnowledgeBase::organizations`] or [`KnowledgeBase::people`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KbRef {
    Country(usize),
    Organization(usize),
    Person(usize),
}

/// How a surface form refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FormKind {
    /// The canonical name.
    Name,
    /// Another full name, spelling or acronym; as reliable as the name.
    Alias,
    /// A place standing for a government or organization ("Kremlin", "Brussels"); a place
    /// itself after "in/at/to/from".
    Metonym,
    /// An adjective or plural noun ("Russian", "Russians").
    Demonym,
    /// A short reference valid only once the entity is named in the document ("the North").
    ContextAlias,
}

/// One string a matcher may find in text, and the entity it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurfaceForm {
    pub text: String,
    pub target: KbRef,
    pub form: FormKind,
}

/// A data file of the knowledge base that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("The knowledge-base file assets/kb/{file} is not valid: {reason}")]
pub struct KbError {
    pub file: &'static str,
    pub reason: String,
}

impl KnowledgeBase {
    /// The knowledge base shipped in `assets/kb/`, parsed once. If a file does not parse, the
    /// error goes to stderr and the knowledge base is empty: extraction still runs on rules.
    pub fn embedded() -> &'static KnowledgeBase {
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        KB.get_or_init(|| {
            KnowledgeBase::parse_embedded().unwrap_or_else(|error| {
                eprintln!("dossier: {error} Going on with an empty knowledge base.");
                KnowledgeBase::default()
            })
        })
    }

    /// Parses the embedded data files, reporting the first that fails.
    pub fn parse_embedded() -> Result<KnowledgeBase, KbError> {
        KnowledgeBase::from_toml(COUNTRIES_TOML, ORGANIZATIONS_TOML, PEOPLE_TOML)
    }

    /// Parses the three data files' texts (countries, organizations, people) into one base.
    pub fn from_toml(
        countries: &str,
        organizations: &str,
        people: &str,
    ) -> Result<KnowledgeBase, KbError> {
        let parse = |file: &'static str, text: &str| {
            toml::from_str::<KnowledgeBase>(text).map_err(|error| KbError {
                file,
                reason: error.to_string().trim_end().to_owned(),
            })
        };
        let mut kb = KnowledgeBase {
            countries: parse("countries.toml", countries)?.countries,
            organizations: parse("organizations.toml", organizations)?.organizations,
            people: parse("people.toml", people)?.people,
        };
        kb.add_armed_forces();
        Ok(kb)
    }

    /// The country with this id.
    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries.iter().find(|country| country.id == id)
    }

    /// The organization with this id.
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|org| org.id == id)
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|person| person.id == id)
    }

    /// The entity an id names, looking at countries, then organizations, then people (ids are
    /// unique across all three). This resolves a term's affiliation or an organization's country.
    pub fn resolve(&self, id: &str) -> Option<KbRef> {
        if let Some(i) = self.countries.iter().position(|c| c.id == id) {
            return Some(KbRef::Country(i));
        }
        if let Some(i) = self.organizations.iter().position(|o| o.id == id) {
            return Some(KbRef::Organization(i));
        }
        self.people
            .iter()
            .position(|p| p.id == id)
            .map(KbRef::Person)
    }

    /// The id of the entity a reference points to, or `None` when the index is out of range.
    pub fn id_of(&self, target: KbRef) -> Option<&str> {
        match target {
            KbRef::Country(i) => self.countries.get(i).map(|c| c.id.as_str()),
            KbRef::Organization(i) => self.organizations.get(i).map(|o| o.id.as_str()),
            KbRef::Person(i) => self.people.get(i).map(|p| p.id.as_str()),
        }
    }

    /// The canonical name of the entity a reference points to.
    pub fn name_of(&self, target: KbRef) -> Option<&str> {
        match target {
            KbRef::Country(i) => self.countries.get(i).map(|c| c.name.as_str()),
            KbRef::Organization(i) => self.organizations.get(i).map(|o| o.name.as_str()),
            KbRef::Person(i) => self.people.get(i).map(|p| p.name.as_str()),
        }
    }

    /// Every person holding an office of `affiliation` on `date` whose role contains `role`
    /// (case-insensitive; an empty `role` matches every office), with that term. On a handover
    /// day both holders are returned, the one whose term started later first.
    pub fn holders_on(
        &self,
        affiliation: &str,
        role: &str,
        date: NaiveDate,
    ) -> Vec<(&Person, &Term)> {
        let role = role.to_lowercase();
        let mut holders: Vec<(&Person, &Term)> = self
            .people
            .iter()
            .flat_map(|person| person.terms.iter().map(move |term| (person, term)))
            .filter(|(_, term)| {
                term.affiliation == affiliation
                    && term.covers(date)
                    && term.role.to_lowercase().contains(&role)
            })
            .collect();
        holders.sort_by_key(|holder| std::cmp::Reverse(holder.1.start));
        holders
    }

    /// Every surface form of every entity: names, aliases, metonyms, demonyms and context
    /// aliases, in the order of the data files. A form written with a straight apostrophe
    /// ("People's Republic of China") is also listed with a typographic one (U+2019), as news
    /// text often has it. The same text may point to several entities (a shared demonym);
    /// the data keeps names and aliases unambiguous.
    pub fn surface_forms(&self) -> Vec<SurfaceForm> {
        let mut forms = Vec::new();
        let mut push = |text: &str, target: KbRef, form: FormKind| {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            forms.push(SurfaceForm {
                text: text.to_owned(),
                target,
                form,
            });
            if text.contains('\'') {
                forms.push(SurfaceForm {
                    text: text.replace('\'', "\u{2019}"),
                    target,
                    form,
                });
            }
        };
        for (i, country) in self.countries.iter().enumerate() {
            let target = KbRef::Country(i);
            push(&country.name, target, FormKind::Name);
            country
                .aliases
                .iter()
                .for_each(|t| push(t, target, FormKind::Alias));
            country
                .metonyms
                .iter()
                .for_each(|t| push(t, target, FormKind::Metonym));
            country
                .demonyms
                .iter()
                .for_each(|t| push(t, target, FormKind::Demonym));
            let context = country.context_aliases.iter();
            context.for_each(|t| push(t, target, FormKind::ContextAlias));
        }
        for (i, org) in self.organizations.iter().enumerate() {
            let target = KbRef::Organization(i);
            push(&org.name, target, FormKind::Name);
            org.aliases
                .iter()
                .for_each(|t| push(t, target, FormKind::Alias));
            org.metonyms
                .iter()
                .for_each(|t| push(t, target, FormKind::Metonym));
            org.demonyms
                .iter()
                .for_each(|t| push(t, target, FormKind::Demonym));
            let context = org.context_aliases.iter();
            context.for_each(|t| push(t, target, FormKind::ContextAlias));
        }
        for (i, person) in self.people.iter().enumerate() {
            let target = KbRef::Person(i);
            push(&person.name, target, FormKind::Name);
            person
                .aliases
                .iter()
                .for_each(|t| push(t, target, FormKind::Alias));
        }
        forms
    }
}

/// A name a user gave an entity: `alias` is to resolve to the entity called `name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraAlias {
    pub alias: String,
    pub name: String,
    pub kind: crate::model::ActorKind,
}

impl KnowledgeBase {
    /// This base with the user's names added: an alias of a listed entity joins its aliases; an
    /// entity not listed is added with the alias, so extraction finds and resolves it.
    #[must_use]
    pub fn with_aliases(&self, extra: &[ExtraAlias]) -> KnowledgeBase {
        use crate::model::ActorKind;
        let mut kb = self.clone();
        for x in extra {
            let same = |n: &str| n.eq_ignore_ascii_case(&x.name);
            let listed: Option<&mut Vec<String>> = match x.kind {
                ActorKind::Person => kb
                    .people
                    .iter_mut()
                    .find(|p| same(&p.name))
                    .map(|p| &mut p.aliases),
                ActorKind::Country | ActorKind::Place => kb
                    .countries
                    .iter_mut()
                    .find(|c| same(&c.name))
                    .map(|c| &mut c.aliases),
                ActorKind::Organization | ActorKind::Group => kb
                    .organizations
                    .iter_mut()
                    .find(|o| same(&o.name))
                    .map(|o| &mut o.aliases),
            };
            if let Some(aliases) = listed {
                if !aliases.contains(&x.alias) {
                    aliases.push(x.alias.clone());
                }
                continue;
            }
            let id = format!("user-{}", crate::model::slug(&x.name));
            match x.kind {
                ActorKind::Person => kb.people.push(Person {
                    id,
                    name: x.name.clone(),
                    aliases: vec![x.alias.clone()],
                    terms: Vec::new(),
                }),
                ActorKind::Organization | ActorKind::Group => {
                    kb.organizations.push(Organization {
                        id,
                        name: x.name.clone(),
                        aliases: vec![x.alias.clone()],
                        kind: if x.kind == ActorKind::Group {
                            "group"
                        } else {
                            "organization"
                        }
                        .to_owned(),
                        ..Organization::default()
                    });
                }
                // Every country is listed; a place is not an actor of its own.
                ActorKind::Country | ActorKind::Place => {}
            }
        }
        kb
    }
}

/// Words that name a country's armed forces.
const ARMED_FORCES: &[&str] = &["army", "military", "armed forces"];

impl KnowledgeBase {
    /// Every country has armed forces that news names by pattern ("Sudan's army", "the Sudanese
    /// military") and, once named, as "the army" or "the military". Completes the listed armed
    /// forces with those forms and adds one entity for each country that has none listed.
    fn add_armed_forces(&mut self) {
        for country in &self.countries {
            let Some(demonym) = country.demonyms.first() else {
                continue;
            };
            let mut forms = Vec::new();
            for word in ARMED_FORCES {
                forms.push(format!("{demonym} {word}"));
                forms.push(format!("{}'s {word}", country.name));
            }
            let context: Vec<String> = ARMED_FORCES.iter().map(|w| format!("the {w}")).collect();
            let listed = self.organizations.iter().position(|o| {
                o.country.as_deref() == Some(country.id.as_str())
                    && std::iter::once(&o.name)
                        .chain(&o.aliases)
                        .any(|n| ARMED_FORCES.iter().any(|w| n.to_lowercase().ends_with(w)))
            });
            let index = listed.unwrap_or_else(|| {
                self.organizations.push(Organization {
                    id: format!("{}-armed-forces", country.id),
                    name: format!("{demonym} Armed Forces"),
                    kind: "organization".to_owned(),
                    country: Some(country.id.clone()),
                    ..Organization::default()
                });
                self.organizations.len() - 1
            });
            let Some(org) = self.organizations.get_mut(index) else {
                continue;
            };
            for form in forms {
                if form != org.name && !org.aliases.contains(&form) {
                    org.aliases.push(form);
                }
            }
            for form in context {
                if !org.context_aliases.contains(&form) {
                    org.context_aliases.push(form);
                }
            }
        }
    }
}

impl Person {
    /// The term covering `date`: the first listed when several do (the primary office comes
    /// first in the data). With no date, the latest term: the one ending last (open-ended
    /// counts as latest), the first listed among equals. `None` if no term qualifies.
    pub fn term_on(&self, date: Option<NaiveDate>) -> Option<&Term> {
        if let Some(date) = date {
            return self.terms.iter().find(|term| term.covers(date));
        }
        let mut latest: Option<&Term> = None;
        for term in &self.terms {
            let later = latest.is_none_or(|best| match (best.end, term.end) {
                (Some(_), None) => true,
                (Some(best_end), Some(end)) => end > best_end,
                (None, _) => false,
            });
            if later {
                latest = Some(term);
            }
        }
        latest
    }
}

impl Term {
    /// Whether `date` falls within the term, bounds included; a missing bound is open.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|start| start <= date) && self.end.is_none_or(|end| date <= end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse_and_are_not_trivial() {
        let kb = match KnowledgeBase::parse_embedded() {
            Ok(kb) => kb,
            Err(error) => panic!("{error}"),
        };
        assert!(
            kb.countries.len() >= 195,
            "{} countries",
            kb.countries.len()
        );
        assert!(
            kb.organizations.len() >= 100,
            "{} organizations",
            kb.organizations.len()
        );
        assert!(kb.people.len() >= 200, "{} people", kb.people.len());
        assert_eq!(
            KnowledgeBase::embedded().countries.len(),
            kb.countries.len()
        );
    }

    #[test]
    fn bad_toml_names_the_file() {
        let Err(error) = KnowledgeBase::from_toml("", "[[organizations]]\nid = 3", "") else {
            panic!("a number as an id must not parse");
        };
        assert_eq!(error.file, "organizations.toml");
        assert!(
            error
                .to_string()
                .starts_with("The knowledge-base file assets/kb/organizations.toml")
        );
    }

    #[test]
    fn term_on_picks_the_covering_or_latest_term() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let term = |role: &str, start: &str, end: &str| Term {
            role: role.to_owned(),
            affiliation: "x".to_owned(),
            start: day(start),
            end: day(end),
        };
        let person = Person {
            terms: vec![
                term("Prime Minister", "2008-05-08", "2012-05-07"),
                term("President", "2000-05-07", "2008-05-07"),
                term("President", "2012-05-07", ""),
            ],
            ..Person::default()
        };
        let role_on = |d: &str| person.term_on(day(d)).map(|t| t.role.as_str());
        assert_eq!(role_on("2010-01-01"), Some("Prime Minister"));
        assert_eq!(role_on("2001-01-01"), Some("President"));
        assert_eq!(role_on("1999-01-01"), None);
        assert_eq!(
            person.term_on(None).and_then(|t| t.start),
            day("2012-05-07")
        );
    }
}
