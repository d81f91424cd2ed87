//! The app's state: persisted [`Settings`], the open [`Document`], view state, and the
//! [`Action`]s that change them; plus the frame's layout of menus and panels.
//!
//! Invariant: every change to the document goes through [`StancemapApp::apply`].

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use emath::TSTransform;
use serde::{Deserialize, Serialize};

use super::dialogs::Dialogs;
use super::shortcuts;
use crate::article::{self, Article};
use crate::extract::{self, EntityKind, Extraction, Lexicon, Polarity};
use crate::graph::{self, EdgeId, KnowledgeGraph, NodeId};
use crate::layout::{LayoutParams, LayoutState};
use crate::render::ThemeKind;

mod samples {
    include!(concat!(env!("OUT_DIR"), "/samples.rs"));
}

/// The bundled sample articles: (file name, contents).
pub fn samples() -> &'static [(&'static str, &'static str)] {
    samples::SAMPLES
}

/// Settings kept between runs.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Dark or light.
    pub theme: ThemeKind,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// Article panel shown.
    pub show_article: bool,
    /// Inspector shown.
    pub show_inspector: bool,
    /// Legend shown.
    pub show_legend: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self { theme: ThemeKind::Dark, recent: Vec::new(), show_article: true, show_inspector: true, show_legend: true }
    }
}

/// An article with its extraction, graph and layout.
pub struct Document {
    /// Name shown in the title bar.
    pub name: String,
    /// Where it came from.
    pub source: Option<PathBuf>,
    /// The article.
    pub article: Article,
    /// What was found in it.
    pub extraction: Extraction,
    /// The map.
    pub graph: KnowledgeGraph,
    /// Node positions, stepping to rest.
    pub layout: LayoutState,
    /// Time spent reading and extracting, in milliseconds.
    pub extract_ms: f64,
    /// The map file it was saved to or opened from.
    pub map_path: Option<PathBuf>,
    /// Nodes were moved or pinned since the last save.
    pub is_dirty: bool,
}

/// What is selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// A node.
    Node(NodeId),
    /// An edge.
    Edge(EdgeId),
}

pub use crate::graph::mapfile::Filters;

/// A user intent; produced by the `*_ui` functions, applied by [`StancemapApp::apply`].
#[derive(Clone, Debug)]
#[must_use]
pub enum Action {
    /// Read a file (off the UI thread).
    Open(PathBuf),
    /// Open a bundled sample.
    OpenSample(usize),
    /// Use pasted text.
    LoadText {
        /// The text.
        text: String,
        /// Name for the title bar.
        name: String,
    },
    /// Ask for a file with the dialog.
    ShowOpenDialog,
    /// Select something.
    Select(Selection),
    /// Select a node and centre the view on it.
    FocusNode(NodeId),
    /// Scroll the article to a span and flash it.
    ShowInArticle(article::Span),
    /// Fit the map to the view.
    FitView,
    /// Unpin every node and let the layout settle again.
    UnpinAll,
    /// Lay the map out again from scratch.
    Relayout,
    /// Save the map to its file, asking for one the first time.
    SaveMap,
    /// Save the map to a new file (asks for it).
    SaveMapAs,
    /// Save the map to this file.
    SaveMapTo(PathBuf),
    /// Show the image export options.
    ShowExportImage,
    /// Write the map as an image (PNG or SVG by extension).
    ExportImage {
        /// Where.
        path: PathBuf,
        /// How.
        options: super::files::ImageOptions,
    },
    /// Ask where to write the graph in a format.
    ShowExportGraph(crate::graph::export::GraphFormat),
    /// Write the graph in a format.
    ExportGraph {
        /// Where.
        path: PathBuf,
        /// Which format.
        format: crate::graph::export::GraphFormat,
    },
    /// Close the window.
    Quit,
    /// Do the pending action and drop unsaved changes.
    DiscardChanges,
    /// Keep the unsaved changes; forget the pending action.
    KeepChanges,
}

/// A loaded document, with the filters and view a map file saved.
pub(crate) struct Loaded {
    pub doc: Document,
    pub filters: Option<Filters>,
    pub view: Option<crate::graph::mapfile::View>,
}

type LoadResult = Result<Loaded, String>;

