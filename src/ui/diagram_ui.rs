//! The actor-relationship diagram view: paints the layout's geometry with egui and turns
//! pointer and keys into camera moves, pins and [`Command`]s.
//!
//! Pan by dragging the background, zoom with the wheel, a pinch or `+`/`-`, `F` fits all.
//! Drag a node to move and pin it; the context menu unpins, re-lays out and fits. Hover shows
//! an actor's or a relation's details, click selects (the app's single selection). The layout
//! runs within a per-frame budget and the view repaints only while it moves.
//!
//! The diagram takes keyboard focus by a click or by Tab from the controls above it (a ring
//! shows it). With focus:
//!
//! | key | action |
//! |---|---|
//! | Tab / Shift+Tab | select the next / previous actor, most mentioned first |
//! | Home / End | select the most / least mentioned actor |
//! | arrows | with an actor selected: select the nearest actor that way; otherwise pan |
//! | Shift+arrows | pan |
//! | Enter | centre the view on the selection |
//! | Esc | clear the selection; with nothing selected, leave the diagram (Tab moves on again) |
//!
//! Only actors the filters show are reached. Whenever the selection becomes an actor whose node
//! is off screen (from these keys or any other view), the view pans just enough to show it.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui::{
    self, Color32, CornerRadius, EventFilter, FontId, Key, Mesh, Modifiers, Pos2, Rect as ERect,
    Sense, Shape, Stroke, StrokeKind, Vec2,
};

use crate::layout::geometry::{
    DiagramGeometry, EdgeCurve, Emphasis, Hit, LabelBox, LegendLayout, Point, Rect, SpatialIndex,
    Swatch, legend_entries, legend_layout, place_labels,
};
use crate::layout::graph::{Graph, build_graph};
use crate::layout::graph_layout::{ForceLayout, LayoutSettings};
use crate::model::ActorId;
use crate::theme::{self, DashStyle, NodeShape, Rgba, Theme};
use crate::ui::state::{AppState, Command, Focus, Item, ViewSettings};

/// Converts a theme colour to egui's (premultiplied) colour.
pub fn color32(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, c.a)
}

/// Time the layout may take per frame.
const LAYOUT_BUDGET: Duration = Duration::from_millis(4);
/// Largest and smallest zoom (screen pixels per scene unit).
const MAX_ZOOM: f32 = 8.0;
const MIN_ZOOM: f32 = 0.005;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    Pan,
    Node(usize),
}

/// The part of the view settings that changes the graph (not the theme or focus).
fn graph_key(view: &ViewSettings) -> ViewSettings {
    ViewSettings {
        dark: false,
        focus: Focus::Off,
        ..view.clone()
    }
}

/// The diagram's per-view state: camera, layout, cached geometry and interaction. Per-frame
/// and per-session; positions and pins are what a project would save (see
/// [`DiagramView::positions`]).
pub struct DiagramView {
    /// Scene point at the centre of the view.
    pub center: Point,
    /// Screen pixels per scene unit.
    pub zoom: f32,
    pub seed: u64,
    key: Option<(u64, ViewSettings)>,
    graph: Graph,
    layout: Option<ForceLayout>,
    geometry: DiagramGeometry,
    geometry_dark: bool,
    geometry_generation: u64,
    index: Option<SpatialIndex>,
    labels: Vec<LabelBox>,
    /// (zoom, geometry generation, the scene area labels were placed for).
    labels_key: Option<(f32, u64, Rect)>,
    emphasis: Emphasis,
    emphasis_key: Option<(Option<Item>, Focus, u64)>,
    emphasis_generation: u64,
    edge_meshes: Option<(EdgeMeshKey, Arc<Mesh>, Arc<Mesh>)>,
    pins: HashMap<ActorId, Point>,
    positions: HashMap<ActorId, Point>,
    drag: Option<Drag>,
    auto_fit: bool,
    fit_requested: bool,
    context_node: Option<usize>,
    /// The search box's text.
    pub search: String,
    last_rect: ERect,
    last_zoom: f32,
    /// The selection the camera last followed (see [`DiagramView::scroll_into_view`]).
    followed: Option<Item>,
}

impl Default for DiagramView {
    fn default() -> Self {
        Self {
            center: Point::default(),
            zoom: 1.0,
            seed: LayoutSettings::default().seed,
            key: None,
            graph: Graph::default(),
            layout: None,
            geometry: DiagramGeometry::default(),
            geometry_dark: false,
            geometry_generation: 0,
            index: None,
            labels: Vec::new(),
            labels_key: None,
            emphasis: Emphasis::default(),
            emphasis_key: None,
            emphasis_generation: 0,
            edge_meshes: None,
            pins: HashMap::new(),
            positions: HashMap::new(),
            drag: None,
            auto_fit: true,
            fit_requested: false,
            context_node: None,
            search: String::new(),
            last_rect: ERect::NOTHING,
            last_zoom: 1.0,
            followed: None,
        }
    }
}

impl DiagramView {
    /// Node positions by actor id (scene units): for saving with a project and for exports.
    pub fn positions(&self) -> &HashMap<ActorId, Point> {
        &self.positions
    }

    /// Pinned nodes by actor id.
    pub fn pins(&self) -> &HashMap<ActorId, Point> {
        &self.pins
    }

    /// Restores positions and pins (e.g. from a project); the layout restarts from them.
    pub fn set_positions(
        &mut self,
        positions: HashMap<ActorId, Point>,
        pins: HashMap<ActorId, Point>,
    ) {
        self.positions = positions;
        self.pins = pins;
        self.key = None;
    }

    /// Whether the layout is still moving.
    pub fn is_settling(&self) -> bool {
        self.layout.as_ref().is_some_and(|l| !l.is_finished())
    }

    /// The graph currently drawn.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// The geometry currently drawn.
    pub fn geometry(&self) -> &DiagramGeometry {
        &self.geometry
    }

    /// Screen position of a scene point, for the last drawn rectangle.
    pub fn screen_from_scene(&self, p: Point) -> Pos2 {
        let c = self.last_rect.center();
        Pos2::new(
            c.x + (p.x - self.center.x) * self.zoom,
            c.y + (p.y - self.center.y) * self.zoom,
        )
    }

    pub fn scene_from_screen(&self, p: Pos2) -> Point {
        let c = self.last_rect.center();
        Point::new(
            self.center.x + (p.x - c.x) / self.zoom,
            self.center.y + (p.y - c.y) / self.zoom,
        )
    }

