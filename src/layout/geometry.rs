//! Plain geometry of the diagram, drawn alike by the screen painter and the exporters.
//!
//! Scene units: node radii and edge widths are in scene units and scale with the zoom; label
//! text is in pixels and keeps its size at any zoom, so label boxes are placed for a given
//! scale ([`place_labels`]). Nothing here knows egui.

use std::collections::{HashMap, HashSet};

use crate::layout::graph::Graph;
use crate::model::{Model, Polarity};
use crate::theme::{self, DashStyle, NodeShape, Rgba, Theme};
use crate::ui::state::{Focus, Item};

/// A point (or vector) in scene units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

#[allow(
    clippy::should_implement_trait,
    reason = "named methods chain without importing the operator traits in every painter"
)]
impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    #[must_use]
    pub fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }

    #[must_use]
    pub fn sub(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.y - o.y)
    }

    #[must_use]
    pub fn scale(self, k: f32) -> Point {
        Point::new(self.x * k, self.y * k)
    }

    pub fn length(self) -> f32 {
        (self.x * self.x + self.y * self.y).sqrt()
    }

    pub fn distance(self, o: Point) -> f32 {
        self.sub(o).length()
    }

    /// Unit vector, or `(1, 0)` for a zero vector.
    #[must_use]
    pub fn normalized(self) -> Point {
        let l = self.length();
        if l > 1e-6 {
            self.scale(1.0 / l)
        } else {
            Point::new(1.0, 0.0)
        }
    }

    /// Rotated 90° counter-clockwise (in a y-down frame: to the left of the direction).
    #[must_use]
    pub fn perpendicular(self) -> Point {
        Point::new(-self.y, self.x)
    }

    #[must_use]
    pub fn lerp(self, o: Point, t: f32) -> Point {
        self.add(o.sub(self).scale(t))
    }
}

/// An axis-aligned rectangle, `min` top-left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Default for Rect {
    fn default() -> Self {
        Self::NOTHING
    }
}

impl Rect {
    /// The empty rectangle: the identity of [`Rect::union`].
    pub const NOTHING: Rect = Rect {
        min: Point::new(f32::INFINITY, f32::INFINITY),
        max: Point::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
    };

    pub fn from_min_size(min: Point, w: f32, h: f32) -> Self {
        Self {
            min,
            max: Point::new(min.x + w, min.y + h),
        }
    }

    pub fn from_center_size(c: Point, w: f32, h: f32) -> Self {
        Self::from_min_size(Point::new(c.x - w / 2.0, c.y - h / 2.0), w, h)
    }

    pub fn is_empty(&self) -> bool {
        !(self.min.x <= self.max.x && self.min.y <= self.max.y)
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Point {
        self.min.lerp(self.max, 0.5)
    }

    #[must_use]
    pub fn union(self, o: Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(o.min.x), self.min.y.min(o.min.y)),
            max: Point::new(self.max.x.max(o.max.x), self.max.y.max(o.max.y)),
        }
    }

    #[must_use]
    pub fn expand(self, by: f32) -> Rect {
        Rect {
            min: Point::new(self.min.x - by, self.min.y - by),
            max: Point::new(self.max.x + by, self.max.y + by),
        }
    }

    /// Open intersection: rectangles that only touch do not intersect.
    pub fn intersects(&self, o: &Rect) -> bool {
        self.min.x < o.max.x && o.min.x < self.max.x && self.min.y < o.max.y && o.min.y < self.max.y
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    /// Whether a disc intersects the rectangle.
    pub fn intersects_disc(&self, c: Point, r: f32) -> bool {
        let dx = (self.min.x - c.x).max(0.0).max(c.x - self.max.x);
        let dy = (self.min.y - c.y).max(0.0).max(c.y - self.max.y);
        dx * dx + dy * dy < r * r
    }
}

/// One drawn actor.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeGeom {
    pub center: Point,
    pub radius: f32,
    pub shape: NodeShape,
    pub fill: Rgba,
    pub label: String,
    /// Label priority: higher keeps its label when crowded.
    pub priority: usize,
}

