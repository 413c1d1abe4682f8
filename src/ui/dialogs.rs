//! File dialogs: the native rfd dialog on a worker thread, and an in-app path field where no
//! native dialog can be shown (no desktop portal). The UI thread never waits on a dialog.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the user is choosing paths for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    OpenFiles,
    OpenFolder,
    AddFiles,
    AddFolder,
    ExportImage,
    ExportData,
    /// A folder for the walkthrough's numbered slides.
    ExportSlides,
    ExportGif,
    OpenProject,
    SaveProject,
}

impl DialogPurpose {
    pub fn title(self) -> &'static str {
        match self {
            DialogPurpose::OpenFiles => "Open documents",
            DialogPurpose::OpenFolder => "Open a folder",
            DialogPurpose::AddFiles => "Add documents",
            DialogPurpose::AddFolder => "Add a folder",
            DialogPurpose::ExportImage => "Export image",
            DialogPurpose::ExportData => "Export data",
            DialogPurpose::ExportSlides => "Export walkthrough slides to a folder",
            DialogPurpose::ExportGif => "Export walkthrough as GIF",
            DialogPurpose::OpenProject => "Open project",
            DialogPurpose::SaveProject => "Save project",
        }
    }

    pub fn is_save(self) -> bool {
        matches!(
            self,
            DialogPurpose::ExportImage
                | DialogPurpose::ExportData
                | DialogPurpose::ExportSlides
                | DialogPurpose::ExportGif
        )
    }
}

/// A native dialog answer faster than this means none was shown (rfd returns `None` at once when
/// there is no portal), so we offer the in-app path field instead.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(150);

/// A dialog running on a worker thread.
pub struct PendingDialog {
    pub purpose: DialogPurpose,
    started: Instant,
    receiver: mpsc::Receiver<Vec<PathBuf>>,
}

/// The outcome of polling a dialog.
pub enum DialogOutcome {
    Waiting,
    Chosen(DialogPurpose, Vec<PathBuf>),
    Cancelled,
    /// No native dialog could be shown: use the in-app path field.
    Unavailable(DialogPurpose),
}

impl PendingDialog {
    pub fn spawn(purpose: DialogPurpose, repaint: impl Fn() + Send + 'static) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_title(purpose.title());
            let paths = match purpose {
                DialogPurpose::OpenFiles | DialogPurpose::AddFiles => dialog
                    .add_filter("Documents", &["txt", "md", "markdown", "json"])
                    .pick_files()
                    .unwrap_or_default(),
                DialogPurpose::OpenFolder
                | DialogPurpose::AddFolder
                | DialogPurpose::ExportSlides => dialog.pick_folder().into_iter().collect(),
                DialogPurpose::ExportImage => dialog
                    .add_filter("PNG image", &["png"])
                    .add_filter("SVG image", &["svg"])
                    .set_file_name("dossier.png")
                    .save_file()
                    .into_iter()
                    .collect(),
                DialogPurpose::OpenProject => dialog
                    .add_filter("Dossier project", &["dossier"])
                    .pick_file()
                    .into_iter()
                    .collect(),
                DialogPurpose::SaveProject => dialog
                    .add_filter("Dossier project", &["dossier"])
                    .set_file_name("project.dossier")
                    .save_file()
                    .into_iter()
                    .collect(),
                DialogPurpose::ExportGif => dialog
                    .add_filter("GIF animation", &["gif"])
                    .set_file_name("walkthrough.gif")
                    .save_file()
                    .into_iter()
                    .collect(),
                DialogPurpose::ExportData => dialog
                    .add_filter("Gephi GEXF", &["gexf"])
                    .add_filter("GraphML", &["graphml"])
                    .add_filter("CSV", &["csv"])
                    .add_filter("JSON", &["json"])
                    .set_file_name("dossier.gexf")
                    .save_file()
                    .into_iter()
                    .collect(),
            };
            let _ = sender.send(paths);
            repaint();
        });
        Self {
            purpose,
            started: Instant::now(),
            receiver,
        }
    }

    pub fn poll(&self) -> DialogOutcome {
        match self.receiver.try_recv() {
            Ok(paths) if !paths.is_empty() => DialogOutcome::Chosen(self.purpose, paths),
            Ok(_) if self.started.elapsed() < NO_DIALOG_THRESHOLD => {
                DialogOutcome::Unavailable(self.purpose)
            }
            Ok(_) | Err(mpsc::TryRecvError::Disconnected) => DialogOutcome::Cancelled,
            Err(mpsc::TryRecvError::Empty) => DialogOutcome::Waiting,
        }
    }
}

/// The in-app path field: one path per line.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    pub purpose: DialogPurpose,
    pub text: String,
}

impl PathPrompt {
    pub fn new(purpose: DialogPurpose) -> Self {
        Self {
            purpose,
            text: String::new(),
        }
    }

    pub fn paths(&self) -> Vec<PathBuf> {
        self.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect()
    }
}
