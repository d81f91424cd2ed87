//! Stage 4: [`KnowledgeGraph`] + [`LayoutParams`] + seed → [`Layout`], a deterministic
//! force-directed layout that steps to rest (grid-accelerated repulsion, springs, gravity), then
//! pushes labels apart so that none overlap.
//!
//! Invariant: positions are always finite; the same graph, params and seed give the same positions.

use emath::{Pos2, Rect, Vec2, pos2, vec2};

use crate::graph::KnowledgeGraph;

/// Tuning of the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutParams {
    /// Preferred length of an edge, in graph units.
    pub link_distance: f32,
    /// Strength of node repulsion.
    pub repulsion: f32,
    /// Pull towards the centre.
    pub gravity: f32,
    /// Steps before the layout stops for sure.
    pub max_steps: u32,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self { link_distance: 150.0, repulsion: 14_000.0, gravity: 0.015, max_steps: 400 }
    }
}

/// Node positions, indexed by node id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Centre of each node, in graph units.
    pub positions: Vec<Pos2>,
}

impl Layout {
    /// The rectangle holding every node.
    pub fn bounds(&self) -> Rect {
        let mut rect = Rect::NOTHING;
        for p in &self.positions {
            rect.extend_with(*p);
        }
        if rect.is_negative() { Rect::from_center_size(Pos2::ZERO, Vec2::splat(1.0)) } else { rect }
    }
}

/// Radius of a node drawn for an actor named `n_mentions` times.
pub fn node_radius(n_mentions: usize) -> f32 {
    (9.0 + 3.5 * (n_mentions as f32).sqrt()).min(30.0)
}

/// The longest line of a map label, in characters.
const LABEL_LINE_CHARS: usize = 26;
/// The most lines a map label takes.
const LABEL_MAX_LINES: usize = 3;
/// The height of each line of a label after the first, in graph units.
pub const LABEL_LINE_HEIGHT: f32 = 16.0;

