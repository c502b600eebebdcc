//! Markdown → HTML (CommonMark with tables, footnotes, strikethrough and task lists), with heading
//! ids that work for Chinese and Korean, `@/collection/id.md` links between records resolved by
//! the caller, raw HTML sanitized unless the site allows it, and the body's plain text for
//! excerpts. Pure: no IO; the caller turns unresolved links into diagnostics.

mod excerpt;
pub mod lint;
mod raw_html;
pub mod tree;

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::url_policy::{ALLOWED_SCHEMES, Refusal, UrlPolicy, UrlUse, percent_decoded_bytes};

pub use excerpt::excerpt;

/// How links and images in a body are resolved: implemented by the model, which knows routes.
pub trait LinkResolver {
    /// `@/projects/hongxin-wuye.md` (without the `@/`) → the page URL in this body's language.
    fn record_link(&self, target: &str) -> Option<String>;
    /// A relative path (`photo.jpg`) → its URL, when the record has such a file.
    fn relative_asset(&self, path: &str) -> Option<String>;
    /// A path from the site's root (`files/report.pdf`, written `/files/report.pdf`) → its URL
    /// under the site's base path, when `static/` has that file.
    fn site_file(&self, path: &str) -> Option<String>;
    /// How a picture of the site, at the URL the other methods gave, is shown: its variants
    /// (issue 15); `None` to show it as `<img src>`.
    fn picture(&self, url: &str) -> Option<BodyPicture>;
    /// Whether the file at `url` (one the other methods gave) is a photo published only as
    /// its resized variants, so that raw HTML naming the file itself would show nothing.
    fn only_resized(&self, _url: &str) -> bool {
        false
    }
}

/// A picture in a body as `<picture>`/`<img>` attributes: the caller knows its variants and
/// the width of the column it is shown in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BodyPicture {
    pub src: String,
    pub width: u32,
    pub height: u32,
    /// Empty for a picture published as it is.
    pub srcset: String,
    pub webp_srcset: String,
    pub sizes: String,
    /// What a link to the picture's file leads to (its largest variant: the file itself is
    /// not published).
    pub largest: String,
}

impl BodyPicture {
    fn html(&self, alt: &str, title: &str) -> String {
        let mut img = format!("<img src=\"{}\" alt=\"{}\"", escape(&self.src), escape(alt));
        if !title.is_empty() {
            img.push_str(&format!(" title=\"{}\"", escape(title)));
        }
        if self.width > 0 && self.height > 0 {
            img.push_str(&format!(
                " width=\"{}\" height=\"{}\"",
                self.width, self.height
            ));
        }
        if !self.srcset.is_empty() {
            img.push_str(&format!(
                " srcset=\"{}\" sizes=\"{}\"",
                escape(&self.srcset),
                escape(&self.sizes)
            ));
        }
        img.push_str(" loading=\"lazy\" decoding=\"async\">");
        if self.webp_srcset.is_empty() {
            return img;
        }
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{}\">{img}</picture>",
            escape(&self.webp_srcset),
            escape(&self.sizes)
        )
    }
}

/// Text for an attribute value, escaped as pulldown-cmark escapes the rest of the body.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A picture being read: its markup waits for the alt text, which comes as the events
/// between the image's start and end.
struct OpenPicture {
    picture: BodyPicture,
    title: String,
    alt: String,
}

#[derive(Debug, Clone, Copy)]
pub struct MarkdownOptions<'a> {
    /// SPEC §6: raw HTML is sanitized unless `unsafe_html: true`.
    pub unsafe_html: bool,
    /// Which URLs links, images and raw HTML may use (issue 14).
    pub urls: &'a UrlPolicy,
}

/// A URL the policy refused, with the byte offset and length in the Markdown text of what
/// wrote it (the link, its definition, the HTML attribute). A refused link or image is
/// published with an empty address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeUrl {
    pub url: String,
    pub usage: UrlUse,
    pub refusal: Refusal,
    pub offset: usize,
    pub length: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Raw HTML naming a photo that is published only as resized variants (issue 15), with the
/// byte offset and length in the Markdown text of the attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoInHtml {
    pub url: String,
    pub offset: usize,
    pub length: usize,
}