    /// The current view as an export extent ("current view" in the export dialog).
    pub fn export_extent(&self) -> crate::export::image::Extent {
        crate::export::image::Extent::View {
            center: self.center,
            px_per_unit: self.zoom,
        }
    }

    /// Asks for a fit to all on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    /// Restarts the layout from scratch (pins kept).
    pub fn relayout(&mut self) {
        self.positions.retain(|id, _| self.pins.contains_key(id));
        self.key = None;
        self.auto_fit = true;
    }

    /// Centres the view on an actor.
    pub fn center_on(&mut self, id: &ActorId) {
        if let Some(i) = self.graph.node_index(id)
            && let Some(n) = self.geometry.nodes.get(i)
        {
            self.center = n.center;
            self.zoom = self.zoom.max(1.0);
            self.auto_fit = false;
        }
    }

    /// The node showing the selected actor: its own, or the one it is folded into.
    fn selected_node(&self, selection: Option<&Item>) -> Option<usize> {
        let Some(Item::Actor(id)) = selection else {
            return None;
        };
        self.graph
            .node_index(id)
            .or_else(|| self.graph.nodes.iter().position(|n| n.members.contains(id)))
    }

    /// The scene point the selection sits at: an actor's node, or the middle of a relation's
    /// two actors.
    fn selection_point(&self, selection: Option<&Item>) -> Option<Point> {
        let node = |i: usize| self.geometry.nodes.get(i).map(|n| n.center);
        match selection? {
            Item::Actor(_) => node(self.selected_node(selection)?),
            Item::Relation(id) => {
                let r = self.graph.relations.iter().find(|r| &r.id == id)?;
                Some(node(r.source)?.lerp(node(r.target)?, 0.5))
            }
            _ => None,
        }
    }

    /// Pans the least so that node `i` sits well inside `rect`; a no-op when the node is
    /// already wholly on screen.
    fn scroll_into_view(&mut self, i: usize, rect: ERect) {
        let Some(n) = self.geometry.nodes.get(i) else {
            return;
        };
        let r = n.radius * self.zoom;
        let c = self.screen_from_scene(n.center);
        let half = (rect.width().min(rect.height()) / 2.0 - 1.0).max(0.0);
        if rect.shrink((r + 4.0).min(half)).contains(c) {
            return;
        }
        let inner = rect.shrink((r + 60.0).min(half));
        let target = c.clamp(inner.min, inner.max);
        let d = c - target;
        self.center = self
            .center
            .add(Point::new(d.x / self.zoom, d.y / self.zoom));
        self.auto_fit = false;
    }

    /// Brings the view up to date and runs the layout to the end (tests, benchmarks, exports
    /// of a view never shown).
    pub fn settle(&mut self, state: &AppState) {
        self.update(state, Duration::from_secs(3600));
    }

    /// Brings graph, layout and geometry up to date with the state; steps the layout.
    /// Returns whether anything moved.
    pub fn update(&mut self, state: &AppState, budget: Duration) -> bool {
        let key = (state.model_generation, graph_key(&state.view));
        let mut moved = false;
        if self.key.as_ref() != Some(&key) {
            self.graph = build_graph(&state.model, &state.view);
            let settings = LayoutSettings {
                seed: self.seed,
                ..LayoutSettings::default()
            };
            self.layout = Some(ForceLayout::new(
                &self.graph,
                settings,
                &self.positions,
                &self.pins,
            ));
            self.key = Some(key);
            self.context_node = None;
            self.drag = None;
            moved = true;
        }
        if let Some(layout) = &mut self.layout {
            moved |= layout.run_for(budget);
        }
        if moved || self.geometry_dark != state.view.dark {
            self.rebuild_geometry(state.view.dark);
        }
        moved
    }

    fn rebuild_geometry(&mut self, dark: bool) {
        let Some(layout) = &self.layout else {
            return;
        };
        self.geometry =
            DiagramGeometry::build(&self.graph, layout.positions(), &Theme::for_dark(dark));
        self.geometry_dark = dark;
        self.geometry_generation += 1;
        self.index = None;
        for (node, p) in self.graph.nodes.iter().zip(layout.positions()) {
            self.positions.insert(node.id.clone(), *p);
        }
    }

    fn fit(&mut self, rect: ERect) {
        let mut bounds = self.geometry.bounds;
        if bounds.is_empty() {
            self.center = Point::default();
            self.zoom = 1.0;
            return;
        }
        // The legend keeps a column on the right when there is room for one, so it covers
        // nothing after a fit.
        let legend = legend_layout(legend_entries(&Theme::light()), theme::LEGEND_FONT_PX);
        let legend_px = if rect.width() > 3.0 * legend.width {
            legend.width + 20.0
        } else {
            0.0
        };
        let width = rect.width() - legend_px;
        let margin = 16.0;
        let fit_zoom = |b: Rect| {
            crate::layout::geometry::fit(b, width, rect.height(), margin)
                .0
                .clamp(MIN_ZOOM, 2.0)
        };
        let mut zoom = fit_zoom(bounds);
        // Labels are in pixels: fit once more with the labels they get at that zoom (small
        // diagrams only; a big one is fitted on its nodes).
        if self.geometry.nodes.len() <= 500 {
            for _ in 0..2 {
                let labels = place_labels(&self.geometry, zoom, theme::LABEL_FONT_PX, None, &[]);
                bounds = labels
                    .iter()
                    .fold(self.geometry.bounds, |b, l| b.union(l.rect));
                zoom = fit_zoom(bounds);
            }
        }
        self.zoom = zoom;
        let c = bounds.center();
        self.center = Point::new(c.x + legend_px / 2.0 / zoom, c.y);
    }

    fn hit(&mut self, p: Pos2) -> Option<Hit> {
        let settling = self.is_settling();
        let geometry = &self.geometry;
        let index = self.index.get_or_insert_with(|| {
            if settling {
                SpatialIndex::nodes_only(geometry)
            } else {
                SpatialIndex::new(geometry)
            }
        });
        let scene = Point::new(
            self.center.x + (p.x - self.last_rect.center().x) / self.zoom,
            self.center.y + (p.y - self.last_rect.center().y) / self.zoom,
        );
        index.hit(&self.geometry, scene, 4.0 / self.zoom)
    }

