//! The model every view draws: actors, relations, events and quotes, each traced to evidence.
//!
//! Plain data with serde and no egui. This is also the `dossier/1` JSON written by
//! `dossier extract --json` (see `docs/model.md`). Offsets are byte offsets into a document's text.

mod ids;

pub use ids::{ActorId, DocId, EventId, RelationId, slug};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The schema tag written at the top of the JSON model.
pub const SCHEMA: &str = "dossier/1";

/// Everything extracted from a corpus (plus, later, the user's corrections).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Model {
    pub schema: String,
    pub documents: Vec<DocumentInfo>,
    pub actors: Vec<Actor>,
    pub relations: Vec<Relation>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
}

impl Model {
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    pub fn relation(&self, id: &RelationId) -> Option<&Relation> {
        self.relations.iter().find(|r| &r.id == id)
    }

    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.events.iter().find(|e| &e.id == id)
    }

    pub fn document(&self, id: &DocId) -> Option<&DocumentInfo> {
        self.documents.iter().find(|d| &d.id == id)
    }
}

/// A document's metadata as the model records it (the text stays in the corpus).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentInfo {
    pub id: DocId,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub path: String,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    #[default]
    Person,
    Country,
    Organization,
    Group,
    Place,
}

impl ActorKind {
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Person,
        ActorKind::Country,
        ActorKind::Organization,
        ActorKind::Group,
        ActorKind::Place,
    ];

    /// The word used in the UI, the legend and exports.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Place => "place",
        }
    }
}

/// Where a model item came from; hand-made and edited items are marked in the UI and exports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    #[default]
    Extracted,
    Edited,
    Manual,
}

impl Origin {
    pub fn is_extracted(&self) -> bool {
        *self == Origin::Extracted
    }
}

/// One place in one document's text (byte offsets, `start..end`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
pub struct Mention {
    pub document: DocId,
    pub start: usize,
    pub end: usize,
}

/// A sentence (or part of one) that supports a relation, event or quote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub document: DocId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Actor {
    pub id: ActorId,
    /// The full canonical name ("Vladimir Putin", "United States", "NATO").
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub affiliation: Option<ActorId>,
    pub role: Option<String>,
    pub mentions: Vec<Mention>,
    #[serde(skip_serializing_if = "Origin::is_extracted")]
    pub origin: Origin,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Cooperative,
    Conflictual,
    #[default]
    Neutral,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [
        Polarity::Cooperative,
        Polarity::Conflictual,
        Polarity::Neutral,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Polarity::Cooperative => "cooperative",
            Polarity::Conflictual => "conflictual",
            Polarity::Neutral => "neutral",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Relation {
    pub id: RelationId,
    pub source: ActorId,
    pub target: ActorId,
    /// A relation class from the verb lexicon ("meet", "support", "supply", "oppose", …).
    pub kind: String,
    pub polarity: Polarity,
    pub directed: bool,
    pub evidence: Vec<Evidence>,
    #[serde(skip_serializing_if = "Origin::is_extracted")]
    pub origin: Origin,
}

/// How precisely an event's date is known.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    #[default]
    Day,
    Month,
    Year,
    Decade,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    pub id: EventId,
    pub label: String,
    /// The trigger class ("visit", "summit", "press conference", …).
    pub kind: String,
    /// First day of the event's range; `None` when the text gives no time.
    pub start: Option<NaiveDate>,
    /// Last day of the range (inclusive); equal to `start` for a known day.
    pub end: Option<NaiveDate>,
    pub precision: Option<Precision>,
    /// The time expression as written ("next month", "on Tuesday").
    pub time_text: Option<String>,
    /// What a relative date was read against ("published 2024-06-18").
    pub anchor: Option<String>,
    pub participants: Vec<ActorId>,
    pub place: Option<ActorId>,
    pub evidence: Vec<Evidence>,
    #[serde(skip_serializing_if = "Origin::is_extracted")]
    pub origin: Origin,
}

impl Event {
    pub fn is_dated(&self) -> bool {
        self.start.is_some()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    pub speaker: ActorId,
    pub text: String,
    pub about: Vec<ActorId>,
    pub evidence: Evidence,
}
