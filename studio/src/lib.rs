//! The rule studio's core: takes rule files as text and returns plain data the page renders:
//! every loader error (file, line, column, message, fix), each scenario's result with what
//! differed, the question flow's edges and the unverified values of the settlement being edited.
//!
//! Knows the engine's loader and helpers; knows nothing of the page (the wasm bindings in `web`
//! pass JSON text in and out). Never panics on what an author types.

use claimcheck_engine::load::{self, Loaded, RuleError};
use claimcheck_engine::text::Lang;
use claimcheck_engine::{flowgraph, scenario, unverified};
use serde::Serialize;

pub mod publish;
pub mod ui;
#[cfg(target_arch = "wasm32")]
mod web;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The rule files bundled with this build, as `(label, text)`; labels as `load::load_files` wants.
pub fn bundled() -> Vec<(String, String)> {
    bundled::BUNDLED
        .iter()
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .collect()
}

#[derive(Serialize, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub fix: String,
}

impl From<RuleError> for Problem {
    fn from(e: RuleError) -> Self {
        Problem {
            file: e.file,
            line: e.line,
            col: e.col,
            message: e.message,
            fix: e.fix,
        }
    }
}

#[derive(Serialize, Debug)]
pub struct ScenarioResult {
    pub name: String,
    pub file: String,
    pub line: usize,
    pub pass: bool,
    /// One line per unmet expectation: "verdict: expected member, got likely".
    pub differences: Vec<String>,
}

#[derive(Serialize, Debug)]
pub struct Unverified {
    pub path: String,
    pub reason: String,
}

/// Everything the page shows for one state of the files.
#[derive(Serialize, Debug, Default)]
pub struct Analysis {
    pub errors: Vec<Problem>,
    /// Settlement ids that loaded (empty while there are errors).
    pub settlements: Vec<String>,
    /// Scenarios of the focused settlement (all of them when no focus is given).
    pub scenarios: Vec<ScenarioResult>,
    /// The focused settlement's flow; empty when there is no focus or it did not load.
    pub flow: Vec<flowgraph::Edge>,
    pub unverified: Vec<Unverified>,
}

/// Loads `files` and, when they load, runs the scenarios and describes `focus` (a settlement id).
pub fn analyse(files: &[(String, String)], focus: &str) -> Analysis {
    match load::load_files(files) {
        Err(errors) => Analysis {
            errors: errors.into_iter().map(Problem::from).collect(),
            ..Analysis::default()
        },
        Ok(l) => describe(&l, focus),
    }
}

fn describe(l: &Loaded, focus: &str) -> Analysis {
    let scenarios = l
        .scenarios
        .iter()
        .filter(|sc| focus.is_empty() || sc.settlement == focus)
        .map(|sc| {
            let differences = scenario::run(&l.pack, sc);
            ScenarioResult {
                name: sc.name.clone(),
                file: sc.file.clone(),
                line: sc.line,
                pass: differences.is_empty(),
                differences,
            }
        })
        .collect();
    let (flow, unverified) = match l.pack.settlement(focus) {
        Some(s) => (
            flowgraph::edges(&l.pack, s),
            unverified::list(s, Lang::En)
                .into_iter()
                .map(|(path, reason)| Unverified { path, reason })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    Analysis {
        errors: Vec::new(),
        settlements: l.pack.settlements.iter().map(|s| s.id.clone()).collect(),
        scenarios,
        flow,
        unverified,
    }
}

/// Reads the page's file list: a JSON array of `[label, text]` pairs.
pub fn files_from_json(json: &str) -> Result<Vec<(String, String)>, String> {
    serde_json::from_str(json).map_err(|e| format!("the file list is not readable: {e}"))
}

#[cfg(test)]
mod tests;