/// A node's name as the map draws it. A long name ("Senegal-Mauritania Intergovernmental Joint
/// Commission on …") wraps at spaces into lines of at most [`LABEL_LINE_CHARS`] characters (a
/// longer word keeps a line to itself), and past [`LABEL_MAX_LINES`] lines it ends in "…"; the
/// side panel and the tooltips keep the whole name.
pub fn map_label(name: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        let n_lines = lines.len();
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= LABEL_LINE_CHARS => {
                line.push(' ');
                line.push_str(word);
            }
            Some(last) if n_lines == LABEL_MAX_LINES => {
                // No room for this word: end the last line in an ellipsis that fits.
                while last.chars().count() + 1 > LABEL_LINE_CHARS
                    && let Some(space) = last.rfind(' ')
                {
                    last.truncate(space);
                }
                last.push('…');
                break;
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

/// Approximate size of a node's label as [`map_label`] gives it, in graph units (the bundled
/// font at 13 px).
pub fn label_size(label: &str) -> Vec2 {
    let widest = label.lines().map(|line| line.chars().count()).max().unwrap_or(0);
    let extra_lines = label.lines().count().saturating_sub(1);
    vec2(7.9 * widest as f32 + 10.0, 18.0 + LABEL_LINE_HEIGHT * extra_lines as f32)
}

/// Where a layout is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Still moving: call [`LayoutState::step`] again.
    Running,
    /// At rest: no more steps needed.
    Settled,
}

/// A layout that steps towards rest; warm-started and pinnable.
#[derive(Clone, Debug)]
pub struct LayoutState {
    positions: Vec<Pos2>,
    pinned: Vec<bool>,
    temperature: f32,
    n_steps: u32,
    status: Status,
}

/// A deterministic pseudo-random number in 0..1 from a seed and an index (splitmix64).
fn hash01(seed: u64, i: u64) -> f32 {
    let mut z = seed.wrapping_add(i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    ((z ^ (z >> 31)) >> 40) as f32 / (1u64 << 24) as f32
}

impl LayoutState {
    /// Starts a layout from deterministic positions on a spiral.
    pub fn new(graph: &KnowledgeGraph, params: &LayoutParams, seed: u64) -> Self {
        let n = graph.n_nodes();
        let positions = (0..n)
            .map(|i| {
                let r = params.link_distance * 0.6 * (i as f32 + 1.0).sqrt();
                let angle = i as f32 * 2.399_963 + hash01(seed, i as u64) * 0.5;
                pos2(r * angle.cos(), r * angle.sin())
            })
            .collect();
        Self {
            positions,
            pinned: vec![false; n],
            temperature: params.link_distance,
            n_steps: 0,
            status: Status::Running,
        }
    }

    /// Starts from earlier positions (nodes keep their place); new nodes start near the centre.
    pub fn warm(graph: &KnowledgeGraph, params: &LayoutParams, seed: u64, previous: &[Pos2], pinned: &[bool]) -> Self {
        let mut state = Self::new(graph, params, seed);
        for (i, p) in previous.iter().enumerate().take(state.positions.len()) {
            if p.is_finite() {
                state.positions[i] = *p;
            }
        }
        for (i, &is_pinned) in pinned.iter().enumerate().take(state.pinned.len()) {
            state.pinned[i] = is_pinned;
        }
        state.temperature = params.link_distance * 0.3;
        state
    }

    /// Current positions.
    pub fn positions(&self) -> &[Pos2] {
        &self.positions
    }

    /// Which nodes are pinned.
    pub fn pinned(&self) -> &[bool] {
        &self.pinned
    }

    /// Running or settled.
    pub fn status(&self) -> Status {
        self.status
    }

    /// True once the layout is at rest.
    pub fn is_settled(&self) -> bool {
        self.status == Status::Settled
    }

    /// Pins a node at a position and lets the others adjust.
    pub fn pin(&mut self, node: usize, pos: Pos2) {
        if let (Some(p), Some(pin)) = (self.positions.get_mut(node), self.pinned.get_mut(node))
            && pos.is_finite()
        {
            *p = pos;
            *pin = true;
        }
    }

    /// Unpins every node and lets the layout move again.
    pub fn unpin_all(&mut self, params: &LayoutParams) {
        self.pinned.iter_mut().for_each(|p| *p = false);
        self.reheat(params);
    }

    /// Lets the layout move again from where it is.
    pub fn reheat(&mut self, params: &LayoutParams) {
        self.temperature = self.temperature.max(params.link_distance * 0.25);
        self.n_steps = 0;
        self.status = Status::Running;
    }

    /// One step of the simulation. Returns the status after the step.
    pub fn step(&mut self, graph: &KnowledgeGraph, params: &LayoutParams) -> Status {
        if self.status == Status::Settled {
            return self.status;
        }
        let n = self.positions.len();
        let mut force = vec![Vec2::ZERO; n];
        let radii: Vec<f32> = (0..n).map(|i| graph.node(i).map_or(10.0, |node| node_radius(node.n_mentions))).collect();
        repulsion(&self.positions, &radii, params, &mut force);
        for (_, s, t, _) in graph.edges() {
            if s == t || s >= n || t >= n {
                continue;
            }
            let d = self.positions[t] - self.positions[s];
            let dist = d.length().max(0.01);
            let stretch = (dist - params.link_distance) / dist * 0.06;
            force[s] += d * stretch;
            force[t] -= d * stretch;
        }
        let mut max_move: f32 = 0.0;
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let f = force[i] - self.positions[i].to_vec2() * params.gravity;
            let len = f.length();
            if !len.is_finite() {
                continue;
            }
            let step = if len > self.temperature { f * (self.temperature / len) } else { f };
            self.positions[i] += step;
            max_move = max_move.max(step.length());
        }
        self.temperature *= 0.97;
        self.n_steps += 1;
        if max_move < 0.3 || self.n_steps >= params.max_steps || n == 0 {
            separate_labels(graph, &mut self.positions, &self.pinned);
            self.status = Status::Settled;
        }
        self.status
    }

    /// Declares the current positions final (a map file's saved layout).
    pub fn settle_in_place(&mut self) {
        self.status = Status::Settled;
    }

    /// The current positions as a layout.
    pub fn layout(&self) -> Layout {
        Layout { positions: self.positions.clone() }
    }
}

/// Repulsion between nodes closer than a cut-off, found through a uniform grid (linear time).
fn repulsion(positions: &[Pos2], radii: &[f32], params: &LayoutParams, force: &mut [Vec2]) {
    let cell = params.link_distance * 2.5;
    let mut grid: std::collections::HashMap<(i32, i32), Vec<usize>> = std::collections::HashMap::new();
    let key = |p: Pos2| ((p.x / cell).floor() as i32, (p.y / cell).floor() as i32);
    for (i, p) in positions.iter().enumerate() {
        grid.entry(key(*p)).or_default().push(i);
    }
    for (i, p) in positions.iter().enumerate() {
        let (cx, cy) = key(*p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(bucket) = grid.get(&(cx + dx, cy + dy)) else { continue };
                for &j in bucket {
                    if j == i {
                        continue;
                    }
                    let mut d = *p - positions[j];
                    let mut dist2 = d.length_sq();
                    if dist2 < 1e-4 {
                        // Coincident nodes: a deterministic nudge apart.
                        d = vec2((i as f32 - j as f32).signum(), 0.5);
                        dist2 = d.length_sq();
                    }
                    let dist = dist2.sqrt();
                    let min = radii[i] + radii[j] + 30.0;
                    let push = params.repulsion / dist2 + if dist < min { (min - dist) * 0.5 } else { 0.0 };
                    force[i] += d / dist * push;
                }
            }
        }
    }
}

