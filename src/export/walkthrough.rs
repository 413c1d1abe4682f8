//! Walkthrough exports: every step as a numbered PNG slide (`step-01.png` …) or as one animated
//! GIF. Each step is drawn as a slide from the same geometry as the screen.

use std::path::{Path, PathBuf};

use crate::export::atomic::write_atomic;
use crate::export::image::{ExportError, ImageOptions};
use crate::export::png::render_pixmap;
use crate::export::slide::{Emphasis, SlideText, render_slide_svg};
use crate::model::Model;
use crate::ui::state::{Focus, Item, ViewSettings};
use crate::walkthrough::{Step, Walkthrough};

/// The slide SVG for one step: its title, caption and source, its event emphasised and the rest
/// dimmed, the timeline cursor on its date.
pub fn step_svg(model: &Model, view: &ViewSettings, step: &Step, options: &ImageOptions) -> String {
    let selection = step
        .event
        .clone()
        .map(Item::Event)
        .or_else(|| step.actors.first().cloned().map(Item::Actor));
    let options = ImageOptions {
        selection,
        ..options.clone()
    };
    let view = ViewSettings {
        focus: if step.is_overview() {
            view.focus
        } else {
            Focus::OneStep
        },
        ..view.clone()
    };
    let text = SlideText {
        title: step.title.clone(),
        caption: step.caption.clone(),
        source: step.source.clone(),
    };
    let emphasis = Emphasis {
        event: step.event.clone(),
        cursor: step.time,
    };
    render_slide_svg(model, &view, &options, &text, &emphasis)
}

/// Renders one step to straight (not premultiplied) RGBA pixels.
pub fn step_rgba(
    model: &Model,
    view: &ViewSettings,
    step: &Step,
    options: &ImageOptions,
) -> Result<image::RgbaImage, ExportError> {
    let pixmap = render_pixmap(&step_svg(model, view, step, options))?;
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut pixels = Vec::with_capacity(pixmap.pixels().len() * 4);
    for p in pixmap.pixels() {
        let c = p.demultiply();
        pixels.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    image::RgbaImage::from_raw(width, height, pixels)
        .ok_or_else(|| ExportError::Render("the slide's pixels did not match its size".to_owned()))
}

/// Writes `step-01.png`, `step-02.png` … into `dir` (created if missing). Returns the files.
pub fn export_slides(
    model: &Model,
    view: &ViewSettings,
    walkthrough: &Walkthrough,
    options: &ImageOptions,
    dir: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    for (i, step) in walkthrough.steps.iter().enumerate() {
        let path = dir.join(format!("step-{:02}.png", i + 1));
        let pixmap = render_pixmap(&step_svg(model, view, step, options))?;
        let bytes = pixmap
            .encode_png()
            .map_err(|e| ExportError::Render(format!("the PNG could not be encoded: {e}")))?;
        write_atomic(&path, &bytes).map_err(|source| ExportError::Io {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Writes the walkthrough as an animated GIF, `seconds_per_step` per slide, looping.
pub fn export_gif(
    model: &Model,
    view: &ViewSettings,
    walkthrough: &Walkthrough,
    options: &ImageOptions,
    seconds_per_step: u32,
    path: &Path,
) -> Result<(), ExportError> {
    use image::codecs::gif::{GifEncoder, Repeat};
    let mut bytes = Vec::new();
    {
        let mut encoder = GifEncoder::new_with_speed(&mut bytes, 20);
        encoder
            .set_repeat(Repeat::Infinite)
            .map_err(|e| ExportError::Render(format!("the GIF could not be encoded: {e}")))?;
        for step in &walkthrough.steps {
            let rgba = step_rgba(model, view, step, options)?;
            let delay = image::Delay::from_numer_denom_ms(seconds_per_step.max(1) * 1000, 1);
            encoder
                .encode_frame(image::Frame::from_parts(rgba, 0, 0, delay))
                .map_err(|e| ExportError::Render(format!("the GIF could not be encoded: {e}")))?;
        }
    }
    write_atomic(path, &bytes).map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}
