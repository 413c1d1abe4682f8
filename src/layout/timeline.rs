//! The timeline's geometry, with no egui types: lanes, rows, event marks, "reported" markers,
//! the main-cluster and full time ranges, date-axis ticks and label placement.
//!
//! The time axis is measured in days since 1970-01-01 ([`x_from_date`]); day `d` covers
//! `[x, x + 1)`. The screen painter (`ui::timeline_ui`) and the SVG exporter draw the same
//! [`TimelineLayout`]; rows run top to bottom from 0. Everything here is a pure function of the
//! model and view settings, and never panics on any input.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::model::{ActorId, DocId, EventId, Model, Precision};

/// At most this many rows per lane; further overlapping marks share the least busy row.
pub const MAX_ROWS_PER_LANE: usize = 4;

/// Share of the dated events (and publication dates) the main cluster's core must cover.
pub const MAIN_CLUSTER_SHARE: f64 = 0.6;

/// The smallest gap, in days, that still joins a neighbour to the main cluster.
const MIN_CLUSTER_GAP_DAYS: f64 = 60.0;

/// Okabe–Ito colours (colour-blind safe), by event kind; see [`kind_colour_index`].
/// TODO(theme): move into `theme` once the shared palette lands; exporters use the same table.
pub const KIND_PALETTE: [[u8; 3]; 7] = [
    [0, 114, 178],   // blue
    [213, 94, 0],    // vermillion
    [0, 158, 115],   // bluish green
    [204, 121, 167], // reddish purple
    [230, 159, 0],   // orange
    [86, 180, 233],  // sky blue
    [120, 120, 120], // grey
];

/// A stable palette index for an event kind (same kind, same colour in every view and export).
pub fn kind_colour_index(kind: &str) -> usize {
    // FNV-1a: stable across runs and platforms, unlike `DefaultHasher`.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in kind.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % KIND_PALETTE.len()
}

/// The first day of the time axis: x = 0.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// Days since 1970-01-01 of the start of `date`.
pub fn x_from_date(date: NaiveDate) -> f64 {
    (date - epoch()).num_days() as f64
}

/// The day containing `x`; `None` outside chrono's range or for non-finite `x`.
pub fn date_from_x(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1.0e8 {
        return None;
    }
    epoch().checked_add_signed(chrono::TimeDelta::try_days(x.floor() as i64)?)
}

/// How lanes are formed.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum LaneMode {
    /// One lane per actor; an event joins the lane of each participant (i2 "theme lines").
    #[default]
    Actors,
    /// One lane per event kind.
    Kinds,
}

/// What a lane stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LaneKey {
    Actor(ActorId),
    Kind(String),
    /// Events with no participants (actor lanes only).
    NoActor,
}

/// One lane: a band of `rows` consecutive rows starting at `first_row`.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    pub label: String,
    pub first_row: usize,
    /// At least 1, at most [`MAX_ROWS_PER_LANE`].
    pub rows: usize,
    pub event_count: usize,
}

impl Lane {
    /// The lane's vertical centre in rows (rows grow downwards).
    pub fn center_row(&self) -> f64 {
        self.first_row as f64 + self.rows as f64 * 0.5
    }
}

/// How a mark is drawn; the same three looks on screen, in the legend and in exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkStyle {
    /// A day known exactly: a dot.
    Point,
    /// A known span of days: a solid bar.
    Span,
    /// Known only to the month, year or decade: a faded, hatched bar over the whole range.
    Uncertain,
}

/// One event drawn in one lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into `model.events`.
    pub event: usize,
    pub lane: usize,
    /// Global row index (`lane.first_row <= row < lane.first_row + lane.rows`).
    pub row: usize,
    /// First day covered, in days since the epoch.
    pub x_start: f64,
    /// End of the last day covered (exclusive); `x_end > x_start`.
    pub x_end: f64,
    pub style: MarkStyle,
    /// Higher labels win when labels collide.
    pub priority: u32,
}

impl Mark {
    pub fn x_center(&self) -> f64 {
        (self.x_start + self.x_end) * 0.5
    }
}

/// A publication date ("reported"), shared by the documents published that day.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportedMarker {
    pub date: NaiveDate,
    /// Days since the epoch of the start of `date`.
    pub x: f64,
    /// Indices into `model.documents`.
    pub documents: Vec<usize>,
}

/// The whole timeline's geometry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    pub mode: LaneMode,
    pub lanes: Vec<Lane>,
    /// Sorted by row, then by `x_start`.
    pub marks: Vec<Mark>,
    /// For each row, the range of `marks` in it.
    pub row_marks: Vec<Range<usize>>,
    /// Dated, visible events (indices into `model.events`) in time order: start, end, index.
    pub time_order: Vec<usize>,
    /// Visible events with no date, in model order.
    pub undated: Vec<usize>,
    pub reported: Vec<ReportedMarker>,
    /// Everything: every mark and every reported marker.
    pub full_range: Option<(f64, f64)>,
    /// Where most events are; see [`main_cluster`].
    pub main_range: Option<(f64, f64)>,
}

