//! Stage 6: the eframe window: menus, the map canvas, the inspector and the article view.
//!
//! Invariant: this is the only module that knows egui, eframe or rfd; loading and extraction run
//! off the UI thread, and a failed load never replaces the map already shown.

mod canvas;
mod dialogs;
mod files;
mod inspector;
mod screenshot;
mod state;

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers};

pub use dialogs::{Dialogs, NativeDialogs};
pub use files::ImageOptions;
pub use screenshot::ScreenshotPlan;
pub use state::{Action, Document, Filters, Selection, Settings, StancemapApp};

/// Opens the window, on `file` if given, else on the first bundled sample.
pub fn run(file: Option<PathBuf>, screenshot: Option<ScreenshotPlan>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("stancemap")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "stancemap",
        options,
        Box::new(move |cc| {
            install_font(&cc.egui_ctx);
            let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
            let mut app = StancemapApp::new(settings, Box::new(NativeDialogs));
            app.screenshot = screenshot;
            match file {
                Some(path) => app.apply(Action::Open(path)),
                None => app.apply(Action::OpenSample(0)),
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// Makes the bundled font (the one the exporters use) the window's proportional font.
pub fn install_font(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("dejavu".to_owned(), Arc::new(egui::FontData::from_static(crate::render::png::FONT)));
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.insert(0, "dejavu".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Keyboard shortcuts, shown in the menus.
pub(crate) mod shortcuts {
    use super::{Key, KeyboardShortcut, Modifiers};
    pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    pub const PASTE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V);
    pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    pub const FIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F);
    pub const ARTICLE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::R);
    pub const LEGEND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::L);
    pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    pub const EXPORT_IMAGE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
    pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
}

impl eframe::App for StancemapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
