//! `GraphML` for yEd, Cytoscape and other graph tools.

use std::collections::BTreeSet;

use super::timing::{Segment, Timing};
use super::xml::Xml;
use super::{Names, default_directed, document_summary};
use crate::model::Model;

/// Declared keys: (id, for, attr.name, attr.type). Ids are unique across node and edge keys.
const KEYS: [(&str, &str, &str, &str); 18] = [
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_role", "node", "role", "string"),
    ("n_affiliation", "node", "affiliation", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_start", "node", "start", "string"),
    ("n_events", "node", "events", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_polarity", "edge", "polarity", "string"),
    ("e_directed", "edge", "directed", "boolean"),
    ("e_weight", "edge", "weight", "double"),
    ("e_evidence_count", "edge", "evidence count", "int"),
    ("e_evidence", "edge", "evidence", "string"),
    ("e_start", "edge", "start", "string"),
    ("e_events", "edge", "events", "string"),
    ("g_description", "graph", "description", "string"),
];

/// The model as a `GraphML` document: actors are nodes, relations are edges.
///
/// Every key is declared up front with its type (yEd's and Cytoscape's property mappers list
/// them by `attr.name`). Node keys: `label` (name), `kind`, `role`, `affiliation` (the
/// affiliated actor's name), `mentions`, `aliases` (joined with `|`), `start` and `events`.
/// Edge keys: `label` and `kind` (the relation kind), `polarity`, `directed`, `weight` and
/// `evidence count` (the number of evidence sentences; weight at least 1), `evidence` (the
/// sentences, one per line), `start` and `events`. `GraphML` has no time model, so `start`
/// (the first date the item is known, as in the GEXF export) is an ISO date string and
/// `events` lists the dated events as `YYYY-MM-DD: labels` lines. The graph's `edgedefault`
/// is directed when any relation is, else undirected; an edge that differs says so in its own
/// `directed` attribute (a mixed graph, which yEd reads; networkx refuses mixed graphs).
pub fn to_graphml(model: &Model) -> String {
    let names = Names::new(model);
    let timing = Timing::new(model);
    let mut xml = Xml::new();
    xml.open(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    );
    for (id, domain, name, kind) in KEYS {
        xml.empty(
            "key",
            &[
                ("id", id),
                ("for", domain),
                ("attr.name", name),
                ("attr.type", kind),
            ],
        );
    }
    let default_directed = default_directed(model);
    let edgedefault = if default_directed {
        "directed"
    } else {
        "undirected"
    };
    xml.open("graph", &[("id", "dossier"), ("edgedefault", edgedefault)]);
    xml.leaf(
        "data",
        &[("key", "g_description")],
        &document_summary(model),
    );

    let mut seen = BTreeSet::new();
    for actor in &model.actors {
        if !seen.insert(&actor.id) {
            continue;
        }
        xml.open("node", &[("id", actor.id.as_str())]);
        data(&mut xml, "n_label", &actor.name);
        data(&mut xml, "n_kind", actor.kind.label());
        if let Some(role) = &actor.role {
            data(&mut xml, "n_role", role);
        }
        if let Some(affiliation) = &actor.affiliation {
            data(&mut xml, "n_affiliation", names.of(affiliation));
        }
        data(&mut xml, "n_mentions", &actor.mentions.len().to_string());
        if !actor.aliases.is_empty() {
            data(&mut xml, "n_aliases", &actor.aliases.join("|"));
        }
        if let Some(start) = timing.actor_start(&actor.id) {
            data(&mut xml, "n_start", &start.to_string());
        }
        let events = events_text(timing.actor_segments(&actor.id));
        if !events.is_empty() {
            data(&mut xml, "n_events", &events);
        }
        xml.close("node");
    }

    let mut seen = BTreeSet::new();
    for (index, relation) in model.relations.iter().enumerate() {
        if !names.contains(&relation.source)
            || !names.contains(&relation.target)
            || !seen.insert(&relation.id)
        {
            continue;
        }
        let directed = if relation.directed { "true" } else { "false" };
        let mut attrs = vec![
            ("id", relation.id.as_str()),
            ("source", relation.source.as_str()),
            ("target", relation.target.as_str()),
        ];
        if relation.directed != default_directed {
            attrs.push(("directed", directed));
        }
        xml.open("edge", &attrs);
        data(&mut xml, "e_label", &relation.kind);
        data(&mut xml, "e_kind", &relation.kind);
        data(&mut xml, "e_polarity", relation.polarity.label());
        data(&mut xml, "e_directed", directed);
        let count = relation.evidence.len();
        data(&mut xml, "e_weight", &count.max(1).to_string());
        data(&mut xml, "e_evidence_count", &count.to_string());
        if count > 0 {
            let evidence: Vec<&str> = relation.evidence.iter().map(|e| e.text.as_str()).collect();
            data(&mut xml, "e_evidence", &evidence.join("\n"));
        }
        if let Some(start) = timing.relation_start(index) {
            data(&mut xml, "e_start", &start.to_string());
        }
        let events = events_text(timing.relation_segments(index));
        if !events.is_empty() {
            data(&mut xml, "e_events", &events);
        }
        xml.close("edge");
    }

    xml.close("graph");
    xml.close("graphml");
    xml.finish()
}

fn data(xml: &mut Xml, key: &str, value: &str) {
    xml.leaf("data", &[("key", key)], value);
}

/// `YYYY-MM-DD: labels` (or `YYYY-MM-DD/YYYY-MM-DD: labels` for a range), one per line.
fn events_text(segments: &[Segment]) -> String {
    let lines: Vec<String> = segments
        .iter()
        .map(|s| {
            if s.start == s.end {
                format!("{}: {}", s.start, s.value())
            } else {
                format!("{}/{}: {}", s.start, s.end, s.value())
            }
        })
        .collect();
    lines.join("\n")
}
