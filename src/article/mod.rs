//! Stage 1: bytes → [`Article`] { title, text, paragraphs, sentences, tokens }.
//!
//! Invariant: every [`Span`] held by an article is a valid, non-empty slice of [`Article::text`]
//! on UTF-8 character boundaries, and the text is what the window shows.

mod decode;
mod html;
mod markdown;
mod segment;

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use decode::Decoded;

/// The default limit on the size of an input file, in bytes.
pub const DEFAULT_SIZE_LIMIT: u64 = 20 * 1024 * 1024;

/// A byte range into [`Article::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The span as a range, for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length span.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True if `other` lies inside `self`.
    pub const fn contains(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the two spans share at least one byte.
    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How the input was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// Markdown, shown as plain text.
    Markdown,
    /// An HTML page; the article's main text is kept.
    Html,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the sentence.
    pub span: Span,
    /// Index of the paragraph that holds it.
    pub paragraph_idx: usize,
    /// Its tokens, as indices into [`Article::tokens`].
    pub tokens: Range<usize>,
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, apostrophes, hyphens inside).
    Word,
    /// Digits only.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A word, number or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
}

/// A decoded, normalised and segmented article.
#[derive(Clone, Debug)]
pub struct Article {
    title: Option<String>,
    text: String,
    paragraphs: Vec<Span>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    format: SourceFormat,
    encoding: &'static str,
    notes: Vec<String>,
}

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("no such file: {}", path.display())]
    NotFound {
        /// The path asked for.
        path: PathBuf,
    },
    /// The path is a directory.
    #[error("is a directory, not a file: {}", path.display())]
    IsDirectory {
        /// The path asked for.
        path: PathBuf,
    },
    /// The file is over the size limit.
    #[error("file is {size} bytes, over the limit of {limit} bytes (raise it with --max-size): {}", path.display())]
    TooLarge {
        /// The path asked for.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Nothing but white space.
    #[error("the input is empty")]
    Empty,
    /// Not text.
    #[error("the input looks binary, not text")]
    Binary,
    /// Reading failed.
    #[error("failed to read {}", path.display())]
    Io {
        /// The path asked for.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl Article {
    /// The title, if the input has one (HTML `<h1>`/`<title>`, Markdown `# `, a short first line).
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The normalised text that every span points into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Paragraph spans, in order.
    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// Sentences, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// How the input was written.
    pub fn format(&self) -> SourceFormat {
        self.format
    }

    /// The character encoding the input was decoded from.
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Things worth telling the user about the input (a legacy encoding, stripped markup).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The same article with another title (a map file keeps the title of an HTML page).
    #[must_use]
    pub fn with_title(mut self, title: Option<String>) -> Self {
        self.title = title;
        self
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Index of the paragraph holding byte `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let idx = self.paragraphs.partition_point(|p| p.end <= pos);
        (idx < self.paragraphs.len() && self.paragraphs[idx].start <= pos).then_some(idx)
    }

    /// Index of the sentence holding byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.span.end <= pos);
        (idx < self.sentences.len() && self.sentences[idx].span.start <= pos).then_some(idx)
    }
}

/// Parses plain text into an article. Never fails; empty text gives an empty article.
pub fn parse(text: &str) -> Article {
    build(text, SourceFormat::Text, "UTF-8", Vec::new())
}

/// Decodes bytes (any common encoding), detects HTML and Markdown, and parses the result.
/// `name_hint` is a file name whose extension helps to tell the format.
pub fn from_bytes(bytes: &[u8], name_hint: Option<&str>) -> Result<Article, LoadError> {
    let Decoded { text, encoding, notes } = decode::decode(bytes)?;
    let format = detect_format(&text, name_hint);
    let mut article = match format {
        SourceFormat::Html => {
            let page = html::extract(&text);
            let mut article = build(&page.text, format, encoding, notes);
            if page.title.is_some() {
                article.title = page.title;
            }
            article
        }
        SourceFormat::Markdown => {
            let doc = markdown::to_text(&text);
            let mut article = build(&doc.text, format, encoding, notes);
            if doc.title.is_some() {
                article.title = doc.title;
            }
            article
        }
        SourceFormat::Text => build(&text, format, encoding, notes),
    };
    if article.text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if format == SourceFormat::Html {
        article.notes.push("HTML: kept the article text, dropped menus, scripts and captions".to_owned());
    }
    Ok(article)
}

/// Reads a file into an article, refusing files over `size_limit` bytes.
pub fn read(path: &Path, size_limit: u64) -> Result<Article, LoadError> {
    let meta = std::fs::metadata(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            LoadError::NotFound { path: path.to_owned() }
        } else {
            LoadError::Io { path: path.to_owned(), source }
        }
    })?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { path: path.to_owned() });
    }
    if meta.len() > size_limit {
        return Err(LoadError::TooLarge { path: path.to_owned(), size: meta.len(), limit: size_limit });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_owned(), source })?;
    let name = path.file_name().and_then(|n| n.to_str());
    from_bytes(&bytes, name)
}

fn detect_format(text: &str, name_hint: Option<&str>) -> SourceFormat {
    let ext = name_hint.and_then(|n| n.rsplit_once('.')).map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => return SourceFormat::Html,
        "md" | "markdown" => return SourceFormat::Markdown,
        _ => {}
    }
    let head: String = text.trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || (head.starts_with('<') && head.contains("<p>"))
    {
        return SourceFormat::Html;
    }
    if head.starts_with("# ") {
        return SourceFormat::Markdown;
    }
    SourceFormat::Text
}

fn build(raw: &str, format: SourceFormat, encoding: &'static str, notes: Vec<String>) -> Article {
    let text = decode::normalize(raw);
    let paragraphs = segment::paragraphs(&text);
    let tokens = segment::tokens(&text);
    let sentences = segment::sentences(&text, &paragraphs, &tokens);
    let title = if format == SourceFormat::Text { segment::title(&text, &paragraphs) } else { None };
    Article { title, text, paragraphs, sentences, tokens, format, encoding, notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_slice_the_shown_text() {
        let article = parse("Hello world. Second one here.\n\nNew paragraph.");
        assert_eq!(article.paragraphs().len(), 2);
        assert_eq!(article.sentences().len(), 3);
        assert_eq!(article.slice(article.sentences()[1].span), "Second one here.");
        for token in article.tokens() {
            assert!(!article.slice(token.span).is_empty());
        }
    }

    #[test]
    fn paragraph_and_sentence_lookup_by_position() {
        let article = parse("One. Two.\n\nThree.");
        assert_eq!(article.paragraph_at(0), Some(0));
        assert_eq!(article.paragraph_at(12), Some(1));
        assert_eq!(article.sentence_at(6), Some(1));
        assert_eq!(article.paragraph_at(9), None);
    }

    #[test]
    fn html_is_detected_by_content_and_by_extension() {
        assert_eq!(detect_format("<!DOCTYPE html><html>", None), SourceFormat::Html);
        assert_eq!(detect_format("plain", Some("a.htm")), SourceFormat::Html);
        assert_eq!(detect_format("# Title\n\ntext", None), SourceFormat::Markdown);
        assert_eq!(detect_format("Just text.", Some("a.txt")), SourceFormat::Text);
    }

    #[test]
    fn empty_and_binary_inputs_are_errors() {
        assert!(matches!(from_bytes(b"  \n\t ", None), Err(LoadError::Empty)));
        assert!(matches!(from_bytes(&[0u8, 159, 146, 150, 0, 1, 2, 3], None), Err(LoadError::Binary)));
    }
}
