//! `TimelineJS` JSON (Knight Lab's `TimelineJS` 3).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Names, clean_char, document_summary};
use crate::model::{DocId, Event, Model, Precision};

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
struct Date {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// The dated events as a `TimelineJS` 3 JSON file: a `title` slide and one slide per dated
/// event, in time order (ties in model order).
///
/// Each slide has `start_date` and, when the event spans more than its precision's unit,
/// `end_date`, as `{year, month, day}` numbers; a month precision omits `day`, a year or
/// decade precision omits `month` and `day` (a decade also sets `display_date`, e.g.
/// "1990s"). `text.headline` is the event label, `text.text` is HTML: the participants and
/// place, the evidence sentences, each with its document's title and date. `group` is the
/// event kind, so `TimelineJS` puts events of one kind on one row; `unique_id` is the event id.
/// Undated events cannot be placed on a `TimelineJS` timeline and are left out. All text is
/// HTML-escaped (`TimelineJS` renders it as HTML).
pub fn to_timelinejs(model: &Model) -> String {
    let names = Names::new(model);
    let mut dated: Vec<(NaiveDate, usize, &Event)> = model
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((e.start?, i, e)))
        .collect();
    dated.sort_by_key(|(start, i, _)| (*start, *i));

    let title_headline = match model.documents.as_slice() {
        [one] if !one.title.is_empty() => one.title.clone(),
        _ => "Dossier timeline".to_owned(),
    };
    let title = Slide {
        start_date: None,
        end_date: None,
        text: Text {
            headline: html(&title_headline),
            text: format!("<p>{}</p>", html(&document_summary(model))),
        },
        group: None,
        display_date: None,
        unique_id: None,
    };

    let events = dated
        .into_iter()
        .map(|(start, _, event)| slide(model, &names, event, start))
        .collect();
    let timeline = Timeline { title, events };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut json = serde_json::to_string_pretty(&timeline).unwrap_or_default();
    json.push('\n');
    json
}

fn slide(model: &Model, names: &Names<'_>, event: &Event, start: NaiveDate) -> Slide {
    let precision = event.precision.unwrap_or_default();
    let end = event.end.unwrap_or(start).max(start);
    let start_date = date(start, precision);
    let end_date = date(end, precision);
    let display_date = (precision == Precision::Decade).then(|| {
        let decade = start.year() - start.year().rem_euclid(10);
        format!("{decade}s")
    });

    let mut text = String::new();
    if !event.participants.is_empty() {
        let participants: Vec<&str> = event.participants.iter().map(|p| names.of(p)).collect();
        text.push_str("<p>");
        text.push_str(&html(&participants.join(", ")));
        if let Some(place) = &event.place {
            text.push_str(" · ");
            text.push_str(&html(names.of(place)));
        }
        text.push_str("</p>");
    } else if let Some(place) = &event.place {
        text.push_str("<p>");
        text.push_str(&html(names.of(place)));
        text.push_str("</p>");
    }
    for evidence in &event.evidence {
        text.push_str("<blockquote>");
        text.push_str(&html(&evidence.text));
        text.push_str("</blockquote>");
        if let Some(source) = source_line(model, &evidence.document) {
            text.push_str("<p><small>");
            text.push_str(&html(&source));
            text.push_str("</small></p>");
        }
    }
    if let (Some(time_text), Some(anchor)) = (&event.time_text, &event.anchor) {
        text.push_str("<p><small>Date read from “");
        text.push_str(&html(time_text));
        text.push_str("” (");
        text.push_str(&html(anchor));
        text.push_str(")</small></p>");
    }

    Slide {
        start_date: Some(start_date),
        end_date: (end_date != start_date).then_some(end_date),
        text: Text {
            headline: html(&event.label),
            text,
        },
        group: (!event.kind.is_empty()).then(|| html(&event.kind)),
        display_date,
        unique_id: Some(event.id.as_str().to_owned()),
    }
}

/// A date with only the fields its precision knows.
fn date(day: NaiveDate, precision: Precision) -> Date {
    match precision {
        Precision::Day => Date {
            year: day.year(),
            month: Some(day.month()),
            day: Some(day.day()),
        },
        Precision::Month => Date {
            year: day.year(),
            month: Some(day.month()),
            day: None,
        },
        Precision::Year | Precision::Decade => Date {
            year: day.year(),
            month: None,
            day: None,
        },
    }
}

/// "Title, source, 2024-06-18" for an evidence document, if the model knows it.
fn source_line(model: &Model, id: &DocId) -> Option<String> {
    let doc = model.document(id)?;
    let mut parts: Vec<String> = Vec::new();
    if !doc.title.is_empty() {
        parts.push(doc.title.clone());
    }
    if let Some(source) = &doc.source {
        parts.push(source.clone());
    }
    if let Some(published) = doc.published {
        parts.push(published.to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Escapes text for HTML element content.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(clean_char) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_only_known_fields() {
        let day: NaiveDate = "2024-06-18".parse().unwrap();
        let json = |p| serde_json::to_string(&date(day, p)).unwrap();
        assert_eq!(json(Precision::Day), r#"{"year":2024,"month":6,"day":18}"#);
        assert_eq!(json(Precision::Month), r#"{"year":2024,"month":6}"#);
        assert_eq!(json(Precision::Year), r#"{"year":2024}"#);
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html("<b>A & 'B'</b>"),
            "&lt;b&gt;A &amp; &#39;B&#39;&lt;/b&gt;"
        );
    }
}
