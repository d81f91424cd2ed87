//! Finds quotations in every style (“ ” " " « » „ “ ‘ ’, nested) and pairs messy marks sensibly.
//!
//! Invariant: every quote lies inside one paragraph; odd or unbalanced marks never fail, an open
//! double quote runs to the paragraph end (the convention for quotes that span paragraphs).

use crate::article::{Article, Span};

/// A quotation found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// The quoted words, marks excluded, trimmed.
    pub inner: Span,
    /// The marks included (the end is the paragraph end for an unclosed quote).
    pub outer: Span,
    /// Paragraph index.
    pub paragraph_idx: usize,
    /// True when no closing mark was found in the paragraph.
    pub is_open_ended: bool,
    /// One word in closed marks: a quotation only where someone is said to have used it ("said
    /// the talks were “positive”"), a term otherwise ("so-called “experts”"); see `Doc::new`.
    pub is_one_word: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Double,
    Guillemet,
    Single,
}

fn family(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' => Some(Family::Double),
        '«' | '»' => Some(Family::Guillemet),
        '‘' | '’' | '‚' | '‹' | '›' | '\'' => Some(Family::Single),
        _ => None,
    }
}

/// Finds the quotes of every paragraph, and the answers of a transcript.
pub(crate) fn find(article: &Article) -> Vec<RawQuote> {
    let text = article.text();
    let mut out = Vec::new();
    let answers = transcript_answers(text, article.paragraphs());
    for (paragraph_idx, para) in article.paragraphs().iter().enumerate() {
        match answers.iter().find(|a| a.paragraph_idx == paragraph_idx) {
            Some(answer) => out.push(answer.clone()),
            None => find_in(text, *para, paragraph_idx, &mut out),
        }
    }
    out
}

/// The answers of a transcript, quoted without marks: in an article whose questions are
/// labelled ("Question (Reuters): …", "Q: …"), a paragraph that opens with a speaker's label
/// ("Spokesperson Pham Thanh Loan: …", "Lavrov: …") holds that speaker's words. Not an answer
/// with quote marks of its own, whose marks say what is quoted.
fn transcript_answers(text: &str, paragraphs: &[Span]) -> Vec<RawQuote> {
    let labelled: Vec<(usize, &str, Span)> = paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, para)| {
            let (label, words) = transcript_label(&text[para.range()])?;
            Some((i, label, Span::new(para.start + words.start, para.start + words.end)))
        })
        .collect();
    let is_question = |label: &str| {
        let first = label.split([' ', '(', '.']).next().unwrap_or_default();
        ["Question", "Q", "Reporter", "Journalist", "Interviewer"].contains(&first)
    };
    // Notes of the page, not speakers.
    let is_note = |label: &str| {
        let first = label.split([' ', '(', '’', '\'']).next().unwrap_or_default();
        ["Note", "Editor", "Update", "Updated", "Correction", "Source", "Photo", "Caption", "Background", "Contact"]
            .contains(&first)
    };
    if !labelled.iter().any(|&(_, label, _)| is_question(label)) {
        return Vec::new();
    }
    labelled
        .into_iter()
        .filter(|&(_, label, words)| {
            !is_question(label)
                && !is_note(label)
                && !text[words.range()].contains(|c| matches!(family(c), Some(Family::Double | Family::Guillemet)))
        })
        .map(|(paragraph_idx, _, words)| RawQuote {
            inner: words,
            outer: words,
            paragraph_idx,
            is_open_ended: false,
            is_one_word: false,
        })
        .collect()
}

/// A transcript label that opens a paragraph, and where the words after it lie in the
/// paragraph: up to eight words from a capital letter to a colon ("Spokesperson Pham Thanh
/// Loan", "Question (Tuoi Tre)"), with no sentence inside; not a time ("18:05") or a heading
/// with nothing after it.
fn transcript_label(p: &str) -> Option<(&str, std::ops::Range<usize>)> {
    let head = (0..=p.len().min(90)).rev().find(|&i| p.is_char_boundary(i)).unwrap_or(0);
    let colon = p[..head].find([':', '：'])?;
    let label = p[..colon].trim();
    let after = p[colon..].trim_start_matches([':', '：']);
    let words = after.trim();
    let opens_capital = label.chars().next().is_some_and(char::is_uppercase);
    let no_sentence = !label.contains(['"', '“', '”', '«', '!', '?', ',', ';']) && !label.contains(". ");
    let start = p.len() - after.len() + (after.len() - after.trim_start().len());
    (opens_capital && no_sentence && label.split_whitespace().count() <= 8 && words.split_whitespace().count() >= 4)
        .then_some((label, start..start + words.len()))
}

