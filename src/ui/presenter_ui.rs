//! Presenter mode: the walkthrough full screen, one step at a time. Each step is the same slide
//! the export writes (one geometry, two painters), rendered on a worker thread and cross-faded.
//! Keys: PageDown/PageUp (what clickers send), arrows, space, Home/End, Esc to leave.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Instant;

use egui::{Color32, Key, TextureHandle};

use crate::export::image::ImageOptions;
use crate::export::walkthrough::step_rgba;
use crate::ui::state::AppState;

const FADE_SECS: f32 = 0.35;

/// Per-session presenter state (nothing here is saved).
#[derive(Default)]
pub struct PresenterView {
    pub active: bool,
    pub step: usize,
    /// Rendered slides by step index, for the model generation and size they were drawn at.
    slides: HashMap<usize, TextureHandle>,
    slides_key: Option<(u64, u64, [u32; 2])>,
    rendering: Option<(usize, mpsc::Receiver<Option<egui::ColorImage>>)>,
    /// The slide shown before the current one, fading out.
    previous: Option<(TextureHandle, Instant)>,
}

impl PresenterView {
    pub fn start(&mut self, ctx: &egui::Context, from_step: usize) {
        self.active = true;
        self.step = from_step;
        self.previous = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    pub fn stop(&mut self, ctx: &egui::Context) {
        self.active = false;
        self.rendering = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    fn go_to(&mut self, step: usize) {
        if step != self.step {
            if let Some(t) = self.slides.get(&self.step) {
                self.previous = Some((t.clone(), Instant::now()));
            }
            self.step = step;
        }
    }
}

/// Handles presenter keys; returns false when the user left presenter mode.
fn keys(ctx: &egui::Context, view: &mut PresenterView, steps: usize) -> bool {
    let last = steps.saturating_sub(1);
    let (next, previous, home, end, escape) = ctx.input(|i| {
        (
            i.key_pressed(Key::PageDown)
                || i.key_pressed(Key::ArrowRight)
                || i.key_pressed(Key::ArrowDown)
                || i.key_pressed(Key::Space),
            i.key_pressed(Key::PageUp)
                || i.key_pressed(Key::ArrowLeft)
                || i.key_pressed(Key::ArrowUp)
                || i.key_pressed(Key::Backspace),
            i.key_pressed(Key::Home),
            i.key_pressed(Key::End),
            i.key_pressed(Key::Escape),
        )
    });
    if escape {
        view.stop(ctx);
        return false;
    }
    if next {
        view.go_to((view.step + 1).min(last));
    }
    if previous {
        view.go_to(view.step.saturating_sub(1));
    }
    if home {
        view.go_to(0);
    }
    if end {
        view.go_to(last);
    }
    true
}

/// Draws presenter mode over the whole window.
pub fn presenter_ui(ui: &mut egui::Ui, state: &AppState, view: &mut PresenterView) {
    let ctx = ui.ctx().clone();
    let steps = state.walkthrough.steps.len();
    if steps == 0 {
        view.stop(&ctx);
        return;
    }
    if !keys(&ctx, view, steps) {
        return;
    }
    view.step = view.step.min(steps - 1);
    let rect = ui.max_rect();
    let size = [
        (rect.width().round() as u32).clamp(320, 3840),
        (rect.height().round() as u32).clamp(200, 2160),
    ];
    let walkthrough_hash = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{:?}", state.walkthrough).hash(&mut h);
        h.finish()
    };
    let key = (state.model_generation, walkthrough_hash, size);
    if view.slides_key != Some(key) {
        view.slides.clear();
        view.rendering = None;
        view.slides_key = Some(key);
    }
    // Collect a finished render; start the next one (current step first, then its neighbours).
    if let Some((step, receiver)) = &view.rendering
        && let Ok(image) = receiver.try_recv()
    {
        if let Some(image) = image {
            let texture = ctx.load_texture(
                format!("walkthrough-step-{step}"),
                image,
                egui::TextureOptions::LINEAR,
            );
            view.slides.insert(*step, texture);
        }
        view.rendering = None;
    }
    if view.rendering.is_none() {
        let wanted = [view.step, view.step + 1, view.step.saturating_sub(1)]
            .into_iter()
            .find(|s| *s < steps && !view.slides.contains_key(s));
        if let Some(step) = wanted {
            let (sender, receiver) = mpsc::channel();
            let model = state.model.clone();
            let settings = state.view.clone();
            let walkthrough_step = state.walkthrough.steps[step].clone();
            let options = ImageOptions::default()
                .with_size(size[0], size[1])
                .with_dark(state.view.dark);
            let repaint = ctx.clone();
            std::thread::spawn(move || {
                let image = step_rgba(&model, &settings, &walkthrough_step, &options)
                    .ok()
                    .map(|rgba| {
                        egui::ColorImage::from_rgba_unmultiplied(
                            [rgba.width() as usize, rgba.height() as usize],
                            rgba.as_raw(),
                        )
                    });
                let _ = sender.send(image);
                repaint.request_repaint();
            });
            view.rendering = Some((step, receiver));
        }
    }

    let painter = ui.painter();
    painter.rect_filled(
        rect,
        0.0,
        if state.view.dark {
            Color32::from_gray(20)
        } else {
            Color32::from_gray(248)
        },
    );
    let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
    let fade = view.previous.as_ref().map_or(1.0, |(_, at)| {
        (at.elapsed().as_secs_f32() / FADE_SECS).min(1.0)
    });
    if let Some((texture, _)) = &view.previous
        && fade < 1.0
    {
        painter.image(
            texture.id(),
            rect,
            uv,
            Color32::WHITE.gamma_multiply(1.0 - fade),
        );
    }
    if let Some(texture) = view.slides.get(&view.step) {
        painter.image(texture.id(), rect, uv, Color32::WHITE.gamma_multiply(fade));
    }
    if fade < 1.0 {
        ctx.request_repaint();
    } else {
        view.previous = None;
    }
    if !view.slides.contains_key(&view.step) {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "Drawing the slide…",
            egui::FontId::proportional(20.0),
            Color32::GRAY,
        );
    }
    // The step counter, also the accessible label tests read.
    let counter = format!("Step {} of {steps}", view.step + 1);
    let counter_rect = egui::Rect::from_min_size(
        rect.right_bottom() - egui::vec2(130.0, 30.0),
        egui::vec2(120.0, 24.0),
    );
    ui.put(
        counter_rect,
        egui::Label::new(egui::RichText::new(counter).weak()),
    );
}
