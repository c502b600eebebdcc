//! Every SVG file the site publishes — the site's `static/`, record bundles and the theme's
//! `static/` — made safe before it is published (issue 14): read once, cleaned by
//! [`clean::clean`], and kept as the bytes `render` writes instead of copying the file, so
//! `build`, `check` and `serve` publish and report the same thing. A file that is not XML is an
//! error and is not published; a file something was removed from is a warning naming what.
//! It does not decide which files exist (`content::site_files`) or where they go (`model`).

mod clean;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::{Message, msg};
use crate::model::StaticFile;
use crate::render::Theme;
use crate::source::SourceFile;
use clean::Removed;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The published bytes of every SVG file, cleaned. A file that is not here (it could not be
/// read, or is not XML) is not published at all.
#[derive(Debug, Default, Clone)]
pub struct SafeSvgs {
    /// Output path → bytes, for the site's static and bundle files.
    site: BTreeMap<String, Vec<u8>>,
    /// Path under the theme's `static/` → bytes.
    theme: BTreeMap<String, Vec<u8>>,
}

impl SafeSvgs {
    /// The bytes to publish for a site file at output path `dest`.
    pub fn site_file(&self, dest: &str) -> Option<&[u8]> {
        self.site.get(dest).map(Vec::as_slice)
    }

    /// The bytes to publish for the theme's `static/<path>`.
    pub fn theme_file(&self, path: &str) -> Option<&[u8]> {
        self.theme.get(path).map(Vec::as_slice)
    }
}

/// Whether a published path is an SVG file, as a browser or a static host decides it: by the
/// extension, in any letter case.
pub fn is_svg(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"))
}

/// The size an `<img>` of an SVG file shows it at: its `width` and `height` when both are in
/// pixels (or without a unit), else its `viewBox`'s; `None` for a file that is not SVG or has
/// neither (a browser then shows it 300×150).
pub fn intrinsic_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes.strip_prefix(BOM).unwrap_or(bytes)).ok()?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(text, options).ok()?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" {
        return None;
    }
    let pixels = |name: &str| {
        let value = root.attribute(name)?.trim();
        let number = value.strip_suffix("px").unwrap_or(value);
        number.parse::<f64>().ok().filter(|n| *n > 0.0)
    };
    let (width, height) = match (pixels("width"), pixels("height")) {
        (Some(width), Some(height)) => (width, height),
        _ => {
            let numbers: Vec<f64> = root
                .attribute("viewBox")?
                .split([' ', ','])
                .filter(|part| !part.is_empty())
                .map(|part| part.parse().ok())
                .collect::<Option<_>>()?;
            match numbers[..] {
                [_, _, width, height] if width > 0.0 && height > 0.0 => (width, height),
                _ => return None,
            }
        }
    };
    let round = |n: f64| (n.round() as u32).max(1);
    Some((round(width), round(height)))
}

/// One file's bytes to publish, with a warning when something was removed; or why it is not
/// published.
type Published = Result<(Vec<u8>, Option<Diagnostic>), Diagnostic>;

