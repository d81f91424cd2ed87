//! Splits normalised text into paragraphs, tokens and sentences.
//!
//! Invariant: paragraphs, sentences and tokens are sorted, disjoint and trimmed of white space;
//! every sentence lies inside one paragraph.

use super::{Sentence, Span, Token, TokenKind};

/// Paragraphs: blocks separated by blank lines, or lines when the text has no blank line.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let has_blank_line = text.lines().any(|l| l.trim().is_empty()) && text.trim().contains('\n');
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let blank = content.trim().is_empty();
        if blank || !has_blank_line {
            if let Some(s) = start.take() {
                push_trimmed(text, s, last_end, &mut out);
            }
            if !blank {
                push_trimmed(text, offset, offset + content.len(), &mut out);
            }
        } else {
            start.get_or_insert(offset);
            last_end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        push_trimmed(text, s, last_end, &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '.' | '&')
}

/// Words (with inner apostrophes, hyphens and dots), numbers and single punctuation marks.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() { b as char } else { text[i..].chars().next().unwrap_or(' ') };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut has_letter = false;
            let mut end;
            // ASCII letters and digits first, byte by byte; anything else char by char.
            let mut j = i;
            loop {
                while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                    has_letter |= bytes[j].is_ascii_alphabetic();
                    j += 1;
                }
                end = j;
                let Some(ch) = text[j..].chars().next() else { break };
                if ch.is_alphanumeric() {
                    has_letter |= !ch.is_numeric();
                    j += ch.len_utf8();
                    continue;
                }
                let next = text[j + ch.len_utf8()..].chars().next();
                if is_joiner(ch) && next.is_some_and(char::is_alphanumeric) {
                    j += ch.len_utf8();
                    continue;
                }
                break;
            }
            let kind = if has_letter { TokenKind::Word } else { TokenKind::Number };
            out.push(Token { span: Span::new(start, end), kind });
            i = end;
        } else {
            let end = i + c.len_utf8();
            out.push(Token { span: Span::new(i, end), kind: TokenKind::Punct });
            i = end;
        }
    }
    out
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen", "Rep", "St", "Jr",
    "Sr", "Mt", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "approx", "Fig", "Rev", "Hon", "Pres", "Cmdr", "Brig", "Messrs", "Mme", "Mlle",
    "Dept", "Univ", "Ave", "e.g", "i.e",
];

/// Words that begin a new sentence after a dotted abbreviation such as "U.S.".
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "But",
    "And",
    "On",
    "At",
    "For",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "As",
    "After",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Officials",
    "According",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '“' | '」')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„' | '(' | '[' | '‹' | '\'' | '–' | '—' | '-')
}

/// Sentences inside each paragraph.
pub fn sentences(text: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut ends = Vec::new();
    let mut next_token = 0;
    for (paragraph_idx, para) in paragraphs.iter().enumerate() {
        let mut start = para.start;
        sentence_ends(text, *para, &mut ends);
        for &end in &ends {
            push_sentence(text, start, end, paragraph_idx, tokens, &mut next_token, &mut out);
            start = end;
        }
        push_sentence(text, start, para.end, paragraph_idx, tokens, &mut next_token, &mut out);
    }
    out
}

