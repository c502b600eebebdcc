//! What `showcase` run alone prints: a short start guide in Chinese and in Korean, whatever the
//! locale (English after them when the message language is English), instead of clap's usage
//! error. On Windows a double-click runs it in a console of its own, which closes when the
//! program ends, so there it waits for Enter first. It reads and writes no site.

use std::io::BufRead;

use crate::messages::{UiLang, msg};

pub fn run(lang: UiLang) {
    println!("{}", guide_text(lang));
    if console_closes_when_we_end() {
        let prompt = [UiLang::Zh, UiLang::Ko]
            .map(|lang| msg!("start-guide-press-enter").text(lang))
            .join(" / ");
        println!("\n{prompt}");
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
}

/// The guide in Chinese, then Korean, then English when `lang` is English.
pub fn guide_text(lang: UiLang) -> String {
    let mut langs = vec![UiLang::Zh, UiLang::Ko];
    if lang == UiLang::En {
        langs.push(UiLang::En);
    }
    langs
        .into_iter()
        .map(|lang| msg!("start-guide").text(lang))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// True when this process is the only one attached to its console: Windows made the console
/// for it (Explorer's double-click), not a `cmd` window that stays open (Hugo asks the same
/// through `mousetrap`).
#[cfg(windows)]
fn console_closes_when_we_end() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut ids = [0u32; 2];
    // SAFETY: the buffer holds `ids.len()` process ids, as the call is told.
    let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    count == 1
}

#[cfg(not(windows))]
fn console_closes_when_we_end() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_is_in_chinese_and_korean_whatever_the_language() {
        for lang in [UiLang::Zh, UiLang::Ko, UiLang::En] {
            let text = guide_text(lang);
            assert!(text.contains("showcase init 我的网站"), "{text}");
            assert!(text.contains("showcase init 나의싸이트"), "{text}");
            assert_eq!(text.contains("showcase init my-site"), lang == UiLang::En);
        }
    }
}
