//! The app's shared state: the corpus, the model, the one selection, view settings and problems.
//! State changes only in [`AppState::handle`]; views read the state and push [`Command`]s.

use chrono::NaiveDate;

use crate::corpus::{Document, Problem};
use crate::model::{ActorId, ActorKind, DocId, EventId, Model, Polarity, RelationId};

/// Anything that can be selected or hovered, in any view.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Actor(ActorId),
    Relation(RelationId),
    Event(EventId),
    Document(DocId),
    /// A span of a document's text (byte offsets), e.g. an evidence sentence.
    TextSpan {
        document: DocId,
        start: usize,
        end: usize,
    },
}

/// People shown as themselves, or folded into their country/organization.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LevelOfDetail {
    #[default]
    People,
    StatesAndOrganizations,
}

/// Dim everything but the selection's neighbourhood.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Focus {
    #[default]
    Off,
    OneStep,
    TwoSteps,
}

/// What the views show. Project state: saved with the project.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    pub level: LevelOfDetail,
    pub focus: Focus,
    pub hidden_kinds: Vec<ActorKind>,
    pub hidden_polarities: Vec<Polarity>,
    pub hidden_relation_kinds: Vec<String>,
    pub min_evidence: usize,
    /// Only relations with evidence from documents published in this window (inclusive).
    pub time_window: Option<(NaiveDate, NaiveDate)>,
    pub dark: bool,
    /// Events the user hid (timeline corrections); left out of the timeline and its lists.
    pub hidden_events: Vec<EventId>,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            level: LevelOfDetail::People,
            focus: Focus::Off,
            hidden_kinds: Vec::new(),
            hidden_polarities: Vec::new(),
            hidden_relation_kinds: Vec::new(),
            min_evidence: 1,
            time_window: None,
            dark: false,
            hidden_events: Vec::new(),
        }
    }
}

/// A change to the state. Views emit these; [`AppState::handle`] applies them.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Select(Option<Item>),
    SetView(ViewSettings),
    SetTimeWindow(Option<(NaiveDate, NaiveDate)>),
    /// The user set a document's publication date; relative dates are re-read against it.
    SetDocumentDate {
        document: DocId,
        date: Option<NaiveDate>,
    },
    /// Replace the walkthrough with an edited one (reordered, retitled, steps added or deleted).
    SetWalkthrough(crate::walkthrough::Walkthrough),
    /// Scroll the source panel to a span and highlight it, keeping the selection.
    ShowInSource {
        document: DocId,
        start: usize,
        end: usize,
    },
    // Timeline corrections (undo comes with the curation work).
    /// Sets an event's label (`None`: unchanged) and its dates (`end` `None`: one day).
    EditEvent {
        id: EventId,
        label: Option<String>,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    /// Hides an event from the timeline (it stays in the model).
    HideEvent(EventId),
}

/// The app's state. `corpus`, `model`, `view` are project state; `selection` and `hovered`
/// are per-session; `hovered` is reset every frame.
#[derive(Default)]
pub struct AppState {
    pub corpus: Vec<Document>,
    pub model: Model,
    pub problems: Vec<Problem>,
    pub view: ViewSettings,
    pub selection: Option<Item>,
    pub hovered: Option<Item>,
    /// Commands pushed by views this frame, applied at the end of the frame.
    pub pending: Vec<Command>,
    /// Bumped whenever the model changes, so views can cache derived data.
    pub model_generation: u64,
    /// A span the source panel should show (an evidence row the user clicked). Per-session.
    pub source_focus: Option<(DocId, std::ops::Range<usize>)>,
    /// A one-line message for the status bar (an error the user should see). Per-session.
    pub notice: Option<String>,
    /// Set when the model must be re-extracted; the app runs the extractor off the UI thread.
    pub extract_requested: bool,
    /// The walkthrough (project state). Regenerated from the model until the user edits it.
    pub walkthrough: crate::walkthrough::Walkthrough,
    pub walkthrough_edited: bool,
}

impl AppState {
    /// Queues a command to be handled at the end of the frame.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Applies a command.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::Select(item) => {
                self.selection = item;
                self.source_focus = None;
            }
            Command::SetWalkthrough(walkthrough) => {
                self.walkthrough = walkthrough;
                self.walkthrough_edited = true;
            }
            Command::ShowInSource {
                document,
                start,
                end,
            } => self.source_focus = Some((document, start..end)),
            Command::SetView(view) => self.view = view,
            Command::SetTimeWindow(window) => self.view.time_window = window,
            Command::SetDocumentDate { document, date } => {
                if let Some(doc) = self.corpus.iter_mut().find(|d| d.id == document) {
                    doc.published = date;
                    doc.date_assumed = true;
                }
                self.extract_requested = true;
            }
            Command::EditEvent {
                id,
                label,
                start,
                end,
            } => self.edit_event(&id, label, start, end),
            Command::HideEvent(id) => {
                if !self.view.hidden_events.contains(&id) {
                    self.view.hidden_events.push(id);
                }
            }
        }
    }

    fn edit_event(
        &mut self,
        id: &EventId,
        label: Option<String>,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) {
        let Some(event) = self.model.events.iter_mut().find(|e| &e.id == id) else {
            return;
        };
        if let Some(label) = label {
            event.label = label;
        }
        let end = match (start, end) {
            (Some(s), Some(e)) => Some(e.max(s)),
            (Some(s), None) => Some(s),
            (None, _) => None,
        };
        if (start, end) != (event.start, event.end) {
            event.start = start;
            event.end = end;
            event.precision = start.map(|_| crate::model::Precision::Day);
            event.anchor = Some("dates set by the user".to_owned());
        }
        event.origin = crate::model::Origin::Edited;
        self.model_changed();
    }

    /// Call after every change to the model: views re-derive their caches, and the walkthrough
    /// follows the model until the user edits it.
    pub fn model_changed(&mut self) {
        self.model_generation += 1;
        if !self.walkthrough_edited {
            self.walkthrough = crate::walkthrough::generate(&self.model);
        }
    }

    /// Applies every queued command in order.
    pub fn apply_pending(&mut self) {
        for command in std::mem::take(&mut self.pending) {
            self.handle(command);
        }
    }

    /// Replaces the corpus and extracts the model from it.
    pub fn set_corpus(&mut self, corpus: Vec<Document>, problems: Vec<Problem>) {
        self.corpus = corpus;
        self.problems = problems;
        self.selection = None;
        self.reextract();
    }

    /// Re-runs the extractor over the corpus.
    pub fn reextract(&mut self) {
        self.model =
            crate::extract::extract(&self.corpus, crate::extract::KnowledgeBase::embedded());
        self.model_changed();
    }

    pub fn document(&self, id: &DocId) -> Option<&Document> {
        self.corpus.iter().find(|d| &d.id == id)
    }

    pub fn is_selected(&self, item: &Item) -> bool {
        self.selection.as_ref() == Some(item)
    }
}
