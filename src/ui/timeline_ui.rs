//! The event timeline: an `egui_plot` plot with a date axis, one lane per actor (or per event
//! kind), honest marks (a dot for a known day, a bar for a known span, a faded hatched bar for a
//! month, year or decade), "reported" markers at publication dates, a time window with a play
//! button, and the shared selection.
//!
//! Geometry comes from [`crate::layout::timeline`]; this module only draws it and turns input
//! into [`Command`]s. `egui_plot` owns the axes, the grid and zoom/pan on the time axis; the marks
//! are painted over the plot with its transform, so the painter and the SVG exporter agree.

use std::cell::RefCell;

use chrono::NaiveDate;
use egui::{
    Color32, CornerRadius, FontId, Key, Modifiers, PointerButton, Pos2, Rect, Response, RichText,
    Sense, Shape, Stroke, StrokeKind, Ui, Vec2, pos2, vec2,
};
use egui_plot::{GridInput, GridMark, Plot, PlotTransform};

use crate::layout::timeline::{
    KIND_PALETTE, LabelRequest, LaneKey, LaneMode, MarkStyle, Tick, TimelineLayout, date_from_x,
    format_range, format_reading, kind_colour_index, layout_timeline, padded, place_labels,
    step_in_order, ticks, x_from_date,
};
use crate::model::{Event, EventId, Model, Origin};
use crate::ui::state::{AppState, Command, Item};

/// Height of one row of a lane, in points: a label line above and below the marks.
const ROW_PX: f32 = 36.0;
/// Rows shrink towards this (one label line, above the marks) so that more lanes fit.
const MIN_ROW_PX: f32 = 24.0;
/// Width of the lane-label gutter (the plot's y axis), in points.
const GUTTER_PX: f32 = 150.0;
/// Date-axis labels are at least this far apart, in points.
const TICK_SPACING_PX: f64 = 90.0;
/// Lane labels longer than this are cut with "…".
const LANE_LABEL_CHARS: usize = 20;
/// Event labels longer than this are cut with "…".
const EVENT_LABEL_CHARS: usize = 40;
/// One pass of the play button through the visible range takes this long.
const PLAY_SECONDS: f64 = 12.0;
/// Label priority bonus for the selection and what it touches.
const RELATED_PRIORITY: u32 = 10_000;
const LABEL_FONT_PX: f32 = 11.0;
const MARK_HALF_HEIGHT_PX: f32 = 4.0;
const POINT_RADIUS_PX: f32 = 5.0;
/// The colour of "reported" (publication date) markers.
const REPORTED_COLOUR: Color32 = Color32::from_rgb(148, 103, 189);
/// Above this many publication dates on screen, their lines are drawn faint and solid.
const MAX_DASHED_MARKERS: usize = 40;

/// The timeline view's own state. `lane_mode` is a preference; the rest is per-session.
#[derive(Default)]
pub struct TimelineView {
    /// Lanes per actor or per event kind.
    pub lane_mode: LaneMode,
    cache: Option<LayoutCache>,
    /// A time range (days) to show on the next frame.
    fit: Option<(f64, f64)>,
    /// The model generation the view was last fitted to.
    fitted_generation: Option<u64>,
    /// A time (days) to scroll into view on the next frame.
    reveal_x: Option<f64>,
    playing: bool,
    /// Start and width (days) of the window while playing.
    play_x: f64,
    play_width: f64,
    play_range: (f64, f64),
    /// Where a brush drag (secondary button) started, in days.
    brush_from: Option<f64>,
    /// The time range shown last frame.
    visible_x: Option<(f64, f64)>,
    edit: Option<EventEdit>,
}

impl TimelineView {
    /// The time range (days since 1970-01-01) shown in the last frame.
    pub fn visible_range(&self) -> Option<(f64, f64)> {
        self.visible_x
    }

    /// Whether the play button is stepping the time window.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// Shows `range` (days) on the next frame.
    pub fn fit_to(&mut self, range: (f64, f64)) {
        self.fit = Some(range);
    }

    /// The layout drawn last frame, if any.
    pub fn layout(&self) -> Option<&TimelineLayout> {
        self.cache.as_ref().map(|c| &c.layout)
    }

    fn refresh_layout(&mut self, state: &AppState) {
        let key = CacheKey {
            generation: state.model_generation,
            events: state.model.events.len(),
            documents: state.model.documents.len(),
            mode: self.lane_mode,
            hidden: state.view.hidden_events.clone(),
        };
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let layout = layout_timeline(&state.model, self.lane_mode, &state.view.hidden_events);
        self.cache = Some(LayoutCache { key, layout });
    }
}

#[derive(PartialEq)]
struct CacheKey {
    generation: u64,
    events: usize,
    documents: usize,
    mode: LaneMode,
    hidden: Vec<EventId>,
}

struct LayoutCache {
    key: CacheKey,
    layout: TimelineLayout,
}

/// The "Edit event" dialog's fields.
struct EventEdit {
    id: EventId,
    label: String,
    start: String,
    end: String,
    participants: Vec<crate::model::ActorId>,
    search: String,
    error: Option<String>,
}

