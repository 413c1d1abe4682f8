//! Timeline images and slides, drawn to SVG from the same layout the screen uses: the timeline's
//! lanes, marks and ticks (`layout::timeline`), and the diagram's geometry (`export::image`).
//! A slide composes a title, the diagram, the timeline, the legend, a caption and a source line.

use std::path::Path;

use chrono::NaiveDate;

use crate::export::image::{
    ExportError, ImageFormat, ImageOptions, diagram_for_export, draw_diagram_into, write_image,
};
use crate::export::svg::SvgWriter;
use crate::layout::geometry::{Point, Rect};
use crate::layout::timeline::{
    KIND_PALETTE, LaneMode, MarkStyle, kind_colour_index, layout_timeline, padded, ticks,
    x_from_date,
};
use crate::model::{EventId, Model};
use crate::theme::{self, Rgba, Theme};
use crate::ui::state::{Item, ViewSettings};

/// What a slide says besides its pictures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SlideText {
    pub title: String,
    pub caption: String,
    pub source: Option<String>,
}

/// Emphasis for a walkthrough step: highlighted event and actors, a cursor day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Emphasis {
    pub event: Option<EventId>,
    pub cursor: Option<NaiveDate>,
}

fn kind_color(kind: &str) -> Rgba {
    let [r, g, b] = KIND_PALETTE[kind_colour_index(kind)];
    Rgba::rgb(r, g, b)
}

