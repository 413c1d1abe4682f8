//! Data exports read back with real parsers: GEXF and `GraphML` with quick-xml, CSV with an
//! RFC 4180 reader, `TimelineJS` and Dossier JSON with `serde_json`. Checks counts, a known actor
//! and a known event in each, determinism, and that a failed export leaves no file behind.
#![allow(
    clippy::unwrap_used,
    reason = "helpers of tests: a failed unwrap is a failed test"
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier::export::data::{DataFormat, ExportError, csv_paths, export_data};
use dossier::model::{
    Actor, ActorId, ActorKind, DocId, DocumentInfo, Event, EventId, Evidence, Mention, Model,
    Polarity, Precision, Relation, RelationId, SCHEMA,
};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event as XmlEvent};

const AMP_NAME: &str = "AT&T <\"Acme\"> 'n' Co";
const LODZ: &str = "Łódź — 北京, \"Ünïcode\"";
const VISIT: &str = "Putin's visit to <North Korea> & \"friends\"";

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn evidence(doc: &str, text: &str) -> Evidence {
    Evidence {
        document: DocId::new(doc),
        start: 0,
        end: text.len(),
        text: text.to_owned(),
    }
}

fn mention(doc: &str) -> Mention {
    Mention {
        document: DocId::new(doc),
        start: 0,
        end: 1,
    }
}

fn actor(id: &str, name: &str, kind: ActorKind, mentions: Vec<Mention>) -> Actor {
    Actor {
        id: ActorId::new(id),
        name: name.to_owned(),
        kind,
        mentions,
        ..Actor::default()
    }
}

/// Five actors (one with `&<>"'`, one non-ASCII with a comma), three relations (one to an
/// actor the model lacks), two dated events (a day and a month) and one undated event.
fn model() -> Model {
    let mut putin = actor(
        "a:vladimir-putin",
        "Vladimir Putin",
        ActorKind::Person,
        vec![mention("d:1"), mention("d:1"), mention("d:2")],
    );
    putin.aliases = vec!["Putin".to_owned(), "President Putin".to_owned()];
    putin.role = Some("President".to_owned());
    putin.affiliation = Some(ActorId::new("a:russia"));
    let mut kim = actor(
        "a:kim-jong-un",
        "Kim Jong Un",
        ActorKind::Person,
        vec![mention("d:2")],
    );
    kim.role = Some("Leader\nof \"the\" party\u{1}".to_owned());
    let russia = actor(
        "a:russia",
        "Russia",
        ActorKind::Country,
        vec![mention("d:2")],
    );
    let acme = actor("a:att", AMP_NAME, ActorKind::Organization, vec![]);
    let lodz = actor("a:lodz", LODZ, ActorKind::Place, vec![]);

    Model {
        schema: SCHEMA.to_owned(),
        documents: vec![
            DocumentInfo {
                id: DocId::new("d:1"),
                title: "Summit & talks".to_owned(),
                published: Some(d("2024-06-18")),
                source: Some("Wire".to_owned()),
                url: None,
                path: "one.txt".to_owned(),
            },
            DocumentInfo {
                id: DocId::new("d:2"),
                title: "Undated note".to_owned(),
                published: None,
                source: None,
                url: None,
                path: "two.txt".to_owned(),
            },
        ],
        actors: vec![putin, kim, russia, acme, lodz],
        relations: vec![
            Relation {
                id: RelationId::new("r:putin-kim:meet"),
                source: ActorId::new("a:vladimir-putin"),
                target: ActorId::new("a:kim-jong-un"),
                kind: "meet".to_owned(),
                polarity: Polarity::Cooperative,
                directed: false,
                evidence: vec![
                    evidence("d:1", "Putin met Kim in Pyongyang."),
                    evidence("d:2", "They met again."),
                ],
                ..Relation::default()
            },
            Relation {
                id: RelationId::new("r:att>russia:supply"),
                source: ActorId::new("a:att"),
                target: ActorId::new("a:russia"),
                kind: "supply".to_owned(),
                polarity: Polarity::Conflictual,
                directed: true,
                evidence: vec![evidence(
                    "d:1",
                    "AT&T said, \"we supply\" parts;\nRussia denied it.",
                )],
                ..Relation::default()
            },
            Relation {
                id: RelationId::new("r:russia>ghost:oppose"),
                source: ActorId::new("a:russia"),
                target: ActorId::new("a:ghost"),
                kind: "oppose".to_owned(),
                directed: true,
                ..Relation::default()
            },
        ],
        events: vec![
            Event {
                id: EventId::new("e:0002"),
                label: "Summit & talks".to_owned(),
                kind: "summit".to_owned(),
                start: Some(d("2024-07-01")),
                end: Some(d("2024-07-31")),
                precision: Some(Precision::Month),
                time_text: Some("next month".to_owned()),
                anchor: Some("published 2024-06-18".to_owned()),
                participants: vec![ActorId::new("a:vladimir-putin"), ActorId::new("a:att")],
                evidence: vec![evidence("d:1", "A summit is planned for next month.")],
                ..Event::default()
            },
            Event {
                id: EventId::new("e:0001"),
                label: VISIT.to_owned(),
                kind: "visit".to_owned(),
                start: Some(d("2024-06-18")),
                end: Some(d("2024-06-18")),
                precision: Some(Precision::Day),
                time_text: Some("on Tuesday".to_owned()),
                participants: vec![
                    ActorId::new("a:vladimir-putin"),
                    ActorId::new("a:kim-jong-un"),
                ],
                place: Some(ActorId::new("a:lodz")),
                evidence: vec![evidence("d:1", "Putin arrived on Tuesday.")],
                ..Event::default()
            },
            Event {
                id: EventId::new("e:0003"),
                label: "Talks, \"soon\"".to_owned(),
                kind: "talks".to_owned(),
                participants: vec![ActorId::new("a:russia")],
                ..Event::default()
            },
        ],
        quotes: vec![],
    }
}