/// A link the resolver could not resolve, with its byte offset in the Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub target: String,
    pub offset: usize,
}

/// A link to a heading: `#做法` on the same page, or `@/cases/liyuan.md#做法` on another
/// record's page (`record` without the `@/`). Whether the heading exists is known only once
/// every body is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingLink {
    pub record: Option<String>,
    pub anchor: String,
    pub offset: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// The text of the body's paragraphs, for the automatic summary.
    pub plain_text: String,
    /// All the text a reader sees (headings, paragraphs, list items, table cells, code), a
    /// block a line: what search indexes.
    pub text: String,
    pub broken_links: Vec<BrokenLink>,
    /// Every heading id of the body, for links to headings.
    pub anchors: Vec<String>,
    pub heading_links: Vec<HeadingLink>,
    pub unsafe_urls: Vec<UnsafeUrl>,
    pub photos_in_html: Vec<PhotoInHtml>,
}

pub fn render(markdown: &str, options: MarkdownOptions, resolver: &dyn LinkResolver) -> Rendered {
    let parser_options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut rendered = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut has_raw_html = false;
    let mut used_ids: HashSet<String> = HashSet::new();
    // Index into `events` of the open heading, and its text so far.
    let mut open_heading: Option<(usize, String)> = None;
    // Inside an inline `<script>` or `<style>`: its text is code, not part of the summary.
    let mut in_raw_code = false;
    // Only paragraph text goes into the summary's plain text.
    let mut in_paragraph = false;
    // The lines of the open HTML block, each with where it starts in the block and in the
    // Markdown text: the block's URLs are judged as one piece, since a tag may span lines.
    let mut html_block: Option<(String, Vec<(usize, usize)>)> = None;
    let mut open_picture: Option<OpenPicture> = None;

    let mut parsed = Parser::new_ext(markdown, parser_options).into_offset_iter();
    while let Some((event, range)) = parsed.next() {
        if let Some(open) = &mut open_picture {
            match &event {
                Event::End(TagEnd::Image) => {
                    let html = open.picture.html(&open.alt, &open.title);
                    events.push(Event::InlineHtml(html.into()));
                    open_picture = None;
                    continue;
                }
                Event::Text(text) | Event::Code(text) => open.alt.push_str(text),
                _ => {}
            }
        }
        let event = match event {
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let is_image = matches!(tag, Tag::Image { .. });
                if let Tag::Link { dest_url, id, .. } | Tag::Image { dest_url, id, .. } = &mut tag {
                    let usage = if is_image {
                        UrlUse::Resource
                    } else {
                        UrlUse::Link
                    };
                    if let Err(refusal) = options.urls.judge(dest_url, usage) {
                        // A reference link's URL is written in its definition: it is
                        // reported there.
                        let written = parsed
                            .reference_definitions()
                            .get(id)
                            .map_or(range.clone(), |definition| definition.span.clone());
                        rendered.unsafe_urls.push(UnsafeUrl {
                            url: dest_url.to_string(),
                            usage,
                            refusal,
                            offset: written.start,
                            length: written.len(),
                        });
                        *dest_url = CowStr::Borrowed("");
                    }
                    if !is_image && let Some(link) = heading_link(dest_url, range.start) {
                        rendered.heading_links.push(link);
                    }
                    if let Some(resolved) = resolve(
                        dest_url,
                        range.start,
                        is_image,
                        resolver,
                        &mut rendered.broken_links,
                    ) {
                        *dest_url = resolved;
                    }
                }
                // A link to a photo leads to its largest variant.
                if let Tag::Link { dest_url, .. } = &mut tag
                    && !dest_url.is_empty()
                    && let Some(picture) = resolver.picture(dest_url)
                    && !picture.largest.is_empty()
                {
                    *dest_url = picture.largest.into();
                }
                if let Tag::Image {
                    dest_url, title, ..
                } = &tag
                    && !dest_url.is_empty()
                    && let Some(picture) = resolver.picture(dest_url)
                {
                    open_picture = Some(OpenPicture {
                        picture,
                        title: title.to_string(),
                        alt: String::new(),
                    });
                }
                Event::Start(tag)
            }
            Event::Start(Tag::Heading { .. }) => {
                open_heading = Some((events.len(), String::new()));
                event
            }
            Event::Start(Tag::Paragraph) => {
                in_paragraph = true;
                event
            }
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                rendered.plain_text.push('\n');
                end_line(&mut rendered.text);
                event
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::FootnoteDefinition,
            ) => {
                end_line(&mut rendered.text);
                if let Event::End(TagEnd::Heading(level)) = event {
                    close_heading(
                        level,
                        &mut open_heading,
                        &mut events,
                        &mut used_ids,
                        &mut rendered,
                    );
                }
                event
            }
            Event::SoftBreak | Event::HardBreak => {
                rendered.text.push(' ');
                event
            }
            Event::Start(Tag::HtmlBlock) => {
                html_block = Some((String::new(), Vec::new()));
                event
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((block, lines)) = html_block.take() {
                    check_raw_html(&block, &lines, options.urls, resolver, &mut rendered);
                }
                event
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                has_raw_html = true;
                match &mut html_block {
                    Some((block, lines)) => {
                        lines.push((block.len(), range.start));
                        block.push_str(html);
                    }
                    None => check_raw_html(
                        html,
                        &[(0, range.start)],
                        options.urls,
                        resolver,
                        &mut rendered,
                    ),
                }
                let tag = html.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    in_raw_code = !tag.contains("</script") && !tag.contains("</style");
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    in_raw_code = false;
                }
                event
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if !in_raw_code {
                    rendered.text.push_str(text);
                }
                if let Some((_, heading)) = &mut open_heading {
                    heading.push_str(text);
                } else if in_paragraph && !in_raw_code {
                    rendered.plain_text.push_str(text);
                }
                event
            }
            other => other,
        };
        // A picture's own events are replaced by its markup when it ends.
        if open_picture.is_none() {
            events.push(event);
        }
    }
    html::push_html(&mut rendered.html, events.into_iter());
    if has_raw_html && !options.unsafe_html {
        rendered.html = sanitize(&rendered.html);
    }
    // `serve` keeps the text of every record between saves: the room the text grew into
    // would be kept with it. A copy of the exact size, since the allocator shrinks a block in
    // place (keeping it whole) when asked to shrink it by less than half.
    if rendered.text.capacity() > rendered.text.len() + rendered.text.len() / 8 {
        rendered.text = rendered.text.as_str().to_owned();
    }
    rendered
}

