//! The diagram's graph: the model's actors and relations after the view's filters and level of
//! detail, with relations grouped per actor pair into lanes (one curve each). No egui types.
//!
//! Filters: hidden actor kinds, polarities and relation kinds, a minimum evidence count, and a
//! time window on the evidence's document dates. In the states-and-organizations level each
//! person folds into their affiliation (followed to the first non-person) and their relations
//! are re-aggregated onto it; people with no affiliation stay as themselves.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::model::{
    Actor, ActorId, ActorKind, DocId, Evidence, Mention, Model, Polarity, Relation, RelationId,
};
use crate::ui::state::{LevelOfDetail, ViewSettings};

/// A node of the diagram: one actor, or a state/organization with its folded people.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    /// The affiliation's name, for tooltips.
    pub affiliation_name: Option<String>,
    /// Index of the node this one is pulled towards (its affiliation), if shown.
    pub affiliation: Option<usize>,
    /// Mentions of the actor plus those of the people folded into it.
    pub mentions: usize,
    /// People folded into this node (states-and-organizations level).
    pub members: Vec<ActorId>,
}

/// A relation that survived the filters, between two nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphRelation {
    pub id: RelationId,
    pub source: usize,
    pub target: usize,
    pub kind: String,
    pub polarity: Polarity,
    pub directed: bool,
    /// Evidence sentences inside the time window.
    pub evidence: usize,
}

/// Relations on one pair that share a direction and a polarity: drawn as one curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub from: usize,
    pub to: usize,
    pub directed: bool,
    pub polarity: Polarity,
    /// Indices into [`Graph::relations`].
    pub relations: Vec<usize>,
    pub evidence: usize,
}

/// Every relation between two nodes `a < b`, split into lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    pub a: usize,
    pub b: usize,
    pub lanes: Vec<Lane>,
}

impl GraphEdge {
    pub fn evidence(&self) -> usize {
        self.lanes.iter().map(|l| l.evidence).sum()
    }
}

/// The filtered, folded graph the layout and the painters work on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub relations: Vec<GraphRelation>,
    pub edges: Vec<GraphEdge>,
    /// Node index of every shown actor id, folded people included (mapped to their node).
    pub node_of: HashMap<ActorId, usize>,
}

impl Graph {
    /// The node an actor is drawn as (itself, or the node it folded into).
    pub fn node_index(&self, id: &ActorId) -> Option<usize> {
        self.node_of.get(id).copied()
    }

    /// Node degrees (number of edges, not relations).
    pub fn degrees(&self) -> Vec<usize> {
        let mut degree = vec![0; self.nodes.len()];
        for e in &self.edges {
            degree[e.a] += 1;
            degree[e.b] += 1;
        }
        degree
    }

    /// Indices of the nodes within `steps` edges of `start`.
    pub fn neighbourhood(&self, start: &[usize], steps: usize) -> Vec<bool> {
        let mut adjacency = vec![Vec::new(); self.nodes.len()];
        for e in &self.edges {
            adjacency[e.a].push(e.b);
            adjacency[e.b].push(e.a);
        }
        let mut inside = vec![false; self.nodes.len()];
        let mut frontier: Vec<usize> = start
            .iter()
            .copied()
            .filter(|&i| i < inside.len())
            .collect();
        for &i in &frontier {
            inside[i] = true;
        }
        for _ in 0..steps {
            let mut next = Vec::new();
            for i in frontier {
                for &j in &adjacency[i] {
                    if !inside[j] {
                        inside[j] = true;
                        next.push(j);
                    }
                }
            }
            frontier = next;
        }
        inside
    }

    /// The edge and lane that draw relation `relation` (index into `relations`).
    pub fn lane_of_relation(&self, relation: usize) -> Option<(usize, usize)> {
        self.edges.iter().enumerate().find_map(|(ei, e)| {
            e.lanes
                .iter()
                .position(|l| l.relations.contains(&relation))
                .map(|li| (ei, li))
        })
    }
}

/// Follows affiliations from `actor` to the first non-person (at most a few hops).
fn fold_target<'m>(actor: &'m Actor, by_id: &HashMap<&ActorId, &'m Actor>) -> Option<&'m Actor> {
    let mut current = actor;
    for _ in 0..8 {
        let next = current.affiliation.as_ref().and_then(|id| by_id.get(id))?;
        if next.kind != ActorKind::Person {
            return Some(next);
        }
        current = next;
    }
    None
}

