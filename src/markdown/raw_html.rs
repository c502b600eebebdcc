//! The URLs in raw HTML written inside Markdown, for the site's `UrlPolicy` to judge (and
//! `markdown` to find photos the HTML names). The HTML is read by html5ever's tokenizer, as a
//! browser reads it (character references decoded in attribute values), so a disguise that
//! fools a pattern cannot fool this. Whether the raw HTML
//! is then sanitized (ammonia) or published as written (`unsafe_html: true`), a refused URL is
//! reported: `unsafe_html` lets elements through, never a script URL.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::url_policy::{UrlUse, srcset_urls};

/// A URL written in raw HTML, with the byte offset and length in the fragment of the attribute
/// that holds it.
pub struct WrittenUrl {
    pub value: String,
    pub usage: UrlUse,
    pub offset: usize,
    pub length: usize,
}

/// Every URL of `fragment`, as a browser reads it.
pub fn urls(fragment: &str) -> Vec<WrittenUrl> {
    let sink = UrlSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(fragment));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer
        .sink
        .urls
        .into_inner()
        .into_iter()
        .map(|url| WrittenUrl {
            offset: place(fragment, url.line, &url.attribute),
            length: url.attribute.len().max(1),
            value: url.value,
            usage: url.usage,
        })
        .collect()
}

/// A URL found in the HTML, with the line (of the fragment) and attribute it was written in.
struct FoundUrl {
    value: String,
    usage: UrlUse,
    line: u64,
    attribute: String,
}

#[derive(Default)]
struct UrlSink {
    urls: RefCell<Vec<FoundUrl>>,
    /// Inside `<style>`: its text is CSS, whose `url(…)` and `@import` load resources.
    in_style: Cell<bool>,
}