/// Judges the URLs of raw HTML, and finds those that name a photo only its variants are
/// published of. `lines` maps where each piece of `html` starts to where it is in the Markdown
/// text (an HTML block inside a list or quote loses its indent).
fn check_raw_html(
    html: &str,
    lines: &[(usize, usize)],
    urls: &UrlPolicy,
    resolver: &dyn LinkResolver,
    rendered: &mut Rendered,
) {
    for url in raw_html::urls(html) {
        let (in_html, in_markdown) = lines
            .iter()
            .rev()
            .find(|(in_html, _)| *in_html <= url.offset)
            .copied()
            .unwrap_or((0, 0));
        let offset = in_markdown + (url.offset - in_html);
        match urls.judge(&url.value, url.usage) {
            Err(refusal) => rendered.unsafe_urls.push(UnsafeUrl {
                url: url.value,
                usage: url.usage,
                refusal,
                offset,
                length: url.length,
            }),
            Ok(_) if names_only_resized(&url.value, resolver) => {
                rendered.photos_in_html.push(PhotoInHtml {
                    url: url.value,
                    offset,
                    length: url.length,
                });
            }
            Ok(_) => {}
        }
    }
}

/// Whether a URL written in raw HTML (`photo.jpg` in a bundle, `/images/photo.jpg` in
/// `static/`) names a photo published only as resized variants. Raw HTML is published as
/// written, so what `resolve` finds broken there is not reported.
fn names_only_resized(url: &str, resolver: &dyn LinkResolver) -> bool {
    let path = &url[..url.find(['?', '#']).unwrap_or(url.len())];
    resolve(path, 0, false, resolver, &mut Vec::new()).is_some_and(|u| resolver.only_resized(&u))
}

