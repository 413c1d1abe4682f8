//! GEXF 1.3 for Gephi.

use super::timing::{Segment, Timing};
use super::xml::Xml;
use super::{Names, default_directed, document_summary};
use crate::model::Model;

/// The model as a GEXF 1.3 document: actors are nodes, relations are edges.
///
/// - Nodes carry the label (the actor's name) and the static attributes `kind`, `role`,
///   `affiliation` (the affiliated actor's name), `mentions` (count) and `aliases` (joined
///   with `|`).
/// - Edges carry the label and the XML `kind` (the relation kind: Gephi keeps parallel edges
///   of different kinds apart instead of merging them), a weight (the number of evidence
///   sentences, at least 1: a relation drawn by hand with no evidence still exists), and the
///   attributes `kind`, `polarity`, `directed` and `evidence` (the sentences, one per line).
///   The graph's `defaultedgetype` is directed when any relation is, else undirected; an
///   edge that differs says so in its own `type` (a mixed graph, which Gephi reads; readers
///   without mixed graphs, such as networkx, then refuse the file).
/// - Time, so Gephi's timeline works: the graph is `mode="dynamic"` with `timeformat="date"`.
///   Each node and edge gets a `start` date, the earliest dated event or evidence document
///   date involving it (see the `timing` module), and no end: the network grows as the
///   story unfolds; undated items are always shown. The dynamic attribute `events` holds, on
///   each day range, the labels of the dated events the actor or relation takes part in, so
///   filtering on it or scrubbing the timeline shows who was doing what when.
pub fn to_gexf(model: &Model) -> String {
    let names = Names::new(model);
    let timing = Timing::new(model);
    let mut xml = Xml::new();
    xml.open(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ],
    );
    xml.open("meta", &[]);
    xml.leaf("creator", &[], "Dossier");
    xml.leaf("description", &[], &document_summary(model));
    xml.close("meta");
    let default_type = edge_type(default_directed(model));
    xml.open(
        "graph",
        &[
            ("defaultedgetype", default_type),
            ("mode", "dynamic"),
            ("timeformat", "date"),
        ],
    );

    declare(
        &mut xml,
        "node",
        "static",
        &[
            ("kind", "string"),
            ("role", "string"),
            ("affiliation", "string"),
            ("mentions", "integer"),
            ("aliases", "string"),
        ],
    );
    declare(&mut xml, "node", "dynamic", &[("events", "string")]);
    declare(
        &mut xml,
        "edge",
        "static",
        &[
            ("kind", "string"),
            ("polarity", "string"),
            ("directed", "boolean"),
            ("evidence", "string"),
        ],
    );
    declare(&mut xml, "edge", "dynamic", &[("events", "string")]);

    xml.open("nodes", &[]);
    let mut seen = std::collections::BTreeSet::new();
    for actor in &model.actors {
        // GEXF ids are unique; a duplicate id would make the reader reject the file.
        if !seen.insert(&actor.id) {
            continue;
        }
        let start = timing.actor_start(&actor.id).map(|d| d.to_string());
        let mut attrs = vec![("id", actor.id.as_str()), ("label", actor.name.as_str())];
        if let Some(start) = &start {
            attrs.push(("start", start));
        }
        xml.open("node", &attrs);
        xml.open("attvalues", &[]);
        xml.empty(
            "attvalue",
            &[("for", "kind"), ("value", actor.kind.label())],
        );
        if let Some(role) = &actor.role {
            xml.empty("attvalue", &[("for", "role"), ("value", role)]);
        }
        if let Some(affiliation) = &actor.affiliation {
            xml.empty(
                "attvalue",
                &[("for", "affiliation"), ("value", names.of(affiliation))],
            );
        }
        let mentions = actor.mentions.len().to_string();
        xml.empty("attvalue", &[("for", "mentions"), ("value", &mentions)]);
        if !actor.aliases.is_empty() {
            let aliases = actor.aliases.join("|");
            xml.empty("attvalue", &[("for", "aliases"), ("value", &aliases)]);
        }
        dynamic_values(&mut xml, timing.actor_segments(&actor.id));
        xml.close("attvalues");
        xml.close("node");
    }
    xml.close("nodes");

    xml.open("edges", &[]);
    let mut seen = std::collections::BTreeSet::new();
    for (index, relation) in model.relations.iter().enumerate() {
        if !names.contains(&relation.source)
            || !names.contains(&relation.target)
            || !seen.insert(&relation.id)
        {
            continue;
        }
        let weight = relation.evidence.len().max(1).to_string();
        let start = timing.relation_start(index).map(|d| d.to_string());
        let mut attrs = vec![
            ("id", relation.id.as_str()),
            ("source", relation.source.as_str()),
            ("target", relation.target.as_str()),
        ];
        let this_type = edge_type(relation.directed);
        if this_type != default_type {
            attrs.push(("type", this_type));
        }
        attrs.extend([
            ("kind", relation.kind.as_str()),
            ("label", relation.kind.as_str()),
            ("weight", &weight),
        ]);
        if let Some(start) = &start {
            attrs.push(("start", start));
        }
        xml.open("edge", &attrs);
        xml.open("attvalues", &[]);
        xml.empty("attvalue", &[("for", "kind"), ("value", &relation.kind)]);
        xml.empty(
            "attvalue",
            &[("for", "polarity"), ("value", relation.polarity.label())],
        );
        let directed = if relation.directed { "true" } else { "false" };
        xml.empty("attvalue", &[("for", "directed"), ("value", directed)]);
        if !relation.evidence.is_empty() {
            let evidence: Vec<&str> = relation.evidence.iter().map(|e| e.text.as_str()).collect();
            xml.empty(
                "attvalue",
                &[("for", "evidence"), ("value", &evidence.join("\n"))],
            );
        }
        dynamic_values(&mut xml, timing.relation_segments(index));
        xml.close("attvalues");
        xml.close("edge");
    }
    xml.close("edges");

    xml.close("graph");
    xml.close("gexf");
    xml.finish()
}

fn edge_type(directed: bool) -> &'static str {
    if directed { "directed" } else { "undirected" }
}

/// An `<attributes>` block; each attribute's id is also its title.
fn declare(xml: &mut Xml, class: &str, mode: &str, attributes: &[(&str, &str)]) {
    xml.open("attributes", &[("class", class), ("mode", mode)]);
    for (id, kind) in attributes {
        xml.empty("attribute", &[("id", id), ("title", id), ("type", kind)]);
    }
    xml.close("attributes");
}

/// The `events` dynamic attribute: one value per segment, with its day range.
fn dynamic_values(xml: &mut Xml, segments: &[Segment]) {
    for segment in segments {
        let value = segment.value();
        let start = segment.start.to_string();
        let end = segment.end.to_string();
        xml.empty(
            "attvalue",
            &[
                ("for", "events"),
                ("value", &value),
                ("start", &start),
                ("end", &end),
            ],
        );
    }
}
