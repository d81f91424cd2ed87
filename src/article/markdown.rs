//! Shows Markdown as plain text: headings, emphasis, links, images, quotes and code fences.
//!
//! Invariant: paragraph breaks (blank lines) of the source are kept.

/// Markdown reduced to text.
pub struct Doc {
    /// The first `# ` heading.
    pub title: Option<String>,
    /// The text.
    pub text: String,
}

/// Converts Markdown to plain text, line by line.
pub fn to_text(source: &str) -> Doc {
    let mut title = None;
    let mut out = String::with_capacity(source.len());
    let mut in_fence = false;
    for line in source.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let mut body = trimmed;
        if let Some(rest) = heading(body) {
            if title.is_none() && body.starts_with("# ") {
                title = Some(inline(rest).trim().to_owned());
            }
            body = rest;
        }
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
        }
        for bullet in ["- ", "* ", "+ "] {
            if let Some(rest) = body.strip_prefix(bullet) {
                body = rest;
            }
        }
        if matches!(body.trim(), "---" | "***" | "___") {
            body = "";
        }
        out.push_str(&inline(body));
        out.push('\n');
    }
    Doc { title, text: out }
}

fn heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes).then(|| line[hashes..].strip_prefix(' ')).flatten()
}

/// Removes emphasis markers, inline code ticks, images and link targets.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '!'
            && rest[1..].starts_with('[')
            && let Some((_, after)) = link(&rest[1..])
        {
            rest = after;
            continue;
        }
        if c == '['
            && let Some((label, after)) = link(rest)
        {
            out.push_str(&inline(label));
            rest = after;
            continue;
        }
        if c == '*' || c == '`' || (c == '_' && is_edge_underscore(&out, &rest[1..])) {
            rest = &rest[1..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `[label](target)` at the start of `text`: returns the label and what follows.
fn link(text: &str) -> Option<(&str, &str)> {
    let close = text.find("](")?;
    let end = text[close..].find(')')? + close;
    (!text[1..close].contains('\n')).then(|| (&text[1..close], &text[end + 1..]))
}

/// An underscore is emphasis when it is not inside a word (`snake_case` stays).
fn is_edge_underscore(before: &str, after: &str) -> bool {
    let prev_alnum = before.chars().next_back().is_some_and(char::is_alphanumeric);
    let next_alnum = after.chars().next().is_some_and(char::is_alphanumeric);
    !(prev_alnum && next_alnum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_emphasis_and_links_become_text() {
        let doc = to_text("# Big news\n\nThe **minister** said [in Paris](http://x.org) _today_.\n\n> quoted\n");
        assert_eq!(doc.title.as_deref(), Some("Big news"));
        assert_eq!(doc.text, "Big news\n\nThe minister said in Paris today.\n\nquoted\n");
    }

    #[test]
    fn images_and_code_fences_are_dropped_and_snake_case_kept() {
        let doc = to_text("![logo](a.png) text snake_case\n```\ncode\n```\n- item");
        assert_eq!(doc.text, " text snake_case\nitem\n");
    }
}