impl TimelineLayout {
    pub fn total_rows(&self) -> usize {
        self.row_marks.len()
    }

    /// The lane a row belongs to.
    pub fn lane_of_row(&self, row: usize) -> Option<usize> {
        let i = self.lanes.partition_point(|l| l.first_row + l.rows <= row);
        (i < self.lanes.len()).then_some(i)
    }

    /// The marks in a row (empty for rows out of range).
    pub fn marks_in_row(&self, row: usize) -> &[Mark] {
        self.row_marks
            .get(row)
            .and_then(|r| self.marks.get(r.clone()))
            .unwrap_or(&[])
    }
}

/// An event's days as `[x_start, x_end)` and its look; `None` when undated.
pub fn event_extent(event: &crate::model::Event) -> Option<(f64, f64, MarkStyle)> {
    let start = event.start?;
    let end = event.end.unwrap_or(start).max(start);
    let x_start = x_from_date(start);
    let x_end = x_from_date(end) + 1.0;
    let style = match event.precision {
        Some(Precision::Month | Precision::Year | Precision::Decade) => MarkStyle::Uncertain,
        _ if end > start => MarkStyle::Span,
        _ => MarkStyle::Point,
    };
    Some((x_start, x_end, style))
}

fn label_priority(event: &crate::model::Event, style: MarkStyle) -> u32 {
    let precision = match style {
        MarkStyle::Point | MarkStyle::Span => 100,
        MarkStyle::Uncertain => 0,
    };
    precision + 10 * event.participants.len().min(9) as u32 + event.evidence.len().min(9) as u32
}

/// Lays the model's events out in lanes and rows. `hidden` events are left out everywhere.
pub fn layout_timeline(model: &Model, mode: LaneMode, hidden: &[EventId]) -> TimelineLayout {
    let hidden: HashSet<&EventId> = hidden.iter().collect();
    let visible = |i: &usize| {
        model
            .events
            .get(*i)
            .is_some_and(|e| !hidden.contains(&e.id))
    };

    let undated: Vec<usize> = (0..model.events.len())
        .filter(visible)
        .filter(|&i| !model.events[i].is_dated())
        .collect();
    let mut time_order: Vec<usize> = (0..model.events.len())
        .filter(visible)
        .filter(|&i| model.events[i].is_dated())
        .collect();
    time_order.sort_by_key(|&i| (model.events[i].start, model.events[i].end, i));

    // Lane membership: each lane's events, as positions in `time_order`.
    let mut lane_keys: Vec<LaneKey> = Vec::new();
    let mut lane_index: HashMap<LaneKey, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (rank, &i) in time_order.iter().enumerate() {
        let event = &model.events[i];
        let keys: Vec<LaneKey> = match mode {
            LaneMode::Actors if event.participants.is_empty() => vec![LaneKey::NoActor],
            LaneMode::Actors => {
                let mut seen = HashSet::new();
                event
                    .participants
                    .iter()
                    .filter(|a| seen.insert(*a))
                    .map(|a| LaneKey::Actor(a.clone()))
                    .collect()
            }
            LaneMode::Kinds => vec![LaneKey::Kind(event.kind.trim().to_owned())],
        };
        for key in keys {
            let lane = *lane_index.entry(key.clone()).or_insert_with(|| {
                lane_keys.push(key);
                members.push(Vec::new());
                lane_keys.len() - 1
            });
            members[lane].push(rank);
        }
    }

    let actor_names: HashMap<&ActorId, &str> = model
        .actors
        .iter()
        .map(|a| (&a.id, a.name.as_str()))
        .collect();
    let lane_label = |key: &LaneKey| match key {
        LaneKey::Actor(id) => actor_names
            .get(id)
            .map_or_else(|| id.to_string(), |n| (*n).to_owned()),
        LaneKey::Kind(kind) if kind.is_empty() => "other".to_owned(),
        LaneKey::Kind(kind) => kind.clone(),
        LaneKey::NoActor => "no actor".to_owned(),
    };

    // Lane order: busiest first, then earliest, then by label; "no actor" last.
    let mut order: Vec<usize> = (0..lane_keys.len()).collect();
    let labels: Vec<String> = lane_keys.iter().map(lane_label).collect();
    order.sort_by(|&a, &b| {
        let last_a = lane_keys[a] == LaneKey::NoActor;
        let last_b = lane_keys[b] == LaneKey::NoActor;
        last_a
            .cmp(&last_b)
            .then(members[b].len().cmp(&members[a].len()))
            .then(members[a].first().cmp(&members[b].first()))
            .then(labels[a].cmp(&labels[b]))
    });

    let mut lanes = Vec::with_capacity(order.len());
    let mut marks = Vec::new();
    let mut first_row = 0;
    for (lane_no, &k) in order.iter().enumerate() {
        let extents: Vec<(usize, f64, f64, MarkStyle)> = members[k]
            .iter()
            .map(|&rank| time_order[rank])
            .filter_map(|i| event_extent(&model.events[i]).map(|(s, e, st)| (i, s, e, st)))
            .collect();
        let spans: Vec<(f64, f64)> = extents.iter().map(|&(_, s, e, _)| (s, e)).collect();
        let (rows_of, rows) = pack_rows(&spans, MAX_ROWS_PER_LANE);
        for (&(event, x_start, x_end, style), row) in extents.iter().zip(rows_of) {
            marks.push(Mark {
                event,
                lane: lane_no,
                row: first_row + row,
                x_start,
                x_end,
                style,
                priority: label_priority(&model.events[event], style),
            });
        }
        lanes.push(Lane {
            key: lane_keys[k].clone(),
            label: labels[k].clone(),
            first_row,
            rows,
            event_count: members[k].len(),
        });
        first_row += rows;
    }
    marks.sort_by(|a, b| a.row.cmp(&b.row).then(a.x_start.total_cmp(&b.x_start)));
    let mut row_marks = vec![0..0; first_row];
    let mut i = 0;
    while i < marks.len() {
        let row = marks[i].row;
        let j = i + marks[i..].partition_point(|m| m.row == row);
        if let Some(r) = row_marks.get_mut(row) {
            *r = i..j;
        }
        i = j;
    }

    let reported = reported_markers(model);
    let mut spans: Vec<(f64, f64)> = marks.iter().map(|m| (m.x_start, m.x_end)).collect();
    spans.extend(reported.iter().map(|r| (r.x, r.x + 1.0)));
    let full_range = spans.iter().fold(None, |acc: Option<(f64, f64)>, &(s, e)| {
        Some(acc.map_or((s, e), |(lo, hi)| (lo.min(s), hi.max(e))))
    });
    let mut samples: Vec<(f64, f64)> = time_order
        .iter()
        .filter_map(|&i| event_extent(&model.events[i]).map(|(s, e, _)| (s, e)))
        .collect();
    samples.extend(reported.iter().map(|r| (r.x, r.x + 1.0)));
    let main_range = main_cluster(&samples, MAIN_CLUSTER_SHARE);

    TimelineLayout {
        mode,
        lanes,
        marks,
        row_marks,
        time_order,
        undated,
        reported,
        full_range,
        main_range,
    }
}

