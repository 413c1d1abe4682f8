//! File → Export image… and Export data…: the options window, then a save dialog (or the in-app
//! path field), then the export on a worker thread. The whole window is captured with egui's
//! screenshot command.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use crate::export::data::{DataFormat, export_data};
use crate::export::image::ImageOptions;
use crate::export::slide::{SlideText, View, export_view};
use crate::model::Model;
use crate::ui::state::{AppState, ViewSettings};

/// What the image shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageSubject {
    Diagram,
    Timeline,
    Slide,
    /// The whole window as it is on screen.
    Window,
}

/// Background of an exported image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Background {
    Light,
    Dark,
    Transparent,
}

/// The options chosen in the export window (preferences for this session).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportSettings {
    pub subject: ImageSubject,
    pub width_px: u32,
    pub height_px: u32,
    pub scale: f32,
    pub background: Background,
    /// Only what the diagram shows now (its zoom and centre), instead of the whole extent.
    pub current_view: bool,
}

impl Default for ExportSettings {
    fn default() -> Self {
        Self {
            subject: ImageSubject::Diagram,
            width_px: 1920,
            height_px: 1080,
            scale: 1.0,
            background: Background::Light,
            current_view: false,
        }
    }
}

impl ExportSettings {
    pub fn image_options(&self) -> ImageOptions {
        let w = ((self.width_px as f32) * self.scale)
            .round()
            .clamp(16.0, 16384.0) as u32;
        let h = ((self.height_px as f32) * self.scale)
            .round()
            .clamp(16.0, 16384.0) as u32;
        ImageOptions::default()
            .with_size(w, h)
            .with_dark(self.background == Background::Dark)
            .with_transparent(self.background == Background::Transparent)
    }
}

/// Where the diagram is on screen: its node positions and its current view, so an export of the
/// diagram matches what the user sees.
#[derive(Clone, Debug, Default)]
pub struct ScreenDiagram {
    pub positions: std::collections::HashMap<crate::model::ActorId, crate::layout::geometry::Point>,
    pub extent: Option<crate::export::image::Extent>,
}

/// Runs an image or data export on a worker thread; the result is a message for the status bar.
pub fn spawn_export(
    state: &AppState,
    settings: &ExportSettings,
    screen: ScreenDiagram,
    path: PathBuf,
    repaint: impl Fn() + Send + 'static,
) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    let model = state.model.clone();
    let view = state.view.clone();
    let settings = settings.clone();
    let title = state
        .walkthrough
        .steps
        .first()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let caption = state
        .walkthrough
        .steps
        .first()
        .map(|s| s.caption.clone())
        .unwrap_or_default();
    std::thread::spawn(move || {
        let message = match export_to(&model, &view, &settings, &screen, &path, title, caption) {
            Ok(files) => format!(
                "Exported {}",
                files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(err) => err,
        };
        let _ = sender.send(message);
        repaint();
    });
    receiver
}

fn export_to(
    model: &Model,
    view: &ViewSettings,
    settings: &ExportSettings,
    screen: &ScreenDiagram,
    path: &Path,
    title: String,
    caption: String,
) -> Result<Vec<PathBuf>, String> {
    if let Some(format) = DataFormat::from_path(path) {
        return export_data(model, format, path).map_err(|e| e.to_string());
    }
    if settings.subject == ImageSubject::Diagram {
        // The diagram as laid out on screen (same positions), whole or as currently viewed.
        let mut options = settings.image_options();
        if settings.current_view
            && let Some(extent) = screen.extent
        {
            options.extent = extent;
        }
        let positions = (!screen.positions.is_empty()).then_some(&screen.positions);
        crate::export::image::export_diagram(model, view, positions, &options, path)
            .map_err(|e| e.to_string())?;
        return Ok(vec![path.to_path_buf()]);
    }
    let subject = match settings.subject {
        ImageSubject::Diagram | ImageSubject::Window => View::Diagram,
        ImageSubject::Timeline => View::Timeline,
        ImageSubject::Slide => View::Slide,
    };
    let source = model.documents.first().map(|d| match d.published {
        Some(p) => format!(
            "{}, {p}",
            d.source.clone().unwrap_or_else(|| d.title.clone())
        ),
        None => d.title.clone(),
    });
    let slide = SlideText {
        title,
        caption,
        source,
    };
    export_view(
        model,
        view,
        subject,
        &settings.image_options(),
        path,
        &slide,
    )
    .map_err(|e| e.to_string())?;
    Ok(vec![path.to_path_buf()])
}