impl EventEdit {
    fn of(event: &crate::model::Event) -> Self {
        Self {
            id: event.id.clone(),
            label: event.label.clone(),
            start: event.start.map(|d| d.to_string()).unwrap_or_default(),
            end: event.end.map(|d| d.to_string()).unwrap_or_default(),
            participants: event.participants.clone(),
            search: String::new(),
            error: None,
        }
    }
}

/// Shows the timeline: toolbar, plot and the list of undated events.
pub fn timeline_ui(ui: &mut Ui, state: &mut AppState, view: &mut TimelineView) {
    view.refresh_layout(state);
    let Some(cache) = view.cache.take() else {
        return;
    };
    let layout = &cache.layout;
    if view.fitted_generation != Some(state.model_generation) {
        view.fitted_generation = Some(state.model_generation);
        view.fit = layout
            .main_range
            .or(layout.full_range)
            .map(|r| padded(r, 0.05, 14.0));
    }
    play_step(ui, state, view);
    toolbar_ui(ui, state, view, layout);
    if layout.full_range.is_none() {
        ui.weak("No dated events");
    } else {
        let undated_px = if layout.undated.is_empty() { 0.0 } else { 64.0 };
        let height = (ui.available_height() - undated_px).max(120.0);
        plot_ui(ui, state, view, layout, height);
    }
    undated_ui(ui, state, view, layout);
    edit_window_ui(ui, state, view);
    view.cache = Some(cache);
}

fn full_or_main(layout: &TimelineLayout, main: bool) -> Option<(f64, f64)> {
    let range = if main {
        layout.main_range.or(layout.full_range)
    } else {
        layout.full_range
    };
    range.map(|r| padded(r, 0.05, 14.0))
}

fn toolbar_ui(ui: &mut Ui, state: &mut AppState, view: &mut TimelineView, layout: &TimelineLayout) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Lanes");
        ui.selectable_value(&mut view.lane_mode, LaneMode::Actors, "Actors")
            .on_hover_text("One lane per actor; an event appears in the lane of each participant");
        ui.selectable_value(&mut view.lane_mode, LaneMode::Kinds, "Kinds")
            .on_hover_text("One lane per event kind");
        ui.separator();
        if ui.button("Fit all").on_hover_text("Shift+F").clicked() {
            view.fit = full_or_main(layout, false);
        }
        if ui
            .button("Fit main cluster")
            .on_hover_text("The range holding most events, leaving out distant history")
            .clicked()
        {
            view.fit = full_or_main(layout, true);
        }
        ui.separator();
        time_window_ui(ui, state, view);
        if !state.view.hidden_events.is_empty() {
            ui.separator();
            let n = state.view.hidden_events.len();
            let text = if n == 1 {
                "Show 1 hidden event".to_owned()
            } else {
                format!("Show {n} hidden events")
            };
            if ui.button(text).clicked() {
                let mut settings = state.view.clone();
                settings.hidden_events.clear();
                state.push(Command::SetView(settings));
            }
        }
        ui.separator();
        legend_ui(ui);
        if let Some((lo, hi)) = view.visible_x
            && let (Some(a), Some(b)) = (date_from_x(lo), date_from_x(hi))
        {
            ui.separator();
            let text = format!("{} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"));
            ui.add(egui::Label::new(RichText::new(text).weak()).extend());
        }
    });
}

fn date_drag(x: &mut f64, speed: f64) -> egui::DragValue<'_> {
    egui::DragValue::new(x)
        .speed(speed)
        .custom_formatter(|x, _| {
            date_from_x(x)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        })
        .custom_parser(|s| parse_date(s).ok().map(x_from_date))
}

fn time_window_ui(ui: &mut Ui, state: &mut AppState, view: &mut TimelineView) {
    let mut enabled = state.view.time_window.is_some();
    if ui
        .checkbox(&mut enabled, "Time window")
        .on_hover_text("Show only relations with evidence from documents published in the window; right-drag on the timeline to draw one")
        .changed()
    {
        view.playing = false;
        let window = if enabled {
            view.visible_x.and_then(|(lo, hi)| {
                let quarter = (hi - lo) * 0.25;
                window_from_x(lo + quarter, hi - quarter)
            })
        } else {
            None
        };
        state.push(Command::SetTimeWindow(window));
    }
    if let Some((from, to)) = state.view.time_window {
        let (mut a, mut b) = (x_from_date(from), x_from_date(to));
        let speed = view
            .visible_x
            .map_or(1.0, |(lo, hi)| ((hi - lo) / 300.0).max(0.2));
        let changed_a = ui
            .add(date_drag(&mut a, speed))
            .on_hover_text("Window start")
            .changed();
        ui.label("to");
        let changed_b = ui
            .add(date_drag(&mut b, speed))
            .on_hover_text("Window end")
            .changed();
        if changed_a || changed_b {
            view.playing = false;
            state.push(Command::SetTimeWindow(window_from_x(a.min(b), a.max(b))));
        }
    }
    let play_text = if view.playing { "Pause" } else { "Play" };
    if ui
        .button(play_text)
        .on_hover_text("Move the time window through the visible range")
        .clicked()
    {
        if view.playing {
            view.playing = false;
        } else if let Some((lo, hi)) = view.visible_x {
            let width = state
                .view
                .time_window
                .map(|(a, b)| x_from_date(b) + 1.0 - x_from_date(a))
                .filter(|w| *w < (hi - lo) * 0.9)
                .unwrap_or((hi - lo) / 6.0)
                .max(1.0);
            view.play_range = (lo, hi);
            view.play_width = width;
            view.play_x = lo;
            view.playing = true;
        }
    }
}