fn evidence_in_window(
    evidence: &[Evidence],
    window: Option<(NaiveDate, NaiveDate)>,
    dates: &HashMap<&DocId, Option<NaiveDate>>,
) -> usize {
    let Some((from, to)) = window else {
        // A hand-made relation with no evidence still counts as one claim.
        return evidence.len().max(1);
    };
    evidence
        .iter()
        .filter(|e| {
            dates
                .get(&e.document)
                .copied()
                .flatten()
                .is_some_and(|d| d >= from && d <= to)
        })
        .count()
}

/// Builds the diagram's graph from the model and the view settings.
pub fn build_graph(model: &Model, view: &ViewSettings) -> Graph {
    let by_id: HashMap<&ActorId, &Actor> = model.actors.iter().map(|a| (&a.id, a)).collect();
    let fold = view.level == LevelOfDetail::StatesAndOrganizations;

    // Which actor each model actor is drawn as.
    let mut drawn_as: HashMap<&ActorId, &Actor> = HashMap::new();
    for actor in &model.actors {
        let target = if fold && actor.kind == ActorKind::Person {
            fold_target(actor, &by_id).unwrap_or(actor)
        } else {
            actor
        };
        if !view.hidden_kinds.contains(&target.kind) {
            drawn_as.insert(&actor.id, target);
        }
    }

    let mut graph = Graph::default();
    for actor in &model.actors {
        if drawn_as.get(&actor.id).is_some_and(|t| t.id == actor.id) {
            graph.node_of.insert(actor.id.clone(), graph.nodes.len());
            graph.nodes.push(GraphNode {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
                role: actor.role.clone(),
                affiliation_name: actor
                    .affiliation
                    .as_ref()
                    .and_then(|id| by_id.get(id))
                    .map(|a| a.name.clone()),
                affiliation: None,
                mentions: actor.mentions.len(),
                members: Vec::new(),
            });
        }
    }
    for actor in &model.actors {
        let Some(target) = drawn_as.get(&actor.id) else {
            continue;
        };
        if target.id != actor.id
            && let Some(&node) = graph.node_of.get(&target.id)
        {
            graph.node_of.insert(actor.id.clone(), node);
            graph.nodes[node].mentions += actor.mentions.len();
            graph.nodes[node].members.push(actor.id.clone());
        }
    }
    for node in 0..graph.nodes.len() {
        let affiliation = by_id
            .get(&graph.nodes[node].id)
            .and_then(|a| a.affiliation.as_ref())
            .and_then(|id| graph.node_of.get(id).copied())
            .filter(|&j| j != node);
        graph.nodes[node].affiliation = affiliation;
    }

    let dates: HashMap<&DocId, Option<NaiveDate>> = model
        .documents
        .iter()
        .map(|d| (&d.id, d.published))
        .collect();
    for relation in &model.relations {
        if let Some(r) = graph_relation(relation, &graph, view, &dates) {
            graph.relations.push(r);
        }
    }

    // Group per unordered pair, then per (direction, polarity) lane; BTreeMaps keep the order
    // deterministic.
    let mut pairs: BTreeMap<(usize, usize), BTreeMap<(u8, Polarity), Lane>> = BTreeMap::new();
    for (ri, r) in graph.relations.iter().enumerate() {
        let (a, b) = (r.source.min(r.target), r.source.max(r.target));
        let direction = match (r.directed, r.source < r.target) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 2,
        };
        let (from, to) = if direction == 2 { (b, a) } else { (a, b) };
        let lane = pairs
            .entry((a, b))
            .or_default()
            .entry((direction, r.polarity))
            .or_insert_with(|| Lane {
                from,
                to,
                directed: r.directed,
                polarity: r.polarity,
                relations: Vec::new(),
                evidence: 0,
            });
        lane.relations.push(ri);
        lane.evidence += r.evidence;
    }
    graph.edges = pairs
        .into_iter()
        .map(|((a, b), lanes)| GraphEdge {
            a,
            b,
            lanes: lanes.into_values().collect(),
        })
        .collect();
    graph
}

fn graph_relation(
    relation: &Relation,
    graph: &Graph,
    view: &ViewSettings,
    dates: &HashMap<&DocId, Option<NaiveDate>>,
) -> Option<GraphRelation> {
    if view.hidden_polarities.contains(&relation.polarity)
        || view.hidden_relation_kinds.contains(&relation.kind)
    {
        return None;
    }
    let source = graph.node_index(&relation.source)?;
    let target = graph.node_index(&relation.target)?;
    if source == target {
        return None;
    }
    let evidence = evidence_in_window(&relation.evidence, view.time_window, dates);
    if evidence == 0 || evidence < view.min_evidence {
        return None;
    }
    Some(GraphRelation {
        id: relation.id.clone(),
        source,
        target,
        kind: relation.kind.clone(),
        polarity: relation.polarity,
        directed: relation.directed,
        evidence,
    })
}