/// Greedy interval packing: each span goes to the first row whose last span ended at or before
/// its start (spans are `[start, end)`). Returns each span's row and the number of rows used
/// (at least 1). Past `max_rows`, a span goes to the row that frees up first.
pub fn pack_rows(spans: &[(f64, f64)], max_rows: usize) -> (Vec<usize>, usize) {
    let max_rows = max_rows.max(1);
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| spans[a].0.total_cmp(&spans[b].0).then(a.cmp(&b)));
    let mut row_end: Vec<f64> = Vec::new();
    let mut rows = vec![0; spans.len()];
    for i in order {
        let (start, end) = spans[i];
        let row = match row_end.iter().position(|&e| e <= start) {
            Some(r) => r,
            None if row_end.len() < max_rows => {
                row_end.push(f64::NEG_INFINITY);
                row_end.len() - 1
            }
            None => row_end
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(r, _)| r),
        };
        row_end[row] = row_end[row].max(end);
        rows[i] = row;
    }
    (rows, row_end.len().max(1))
}

/// One marker per distinct publication date, in date order.
pub fn reported_markers(model: &Model) -> Vec<ReportedMarker> {
    let mut by_date: Vec<(NaiveDate, usize)> = model
        .documents
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.published.map(|p| (p, i)))
        .collect();
    by_date.sort_unstable();
    let mut out: Vec<ReportedMarker> = Vec::new();
    for (date, doc) in by_date {
        match out.last_mut() {
            Some(last) if last.date == date => last.documents.push(doc),
            _ => out.push(ReportedMarker {
                date,
                x: x_from_date(date),
                documents: vec![doc],
            }),
        }
    }
    out
}

/// The main cluster: where most of the `spans` (`[start, end)` in days) lie, ignoring outliers
/// such as a war decades before the news. The core is the shortest window of span midpoints
/// holding `share` of them; neighbours closer than the core's width (at least two months) join
/// it one by one. Returns the extent of the joined spans, or `None` for no spans.
pub fn main_cluster(spans: &[(f64, f64)], share: f64) -> Option<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = spans
        .iter()
        .copied()
        .filter(|(s, e)| s.is_finite() && e.is_finite())
        .collect();
    if spans.is_empty() {
        return None;
    }
    let mid = |s: &(f64, f64)| (s.0 + s.1) * 0.5;
    spans.sort_by(|a, b| mid(a).total_cmp(&mid(b)));
    let mids: Vec<f64> = spans.iter().map(mid).collect();
    let n = mids.len();
    let k = ((share.clamp(0.0, 1.0) * n as f64).ceil() as usize).clamp(1, n);
    let mut lo = 0;
    for i in 0..=n - k {
        if mids[i + k - 1] - mids[i] < mids[lo + k - 1] - mids[lo] {
            lo = i;
        }
    }
    let mut hi = lo + k - 1;
    let gap = (mids[hi] - mids[lo]).max(MIN_CLUSTER_GAP_DAYS);
    while lo > 0 && mids[lo] - mids[lo - 1] <= gap {
        lo -= 1;
    }
    while hi + 1 < n && mids[hi + 1] - mids[hi] <= gap {
        hi += 1;
    }
    let start = spans[lo..=hi]
        .iter()
        .map(|s| s.0)
        .fold(f64::INFINITY, f64::min);
    let end = spans[lo..=hi]
        .iter()
        .map(|s| s.1)
        .fold(f64::NEG_INFINITY, f64::max);
    Some((start, end))
}