/// A time window from `[from, to)` in days; `None` for nonsense input.
fn window_from_x(from: f64, to: f64) -> Option<(NaiveDate, NaiveDate)> {
    let a = date_from_x(from)?;
    let b = date_from_x((to - 1.0).max(from))?;
    Some((a.min(b), a.max(b)))
}

fn play_step(ui: &Ui, state: &mut AppState, view: &mut TimelineView) {
    if !view.playing {
        return;
    }
    let (lo, hi) = view.play_range;
    let dt = ui.input(|i| f64::from(i.stable_dt.min(0.1)));
    view.play_x += (hi - lo).max(1.0) / PLAY_SECONDS * dt;
    if view.play_x + view.play_width >= hi {
        view.play_x = (hi - view.play_width).max(lo);
        view.playing = false;
    }
    let window = window_from_x(view.play_x, view.play_x + view.play_width);
    if window != state.view.time_window {
        state.push(Command::SetTimeWindow(window));
    }
    ui.ctx().request_repaint();
}

fn kind_colour(kind: &str) -> Color32 {
    let [r, g, b] = KIND_PALETTE[kind_colour_index(kind)];
    Color32::from_rgb(r, g, b)
}

fn legend_ui(ui: &mut Ui) {
    let colour = ui.visuals().text_color();
    let swatch = |ui: &mut Ui, style: Option<MarkStyle>, text: &str| {
        let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
        let painter = ui.painter();
        match style {
            Some(style) => paint_mark(
                painter,
                rect.shrink2(vec2(2.0, 0.0)),
                rect.center().y,
                style,
                colour,
            ),
            None => paint_reported_line(painter, rect.center().x, rect.y_range(), 1.0),
        }
        ui.weak(text);
    };
    swatch(ui, Some(MarkStyle::Point), "day");
    swatch(ui, Some(MarkStyle::Span), "span");
    swatch(ui, Some(MarkStyle::Uncertain), "uncertain");
    swatch(ui, None, "reported");
}

/// Paints one mark. `rect` spans the mark's days horizontally (for a point, its centre is the
/// day's middle); `cy` is the row centre.
fn paint_mark(painter: &egui::Painter, rect: Rect, cy: f32, style: MarkStyle, colour: Color32) {
    match style {
        MarkStyle::Point => {
            painter.circle_filled(pos2(rect.center().x, cy), POINT_RADIUS_PX, colour);
        }
        MarkStyle::Span => {
            let bar = Rect::from_x_y_ranges(
                rect.x_range(),
                cy - MARK_HALF_HEIGHT_PX..=cy + MARK_HALF_HEIGHT_PX,
            );
            painter.rect_filled(bar, CornerRadius::same(2), colour);
        }
        MarkStyle::Uncertain => {
            let bar = Rect::from_x_y_ranges(
                rect.x_range(),
                cy - MARK_HALF_HEIGHT_PX..=cy + MARK_HALF_HEIGHT_PX,
            );
            painter.rect_filled(bar, CornerRadius::ZERO, colour.gamma_multiply(0.25));
            let stroke = Stroke::new(1.0, colour.gamma_multiply(0.8));
            // Hatching, only over the part on screen.
            let visible = bar.intersect(painter.clip_rect());
            if visible.width() > 4.0 {
                let hatch = painter.with_clip_rect(visible);
                let mut x =
                    visible.left() - bar.height() - (visible.left() - bar.left()).rem_euclid(6.0);
                while x < visible.right() {
                    hatch.line_segment(
                        [pos2(x, bar.bottom()), pos2(x + bar.height(), bar.top())],
                        stroke,
                    );
                    x += 6.0;
                }
            }
            // Open ends: short whiskers instead of a closed outline.
            for x in [bar.left(), bar.right()] {
                painter.line_segment(
                    [pos2(x, bar.top() - 2.0), pos2(x, bar.bottom() + 2.0)],
                    stroke,
                );
            }
        }
    }
}

fn paint_reported_line(painter: &egui::Painter, x: f32, y: egui::Rangef, width: f32) {
    painter.add(Shape::dashed_line(
        &[pos2(x, y.min), pos2(x, y.max)],
        Stroke::new(1.5 * width, REPORTED_COLOUR),
        5.0,
        3.0,
    ));
}

