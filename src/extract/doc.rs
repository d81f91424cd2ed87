//! The working view of one article during extraction: tokens with what the lexicon and the quote
//! finder know about each of them.
//!
//! Invariant: every per-token vector has exactly one slot per token of the article.

use crate::article::{Article, Span, Token, TokenKind};

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
    /// Per token: (title, speech verb, cue) indices of a word hit starting there, `NONE` if none.
    starts: Vec<[u32; 3]>,
    /// Per token: number of tokens of the word hit starting there (0: none).
    hit_len: Vec<u8>,
    /// Per token: byte length without a possessive ending.
    base_len: Vec<u32>,
    /// Per token: `FLAG_*` bits.
    flags: Vec<u8>,
    /// Per token: the [`word_key`] of its word without a possessive ending.
    keys: Vec<u64>,
    /// Per paragraph: is it a heading.
    headings: Vec<bool>,
    /// Per paragraph: its tokens.
    paragraph_tokens: Vec<std::ops::Range<usize>>,
    /// Per quote: the tokens of its inner span and of its outer span (marks included).
    quote_tokens: Vec<[std::ops::Range<usize>; 2]>,
    /// Per name hit: its tokens.
    pub name_hit_tokens: Vec<std::ops::Range<usize>>,
}

const NONE: u32 = u32::MAX;
const FLAG_CAP: u8 = 1;
const FLAG_ALL_CAPS: u8 = 2;
const FLAG_COMMON: u8 = 4;
const FLAG_PROXY: u8 = 8;
const FLAG_HEAD_ORG: u8 = 16;
const FLAG_HEAD_GROUP: u8 = 32;
const FLAG_HEAD_DOCUMENT: u8 = 64;
const FLAG_HEAD_FEATURE: u8 = 128;

