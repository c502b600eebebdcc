//! `images:` in site.yaml (issue 15): which variants of each photo are published.
//!
//! ```yaml
//! images:
//!   widths: [480, 960, 1600, 2400]   # never wider than the photo itself
//!   quality: 80                      # 1–100, for WebP and JPEG
//!   formats: [webp, jpeg]            # jpeg stands for the fallback: PNG for transparent pictures
//!   keep_original: false             # true: the original is published too, without metadata
//! ```

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::messages::msg;
use crate::yaml::{Node, Reader};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageSettings {
    /// Ascending, without repeats.
    pub widths: Vec<u32>,
    pub quality: u8,
    pub webp: bool,
    /// The fallback for browsers without WebP, and for links and feeds: JPEG, or PNG when the
    /// picture has transparency.
    pub fallback: bool,
    pub keep_original: bool,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 960, 1600, 2400],
            quality: 80,
            webp: true,
            fallback: true,
            keep_original: false,
        }
    }
}

/// The widest a variant may be asked for: wider than any screen shows, and within what the
/// encoders take (WebP stops at 16383 pixels).
const MAX_WIDTH: i64 = 8192;
const MIN_WIDTH: i64 = 16;

pub fn read(r: &mut Reader, node: &Node) -> ImageSettings {
    let mut settings = ImageSettings::default();
    let Some(entries) = r.map(node, "images") else {
        return settings;
    };
    r.unknown_keys(
        entries,
        &["widths", "quality", "formats", "keep_original"],
        msg!("what-images-settings"),
    );
    if let Some(node) = node.get("widths")
        && let Some(widths) = read_widths(r, node)
    {
        settings.widths = widths;
    }
    if let Some(node) = node.get("quality")
        && let Some(quality) = r.int(node, "quality")
    {
        if (1..=100).contains(&quality) {
            settings.quality = quality as u8;
        } else {
            bad_value(
                r,
                node,
                msg!("bad-image-quality"),
                msg!("bad-image-quality-hint"),
            );
        }
    }
    if let Some(node) = node.get("formats") {
        let formats = r.string_list(node, "formats");
        let mut webp = false;
        let mut fallback = false;
        for (format, _) in &formats {
            match format.to_ascii_lowercase().as_str() {
                "webp" => webp = true,
                "jpeg" | "jpg" | "png" => fallback = true,
                _ => bad_value(
                    r,
                    node,
                    msg!("bad-image-format", format = format),
                    msg!("bad-image-format-hint"),
                ),
            }
        }
        if webp || fallback {
            settings.webp = webp;
            settings.fallback = fallback;
        } else if formats.is_empty() {
            bad_value(
                r,
                node,
                msg!("no-image-formats"),
                msg!("bad-image-format-hint"),
            );
        }
    }
    if let Some(node) = node.get("keep_original")
        && let Some(keep) = r.bool(node, "keep_original")
    {
        settings.keep_original = keep;
    }
    settings
}

fn read_widths(r: &mut Reader, node: &Node) -> Option<Vec<u32>> {
    let Some(items) = node.as_seq() else {
        r.wrong_type(
            node,
            "widths",
            msg!("value-list"),
            msg!("image-widths-hint"),
        );
        return None;
    };
    let mut widths = Vec::new();
    for item in items {
        let width = r.int(item, "widths")?;
        if !(MIN_WIDTH..=MAX_WIDTH).contains(&width) {
            bad_value(
                r,
                item,
                msg!("bad-image-width", width = width),
                msg!("image-widths-hint"),
            );
            return None;
        }
        widths.push(width as u32);
    }
    if widths.is_empty() {
        bad_value(r, node, msg!("no-image-widths"), msg!("image-widths-hint"));
        return None;
    }
    widths.sort_unstable();
    widths.dedup();
    Some(widths)
}

fn bad_value(r: &mut Reader, node: &Node, message: Message, hint: Message) {
    let location = r.value_location(node);
    r.push(
        Diagnostic::error("E-bad-value", message)
            .at(location)
            .hint(hint),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::source::SourceFile;

    fn settings(yaml: &str) -> (ImageSettings, Diagnostics) {
        let file = SourceFile::from_bytes("site.yaml".as_ref(), yaml.as_bytes().to_vec()).unwrap();
        let root = crate::yaml::parse(&file.text).unwrap();
        let mut diagnostics = Diagnostics::default();
        let mut r = Reader::new(&file, &mut diagnostics);
        let settings = read(&mut r, root.get("images").unwrap());
        (settings, diagnostics)
    }

    #[test]
    fn settings_are_read_and_defaults_fill_the_rest() {
        let (s, d) = settings("images: {widths: [1600, 480, 480], formats: [webp]}\n");
        assert!(d.is_empty());
        assert_eq!(s.widths, [480, 1600]);
        assert!(s.webp && !s.fallback);
        assert_eq!(s.quality, 80);
        let (s, d) = settings("images: {quality: 70, formats: [jpeg], keep_original: true}\n");
        assert!(d.is_empty());
        assert_eq!(
            (s.quality, s.webp, s.fallback, s.keep_original),
            (70, false, true, true)
        );
    }

    #[test]
    fn bad_settings_are_errors_at_their_value() {
        for yaml in [
            "images: {quality: 0}\n",
            "images: {quality: 101}\n",
            "images: {widths: [8]}\n",
            "images: {widths: []}\n",
            "images: {formats: [avif]}\n",
            "images: {format: [webp]}\n",
        ] {
            let (_, d) = settings(yaml);
            assert!(!d.is_empty(), "{yaml}");
        }
    }
}
