//! Image export of the diagram: the same geometry as the screen, drawn to SVG (and to PNG via
//! resvg), with the legend and every label that fits, over the whole extent by default.
//!
//! Entry points: [`render_diagram_svg`] (a string), [`export_diagram`] (a file, PNG or SVG by
//! extension, written atomically), and for compositions such as a slide [`draw_diagram_into`]
//! plus [`write_image`], which draw into a caller's [`SvgWriter`] and write any SVG document.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::export::svg::{self, SvgWriter, Transform};
use crate::layout::geometry::{
    self, DiagramGeometry, Emphasis, LabelBox, Point, Rect, legend_entries, legend_layout,
};
use crate::layout::graph::{Graph, build_graph};
use crate::layout::graph_layout::{ForceLayout, LayoutSettings};
use crate::model::{ActorId, Model};
use crate::theme::{self, Theme};
use crate::ui::state::{Item, ViewSettings};

/// Why an image could not be exported. Messages are full sentences for the user.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "The file name {0:?} has no known image extension: expected one ending in .png or .svg."
    )]
    UnknownExtension(PathBuf),
    #[error(
        "The image size {width}×{height} is out of range: each side must be 16 to 16384 pixels."
    )]
    BadSize { width: u32, height: u32 },
    #[error("Could not write {path:?}: {source}.")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("The image could not be rendered: {0}.")]
    Render(String),
}

/// The file formats an image can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    /// The format named by the path's extension (case-insensitive).
    pub fn from_path(path: &Path) -> Result<Self, ExportError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("png") => Ok(ImageFormat::Png),
            Some("svg") => Ok(ImageFormat::Svg),
            _ => Err(ExportError::UnknownExtension(path.to_path_buf())),
        }
    }
}

/// Which part of the diagram an image shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    /// Everything, labels included.
    Whole,
    /// The screen's current view: the scene point at the centre and the screen's scale.
    View { center: Point, px_per_unit: f32 },
}

/// How an image is drawn. `text_scale` multiplies label and legend sizes; by default it grows
/// with the image so a 3840×2160 export reads like a 1920×1080 one.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageOptions {
    pub width_px: u32,
    pub height_px: u32,
    pub dark: bool,
    pub transparent: bool,
    pub extent: Extent,
    pub legend: bool,
    pub text_scale: Option<f32>,
    /// Highlighted like on screen (with the view's focus mode).
    pub selection: Option<Item>,
    pub seed: u64,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            width_px: 1920,
            height_px: 1080,
            dark: false,
            transparent: false,
            extent: Extent::Whole,
            legend: true,
            text_scale: None,
            selection: None,
            seed: LayoutSettings::default().seed,
        }
    }
}

impl ImageOptions {
    /// 1920×1080.
    pub fn full_hd() -> Self {
        Self::default()
    }

    /// 3840×2160.
    pub fn uhd() -> Self {
        Self::default().with_size(3840, 2160)
    }

    #[must_use]
    pub fn with_size(mut self, width_px: u32, height_px: u32) -> Self {
        self.width_px = width_px;
        self.height_px = height_px;
        self
    }

    #[must_use]
    pub fn with_dark(mut self, dark: bool) -> Self {
        self.dark = dark;
        self
    }

    #[must_use]
    pub fn with_transparent(mut self, transparent: bool) -> Self {
        self.transparent = transparent;
        self
    }

    pub fn text_scale(&self) -> f32 {
        self.text_scale.unwrap_or_else(|| {
            (self.width_px as f32 / 1920.0)
                .min(self.height_px as f32 / 1080.0)
                .clamp(1.0, 8.0)
        })
    }

    fn check(&self) -> Result<(), ExportError> {
        let ok = |v: u32| (16..=16_384).contains(&v);
        if ok(self.width_px) && ok(self.height_px) {
            Ok(())
        } else {
            Err(ExportError::BadSize {
                width: self.width_px,
                height: self.height_px,
            })
        }
    }
}

