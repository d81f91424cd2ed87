//! The working view of one article during extraction: tokens with what the lexicon and the quote
//! finder know about each of them.
//!
//! Invariant: every per-token vector has exactly one slot per token of the article.

use crate::article::{Article, Span, TokenKind};

use super::lexicon::{Lexicon, NameHit, WordHit, WordTarget};
use super::quotes::RawQuote;

/// Tokens and their annotations.
pub(crate) struct Doc<'a> {
    pub article: &'a Article,
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub name_hits: Vec<NameHit>,
    pub word_hits: Vec<WordHit>,
    pub quotes: Vec<RawQuote>,
    /// Quote index for tokens inside a quote (marks excluded).
    pub in_quote: Vec<Option<u32>>,
    /// Index into `word_hits` for every token a word hit covers.
    pub word_at: Vec<Option<u32>>,
    /// Datelines, bylines, credits and editorial notes.
    pub furniture: Vec<bool>,
    /// Sentence index of each token.
    pub sentence_of: Vec<u32>,
}

impl<'a> Doc<'a> {
    pub fn new(article: &'a Article, lex: &'a Lexicon, quotes: Vec<RawQuote>) -> Self {
        let text = article.text();
        let n = article.tokens().len();
        let name_hits = lex.names(text);
        let word_hits = lex.words(text);
        let mut doc = Doc {
            article,
            lex,
            text,
            name_hits,
            word_hits,
            quotes,
            in_quote: vec![None; n],
            word_at: vec![None; n],
            furniture: vec![false; n],
            sentence_of: vec![0; n],
        };
        for (qi, quote) in doc.quotes.iter().enumerate() {
            for t in doc.token_range(quote.inner) {
                doc.in_quote[t] = Some(qi as u32);
            }
        }
        for (wi, hit) in doc.word_hits.iter().enumerate() {
            for t in doc.token_range(hit.span) {
                doc.word_at[t] = Some(wi as u32);
            }
        }
        for (si, sentence) in article.sentences().iter().enumerate() {
            for t in sentence.tokens.clone() {
                doc.sentence_of[t] = si as u32;
            }
        }
        doc
    }

    pub fn n_tokens(&self) -> usize {
        self.article.tokens().len()
    }

    pub fn span(&self, t: usize) -> Span {
        self.article.tokens()[t].span
    }

    pub fn word(&self, t: usize) -> &'a str {
        &self.text[self.article.tokens()[t].span.range()]
    }

    /// The word without a possessive ending ("Afghanistan’s" → "Afghanistan").
    pub fn base(&self, t: usize) -> &'a str {
        strip_possessive(self.word(t))
    }

    pub fn is_possessive(&self, t: usize) -> bool {
        let w = self.word(t);
        w.len() != strip_possessive(w).len()
    }

    pub fn kind(&self, t: usize) -> TokenKind {
        self.article.tokens()[t].kind
    }

    pub fn is_word(&self, t: usize) -> bool {
        t < self.n_tokens() && self.kind(t) == TokenKind::Word
    }

    pub fn is_punct(&self, t: usize, chars: &str) -> bool {
        t < self.n_tokens() && self.kind(t) == TokenKind::Punct && chars.contains(self.word(t))
    }

    /// Lower-case comparison with one of `words`.
    pub fn is_any(&self, t: usize, words: &[&str]) -> bool {
        t < self.n_tokens() && {
            let w = self.base(t);
            words.iter().any(|x| x.eq_ignore_ascii_case(w))
        }
    }

    /// Starts with an upper-case letter.
    pub fn is_cap(&self, t: usize) -> bool {
        self.is_word(t) && self.word(t).chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case ("CSTO", "U.S").
    pub fn is_all_caps(&self, t: usize) -> bool {
        let w = self.base(t);
        self.is_word(t)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    }

    /// Tokens that a byte span covers (tokens that start inside it).
    pub fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        let tokens = self.article.tokens();
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        let last = tokens.partition_point(|t| t.span.start < span.end);
        first..last.max(first)
    }

    pub fn quote_of(&self, t: usize) -> Option<usize> {
        self.in_quote.get(t).copied().flatten().map(|q| q as usize)
    }

    pub fn sentence_idx(&self, t: usize) -> usize {
        self.sentence_of[t] as usize
    }

    pub fn paragraph_of(&self, t: usize) -> usize {
        self.article.sentences()[self.sentence_idx(t)].paragraph_idx
    }

    /// The word hit starting at token `t`, if any.
    pub fn word_hit_at(&self, t: usize) -> Option<&WordHit> {
        let wi = self.word_at.get(t).copied().flatten()? as usize;
        let hit = &self.word_hits[wi];
        (self.token_range(hit.span).start == t).then_some(hit)
    }

    /// Tokens covered by the word hit starting at `t`.
    pub fn word_hit_len(&self, t: usize) -> usize {
        self.word_hit_at(t).map_or(0, |h| self.token_range(h.span).len())
    }

    /// Title index if a title starts at `t`.
    pub fn title_at(&self, t: usize) -> Option<usize> {
        self.word_hit_at(t)?.targets.iter().find_map(|x| match x {
            WordTarget::Title(i) => Some(*i),
            _ => None,
        })
    }

    /// Speech verb index if one starts at `t`.
    pub fn speech_at(&self, t: usize) -> Option<usize> {
        self.word_hit_at(t)?.targets.iter().find_map(|x| match x {
            WordTarget::Speech(i) => Some(*i),
            _ => None,
        })
    }

    /// Cue index if one starts at `t`.
    pub fn cue_at(&self, t: usize) -> Option<usize> {
        self.word_hit_at(t)?.targets.iter().find_map(|x| match x {
            WordTarget::Cue(i) => Some(*i),
            _ => None,
        })
    }

    /// True if token `t` is inside a heading (a short paragraph without final punctuation).
    pub fn is_heading(&self, t: usize) -> bool {
        let p = self.article.paragraphs()[self.paragraph_of(t)];
        let text = &self.text[p.range()];
        text.len() < 90 && !text.ends_with(['.', '!', '?', '"', '”', '»', ':']) && !text.contains('\n')
    }
}

pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).filter(|s| !s.is_empty()).unwrap_or(w)
}

/// Words that make a pronoun.
pub(crate) const PRONOUNS_MALE: &[&str] = &["he", "him", "his"];
pub(crate) const PRONOUNS_FEMALE: &[&str] = &["she", "her", "hers"];
pub(crate) const PRONOUNS_PLURAL: &[&str] = &["they", "them", "their"];
pub(crate) const PRONOUNS_FIRST_PLURAL: &[&str] = &["we", "us", "our", "ours"];
pub(crate) const PRONOUNS_FIRST: &[&str] = &["i", "me", "my"];
