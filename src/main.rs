//! The `dossier` command: opens the app on documents, or extracts/exports headlessly.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Parser, Subcommand};
use dossier::corpus::{LoadOptions, Loaded, Severity, load_paths, parse_date};
use dossier::extract::{KnowledgeBase, extract};

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

fn run_extract(paths: &[PathBuf], options: &LoadOptions, json: bool) -> ExitCode {
    let loaded = load_reporting(paths, options);
    let model = extract(&loaded.documents, KnowledgeBase::embedded());
    if json {
        match serde_json::to_string_pretty(&model) {
            Ok(text) => println!("{text}"),
            Err(err) => {
                eprintln!("dossier: cannot write the model as JSON: {err}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        println!(
            "{} documents, {} actors, {} relations, {} events, {} quotes",
            model.documents.len(),
            model.actors.len(),
            model.relations.len(),
            model.events.len(),
            model.quotes.len()
        );
        for a in &model.actors {
            println!(
                "actor  {} ({}) ×{}",
                a.name,
                a.kind.label(),
                a.mentions.len()
            );
        }
        for r in &model.relations {
            println!(
                "relation  {} {} {} [{}] ×{}",
                r.source,
                r.kind,
                r.target,
                r.polarity.label(),
                r.evidence.len()
            );
        }
        for e in &model.events {
            println!(
                "event  {} [{}] {:?}..{:?} ({:?})",
                e.label, e.kind, e.start, e.end, e.time_text
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
            app.load(&cc.egui_ctx, paths, true);
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