    fn zoom_about(&mut self, factor: f32, anchor: Pos2) {
        let before = self.scene_from_screen(anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.scene_from_screen(anchor);
        self.center = self.center.add(before.sub(after));
        self.auto_fit = false;
    }

    fn item_of(&self, hit: Hit) -> Option<Item> {
        match hit {
            Hit::Node(i) => self.graph.nodes.get(i).map(|n| Item::Actor(n.id.clone())),
            Hit::Edge(e) => {
                let curve = self.geometry.edges.get(e)?;
                let r = curve.relations.first()?;
                self.graph
                    .relations
                    .get(*r)
                    .map(|r| Item::Relation(r.id.clone()))
            }
        }
    }
}

/// Draws the diagram and handles its interaction.
pub fn diagram_ui(ui: &mut egui::Ui, state: &mut AppState, view: &mut DiagramView) {
    toolbar_ui(ui, state, view);
    let moved = view.update(state, LAYOUT_BUDGET);
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    view.last_rect = rect;
    let theme = Theme::for_dark(state.view.dark);
    if view.fit_requested || (view.auto_fit && (moved || view.labels_key.is_none())) {
        view.fit(rect);
        view.fit_requested = false;
    }
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Actor-relationship diagram")
    });
    // The camera follows the selection to an actor off screen.
    if view.followed != state.selection {
        view.followed.clone_from(&state.selection);
        if let Some(i) = view.selected_node(state.selection.as_ref()) {
            view.scroll_into_view(i, rect);
        }
    }

    handle_input(ui, state, view, &response);

    // Hover.
    let mut hovered_node = None;
    let mut hovered_edge = None;
    if view.drag.is_none()
        && let Some(p) = response.hover_pos()
    {
        match view.hit(p) {
            Some(Hit::Node(i)) => hovered_node = Some(i),
            Some(Hit::Edge(e)) => hovered_edge = Some(e),
            None => {}
        }
    }
    if let Some(item) = hovered_node
        .map(Hit::Node)
        .or(hovered_edge.map(Hit::Edge))
        .and_then(|h| view.item_of(h))
    {
        state.hovered = Some(item);
    }

    // Emphasis for the selection and focus mode.
    let key = (
        state.selection.clone(),
        state.view.focus,
        view.geometry_generation,
    );
    if view.emphasis_key.as_ref() != Some(&key) {
        view.emphasis = Emphasis::new(
            &state.model,
            &view.graph,
            &view.geometry,
            state.selection.as_ref(),
            state.view.focus,
        );
        view.emphasis_key = Some(key);
        view.emphasis_generation += 1;
    }

    // Labels: re-placed when the zoom or geometry changes or the view leaves the placed area.
    let visible = Rect {
        min: view.scene_from_screen(rect.min),
        max: view.scene_from_screen(rect.max),
    };
    // Selected actors always get their label; a hovered one is drawn on top (see `paint`).
    let always: Vec<usize> = (0..view.emphasis.node_selected.len())
        .filter(|&i| view.emphasis.node_selected[i])
        .collect();
    // While the zoom keeps changing, labels stay attached to their nodes at the same pixel
    // offset and are re-placed only every 20 % of zoom, and once the zoom comes to rest.
    let zoom_resting = (view.zoom - view.last_zoom).abs() <= 1e-6 * view.zoom;
    view.last_zoom = view.zoom;
    let stale = match view.labels_key {
        Some((zoom, generation, area)) => {
            let ratio = (zoom / view.zoom).max(view.zoom / zoom);
            (ratio > 1.0001 && (zoom_resting || ratio > 1.2))
                || generation != view.geometry_generation
                || !(area.contains(visible.min) && area.contains(visible.max))
        }
        None => true,
    };
    if stale
        || !always
            .iter()
            .all(|i| view.labels.iter().any(|l| l.node == *i))
    {
        let area = visible.expand(visible.width().max(visible.height()) * 0.25);
        view.labels = place_labels(
            &view.geometry,
            view.zoom,
            theme::LABEL_FONT_PX,
            Some(area),
            &always,
        );
        view.labels_key = Some((view.zoom, view.geometry_generation, area));
    }

    paint(&painter, view, &theme, rect, hovered_node, hovered_edge);
    if response.has_focus() {
        painter.rect_stroke(
            rect.shrink(1.0),
            CornerRadius::ZERO,
            ui.visuals().selection.stroke,
            StrokeKind::Inside,
        );
    }
    accessibility(ui, view, rect, response.id);

    // Tooltips.
    if let Some(i) = hovered_node {
        let response = response.clone();
        response.on_hover_ui_at_pointer(|ui| node_tooltip_ui(ui, view, i));
    } else if let Some(e) = hovered_edge {
        let response = response.clone();
        response.on_hover_ui_at_pointer(|ui| edge_tooltip_ui(ui, state, view, e));
    }

    // Context menu.
    response.context_menu(|ui| context_menu_ui(ui, view));

    // The focus lock of `keyboard_navigation` takes effect from the second frame with focus:
    // make sure that frame comes before the next key, or a Tab would leave the diagram.
    if ui.memory(|m| m.has_focus(response.id) && !m.had_focus_last_frame(response.id)) {
        ui.ctx().request_repaint();
    }
    if view.is_settling() {
        ui.ctx().request_repaint();
    }
}

fn toolbar_ui(ui: &mut egui::Ui, state: &mut AppState, view: &mut DiagramView) {
    ui.horizontal(|ui| {
        if ui.button("Fit").on_hover_text("Fit all (F)").clicked() {
            view.request_fit();
        }
        if ui.button("Re-layout").clicked() {
            view.relayout();
        }
        if ui
            .add_enabled(!view.pins.is_empty(), egui::Button::new("Unpin all"))
            .clicked()
        {
            view.pins.clear();
            view.relayout();
        }
        let search = ui.add(
            egui::TextEdit::singleline(&mut view.search)
                .hint_text("Find actor…")
                .desired_width(160.0),
        );
        let enter = search.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if enter || search.changed() {
            let needle = view.search.trim().to_lowercase();
            if !needle.is_empty() {
                let found = view
                    .graph
                    .nodes
                    .iter()
                    .filter(|n| n.name.to_lowercase().contains(&needle))
                    .max_by_key(|n| n.mentions)
                    .map(|n| n.id.clone());
                if let Some(id) = found {
                    view.center_on(&id);
                    if enter {
                        state.push(Command::Select(Some(Item::Actor(id))));
                    }
                }
            }
        }
        if view.is_settling() {
            ui.weak("layout settling…");
        }
        ui.weak(format!("zoom {:.0}%", view.zoom * 100.0));
    });
}

