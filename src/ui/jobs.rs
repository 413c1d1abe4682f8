//! Background work: loading files and running the extractor off the UI thread, with progress
//! and cancellation.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::corpus::{Document, LoadOptions, LoadProgress, Problem, load_paths};
use crate::extract::{KnowledgeBase, extract};
use crate::model::Model;

/// What a finished job hands back to the UI thread.
pub struct JobResult {
    pub corpus: Vec<Document>,
    pub problems: Vec<Problem>,
    pub model: Model,
    pub cancelled: bool,
    /// Whether the new documents replace the corpus (Open) or were added to it (Add).
    pub replace: bool,
}

/// A running job. Dropping it does not stop the thread; call [`Job::cancel`].
pub struct Job {
    pub label: String,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    receiver: mpsc::Receiver<JobResult>,
}

impl Job {
    /// Loads `paths` (replacing the corpus, or adding to `existing`) and extracts the model.
    pub fn load(
        paths: Vec<PathBuf>,
        options: LoadOptions,
        existing: Vec<Document>,
        replace: bool,
        kb: Arc<KnowledgeBase>,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        Self::load_with(paths, options, existing, replace, |_| {}, kb, repaint)
    }

    /// Like [`Job::load`], with `prepare` run on the documents before extraction (a project's
    /// date overrides, say).
    pub fn load_with(
        paths: Vec<PathBuf>,
        options: LoadOptions,
        existing: Vec<Document>,
        replace: bool,
        prepare: impl FnOnce(&mut Vec<Document>) + Send + 'static,
        kb: Arc<KnowledgeBase>,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        let label = format!("Loading {}", describe_paths(&paths));
        Self::spawn(label, repaint, move |progress, cancel| {
            let loaded = load_paths(&paths, &options, progress, cancel);
            let mut corpus = if replace { Vec::new() } else { existing };
            let mut problems = loaded.problems;
            for doc in loaded.documents {
                if corpus
                    .iter()
                    .any(|d| d.path == doc.path && d.text == doc.text)
                {
                    continue;
                }
                if corpus.iter().any(|d| d.id == doc.id) {
                    let mut doc = doc;
                    let mut n = 2;
                    let base = doc.id.0.clone();
                    while corpus.iter().any(|d| d.id == doc.id) {
                        doc.id.0 = format!("{base}-{n}");
                        n += 1;
                    }
                    corpus.push(doc);
                } else {
                    corpus.push(doc);
                }
            }
            problems.sort_by(|a, b| a.path.cmp(&b.path));
            prepare(&mut corpus);
            let model = if loaded.cancelled {
                Model::default()
            } else {
                extract(&corpus, &kb)
            };
            JobResult {
                corpus,
                problems,
                model,
                cancelled: loaded.cancelled,
                replace,
            }
        })
    }

    /// Re-runs the extractor on an existing corpus (after a date change, say).
    pub fn reextract(
        corpus: Vec<Document>,
        problems: Vec<Problem>,
        kb: Arc<KnowledgeBase>,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        Self::spawn(
            "Extracting".to_owned(),
            repaint,
            move |_progress, _cancel| {
                let model = extract(&corpus, &kb);
                JobResult {
                    corpus,
                    problems,
                    model,
                    cancelled: false,
                    replace: true,
                }
            },
        )
    }

    fn spawn(
        label: String,
        repaint: impl Fn() + Send + 'static,
        work: impl FnOnce(&dyn Fn(LoadProgress), &AtomicBool) -> JobResult + Send + 'static,
    ) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = mpsc::channel();
        let (d, t, c) = (done.clone(), total.clone(), cancel.clone());
        std::thread::spawn(move || {
            let progress = |p: LoadProgress| {
                d.store(p.done, Ordering::Relaxed);
                t.store(p.total, Ordering::Relaxed);
                repaint();
            };
            let result = work(&progress, &c);
            // The receiver may be gone if the app closed; nothing to do then.
            let _ = sender.send(result);
            repaint();
        });
        Self {
            label,
            done,
            total,
            cancel,
            receiver,
        }
    }

    pub fn progress(&self) -> LoadProgress {
        LoadProgress {
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The result, once the job has finished.
    pub fn try_finish(&self) -> Option<JobResult> {
        self.receiver.try_recv().ok()
    }

    /// Blocks until the job finishes (tests and the CLI only).
    pub fn wait(self) -> Option<JobResult> {
        self.receiver.recv().ok()
    }
}

fn describe_paths(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.display().to_string(),
        _ => format!("{} paths", paths.len()),
    }
}