// ---------------------------------------------------------------- a small XML tree via quick-xml

#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
    }

    fn child(&self, name: &str) -> &Element {
        self.children
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("<{}> has no <{name}>", self.name))
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

fn element(start: &BytesStart<'_>) -> Element {
    let name = String::from_utf8(start.name().as_ref().to_vec()).unwrap();
    let mut attrs = BTreeMap::new();
    for attr in start.attributes() {
        let attr = attr.unwrap();
        let key = String::from_utf8(attr.key.as_ref().to_vec()).unwrap();
        let value = attr.unescape_value().unwrap().into_owned();
        assert!(attrs.insert(key, value).is_none(), "duplicate attribute");
    }
    Element {
        name,
        attrs,
        ..Element::default()
    }
}

/// Parses a whole document with quick-xml (well-formedness and matching end tags checked)
/// and returns its root element.
fn parse_xml(text: &str) -> Element {
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let mut reader = Reader::from_str(text);
    let mut stack = vec![Element::default()];
    loop {
        match reader.read_event().unwrap() {
            XmlEvent::Start(e) => stack.push(element(&e)),
            XmlEvent::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            XmlEvent::End(e) => {
                let done = stack.pop().unwrap();
                assert_eq!(done.name.as_bytes(), e.name().as_ref());
                stack.last_mut().unwrap().children.push(done);
            }
            XmlEvent::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().unwrap()),
            XmlEvent::GeneralRef(r) => {
                let top = stack.last_mut().unwrap();
                if let Some(c) = r.resolve_char_ref().unwrap() {
                    top.text.push(c);
                } else {
                    let name = r.decode().unwrap();
                    let resolved = quick_xml::escape::resolve_xml_entity(&name)
                        .unwrap_or_else(|| panic!("unknown entity &{name};"));
                    top.text.push_str(resolved);
                }
            }
            XmlEvent::CData(_) | XmlEvent::DocType(_) => panic!("unexpected CDATA or DOCTYPE"),
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut document = stack.pop().unwrap();
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

// ---------------------------------------------------------------- an RFC 4180 reader

/// Reads RFC 4180 CSV strictly: CRLF record ends, quoted fields with doubled quotes, and no
/// stray quote inside an unquoted field. Returns the records, header included.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty() && !was_quoted, "stray quote in {field:?}");
                quoted = true;
                was_quoted = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                was_quoted = false;
            }
            '\n' => panic!("bare LF outside quotes"),
            c => {
                assert!(!was_quoted, "text after a closing quote");
                field.push(c);
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record without CRLF"
    );
    let width = records.first().map_or(0, Vec::len);
    for r in &records {
        assert_eq!(r.len(), width, "ragged record {r:?}");
    }
    records
}

