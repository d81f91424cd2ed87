//! Attributes every quote to a speaker by ordered sieves, and turns reported speech
//! ("X said that …", "according to X, …", "This was stated by X") into statements.
//!
//! Invariant: the returned statements are sorted by span; direct quotes keep the spans of
//! [`RawQuote::inner`](super::quotes::RawQuote), reported ones lie inside one sentence.

use super::doc::{Doc, PRONOUNS_FEMALE, PRONOUNS_MALE, PRONOUNS_PLURAL, Words, words};
use super::entities::Table;
use super::lexicon::Gender;
use super::{Attribution, Diagnostic, EntityKind, Quote};
use crate::article::Span;

/// Words skipped between a speaker and a speech verb besides the adverbs ("as saying").
const LINKING: Words = words![
    "as",
    "was",
    "were",
    "is",
    "said",
    "who",
    "been",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// Nouns for the channel of a statement ("a statement from X").
const SOURCE_NOUNS: Words = words![
    "statement",
    "communique",
    "communiqué",
    "release",
    "letter",
    "report",
    "interview",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "post",
    "message",
    "video",
    "sources",
    "source",
    "office",
];

/// A speaker found next to a speech verb.
#[derive(Clone, Copy, Debug)]
struct Found {
    entity: usize,
    attribution: Attribution,
}

/// Attributes quotes and finds reported statements.
pub(crate) fn attribute(doc: &Doc<'_>, table: &mut Table, diagnostics: &mut Vec<Diagnostic>) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(doc.quotes.len());
    for (qi, raw) in doc.quotes.iter().enumerate() {
        let (found, cue) = explicit_cue(doc, table, qi);
        let (speaker, attribution) = found.map_or((None, Attribution::Unknown), |f| (Some(f.entity), f.attribution));
        quotes.push(Quote {
            span: raw.inner,
            speaker,
            cue: cue.map(|c| doc.text[c.range()].to_owned()),
            cue_span: cue,
            attribution,
            is_direct: true,
        });
    }
    share_paragraph_speakers(doc, &mut quotes);
    // A quote inside a sentence whose subject speaks or acts: "X accused Y of “…”".
    for qi in 0..quotes.len() {
        if quotes[qi].speaker.is_some() || is_unnamed(&quotes[qi]) {
            continue;
        }
        let first = doc.quote_inner_tokens(qi).start;
        if first >= doc.n_tokens() {
            continue;
        }
        let sentence = doc.article.sentences()[doc.sentence_idx(first)].tokens.clone();
        // The first such verb past an opening phrase ("In a communique issued late Wednesday
        // …, ECOWAS “condemned …” and demanded …": not "issued").
        let opening_end = doc
            .is_any(sentence.start, super::stances::PREPOSITIONS)
            .then(|| sentence.clone().find(|&t| doc.is_punct(t, ",") && doc.quote_of(t).is_none()))
            .flatten()
            .unwrap_or(sentence.start);
        let verb = (opening_end..sentence.end)
            .find(|&t| doc.quote_of(t).is_none() && (doc.speech_at(t).is_some() || doc.cue_at(t).is_some()));
        if let Some(v) = verb
            && let Some(e) = super::stances::sentence_subject(doc, table, sentence.start..v)
        {
            quotes[qi].speaker = Some(e);
            quotes[qi].cue = Some(doc.word(v).to_owned());
            quotes[qi].cue_span = Some(doc.span(v));
            quotes[qi].attribution = Attribution::Explicit;
        }
    }
    share_paragraph_speakers(doc, &mut quotes);
    let mut statements = reported(doc, table);
    // A quote after a reported statement of its paragraph: "Rashid said she did not support
    // the levy. “Dodoma has a point …”".
    for qi in 0..quotes.len() {
        let raw = &doc.quotes[qi];
        if quotes[qi].speaker.is_some() || is_unnamed(&quotes[qi]) {
            continue;
        }
        if has_own_speaker(doc, qi) {
            continue;
        }
        let para = doc.article.paragraphs()[raw.paragraph_idx];
        let before = statements.partition_point(|s| s.span.start < raw.outer.start);
        if let Some(s) = statements[..before].last().filter(|s| s.span.start >= para.start && s.speaker.is_some()) {
            take_speaker(&mut quotes[qi], s, Attribution::SameParagraph);
        }
    }
    // A paragraph that opens with a quote and has no cue continues the previous speaker.
    for qi in 0..quotes.len() {
        if quotes[qi].speaker.is_some() || is_unnamed(&quotes[qi]) {
            continue;
        }
        let raw = &doc.quotes[qi];
        let para = doc.article.paragraphs()[raw.paragraph_idx];
        if raw.outer.start != para.start || raw.paragraph_idx == 0 || has_own_speaker(doc, qi) {
            continue;
        }
        let prev_para = doc.article.paragraphs()[raw.paragraph_idx - 1];
        // Quotes and statements are sorted by start: those starting in the previous paragraph.
        let starting_in = |qs: &'_ [Quote]| {
            let first = qs.partition_point(|q| q.span.start < prev_para.start);
            let last = qs.partition_point(|q| q.span.start < prev_para.end);
            first..last.max(first)
        };
        let previous = quotes[starting_in(&quotes[..qi])]
            .iter()
            .chain(statements[starting_in(&statements)].iter())
            .max_by_key(|q| q.span.start)
            .and_then(|q| q.speaker.map(|s| (s, q.cue.clone(), q.cue_span)));
        let previous = previous.or_else(|| intro_speaker(doc, table, raw.paragraph_idx - 1));
        if let Some((speaker, cue, cue_span)) = previous {
            quotes[qi].speaker = Some(speaker);
            quotes[qi].cue = cue;
            quotes[qi].cue_span = cue_span;
            quotes[qi].attribution = Attribution::Continuation;
            // Later quotes of this paragraph share it.
            for j in qi + 1..quotes_of_paragraph(doc, raw.paragraph_idx).end {
                if quotes[j].speaker.is_none() {
                    quotes[j].speaker = Some(speaker);
                    quotes[j].attribution = Attribution::SameParagraph;
                }
            }
        }
    }
    // A quote left open at a paragraph's end goes on in the next paragraph, which opens with
    // a quote mark: the speaker named there said both (backwards, so chains resolve).
    for qi in (0..quotes.len().saturating_sub(1)).rev() {
        let (raw, next) = (&doc.quotes[qi], &doc.quotes[qi + 1]);
        let next_para = doc.article.paragraphs().get(raw.paragraph_idx + 1);
        if quotes[qi].speaker.is_none()
            && !is_unnamed(&quotes[qi])
            && raw.is_open_ended
            && next.paragraph_idx == raw.paragraph_idx + 1
            && next_para.is_some_and(|p| p.start == next.outer.start)
            && quotes[qi + 1].speaker.is_some()
        {
            let next = quotes[qi + 1].clone();
            take_speaker(&mut quotes[qi], &next, Attribution::Continuation);
        }
    }
    for (q, raw) in quotes.iter().zip(&doc.quotes) {
        if q.speaker.is_none() {
            diagnostics.push(Diagnostic { span: raw.inner, message: "no speaker found for this quote".to_owned() });
        }
    }
    statements.extend(quotes);
    statements.sort_by_key(|q| (q.span.start, q.span.end));
    statements
}

