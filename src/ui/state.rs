//! The app's shared state: the corpus, the model, the one selection, view settings and problems.
//! State changes only in [`AppState::handle`]; views read the state and push [`Command`]s.

use chrono::NaiveDate;

use crate::corpus::{Document, Problem};
use crate::model::{ActorId, ActorKind, DocId, EventId, Model, Polarity, RelationId};
use crate::project::{Correction, EventDraft, History, Unapplied};

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
    /// A correction to the extraction (undoable).
    Correct(Correction),
    Undo,
    Redo,
    /// Replace the walkthrough with an edited one (reordered, retitled, steps added or deleted).
    SetWalkthrough(crate::walkthrough::Walkthrough),
    /// Scroll the source panel to a span and highlight it, keeping the selection.
    ShowInSource {
        document: DocId,
        start: usize,
        end: usize,
    },
    // Timeline corrections (undo comes with the curation work).
    /// Sets an event's label (`None`: unchanged), its dates (`end` `None`: one day) and its
    /// participants (`None`: unchanged).
    EditEvent {
        id: EventId,
        label: Option<String>,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        participants: Option<Vec<crate::model::ActorId>>,
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
    /// The extractor's output before corrections (project state is the corrections, not this).
    pub extracted: Model,
    /// The corrections with undo/redo (project state).
    pub history: History,
    /// Corrections that no longer apply to the extraction, listed to the user.
    pub unapplied: Vec<Unapplied>,
    /// Unsaved changes since the project was opened or saved.
    pub dirty: bool,
    /// The project file, once saved or opened.
    pub project_path: Option<std::path::PathBuf>,
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
                self.dirty = true;
            }
            Command::ShowInSource {
                document,
                start,
                end,
            } => self.source_focus = Some((document, start..end)),
            Command::SetView(view) => {
                self.view = view;
                self.dirty = true;
            }
            Command::SetTimeWindow(window) => self.view.time_window = window,
            Command::SetDocumentDate { document, date } => {
                if let Some(doc) = self.corpus.iter_mut().find(|d| d.id == document) {
                    doc.published = date;
                    doc.date_assumed = true;
                }
                self.extract_requested = true;
                self.dirty = true;
            }
            Command::EditEvent {
                id,
                label,
                start,
                end,
                participants,
            } => {
                if let Some(correction) = self.event_edit(&id, label, start, end, participants) {
                    self.correct(correction);
                }
            }
            Command::HideEvent(id) => {
                if let Some(correction) = Correction::hide_event(&self.model, &id) {
                    self.correct(correction);
                }
            }
            Command::Correct(correction) => self.correct(correction),
            Command::Undo => {
                let aliases = self.history.overlay().aliases();
                if self.history.undo().is_some() {
                    self.recompute();
                    self.reextract_if_aliases_changed(&aliases);
                }
            }
            Command::Redo => {
                let aliases = self.history.overlay().aliases();
                if self.history.redo().is_some() {
                    self.recompute();
                    self.reextract_if_aliases_changed(&aliases);
                }
            }
        }
    }

    /// The correction for a timeline edit of an event's label and dates.
    fn event_edit(
        &self,
        id: &EventId,
        label: Option<String>,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        participants: Option<Vec<crate::model::ActorId>>,
    ) -> Option<Correction> {
        let event = self.model.event(id)?;
        let end = match (start, end) {
            (Some(s), Some(e)) => Some(e.max(s)),
            (Some(s), None) => Some(s),
            (None, _) => None,
        };
        let dates_changed = (start, end) != (event.start, event.end);
        let draft = EventDraft {
            label: label.unwrap_or_else(|| event.label.clone()),
            kind: event.kind.clone(),
            start,
            end,
            precision: if dates_changed {
                start.map(|_| crate::model::Precision::Day)
            } else {
                event.precision
            },
            participants: participants.unwrap_or_else(|| event.participants.clone()),
            evidence: event.evidence.first().cloned(),
        };
        Correction::edit_event(&self.model, id, &draft)
    }

    /// Records a correction (undoable) and recomputes the model.
    fn correct(&mut self, correction: Correction) {
        let aliases = self.history.overlay().aliases();
        self.history.push(correction);
        self.recompute();
        self.reextract_if_aliases_changed(&aliases);
    }

    /// The knowledge base extraction uses: the shipped one with the user's aliases.
    pub fn knowledge_base(&self) -> std::sync::Arc<crate::extract::KnowledgeBase> {
        self.history
            .overlay()
            .knowledge_base(crate::extract::KnowledgeBase::embedded())
    }

    /// A new or withdrawn alias changes what extraction finds: ask for a re-extraction (the
    /// app runs it in the background).
    fn reextract_if_aliases_changed(&mut self, before: &[crate::project::UserAlias]) {
        if self.history.overlay().aliases() != before {
            self.extract_requested = true;
        }
    }

    /// The model is always the extractor's output with the corrections applied.
    pub fn recompute(&mut self) {
        let (model, unapplied) = self.history.apply(&self.extracted);
        self.model = model;
        self.unapplied = unapplied;
        self.dirty = true;
        self.model_changed();
    }

    /// Installs a fresh extraction and re-applies the corrections to it.
    pub fn set_extracted(&mut self, extracted: Model) {
        self.extracted = extracted;
        let dirty = self.dirty;
        self.recompute();
        self.dirty = dirty;
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
        let extracted = crate::extract::extract(&self.corpus, &self.knowledge_base());
        self.set_extracted(extracted);
    }

    pub fn document(&self, id: &DocId) -> Option<&Document> {
        self.corpus.iter().find(|d| &d.id == id)
    }

    pub fn is_selected(&self, item: &Item) -> bool {
        self.selection.as_ref() == Some(item)
    }
}
