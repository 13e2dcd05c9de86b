//! The checker's own texts (`src/ui_texts.rs`), which every text file of a pack carries after
//! the pack's: the same file the checker and `claimcheck pack` read, so a pack the studio
//! writes fits the checker built from the same sources.
//!
//! Knows nothing but the texts.

macro_rules! texts {
    ($($k:ident => ($en:expr, $es:expr),)*) => {
        /// `(key, English, Spanish)` in the app's order.
        pub const UI: &[(&str, &str, &str)] = &[$((stringify!($k), $en, $es)),*];
    };
}
include!("../../src/ui_texts.rs");
