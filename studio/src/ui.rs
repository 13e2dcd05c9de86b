//! The checker's own texts (`src/ui_texts.rs`), which every text file of a pack carries after
//! the pack's: the same file the checker and `claimcheck pack` read, so a pack the studio
//! writes fits the checker built from the same sources.
//!
//! Knows nothing but the texts.

macro_rules! texts {
    (first_load { $($k:ident => ($en:expr, $es:expr),)* } after_pack { $($k2:ident => ($en2:expr, $es2:expr),)* }) => {
        /// The app's texts: `(key, English, Spanish)` in the app's order, the `first_load`
        /// group first.
        pub const UI: claimcheck_publish::AppTexts = claimcheck_publish::AppTexts {
            all: &[$((stringify!($k), $en, $es),)* $((stringify!($k2), $en2, $es2)),*],
            first_load: [$(stringify!($k)),*].len(),
        };
    };
}
include!("../../src/ui_texts.rs");