/// Saves a window screenshot as PNG (atomically). Called from the screenshot callback.
pub fn save_screenshot(image: &Arc<egui::ColorImage>, path: &Path) -> Result<(), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for c in &image.pixels {
        bytes.extend_from_slice(&c.to_srgba_unmultiplied());
    }
    let Some(buffer) = image::RgbaImage::from_raw(w as u32, h as u32, bytes) else {
        return Err("The screenshot's pixels did not match its size.".to_owned());
    };
    let mut png = std::io::Cursor::new(Vec::new());
    buffer
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| format!("Could not encode the screenshot: {e}."))?;
    crate::export::atomic::write_atomic(path, png.get_ref())
        .map_err(|e| format!("Could not write {}: {e}.", path.display()))
}

/// The options window. Returns true when the user pressed "Export…".
pub fn export_options_ui(ui: &mut egui::Ui, settings: &mut ExportSettings) -> bool {
    egui::Grid::new("export-options")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("What");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut settings.subject, ImageSubject::Diagram, "Diagram");
                ui.selectable_value(&mut settings.subject, ImageSubject::Timeline, "Timeline");
                ui.selectable_value(&mut settings.subject, ImageSubject::Slide, "Slide");
                ui.selectable_value(&mut settings.subject, ImageSubject::Window, "Window");
            });
            ui.end_row();
            if settings.subject != ImageSubject::Window {
                ui.label("Size");
                ui.horizontal(|ui| {
                    if ui
                        .selectable_label(
                            (settings.width_px, settings.height_px) == (1920, 1080),
                            "1920×1080",
                        )
                        .clicked()
                    {
                        (settings.width_px, settings.height_px) = (1920, 1080);
                    }
                    if ui
                        .selectable_label(
                            (settings.width_px, settings.height_px) == (3840, 2160),
                            "3840×2160",
                        )
                        .clicked()
                    {
                        (settings.width_px, settings.height_px) = (3840, 2160);
                    }
                    ui.add(
                        egui::DragValue::new(&mut settings.width_px)
                            .range(16..=16384)
                            .suffix(" px"),
                    );
                    ui.label("×");
                    ui.add(
                        egui::DragValue::new(&mut settings.height_px)
                            .range(16..=16384)
                            .suffix(" px"),
                    );
                });
                ui.end_row();
                ui.label("Scale");
                ui.add(egui::Slider::new(&mut settings.scale, 0.5..=4.0));
                ui.end_row();
                if settings.subject == ImageSubject::Diagram {
                    ui.label("Extent");
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut settings.current_view, false, "Whole diagram");
                        ui.selectable_value(&mut settings.current_view, true, "Current view");
                    });
                    ui.end_row();
                }
                ui.label("Background");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut settings.background, Background::Light, "Light");
                    ui.selectable_value(&mut settings.background, Background::Dark, "Dark");
                    ui.selectable_value(
                        &mut settings.background,
                        Background::Transparent,
                        "Transparent",
                    );
                });
                ui.end_row();
            }
        });
    ui.weak("PNG or SVG by the file name's extension. The legend is always drawn and no label is clipped.");
    ui.button("Export…").clicked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geometry::Point;

    #[test]
    fn current_view_and_whole_diagram_exports_differ_and_both_write() {
        let model = crate::layout::graph::synthetic_model(30, 60, 7);
        let dir = tempfile::tempdir().unwrap();
        let view = ViewSettings::default();
        let whole = ExportSettings::default();
        let zoomed = ExportSettings {
            current_view: true,
            ..ExportSettings::default()
        };
        let screen = ScreenDiagram {
            positions: std::collections::HashMap::new(),
            extent: Some(crate::export::image::Extent::View {
                center: Point::new(0.0, 0.0),
                px_per_unit: 8.0,
            }),
        };
        let a = dir.path().join("whole.svg");
        let b = dir.path().join("view.svg");
        export_to(
            &model,
            &view,
            &whole,
            &screen,
            &a,
            String::new(),
            String::new(),
        )
        .unwrap();
        export_to(
            &model,
            &view,
            &zoomed,
            &screen,
            &b,
            String::new(),
            String::new(),
        )
        .unwrap();
        let (a, b) = (
            std::fs::read_to_string(a).unwrap(),
            std::fs::read_to_string(b).unwrap(),
        );
        assert!(a.starts_with("<svg") || a.contains("<svg"));
        assert_ne!(a, b, "the current view is not the whole extent");
    }
}
