//! Consistency checks of the embedded knowledge base (`assets/kb/`): unique ids, references
//! that resolve, ordered term dates, one holder per office at a time, unambiguous names and
//! aliases, and spot checks of entities the extractor relies on.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use dossier::extract::kb::{FormKind, KbRef, KnowledgeBase, SurfaceForm};

fn kb() -> KnowledgeBase {
    match KnowledgeBase::parse_embedded() {
        Ok(kb) => kb,
        Err(error) => panic!("{error}"),
    }
}

fn day(text: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => date,
        Err(error) => panic!("bad test date {text}: {error}"),
    }
}

/// The forms with this exact text.
fn forms_of<'a>(forms: &'a [SurfaceForm], text: &str) -> Vec<&'a SurfaceForm> {
    forms.iter().filter(|form| form.text == text).collect()
}

#[test]
fn sizes_are_as_documented() {
    let kb = kb();
    let forms = kb.surface_forms();
    println!(
        "knowledge base: {} countries, {} organizations, {} people, {} surface forms",
        kb.countries.len(),
        kb.organizations.len(),
        kb.people.len(),
        forms.len()
    );
    // 193 UN members, the Holy See and Palestine, plus Taiwan, Kosovo and Hong Kong, and seven
    // former states (Soviet Union, North and South Vietnam, East and West Germany, Yugoslavia,
    // Czechoslovakia).
    assert_eq!(kb.countries.len(), 205);
    assert!(kb.organizations.len() >= 200, "{}", kb.organizations.len());
    assert!(kb.people.len() >= 500, "{}", kb.people.len());
    for id in [
        "taiwan",
        "kosovo",
        "palestine",
        "hong-kong",
        "vatican",
        "tuvalu",
        "eswatini",
    ] {
        assert!(kb.country(id).is_some(), "missing country {id}");
    }
}

#[test]
fn ids_are_unique_slugs() {
    let kb = kb();
    let ids = kb
        .countries
        .iter()
        .map(|c| c.id.as_str())
        .chain(kb.organizations.iter().map(|o| o.id.as_str()))
        .chain(kb.people.iter().map(|p| p.id.as_str()));
    let mut seen = HashSet::new();
    let mut duplicates = Vec::new();
    for id in ids {
        let slug = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(slug, "id {id:?} is not a slug");
        if !seen.insert(id) {
            duplicates.push(id);
        }
    }
    assert!(duplicates.is_empty(), "duplicate ids: {duplicates:?}");
}

#[test]
fn every_reference_resolves() {
    let kb = kb();
    let mut broken = Vec::new();
    for org in &kb.organizations {
        assert!(
            org.kind == "organization" || org.kind == "group",
            "{}: kind {:?}",
            org.id,
            org.kind
        );
        if let Some(country) = &org.country
            && kb.country(country).is_none()
        {
            broken.push(format!("organization {}: country {country}", org.id));
        }
    }
    for country in &kb.countries {
        if let Some(host) = &country.region_of
            && (kb.country(host).is_none() || host == &country.id)
        {
            broken.push(format!("country {}: region_of {host}", country.id));
        }
    }
    for person in &kb.people {
        assert!(!person.terms.is_empty(), "{} has no term", person.id);
        for term in &person.terms {
            match kb.resolve(&term.affiliation) {
                Some(KbRef::Country(_) | KbRef::Organization(_)) => {}
                _ => broken.push(format!(
                    "person {}: affiliation {}",
                    person.id, term.affiliation
                )),
            }
        }
    }
    assert!(broken.is_empty(), "unresolved references: {broken:#?}");
}

#[test]
fn term_dates_are_ordered() {
    let kb = kb();
    let latest = day("2026-12-31");
    let mut bad = Vec::new();
    for person in &kb.people {
        for term in &person.terms {
            let Some(start) = term.start else {
                bad.push(format!("{}: {} has no start", person.id, term.role));
                continue;
            };
            if start > latest || term.end.is_some_and(|end| end < start || end > latest) {
                bad.push(format!(
                    "{}: {} {start}..{:?}",
                    person.id, term.role, term.end
                ));
            }
            if term.role.trim().is_empty() {
                bad.push(format!("{}: empty role", person.id));
            }
        }
    }
    assert!(bad.is_empty(), "badly dated terms: {bad:#?}");
}

/// A person's hold on an office: (person id, start, end).
type Holding<'a> = (&'a str, NaiveDate, NaiveDate);

