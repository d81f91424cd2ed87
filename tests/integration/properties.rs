//! Property tests: extraction never panics and every span is a valid slice of the text.

use proptest::prelude::*;
use stancemap::{article, extract};

fn check(text: &str) {
    let a = article::parse(text);
    let x = extract::run(&a, extract::Lexicon::builtin());
    let t = a.text();
    let valid = |s: article::Span| {
        s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end)
    };
    for p in a.paragraphs() {
        assert!(valid(*p));
    }
    for s in a.sentences() {
        assert!(valid(s.span));
    }
    for e in &x.entities {
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert!(valid(*m));
        }
    }
    for q in &x.quotes {
        assert!(valid(q.span));
        assert!(q.speaker.is_none_or(|s| s < x.entities.len()));
    }
    for r in &x.relations {
        assert!(r.source < x.entities.len() && r.target < x.entities.len());
        assert_ne!(r.source, r.target);
        for e in &r.evidence {
            assert!(valid(e.span) && valid(e.cue_span));
        }
    }
    // Same input, same output.
    assert_eq!(x, extract::run(&a, extract::Lexicon::builtin()));
}

/// Pieces of news text, quote marks and odd characters to mix.
const PIECES: &[&str] = &[
    "NATO",
    " said",
    " “",
    "”",
    "\"",
    "«",
    "»",
    "„",
    "‘",
    "’",
    " he said.",
    " Zas",
    " Stanislav Zas",
    " President of Belarus Alexander Lukashenko",
    " condemned",
    " the alliance",
    " (CSTO)",
    "\n\n",
    ". ",
    ", ",
    " not",
    " welcomed",
    " Russia",
    " the Taliban",
    " according to",
    " U.S.",
    "é",
    "\u{a0}",
    "\u{ad}",
    " The",
    " Mr.",
    " banned in Russia",
    " (",
    ")",
    ":",
    " –",
    " we",
    " cooperation with",
    " 🙂",
    "\r\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn news_like_text_never_panics(parts in prop::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(a) = article::from_bytes(&bytes, None) {
            let _ = extract::run(&a, extract::Lexicon::builtin());
        }
    }
}
