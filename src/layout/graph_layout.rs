//! Force-directed layout of the diagram's graph: `ForceAtlas2` with a Barnes–Hut quadtree.
//!
//! Why our own and not the MIT `fa2` crate (evaluated, v0.3): it has no pinned nodes, no node
//! sizes (FA2's "adjust sizes" that keeps discs apart), no extra springs for affiliations that
//! must pull without being edges, and it brings rayon into a 2-core app whose UI thread should
//! own its cores. The algorithm below follows the published FA2 (Jacomy et al. 2014): repulsion
//! `kr·(deg_i+1)(deg_j+1)/d`, linear attraction along edges, constant gravity, and the adaptive
//! global speed from swinging and traction.
//!
//! The layout is a state machine ([`LayoutStatus::InProgress`] → [`LayoutStatus::Finished`])
//! stepped within a time budget per frame ([`ForceLayout::run_for`]). Its result depends only
//! on the graph, the seed and the start positions, never on the frame budget: the same input
//! gives the same positions. Components of at most [`SMALL_COMPONENT`] nodes (isolated actors
//! included) are not simulated; they are packed in tidy rows under the main drawing.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::layout::geometry::Point;
use crate::layout::graph::{Graph, SplitMix};
use crate::model::ActorId;
use crate::theme;

/// Components with at most this many nodes are packed in rows instead of simulated.
pub const SMALL_COMPONENT: usize = 2;

/// Start radius as a multiple of `sqrt(kr · total mass)`.
const SPREAD: f32 = 1.0;

/// Tuning of the force layout. Defaults suit node radii of 6–26 scene units.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutSettings {
    pub seed: u64,
    /// FA2 repulsion constant `kr`; two leaves settle about `2·sqrt(kr)` apart.
    pub repulsion: f32,
    /// Strong gravity: the pull towards the centre at the start radius, per unit of mass.
    pub gravity: f32,
    /// Spring weight pulling a person towards their affiliation (drawn without an edge).
    pub affiliation_weight: f32,
    /// Barnes–Hut opening criterion: larger is faster and coarser.
    pub theta: f32,
    pub max_iterations: usize,
}

impl Default for LayoutSettings {
    fn default() -> Self {
        Self {
            seed: 42,
            repulsion: 900.0,
            gravity: 8.0,
            affiliation_weight: 4.0,
            theta: 1.5,
            max_iterations: 700,
        }
    }
}

/// Where the layout is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutStatus {
    InProgress { iteration: usize },
    Finished,
}

/// One cell of the Barnes–Hut quadtree.
#[derive(Clone, Copy, Debug)]
struct Cell {
    x: f32,
    y: f32,
    mass: f32,
    size: f32,
    /// Body range in `QuadTree::bodies` (leaves only).
    start: u32,
    end: u32,
    children: [u32; 4],
}

const NONE: u32 = u32::MAX;
const LEAF_BODIES: usize = 4;

#[derive(Default, Debug)]
struct QuadTree {
    cells: Vec<Cell>,
    bodies: Vec<u32>,
}

impl QuadTree {
    fn rebuild(&mut self, bodies: &[u32], pos: &[Point], mass: &[f32]) {
        self.cells.clear();
        self.bodies.clear();
        self.bodies.extend_from_slice(bodies);
        if bodies.is_empty() {
            return;
        }
        let (mut min, mut max) = (
            Point::new(f32::MAX, f32::MAX),
            Point::new(f32::MIN, f32::MIN),
        );
        for &b in bodies {
            let p = pos[b as usize];
            min = Point::new(min.x.min(p.x), min.y.min(p.y));
            max = Point::new(max.x.max(p.x), max.y.max(p.y));
        }
        let size = (max.x - min.x).max(max.y - min.y).max(1.0) * 1.0001;
        let len = self.bodies.len();
        self.build(0, len, min, size, pos, mass, 0);
    }

