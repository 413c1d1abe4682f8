//! The knowledge base's surface forms in one Aho-Corasick automaton (leftmost-longest,
//! case-sensitive, whole words), built once per knowledge base and cached.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::kb::KnowledgeBase;

/// A knowledge-base entity by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KbRef {
    Country(usize),
    Org(usize),
    Person(usize),
}

/// How a surface form refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SurfaceForm {
    /// The name or an alias.
    Name,
    /// A person's surname alone ("Putin").
    Surname,
    /// A capital or seat of power standing for a government ("Moscow", "White House").
    Metonym,
    /// An adjective or people ("Russian", "North Koreans").
    Demonym,
    /// Valid only once the entity is named ("the North", "the alliance").
    Context,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    pub kb: KbRef,
    pub form: SurfaceForm,
}

/// A match of a surface form in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    entries: Vec<Vec<Entry>>,
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Forms to add for one written form: the article of "the X" is dropped (a context alias
/// requires it in the text, see [`Gazetteer::find`]); lowercase context aliases gain a
/// capitalised variant.
fn variants(form: &str, kind: SurfaceForm) -> Vec<String> {
    let form = form.trim();
    let form = form
        .strip_prefix("the ")
        .or_else(|| form.strip_prefix("The "))
        .unwrap_or(form)
        .trim();
    if form.is_empty() {
        return Vec::new();
    }
    let mut out = vec![form.to_owned()];
    if kind == SurfaceForm::Context && !super::text::starts_upper(form) {
        out.push(capitalize(form));
    }
    out
}

impl Gazetteer {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut map: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |form: &str, kb: KbRef, kind: SurfaceForm| {
            for v in variants(form, kind) {
                let list = map.entry(v).or_default();
                let e = Entry { kb, form: kind };
                if !list.contains(&e) {
                    list.push(e);
                }
            }
        };
        for (i, c) in kb.countries.iter().enumerate() {
            let r = KbRef::Country(i);
            add(&c.name, r, SurfaceForm::Name);
            c.aliases.iter().for_each(|a| add(a, r, SurfaceForm::Name));
            c.metonyms
                .iter()
                .for_each(|a| add(a, r, SurfaceForm::Metonym));
            if let Some(cap) = &c.capital {
                add(cap, r, SurfaceForm::Metonym);
            }
            c.demonyms
                .iter()
                .for_each(|a| add(a, r, SurfaceForm::Demonym));
            c.context_aliases
                .iter()
                .for_each(|a| add(a, r, SurfaceForm::Context));
        }
        for (i, o) in kb.organizations.iter().enumerate() {
            let r = KbRef::Org(i);
            add(&o.name, r, SurfaceForm::Name);
            o.aliases.iter().for_each(|a| add(a, r, SurfaceForm::Name));
            o.demonyms
                .iter()
                .for_each(|a| add(a, r, SurfaceForm::Demonym));
            o.context_aliases
                .iter()
                .for_each(|a| add(a, r, SurfaceForm::Context));
        }
        for (i, p) in kb.people.iter().enumerate() {
            let r = KbRef::Person(i);
            add(&p.name, r, SurfaceForm::Name);
            p.aliases.iter().for_each(|a| add(a, r, SurfaceForm::Name));
            // "Charles Q. Brown Jr." goes by "Brown": a generation's mark is no surname.
            let words: Vec<&str> = p
                .name
                .split_whitespace()
                .filter(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"))
                .collect();
            if let Some(&last) = words.last()
                && words.len() > 1
                && last.chars().count() > 2
            {
                add(last, r, SurfaceForm::Surname);
                let bare = super::resolve::strip_particle(last);
                if bare != last && bare.chars().count() > 2 {
                    add(bare, r, SurfaceForm::Surname);
                }
                // "Volodymyr Zelenskiy" goes by "Zelenskiy": another spelling of the full name
                // gives another spelling of the surname.
                for alias in &p.aliases {
                    let a: Vec<&str> = alias.split_whitespace().collect();
                    if let [first, .., alias_last] = a.as_slice()
                        && Some(first) == words.first()
                        && alias_last != &last
                        && alias_last.chars().count() > 3
                        && alias_last.chars().take(4).eq(last.chars().take(4))
                        && !matches!(*alias_last, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III")
                    {
                        add(alias_last, r, SurfaceForm::Surname);
                    }
                }
            }
        }
        // A form that is a name of one entity wins over weaker forms of others.
        for list in map.values_mut() {
            if list.iter().any(|e| e.form == SurfaceForm::Name) {
                list.retain(|e| e.form == SurfaceForm::Name);
            }
        }
        // "New Mexico", "Northern Ireland": a region's name holding a country's is matched
        // whole, with no entity, so that the country inside it is not found (the region is
        // then a name like any other, and a place).
        for name in super::rules::regions().keys() {
            map.entry(name.clone()).or_default();
        }
        let mut patterns: Vec<(String, Vec<Entry>)> = map.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| p.0.as_str()))
            .ok();
        Self {
            automaton,
            entries: patterns.into_iter().map(|p| p.1).collect(),
        }
    }

    /// Whole-word matches in `text`, in text order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = text
                .get(..s)
                .and_then(|b| b.chars().next_back())
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text
                .get(e..)
                .and_then(|a| a.chars().next())
                .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok || !after_ok || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let Some(entries) = self
                .entries
                .get(m.pattern().as_usize())
                .filter(|e| !e.is_empty())
            else {
                continue;
            };
            let mut start = s;
            if entries.iter().all(|x| x.form == SurfaceForm::Context) {
                // A context alias needs its article: "the North", "the alliance".
                let before = text.get(s.saturating_sub(4)..s).unwrap_or("");
                if !before.eq_ignore_ascii_case("the ")
                    || (s >= 5
                        && text
                            .get(s - 5..s - 4)
                            .is_some_and(|c| c.chars().all(char::is_alphanumeric)))
                {
                    continue;
                }
                // "the North Atlantic": a longer name goes on.
                let next_upper = text.get(e..).is_some_and(|a| {
                    a.starts_with(' ') && a[1..].chars().next().is_some_and(char::is_uppercase)
                });
                if next_upper {
                    continue;
                }
                start = s - 4;
            }
            out.push(Hit {
                start,
                end: e,
                entries: entries.clone(),
            });
        }
        out
    }
}

