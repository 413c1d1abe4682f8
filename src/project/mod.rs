//! Project files (`.dossier`): corpus paths, corrections, layout and walkthroughs.