/// A small deterministic random generator (`SplitMix64`), for seeded layouts and test data.
#[derive(Clone, Debug)]
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0.0..1.0`.
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A synthetic model for tests and benchmarks: `n_actors` actors of every kind (people
/// affiliated with countries/organizations), `n_relations` relations with a preferential
/// attachment bias (a few hubs, many leaves), evidence in one dated document.
pub fn synthetic_model(n_actors: usize, n_relations: usize, seed: u64) -> Model {
    let mut rng = SplitMix::new(seed);
    let doc = DocId::new("d:synthetic");
    let mut model = Model {
        schema: crate::model::SCHEMA.to_owned(),
        documents: vec![crate::model::DocumentInfo {
            id: doc.clone(),
            title: "Synthetic".to_owned(),
            published: NaiveDate::from_ymd_opt(2024, 6, 18),
            ..Default::default()
        }],
        ..Default::default()
    };
    let syllables = [
        "ka", "lo", "mi", "ra", "sen", "to", "vi", "du", "ne", "sha", "bor", "el",
    ];
    let mut states: Vec<ActorId> = Vec::new();
    for i in 0..n_actors {
        let kind = match i % 10 {
            0 | 1 => ActorKind::Country,
            2 => ActorKind::Organization,
            3 => ActorKind::Group,
            4 => ActorKind::Place,
            _ => ActorKind::Person,
        };
        let mut name = String::new();
        for _ in 0..2 + rng.below(2) {
            name.push_str(syllables[rng.below(syllables.len())]);
        }
        let mut chars = name.chars();
        let name = match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
            None => name,
        };
        let name = if kind == ActorKind::Person {
            format!(
                "{name} {}",
                syllables[rng.below(syllables.len())].to_uppercase()
            )
        } else {
            name
        };
        let id = ActorId::new(format!("a:{i}-{}", crate::model::slug(&name)));
        let affiliation = if kind == ActorKind::Person && !states.is_empty() && rng.below(4) != 0 {
            Some(states[rng.below(states.len())].clone())
        } else {
            None
        };
        if matches!(kind, ActorKind::Country | ActorKind::Organization) {
            states.push(id.clone());
        }
        let mentions = (1 + rng.below(4) + if i % 37 == 0 { 20 } else { 0 }).min(40);
        model.actors.push(Actor {
            id,
            name,
            kind,
            affiliation,
            role: (kind == ActorKind::Person).then(|| "minister".to_owned()),
            mentions: (0..mentions)
                .map(|m| Mention {
                    document: doc.clone(),
                    start: m * 10,
                    end: m * 10 + 5,
                })
                .collect(),
            ..Default::default()
        });
    }
    if n_actors >= 2 {
        let kinds = [
            "meet",
            "support",
            "oppose",
            "supply",
            "criticize",
            "sanction",
        ];
        let mut ends: Vec<usize> = Vec::with_capacity(2 * n_relations);
        for i in 0..n_relations {
            let source = if ends.is_empty() || rng.below(3) == 0 {
                rng.below(n_actors)
            } else {
                ends[rng.below(ends.len())]
            };
            let mut target = rng.below(n_actors);
            if target == source {
                target = (target + 1) % n_actors;
            }
            ends.push(source);
            ends.push(target);
            let kind = kinds[rng.below(kinds.len())];
            let polarity = match kind {
                "support" | "supply" => Polarity::Cooperative,
                "oppose" | "criticize" | "sanction" => Polarity::Conflictual,
                _ => Polarity::Neutral,
            };
            let n_evidence = 1 + rng.below(3);
            model.relations.push(Relation {
                id: RelationId::new(format!("r:{i}")),
                source: model.actors[source].id.clone(),
                target: model.actors[target].id.clone(),
                kind: kind.to_owned(),
                polarity,
                directed: kind != "meet",
                evidence: (0..n_evidence)
                    .map(|e| Evidence {
                        document: doc.clone(),
                        start: e * 20,
                        end: e * 20 + 15,
                        text: format!("Sentence {e} about relation {i}."),
                    })
                    .collect(),
                ..Default::default()
            });
        }
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_model_has_the_asked_size_and_is_deterministic() {
        let m = synthetic_model(50, 120, 7);
        assert_eq!(m.actors.len(), 50);
        assert_eq!(m.relations.len(), 120);
        assert_eq!(m, synthetic_model(50, 120, 7));
        assert_ne!(m, synthetic_model(50, 120, 8));
    }
}
