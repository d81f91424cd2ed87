//! File dialogs behind a small interface, so that tests can replace them; the only rfd caller.
//!
//! Invariant: a dialog that cannot be shown (no portal, no desktop) returns `None` quickly.

use std::path::PathBuf;

/// What the app asks of the desktop.
pub trait Dialogs {
    /// Asks for an article (or map) to open.
    fn pick_article(&self) -> Option<PathBuf>;
    /// Asks where to save, suggesting a file name; `extensions` filter the choices.
    fn save_path(&self, title: &str, default_name: &str, extensions: &[&str]) -> Option<PathBuf>;
}

/// The desktop's native dialogs, through rfd (xdg portal on Linux).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn pick_article(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open article")
            .add_filter("Articles and maps", &["txt", "md", "markdown", "html", "htm", "stancemap"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_path(&self, title: &str, default_name: &str, extensions: &[&str]) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).set_file_name(default_name).add_filter(title, extensions).save_file()
    }
}
