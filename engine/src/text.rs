//! Bilingual text: every string a person reads exists in English and Spanish.
//!
//! Knows nothing of where a text is shown; the app picks the language.

use serde::{Deserialize, Serialize};

/// The languages claimcheck speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Es,
}

/// One text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub es: String,
}

impl Text {
    pub fn new(en: impl Into<String>, es: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            es: es.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}
