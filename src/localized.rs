//! [`Localized<T>`]: one value per language code. `get` holds the only fallback rule of the
//! project: the language asked for, else the default language.

/// Values sorted by language code. A site has two or three languages, so a short vector is
/// both faster and far smaller than a map (a `BTreeMap` node is over a kilobyte, and a large
/// site holds tens of thousands of these).
#[derive(Debug, Clone, PartialEq)]
pub struct Localized<T> {
    values: Vec<(String, T)>,
}

impl<T> Default for Localized<T> {
    fn default() -> Self {
        Localized::new()
    }
}

impl<T> Localized<T> {
    pub fn new() -> Self {
        Localized { values: Vec::new() }
    }

    pub fn one(lang: &str, value: T) -> Self {
        let mut localized = Localized::new();
        localized.set(lang, value);
        localized
    }

    pub fn set(&mut self, lang: &str, value: T) {
        match self.values.binary_search_by(|(l, _)| l.as_str().cmp(lang)) {
            Ok(at) => self.values[at].1 = value,
            Err(at) => self.values.insert(at, (lang.to_string(), value)),
        }
    }

    /// The value in `lang` exactly, with no fallback.
    pub fn exact(&self, lang: &str) -> Option<&T> {
        self.values.iter().find(|(l, _)| l == lang).map(|(_, v)| v)
    }

    pub fn has(&self, lang: &str) -> bool {
        self.exact(lang).is_some()
    }

    /// The value in `lang`, else in `default_lang`; the second item is the language used.
    pub fn get<'a>(&'a self, lang: &'a str, default_lang: &'a str) -> Option<(&'a T, &'a str)> {
        if let Some(value) = self.exact(lang) {
            return Some((value, lang));
        }
        self.exact(default_lang).map(|value| (value, default_lang))
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Every value, by language code in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.values.iter().map(|(lang, value)| (lang, value))
    }

    /// Sets every language `other` has (a translation's values win over the source's).
    pub fn overlay(&mut self, other: &Localized<T>)
    where
        T: Clone,
    {
        for (lang, value) in &other.values {
            self.set(lang, value.clone());
        }
    }
}

impl<T> FromIterator<(String, T)> for Localized<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(pairs: I) -> Self {
        let mut localized = Localized::new();
        for (lang, value) in pairs {
            localized.set(&lang, value);
        }
        localized
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
