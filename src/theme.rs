//! Colours, sizes and fonts, shared by the screen painter and the exporters.
//!
//! Plain RGBA values with no egui types: the UI converts them with `ui::diagram_ui::color32`,
//! the SVG writer with [`Rgba::to_svg`]. Colours come from the Okabe–Ito palette, which stays
//! distinguishable under the common colour-vision deficiencies; shapes (node kinds) and dash
//! styles (polarities) carry the same meaning so colour is never alone.

use std::sync::LazyLock;

use crate::model::{ActorKind, Polarity};

/// The font egui itself uses for proportional text, shipped so exports match the screen.
pub const FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/Ubuntu-Light.ttf");
/// A wide-coverage fallback (arrows, symbols, Greek, more Latin) for glyphs Ubuntu lacks:
/// `DejaVu Sans`, under the Bitstream Vera licence (`assets/fonts/DejaVu-LICENSE.txt`).
pub const FALLBACK_FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// Label text size in screen pixels (points), at every zoom.
pub const LABEL_FONT_PX: f32 = 13.0;
/// Legend text size in pixels.
pub const LEGEND_FONT_PX: f32 = 12.0;
/// Padding around a label's text inside its box, in pixels.
pub const LABEL_PAD_PX: f32 = 2.0;
/// Gap between a node's border and its label, in pixels.
pub const LABEL_GAP_PX: f32 = 3.0;

/// Node radius range in scene units; size grows with the square root of the mention count.
pub const NODE_MIN_RADIUS: f32 = 6.0;
pub const NODE_MAX_RADIUS: f32 = 26.0;
/// Edge width range in scene units; width grows with the logarithm of the evidence count.
pub const EDGE_MIN_WIDTH: f32 = 1.2;
pub const EDGE_MAX_WIDTH: f32 = 7.0;
/// Arrow head length in scene units (scaled with the edge width).
pub const ARROW_LENGTH: f32 = 9.0;
/// Opacity multiplier for items outside the focus or not related to the selection.
pub const DIM_ALPHA: f32 = 0.15;

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    pub const TRANSPARENT: Rgba = Rgba::new(0, 0, 0, 0);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    pub const fn new(r: u8, g: u8, b: u8, a: u8) -> Self {
        Self { r, g, b, a }
    }

    /// The same colour with its alpha multiplied by `factor` (clamped to 0..=1).
    #[must_use]
    pub fn with_alpha_factor(self, factor: f32) -> Self {
        let a = (f32::from(self.a) * factor.clamp(0.0, 1.0)).round() as u8;
        Self { a, ..self }
    }

    /// `#rrggbb`, for SVG `fill`/`stroke` (alpha goes in a separate opacity attribute).
    pub fn to_svg(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Alpha as 0..=1.
    pub fn opacity(self) -> f32 {
        f32::from(self.a) / 255.0
    }
}

/// How a node of a given actor kind is drawn. Shapes carry the kind without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeShape {
    Circle,
    RoundedSquare,
    Hexagon,
    Triangle,
    /// A small dot with a ring (a map pin seen from above).
    Pin,
}

impl NodeShape {
    pub fn for_kind(kind: ActorKind) -> Self {
        match kind {
            ActorKind::Person => NodeShape::Circle,
            ActorKind::Country => NodeShape::RoundedSquare,
            ActorKind::Organization => NodeShape::Hexagon,
            ActorKind::Group => NodeShape::Triangle,
            ActorKind::Place => NodeShape::Pin,
        }
    }

    /// Outline points of polygonal shapes around `(cx, cy)` with circumradius `r`;
    /// empty for the round ones.
    pub fn polygon(self, cx: f32, cy: f32, r: f32) -> Vec<[f32; 2]> {
        let regular = |n: usize, start: f32, r: f32| -> Vec<[f32; 2]> {
            (0..n)
                .map(|i| {
                    let a = start + std::f32::consts::TAU * i as f32 / n as f32;
                    [cx + r * a.cos(), cy + r * a.sin()]
                })
                .collect()
        };
        match self {
            NodeShape::Circle | NodeShape::Pin => Vec::new(),
            // Inscribed square scaled so its area is close to the circle's.
            NodeShape::RoundedSquare => {
                let h = r * 0.89;
                vec![
                    [cx - h, cy - h],
                    [cx + h, cy - h],
                    [cx + h, cy + h],
                    [cx - h, cy + h],
                ]
            }
            NodeShape::Hexagon => regular(6, 0.0, r * 1.05),
            // Pointing up; centroid at the node centre.
            NodeShape::Triangle => regular(3, -std::f32::consts::FRAC_PI_2, r * 1.25),
        }
    }
}