/// Records as maps from header to value (header row dropped).
fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let records = parse_csv(&fs::read_to_string(path).unwrap());
    let header = &records[0];
    records[1..]
        .iter()
        .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

fn export_one(format: DataFormat, name: &str) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    assert_eq!(DataFormat::from_path(&path), Some(format));
    let written = export_data(&model(), format, &path).unwrap();
    assert_eq!(written, vec![path.clone()]);
    let text = fs::read_to_string(&path).unwrap();
    (dir, path, text)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------- tests

#[test]
fn gexf_reads_back_with_dynamic_dates() {
    let (_dir, _path, text) = export_one(DataFormat::Gexf, "net.gexf");
    let gexf = parse_xml(&text);
    assert_eq!(gexf.name, "gexf");
    assert_eq!(gexf.attr("version"), Some("1.3"));
    assert_eq!(gexf.attr("xmlns"), Some("http://gexf.net/1.3"));
    let graph = gexf.child("graph");
    assert_eq!(graph.attr("mode"), Some("dynamic"));
    assert_eq!(graph.attr("timeformat"), Some("date"));

    // Every attvalue refers to a declared attribute of its class.
    let mut declared: BTreeMap<(String, String), String> = BTreeMap::new();
    for block in graph.all("attributes") {
        for attribute in block.all("attribute") {
            declared.insert(
                (
                    block.attr("class").unwrap().to_owned(),
                    attribute.attr("id").unwrap().to_owned(),
                ),
                block.attr("mode").unwrap().to_owned(),
            );
        }
    }
    let values = |item: &Element, class: &str| -> Vec<(String, String, Option<String>)> {
        item.child("attvalues")
            .all("attvalue")
            .iter()
            .map(|v| {
                let key = v.attr("for").unwrap().to_owned();
                let mode = &declared[&(class.to_owned(), key.clone())];
                assert_eq!(mode == "dynamic", v.attr("start").is_some(), "{key}");
                (
                    key,
                    v.attr("value").unwrap().to_owned(),
                    v.attr("start")
                        .map(|s| format!("{s}..{}", v.attr("end").unwrap())),
                )
            })
            .collect()
    };

    let nodes = graph.child("nodes").all("node");
    assert_eq!(nodes.len(), 5);
    let node = |label: &str| {
        *nodes
            .iter()
            .find(|n| n.attr("label") == Some(label))
            .unwrap()
    };

    let att = node(AMP_NAME);
    assert_eq!(att.attr("id"), Some("a:att"));
    assert_eq!(
        att.attr("start"),
        Some("2024-07-01"),
        "its only dated event"
    );
    let att_values = values(att, "node");
    assert!(att_values.contains(&("kind".into(), "organization".into(), None)));
    assert!(att_values.contains(&("mentions".into(), "0".into(), None)));

    let putin = node("Vladimir Putin");
    assert_eq!(putin.attr("start"), Some("2024-06-18"));
    let putin_values = values(putin, "node");
    assert!(putin_values.contains(&("affiliation".into(), "Russia".into(), None)));
    assert!(putin_values.contains(&("aliases".into(), "Putin|President Putin".into(), None)));
    assert!(putin_values.contains(&("mentions".into(), "3".into(), None)));
    let events: Vec<_> = putin_values.iter().filter(|v| v.0 == "events").collect();
    assert_eq!(
        events,
        [
            &(
                "events".to_owned(),
                VISIT.to_owned(),
                Some("2024-06-18..2024-06-18".to_owned())
            ),
            &(
                "events".to_owned(),
                "Summit & talks".to_owned(),
                Some("2024-07-01..2024-07-31".to_owned())
            ),
        ]
    );
    let kim = node("Kim Jong Un");
    assert!(values(kim, "node").contains(&(
        "role".into(),
        "Leader\nof \"the\" party\u{FFFD}".into(),
        None
    )));
    assert_eq!(
        node(LODZ).attr("start"),
        Some("2024-06-18"),
        "the visit's place"
    );
    assert_eq!(node("Russia").attr("start"), None, "mentioned only undated");

    // Edges: the one to an unknown actor is left out; each end is a node.
    let ids: Vec<&str> = nodes.iter().map(|n| n.attr("id").unwrap()).collect();
    let edges = graph.child("edges").all("edge");
    assert_eq!(edges.len(), 2);
    for edge in &edges {
        assert!(ids.contains(&edge.attr("source").unwrap()));
        assert!(ids.contains(&edge.attr("target").unwrap()));
    }
    let meet = edges
        .iter()
        .find(|e| e.attr("id") == Some("r:putin-kim:meet"))
        .unwrap();
    assert_eq!(graph.attr("defaultedgetype"), Some("directed"));
    assert_eq!(meet.attr("type"), Some("undirected"));
    assert_eq!(meet.attr("kind"), Some("meet"));
    assert_eq!(meet.attr("weight"), Some("2"));
    assert_eq!(meet.attr("start"), Some("2024-06-18"));
    assert!(values(meet, "edge").contains(&("polarity".into(), "cooperative".into(), None)));
    let supply = edges
        .iter()
        .find(|e| e.attr("id") == Some("r:att>russia:supply"))
        .unwrap();
    assert_eq!(supply.attr("type"), None, "the default type");
    // Its evidence is dated 2024-06-18, but AT&T only appears on 2024-07-01.
    assert_eq!(supply.attr("start"), Some("2024-07-01"));
    assert!(values(supply, "edge").contains(&(
        "evidence".into(),
        "AT&T said, \"we supply\" parts;\nRussia denied it.".into(),
        None
    )));
}