/// A quote whose cue names no one ("“…,” one of them said"): it stays without a speaker.
fn is_unnamed(q: &Quote) -> bool {
    q.speaker.is_none() && q.cue.is_some()
}

/// A quote without a cue shares the speaker of another quote of its paragraph.
fn share_paragraph_speakers(doc: &Doc<'_>, quotes: &mut [Quote]) {
    for qi in 0..quotes.len() {
        if quotes[qi].speaker.is_some() || is_unnamed(&quotes[qi]) || has_own_speaker(doc, qi) {
            continue;
        }
        let same = quotes_of_paragraph(doc, doc.quotes[qi].paragraph_idx);
        let neighbour = (same.start..qi)
            .rev()
            .chain(qi + 1..same.end)
            .find(|&j| quotes[j].speaker.is_some() && quotes[j].attribution != Attribution::Continuation);
        if let Some(j) = neighbour {
            let other = quotes[j].clone();
            take_speaker(&mut quotes[qi], &other, Attribution::SameParagraph);
        }
    }
}

/// A speech verb's form used as a noun: "Berki's remarks", "the statement".
fn is_noun_use(doc: &Doc<'_>, v: usize) -> bool {
    v > 0
        && (doc.is_possessive(v - 1)
            || doc.is_any(v - 1, words!["the", "a", "an", "his", "her", "its", "their", "these"]))
}

/// "A German reporter asked the president whether “…”": a question's own sentence names who
/// asked, even if that is nobody the map shows; the quote borrows no one else's speaker.
fn has_own_speaker(doc: &Doc<'_>, qi: usize) -> bool {
    // "“…,” the diplomat said": a speaker the map does not show (an unnamed diplomat).
    let after = doc.quote_outer_tokens(qi).end;
    let para = doc.quotes[qi].paragraph_idx;
    // Not the next sentence's verb: "“… fix that.” She argues that …".
    let sentence = doc.sentence_idx(after.saturating_sub(1));
    let said_after = (after..(after + 6).min(doc.n_tokens()))
        .take_while(|&t| {
            doc.paragraph_of(t) == para
                && doc.sentence_idx(t) == sentence
                && doc.quote_of(t).is_none()
                && !doc.is_punct(t, ".;!?“\"«")
        })
        .any(|t| doc.speech_at(t).is_some_and(|s| doc.lex.speech_verb(s).kind != "according"));
    if said_after {
        return true;
    }
    let q_first = doc.quote_outer_tokens(qi).start;
    let Some(sentence) = doc.article.sentences().get(doc.sentence_idx(q_first.min(doc.n_tokens().saturating_sub(1))))
    else {
        return false;
    };
    (sentence.tokens.start + 1..q_first).any(|v| {
        doc.quote_of(v).is_none()
            && doc.speech_at(v).is_some_and(|s| doc.lex.speech_verb(s).kind == "ask")
            && doc.is_word(v - 1)
            && !is_noun_use(doc, v)
    })
}

/// Gives `to` the speaker and cue of `from`.
fn take_speaker(to: &mut Quote, from: &Quote, attribution: Attribution) {
    to.speaker = from.speaker;
    to.cue.clone_from(&from.cue);
    to.cue_span = from.cue_span;
    to.attribution = attribution;
}

