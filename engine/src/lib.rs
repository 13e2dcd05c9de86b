//! claimcheck's engine: the settlement rule model, its loader and validator, the evaluator
//! (verdicts, benefits, estimates, deadlines) and the questionnaire's flow.
//!
//! Architecture invariant: this crate knows nothing of browsers, Yew, wasm-bindgen or the
//! clock. It builds natively and for wasm32; "today" is always a parameter. Data flows one way:
//! rule files -> `load` -> `model::Pack` -> `eval` -> results the app renders.

pub mod answers;
pub mod date;
pub mod eval;
pub mod expr;
pub mod fact;
pub mod flowgraph;
#[cfg(feature = "loader")]
pub mod load;
pub mod model;
pub mod model_check;
pub mod money;
pub mod names;
pub mod plain;
pub mod saved;
pub mod scenario;
pub mod text;
#[cfg(feature = "unverified")]
pub mod unverified;
pub mod validate;
pub mod wire;

pub use answers::{Answer, Answers};
pub use date::Date;
pub use eval::{evaluate, flow::next_question, Results, Today};
pub use model::Pack;
pub use money::Cents;