#[test]
fn graphml_reads_back_with_declared_keys() {
    let (_dir, _path, text) = export_one(DataFormat::GraphMl, "net.graphml");
    let graphml = parse_xml(&text);
    assert_eq!(graphml.name, "graphml");
    let keys: BTreeMap<&str, (&str, &str)> = graphml
        .all("key")
        .iter()
        .map(|k| {
            (
                k.attr("id").unwrap(),
                (k.attr("for").unwrap(), k.attr("attr.name").unwrap()),
            )
        })
        .collect();
    let graph = graphml.child("graph");
    assert_eq!(graph.attr("edgedefault"), Some("directed"));
    // Every data element uses a declared key for its element kind; collect values by name.
    let data = |item: &Element, domain: &str| -> BTreeMap<String, String> {
        item.all("data")
            .iter()
            .map(|d| {
                let (for_, name) = keys[d.attr("key").unwrap()];
                assert_eq!(for_, domain);
                (name.to_owned(), d.text.clone())
            })
            .collect()
    };

    let nodes = graph.all("node");
    assert_eq!(nodes.len(), 5);
    let att = nodes
        .iter()
        .find(|n| n.attr("id") == Some("a:att"))
        .unwrap();
    let att = data(att, "node");
    assert_eq!(att["label"], AMP_NAME);
    assert_eq!(att["kind"], "organization");
    assert_eq!(att["events"], "2024-07-01/2024-07-31: Summit & talks");
    let kim = nodes
        .iter()
        .find(|n| n.attr("id") == Some("a:kim-jong-un"))
        .unwrap();
    let kim = data(kim, "node");
    assert_eq!(kim["role"], "Leader\nof \"the\" party\u{FFFD}");
    assert_eq!(kim["start"], "2024-06-18");
    assert_eq!(kim["events"], format!("2024-06-18: {VISIT}"));
    let lodz = nodes
        .iter()
        .find(|n| n.attr("id") == Some("a:lodz"))
        .unwrap();
    assert_eq!(data(lodz, "node")["label"], LODZ);

    let edges = graph.all("edge");
    assert_eq!(edges.len(), 2);
    let meet = edges
        .iter()
        .find(|e| e.attr("id") == Some("r:putin-kim:meet"))
        .unwrap();
    assert_eq!(meet.attr("directed"), Some("false"));
    let meet = data(meet, "edge");
    assert_eq!(meet["weight"], "2");
    assert_eq!(meet["evidence count"], "2");
    assert_eq!(meet["polarity"], "cooperative");
    assert_eq!(
        meet["evidence"],
        "Putin met Kim in Pyongyang.\nThey met again."
    );
}

