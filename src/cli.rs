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

/// Reads a news article and maps who stands where: the actors it names, who said each quote,
/// the roles that link them and the stances between them.
#[derive(Debug, Parser)]
#[command(name = "stancemap", version, about, long_about = None)]
pub struct Cli {
    /// Article to open in the window (text, Markdown or HTML).
    pub file: Option<PathBuf>,
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
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { file, json, max_size }) => extract_command(&file, json, max_size),
        None => open_window(cli.file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("stancemap: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn open_window(file: Option<PathBuf>) -> anyhow::Result<()> {
    crate::app::run(file)
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