fn handle_input(
    ui: &egui::Ui,
    state: &mut AppState,
    view: &mut DiagramView,
    response: &egui::Response,
) {
    let rect = response.rect;
    // Dragging: a node (move and pin) or the background (pan).
    if response.drag_started() {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        view.drag = match origin.and_then(|p| view.hit(p)) {
            Some(Hit::Node(i)) => Some(Drag::Node(i)),
            _ => Some(Drag::Pan),
        };
    }
    if response.dragged() {
        match view.drag {
            Some(Drag::Node(i)) => {
                if let Some(p) = response.interact_pointer_pos() {
                    let at = view.scene_from_screen(p);
                    if let (Some(layout), Some(node)) = (&mut view.layout, view.graph.nodes.get(i))
                    {
                        layout.pin(i, at);
                        view.pins.insert(node.id.clone(), at);
                    }
                    view.rebuild_geometry(state.view.dark);
                    ui.ctx().request_repaint();
                }
            }
            Some(Drag::Pan) => {
                let d = response.drag_delta();
                view.center = view
                    .center
                    .sub(Point::new(d.x / view.zoom, d.y / view.zoom));
                view.auto_fit = false;
            }
            None => {}
        }
    }
    if response.drag_stopped() {
        view.drag = None;
    }

    // Zoom: wheel and pinch about the pointer.
    if response.hovered() {
        let (scroll, pinch, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let factor = pinch * (scroll.y * 0.002).exp();
        if (factor - 1.0).abs() > 1e-4 {
            view.zoom_about(factor, pointer.unwrap_or(rect.center()));
        }
    }

    // Keys, when the diagram is hovered or focused and no text field takes them.
    if (response.hovered() || response.has_focus()) && !ui.ctx().text_edit_focused() {
        let focused = response.has_focus();
        let (fit, zoom_in, zoom_out) = ui.input(|i| {
            (
                i.key_pressed(Key::F) && !i.modifiers.any(),
                i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                i.key_pressed(Key::Minus),
            )
        });
        if fit {
            view.request_fit();
            view.fit(rect);
            view.fit_requested = false;
        }
        if zoom_in {
            view.zoom_about(1.25, rect.center());
        }
        if zoom_out {
            view.zoom_about(0.8, rect.center());
        }
        if focused {
            keyboard_navigation(ui, state, view, response);
        }
    }
    // Click selects; a click on the background clears the selection. (Not `clicked()`: that
    // is also Enter or Space on the focused diagram, which are keys of their own here.)
    if response.clicked_by(egui::PointerButton::Primary) {
        response.request_focus();
        let hit = response.interact_pointer_pos().and_then(|p| view.hit(p));
        let item = hit.and_then(|h| view.item_of(h));
        state.push(Command::Select(item));
    }
    if response.secondary_clicked() {
        view.context_node = match response.interact_pointer_pos().and_then(|p| view.hit(p)) {
            Some(Hit::Node(i)) => Some(i),
            _ => None,
        };
    }
}

/// A direction on screen, for moving the selection with the arrow keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// How far `d` goes this way, and how far sideways (y grows downwards).
    fn along_across(self, d: Point) -> (f32, f32) {
        match self {
            Direction::Left => (-d.x, d.y.abs()),
            Direction::Right => (d.x, d.y.abs()),
            Direction::Up => (-d.y, d.x.abs()),
            Direction::Down => (d.y, d.x.abs()),
        }
    }

    fn of_key(key: Key) -> Option<Self> {
        match key {
            Key::ArrowLeft => Some(Direction::Left),
            Key::ArrowRight => Some(Direction::Right),
            Key::ArrowUp => Some(Direction::Up),
            Key::ArrowDown => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The point nearest to `points[from]` in `direction` (y grows downwards), measured as the
/// distance that way plus twice the sideways offset, so a point straight ahead beats a
/// slightly closer one off to the side: the nearest of those within 45° of the direction,
/// failing that the nearest on that side. `None` when nothing lies that way.
pub fn neighbour_in_direction(
    points: &[Point],
    from: usize,
    direction: Direction,
) -> Option<usize> {
    let origin = *points.get(from)?;
    let mut in_cone: Option<(f32, usize)> = None;
    let mut on_side: Option<(f32, usize)> = None;
    for (i, p) in points.iter().enumerate() {
        let d = p.sub(origin);
        let (along, across) = direction.along_across(d);
        if i == from || along <= 1e-3 {
            continue;
        }
        let score = along + 2.0 * across;
        let best = if across <= along {
            &mut in_cone
        } else {
            &mut on_side
        };
        if best.is_none_or(|(s, _)| score < s) {
            *best = Some((score, i));
        }
    }
    in_cone.or(on_side).map(|(_, i)| i)
}

/// The order Tab visits the graph's nodes in: most mentioned first, then by name.
pub fn tab_order(graph: &Graph) -> Vec<usize> {
    let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
    order.sort_by_cached_key(|&i| {
        let n = &graph.nodes[i];
        (std::cmp::Reverse(n.mentions), n.name.to_lowercase(), i)
    });
    order
}

/// The keys that move the selection and the camera while the diagram has keyboard focus
/// (the table in the module doc).
fn keyboard_navigation(
    ui: &egui::Ui,
    state: &mut AppState,
    view: &mut DiagramView,
    response: &egui::Response,
) {
    // Tab, the arrows and Esc act on the diagram instead of moving the focus away (Tab moves
    // on when there is no actor to visit).
    let has_nodes = !view.graph.nodes.is_empty();
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            EventFilter {
                tab: has_nodes,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            },
        );
    });
    let current = view.selected_node(state.selection.as_ref());
    let (back, forward, enter, escape, steps, pan, home, end) = ui.input_mut(|i| {
        let back = i.count_and_consume_key(Modifiers::SHIFT, Key::Tab);
        let forward = i.count_and_consume_key(Modifiers::NONE, Key::Tab);
        let home = i.consume_key(Modifiers::NONE, Key::Home);
        let end = i.consume_key(Modifiers::NONE, Key::End);
        let enter = i.consume_key(Modifiers::NONE, Key::Enter);
        let escape = i.consume_key(Modifiers::NONE, Key::Escape);
        let mut steps = Vec::new();
        if current.is_some() {
            for event in &i.events {
                if let egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } = event
                    && modifiers.is_none()
                    && let Some(d) = Direction::of_key(*key)
                {
                    steps.push(d);
                }
            }
        }
        // Held arrows pan: with Shift, or always when no actor is selected.
        let mut pan = Vec2::ZERO;
        if current.is_none() || i.modifiers.shift {
            let step = 40.0;
            for (key, d) in [
                (Key::ArrowLeft, Vec2::new(-step, 0.0)),
                (Key::ArrowRight, Vec2::new(step, 0.0)),
                (Key::ArrowUp, Vec2::new(0.0, -step)),
                (Key::ArrowDown, Vec2::new(0.0, step)),
            ] {
                if i.key_down(key) {
                    pan += d;
                }
            }
        }
        (back, forward, enter, escape, steps, pan, home, end)
    });

    let mut next = current;
    let order = tab_order(&view.graph);
    if !order.is_empty() {
        let n = order.len();
        for _ in 0..forward {
            let at = next.and_then(|c| order.iter().position(|&k| k == c));
            next = order.get(at.map_or(0, |p| (p + 1) % n)).copied();
        }
        for _ in 0..back {
            let at = next.and_then(|c| order.iter().position(|&k| k == c));
            next = order.get(at.map_or(n - 1, |p| (p + n - 1) % n)).copied();
        }
        // Home / End: the first and last actor of the Tab order (most and least mentioned).
        if home {
            next = order.first().copied();
        }
        if end {
            next = order.last().copied();
        }
    }
    if !steps.is_empty() {
        let points: Vec<Point> = view.geometry.nodes.iter().map(|n| n.center).collect();
        for d in steps {
            next = next.map(|c| neighbour_in_direction(&points, c, d).unwrap_or(c));
        }
    }
    if next != current
        && let Some(node) = next.and_then(|k| view.graph.nodes.get(k))
    {
        state.push(Command::Select(Some(Item::Actor(node.id.clone()))));
    }

    if enter && let Some(p) = view.selection_point(state.selection.as_ref()) {
        view.center = p;
        view.auto_fit = false;
    }
    if escape {
        if state.selection.is_some() {
            state.push(Command::Select(None));
        } else {
            response.surrender_focus();
        }
    }
    if pan != Vec2::ZERO {
        view.center = view
            .center
            .add(Point::new(pan.x / view.zoom, pan.y / view.zoom));
        view.auto_fit = false;
        ui.ctx().request_repaint();
    }
}