#[test]
fn one_holder_per_office_at_a_time() {
    // Two people in the same role of the same affiliation may share the handover day only.
    let kb = kb();
    // (affiliation, role) → (person, start, end).
    let mut offices: BTreeMap<(&str, &str), Vec<Holding>> = BTreeMap::new();
    let open = day("9999-12-31");
    for person in &kb.people {
        for term in &person.terms {
            let (Some(start), end) = (term.start, term.end.unwrap_or(open)) else {
                continue;
            };
            let key = (term.affiliation.as_str(), term.role.as_str());
            offices
                .entry(key)
                .or_default()
                .push((person.id.as_str(), start, end));
        }
    }
    let mut overlaps = Vec::new();
    for ((affiliation, role), mut holders) in offices {
        holders.sort_by_key(|h| h.1);
        // The term reaching furthest so far, compared with each later-starting term.
        let mut reach: Option<(&str, NaiveDate)> = None;
        for (person, start, end) in holders {
            if let Some((before, until)) = reach
                && before != person
                && start < until
            {
                overlaps.push(format!(
                    "{role} of {affiliation}: {before} until {until}, {person} from {start}"
                ));
            }
            if reach.is_none_or(|(_, until)| end > until) {
                reach = Some((person, end));
            }
        }
    }
    assert!(
        overlaps.is_empty(),
        "overlapping office holders: {overlaps:#?}"
    );
}

#[test]
fn names_and_aliases_point_to_one_entity() {
    let kb = kb();
    let mut targets: BTreeMap<&str, BTreeSet<KbRef>> = BTreeMap::new();
    let forms = kb.surface_forms();
    for form in &forms {
        if matches!(form.form, FormKind::Name | FormKind::Alias) {
            targets
                .entry(form.text.as_str())
                .or_default()
                .insert(form.target);
        }
    }
    let collisions: Vec<String> = targets
        .iter()
        .filter(|(_, refs)| refs.len() > 1)
        .map(|(text, refs)| {
            let names: Vec<&str> = refs.iter().filter_map(|r| kb.name_of(*r)).collect();
            format!("{text:?} → {}", names.join(", "))
        })
        .collect();
    assert!(
        collisions.is_empty(),
        "ambiguous names or aliases: {collisions:#?}"
    );
}