/// The graph and geometry an export draws. `positions` (by actor id, e.g. the screen's or a
/// project's) are kept as they are; actors without one are laid out around them; with none at
/// all the seeded layout runs to the end.
#[allow(
    clippy::implicit_hasher,
    reason = "positions come from std HashMaps throughout the app"
)]
pub fn diagram_for_export(
    model: &Model,
    view: &ViewSettings,
    positions: Option<&HashMap<ActorId, Point>>,
    seed: u64,
) -> (Graph, DiagramGeometry) {
    let graph = build_graph(model, view);
    let empty = HashMap::new();
    let known = positions.unwrap_or(&empty);
    let settings = LayoutSettings {
        seed,
        ..LayoutSettings::default()
    };
    let mut layout = ForceLayout::new(&graph, settings, known, known);
    layout.run_to_end();
    let theme = Theme::for_dark(view.dark);
    let geometry = DiagramGeometry::build(&graph, layout.positions(), &theme);
    (graph, geometry)
}

/// Fits the diagram, labels included, into `area` (pixels): returns the transform and the
/// labels placed at that scale. Labels that would overlap are left out; none is clipped.
pub fn fit_with_labels(
    geometry: &DiagramGeometry,
    area: Rect,
    font_px: f32,
    extent: Extent,
) -> (Transform, Vec<LabelBox>) {
    let margin = 12.0;
    let transform_for = |scale: f32, origin: Point| Transform {
        origin,
        scale,
        offset: area.min,
    };
    if let Extent::View {
        center,
        px_per_unit,
    } = extent
    {
        let origin = Point::new(
            center.x - area.width() / 2.0 / px_per_unit,
            center.y - area.height() / 2.0 / px_per_unit,
        );
        let t = transform_for(px_per_unit, origin);
        let view = Rect {
            min: origin,
            max: Point::new(
                origin.x + area.width() / px_per_unit,
                origin.y + area.height() / px_per_unit,
            ),
        };
        let labels = geometry::place_labels(geometry, px_per_unit, font_px, Some(view), &[]);
        // A label crossing the border would be clipped: leave it out.
        let labels = labels.into_iter().filter(|l| {
            let (a, b) = (t.apply(l.rect.min), t.apply(l.rect.max));
            a.x >= area.min.x && a.y >= area.min.y && b.x <= area.max.x && b.y <= area.max.y
        });
        return (t, labels.collect());
    }
    // A small graph is not blown up: nodes stay in proportion to the text.
    let max_scale = 1.5 * font_px / theme::LABEL_FONT_PX;
    let mut content = geometry.bounds;
    let mut result = None;
    for _ in 0..8 {
        let (scale, origin) = geometry::fit(content, area.width(), area.height(), margin);
        let (scale, origin) = if scale > max_scale {
            let c = content.center();
            let origin = Point::new(
                c.x - area.width() / 2.0 / max_scale,
                c.y - area.height() / 2.0 / max_scale,
            );
            (max_scale, origin)
        } else {
            (scale, origin)
        };
        let t = transform_for(scale, origin);
        let labels = geometry::place_labels(geometry, scale, font_px, None, &[]);
        let with_labels = labels.iter().fold(geometry.bounds, |r, l| r.union(l.rect));
        let inside = labels.iter().all(|l| {
            let (a, b) = (t.apply(l.rect.min), t.apply(l.rect.max));
            a.x >= area.min.x - 0.01
                && a.y >= area.min.y - 0.01
                && b.x <= area.max.x + 0.01
                && b.y <= area.max.y + 0.01
        });
        result = Some((t, labels));
        if inside {
            break;
        }
        // Labels are fixed in pixels: shrink the scene a little more each round.
        content = with_labels.expand(with_labels.width().max(with_labels.height()) * 0.01);
    }
    match result {
        Some((t, labels)) => {
            // Any label still crossing the border is dropped rather than clipped.
            let labels = labels
                .into_iter()
                .filter(|l| {
                    let (a, b) = (t.apply(l.rect.min), t.apply(l.rect.max));
                    a.x >= area.min.x - 0.5
                        && a.y >= area.min.y - 0.5
                        && b.x <= area.max.x + 0.5
                        && b.y <= area.max.y + 0.5
                })
                .collect();
            (t, labels)
        }
        None => (transform_for(1.0, Point::default()), Vec::new()),
    }
}

