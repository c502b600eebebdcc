//! QR codes of record pages (issue 18), as SVG the template places as an image: one path of
//! the dark modules, so the code stays vector in the PDF and sharp at any printing size.

use std::fmt::Write;

use qrcode::{EcLevel, QrCode};

/// Modules of light margin around the code (the quiet zone the standard asks for).
const QUIET: usize = 4;

/// The code of `url` as SVG, one user unit a module; `None` when the URL is too long for a
/// code (some 2,300 bytes at this correction level).
pub fn svg(url: &str) -> Option<String> {
    // M: about 15% of the code may be lost to a crease or a stain and it still reads.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark: Vec<bool> = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    let size = width + 2 * QUIET;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if !dark[y * width + x] {
                x += 1;
                continue;
            }
            // A run of dark modules is one rectangle.
            let start = x;
            while x < width && dark[y * width + x] {
                x += 1;
            }
            let _ = write!(
                path,
                "M{} {}h{}v1h-{}z",
                start + QUIET,
                y + QUIET,
                x - start,
                x - start
            );
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         width=\"{size}\" height=\"{size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_one_path_with_a_quiet_zone() {
        let code = svg("https://example.org/cases/liyuan-cun/").unwrap();
        assert!(code.starts_with("<svg"));
        assert_eq!(code.matches("<path").count(), 1);
        // Version 3 (29 modules) for this length, with 4 modules of margin each side.
        assert!(code.contains("viewBox=\"0 0 37 37\""), "{code}");
        // The finder pattern's top row: seven dark modules from the margin.
        assert!(code.contains("M4 4h7v1h-7z"));
        assert!(svg(&"x".repeat(5000)).is_none());
    }
}
