//! `stancemap FILE --screenshot out.png`: the window photographs itself once the map is at rest
//! (the README's screenshot and visual checks are made this way).
//!
//! Invariant: the window closes after the file is written, or after a failure is reported.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::state::{Selection, StancemapApp};

/// What to photograph and where to save it.
#[derive(Debug)]
pub struct ScreenshotPlan {
    path: PathBuf,
    select: Option<String>,
    frames_at_rest: u32,
    result: Arc<Mutex<Option<Result<(), String>>>>,
    requested: bool,
}

impl ScreenshotPlan {
    /// A plan to save the window to `path`, after selecting the actor named `select`.
    pub fn new(path: PathBuf, select: Option<String>) -> Self {
        Self { path, select, frames_at_rest: 0, result: Arc::new(Mutex::new(None)), requested: false }
    }
}

/// Advances the plan by one frame.
pub(crate) fn step(app: &mut StancemapApp, ctx: &egui::Context) {
    let at_rest = app.doc.as_ref().is_some_and(|d| d.layout.is_settled()) && !app.is_loading();
    let Some(plan) = &mut app.screenshot else { return };
    let finished = plan.result.lock().ok().and_then(|r| r.clone());
    if let Some(result) = finished {
        if let Err(err) = result {
            eprintln!("stancemap: error: {err}");
        }
        app.screenshot = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        return;
    }
    if !at_rest {
        ctx.request_repaint();
        return;
    }
    if plan.frames_at_rest == 0
        && let (Some(name), Some(doc)) = (&plan.select, &app.doc)
    {
        let wanted = name.to_lowercase();
        if let Some(i) = doc
            .extraction
            .entities
            .iter()
            .position(|e| e.name.to_lowercase() == wanted || e.aliases.iter().any(|a| a.to_lowercase() == wanted))
        {
            app.selection = Selection::Node(i);
        }
    }
    plan.frames_at_rest += 1;
    ctx.request_repaint();
    if plan.frames_at_rest < 10 || plan.requested {
        return;
    }
    plan.requested = true;
    let path = plan.path.clone();
    let result = plan.result.clone();
    ctx.request_screenshot(move |image| {
        let outcome = save(&path, &image);
        if let Ok(mut slot) = result.lock() {
            *slot = Some(outcome);
        }
    });
}

fn save(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w as u32, h as u32).ok_or("empty screenshot")?;
    for (dst, src) in pixmap.pixels_mut().iter_mut().zip(&image.pixels) {
        let [r, g, b, a] = src.to_array();
        *dst = resvg::tiny_skia::PremultipliedColorU8::from_rgba(r.min(a), g.min(a), b.min(a), a).ok_or("bad pixel")?;
    }
    let bytes = pixmap.encode_png().map_err(|e| e.to_string())?;
    crate::graph::export::write_atomic(path, &bytes).map_err(|e| format!("{e}"))
}