/// Reads and cleans the SVG files among the site's static and bundle files and the theme's
/// static files (when the theme loaded), in parallel.
pub fn make_safe(
    root: &Path,
    site_files: &[StaticFile],
    theme: Option<&Theme>,
) -> (SafeSvgs, Diagnostics) {
    let site: Vec<(String, Published)> = site_files
        .par_iter()
        .filter(|file| is_svg(&file.dest))
        .map(|file| {
            let published = std::fs::read(root.join(&file.source))
                .map_err(|err| {
                    Diagnostic::error("E-read", msg!("cannot-read-file", detail = err.to_string()))
                        .in_file(&file.source)
                })
                .and_then(|bytes| publishable(&file.source, bytes));
            (file.dest.clone(), published)
        })
        .collect();
    let theme_files: Vec<(String, Published)> = theme
        .map(|theme| {
            theme
                .static_files
                .par_iter()
                .filter(|file| is_svg(&file.path))
                .map(|file| {
                    let published = publishable(&file.origin, file.bytes.clone());
                    (file.path.clone(), published)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut svgs = SafeSvgs::default();
    let mut diagnostics = Diagnostics::default();
    for (files, published) in [(&mut svgs.site, site), (&mut svgs.theme, theme_files)] {
        for (path, result) in published {
            match result {
                Ok((bytes, warning)) => {
                    files.insert(path, bytes);
                    if let Some(warning) = warning {
                        diagnostics.push(warning);
                    }
                }
                Err(error) => diagnostics.push(error),
            }
        }
    }
    (svgs, diagnostics)
}

/// One file's bytes as they may be published, with a warning when something was removed; an
/// error when the file is not UTF-8 text or not XML. `path` is what the user sees.
fn publishable(path: &Path, bytes: Vec<u8>) -> Published {
    let bom = bytes.starts_with(BOM);
    let source = SourceFile::from_bytes(path, bytes)?;
    let cleaned = clean::clean(&source.text).map_err(|err| {
        let line = if err.at_end {
            source.line_count()
        } else {
            err.line
        };
        let column = if err.at_end {
            source.line(line).chars().count() + 1
        } else {
            err.column
        };
        Diagnostic::error("E-bad-svg", msg!("bad-svg", reason = err.reason))
            .at(source.location(line, column, 1))
            .hint(msg!("bad-svg-hint"))
    })?;
    let Some(text) = cleaned.text else {
        let mut bytes = source.text.into_bytes();
        if bom {
            bytes.splice(0..0, BOM.iter().copied());
        }
        return Ok((bytes, None));
    };
    // Underlined: the element's `<name` or the attribute's name. (A node that came from an
    // entity has an offset into the entity's text, so the slice is taken with care.)
    let first = cleaned.removed.first().map_or(0, |r| r.offset);
    let (line, column) = source.position(first);
    let width = source
        .text
        .get(first..)
        .unwrap_or_default()
        .chars()
        .enumerate()
        .take_while(|(i, c)| *i == 0 || !(c.is_whitespace() || matches!(c, '>' | '=' | '/')))
        .count();
    let mut kinds: Vec<Removed> = cleaned.removed.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    let warning = Diagnostic::warning(
        "W-svg-sanitized",
        msg!(
            "svg-sanitized",
            removed = kind_list(kinds[0], &kinds[1..]),
            count = cleaned.removed.len()
        ),
    )
    .at(source.location(line, column, width))
    .hint(msg!("svg-sanitized-hint"));
    Ok((text.into_bytes(), Some(warning)))
}

/// The kinds of things removed, as one phrase in the user's language ("a, b, c").
fn kind_list(first: Removed, rest: &[Removed]) -> Message {
    match rest {
        [] => kind_name(first),
        [second, more @ ..] => msg!(
            "svg-removed-list",
            first = kind_name(first),
            rest = kind_list(*second, more)
        ),
    }
}

fn kind_name(kind: Removed) -> Message {
    match kind {
        Removed::Script => msg!("svg-removed-script"),
        Removed::EventHandler => msg!("svg-removed-event-handler"),
        Removed::ScriptAddress => msg!("svg-removed-script-address"),
        Removed::OutsideReference => msg!("svg-removed-outside-reference"),
        Removed::ForeignContent => msg!("svg-removed-foreign-content"),
        Removed::Animation => msg!("svg-removed-animation"),
        Removed::Style => msg!("svg-removed-style"),
        Removed::Doctype => msg!("svg-removed-doctype"),
        Removed::Instruction => msg!("svg-removed-instruction"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_is_as_large_as_its_size_or_its_view_box() {
        let size = |text: &str| intrinsic_size(text.as_bytes());
        assert_eq!(
            size(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"/>"#),
            Some((800, 450))
        );
        assert_eq!(
            size(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80" viewBox="0 0 12 8"/>"#
            ),
            Some((120, 80))
        );
        assert_eq!(
            size(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0,0,640.4,480"/>"#
            ),
            Some((640, 480))
        );
        assert_eq!(size(r#"<svg xmlns="http://www.w3.org/2000/svg"/>"#), None);
        assert_eq!(size("not xml"), None);
    }
    use crate::diagnostics::Severity;

    fn publish(text: &[u8]) -> Published {
        publishable(Path::new("static/a.svg"), text.to_vec())
    }

    #[test]
    fn the_built_in_theme_publishes_its_svg_files_unchanged() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let (config, _) = crate::config::load(&root).expect("the base fixture loads");
        let theme = Theme::load(&root, &config).unwrap();
        let (svgs, diagnostics) = make_safe(&root, &[], Some(&theme));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        for file in theme.static_files.iter().filter(|f| is_svg(&f.path)) {
            assert_eq!(svgs.theme_file(&file.path), Some(file.bytes.as_slice()));
        }
    }

    #[test]
    fn svg_files_are_known_by_their_extension_in_any_case() {
        assert!(is_svg("images/a.svg") && is_svg("A.SVG") && is_svg("x/y.Svg"));
        assert!(!is_svg("svg") && !is_svg("a.svgz") && !is_svg("a.svg.png"));
    }

    #[test]
    fn a_clean_file_keeps_its_bytes_and_byte_order_mark() {
        let text = b"\xEF\xBB\xBF<svg xmlns=\"http://www.w3.org/2000/svg\">\r\n<g/></svg>";
        assert_eq!(publish(text).unwrap(), (text.to_vec(), None));
    }

    #[test]
    fn a_warning_points_at_the_first_thing_removed_and_lists_every_kind() {
        let text = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect onload=\"x()\"/>\n  <script>alert(1)</script>\n</svg>\n";
        let (bytes, warning) = publish(text.as_bytes()).unwrap();
        let published = String::from_utf8(bytes).unwrap();
        assert!(!published.contains("onload") && !published.contains("script"));
        let warning = warning.expect("a warning");
        assert_eq!(warning.code, "W-svg-sanitized");
        let location = warning.location.as_deref().unwrap();
        assert_eq!((location.line, location.column, location.width), (2, 9, 6));
        assert_eq!(
            warning.message.text(crate::messages::UiLang::En),
            "published without what could run a script or load from outside the site: \
             scripts (<script>), event handlers (onload, onclick, …) (2 places)"
        );
    }

    #[test]
    fn markup_hidden_in_an_entity_is_removed_and_reported_without_a_panic() {
        let text = "<!DOCTYPE svg [<!ENTITY x \"<script>alert('中文')</script><g onload='y'/>\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">中文&x;</svg>";
        let (bytes, warning) = publish(text.as_bytes()).unwrap();
        let published = String::from_utf8(bytes).unwrap();
        assert_eq!(
            published,
            "<svg xmlns=\"http://www.w3.org/2000/svg\">中文<g/></svg>\n"
        );
        assert_eq!(warning.unwrap().code, "W-svg-sanitized");
    }

    #[test]
    fn a_file_that_is_not_xml_is_an_error_where_it_breaks() {
        let err =
            publish(b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>\n").unwrap_err();
        assert_eq!((err.code, err.severity), ("E-bad-svg", Severity::Error));
        let location = err.location.as_deref().unwrap();
        assert_eq!((location.line, location.column), (3, 1));
        let err = publish(b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>").unwrap_err();
        let location = err.location.as_deref().unwrap();
        assert_eq!(
            (location.line, location.column),
            (2, 6),
            "the end of the file"
        );
        assert_eq!(publish(b"\xff<svg/>").unwrap_err().code, "E-not-utf8");
    }
}
