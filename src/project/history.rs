//! Undo and redo over the correction overlay, unlimited within a session.
//!
//! The history owns the overlay. Every step is undoable: adding a correction, and removing one
//! from the list (e.g. a correction that no longer applies). The corrected model is always
//! `history.overlay().apply(&extracted)`, recomputed after each step, so undo gives back
//! exactly the model from before. Corrections loaded from a project are the session's starting
//! point: they are not undone by Undo, but may be removed (undoably).

use crate::model::Model;
use crate::project::corrections::Correction;
use crate::project::overlay::{Overlay, Unapplied};

/// One undoable step.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// A correction appended at the end of the overlay.
    Add(Correction),
    /// A correction removed from `index`.
    Remove {
        index: usize,
        correction: Correction,
    },
}

impl Step {
    fn correction(&self) -> &Correction {
        match self {
            Step::Add(c) | Step::Remove { correction: c, .. } => c,
        }
    }

    fn label(&self) -> String {
        match self {
            Step::Add(c) => c.label().to_owned(),
            Step::Remove { correction, .. } => format!("remove “{}”", correction.label()),
        }
    }
}

/// The overlay with its undo and redo stacks. Per-session, except the overlay (project state).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    overlay: Overlay,
    done: Vec<Step>,
    undone: Vec<Step>,
    /// The corrections as last saved or loaded, for the dirty marker.
    saved: Vec<Correction>,
}

impl History {
    /// A history starting from `overlay` (e.g. loaded from a project), which counts as saved.
    pub fn new(overlay: Overlay) -> Self {
        Self {
            saved: overlay.corrections.clone(),
            overlay,
            done: Vec::new(),
            undone: Vec::new(),
        }
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    pub fn corrections(&self) -> &[Correction] {
        &self.overlay.corrections
    }

    /// The corrected model and the corrections that did not (fully) apply.
    pub fn apply(&self, extracted: &Model) -> (Model, Vec<Unapplied>) {
        self.overlay.apply(extracted)
    }

    /// Adds a correction at the end; clears the redo stack.
    pub fn push(&mut self, correction: Correction) {
        self.overlay.corrections.push(correction.clone());
        self.done.push(Step::Add(correction));
        self.undone.clear();
    }

    /// Removes the correction at `index` (undoably); returns it, or `None` if out of range.
    pub fn remove(&mut self, index: usize) -> Option<&Correction> {
        if index >= self.overlay.corrections.len() {
            return None;
        }
        let correction = self.overlay.corrections.remove(index);
        self.done.push(Step::Remove { index, correction });
        self.undone.clear();
        self.done.last().map(Step::correction)
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Undoes the last step; returns the correction it concerned.
    pub fn undo(&mut self) -> Option<&Correction> {
        let step = self.done.pop()?;
        match &step {
            Step::Add(_) => {
                self.overlay.corrections.pop();
            }
            Step::Remove { index, correction } => {
                let at = (*index).min(self.overlay.corrections.len());
                self.overlay.corrections.insert(at, correction.clone());
            }
        }
        self.undone.push(step);
        self.undone.last().map(Step::correction)
    }

    /// Redoes the last undone step; returns the correction it concerned.
    pub fn redo(&mut self) -> Option<&Correction> {
        let step = self.undone.pop()?;
        match &step {
            Step::Add(c) => self.overlay.corrections.push(c.clone()),
            Step::Remove { index, .. } => {
                if *index < self.overlay.corrections.len() {
                    self.overlay.corrections.remove(*index);
                }
            }
        }
        self.done.push(step);
        self.done.last().map(Step::correction)
    }

    /// “Undo rename actor”, for the Edit menu; `None` when there is nothing to undo.
    pub fn undo_label(&self) -> Option<String> {
        self.done.last().map(|s| format!("Undo {}", s.label()))
    }

    /// “Redo rename actor”; `None` when there is nothing to redo.
    pub fn redo_label(&self) -> Option<String> {
        self.undone.last().map(|s| format!("Redo {}", s.label()))
    }

    /// Whether the corrections differ from the last save (undoing back to it clears this).
    pub fn is_modified(&self) -> bool {
        self.overlay.corrections != self.saved
    }

    /// Records the current corrections as saved.
    pub fn mark_saved(&mut self) {
        self.saved.clone_from(&self.overlay.corrections);
    }
}
