//! File dialogs behind a small interface, so that tests can replace them; the only rfd caller.
//!
//! Invariant: a dialog that cannot be shown (no portal, no desktop) returns `None` quickly.

use std::path::PathBuf;

/// What the app asks of the desktop.
pub trait Dialogs {
    /// Asks for an article (or map) to open.
    fn pick_article(&self) -> Option<PathBuf>;
}

/// The desktop's native dialogs, through rfd (xdg portal on Linux).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn pick_article(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open article")
            .add_filter("Articles", &["txt", "md", "markdown", "html", "htm"])
            .add_filter("All files", &["*"])
            .pick_file()
    }
}