#[test]
fn csv_reads_back_as_three_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("net.csv");
    let written = export_data(&model(), DataFormat::Csv, &path).unwrap();
    assert_eq!(
        written,
        vec![
            dir.path().join("net-actors.csv"),
            dir.path().join("net-relations.csv"),
            dir.path().join("net-events.csv"),
        ]
    );
    assert_eq!(
        names_in(dir.path()),
        ["net-actors.csv", "net-events.csv", "net-relations.csv"]
    );

    let actors_text = fs::read_to_string(&written[0]).unwrap();
    assert!(actors_text.starts_with("Label,Type,Role,Affiliation,Mentions,Aliases,Dossier ID\r\n"));
    let actors = csv_rows(&written[0]);
    assert_eq!(actors.len(), 5);
    let att = actors.iter().find(|a| a["Label"] == AMP_NAME).unwrap();
    assert_eq!(att["Type"], "organization");
    assert_eq!(att["Mentions"], "0");
    let putin = actors
        .iter()
        .find(|a| a["Label"] == "Vladimir Putin")
        .unwrap();
    assert_eq!(putin["Role"], "President");
    assert_eq!(putin["Affiliation"], "Russia");
    assert_eq!(putin["Mentions"], "3");
    assert_eq!(putin["Aliases"], "Putin|President Putin");
    assert!(
        actors
            .iter()
            .any(|a| a["Label"] == LODZ && a["Type"] == "place")
    );

    let relations = csv_rows(&written[1]);
    assert_eq!(
        relations.len(),
        3,
        "the CSV keeps the relation to an unknown actor"
    );
    let supply = &relations[1];
    assert_eq!(supply["From"], AMP_NAME);
    assert_eq!(supply["To"], "Russia");
    assert_eq!(supply["Type"], "supply");
    assert_eq!(supply["Polarity"], "conflictual");
    assert_eq!(supply["Directed"], "true");
    assert_eq!(supply["Evidence count"], "1");
    assert_eq!(
        supply["Evidence"],
        "AT&T said, \"we supply\" parts;\nRussia denied it."
    );
    assert_eq!(relations[2]["To"], "a:ghost");

    let events = csv_rows(&written[2]);
    assert_eq!(events.len(), 3);
    let visit = events.iter().find(|e| e["Label"] == VISIT).unwrap();
    assert_eq!(visit["Kind"], "visit");
    assert_eq!(visit["Start"], "2024-06-18");
    assert_eq!(visit["End"], "2024-06-18");
    assert_eq!(visit["Precision"], "day");
    assert_eq!(visit["Time text"], "on Tuesday");
    assert_eq!(visit["Participants"], "Vladimir Putin|Kim Jong Un");
    assert_eq!(visit["Place"], LODZ);
    assert_eq!(visit["Evidence"], "Putin arrived on Tuesday.");
    let summit = events.iter().find(|e| e["Kind"] == "summit").unwrap();
    assert_eq!(
        (
            summit["Start"].as_str(),
            summit["End"].as_str(),
            summit["Precision"].as_str()
        ),
        ("2024-07-01", "2024-07-31", "month")
    );
    let talks = events.iter().find(|e| e["Kind"] == "talks").unwrap();
    assert_eq!(talks["Label"], "Talks, \"soon\"");
    assert_eq!(
        (
            talks["Start"].as_str(),
            talks["End"].as_str(),
            talks["Precision"].as_str()
        ),
        ("", "", "")
    );
}