    #[allow(clippy::too_many_arguments)]
    #[allow(
        clippy::many_single_char_names,
        reason = "geometry formulas read best with their usual letters"
    )]
    fn build(
        &mut self,
        start: usize,
        end: usize,
        min: Point,
        size: f32,
        pos: &[Point],
        mass: &[f32],
        depth: u32,
    ) -> u32 {
        let index = self.cells.len() as u32;
        let (mut m, mut x, mut y) = (0.0, 0.0, 0.0);
        for &b in &self.bodies[start..end] {
            let p = pos[b as usize];
            let w = mass[b as usize];
            m += w;
            x += p.x * w;
            y += p.y * w;
        }
        self.cells.push(Cell {
            x: x / m,
            y: y / m,
            mass: m,
            size,
            start: start as u32,
            end: end as u32,
            children: [NONE; 4],
        });
        if end - start <= LEAF_BODIES || depth > 24 {
            return index;
        }
        let half = size / 2.0;
        let (mx, my) = (min.x + half, min.y + half);
        let quadrant = |p: Point| usize::from(p.x >= mx) + 2 * usize::from(p.y >= my);
        // Counting sort of the range by quadrant.
        let mut counts = [0usize; 4];
        for &b in &self.bodies[start..end] {
            counts[quadrant(pos[b as usize])] += 1;
        }
        let mut offsets = [start; 4];
        for q in 1..4 {
            offsets[q] = offsets[q - 1] + counts[q - 1];
        }
        let mut sorted = vec![0u32; end - start];
        let mut fill = offsets;
        for &b in &self.bodies[start..end] {
            let q = quadrant(pos[b as usize]);
            sorted[fill[q] - start] = b;
            fill[q] += 1;
        }
        self.bodies[start..end].copy_from_slice(&sorted);
        let mut children = [NONE; 4];
        for q in 0..4 {
            if counts[q] > 0 {
                let cmin = Point::new(
                    if q & 1 == 1 { mx } else { min.x },
                    if q & 2 == 2 { my } else { min.y },
                );
                children[q] = self.build(
                    offsets[q],
                    offsets[q] + counts[q],
                    cmin,
                    half,
                    pos,
                    mass,
                    depth + 1,
                );
            }
        }
        self.cells[index as usize].children = children;
        index
    }
}

/// A `ForceAtlas2` layout in progress. Per-view state, never saved (positions are saved by id).
#[derive(Debug)]
pub struct ForceLayout {
    ids: Vec<ActorId>,
    positions: Vec<Point>,
    radii: Vec<f32>,
    mass: Vec<f32>,
    pinned: Vec<bool>,
    /// Springs `(i, j, weight)`: edges and affiliations.
    springs: Vec<(usize, usize, f32)>,
    /// Nodes moved by forces (big components).
    simulated: Vec<u32>,
    /// The simulated components, biggest first: FA2's gravity cannot hold separate components
    /// together (the big one's repulsion outweighs it), so the others are packed beside it.
    groups: Vec<Vec<usize>>,
    /// Small components, packed in rows in this order.
    small: Vec<Vec<usize>>,
    forces: Vec<Point>,
    old_forces: Vec<Point>,
    speed: f32,
    speed_efficiency: f32,
    iteration: usize,
    calm: usize,
    last_iteration: usize,
    /// Radius the layout started with (about FA2's equilibrium size).
    spread: f32,
    status: LayoutStatus,
    settings: LayoutSettings,
    tree: QuadTree,
}