fn context_menu_ui(ui: &mut egui::Ui, view: &mut DiagramView) {
    if let Some(i) = view.context_node
        && let Some(node) = view.graph.nodes.get(i)
    {
        let id = node.id.clone();
        ui.label(egui::RichText::new(node.name.clone()).strong());
        let pinned = view.layout.as_ref().is_some_and(|l| l.is_pinned(i));
        if pinned {
            if ui.button("Unpin").clicked() {
                if let Some(layout) = &mut view.layout {
                    layout.unpin(i);
                }
                view.pins.remove(&id);
                ui.close();
            }
        } else if ui.button("Pin here").clicked() {
            if let (Some(layout), Some(n)) = (&mut view.layout, view.geometry.nodes.get(i)) {
                let at = n.center;
                layout.pin(i, at);
                view.pins.insert(id, at);
            }
            ui.close();
        }
        ui.separator();
    }
    if ui.button("Fit all").clicked() {
        view.request_fit();
        ui.close();
    }
    if ui.button("Re-layout").clicked() {
        view.relayout();
        ui.close();
    }
    if !view.pins.is_empty() && ui.button("Unpin all").clicked() {
        view.pins.clear();
        view.relayout();
        ui.close();
    }
}

fn node_tooltip_ui(ui: &mut egui::Ui, view: &DiagramView, i: usize) {
    let Some(node) = view.graph.nodes.get(i) else {
        return;
    };
    ui.strong(&node.name);
    ui.label(format!("Kind: {}", node.kind.label()));
    if let Some(role) = &node.role {
        ui.label(format!("Role: {role}"));
    }
    if let Some(a) = &node.affiliation_name {
        ui.label(format!("Affiliation: {a}"));
    }
    ui.label(format!("Mentions: {}", node.mentions));
    if !node.members.is_empty() {
        ui.label(format!("Includes {} people", node.members.len()));
    }
}

fn edge_tooltip_ui(ui: &mut egui::Ui, state: &AppState, view: &DiagramView, e: usize) {
    let Some(curve) = view.geometry.edges.get(e) else {
        return;
    };
    let Some(edge) = view.graph.edges.get(curve.edge) else {
        return;
    };
    let name = |i: usize| view.graph.nodes.get(i).map_or("?", |n| n.name.as_str());
    ui.strong(format!("{} — {}", name(edge.a), name(edge.b)));
    ui.set_max_width(420.0);
    let mut shown = 0;
    for lane in &edge.lanes {
        for &r in &lane.relations {
            let Some(rel) = view.graph.relations.get(r) else {
                continue;
            };
            // Plain ASCII: the UI font has no arrow glyph.
            let arrow = if rel.directed { "->" } else { "-" };
            ui.label(format!(
                "{} {arrow} {}: {} ({})",
                name(rel.source),
                name(rel.target),
                rel.kind,
                rel.polarity.label()
            ));
            if let Some(model_rel) = state.model.relation(&rel.id) {
                for ev in model_rel.evidence.iter().take(3) {
                    ui.weak(format!("“{}”", ev.text.trim()));
                }
                if model_rel.evidence.len() > 3 {
                    ui.weak(format!("… and {} more", model_rel.evidence.len() - 3));
                }
            }
            shown += 1;
            if shown >= 8 {
                ui.weak("…");
                return;
            }
        }
    }
}

/// Gives every node on screen an accessibility node (role button, the actor's name), only when
/// AccessKit is on, so screen readers and tests can find actors by label.
fn accessibility(ui: &egui::Ui, view: &DiagramView, rect: ERect, canvas: egui::Id) {
    let ctx = ui.ctx();
    let parent = canvas.with("nodes");
    if ctx.accesskit_node_builder(parent, |_| ()).is_none() {
        return;
    }
    for (i, n) in view.geometry.nodes.iter().enumerate() {
        let c = view.screen_from_scene(n.center);
        let r = (n.radius * view.zoom).max(3.0);
        let bounds = ERect::from_center_size(c, Vec2::splat(2.0 * r));
        if !rect.intersects(bounds) {
            continue;
        }
        let name = n.label.clone();
        let selected = view.emphasis.node_selected.get(i).copied().unwrap_or(false);
        ctx.accesskit_node_builder(parent.with(i), |b| {
            b.set_role(egui::Role::Button);
            b.set_label(name);
            if selected {
                b.set_selected(true);
            }
            b.set_bounds(egui::accesskit::Rect {
                x0: bounds.min.x.into(),
                y0: bounds.min.y.into(),
                x1: bounds.max.x.into(),
                y1: bounds.max.y.into(),
            });
            b.add_action(egui::accesskit::Action::Click);
        });
    }
}