#[test]
fn csv_into_a_folder_creates_it_and_writes_plain_names() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    let written = export_data(&model(), DataFormat::Csv, &folder).unwrap();
    assert_eq!(written, csv_paths(&folder).to_vec());
    assert_eq!(
        names_in(&folder),
        ["actors.csv", "events.csv", "relations.csv"]
    );
    assert_eq!(DataFormat::from_path(&folder), Some(DataFormat::Csv));
    assert_eq!(csv_rows(&folder.join("actors.csv")).len(), 5);
}

#[test]
fn timelinejs_reads_back_with_dated_events_in_order() {
    let (_dir, _path, text) = export_one(DataFormat::TimelineJs, "story.timeline.json");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["title"]["text"]["headline"], "Dossier timeline");
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 2, "the undated event cannot be placed");

    let visit = &events[0];
    assert_eq!(
        visit["start_date"],
        serde_json::json!({"year": 2024, "month": 6, "day": 18})
    );
    assert!(
        visit.get("end_date").is_none(),
        "a one-day event has no end date"
    );
    assert_eq!(
        visit["text"]["headline"],
        "Putin&#39;s visit to &lt;North Korea&gt; &amp; &quot;friends&quot;"
    );
    let body = visit["text"]["text"].as_str().unwrap();
    assert!(body.contains("Vladimir Putin, Kim Jong Un"), "{body}");
    assert!(body.contains("Łódź"), "{body}");
    assert!(body.contains("Putin arrived on Tuesday."), "{body}");
    assert!(
        body.contains("Summit &amp; talks, Wire, 2024-06-18"),
        "{body}"
    );
    assert_eq!(visit["group"], "visit");
    assert_eq!(visit["unique_id"], "e:0001");

    let summit = &events[1];
    assert_eq!(
        summit["start_date"],
        serde_json::json!({"year": 2024, "month": 7})
    );
    assert!(
        summit.get("end_date").is_none(),
        "the whole month is one unit"
    );
    assert_eq!(summit["group"], "summit");
}

#[test]
fn dossier_json_round_trips() {
    let (_dir, _path, text) = export_one(DataFormat::Json, "model.json");
    let back: Model = serde_json::from_str(&text).unwrap();
    assert_eq!(back, model());
    assert_eq!(back.actors.len(), 5);
    assert_eq!(back.actors[3].name, AMP_NAME);
    assert_eq!(back.events[1].label, VISIT);
}

#[test]
fn same_model_gives_same_bytes() {
    for (format, name) in [
        (DataFormat::Gexf, "a.gexf"),
        (DataFormat::GraphMl, "a.graphml"),
        (DataFormat::Csv, "a.csv"),
        (DataFormat::TimelineJs, "a.timeline.json"),
        (DataFormat::Json, "a.json"),
    ] {
        let one = tempfile::tempdir().unwrap();
        let two = tempfile::tempdir().unwrap();
        let first = export_data(&model(), format, &one.path().join(name)).unwrap();
        let second = export_data(&model(), format, &two.path().join(name)).unwrap();
        assert_eq!(first.len(), second.len());
        for (a, b) in first.iter().zip(&second) {
            assert_eq!(fs::read(a).unwrap(), fs::read(b).unwrap(), "{format:?}");
        }
    }
}

#[test]
fn empty_model_exports_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let empty = Model::default();
    let gexf = dir.path().join("e.gexf");
    export_data(&empty, DataFormat::Gexf, &gexf).unwrap();
    let root = parse_xml(&fs::read_to_string(&gexf).unwrap());
    assert!(root.child("graph").child("nodes").children.is_empty());
    let graphml = dir.path().join("e.graphml");
    export_data(&empty, DataFormat::GraphMl, &graphml).unwrap();
    assert!(
        parse_xml(&fs::read_to_string(&graphml).unwrap())
            .child("graph")
            .all("node")
            .is_empty()
    );
    let written = export_data(&empty, DataFormat::Csv, &dir.path().join("e.csv")).unwrap();
    assert_eq!(
        parse_csv(&fs::read_to_string(&written[2]).unwrap()).len(),
        1
    );
    let timeline = dir.path().join("e.timeline.json");
    export_data(&empty, DataFormat::TimelineJs, &timeline).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&timeline).unwrap()).unwrap();
    assert_eq!(json["events"].as_array().unwrap().len(), 0);
}

