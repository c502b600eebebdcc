//! `showcase check`: every validation a build makes, and the rules only `check` runs, without
//! writing anything. A build stops at the first template error; `check` turns theme and
//! template failures into diagnostics too, so one run lists every problem of the site.

pub mod hygiene;

use std::path::Path;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::messages::msg;
use crate::render::{RenderError, ThemeError, template_spot};
use crate::translations;

/// The rules that read what each parsed file says, before the files are assembled into a site.
pub fn content_rules(root: &Path, config: &SiteConfig, content: &Content) -> Diagnostics {
    let mut diagnostics = hygiene::check(root, content, config);
    diagnostics.extend(translations::diagnostics(config, content));
    diagnostics
}

/// A theme that cannot be loaded (unreadable file, template syntax error) or a page that fails
/// to render (a template reading a value that does not exist), as a diagnostic pointing at the
/// template line when Tera says where it is.
pub fn template_problem(
    err: &(dyn std::error::Error + 'static),
    root: &Path,
    config: &SiteConfig,
) -> Diagnostic {
    let hint = msg!("check-template-error-hint");
    if let Some(spot) = template_spot(err, root, config) {
        return Diagnostic::error(
            "E-template",
            msg!("check-template-error", detail = spot.message),
        )
        .at(Location {
            file: spot.file.into(),
            line: spot.line,
            column: spot.column,
            line_text: spot.line_text.into(),
            width: spot.width,
        })
        .hint(hint);
    }
    // No template line to show: the theme's own message, and the cause (an io error, Tera's
    // text) in place of the general hint when there is one.
    let message = match (
        err.downcast_ref::<ThemeError>(),
        err.downcast_ref::<RenderError>(),
    ) {
        (Some(theme), _) => theme.message(),
        (_, Some(render)) => render.message(),
        _ => msg!("check-template-error", detail = err.to_string()),
    };
    let hint = match err.source() {
        Some(cause) => msg!("check-template-cause", detail = cause.to_string()),
        None => msg!("check-theme-hint"),
    };
    let diagnostic = Diagnostic::error("E-template", message).hint(hint);
    match err.downcast_ref::<ThemeError>() {
        Some(theme) => diagnostic.in_file(theme.path()),
        None => diagnostic,
    }
}