fn fingerprint(kb: &KnowledgeBase) -> u64 {
    let mut h = DefaultHasher::new();
    for c in &kb.countries {
        (
            &c.id,
            &c.name,
            &c.aliases,
            &c.capital,
            &c.metonyms,
            &c.demonyms,
            &c.context_aliases,
        )
            .hash(&mut h);
    }
    for o in &kb.organizations {
        (&o.id, &o.name, &o.aliases, &o.context_aliases, &o.demonyms).hash(&mut h);
    }
    for p in &kb.people {
        (&p.id, &p.name, &p.aliases).hash(&mut h);
    }
    h.finish()
}

/// The gazetteer for `kb`, built on first use and reused while the same knowledge base is passed.
/// Recently built gazetteers by knowledge-base fingerprint.
type Cache = Mutex<Vec<(u64, Arc<Gazetteer>)>>;

pub fn gazetteer(kb: &KnowledgeBase) -> Arc<Gazetteer> {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = fingerprint(kb);
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    if let Ok(guard) = cache.lock()
        && let Some((_, g)) = guard.iter().find(|(k, _)| *k == key)
    {
        return Arc::clone(g);
    }
    let built = Arc::new(Gazetteer::new(kb));
    if let Ok(mut guard) = cache.lock() {
        if guard.len() >= 4 {
            guard.remove(0);
        }
        guard.push((key, Arc::clone(&built)));
    }
    built
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::kb::{Country, Organization};

    fn kb() -> KnowledgeBase {
        KnowledgeBase {
            countries: vec![Country {
                id: "north-korea".into(),
                name: "North Korea".into(),
                aliases: vec!["DPRK".into()],
                capital: Some("Pyongyang".into()),
                demonyms: vec!["North Korean".into()],
                context_aliases: vec!["the North".into()],
                ..Country::default()
            }],
            organizations: vec![Organization {
                id: "nato".into(),
                name: "NATO".into(),
                context_aliases: vec!["the alliance".into()],
                ..Organization::default()
            }],
            people: vec![],
        }
    }

    #[test]
    fn finds_whole_words_longest_first() {
        let g = Gazetteer::new(&kb());
        let text = "The North Korean leader; North Korea's NATOs; the alliance. The alliance, an alliance, the North";
        let hits: Vec<&str> = g.find(text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(
            hits,
            vec![
                "North Korean",
                "North Korea",
                "the alliance",
                "The alliance",
                "the North"
            ]
        );
    }

    #[test]
    fn cache_reuses_the_same_automaton() {
        let kb = kb();
        assert!(Arc::ptr_eq(&gazetteer(&kb), &gazetteer(&kb)));
    }
}