/// Indices of the raw quotes of paragraph `para` (quotes are in text order).
fn quotes_of_paragraph(doc: &Doc<'_>, para: usize) -> std::ops::Range<usize> {
    let first = doc.quotes.partition_point(|q| q.paragraph_idx < para);
    let last = doc.quotes.partition_point(|q| q.paragraph_idx <= para);
    first..last
}

/// "X said:" ending the previous paragraph: its speaker.
fn intro_speaker(doc: &Doc<'_>, table: &mut Table, para: usize) -> Option<(usize, Option<String>, Option<Span>)> {
    let tokens = doc.paragraph_tokens(para);
    let last = tokens.end.checked_sub(1)?;
    if !doc.is_punct(last, ":") {
        return None;
    }
    let verb = (tokens.start..last).rev().take(4).find(|&t| doc.speech_at(t).is_some())?;
    let found = subject_before(doc, table, verb)?;
    let cue = Span::new(doc.span(verb).start, doc.span(verb + doc.word_hit_len(verb) - 1).end);
    Some((found.entity, Some(doc.text[cue.range()].to_owned()), Some(cue)))
}

/// Sieve 1: a speech verb right after or right before the quote.
fn explicit_cue(doc: &Doc<'_>, table: &mut Table, qi: usize) -> (Option<Found>, Option<Span>) {
    let raw = &doc.quotes[qi];
    let para = doc.article.paragraphs()[raw.paragraph_idx];
    let outer = doc.quote_outer_tokens(qi);
    // After the quote: `“…,” he said` / `“…,” said Zas` / `“…“, – added Zas`; not the next
    // sentence after a quote that ends one (`… “at this stage.” Ishida said …`).
    let ends_sentence = doc.text[raw.inner.range()].trim_end().ends_with(['.', '!', '?'])
        && outer.end < doc.n_tokens()
        && doc.sentence_idx(outer.end) != doc.sentence_idx(outer.end - 1)
        && doc.quote_inner_tokens(qi).start > doc.article.sentences()[doc.sentence_idx(outer.end - 1)].tokens.start;
    let mut t = if ends_sentence { doc.n_tokens() } else { outer.end };
    while t < doc.n_tokens() && doc.is_punct(t, ",–—-:") && doc.span(t).start < para.end {
        t += 1;
    }
    // `“…,” one of them said`, `“…,” the official said` of one who asked not to be named: a
    // speaker counted or described, not named.
    if let Some(v) = (t..(t + 8).min(doc.n_tokens()))
        .take_while(|&u| doc.span(u).start < para.end && doc.quote_of(u).is_none() && !doc.is_punct(u, ".;“”\""))
        .find(|&u| doc.speech_at(u).is_some())
        && v > 0
        && (is_anonymous(doc, table, v - 1) || unnamed_on_purpose(doc, table, v))
    {
        return (None, Some(doc.span(v)));
    }
    if t < doc.n_tokens()
        && doc.span(t).start < para.end
        && doc.quote_of(t).is_none()
        && let Some((found, cue)) = verb_then_subject(doc, table, t).or_else(|| subject_then_verb(doc, table, t))
    {
        return (Some(found), Some(cue));
    }
    if let Some(entity) = label_speaker(doc, table, outer.start) {
        return (Some(Found { entity, attribution: Attribution::Explicit }), None);
    }
    // Before the quote, in its sentence: `Zas said: “…` / `according to X, “…` / `X told Reuters: “…`.
    let q_first = outer.start;
    let sentence_start = doc
        .article
        .sentences()
        .get(doc.sentence_idx(q_first.min(doc.n_tokens().saturating_sub(1))))
        .map_or(0, |s| s.tokens.start);
    let mut start = sentence_start.max(doc.paragraph_tokens(raw.paragraph_idx).start);
    // Stop at an earlier quote's end.
    for u in (start..q_first).rev() {
        if doc.quote_of(u).is_some() || doc.is_punct(u, "“”\"«»„") {
            start = u + 1;
            break;
        }
    }
    // "He said Ethiopia had released more than Egypt had predicted and accused Cairo of “…”":
    // the quote is what the verb after "and" acts on, not what an earlier verb reports.
    if let Some(and) = (start..q_first).rev().find(|&u| doc.is_any(u, words!["and"]) && doc.cue_at(u + 1).is_some()) {
        start = and + 1;
    }
    for v in (start..q_first).rev() {
        let Some(s) = doc.speech_at(v).filter(|_| !is_noun_use(doc, v)) else { continue };
        // "what Iraq had been promised": a passive verb's subject says nothing.
        if v > 0 && doc.is_any(v - 1, words!["been", "being", "was", "were"]) && doc.word(v).ends_with("ed") {
            continue;
        }
        let kind = doc.lex.speech_verb(s).kind.as_str();
        let cue = Span::new(doc.span(v).start, doc.span(v + doc.word_hit_len(v) - 1).end);
        if unnamed_on_purpose(doc, table, v) {
            return (None, Some(cue));
        }
        let found = if kind == "according" || kind == "relay" {
            subject_after(doc, table, v + doc.word_hit_len(v))
        } else {
            // "said Zas: “…”" but not "described Berki's remarks as «…»".
            subject_before(doc, table, v).or_else(|| {
                // "would answer the Commission “point by point”": after a modal, the actor
                // after the verb is its object.
                if v > 0 && doc.is_any(v - 1, MODALS) {
                    return None;
                }
                let after = v + doc.word_hit_len(v);
                let found = subject_after(doc, table, after)?;
                let m = table.mention_at(after + usize::from(doc.is_any(after, words!["the"])))?;
                let next = m.tokens.end;
                (!doc.is_possessive(next - 1) && (doc.is_punct(next, ":,“\"«") || next >= q_first)).then_some(found)
            })
        };
        if let Some(found) = found {
            return (Some(found), Some(cue));
        }
        // "what one European official called “…”".
        if v > 0 && is_anonymous(doc, table, v - 1) {
            return (None, Some(cue));
        }
    }
    (None, None)
}