/// Union-find root with path halving.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// FNV-1a of an id, so start positions do not depend on the order of actors.
fn id_hash(id: &ActorId, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in id.as_str().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl ForceLayout {
    /// Starts a layout of `graph`. Nodes found in `previous` start there (so changing a filter
    /// does not reshuffle the drawing); nodes in `pins` are pinned at those positions.
    pub fn new(
        graph: &Graph,
        settings: LayoutSettings,
        previous: &HashMap<ActorId, Point>,
        pins: &HashMap<ActorId, Point>,
    ) -> Self {
        let n = graph.nodes.len();
        let degrees = graph.degrees();
        let mut springs: Vec<(usize, usize, f32)> = graph
            .edges
            .iter()
            .map(|e| (e.a, e.b, 1.0 + 0.25 * (e.evidence() as f32).ln()))
            .collect();
        // One affiliation spring per pair, even when two actors name each other.
        let mut affiliated = std::collections::BTreeSet::new();
        for (i, node) in graph.nodes.iter().enumerate() {
            if let Some(j) = node.affiliation
                && affiliated.insert((i.min(j), i.max(j)))
            {
                springs.push((i, j, settings.affiliation_weight));
            }
        }
        let mut link_degree = degrees.clone();
        for node in graph.nodes.iter().filter_map(|n| n.affiliation) {
            link_degree[node] += 1;
        }

        // Components over edges and affiliations.
        let mut parent: Vec<usize> = (0..n).collect();
        for &(a, b, _) in &springs {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..n {
            let r = root(&mut parent, i);
            members.entry(r).or_default().push(i);
        }
        let mut components: Vec<Vec<usize>> = members.into_values().collect();
        components.sort_by_key(|c| c[0]);
        let mut simulated = Vec::new();
        let mut small = Vec::new();
        let mut groups = Vec::new();
        for c in components {
            if c.len() <= SMALL_COMPONENT {
                small.push(c);
            } else {
                simulated.extend(c.iter().map(|&i| i as u32));
                groups.push(c);
            }
        }
        simulated.sort_unstable();
        // The biggest component first: the others are packed around it.
        groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        // Bigger small components first, then by kind and name: a tidy, stable order.
        small.sort_by(|a, b| {
            b.len().cmp(&a.len()).then_with(|| {
                let key = |c: &Vec<usize>| (graph.nodes[c[0]].kind, graph.nodes[c[0]].name.clone());
                key(a).cmp(&key(b))
            })
        });

        // Start near FA2's equilibrium size, which grows with the total mass, so the first
        // hundreds of iterations are not spent expanding.
        let total_mass: f32 = simulated
            .iter()
            .map(|&i| link_degree[i as usize] as f32 + 1.0)
            .sum();
        let spread = settings.repulsion.sqrt() * total_mass.max(1.0).sqrt() * SPREAD;
        let mut positions = vec![Point::default(); n];
        let mut placed = vec![false; n];
        for (i, node) in graph.nodes.iter().enumerate() {
            if let Some(p) = pins
                .get(&node.id)
                .or_else(|| previous.get(&node.id))
                .filter(|p| p.x.is_finite() && p.y.is_finite())
            {
                positions[i] = *p;
                placed[i] = true;
            }
        }
        // Unplaced affiliations first, then the people near them.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| graph.nodes[i].affiliation.is_some());
        for i in order {
            if placed[i] {
                continue;
            }
            let mut rng = SplitMix::new(id_hash(&graph.nodes[i].id, settings.seed));
            let angle = rng.next_f32() * std::f32::consts::TAU;
            let (centre, r) = match graph.nodes[i].affiliation {
                Some(j) if placed[j] => (positions[j], settings.repulsion.sqrt()),
                _ => (Point::default(), spread * rng.next_f32().sqrt()),
            };
            positions[i] = Point::new(centre.x + r * angle.cos(), centre.y + r * angle.sin());
            placed[i] = true;
        }

        let mut pinned = vec![false; n];
        for (i, node) in graph.nodes.iter().enumerate() {
            pinned[i] = pins.contains_key(&node.id);
        }
        let mut layout = Self {
            ids: graph.nodes.iter().map(|n| n.id.clone()).collect(),
            positions,
            radii: graph
                .nodes
                .iter()
                .map(|n| theme::node_radius(n.mentions))
                .collect(),
            mass: link_degree.iter().map(|&d| d as f32 + 1.0).collect(),
            pinned,
            springs,
            simulated,
            groups,
            small,
            forces: vec![Point::default(); n],
            old_forces: vec![Point::default(); n],
            speed: 1.0,
            speed_efficiency: 1.0,
            iteration: 0,
            calm: 0,
            last_iteration: settings.max_iterations,
            spread,
            status: LayoutStatus::InProgress { iteration: 0 },
            settings,
            tree: QuadTree::default(),
        };
        layout.pack_small();
        if layout.simulated.is_empty() {
            layout.status = LayoutStatus::Finished;
        }
        layout
    }

    pub fn status(&self) -> LayoutStatus {
        self.status
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> usize {
        self.iteration
    }

    pub fn is_finished(&self) -> bool {
        self.status == LayoutStatus::Finished
    }

    /// Positions by node index (scene units).
    pub fn positions(&self) -> &[Point] {
        &self.positions
    }

    /// Positions by actor id, for saving with the project and for exports.
    pub fn positions_by_id(&self) -> HashMap<ActorId, Point> {
        self.ids
            .iter()
            .cloned()
            .zip(self.positions.iter().copied())
            .collect()
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Moves `node` to `at` and pins it; the rest of the layout adapts for a while.
    pub fn pin(&mut self, node: usize, at: Point) {
        if node >= self.positions.len() {
            return;
        }
        self.positions[node] = at;
        self.pinned[node] = true;
        self.reheat(80);
    }

    /// Lets `node` move again.
    pub fn unpin(&mut self, node: usize) {
        if let Some(p) = self.pinned.get_mut(node) {
            *p = false;
            self.reheat(80);
        }
    }

    fn reheat(&mut self, iterations: usize) {
        if self.simulated.is_empty() {
            self.pack_small();
            return;
        }
        self.last_iteration = self.last_iteration.max(self.iteration + iterations);
        self.calm = 0;
        self.speed = self.speed.min(1.0);
        self.status = LayoutStatus::InProgress {
            iteration: self.iteration,
        };
    }

    /// Runs iterations until finished or `budget` is spent; returns whether anything moved.
    pub fn run_for(&mut self, budget: Duration) -> bool {
        let start = Instant::now();
        let mut moved = false;
        while !self.is_finished() {
            self.step();
            moved = true;
            if start.elapsed() >= budget {
                break;
            }
        }
        moved
    }

    /// Runs to the end (exports, tests, benchmarks).
    pub fn run_to_end(&mut self) {
        while !self.is_finished() {
            self.step();
        }
    }

    /// One FA2 iteration; finishes the layout when it has calmed down.
    pub fn step(&mut self) {
        if self.is_finished() {
            return;
        }
        std::mem::swap(&mut self.forces, &mut self.old_forces);
        for f in &mut self.forces {
            *f = Point::default();
        }
        self.repulsion();
        self.attraction_and_gravity();
        let mean_move = self.apply_forces();
        self.iteration += 1;
        let scale = self.settings.repulsion.sqrt();
        let extent = self.tree.cells.first().map_or(0.0, |c| c.size);
        if mean_move < (0.01 * scale).max(0.0006 * extent) {
            self.calm += 1;
        } else {
            self.calm = 0;
        }
        if self.calm >= 10 || self.iteration >= self.last_iteration {
            self.remove_overlaps();
            self.align_to_screen();
            self.pack_components();
            self.pack_small();
            self.status = LayoutStatus::Finished;
        } else {
            self.align_to_screen();
            self.pack_components();
            self.pack_small();
            self.status = LayoutStatus::InProgress {
                iteration: self.iteration,
            };
        }
    }

    #[allow(
        clippy::many_single_char_names,
        reason = "geometry formulas read best with their usual letters"
    )]
    fn repulsion(&mut self) {
        let kr = self.settings.repulsion;
        let theta2 = self.settings.theta * self.settings.theta;
        self.tree
            .rebuild(&self.simulated, &self.positions, &self.mass);
        if self.tree.cells.is_empty() {
            return;
        }
        let mut stack: Vec<u32> = Vec::with_capacity(64);
        for &body in &self.simulated {
            let i = body as usize;
            let p = self.positions[i];
            let (mi, ri) = (self.mass[i], self.radii[i]);
            let mut f = Point::default();
            stack.clear();
            stack.push(0);
            while let Some(c) = stack.pop() {
                let cell = self.tree.cells[c as usize];
                let leaf = cell.children == [NONE; 4];
                if leaf {
                    for &other in &self.tree.bodies[cell.start as usize..cell.end as usize] {
                        let j = other as usize;
                        if j == i {
                            continue;
                        }
                        let q = self.positions[j];
                        let (mut dx, mut dy) = (p.x - q.x, p.y - q.y);
                        let mut d = (dx * dx + dy * dy).sqrt();
                        if d < 1e-3 {
                            // Coincident nodes: a fixed, index-based direction.
                            let a = (i * 7 + j * 13) as f32;
                            (dx, dy, d) = (a.cos(), a.sin(), 1.0);
                        }
                        // FA2 "adjust sizes": distance between borders, strong when touching.
                        let gap = d - ri - self.radii[j] - 4.0;
                        let strength = if gap > 0.0 {
                            kr * mi * self.mass[j] / gap
                        } else {
                            100.0 * kr * mi * self.mass[j]
                        };
                        f.x += dx / d * strength;
                        f.y += dy / d * strength;
                    }
                    continue;
                }
                let (dx, dy) = (p.x - cell.x, p.y - cell.y);
                let d2 = dx * dx + dy * dy;
                if cell.size * cell.size < theta2 * d2 {
                    let strength = kr * mi * cell.mass / d2;
                    f.x += dx * strength;
                    f.y += dy * strength;
                } else {
                    stack.extend(cell.children.iter().copied().filter(|&ch| ch != NONE));
                }
            }
            self.forces[i] = f;
        }
    }

    fn attraction_and_gravity(&mut self) {
        let gravity = self.settings.gravity;
        // Gravity pulls towards the origin, so pinned nodes keep a fixed frame of reference. It is
        // FA2's "strong gravity", growing with the distance: with the constant kind, a chain of
        // clusters (articles linked by one shared actor) stretches into a long tail.
        for &b in &self.simulated {
            let i = b as usize;
            let p = self.positions[i];
            let d = (p.x * p.x + p.y * p.y).sqrt();
            if d > 0.01 {
                let g = gravity * self.mass[i] / self.spread.max(1.0);
                self.forces[i].x -= p.x * g;
                self.forces[i].y -= p.y * g;
            }
        }
        for &(a, b, w) in &self.springs {
            let (pa, pb) = (self.positions[a], self.positions[b]);
            let (dx, dy) = ((pb.x - pa.x) * w, (pb.y - pa.y) * w);
            self.forces[a].x += dx;
            self.forces[a].y += dy;
            self.forces[b].x -= dx;
            self.forces[b].y -= dy;
        }
    }

    /// FA2's adaptive speed; returns the mean displacement of the moving nodes.
    fn apply_forces(&mut self) -> f32 {
        let (mut swinging, mut traction) = (0.0f32, 0.0f32);
        for &b in &self.simulated {
            let i = b as usize;
            let (f, o) = (self.forces[i], self.old_forces[i]);
            let sw = ((f.x - o.x).powi(2) + (f.y - o.y).powi(2)).sqrt();
            let tr = ((f.x + o.x).powi(2) + (f.y + o.y).powi(2)).sqrt() / 2.0;
            swinging += self.mass[i] * sw;
            traction += self.mass[i] * tr;
        }
        let n = self.simulated.len() as f32;
        let estimated = 0.05 * n.sqrt();
        let min_jt = estimated.sqrt();
        let mut jitter = min_jt.max(10.0f32.min(estimated * traction / (n * n)));
        if traction > 0.0 && swinging / traction > 2.0 {
            if self.speed_efficiency > 0.05 {
                self.speed_efficiency *= 0.5;
            }
            jitter = jitter.max(1.0);
        }
        let target = if swinging > 0.0 {
            jitter * self.speed_efficiency * traction / swinging
        } else {
            self.speed
        };
        if swinging > jitter * traction {
            if self.speed_efficiency > 0.05 {
                self.speed_efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.speed_efficiency *= 1.3;
        }
        self.speed += (target - self.speed).min(0.5 * self.speed);

        // Nodes may move up to 1% of the drawing's size per iteration.
        let extent = self.tree.cells.first().map_or(0.0, |c| c.size);
        // (Bounded by the start size so a drawing cannot feed its own growth.)
        let cap = self
            .settings
            .repulsion
            .sqrt()
            .max(0.01 * extent.min(4.0 * self.spread));
        let mut total = 0.0;
        for &b in &self.simulated {
            let i = b as usize;
            if self.pinned[i] {
                continue;
            }
            let (f, o) = (self.forces[i], self.old_forces[i]);
            let sw = self.mass[i] * ((f.x - o.x).powi(2) + (f.y - o.y).powi(2)).sqrt();
            let factor = 0.1 * self.speed / (1.0 + (self.speed * sw).sqrt());
            let (mut dx, mut dy) = (f.x * factor, f.y * factor);
            let len = (dx * dx + dy * dy).sqrt();
            if len > cap {
                dx *= cap / len;
                dy *= cap / len;
            }
            if dx.is_finite() && dy.is_finite() {
                self.positions[i].x += dx;
                self.positions[i].y += dy;
                total += len.min(cap);
            }
        }
        total / n.max(1.0)
    }

    /// Pushes apart simulated nodes whose discs still overlap (a few grid-bucketed passes).
    fn remove_overlaps(&mut self) {
        let margin = 4.0;
        let max_r = self.radii.iter().copied().fold(0.0f32, f32::max);
        let cell = 2.0 * max_r + margin;
        for _ in 0..12 {
            let mut grid: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
            for &b in &self.simulated {
                let p = self.positions[b as usize];
                grid.entry(((p.x / cell).floor() as i32, (p.y / cell).floor() as i32))
                    .or_default()
                    .push(b as usize);
            }
            let mut moved = false;
            for &b in &self.simulated {
                let i = b as usize;
                let p = self.positions[i];
                let (gx, gy) = ((p.x / cell).floor() as i32, (p.y / cell).floor() as i32);
                for ox in -1..=1 {
                    for oy in -1..=1 {
                        let key = (gx.saturating_add(ox), gy.saturating_add(oy));
                        let Some(bucket) = grid.get(&key) else {
                            continue;
                        };
                        for &j in bucket {
                            if j <= i {
                                continue;
                            }
                            let (pi, pj) = (self.positions[i], self.positions[j]);
                            let (dx, dy) = (pj.x - pi.x, pj.y - pi.y);
                            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
                            let overlap = self.radii[i] + self.radii[j] + margin - d;
                            if overlap <= 0.0 {
                                continue;
                            }
                            let (ux, uy) = if d > 1e-3 {
                                (dx / d, dy / d)
                            } else {
                                (1.0, 0.0)
                            };
                            let (wi, wj) = match (self.pinned[i], self.pinned[j]) {
                                (true, true) => continue,
                                (true, false) => (0.0, 1.0),
                                (false, true) => (1.0, 0.0),
                                (false, false) => (0.5, 0.5),
                            };
                            self.positions[i].x -= ux * overlap * wi;
                            self.positions[i].y -= uy * overlap * wi;
                            self.positions[j].x += ux * overlap * wj;
                            self.positions[j].y += uy * overlap * wj;
                            moved = true;
                        }
                    }
                }
            }
            if !moved {
                break;
            }
        }
    }

    /// Turns the drawing so that its long axis lies horizontally, as screens and slides do. The
    /// forces do not depend on direction, so this only changes the view; it runs every step,
    /// where the turn is small once the drawing has found its shape. Not while the user has
    /// pinned a node: pins fix the frame.
    fn align_to_screen(&mut self) {
        if self.pinned.iter().any(|&p| p) {
            return;
        }
        let Some(main) = self.groups.first() else {
            return;
        };
        let n = main.len() as f32;
        if n < 3.0 {
            return;
        }
        let (mut cx, mut cy) = (0.0f32, 0.0f32);
        for &i in main {
            cx += self.positions[i].x;
            cy += self.positions[i].y;
        }
        let (cx, cy) = (cx / n, cy / n);
        let (mut sxx, mut syy, mut sxy) = (0.0f32, 0.0f32, 0.0f32);
        for &i in main {
            let (dx, dy) = (self.positions[i].x - cx, self.positions[i].y - cy);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        // Only turn a clearly elongated drawing: a round one has no long axis to keep steady.
        let spread = (sxx - syy).hypot(2.0 * sxy);
        if spread < 0.2 * (sxx + syy) {
            return;
        }
        let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
        if angle.abs() < 1e-4 {
            return;
        }
        let (sin, cos) = (-angle).sin_cos();
        for &b in &self.simulated {
            let i = b as usize;
            let (dx, dy) = (self.positions[i].x - cx, self.positions[i].y - cy);
            self.positions[i] = Point::new(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
        }
    }

    /// The bounding box of some nodes, with their radii: (min, max).
    fn bounds(&self, nodes: impl Iterator<Item = usize>) -> (Point, Point) {
        let (mut min, mut max) = (
            Point::new(f32::MAX, f32::MAX),
            Point::new(f32::MIN, f32::MIN),
        );
        for i in nodes {
            let (p, r) = (self.positions[i], self.radii[i]);
            min = Point::new(min.x.min(p.x - r), min.y.min(p.y - r));
            max = Point::new(max.x.max(p.x + r), max.y.max(p.y + r));
        }
        (min, max)
    }

    /// Moves every simulated component but the biggest, whole, into rows beside and below it,
    /// so that separate stories of a corpus sit together instead of drifting apart. Components
    /// with a pinned node stay where the user put them.
    fn pack_components(&mut self) {
        let Some((main, rest)) = self.groups.split_first() else {
            return;
        };
        if rest.is_empty() {
            return;
        }
        let (min, max) = self.bounds(main.iter().copied());
        let gap = 2.0 * theme::NODE_MAX_RADIUS + 60.0;
        let boxes: Vec<(Point, Point)> = rest
            .iter()
            .map(|c| self.bounds(c.iter().copied()))
            .collect();
        let widest = boxes.iter().map(|(a, b)| b.x - a.x).fold(0.0f32, f32::max);
        // Rows as wide as the main drawing, or wide enough to keep the whole near square.
        let area: f32 = boxes
            .iter()
            .map(|(a, b)| (b.x - a.x + gap) * (b.y - a.y + gap))
            .sum::<f32>()
            + (max.x - min.x) * (max.y - min.y);
        let row_width = (max.x - min.x).max(area.sqrt()).max(widest);

        let (mut x, mut y, mut row_height) = (0.0f32, max.y + gap, 0.0f32);
        for (c, (lo, hi)) in rest.iter().zip(&boxes) {
            let (w, h) = (hi.x - lo.x, hi.y - lo.y);
            if x > 0.0 && x + w > row_width {
                x = 0.0;
                y += row_height + gap;
                row_height = 0.0;
            }
            if !c.iter().any(|&i| self.pinned[i]) {
                let (dx, dy) = (min.x + x - lo.x, y - lo.y);
                for &i in c {
                    self.positions[i] =
                        Point::new(self.positions[i].x + dx, self.positions[i].y + dy);
                }
            }
            x += w + gap;
            row_height = row_height.max(h);
        }
    }

    /// Places small components in rows below the simulated part (pinned nodes stay).
    fn pack_small(&mut self) {
        if self.small.is_empty() {
            return;
        }
        let (mut min, mut max) = (
            Point::new(f32::MAX, f32::MAX),
            Point::new(f32::MIN, f32::MIN),
        );
        for &b in &self.simulated {
            let (p, r) = (self.positions[b as usize], self.radii[b as usize]);
            min = Point::new(min.x.min(p.x - r), min.y.min(p.y - r));
            max = Point::new(max.x.max(p.x + r), max.y.max(p.y + r));
        }
        let count: usize = self.small.iter().map(Vec::len).sum();
        // Room for a label beside each node.
        let pitch = 2.0 * theme::NODE_MAX_RADIUS + 90.0;
        let row_width = if self.simulated.is_empty() {
            (count as f32).sqrt().ceil() * pitch
        } else {
            (max.x - min.x).max(4.0 * pitch)
        };
        let (left, top) = if self.simulated.is_empty() {
            (-row_width / 2.0, 0.0)
        } else {
            (min.x, max.y + 2.0 * pitch / 3.0)
        };
        let (mut x, mut y) = (0.0f32, 0.0f32);
        let row_height = 2.0 * theme::NODE_MAX_RADIUS + 24.0;
        for component in &self.small {
            let width = component.len() as f32 * pitch;
            if x > 0.0 && x + width > row_width {
                x = 0.0;
                y += row_height;
            }
            for (k, &i) in component.iter().enumerate() {
                if !self.pinned[i] {
                    self.positions[i] = Point::new(
                        left + x + (k as f32 + 0.5) * pitch,
                        top + y + row_height / 2.0,
                    );
                }
            }
            x += width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::graph::{build_graph, synthetic_model};
    use crate::ui::state::ViewSettings;

    #[test]
    fn quadtree_mass_is_conserved() {
        let pos: Vec<Point> = (0..50)
            .map(|i| Point::new((i * 37 % 101) as f32, (i * 53 % 97) as f32))
            .collect();
        let mass = vec![2.0; 50];
        let bodies: Vec<u32> = (0..50).collect();
        let mut tree = QuadTree::default();
        tree.rebuild(&bodies, &pos, &mass);
        assert!((tree.cells[0].mass - 100.0).abs() < 1e-3);
        let mut sorted = tree.bodies.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, bodies);
    }

    #[test]
    fn layout_finishes_and_keeps_nodes_apart() {
        let model = synthetic_model(120, 300, 3);
        let graph = build_graph(&model, &ViewSettings::default());
        let mut layout = ForceLayout::new(
            &graph,
            LayoutSettings::default(),
            &HashMap::new(),
            &HashMap::new(),
        );
        layout.run_to_end();
        assert!(layout.is_finished());
        let p = layout.positions();
        assert!(p.iter().all(|q| q.x.is_finite() && q.y.is_finite()));
    }
}
