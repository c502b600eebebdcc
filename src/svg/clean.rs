//! One SVG's text → the same drawing with nothing that can run a script or load from outside
//! the file. roxmltree parses it (well-formedness, namespaces, entities with its billion-laughs
//! guard); the rules below judge the tree; a file with nothing to remove is returned as it was,
//! byte for byte, and any other is written out again from the tree without what was removed.
//! It does no IO and knows nothing of sites or diagnostics.

use std::collections::BTreeSet;

use roxmltree::{Document, Node, NodeType, ParsingOptions};

const XHTML: &str = "http://www.w3.org/1999/xhtml";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// What kind of thing was removed, in the order a warning lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Removed {
    /// `<script>` (and SVG Tiny's `<handler>`, `<listener>`).
    Script,
    /// An `on…` attribute.
    EventHandler,
    /// An address that runs script: `javascript:`, `vbscript:`, a `data:` that is not a picture.
    ScriptAddress,
    /// Any other address that is not a `#fragment` of the same file.
    OutsideReference,
    /// `<foreignObject>` and HTML elements (`<iframe>`, `<object>`, `<embed>`, XHTML).
    ForeignContent,
    /// `<animate>`/`<set>` that would change a link, an event handler or a style.
    Animation,
    /// A `<style>` element or `style` attribute with `@import` or an outside `url(…)`.
    Style,
    /// A DOCTYPE with its own declarations (entities: "billion laughs", hidden values).
    Doctype,
    /// A processing instruction such as `<?xml-stylesheet …?>`.
    Instruction,
}

/// One removal: what, and the byte offset in the text where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Removal {
    pub offset: usize,
    pub kind: Removed,
}

/// A cleaned SVG: `text` is `None` when nothing was removed (publish the file as it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: Option<String>,
    /// In file order.
    pub removed: Vec<Removal>,
}

/// Why a file is not XML: the parser's own words, and the 1-based line and character column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotXml {
    pub reason: String,
    pub line: usize,
    pub column: usize,
    /// The problem is that the file ends too early (no useful column in it).
    pub at_end: bool,
}

/// Cleans one SVG file's text (without a byte-order mark).
pub fn clean(text: &str) -> Result<Cleaned, NotXml> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|err| {
        let pos = err.pos();
        NotXml {
            reason: err.to_string(),
            line: pos.row as usize,
            column: pos.col as usize,
            at_end: matches!(
                err,
                roxmltree::Error::UnclosedRootNode
                    | roxmltree::Error::UnexpectedEndOfStream
                    | roxmltree::Error::NoRootNode
            ),
        }
    })?;
    let mut judge = Judge::default();
    if let Some(offset) = internal_subset(&doc) {
        judge.removed.push(Removal {
            offset,
            kind: Removed::Doctype,
        });
    }
    for node in doc.descendants() {
        if judge.dropped_within(node) {
            continue;
        }
        judge.node(node);
    }
    if judge.removed.is_empty() {
        return Ok(Cleaned {
            text: None,
            removed: Vec::new(),
        });
    }
    judge.removed.sort();
    let mut out = String::with_capacity(text.len());
    write_document(&doc, &judge, &mut out);
    Ok(Cleaned {
        text: Some(out),
        removed: judge.removed,
    })
}

/// The offset of a DOCTYPE that has an internal subset (`[ … ]`), if there is one. roxmltree
/// keeps no DOCTYPE node: the prolog is what lies before the root element outside the comments
/// and processing instructions there, and only a DOCTYPE's internal subset can put a `[` in it
/// (the XML declaration and public identifiers cannot hold one).
fn internal_subset(doc: &Document) -> Option<usize> {
    let text = doc.input_text();
    let mut start = 0;
    for node in doc.root().children() {
        let range = node.range();
        let gap = text.get(start..range.start).unwrap_or_default();
        if let Some(doctype) = gap.find("<!DOCTYPE")
            && gap[doctype..].contains('[')
        {
            return Some(start + doctype);
        }
        if node.is_element() {
            break;
        }
        start = range.end;
    }
    None
}

