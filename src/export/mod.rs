//! Exports: images (SVG, PNG) drawn from the layout geometry, and data formats.
