//! The source panel: the document list and the selected document's text, with actor mentions
//! underlined (click one to select its actor) and the selection's evidence highlighted.

use std::collections::HashMap;
use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText, Sense, Stroke};

use crate::model::{ActorId, DocId, Model};
use crate::ui::state::{AppState, Command, Item};

/// A mention's place in a document, for drawing and hit testing.
#[derive(Clone, Debug)]
struct MentionSpan {
    start: usize,
    end: usize,
    actor: ActorId,
}

/// Per-view state of the source panel (per-frame caches; nothing here is saved).
#[derive(Default)]
pub struct SourceView {
    /// The document whose text is shown.
    pub document: Option<DocId>,
    /// Mentions per document, rebuilt when the model changes.
    mentions: HashMap<DocId, Vec<MentionSpan>>,
    mentions_generation: Option<u64>,
    /// The span last scrolled to, so we scroll once per new target.
    scrolled_to: Option<(DocId, usize)>,
    /// The date typed for an undated document.
    date_input: String,
}

impl SourceView {
    fn refresh(&mut self, state: &AppState) {
        if self.mentions_generation == Some(state.model_generation) {
            return;
        }
        self.mentions = mention_index(&state.model);
        self.mentions_generation = Some(state.model_generation);
        if self
            .document
            .as_ref()
            .is_none_or(|d| state.document(d).is_none())
        {
            self.document = state.corpus.first().map(|d| d.id.clone());
        }
    }
}

fn mention_index(model: &Model) -> HashMap<DocId, Vec<MentionSpan>> {
    let mut index: HashMap<DocId, Vec<MentionSpan>> = HashMap::new();
    for actor in &model.actors {
        for m in &actor.mentions {
            index
                .entry(m.document.clone())
                .or_default()
                .push(MentionSpan {
                    start: m.start,
                    end: m.end,
                    actor: actor.id.clone(),
                });
        }
    }
    for spans in index.values_mut() {
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    }
    index
}

/// The spans of `document` that the current selection points at (evidence, mentions).
pub fn highlighted_spans(state: &AppState, document: &DocId) -> Vec<Range<usize>> {
    let model = &state.model;
    let mut spans = Vec::new();
    let evidence = |spans: &mut Vec<Range<usize>>, ev: &[crate::model::Evidence]| {
        spans.extend(
            ev.iter()
                .filter(|e| &e.document == document)
                .map(|e| e.start..e.end),
        );
    };
    match &state.selection {
        Some(Item::Actor(id)) => {
            if let Some(actor) = model.actor(id) {
                spans.extend(
                    actor
                        .mentions
                        .iter()
                        .filter(|m| &m.document == document)
                        .map(|m| m.start..m.end),
                );
            }
        }
        Some(Item::Relation(id)) => {
            if let Some(relation) = model.relation(id) {
                evidence(&mut spans, &relation.evidence);
            }
        }
        Some(Item::Event(id)) => {
            if let Some(event) = model.event(id) {
                evidence(&mut spans, &event.evidence);
            }
        }
        Some(Item::TextSpan {
            document: d,
            start,
            end,
        }) if d == document => spans.push(*start..*end),
        _ => {}
    }
    if let Some((d, range)) = &state.source_focus
        && d == document
    {
        spans.push(range.clone());
    }
    spans
}