/// Pushes the trimmed sentence `start..end`; `next_token` walks forward through `tokens`.
fn push_sentence(
    text: &str,
    start: usize,
    end: usize,
    paragraph_idx: usize,
    tokens: &[Token],
    next_token: &mut usize,
    out: &mut Vec<Sentence>,
) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let span = Span::new(start + lead, end - trail);
    if span.is_empty() {
        return;
    }
    let mut first = *next_token;
    while first < tokens.len() && tokens[first].span.start < span.start {
        first += 1;
    }
    let mut last = first;
    while last < tokens.len() && tokens[last].span.start < span.end {
        last += 1;
    }
    *next_token = last;
    out.push(Sentence { span, paragraph_idx, tokens: first..last });
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Byte positions (after closing marks) where sentences end inside a paragraph, into `ends`.
fn sentence_ends(text: &str, para: Span, ends: &mut Vec<usize>) {
    ends.clear();
    let p = &text[para.range()];
    let bytes = p.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Terminators are ASCII or "…" (E2 80 A6): look at bytes, decode only there.
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if p[i..].starts_with('…') => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        // Swallow further terminators and closing marks.
        let mut end = i + c.len_utf8();
        for next in p[end..].chars() {
            if is_terminator(next) || is_closer(next) {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        let at = i;
        i = end;
        let rest = &p[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue; // no white space after it, or paragraph end
        }
        let Some(next) = after_space.chars().next() else { continue };
        let starts_sentence = next.is_uppercase() || next.is_numeric() || is_opener(next);
        if !starts_sentence || (c == '.' && !period_ends_sentence(&p[..at], after_space)) {
            continue;
        }
        ends.push(para.start + end);
    }
}

fn period_ends_sentence(before: &str, after: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '.'))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    if ABBREVIATIONS.contains(&word) {
        return false;
    }
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next())
        && first.is_uppercase()
    {
        return false; // an initial: "J. Smith"
    }
    if word.contains('.') {
        // "U.S." or "U.N.": a sentence ends only if a typical opener follows.
        let next_word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        return SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    true
}

/// A short first line followed by more text is the title of a plain-text article.
pub fn title(text: &str, paragraphs: &[Span]) -> Option<String> {
    let first = paragraphs.first()?;
    if paragraphs.len() < 2 {
        return None;
    }
    let line = &text[first.range()];
    let ends_like_sentence = line.ends_with(['.', '!', '?', ':', ',', ';', '"', '”']);
    (!line.contains('\n') && line.chars().count() <= 150 && !ends_like_sentence && line.contains(' '))
        .then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        let toks = tokens(text);
        sentences(text, &paras, &toks).into_iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Gen. Stone in Sept. last year. J. R. Doe agreed."),
            vec!["Mr. Smith met Gen. Stone in Sept. last year.", "J. R. Doe agreed."]
        );
    }

    #[test]
    fn dotted_abbreviation_ends_a_sentence_only_before_an_opener() {
        assert_eq!(split("He lives in the U.S. The rest stayed."), vec!["He lives in the U.S.", "The rest stayed."]);
        assert_eq!(split("The U.S. Army said so."), vec!["The U.S. Army said so."]);
    }

    #[test]
    fn sentence_ending_inside_quotes_splits_after_the_mark() {
        assert_eq!(
            split("“We will not yield.” Then he left. She asked, “Why?” Nobody knew."),
            vec!["“We will not yield.”", "Then he left.", "She asked, “Why?”", "Nobody knew."]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(split("He continued. it is necessary."), vec!["He continued. it is necessary."]);
    }

    #[test]
    fn paragraphs_by_blank_lines_or_by_lines() {
        let text = "One\nwrapped.\n\n  Two.  \n\n\nThree.";
        let spans: Vec<&str> = paragraphs(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(spans, vec!["One\nwrapped.", "Two.", "Three."]);
        let text = "Line one.\nLine two.";
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        let text = "U.S.-led talks, don’t stop: al-Sham 2026.";
        let toks: Vec<&str> = tokens(text).iter().map(|t| &text[t.span.range()]).collect();
        assert_eq!(toks, vec!["U.S", ".", "-", "led", "talks", ",", "don’t", "stop", ":", "al-Sham", "2026", "."]);
    }

    #[test]
    fn short_first_line_is_a_title() {
        let text = "Talks resume in Geneva\n\nThe talks resumed.";
        assert_eq!(title(text, &paragraphs(text)).as_deref(), Some("Talks resume in Geneva"));
        let text = "The talks resumed.\n\nMore.";
        assert_eq!(title(text, &paragraphs(text)), None);
    }
}
