//! The Dossier window: menus, toolbar, panels and the status bar, and the glue that runs
//! background jobs and applies commands at the end of each frame.

use std::path::PathBuf;
use std::sync::mpsc;

use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use crate::corpus::{Document, LoadOptions, Severity};
use crate::model::ActorKind;
use crate::ui::add_event_ui::{AddEventForm, add_event_ui};
use crate::ui::diagram_ui::{DiagramView, diagram_ui};
use crate::ui::dialogs::{DialogOutcome, DialogPurpose, PathPrompt, PendingDialog};
use crate::ui::export_ui::{
    ExportSettings, ImageSubject, ScreenDiagram, export_options_ui, save_screenshot, spawn_export,
};
use crate::ui::inspector_ui::{InspectorView, inspector_ui};
use crate::ui::jobs::{Job, JobResult};
use crate::ui::presenter_ui::{PresenterView, presenter_ui};
use crate::ui::source_ui::{SourceView, documents_ui, source_text_ui};
use crate::ui::state::{AppState, Command, Focus, Item, LevelOfDetail};
use crate::ui::timeline_ui::{TimelineView, timeline_ui};
use crate::ui::walkthrough_ui::{WalkthroughAction, walkthrough_ui};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const ADD: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
const SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// The application. `state` is the shared state; the rest is per-session UI state.
pub struct DossierApp {
    pub state: AppState,
    pub source: SourceView,
    inspector: InspectorView,
    pub diagram: DiagramView,
    pub timeline: TimelineView,
    load_options: LoadOptions,
    job: Option<Job>,
    dialog: Option<PendingDialog>,
    prompt: Option<PathPrompt>,
    search: String,
    show_problems: bool,
    show_shortcuts: bool,
    pub presenter: PresenterView,
    export_settings: ExportSettings,
    show_export: bool,
    pub show_walkthrough: bool,
    fonts_installed: bool,
    /// What to do once the user has answered "discard unsaved changes?".
    confirm: Option<PendingAction>,
    /// A recovery file from a session that did not end cleanly, offered once.
    recovery_offer: Option<PathBuf>,
    recovery_checked: bool,
    last_autosave: Option<std::time::Instant>,
    title: String,
    /// Projects opened or saved recently, newest first (preferences).
    pub recent: Vec<PathBuf>,
    /// Problems found while opening a project, shown with the corpus's own.
    pending_problems: Vec<crate::corpus::Problem>,
    show_unapplied: bool,
    add_event: AddEventForm,
    /// Messages from exports running on worker threads.
    export_results: Vec<mpsc::Receiver<String>>,
}

impl DossierApp {
    /// An app with nothing loaded.
    pub fn new(load_options: LoadOptions) -> Self {
        Self {
            state: AppState::default(),
            source: SourceView::default(),
            inspector: InspectorView::default(),
            diagram: DiagramView::default(),
            timeline: TimelineView::default(),
            load_options,
            job: None,
            dialog: None,
            prompt: None,
            search: String::new(),
            show_problems: true,
            show_shortcuts: false,
            presenter: PresenterView::default(),
            export_settings: ExportSettings::default(),
            show_export: false,
            show_walkthrough: false,
            export_results: Vec::new(),
            fonts_installed: false,
            confirm: None,
            recovery_offer: None,
            recovery_checked: false,
            last_autosave: None,
            title: String::new(),
            recent: Vec::new(),
            pending_problems: Vec::new(),
            show_unapplied: false,
            add_event: AddEventForm::default(),
        }
    }