/// One lane of relations between two actors, drawn as a quadratic Bézier from `points[0]` via
/// `points[1]` to `points[2]`. The curve starts at the source's border and ends at the arrow's
/// base (or the target's border when undirected).
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeCurve {
    /// Index into [`Graph::edges`] and into that edge's lanes.
    pub edge: usize,
    pub lane: usize,
    pub from: usize,
    pub to: usize,
    pub points: [Point; 3],
    /// No bend: drawn as a segment.
    pub straight: bool,
    pub width: f32,
    pub color: Rgba,
    pub dash: DashStyle,
    pub polarity: Polarity,
    /// Arrow head triangle (tip first) when the lane is directed.
    pub arrow: Option<[Point; 3]>,
    /// Indices into [`Graph::relations`].
    pub relations: Vec<usize>,
}

impl EdgeCurve {
    /// The point at `t` in `0..=1`.
    #[allow(
        clippy::many_single_char_names,
        reason = "geometry formulas read best with their usual letters"
    )]
    pub fn sample(&self, t: f32) -> Point {
        let [a, b, c] = self.points;
        let u = 1.0 - t;
        a.scale(u * u).add(b.scale(2.0 * u * t)).add(c.scale(t * t))
    }

    /// The curve as `segments + 1` points (2 for a straight lane).
    pub fn polyline(&self, segments: usize) -> Vec<Point> {
        if self.straight {
            return vec![self.points[0], self.points[2]];
        }
        let segments = segments.max(1);
        (0..=segments)
            .map(|i| self.sample(i as f32 / segments as f32))
            .collect()
    }

    /// The curve's apex, where an edge label would sit.
    pub fn middle(&self) -> Point {
        self.sample(0.5)
    }

    pub fn bounds(&self) -> Rect {
        let mut r = Rect::NOTHING;
        for p in self.points.iter().chain(self.arrow.iter().flatten()) {
            r = r.union(Rect { min: *p, max: *p });
        }
        r
    }
}

/// The whole diagram's geometry for one set of positions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DiagramGeometry {
    pub nodes: Vec<NodeGeom>,
    pub edges: Vec<EdgeCurve>,
    /// Extent of nodes and edges (labels excluded: they depend on the scale).
    pub bounds: Rect,
}

/// Distance between the mid-curves of neighbouring lanes on one pair, in scene units.
pub const LANE_SPACING: f32 = 14.0;

