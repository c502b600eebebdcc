//! Every sentence showcase says to its user, kept in one catalog per language (`en.ftl`,
//! `zh.ftl`, `ko.ftl`, in Project Fluent syntax) rather than in the code. Code names a message
//! by its id and passes the values it needs ([`msg!`]); the text is looked up only when a report
//! is printed, in the language the user reads ([`UiLang`]). Adding a language is translating
//! `en.ftl` and adding a line to [`CATALOGS`].

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The language of messages, distinct from the languages of a site's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    En,
    Zh,
    /// Korean as the Korean community in China writes it (조선어).
    Ko,
}

/// Each language's catalog, embedded at compile time.
const CATALOGS: [(UiLang, &str, &str); 3] = [
    (UiLang::En, "en", include_str!("en.ftl")),
    (UiLang::Zh, "zh", include_str!("zh.ftl")),
    (UiLang::Ko, "ko", include_str!("ko.ftl")),
];

impl UiLang {
    /// `zh`, `ko` or `en` as given to `--lang` (also `zh-CN`, `zh_TW.UTF-8`, `ko_CN.UTF-8`,
    /// `en_US`, …).
    pub fn parse(code: &str) -> Option<UiLang> {
        let base = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match base.as_str() {
            "zh" => Some(UiLang::Zh),
            "ko" => Some(UiLang::Ko),
            "en" | "c" | "posix" => Some(UiLang::En),
            _ => None,
        }
    }

    /// The language the environment asks for, the way gettext reads it: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set decides; Chinese for `zh_*`, Korean for
    /// `ko_*`, else English.
    pub fn from_env() -> UiLang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    fn from_vars(var: impl Fn(&str) -> Option<String>) -> UiLang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .and_then(|value| UiLang::parse(&value))
            .unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        CATALOGS
            .iter()
            .find(|(lang, ..)| *lang == self)
            .map_or("en", |(_, code, _)| code)
    }
}

