//! Exports: images (SVG, PNG) drawn from the layout geometry, and data formats.

pub mod atomic;
pub mod data;
pub mod image;
pub mod png;
pub mod slide;
pub mod svg;
pub mod walkthrough;