impl DiagramGeometry {
    /// Geometry for `graph` with node positions `positions` (by node index).
    pub fn build(graph: &Graph, positions: &[Point], theme: &Theme) -> Self {
        let mut nodes = Vec::with_capacity(graph.nodes.len());
        let mut bounds = Rect::NOTHING;
        for (i, n) in graph.nodes.iter().enumerate() {
            let center = positions.get(i).copied().unwrap_or_default();
            let radius = theme::node_radius(n.mentions);
            bounds = bounds.union(Rect::from_center_size(center, 2.0 * radius, 2.0 * radius));
            nodes.push(NodeGeom {
                center,
                radius,
                shape: NodeShape::for_kind(n.kind),
                fill: theme.kind_color(n.kind),
                label: n.name.clone(),
                priority: n.mentions,
            });
        }
        let mut edges = Vec::with_capacity(graph.relations.len());
        for (ei, e) in graph.edges.iter().enumerate() {
            let (pa, pb) = (nodes[e.a].center, nodes[e.b].center);
            let dir = pb.sub(pa).normalized();
            let normal = dir.perpendicular();
            let widest = e
                .lanes
                .iter()
                .map(|l| theme::edge_width(l.evidence))
                .fold(0.0f32, f32::max);
            let spacing = LANE_SPACING.max(widest * 1.6);
            let n = e.lanes.len() as f32;
            for (li, lane) in e.lanes.iter().enumerate() {
                let offset = (li as f32 - (n - 1.0) / 2.0) * spacing;
                // The control point sits twice as far out as the curve's apex.
                let ctrl = pa.lerp(pb, 0.5).add(normal.scale(2.0 * offset));
                let (from, to) = (lane.from, lane.to);
                let (pf, pt) = (nodes[from].center, nodes[to].center);
                let (rf, rt) = (nodes[from].radius, nodes[to].radius);
                let start = pf.add(ctrl.sub(pf).normalized().scale(rf));
                let tip = pt.add(ctrl.sub(pt).normalized().scale(rt));
                let width = theme::edge_width(lane.evidence);
                let mut end = tip;
                let arrow = lane.directed.then(|| {
                    let back = ctrl.sub(tip).normalized();
                    let length = theme::ARROW_LENGTH + 1.5 * width;
                    let base = tip.add(back.scale(length));
                    let side = back.perpendicular().scale(0.45 * length);
                    end = base;
                    [tip, base.add(side), base.sub(side)]
                });
                let straight = offset.abs() < 1e-3;
                let ctrl = if straight { start.lerp(end, 0.5) } else { ctrl };
                edges.push(EdgeCurve {
                    edge: ei,
                    lane: li,
                    from,
                    to,
                    points: [start, ctrl, end],
                    straight,
                    width,
                    color: theme.polarity_color(lane.polarity),
                    dash: DashStyle::for_polarity(lane.polarity),
                    polarity: lane.polarity,
                    arrow,
                    relations: lane.relations.clone(),
                });
            }
        }
        for e in &edges {
            bounds = bounds.union(e.bounds());
        }
        Self {
            nodes,
            edges,
            bounds,
        }
    }
}

/// A shown label: its box in scene units for the scale it was placed at.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelBox {
    pub node: usize,
    pub rect: Rect,
}

/// Places node labels for a scale of `px_per_unit` screen pixels per scene unit: greedy by
/// priority (mention count), each label tries below, right, above and left of its node and is
/// hidden when every place overlaps a label already placed. `always` (hovered, selected) go
/// first. Only nodes inside `view` (scene units) are labelled when it is given.
pub fn place_labels(
    geometry: &DiagramGeometry,
    px_per_unit: f32,
    font_px: f32,
    view: Option<Rect>,
    always: &[usize],
) -> Vec<LabelBox> {
    let k = 1.0 / px_per_unit.max(1e-6);
    let pad = theme::LABEL_PAD_PX * k;
    let gap = theme::LABEL_GAP_PX * k;
    let height = theme::line_height_px(font_px) * k + 2.0 * pad;
    let mut order: Vec<usize> = (0..geometry.nodes.len())
        .filter(|&i| {
            !geometry.nodes[i].label.is_empty()
                && view.is_none_or(|v| v.contains(geometry.nodes[i].center))
        })
        .collect();
    order.sort_by(|&a, &b| {
        let (na, nb) = (&geometry.nodes[a], &geometry.nodes[b]);
        always
            .contains(&b)
            .cmp(&always.contains(&a))
            .then(nb.priority.cmp(&na.priority))
            .then(na.label.len().cmp(&nb.label.len()))
            .then(a.cmp(&b))
    });
    // Uniform grid over placed label boxes.
    let cell = (80.0 * k).max(1e-3);
    let key = |x: f32, y: f32| ((x / cell).floor() as i64, (y / cell).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let mut placed: Vec<LabelBox> = Vec::new();
    let node_index = NodeGrid::new(geometry);
    for i in order {
        let node = &geometry.nodes[i];
        let width = theme::text_width_px(&node.label, font_px) * k + 2.0 * pad;
        let (c, r) = (node.center, node.radius);
        let candidates = [
            Rect::from_min_size(Point::new(c.x - width / 2.0, c.y + r + gap), width, height),
            Rect::from_min_size(Point::new(c.x + r + gap, c.y - height / 2.0), width, height),
            Rect::from_min_size(
                Point::new(c.x - width / 2.0, c.y - r - gap - height),
                width,
                height,
            ),
            Rect::from_min_size(
                Point::new(c.x - r - gap - width, c.y - height / 2.0),
                width,
                height,
            ),
        ];
        let free = |rect: &Rect| {
            let (x0, y0) = key(rect.min.x, rect.min.y);
            let (x1, y1) = key(rect.max.x, rect.max.y);
            // A box spanning absurdly many cells (non-finite or huge coordinates) is refused.
            if x1.saturating_sub(x0) > 100 || y1.saturating_sub(y0) > 100 {
                return false;
            }
            for gx in x0..=x1 {
                for gy in y0..=y1 {
                    if let Some(bucket) = grid.get(&(gx, gy))
                        && bucket.iter().any(|&p| placed[p].rect.intersects(rect))
                    {
                        return false;
                    }
                }
            }
            true
        };
        let forced = always.contains(&i);
        let choice = candidates
            .iter()
            .find(|rect| free(rect) && !node_index.covers_other_node(geometry, rect, i))
            .or_else(|| candidates.iter().find(|rect| free(rect)))
            .or(if forced { candidates.first() } else { None });
        let Some(rect) = choice.copied() else {
            continue;
        };
        let (x0, y0) = key(rect.min.x, rect.min.y);
        let (x1, y1) = key(rect.max.x, rect.max.y);
        // A forced label may overlap: it is drawn on top, and others avoid it.
        let cells = x1
            .saturating_sub(x0)
            .saturating_add(1)
            .saturating_mul(y1.saturating_sub(y0).saturating_add(1));
        if cells > 10_000 {
            continue;
        }
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                grid.entry((gx, gy)).or_default().push(placed.len());
            }
        }
        placed.push(LabelBox { node: i, rect });
    }
    placed
}