/// A value a message shows: text as given, a count that may choose a plural form, or another
/// message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    Text(String),
    Count(i64),
    /// A part of a sentence that is itself a message (`expected = msg!("expected-date")`),
    /// shown in the same language as the sentence.
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(Box::new(message))
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(path: &std::path::Path) -> Self {
        Arg::Text(path.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(path: &std::path::PathBuf) -> Self {
        Arg::Text(path.display().to_string())
    }
}

macro_rules! count_arg {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Arg {
            fn from(n: $ty) -> Self {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_arg!(usize, u64, u32, i64, i32);

/// A message: the id of its text in the catalogs and the values it shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Message {
    pub id: &'static str,
    pub args: Box<[(&'static str, Arg)]>,
}

/// `msg!("summary-counts", errors = 2, warnings = 0)`: a [`Message`] whose values convert
/// with `Arg::from` (text, paths, counts).
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message {
            id: $id,
            args: Box::new([$((stringify!($name), $crate::messages::Arg::from($value))),*]),
        }
    };
}
pub(crate) use msg;

impl Message {
    /// The message's text in `lang`; English when `lang`'s catalog lacks it.
    pub fn text(&self, lang: UiLang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(text) => args.set(*name, FluentValue::from(text.as_str())),
                Arg::Count(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Message(message) => args.set(*name, FluentValue::from(message.text(lang))),
            }
        }
        for bundle in [bundle(lang), bundle(UiLang::En)] {
            let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            debug_assert!(
                errors.is_empty(),
                "message `{}` in {}: {errors:?}",
                self.id,
                lang.code()
            );
            return text.into_owned();
        }
        debug_assert!(false, "message `{}` is in no catalog", self.id);
        self.id.to_string()
    }
}

/// The text of the message `id`, which takes no values, in `lang` (else in English); `None`
/// when no catalog has it. For texts whose ids are made at run time rather than named in the
/// code, such as the command line's help (`cli-build-arg-root`), where a missing text is not a
/// mistake: the caller keeps its own.
pub fn lookup(id: &str, lang: UiLang) -> Option<String> {
    [bundle(lang), bundle(UiLang::En)]
        .into_iter()
        .find_map(|bundle| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            debug_assert!(errors.is_empty(), "message `{id}`: {errors:?}");
            Some(text.into_owned())
        })
}

fn bundle(lang: UiLang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<(UiLang, FluentBundle<FluentResource>)>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        CATALOGS
            .iter()
            .map(|&(lang, code, source)| {
                let id = code.parse().expect("catalog language codes are valid");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Isolation marks around values help right-to-left scripts; in a terminal they
                // are invisible bytes that break copy and paste of paths.
                bundle.set_use_isolating(false);
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(resource, _)| resource);
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|_| debug_assert!(false, "repeated id in {code}.ftl"));
                (lang, bundle)
            })
            .collect()
    });
    bundles
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, b)| b)
        .unwrap_or(&bundles[0].1)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// Each message id of a catalog, with the `$variables` its text uses.
    fn entries(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut entries: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ') {
                let id = line
                    .split('=')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                entries.entry(id.clone()).or_default();
                current = Some(id);
            }
            let Some(id) = &current else { continue };
            let mut rest = line;
            while let Some(start) = rest.find('$') {
                let name: String = rest[start + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                entries.get_mut(id).unwrap().insert(name);
                rest = &rest[start + 1..];
            }
        }
        entries
    }

    #[test]
    fn every_catalog_parses_and_has_the_messages_and_values_of_english() {
        let english = entries(CATALOGS[0].2);
        for (_, code, source) in CATALOGS {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{code}.ftl does not parse: {errors:?}");
            }
            assert_eq!(
                entries(source),
                english,
                "{code}.ftl must have the same ids, each with the same values, as en.ftl"
            );
        }
    }

    /// Every call of the `msg!` macro in the source: its file, the id and the text after the id.
    fn msg_calls() -> Vec<(String, String, String)> {
        let mut calls = Vec::new();
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = std::fs::read_to_string(entry.path()).unwrap();
            for piece in code.split("msg!(\"").skip(1) {
                let id = piece.split('"').next().unwrap_or_default();
                let file = entry.path().display().to_string();
                calls.push((file, id.to_string(), piece.to_string()));
            }
        }
        calls
    }

    #[test]
    fn every_message_the_code_names_is_in_the_catalog() {
        let english = entries(CATALOGS[0].2);
        let missing: Vec<String> = msg_calls()
            .into_iter()
            .filter(|(_, id, _)| !english.contains_key(id))
            .map(|(file, id, _)| format!("{file}: {id}"))
            .collect();
        assert!(missing.is_empty(), "ids missing from en.ftl: {missing:?}");
    }

    /// The names given to `name = value` at the top level of a `msg!(…)` call's text (after
    /// `msg!(`), and where the call ends.
    fn call_arg_names(call: &str) -> BTreeSet<String> {
        let mut depth = 0usize;
        let mut parts = vec![String::new()];
        for c in call.chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(String::new());
                    continue;
                }
                _ => {}
            }
            parts.last_mut().unwrap().push(c);
        }
        parts
            .iter()
            .skip(1)
            .filter_map(|part| {
                let (name, _) = part.split_once('=')?;
                let name = name.trim();
                name.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                    .then(|| name.to_string())
            })
            .filter(|name| !name.is_empty())
            .collect()
    }

    #[test]
    fn every_message_the_code_names_gets_the_values_its_text_uses() {
        let english = entries(CATALOGS[0].2);
        let mut wrong = Vec::new();
        for (file, id, call) in msg_calls() {
            let Some(expected) = english.get(&id) else {
                continue;
            };
            let given = call_arg_names(&call);
            if &given != expected {
                wrong.push(format!(
                    "{file}: {id} is given {given:?}, its text uses {expected:?}"
                ));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn messages_show_their_values_and_plurals_in_each_language() {
        let one = msg!("summary-counts", errors = 1usize, warnings = 0usize);
        let two = msg!("summary-counts", errors = 2usize, warnings = 1usize);
        assert_eq!(one.text(UiLang::En), "1 error, 0 warnings");
        assert_eq!(two.text(UiLang::En), "2 errors, 1 warning");
        assert_eq!(two.text(UiLang::Zh), "2 个错误，1 个警告");
        assert_eq!(one.text(UiLang::Ko), "오유 1개, 경고 0개");
        assert_eq!(two.text(UiLang::Ko), "오유 2개, 경고 1개");
    }

    /// Chinese and Korean have one plural form (CLDR: `other` only), so their variant for a
    /// single thing is chosen by the number itself, `[1]`, never by `[one]`.
    #[test]
    fn chinese_and_korean_leave_out_the_count_of_a_single_character() {
        let hint = |count: usize, lang: UiLang| {
            msg!(
                "hygiene-traditional-hint",
                found = "後",
                expected = "后",
                count = count
            )
            .text(lang)
        };
        assert_eq!(hint(1, UiLang::Ko), "`後` 대신 `后` 글자를 쓰십시오");
        assert_eq!(
            hint(3, UiLang::Ko),
            "`後` 대신 `后` 글자를 쓰십시오. 이 행에는 번체자가 3개 있습니다"
        );
        assert_eq!(hint(1, UiLang::Zh), "请把“後”改成“后”");
        assert_eq!(
            hint(3, UiLang::Zh),
            "请把“後”改成“后”；这一行共有 3 个繁体字"
        );
    }

    #[test]
    fn lookup_finds_a_text_by_an_id_made_at_run_time() {
        let id = String::from("label-help");
        assert_eq!(lookup(&id, UiLang::Ko).as_deref(), Some("방조"));
        assert_eq!(lookup(&id, UiLang::Zh).as_deref(), Some("提示"));
        assert_eq!(lookup("cli-no-such-thing", UiLang::Ko), None);
    }

    #[test]
    fn the_environment_chooses_chinese_for_zh_and_korean_for_ko_locales() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            UiLang::from_vars(move |name| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            })
        };
        assert_eq!(env(&[("LANG", "zh_CN.UTF-8")]), UiLang::Zh);
        assert_eq!(env(&[("LANG", "ko_KR.UTF-8")]), UiLang::Ko);
        assert_eq!(env(&[("LANG", "ko_CN.UTF-8")]), UiLang::Ko);
        assert_eq!(
            env(&[("LC_MESSAGES", "ko_CN.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
            UiLang::Ko
        );
        assert_eq!(
            env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "ko_CN.UTF-8")]),
            UiLang::Zh
        );
        assert_eq!(env(&[("LANG", "fr_FR.UTF-8")]), UiLang::En);
        assert_eq!(
            env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN")]),
            UiLang::En
        );
        assert_eq!(env(&[("LC_ALL", ""), ("LANG", "zh_TW")]), UiLang::Zh);
        assert_eq!(env(&[]), UiLang::En);
    }

    #[test]
    fn lang_codes_parse_with_their_region_encoding_and_case() {
        for code in [
            "ko",
            "ko-KR",
            "ko_KR",
            "ko_CN.UTF-8",
            "KO",
            "ko_KR.EUC-KR",
            "ko@x",
        ] {
            assert_eq!(UiLang::parse(code), Some(UiLang::Ko), "{code}");
        }
        for code in ["zh", "zh-CN", "zh_TW.UTF-8"] {
            assert_eq!(UiLang::parse(code), Some(UiLang::Zh), "{code}");
        }
        for code in ["en", "en_US.UTF-8", "C", "POSIX"] {
            assert_eq!(UiLang::parse(code), Some(UiLang::En), "{code}");
        }
        for code in ["fr", "kor", "", "k"] {
            assert_eq!(UiLang::parse(code), None, "{code:?}");
        }
        assert_eq!(UiLang::Ko.code(), "ko");
    }
}