/// Appends an anti-aliased segment of `width` pixels (a quad with 1 px feathered sides).
#[allow(
    clippy::many_single_char_names,
    reason = "geometry formulas read best with their usual letters"
)]
fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 1e-3 {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len;
    if width <= 1.0 {
        // A hairline: a 1 px ridge, fainter as the width shrinks.
        let color = color.gamma_multiply(width.max(0.1));
        let base = mesh.vertices.len() as u32;
        for p in [a, b] {
            mesh.colored_vertex(p + n, Color32::TRANSPARENT);
            mesh.colored_vertex(p, color);
            mesh.colored_vertex(p - n, Color32::TRANSPARENT);
        }
        for k in 0..2 {
            let (i, j) = (base + k, base + 3 + k);
            mesh.add_triangle(i, i + 1, j);
            mesh.add_triangle(i + 1, j + 1, j);
        }
        return;
    }
    let inner = (width / 2.0 - 0.5).max(0.0);
    let outer = width / 2.0 + 0.5;
    let base = mesh.vertices.len() as u32;
    for p in [a, b] {
        mesh.colored_vertex(p + n * outer, Color32::TRANSPARENT);
        mesh.colored_vertex(p + n * inner, color);
        mesh.colored_vertex(p - n * inner, color);
        mesh.colored_vertex(p - n * outer, Color32::TRANSPARENT);
    }
    for k in 0..3 {
        let (i, j) = (base + k, base + 4 + k);
        mesh.add_triangle(i, i + 1, j);
        mesh.add_triangle(i + 1, j + 1, j);
    }
}

/// Appends a filled octagon (no anti-aliasing: for nodes a few pixels wide).
fn add_dot(mesh: &mut Mesh, c: Pos2, r: f32, color: Color32) {
    let base = mesh.vertices.len() as u32;
    mesh.colored_vertex(c, color);
    for k in 0..8 {
        let a = std::f32::consts::TAU * k as f32 / 8.0;
        mesh.colored_vertex(c + Vec2::new(a.cos(), a.sin()) * r, color);
    }
    for k in 0..8 {
        mesh.add_triangle(base, base + 1 + k, base + 1 + (k + 1) % 8);
    }
}

/// Appends a polyline with a dash style (dash lengths in pixels).
fn add_polyline(mesh: &mut Mesh, points: &[Pos2], width: f32, color: Color32, dash: DashStyle) {
    let Some((on, off)) = dash.pattern() else {
        for w in points.windows(2) {
            add_segment(mesh, w[0], w[1], width, color);
        }
        return;
    };
    // Hairlines cannot show a dash pattern: drawn solid (their colour still tells).
    if width < 0.8 {
        for w in points.windows(2) {
            add_segment(mesh, w[0], w[1], width, color);
        }
        return;
    }
    let length: f32 = points.windows(2).map(|w| (w[1] - w[0]).length()).sum();
    let unit = width.max(1.5);
    let extra = if dash == DashStyle::Dotted {
        unit * 0.5
    } else {
        0.0
    };
    // At most ~60 dashes per curve: a longer one gets a longer pattern.
    let stretch = (length / (60.0 * (on + off) * unit)).max(1.0);
    let (on, off) = (on * unit * stretch, (off * unit + extra) * stretch);
    let mut drawing = true;
    let mut left = on;
    for w in points.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        let mut seg = (b - a).length();
        while seg > 1e-3 {
            let step = left.min(seg);
            let next = a + (b - a) * (step / seg);
            if drawing {
                add_segment(mesh, a, next, width, color);
            }
            seg -= step;
            left -= step;
            a = next;
            if left <= 1e-3 {
                drawing = !drawing;
                left = if drawing { on } else { off };
            }
        }
    }
}

fn curve_points(view: &DiagramView, e: &EdgeCurve) -> Vec<Pos2> {
    let to = |p: Point| view.screen_from_scene(p);
    if e.straight {
        return vec![to(e.points[0]), to(e.points[2])];
    }
    let length_px = e.points[0].distance(e.points[2]) * view.zoom;
    let segments = (length_px / 12.0).clamp(2.0, 16.0) as usize;
    e.polyline(segments).into_iter().map(to).collect()
}