fn cut(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A mark drawn this frame: its index in `layout.marks` and its screen box.
struct Drawn {
    mark: usize,
    rect: Rect,
    cy: f32,
}

fn plot_ui(
    ui: &mut Ui,
    state: &mut AppState,
    view: &mut TimelineView,
    layout: &TimelineLayout,
    height: f32,
) {
    let model = &state.model;
    let selected_event = match &state.selection {
        Some(Item::Event(id)) => model.events.iter().position(|e| &e.id == id),
        _ => None,
    };
    let selected_actor = match &state.selection {
        Some(Item::Actor(id)) => Some(id.clone()),
        _ => None,
    };
    let selected_lane_key = selected_actor.clone().map(LaneKey::Actor);
    // A selected relation highlights the events both its actors take part in.
    let selected_pair = match &state.selection {
        Some(Item::Relation(id)) => model
            .relation(id)
            .map(|r| (r.source.clone(), r.target.clone())),
        _ => None,
    };

    let tick_cache: RefCell<Vec<Tick>> = RefCell::new(Vec::new());
    let total_rows = layout.total_rows().max(1) as f64;
    let fit = view.fit.take();
    let reveal = view.reveal_x.take();
    let full = layout.full_range;
    let lanes = &layout.lanes;

    let plot = Plot::new("timeline")
        .height(height)
        .invert_y(true)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll([true, true])
        .allow_axis_zoom_drag([true, false])
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([true, false])
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .y_axis_min_width(GUTTER_PX)
        .x_grid_spacer(|input: GridInput| {
            let px_per_day = 8.0 / input.base_step_size.max(1e-9);
            let t = ticks(input.bounds, TICK_SPACING_PX / px_per_day);
            let marks = t
                .iter()
                .map(|t| GridMark {
                    value: t.x,
                    step_size: t.step_days,
                })
                .collect();
            *tick_cache.borrow_mut() = t;
            marks
        })
        .x_axis_formatter(|mark, _| {
            let cache = tick_cache.borrow();
            cache
                .binary_search_by(|t| t.x.total_cmp(&mark.value))
                .ok()
                .and_then(|i| cache.get(i))
                .map(|t| t.label.clone())
                .unwrap_or_default()
        })
        .y_grid_spacer(|input: GridInput| {
            let (lo, hi) = input.bounds;
            lanes
                .iter()
                .filter(|l| (lo..=hi).contains(&l.center_row()))
                .map(|l| GridMark {
                    value: l.center_row(),
                    step_size: l.rows as f64,
                })
                .collect()
        })
        .y_axis_formatter(|mark, _| {
            let i = lanes.partition_point(|l| l.center_row() < mark.value);
            lanes.get(i).map_or_else(String::new, |l| {
                let label = cut(&l.label, LANE_LABEL_CHARS);
                if selected_lane_key.as_ref() == Some(&l.key) {
                    format!("» {label}")
                } else {
                    label
                }
            })
        });

    let response = plot.show(ui, |plot_ui| {
        let frame_height = plot_ui.transform().frame().height();
        let row_px = (frame_height / total_rows as f32).clamp(MIN_ROW_PX, ROW_PX);
        let visible_rows = f64::from((frame_height / row_px).max(1.0));
        let bounds = plot_ui.plot_bounds();
        let top = if bounds.is_valid_y() {
            bounds.min()[1]
        } else {
            0.0
        };
        let top = top.clamp(0.0, (total_rows - visible_rows).max(0.0));
        plot_ui.set_plot_bounds_y(top..=top + visible_rows);
        if let Some((lo, hi)) = fit {
            plot_ui.set_plot_bounds_x(lo..=hi);
        } else if !bounds.is_valid_x()
            && let Some((lo, hi)) = full
        {
            plot_ui.set_plot_bounds_x(lo..=hi);
        } else if let Some(x) = reveal
            && bounds.is_valid_x()
            && !(bounds.min()[0]..=bounds.max()[0]).contains(&x)
        {
            let half = bounds.width() * 0.5;
            plot_ui.set_plot_bounds_x(x - half..=x + half);
        }
    });
    let transform = response.transform;
    let plot_response = response.response;
    let frame = *transform.frame();
    let bounds = *transform.bounds();
    view.visible_x = Some((bounds.min()[0], bounds.max()[0]));

    let painter = ui.painter_at(frame);
    scroll_indicator(&painter, frame, &bounds, layout.total_rows(), ui.visuals());
    let x_px = |x: f64| transform.position_from_point_x(x);
    let y_px = |row: f64| transform.position_from_point_y(row);
    let first_row = bounds.min()[1].floor().max(0.0) as usize;
    let last_row = (bounds.max()[1].ceil().max(0.0) as usize).min(layout.total_rows());

    // Lanes: zebra bands, the selected actor's lane, separators.
    let visuals = ui.visuals().clone();
    for (i, lane) in layout.lanes.iter().enumerate() {
        if lane.first_row + lane.rows < first_row || lane.first_row > last_row {
            continue;
        }
        let band = Rect::from_x_y_ranges(
            frame.x_range(),
            y_px(lane.first_row as f64)..=y_px((lane.first_row + lane.rows) as f64),
        );
        if selected_lane_key.as_ref() == Some(&lane.key) {
            painter.rect_filled(
                band,
                CornerRadius::ZERO,
                visuals.selection.bg_fill.gamma_multiply(0.3),
            );
        } else if i % 2 == 1 {
            painter.rect_filled(band, CornerRadius::ZERO, visuals.faint_bg_color);
        }
        painter.hline(
            frame.x_range(),
            band.bottom(),
            visuals.widgets.noninteractive.bg_stroke,
        );
    }

    // The time window: a band with edges; marks outside it are faded below.
    let window_x = state
        .view
        .time_window
        .map(|(from, to)| (x_from_date(from), x_from_date(to) + 1.0));
    if let Some((from, to)) = window_x {
        let (a, b) = (x_px(from), x_px(to));
        let band =
            Rect::from_x_y_ranges(a.max(frame.left())..=b.min(frame.right()), frame.y_range());
        if band.width() > 0.0 {
            painter.rect_filled(
                band,
                CornerRadius::ZERO,
                visuals.selection.bg_fill.gamma_multiply(0.15),
            );
        }
        let edge = Stroke::new(1.5, visuals.selection.stroke.color);
        painter.vline(a, frame.y_range(), edge);
        painter.vline(b, frame.y_range(), edge);
    }

    // Reported markers: a dashed line per publication date, thinned where they crowd (many
    // documents over decades), each with a tick on the top edge. The legend names them; hover
    // shows the documents.
    let mut reported_hits: Vec<(f32, usize)> = Vec::new();
    let on_screen: Vec<(f32, usize)> = layout
        .reported
        .iter()
        .enumerate()
        .map(|(i, m)| (x_px(m.x + 0.5), i))
        .filter(|(x, _)| (frame.left() - 2.0..=frame.right() + 2.0).contains(x))
        .collect();
    let dense = on_screen.len() > MAX_DASHED_MARKERS;
    let mut last_x = f32::NEG_INFINITY;
    for &(x, i) in &on_screen {
        reported_hits.push((x, i));
        if x - last_x < 3.0 {
            continue;
        }
        last_x = x;
        if dense {
            painter.vline(
                x,
                frame.y_range(),
                Stroke::new(1.0, REPORTED_COLOUR.gamma_multiply(0.3)),
            );
        } else {
            paint_reported_line(&painter, x, frame.y_range(), 1.0);
        }
        painter.add(Shape::convex_polygon(
            vec![
                pos2(x - 4.0, frame.top()),
                pos2(x + 4.0, frame.top()),
                pos2(x, frame.top() + 6.0),
            ],
            REPORTED_COLOUR,
            Stroke::NONE,
        ));
    }
    // Marks.
    let any_related = selected_event.is_some()
        || selected_pair.is_some()
        || selected_lane_key
            .as_ref()
            .is_some_and(|k| layout.lanes.iter().any(|l| &l.key == k));
    let related = |event: usize| {
        selected_event == Some(event)
            || selected_actor.as_ref().is_some_and(|a| {
                model
                    .events
                    .get(event)
                    .is_some_and(|e| e.participants.contains(a))
            })
            || selected_pair.as_ref().is_some_and(|(a, b)| {
                model
                    .events
                    .get(event)
                    .is_some_and(|e| e.participants.contains(a) && e.participants.contains(b))
            })
    };
    let mut drawn: Vec<Drawn> = Vec::new();
    for row in first_row..last_row {
        let cy = y_px(row as f64 + 0.5);
        let Some(range) = layout.row_marks.get(row) else {
            continue;
        };
        for mi in range.clone() {
            let mark = &layout.marks[mi];
            let (xa, xb) = (x_px(mark.x_start), x_px(mark.x_end));
            if xb < frame.left() - 12.0 || xa > frame.right() + 12.0 {
                continue;
            }
            let Some(event) = model.events.get(mark.event) else {
                continue;
            };
            let base = kind_colour(&event.kind);
            let outside_window =
                window_x.is_some_and(|(from, to)| mark.x_end <= from || mark.x_start >= to);
            let colour = if (any_related && !related(mark.event)) || outside_window {
                base.gamma_multiply(0.3)
            } else {
                base
            };
            let rect = match mark.style {
                MarkStyle::Point => Rect::from_center_size(
                    pos2((xa + xb) * 0.5, cy),
                    Vec2::splat(2.0 * POINT_RADIUS_PX),
                ),
                MarkStyle::Span | MarkStyle::Uncertain => Rect::from_x_y_ranges(
                    xa..=xb.max(xa + 3.0),
                    cy - MARK_HALF_HEIGHT_PX..=cy + MARK_HALF_HEIGHT_PX,
                ),
            };
            paint_mark(&painter, rect, cy, mark.style, colour);
            if selected_event == Some(mark.event) {
                painter.rect_stroke(
                    rect.expand(3.0),
                    CornerRadius::same(3),
                    Stroke::new(2.0, visuals.selection.stroke.color),
                    StrokeKind::Outside,
                );
            }
            drawn.push(Drawn { mark: mi, rect, cy });
        }
    }

    // Labels: above or below each mark, never overlapping; the rest hidden by priority.
    let font = FontId::proportional(LABEL_FONT_PX);
    let text_colour = visuals.text_color();
    let galleys: Vec<_> = drawn
        .iter()
        .map(|d| {
            let event = &model.events[layout.marks[d.mark].event];
            painter.layout_no_wrap(
                cut(&event.label, EVENT_LABEL_CHARS),
                font.clone(),
                text_colour,
            )
        })
        .collect();
    // Tall rows: two label lines, above and below the marks. Compact rows: one line, the label
    // right after its mark.
    let row_px = transform.dpos_dvalue_y().abs() as f32;
    let compact = row_px < ROW_PX - 2.0;
    let requests: Vec<LabelRequest> = drawn
        .iter()
        .zip(&galleys)
        .map(|(d, g)| {
            let mark = &layout.marks[d.mark];
            let bonus = if related(mark.event) {
                RELATED_PRIORITY
            } else {
                0
            };
            let start = if compact {
                d.rect.right() + 3.0
            } else {
                d.rect.left()
            };
            LabelRequest {
                row: mark.row,
                // Keep the label inside the plot where it fits.
                x_px: start
                    .min(frame.right() - g.size().x - 2.0)
                    .max(frame.left() + 2.0),
                width_px: g.size().x,
                priority: mark.priority + bonus,
            }
        })
        .collect();
    let slots = place_labels(&requests, if compact { 1 } else { 2 }, 6.0);

    let mut hovered_event: Option<(usize, Response)> = None;
    let mut clicked_event: Option<usize> = None;
    let mut menu_response: Option<(usize, Response)> = None;
    let any_menu_open = ui.ctx().any_popup_open();
    for ((d, galley), (request, slot)) in drawn.iter().zip(galleys).zip(requests.iter().zip(&slots))
    {
        let Some(slot) = slot else { continue };
        let size = galley.size();
        let y = if compact {
            d.cy - size.y * 0.5
        } else if *slot == 0 {
            d.cy - MARK_HALF_HEIGHT_PX - 2.0 - size.y
        } else {
            d.cy + MARK_HALF_HEIGHT_PX + 2.0
        };
        let label_rect = Rect::from_min_size(pos2(request.x_px, y), size);
        painter.galley(label_rect.min, galley, text_colour);
        // Labelled marks are widgets: clickable, focusable, named for screen readers and tests.
        let mark = &layout.marks[d.mark];
        let Some(event) = model.events.get(mark.event) else {
            continue;
        };
        let hit = d.rect.union(label_rect).intersect(frame);
        if !hit.is_positive() {
            continue;
        }
        let id = plot_response.id.with(("timeline-mark", d.mark));
        let response = ui.interact(hit, id, Sense::click());
        let label = event.label.clone();
        let selected = selected_event == Some(mark.event);
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        if response.clicked() {
            clicked_event = Some(mark.event);
        }
        if response.hovered() && !any_menu_open {
            hovered_event = Some((mark.event, response.clone()));
        }
        if response.secondary_clicked() || response.context_menu_opened() {
            menu_response = Some((mark.event, response));
        }
    }

    // Hover and click on marks without a label: hit-test the pointer.
    let hit_test = |pos: Pos2| -> Option<usize> {
        if !frame.contains(pos) {
            return None;
        }
        drawn
            .iter()
            .filter(|d| d.rect.expand(3.0).contains(pos))
            .min_by(|a, b| a.rect.width().total_cmp(&b.rect.width()))
            .map(|d| layout.marks[d.mark].event)
    };
    if hovered_event.is_none()
        && plot_response.hovered()
        && let Some(pos) = plot_response.hover_pos()
        && let Some(event) = hit_test(pos)
    {
        hovered_event = Some((event, plot_response.clone()));
    }
    if plot_response.clicked()
        && let Some(pos) = plot_response.interact_pointer_pos()
    {
        match hit_test(pos) {
            Some(event) => clicked_event = Some(event),
            None => state.push(Command::Select(None)),
        }
    }
    if let Some(event) = clicked_event
        && let Some(e) = state.model.events.get(event)
    {
        state.push(Command::Select(Some(Item::Event(e.id.clone()))));
        plot_response.request_focus();
    }
    if let Some((event, response)) = hovered_event {
        if let Some(e) = state.model.events.get(event) {
            state.hovered = Some(Item::Event(e.id.clone()));
            let model = &state.model;
            response.on_hover_ui_at_pointer(|ui| event_details_ui(ui, model, &model.events[event]));
        }
    } else if plot_response.hovered()
        && let Some(pos) = plot_response.hover_pos()
        && let Some(&(_, i)) = reported_hits.iter().find(|(x, _)| (x - pos.x).abs() < 5.0)
        && let Some(marker) = layout.reported.get(i)
    {
        let model = &state.model;
        plot_response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(format!("Reported {}", marker.date.format("%-d %b %Y")));
            for &doc in &marker.documents {
                if let Some(d) = model.documents.get(doc) {
                    let title = if d.title.is_empty() {
                        d.path.as_str()
                    } else {
                        d.title.as_str()
                    };
                    ui.label(title);
                }
            }
        });
    }
    if let Some((event, response)) = menu_response
        && let Some(e) = state.model.events.get(event).cloned()
    {
        response.context_menu(|ui| {
            if ui.button("Edit event…").clicked() {
                view.edit = Some(EventEdit::of(&e));
                ui.close();
            }
            if ui.button("Hide event").clicked() {
                state.push(Command::HideEvent(e.id.clone()));
                ui.close();
            }
        });
    }

    // Brush: drag with the secondary button to set the time window.
    brush(ui, state, view, &plot_response, &transform, &painter);

    // Keyboard: Left/Right step through events in time order; Shift+F fits everything.
    keyboard(ui, state, view, layout, &plot_response, selected_event);
}