/// A speaker's label that opens the paragraph, as in transcripts and live blogs: `Mariana
/// Ocampo Villa (Centro Democrático, sponsor of the motion): “…”`, `Human Rights Watch: “…”`.
fn label_speaker(doc: &Doc<'_>, table: &Table, q_first: usize) -> Option<usize> {
    let colon = q_first.checked_sub(1).filter(|&c| doc.is_punct(c, ":"))?;
    let para = doc.paragraph_tokens(doc.paragraph_of(colon));
    // "Spokesperson Pham Thanh Loan: …": a title may stand before the name.
    let title = doc.title_at(para.start);
    let title_len = title.map_or(0, |_| doc.word_hit_len(para.start));
    let named = [para.start, para.start + title_len]
        .into_iter()
        .find_map(|start| table.mention_at(start).filter(|m| m.tokens.start == start));
    let Some(m) = named else {
        // "Spokesperson: …" after "Spokesperson Pham Thanh Loan: …": the latest person the
        // article gave that title.
        let title = title.filter(|_| para.start + title_len == colon)?;
        return table
            .before(doc.span(para.start).start)
            .take(200)
            .find(|m| {
                table.entities[m.entity].kind == EntityKind::Person
                    && (m.tokens.start.saturating_sub(4)..m.tokens.start)
                        .any(|u| doc.title_at(u) == Some(title) && u + doc.word_hit_len(u) == m.tokens.start)
            })
            .map(|m| m.entity);
    };
    if !matches!(table.entities[m.entity].kind, EntityKind::Person | EntityKind::Organization | EntityKind::Group) {
        return None;
    }
    // Nothing else before the colon but a parenthesis after the name.
    let mut t = m.tokens.end;
    if doc.is_punct(t, "(") {
        t = (t..colon).find(|&u| doc.is_punct(u, ")"))? + 1;
    }
    (t == colon).then_some(m.entity)
}

/// Words after which a verb is an infinitive, with no subject after it.
const MODALS: Words = words!["would", "will", "could", "can", "should", "shall", "may", "might", "must", "to"];

/// `said Zas`, `added the minister`: a verb, then the speaker.
fn verb_then_subject(doc: &Doc<'_>, table: &mut Table, t: usize) -> Option<(Found, Span)> {
    doc.speech_at(t)?;
    let len = doc.word_hit_len(t);
    let found = subject_after(doc, table, t + len)?;
    Some((found, Span::new(doc.span(t).start, doc.span(t + len - 1).end)))
}

/// `he said`, `Zas added`, `the Secretary General of the organization said`.
fn subject_then_verb(doc: &Doc<'_>, table: &mut Table, t: usize) -> Option<(Found, Span)> {
    // Find the verb within a short window (room for an apposition: "Henrik Vaaler, the EU's
    // special representative for the Horn of Africa, said"), then take the subject before it.
    for v in t..(t + 24).min(doc.n_tokens()) {
        // "a senior U.S. official said": a dot that ends no sentence.
        let is_abbreviation_dot = doc.is_punct(v, ".")
            && (doc.word_at[v].is_some() || (v + 1 < doc.n_tokens() && doc.sentence_idx(v + 1) == doc.sentence_idx(v)));
        // "…», while Danko said …": a new clause with its own speaker.
        let new_clause = doc.is_any(v, words!["while", "whereas", "but", "and", "as"]);
        if doc.quote_of(v).is_some() || (doc.is_punct(v, ".!?;“”\"") && !is_abbreviation_dot) || new_clause {
            return None;
        }
        if let Some(s) = doc.speech_at(v).filter(|_| !is_noun_use(doc, v)) {
            if doc.lex.speech_verb(s).kind == "according" {
                return None;
            }
            let found = subject_before(doc, table, v)?;
            let len = doc.word_hit_len(v);
            return Some((found, Span::new(doc.span(v).start, doc.span(v + len - 1).end)));
        }
    }
    None
}

