//! Stage 5: quotes. Who said what: `"…," X said`, `X declared, "…"`, `"…" according to X`,
//! with the speaker resolved (pronouns, "the speaker") and `about` = actors named inside.

use crate::corpus::Document;
use crate::model::{ActorKind, Evidence};

use super::args::View;
use super::resolve::{ActorDraft, Slot, Usage};
use super::rules::lexicon;

/// A quote found in a document (actor indices from the resolution).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteHit {
    pub speaker: usize,
    /// The quoted passage, byte offsets in the document.
    pub span: (usize, usize),
    pub text: String,
    pub about: Vec<usize>,
    pub evidence: Evidence,
}

/// Finds attributed quotes in one document. `spans` are the quoted passages (text inside the
/// marks); `views` the sentence views by sentence index.
pub fn document_quotes(
    doc: &Document,
    spans: &[(usize, usize)],
    slots: &[Slot],
    views: &[View<'_>],
    actors: &[ActorDraft],
) -> Vec<QuoteHit> {
    let lex = lexicon();
    let mut out = Vec::new();
    let is_person = |a: usize| actors.get(a).is_some_and(|x| x.kind == ActorKind::Person);
    for &(qs, qe) in spans {
        let Some(quoted) = doc.text.get(qs..qe) else {
            continue;
        };
        if quoted.split_whitespace().count() < 3 {
            continue;
        }
        let Some(si) = doc.sentence_at(qe).or_else(|| doc.sentence_at(qs)) else {
            continue;
        };
        let find = |s: usize| {
            views
                .get(s)
                .filter(|v| v.sentence == s)
                .or_else(|| views.iter().find(|v| v.sentence == s))
        };
        let Some(view) = find(si) else {
            continue;
        };
        let first_view = doc.sentence_at(qs).and_then(find).unwrap_or(view);
        let t = &view.tokens;
        let close = t.index_at(qe); // the closing mark
        let outside = |v: &View<'_>, a: usize| {
            v.args.get(a).is_some_and(|x| {
                v.tokens
                    .toks
                    .get(x.from)
                    .is_some_and(|k| k.start < qs || k.start > qe)
                    && x.usage != Usage::Inner
                    && x.usage != Usage::Place
            })
        };
        let mut speaker = None;
        // After: "…," X said / "…," said X / "…," the speaker said.
        let mut j = close + 1;
        while j < t.len() && j < close + 10 && speaker.is_none() {
            if let Some(&a) = view.args_starting_at(j).iter().find(|&&a| outside(view, a)) {
                let after = view.args[a].to;
                let said_after = (after..after + 3).any(|k| lex.speech.contains(view.lower(k)));
                let said_before =
                    (close + 1..view.args[a].from).any(|k| lex.speech.contains(view.lower(k)));
                if (said_after || said_before) && is_person(view.args[a].actor) {
                    speaker = Some(view.args[a].actor);
                }
                break;
            }
            if view.is_stop(j) && view.lower(j) != "”" && view.lower(j) != "\"" {
                break;
            }
            j += 1;
        }
        // Before: X declared, "…" / X said that "…".
        let open = first_view.tokens.index_at(qs).saturating_sub(1);
        if speaker.is_none() && open > 0 {
            let speech_at = (open.saturating_sub(4)..open)
                .rev()
                .find(|&k| lex.speech.contains(first_view.lower(k)));
            if let Some(k) = speech_at
                && let Some(&a) = first_view.subject_left(k).first()
                && is_person(first_view.args[a].actor)
            {
                speaker = Some(first_view.args[a].actor);
            }
        }
        // "according to X".
        for v in [view, first_view] {
            if speaker.is_some() {
                break;
            }
            if let Some(k) = (0..v.tokens.len().saturating_sub(1))
                .find(|&k| v.lower(k) == "according" && v.lower(k + 1) == "to")
                && let Some((_, list)) = v.prep_args(k + 1, &["to".to_owned()])
                && let Some(&a) = list.iter().find(|&&a| outside(v, a))
            {
                speaker = v.actor_of(a);
            }
        }
        let Some(speaker) = speaker else {
            continue;
        };
        let mut about = Vec::new();
        let from = slots.partition_point(|s| s.start < qs);
        for s in slots[from..]
            .iter()
            .take_while(|s| s.start < qe)
            .filter(|s| s.end <= qe && s.usage != Usage::Inner)
        {
            let a = if s.usage == Usage::Place {
                actors.get(s.actor).and_then(|x| x.host)
            } else {
                Some(s.actor)
            };
            if let Some(a) = a
                && a != speaker
                && !about.contains(&a)
            {
                about.push(a);
            }
        }
        out.push(QuoteHit {
            speaker,
            span: (qs, qe),
            text: quoted.trim().trim_end_matches(',').to_owned(),
            about,
            evidence: view.evidence(close.saturating_sub(1)),
        });
    }
    out
}