#[test]
fn unwritable_path_gives_an_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("net.gexf");
    let err = export_data(&model(), DataFormat::Gexf, &missing).unwrap_err();
    assert!(matches!(err, ExportError::Write { .. }));
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("Could not write “{}”: ", missing.display())),
        "{message}"
    );
    assert!(message.ends_with('.'), "{message}");
    assert!(names_in(dir.path()).is_empty());

    // The last CSV file's name is taken by a folder: no CSV file may appear, and an existing
    // file of the set keeps its old content.
    let blocked = dir.path().join("net-events.csv");
    fs::create_dir(&blocked).unwrap();
    let old = dir.path().join("net-actors.csv");
    fs::write(&old, "old").unwrap();
    let err = export_data(&model(), DataFormat::Csv, &dir.path().join("net.csv")).unwrap_err();
    assert!(err.to_string().contains("net-events.csv"), "{err}");
    assert_eq!(names_in(dir.path()), ["net-actors.csv", "net-events.csv"]);
    assert_eq!(fs::read_to_string(&old).unwrap(), "old");
    assert!(names_in(&blocked).is_empty());

    // A data file whose name is taken by a folder.
    let taken = dir.path().join("taken.json");
    fs::create_dir(&taken).unwrap();
    assert!(export_data(&model(), DataFormat::Json, &taken).is_err());
    assert!(names_in(&taken).is_empty());
    assert_eq!(
        names_in(dir.path()),
        ["net-actors.csv", "net-events.csv", "taken.json"]
    );
}

#[test]
fn an_undirected_model_gives_undirected_graphs_without_per_edge_types() {
    let mut undirected = model();
    for relation in &mut undirected.relations {
        relation.directed = false;
    }
    let dir = tempfile::tempdir().unwrap();
    let gexf = dir.path().join("u.gexf");
    export_data(&undirected, DataFormat::Gexf, &gexf).unwrap();
    let root = parse_xml(&fs::read_to_string(&gexf).unwrap());
    let graph = root.child("graph");
    assert_eq!(graph.attr("defaultedgetype"), Some("undirected"));
    let edges = graph.child("edges").all("edge");
    assert_eq!(edges.len(), 2);
    assert!(edges.iter().all(|e| e.attr("type").is_none()));

    let graphml = dir.path().join("u.graphml");
    export_data(&undirected, DataFormat::GraphMl, &graphml).unwrap();
    let root = parse_xml(&fs::read_to_string(&graphml).unwrap());
    let graph = root.child("graph");
    assert_eq!(graph.attr("edgedefault"), Some("undirected"));
    assert!(
        graph
            .all("edge")
            .iter()
            .all(|e| e.attr("directed").is_none())
    );
}