/// Draws the timeline (lanes per actor) into `area`. Events far outside the main cluster are
/// named in a note rather than squashing the rest into a line.
pub fn draw_timeline_into(
    w: &mut SvgWriter,
    model: &Model,
    area: Rect,
    theme: &Theme,
    scale: f32,
    emphasis: &Emphasis,
) {
    let layout = layout_timeline(model, LaneMode::Actors, &[]);
    let font = 12.0 * scale;
    let line = theme::line_height_px(font);
    let Some(full) = layout.full_range else {
        w.text(
            Point::new(area.min.x, area.min.y),
            "No dated events",
            font,
            theme.text,
            None,
        );
        return;
    };
    let main = layout.main_range.unwrap_or(full);
    let use_main = (full.1 - full.0) > 4.0 * (main.1 - main.0).max(30.0);
    let range = padded(if use_main { main } else { full }, 0.06, 10.0);

    // Left gutter for lane labels, bottom strip for ticks, and one for the note.
    let gutter = layout
        .lanes
        .iter()
        .map(|l| theme::text_width_px(&l.label, font))
        .fold(0.0f32, f32::max)
        .min(area.width() * 0.3)
        + 8.0 * scale;
    let note_h = if use_main { line } else { 0.0 };
    let plot = Rect {
        min: Point::new(area.min.x + gutter, area.min.y),
        max: Point::new(area.max.x, area.max.y - line * 1.4 - note_h),
    };
    let rows = layout.total_rows().max(1);
    let row_h = (plot.height() / rows as f32).min(26.0 * scale);
    let x_of = |x: f64| plot.min.x + ((x - range.0) / (range.1 - range.0)) as f32 * plot.width();
    let y_of = |row: f64| plot.min.y + row as f32 * row_h;

    w.group_begin("timeline");
    w.rect(
        plot.min,
        plot.width(),
        rows as f32 * row_h,
        0.0,
        theme.legend_background,
        Some((theme.legend_border, 1.0)),
    );
    // Lanes: alternate bands and labels in the gutter.
    for (i, lane) in layout.lanes.iter().enumerate() {
        if i % 2 == 1 {
            w.rect(
                Point::new(plot.min.x, y_of(lane.first_row as f64)),
                plot.width(),
                lane.rows as f32 * row_h,
                0.0,
                theme.legend_border.with_alpha_factor(0.25),
                None,
            );
        }
        let y = y_of(lane.center_row()) - line * 0.5;
        w.text(
            Point::new(area.min.x, y),
            &lane.label,
            font,
            theme.text,
            None,
        );
    }
    // Ticks along the bottom.
    let px_per_day = f64::from(plot.width()) / (range.1 - range.0);
    let min_step_days = 70.0 * f64::from(scale) / px_per_day;
    let bottom = y_of(rows as f64);
    for tick in ticks(range, min_step_days) {
        let x = x_of(tick.x);
        if x < plot.min.x || x > plot.max.x {
            continue;
        }
        vline(
            w,
            x,
            plot.min.y,
            bottom,
            theme.legend_border,
            if tick.major { 1.2 } else { 0.6 },
            theme::DashStyle::Solid,
        );
        w.text(
            Point::new(x + 3.0 * scale, bottom + 2.0 * scale),
            &tick.label,
            font * 0.9,
            theme.text,
            None,
        );
    }
    // Publication dates ("reported").
    for marker in &layout.reported {
        let x = x_of(marker.x);
        if x >= plot.min.x && x <= plot.max.x {
            vline(
                w,
                x,
                plot.min.y,
                bottom,
                theme.neutral,
                1.5 * scale,
                theme::DashStyle::Dashed,
            );
        }
    }
    if let Some(cursor) = emphasis.cursor {
        let x = x_of(x_from_date(cursor) + 0.5);
        if x >= plot.min.x && x <= plot.max.x {
            vline(
                w,
                x,
                plot.min.y,
                bottom,
                theme.highlight,
                2.5 * scale,
                theme::DashStyle::Solid,
            );
        }
    }
    // Marks, then labels where they fit (later labels in a row give way).
    let mut label_right: Vec<f32> = vec![f32::MIN; rows];
    let mut outside = Vec::new();
    for mark in &layout.marks {
        let Some(event) = model.events.get(mark.event) else {
            continue;
        };
        let (x0, x1) = (x_of(mark.x_start), x_of(mark.x_end));
        if x1 < plot.min.x || x0 > plot.max.x {
            if !outside.contains(&mark.event) {
                outside.push(mark.event);
            }
            continue;
        }
        let emphasised = emphasis.event.as_ref() == Some(&event.id);
        let dim = emphasis.event.is_some() && !emphasised;
        let mut color = kind_color(&event.kind);
        if dim {
            color = color.with_alpha_factor(0.3);
        }
        let cy = y_of(mark.row as f64 + 0.5);
        let h = row_h * 0.5;
        let (x0, x1) = (x0.max(plot.min.x), x1.min(plot.max.x));
        match mark.style {
            MarkStyle::Point => w.circle(
                Point::new((x0 + x1) * 0.5, cy),
                h * 0.5,
                color,
                Some((theme.node_stroke, 1.0)),
            ),
            MarkStyle::Span => w.rect(
                Point::new(x0, cy - h * 0.5),
                (x1 - x0).max(2.0),
                h,
                h * 0.2,
                color,
                Some((theme.node_stroke, 1.0)),
            ),
            MarkStyle::Uncertain => w.rect(
                Point::new(x0, cy - h * 0.5),
                (x1 - x0).max(2.0),
                h,
                h * 0.2,
                color.with_alpha_factor(0.35),
                Some((color, 1.2 * scale)),
            ),
        }
        if emphasised {
            w.rect(
                Point::new(x0 - 3.0, cy - h),
                (x1 - x0) + 6.0,
                h * 2.0,
                3.0,
                Rgba::TRANSPARENT,
                Some((theme.highlight, 2.5 * scale)),
            );
        }
        let label_x = (x0 + x1) * 0.5 + h * 0.5 + 3.0 * scale;
        let width = theme::text_width_px(&event.label, font);
        if let Some(right) = label_right.get_mut(mark.row)
            && label_x > *right
            && label_x + width <= area.max.x
        {
            w.text(
                Point::new(label_x, cy - line * 0.5),
                &event.label,
                font,
                if dim {
                    theme.text.with_alpha_factor(0.4)
                } else {
                    theme.text
                },
                Some(theme.background),
            );
            *right = label_x + width + 6.0 * scale;
        }
    }
    if !outside.is_empty() {
        let names: Vec<String> = outside
            .iter()
            .filter_map(|&i| model.events.get(i))
            .map(|e| format!("{} ({})", e.label, crate::layout::timeline::format_range(e)))
            .collect();
        w.text(
            Point::new(area.min.x, area.max.y - line),
            &format!("Outside this range: {}", names.join("; ")),
            font * 0.9,
            theme.text,
            None,
        );
    }
    w.group_end();
}

/// A vertical line at `x` from `top` to `bottom`.
fn vline(
    w: &mut SvgWriter,
    x: f32,
    top: f32,
    bottom: f32,
    color: Rgba,
    width: f32,
    dash: theme::DashStyle,
) {
    let (a, b) = (Point::new(x, top), Point::new(x, bottom));
    w.curve([a, a, b], true, color, width, dash);
}

/// The timeline alone as an SVG document.
pub fn render_timeline_svg(model: &Model, options: &ImageOptions) -> String {
    let theme = Theme::for_dark(options.dark);
    let mut w = SvgWriter::begin(options.width_px, options.height_px);
    let (width, height) = (options.width_px as f32, options.height_px as f32);
    if !options.transparent {
        w.rect(Point::default(), width, height, 0.0, theme.background, None);
    }
    let scale = options.text_scale();
    let margin = 24.0 * scale;
    let area = Rect {
        min: Point::new(margin, margin),
        max: Point::new(width - margin, height - margin),
    };
    draw_timeline_into(&mut w, model, area, &theme, scale, &Emphasis::default());
    w.finish()
}

