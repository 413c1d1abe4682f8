//! SVG drawing of the diagram's geometry (and a small writer other compositions can reuse).
//!
//! Coordinates are written in output pixels with two decimals, so the same input gives the same
//! bytes. Text uses the shipped font's family ("Ubuntu", weight 300); the PNG renderer loads
//! that font explicitly.

use std::fmt::Write as _;

use crate::layout::geometry::{
    DiagramGeometry, EdgeCurve, Emphasis, LabelBox, LegendLayout, NodeGeom, Point, Swatch,
};
use crate::theme::{self, DashStyle, NodeShape, Rgba, Theme};

/// The `font-family` written on text.
pub const FONT_FAMILY: &str = "Ubuntu";
/// The shipped font's weight (Light).
pub const FONT_WEIGHT: u32 = 300;

/// Escapes text for SVG character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Maps scene units to output pixels: `px = (scene - origin) * scale + offset`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    pub origin: Point,
    pub scale: f32,
    pub offset: Point,
}

impl Transform {
    pub fn apply(&self, p: Point) -> Point {
        Point::new(
            (p.x - self.origin.x) * self.scale + self.offset.x,
            (p.y - self.origin.y) * self.scale + self.offset.y,
        )
    }
}

/// A string-building SVG writer.
#[derive(Debug, Default)]
pub struct SvgWriter {
    pub out: String,
}

