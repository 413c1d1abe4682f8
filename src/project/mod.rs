//! Project files (`.dossier`): corpus paths, corrections, layout and walkthroughs.
//!
//! - [`Correction`]s are the user's edits, stored as an [`Overlay`] on the extracted model and
//!   keyed robustly ([`ActorRef`], [`RelationRef`], [`EventRef`]) so they re-apply after
//!   re-extraction; those that no longer apply come back as [`Unapplied`].
//! - [`History`] is the undo/redo stack over the overlay.
//! - [`Project`] is the saved file: [`save`] (atomic, deterministic), [`load`] (refuses bad
//!   files with clear messages, migrates older schemas), [`check_corpus`].
//! - [`recovery_path`], [`write_recovery`], [`find_recovery`]: autosave for crash recovery.
//!
//! No egui here; the UI wires these to its commands. The file format is in `docs/project.md`.

mod corpus;
mod corrections;
mod file;
mod history;
mod overlay;
mod recovery;
mod refs;

pub use corrections::{Correction, EventDraft};
pub use file::{
    CorpusEntry, CorpusIssue, LoadedProject, MAX_PROJECT_BYTES, Project, ProjectError,
    SCHEMA_VERSION, SavedLayout, check_corpus, load, load_with_warnings, parse, save, sha256_file,
    to_json,
};
pub use history::History;
pub use overlay::{Overlay, Unapplied, UserAlias};
pub use recovery::{data_dir, discard_recovery, find_recovery, recovery_path, write_recovery};
pub use refs::{ActorRef, EventRef, RelationRef};
