//! Bilingual text. Committee members read Chinese; every message for people comes in `zh` and `en`.

/// A language for messages meant for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Lang {
    /// Simplified Chinese (the default: committee members read Chinese).
    #[default]
    Zh,
    /// English.
    En,
}

crate::serde_names::deserialize_by_name!(Lang {
    Zh = "zh",
    En = "en",
});

impl Lang {
    /// Parse `zh` or `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        if s.eq_ignore_ascii_case("zh") {
            Some(Lang::Zh)
        } else if s.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A static message in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Text {
    /// Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// Build a text from its two renderings.
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    /// The rendering in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}
