//! CSV: three tables (actors, relations, events) in the shape Kumu and i2 import.

use super::{Names, clean_char};
use crate::model::{Model, Precision};

/// The three CSV tables of one export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvFiles {
    pub actors: String,
    pub relations: String,
    pub events: String,
}

/// The model as three RFC 4180 tables: a header row, CRLF line ends, UTF-8 without a byte
/// order mark, and fields quoted (inner quotes doubled) when they hold a comma, a quote, a
/// line break or leading or trailing spaces.
///
/// - `actors`: Label, Type, Role, Affiliation, Mentions, Aliases, Dossier ID.
/// - `relations`: From, To, Type, Polarity, Directed, Evidence count, Evidence, Dossier ID.
/// - `events`: Label, Kind, Start, End, Precision, Time text, Participants, Place, Evidence,
///   Dossier ID.
///
/// Actors are referred to by name (Kumu matches connections' From/To to element labels);
/// the id column is named "Dossier ID" rather than "ID" so Kumu keeps matching by label.
/// Lists that are sets of values (aliases, participants) are joined with `|`, Kumu's
/// multi-value separator; evidence sentences, which are prose, go one per line. Dates are
/// ISO `YYYY-MM-DD` (for a month or year precision, the first and last day of the range);
/// an undated event has empty Start, End and Precision.
pub fn to_csv(model: &Model) -> CsvFiles {
    let names = Names::new(model);

    let mut actors = Table::new(&[
        "Label",
        "Type",
        "Role",
        "Affiliation",
        "Mentions",
        "Aliases",
        "Dossier ID",
    ]);
    for actor in &model.actors {
        actors.row(&[
            &actor.name,
            actor.kind.label(),
            actor.role.as_deref().unwrap_or(""),
            actor.affiliation.as_ref().map_or("", |a| names.of(a)),
            &actor.mentions.len().to_string(),
            &actor.aliases.join("|"),
            actor.id.as_str(),
        ]);
    }

    let mut relations = Table::new(&[
        "From",
        "To",
        "Type",
        "Polarity",
        "Directed",
        "Evidence count",
        "Evidence",
        "Dossier ID",
    ]);
    for relation in &model.relations {
        let evidence: Vec<&str> = relation.evidence.iter().map(|e| e.text.as_str()).collect();
        relations.row(&[
            names.of(&relation.source),
            names.of(&relation.target),
            &relation.kind,
            relation.polarity.label(),
            if relation.directed { "true" } else { "false" },
            &relation.evidence.len().to_string(),
            &evidence.join("\n"),
            relation.id.as_str(),
        ]);
    }

    let mut events = Table::new(&[
        "Label",
        "Kind",
        "Start",
        "End",
        "Precision",
        "Time text",
        "Participants",
        "Place",
        "Evidence",
        "Dossier ID",
    ]);
    for event in &model.events {
        let participants: Vec<&str> = event.participants.iter().map(|p| names.of(p)).collect();
        let evidence: Vec<&str> = event.evidence.iter().map(|e| e.text.as_str()).collect();
        let start = event.start.map(|d| d.to_string()).unwrap_or_default();
        let end = event
            .end
            .or(event.start)
            .map(|d| d.to_string())
            .unwrap_or_default();
        let precision = match (event.start, event.precision) {
            (None, _) => "",
            (Some(_), precision) => precision_label(precision.unwrap_or_default()),
        };
        events.row(&[
            &event.label,
            &event.kind,
            &start,
            &end,
            precision,
            event.time_text.as_deref().unwrap_or(""),
            &participants.join("|"),
            event.place.as_ref().map_or("", |p| names.of(p)),
            &evidence.join("\n"),
            event.id.as_str(),
        ]);
    }

    CsvFiles {
        actors: actors.finish(),
        relations: relations.finish(),
        events: events.finish(),
    }
}

fn precision_label(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Decade => "decade",
    }
}

/// An RFC 4180 table being written.
struct Table {
    out: String,
}

impl Table {
    fn new(header: &[&str]) -> Self {
        let mut table = Self { out: String::new() };
        table.row(header);
        table
    }

    fn row(&mut self, fields: &[&str]) {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_field(&mut self.out, field);
        }
        self.out.push_str("\r\n");
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Appends one field, quoted when RFC 4180 requires it (or when spaces at its ends would be
/// trimmed by lenient readers). Control characters other than tab and line breaks become
/// U+FFFD.
fn push_field(out: &mut String, field: &str) {
    let needs_quotes =
        field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        out.push('"');
    }
    for c in field.chars().map(clean_char) {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut table = Table::new(&["a", "b"]);
        table.row(&["plain", "with, comma"]);
        table.row(&["say \"hi\"", "two\nlines"]);
        table.row(&[" padded", ""]);
        assert_eq!(
            table.finish(),
            "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n\" padded\",\r\n"
        );
    }
}