/// A thin bar on the right edge showing which lanes are on screen, when not all of them fit.
fn scroll_indicator(
    painter: &egui::Painter,
    frame: Rect,
    bounds: &egui_plot::PlotBounds,
    total_rows: usize,
    visuals: &egui::Visuals,
) {
    let total = total_rows as f64;
    let (top, bottom) = (bounds.min()[1].max(0.0), bounds.max()[1].min(total));
    if total <= 0.0 || (top <= 0.0 && bottom >= total) {
        return;
    }
    let y = |row: f64| frame.top() + (row / total) as f32 * frame.height();
    let track = Rect::from_x_y_ranges(frame.right() - 5.0..=frame.right() - 1.0, frame.y_range());
    painter.rect_filled(track, CornerRadius::same(2), visuals.faint_bg_color);
    let thumb = Rect::from_x_y_ranges(track.x_range(), y(top)..=y(bottom).max(y(top) + 8.0));
    painter.rect_filled(thumb, CornerRadius::same(2), visuals.weak_text_color());
}

fn brush(
    ui: &Ui,
    state: &mut AppState,
    view: &mut TimelineView,
    response: &Response,
    transform: &PlotTransform,
    painter: &egui::Painter,
) {
    let pointer_x = || {
        ui.input(|i| i.pointer.interact_pos())
            .map(|p| transform.value_from_position(p).x)
    };
    if response.drag_started_by(PointerButton::Secondary) {
        view.brush_from = pointer_x();
    }
    let Some(from) = view.brush_from else { return };
    let Some(to) = pointer_x() else { return };
    if response.dragged_by(PointerButton::Secondary) {
        let (a, b) = (
            transform.position_from_point_x(from),
            transform.position_from_point_x(to),
        );
        let rect = Rect::from_x_y_ranges(a.min(b)..=a.max(b), transform.frame().y_range());
        painter.rect_filled(
            rect,
            CornerRadius::ZERO,
            ui.visuals().selection.bg_fill.gamma_multiply(0.25),
        );
    }
    if response.drag_stopped_by(PointerButton::Secondary) || !response.dragged() {
        view.brush_from = None;
        if (to - from).abs() >= 1.0 {
            view.playing = false;
            state.push(Command::SetTimeWindow(window_from_x(
                from.min(to),
                from.max(to),
            )));
        }
    }
}

