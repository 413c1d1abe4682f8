//! Loading a corpus: files and folders of `.txt`, `.md` (front matter) and `.json` documents,
//! split into sentences. Bad files become [`Problem`]s naming the file and the reason; every
//! other document still loads.

mod document;
mod error;
mod load;
mod metadata;
pub mod sentences;

pub use document::Document;
pub use error::{LoadError, Problem, Severity};
pub use load::{DEFAULT_MAX_BYTES, LoadOptions, LoadProgress, Loaded, load_paths};
pub use metadata::parse_date;
pub use sentences::{Sentence, split_sentences};