/// The speaker named before a speech verb at `v`.
fn subject_before(doc: &Doc<'_>, table: &mut Table, v: usize) -> Option<Found> {
    let mut t = v;
    while t > 0 && (doc.is_any(t - 1, super::doc::SPEECH_ADVERBS) || doc.is_any(t - 1, LINKING)) {
        t -= 1;
    }
    let end = t.checked_sub(1)?;
    // "X said, describing the money as “…”": the participle's speaker is the verb's.
    if doc.is_punct(end, ",")
        && doc.word(v).ends_with("ing")
        && let Some(said) = end.checked_sub(1).filter(|&u| doc.speech_at(u).is_some() && !is_noun_use(doc, u))
        && let Some(found) = subject_before(doc, table, said)
    {
        return Some(found);
    }
    // "X appealed for calm and said the door “remains open”": the subject of the sentence.
    if doc.is_any(end, words!["and"]) && doc.is_word(v) && !doc.word(v).ends_with("ing") {
        let sentence = doc.article.sentences()[doc.sentence_idx(end)].tokens.clone();
        if let Some(entity) = super::stances::sentence_subject(doc, table, sentence.start..end) {
            return Some(Found { entity, attribution: Attribution::Explicit });
        }
    }
    // "It deposited $500 million …, the bank's governor, Mourad Chebbi, said": a name in
    // apposition right before the verb, after a clause it reports.
    if doc.is_punct(end, ",")
        && let Some(m) = end.checked_sub(1).and_then(|u| table.mention_at(u))
        && table.entities[m.entity].kind == EntityKind::Person
        && m.tokens.start > 0
        && doc.is_punct(m.tokens.start - 1, ",")
        && m.tokens.start.checked_sub(2).is_some_and(|u| {
            // A title of one or more words that ends there ("his foreign minister, X, added").
            let title_ends =
                (u.saturating_sub(3)..=u).any(|s| doc.title_at(s).is_some() && s + doc.word_hit_len(s) == u + 1);
            title_ends || table.mention_at(u).is_some_and(|x| x.entity == m.entity)
        })
    {
        return Some(Found { entity: m.entity, attribution: Attribution::Explicit });
    }
    // An apposition between commas: "Olsen, the foreign minister, said", "The Alliance, a
    // coalition of groups from Hungary and Austria, said": the subject of the sentence.
    if doc.is_punct(end, ",") {
        let sentence = doc.article.sentences()[doc.sentence_idx(end)].tokens.clone();
        let entity = super::stances::sentence_subject(doc, table, sentence.start..end)?;
        return Some(Found { entity, attribution: Attribution::Explicit });
    }
    // "published a letter to the speaker of the National Assembly saying …": an actor named
    // as an object does not say what the participle says; the sentence's subject does.
    if doc.word(v).ends_with("ing")
        && let Some(m) = table.mention_at(end)
    {
        let mut before = m.tokens.start;
        while before > 0 && doc.is_any(before - 1, words!["the"]) {
            before -= 1;
        }
        if before > 0
            && doc.is_any(before - 1, words!["to", "of", "for", "with", "at", "on", "against", "toward", "towards"])
        {
            let sentence = doc.article.sentences()[doc.sentence_idx(end)].tokens.clone();
            let entity = super::stances::sentence_subject(doc, table, sentence.start..before - 1)?;
            return Some(Found { entity, attribution: Attribution::Explicit });
        }
    }
    // "John Smith of Greenpeace said": the person, whose body is named after "of".
    if let Some(m) = table.mention_at(end).filter(|m| table.entities[m.entity].kind != EntityKind::Person) {
        let mut of = m.tokens.start.saturating_sub(1);
        if of > 0 && doc.is_any(of, words!["the"]) {
            of -= 1;
        }
        if of > 0
            && doc.is_any(of, words!["of", "from", "at"])
            && let Some(p) = table.mention_at(of - 1).filter(|p| table.entities[p.entity].kind == EntityKind::Person)
        {
            return Some(Found { entity: p.entity, attribution: attribution_of(table, p.tokens.start) });
        }
    }
    noun_phrase_ending(doc, table, end)
}

/// The speaker named after a speech verb (`said Zas`, `according to the minister`).
fn subject_after(doc: &Doc<'_>, table: &mut Table, t: usize) -> Option<Found> {
    let mut t = t;
    while doc.is_any(t, words!["the", "a", "an", "to", "by"]) {
        t += 1;
    }
    if t >= doc.n_tokens() {
        return None;
    }
    if let Some(found) = pronoun(doc, table, t) {
        return Some(found);
    }
    // Collect a short noun phrase of mentions, titles and acronyms; prefer a person.
    let mut best: Option<(usize, EntityKind)> = None;
    let mut u = t;
    while u < doc.n_tokens() && u < t + 14 {
        if let Some(m) = table.mention_at(u) {
            let kind = table.entities[m.entity].kind;
            // "a senior Western diplomat in Tunis": where the speaker is does not speak.
            let place = kind == EntityKind::Place || m.form == super::entities::MentionForm::Location;
            if !place && best.is_none_or(|(_, k)| k != EntityKind::Person && kind == EntityKind::Person) {
                best = Some((m.entity, kind));
            }
            u = m.tokens.end;
            continue;
        }
        // "said government spokesman Didier Lumbala", "said Commission trade spokesman X":
        // lower-case words of the post before a title.
        let part_of_np = doc.title_at(u).is_some()
            || doc.is_punct(u, "()")
            || doc.is_all_caps(u)
            || doc.is_any(u, words!["of", "the"])
            || (doc.is_word(u)
                && (doc.title_at(u + 1).is_some() || (doc.is_word(u + 1) && doc.title_at(u + 2).is_some())));
        // "according to a statement from the UN envoy for the Sahel, Tomás Ribeiro, …":
        // a source noun and an apposition may stand between the verb and the person.
        let is_source_noun = doc.is_any(u, SOURCE_NOUNS)
            || doc.is_any(u, words!["a", "an", "from", "by", "for", "and", "in"])
            || (doc.is_punct(u, ",")
                && table.mention_at(u + 1).is_some_and(|m| table.entities[m.entity].kind == EntityKind::Person));
        if !part_of_np && !is_source_noun && !doc.is_cap(u) {
            break;
        }
        if doc.is_punct(u, ".;:“”\"«»") {
            break;
        }
        u += doc.word_hit_len(u).max(1);
    }
    best.map(|(entity, _)| Found { entity, attribution: attribution_of(table, t) })
}