fn keyboard(
    ui: &Ui,
    state: &mut AppState,
    view: &mut TimelineView,
    layout: &TimelineLayout,
    response: &Response,
    selected_event: Option<usize>,
) {
    let focused = response.has_focus();
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    ..Default::default()
                },
            );
        });
    }
    let nothing_focused = ui.memory(|m| m.focused().is_none());
    if !(focused || (response.contains_pointer() && nothing_focused)) {
        return;
    }
    let (left, right, fit_all) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowLeft),
            i.consume_key(Modifiers::NONE, Key::ArrowRight),
            i.consume_key(Modifiers::SHIFT, Key::F),
        )
    });
    if fit_all {
        view.fit = full_or_main(layout, false);
    }
    if (left || right)
        && let Some(next) = step_in_order(&layout.time_order, selected_event, right)
        && let Some(event) = state.model.events.get(next)
    {
        let (id, start) = (event.id.clone(), event.start);
        state.push(Command::Select(Some(Item::Event(id))));
        if let Some(start) = start {
            view.reveal_x = Some(x_from_date(start) + 0.5);
        }
    }
}

/// Up to this many undated events are listed in wrapped lines; more go in a scrolled list.
const UNDATED_WRAPPED_MAX: usize = 24;

fn undated_ui(ui: &mut Ui, state: &mut AppState, view: &mut TimelineView, layout: &TimelineLayout) {
    if layout.undated.is_empty() {
        return;
    }
    ui.add_space(4.0);
    let selected = match &state.selection {
        Some(Item::Event(id)) => Some(id.clone()),
        _ => None,
    };
    let model = &state.model;
    let mut commands: Vec<Command> = Vec::new();
    let mut hovered = None;
    let mut edit = None;
    let mut item = |ui: &mut Ui, i: usize| {
        let Some(event) = model.events.get(i) else {
            return;
        };
        let response = ui.selectable_label(
            selected.as_ref() == Some(&event.id),
            cut(&event.label, EVENT_LABEL_CHARS),
        );
        if response.clicked() {
            commands.push(Command::Select(Some(Item::Event(event.id.clone()))));
        }
        if response.hovered() {
            hovered = Some(Item::Event(event.id.clone()));
        }
        let response = response.on_hover_ui(|ui| event_details_ui(ui, model, event));
        response.context_menu(|ui| {
            if ui.button("Edit event…").clicked() {
                edit = Some(i);
                ui.close();
            }
            if ui.button("Hide event").clicked() {
                commands.push(Command::HideEvent(event.id.clone()));
                ui.close();
            }
        });
    };
    let title = format!("Undated ({})", layout.undated.len());
    if layout.undated.len() <= UNDATED_WRAPPED_MAX {
        ui.horizontal_wrapped(|ui| {
            ui.weak(title);
            for &i in &layout.undated {
                item(ui, i);
            }
        });
    } else {
        // Many: one per line, and only the visible lines are built.
        ui.weak(title);
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .id_salt("timeline-undated")
            .max_height(row_height * 3.0)
            .show_rows(ui, row_height, layout.undated.len(), |ui, rows| {
                for i in rows.filter_map(|r| layout.undated.get(r).copied()) {
                    item(ui, i);
                }
            });
    }
    if let Some(item) = hovered {
        state.hovered = Some(item);
    }
    if let Some(event) = edit.and_then(|i| state.model.events.get(i)) {
        view.edit = Some(EventEdit::of(event));
    }
    for command in commands {
        state.push(command);
    }
}