fn paint(color: Rgba, attr: &str) -> String {
    if color.a == 255 {
        format!(r#"{attr}="{}""#, color.to_svg())
    } else {
        format!(
            r#"{attr}="{}" {attr}-opacity="{:.3}""#,
            color.to_svg(),
            color.opacity()
        )
    }
}

impl SvgWriter {
    /// Opens an `<svg>` document of `width`×`height` pixels.
    pub fn begin(width: u32, height: u32) -> Self {
        let mut w = Self::default();
        let _ = write!(
            w.out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
        );
        w.out.push('\n');
        w
    }

    /// Closes the document and returns its text.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    pub fn rect(
        &mut self,
        min: Point,
        w: f32,
        h: f32,
        rx: f32,
        fill: Rgba,
        stroke: Option<(Rgba, f32)>,
    ) {
        let _ = write!(
            self.out,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{rx:.2}" {}"#,
            min.x,
            min.y,
            w,
            h,
            paint(fill, "fill")
        );
        self.stroke_attrs(stroke);
        self.out.push_str("/>\n");
    }

    fn stroke_attrs(&mut self, stroke: Option<(Rgba, f32)>) {
        if let Some((color, width)) = stroke {
            let _ = write!(
                self.out,
                r#" {} stroke-width="{width:.2}""#,
                paint(color, "stroke")
            );
        }
    }

    pub fn circle(&mut self, c: Point, r: f32, fill: Rgba, stroke: Option<(Rgba, f32)>) {
        let _ = write!(
            self.out,
            r#"<circle cx="{:.2}" cy="{:.2}" r="{r:.2}" {}"#,
            c.x,
            c.y,
            paint(fill, "fill")
        );
        self.stroke_attrs(stroke);
        self.out.push_str("/>\n");
    }

    pub fn polygon(&mut self, points: &[Point], fill: Rgba, stroke: Option<(Rgba, f32)>) {
        self.out.push_str(r#"<polygon points=""#);
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            let _ = write!(self.out, "{:.2},{:.2}", p.x, p.y);
        }
        let _ = write!(self.out, r#"" {}"#, paint(fill, "fill"));
        self.stroke_attrs(stroke);
        self.out.push_str(" stroke-linejoin=\"round\"/>\n");
    }

    /// A quadratic curve (or segment) stroke with a dash style.
    pub fn curve(
        &mut self,
        points: [Point; 3],
        straight: bool,
        color: Rgba,
        width: f32,
        dash: DashStyle,
    ) {
        let [a, b, c] = points;
        if straight {
            let _ = write!(
                self.out,
                r#"<path d="M{:.2},{:.2} L{:.2},{:.2}""#,
                a.x, a.y, c.x, c.y
            );
        } else {
            let _ = write!(
                self.out,
                r#"<path d="M{:.2},{:.2} Q{:.2},{:.2} {:.2},{:.2}""#,
                a.x, a.y, b.x, b.y, c.x, c.y
            );
        }
        let _ = write!(
            self.out,
            r#" fill="none" {} stroke-width="{width:.2}""#,
            paint(color, "stroke")
        );
        match dash.pattern() {
            None => {}
            Some((on, off)) => {
                // Dots get round caps so they read as dots.
                let cap = if dash == DashStyle::Dotted {
                    "round"
                } else {
                    "butt"
                };
                let on = if dash == DashStyle::Dotted {
                    0.01
                } else {
                    on * width
                };
                let _ = write!(
                    self.out,
                    r#" stroke-dasharray="{on:.2} {:.2}" stroke-linecap="{cap}""#,
                    off * width
                        + if dash == DashStyle::Dotted {
                            width
                        } else {
                            0.0
                        }
                );
            }
        }
        self.out.push_str("/>\n");
    }

    /// One line of text with its top-left at `min`, in the shipped font, with a halo.
    pub fn text(&mut self, min: Point, text: &str, font_px: f32, color: Rgba, halo: Option<Rgba>) {
        let baseline = min.y + theme::ascent_px(font_px);
        let _ = write!(
            self.out,
            r#"<text x="{:.2}" y="{baseline:.2}" font-family="{FONT_FAMILY}" font-weight="{FONT_WEIGHT}" font-size="{font_px:.2}" {}"#,
            min.x,
            paint(color, "fill")
        );
        if let Some(h) = halo {
            let _ = write!(
                self.out,
                r#" {} stroke-width="{:.2}" stroke-linejoin="round" paint-order="stroke""#,
                paint(h, "stroke"),
                font_px * 0.25
            );
        }
        let _ = write!(self.out, ">{}</text>", escape(text));
        self.out.push('\n');
    }

    pub fn group_begin(&mut self, id: &str) {
        let _ = writeln!(self.out, r#"<g id="{}">"#, escape(id));
    }

    pub fn group_end(&mut self) {
        self.out.push_str("</g>\n");
    }
}

/// Draws a node shape of circumradius `r` (pixels) at `c`.
pub fn draw_node_shape(
    w: &mut SvgWriter,
    shape: NodeShape,
    c: Point,
    r: f32,
    fill: Rgba,
    stroke: (Rgba, f32),
) {
    match shape {
        NodeShape::Circle => w.circle(c, r, fill, Some(stroke)),
        NodeShape::Pin => {
            w.circle(
                c,
                r * 0.8,
                Rgba::TRANSPARENT,
                Some((fill, (r * 0.25).max(1.0))),
            );
            w.circle(c, r * 0.4, fill, None);
        }
        NodeShape::RoundedSquare => {
            let h = r * 0.89;
            w.rect(
                Point::new(c.x - h, c.y - h),
                2.0 * h,
                2.0 * h,
                h * 0.3,
                fill,
                Some(stroke),
            );
        }
        NodeShape::Hexagon | NodeShape::Triangle => {
            let points: Vec<Point> = shape
                .polygon(c.x, c.y, r)
                .into_iter()
                .map(|[x, y]| Point::new(x, y))
                .collect();
            w.polygon(&points, fill, Some(stroke));
        }
    }
}

fn alpha(dimmed: bool) -> f32 {
    if dimmed { theme::DIM_ALPHA } else { 1.0 }
}

/// Draws edges, nodes and the given labels. `emphasis` dims and highlights like the screen.
pub fn draw_diagram(
    w: &mut SvgWriter,
    geometry: &DiagramGeometry,
    labels: &[LabelBox],
    emphasis: Option<&Emphasis>,
    t: Transform,
    theme: &Theme,
    font_px: f32,
) {
    w.group_begin("edges");
    for (k, e) in geometry.edges.iter().enumerate() {
        let dimmed = emphasis.is_some_and(|em| em.edge_dimmed[k]);
        let selected = emphasis.is_some_and(|em| em.edge_selected[k]);
        draw_edge(w, e, t, theme, alpha(dimmed), selected);
    }
    w.group_end();
    w.group_begin("nodes");
    for (i, n) in geometry.nodes.iter().enumerate() {
        let dimmed = emphasis.is_some_and(|em| em.node_dimmed[i]);
        let selected = emphasis.is_some_and(|em| em.node_selected[i]);
        draw_node(w, n, t, theme, alpha(dimmed), selected);
    }
    w.group_end();
    w.group_begin("labels");
    for label in labels {
        let dimmed = emphasis.is_some_and(|em| em.node_dimmed[label.node]);
        let Some(node) = geometry.nodes.get(label.node) else {
            continue;
        };
        let min = t.apply(label.rect.min);
        let pad = theme::LABEL_PAD_PX * font_px / theme::LABEL_FONT_PX;
        w.text(
            Point::new(min.x + pad, min.y + pad),
            &node.label,
            font_px,
            theme.text.with_alpha_factor(alpha(dimmed)),
            Some(theme.text_halo.with_alpha_factor(alpha(dimmed))),
        );
    }
    w.group_end();
}

fn draw_edge(
    w: &mut SvgWriter,
    e: &EdgeCurve,
    t: Transform,
    theme: &Theme,
    a: f32,
    selected: bool,
) {
    let points = e.points.map(|p| t.apply(p));
    let width = e.width * t.scale * if selected { 1.6 } else { 1.0 };
    if selected {
        w.curve(
            points,
            e.straight,
            theme.highlight.with_alpha_factor(0.35),
            width + 4.0,
            DashStyle::Solid,
        );
    }
    w.curve(
        points,
        e.straight,
        e.color.with_alpha_factor(a * 0.85),
        width,
        e.dash,
    );
    if let Some(arrow) = e.arrow {
        w.polygon(
            &arrow.map(|p| t.apply(p)),
            e.color.with_alpha_factor(a),
            None,
        );
    }
}

#[allow(
    clippy::many_single_char_names,
    reason = "geometry formulas read best with their usual letters"
)]
fn draw_node(w: &mut SvgWriter, n: &NodeGeom, t: Transform, theme: &Theme, a: f32, selected: bool) {
    let c = t.apply(n.center);
    let r = n.radius * t.scale;
    let stroke_width = if selected { 3.0 } else { 1.0 } * t.scale.min(2.0);
    let stroke = if selected {
        theme.highlight
    } else {
        theme.node_stroke
    };
    draw_node_shape(
        w,
        n.shape,
        c,
        r,
        n.fill.with_alpha_factor(a),
        (
            stroke.with_alpha_factor(a * if selected { 1.0 } else { 0.6 }),
            stroke_width,
        ),
    );
}