/// The noun phrase ending at token `end`: a mention (prefer the person of "CSTO Secretary General
/// Stanislav Zas") or a pronoun.
fn noun_phrase_ending(doc: &Doc<'_>, table: &mut Table, end: usize) -> Option<Found> {
    // "one of them said", "what one European official called": someone left unnamed.
    if is_anonymous(doc, table, end) {
        return None;
    }
    if let Some(found) = pronoun(doc, table, end) {
        return Some(found);
    }
    if let Some(m) = table.mention_at(end) {
        // "A diplomat in Nairobi said": a place where someone is does not speak; the one
        // there may ("the U.S. Embassy in Manila said").
        if m.form == super::entities::MentionForm::Location {
            let prep = m.tokens.start.checked_sub(1).filter(|&p| doc.is_any(p, words!["in", "at"]))?;
            let before = prep.checked_sub(1)?;
            return table
                .mention_at(before)
                .filter(|b| b.form != super::entities::MentionForm::Location)
                .map(|b| Found { entity: b.entity, attribution: attribution_of(table, b.tokens.start) });
        }
        let entity = m.entity;
        return Some(Found { entity, attribution: attribution_of(table, m.tokens.start) });
    }
    // "“…,” the communique said": whoever issued it.
    if super::entities::is_definite_document(doc, end) {
        let entity = super::entities::document_issuer(doc, table, end)?;
        return Some(Found { entity, attribution: Attribution::Explicit });
    }
    // "Norway's foreign ministry said", "Russian officials said": the actor behind the proxy.
    let is_proxy = doc.is_proxy(end) || doc.lex.description(doc.base(end)).is_some();
    if !is_proxy {
        return None;
    }
    // Not across a comma: "… to Mali next year, officials said" names no owner.
    let named = (end.saturating_sub(4)..end).rev().take_while(|&t| !doc.is_punct(t, ",;:()")).find_map(|t| {
        let m = table.mention_at(t)?;
        (table.entities[m.entity].kind != EntityKind::Person)
            .then_some(Found { entity: m.entity, attribution: Attribution::Explicit })
    });
    // "Its trade ministry said": the latest country or organization.
    named.or_else(|| {
        let its = (end.saturating_sub(2)..end).find(|&t| doc.is_any(t, words!["its"]))?;
        let entity = super::entities::its_antecedent(doc, table, its)?;
        Some(Found { entity, attribution: Attribution::Pronoun })
    })
}

/// Words that count people without naming them.
const COUNTED: Words = words!["a", "an", "one", "two", "three", "four", "several", "some"];

/// People a source may be described as.
const PEOPLE: Words = words![
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "delegate",
    "delegates",
    "negotiator",
    "negotiators",
    "officer",
    "officers",
    "person",
    "people",
];

/// Words of a clause by which a text keeps a source's name back: "who asked not to be named",
/// "speaking on condition of anonymity", "who was not authorised to speak publicly".
const UNNAMED: Words = words!["anonymity", "anonymously", "named", "name", "identified", "authorised", "authorized"];

/// True if the speaker of the speech verb at `v` is someone the text keeps unnamed on purpose:
/// "A senior Turkish diplomat, speaking on condition of anonymity, said", or, after such an
/// opening in the sentence before, "he said" and "the official said". Such a source does not
/// speak for the side it belongs to.
fn unnamed_on_purpose(doc: &Doc<'_>, table: &Table, v: usize) -> bool {
    let s = doc.sentence_idx(v);
    if opens_with_unnamed(doc, table, s, v) {
        return true;
    }
    let Some(mut subject) = v.checked_sub(1) else { return false };
    while subject > 0 && doc.is_any(subject, super::doc::SPEECH_ADVERBS) {
        subject -= 1;
    }
    let refers_back = doc.is_any(subject, words!["he", "she"])
        || (subject > 0 && doc.is_any(subject, PEOPLE) && doc.is_any(subject - 1, words!["the"]));
    let sentences = doc.article.sentences();
    // The sentence before, also across a paragraph break when this one opens its paragraph
    // ("… who asked not to be named, said …" / "“…,” the official said.").
    let adjacent = |p: usize| {
        let here = doc.paragraph_of(v);
        p == here || (p + 1 == here && doc.paragraph_tokens(here).start == sentences[s].tokens.start)
    };
    refers_back
        && s > 0
        && adjacent(doc.paragraph_of(sentences[s - 1].tokens.start))
        && opens_with_unnamed(doc, table, s - 1, subject)
}

/// True if sentence `s` opens with "A/An/One … official" (or another of [`PEOPLE`]) that a
/// clause after it keeps unnamed, and no person is named from there up to `until`.
fn opens_with_unnamed(doc: &Doc<'_>, table: &Table, s: usize, until: usize) -> bool {
    let tokens = doc.article.sentences()[s].tokens.clone();
    let Some(first) = tokens.clone().find(|&t| doc.is_word(t) && doc.quote_of(t).is_none()) else { return false };
    if !doc.is_any(first, COUNTED) {
        return false;
    }
    let Some(noun) =
        (first + 1..(first + 7).min(tokens.end)).take_while(|&t| doc.is_word(t)).find(|&t| doc.is_any(t, PEOPLE))
    else {
        return false;
    };
    let clause_end =
        (noun + 1..until.min(tokens.end)).find(|&t| doc.quote_of(t).is_some()).unwrap_or(until.min(tokens.end));
    (noun + 1..clause_end).any(|t| doc.is_any(t, UNNAMED))
        && !(noun + 1..until).any(|t| {
            doc.quote_of(t).is_none()
                && table.mention_at(t).is_some_and(|m| table.entities[m.entity].kind == EntityKind::Person)
        })
}

