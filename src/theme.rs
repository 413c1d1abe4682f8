//! Colours, sizes and fonts, shared by the screen painter and the exporters.
