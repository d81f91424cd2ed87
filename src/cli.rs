//! The command line: no subcommand opens the window; `extract` runs headless.
//!
//! Invariant: every failure ends with one clear line on stderr and a non-zero exit status.

#![expect(clippy::print_stdout, reason = "the CLI's job is to print")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::article::{self, Article};
use crate::extract::{self, Extraction, Lexicon, RelationKind};
use crate::graph::export::{GraphFormat, write_atomic};
use crate::render::{self, ThemeKind};
use crate::{graph, layout};

/// Reads a news article and maps who stands where: the actors it names, who said each quote,
/// the roles that link them and the stances between them.
#[derive(Debug, Parser)]
#[command(name = "stancemap", version, about, long_about = None)]
pub struct Cli {
    /// Article or map file to open in the window (text, Markdown, HTML or .stancemap).
    pub file: Option<PathBuf>,
    /// Save a screenshot of the window to this PNG once the map is at rest, then quit
    /// (for documentation and visual checks).
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// With --screenshot: select this actor first (its quotes show in the inspector).
    #[arg(long, value_name = "NAME", requires = "screenshot")]
    pub select: Option<String>,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract actors, quotes, roles and stances from an article and print them.
    Extract {
        /// The article (plain text, Markdown or HTML; any common encoding).
        file: PathBuf,
        /// Print the extraction JSON (schema stancemap.extraction/1) instead of a summary.
        #[arg(long)]
        json: bool,
        /// Refuse files larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = article::DEFAULT_SIZE_LIMIT)]
        max_size: u64,
    },
    /// Draw the map of an article as an image (PNG or SVG, chosen by the extension of -o).
    Render {
        /// The article.
        file: PathBuf,
        /// Output image: map.png or map.svg.
        #[arg(short, long)]
        output: PathBuf,
        /// Pixels per graph unit for PNG (1, 2 or 4 are typical).
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// Colour theme.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// Leave out the legend.
        #[arg(long)]
        no_legend: bool,
        /// Leave out the article's title.
        #[arg(long)]
        no_title: bool,
        /// Refuse files larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = article::DEFAULT_SIZE_LIMIT)]
        max_size: u64,
    },
    /// Export the map as a graph for Gephi, Cytoscape, yEd or Graphviz.
    Export {
        /// The article.
        file: PathBuf,
        /// Graph format.
        #[arg(long, value_enum)]
        format: GraphFormat,
        /// Output file.
        #[arg(short, long)]
        output: PathBuf,
        /// Refuse files larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = article::DEFAULT_SIZE_LIMIT)]
        max_size: u64,
    },
}