/// A slide: title, diagram (with legend), timeline, caption and source line.
pub fn render_slide_svg(
    model: &Model,
    view: &ViewSettings,
    options: &ImageOptions,
    text: &SlideText,
    emphasis: &Emphasis,
) -> String {
    let theme = Theme::for_dark(options.dark);
    let mut w = SvgWriter::begin(options.width_px, options.height_px);
    let (width, height) = (options.width_px as f32, options.height_px as f32);
    if !options.transparent {
        w.rect(Point::default(), width, height, 0.0, theme.background, None);
    }
    let scale = options.text_scale();
    let margin = 28.0 * scale;
    let title_px = 30.0 * scale;
    let body_px = 16.0 * scale;
    let mut y = margin;
    w.text(
        Point::new(margin, y),
        &fit_text(&text.title, title_px, width - 2.0 * margin),
        title_px,
        theme.text,
        None,
    );
    y += theme::line_height_px(title_px) + 8.0 * scale;

    // Caption and source at the bottom, wrapped to at most three lines.
    let caption_lines = wrap(&text.caption, body_px, width - 2.0 * margin, 3);
    let source_h = if text.source.is_some() {
        theme::line_height_px(body_px * 0.85)
    } else {
        0.0
    };
    let bottom_h =
        caption_lines.len() as f32 * theme::line_height_px(body_px) + source_h + 10.0 * scale;
    let content_bottom = height - margin - bottom_h;
    let timeline_h = ((content_bottom - y) * 0.32).max(60.0 * scale);
    let diagram_area = Rect {
        min: Point::new(margin, y),
        max: Point::new(width - margin, content_bottom - timeline_h - 10.0 * scale),
    };
    let timeline_area = Rect {
        min: Point::new(margin, content_bottom - timeline_h),
        max: Point::new(width - margin, content_bottom),
    };

    let (graph, geometry) = diagram_for_export(model, view, None, options.seed);
    let view = ViewSettings {
        dark: options.dark,
        ..view.clone()
    };
    draw_diagram_into(
        &mut w,
        model,
        &graph,
        &geometry,
        &view,
        diagram_area,
        options,
    );
    draw_timeline_into(&mut w, model, timeline_area, &theme, scale, emphasis);

    let mut cy = content_bottom + 10.0 * scale;
    for line in caption_lines {
        w.text(Point::new(margin, cy), &line, body_px, theme.text, None);
        cy += theme::line_height_px(body_px);
    }
    if let Some(source) = &text.source {
        w.text(
            Point::new(margin, cy),
            &format!("Source: {source}"),
            body_px * 0.85,
            theme.text.with_alpha_factor(0.7),
            None,
        );
    }
    w.finish()
}

/// Shortens `text` with an ellipsis so it fits `max_px`.
fn fit_text(text: &str, font_px: f32, max_px: f32) -> String {
    if theme::text_width_px(text, font_px) <= max_px {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if theme::text_width_px(&format!("{out}{c}…"), font_px) > max_px {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// Greedy word wrap to `max_lines` lines of at most `max_px`; the last line ends in "…" if cut.
fn wrap(text: &str, font_px: f32, max_px: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if theme::text_width_px(&candidate, font_px) <= max_px || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
            if lines.len() == max_lines {
                let last = lines.pop().unwrap_or_default();
                lines.push(fit_text(&format!("{last} {current}…"), font_px, max_px));
                return lines;
            }
        }
    }
    if !current.is_empty() {
        lines.push(fit_text(&current, font_px, max_px));
    }
    lines
}

/// Which picture to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Diagram,
    Timeline,
    Slide,
}

/// Renders `view` and writes it to `path` (PNG or SVG by extension), atomically.
pub fn export_view(
    model: &Model,
    settings: &ViewSettings,
    view: View,
    options: &ImageOptions,
    path: &Path,
    slide: &SlideText,
) -> Result<(), ExportError> {
    ImageFormat::from_path(path)?;
    let svg = match view {
        View::Diagram => crate::export::image::render_diagram_svg(model, settings, None, options),
        View::Timeline => render_timeline_svg(model, options),
        View::Slide => render_slide_svg(model, settings, options, slide, &Emphasis::default()),
    };
    write_image(&svg, path)
}

/// The selection as a slide emphasis (an event highlights itself and sets the cursor).
pub fn emphasis_for(model: &Model, item: Option<&Item>) -> Emphasis {
    match item {
        Some(Item::Event(id)) => Emphasis {
            event: Some(id.clone()),
            cursor: model.event(id).and_then(|e| e.start),
        },
        _ => Emphasis::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_respects_width_and_line_count() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let lines = wrap(text, 16.0, 120.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(
            lines.iter().all(|l| theme::text_width_px(l, 16.0) <= 121.0),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("short", 16.0, 500.0, 3), vec!["short".to_owned()]);
    }

    #[test]
    fn long_titles_are_shortened() {
        let t = fit_text(&"word ".repeat(100), 20.0, 300.0);
        assert!(t.ends_with('…'));
        assert!(theme::text_width_px(&t, 20.0) <= 300.0);
    }
}
