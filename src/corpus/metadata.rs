//! Document metadata: front matter, sidecars and JSON objects, and date parsing.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::corpus::LoadError;

/// Metadata fields a document may carry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl Meta {
    fn set(&mut self, key: &str, value: String) {
        let value = (!value.is_empty()).then_some(value);
        match key.to_ascii_lowercase().as_str() {
            "title" | "headline" => self.title = value,
            "date" | "published" => self.date = value,
            "source" | "publisher" => self.source = value,
            "url" | "link" => self.url = value,
            _ => {}
        }
    }

    /// Reads the known fields of a JSON object; other fields are ignored.
    pub fn from_json(object: &serde_json::Map<String, Value>) -> Result<Self, LoadError> {
        let mut meta = Meta::default();
        for key in [
            "title",
            "headline",
            "date",
            "published",
            "source",
            "publisher",
            "url",
            "link",
        ] {
            match object.get(key) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) => meta.set(key, s.trim().to_owned()),
                Some(other) => {
                    return Err(LoadError::JsonShape {
                        what: format!("field '{key}'"),
                        expected: "a string".into(),
                        found: json_kind(other).into(),
                    });
                }
            }
        }
        Ok(meta)
    }
}

pub fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Splits Markdown front matter (a YAML subset: `key: value` lines between `---` lines at the
/// top) from the body. Returns the metadata and the byte offset where the body starts.
pub fn split_front_matter(text: &str) -> Result<(Meta, usize), LoadError> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Ok((Meta::default(), 0));
    }
    let closed = text[first_line_end..]
        .lines()
        .skip(1)
        .any(|l| matches!(l.trim_end(), "---" | "..."));
    if !closed {
        return Err(LoadError::UnclosedFrontMatter);
    }
    let mut meta = Meta::default();
    let mut offset = first_line_end + 1;
    let mut line_no = 1;
    while offset <= text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |k| offset + k);
        let line = text[offset..end].trim_end_matches('\r');
        line_no += 1;
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Ok((meta, (end + 1).min(text.len())));
        }
        let trimmed = line.trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            let Some((key, value)) = trimmed.split_once(':') else {
                return Err(LoadError::BadFrontMatterLine {
                    line: line_no,
                    found: truncate(trimmed, 60),
                });
            };
            let key = key.trim();
            if key.is_empty() || key.contains(' ') {
                return Err(LoadError::BadFrontMatterLine {
                    line: line_no,
                    found: truncate(trimmed, 60),
                });
            }
            meta.set(key, unquote(value.trim()).to_owned());
        }
        if end >= text.len() {
            break;
        }
        offset = end + 1;
    }
    Err(LoadError::UnclosedFrontMatter)
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max_chars).collect::<String>())
    }
}

/// Parses a publication date: `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`), as
/// in RFC 3339. Years outside 1800–2200 are refused as absurd for a news document.
pub fn parse_date(text: &str) -> Result<NaiveDate, LoadError> {
    let t = text.trim();
    let day_part = t.get(..10).unwrap_or(t);
    let bad = |reason: &str| LoadError::BadDate {
        found: t.to_owned(),
        reason: reason.to_owned(),
    };
    let parts: Vec<&str> = day_part.split('-').collect();
    let shaped = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped || (t.len() > 10 && !matches!(t.as_bytes()[10], b'T' | b't' | b' ')) {
        return Err(bad("is not in the form YYYY-MM-DD"));
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        parts[0].parse::<i32>(),
        parts[1].parse::<u32>(),
        parts[2].parse::<u32>(),
    ) else {
        return Err(bad("is not in the form YYYY-MM-DD"));
    };
    let date =
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| bad("is not a real calendar date"))?;
    if !(1800..=2200).contains(&date.year()) {
        return Err(bad("has a year outside 1800–2200"));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_synonyms() {
        let text = "---\ntitle: \"A title: with colon\"\npublished: 2024-06-18\nsource: Reuters\nurl: https://x.y/z\nextra: ignored\n---\nBody.";
        let (meta, body) = split_front_matter(text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("A title: with colon"));
        assert_eq!(meta.date.as_deref(), Some("2024-06-18"));
        assert_eq!(meta.source.as_deref(), Some("Reuters"));
        assert_eq!(meta.url.as_deref(), Some("https://x.y/z"));
        assert_eq!(&text[body..], "Body.");
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(
            split_front_matter("Just text\n---\n").unwrap(),
            (Meta::default(), 0)
        );
    }

    #[test]
    fn malformed_front_matter() {
        assert_eq!(
            split_front_matter("---\ntitle: x\nBody with no close").unwrap_err(),
            LoadError::UnclosedFrontMatter
        );
        let err = split_front_matter("---\njust words here\n---\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "front matter line 2 should be 'key: value', found 'just words here'"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2024-06-18").unwrap(),
            NaiveDate::from_ymd_opt(2024, 6, 18).unwrap()
        );
        assert_eq!(
            parse_date("2024-06-18T09:30:00Z").unwrap(),
            NaiveDate::from_ymd_opt(2024, 6, 18).unwrap()
        );
        assert_eq!(
            parse_date("2024-02-30").unwrap_err().to_string(),
            "date '2024-02-30' is not a real calendar date; the document is loaded as undated"
        );
        assert!(parse_date("99999-01-01").is_err());
        assert!(parse_date("0001-01-01").is_err());
        assert!(parse_date("June 18").is_err());
        assert!(parse_date("2024-6-18").is_err());
    }
}