/// "one of them", "one European official", "a senior Western diplomat": a speaker counted,
/// not named, at the noun phrase ending at `end`.
fn is_anonymous(doc: &Doc<'_>, table: &Table, end: usize) -> bool {
    let one_of = end >= 2
        && doc.is_any(end, words!["them", "those"])
        && doc.is_any(end - 1, words!["of"])
        && doc.is_any(end - 2, COUNTED);
    // Not "an alliance official", "a Thai official": someone of a named side speaks for it.
    let phrase = (end.saturating_sub(4)..end).rev().take_while(|&u| doc.is_word(u));
    let counted = doc.is_any(end, PEOPLE) && phrase.clone().any(|u| doc.is_any(u, COUNTED));
    let of_a_side = phrase.clone().any(|u| {
        table.mention_at(u).is_some_and(|m| table.entities[m.entity].kind != EntityKind::Place)
            || doc.lex.description(doc.base(u)).is_some()
    });
    one_of || (counted && !of_a_side)
}

fn attribution_of(table: &Table, t: usize) -> Attribution {
    match table.mention_at(t).map(|m| m.form) {
        Some(super::entities::MentionForm::TitleRef) => Attribution::Title,
        _ => Attribution::Explicit,
    }
}

/// A pronoun at `t`, resolved to the latest compatible actor before it.
fn pronoun(doc: &Doc<'_>, table: &mut Table, t: usize) -> Option<Found> {
    let gender = if doc.is_any(t, PRONOUNS_MALE) {
        Some(Gender::Male)
    } else if doc.is_any(t, PRONOUNS_FEMALE) {
        Some(Gender::Female)
    } else if doc.is_any(t, PRONOUNS_PLURAL) {
        None
    } else {
        let entity = super::entities::it_antecedent(doc, table, t)?;
        return Some(Found { entity, attribution: Attribution::Pronoun });
    };
    let entity = resolve_pronoun(doc, table, doc.span(t).start, gender)?;
    if let Some(g) = gender {
        table.entities[entity].gender.get_or_insert(g);
    }
    Some(Found { entity, attribution: Attribution::Pronoun })
}

/// The latest person of a compatible gender (or, for "they", the latest non-person actor)
/// mentioned outside quotes before `pos`.
pub(crate) fn resolve_pronoun(doc: &Doc<'_>, table: &Table, pos: usize, gender: Option<Gender>) -> Option<usize> {
    let para_limit = doc.article.paragraph_at(pos).unwrap_or(0).saturating_sub(4);
    let candidates = || {
        table
            .before(pos)
            .filter(|m| doc.quote_of(m.tokens.start).is_none())
            .take_while(|m| doc.paragraph_of(m.tokens.start) >= para_limit)
    };
    let sentence = doc.article.sentence_at(pos).unwrap_or(0);
    match gender {
        // In this sentence and the one before, a person of the known gender first; else the
        // nearest person whose gender fits or is not known.
        Some(g) => candidates()
            .take_while(|m| doc.sentence_idx(m.tokens.start) + 1 >= sentence)
            .find(|m| table.entities[m.entity].kind == EntityKind::Person && table.entities[m.entity].gender == Some(g))
            .or_else(|| {
                candidates().find(|m| {
                    table.entities[m.entity].kind == EntityKind::Person
                        && table.entities[m.entity].gender.is_none_or(|eg| eg == g)
                })
            })
            .map(|m| {
                // "He did not say when Sá Cabral would be freed. … he said": a pronoun opening
                // the antecedent's sentence, ahead of it, is that sentence's subject; it carries on.
                let s = doc.sentence_idx(m.tokens.start);
                match opening_pronoun(doc, s, g) {
                    Some(p) if s < sentence && p < m.tokens.start => {
                        resolve_pronoun(doc, table, doc.span(p).start, Some(g)).unwrap_or(m.entity)
                    }
                    _ => m.entity,
                }
            }),
        None => candidates()
            .find(|m| {
                matches!(
                    table.entities[m.entity].kind,
                    EntityKind::Organization | EntityKind::Country | EntityKind::Group
                )
            })
            .map(|m| m.entity),
    }
}

/// The subject pronoun of gender `g` ("he", "she") that opens sentence `s` outside quotes, after
/// at most a connective ("But he …").
fn opening_pronoun(doc: &Doc<'_>, s: usize, g: Gender) -> Option<usize> {
    let subject = match g {
        Gender::Male => words!["he"],
        Gender::Female => words!["she"],
    };
    let tokens = doc.article.sentences()[s].tokens.clone();
    let mut words = tokens.filter(|&t| doc.is_word(t)).take(2);
    let first = words.next()?;
    let t =
        if doc.is_any(first, words!["but", "and", "yet", "however", "still", "later"]) { words.next()? } else { first };
    (doc.is_any(t, subject) && doc.quote_of(t).is_none()).then_some(t)
}

