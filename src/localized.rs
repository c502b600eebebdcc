//! [`Localized<T>`]: one value per language code. `get` holds the only fallback rule of the
//! project: the language asked for, else the default language.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Localized<T> {
    values: BTreeMap<String, T>,
}

impl<T> Default for Localized<T> {
    fn default() -> Self {
        Localized::new()
    }
}

impl<T> Localized<T> {
    pub fn new() -> Self {
        Localized {
            values: BTreeMap::new(),
        }
    }

    pub fn one(lang: &str, value: T) -> Self {
        let mut localized = Localized::new();
        localized.set(lang, value);
        localized
    }

    pub fn set(&mut self, lang: &str, value: T) {
        self.values.insert(lang.to_string(), value);
    }

    /// The value in `lang` exactly, with no fallback.
    pub fn exact(&self, lang: &str) -> Option<&T> {
        self.values.get(lang)
    }

    pub fn has(&self, lang: &str) -> bool {
        self.values.contains_key(lang)
    }

    /// The value in `lang`, else in `default_lang`; the second item is the language used.
    pub fn get<'a>(&'a self, lang: &'a str, default_lang: &'a str) -> Option<(&'a T, &'a str)> {
        if let Some(value) = self.values.get(lang) {
            return Some((value, lang));
        }
        self.values
            .get(default_lang)
            .map(|value| (value, default_lang))
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.values.iter()
    }

    /// Sets every language `other` has (a translation's values win over the source's).
    pub fn overlay(&mut self, other: &Localized<T>)
    where
        T: Clone,
    {
        for (lang, value) in &other.values {
            self.values.insert(lang.clone(), value.clone());
        }
    }
}

impl Localized<String> {
    /// The text in `lang` or the default language, or "" when neither exists.
    pub fn text<'a>(&'a self, lang: &'a str, default_lang: &'a str) -> &'a str {
        self.get(lang, default_lang).map_or("", |(s, _)| s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_default_language_only() {
        let mut title = Localized::one("zh", "延吉".to_string());
        assert_eq!(title.get("ko", "zh"), Some((&"延吉".to_string(), "zh")));
        assert_eq!(title.get("ko", "en"), None);
        title.set("ko", "연길".into());
        assert_eq!(title.text("ko", "zh"), "연길");
        assert_eq!(title.exact("en"), None);
    }
}