/// How an edge is stroked. Dashes carry the polarity without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DashStyle {
    Solid,
    Dashed,
    Dotted,
}

impl DashStyle {
    pub fn for_polarity(polarity: Polarity) -> Self {
        match polarity {
            Polarity::Cooperative => DashStyle::Solid,
            Polarity::Conflictual => DashStyle::Dashed,
            Polarity::Neutral => DashStyle::Dotted,
        }
    }

    /// (dash, gap) lengths as multiples of the stroke width, `None` for solid.
    pub fn pattern(self) -> Option<(f32, f32)> {
        match self {
            DashStyle::Solid => None,
            DashStyle::Dashed => Some((4.0, 2.5)),
            DashStyle::Dotted => Some((1.0, 1.8)),
        }
    }
}

/// A complete colour scheme. Pick one with [`Theme::for_dark`].
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: Rgba,
    pub text: Rgba,
    /// Outline behind label text so it reads over edges.
    pub text_halo: Rgba,
    pub node_stroke: Rgba,
    pub highlight: Rgba,
    pub pinned_mark: Rgba,
    pub legend_background: Rgba,
    pub legend_border: Rgba,
    pub person: Rgba,
    pub country: Rgba,
    pub organization: Rgba,
    pub group: Rgba,
    pub place: Rgba,
    pub cooperative: Rgba,
    pub conflictual: Rgba,
    pub neutral: Rgba,
}

impl Theme {
    pub fn light() -> Self {
        Self {
            dark: false,
            background: Rgba::rgb(0xfb, 0xfb, 0xfa),
            text: Rgba::rgb(0x1a, 0x1a, 0x1a),
            text_halo: Rgba::new(0xfb, 0xfb, 0xfa, 230),
            node_stroke: Rgba::rgb(0x30, 0x30, 0x30),
            highlight: Rgba::rgb(0x00, 0x00, 0x00),
            pinned_mark: Rgba::rgb(0x30, 0x30, 0x30),
            legend_background: Rgba::new(0xff, 0xff, 0xff, 235),
            legend_border: Rgba::rgb(0xbb, 0xbb, 0xbb),
            // Okabe–Ito.
            person: Rgba::rgb(0xcc, 0x79, 0xa7),
            country: Rgba::rgb(0xe6, 0x9f, 0x00),
            organization: Rgba::rgb(0x00, 0x9e, 0x73),
            group: Rgba::rgb(0xf0, 0xe4, 0x42),
            place: Rgba::rgb(0x99, 0x99, 0x99),
            cooperative: Rgba::rgb(0x00, 0x72, 0xb2),
            conflictual: Rgba::rgb(0xd5, 0x5e, 0x00),
            neutral: Rgba::rgb(0x80, 0x80, 0x80),
        }
    }

    pub fn dark() -> Self {
        Self {
            dark: true,
            background: Rgba::rgb(0x1b, 0x1b, 0x1d),
            text: Rgba::rgb(0xee, 0xee, 0xee),
            text_halo: Rgba::new(0x1b, 0x1b, 0x1d, 230),
            node_stroke: Rgba::rgb(0xe0, 0xe0, 0xe0),
            highlight: Rgba::rgb(0xff, 0xff, 0xff),
            pinned_mark: Rgba::rgb(0xe0, 0xe0, 0xe0),
            legend_background: Rgba::new(0x26, 0x26, 0x29, 235),
            legend_border: Rgba::rgb(0x55, 0x55, 0x58),
            person: Rgba::rgb(0xcc, 0x79, 0xa7),
            country: Rgba::rgb(0xe6, 0x9f, 0x00),
            organization: Rgba::rgb(0x00, 0x9e, 0x73),
            group: Rgba::rgb(0xf0, 0xe4, 0x42),
            place: Rgba::rgb(0xaa, 0xaa, 0xaa),
            // Sky blue reads better than Okabe–Ito blue on a dark background.
            cooperative: Rgba::rgb(0x56, 0xb4, 0xe9),
            conflictual: Rgba::rgb(0xe8, 0x6a, 0x10),
            neutral: Rgba::rgb(0xa0, 0xa0, 0xa0),
        }
    }

