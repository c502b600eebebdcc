//! The command line's help in the message language. clap writes its help in English, from the
//! doc comments of `cli.rs`; here each about and argument help is replaced by its text in the
//! catalog (`cli-*` ids, made from clap's names), and clap's own words (headings, `default`) too.
//! What reads the arguments stays clap's; only the texts change.

use std::ffi::OsString;

use crate::messages::{UiLang, lookup};

/// The language `--lang X` or `--lang=X` names before a `--`, when it is one; read before
/// clap parses, since the help clap prints depends on it.
pub(super) fn lang_in_args(args: impl IntoIterator<Item = OsString>) -> Option<UiLang> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--") => return None,
            Some("--lang") => return UiLang::parse(args.next()?.to_str()?),
            Some(arg) => {
                if let Some(code) = arg.strip_prefix("--lang=") {
                    return UiLang::parse(code);
                }
            }
            None => {}
        }
    }
    None
}

/// `command` with its help in `lang`, where the catalog has it (`messages::lookup`): a
/// command's about is `cli-about` or `cli-<subcommand>-about`; an argument's help is
/// `cli-<subcommand>-arg-<id>`, else `cli-arg-<id>` for one that several commands share
/// (`root`, the global `lang`, clap's own `help` and `version`); clap's headings are
/// `cli-heading-*`, and the words of `[default: …]` and `[possible values: …]` are
/// `cli-default` and `cli-possible-values`. Anything without an id keeps clap's English, so a new
/// subcommand or argument only needs its ids in the catalogs.
pub(super) fn localized(mut command: clap::Command, lang: UiLang) -> clap::Command {
    // Built first, so that what clap adds itself (`--help`, `--version`, the `help` subcommand)
    // and the copies of the global `--lang` in each subcommand are there to translate.
    command.build();
    localize(command, "cli", lang)
}

fn localize(command: clap::Command, prefix: &str, lang: UiLang) -> clap::Command {
    let text = |id: &str| lookup(id, lang);
    let (arguments, options) = (text("cli-heading-arguments"), text("cli-heading-options"));
    let words = ValueWords {
        default: text("cli-default"),
        possible: text("cli-possible-values"),
        styles: command.get_styles().clone(),
    };
    let mut command = command.mut_args(|arg| {
        let id = arg.get_id().as_str();
        let help = text(&format!("{prefix}-arg-{id}")).or_else(|| text(&format!("cli-arg-{id}")));
        let arg = match help {
            Some(help) => arg.help(help).long_help(None),
            None => arg,
        };
        let heading = if arg.is_positional() {
            &arguments
        } else {
            &options
        };
        let arg = match heading {
            Some(heading) if arg.get_help_heading().is_none() => arg.help_heading(heading.clone()),
            _ => arg,
        };
        words.note_values(arg)
    });
    if let Some(about) = text(&format!("{prefix}-about")) {
        command = command.about(about).long_about(None);
    }
    if let Some(heading) = text("cli-heading-commands") {
        command = command.subcommand_help_heading(heading);
    }
    if let Some(heading) = text("cli-heading-usage") {
        let template = help_template(&command, &heading);
        command = command.help_template(template);
    }
    command.mut_subcommands(|sub| {
        let prefix = format!("cli-{}", sub.get_name());
        localize(sub, &prefix, lang)
    })
}

/// The words clap puts before an argument's default and possible values, and its styles.
struct ValueWords {
    default: Option<String>,
    possible: Option<String>,
    styles: clap::builder::Styles,
}

impl ValueWords {
    /// `arg` with its default and possible values noted after its help as clap notes them,
    /// `[default: .]`, but in these words; clap's own English notes are hidden.
    fn note_values(&self, arg: clap::Arg) -> clap::Arg {
        if !arg.get_action().takes_values() {
            return arg;
        }
        let (context, value) = (self.styles.get_context(), self.styles.get_context_value());
        let note = |word: &str, values: &[String]| {
            let values: Vec<String> = values
                .iter()
                .map(|v| format!("{value}{v}{value:#}"))
                .collect();
            let separator = format!("{context}, {context:#}");
            format!(
                "{context}[{word}: {context:#}{}{context}]{context:#}",
                values.join(&separator)
            )
        };
        let mut notes = Vec::new();
        let mut arg = arg;
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if let Some(word) = &self.default
            && !arg.is_hide_default_value_set()
            && !defaults.is_empty()
        {
            notes.push(note(word, &[defaults.join(" ")]));
            arg = arg.hide_default_value(true);
        }
        let possible = arg.get_possible_values();
        // Possible values with help of their own are listed one a line in the long help; that
        // list is left to clap.
        if let Some(word) = &self.possible
            && !arg.is_hide_possible_values_set()
            && !possible.is_empty()
            && possible.iter().all(|v| v.get_help().is_none())
        {
            let names: Vec<String> = possible
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            notes.push(note(word, &names));
            arg = arg.hide_possible_values(true);
        }
        if notes.is_empty() {
            return arg;
        }
        // As clap does: after the help on its line; in the long help, a paragraph of their own
        // with a line each.
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        let long = arg.get_long_help().map(ToString::to_string);
        let long = long.unwrap_or_else(|| help.clone());
        let with_notes = |text: String, before: &str, between: &str| {
            let notes = notes.join(between);
            if text.is_empty() {
                notes
            } else {
                format!("{text}{before}{notes}")
            }
        };
        let short = with_notes(help, " ", " ");
        arg.help(short).long_help(with_notes(long, "\n\n", "\n"))
    }
}