fn paint(
    painter: &egui::Painter,
    view: &mut DiagramView,
    theme: &Theme,
    rect: ERect,
    hovered_node: Option<usize>,
    hovered_edge: Option<usize>,
) {
    painter.rect_filled(rect, CornerRadius::ZERO, color32(theme.background));
    let clip = rect.expand(20.0);
    let zoom = view.zoom;
    let alpha = |dimmed: bool| if dimmed { theme::DIM_ALPHA } else { 1.0 };

    // Edges: meshes built here (much cheaper than thousands of dashed path shapes), reused
    // while the camera, geometry, emphasis and hovered edge stay the same.
    let key = EdgeMeshKey {
        center: (view.center.x.to_bits(), view.center.y.to_bits()),
        zoom: zoom.to_bits(),
        rect: [rect.min.x, rect.min.y, rect.max.x, rect.max.y].map(f32::to_bits),
        geometry: view.geometry_generation,
        emphasis: view.emphasis_generation,
        dark: theme.dark,
    };
    let (mesh, top) = match &view.edge_meshes {
        Some((k, mesh, top)) if *k == key => (Arc::clone(mesh), Arc::clone(top)),
        _ => {
            let (mesh, top) = edge_meshes(view, theme, clip);
            let (mesh, top) = (Arc::new(mesh), Arc::new(top));
            view.edge_meshes = Some((key, Arc::clone(&mesh), Arc::clone(&top)));
            (mesh, top)
        }
    };
    painter.add(Shape::Mesh(mesh));
    painter.add(Shape::Mesh(top));
    if let Some(e) = hovered_edge.and_then(|k| view.geometry.edges.get(k)) {
        let mut hovered = Mesh::default();
        add_edge(&mut hovered, view, theme, e, true, false);
        painter.add(Shape::mesh(hovered));
    }
    let em = &view.emphasis;

    // Nodes.
    let mut dots = Mesh::default();
    let dots_index = painter.add(Shape::Noop);
    for (i, n) in view.geometry.nodes.iter().enumerate() {
        let c = view.screen_from_scene(n.center);
        let r = n.radius * zoom;
        if !clip.expand(r).contains(c) {
            continue;
        }
        let dimmed = em.node_dimmed.get(i).copied().unwrap_or(false);
        let selected = em.node_selected.get(i).copied().unwrap_or(false);
        let a = alpha(dimmed);
        let fill = color32(n.fill.with_alpha_factor(a));
        let highlighted = selected || hovered_node == Some(i);
        if r < 2.5 && !highlighted {
            // Tiny nodes: a small polygon in one mesh instead of a shape each.
            add_dot(&mut dots, c, r.max(1.0), fill);
            continue;
        }
        let stroke = if highlighted {
            Stroke::new(2.5, color32(theme.highlight))
        } else if r < 2.0 {
            Stroke::NONE
        } else {
            Stroke::new(1.0, color32(theme.node_stroke.with_alpha_factor(0.6 * a)))
        };
        node_shape(painter, n.shape, c, r.max(1.0), fill, stroke);
        if view.layout.as_ref().is_some_and(|l| l.is_pinned(i)) && r >= 3.0 {
            painter.circle_filled(
                c + Vec2::new(r * 0.75, -r * 0.75),
                2.5,
                color32(theme.pinned_mark),
            );
        }
    }

    painter.set(dots_index, Shape::mesh(dots));
    edge_kind_labels(painter, view, theme, clip);

    // Labels, at a constant pixel size; a hovered actor's label on top even when crowded out.
    let font = FontId::proportional(theme::LABEL_FONT_PX);
    let pad = theme::LABEL_PAD_PX;
    let placed_zoom = view.labels_key.map_or(zoom, |(z, _, _)| z);
    let hovered_label = hovered_node
        .filter(|i| !view.labels.iter().any(|l| l.node == *i))
        .and_then(|i| {
            let n = view.geometry.nodes.get(i)?;
            let k = 1.0 / placed_zoom;
            let width = (theme::text_width_px(&n.label, theme::LABEL_FONT_PX) + 2.0 * pad) * k;
            let height = (theme::line_height_px(theme::LABEL_FONT_PX) + 2.0 * pad) * k;
            let min = Point::new(
                n.center.x - width / 2.0,
                n.center.y + n.radius + theme::LABEL_GAP_PX * k,
            );
            Some(LabelBox {
                node: i,
                rect: Rect::from_min_size(min, width, height),
            })
        });
    let mut backgrounds = Mesh::default();
    let mut texts: Vec<Shape> = Vec::with_capacity(view.labels.len() + 1);
    for label in view.labels.iter().chain(hovered_label.iter()) {
        let Some(n) = view.geometry.nodes.get(label.node) else {
            continue;
        };
        // Anchored to the node at the pixel offset it was placed with.
        let anchor = view.screen_from_scene(n.center);
        let min = anchor
            + Vec2::new(label.rect.min.x - n.center.x, label.rect.min.y - n.center.y) * placed_zoom;
        let box_rect = ERect::from_min_size(
            min,
            Vec2::new(label.rect.width(), label.rect.height()) * placed_zoom,
        );
        if !clip.intersects(box_rect) {
            continue;
        }
        let dimmed = em.node_dimmed.get(label.node).copied().unwrap_or(false);
        let a = alpha(dimmed);
        // Backgrounds go into one mesh under all texts (shown labels never overlap; the
        // hovered one comes last and gets its own).
        let hovered = hovered_label.as_ref().is_some_and(|h| h.node == label.node);
        let halo = color32(theme.text_halo.with_alpha_factor(a * 0.85));
        if hovered {
            painter.add(Shape::mesh(std::mem::take(&mut backgrounds)));
            painter.extend(std::mem::take(&mut texts));
            painter.rect_filled(box_rect, CornerRadius::same(3), halo);
        } else {
            backgrounds.add_colored_rect(box_rect, halo);
        }
        let galley = painter.layout_no_wrap(
            n.label.clone(),
            font.clone(),
            color32(theme.text.with_alpha_factor(a)),
        );
        texts.push(Shape::galley(
            min + Vec2::splat(pad),
            galley,
            Color32::PLACEHOLDER,
        ));
    }
    painter.add(Shape::mesh(backgrounds));
    painter.extend(texts);

    legend(painter, theme, rect);
}

fn node_shape(
    painter: &egui::Painter,
    shape: NodeShape,
    c: Pos2,
    r: f32,
    fill: Color32,
    stroke: Stroke,
) {
    match shape {
        NodeShape::Circle => {
            painter.circle(c, r, fill, stroke);
        }
        NodeShape::Pin => {
            painter.circle_stroke(c, r * 0.8, Stroke::new((r * 0.25).max(1.0), fill));
            painter.circle_filled(c, r * 0.4, fill);
            if stroke.width > 1.5 {
                painter.circle_stroke(c, r, stroke);
            }
        }
        NodeShape::RoundedSquare => {
            let h = r * 0.89;
            painter.add(egui::epaint::RectShape::new(
                ERect::from_center_size(c, Vec2::splat(2.0 * h)),
                CornerRadius::same((h * 0.3).min(255.0) as u8),
                fill,
                stroke,
                StrokeKind::Middle,
            ));
        }
        NodeShape::Hexagon | NodeShape::Triangle => {
            let points: Vec<Pos2> = shape
                .polygon(c.x, c.y, r)
                .into_iter()
                .map(|[x, y]| Pos2::new(x, y))
                .collect();
            painter.add(Shape::convex_polygon(points, fill, stroke));
        }
    }
}