    /// Whether loading or extraction is running in the background.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Starts loading `paths` in the background (replacing the corpus when `replace`).
    pub fn load(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>, replace: bool) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        let ctx = ctx.clone();
        let existing = if replace {
            Vec::new()
        } else {
            self.state.corpus.clone()
        };
        self.job = Some(Job::load(
            paths,
            self.load_options.clone(),
            existing,
            replace,
            self.state.knowledge_base(),
            move || ctx.request_repaint(),
        ));
    }

    /// Loads `paths` and waits for the result (tests and start-up only; never inside a frame).
    pub fn load_blocking(&mut self, paths: Vec<PathBuf>) {
        if let Some(result) = Job::load(
            paths,
            self.load_options.clone(),
            Vec::new(),
            true,
            self.state.knowledge_base(),
            || {},
        )
        .wait()
        {
            self.finish_job(result);
        }
    }

    fn finish_job(&mut self, result: JobResult) {
        if result.cancelled {
            self.state.notice =
                Some("Loading cancelled; the previous documents are kept".to_owned());
            return;
        }
        for problem in &result.problems {
            eprintln!("{problem}");
        }
        if result.replace {
            self.state.problems = std::mem::take(&mut self.pending_problems);
            self.state.problems.extend(result.problems);
        } else {
            // Keep earlier problems when adding.
            self.state.problems.extend(result.problems);
        }
        self.state.corpus = result.corpus;
        self.state.set_extracted(result.model);
        if self
            .state
            .selection
            .as_ref()
            .is_some_and(|item| !item_exists(&self.state, item))
        {
            self.state.selection = None;
        }
        self.state.notice = None;
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.job
            && let Some(result) = job.try_finish()
        {
            self.job = None;
            self.finish_job(result);
        }
        if self.state.extract_requested && self.job.is_none() {
            self.state.extract_requested = false;
            let ctx = ctx.clone();
            self.job = Some(Job::reextract(
                self.state.corpus.clone(),
                self.state.problems.clone(),
                self.state.knowledge_base(),
                move || ctx.request_repaint(),
            ));
        }
        if let Some(dialog) = &self.dialog {
            match dialog.poll() {
                DialogOutcome::Waiting => {}
                DialogOutcome::Cancelled => self.dialog = None,
                DialogOutcome::Unavailable(purpose) => {
                    self.dialog = None;
                    self.prompt = Some(PathPrompt::new(purpose));
                }
                DialogOutcome::Chosen(purpose, paths) => {
                    self.dialog = None;
                    self.use_paths(ctx, purpose, paths);
                }
            }
        }
        self.export_results.retain(|r| match r.try_recv() {
            Ok(message) => {
                self.state.notice = Some(message);
                false
            }
            Err(mpsc::TryRecvError::Empty) => true,
            Err(mpsc::TryRecvError::Disconnected) => false,
        });
        // Files dropped on the window are added to the corpus.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.load(ctx, dropped, self.state.corpus.is_empty());
        }
    }

    fn use_paths(&mut self, ctx: &egui::Context, purpose: DialogPurpose, paths: Vec<PathBuf>) {
        match purpose {
            DialogPurpose::OpenFiles | DialogPurpose::OpenFolder => self.load(ctx, paths, true),
            DialogPurpose::AddFiles | DialogPurpose::AddFolder => self.load(ctx, paths, false),
            DialogPurpose::ExportImage | DialogPurpose::ExportData => {
                let Some(path) = paths.into_iter().next() else {
                    return;
                };
                if purpose == DialogPurpose::ExportImage
                    && self.export_settings.subject == ImageSubject::Window
                {
                    let (sender, receiver) = mpsc::channel();
                    ctx.request_screenshot(move |image| {
                        let message = match save_screenshot(&image, &path) {
                            Ok(()) => format!("Exported {}", path.display()),
                            Err(err) => err,
                        };
                        let _ = sender.send(message);
                    });
                    self.export_results.push(receiver);
                } else {
                    let repaint = ctx.clone();
                    let screen = ScreenDiagram {
                        positions: self.diagram.positions().clone(),
                        extent: Some(self.diagram.export_extent()),
                    };
                    self.export_results.push(spawn_export(
                        &self.state,
                        &self.export_settings,
                        screen,
                        path,
                        move || repaint.request_repaint(),
                    ));
                }
                self.state.notice = Some("Exporting…".to_owned());
            }
            DialogPurpose::OpenProject => {
                if let Some(path) = paths.into_iter().next() {
                    self.open_project(ctx, &path, false);
                }
            }
            DialogPurpose::SaveProject => {
                if let Some(path) = paths.into_iter().next() {
                    let path = if path.extension().is_some_and(|e| e == "dossier") {
                        path
                    } else {
                        path.with_extension("dossier")
                    };
                    self.save_project(&path);
                }
            }
            DialogPurpose::ExportSlides | DialogPurpose::ExportGif => {
                let Some(path) = paths.into_iter().next() else {
                    return;
                };
                let (sender, receiver) = mpsc::channel();
                let (model, view, walkthrough) = (
                    self.state.model.clone(),
                    self.state.view.clone(),
                    self.state.walkthrough.clone(),
                );
                let options = self.export_settings.image_options();
                let repaint = ctx.clone();
                std::thread::spawn(move || {
                    let result = if purpose == DialogPurpose::ExportSlides {
                        crate::export::walkthrough::export_slides(
                            &model,
                            &view,
                            &walkthrough,
                            &options,
                            &path,
                        )
                        .map(|files| {
                            format!("Exported {} slides to {}", files.len(), path.display())
                        })
                    } else {
                        crate::export::walkthrough::export_gif(
                            &model,
                            &view,
                            &walkthrough,
                            &options,
                            4,
                            &path,
                        )
                        .map(|()| format!("Exported {}", path.display()))
                    };
                    let _ = sender.send(result.unwrap_or_else(|e| e.to_string()));
                    repaint.request_repaint();
                });
                self.export_results.push(receiver);
                self.state.notice = Some("Exporting the walkthrough…".to_owned());
            }
        }
    }

    /// Opens a project: its settings, corrections and layout now, its corpus in the background.
    /// A bad file leaves the current project untouched and says why.
    pub fn open_project(
        &mut self,
        ctx: &egui::Context,
        path: &std::path::Path,
        from_recovery: bool,
    ) {
        let loaded = match crate::project::load_with_warnings(path) {
            Ok(loaded) => loaded,
            Err(err) => {
                self.state.notice = Some(err.to_string());
                return;
            }
        };
        let project = loaded.project;
        let base = path.parent().unwrap_or(std::path::Path::new("."));
        let mut problems: Vec<crate::corpus::Problem> = loaded
            .warnings
            .into_iter()
            .map(|w| crate::corpus::Problem::warning(path, crate::corpus::LoadError::Project(w)))
            .collect();
        for issue in crate::project::check_corpus(&project, base) {
            problems.push(crate::corpus::Problem::warning(
                path,
                crate::corpus::LoadError::Project(issue.to_string()),
            ));
        }
        self.state.selection = None;
        crate::ui::project_io::restore(&mut self.state, &mut self.diagram, &project, path);
        if from_recovery {
            self.state.project_path = None;
        } else {
            self.remember(path);
        }
        let paths = project.corpus_paths();
        let repaint = ctx.clone();
        let overrides = project.clone();
        self.job = Some(Job::load_with(
            paths,
            self.load_options.clone(),
            Vec::new(),
            true,
            move |docs| overrides.apply_date_overrides(docs),
            project
                .overlay()
                .knowledge_base(crate::extract::KnowledgeBase::embedded()),
            move || repaint.request_repaint(),
        ));
        self.pending_problems = problems;
        self.state.dirty = from_recovery;
    }

    /// Saves the project atomically; on success the project is clean and its recovery file goes.
    pub fn save_project(&mut self, path: &std::path::Path) {
        let project = crate::ui::project_io::snapshot(&self.state, &self.diagram);
        match crate::project::save(&project, path) {
            Ok(()) => {
                let _ = crate::project::discard_recovery(self.state.project_path.as_deref());
                self.state.project_path = Some(path.to_path_buf());
                self.state.dirty = false;
                self.state.history.mark_saved();
                self.state.notice = Some(format!("Saved {}", path.display()));
                self.remember(path);
            }
            Err(err) => self.state.notice = Some(err.to_string()),
        }
    }

    fn remember(&mut self, path: &std::path::Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(8);
    }

    fn save_or_ask(&mut self, ctx: &egui::Context) {
        match self.state.project_path.clone() {
            Some(path) => self.save_project(&path),
            None => self.ask(ctx, DialogPurpose::SaveProject),
        }
    }

    /// Runs `action` now, or after asking when there are unsaved changes.
    fn guarded(&mut self, ctx: &egui::Context, action: PendingAction) {
        if self.state.dirty {
            self.confirm = Some(action);
        } else {
            self.run_action(ctx, action);
        }
    }

    fn run_action(&mut self, ctx: &egui::Context, action: PendingAction) {
        match action {
            PendingAction::Close => {
                self.state.dirty = false;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            PendingAction::NewProject => {
                let options = self.load_options.clone();
                let recent = std::mem::take(&mut self.recent);
                *self = Self::new(options);
                self.recent = recent;
                self.fonts_installed = true;
            }
            PendingAction::OpenProject(Some(path)) => self.open_project(ctx, &path, false),
            PendingAction::OpenProject(None) => self.ask(ctx, DialogPurpose::OpenProject),
        }
    }

    /// Autosave to the recovery file every minute while there are unsaved changes.
    fn autosave(&mut self) {
        if !self.state.dirty {
            self.last_autosave = None;
            return;
        }
        let due = self
            .last_autosave
            .is_none_or(|t| t.elapsed() >= std::time::Duration::from_secs(60));
        if due {
            self.last_autosave = Some(std::time::Instant::now());
            let project = crate::ui::project_io::snapshot(&self.state, &self.diagram);
            if let Err(err) =
                crate::project::write_recovery(&project, self.state.project_path.as_deref())
            {
                self.state.notice = Some(format!("Autosave failed: {err}"));
            }
        }
    }

    fn ask(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.dialog.is_some() {
            return;
        }
        let ctx = ctx.clone();
        self.dialog = Some(PendingDialog::spawn(purpose, move || ctx.request_repaint()));
    }

    /// Draws one frame into `ui` (the whole window). Used by eframe and by UI tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            install_fallback_font(&ctx);
            self.fonts_installed = true;
        }
        self.poll_background(&ctx);
        self.state.hovered = None;
        ctx.set_visuals(if self.state.view.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        self.shortcuts(&ctx);
        if self.presenter.active {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    presenter_ui(ui, &self.state, &mut self.presenter);
                });
            self.state.apply_pending();
            return;
        }

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_ui(ui));
        });
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("source")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                documents_ui(ui, &mut self.state, &mut self.source);
                ui.separator();
                source_text_ui(ui, &mut self.state, &mut self.source);
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                let problems = self.state.problems.len();
                if problems > 0 {
                    egui::Panel::bottom("problems")
                        .resizable(true)
                        .default_size(160.0)
                        .show(ui, |ui| {
                            ui.toggle_value(
                                &mut self.show_problems,
                                format!("Problems ({problems})"),
                            );
                            if self.show_problems {
                                problems_ui(ui, &self.state);
                            }
                        });
                }
                inspector_ui(ui, &mut self.state, &mut self.inspector);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::Panel::bottom("timeline")
                .resizable(true)
                .default_size(330.0)
                .show(ui, |ui| {
                    timeline_ui(ui, &mut self.state, &mut self.timeline);
                });
            egui::CentralPanel::default().show(ui, |ui| {
                diagram_ui(ui, &mut self.state, &mut self.diagram);
            });
        });

        self.prompt_ui(&ctx);
        self.project_windows(&ctx);
        add_event_ui(&ctx, &mut self.state, &mut self.add_event);
        self.autosave();
        let title = format!(
            "Dossier — {}{}",
            self.state
                .project_path
                .as_ref()
                .and_then(|p| p.file_name())
                .map_or_else(
                    || "untitled".to_owned(),
                    |n| n.to_string_lossy().into_owned()
                ),
            if self.state.dirty { " *" } else { "" }
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        let mut export_now = false;
        egui::Window::new("Export image")
            .open(&mut self.show_export)
            .collapsible(false)
            .show(&ctx, |ui| {
                export_now = export_options_ui(ui, &mut self.export_settings);
            });
        if export_now {
            self.show_export = false;
            self.ask(&ctx, DialogPurpose::ExportImage);
        }
        let mut walkthrough_action = None;
        egui::Window::new("Walkthrough")
            .open(&mut self.show_walkthrough)
            .default_size([560.0, 480.0])
            .show(&ctx, |ui| {
                walkthrough_action = walkthrough_ui(ui, &mut self.state);
            });
        match walkthrough_action {
            Some(WalkthroughAction::Present(step)) => self.presenter.start(&ctx, step),
            Some(WalkthroughAction::ExportSlides) => self.ask(&ctx, DialogPurpose::ExportSlides),
            Some(WalkthroughAction::ExportGif) => self.ask(&ctx, DialogPurpose::ExportGif),
            None => {}
        }
        self.shortcuts_window(&ctx);
        if !ctx.input(|i| i.raw.hovered_files.is_empty()) {
            let screen = ctx.content_rect();
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(140));
            painter.text(
                screen.center(),
                egui::Align2::CENTER_CENTER,
                "Drop files or folders to add them",
                egui::FontId::proportional(24.0),
                egui::Color32::WHITE,
            );
        }
        self.state.apply_pending();
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&ADD)) {
            self.ask(ctx, DialogPurpose::AddFiles);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&OPEN)) {
            self.ask(ctx, DialogPurpose::OpenFiles);
        }
        let typing = ctx.egui_wants_keyboard_input();
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&REDO)) {
            self.state.push(Command::Redo);
        }
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&UNDO)) {
            self.state.push(Command::Undo);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SAVE_AS)) {
            self.ask(ctx, DialogPurpose::SaveProject);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SAVE)) {
            self.save_or_ask(ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.state.dirty {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(PendingAction::Close);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&EXPORT)) {
            self.show_export = true;
        }
        if !self.presenter.active
            && ctx.input(|i| i.key_pressed(Key::F5))
            && !self.state.walkthrough.steps.is_empty()
        {
            self.presenter.start(ctx, 0);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SEARCH)) {
            ctx.memory_mut(|m| m.request_focus(egui::Id::unique("actor-search")));
        }
        if !self.presenter.active
            && ctx.input(|i| i.key_pressed(Key::Escape))
            && !ctx.egui_wants_keyboard_input()
        {
            self.state.push(Command::Select(None));
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ui.menu_button("File", |ui| {
            if ui.button("New project").clicked() {
                self.guarded(&ctx, PendingAction::NewProject);
            }
            if ui.button("Open project…").clicked() {
                self.guarded(&ctx, PendingAction::OpenProject(None));
            }
            ui.menu_button("Recent projects", |ui| {
                if self.recent.is_empty() {
                    ui.weak("none yet");
                }
                for path in self.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        self.guarded(&ctx, PendingAction::OpenProject(Some(path)));
                    }
                }
            });
            if ui
                .add(egui::Button::new("Save").shortcut_text(ctx.format_shortcut(&SAVE)))
                .clicked()
            {
                self.save_or_ask(&ctx);
            }
            if ui
                .add(egui::Button::new("Save as…").shortcut_text(ctx.format_shortcut(&SAVE_AS)))
                .clicked()
            {
                self.ask(&ctx, DialogPurpose::SaveProject);
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Open…").shortcut_text(ctx.format_shortcut(&OPEN)))
                .clicked()
            {
                self.ask(&ctx, DialogPurpose::OpenFiles);
            }
            if ui.button("Open folder…").clicked() {
                self.ask(&ctx, DialogPurpose::OpenFolder);
            }
            if ui
                .add(egui::Button::new("Add…").shortcut_text(ctx.format_shortcut(&ADD)))
                .clicked()
            {
                self.ask(&ctx, DialogPurpose::AddFiles);
            }
            if ui.button("Add folder…").clicked() {
                self.ask(&ctx, DialogPurpose::AddFolder);
            }
            if ui.button("Type a path…").clicked() {
                self.prompt = Some(PathPrompt::new(DialogPurpose::AddFiles));
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Export image…").shortcut_text(ctx.format_shortcut(&EXPORT)))
                .clicked()
            {
                self.show_export = true;
            }
            if ui.button("Export data…").clicked() {
                self.ask(&ctx, DialogPurpose::ExportData);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                self.guarded(&ctx, PendingAction::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = self
                .state
                .history
                .undo_label()
                .unwrap_or_else(|| "Undo".to_owned());
            if ui
                .add_enabled(
                    self.state.history.can_undo(),
                    egui::Button::new(undo).shortcut_text(ctx.format_shortcut(&UNDO)),
                )
                .clicked()
            {
                self.state.push(Command::Undo);
            }
            let redo = self
                .state
                .history
                .redo_label()
                .unwrap_or_else(|| "Redo".to_owned());
            if ui
                .add_enabled(
                    self.state.history.can_redo(),
                    egui::Button::new(redo).shortcut_text(ctx.format_shortcut(&REDO)),
                )
                .clicked()
            {
                self.state.push(Command::Redo);
            }
            ui.separator();
            if ui.button("Add event…").clicked() {
                self.add_event.open();
            }
            if ui
                .button(format!(
                    "Corrections that no longer apply ({})",
                    self.state.unapplied.len()
                ))
                .clicked()
            {
                self.show_unapplied = true;
            }
        });
        ui.menu_button("View", |ui| {
            ui.checkbox(&mut self.state.view.dark, "Dark theme");
            ui.checkbox(&mut self.show_problems, "Problems list");
        });
        ui.menu_button("Walkthrough", |ui| {
            if ui
                .add_enabled(
                    !self.state.walkthrough.steps.is_empty(),
                    egui::Button::new("Present").shortcut_text("F5"),
                )
                .clicked()
            {
                self.presenter.start(&ctx, 0);
            }
            if ui.button("Edit walkthrough…").clicked() {
                self.show_walkthrough = true;
            }
            if ui.button("Export slides…").clicked() {
                self.ask(&ctx, DialogPurpose::ExportSlides);
            }
            if ui.button("Export GIF…").clicked() {
                self.ask(&ctx, DialogPurpose::ExportGif);
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts").clicked() {
                self.show_shortcuts = true;
            }
        });
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .id(egui::Id::unique("actor-search"))
                    .hint_text("Search actors…")
                    .desired_width(180.0),
            );
            let query = self.search.trim().to_lowercase();
            if !query.is_empty() {
                let hit = self
                    .state
                    .model
                    .actors
                    .iter()
                    .find(|a| {
                        a.name.to_lowercase().contains(&query)
                            || a.aliases
                                .iter()
                                .any(|al| al.to_lowercase().contains(&query))
                    })
                    .map(|a| a.id.clone());
                if response.lost_focus()
                    && ui.input(|i| i.key_pressed(Key::Enter))
                    && let Some(actor) = hit.clone()
                {
                    self.diagram.center_on(&actor);
                    self.state.push(Command::Select(Some(Item::Actor(actor))));
                }
                if hit.is_none() {
                    ui.weak("no match");
                }
            }
            let mut view = self.state.view.clone();
            let level_label = ui.label("Level").id;
            egui::ComboBox::from_id_salt("level")
                .selected_text(match view.level {
                    LevelOfDetail::People => "People",
                    LevelOfDetail::StatesAndOrganizations => "States and organizations",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut view.level, LevelOfDetail::People, "People");
                    ui.selectable_value(
                        &mut view.level,
                        LevelOfDetail::StatesAndOrganizations,
                        "States and organizations",
                    );
                })
                .response
                .labelled_by(level_label);
            let focus_label = ui.label("Focus").id;
            egui::ComboBox::from_id_salt("focus")
                .selected_text(match view.focus {
                    Focus::Off => "Off",
                    Focus::OneStep => "1 step",
                    Focus::TwoSteps => "2 steps",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut view.focus, Focus::Off, "Off");
                    ui.selectable_value(&mut view.focus, Focus::OneStep, "1 step");
                    ui.selectable_value(&mut view.focus, Focus::TwoSteps, "2 steps");
                })
                .response
                .labelled_by(focus_label);
            ui.menu_button("Filters…", |ui| {
                ui.label("Actor kinds");
                for kind in ActorKind::ALL {
                    let mut shown = !view.hidden_kinds.contains(&kind);
                    if ui.checkbox(&mut shown, kind.label()).changed() {
                        toggle(&mut view.hidden_kinds, kind, shown);
                    }
                }
                ui.separator();
                ui.label("Polarity");
                for polarity in crate::model::Polarity::ALL {
                    let mut shown = !view.hidden_polarities.contains(&polarity);
                    if ui.checkbox(&mut shown, polarity.label()).changed() {
                        toggle(&mut view.hidden_polarities, polarity, shown);
                    }
                }
                ui.separator();
                ui.label("Relation kinds");
                let mut kinds: Vec<String> = self
                    .state
                    .model
                    .relations
                    .iter()
                    .map(|r| r.kind.clone())
                    .collect();
                kinds.sort();
                kinds.dedup();
                for kind in kinds {
                    let mut shown = !view.hidden_relation_kinds.contains(&kind);
                    if ui.checkbox(&mut shown, &kind).changed() {
                        toggle(&mut view.hidden_relation_kinds, kind, shown);
                    }
                }
                ui.separator();
                ui.add(egui::Slider::new(&mut view.min_evidence, 1..=10).text("minimum evidence"));
            });
            if ui.selectable_label(view.dark, "Dark").clicked() {
                view.dark = !view.dark;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(
                        !self.state.walkthrough.steps.is_empty(),
                        egui::Button::new("Present (F5)"),
                    )
                    .clicked()
                {
                    self.presenter.start(ui.ctx(), 0);
                }
            });
            if view != self.state.view {
                self.state.push(Command::SetView(view));
            }
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let m = &self.state.model;
            let undated = self
                .state
                .corpus
                .iter()
                .filter(|d| d.published.is_none())
                .count();
            ui.label(format!(
                "{} · {} · {} · {}",
                plural(self.state.corpus.len(), "document"),
                plural(m.actors.len(), "actor"),
                plural(m.relations.len(), "relation"),
                plural(m.events.len(), "event")
            ));
            if undated > 0 {
                ui.colored_label(ui.visuals().warn_fg_color, format!("· {undated} undated"));
            }
            if let Some(job) = &self.job {
                ui.separator();
                ui.spinner();
                let p = job.progress();
                ui.label(format!("{}… {}/{}", job.label, p.done, p.total));
                if p.total > 0 {
                    ui.add(
                        egui::ProgressBar::new(p.done as f32 / p.total as f32).desired_width(120.0),
                    );
                }
                if ui.button("Cancel").clicked() {
                    job.cancel();
                }
            }
            if let Some(notice) = &self.state.notice {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, notice);
            }
        });
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        egui::Window::new(prompt.purpose.title())
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.label("No file dialog is available here. Type paths, one per line:");
                ui.add(
                    egui::TextEdit::multiline(&mut prompt.text)
                        .desired_rows(3)
                        .hint_text("/path/to/articles"),
                );
                submit = ui.button("OK").clicked();
            });
        if submit {
            let (purpose, paths) = (prompt.purpose, prompt.paths());
            self.prompt = None;
            if !paths.is_empty() {
                self.use_paths(ctx, purpose, paths);
            }
        } else if !open {
            self.prompt = None;
        }
    }

    fn project_windows(&mut self, ctx: &egui::Context) {
        if !self.recovery_checked {
            self.recovery_checked = true;
            self.recovery_offer = crate::project::find_recovery(None);
        }
        if let Some(action) = self.confirm.clone() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("confirm-discard")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label("This project has changes that are not saved. Save them first?");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        answer = Some(0);
                    }
                    if ui.button("Discard changes").clicked() {
                        answer = Some(1);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(2);
                    }
                });
            });
            match answer {
                Some(0) => {
                    self.confirm = None;
                    self.save_or_ask(ctx);
                    if !self.state.dirty {
                        self.run_action(ctx, action);
                    }
                }
                Some(1) => {
                    self.confirm = None;
                    self.state.dirty = false;
                    let _ = crate::project::discard_recovery(self.state.project_path.as_deref());
                    self.run_action(ctx, action);
                }
                Some(_) => self.confirm = None,
                None => {}
            }
        }
        if let Some(path) = self.recovery_offer.clone() {
            let mut answer = None;
            egui::Window::new("Recover unsaved work")
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.label(
                        "Dossier did not close cleanly last time. Recover the unsaved project?",
                    );
                    ui.weak(path.display().to_string());
                    ui.horizontal(|ui| {
                        if ui.button("Recover").clicked() {
                            answer = Some(true);
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(false);
                        }
                    });
                });
            match answer {
                Some(true) => {
                    self.recovery_offer = None;
                    self.open_project(ctx, &path, true);
                }
                Some(false) => {
                    self.recovery_offer = None;
                    let _ = crate::project::discard_recovery(None);
                }
                None => {}
            }
        }
        let mut open = self.show_unapplied;
        egui::Window::new("Corrections that no longer apply")
            .open(&mut open)
            .show(ctx, |ui| {
                if self.state.unapplied.is_empty() {
                    ui.weak("Every correction applies to the current extraction");
                }
                for u in &self.state.unapplied {
                    ui.label(format!("{} — {}", u.correction.describe(), u.reason));
                }
            });
        self.show_unapplied = open;
    }

    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .show(ctx, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for (k, v) in [
                        ("Ctrl+O", "open documents"),
                        ("Ctrl+Shift+O", "add documents"),
                        ("Ctrl+F", "search actors"),
                        ("Esc", "clear the selection · leave presenter mode"),
                        ("Ctrl+E", "export image…"),
                        ("Ctrl+S / Ctrl+Shift+S", "save / save as…"),
                        ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo a correction"),
                        ("F5", "present the walkthrough"),
                        ("PageDown / PageUp, arrows, space", "next / previous step"),
                        ("Home / End", "first / last step"),
                        ("F", "fit the diagram"),
                    ] {
                        ui.label(RichText::new(k).monospace());
                        ui.label(v);
                        ui.end_row();
                    }
                });
            });
    }
}

