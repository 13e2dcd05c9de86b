//! The app's own texts (`src/ui_texts.rs`), which every text file carries after the pack's:
//! the same file the app reads for its key names, so a pack written by this CLI fits the app
//! built from the same sources.

macro_rules! texts {
    ($($k:ident => ($en:expr, $es:expr),)*) => {
        /// `(key, English, Spanish)` in the app's order.
        pub const UI: &[(&str, &str, &str)] = &[$((stringify!($k), $en, $es)),*];
    };
}
include!("../../src/ui_texts.rs");