/// Draws the diagram (and its legend when `options.legend`) into `area` of a caller's SVG:
/// the building block for a slide composition.
#[allow(clippy::too_many_arguments)]
pub fn draw_diagram_into(
    w: &mut SvgWriter,
    model: &Model,
    graph: &Graph,
    geometry: &DiagramGeometry,
    view: &ViewSettings,
    area: Rect,
    options: &ImageOptions,
) {
    let theme = Theme::for_dark(options.dark);
    let scale = options.text_scale();
    let font_px = theme::LABEL_FONT_PX * scale;
    let legend = legend_layout(legend_entries(&theme), theme::LEGEND_FONT_PX);
    let margin = 16.0 * scale;
    // The legend gets its own column so it never covers the drawing.
    let diagram_area = if options.legend {
        Rect {
            min: area.min,
            max: Point::new(area.max.x - legend.width * scale - margin, area.max.y),
        }
    } else {
        area
    };
    let (t, labels) = fit_with_labels(geometry, diagram_area, font_px, options.extent);
    let emphasis = options
        .selection
        .as_ref()
        .map(|item| Emphasis::new(model, graph, geometry, Some(item), view.focus));
    w.group_begin("diagram");
    svg::draw_diagram(w, geometry, &labels, emphasis.as_ref(), t, &theme, font_px);
    w.group_end();
    if options.legend {
        let at = Point::new(
            area.max.x - legend.width * scale - margin / 2.0,
            area.max.y - legend.height * scale - margin / 2.0,
        );
        svg::draw_legend(w, &legend, at, scale, &theme);
    }
}

/// The diagram as an SVG document (deterministic for the same input).
#[allow(
    clippy::implicit_hasher,
    reason = "positions come from std HashMaps throughout the app"
)]
pub fn render_diagram_svg(
    model: &Model,
    view: &ViewSettings,
    positions: Option<&HashMap<ActorId, Point>>,
    options: &ImageOptions,
) -> String {
    let (graph, geometry) = diagram_for_export(model, view, positions, options.seed);
    let theme = Theme::for_dark(options.dark);
    let mut w = SvgWriter::begin(options.width_px, options.height_px);
    let (width, height) = (options.width_px as f32, options.height_px as f32);
    if !options.transparent {
        w.rect(Point::default(), width, height, 0.0, theme.background, None);
    }
    let area = Rect::from_min_size(Point::default(), width, height);
    let view = ViewSettings {
        dark: options.dark,
        ..view.clone()
    };
    draw_diagram_into(&mut w, model, &graph, &geometry, &view, area, options);
    w.finish()
}

/// Writes the diagram to `path` as PNG or SVG (by extension), atomically.
#[allow(
    clippy::implicit_hasher,
    reason = "positions come from std HashMaps throughout the app"
)]
pub fn export_diagram(
    model: &Model,
    view: &ViewSettings,
    positions: Option<&HashMap<ActorId, Point>>,
    options: &ImageOptions,
    path: &Path,
) -> Result<(), ExportError> {
    let format = ImageFormat::from_path(path)?;
    options.check()?;
    let svg = render_diagram_svg(model, view, positions, options);
    write_image_as(&svg, format, path)
}

/// Writes any SVG document to `path` as PNG or SVG (by extension), atomically.
pub fn write_image(svg: &str, path: &Path) -> Result<(), ExportError> {
    write_image_as(svg, ImageFormat::from_path(path)?, path)
}

fn write_image_as(svg: &str, format: ImageFormat, path: &Path) -> Result<(), ExportError> {
    match format {
        ImageFormat::Svg => write_atomic(path, svg.as_bytes()),
        ImageFormat::Png => write_atomic(path, &crate::export::png::svg_to_png(svg)?),
    }
}

/// Writes `bytes` through [`crate::export::atomic`]: a temporary file beside `path`, then a
/// rename; readers never see a partial file, and on error nothing is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::export::atomic::write_atomic(path, bytes).map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_extension_is_a_clear_error() {
        let err = ImageFormat::from_path(Path::new("out/diagram.jpeg")).err();
        let Some(err) = err else {
            panic!("jpeg accepted");
        };
        assert_eq!(
            err.to_string(),
            "The file name \"out/diagram.jpeg\" has no known image extension: expected one ending in .png or .svg."
        );
        assert_eq!(
            ImageFormat::from_path(Path::new("a.PNG")).ok(),
            Some(ImageFormat::Png)
        );
    }
}