/// Theme of a rendered image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// Light background.
    Light,
    /// Dark background.
    Dark,
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { file, json, max_size }) => extract_command(&file, json, max_size),
        Some(Command::Render { file, output, scale, theme, no_legend, no_title, max_size }) => {
            let theme = match theme {
                ThemeArg::Light => ThemeKind::Light,
                ThemeArg::Dark => ThemeKind::Dark,
            };
            render_command(&file, &output, scale, theme, !no_legend, !no_title, max_size)
        }
        Some(Command::Export { file, format, output, max_size }) => export_command(&file, format, &output, max_size),
        None => crate::app::run(cli.file, cli.screenshot.map(|path| crate::app::ScreenshotPlan::new(path, cli.select))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("stancemap: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Reads and extracts one article file.
pub fn load_and_extract(path: &Path, max_size: u64) -> anyhow::Result<(Article, Extraction)> {
    let article = article::read(path, max_size)?;
    let extraction = extract::run(&article, Lexicon::builtin());
    Ok((article, extraction))
}

fn extract_command(path: &Path, json: bool, max_size: u64) -> anyhow::Result<()> {
    let (article, extraction) =
        load_and_extract(path, max_size).with_context(|| format!("cannot read {}", path.display()))?;
    if json {
        println!("{}", extract::json::to_string(&article, &extraction));
    } else {
        print!("{}", summary(&article, &extraction));
    }
    Ok(())
}

#[expect(clippy::fn_params_excessive_bools, reason = "mirrors the command-line flags")]
fn render_command(
    path: &Path,
    output: &Path,
    scale: f32,
    theme: ThemeKind,
    show_legend: bool,
    show_title: bool,
    max_size: u64,
) -> anyhow::Result<()> {
    let ext = output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let is_png = match ext.as_deref() {
        Some("png") => true,
        Some("svg") => false,
        _ => anyhow::bail!("unknown image format for {} (use .png or .svg)", output.display()),
    };
    if !(scale.is_finite() && scale > 0.0 && scale <= 8.0) {
        anyhow::bail!("--scale must be between 0 and 8, not {scale}");
    }
    let (article, extraction) =
        load_and_extract(path, max_size).with_context(|| format!("cannot read {}", path.display()))?;
    let graph = graph::build(&extraction);
    let layout = layout::run(&graph, &layout::LayoutParams::default(), 1);
    let options = render::SceneOptions {
        show_legend,
        title: if show_title { article.title().map(str::to_owned) } else { None },
        ..Default::default()
    };
    let scene = render::scene(&graph, &layout, &render::Theme::new(theme), &options);
    let bytes = if is_png {
        render::png::write(&scene, scale, render::svg::Background::Theme)?
    } else {
        render::svg::write(&scene, render::svg::Background::Theme).into_bytes()
    };
    write_atomic(output, &bytes)?;
    Ok(())
}

fn export_command(path: &Path, format: GraphFormat, output: &Path, max_size: u64) -> anyhow::Result<()> {
    let (article, extraction) =
        load_and_extract(path, max_size).with_context(|| format!("cannot read {}", path.display()))?;
    let graph = graph::build(&extraction);
    let layout = layout::run(&graph, &layout::LayoutParams::default(), 1);
    let text = graph::export::to_string(format, &graph, &article, &extraction, &layout.positions);
    write_atomic(output, text.as_bytes())?;
    Ok(())
}

/// A readable summary: actors, quotes by speaker, stances with their evidence.
pub fn summary(article: &Article, x: &Extraction) -> String {
    let text = article.text();
    let mut out = String::new();
    let name = |i: usize| x.entities[i].name.as_str();
    if let Some(title) = article.title() {
        let _ = writeln!(out, "{title}\n");
    }
    for note in article.notes() {
        let _ = writeln!(out, "note: {note}");
    }
    let _ = writeln!(out, "Actors ({})", x.entities.len());
    for e in &x.entities {
        let aliases = if e.aliases.is_empty() { String::new() } else { format!(" — also {}", e.aliases.join(", ")) };
        let _ = writeln!(out, "  {:<13} {} ×{}{aliases}", e.kind.as_str(), e.name, e.mentions.len());
    }
    let _ = writeln!(out, "\nQuotes by speaker");
    for (i, e) in x.entities.iter().enumerate() {
        let said: Vec<_> = x.quotes.iter().filter(|q| q.speaker == Some(i) && q.is_direct).collect();
        if said.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {} ({})", e.name, said.len());
        for q in said {
            let _ = writeln!(out, "    “{}” [{}]", shorten(&text[q.span.range()], 90), q.cue.as_deref().unwrap_or("-"));
        }
    }
    let unattributed = x.quotes.iter().filter(|q| q.speaker.is_none()).count();
    if unattributed > 0 {
        let _ = writeln!(out, "  (no speaker: {unattributed})");
    }
    let _ = writeln!(out, "\nStances");
    for r in x.relations.iter().filter(|r| r.kind == RelationKind::Stance) {
        let _ = writeln!(
            out,
            "  {} → {}: {} ({}, {} evidence)",
            name(r.source),
            name(r.target),
            r.label,
            r.polarity.as_str(),
            r.evidence.len()
        );
        for e in &r.evidence {
            let _ = writeln!(out, "    [{}] {}", e.cue, shorten(&text[e.span.range()], 100));
        }
    }
    let _ = writeln!(out, "\nRoles and membership");
    for r in x.relations.iter().filter(|r| r.kind != RelationKind::Stance) {
        let _ = writeln!(out, "  {} → {}: {}", name(r.source), name(r.target), r.label);
    }
    out
}

fn shorten(s: &str, max_chars: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max_chars {
        return s;
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{cut}…")
}