/// A coarse grid over node discs, for label placement.
struct NodeGrid {
    cell: f32,
    buckets: HashMap<(i64, i64), Vec<usize>>,
}

impl NodeGrid {
    fn new(geometry: &DiagramGeometry) -> Self {
        let cell = 2.0 * theme::NODE_MAX_RADIUS;
        let mut buckets: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, n) in geometry.nodes.iter().enumerate() {
            let k = (
                (n.center.x / cell).floor() as i64,
                (n.center.y / cell).floor() as i64,
            );
            buckets.entry(k).or_default().push(i);
        }
        Self { cell, buckets }
    }

    fn covers_other_node(&self, geometry: &DiagramGeometry, rect: &Rect, own: usize) -> bool {
        let r = rect.expand(theme::NODE_MAX_RADIUS);
        let (x0, y0) = (
            (r.min.x / self.cell).floor() as i64,
            (r.min.y / self.cell).floor() as i64,
        );
        let (x1, y1) = (
            (r.max.x / self.cell).floor() as i64,
            (r.max.y / self.cell).floor() as i64,
        );
        let cells = x1
            .saturating_sub(x0)
            .saturating_add(1)
            .saturating_mul(y1.saturating_sub(y0).saturating_add(1));
        if cells > 4096 {
            return false;
        }
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                if let Some(bucket) = self.buckets.get(&(gx, gy))
                    && bucket.iter().any(|&j| {
                        j != own
                            && rect
                                .intersects_disc(geometry.nodes[j].center, geometry.nodes[j].radius)
                    })
                {
                    return true;
                }
            }
        }
        false
    }
}

/// What a legend row shows beside its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    Node(NodeShape, Rgba),
    Edge(Rgba, DashStyle),
    /// Text only (e.g. what sizes mean).
    None,
}

/// One legend row.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub swatch: Swatch,
    pub text: String,
}

