//! The app's own texts, by key: `K::get` reads the table of the person's language, which
//! `pack::add_texts` installs from the language's text file (the strings themselves are in
//! `src/ui_texts.rs`, which `claimcheck pack` writes into those files). Settlement texts come from the rule
//! pack, which is split by language the same way.
//!
//! Only the pages shown when the app stops, its pack files cannot load or the pack is of another
//! format version (`Builtin`) are compiled in, since they must work when no text file has arrived.

use claimcheck_engine::text::Lang;

macro_rules! texts {
    (first_load { $($k:ident => ($en:expr, $es:expr),)* } after_pack { $($k2:ident => ($en2:expr, $es2:expr),)* }) => {
        /// A UI text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum K { $($k,)* $($k2),* }
        impl K {
            pub const ALL: &'static [K] = &[$(K::$k,)* $(K::$k2),*];
            /// How many texts, from the first, the directory file carries: what the screens
            /// before the whole pack show.
            pub const FIRST_LOAD: usize = [$(K::$k),*].len();
        }
    };
}

include!("ui_texts.rs");

impl K {
    /// The text in a language, from its loaded table; while that table has not arrived, the
    /// other language's text (the app switches language only once a table is in).
    pub fn get(self, lang: Lang) -> &'static str {
        let i = self as usize;
        let pick = |l| {
            crate::pack::ui(l)
                .and_then(|t| t.get(i))
                .map(String::as_str)
        };
        let other = match lang {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        };
        pick(lang).or_else(|| pick(other)).unwrap_or("")
    }
}

/// The texts compiled into the app: the page shown when it stops working. (When its text files
/// cannot be loaded, the loader's own message says so: `web::mount`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    CrashTitle,
    CrashBody,
    TextsFailedBody,
    PackDamagedBody,
    PackTitle,
    PackVersionBody,
    Reload,
}

impl Builtin {
    pub fn get(self, lang: Lang) -> &'static str {
        use Builtin::*;
        match (self, lang) {
            (CrashTitle, Lang::En) => "Something went wrong",
            (CrashTitle, Lang::Es) => "Algo salió mal",
            (CrashBody, Lang::En) => "Sorry, the checker stopped working. Your answers were not sent anywhere. Reload the page to start again.",
            (CrashBody, Lang::Es) => "Lo sentimos, la herramienta dejó de funcionar. Sus respuestas no se enviaron a ningún lugar. Vuelva a cargar la página para empezar de nuevo.",
            (TextsFailedBody, Lang::En) => "Part of the checker could not be downloaded, or it did not match what this site published (it may have been damaged or changed on the way), so the checker cannot go on. Check your internet connection, then reload the page. Nothing you typed was sent anywhere.",
            (TextsFailedBody, Lang::Es) => "No se pudo descargar una parte de la herramienta, o no coincidía con lo que publicó este sitio (pudo dañarse o cambiarse en el camino), así que la herramienta no puede continuar. Revise su conexión a internet y vuelva a cargar la página. Nada de lo que escribió se envió a ningún lugar.",
            (PackDamagedBody, Lang::En) => "Part of the checker arrived changed or damaged: it did not match what this site published (a Wi-Fi sign-in page can do this), so the checker cannot go on. Sign in to the network or use another connection, then reload the page. Nothing you typed was sent anywhere.",
            (PackDamagedBody, Lang::Es) => "Una parte de la herramienta llegó alterada o dañada: no coincidía con lo que publicó este sitio (una página de inicio de sesión de wifi puede causarlo), así que la herramienta no puede continuar. Inicie sesión en la red o use otra conexión y vuelva a cargar la página. Nada de lo que escribió se envió a ningún lugar.",
            (PackTitle, Lang::En) => "This checker cannot read this site's settlement information",
            (PackTitle, Lang::Es) => "Esta herramienta no puede leer la información de los acuerdos de este sitio",
            (PackVersionBody, Lang::En) => "This site's settlement information is in pack format version {0}, and this copy of the checker reads version {1}. Reload to get the checker that goes with it; if this page stays, tell the site's owner. Nothing you typed was sent anywhere.",
            (PackVersionBody, Lang::Es) => "La información de los acuerdos de este sitio está en la versión {0} del formato de paquete, y esta copia de la herramienta lee la versión {1}. Vuelva a cargar la página para obtener la herramienta que le corresponde; si esta página sigue apareciendo, avise a quien administra el sitio. Nada de lo que escribió se envió a ningún lugar.",
            (Reload, Lang::En) => "Reload",
            (Reload, Lang::Es) => "Volver a cargar",
        }
    }
}

/// The text of `k` in `lang`.
pub fn t(k: K, lang: Lang) -> &'static str {
    k.get(lang)
}