/// An event's details, as the hover card shows them: label, kind, resolved range, how the date
/// was read, participants and the evidence sentence.
pub fn event_details_ui(ui: &mut Ui, model: &Model, event: &Event) {
    ui.strong(&event.label);
    if !event.kind.is_empty() {
        ui.weak(&event.kind);
    }
    ui.label(format_range(event));
    if let Some(reading) = format_reading(event) {
        ui.label(reading);
    }
    if !event.participants.is_empty() {
        let names: Vec<&str> = event
            .participants
            .iter()
            .map(|a| model.actor(a).map_or(a.as_str(), |a| a.name.as_str()))
            .collect();
        ui.label(format!("With {}", names.join(", ")));
    }
    if let Some(evidence) = event.evidence.first() {
        ui.separator();
        ui.label(RichText::new(format!("“{}”", evidence.text.trim())).italics());
        if let Some(doc) = model.document(&evidence.document) {
            let date = doc.published.map(|d| format!(" · {d}")).unwrap_or_default();
            ui.weak(format!("{}{date}", doc.title));
        }
        if event.evidence.len() > 1 {
            ui.weak(format!("and {} more", event.evidence.len() - 1));
        }
    }
    if event.origin != Origin::Extracted {
        ui.weak("Edited by the user");
    }
}