/// Reported speech in sentences without direct quotes.
fn reported(doc: &Doc<'_>, table: &mut Table) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let sentences = doc.article.sentences();
    for (si, sentence) in sentences.iter().enumerate() {
        let tokens = sentence.tokens.clone();
        if tokens.is_empty() || tokens.clone().any(|t| doc.quote_of(t).is_some() || doc.is_punct(t, "“”\"«»„"))
        {
            continue;
        }
        if doc.is_heading(tokens.start) {
            continue;
        }
        // "This was stated … by X": the previous sentence is X's.
        if doc.is_any(tokens.start, words!["this", "that", "it"])
            && doc.is_any(tokens.start + 1, words!["was", "is", "has"])
            && let Some(by) = tokens.clone().find(|&t| doc.is_any(t, words!["by"]))
        {
            let has_verb = (tokens.start + 1..by).any(|t| doc.speech_at(t).is_some());
            if has_verb
                && si > 0
                && let Some(found) = subject_after(doc, table, by + 1)
            {
                let prev = &sentences[si - 1];
                let prev_has_quote = prev.tokens.clone().any(|t| doc.quote_of(t).is_some());
                let verb = (tokens.start + 1..by).find(|&t| doc.speech_at(t).is_some()).unwrap_or(tokens.start);
                // Statements come in sentence order: only the last ones can reach `prev`.
                let taken =
                    out.iter().rev().take_while(|q| q.span.end > prev.span.start).any(|q| q.span.overlaps(prev.span));
                if !prev_has_quote && !taken {
                    let first = prev.tokens.clone().find(|&t| !doc.furniture[t]).unwrap_or(prev.tokens.end);
                    let span = trim_span(doc, first..prev.tokens.end);
                    out.push(statement(doc, span, found.entity, verb, Attribution::StatedBy));
                }
            }
            continue;
        }
        let verbs: Vec<usize> = tokens.clone().filter(|&t| doc.speech_at(t).is_some() && !doc.furniture[t]).collect();
        for v in verbs {
            let s = doc.speech_at(v).unwrap_or_default();
            let kind = doc.lex.speech_verb(s).kind.clone();
            let len = doc.word_hit_len(v);
            if kind == "according" {
                let Some(found) = subject_after(doc, table, v + len) else { continue };
                // "According to X, CLAUSE." or "CLAUSE, according to X."
                let comma = (v + len..tokens.end).find(|&t| doc.is_punct(t, ","));
                let span = if v == tokens.start || doc.is_punct(v - 1, "(") {
                    comma.map(|c| trim_span(doc, c + 1..tokens.end))
                } else {
                    Some(trim_span(doc, tokens.start..v))
                };
                if let Some(span) = span.filter(|s| !s.is_empty()) {
                    out.push(statement(doc, span, found.entity, v, Attribution::Reported));
                }
                break;
            }
            if !matches!(kind.as_str(), "say" | "announce" | "tell" | "deny" | "write") {
                continue;
            }
            // "CLAUSE, X said." at the end of the sentence.
            if v + len + 1 >= tokens.end && v > tokens.start {
                if let Some(found) = subject_before(doc, table, v) {
                    let comma = (tokens.start..v).rev().find(|&t| doc.is_punct(t, ","));
                    if let Some(c) = comma {
                        let span = trim_span(doc, tokens.start..c);
                        if !span.is_empty() {
                            out.push(statement(doc, span, found.entity, v, Attribution::Reported));
                        }
                    }
                }
                break;
            }
            // "X said (that) CLAUSE."
            if unnamed_on_purpose(doc, table, v) {
                break;
            }
            let Some(found) = subject_before(doc, table, v) else { continue };
            let mut c = v + len;
            if kind == "tell" {
                // "told reporters that", "told Reuters that"
                while c < tokens.end && !doc.is_any(c, words!["that"]) && c < v + len + 3 {
                    c += 1;
                }
            }
            while c < tokens.end && (doc.is_any(c, words!["that", "on", "in"]) || doc.is_punct(c, ",")) {
                if doc.is_any(c, words!["on", "in"]) {
                    break;
                }
                c += 1;
            }
            if c + 2 < tokens.end {
                let span = trim_span(doc, c..tokens.end);
                out.push(statement(doc, span, found.entity, v, Attribution::Reported));
            }
            break;
        }
    }
    out
}

fn statement(doc: &Doc<'_>, span: Span, speaker: usize, verb: usize, attribution: Attribution) -> Quote {
    let len = doc.word_hit_len(verb).max(1);
    let cue = Span::new(doc.span(verb).start, doc.span(verb + len - 1).end);
    Quote {
        span,
        speaker: Some(speaker),
        cue: Some(doc.text[cue.range()].to_owned()),
        cue_span: Some(cue),
        attribution,
        is_direct: false,
    }
}

/// The span of tokens, without trailing punctuation.
fn trim_span(doc: &Doc<'_>, tokens: std::ops::Range<usize>) -> Span {
    let mut end = tokens.end;
    while end > tokens.start && doc.is_punct(end - 1, ".,;:!?") {
        end -= 1;
    }
    if end <= tokens.start {
        return Span::default();
    }
    Span::new(doc.span(tokens.start).start, doc.span(end - 1).end)
}