/// Counts every reader must see for any model: graph formats drop relations to unknown actors,
/// `TimelineJS` drops undated events, CSV and JSON keep everything.
fn check_counts(model: &Model, dir: &Path) {
    let known: std::collections::BTreeSet<&ActorId> = model.actors.iter().map(|a| &a.id).collect();
    let graph_edges = model
        .relations
        .iter()
        .filter(|r| known.contains(&r.source) && known.contains(&r.target))
        .count();

    let gexf = dir.join("m.gexf");
    export_data(model, DataFormat::Gexf, &gexf).unwrap();
    let root = parse_xml(&fs::read_to_string(&gexf).unwrap());
    let graph = root.child("graph");
    assert_eq!(graph.child("nodes").all("node").len(), known.len());
    assert_eq!(graph.child("edges").all("edge").len(), graph_edges);

    let graphml = dir.join("m.graphml");
    export_data(model, DataFormat::GraphMl, &graphml).unwrap();
    let root = parse_xml(&fs::read_to_string(&graphml).unwrap());
    assert_eq!(root.child("graph").all("node").len(), known.len());
    assert_eq!(root.child("graph").all("edge").len(), graph_edges);

    let written = export_data(model, DataFormat::Csv, &dir.join("m.csv")).unwrap();
    assert_eq!(csv_rows(&written[0]).len(), model.actors.len());
    assert_eq!(csv_rows(&written[1]).len(), model.relations.len());
    assert_eq!(csv_rows(&written[2]).len(), model.events.len());

    let timeline = dir.join("m.timeline.json");
    export_data(model, DataFormat::TimelineJs, &timeline).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&timeline).unwrap()).unwrap();
    let dated = model.events.iter().filter(|e| e.is_dated()).count();
    assert_eq!(json["events"].as_array().unwrap().len(), dated);

    let own = dir.join("m.json");
    export_data(model, DataFormat::Json, &own).unwrap();
    let back: Model = serde_json::from_str(&fs::read_to_string(&own).unwrap()).unwrap();
    assert_eq!(&back, model);
}

#[test]
fn hand_made_model_counts() {
    let dir = tempfile::tempdir().unwrap();
    check_counts(&model(), dir.path());
}

#[test]
fn seed_article_exports_every_format() {
    use dossier::corpus::{LoadOptions, load_paths};
    use dossier::extract::{KnowledgeBase, extract};
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = load_paths(
        &[seeds],
        &LoadOptions::default(),
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    );
    assert_eq!(loaded.documents.len(), 1);
    let model = extract(&loaded.documents, KnowledgeBase::embedded());
    let dir = tempfile::tempdir().unwrap();
    check_counts(&model, dir.path());
    let gexf = parse_xml(&fs::read_to_string(dir.path().join("m.gexf")).unwrap());
    let description = &gexf.child("meta").child("description").text;
    assert!(
        description.contains("from 1 document: NATO alarmed over Russian support"),
        "{description}"
    );
}

/// What a name becomes in XML: characters XML 1.0 cannot carry turn into U+FFFD.
fn xml_cleaned(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn csv_cleaned(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 => '\u{FFFD}',
            c => c,
        })
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any name survives GEXF, GraphML and CSV: the files parse and give the name back.
    #[test]
    fn any_name_round_trips(name in "\\PC*|[\\x00-\\x1f\"',&<>\r\n ]{0,12}|.{0,40}") {
        let mut m = model();
        m.actors[0].name.clone_from(&name);
        m.events[0].label.clone_from(&name);
        let dir = tempfile::tempdir().unwrap();

        let gexf = dir.path().join("p.gexf");
        export_data(&m, DataFormat::Gexf, &gexf).unwrap();
        let root = parse_xml(&fs::read_to_string(&gexf).unwrap());
        let nodes = root.child("graph").child("nodes").all("node");
        let want = xml_cleaned(&name);
        proptest::prop_assert_eq!(nodes[0].attr("label"), Some(want.as_str()));

        let graphml = dir.path().join("p.graphml");
        export_data(&m, DataFormat::GraphMl, &graphml).unwrap();
        let root = parse_xml(&fs::read_to_string(&graphml).unwrap());
        let graph = root.child("graph");
        let first = graph.all("node")[0].all("data")[0].text.clone();
        proptest::prop_assert_eq!(first, xml_cleaned(&name));

        let written = export_data(&m, DataFormat::Csv, &dir.path().join("p.csv")).unwrap();
        let actors = csv_rows(&written[0]);
        proptest::prop_assert_eq!(&actors[0]["Label"], &csv_cleaned(&name));
        let events = csv_rows(&written[2]);
        proptest::prop_assert_eq!(&events[0]["Label"], &csv_cleaned(&name));

        let timeline = dir.path().join("p.timeline.json");
        export_data(&m, DataFormat::TimelineJs, &timeline).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&timeline).unwrap()).unwrap();
        proptest::prop_assert_eq!(json["events"].as_array().unwrap().len(), 2);
    }
}