/// Adds the shipped fallback font after egui's own, so arrows and symbols in labels and
/// article text draw instead of showing as boxes.
fn install_fallback_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "dejavu-sans",
        egui::FontData::from_static(crate::theme::FALLBACK_FONT_BYTES),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}

/// Something the user asked for that would lose unsaved changes.
#[derive(Clone, Debug, PartialEq)]
enum PendingAction {
    Close,
    NewProject,
    OpenProject(Option<PathBuf>),
}

fn toggle<T: PartialEq>(hidden: &mut Vec<T>, value: T, shown: bool) {
    if shown {
        hidden.retain(|v| v != &value);
    } else if !hidden.contains(&value) {
        hidden.push(value);
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn item_exists(state: &AppState, item: &Item) -> bool {
    match item {
        Item::Actor(id) => state.model.actor(id).is_some(),
        Item::Relation(id) => state.model.relation(id).is_some(),
        Item::Event(id) => state.model.event(id).is_some(),
        Item::Document(id) | Item::TextSpan { document: id, .. } => state.document(id).is_some(),
    }
}

fn problems_ui(ui: &mut egui::Ui, state: &AppState) {
    egui::ScrollArea::vertical()
        .id_salt("problems")
        .show(ui, |ui| {
            for p in &state.problems {
                let color = match p.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                ui.colored_label(color, p.to_string());
            }
        });
}

/// The key under which recent projects are kept in eframe's storage (preferences).
pub const RECENT_KEY: &str = "dossier.recent_projects";

impl eframe::App for DossierApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
    }
}

/// Documents in the app (for tests).
impl DossierApp {
    pub fn documents(&self) -> &[Document] {
        &self.state.corpus
    }
}