/// What the rules decided: nodes dropped with their subtree and attributes dropped.
#[derive(Default)]
struct Judge {
    removed: Vec<Removal>,
    dropped_nodes: BTreeSet<usize>,
    /// `(element, attribute's start offset)`.
    dropped_attributes: BTreeSet<(usize, usize)>,
}

impl Judge {
    fn dropped_within(&self, node: Node) -> bool {
        node.ancestors()
            .any(|a| self.dropped_nodes.contains(&a.id().get_usize()))
    }

    fn drop_node(&mut self, node: Node, kind: Removed) {
        self.dropped_nodes.insert(node.id().get_usize());
        self.removed.push(Removal {
            offset: node.range().start,
            kind,
        });
    }

    fn node(&mut self, node: Node) {
        match node.node_type() {
            NodeType::PI => self.drop_node(node, Removed::Instruction),
            NodeType::Element => {
                if let Some(kind) = element_problem(node) {
                    self.drop_node(node, kind);
                    return;
                }
                for attribute in node.attributes() {
                    if let Some(kind) = attribute_problem(node, &attribute) {
                        self.dropped_attributes
                            .insert((node.id().get_usize(), attribute.range().start));
                        self.removed.push(Removal {
                            offset: attribute.range().start,
                            kind,
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

/// Why an element goes with everything in it, if it does.
fn element_problem(node: Node) -> Option<Removed> {
    let name = node.tag_name().name().to_ascii_lowercase();
    match name.as_str() {
        "script" | "handler" | "listener" => return Some(Removed::Script),
        "foreignobject" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet"
        | "meta" | "link" | "base" | "form" | "portal" => return Some(Removed::ForeignContent),
        _ => {}
    }
    // HTML elements in an SVG file are created as HTML by the browser's XML parser.
    if node.tag_name().namespace() == Some(XHTML) {
        return Some(Removed::ForeignContent);
    }
    if matches!(
        name.as_str(),
        "animate" | "set" | "animatetransform" | "animatemotion" | "animatecolor"
    ) && animation_is_unsafe(node)
    {
        return Some(Removed::Animation);
    }
    if name == "style" {
        let css: String = node.children().filter_map(|child| child.text()).collect();
        return css_problem(&css);
    }
    None
}

/// An animation that targets a link, an event handler or a style, or sets an unsafe value.
fn animation_is_unsafe(node: Node) -> bool {
    let target = node
        .attribute("attributeName")
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let local = target.rsplit(':').next().unwrap_or_default();
    if local.starts_with("on") || is_address_attribute(local) || local == "style" {
        return true;
    }
    ["from", "to", "by", "values"].iter().any(|name| {
        node.attribute(*name)
            .is_some_and(|value| css_problem(value).is_some() || script_scheme(value))
    })
}

/// Attributes whose value is an address (the same rule for any namespace: `href`,
/// `xlink:href`, …; `base` is `xml:base`).
fn is_address_attribute(local: &str) -> bool {
    matches!(
        local,
        "href"
            | "src"
            | "action"
            | "formaction"
            | "poster"
            | "background"
            | "data"
            | "codebase"
            | "base"
    )
}

/// Presentation attributes whose value may hold a CSS `url(…)`.
fn is_paint_attribute(local: &str) -> bool {
    matches!(
        local,
        "style"
            | "fill"
            | "stroke"
            | "filter"
            | "clip-path"
            | "mask"
            | "marker"
            | "marker-start"
            | "marker-mid"
            | "marker-end"
            | "cursor"
    )
}

/// Why an attribute goes, if it does.
fn attribute_problem(element: Node, attribute: &roxmltree::Attribute) -> Option<Removed> {
    let local = attribute.name().to_ascii_lowercase();
    if local.starts_with("on") {
        return Some(Removed::EventHandler);
    }
    let value = attribute.value();
    if is_address_attribute(&local) {
        return address_problem(value, is_picture_element(element));
    }
    if is_paint_attribute(&local) {
        return css_problem(value);
    }
    None
}

/// `<image>` and `<feImage>` may hold a picture written into the file (`data:image/png…`):
/// designers' tools embed photos that way, and a picture cannot run script.
fn is_picture_element(element: Node) -> bool {
    matches!(element.tag_name().name(), "image" | "feImage")
}

/// An address is kept only when it points inside the same file (`#id`, or empty: the file
/// itself), or is an embedded picture on a picture element.
fn address_problem(value: &str, picture: bool) -> Option<Removed> {
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if value.is_empty() || value.starts_with('#') || (picture && is_embedded_picture(value)) {
        return None;
    }
    if script_scheme(value) {
        Some(Removed::ScriptAddress)
    } else {
        Some(Removed::OutsideReference)
    }
}

/// Whether an address's scheme is one that runs script or makes a document, read the way a
/// browser does: ASCII whitespace and control characters dropped, any letter case.
fn script_scheme(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "livescript:", "data:"]
        .iter()
        .any(|scheme| squeezed.starts_with(scheme))
}

/// `data:image/png`, `jpeg`, `gif`, `webp`, `avif` or `bmp` (never `svg+xml`, which may script).
fn is_embedded_picture(value: &str) -> bool {
    let lower: String = value
        .chars()
        .take(24)
        .collect::<String>()
        .to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("data:image/") else {
        return false;
    };
    ["png", "jpeg", "jpg", "gif", "webp", "avif", "bmp"]
        .iter()
        .any(|kind| {
            rest.strip_prefix(kind)
                .is_some_and(|after| after.starts_with([';', ',']))
        })
}

/// What in a piece of CSS (a `<style>` element or a `style`/`fill`/… value) loads from outside
/// the file or runs script: `@import`, `url(…)` other than `#id` or an embedded picture,
/// `image-set()` and friends, IE's `expression()`, script addresses. CSS escapes are decoded
/// first (`\75 rl(` is `url(`), as a browser reads them.
fn css_problem(css: &str) -> Option<Removed> {
    if !css.contains(['(', '@', '\\', ':']) {
        return None;
    }
    let css = decode_css_escapes(css).to_ascii_lowercase();
    if css.contains("@import") {
        return Some(Removed::Style);
    }
    if [
        "expression(",
        "-moz-binding",
        "behavior:",
        "javascript:",
        "vbscript:",
    ]
    .iter()
    .any(|bad| css.contains(bad))
    {
        return Some(Removed::ScriptAddress);
    }
    if ["image-set(", "image(", "cross-fade(", "element("]
        .iter()
        .any(|function| css.contains(function))
    {
        return Some(Removed::OutsideReference);
    }
    let mut rest = css.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let end = rest.find(')').unwrap_or(rest.len());
        let address = rest[..end]
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .trim();
        if !address.starts_with('#') && !is_embedded_picture(address) {
            return Some(Removed::OutsideReference);
        }
        rest = &rest[end..];
    }
    None
}

/// CSS escapes decoded: `\` and up to six hex digits (one following space eaten), or `\` and
/// any other character, which stands for itself.
fn decode_css_escapes(css: &str) -> String {
    if !css.contains('\\') {
        return css.to_string();
    }
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            hex.extend(chars.next());
        }
        if hex.is_empty() {
            out.extend(chars.next());
        } else {
            if chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                chars.next();
            }
            let code = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
        }
    }
    out
}

/// Writes the document again without what was dropped: the XML declaration (UTF-8) if the file
/// had one, no DOCTYPE, then comments and the root element in order.
fn write_document(doc: &Document, judge: &Judge, out: &mut String) {
    if doc.input_text().trim_start().starts_with("<?xml ") {
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    for node in doc.root().children() {
        if judge.dropped_nodes.contains(&node.id().get_usize()) {
            continue;
        }
        match node.node_type() {
            NodeType::Element => write_element(node, judge, out),
            NodeType::Comment => write_comment(node, out),
            _ => continue,
        }
        out.push('\n');
    }
}

fn write_comment(node: Node, out: &mut String) {
    out.push_str("<!--");
    out.push_str(node.text().unwrap_or_default());
    out.push_str("-->");
}

/// A name as a prefix and local name in scope: an element in the default namespace takes none;
/// an attribute in a namespace always takes a prefix (one declared for it is in scope, or the
/// file would not have parsed).
fn qualified(node: Node, namespace: Option<&str>, local: &str, attribute: bool) -> String {
    let prefix = match namespace {
        None => None,
        Some(uri) if !attribute && node.default_namespace() == Some(uri) => None,
        Some(XML) => Some("xml"),
        Some(uri) => node
            .namespaces()
            .find(|ns| ns.uri() == uri && ns.name().is_some())
            .and_then(|ns| ns.name()),
    };
    match prefix {
        Some(prefix) if !prefix.is_empty() => format!("{prefix}:{local}"),
        _ => local.to_string(),
    }
}

fn write_element(node: Node, judge: &Judge, out: &mut String) {
    let name = node.tag_name();
    let qname = qualified(node, name.namespace(), name.name(), false);
    out.push('<');
    out.push_str(&qname);
    let inherited: Vec<(Option<&str>, &str)> = node
        .parent_element()
        .map(|parent| {
            parent
                .namespaces()
                .map(|ns| (ns.name(), ns.uri()))
                .collect()
        })
        .unwrap_or_default();
    // `xmlns=""`: the element leaves its parent's default namespace.
    if node.default_namespace().is_none() && inherited.iter().any(|(name, _)| name.is_none()) {
        out.push_str(" xmlns=\"\"");
    }
    for ns in node.namespaces() {
        if ns.uri() == XML || inherited.contains(&(ns.name(), ns.uri())) {
            continue;
        }
        match ns.name() {
            Some(prefix) => {
                out.push_str(" xmlns:");
                out.push_str(prefix);
            }
            None => out.push_str(" xmlns"),
        }
        out.push_str("=\"");
        escape(ns.uri(), true, out);
        out.push('"');
    }
    for attribute in node.attributes() {
        if judge
            .dropped_attributes
            .contains(&(node.id().get_usize(), attribute.range().start))
        {
            continue;
        }
        out.push(' ');
        out.push_str(&qualified(
            node,
            attribute.namespace(),
            attribute.name(),
            true,
        ));
        out.push_str("=\"");
        escape(attribute.value(), true, out);
        out.push('"');
    }
    let children: Vec<Node> = node
        .children()
        .filter(|child| !judge.dropped_nodes.contains(&child.id().get_usize()))
        .collect();
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in children {
        match child.node_type() {
            NodeType::Element => write_element(child, judge, out),
            NodeType::Text => escape(child.text().unwrap_or_default(), false, out),
            NodeType::Comment => write_comment(child, out),
            _ => {}
        }
    }
    out.push_str("</");
    out.push_str(&qname);
    out.push('>');
}

/// XML escaping; in an attribute, line breaks and tabs are written as references so that they
/// survive the parser's attribute normalization.
fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: &str =
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">"#;

    /// Cleans `<svg …>body</svg>` and checks what was removed (in file order) and that none of
    /// `gone` is left in the output, which must parse again and be clean.
    fn check_clean(body: &str, removed: &[Removed], gone: &[&str]) -> String {
        let input = format!("{OPEN}{body}</svg>");
        let cleaned = clean(&input).unwrap_or_else(|err| panic!("{body}: {err:?}"));
        let kinds: Vec<Removed> = cleaned.removed.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, removed, "{body}");
        let output = cleaned.text.clone().unwrap_or(input.clone());
        for needle in gone {
            assert!(
                !output
                    .to_ascii_lowercase()
                    .contains(&needle.to_ascii_lowercase()),
                "{needle} is still in {output}"
            );
        }
        let again = clean(&output).expect("the output is XML");
        assert_eq!(again.removed, [], "the output is clean: {output}");
        assert_eq!(
            clean(&input),
            Ok(cleaned),
            "the same input, the same output"
        );
        output
    }

    #[test]
    fn a_clean_file_is_published_byte_for_byte() {
        let inkscape = r##"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg" xmlns:xlink='http://www.w3.org/1999/xlink' width="10" height="10">
  <metadata><dc:title>图</dc:title></metadata>
  <sodipodi:namedview pagecolor="#ffffff"/>
  <style>.st0{fill:url(#g);} .st1{fill:#FFF}</style>
  <defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
  <a xlink:href="#top"><use href=" #p" fill="url('#g')"/></a><a href=""/>
  <image width="1" height="1" xlink:href="data:image/png;base64,iVBORw0KGgo="/>
  <text xml:space="preserve">onload &amp; javascript:x</text>
</svg>
"##;
        assert_eq!(
            clean(inkscape),
            Ok(Cleaned {
                text: None,
                removed: Vec::new()
            })
        );
    }

    #[test]
    fn scripts_go_in_any_namespace_and_case() {
        check_clean(
            r#"<script>alert(1)</script><g><script type="text/ecmascript"><![CDATA[alert(2)]]></script></g>"#,
            &[Removed::Script, Removed::Script],
            &["<script", "alert"],
        );
        check_clean(
            r#"<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script><SCRIPT>alert(3)</SCRIPT>"#,
            &[Removed::Script, Removed::Script],
            &["script", "alert"],
        );
        check_clean(
            r#"<handler type="application/ecmascript">alert(1)</handler>"#,
            &[Removed::Script],
            &["alert"],
        );
    }

    #[test]
    fn event_handlers_go() {
        let output = check_clean(
            r#"<g onload="alert(1)" ONCLICK='alert(2)' fill="red"><rect onmouseover="x()" width="1"/></g><animate onbegin="x()"/>"#,
            &[
                Removed::EventHandler,
                Removed::EventHandler,
                Removed::EventHandler,
                Removed::EventHandler,
            ],
            &["onload", "onclick", "onmouseover", "onbegin", "alert"],
        );
        assert!(
            output.contains(r#"<g fill="red"><rect width="1"/></g>"#),
            "{output}"
        );
    }

    #[test]
    fn script_addresses_go_however_they_are_written() {
        for href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \tjavascript:alert(1)",
            "java&#x09;script:alert(1)",
            "&#106;avascript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml;base64,PHN2Zz4=",
        ] {
            let href = href.replace('<', "&lt;");
            for attribute in ["href", "xlink:href"] {
                check_clean(
                    &format!(r#"<a {attribute}="{href}"><text>x</text></a>"#),
                    &[Removed::ScriptAddress],
                    &["script:", "data:"],
                );
            }
        }
    }

    #[test]
    fn outside_references_go() {
        for (body, gone) in [
            (r#"<use href="other.svg#x"/>"#, "other.svg"),
            (
                r#"<use xlink:href="https://example.org/a.svg#x"/>"#,
                "example.org",
            ),
            (r#"<image href="//example.org/a.png"/>"#, "example.org"),
            (r#"<image xlink:href="photo.jpg"/>"#, "photo.jpg"),
            (
                r#"<a href="https://example.org/"><text>x</text></a>"#,
                "example.org",
            ),
            (
                r#"<feImage href="http://example.org/a.png"/>"#,
                "example.org",
            ),
            (r#"<g xml:base="http://example.org/"/>"#, "example.org"),
            (
                r#"<rect fill="url(http://example.org/p.svg#g)"/>"#,
                "example.org",
            ),
            (
                r#"<rect style="fill:url( 'https://example.org/x.png' )"/>"#,
                "example.org",
            ),
            (r#"<rect filter="url(other.svg#f)"/>"#, "other.svg"),
            (
                r#"<rect style="background:image-set('a.png' 1x)"/>"#,
                "a.png",
            ),
        ] {
            check_clean(body, &[Removed::OutsideReference], &[gone]);
        }
    }

    #[test]
    fn embedded_pictures_stay_on_picture_elements_only() {
        check_clean(
            r#"<image href="data:image/jpeg;base64,/9j/4AAQ"/>"#,
            &[],
            &[],
        );
        check_clean(
            r#"<use href="data:image/png;base64,iVBORw0KGgo="/>"#,
            &[Removed::ScriptAddress],
            &["data:"],
        );
    }

    #[test]
    fn foreign_content_goes_with_what_it_holds() {
        check_clean(
            r#"<foreignObject width="9"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>"#,
            &[Removed::ForeignContent],
            &["foreignObject", "onerror", "img"],
        );
        check_clean(
            r#"<g xmlns:h="http://www.w3.org/1999/xhtml"><h:iframe src="https://example.org"/><embed src="a.swf"/><h:p>x</h:p></g>"#,
            &[
                Removed::ForeignContent,
                Removed::ForeignContent,
                Removed::ForeignContent,
            ],
            &["iframe", "embed", "example.org", "<h:p"],
        );
    }

    #[test]
    fn animations_that_set_links_or_handlers_go() {
        for body in [
            r#"<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>"#,
            r#"<a><set attributeName="xlink:href" to="javascript:alert(1)"/><text>x</text></a>"#,
            r#"<rect><set attributeName="onclick" to="alert(1)"/></rect>"#,
            r#"<rect><set attributeName="style" to="fill:red"/></rect>"#,
            r#"<rect><animate attributeName="fill" to="url(http://example.org/x#g)"/></rect>"#,
        ] {
            check_clean(
                body,
                &[Removed::Animation],
                &["javascript", "alert", "example.org", "<set", "<animate"],
            );
        }
        check_clean(
            r#"<rect><animate attributeName="opacity" from="0" to="1" dur="1s"/></rect>"#,
            &[],
            &[],
        );
    }

    #[test]
    fn styles_that_load_from_outside_go() {
        for (css, kind) in [
            ("@import url(https://example.org/a.css);", Removed::Style),
            ("@IMPORT 'https://example.org/a.css';", Removed::Style),
            (r"@\69mport 'https://example.org/a.css';", Removed::Style),
            (
                ".a{background:url(https://example.org/x.png)}",
                Removed::OutsideReference,
            ),
            (
                r".a{background:\75 rl(https://example.org/x.png)}",
                Removed::OutsideReference,
            ),
            (
                "@font-face{font-family:x;src:url(//example.org/f.woff)}",
                Removed::OutsideReference,
            ),
        ] {
            let output = check_clean(
                &format!("<style>{css}</style><rect/>"),
                &[kind],
                &["example.org", "<style"],
            );
            assert!(output.contains("<rect/>"), "{output}");
        }
        check_clean(
            r#"<rect style="behavior:url(x.htc)"/>"#,
            &[Removed::ScriptAddress],
            &["htc"],
        );
    }

    #[test]
    fn stylesheet_instructions_go() {
        let input = format!(
            "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"https://example.org/a.css\"?>\n{OPEN}<?php echo 1 ?></svg>"
        );
        let cleaned = clean(&input).unwrap();
        assert_eq!(
            cleaned.removed.iter().map(|r| r.kind).collect::<Vec<_>>(),
            [Removed::Instruction, Removed::Instruction]
        );
        let text = cleaned.text.unwrap();
        assert!(
            text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"),
            "{text}"
        );
        assert!(
            !text.contains("stylesheet") && !text.contains("php"),
            "{text}"
        );
    }

    #[test]
    fn doctype_declarations_go_and_entities_are_written_out() {
        // Old Illustrator files declare their namespaces as entities.
        let illustrator = r#"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
	<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
	<!ENTITY hidden "javascript:alert(1)">
]>
<svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" xmlns:i="&ns_ai;" i:viewOrigin="0 0">
<a xlink:href="&hidden;"><text>&ns_ai;</text></a>
</svg>
"#;
        let cleaned = clean(illustrator).unwrap();
        assert_eq!(
            cleaned.removed.iter().map(|r| r.kind).collect::<Vec<_>>(),
            [Removed::Doctype, Removed::ScriptAddress]
        );
        assert_eq!(
            cleaned.removed[0].offset,
            illustrator.find("<!DOCTYPE").unwrap()
        );
        let text = cleaned.text.unwrap();
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
             xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
             xmlns:i=\"http://ns.adobe.com/AdobeIllustrator/10.0/\" version=\"1.1\" \
             i:viewOrigin=\"0 0\">\n<a><text>http://ns.adobe.com/AdobeIllustrator/10.0/</text></a>\n</svg>\n"
        );
    }

    #[test]
    fn billion_laughs_is_refused_quickly() {
        let mut dtd = String::from("<!ENTITY lol \"lol\">");
        let mut previous = "lol".to_string();
        for level in 1..10 {
            let name = format!("lol{level}");
            dtd.push_str(&format!(
                "<!ENTITY {name} \"{}\">",
                format!("&{previous};").repeat(10)
            ));
            previous = name;
        }
        let input = format!("<!DOCTYPE svg [{dtd}]>{OPEN}<text>&{previous};</text></svg>");
        let started = std::time::Instant::now();
        let err = clean(&input).expect_err("refused");
        assert!(err.reason.contains("entity"), "{err:?}");
        assert!(started.elapsed().as_secs() < 5);
    }

    /// Well-formed SVG content made of pieces that are safe, unsafe or in between, nested.
    fn svg_content() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = proptest::sample::select(vec![
            "<rect width='1'/>",
            "<script>alert(1)</script>",
            "<g onload='x()'/>",
            "<a xlink:href='java&#x09;script:x'><text>x</text></a>",
            "<use href='#a'/>",
            "<use href='b.svg#a'/>",
            "<style>@import 'x.css'; .a{fill:url(#g)}</style>",
            "<style>.a{fill:red}</style>",
            "<?xml-stylesheet href='x'?>",
            "<!--注释 -->",
            "中文 &amp; &lt;",
            "<![CDATA[<x>&]]>",
            "<set attributeName='href' to='javascript:x'/>",
            "<animate attributeName='opacity' to='1'/>",
            "<image href='data:image/png;base64,AA'/>",
            "<rect style='fill:url(http://x/y)'/>",
            "<h:b xmlns:h='http://www.w3.org/1999/xhtml'>x</h:b>",
            "<o xmlns='urn:o' a='1&#10;2\"'><p/></o>",
        ])
        .prop_map(str::to_string);
        leaf.prop_recursive(4, 64, 6, |inner| {
            (
                proptest::sample::select(vec!["g", "a", "foreignObject", "switch", "defs"]),
                proptest::collection::vec(inner, 0..6),
            )
                .prop_map(|(name, children)| format!("<{name}>{}</{name}>", children.concat()))
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Cleaning never panics, is the same every time, and what it writes is XML with
        /// nothing left to remove.
        #[test]
        fn cleaning_is_idempotent_and_its_output_is_clean(content in svg_content()) {
            let input = format!("{OPEN}{content}</svg>");
            let cleaned = clean(&input).expect("the input is XML");
            proptest::prop_assert_eq!(clean(&input), Ok(cleaned.clone()));
            let output = cleaned.text.unwrap_or(input);
            let again = clean(&output).expect("the output is XML");
            proptest::prop_assert_eq!(again.removed, vec![]);
            for gone in ["<script", "onload", "javascript", "@import", "b.svg", "http://x"] {
                proptest::prop_assert!(!output.contains(gone), "{} in {}", gone, output);
            }
        }
    }

    #[test]
    fn what_is_not_xml_is_reported_where_it_breaks() {
        let err = clean("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n</svg>\n").unwrap_err();
        assert_eq!((err.line, err.at_end), (3, false), "{err:?}");
        assert!(err.reason.contains("expected 'g'"), "{err:?}");
        let err = clean("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>").unwrap_err();
        assert!(err.at_end, "{err:?}");
        assert!(clean("<svg><a:b/></svg>").is_err(), "an unknown prefix");
        assert!(clean("not xml at all").is_err());
    }

    #[test]
    fn namespaces_that_shadow_or_undeclare_survive_a_rewrite() {
        let input = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><rect s:x="1" onclick="x"/><o xmlns=""><p/></o></svg>"#;
        let text = clean(input).unwrap().text.unwrap();
        assert_eq!(
            text,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:s=\"http://www.w3.org/2000/svg\"><rect s:x=\"1\"/><o xmlns=\"\"><p/></o></svg>\n"
        );
    }

    #[test]
    fn prefixed_and_default_namespaces_survive_a_rewrite() {
        let input = r##"<svg:svg xmlns:svg="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><svg:use x:href="#a" onload="x"/><svg:g xmlns="urn:other"><o a="1&quot;&#10;"/></svg:g></svg:svg>"##;
        let text = clean(input).unwrap().text.unwrap();
        assert_eq!(
            text,
            r##"<svg:svg xmlns:svg="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><svg:use x:href="#a"/><svg:g xmlns="urn:other"><o a="1&quot;&#10;"/></svg:g></svg:svg>
"##
        );
    }
}