/// Pads a range by `fraction` of its width on each side, and to at least `min_width` days.
pub fn padded(range: (f64, f64), fraction: f64, min_width: f64) -> (f64, f64) {
    let (lo, hi) = (range.0.min(range.1), range.0.max(range.1));
    let width = (hi - lo).max(min_width);
    let center = (lo + hi) * 0.5;
    let half = width * (0.5 + fraction);
    (center - half, center + half)
}

/// A unit of the date axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TickUnit {
    Day,
    /// Days 1, 8, 15 and 22 of each month (nested in months, unlike Mondays).
    Week,
    /// Every n-th month, starting in January.
    Month(u32),
    /// Every n-th year (years divisible by n).
    Year(i32),
}

impl TickUnit {
    /// The ladder from fine to coarse.
    const LADDER: [TickUnit; 15] = [
        TickUnit::Day,
        TickUnit::Week,
        TickUnit::Month(1),
        TickUnit::Month(3),
        TickUnit::Month(6),
        TickUnit::Year(1),
        TickUnit::Year(2),
        TickUnit::Year(5),
        TickUnit::Year(10),
        TickUnit::Year(20),
        TickUnit::Year(50),
        TickUnit::Year(100),
        TickUnit::Year(200),
        TickUnit::Year(500),
        TickUnit::Year(1000),
    ];

    /// Typical distance between ticks, in days.
    pub fn approx_days(self) -> f64 {
        match self {
            TickUnit::Day => 1.0,
            TickUnit::Week => 365.25 / 48.0,
            TickUnit::Month(n) => 365.25 / 12.0 * f64::from(n),
            TickUnit::Year(n) => 365.25 * f64::from(n),
        }
    }

    /// The unit that groups this one (thicker grid lines, longer labels).
    fn coarse(self) -> TickUnit {
        match self {
            TickUnit::Day | TickUnit::Week => TickUnit::Month(1),
            TickUnit::Month(_) => TickUnit::Year(1),
            TickUnit::Year(n) => {
                let mut p = 10;
                while p <= n && p < 100_000 {
                    p *= 10;
                }
                TickUnit::Year(p)
            }
        }
    }
}

/// One date-axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub unit: TickUnit,
    /// Typical distance to the next tick of the same unit (drives grid-line strength).
    pub step_days: f64,
    /// Whether this is a coarse tick (a year among months, a month among days).
    pub major: bool,
    pub label: String,
}

/// The finest unit whose ticks are at least `min_step_days` apart.
pub fn tick_unit_for(min_step_days: f64) -> TickUnit {
    TickUnit::LADDER
        .iter()
        .copied()
        .find(|u| u.approx_days() >= min_step_days)
        .unwrap_or(TickUnit::Year(1000))
}

/// Ticks for the visible `range` (days since the epoch): the finest unit at least
/// `min_step_days` apart, plus the coarser unit that groups it (one tick per x, the coarse one
/// winning), in x order. Labels are formatted with chrono: "2024", "Jun" (months among years),
/// "Jun 2024" (months among days), "18 Jun" (days and weeks).
pub fn ticks(range: (f64, f64), min_step_days: f64) -> Vec<Tick> {
    const MAX_TICKS: usize = 2_000;
    if !range.0.is_finite() || !range.1.is_finite() || !min_step_days.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = (range.0.min(range.1), range.0.max(range.1));
    let fine = tick_unit_for(min_step_days.max(0.0));
    if (hi - lo) / fine.approx_days() > MAX_TICKS as f64 {
        return Vec::new();
    }
    let coarse = fine.coarse();
    let mut out: Vec<Tick> = Vec::new();
    let coarse_dates = unit_dates(coarse, lo, hi, MAX_TICKS);
    let coarse_xs: HashSet<i64> = coarse_dates
        .iter()
        .map(|d| x_from_date(*d) as i64)
        .collect();
    for date in unit_dates(fine, lo, hi, MAX_TICKS) {
        let x = x_from_date(date);
        if !coarse_xs.contains(&(x as i64)) {
            out.push(Tick {
                x,
                unit: fine,
                step_days: fine.approx_days(),
                major: false,
                label: tick_label(date, fine, false),
            });
        }
    }
    for date in coarse_dates {
        out.push(Tick {
            x: x_from_date(date),
            unit: coarse,
            step_days: coarse.approx_days(),
            major: true,
            label: tick_label(date, coarse, true),
        });
    }
    out.sort_by(|a, b| a.x.total_cmp(&b.x));
    out
}