/// Draws the legend box with its top-left at `at` (pixels); `scale` multiplies its sizes.
pub fn draw_legend(w: &mut SvgWriter, legend: &LegendLayout, at: Point, scale: f32, theme: &Theme) {
    w.group_begin("legend");
    w.rect(
        at,
        legend.width * scale,
        legend.height * scale,
        4.0 * scale,
        theme.legend_background,
        Some((theme.legend_border, scale)),
    );
    let font = legend.font_px * scale;
    for (entry, top) in &legend.rows {
        let y = at.y + top * scale;
        let mid = Point::new(
            at.x + (legend.padding + legend.swatch_width / 2.0) * scale,
            y + legend.row_height * scale / 2.0,
        );
        match &entry.swatch {
            Swatch::Node(shape, color) => {
                draw_node_shape(
                    w,
                    *shape,
                    mid,
                    6.5 * scale,
                    *color,
                    (theme.node_stroke.with_alpha_factor(0.6), scale),
                );
            }
            Swatch::Edge(color, dash) => {
                let half = legend.swatch_width * scale / 2.0;
                let a = Point::new(mid.x - half, mid.y);
                let b = Point::new(mid.x + half, mid.y);
                w.curve([a, a.lerp(b, 0.5), b], true, *color, 2.5 * scale, *dash);
            }
            Swatch::None => {}
        }
        let text_x = if matches!(entry.swatch, Swatch::None) {
            at.x + legend.padding * scale
        } else {
            at.x + (legend.padding + legend.swatch_width + 6.0) * scale
        };
        let line = theme::line_height_px(font);
        w.text(
            Point::new(text_x, y + (legend.row_height * scale - line) / 2.0),
            &entry.text,
            font,
            theme.text,
            None,
        );
    }
    w.group_end();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; "
        );
    }
}
