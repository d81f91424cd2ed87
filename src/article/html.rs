//! Keeps an HTML page's title and main text, without menus, scripts, captions and bylines.
//!
//! Invariant: the output text is plain text, one block element per paragraph.

use scraper::{ElementRef, Html, Selector};

/// The readable part of a page.
pub struct Page {
    /// `<h1>` of the article, else `<title>`.
    pub title: Option<String>,
    /// Paragraphs separated by blank lines.
    pub text: String,
}

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "nav",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "noscript",
    "iframe",
    "svg",
    "button",
    "header",
    "template",
];
const SKIP_CLASS_WORDS: &[&str] = &[
    "byline",
    "credit",
    "caption",
    "share",
    "social",
    "related",
    "comment",
    "advert",
    "promo",
    "newsletter",
    "menu",
    "nav",
    "cookie",
    "subscribe",
    "breadcrumb",
    "footer",
    "author",
];
const BLOCKS: &str = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td";

/// Extracts the title and the main text of a page.
pub fn extract(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let select = |css: &str| Selector::parse(css).expect("static selector is valid");
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|css| doc.select(&select(css)).next())
        .unwrap_or_else(|| doc.root_element());
    let h1 = root.select(&select("h1")).next().map(|h| collapse(&h.text().collect::<String>()));
    let title_tag = doc.select(&select("title")).next().map(|t| collapse(&t.text().collect::<String>()));
    let title = h1.or(title_tag).filter(|t| !t.is_empty());

    let blocks = select(BLOCKS);
    let mut paragraphs: Vec<String> = Vec::new();
    for element in root.select(&blocks) {
        if is_skipped(element) || has_block_ancestor(element, root) {
            continue;
        }
        let text = collapse(&element.text().collect::<String>());
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    if paragraphs.is_empty() {
        let text = collapse(&root.text().collect::<String>());
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    Page { title, text: paragraphs.join("\n\n") }
}

fn is_skipped(element: ElementRef<'_>) -> bool {
    std::iter::once(element).chain(element.ancestors().filter_map(ElementRef::wrap)).any(|el| {
        let value = el.value();
        if SKIP_TAGS.contains(&value.name()) {
            return true;
        }
        let marks = value.attr("class").unwrap_or("").to_ascii_lowercase()
            + " "
            + &value.attr("id").unwrap_or("").to_ascii_lowercase();
        SKIP_CLASS_WORDS.iter().any(|w| marks.contains(w))
    })
}

fn has_block_ancestor(element: ElementRef<'_>, root: ElementRef<'_>) -> bool {
    element
        .ancestors()
        .take_while(|node| node.id() != root.id())
        .filter_map(ElementRef::wrap)
        .any(|el| matches!(el.value().name(), "p" | "li" | "blockquote" | "pre" | "td" | "h1" | "h2" | "h3"))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_text_and_drops_page_furniture() {
        let page = extract(
            "<html><head><title>Site | Story</title><script>var x = 1;</script></head><body>\
             <nav><p>Home</p></nav><article><h1>Talks resume</h1><p class=\"byline\">By Staff</p>\
             <p>The minister said “we are ready”.</p><figure><figcaption>Photo: AFP</figcaption></figure>\
             <blockquote><p>Quoted words.</p></blockquote></article><footer><p>© 2026</p></footer></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Talks resume"));
        assert_eq!(page.text, "Talks resume\n\nThe minister said “we are ready”.\n\nQuoted words.");
    }

    #[test]
    fn title_tag_is_used_without_h1() {
        let page = extract("<html><head><title>Only title</title></head><body><p>Text.</p></body></html>");
        assert_eq!(page.title.as_deref(), Some("Only title"));
        assert_eq!(page.text, "Text.");
    }
}