impl TokenSink for UrlSink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let element = tag.name.to_ascii_lowercase().to_string();
                let starts = tag.kind == TagKind::StartTag;
                self.in_style.set(starts && element == "style");
                if !starts {
                    return TokenSinkResult::Continue;
                }
                let mut urls = self.urls.borrow_mut();
                for attribute in &tag.attrs {
                    let name = attribute.name.local.to_ascii_lowercase().to_string();
                    for (value, usage) in attribute_urls(&element, &name, &attribute.value) {
                        urls.push(FoundUrl {
                            value,
                            usage,
                            line,
                            attribute: name.clone(),
                        });
                    }
                }
                // As a browser's tree builder would, read these elements' text as text, so
                // that markup-looking text inside them is not taken for tags.
                match element.as_str() {
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    _ => TokenSinkResult::Continue,
                }
            }
            Token::CharacterTokens(text) if self.in_style.get() => {
                let mut urls = self.urls.borrow_mut();
                for value in css_urls(&text) {
                    urls.push(FoundUrl {
                        value,
                        usage: UrlUse::Resource,
                        line,
                        attribute: String::new(),
                    });
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

/// The URLs an attribute holds and what each is used for. Links are what a visitor follows;
/// everything a page loads by itself (pictures, media, frames, stylesheets, a `<base>`) is a
/// resource.
fn attribute_urls(element: &str, attribute: &str, value: &str) -> Vec<(String, UrlUse)> {
    let one = |usage| vec![(value.to_string(), usage)];
    match attribute {
        "href" | "xlink:href" => match element {
            "a" | "area" => one(UrlUse::Link),
            _ => one(UrlUse::Resource),
        },
        "action" | "formaction" | "cite" | "longdesc" => one(UrlUse::Link),
        "src" | "poster" | "data" | "background" | "lowsrc" | "dynsrc" | "manifest" | "icon"
        | "codebase" | "archive" | "ping" => one(UrlUse::Resource),
        "srcset" | "imagesrcset" => srcset_urls(value)
            .map(|url| (url.to_string(), UrlUse::Resource))
            .collect(),
        "style" => css_urls(value)
            .into_iter()
            .map(|url| (url, UrlUse::Resource))
            .collect(),
        // `<meta http-equiv="refresh" content="0; url=…">` sends the visitor there.
        "content" if element == "meta" => refresh_url(value)
            .map(|url| vec![(url, UrlUse::Link)])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The URLs of CSS: `url(…)` and `@import "…"`.
fn css_urls(css: &str) -> Vec<String> {
    let lower = css.to_ascii_lowercase();
    let mut urls = Vec::new();
    for (at, _) in lower.match_indices("url(") {
        let rest = &css[at + 4..];
        let end = rest.find(')').unwrap_or(rest.len());
        urls.push(unquoted(&rest[..end]));
    }
    for (at, _) in lower.match_indices("@import") {
        let rest = css[at + 7..].trim_start();
        if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            let inner = &rest[1..];
            urls.push(inner[..inner.find(quote).unwrap_or(inner.len())].to_string());
        }
    }
    urls
}

fn unquoted(text: &str) -> String {
    text.trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .to_string()
}

/// `0; url=https://…` → the URL.
fn refresh_url(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("url")?;
    let rest = content[at + 3..].trim_start().strip_prefix('=')?;
    Some(unquoted(rest))
}

/// The byte offset in `fragment` where the attribute that held the URL is written: on the
/// tokenizer's line (where the tag ends), the first occurrence of its name, else its last one
/// before that line; the line's start when neither is found.
fn place(fragment: &str, line: u64, attribute: &str) -> usize {
    let line_start = fragment
        .match_indices('\n')
        .nth(line.saturating_sub(2) as usize)
        .filter(|_| line > 1)
        .map_or(0, |(at, _)| at + 1);
    if attribute.is_empty() {
        return line_start;
    }
    let lower = fragment.to_ascii_lowercase();
    lower[line_start..]
        .find(attribute)
        .map(|found| line_start + found)
        .or_else(|| lower[..line_start].rfind(attribute))
        .unwrap_or(line_start)
}

#[cfg(test)]
mod tests {
    use super::super::UnsafeUrl;
    use super::*;
    use crate::url_policy::Refusal;
    use crate::url_policy::UrlPolicy;

    /// Adds the refused URLs of `fragment`, each with its byte offset in `fragment`.
    fn check(fragment: &str, policy: &UrlPolicy, found: &mut Vec<UnsafeUrl>) {
        for url in urls(fragment) {
            if let Err(refusal) = policy.judge(&url.value, url.usage) {
                found.push(UnsafeUrl {
                    url: url.value,
                    usage: url.usage,
                    refusal,
                    offset: url.offset,
                    length: url.length,
                });
            }
        }
    }

    fn refused(html: &str) -> Vec<(String, usize)> {
        let mut found = Vec::new();
        check(html, &UrlPolicy::default(), &mut found);
        found.into_iter().map(|u| (u.url, u.offset)).collect()
    }

    #[test]
    fn script_urls_in_attributes_are_found_after_the_browser_decodes_them() {
        let html = "<a href=\"&#106;avascript:alert(1)\">x</a> <a href='java&#x09;script:x'>y</a>\n<form action=\"JaVaScRiPt&colon;x\"></form>";
        let found = refused(html);
        let urls: Vec<&str> = found.iter().map(|(u, _)| u.as_str()).collect();
        assert_eq!(
            urls,
            ["javascript:alert(1)", "java\tscript:x", "JaVaScRiPt:x"]
        );
        assert_eq!(found[0].1, 3);
        assert_eq!(&html[found[2].1..found[2].1 + 6], "action");
    }

    #[test]
    fn outside_resources_are_found_in_every_attribute_that_loads_one() {
        let html = concat!(
            "<img src=\"//cdn.example/a.png\">",
            "<img srcset=\"a.jpg 1x, https://cdn.example/b.jpg 2x\">",
            "<video poster=\"https://cdn.example/p.jpg\"><source src=\"http://cdn.example/v.mp4\"></video>",
            "<p style=\"background: url('https://cdn.example/bg.png')\">x</p>",
            "<style>@import \"https://cdn.example/s.css\"; p { background: url(//cdn.example/i.png) }</style>",
            "<svg><image xlink:href=\"https://cdn.example/i.svg\"/></svg>",
            "<a href=\"https://www.gov.cn/\">outside pages are fine</a>",
            "<img src=\"photo.jpg\"><a href=\"mailto:a@b.c\">m</a>",
        );
        let urls: Vec<String> = refused(html).into_iter().map(|(u, _)| u).collect();
        assert_eq!(
            urls,
            [
                "//cdn.example/a.png",
                "https://cdn.example/b.jpg",
                "https://cdn.example/p.jpg",
                "http://cdn.example/v.mp4",
                "https://cdn.example/bg.png",
                "//cdn.example/i.png",
                "https://cdn.example/s.css",
                "https://cdn.example/i.svg",
            ]
        );
    }

    #[test]
    fn data_urls_and_refresh_redirects_are_refused() {
        let mut found = Vec::new();
        check(
            "<meta http-equiv=\"refresh\" content=\"0; URL=javascript:alert(1)\"><iframe src=\"data:text/html,<script>x</script>\"></iframe>",
            &UrlPolicy::default(),
            &mut found,
        );
        let refusals: Vec<&Refusal> = found.iter().map(|u| &u.refusal).collect();
        assert_eq!(
            refusals,
            [
                &Refusal::Script {
                    scheme: "javascript".into()
                },
                &Refusal::Data
            ]
        );
        assert_eq!(found[0].offset, 27);
    }

    #[test]
    fn lines_after_the_first_are_placed_on_their_line() {
        let html = "<div>\n  <img\n    src=\"https://cdn.example/a.png\">\n</div>";
        let found = refused(html);
        assert_eq!(found.len(), 1);
        assert_eq!(&html[found[0].1..found[0].1 + 3], "src");
    }
}