/// The legend's rows: actor kinds and polarities, then what size and width mean.
pub fn legend_entries(theme: &Theme) -> Vec<LegendEntry> {
    let mut rows: Vec<LegendEntry> = crate::model::ActorKind::ALL
        .iter()
        .map(|k| LegendEntry {
            swatch: Swatch::Node(NodeShape::for_kind(*k), theme.kind_color(*k)),
            text: k.label().to_owned(),
        })
        .collect();
    rows.extend(Polarity::ALL.iter().map(|p| LegendEntry {
        swatch: Swatch::Edge(theme.polarity_color(*p), DashStyle::for_polarity(*p)),
        text: p.label().to_owned(),
    }));
    rows.push(LegendEntry {
        swatch: Swatch::None,
        text: "size: mentions · width: evidence".to_owned(),
    });
    rows
}

/// The legend laid out in pixels: box size and each row's top offset.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendLayout {
    pub width: f32,
    pub height: f32,
    pub padding: f32,
    pub row_height: f32,
    pub swatch_width: f32,
    pub font_px: f32,
    pub rows: Vec<(LegendEntry, f32)>,
}

pub fn legend_layout(entries: Vec<LegendEntry>, font_px: f32) -> LegendLayout {
    let padding = 8.0;
    let row_height = (theme::line_height_px(font_px) + 4.0).max(16.0);
    let swatch_width = 26.0;
    let text_width = entries
        .iter()
        .map(|e| theme::text_width_px(&e.text, font_px))
        .fold(0.0f32, f32::max);
    let rows: Vec<(LegendEntry, f32)> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| (e, padding + i as f32 * row_height))
        .collect();
    LegendLayout {
        width: 2.0 * padding + swatch_width + 6.0 + text_width,
        height: 2.0 * padding + rows.len() as f32 * row_height,
        padding,
        row_height,
        swatch_width,
        font_px,
        rows,
    }
}

/// Which nodes and edges stand out and which are dimmed, for a selection and focus mode.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Emphasis {
    pub node_selected: Vec<bool>,
    pub edge_selected: Vec<bool>,
    pub node_dimmed: Vec<bool>,
    pub edge_dimmed: Vec<bool>,
}

impl Emphasis {
    /// Highlights for `selection`: an actor; a relation; an event's participants and the
    /// relations evidenced in its sentences. With `focus` on, everything outside the
    /// selection's 1- or 2-step neighbourhood is dimmed.
    pub fn new(
        model: &Model,
        graph: &Graph,
        geometry: &DiagramGeometry,
        selection: Option<&Item>,
        focus: Focus,
    ) -> Self {
        let mut e = Self {
            node_selected: vec![false; geometry.nodes.len()],
            edge_selected: vec![false; geometry.edges.len()],
            node_dimmed: vec![false; geometry.nodes.len()],
            edge_dimmed: vec![false; geometry.edges.len()],
        };
        let mut selected_relations: HashSet<usize> = HashSet::new();
        match selection {
            Some(Item::Actor(id)) => {
                if let Some(i) = graph.node_index(id) {
                    e.node_selected[i] = true;
                }
            }
            Some(Item::Relation(id)) => {
                selected_relations.extend(graph.relations.iter().position(|r| &r.id == id));
            }
            Some(Item::Event(id)) => {
                if let Some(event) = model.event(id) {
                    for p in &event.participants {
                        if let Some(i) = graph.node_index(p) {
                            e.node_selected[i] = true;
                        }
                    }
                    let relations: HashMap<_, _> =
                        model.relations.iter().map(|r| (&r.id, r)).collect();
                    for (ri, gr) in graph.relations.iter().enumerate() {
                        let Some(r) = relations.get(&gr.id) else {
                            continue;
                        };
                        let overlaps = r.evidence.iter().any(|re| {
                            event.evidence.iter().any(|ee| {
                                ee.document == re.document && ee.start < re.end && re.start < ee.end
                            })
                        });
                        if overlaps {
                            selected_relations.insert(ri);
                        }
                    }
                }
            }
            _ => {}
        }
        for (k, curve) in geometry.edges.iter().enumerate() {
            if curve
                .relations
                .iter()
                .any(|r| selected_relations.contains(r))
            {
                e.edge_selected[k] = true;
            }
        }
        // A selected relation's ends count as selected for focus.
        let mut seeds: Vec<usize> = (0..e.node_selected.len())
            .filter(|&i| e.node_selected[i])
            .collect();
        for (k, curve) in geometry.edges.iter().enumerate() {
            if e.edge_selected[k] {
                seeds.push(curve.from);
                seeds.push(curve.to);
            }
        }
        let steps = match focus {
            Focus::Off => return e,
            Focus::OneStep => 1,
            Focus::TwoSteps => 2,
        };
        if seeds.is_empty() {
            return e;
        }
        let inside = graph.neighbourhood(&seeds, steps);
        for (i, d) in e.node_dimmed.iter_mut().enumerate() {
            *d = !inside[i];
        }
        for (k, curve) in geometry.edges.iter().enumerate() {
            e.edge_dimmed[k] = !(inside[curve.from] && inside[curve.to]);
        }
        e
    }
}