/// The URLs of a Markdown text that `urls` refuses, for a text whose problems are reported
/// where it is read (a `markdown` field) rather than where it is rendered.
pub fn unsafe_urls(markdown: &str, urls: &UrlPolicy) -> Vec<UnsafeUrl> {
    struct NoLinks;
    impl LinkResolver for NoLinks {
        fn record_link(&self, _: &str) -> Option<String> {
            None
        }
        fn relative_asset(&self, _: &str) -> Option<String> {
            None
        }
        fn site_file(&self, _: &str) -> Option<String> {
            None
        }
        fn picture(&self, _: &str) -> Option<BodyPicture> {
            None
        }
    }
    let options = MarkdownOptions {
        unsafe_html: true,
        urls,
    };
    render(markdown, options, &NoLinks).unsafe_urls
}

/// Ends a line of `text` unless it is empty or ended already.
fn end_line(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// Gives the heading that `level` closes its unique id and records it.
fn close_heading(
    level: HeadingLevel,
    open_heading: &mut Option<(usize, String)>,
    events: &mut [Event],
    used_ids: &mut HashSet<String>,
    rendered: &mut Rendered,
) {
    if let Some((start, text)) = open_heading.take()
        && let Event::Start(Tag::Heading { id, .. }) = &mut events[start]
    {
        let unique = unique_id(
            id.as_deref()
                .map_or_else(|| heading_id(&text), str::to_string),
            used_ids,
        );
        *id = Some(CowStr::from(unique.clone()));
        rendered.anchors.push(unique.clone());
        let level = heading_level(level);
        if level <= 3 {
            rendered.headings.push(Heading {
                level,
                id: unique,
                text: text.trim().to_string(),
            });
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Resolves `@/…` record links and relative asset paths; other URLs are left as written.
fn resolve<'a>(
    dest: &str,
    offset: usize,
    is_image: bool,
    resolver: &dyn LinkResolver,
    broken: &mut Vec<BrokenLink>,
) -> Option<CowStr<'a>> {
    if let Some(target) = dest.strip_prefix("@/") {
        let resolved = resolver.record_link(target);
        if resolved.is_none() {
            broken.push(BrokenLink {
                target: dest.to_string(),
                offset,
            });
        }
        return resolved.map(CowStr::from);
    }
    if let Some(path) = dest.strip_prefix('/')
        && !path.starts_with('/')
    {
        let end = path.find(['?', '#']).unwrap_or(path.len());
        let (file, rest) = path.split_at(end);
        if let Some(url) = resolver.site_file(file) {
            return Some(CowStr::from(format!("{url}{rest}")));
        }
        // A page path (`/projects/`) is left as written; a file that is not there is broken.
        let names_a_file = file
            .rsplit('/')
            .next()
            .is_some_and(|name| name.contains('.'));
        if names_a_file {
            broken.push(BrokenLink {
                target: dest.to_string(),
                offset,
            });
        }
        return None;
    }
    let is_relative = !dest.is_empty() && !dest.starts_with(['/', '#', '?']) && !dest.contains(':');
    if is_relative {
        let resolved = resolver.relative_asset(dest);
        if resolved.is_none() && is_image {
            broken.push(BrokenLink {
                target: dest.to_string(),
                offset,
            });
        }
        return resolved.map(CowStr::from);
    }
    None
}

fn heading_link(dest: &str, offset: usize) -> Option<HeadingLink> {
    let (path, anchor) = dest.split_once('#')?;
    if anchor.is_empty() {
        return None;
    }
    let record = match path.strip_prefix("@/") {
        Some(record) => Some(record.to_string()),
        None if path.is_empty() => None,
        None => return None,
    };
    Some(HeadingLink {
        record,
        anchor: percent_decoded(anchor),
        offset,
    })
}

/// `%E5%81%9A` → `做`: an anchor copied from a browser's address bar is percent-encoded.
fn percent_decoded(text: &str) -> String {
    String::from_utf8(percent_decoded_bytes(text)).unwrap_or_else(|_| text.to_string())
}

/// A heading id that keeps Chinese and Korean letters: `一、主要做法` → `一主要做法`,
/// `Key Figures 2023` → `key-figures-2023`.
pub fn heading_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !id.ends_with('-')
            && !id.is_empty()
        {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() { "section".into() } else { id }
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Removes scripts, event handlers and other active content from raw HTML (SPEC §6).
fn sanitize(html: &str) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tag_attributes("h1", ["id"])
        .add_tag_attributes("h2", ["id"])
        .add_tag_attributes("h3", ["id"])
        .add_tag_attributes("h4", ["id"])
        .add_tag_attributes("h5", ["id"])
        .add_tag_attributes("h6", ["id"])
        .add_tag_attributes("div", ["id", "class"])
        .add_tag_attributes("sup", ["id", "class"])
        .add_tag_attributes("a", ["id", "class"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes(
            "img",
            ["srcset", "sizes", "width", "height", "loading", "decoding"],
        )
        .add_tag_attributes("source", ["type", "srcset", "sizes"])
        .add_tags(["input", "figure", "figcaption", "picture", "source"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .url_schemes(ALLOWED_SCHEMES.into_iter().collect())
        .link_rel(None);
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Links;
    impl LinkResolver for Links {
        fn record_link(&self, target: &str) -> Option<String> {
            (target.starts_with("cases/liyuan-cun.md")).then(|| {
                format!(
                    "/ko/cases/liyuan-cun/{}",
                    target
                        .split_once('#')
                        .map(|(_, a)| format!("#{a}"))
                        .unwrap_or_default()
                )
            })
        }
        fn relative_asset(&self, path: &str) -> Option<String> {
            match path {
                "photo.svg" => Some("/projects/a/photo.svg".to_string()),
                "photo.jpg" => Some("/projects/a/photo.jpg".to_string()),
                _ => None,
            }
        }
        fn site_file(&self, path: &str) -> Option<String> {
            (path == "files/report.pdf").then(|| "/base/files/report.pdf".to_string())
        }
        fn picture(&self, url: &str) -> Option<BodyPicture> {
            (url == "/projects/a/photo.jpg").then(|| BodyPicture {
                src: "/projects/a/photo-960w.jpg".into(),
                width: 960,
                height: 720,
                srcset: "/projects/a/photo-480w.jpg 480w, /projects/a/photo-960w.jpg 960w".into(),
                webp_srcset: "/projects/a/photo-480w.webp 480w".into(),
                sizes: "100vw".into(),
                largest: "/projects/a/photo-960w.jpg".into(),
            })
        }
    }

    #[test]
    fn a_photo_becomes_a_picture_with_its_variants_and_a_link_leads_to_the_largest() {
        let r = render(
            "![会场 *二楼*](photo.jpg '会\"场') [原图](photo.jpg)",
            options(false),
            &Links,
        );
        assert_eq!(
            r.html,
            "<p><picture><source type=\"image/webp\" srcset=\"/projects/a/photo-480w.webp 480w\" \
             sizes=\"100vw\"><img src=\"/projects/a/photo-960w.jpg\" alt=\"会场 二楼\" \
             title=\"会&quot;场\" width=\"960\" height=\"720\" \
             srcset=\"/projects/a/photo-480w.jpg 480w, /projects/a/photo-960w.jpg 960w\" \
             sizes=\"100vw\" loading=\"lazy\" decoding=\"async\"></picture> \
             <a href=\"/projects/a/photo-960w.jpg\">原图</a></p>\n"
        );
        // The alt text is still text of the body; raw HTML beside it keeps the markup.
        assert!(r.text.contains("会场"));
        let sanitized = render("![会场](photo.jpg) <b>x</b>", options(false), &Links);
        assert!(
            sanitized
                .html
                .contains("srcset=\"/projects/a/photo-480w.webp 480w\"")
        );
        assert!(sanitized.html.contains("width=\"960\""));
    }

    #[test]
    fn links_into_static_get_the_base_path_and_missing_files_are_broken() {
        let r = check_render(
            "[报告](/files/report.pdf#page=2) [缺](/files/gone.pdf) [列表](/projects/) [外](//example.org/x.pdf)",
        );
        assert!(
            r.html.contains("href=\"/base/files/report.pdf#page=2\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"/projects/\""), "{}", r.html);
        let broken: Vec<&str> = r.broken_links.iter().map(|b| b.target.as_str()).collect();
        assert_eq!(broken, ["/files/gone.pdf"]);
    }

    #[test]
    fn links_to_headings_are_listed_with_their_anchor_decoded() {
        let r = check_render(
            "## 做法\n\n[上文](#做法) [别处](@/cases/liyuan-cun.md#%E5%8F%98%E5%8C%96) [外](https://x.org/#a) [无](#)\n",
        );
        assert_eq!(r.anchors, ["做法"]);
        let links: Vec<(Option<&str>, &str)> = r
            .heading_links
            .iter()
            .map(|l| (l.record.as_deref(), l.anchor.as_str()))
            .collect();
        assert_eq!(
            links,
            [(None, "做法"), (Some("cases/liyuan-cun.md"), "变化")]
        );
    }

    fn check_render(markdown: &str) -> Rendered {
        render(markdown, options(false), &Links)
    }

    fn options(unsafe_html: bool) -> MarkdownOptions<'static> {
        static POLICY: std::sync::LazyLock<UrlPolicy> =
            std::sync::LazyLock::new(UrlPolicy::default);
        MarkdownOptions {
            unsafe_html,
            urls: &POLICY,
        }
    }

    #[test]
    fn renders_commonmark_extensions() {
        let html = check_render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot\n",
        )
        .html;
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>x</del>"), "{html}");
        assert!(html.contains("type=\"checkbox\""), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }

    #[test]
    fn cjk_heading_ids_are_unique_and_listed() {
        let r = check_render("## 一、主要做法\n\n## 주요 방법\n\n## 一、主要做法\n\n#### deep\n");
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["一主要做法", "주요-방법", "一主要做法-1"]);
        assert!(r.html.contains("<h2 id=\"주요-방법\">"), "{}", r.html);
    }

    #[test]
    fn record_links_and_assets_are_resolved() {
        let r = check_render(
            "[梨园村](@/cases/liyuan-cun.md#变化) [x](@/cases/nothing.md) ![p](photo.svg) ![q](gone.svg) [w](https://example.org)",
        );
        assert!(
            r.html
                .contains("href=\"/ko/cases/liyuan-cun/#%E5%8F%98%E5%8C%96\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("src=\"/projects/a/photo.svg\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"https://example.org\""),
            "{}",
            r.html
        );
        let broken: Vec<&str> = r.broken_links.iter().map(|b| b.target.as_str()).collect();
        assert_eq!(broken, ["@/cases/nothing.md", "gone.svg"]);
    }

    #[test]
    fn raw_html_is_sanitized_unless_allowed() {
        let md = "<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n\n## 标题\n";
        let safe = check_render(md).html;
        assert!(
            !safe.contains("<script") && !safe.contains("onclick"),
            "{safe}"
        );
        assert!(safe.contains("<h2 id=\"标题\">"), "{safe}");
        let raw = render(md, options(true), &Links).html;
        assert!(raw.contains("<script>"), "{raw}");
    }

    #[test]
    fn script_text_is_not_plain_text() {
        let r = check_render("开头<script>alert(1)</script>结尾。\n");
        assert_eq!(r.plain_text, "开头结尾。\n");
        assert!(!r.html.contains("alert"), "{}", r.html);
    }

    #[test]
    fn plain_text_of_paragraphs() {
        let r = check_render("## 标题\n\n第一段。\n\n**真，**她说。\n");
        assert_eq!(r.plain_text, "第一段。\n**真，**她说。\n");
    }

    #[test]
    fn text_has_every_block_a_line() {
        let r = check_render(
            "## 一、做法\n\n第一段，\n续行。\n\n- 甲\n- 乙\n\n| 指标 | 数值 |\n| --- | --- |\n| 培训 | 21652 |\n\n`代码`<script>x()</script>\n",
        );
        assert_eq!(
            r.text,
            "一、做法\n第一段， 续行。\n甲\n乙\n指标\n数值\n培训\n21652\n代码\n"
        );
    }
}