impl<'a> Doc<'a> {
    /// The working view of `article`; `quotes` are all the quotations found, of which one-word
    /// ones are kept only where someone is said to have used the word.
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
            quotes: Vec::new(),
            in_quote: vec![None; n],
            word_at: vec![None; n],
            furniture: vec![false; n],
            sentence_of: vec![0; n],
            starts: vec![[NONE; 3]; n],
            hit_len: vec![0; n],
            base_len: vec![0; n],
            flags: vec![0; n],
            keys: vec![0; n],
            headings: Vec::new(),
            paragraph_tokens: Vec::new(),
            quote_tokens: Vec::new(),
            name_hit_tokens: Vec::new(),
        };
        let tokens = article.tokens();
        let mut walk = TokenWalk::default();
        doc.name_hit_tokens = doc.name_hits.iter().map(|h| walk.range(tokens, h.span)).collect();
        let mut walk = TokenWalk::default();
        let mut proxy_starts = Vec::new();
        for (wi, hit) in doc.word_hits.iter().enumerate() {
            let range = walk.range(tokens, hit.span);
            // Only a hit that starts a token: "General" in "Directorate-General" is no title.
            if let Some(first) = range.clone().next().filter(|&t| tokens[t].span.start == hit.span.start) {
                doc.hit_len[first] = range.len().min(255) as u8;
                for target in lex.targets(hit) {
                    let (slot, idx) = match target {
                        WordTarget::Title(i) => (0, *i),
                        WordTarget::Speech(i) => (1, *i),
                        WordTarget::Cue(i) => (2, *i),
                        WordTarget::Proxy(_) => {
                            proxy_starts.extend(range.clone());
                            continue;
                        }
                    };
                    doc.starts[first][slot] = idx as u32;
                }
            }
            for t in range {
                doc.word_at[t] = Some(wi as u32);
            }
        }
        for (t, token) in article.tokens().iter().enumerate() {
            let word = &text[token.span.range()];
            let base = strip_possessive(word);
            doc.base_len[t] = base.len() as u32;
            doc.keys[t] = word_key(base);
            if token.kind != TokenKind::Word {
                continue;
            }
            let mut flags = 0;
            if word.chars().next().is_some_and(char::is_uppercase) || is_particle_name(word) {
                flags |= FLAG_CAP;
                if lex.is_common_word(base) {
                    flags |= FLAG_COMMON;
                }
                if lex.is_document_head(base) {
                    flags |= FLAG_HEAD_DOCUMENT;
                }
                if lex.is_feature_head(base) {
                    flags |= FLAG_HEAD_FEATURE;
                }
                match lex.org_head(base) {
                    Some(super::EntityKind::Group) => flags |= FLAG_HEAD_GROUP,
                    Some(_) => flags |= FLAG_HEAD_ORG,
                    None => {}
                }
                if base.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && base.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
                {
                    flags |= FLAG_ALL_CAPS;
                }
            }
            doc.flags[t] = flags;
        }
        for t in proxy_starts {
            doc.flags[t] |= FLAG_PROXY;
        }
        doc.headings = article
            .paragraphs()
            .iter()
            .map(|p| {
                let text = &text[p.range()];
                text.len() < 90
                    && !text.ends_with(['.', '!', '?', '"', '”', '»', ':', ';', ','])
                    && !text.contains('\n')
            })
            .collect();
        doc.paragraph_tokens = vec![0..0; article.paragraphs().len()];
        for (si, sentence) in article.sentences().iter().enumerate() {
            for t in sentence.tokens.clone() {
                doc.sentence_of[t] = si as u32;
            }
            let range = &mut doc.paragraph_tokens[sentence.paragraph_idx];
            if range.end == 0 {
                *range = sentence.tokens.clone();
            } else {
                range.end = sentence.tokens.end;
            }
        }
        let mut inner = TokenWalk::default();
        let mut outer = TokenWalk::default();
        for q in quotes {
            let ranges = [inner.range(tokens, q.inner), outer.range(tokens, q.outer)];
            if !q.is_one_word || doc.is_quoted_word(&ranges[1]) {
                doc.quotes.push(q);
                doc.quote_tokens.push(ranges);
            }
        }
        for (qi, [range, _]) in doc.quote_tokens.iter().enumerate() {
            for t in range.clone() {
                doc.in_quote[t] = Some(qi as u32);
            }
        }
        doc
    }

    /// A word in quote marks (`outer`) that someone is said to have used: a speech verb earlier
    /// in its sentence ("said the talks were “positive”", "called it “regrettable”"), and not
    /// "so-called “experts”".
    fn is_quoted_word(&self, outer: &std::ops::Range<usize>) -> bool {
        let Some(open) = outer.clone().next() else { return false };
        let so_called = open > 0 && self.is(open - 1, "so-called");
        let sentence = self.sentence_of[open];
        let first = (0..open).rev().take_while(|&t| self.sentence_of[t] == sentence).last().unwrap_or(open);
        !so_called
            && (first..open).any(|t| {
                self.speech_at(t).is_some()
                    && !(t > 0 && self.is_any(t - 1, words!["the", "a", "an", "his", "her", "its", "their"]))
            })
    }

    /// The tokens of paragraph `pi`.
    pub fn paragraph_tokens(&self, pi: usize) -> std::ops::Range<usize> {
        self.paragraph_tokens[pi].clone()
    }

    /// The tokens inside quote `qi` (marks excluded).
    pub fn quote_inner_tokens(&self, qi: usize) -> std::ops::Range<usize> {
        self.quote_tokens[qi][0].clone()
    }

    /// The tokens of quote `qi` with its marks.
    pub fn quote_outer_tokens(&self, qi: usize) -> std::ops::Range<usize> {
        self.quote_tokens[qi][1].clone()
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
        let span = self.article.tokens()[t].span;
        &self.text[span.start..span.start + self.base_len[t] as usize]
    }

    pub fn is_possessive(&self, t: usize) -> bool {
        self.base_len[t] as usize != self.article.tokens()[t].span.len()
    }

    /// A capitalised word that never names anything by itself ("Monday", "However").
    pub fn is_common(&self, t: usize) -> bool {
        self.flags.get(t).is_some_and(|f| f & FLAG_COMMON != 0)
    }

    /// A noun through which people stand for an actor ("leaders", "officials").
    pub fn is_proxy(&self, t: usize) -> bool {
        self.flags.get(t).is_some_and(|f| f & FLAG_PROXY != 0)
    }

    /// A capitalised head noun of a document ("Convention", "Treaty").
    pub fn is_document_head(&self, t: usize) -> bool {
        self.flags.get(t).is_some_and(|f| f & FLAG_HEAD_DOCUMENT != 0)
    }

    pub fn is_feature_head(&self, t: usize) -> bool {
        self.flags.get(t).is_some_and(|f| f & FLAG_HEAD_FEATURE != 0)
    }

    /// The kind a capitalised head noun gives a name ("Ministry" → organization).
    pub fn org_head(&self, t: usize) -> Option<super::EntityKind> {
        let f = *self.flags.get(t)?;
        if f & FLAG_HEAD_GROUP != 0 {
            Some(super::EntityKind::Group)
        } else if f & FLAG_HEAD_ORG != 0 {
            Some(super::EntityKind::Organization)
        } else {
            None
        }
    }

    pub fn kind(&self, t: usize) -> TokenKind {
        self.article.tokens()[t].kind
    }

    pub fn is_word(&self, t: usize) -> bool {
        t < self.n_tokens() && self.kind(t) == TokenKind::Word
    }

    pub fn is_punct(&self, t: usize, chars: &str) -> bool {
        if t >= self.n_tokens() || self.kind(t) != TokenKind::Punct {
            return false;
        }
        // Nearly every mark is one character: a character search, not a substring search.
        let word = self.word(t);
        let mut it = word.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => chars.contains(c),
            _ => chars.contains(word),
        }
    }

    /// True if the word (without a possessive ending) is one of `words`, ignoring ASCII case.
    pub fn is_any(&self, t: usize, words: Words) -> bool {
        self.keys.get(t).is_some_and(|key| words.contains(key))
    }

    /// The [`word_key`] of the word without a possessive ending.
    pub fn key(&self, t: usize) -> u64 {
        self.keys[t]
    }

    /// True if the word (without a possessive ending) is `word`, ignoring ASCII case.
    pub fn is(&self, t: usize, word: &str) -> bool {
        self.keys.get(t) == Some(&word_key(word))
    }

    /// Starts with an upper-case letter.
    pub fn is_cap(&self, t: usize) -> bool {
        self.flags.get(t).is_some_and(|f| f & FLAG_CAP != 0)
    }

    /// Two or more letters, all upper case ("CSTO", "U.S").
    pub fn is_all_caps(&self, t: usize) -> bool {
        self.flags.get(t).is_some_and(|f| f & FLAG_ALL_CAPS != 0)
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

    /// Tokens covered by the word hit starting at `t`.
    pub fn word_hit_len(&self, t: usize) -> usize {
        self.hit_len.get(t).map_or(0, |&n| usize::from(n))
    }

    fn start(&self, t: usize, slot: usize) -> Option<usize> {
        self.starts.get(t).map(|s| s[slot]).filter(|&i| i != NONE).map(|i| i as usize)
    }

    /// Title index if a title starts at `t`.
    pub fn title_at(&self, t: usize) -> Option<usize> {
        self.start(t, 0)
    }

    /// Speech verb index if one starts at `t`.
    pub fn speech_at(&self, t: usize) -> Option<usize> {
        self.start(t, 1)
    }

    /// Cue index if one starts at `t`.
    pub fn cue_at(&self, t: usize) -> Option<usize> {
        self.start(t, 2)
    }

    /// True if token `t` is inside a heading (a short paragraph without final punctuation).
    pub fn is_heading(&self, t: usize) -> bool {
        self.headings[self.paragraph_of(t)]
    }
}