fn legend(painter: &egui::Painter, theme: &Theme, rect: ERect) {
    let layout: LegendLayout = legend_layout(legend_entries(theme), theme::LEGEND_FONT_PX);
    let min = Pos2::new(
        rect.max.x - layout.width - 10.0,
        rect.max.y - layout.height - 10.0,
    );
    if min.x < rect.min.x || min.y < rect.min.y {
        return;
    }
    let box_rect = ERect::from_min_size(min, Vec2::new(layout.width, layout.height));
    painter.rect(
        box_rect,
        CornerRadius::same(4),
        color32(theme.legend_background),
        Stroke::new(1.0, color32(theme.legend_border)),
        StrokeKind::Inside,
    );
    let font = FontId::proportional(layout.font_px);
    for (entry, top) in &layout.rows {
        let y = min.y + top;
        let mid = Pos2::new(
            min.x + layout.padding + layout.swatch_width / 2.0,
            y + layout.row_height / 2.0,
        );
        match &entry.swatch {
            Swatch::Node(shape, color) => node_shape(
                painter,
                *shape,
                mid,
                6.5,
                color32(*color),
                Stroke::new(1.0, color32(theme.node_stroke.with_alpha_factor(0.6))),
            ),
            Swatch::Edge(color, dash) => {
                let mut mesh = Mesh::default();
                let half = layout.swatch_width / 2.0;
                add_polyline(
                    &mut mesh,
                    &[
                        Pos2::new(mid.x - half, mid.y),
                        Pos2::new(mid.x + half, mid.y),
                    ],
                    2.5,
                    color32(*color),
                    *dash,
                );
                painter.add(Shape::mesh(mesh));
            }
            Swatch::None => {}
        }
        let x = if matches!(entry.swatch, Swatch::None) {
            min.x + layout.padding
        } else {
            min.x + layout.padding + layout.swatch_width + 6.0
        };
        painter.text(
            Pos2::new(x, y + layout.row_height / 2.0),
            egui::Align2::LEFT_CENTER,
            &entry.text,
            font.clone(),
            color32(theme.text),
        );
    }
}

/// Cache key of the edge meshes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct EdgeMeshKey {
    center: (u32, u32),
    zoom: u32,
    rect: [u32; 4],
    geometry: u64,
    emphasis: u64,
    dark: bool,
}

/// All edges as two meshes: normal ones, and highlighted ones drawn above.
fn edge_meshes(view: &DiagramView, theme: &Theme, clip: ERect) -> (Mesh, Mesh) {
    let em = &view.emphasis;
    let mut mesh = Mesh::default();
    let mut top = Mesh::default();
    for (k, e) in view.geometry.edges.iter().enumerate() {
        let bounds = e.bounds();
        let screen = ERect::from_min_max(
            view.screen_from_scene(bounds.min),
            view.screen_from_scene(bounds.max),
        );
        if !clip.intersects(screen) {
            continue;
        }
        let selected = em.edge_selected.get(k).copied().unwrap_or(false);
        let dimmed = em.edge_dimmed.get(k).copied().unwrap_or(false);
        let target = if selected { &mut top } else { &mut mesh };
        add_edge(target, view, theme, e, selected, dimmed);
    }
    (mesh, top)
}

/// Appends one lane: its curve with the polarity's dash style, and its arrow head.
fn add_edge(
    target: &mut Mesh,
    view: &DiagramView,
    theme: &Theme,
    e: &EdgeCurve,
    selected: bool,
    dimmed: bool,
) {
    let zoom = view.zoom;
    let alpha = if dimmed { theme::DIM_ALPHA } else { 1.0 };
    let color = color32(e.color.with_alpha_factor(alpha * 0.85));
    // Zoomed out, a small diagram keeps visible lines; a big one fades to a light haze.
    let floor = if view.geometry.edges.len() < 500 {
        0.9
    } else {
        0.3
    };
    let width = (e.width * zoom).max(floor);
    let points = curve_points(view, e);
    if selected {
        let halo = color32(theme.highlight.with_alpha_factor(0.3));
        for w in points.windows(2) {
            add_segment(target, w[0], w[1], width * 1.6 + 4.0, halo);
        }
    }
    add_polyline(
        target,
        &points,
        if selected { width * 1.6 } else { width },
        color,
        e.dash,
    );
    if let Some(arrow) = e.arrow.filter(|a| a[0].distance(a[1]) * zoom >= 2.0) {
        let base = target.vertices.len() as u32;
        let fill = color32(e.color.with_alpha_factor(alpha));
        for p in arrow {
            target.colored_vertex(view.screen_from_scene(p), fill);
        }
        target.add_triangle(base, base + 1, base + 2);
    }
}

/// Zoom from which relation kinds are written along the edges.
const EDGE_KIND_ZOOM: f32 = 1.2;

/// Writes each lane's relation kind at its middle when zoomed in, skipping ones that would
/// overlap an actor label or another kind.
fn edge_kind_labels(painter: &egui::Painter, view: &DiagramView, theme: &Theme, clip: ERect) {
    if view.zoom < EDGE_KIND_ZOOM {
        return;
    }
    let font_px = theme::LABEL_FONT_PX - 2.0;
    let font = FontId::proportional(font_px);
    let placed_zoom = view.labels_key.map_or(view.zoom, |(z, _, _)| z);
    let mut taken: Vec<ERect> = view
        .labels
        .iter()
        .filter_map(|l| {
            let n = view.geometry.nodes.get(l.node)?;
            let min = view.screen_from_scene(n.center)
                + Vec2::new(l.rect.min.x - n.center.x, l.rect.min.y - n.center.y) * placed_zoom;
            Some(ERect::from_min_size(
                min,
                Vec2::new(l.rect.width(), l.rect.height()) * placed_zoom,
            ))
        })
        .collect();
    let mut shown = 0;
    for e in &view.geometry.edges {
        if shown >= 300 {
            break;
        }
        let (a, b) = (
            view.screen_from_scene(e.points[0]),
            view.screen_from_scene(e.points[2]),
        );
        if (b - a).length() < 90.0 {
            continue;
        }
        let mid = view.screen_from_scene(e.middle());
        if !clip.contains(mid) {
            continue;
        }
        let Some(first) = e
            .relations
            .first()
            .and_then(|&r| view.graph.relations.get(r))
        else {
            continue;
        };
        let text = if e.relations.len() > 1 {
            format!("{} +{}", first.kind, e.relations.len() - 1)
        } else {
            first.kind.clone()
        };
        let size = Vec2::new(
            theme::text_width_px(&text, font_px) + 4.0,
            theme::line_height_px(font_px) + 2.0,
        );
        let rect = ERect::from_center_size(mid, size);
        if taken.iter().any(|t| t.intersects(rect)) {
            continue;
        }
        taken.push(rect);
        shown += 1;
        painter.rect_filled(
            rect,
            CornerRadius::same(2),
            color32(theme.text_halo.with_alpha_factor(0.8)),
        );
        painter.text(
            mid,
            egui::Align2::CENTER_CENTER,
            text,
            font.clone(),
            color32(e.color),
        );
    }
}
