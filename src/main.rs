//! The `dossier` command: opens the app on documents, or extracts/exports headlessly.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Parser, Subcommand};
use dossier::corpus::{LoadOptions, Loaded, Severity, load_paths, parse_date};
use dossier::export::data::{DataFormat, export_data};
use dossier::export::image::ImageOptions;
use dossier::export::slide::{SlideText, View, export_view};
use dossier::extract::{KnowledgeBase, extract};
use dossier::ui::state::ViewSettings;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Prints a line to stdout, ignoring a closed pipe (`dossier extract … | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Turns news articles into an actor-relationship diagram and an event timeline"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Commands>,
    /// Files or folders to open (default: the seed corpus in seeds/).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    load: LoadArgs,
}

#[derive(clap::Args, Clone, Default)]
struct LoadArgs {
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, global = true)]
    date: Option<String>,
    /// Refuse files larger than this many bytes.
    #[arg(long, global = true, default_value_t = dossier::corpus::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

#[derive(Subcommand)]
enum Commands {
    /// Extract actors, relations and events and print them.
    Extract {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the `dossier/1` JSON model (otherwise a short summary).
        #[arg(long)]
        json: bool,
    },
    /// Export the diagram, timeline or a slide as an image, or the model as data. The format
    /// follows the extension: .png .svg (images), .gexf .graphml .csv .timeline.json .json (data).
    Export {
        /// Files or folders (default: the seed corpus).
        paths: Vec<PathBuf>,
        /// Where to write.
        #[arg(long)]
        out: PathBuf,
        /// What to draw (images only).
        #[arg(long, value_enum, default_value_t = ViewArg::Diagram)]
        view: ViewArg,
        /// Image size in pixels, `WIDTHxHEIGHT`.
        #[arg(long, default_value = "1920x1080")]
        size: String,
        /// Image theme.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
    },
    /// Export the default walkthrough (an overview, then each dated event in time order) as
    /// numbered PNG slides or an animated GIF.
    Walkthrough {
        /// Files or folders (default: the seed corpus).
        paths: Vec<PathBuf>,
        /// A folder for step-01.png, step-02.png, …
        #[arg(long, required_unless_present = "gif")]
        out: Option<PathBuf>,
        /// An animated GIF file.
        #[arg(long)]
        gif: Option<PathBuf>,
        /// Slide size in pixels, `WIDTHxHEIGHT`.
        #[arg(long, default_value = "1920x1080")]
        size: String,
        /// Seconds per step in the GIF.
        #[arg(long, default_value_t = 4)]
        seconds: u32,
        /// Slide theme.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ViewArg {
    Diagram,
    Timeline,
    Slide,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ThemeArg {
    Light,
    Dark,
    Transparent,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = match load_options(&cli.load) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("dossier: {message}");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        None => run_app(cli.paths, options),
        Some(Commands::Extract { paths, json }) => run_extract(&paths, &options, json),
        Some(Commands::Walkthrough {
            paths,
            out,
            gif,
            size,
            seconds,
            theme,
        }) => run_walkthrough(
            paths,
            &options,
            out.as_deref(),
            gif.as_deref(),
            &size,
            seconds,
            theme,
        ),
        Some(Commands::Export {
            paths,
            out,
            view,
            size,
            theme,
        }) => run_export(paths, &options, &out, view, &size, theme),
    }
}

fn load_options(args: &LoadArgs) -> Result<LoadOptions, String> {
    let default_date = match &args.date {
        Some(d) => Some(parse_date(d).map_err(|e| format!("--date: {e}"))?),
        None => None,
    };
    Ok(LoadOptions {
        default_date,
        max_bytes: args.max_bytes,
    })
}

/// The seed corpus: `seeds/` in the working directory, else the one beside the sources.
fn seed_dir() -> PathBuf {
    let local = Path::new("seeds");
    if local.is_dir() {
        local.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
    }
}

fn load_reporting(paths: &[PathBuf], options: &LoadOptions) -> Loaded {
    let loaded = load_paths(paths, options, &|_| {}, &AtomicBool::new(false));
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    loaded
}

/// The corrected model of `paths`, or of the seed corpus when none are given; on a bad project
/// the reason is printed and `None` returned.
fn seed_or_inputs_model(
    paths: Vec<PathBuf>,
    options: &LoadOptions,
) -> Option<dossier::model::Model> {
    let paths = if paths.is_empty() {
        vec![seed_dir()]
    } else {
        paths
    };
    match model_from_inputs(&paths, options) {
        Ok((_, model)) => Some(model),
        Err(message) => {
            eprintln!("dossier: {message}");
            None
        }
    }
}

fn is_project(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("dossier"))
}

/// Loads documents and projects (a `.dossier` brings its corpus, dates and corrections) and
/// returns the corrected model. Problems go to stderr; a bad project is an error.
fn model_from_inputs(
    paths: &[PathBuf],
    options: &LoadOptions,
) -> Result<(Loaded, dossier::model::Model), String> {
    let (projects, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| is_project(p));
    let mut all_paths: Vec<PathBuf> = files.into_iter().cloned().collect();
    let mut loaded_projects = Vec::new();
    for path in projects {
        let loaded = dossier::project::load_with_warnings(path).map_err(|e| e.to_string())?;
        for warning in &loaded.warnings {
            eprintln!("{}: warning: {warning}", path.display());
        }
        let base = path.parent().unwrap_or(Path::new("."));
        for issue in dossier::project::check_corpus(&loaded.project, base) {
            eprintln!("{}: warning: {issue}", path.display());
        }
        all_paths.extend(loaded.project.corpus_paths());
        loaded_projects.push(loaded.project);
    }
    let mut loaded = load_reporting(&all_paths, options);
    for project in &loaded_projects {
        project.apply_date_overrides(&mut loaded.documents);
    }
    // The user's aliases from every project take part in extraction.
    let mut overlay = dossier::project::Overlay::default();
    for project in &loaded_projects {
        overlay
            .corrections
            .extend(project.overlay().corrections.iter().cloned());
    }
    let kb = overlay.knowledge_base(KnowledgeBase::embedded());
    let mut model = extract(&loaded.documents, &kb);
    for project in &loaded_projects {
        let (corrected, unapplied) = project.overlay().apply(&model);
        for u in unapplied {
            eprintln!(
                "warning: a correction no longer applies: {} — {}",
                u.correction.describe(),
                u.reason
            );
        }
        model = corrected;
    }
    Ok((loaded, model))
}

fn run_extract(paths: &[PathBuf], options: &LoadOptions, json: bool) -> ExitCode {
    let (loaded, model) = match model_from_inputs(paths, options) {
        Ok(result) => result,
        Err(message) => {
            eprintln!("dossier: {message}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        match serde_json::to_string_pretty(&model) {
            Ok(text) => out!("{text}"),
            Err(err) => {
                eprintln!("dossier: cannot write the model as JSON: {err}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        out!(
            "{} documents, {} actors, {} relations, {} events, {} quotes",
            model.documents.len(),
            model.actors.len(),
            model.relations.len(),
            model.events.len(),
            model.quotes.len()
        );
        for a in &model.actors {
            out!(
                "actor  {} ({}) ×{}",
                a.name,
                a.kind.label(),
                a.mentions.len()
            );
        }
        for r in &model.relations {
            out!(
                "relation  {} {} {} [{}] ×{}",
                r.source,
                r.kind,
                r.target,
                r.polarity.label(),
                r.evidence.len()
            );
        }
        for e in &model.events {
            out!(
                "event  {} [{}] {:?}..{:?} ({:?})",
                e.label,
                e.kind,
                e.start,
                e.end,
                e.time_text
            );
        }
    }
    let failed = loaded.documents.is_empty()
        && loaded
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error);
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Parses `WIDTHxHEIGHT`.
fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("--size: expected WIDTHxHEIGHT, found '{text}'"))?;
    let w: u32 = w
        .trim()
        .parse()
        .map_err(|_| format!("--size: '{w}' is not a width in pixels"))?;
    let h: u32 = h
        .trim()
        .parse()
        .map_err(|_| format!("--size: '{h}' is not a height in pixels"))?;
    if !(16..=16384).contains(&w) || !(16..=16384).contains(&h) {
        return Err(format!("--size: {w}x{h} is outside 16–16384 pixels a side"));
    }
    Ok((w, h))
}

fn run_export(
    paths: Vec<PathBuf>,
    options: &LoadOptions,
    out: &Path,
    view: ViewArg,
    size: &str,
    theme: ThemeArg,
) -> ExitCode {
    let Some(model) = seed_or_inputs_model(paths, options) else {
        return ExitCode::FAILURE;
    };
    if let Some(format) = DataFormat::from_path(out) {
        return match export_data(&model, format, out) {
            Ok(files) => {
                for f in files {
                    out!("wrote {}", f.display());
                }
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("dossier: {err}");
                ExitCode::FAILURE
            }
        };
    }
    let size = match parse_size(size) {
        Ok(size) => size,
        Err(message) => {
            eprintln!("dossier: {message}");
            return ExitCode::from(2);
        }
    };
    match export_image_cli(&model, out, view, size, theme) {
        Ok(()) => {
            out!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("dossier: {message}");
            ExitCode::FAILURE
        }
    }
}

fn export_image_cli(
    model: &dossier::model::Model,
    out: &Path,
    view: ViewArg,
    size: (u32, u32),
    theme: ThemeArg,
) -> Result<(), String> {
    let options = ImageOptions::default()
        .with_size(size.0, size.1)
        .with_dark(theme == ThemeArg::Dark)
        .with_transparent(theme == ThemeArg::Transparent);
    let view = match view {
        ViewArg::Diagram => View::Diagram,
        ViewArg::Timeline => View::Timeline,
        ViewArg::Slide => View::Slide,
    };
    let slide = SlideText {
        title: model
            .documents
            .first()
            .filter(|_| model.documents.len() == 1)
            .map_or_else(|| "Dossier".to_owned(), |d| d.title.clone()),
        caption: dossier::walkthrough::generate(model)
            .steps
            .first()
            .map(|s| s.caption.clone())
            .unwrap_or_default(),
        source: source_line(model),
    };
    export_view(model, &ViewSettings::default(), view, &options, out, &slide)
        .map_err(|e| e.to_string())
}

/// "Source, date; …" for the documents of a model (at most three named).
fn source_line(model: &dossier::model::Model) -> Option<String> {
    let mut parts: Vec<String> = model
        .documents
        .iter()
        .take(3)
        .map(|d| match (&d.source, d.published) {
            (Some(s), Some(p)) => format!("{s}, {p}"),
            (None, Some(p)) => format!("{}, {p}", d.title),
            (Some(s), None) => s.clone(),
            (None, None) => d.title.clone(),
        })
        .collect();
    if model.documents.len() > 3 {
        parts.push(format!("and {} more", model.documents.len() - 3));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn run_walkthrough(
    paths: Vec<PathBuf>,
    options: &LoadOptions,
    out: Option<&Path>,
    gif: Option<&Path>,
    size: &str,
    seconds: u32,
    theme: ThemeArg,
) -> ExitCode {
    let (width, height) = match parse_size(size) {
        Ok(size) => size,
        Err(message) => {
            eprintln!("dossier: {message}");
            return ExitCode::from(2);
        }
    };
    let Some(model) = seed_or_inputs_model(paths, options) else {
        return ExitCode::FAILURE;
    };
    let walkthrough = dossier::walkthrough::generate(&model);
    let image = ImageOptions::default()
        .with_size(width, height)
        .with_dark(theme == ThemeArg::Dark)
        .with_transparent(theme == ThemeArg::Transparent);
    let view = ViewSettings::default();
    if let Some(dir) = out {
        match dossier::export::walkthrough::export_slides(&model, &view, &walkthrough, &image, dir)
        {
            Ok(files) => out!("wrote {} slides to {}", files.len(), dir.display()),
            Err(err) => {
                eprintln!("dossier: {err}");
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(path) = gif {
        match dossier::export::walkthrough::export_gif(
            &model,
            &view,
            &walkthrough,
            &image,
            seconds,
            path,
        ) {
            Ok(()) => out!(
                "wrote {} ({} steps)",
                path.display(),
                walkthrough.steps.len()
            ),
            Err(err) => {
                eprintln!("dossier: {err}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn run_app(paths: Vec<PathBuf>, options: LoadOptions) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![seed_dir()]
    } else {
        paths
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dossier")
            .with_inner_size([1500.0, 920.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Dossier",
        native,
        Box::new(move |cc| {
            let mut app = dossier::ui::DossierApp::new(options);
            if let Some(storage) = cc.storage {
                app.recent =
                    eframe::get_value(storage, dossier::ui::app::RECENT_KEY).unwrap_or_default();
            }
            if let [project] = paths.as_slice()
                && is_project(project)
            {
                app.open_project(&cc.egui_ctx, project, false);
            } else {
                app.load(&cc.egui_ctx, paths, true);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dossier: cannot open a window: {err}");
            ExitCode::FAILURE
        }
    }
}