/// Token ranges of spans met in text order, found by walking forward instead of searching.
#[derive(Default)]
struct TokenWalk {
    first: usize,
    last_start: usize,
}

impl TokenWalk {
    /// The tokens that a byte span covers: those that end after its start and start before its end.
    fn range(&mut self, tokens: &[Token], span: Span) -> std::ops::Range<usize> {
        if span.start < self.last_start {
            self.first = 0; // out of order: walk again from the start
        }
        self.last_start = span.start;
        while self.first < tokens.len() && tokens[self.first].span.end <= span.start {
            self.first += 1;
        }
        let mut last = self.first;
        while last < tokens.len() && tokens[last].span.start < span.end {
            last += 1;
        }
        self.first..last
    }
}

/// A word list for [`Doc::is_any`]: the [`word_key`] of each word, computed at compile time.
pub(crate) type Words = &'static [u64];

/// The [`Words`] of a list of string literals.
macro_rules! words {
    ($($word:literal),* $(,)?) => {{
        const KEYS: $crate::extract::doc::Words = &[$($crate::extract::doc::word_key($word)),*];
        KEYS
    }};
}
pub(crate) use words;

/// A 64-bit FNV-1a hash of the word in ASCII lower case: one comparison tells whether a token is
/// a listed word (collisions among the few hundred listed words and an article's vocabulary are
/// vanishingly unlikely at 64 bits).
pub(crate) const fn word_key(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i].to_ascii_lowercase() as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// A name word that opens with a lower-case particle: "al-Saadi", "el-Sisi", "d’Estaing".
pub(crate) fn is_particle_name(word: &str) -> bool {
    const PARTICLES: &[&str] =
        &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "bin", "ibn", "abu", "d", "l"];
    word.split_once(['-', '\'', '’']).is_some_and(|(particle, rest)| {
        PARTICLES.contains(&particle) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).filter(|s| !s.is_empty()).unwrap_or(w)
}

/// Adverbs and auxiliaries allowed between a speaker and a speech verb ("Zas also said").
pub(crate) const SPEECH_ADVERBS: Words = words![
    "also",
    "has",
    "had",
    "have",
    "later",
    "then",
    "further",
    "earlier",
    "previously",
    "again",
    "once",
    "repeatedly",
    "reportedly",
    "separately",
    "recently",
    "however",
    "himself",
    "herself",
];

/// Words that make a pronoun.
pub(crate) const PRONOUNS_MALE: Words = words!["he", "him", "his"];
pub(crate) const PRONOUNS_FEMALE: Words = words!["she", "her", "hers"];
pub(crate) const PRONOUNS_PLURAL: Words = words!["they", "them", "their"];
pub(crate) const PRONOUNS_FIRST_PLURAL: Words = words!["we", "us", "our", "ours"];
pub(crate) const PRONOUNS_FIRST: Words = words!["i", "me", "my"];