/// Moves nodes apart until no two labels (drawn under their nodes) overlap.
fn separate_labels(graph: &KnowledgeGraph, positions: &mut [Pos2], pinned: &[bool]) {
    let n = positions.len();
    let boxes: Vec<(Vec2, f32)> = (0..n)
        .map(|i| {
            let node = graph.node(i);
            let r = node.map_or(10.0, |node| node_radius(node.n_mentions));
            let size = node.map_or(Vec2::splat(20.0), |node| label_size(&map_label(&node.label)));
            (size, r)
        })
        .collect();
    let rect = |i: usize, p: Pos2| {
        let (size, r) = boxes[i];
        let w = size.x.max(2.0 * r);
        Rect::from_min_size(pos2(p.x - w / 2.0, p.y - r), vec2(w, 2.0 * r + size.y + 2.0))
    };
    for _ in 0..60 {
        let mut moved = false;
        let rects: Vec<Rect> = (0..n).map(|i| rect(i, positions[i])).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| rects[a].min.x.total_cmp(&rects[b].min.x).then(a.cmp(&b)));
        for (k, &i) in order.iter().enumerate() {
            for &j in &order[k + 1..] {
                if rects[j].min.x > rects[i].max.x {
                    break;
                }
                let overlap = rects[i].intersect(rects[j]);
                if overlap.is_positive() {
                    // Push apart along the axis of least overlap.
                    let delta = if overlap.width() < overlap.height() {
                        let dir = if positions[i].x <= positions[j].x { -1.0 } else { 1.0 };
                        vec2(dir * (overlap.width() / 2.0 + 1.0), 0.0)
                    } else {
                        let dir = if positions[i].y <= positions[j].y { -1.0 } else { 1.0 };
                        vec2(0.0, dir * (overlap.height() / 2.0 + 1.0))
                    };
                    match (pinned[i], pinned[j]) {
                        (false, false) => {
                            positions[i] += delta;
                            positions[j] -= delta;
                        }
                        (false, true) => positions[i] += delta * 2.0,
                        (true, false) => positions[j] -= delta * 2.0,
                        (true, true) => {}
                    }
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// Runs a layout to rest.
pub fn run(graph: &KnowledgeGraph, params: &LayoutParams, seed: u64) -> Layout {
    let mut state = LayoutState::new(graph, params, seed);
    while state.step(graph, params) == Status::Running {}
    state.layout()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article, extract, graph};

    fn sample_graph() -> KnowledgeGraph {
        let a = article::parse(
            "NATO condemned Russia. The EU praised Norway and criticised Belarus. \
             China welcomed Iran. Japan criticised China. France supported Germany.",
        );
        graph::build(&extract::run(&a, extract::Lexicon::builtin()))
    }

    #[test]
    fn positions_are_finite_and_deterministic() {
        let g = sample_graph();
        let a = run(&g, &LayoutParams::default(), 7);
        let b = run(&g, &LayoutParams::default(), 7);
        assert_eq!(a, b);
        assert_eq!(a.positions.len(), g.n_nodes());
        assert!(a.positions.iter().all(|p| p.is_finite()));
    }

    #[test]
    fn empty_graph_settles_at_once() {
        let g = KnowledgeGraph::default();
        let mut state = LayoutState::new(&g, &LayoutParams::default(), 1);
        assert_eq!(state.step(&g, &LayoutParams::default()), Status::Settled);
        assert!(run(&g, &LayoutParams::default(), 1).positions.is_empty());
    }

    #[test]
    fn long_names_wrap_at_spaces_and_end_in_an_ellipsis_past_three_lines() {
        assert_eq!(map_label("Norway"), "Norway");
        assert_eq!(
            map_label("Extractive Industries Transparency Initiative"),
            "Extractive Industries\nTransparency Initiative"
        );
        let long = map_label("Senegal-Mauritania Intergovernmental Joint Commission on Cross-Border Hydrocarbons");
        assert_eq!(long, "Senegal-Mauritania\nIntergovernmental Joint\nCommission on…");
        for line in long.lines() {
            assert!(line.chars().count() <= LABEL_LINE_CHARS, "{line:?}");
        }
        // A word longer than a line keeps a line to itself.
        assert_eq!(
            map_label("Al-Shabaab-affiliated-splinter-movement group"),
            "Al-Shabaab-affiliated-splinter-movement\ngroup"
        );
        // Wrapped labels are as wide as their widest line and one line taller per line.
        assert!((label_size(&long).y - (label_size("x").y + 2.0 * LABEL_LINE_HEIGHT)).abs() < 1e-3);
        assert!(label_size(&long).x < label_size("Senegal-Mauritania Intergovernmental").x);
    }

    #[test]
    fn labels_do_not_overlap_at_rest() {
        let g = sample_graph();
        let layout = run(&g, &LayoutParams::default(), 3);
        let rects: Vec<Rect> = g
            .nodes()
            .map(|(i, node)| {
                let size = label_size(&map_label(&node.label));
                let r = node_radius(node.n_mentions);
                let p = layout.positions[i];
                Rect::from_min_size(pos2(p.x - size.x / 2.0, p.y + r + 2.0), size)
            })
            .collect();
        for i in 0..rects.len() {
            for j in i + 1..rects.len() {
                assert!(
                    !rects[i].intersects(rects[j]) || rects[i].intersect(rects[j]).area() < 1.0,
                    "{i} and {j} overlap"
                );
            }
        }
    }

    #[test]
    fn pinned_node_stays_where_it_was_put() {
        let g = sample_graph();
        let params = LayoutParams::default();
        let mut state = LayoutState::new(&g, &params, 3);
        state.pin(0, pos2(500.0, -300.0));
        while state.step(&g, &params) == Status::Running {}
        assert_eq!(state.positions()[0], pos2(500.0, -300.0));
    }

    #[test]
    fn repulsion_pushes_coincident_nodes_apart() {
        let mut force = vec![Vec2::ZERO; 2];
        repulsion(&[Pos2::ZERO, Pos2::ZERO], &[10.0, 10.0], &LayoutParams::default(), &mut force);
        assert!(force[0].x < 0.0 && force[1].x > 0.0, "{force:?}");
    }
}