fn find_in(text: &str, para: Span, paragraph_idx: usize, out: &mut Vec<RawQuote>) {
    let p = &text[para.range()];
    let bytes = p.as_bytes();
    let mut open: Option<(usize, char, Family)> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Quote marks are `"`, `'` or non-ASCII: skip other ASCII bytes without decoding.
        if bytes[i].is_ascii() && bytes[i] != b'"' && bytes[i] != b'\'' {
            i += 1;
            continue;
        }
        let pos = i;
        let c = p[pos..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        let Some(fam) = family(c) else { continue };
        let prev = p[..pos].chars().next_back();
        let next = p[i..].chars().next();
        match open {
            None => {
                let opens = match fam {
                    Family::Double | Family::Guillemet => true,
                    // ‘ or ‚ after a space, before a letter; never an apostrophe inside a word.
                    Family::Single => {
                        matches!(c, '‘' | '‚' | '‹' | '\'')
                            && prev.is_none_or(|p| p.is_whitespace() || "([—–-\"“".contains(p))
                            && next.is_some_and(char::is_alphanumeric)
                    }
                };
                if opens {
                    open = Some((pos, c, fam));
                }
            }
            Some((start, opener, open_fam)) if fam == open_fam => {
                let closes = match fam {
                    Family::Double => true,
                    Family::Guillemet => c != opener || (c == '»' && opener == '»'),
                    Family::Single => {
                        matches!(c, '’' | '‘' | '›' | '\'')
                            && !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric))
                            && !is_plural_possessive(p, pos, i)
                    }
                };
                if closes {
                    push(
                        text,
                        para,
                        start + opener.len_utf8(),
                        pos,
                        Span::new(para.start + start, para.start + pos + c.len_utf8()),
                        paragraph_idx,
                        false,
                        out,
                    );
                    open = None;
                }
            }
            Some(_) => {}
        }
    }
    if let Some((start, opener, fam)) = open {
        // A single quote that never closes was an apostrophe or a typo, and a closing mark
        // right after a word ("left early” and") opens nothing: drop them.
        let prev = p[..start].chars().next_back();
        let looks_closing =
            matches!(opener, '”' | '"') && prev.is_some_and(|c| !c.is_whitespace() && !"([—–-".contains(c));
        if fam != Family::Single && !looks_closing {
            push(
                text,
                para,
                start + opener.len_utf8(),
                p.len(),
                Span::new(para.start + start, para.end),
                paragraph_idx,
                true,
                out,
            );
        }
    }
}

/// "the farmers’ anger": an apostrophe (from `pos` to `end`) after a plural, followed by a
/// lower-case word.
fn is_plural_possessive(p: &str, pos: usize, end: usize) -> bool {
    let mut after = p[end..].chars();
    p[..pos].ends_with('s')
        && after.next().is_some_and(char::is_whitespace)
        && after.next().is_some_and(char::is_lowercase)
}

#[expect(clippy::too_many_arguments, reason = "a private helper that builds one value")]
fn push(
    text: &str,
    para: Span,
    inner_start: usize,
    inner_end: usize,
    outer: Span,
    paragraph_idx: usize,
    is_open_ended: bool,
    out: &mut Vec<RawQuote>,
) {
    let raw = &text[para.start + inner_start..para.start + inner_end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    let is_one_word = trimmed.split_whitespace().nth(1).is_none();
    // An unclosed mark before one word is no quotation at all.
    if is_one_word && is_open_ended {
        return;
    }
    let start = para.start + inner_start + lead;
    out.push(RawQuote {
        inner: Span::new(start, start + trimmed.len()),
        outer,
        paragraph_idx,
        is_open_ended,
        is_one_word,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    fn quotes(text: &str) -> Vec<String> {
        let a = article::parse(text);
        find(&a).iter().map(|q| a.slice(q.inner).to_owned()).collect()
    }

    #[test]
    fn curly_straight_and_guillemet_quotes() {
        assert_eq!(quotes("“We agree,” he said. \"No doubt,\" she said."), vec!["We agree,", "No doubt,"]);
        assert_eq!(quotes("Il a dit «nous sommes prêts» hier."), vec!["nous sommes prêts"]);
        assert_eq!(quotes("Er sagte: „Wir sind bereit“."), vec!["Wir sind bereit"]);
    }

    #[test]
    fn single_quotes_skip_apostrophes() {
        assert_eq!(quotes("She said ‘we don’t agree’ and left."), vec!["we don’t agree"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(quotes("«Er sagte „nein“ dazu», so Weber."), vec!["Er sagte „nein“ dazu"]);
        assert_eq!(quotes("“They called it ‘a farce’ today,” he said."), vec!["They called it ‘a farce’ today,"]);
    }

    #[test]
    fn misplaced_marks_pair_in_order() {
        let text = "“If we talk about it, we are ready here, “he said.” Although I still believe it. “";
        assert_eq!(quotes(text), vec!["If we talk about it, we are ready here,", "Although I still believe it."]);
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        let text = "“First part of a long statement.\n\n“Second part,” he said.";
        let a = article::parse(text);
        let found = find(&a);
        assert_eq!(found.len(), 2);
        assert!(found[0].is_open_ended);
        assert_eq!(a.slice(found[0].inner), "First part of a long statement.");
    }

    #[test]
    fn transcript_answers_are_quotes_when_questions_are_labelled() {
        let text = "Question (AFP): Does Viet Nam have concerns about the canal?\n\n\
                    Spokesperson Pham Thanh Loan: We do not comment on speculation today.\n\n\
                    Note: this briefing was edited for length and clarity.";
        assert_eq!(quotes(text), vec!["We do not comment on speculation today."]);
        // Without a labelled question, a colon opens no quotation.
        assert!(quotes("Update: the minister left the talks early on Monday.").is_empty());
        // A paragraph whose 90th byte falls inside a character still has its label read.
        let text = format!("Q: Why did the talks fail?\n\nLavrov: {}é and more words follow here.", "a".repeat(81));
        assert_eq!(quotes(&text).len(), 1);
        // An answer with marks of its own keeps them.
        let text = "Q: What did he say?\n\nLavrov: He told me “we are ready to talk now” and left.";
        assert_eq!(quotes(text), vec!["we are ready to talk now"]);
    }

    #[test]
    fn one_word_quotes_are_marked() {
        let a = article::parse("The so-called “experts” left. He called it “unacceptable” and “a farce”.");
        let one_word: Vec<bool> = find(&a).iter().map(|q| q.is_one_word).collect();
        assert_eq!(one_word, vec![true, true, false]);
    }
}