    pub fn for_dark(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    pub fn kind_color(&self, kind: ActorKind) -> Rgba {
        match kind {
            ActorKind::Person => self.person,
            ActorKind::Country => self.country,
            ActorKind::Organization => self.organization,
            ActorKind::Group => self.group,
            ActorKind::Place => self.place,
        }
    }

    pub fn polarity_color(&self, polarity: Polarity) -> Rgba {
        match polarity {
            Polarity::Cooperative => self.cooperative,
            Polarity::Conflictual => self.conflictual,
            Polarity::Neutral => self.neutral,
        }
    }
}

/// Node radius in scene units for an actor mentioned `mentions` times.
pub fn node_radius(mentions: usize) -> f32 {
    (NODE_MIN_RADIUS + 3.0 * (mentions as f32).sqrt()).min(NODE_MAX_RADIUS)
}

/// Edge width in scene units for a lane carrying `evidence` sentences.
pub fn edge_width(evidence: usize) -> f32 {
    (EDGE_MIN_WIDTH + 1.4 * (evidence.max(1) as f32).ln()).min(EDGE_MAX_WIDTH)
}

/// Advance widths (in em) of the shipped font for the first code points, and a fallback.
struct FontWidths {
    table: Vec<f32>,
    fallback: f32,
    ascent: f32,
    descent: f32,
}

static FONT_WIDTHS: LazyLock<FontWidths> = LazyLock::new(|| {
    use skrifa::MetadataProvider;
    use skrifa::instance::{LocationRef, Size};
    let mut widths = FontWidths {
        table: vec![0.55; 0x0250],
        fallback: 0.55,
        ascent: 0.93,
        descent: 0.19,
    };
    let Ok(font) = skrifa::FontRef::new(FONT_BYTES) else {
        return widths;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(1.0), LocationRef::default());
    let font_metrics = font.metrics(Size::new(1.0), LocationRef::default());
    widths.ascent = font_metrics.ascent;
    widths.descent = -font_metrics.descent;
    for (cp, slot) in widths.table.iter_mut().enumerate() {
        if let Some(w) = charmap
            .map(cp as u32)
            .and_then(|gid| metrics.advance_width(gid))
        {
            *slot = w;
        }
    }
    widths
});

/// Width in pixels of `text` set in the shipped font at `font_px` (no kerning; within a few
/// percent of egui's and resvg's own layout).
pub fn text_width_px(text: &str, font_px: f32) -> f32 {
    let widths = &*FONT_WIDTHS;
    let em: f32 = text
        .chars()
        .map(|c| {
            widths
                .table
                .get(c as usize)
                .copied()
                .unwrap_or(widths.fallback)
        })
        .sum();
    em * font_px
}

/// Height in pixels of one line of text at `font_px` (ascent + descent).
pub fn line_height_px(font_px: f32) -> f32 {
    let widths = &*FONT_WIDTHS;
    (widths.ascent + widths.descent) * font_px
}

/// Ascent in pixels at `font_px`: the baseline's distance below the line's top.
pub fn ascent_px(font_px: f32) -> f32 {
    FONT_WIDTHS.ascent * font_px
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_width_comes_from_the_font() {
        let w_i = text_width_px("iiii", 10.0);
        let w_m = text_width_px("MMMM", 10.0);
        assert!(w_i > 5.0 && w_i < 12.0, "iiii = {w_i}");
        assert!(w_m > 25.0 && w_m < 45.0, "MMMM = {w_m}");
        assert!(line_height_px(13.0) > 13.0);
    }

    #[test]
    fn every_polarity_has_its_own_dash_and_colour() {
        let theme = Theme::light();
        let colors: Vec<_> = Polarity::ALL
            .iter()
            .map(|p| theme.polarity_color(*p))
            .collect();
        let dashes: Vec<_> = Polarity::ALL
            .iter()
            .map(|p| DashStyle::for_polarity(*p))
            .collect();
        assert_ne!(colors[0], colors[1]);
        assert_ne!(colors[1], colors[2]);
        assert_ne!(dashes[0], dashes[1]);
        assert_ne!(dashes[1], dashes[2]);
        assert_eq!(Rgba::rgb(0, 0x72, 0xb2).to_svg(), "#0072b2");
    }
}