/// The text with `{0}`, `{1}` ... replaced by `args`, in one pass over the text: what an
/// argument holds (a person's typed value may hold "{1}") is never replaced in turn.
pub fn fill(k: K, lang: Lang, args: &[&str]) -> String {
    let mut rest = k.get(lang);
    let mut out = String::with_capacity(rest.len());
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let b = rest.as_bytes();
        let arg = match (b.get(i + 1), b.get(i + 2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) => args.get(usize::from(d - b'0')),
            _ => None,
        };
        match arg {
            Some(a) => {
                out.push_str(a);
                rest = &rest[i + 3..];
            }
            None => {
                out.push('{');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = (0..6)
            .map(|i| format!("{{{i}}}"))
            .filter(|p| s.contains(p.as_str()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_blanks() {
        assert!(K::ALL.len() > 100);
        for k in K::ALL {
            let (en, es) = (k.get(Lang::En), k.get(Lang::Es));
            assert!(!en.trim().is_empty(), "{k:?} has no English");
            assert!(!es.trim().is_empty(), "{k:?} has no Spanish");
            assert_eq!(placeholders(en), placeholders(es), "{k:?}: blanks differ");
        }
    }

    #[test]
    fn spanish_is_translated_not_copied_from_english() {
        // Texts that are the same word in both languages.
        const SAME: &[K] = &[
            K::AppName,
            K::PageTitle,
            K::No,
            K::ErrorPrefix,
            K::StepInput,
            K::StepSum,
        ];
        for k in K::ALL {
            if SAME.contains(k) {
                continue;
            }
            assert_ne!(
                k.get(Lang::En),
                k.get(Lang::Es),
                "{k:?}: the Spanish is a copy of the English"
            );
        }
    }

    #[test]
    fn spanish_uses_usted_not_tu() {
        for k in K::ALL {
            let es = format!(" {} ", k.get(Lang::Es).to_lowercase());
            for word in [" tú ", " tu ", " tus ", " puedes ", " tienes ", " eres "] {
                assert!(!es.contains(word), "{k:?} uses tú: {es}");
            }
        }
    }

    #[test]
    fn what_an_argument_holds_is_not_filled_in_turn() {
        assert_eq!(
            fill(K::ParamAccentDarkened, Lang::En, &["{1}", "x"]),
            fill(K::ParamAccentDarkened, Lang::En, &["\u{0}", "x"]).replace('\u{0}', "{1}")
        );
        // A blank with no argument stays as it is rather than vanishing.
        assert!(fill(K::QuestionN, Lang::En, &[]).contains("{0}"));
    }

    /// Every `K::Name` in `src`.
    fn keys_in(src: &str) -> Vec<&str> {
        src.split("K::")
            .skip(1)
            .map(|rest| {
                let end = rest
                    .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                    .unwrap_or(rest.len());
                &rest[..end]
            })
            .collect()
    }

    #[test]
    fn the_screens_before_the_whole_pack_use_first_load_texts_only() {
        // What the start screen, the first question and the frame around every screen draw
        // (the only screens shown before the whole pack is in: `early::reduce`); the
        // directory file carries only the first-load texts, so any other would be blank.
        let sources = [
            include_str!("components/app.rs"),
            include_str!("components/header.rs"),
            include_str!("components/footer.rs"),
            include_str!("components/message_banner.rs"),
            include_str!("components/param_notice.rs"),
            include_str!("components/clock_notice.rs"),
            include_str!("components/start.rs"),
            include_str!("components/question.rs"),
            include_str!("components/org_picker.rs"),
            include_str!("components/unsure.rs"),
            include_str!("components/names.rs"),
            include_str!("components/shared.rs"),
            include_str!("components/error_summary.rs"),
            include_str!("early.rs"),
            include_str!("embed.rs"),
            include_str!("input.rs"),
            include_str!("search.rs"),
        ];
        let name = |k: &K| format!("{k:?}");
        let first: Vec<String> = K::ALL[..K::FIRST_LOAD].iter().map(name).collect();
        let all: Vec<String> = K::ALL.iter().map(name).collect();
        let mut checked = 0;
        for src in sources {
            for key in keys_in(src) {
                if all.iter().any(|k| k == key) {
                    checked += 1;
                    assert!(
                        first.iter().any(|k| k == key),
                        "K::{key} is drawn before the whole pack is in: move it into the \
                         first_load group of src/ui_texts.rs"
                    );
                }
            }
        }
        assert!(
            checked > 100,
            "only {checked} texts found: did the files move?"
        );
        // The question screen names a state with `present::state_name`.
        assert!(first.iter().any(|k| k == "StateOutside"));
    }

    #[test]
    fn fills_blanks() {
        assert_eq!(fill(K::QuestionN, Lang::Es, &["3"]), "Pregunta 3");
        assert_eq!(
            fill(K::VerdictLikely, Lang::En, &["Connexin"]),
            "You are probably included in the Connexin settlement class."
        );
    }
}