/// clap's own help template, with `heading` in place of "Usage" (clap writes that word without
/// asking); a command with nothing to list below its usage gets none of the lines for it.
fn help_template(command: &clap::Command, heading: &str) -> String {
    let style = command.get_styles().get_usage();
    let usage =
        format!("{{before-help}}{{about-with-newline}}\n{style}{heading}:{style:#} {{usage}}");
    let listed = command.has_subcommands() || command.get_arguments().any(|a| !a.is_hide_set());
    if listed {
        format!("{usage}\n\n{{all-args}}{{after-help}}")
    } else {
        format!("{usage}{{after-help}}")
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::super::Cli;
    use super::*;

    fn built(mut command: clap::Command) -> clap::Command {
        command.build();
        command
    }

    /// Every command of the command line (the top one and each subcommand, but not clap's
    /// `help`) with the prefix of its catalog ids.
    fn commands(command: &clap::Command) -> Vec<(String, &clap::Command)> {
        let mut all = vec![("cli".to_string(), command)];
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            all.push((format!("cli-{}", sub.get_name()), sub));
        }
        all
    }

    #[test]
    fn the_english_catalog_has_the_help_of_every_command_and_argument_as_written_here() {
        let command = built(Cli::command());
        let english = |id: &str| lookup(id, UiLang::En);
        let mut wrong = Vec::new();
        for (prefix, command) in commands(&command) {
            let about = command.get_about().map(ToString::to_string);
            let id = format!("{prefix}-about");
            if english(&id) != about {
                wrong.push(format!("{id}: {about:?}"));
            }
            for arg in command.get_arguments() {
                let name = arg.get_id().as_str();
                if ["help", "version"].contains(&name) {
                    continue;
                }
                let ids = [format!("{prefix}-arg-{name}"), format!("cli-arg-{name}")];
                let text = ids.iter().find_map(|id| english(id));
                let help = arg.get_help().map(ToString::to_string);
                if text != help {
                    wrong.push(format!("{} (or {}): {help:?}", ids[0], ids[1]));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "en.ftl must hold these texts of the doc comments in cli.rs: {wrong:#?}"
        );
    }

    /// In English the help is clap's, to the byte: translating changes the words only.
    #[test]
    fn the_english_help_is_the_help_clap_prints() {
        let mut plain = built(Cli::command());
        let mut english = localized(Cli::command(), UiLang::En);
        let mut names = vec![None];
        names.extend(
            plain
                .get_subcommands()
                .map(|s| Some(s.get_name().to_string())),
        );
        for name in names {
            let pick = |command: &mut clap::Command| match &name {
                None => command.clone(),
                Some(name) => command.find_subcommand_mut(name).unwrap().clone(),
            };
            let (mut plain, mut english) = (pick(&mut plain), pick(&mut english));
            // With the styles a terminal shows (bold headings and so on).
            assert_eq!(
                english.render_help().ansi().to_string(),
                plain.render_help().ansi().to_string(),
                "{name:?}"
            );
            assert_eq!(
                english.render_long_help().ansi().to_string(),
                plain.render_long_help().ansi().to_string(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn the_help_is_in_korean_with_clap_s_own_words_too() {
        let mut command = localized(Cli::command(), UiLang::Ko);
        let help = command.render_help().to_string();
        for text in [
            "사용법: showcase",
            "명령:",
            "선택항:",
            "방조를 보여줍니다",
            "판본을",
        ] {
            assert!(help.contains(text), "{text:?} in:\n{help}");
        }
        let build = command.find_subcommand_mut("check").unwrap();
        let help = build.render_help().to_string();
        for text in [
            "아무것도 쓰지 않고 싸이트 전체를 검사합니다",
            "싸이트폴더(site.yaml이 있는 폴더) [기본값: .]",
            "[기본값: text] [쓸수 있는 값: text, json]",
            "통보문의 언어",
        ] {
            assert!(help.contains(text), "{text:?} in:\n{help}");
        }
        for english in [
            "Usage",
            "Options",
            "default:",
            "possible values",
            "Print help",
        ] {
            assert!(!help.contains(english), "{english:?} in:\n{help}");
        }
        let new = command.find_subcommand_mut("new").unwrap();
        let help = new.render_help().to_string();
        assert!(help.contains("인수:\n  <COLLECTION>  란."), "{help}");
    }

    #[test]
    fn the_help_language_is_read_from_lang_before_parsing() {
        let args = |args: &[&str]| {
            let args = ["showcase"].iter().chain(args).map(OsString::from);
            lang_in_args(args.collect::<Vec<_>>())
        };
        assert_eq!(args(&["--lang", "ko", "build", "--help"]), Some(UiLang::Ko));
        assert_eq!(args(&["check", "--help", "--lang=zh_CN"]), Some(UiLang::Zh));
        assert_eq!(args(&["build", "--lang", "fr"]), None);
        assert_eq!(args(&["build", "--lang"]), None);
        assert_eq!(args(&["new", "a", "--", "--lang", "ko"]), None);
        assert_eq!(args(&["build", "--help"]), None);
    }
}