/// The document list: title, date (or the undated warning), source, sentence count.
pub fn documents_ui(ui: &mut egui::Ui, state: &mut AppState, view: &mut SourceView) {
    view.refresh(state);
    ui.heading("Documents");
    if state.corpus.is_empty() {
        ui.weak("No documents. Use File → Open… or drop files here");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("documents")
        .max_height(ui.available_height() * 0.35)
        .show(ui, |ui| {
            for doc in &state.corpus {
                let selected = view.document.as_ref() == Some(&doc.id);
                let response = ui.selectable_label(selected, RichText::new(&doc.title).strong());
                if response.clicked() {
                    view.document = Some(doc.id.clone());
                }
                ui.horizontal_wrapped(|ui| {
                    match doc.published {
                        Some(date) if doc.date_assumed => ui.weak(format!("{date} (assumed)")),
                        Some(date) => ui.weak(date.to_string()),
                        None => ui.colored_label(
                            ui.visuals().warn_fg_color,
                            "undated: relative dates can't be resolved",
                        ),
                    };
                    if let Some(source) = &doc.source {
                        ui.weak(format!("· {source}"));
                    }
                });
                ui.weak(format!("{} sentences", doc.sentences.len()));
                ui.add_space(4.0);
            }
        });
}

/// The selected document's metadata and text.
pub fn source_text_ui(ui: &mut egui::Ui, state: &mut AppState, view: &mut SourceView) {
    view.refresh(state);
    // Follow the selection to the document holding its evidence.
    let focus = focus_target(state);
    if let Some((doc, _)) = &focus
        && view.scrolled_to.as_ref().map(|(d, s)| (d, *s))
            != focus.as_ref().map(|(d, s)| (d, s.start))
    {
        view.document = Some(doc.clone());
    }
    let Some(doc_id) = view.document.clone() else {
        return;
    };
    let Some(doc) = state.corpus.iter().find(|d| d.id == doc_id) else {
        return;
    };
    let mut notice = None;
    ui.heading("Source text");
    ui.label(RichText::new(&doc.title).strong());
    let mut set_date = None;
    ui.horizontal_wrapped(|ui| {
        if let Some(date) = doc.published {
            ui.weak(format!("published {date}"));
        } else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "undated: relative dates can't be resolved",
            );
            ui.add(
                egui::TextEdit::singleline(&mut view.date_input)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0),
            );
            if ui.button("Set date").clicked() {
                match crate::corpus::parse_date(&view.date_input) {
                    Ok(date) => set_date = Some(date),
                    Err(err) => notice = Some(format!("{}: {err}", doc.path.display())),
                }
            }
        }
        if let Some(source) = &doc.source {
            ui.weak(format!("· {source}"));
        }
        if let Some(url) = &doc.url {
            ui.hyperlink_to("link", url);
        }
    });
    ui.weak(doc.path.display().to_string());
    ui.separator();

    let highlights = highlighted_spans(state, &doc_id);
    let mentions = view.mentions.get(&doc_id).cloned().unwrap_or_default();
    let scroll_target = focus
        .as_ref()
        .filter(|(d, _)| d == &doc_id)
        .map(|(_, r)| r.start);
    let needs_scroll = scroll_target.is_some()
        && view.scrolled_to.as_ref().map(|(d, s)| (d, *s)) != scroll_target.map(|s| (&doc_id, s));
    let text = &doc.text;
    let mut clicked_actor = None;
    egui::ScrollArea::vertical()
        .id_salt("source-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width();
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let range = offset..offset + line.trim_end_matches(['\n', '\r']).len();
                offset += line.len();
                if range.is_empty() {
                    ui.add_space(6.0);
                    continue;
                }
                let job = paragraph_job(ui, text, range.clone(), &mentions, &highlights, width);
                let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
                let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click());
                if needs_scroll
                    && let Some(target) = scroll_target
                    && range.contains(&target)
                {
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                }
                let hit = response.hover_pos().and_then(|pos| {
                    let cursor = galley.cursor_from_pos(pos - rect.min);
                    let byte = range.start + char_to_byte(&text[range.clone()], cursor.index.0);
                    mentions.iter().find(|m| m.start <= byte && byte < m.end)
                });
                if let Some(mention) = hit {
                    ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                    if response.clicked() {
                        clicked_actor = Some(mention.actor.clone());
                    }
                }
                ui.painter()
                    .galley(rect.min, galley, ui.visuals().text_color());
                ui.add_space(4.0);
            }
        });
    if needs_scroll && let Some(target) = scroll_target {
        view.scrolled_to = Some((doc_id.clone(), target));
    }
    if notice.is_some() {
        state.notice = notice;
    }
    if let Some(actor) = clicked_actor {
        state.push(Command::Select(Some(Item::Actor(actor))));
    }
    if let Some(date) = set_date {
        state.push(Command::SetDocumentDate {
            document: doc_id,
            date: Some(date),
        });
    }
}

/// Where the source panel should scroll: an explicit focus, else the selection's first evidence.
fn focus_target(state: &AppState) -> Option<(DocId, Range<usize>)> {
    if let Some(focus) = &state.source_focus {
        return Some(focus.clone());
    }
    let model = &state.model;
    match state.selection.as_ref()? {
        Item::Actor(id) => model
            .actor(id)?
            .mentions
            .first()
            .map(|m| (m.document.clone(), m.start..m.end)),
        Item::Relation(id) => model
            .relation(id)?
            .evidence
            .first()
            .map(|e| (e.document.clone(), e.start..e.end)),
        Item::Event(id) => model
            .event(id)?
            .evidence
            .first()
            .map(|e| (e.document.clone(), e.start..e.end)),
        Item::TextSpan {
            document,
            start,
            end,
        } => Some((document.clone(), *start..*end)),
        Item::Document(id) => Some((id.clone(), 0..0)),
    }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// Lays out one paragraph with mention underlines and highlight backgrounds.
fn paragraph_job(
    ui: &egui::Ui,
    text: &str,
    range: Range<usize>,
    mentions: &[MentionSpan],
    highlights: &[Range<usize>],
    width: f32,
) -> LayoutJob {
    let visuals = ui.visuals();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let base = TextFormat {
        font_id: font,
        color: visuals.text_color(),
        ..TextFormat::default()
    };
    let highlight_bg = visuals.selection.bg_fill.gamma_multiply(0.6);
    let mention_stroke = Stroke::new(1.0, visuals.hyperlink_color);

    // Boundaries where the formatting may change.
    let mut cuts = vec![range.start, range.end];
    for m in mentions
        .iter()
        .filter(|m| m.end > range.start && m.start < range.end)
    {
        cuts.extend([m.start.max(range.start), m.end.min(range.end)]);
    }
    for h in highlights
        .iter()
        .filter(|h| h.end > range.start && h.start < range.end)
    {
        cuts.extend([h.start.max(range.start), h.end.min(range.end)]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();

    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping {
            max_width: width,
            ..Default::default()
        },
        ..LayoutJob::default()
    };
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut format = base.clone();
        if mentions.iter().any(|m| m.start <= a && b <= m.end) {
            format.underline = mention_stroke;
        }
        if highlights.iter().any(|h| h.start <= a && b <= h.end) {
            format.background = highlight_bg;
            format.color = if ui.visuals().dark_mode {
                Color32::WHITE
            } else {
                Color32::BLACK
            };
        }
        job.append(&text[a..b], 0.0, format);
    }
    job
}