/// Parses a date typed by the user (`YYYY-MM-DD`). The error says what was expected and found.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("Expected a date like 2024-06-18 (year-month-day), found \"{text}\"."))
}

/// Parses the edit dialog's start and end: both empty means no date; an empty end means one day.
pub fn parse_event_dates(
    start: &str,
    end: &str,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
    match (start.trim().is_empty(), end.trim().is_empty()) {
        (true, true) => Ok((None, None)),
        (true, false) => {
            Err("Expected a start date before the end date, found only an end date.".to_owned())
        }
        (false, true) => Ok((Some(parse_date(start)?), None)),
        (false, false) => {
            let (s, e) = (parse_date(start)?, parse_date(end)?);
            if e < s {
                return Err(format!(
                    "Expected the end ({e}) on or after the start ({s})."
                ));
            }
            Ok((Some(s), Some(e)))
        }
    }
}

fn edit_window_ui(ui: &Ui, state: &mut AppState, view: &mut TimelineView) {
    let Some(edit) = view.edit.as_mut() else {
        return;
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new("Edit event")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("timeline-edit-grid")
                .num_columns(2)
                .show(ui, |ui| {
                    for (name, field) in [
                        ("Label", &mut edit.label),
                        ("Start", &mut edit.start),
                        ("End", &mut edit.end),
                    ] {
                        let label = ui.label(name);
                        ui.text_edit_singleline(field).labelled_by(label.id);
                        ui.end_row();
                    }
                });
            ui.weak("Dates as year-month-day; an empty end means one day");
            ui.label("Participants");
            crate::ui::inspector_ui::participants_ui(
                ui,
                "timeline-edit",
                &state.model,
                &mut edit.participants,
                &mut edit.search,
            );
            if let Some(error) = &edit.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.horizontal(|ui| {
                if ui.button("Apply").clicked() {
                    match parse_event_dates(&edit.start, &edit.end) {
                        Ok((start, end)) => {
                            state.push(Command::EditEvent {
                                id: edit.id.clone(),
                                label: Some(edit.label.trim().to_owned()).filter(|l| !l.is_empty()),
                                start,
                                end,
                                participants: Some(edit.participants.clone()),
                            });
                            done = true;
                        }
                        Err(error) => edit.error = Some(error),
                    }
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if !open || done {
        view.edit = None;
    }
}
