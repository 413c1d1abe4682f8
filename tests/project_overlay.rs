//! Corrections as an overlay: every correction's apply/undo/redo round trip, merge and split in
//! detail, re-application after re-extraction with changed ids, and corrections that no longer
//! apply being listed with their reason.

#![allow(clippy::unwrap_used)] // Reason: test fixtures fail loudly.

use chrono::NaiveDate;
use dossier::model::{
    Actor, ActorId, ActorKind, DocId, Event, EventId, Evidence, Mention, Model, Origin, Polarity,
    Precision, Quote, Relation, RelationId,
};
use dossier::project::{Correction, EventDraft, History, Overlay, UserAlias};

const TEXT: &str = "Vladimir Putin visited Pyongyang on Tuesday. Kim Jong Un met Putin there. \
North Korea supplies Russia with shells. NATO condemned Russia. Putin the golfer won in Ohio. \
Kim praised Russia. Kim Jong Un backs Russia.";

fn doc() -> DocId {
    DocId::from("d:000_test")
}

/// The byte span of the `nth` (0-based) occurrence of `needle` in the text.
fn span(needle: &str, nth: usize) -> (usize, usize) {
    let start = TEXT.match_indices(needle).nth(nth).unwrap().0;
    (start, start + needle.len())
}

fn mention(needle: &str, nth: usize) -> Mention {
    let (start, end) = span(needle, nth);
    Mention {
        document: doc(),
        start,
        end,
    }
}