/// The application.
pub struct StancemapApp {
    /// Persisted settings.
    pub settings: Settings,
    /// The open document.
    pub doc: Option<Document>,
    /// Selection.
    pub selection: Selection,
    /// Map filters.
    pub filters: Filters,
    /// Error to show (a failed load).
    pub error: Option<String>,
    /// Search box text.
    pub search: String,
    /// Paste dialog text, when the dialog is open.
    pub paste: Option<String>,
    /// Graph-to-screen transform of the canvas.
    pub ui_from_graph: TSTransform,
    /// Fit the view on the next frame.
    pub needs_fit: bool,
    /// Span the article view scrolls to, and when it was asked for.
    pub article_target: Option<(article::Span, f64)>,
    pub(crate) loading: Option<(String, mpsc::Receiver<LoadResult>)>,
    /// Focus the search box on the next frame.
    pub focus_search: bool,
    pub(crate) dialogs: Box<dyn Dialogs>,
    pub(crate) hovered: Option<NodeId>,
    pub(crate) hovered_edge: Option<EdgeId>,
    pub(crate) params: LayoutParams,
    pub(crate) canvas_center: emath::Pos2,
    pub(crate) canvas_rect: emath::Rect,
    /// An action waiting for "discard unsaved changes?".
    pub pending: Option<Action>,
    /// Image export options, while that dialog is open.
    pub export_image: Option<super::files::ImageOptions>,
    /// A short message about the last save or export.
    pub status: Option<String>,
    /// The user confirmed closing the window.
    pub quit_requested: bool,
    /// Take a screenshot once the map is at rest, then quit.
    pub screenshot: Option<super::ScreenshotPlan>,
}

/// Reads and extracts a document (called on a worker thread).
fn load_document(name: String, source: Option<PathBuf>, bytes: &[u8]) -> LoadResult {
    if super::files::is_map_file(source.as_deref(), bytes) {
        return super::files::load_map(&name, source, bytes);
    }
    let started = Instant::now();
    let hint = source
        .as_ref()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .map_or_else(|| name.clone(), str::to_owned);
    let article = article::from_bytes(bytes, Some(&hint)).map_err(|e| format!("cannot open {name}: {e}"))?;
    let extraction = extract::run(&article, Lexicon::builtin());
    let graph = graph::build(&extraction);
    let layout = LayoutState::new(&graph, &LayoutParams::default(), 1);
    let name = article.title().map_or(name, str::to_owned);
    let doc = Document {
        name,
        source,
        article,
        extraction,
        graph,
        layout,
        extract_ms: started.elapsed().as_secs_f64() * 1000.0,
        map_path: None,
        is_dirty: false,
    };
    Ok(Loaded { doc, filters: None, view: None })
}

impl StancemapApp {
    /// A new app with these settings and dialogs.
    pub fn new(settings: Settings, dialogs: Box<dyn Dialogs>) -> Self {
        Self {
            settings,
            doc: None,
            selection: Selection::None,
            filters: Filters::default(),
            error: None,
            search: String::new(),
            paste: None,
            ui_from_graph: TSTransform::IDENTITY,
            needs_fit: true,
            article_target: None,
            loading: None,
            focus_search: false,
            dialogs,
            hovered: None,
            hovered_edge: None,
            params: LayoutParams::default(),
            canvas_center: emath::Pos2::ZERO,
            canvas_rect: emath::Rect::NOTHING,
            pending: None,
            export_image: None,
            status: None,
            quit_requested: false,
            screenshot: None,
        }
    }

    /// Starts loading on a worker thread.
    fn start_load(&mut self, name: String, source: Option<&Path>, bytes: Option<Vec<u8>>) {
        let source = source.map(Path::to_path_buf);
        let (tx, rx) = mpsc::channel();
        let path = source.clone();
        let thread_name = name.clone();
        std::thread::spawn(move || {
            let result = match (bytes, &path) {
                (Some(bytes), _) => load_document(thread_name, path.clone(), &bytes),
                (None, Some(p)) => read_file(p).and_then(|bytes| load_document(thread_name, path.clone(), &bytes)),
                (None, None) => Err("nothing to open".to_owned()),
            };
            let _ = tx.send(result);
        });
        self.loading = Some((name, rx));
    }