/// What a point hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    Node(usize),
    /// Index into [`DiagramGeometry::edges`].
    Edge(usize),
}

/// A uniform grid over nodes and edge curves for hit testing (hover, click).
#[derive(Clone, Debug, Default)]
pub struct SpatialIndex {
    origin: Point,
    cell: f32,
    nx: usize,
    ny: usize,
    nodes: Vec<Vec<u32>>,
    edges: Vec<Vec<u32>>,
}

/// Segments used to flatten a curved lane for hit testing.
const HIT_SEGMENTS: usize = 8;

impl SpatialIndex {
    /// An index of nodes and edges.
    pub fn new(geometry: &DiagramGeometry) -> Self {
        Self::build(geometry, true)
    }

    /// An index of nodes only: cheap enough to rebuild every frame while the layout moves.
    pub fn nodes_only(geometry: &DiagramGeometry) -> Self {
        Self::build(geometry, false)
    }

    fn build(geometry: &DiagramGeometry, with_edges: bool) -> Self {
        let bounds = if geometry.bounds.is_empty() {
            Rect::from_min_size(Point::default(), 1.0, 1.0)
        } else {
            geometry.bounds.expand(1.0)
        };
        let extent = bounds.width().max(bounds.height());
        let cell = (extent / 160.0).max(2.0 * theme::NODE_MAX_RADIUS);
        let nx = (bounds.width() / cell).ceil() as usize + 1;
        let ny = (bounds.height() / cell).ceil() as usize + 1;
        let mut index = Self {
            origin: bounds.min,
            cell,
            nx,
            ny,
            nodes: vec![Vec::new(); nx * ny],
            edges: vec![Vec::new(); nx * ny],
        };
        for (i, n) in geometry.nodes.iter().enumerate() {
            let r = Rect::from_center_size(n.center, 2.0 * n.radius, 2.0 * n.radius);
            index.for_cells(r, |cells, k| cells.nodes[k].push(i as u32));
        }
        let edges = if with_edges { &geometry.edges[..] } else { &[] };
        for (i, e) in edges.iter().enumerate() {
            let mut points = e.polyline(HIT_SEGMENTS);
            if let Some(arrow) = e.arrow {
                points.push(arrow[0]);
            }
            for w in points.windows(2) {
                index.insert_segment(w[0], w[1], i as u32);
            }
        }
        for bucket in &mut index.edges {
            bucket.dedup();
        }
        index
    }

    fn cell_of(&self, p: Point) -> (usize, usize) {
        let x = ((p.x - self.origin.x) / self.cell)
            .floor()
            .clamp(0.0, (self.nx - 1) as f32);
        let y = ((p.y - self.origin.y) / self.cell)
            .floor()
            .clamp(0.0, (self.ny - 1) as f32);
        (x as usize, y as usize)
    }