fn tick_label(date: NaiveDate, unit: TickUnit, major: bool) -> String {
    match unit {
        TickUnit::Year(_) => date.format("%Y").to_string(),
        TickUnit::Month(_) if major => date.format("%b %Y").to_string(),
        TickUnit::Month(_) => date.format("%b").to_string(),
        TickUnit::Week | TickUnit::Day => date.format("%-d %b").to_string(),
    }
}

/// The dates of `unit` ticks in `[lo, hi]` (days since the epoch), at most `max` of them.
fn unit_dates(unit: TickUnit, lo: f64, hi: f64, max: usize) -> Vec<NaiveDate> {
    let (Some(first), Some(last)) = (date_from_x(lo.ceil()), date_from_x(hi.floor())) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match unit {
        TickUnit::Day => {
            let mut d = first;
            while d <= last && out.len() < max {
                out.push(d);
                let Some(next) = d.succ_opt() else { break };
                d = next;
            }
        }
        TickUnit::Week | TickUnit::Month(_) => {
            let step = match unit {
                TickUnit::Month(n) => n.max(1),
                _ => 1,
            };
            let days: &[u32] = if unit == TickUnit::Week {
                &[1, 8, 15, 22]
            } else {
                &[1]
            };
            let mut year = first.year();
            let mut month0 = first.month0() / step * step;
            'months: while out.len() < max {
                for &day in days {
                    let Some(d) = NaiveDate::from_ymd_opt(year, month0 + 1, day) else {
                        break 'months;
                    };
                    if d > last {
                        break 'months;
                    }
                    if d >= first && out.len() < max {
                        out.push(d);
                    }
                }
                month0 += step;
                if month0 >= 12 {
                    month0 -= 12;
                    year += 1;
                }
            }
        }
        TickUnit::Year(n) => {
            let n = n.max(1);
            let mut year = first.year().div_euclid(n) * n;
            while out.len() < max {
                let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                    break;
                };
                if d > last {
                    break;
                }
                if d >= first {
                    out.push(d);
                }
                year += n;
            }
        }
    }
    out
}

/// A label that wants a place: in `row`, starting at `x_px` and `width_px` wide (screen pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    pub row: usize,
    pub x_px: f32,
    pub width_px: f32,
    pub priority: u32,
}

/// Places labels with no overlaps: each row has `slots` label lines (e.g. above and below the
/// marks). Higher priority first (ties: left first); a label takes the first slot where it
/// overlaps nothing (keeping `gap_px` apart), or is hidden (`None`).
pub fn place_labels(requests: &[LabelRequest], slots: usize, gap_px: f32) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by(|&a, &b| {
        requests[b]
            .priority
            .cmp(&requests[a].priority)
            .then(requests[a].x_px.total_cmp(&requests[b].x_px))
    });
    let mut taken: HashMap<(usize, usize), Vec<(f32, f32)>> = HashMap::new();
    let mut out = vec![None; requests.len()];
    for i in order {
        let r = requests[i];
        let (a, b) = (r.x_px - gap_px, r.x_px + r.width_px + gap_px);
        for slot in 0..slots {
            let spans = taken.entry((r.row, slot)).or_default();
            if spans.iter().all(|&(s, e)| b <= s || a >= e) {
                spans.push((r.x_px, r.x_px + r.width_px));
                out[i] = Some(slot);
                break;
            }
        }
    }
    out
}

/// Relations with evidence from a document published inside `window` (inclusive, either order).
/// Evidence from undated documents is outside every window. Indices into `model.relations`.
pub fn relations_in_window(model: &Model, window: (NaiveDate, NaiveDate)) -> Vec<usize> {
    let (from, to) = (window.0.min(window.1), window.0.max(window.1));
    let inside: HashSet<&DocId> = model
        .documents
        .iter()
        .filter(|d| d.published.is_some_and(|p| from <= p && p <= to))
        .map(|d| &d.id)
        .collect();
    if inside.is_empty() {
        return Vec::new();
    }
    model
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.evidence.iter().any(|e| inside.contains(&e.document)))
        .map(|(i, _)| i)
        .collect()
}

/// Events in the order the text tells them: by the document of their first evidence (in corpus
/// order), then by its offset; events with no evidence last, in model order.
pub fn told_order(model: &Model) -> Vec<usize> {
    let doc_rank: HashMap<&DocId, usize> = model
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (&d.id, i))
        .collect();
    let key = |i: usize| {
        model.events[i]
            .evidence
            .iter()
            .map(|e| {
                (
                    doc_rank.get(&e.document).copied().unwrap_or(usize::MAX),
                    e.start,
                )
            })
            .min()
            .unwrap_or((usize::MAX, usize::MAX))
    };
    let mut order: Vec<usize> = (0..model.events.len()).collect();
    order.sort_by_key(|&i| (key(i), i));
    order
}