    /// Shows an extraction made elsewhere (benchmarks, tests): builds its graph and layout.
    pub fn open_extraction(&mut self, name: &str, article: Article, extraction: Extraction) {
        let graph = graph::build(&extraction);
        let layout = LayoutState::new(&graph, &self.params, 1);
        let doc = Document {
            name: name.to_owned(),
            source: None,
            article,
            extraction,
            graph,
            layout,
            extract_ms: 0.0,
            map_path: None,
            is_dirty: false,
        };
        self.finish_load(Ok(Loaded { doc, filters: None, view: None }));
    }

    /// True while a file is being read and extracted.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Waits for a load in progress (for tests and the command line).
    pub fn wait_for_load(&mut self) {
        if let Some((_, rx)) = self.loading.take() {
            let result = rx.recv().unwrap_or_else(|_| Err("loading stopped".to_owned()));
            self.finish_load(result);
        }
    }

    /// Runs the layout of the open document to rest (tests, exports).
    pub fn settle_layout(&mut self) {
        if let Some(doc) = &mut self.doc {
            while doc.layout.step(&doc.graph, &self.params) == crate::layout::Status::Running {}
        }
    }

    fn poll_load(&mut self) {
        let done = self.loading.as_ref().and_then(|(_, rx)| rx.try_recv().ok());
        if let Some(result) = done {
            self.loading = None;
            self.finish_load(result);
        }
    }