#[test]
fn forms_follow_the_conventions() {
    let kb = kb();
    let mut bad = Vec::new();
    let mut seen = HashSet::new();
    for form in kb.surface_forms() {
        let text = form.text.as_str();
        if text != text.trim() || text.contains("  ") {
            bad.push(format!("{text:?}: stray spaces"));
        }
        match form.form {
            FormKind::ContextAlias if !text.starts_with("the ") => {
                bad.push(format!("{text:?}: a context alias keeps its \"the\""));
            }
            FormKind::Name | FormKind::Alias | FormKind::Metonym if text.starts_with("the ") => {
                bad.push(format!("{text:?}: no lowercase leading \"the\" on names"));
            }
            FormKind::Demonym if !text.starts_with(char::is_uppercase) => {
                bad.push(format!("{text:?}: a demonym is capitalised"));
            }
            _ => {}
        }
        if !seen.insert((form.text.clone(), form.target, form.form)) {
            bad.push(format!("{text:?}: listed twice for the same entity"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn metonyms_and_context_aliases_spot_checks() {
    let kb = kb();
    let forms = kb.surface_forms();
    let north_korea = kb.resolve("north-korea");
    let pyongyang = forms_of(&forms, "Pyongyang");
    assert_eq!(pyongyang.len(), 1);
    assert_eq!(Some(pyongyang[0].target), north_korea);
    assert_eq!(pyongyang[0].form, FormKind::Metonym);

    let nato = kb.resolve("nato");
    for text in ["the alliance", "the Western alliance"] {
        let found = forms_of(&forms, text);
        assert!(
            found
                .iter()
                .any(|f| Some(f.target) == nato && f.form == FormKind::ContextAlias),
            "{text} should be a context alias of NATO: {found:?}"
        );
    }
    assert!(
        forms_of(&forms, "the North")
            .iter()
            .any(|f| Some(f.target) == north_korea)
    );

    // Brussels means the EU in news, never Belgium's government.
    let brussels = forms_of(&forms, "Brussels");
    assert_eq!(brussels.len(), 1);
    assert_eq!(Some(brussels[0].target), kb.resolve("european-union"));

    let us = kb.resolve("united-states");
    for text in ["U.S.", "Washington", "White House", "Pentagon", "American"] {
        assert!(
            forms_of(&forms, text).iter().any(|f| Some(f.target) == us),
            "{text}"
        );
    }
    let russia = kb.resolve("russia");
    for (text, kind) in [
        ("Kremlin", FormKind::Metonym),
        ("Russians", FormKind::Demonym),
    ] {
        let found = forms_of(&forms, text);
        assert!(
            found
                .iter()
                .any(|f| Some(f.target) == russia && f.form == kind),
            "{text}"
        );
    }
    // Typographic apostrophes are listed as well.
    assert_eq!(
        forms_of(&forms, "People\u{2019}s Republic of China")
            .first()
            .map(|f| f.target),
        kb.resolve("china")
    );
    // Common words are not demonyms.
    assert!(forms_of(&forms, "Male").is_empty());
    assert!(forms_of(&forms, "Pole").is_empty());
}

#[test]
fn office_holders_on_the_seed_date() {
    let kb = kb();
    let date = day("2024-06-18");
    let role_on = |id: &str| {
        let person = kb.person(id).unwrap_or_else(|| panic!("no person {id}"));
        person
            .term_on(Some(date))
            .map(|t| (t.role.clone(), t.affiliation.clone()))
    };
    assert_eq!(
        role_on("vladimir-putin"),
        Some(("President".into(), "russia".into()))
    );
    assert_eq!(
        role_on("antony-blinken"),
        Some(("Secretary of State".into(), "united-states".into()))
    );
    assert_eq!(
        role_on("jens-stoltenberg"),
        Some(("Secretary-General".into(), "nato".into()))
    );
    assert_eq!(
        role_on("karine-jean-pierre"),
        Some(("White House Press Secretary".into(), "united-states".into()))
    );
    let kirby = role_on("john-kirby");
    assert!(
        kirby.as_ref().is_some_and(|(role, aff)| role.contains("National Security") && aff == "united-states"),
        "{kirby:?}"
    );
    assert_eq!(
        role_on("kim-jong-un").map(|r| r.0),
        Some("Supreme Leader".into())
    );
    assert_eq!(role_on("xi-jinping").map(|r| r.0), Some("President".into()));

    // Who held an office, from the office's side.
    let holder = |aff: &str, role: &str, on: &str| {
        kb.holders_on(aff, role, day(on))
            .first()
            .map(|(p, _)| p.id.clone())
    };
    assert_eq!(
        holder("nato", "Secretary-General", "2024-06-18").as_deref(),
        Some("jens-stoltenberg")
    );
    assert_eq!(
        holder("nato", "Secretary-General", "2024-10-01").as_deref(),
        Some("mark-rutte")
    );
    assert_eq!(
        holder("russia", "President", "2010-01-01").as_deref(),
        Some("dmitry-medvedev")
    );
    assert_eq!(
        holder("united-states", "President", "2025-01-20").as_deref(),
        Some("donald-trump")
    );
    assert_eq!(
        holder("united-kingdom", "Prime Minister", "2024-06-18").as_deref(),
        Some("rishi-sunak")
    );
}

#[test]
fn term_on_without_date_is_the_latest_office() {
    let kb = kb();
    let latest = |id: &str| {
        kb.person(id)
            .and_then(|p| p.term_on(None))
            .map(|t| t.role.clone())
    };
    assert_eq!(latest("joe-biden").as_deref(), Some("President"));
    assert_eq!(latest("boris-johnson").as_deref(), Some("Prime Minister"));
    assert_eq!(latest("mark-rutte").as_deref(), Some("Secretary-General"));
    assert_eq!(
        latest("antony-blinken").as_deref(),
        Some("Secretary of State")
    );
}

#[test]
fn aliases_cover_common_spellings() {
    let kb = kb();
    let forms = kb.surface_forms();
    let zelensky = kb.resolve("volodymyr-zelensky");
    for text in [
        "Volodymyr Zelensky",
        "Volodymyr Zelenskiy",
        "Volodymyr Zelenskyy",
    ] {
        assert_eq!(
            forms_of(&forms, text).first().map(|f| f.target),
            zelensky,
            "{text}"
        );
    }
    let kim = kb.resolve("kim-jong-un");
    assert_eq!(
        forms_of(&forms, "Kim Jong-un").first().map(|f| f.target),
        kim
    );
    for (text, id) in [
        ("DPRK", "north-korea"),
        ("ROK", "south-korea"),
        ("UK", "united-kingdom"),
        ("E.U.", "european-union"),
        ("U.N.", "united-nations"),
    ] {
        assert_eq!(
            forms_of(&forms, text).first().map(|f| f.target),
            kb.resolve(id),
            "{text}"
        );
    }
}