/// The next (`forward`) or previous event in `order` after `current`; with no current event,
/// the first (forward) or last one.
pub fn step_in_order(order: &[usize], current: Option<usize>, forward: bool) -> Option<usize> {
    let pos = current.and_then(|c| order.iter().position(|&i| i == c));
    match (pos, forward) {
        (None, true) => order.first().copied(),
        (None, false) => order.last().copied(),
        (Some(p), true) => order.get(p + 1).or(order.last()).copied(),
        (Some(p), false) => order.get(p.saturating_sub(1)).copied(),
    }
}

/// "18 Jun 2024", "1 Jun 2024 – 30 Jun 2024" with the precision for uncertain ranges.
pub fn format_range(event: &crate::model::Event) -> String {
    let Some(start) = event.start else {
        return "no date".to_owned();
    };
    let end = event.end.unwrap_or(start).max(start);
    let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    let range = if end == start {
        day(start)
    } else {
        format!("{} – {}", day(start), day(end))
    };
    match event.precision {
        Some(Precision::Month) => format!("{range} (known to the month)"),
        Some(Precision::Year) => format!("{range} (known to the year)"),
        Some(Precision::Decade) => format!("{range} (known to the decade)"),
        _ => range,
    }
}

/// How the date was read: "'next month' read against published 2024-06-18".
pub fn format_reading(event: &crate::model::Event) -> Option<String> {
    let text = event.time_text.as_deref()?.trim();
    if text.is_empty() {
        return None;
    }
    Some(match event.anchor.as_deref() {
        Some(anchor) if !anchor.trim().is_empty() => {
            format!("'{text}' read against {}", anchor.trim())
        }
        _ => format!("'{text}'"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, DocumentInfo, Event, Evidence, Relation};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn event(
        id: &str,
        kind: &str,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        who: &[&str],
    ) -> Event {
        Event {
            id: EventId::new(id),
            label: id.to_owned(),
            kind: kind.to_owned(),
            start,
            end,
            precision: start.map(|_| Precision::Day),
            participants: who.iter().map(|a| ActorId::new(*a)).collect(),
            ..Event::default()
        }
    }

    fn seed_like() -> Model {
        let mut war = event(
            "war",
            "war",
            Some(d(1950, 1, 1)),
            Some(d(1953, 12, 31)),
            &["a:nk"],
        );
        war.precision = Some(Precision::Year);
        let mut plan = event(
            "plan",
            "meeting",
            Some(d(2024, 7, 1)),
            Some(d(2024, 7, 31)),
            &["a:putin"],
        );
        plan.precision = Some(Precision::Month);
        Model {
            actors: vec![
                Actor {
                    id: ActorId::new("a:putin"),
                    name: "Vladimir Putin".into(),
                    ..Actor::default()
                },
                Actor {
                    id: ActorId::new("a:kim"),
                    name: "Kim Jong Un".into(),
                    ..Actor::default()
                },
            ],
            documents: vec![DocumentInfo {
                id: DocId::new("d:1"),
                published: Some(d(2024, 6, 18)),
                ..DocumentInfo::default()
            }],
            events: vec![
                event(
                    "visit",
                    "visit",
                    Some(d(2024, 6, 18)),
                    Some(d(2024, 6, 19)),
                    &["a:putin", "a:kim"],
                ),
                event(
                    "summit",
                    "summit",
                    Some(d(2024, 5, 16)),
                    Some(d(2024, 5, 16)),
                    &["a:putin", "a:xi"],
                ),
                war,
                plan,
                event("talks", "talks", None, None, &["a:kim"]),
                event("parade", "parade", Some(d(2024, 6, 20)), None, &[]),
            ],
            ..Model::default()
        }
    }

    #[test]
    fn x_and_dates_round_trip() {
        assert!((x_from_date(d(1970, 1, 2)) - 1.0).abs() < f64::EPSILON);
        assert!((x_from_date(d(1969, 12, 31)) + 1.0).abs() < f64::EPSILON);
        assert_eq!(
            date_from_x(x_from_date(d(2024, 6, 18)) + 0.7),
            Some(d(2024, 6, 18))
        );
        assert_eq!(date_from_x(f64::NAN), None);
        assert_eq!(date_from_x(1.0e12), None);
    }

    #[test]
    fn marks_have_honest_styles() {
        let layout = layout_timeline(&seed_like(), LaneMode::Kinds, &[]);
        let style_of = |id: &str| {
            let model = seed_like();
            let i = model
                .events
                .iter()
                .position(|e| e.id.as_str() == id)
                .unwrap();
            layout.marks.iter().find(|m| m.event == i).unwrap().style
        };
        assert_eq!(style_of("summit"), MarkStyle::Point);
        assert_eq!(style_of("visit"), MarkStyle::Span);
        assert_eq!(style_of("plan"), MarkStyle::Uncertain);
        assert_eq!(style_of("war"), MarkStyle::Uncertain);
        assert_eq!(style_of("parade"), MarkStyle::Point);
        let visit = layout.marks.iter().find(|m| m.event == 0).unwrap();
        assert!((visit.x_end - visit.x_start - 2.0).abs() < 1e-9, "two days");
        assert_eq!(layout.undated, vec![4]);
        // Time order: war, summit, visit, parade, plan.
        assert_eq!(layout.time_order, vec![2, 1, 0, 5, 3]);
    }

    #[test]
    fn actor_lanes_take_each_participant_and_no_actor_goes_last() {
        let layout = layout_timeline(&seed_like(), LaneMode::Actors, &[]);
        let labels: Vec<&str> = layout.lanes.iter().map(|l| l.label.as_str()).collect();
        // Putin has 3 dated events; then by first event: a:nk (war 1950), a:xi (May 2024; no
        // actor entry, so its id is the label), Kim (June 2024).
        assert_eq!(
            labels,
            vec!["Vladimir Putin", "a:nk", "a:xi", "Kim Jong Un", "no actor"]
        );
        // The visit is in Putin's and Kim's lanes.
        let lanes_of_visit: Vec<usize> = layout
            .marks
            .iter()
            .filter(|m| m.event == 0)
            .map(|m| m.lane)
            .collect();
        assert_eq!(lanes_of_visit.len(), 2);
        assert!(lanes_of_visit.contains(&0) && lanes_of_visit.contains(&3));
        // Rows tile the lanes.
        for (i, lane) in layout.lanes.iter().enumerate() {
            for row in lane.first_row..lane.first_row + lane.rows {
                assert_eq!(layout.lane_of_row(row), Some(i));
            }
        }
        assert_eq!(
            layout.total_rows(),
            layout.lanes.iter().map(|l| l.rows).sum::<usize>()
        );
    }

    #[test]
    fn kind_lanes_and_hidden_events() {
        let model = seed_like();
        let layout = layout_timeline(
            &model,
            LaneMode::Kinds,
            &[EventId::new("war"), EventId::new("talks")],
        );
        assert_eq!(layout.lanes.len(), 4);
        assert!(layout.lanes.iter().all(|l| l.label != "war"));
        assert!(layout.undated.is_empty());
        assert!(layout.marks.iter().all(|m| m.event != 2));
    }

    #[test]
    fn overlapping_spans_get_their_own_rows() {
        let spans = [
            (0.0, 10.0),
            (5.0, 6.0),
            (10.0, 11.0),
            (5.5, 7.0),
            (8.0, 9.0),
        ];
        let (rows, n) = pack_rows(&spans, 4);
        assert_eq!(rows, vec![0, 1, 0, 2, 1]);
        assert_eq!(n, 3);
        let (rows, n) = pack_rows(&spans, 2);
        assert_eq!(n, 2);
        assert!(rows.iter().all(|&r| r < 2));
        assert_eq!(pack_rows(&[], 4), (vec![], 1));
    }

    #[test]
    fn main_cluster_ignores_the_war_decades_earlier() {
        let layout = layout_timeline(&seed_like(), LaneMode::Actors, &[]);
        let (lo, hi) = layout.main_range.unwrap();
        assert!(
            (lo - x_from_date(d(2024, 5, 16))).abs() < 1e-9,
            "{:?}",
            date_from_x(lo)
        );
        assert!(
            (hi - x_from_date(d(2024, 8, 1))).abs() < 1e-9,
            "{:?}",
            date_from_x(hi)
        );
        let (flo, fhi) = layout.full_range.unwrap();
        assert!((flo - x_from_date(d(1950, 1, 1))).abs() < 1e-9);
        assert!((fhi - hi).abs() < 1e-9);
    }

    #[test]
    fn main_cluster_of_spread_events_is_everything() {
        let spans: Vec<(f64, f64)> = (0..30)
            .map(|i| (f64::from(i) * 365.0, f64::from(i) * 365.0 + 1.0))
            .collect();
        assert_eq!(main_cluster(&spans, 0.6), Some((0.0, 29.0 * 365.0 + 1.0)));
        assert_eq!(main_cluster(&[], 0.6), None);
        assert_eq!(main_cluster(&[(3.0, 4.0)], 0.6), Some((3.0, 4.0)));
    }

    fn labels(range: (NaiveDate, NaiveDate), min_step: f64) -> Vec<(String, bool)> {
        ticks((x_from_date(range.0), x_from_date(range.1)), min_step)
            .into_iter()
            .map(|t| (t.label, t.major))
            .collect()
    }

    #[test]
    fn ticks_over_decades_are_years() {
        let t = labels((d(1990, 6, 1), d(2030, 1, 1)), 1500.0);
        // 5-year ticks grouped by decades.
        let expected: Vec<(String, bool)> = (1995..=2030)
            .step_by(5)
            .map(|y| (y.to_string(), y % 10 == 0))
            .collect();
        assert_eq!(t, expected);
    }

    #[test]
    fn ticks_over_two_years_are_months_then_years() {
        let t = labels((d(2023, 11, 15), d(2024, 5, 1)), 60.0);
        let names: Vec<&str> = t.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(names, vec!["2024", "Apr"]);
        assert!(t[0].1 && !t[1].1);
        let t = labels((d(2023, 11, 15), d(2024, 2, 1)), 20.0);
        let names: Vec<&str> = t.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(names, vec!["Dec", "2024", "Feb"]);
    }

    #[test]
    fn ticks_over_a_month_are_weeks_then_days() {
        let t = labels((d(2024, 5, 20), d(2024, 6, 30)), 5.0);
        let names: Vec<&str> = t.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            names,
            vec!["22 May", "Jun 2024", "8 Jun", "15 Jun", "22 Jun"]
        );
        let t = labels((d(2024, 6, 17), d(2024, 6, 20)), 0.5);
        let names: Vec<&str> = t.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(names, vec!["17 Jun", "18 Jun", "19 Jun", "20 Jun"]);
    }

    #[test]
    fn ticks_survive_nonsense() {
        assert!(ticks((f64::NAN, 3.0), 1.0).is_empty());
        assert!(ticks((0.0, 1.0e9), 0.1).is_empty());
        assert!(ticks((-1.0e12, 1.0e12), 1.0e9).is_empty());
        assert!(!ticks((10.0, 0.0), 0.5).is_empty());
    }

    #[test]
    fn labels_stagger_then_hide_by_priority() {
        let req = |row, x_px, priority| LabelRequest {
            row,
            x_px,
            width_px: 50.0,
            priority,
        };
        let requests = [
            req(0, 0.0, 1),
            req(0, 20.0, 5),
            req(0, 40.0, 3),
            req(1, 20.0, 0),
            req(0, 100.0, 0),
        ];
        let placed = place_labels(&requests, 2, 2.0);
        // Highest priority (x=20) takes slot 0, x=40 overlaps it and takes slot 1, x=0 overlaps
        // both and hides; another row is free; x=100 fits after x=40 in slot... 0 (20+50+2 < 100).
        assert_eq!(placed, vec![None, Some(0), Some(1), Some(0), Some(0)]);
    }

    #[test]
    fn relations_in_window_by_publication_date() {
        let mut model = seed_like();
        model.documents.push(DocumentInfo {
            id: DocId::new("d:2"),
            published: Some(d(2024, 5, 17)),
            ..DocumentInfo::default()
        });
        model.documents.push(DocumentInfo {
            id: DocId::new("d:undated"),
            ..DocumentInfo::default()
        });
        let ev = |doc: &str| Evidence {
            document: DocId::new(doc),
            ..Evidence::default()
        };
        model.relations = vec![
            Relation {
                evidence: vec![ev("d:1")],
                ..Relation::default()
            },
            Relation {
                evidence: vec![ev("d:2"), ev("d:1")],
                ..Relation::default()
            },
            Relation {
                evidence: vec![ev("d:undated")],
                ..Relation::default()
            },
        ];
        assert_eq!(
            relations_in_window(&model, (d(2024, 5, 1), d(2024, 5, 31))),
            vec![1]
        );
        assert_eq!(
            relations_in_window(&model, (d(2024, 6, 30), d(2024, 5, 1))),
            vec![0, 1]
        );
        assert_eq!(
            relations_in_window(&model, (d(2024, 6, 19), d(2024, 7, 1))),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn told_order_follows_documents_and_offsets() {
        let mut model = seed_like();
        model.documents.insert(
            0,
            DocumentInfo {
                id: DocId::new("d:0"),
                ..DocumentInfo::default()
            },
        );
        let ev = |doc: &str, start| Evidence {
            document: DocId::new(doc),
            start,
            ..Evidence::default()
        };
        model.events[0].evidence = vec![ev("d:1", 50)];
        model.events[1].evidence = vec![ev("d:1", 10)];
        model.events[2].evidence = vec![ev("d:0", 900)];
        assert_eq!(told_order(&model), vec![2, 1, 0, 3, 4, 5]);
    }

    #[test]
    fn stepping_through_events() {
        let order = [4, 2, 7];
        assert_eq!(step_in_order(&order, None, true), Some(4));
        assert_eq!(step_in_order(&order, None, false), Some(7));
        assert_eq!(step_in_order(&order, Some(2), true), Some(7));
        assert_eq!(step_in_order(&order, Some(7), true), Some(7));
        assert_eq!(step_in_order(&order, Some(4), false), Some(4));
        assert_eq!(step_in_order(&[], Some(4), false), None);
    }

    #[test]
    fn ranges_and_readings_are_spelled_out() {
        let mut e = event("x", "visit", Some(d(2024, 7, 1)), Some(d(2024, 7, 31)), &[]);
        e.precision = Some(Precision::Month);
        e.time_text = Some("next month".into());
        e.anchor = Some("published 2024-06-18".into());
        assert_eq!(
            format_range(&e),
            "1 Jul 2024 – 31 Jul 2024 (known to the month)"
        );
        assert_eq!(
            format_reading(&e).as_deref(),
            Some("'next month' read against published 2024-06-18")
        );
        e.precision = Some(Precision::Day);
        e.end = e.start;
        assert_eq!(format_range(&e), "1 Jul 2024");
    }
}