/// The evidence of the sentence containing the `nth` occurrence of `needle`.
fn sentence(needle: &str, nth: usize) -> Evidence {
    let (at, _) = span(needle, nth);
    let start = TEXT[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = TEXT[at..].find('.').map_or(TEXT.len(), |i| at + i + 1);
    Evidence {
        document: doc(),
        start,
        end,
        text: TEXT[start..end].to_owned(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn actor(id: &str, name: &str, kind: ActorKind, mentions: Vec<Mention>) -> Actor {
    Actor {
        id: ActorId::from(id),
        name: name.to_owned(),
        kind,
        mentions,
        ..Actor::default()
    }
}

fn relation(
    source: &str,
    target: &str,
    kind: &str,
    polarity: Polarity,
    directed: bool,
    evidence: Evidence,
) -> Relation {
    let bare = |s: &str| s.trim_start_matches("a:").to_owned();
    Relation {
        id: RelationId(format!("r:{}>{}:{kind}", bare(source), bare(target))),
        source: ActorId::from(source),
        target: ActorId::from(target),
        kind: kind.to_owned(),
        polarity,
        directed,
        evidence: vec![evidence],
        origin: Origin::Extracted,
    }
}

fn ids(list: &[&str]) -> Vec<ActorId> {
    list.iter().map(|s| ActorId::from(*s)).collect()
}

/// A small extracted model over `TEXT`, as the extractor would produce it.
fn extracted() -> Model {
    let mut putin = actor(
        "a:vladimir-putin",
        "Vladimir Putin",
        ActorKind::Person,
        vec![
            mention("Vladimir Putin", 0),
            mention("Putin", 1),
            mention("Putin", 2),
        ],
    );
    putin.aliases = vec!["Putin".to_owned()];
    putin.role = Some("President".to_owned());
    putin.affiliation = Some(ActorId::from("a:russia"));
    Model {
        schema: "dossier/1".to_owned(),
        documents: Vec::new(),
        actors: vec![
            putin,
            actor(
                "a:kim-jong-un",
                "Kim Jong Un",
                ActorKind::Person,
                vec![mention("Kim Jong Un", 0), mention("Kim Jong Un", 1)],
            ),
            actor("a:kim", "Kim", ActorKind::Person, vec![mention("Kim ", 2)]),
            actor(
                "a:north-korea",
                "North Korea",
                ActorKind::Country,
                vec![mention("North Korea", 0)],
            ),
            actor(
                "a:russia",
                "Russia",
                ActorKind::Country,
                vec![
                    mention("Russia", 0),
                    mention("Russia", 1),
                    mention("Russia", 2),
                ],
            ),
            actor(
                "a:nato",
                "NATO",
                ActorKind::Organization,
                vec![mention("NATO", 0)],
            ),
        ],
        relations: vec![
            relation(
                "a:kim-jong-un",
                "a:vladimir-putin",
                "meet",
                Polarity::Cooperative,
                false,
                sentence("met", 0),
            ),
            relation(
                "a:north-korea",
                "a:russia",
                "supply",
                Polarity::Cooperative,
                true,
                sentence("supplies", 0),
            ),
            relation(
                "a:nato",
                "a:russia",
                "oppose",
                Polarity::Conflictual,
                true,
                sentence("condemned", 0),
            ),
            relation(
                "a:kim",
                "a:russia",
                "support",
                Polarity::Cooperative,
                true,
                sentence("praised", 0),
            ),
            relation(
                "a:kim-jong-un",
                "a:russia",
                "support",
                Polarity::Cooperative,
                true,
                sentence("backs", 0),
            ),
            relation(
                "a:kim",
                "a:kim-jong-un",
                "meet",
                Polarity::Neutral,
                false,
                sentence("met", 0),
            ),
        ],
        events: vec![
            Event {
                id: EventId::from("e:0001"),
                label: "Putin's visit to Pyongyang".to_owned(),
                kind: "visit".to_owned(),
                start: Some(date(2024, 6, 18)),
                end: Some(date(2024, 6, 18)),
                precision: Some(Precision::Day),
                time_text: Some("on Tuesday".to_owned()),
                anchor: Some("published 2024-06-18".to_owned()),
                participants: ids(&["a:vladimir-putin", "a:kim-jong-un"]),
                evidence: vec![sentence("visited", 0)],
                ..Event::default()
            },
            Event {
                id: EventId::from("e:0002"),
                label: "Golf win".to_owned(),
                kind: "contest".to_owned(),
                participants: ids(&["a:vladimir-putin"]),
                evidence: vec![sentence("golfer", 0)],
                ..Event::default()
            },
            Event {
                id: EventId::from("e:0003"),
                label: "Meeting".to_owned(),
                kind: "meet".to_owned(),
                participants: ids(&["a:kim", "a:kim-jong-un"]),
                evidence: vec![sentence("met", 0)],
                ..Event::default()
            },
        ],
        quotes: vec![Quote {
            speaker: ActorId::from("a:kim"),
            text: "praised Russia".to_owned(),
            about: ids(&["a:russia", "a:kim-jong-un"]),
            evidence: sentence("praised", 0),
        }],
    }
}

/// The same text re-extracted by a changed extractor: every actor id and event id differs
/// (names are the same), and the documents are renumbered.
fn reextracted() -> Model {
    let mut model = extracted();
    let new_id = |id: &ActorId| ActorId(format!("{}-v2", id.as_str()));
    for a in &mut model.actors {
        a.id = new_id(&a.id);
        if let Some(aff) = &mut a.affiliation {
            *aff = new_id(aff);
        }
    }
    for r in &mut model.relations {
        r.source = new_id(&r.source);
        r.target = new_id(&r.target);
        r.id = RelationId(format!("{}-v2", r.id));
    }
    for (i, e) in model.events.iter_mut().enumerate() {
        e.id = EventId(format!("e:{:04}", 10 + i));
        e.participants = e.participants.iter().map(new_id).collect();
    }
    for q in &mut model.quotes {
        q.speaker = new_id(&q.speaker);
        q.about = q.about.iter().map(new_id).collect();
    }
    model
}

fn a(id: &str) -> ActorId {
    ActorId::from(id)
}

fn find<'m>(model: &'m Model, name: &str) -> &'m Actor {
    model
        .actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor named {name}"))
}

/// Pushes a correction, checks the result, then undo gives back exactly the model from before
/// and redo exactly the corrected one; returns the corrected model.
#[allow(clippy::needless_pass_by_value)] // Reason: call sites pass a fresh correction.
fn round_trip(correction: Correction, label: &str) -> Model {
    let base = extracted();
    let mut history = History::default();
    history.push(correction.clone());
    let (after, unapplied) = history.apply(&base);
    assert!(unapplied.is_empty(), "{unapplied:?}");
    assert_ne!(after, base, "{label} changed nothing");
    assert_eq!(correction.label(), label);
    assert_eq!(
        history.undo_label().as_deref(),
        Some(format!("Undo {label}").as_str())
    );
    assert_eq!(history.undo(), Some(&correction));
    assert_eq!(history.apply(&base).0, base);
    assert!(!history.can_undo());
    assert_eq!(
        history.redo_label().as_deref(),
        Some(format!("Redo {label}").as_str())
    );
    assert_eq!(history.redo(), Some(&correction));
    assert_eq!(history.apply(&base).0, after);
    assert!(!history.can_redo());
    after
}

#[test]
fn rename_keeps_the_old_name_as_alias_and_marks_the_actor_edited() {
    let c = Correction::rename_actor(&extracted(), &a("a:kim"), "Kim Yo Jong").unwrap();
    let model = round_trip(c, "rename actor");
    let kim = model.actor(&a("a:kim")).unwrap();
    assert_eq!(kim.name, "Kim Yo Jong");
    assert_eq!(kim.aliases, vec!["Kim".to_owned()]);
    assert_eq!(kim.origin, Origin::Edited);
    assert_eq!(
        Correction::rename_actor(&model, &a("a:kim"), "Kim Yo Jong"),
        None
    );
    assert_eq!(Correction::rename_actor(&model, &a("a:kim"), "  "), None);
}

#[test]
fn kind_role_and_affiliation_round_trip() {
    let base = extracted();
    let m = round_trip(
        Correction::set_actor_kind(&base, &a("a:nato"), ActorKind::Group).unwrap(),
        "change actor kind",
    );
    assert_eq!(m.actor(&a("a:nato")).unwrap().kind, ActorKind::Group);

    let m = round_trip(
        Correction::set_actor_role(&base, &a("a:kim-jong-un"), Some(" Supreme Leader ")).unwrap(),
        "change actor role",
    );
    let kim = m.actor(&a("a:kim-jong-un")).unwrap();
    assert_eq!(kim.role.as_deref(), Some("Supreme Leader"));
    assert_eq!(kim.origin, Origin::Edited);

    let m = round_trip(
        Correction::set_actor_role(&base, &a("a:vladimir-putin"), None).unwrap(),
        "change actor role",
    );
    assert_eq!(m.actor(&a("a:vladimir-putin")).unwrap().role, None);

    let m = round_trip(
        Correction::set_actor_affiliation(&base, &a("a:kim-jong-un"), Some(&a("a:north-korea")))
            .unwrap(),
        "change actor affiliation",
    );
    assert_eq!(
        m.actor(&a("a:kim-jong-un")).unwrap().affiliation,
        Some(a("a:north-korea"))
    );
    assert_eq!(
        Correction::set_actor_affiliation(&base, &a("a:nato"), Some(&a("a:nato"))),
        None
    );
}

#[test]
fn merge_joins_aliases_and_mentions_and_combines_relations_and_events() {
    let base = extracted();
    let c = Correction::merge_actors(&base, &a("a:kim-jong-un"), &[a("a:kim")]).unwrap();
    let m = round_trip(c, "merge actors");

    assert_eq!(m.actors.len(), base.actors.len() - 1);
    assert!(m.actor(&a("a:kim")).is_none());
    let kim = m.actor(&a("a:kim-jong-un")).unwrap();
    assert_eq!(kim.aliases, vec!["Kim".to_owned()]);
    assert_eq!(
        kim.mentions,
        vec![
            mention("Kim Jong Un", 0),
            mention("Kim ", 2),
            mention("Kim Jong Un", 1)
        ]
    );
    assert_eq!(kim.origin, Origin::Edited);

    // The self-loop Kim–Kim Jong Un is dropped; the two "support" relations are one now.
    assert_eq!(m.relations.len(), base.relations.len() - 2);
    assert!(m.relations.iter().all(|r| r.source != r.target));
    let support: Vec<&Relation> = m.relations.iter().filter(|r| r.kind == "support").collect();
    assert_eq!(support.len(), 1);
    assert_eq!(support[0].source, a("a:kim-jong-un"));
    assert_eq!(
        support[0].evidence,
        vec![sentence("praised", 0), sentence("backs", 0)]
    );
    assert_eq!(support[0].origin, Origin::Edited);
    assert!(
        m.relations
            .iter()
            .all(|r| r.source != a("a:kim") && r.target != a("a:kim"))
    );

    let meeting = m.event(&EventId::from("e:0003")).unwrap();
    assert_eq!(meeting.participants, vec![a("a:kim-jong-un")]);
    assert_eq!(meeting.origin, Origin::Edited);
    // An event it did not touch stays as extracted.
    assert_eq!(
        m.event(&EventId::from("e:0001")),
        base.event(&EventId::from("e:0001"))
    );

    assert_eq!(m.quotes[0].speaker, a("a:kim-jong-un"));
    assert_eq!(m.quotes[0].about, ids(&["a:russia", "a:kim-jong-un"]));
}

#[test]
fn merge_then_undo_restores_the_exact_model_after_other_edits() {
    let base = extracted();
    let mut history = History::default();
    history.push(
        Correction::rename_actor(&base, &a("a:nato"), "North Atlantic Treaty Organization")
            .unwrap(),
    );
    let (before_merge, _) = history.apply(&base);
    history.push(
        Correction::merge_actors(
            &before_merge,
            &a("a:vladimir-putin"),
            &[a("a:kim"), a("a:nato")],
        )
        .unwrap(),
    );
    let (merged, unapplied) = history.apply(&base);
    assert!(unapplied.is_empty());
    assert_eq!(merged.actors.len(), base.actors.len() - 2);
    history.undo();
    assert_eq!(history.apply(&base).0, before_merge);
    history.undo();
    assert_eq!(history.apply(&base).0, base);
}

#[test]
fn split_moves_the_chosen_mentions_and_the_evidence_that_rests_on_them() {
    let base = extracted();
    let golfer = mention("Putin", 2);
    let c = Correction::split_actor(
        &base,
        &a("a:vladimir-putin"),
        std::slice::from_ref(&golfer),
        "Putin (golfer)",
        None,
    )
    .unwrap();
    let m = round_trip(c, "split actor");

    let putin = m.actor(&a("a:vladimir-putin")).unwrap();
    assert_eq!(
        putin.mentions,
        vec![mention("Vladimir Putin", 0), mention("Putin", 1)]
    );
    let new = m.actor(&a("a:putin-golfer")).unwrap();
    assert_eq!(new.name, "Putin (golfer)");
    assert_eq!(new.kind, ActorKind::Person);
    assert_eq!(new.mentions, vec![golfer]);
    assert_eq!(new.origin, Origin::Edited);
    // The new actor comes right after the original.
    let at = m.actors.iter().position(|x| x.id == putin.id).unwrap();
    assert_eq!(m.actors[at + 1].id, new.id);

    let golf = m.event(&EventId::from("e:0002")).unwrap();
    assert_eq!(golf.participants, vec![a("a:putin-golfer")]);
    // The visit and the meeting rest on the kept mentions.
    let visit = m.event(&EventId::from("e:0001")).unwrap();
    assert_eq!(
        visit.participants,
        ids(&["a:vladimir-putin", "a:kim-jong-un"])
    );
    let meet = &m.relations[0];
    assert_eq!(meet.target, a("a:vladimir-putin"));

    // Splitting none or all of the mentions is refused up front.
    assert_eq!(
        Correction::split_actor(&base, &a("a:vladimir-putin"), &[], "X", None),
        None
    );
    assert_eq!(
        Correction::split_actor(
            &base,
            &a("a:vladimir-putin"),
            &base.actors[0].mentions,
            "X",
            None
        ),
        None
    );
}

#[test]
fn hide_actor_removes_it_everywhere() {
    let base = extracted();
    let m = round_trip(
        Correction::hide_actor(&base, &a("a:russia")).unwrap(),
        "hide actor",
    );
    assert!(m.actor(&a("a:russia")).is_none());
    assert_eq!(m.relations.len(), 2);
    assert!(
        m.relations
            .iter()
            .all(|r| r.source != a("a:russia") && r.target != a("a:russia"))
    );
    assert_eq!(m.actor(&a("a:vladimir-putin")).unwrap().affiliation, None);
    assert_eq!(m.quotes[0].about, ids(&["a:kim-jong-un"]));
}

#[test]
fn hide_relation_and_event() {
    let base = extracted();
    let rel = RelationId::from("r:nato>russia:oppose");
    let m = round_trip(
        Correction::hide_relation(&base, &rel).unwrap(),
        "hide relation",
    );
    assert!(m.relation(&rel).is_none());
    assert_eq!(m.relations.len(), base.relations.len() - 1);

    let ev = EventId::from("e:0002");
    let m = round_trip(Correction::hide_event(&base, &ev).unwrap(), "hide event");
    assert!(m.event(&ev).is_none());
    assert_eq!(m.events.len(), base.events.len() - 1);
}

#[test]
fn add_relation_by_hand_is_manual_and_reuses_an_existing_one() {
    let base = extracted();
    let evidence = sentence("condemned", 0);
    let c = Correction::add_relation(
        &base,
        &a("a:nato"),
        &a("a:north-korea"),
        "oppose",
        Polarity::Conflictual,
        true,
        Some(evidence.clone()),
    )
    .unwrap();
    let m = round_trip(c, "add relation");
    let added = m.relations.last().unwrap();
    assert_eq!(added.id, RelationId::from("r:nato>north-korea:oppose"));
    assert_eq!(added.origin, Origin::Manual);
    assert_eq!(added.evidence, vec![evidence]);
    assert_eq!(added.polarity, Polarity::Conflictual);

    // The same relation the other way round (undirected): the existing one is updated.
    let c = Correction::add_relation(
        &base,
        &a("a:vladimir-putin"),
        &a("a:kim-jong-un"),
        "meet",
        Polarity::Neutral,
        false,
        Some(sentence("visited", 0)),
    )
    .unwrap();
    let m = round_trip(c, "add relation");
    assert_eq!(m.relations.len(), base.relations.len());
    assert_eq!(m.relations[0].polarity, Polarity::Neutral);
    assert_eq!(m.relations[0].evidence.len(), 2);
    assert_eq!(m.relations[0].origin, Origin::Edited);

    assert_eq!(
        Correction::add_relation(
            &base,
            &a("a:nato"),
            &a("a:nato"),
            "x",
            Polarity::Neutral,
            true,
            None
        ),
        None
    );
}

#[test]
fn add_and_edit_events() {
    let base = extracted();
    let draft = EventDraft {
        label: "Summit in Pyongyang".to_owned(),
        kind: "summit".to_owned(),
        start: Some(date(2024, 6, 19)),
        end: None,
        precision: Some(Precision::Day),
        participants: ids(&["a:vladimir-putin", "a:kim-jong-un", "a:vladimir-putin"]),
        evidence: Some(sentence("met", 0)),
    };
    let m = round_trip(Correction::add_event(&base, &draft).unwrap(), "add event");
    let added = m.events.last().unwrap();
    assert_eq!(added.id, EventId::from("e:manual-summit-in-pyongyang"));
    assert_eq!(added.origin, Origin::Manual);
    assert_eq!(added.end, Some(date(2024, 6, 19)));
    assert_eq!(
        added.participants,
        ids(&["a:vladimir-putin", "a:kim-jong-un"])
    );

    let backwards = EventDraft {
        end: Some(date(2024, 6, 1)),
        ..draft.clone()
    };
    assert_eq!(Correction::add_event(&base, &backwards), None);

    let edit = EventDraft {
        label: "Putin's state visit".to_owned(),
        kind: "visit".to_owned(),
        start: Some(date(2024, 6, 18)),
        end: Some(date(2024, 6, 19)),
        precision: Some(Precision::Day),
        participants: ids(&["a:vladimir-putin"]),
        evidence: None,
    };
    let c = Correction::edit_event(&base, &EventId::from("e:0001"), &edit).unwrap();
    let m = round_trip(c, "edit event");
    let visit = m.event(&EventId::from("e:0001")).unwrap();
    assert_eq!(visit.label, "Putin's state visit");
    assert_eq!(visit.end, Some(date(2024, 6, 19)));
    assert_eq!(visit.participants, ids(&["a:vladimir-putin"]));
    assert_eq!(visit.origin, Origin::Edited);
    assert_eq!(
        visit.anchor, None,
        "the old anchor no longer explains the dates"
    );
    assert_eq!(visit.evidence, vec![sentence("visited", 0)]);
}

#[test]
fn add_alias_is_applied_and_offered_to_the_extractor() {
    let base = extracted();
    let c = Correction::add_alias(&base, &a("a:kim-jong-un"), "the Supreme Leader").unwrap();
    let m = round_trip(c.clone(), "add alias");
    assert_eq!(
        m.actor(&a("a:kim-jong-un")).unwrap().aliases,
        vec!["the Supreme Leader".to_owned()]
    );
    assert_eq!(
        Correction::add_alias(&m, &a("a:kim-jong-un"), "the supreme leader"),
        None
    );

    // Aliases for the extractor use the extracted name, before the user's renames; merged
    // actors' names become aliases of the kept one.
    let mut history = History::default();
    history.push(Correction::rename_actor(&base, &a("a:kim-jong-un"), "Kim Jong-un").unwrap());
    let (renamed, _) = history.apply(&base);
    history
        .push(Correction::add_alias(&renamed, &a("a:kim-jong-un"), "the Supreme Leader").unwrap());
    let (renamed, _) = history.apply(&base);
    history.push(Correction::merge_actors(&renamed, &a("a:kim-jong-un"), &[a("a:kim")]).unwrap());
    assert_eq!(
        history.overlay().aliases(),
        vec![
            UserAlias {
                alias: "the Supreme Leader".to_owned(),
                name: "Kim Jong Un".to_owned(),
                kind: ActorKind::Person,
            },
            UserAlias {
                alias: "Kim".to_owned(),
                name: "Kim Jong Un".to_owned(),
                kind: ActorKind::Person,
            },
        ]
    );
}

/// One correction of every kind, each made on the model the previous ones produced.
fn every_kind_of_correction(base: &Model) -> Vec<Correction> {
    let mut history = History::default();
    let mut step = |make: &dyn Fn(&Model) -> Option<Correction>| {
        let (model, unapplied) = history.apply(base);
        assert!(unapplied.is_empty(), "{unapplied:?}");
        history.push(make(&model).unwrap());
    };
    step(&|m| Correction::rename_actor(m, &a("a:nato"), "North Atlantic Treaty Organization"));
    step(&|m| Correction::set_actor_kind(m, &a("a:nato"), ActorKind::Group));
    step(&|m| Correction::set_actor_role(m, &a("a:kim-jong-un"), Some("leader")));
    step(&|m| Correction::set_actor_affiliation(m, &a("a:kim-jong-un"), Some(&a("a:north-korea"))));
    step(&|m| Correction::merge_actors(m, &a("a:kim-jong-un"), &[a("a:kim")]));
    step(&|m| {
        Correction::split_actor(
            m,
            &a("a:vladimir-putin"),
            &[mention("Putin", 2)],
            "Putin (golfer)",
            None,
        )
    });
    step(&|m| Correction::hide_relation(m, &RelationId::from("r:north-korea>russia:supply")));
    step(&|m| Correction::hide_event(m, &EventId::from("e:0003")));
    step(&|m| {
        Correction::add_relation(
            m,
            &a("a:nato"),
            &a("a:north-korea"),
            "oppose",
            Polarity::Conflictual,
            true,
            None,
        )
    });
    step(&|m| {
        Correction::add_event(
            m,
            &EventDraft {
                label: "Summit".to_owned(),
                kind: "summit".to_owned(),
                start: Some(date(2024, 6, 19)),
                participants: ids(&["a:vladimir-putin", "a:kim-jong-un"]),
                ..EventDraft::default()
            },
        )
    });
    step(&|m| {
        let e = m.events.iter().find(|e| e.kind == "visit").unwrap();
        Correction::edit_event(
            m,
            &e.id,
            &EventDraft {
                label: "State visit".to_owned(),
                kind: "visit".to_owned(),
                start: e.start,
                end: Some(date(2024, 6, 19)),
                precision: e.precision,
                participants: e.participants.clone(),
                evidence: None,
            },
        )
    });
    step(&|m| Correction::add_alias(m, &a("a:vladimir-putin"), "the Russian leader"));
    step(&|m| Correction::hide_actor(m, &a("a:putin-golfer")));
    history.overlay().corrections.clone()
}

/// Names-only view of a model, to compare models whose ids differ.
fn by_names(model: &Model) -> Vec<String> {
    let name = |id: &ActorId| model.actor(id).map_or(format!("?{id}"), |a| a.name.clone());
    let mut out: Vec<String> = model
        .actors
        .iter()
        .map(|a| {
            format!(
                "actor {} {:?} {:?} {:?} {:?} {:?} {:?}",
                a.name,
                a.kind,
                a.aliases,
                a.role,
                a.affiliation.as_ref().map(name),
                a.mentions.len(),
                a.origin
            )
        })
        .collect();
    out.extend(model.relations.iter().map(|r| {
        format!(
            "relation {} {} {} {:?} {} {:?}",
            name(&r.source),
            name(&r.target),
            r.kind,
            r.polarity,
            r.evidence.len(),
            r.origin
        )
    }));
    out.extend(model.events.iter().map(|e| {
        let who: Vec<String> = e.participants.iter().map(name).collect();
        format!(
            "event {} {} {:?} {:?} {who:?} {:?}",
            e.label, e.kind, e.start, e.end, e.origin
        )
    }));
    out
}

#[test]
fn every_correction_reapplies_after_reextraction_with_new_ids() {
    let base = extracted();
    let corrections = every_kind_of_correction(&base);
    assert_eq!(corrections.len(), 13);
    let overlay = Overlay::new(corrections);
    let (first, unapplied) = overlay.apply(&base);
    assert!(unapplied.is_empty(), "{unapplied:?}");

    let (again, unapplied) = overlay.apply(&reextracted());
    assert!(unapplied.is_empty(), "{unapplied:?}");
    assert_eq!(by_names(&again), by_names(&first));
    // Kept actors keep the re-extracted ids.
    assert!(again.actors.iter().any(|x| x.id == a("a:kim-jong-un-v2")));
    assert_eq!(
        find(&again, "North Atlantic Treaty Organization").kind,
        ActorKind::Group
    );
}

#[test]
fn every_correction_round_trips_through_json() {
    let corrections = every_kind_of_correction(&extracted());
    let json = serde_json::to_string(&corrections).unwrap();
    let back: Vec<Correction> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, corrections);
    assert!(json.contains(r#""op":"merge_actors""#), "{json}");
}

#[test]
fn a_correction_that_no_longer_applies_is_listed_with_its_reason() {
    let base = extracted();
    let corrections = vec![
        Correction::rename_actor(&base, &a("a:nato"), "The Alliance").unwrap(),
        Correction::hide_relation(&base, &RelationId::from("r:north-korea>russia:supply")).unwrap(),
        Correction::hide_event(&base, &EventId::from("e:0002")).unwrap(),
        Correction::merge_actors(&base, &a("a:kim-jong-un"), &[a("a:kim"), a("a:nato")]).unwrap(),
    ];
    // A later extraction finds no NATO, no supply relation and no golf event.
    let mut later = reextracted();
    later.actors.retain(|x| x.name != "NATO");
    later
        .relations
        .retain(|r| r.kind != "supply" && r.kind != "oppose");
    later.events.retain(|e| e.kind != "contest");

    let (model, unapplied) = Overlay::new(corrections.clone()).apply(&later);
    let reasons: Vec<(usize, &str, bool)> = unapplied
        .iter()
        .map(|u| (u.index, u.reason.as_str(), u.partial))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (0, "“NATO” (a:nato) is not in the model any more.", false),
            (
                1,
                "There is no “supply” relation between “North Korea” (a:north-korea) and “Russia” (a:russia) any more.",
                false
            ),
            (
                2,
                "The event “Golf win” (contest, undated) is not in the model any more.",
                false
            ),
            (
                3,
                "Not merged into “Kim Jong Un” (a:kim-jong-un) because they are not in the model any more: “NATO” (a:nato).",
                true
            ),
        ]
    );
    assert_eq!(unapplied[0].correction, corrections[0]);
    // The rest still applied: Kim was merged.
    assert!(model.actors.iter().all(|x| x.name != "Kim"));
    assert_eq!(find(&model, "Kim Jong Un").aliases, vec!["Kim".to_owned()]);
}

#[test]
fn references_prefer_names_when_ids_point_elsewhere() {
    let base = extracted();
    let c = Correction::rename_actor(&base, &a("a:kim"), "Kim Yo Jong").unwrap();
    // Re-extraction swapped the ids of the two Kims: the name decides.
    let mut swapped = base.clone();
    swapped.actors[1].id = a("a:kim");
    swapped.actors[2].id = a("a:kim-jong-un");
    let (m, unapplied) = Overlay::new(vec![c]).apply(&swapped);
    assert!(unapplied.is_empty());
    assert_eq!(m.actors[2].name, "Kim Yo Jong");
    assert_eq!(m.actors[1].name, "Kim Jong Un");
}

#[test]
fn history_labels_redo_clearing_removal_and_dirty_marker() {
    let base = extracted();
    let mut history = History::default();
    assert!(!history.can_undo() && !history.can_redo());
    assert_eq!(history.undo(), None);
    assert_eq!(history.redo(), None);
    assert_eq!(history.undo_label(), None);
    assert!(!history.is_modified());

    let rename = Correction::rename_actor(&base, &a("a:nato"), "Alliance").unwrap();
    let hide = Correction::hide_actor(&base, &a("a:kim")).unwrap();
    history.push(rename.clone());
    history.push(hide.clone());
    assert!(history.is_modified());
    history.mark_saved();
    assert!(!history.is_modified());
    assert_eq!(history.undo_label().as_deref(), Some("Undo hide actor"));
    history.undo();
    assert!(history.is_modified());
    assert_eq!(history.redo_label().as_deref(), Some("Redo hide actor"));
    // A new correction clears the redo stack.
    let kind = Correction::set_actor_kind(&base, &a("a:nato"), ActorKind::Group).unwrap();
    history.push(kind.clone());
    assert!(!history.can_redo());
    assert_eq!(history.corrections(), &[rename.clone(), kind.clone()]);

    // Removing a correction from the list is a step too.
    assert_eq!(history.remove(0), Some(&rename));
    assert_eq!(history.corrections(), std::slice::from_ref(&kind));
    assert_eq!(
        history.undo_label().as_deref(),
        Some("Undo remove “rename actor”")
    );
    history.undo();
    assert_eq!(history.corrections(), &[rename.clone(), kind.clone()]);
    history.redo();
    assert_eq!(history.corrections(), std::slice::from_ref(&kind));
    assert_eq!(history.remove(5), None);

    // Loaded corrections are the starting point: not undoable, and not modified.
    let loaded = History::new(Overlay::new(vec![rename.clone()]));
    assert!(!loaded.can_undo());
    assert!(!loaded.is_modified());
    assert_eq!(
        loaded.apply(&base).0.actor(&a("a:nato")).unwrap().name,
        "Alliance"
    );
}

#[test]
fn unlimited_undo_walks_back_to_the_extracted_model() {
    let base = extracted();
    let mut history = History::default();
    let mut models = vec![base.clone()];
    for i in 0..200 {
        let (model, _) = history.apply(&base);
        let c = Correction::rename_actor(&model, &a("a:nato"), &format!("NATO {i}")).unwrap();
        history.push(c);
        models.push(history.apply(&base).0);
    }
    for expected in models.iter().rev().skip(1) {
        assert!(history.undo().is_some());
        assert_eq!(&history.apply(&base).0, expected);
    }
    assert!(!history.can_undo());
    assert_eq!(history.apply(&base).0, base);
}

#[test]
fn a_split_whose_mentions_partly_moved_is_applied_and_listed() {
    let base = extracted();
    let c = Correction::SplitActor {
        actor: dossier::project::ActorRef::of(&base.actors[0]),
        mentions: vec![mention("Putin", 2), mention("Russia", 0)],
        new_name: "Putin (golfer)".to_owned(),
        kind: None,
    };
    let (m, unapplied) = Overlay::new(vec![c]).apply(&base);
    assert_eq!(unapplied.len(), 1);
    assert!(unapplied[0].partial);
    assert_eq!(
        unapplied[0].reason,
        "1 of the 2 chosen mentions no longer belong to “Vladimir Putin” (a:vladimir-putin); the others moved to “Putin (golfer)”."
    );
    assert_eq!(
        find(&m, "Putin (golfer)").mentions,
        vec![mention("Putin", 2)]
    );
}

/// Builds a correction from a few random numbers, against the current model.
fn random_correction(model: &Model, op: u8, i: usize, j: usize, k: usize) -> Option<Correction> {
    if model.actors.is_empty() {
        return None;
    }
    let actor = |n: usize| model.actors[n % model.actors.len()].id.clone();
    let kinds = ActorKind::ALL;
    match op % 13 {
        0 => Correction::rename_actor(model, &actor(i), &format!("Name {j}")),
        1 => Correction::set_actor_kind(model, &actor(i), kinds[j % kinds.len()]),
        2 => Correction::set_actor_role(model, &actor(i), j.is_multiple_of(2).then_some("role")),
        3 => Correction::set_actor_affiliation(model, &actor(i), Some(&actor(j))),
        4 => Correction::merge_actors(model, &actor(i), &[actor(j), actor(k)]),
        5 => {
            let found = model.actor(&actor(i))?;
            let chosen: Vec<Mention> = found.mentions.iter().skip(j % 3).take(1).cloned().collect();
            Correction::split_actor(model, &found.id, &chosen, &format!("Split {k}"), None)
        }
        6 => Correction::hide_actor(model, &actor(i)),
        7 => model
            .relations
            .get(i % model.relations.len().max(1))
            .and_then(|r| Correction::hide_relation(model, &r.id)),
        8 => model
            .events
            .get(i % model.events.len().max(1))
            .and_then(|e| Correction::hide_event(model, &e.id)),
        9 => Correction::add_relation(
            model,
            &actor(i),
            &actor(j),
            ["meet", "oppose", "support"][k % 3],
            Polarity::ALL[k % 3],
            k.is_multiple_of(2),
            None,
        ),
        10 => Correction::add_event(
            model,
            &EventDraft {
                label: format!("Event {k}"),
                kind: "meeting".to_owned(),
                start: Some(date(2024, 1, 1 + (k % 28) as u32)),
                participants: vec![actor(i), actor(j)],
                ..EventDraft::default()
            },
        ),
        11 => {
            let event = model.events.get(i % model.events.len().max(1))?;
            Correction::edit_event(
                model,
                &event.id,
                &EventDraft {
                    label: format!("Edited {k}"),
                    kind: event.kind.clone(),
                    start: Some(date(2023, 5, 1 + (j % 28) as u32)),
                    participants: vec![actor(j)],
                    ..EventDraft::default()
                },
            )
        }
        _ => Correction::add_alias(model, &actor(i), &format!("alias {j}")),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn random_corrections_never_panic_and_undo_restores_the_model(
        steps in proptest::collection::vec((0u8..13, 0usize..8, 0usize..8, 0usize..8), 0..16),
        drop_actor in 0usize..8,
    ) {
        let base = extracted();
        let mut history = History::default();
        let mut models = vec![base.clone()];
        for (op, i, j, k) in steps {
            let (model, _) = history.apply(&base);
            if let Some(c) = random_correction(&model, op, i, j, k) {
                history.push(c);
                let (after, unapplied) = history.apply(&base);
                proptest::prop_assert!(unapplied.is_empty(), "{:?}", unapplied);
                models.push(after);
            }
        }
        // Against a re-extraction that lost an actor and renumbered ids: no panic.
        let mut later = reextracted();
        let gone = later.actors.remove(drop_actor % later.actors.len()).id;
        later.relations.retain(|r| r.source != gone && r.target != gone);
        let _ = history.overlay().apply(&later);
        let _ = history.overlay().aliases();
        // Serialised and read back, the overlay gives the same model.
        let json = serde_json::to_string(history.overlay()).unwrap();
        let back: Overlay = serde_json::from_str(&json).unwrap();
        proptest::prop_assert_eq!(back.apply(&base).0, history.apply(&base).0);
        for expected in models.iter().rev() {
            proptest::prop_assert_eq!(&history.apply(&base).0, expected);
            history.undo();
        }
        proptest::prop_assert!(!history.can_undo());
    }
}

#[test]
fn ids_for_names_without_letters_are_still_unique_and_readable() {
    let base = extracted();
    let mut history = History::default();
    for n in 0..2 {
        let (m, _) = history.apply(&base);
        let c = Correction::split_actor(&m, &a("a:russia"), &[mention("Russia", n)], "???", None);
        history.push(c.unwrap());
        let (m, _) = history.apply(&base);
        let draft = EventDraft {
            label: "…".to_owned(),
            kind: "?".to_owned(),
            ..EventDraft::default()
        };
        history.push(Correction::add_event(&m, &draft).unwrap());
    }
    let (m, unapplied) = history.apply(&base);
    assert!(unapplied.is_empty());
    assert!(m.actor(&a("a:actor")).is_some());
    assert!(m.actor(&a("a:actor~2")).is_some());
    assert!(m.event(&EventId::from("e:manual-event")).is_some());
    assert!(m.event(&EventId::from("e:manual-event~2")).is_some());
}

/// An alias the user adds takes part in the next extraction: the knowledge base the overlay
/// gives resolves the alias's mentions to the actor, and undoing the alias takes them away.
#[test]
fn an_added_alias_is_resolved_by_the_next_extraction() {
    use dossier::corpus::Document;
    use dossier::extract::{KnowledgeBase, extract};
    let text = "Globex Corp. sued Acme Corp. in March. Acme Corp. said Big Hank had misled \
        investors, and it accused Big Hank of fraud.";
    let document = Document::new(
        DocId::new("d:alias"),
        std::path::PathBuf::from("alias.txt"),
        String::new(),
        text.to_owned(),
    )
    .with_published(NaiveDate::from_ymd_opt(2024, 5, 2));
    let docs = [document];
    let before = extract(&docs, KnowledgeBase::embedded());
    let globex = find(&before, "Globex");
    let hank = text.find("Big Hank").unwrap();
    assert!(
        !globex.mentions.iter().any(|m| m.start == hank),
        "Big Hank is not Globex before the alias"
    );
    let mut history = History::new(Overlay::default());
    history.push(Correction::add_alias(&before, &globex.id, "Big Hank").unwrap());
    let kb = history.overlay().knowledge_base(KnowledgeBase::embedded());
    let after = extract(&docs, &kb);
    let globex = find(&after, "Globex");
    let spans: Vec<usize> = globex.mentions.iter().map(|m| m.start).collect();
    assert!(spans.contains(&hank), "{spans:?}");
    assert_eq!(
        spans.len(),
        before
            .actors
            .iter()
            .find(|a| a.name == "Globex")
            .unwrap()
            .mentions
            .len()
            + 2
    );
    assert!(
        !after.actors.iter().any(|a| a.name == "Big Hank"),
        "no separate actor for the alias"
    );
    history.undo();
    let kb = history.overlay().knowledge_base(KnowledgeBase::embedded());
    let undone = extract(&docs, &kb);
    assert_eq!(
        find(&undone, "Globex").mentions.len(),
        find(&before, "Globex").mentions.len()
    );
}
