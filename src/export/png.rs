//! SVG → PNG with resvg, on the CPU, with the shipped font registered explicitly (resvg drops
//! text silently when it finds no font).

use std::sync::{Arc, LazyLock};

use resvg::usvg;

use crate::export::image::ExportError;
use crate::theme;

/// A font database holding only the shipped font, built once.
static FONTDB: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(theme::FONT_BYTES.to_vec());
    // Glyphs the shipped font lacks (arrows, symbols) come from the fallback font.
    db.load_font_data(theme::FALLBACK_FONT_BYTES.to_vec());
    let family = db
        .faces()
        .next()
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_else(|| crate::export::svg::FONT_FAMILY.to_owned());
    db.set_sans_serif_family(family.clone());
    db.set_serif_family(family.clone());
    db.set_monospace_family(family);
    Arc::new(db)
});

/// Whether the shipped font was loaded (a test guards it).
pub fn font_loaded() -> bool {
    !FONTDB.is_empty()
}

/// Renders an SVG document to an RGBA pixmap of its own size.
pub fn render_pixmap(svg: &str) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    let options = usvg::Options {
        font_family: crate::export::svg::FONT_FAMILY.to_owned(),
        fontdb: Arc::clone(&FONTDB),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Render(format!("the SVG could not be read: {e}")))?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
            ExportError::Render(format!(
                "a {}×{} image could not be allocated",
                size.width(),
                size.height()
            ))
        })?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// Renders an SVG document to PNG bytes.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, ExportError> {
    let pixmap = render_pixmap(svg)?;
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(format!("the PNG could not be encoded: {e}")))
}