    fn for_cells(&mut self, r: Rect, mut f: impl FnMut(&mut Self, usize)) {
        if self.nx == 0 || self.ny == 0 {
            return;
        }
        let (x0, y0) = self.cell_of(r.min);
        let (x1, y1) = self.cell_of(r.max);
        for y in y0..=y1 {
            for x in x0..=x1 {
                let k = y * self.nx + x;
                f(self, k);
            }
        }
    }

    #[allow(
        clippy::many_single_char_names,
        reason = "geometry formulas read best with their usual letters"
    )]
    fn insert_segment(&mut self, a: Point, b: Point, edge: u32) {
        // Walk the segment in steps of half a cell, marking each cell once.
        let steps = (a.distance(b) / (self.cell * 0.5))
            .ceil()
            .clamp(1.0, 4096.0) as usize;
        let mut last = usize::MAX;
        for s in 0..=steps {
            let (x, y) = self.cell_of(a.lerp(b, s as f32 / steps as f32));
            let k = y * self.nx + x;
            if k != last && self.edges[k].last() != Some(&edge) {
                self.edges[k].push(edge);
            }
            last = k;
        }
    }

    /// The node under `p` (nearest centre wins), else the nearest edge within `tolerance`
    /// scene units of `p`.
    pub fn hit(&self, geometry: &DiagramGeometry, p: Point, tolerance: f32) -> Option<Hit> {
        if self.nx == 0 {
            return None;
        }
        let area = Rect::from_center_size(p, 2.0 * tolerance, 2.0 * tolerance);
        let (x0, y0) = self.cell_of(area.min);
        let (x1, y1) = self.cell_of(area.max);
        let mut best_node: Option<(f32, usize)> = None;
        let mut best_edge: Option<(f32, usize)> = None;
        for y in y0..=y1 {
            for x in x0..=x1 {
                let k = y * self.nx + x;
                for &n in &self.nodes[k] {
                    let node = &geometry.nodes[n as usize];
                    let d = node.center.distance(p);
                    if d <= node.radius + tolerance && best_node.is_none_or(|(bd, _)| d < bd) {
                        best_node = Some((d, n as usize));
                    }
                }
                for &e in &self.edges[k] {
                    let curve = &geometry.edges[e as usize];
                    let d = distance_to_curve(curve, p) - curve.width / 2.0;
                    if d <= tolerance && best_edge.is_none_or(|(bd, _)| d < bd) {
                        best_edge = Some((d, e as usize));
                    }
                }
            }
        }
        best_node
            .map(|(_, n)| Hit::Node(n))
            .or(best_edge.map(|(_, e)| Hit::Edge(e)))
    }
}

/// Distance from `p` to a lane's curve (flattened) and arrow.
pub fn distance_to_curve(curve: &EdgeCurve, p: Point) -> f32 {
    let mut points = curve.polyline(HIT_SEGMENTS);
    if let Some(arrow) = curve.arrow {
        points.push(arrow[0]);
    }
    points
        .windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

pub fn distance_to_segment(p: Point, a: Point, b: Point) -> f32 {
    let ab = b.sub(a);
    let len2 = ab.x * ab.x + ab.y * ab.y;
    let t = if len2 > 0.0 {
        ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2
    } else {
        0.0
    };
    p.distance(a.lerp(b, t.clamp(0.0, 1.0)))
}

/// Scale and offset fitting `content` (scene) into a `width`×`height` pixel box with `margin_px`
/// on every side: returns `(px_per_unit, top-left scene point)`.
pub fn fit(content: Rect, width: f32, height: f32, margin_px: f32) -> (f32, Point) {
    if content.is_empty() {
        return (1.0, Point::new(-width / 2.0, -height / 2.0));
    }
    let avail_w = (width - 2.0 * margin_px).max(1.0);
    let avail_h = (height - 2.0 * margin_px).max(1.0);
    let scale = (avail_w / content.width().max(1.0)).min(avail_h / content.height().max(1.0));
    let c = content.center();
    (
        scale,
        Point::new(c.x - width / 2.0 / scale, c.y - height / 2.0 / scale),
    )
}