    fn finish_load(&mut self, result: LoadResult) {
        match result {
            Ok(Loaded { doc, filters, view }) => {
                if let Some(path) = doc.map_path.as_ref().or(doc.source.as_ref()) {
                    self.settings.recent.retain(|p| p != path);
                    self.settings.recent.insert(0, path.clone());
                    self.settings.recent.truncate(10);
                }
                self.doc = Some(doc);
                self.selection = Selection::None;
                self.error = None;
                self.article_target = None;
                self.filters = filters.unwrap_or_default();
                match view {
                    Some(v) => {
                        self.ui_from_graph = TSTransform::new(emath::vec2(v.translation[0], v.translation[1]), v.scale);
                        self.needs_fit = false;
                    }
                    None => self.needs_fit = true,
                }
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// Applies one user intent.
    pub fn apply(&mut self, action: Action) {
        let replaces_document = matches!(action, Action::Open(_) | Action::OpenSample(_) | Action::LoadText { .. });
        if replaces_document && self.doc.as_ref().is_some_and(|d| d.is_dirty) {
            self.pending = Some(action);
            return;
        }
        match action {
            Action::Open(path) => {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                self.start_load(name, Some(&path), None);
            }
            Action::OpenSample(i) => {
                if let Some((name, text)) = samples().get(i) {
                    self.start_load((*name).to_owned(), None, Some(text.as_bytes().to_vec()));
                }
            }
            Action::LoadText { text, name } => self.start_load(name, None, Some(text.into_bytes())),
            Action::ShowOpenDialog => match self.dialogs.pick_article() {
                Some(path) => self.apply(Action::Open(path)),
                None => {
                    self.error = Some("no file was chosen (if no dialog appeared, this desktop has no file portal: drop a file on the window, paste the text, or pass the file on the command line)".to_owned());
                }
            },
            Action::Select(selection) => self.selection = selection,
            Action::FocusNode(id) => {
                self.selection = Selection::Node(id);
                if let Some(doc) = &self.doc
                    && let Some(p) = doc.layout.positions().get(id).copied()
                {
                    // Zoom in to a readable scale, then centre on the node.
                    self.ui_from_graph.scaling = self.ui_from_graph.scaling.max(1.0);
                    self.needs_fit = false;
                    self.center_on(p);
                }
            }
            Action::ShowInArticle(span) => {
                self.settings.show_article = true;
                self.article_target = Some((span, f64::NAN));
            }
            Action::FitView => self.needs_fit = true,
            Action::UnpinAll => {
                if let Some(doc) = &mut self.doc {
                    doc.layout.unpin_all(&self.params);
                    doc.is_dirty = true;
                }
            }
            Action::Relayout => {
                if let Some(doc) = &mut self.doc {
                    doc.layout = LayoutState::new(&doc.graph, &self.params, 1);
                    doc.is_dirty = true;
                    self.needs_fit = true;
                }
            }
            Action::SaveMap
            | Action::SaveMapAs
            | Action::SaveMapTo(_)
            | Action::ShowExportImage
            | Action::ExportImage { .. }
            | Action::ShowExportGraph(_)
            | Action::ExportGraph { .. } => super::files::apply(self, action),
            Action::DiscardChanges => {
                if let Some(doc) = &mut self.doc {
                    doc.is_dirty = false;
                }
                if let Some(action) = self.pending.take() {
                    self.apply(action);
                }
            }
            Action::KeepChanges => self.pending = None,
            Action::Quit => self.quit_requested = true,
        }
    }

    /// The node ids to hide under the current filters.
    pub fn hidden_nodes(&self) -> Vec<bool> {
        let Some(doc) = &self.doc else { return Vec::new() };
        let mut hidden: Vec<bool> = doc
            .graph
            .nodes()
            .map(|(_, n)| {
                let kind_idx = EntityKind::ALL.iter().position(|k| *k == n.kind).unwrap_or(0);
                !self.filters.kinds[kind_idx] || n.n_mentions < self.filters.min_mentions
            })
            .collect();
        if let (Selection::Node(center), depth @ 1..) = (self.selection, self.filters.focus_depth) {
            let mut keep = vec![false; hidden.len()];
            let mut frontier = vec![center];
            if let Some(k) = keep.get_mut(center) {
                *k = true;
            }
            for _ in 0..depth {
                let mut next = Vec::new();
                for n in frontier {
                    for m in doc.graph.neighbors(n) {
                        if !keep[m] {
                            keep[m] = true;
                            next.push(m);
                        }
                    }
                }
                frontier = next;
            }
            for (h, k) in hidden.iter_mut().zip(keep) {
                *h |= !k;
            }
        }
        hidden
    }

    /// True if an edge passes the relation filters.
    pub fn edge_visible(&self, kind: extract::RelationKind, polarity: Polarity) -> bool {
        if kind != extract::RelationKind::Stance {
            return self.filters.show_roles;
        }
        let idx = match polarity {
            Polarity::Positive => 0,
            Polarity::Negative => 1,
            Polarity::Neutral => 2,
            Polarity::Mixed => 3,
        };
        self.filters.polarities[idx]
    }

    fn center_on(&mut self, pos_in_graph: emath::Pos2) {
        let screen = self.ui_from_graph * pos_in_graph;
        self.ui_from_graph.translation += self.canvas_center - screen;
    }

    /// Window title: the article's name.
    pub fn window_title(&self) -> String {
        match &self.doc {
            Some(doc) => format!("{}{} — stancemap", if doc.is_dirty { "• " } else { "" }, doc.name),
            None => "stancemap".to_owned(),
        }
    }

    /// Draws one frame.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.poll_load();
        let ctx = ui.ctx().clone();
        ctx.set_visuals(match self.settings.theme {
            ThemeKind::Dark => egui::Visuals::dark(),
            ThemeKind::Light => egui::Visuals::light(),
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.window_title()));
        if self.quit_requested {
            if let Some(doc) = &mut self.doc {
                doc.is_dirty = false;
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.handle_dropped_files(&ctx);
        self.handle_shortcuts(&ctx);
        if self.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.settings.show_inspector {
            egui::Panel::left("inspector").default_size(330.0).min_size(260.0).resizable(true).show(ui, |ui| {
                let actions = super::inspector::inspector_ui(self, ui);
                for a in actions {
                    self.apply(a);
                }
            });
        }
        if self.settings.show_article {
            egui::Panel::right("article").default_size(380.0).min_size(300.0).resizable(true).show(ui, |ui| {
                let actions = super::inspector::article_ui(self, ui);
                for a in actions {
                    self.apply(a);
                }
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let actions = super::canvas::canvas_ui(self, ui);
            for a in actions {
                self.apply(a);
            }
        });
        self.paste_window(&ctx);
        super::screenshot::step(self, &ctx);
        for action in super::files::dialogs_ui(self, &ctx) {
            self.apply(action);
        }
        // Closing the window with unsaved changes asks first.
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.as_ref().is_some_and(|d| d.is_dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Action::Quit);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(file) = dropped.into_iter().next() {
            let path = file.path().to_path_buf();
            if path.as_os_str().is_empty() {
                match file.bytes() {
                    Ok(bytes) => self.start_load("dropped file".to_owned(), None, Some(bytes)),
                    Err(err) => self.error = Some(format!("cannot read the dropped file: {err}")),
                }
            } else {
                self.apply(Action::Open(path));
            }
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let (save, save_as, export_image) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&shortcuts::SAVE_AS),
                i.consume_shortcut(&shortcuts::SAVE),
                i.consume_shortcut(&shortcuts::EXPORT_IMAGE),
            )
        });
        let (save_as, save) = (save, save_as);
        if save {
            self.apply(Action::SaveMap);
        }
        if save_as {
            self.apply(Action::SaveMapAs);
        }
        if export_image {
            self.apply(Action::ShowExportImage);
        }
        let (open, paste, find, fit, article, legend, quit, escape) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&shortcuts::OPEN),
                i.consume_shortcut(&shortcuts::PASTE),
                i.consume_shortcut(&shortcuts::FIND),
                !typing && i.consume_shortcut(&shortcuts::FIT),
                i.consume_shortcut(&shortcuts::ARTICLE),
                i.consume_shortcut(&shortcuts::LEGEND),
                i.consume_shortcut(&shortcuts::QUIT),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if open {
            self.apply(Action::ShowOpenDialog);
        }
        if paste {
            self.paste = Some(String::new());
        }
        // Ctrl+V outside a text field: the pasted text becomes the article.
        if !typing && self.paste.is_none() {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) if text.trim().len() > 40 => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                self.apply(Action::LoadText { text, name: "pasted article".to_owned() });
            }
        }
        if find {
            self.focus_search = true;
        }
        if fit {
            self.apply(Action::FitView);
        }
        if article {
            self.settings.show_article = !self.settings.show_article;
        }
        if legend {
            self.settings.show_legend = !self.settings.show_legend;
        }
        if quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if escape && self.paste.is_none() {
            self.selection = Selection::None;
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&shortcuts::OPEN)))
                    .clicked()
                {
                    actions.push(Action::ShowOpenDialog);
                }
                if ui
                    .add(egui::Button::new("Paste article…").shortcut_text(ui.ctx().format_shortcut(&shortcuts::PASTE)))
                    .clicked()
                {
                    self.paste = Some(String::new());
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("(none yet)");
                    }
                    for path in self.settings.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            actions.push(Action::Open(path));
                        }
                    }
                });
                ui.menu_button("Samples", |ui| {
                    for (i, (name, _)) in samples().iter().enumerate() {
                        if ui.button(*name).clicked() {
                            actions.push(Action::OpenSample(i));
                        }
                    }
                });
                ui.separator();
                if ui
                    .add(egui::Button::new("Save map").shortcut_text(ui.ctx().format_shortcut(&shortcuts::SAVE)))
                    .clicked()
                {
                    actions.push(Action::SaveMap);
                }
                if ui
                    .add(egui::Button::new("Save map as…").shortcut_text(ui.ctx().format_shortcut(&shortcuts::SAVE_AS)))
                    .clicked()
                {
                    actions.push(Action::SaveMapAs);
                }
                if ui
                    .add(
                        egui::Button::new("Export image…")
                            .shortcut_text(ui.ctx().format_shortcut(&shortcuts::EXPORT_IMAGE)),
                    )
                    .clicked()
                {
                    actions.push(Action::ShowExportImage);
                }
                ui.menu_button("Export graph as", |ui| {
                    use crate::graph::export::GraphFormat;
                    for (label, format) in [
                        ("GraphML (Gephi, Cytoscape, yEd)…", GraphFormat::Graphml),
                        ("GEXF (Gephi)…", GraphFormat::Gexf),
                        ("DOT (Graphviz)…", GraphFormat::Dot),
                        ("JSON node-link (D3)…", GraphFormat::Json),
                        ("CSV (nodes and edges)…", GraphFormat::Csv),
                    ] {
                        if ui.button(label).clicked() {
                            actions.push(Action::ShowExportGraph(format));
                        }
                    }
                });
                ui.separator();
                if ui.add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&shortcuts::QUIT))).clicked()
                {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add(egui::Button::new("Find actor…").shortcut_text(ui.ctx().format_shortcut(&shortcuts::FIND)))
                    .clicked()
                {
                    self.focus_search = true;
                }
                if ui.add(egui::Button::new("Clear selection").shortcut_text("Esc")).clicked() {
                    actions.push(Action::Select(Selection::None));
                }
                if ui.button("Unpin all").clicked() {
                    actions.push(Action::UnpinAll);
                }
                if ui.button("Re-layout").clicked() {
                    actions.push(Action::Relayout);
                }
            });
            ui.menu_button("View", |ui| {
                if ui
                    .add(egui::Button::new("Fit to view").shortcut_text(ui.ctx().format_shortcut(&shortcuts::FIT)))
                    .clicked()
                {
                    actions.push(Action::FitView);
                }
                ui.checkbox(&mut self.settings.show_inspector, "Inspector");
                ui.checkbox(&mut self.settings.show_article, "Article (Ctrl+R)");
                ui.checkbox(&mut self.settings.show_legend, "Legend (Ctrl+L)");
                ui.separator();
                ui.radio_value(&mut self.settings.theme, ThemeKind::Dark, "Dark theme");
                ui.radio_value(&mut self.settings.theme, ThemeKind::Light, "Light theme");
            });
            ui.menu_button("Help", |ui| {
                ui.label("Drag the background to pan, wheel to zoom, drag a node to pin it.");
                ui.label("Click a node or an edge to read its evidence.");
                ui.label("F fit · Ctrl+F find · Esc clear · Ctrl+O open");
                ui.menu_button("Samples", |ui| {
                    for (i, (name, _)) in samples().iter().enumerate() {
                        if ui.button(*name).clicked() {
                            actions.push(Action::OpenSample(i));
                        }
                    }
                });
            });
        });
        for a in actions {
            self.apply(a);
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some((name, _)) = &self.loading {
                ui.spinner();
                ui.label(format!("reading {name}…"));
            }
            if let Some(err) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {err}"));
                if ui.small_button("✕").on_hover_text("Dismiss").clicked() {
                    self.error = None;
                }
                return;
            }
            if let Some(status) = &self.status {
                ui.label(format!("✔ {status}"));
                ui.separator();
            }
            if let Some(doc) = &self.doc {
                let x = &doc.extraction;
                let n_stances = x.relations.iter().filter(|r| r.kind == extract::RelationKind::Stance).count();
                let n_quotes = x.quotes.iter().filter(|q| q.is_direct).count();
                ui.label(format!(
                    "{} actors · {} quotes · {} stances · extracted in {:.1} ms · {}",
                    x.entities.len(),
                    n_quotes,
                    n_stances,
                    doc.extract_ms,
                    doc.article.encoding()
                ));
                for note in doc.article.notes() {
                    ui.label(format!("· {note}"));
                }
            }
        });
    }

    fn paste_window(&mut self, ctx: &egui::Context) {
        let Some(text) = &mut self.paste else { return };
        let mut open = true;
        let mut load = false;
        egui::Window::new("Paste article").open(&mut open).default_size([520.0, 360.0]).show(ctx, |ui| {
            let label = ui.label("Paste or type the article text:");
            egui::ScrollArea::vertical().max_height(280.0).show(ui, |ui| {
                ui.add(egui::TextEdit::multiline(text).desired_rows(14).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
            });
            if ui.button("Map it").clicked() {
                load = true;
            }
        });
        if load {
            let text = self.paste.take().unwrap_or_default();
            if text.trim().is_empty() {
                self.error = Some("the pasted text is empty".to_owned());
            } else {
                self.apply(Action::LoadText { text, name: "pasted article".to_owned() });
            }
        } else if !open {
            self.paste = None;
        }
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    if meta.is_dir() {
        return Err(format!("cannot open {}: it is a directory", path.display()));
    }
    if meta.len() > article::DEFAULT_SIZE_LIMIT {
        return Err(format!(
            "cannot open {}: {} bytes is over the limit of {} bytes",
            path.display(),
            meta.len(),
            article::DEFAULT_SIZE_LIMIT
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot open {}: {e}", path.display()))
}
