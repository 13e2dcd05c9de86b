//! The rule files exactly as written: serde structs mirroring the TOML, with byte spans kept on
//! every value that a later check may need to point at.
//!
//! Knows TOML's shape only; meaning, references and sources are checked in `convert`.

use serde::de::{self, value::MapAccessDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use toml::value::Datetime;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    pub checked_on: S<Datetime>,
    /// The newest date among the sources read: later settlements are unknown to the checker.
    pub newest_source: Option<S<Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub en: Option<S<String>>,
    pub es: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestions {
    #[serde(default)]
    pub question: Vec<S<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: S<String>,
    pub kind: S<String>,
    pub text: S<RawText>,
    pub why: S<RawText>,
    pub hint: Option<S<RawText>>,
    #[serde(default)]
    pub not_sure: bool,
    pub ask_if: Option<S<String>>,
    pub options: Option<Vec<S<RawOption>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: S<String>,
    pub text: S<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisations {
    #[serde(default)]
    pub organisation: Vec<S<RawOrganisation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub id: S<String>,
    pub name: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    #[serde(default)]
    pub incidents: Vec<S<String>>,
    #[serde(default)]
    pub not_to_confuse: Vec<S<String>>,
    pub note: Option<S<RawText>>,
    pub note_source: Option<S<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: S<String>,
    pub href: S<String>,
    pub title: S<String>,
    pub checked: S<Datetime>,
    /// The official settlement site, whose home page itself states the fact: the only case in
    /// which a bare home page is an acceptable source address.
    #[serde(default)]
    pub official_home: Option<S<bool>>,
}

/// Why a value is unverified: `{ en = "...", es = "..." }`. A plain string (the older,
/// English-only form) is read too, only so that `convert` can point at it with the fix.
pub enum RawReason {
    Plain(String),
    Text(RawText),
}

impl<'de> Deserialize<'de> for RawReason {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawReason, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawReason;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a reason in English and Spanish, { en = \"...\", es = \"...\" }")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawReason, E> {
                Ok(RawReason::Plain(s.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawReason, A::Error> {
                RawText::deserialize(MapAccessDeserializer::new(map)).map(RawReason::Text)
            }
        }
        d.deserialize_any(V)
    }
}

/// `{ value = .., source = .., quote = .., also = [..] }` or
/// `{ unverified = { en = "..", es = ".." } }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct RawFact<T> {
    pub value: Option<S<T>>,
    pub source: Option<S<String>>,
    pub quote: Option<S<String>>,
    #[serde(default)]
    pub also: Vec<S<RawReading<T>>>,
    pub unverified: Option<S<RawReason>>,
    /// A short explanation shown beside the value (e.g. "the official FAQ prints 3023, a typo").
    pub note: Option<S<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReading<T> {
    pub value: S<T>,
    pub source: S<String>,
    pub quote: Option<S<String>>,
    pub note: Option<S<RawText>>,
}

pub type F<T> = S<RawFact<T>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSettlement {
    pub id: S<String>,
    pub name: S<String>,
    /// The name in Spanish, when `name` holds words beyond proper names.
    pub name_es: Option<S<String>>,
    pub incident_family: S<String>,
    pub detail: S<String>,
    pub summary: S<RawText>,
    #[serde(default)]
    pub source: Vec<S<RawSource>>,
    pub case: S<RawCase>,
    pub incident: Option<S<RawIncident>>,
    pub class: S<RawClass>,
    #[serde(default)]
    pub subclass: Vec<S<RawSubclass>>,
    pub claimants: Option<S<RawClaimants>>,
    #[serde(default)]
    pub benefit: Vec<S<RawBenefit>>,
    #[serde(default)]
    pub group: Vec<S<RawGroup>>,
    pub benefits: Option<S<RawBenefits>>,
    #[serde(default)]
    pub cap: Vec<S<RawCap>>,
    pub fund: Option<S<RawFund>>,
    #[serde(default)]
    pub deadline: Vec<S<RawDeadline>>,
    #[serde(default)]
    pub next_steps: Vec<S<RawText>>,
    #[serde(default)]
    pub keep: Vec<S<RawText>>,
    #[serde(default)]
    pub after_close: Vec<S<RawText>>,
    #[serde(default)]
    pub ruling: Vec<S<RawRuling>>,
    /// The state question that picks which rulings to show.
    pub state_question: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    pub title: S<String>,
    pub number: Option<F<String>>,
    pub court: Option<F<String>>,
    pub judge: Option<F<String>>,
    pub status: F<String>,
    pub website: Option<F<String>>,
    pub fund: Option<F<String>>,
    pub administrator: Option<F<String>>,
    #[serde(default)]
    pub related: Vec<S<RawRelated>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelated {
    pub title: S<String>,
    pub number: Option<S<String>>,
    pub relation: S<RawText>,
    pub source: Option<S<String>>,
    pub unverified: Option<S<RawReason>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIncident {
    pub start: Option<F<Datetime>>,
    pub end: Option<F<Datetime>>,
    pub discovered: Option<F<Datetime>>,
    pub people: Option<F<i64>>,
    pub data: Option<F<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClass {
    pub definition: Option<F<RawText>>,
    #[serde(default = "yes")]
    pub certified: bool,
    #[serde(default)]
    pub route: Vec<S<RawRoute>>,
    #[serde(default)]
    pub exclusion: Vec<S<RawRoute>>,
}

fn yes() -> bool {
    true
}

/// A class route or exclusion (an exclusion has no `level`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoute {
    pub id: S<String>,
    pub when: S<String>,
    pub level: Option<S<String>>,
    pub reason: S<RawText>,
    pub clause: Option<F<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubclass {
    pub id: S<String>,
    pub name: S<RawText>,
    pub when: S<String>,
    pub clause: Option<F<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaimants {
    pub minor: Option<F<bool>>,
    pub deceased: Option<F<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWindow {
    pub from: S<Datetime>,
    pub to: Option<S<Datetime>>,
    pub source: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBenefit {
    pub id: S<String>,
    pub kind: S<String>,
    pub name: S<RawText>,
    pub description: Option<S<RawText>>,
    #[serde(default)]
    pub evidence: Vec<S<RawText>>,
    #[serde(default)]
    pub needs_notice_id: bool,
    pub only_for: Option<S<String>>,
    // monitoring
    pub years: Option<F<i64>>,
    pub bureaus: Option<F<i64>>,
    pub insurance: Option<F<String>>,
    // documented losses
    pub cap: Option<F<String>>,
    pub inputs: Option<S<Vec<S<String>>>>,
    pub window: Option<S<RawWindow>>,
    // lost time
    pub rate: Option<F<String>>,
    pub max_hours: Option<F<i64>>,
    pub step_minutes: Option<S<i64>>,
    pub counts_toward: Option<S<String>>,
    pub proof: Option<S<String>>,
    pub input: Option<S<String>>,
    // cash
    pub amount: Option<F<String>>,
    pub approximate: Option<S<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: S<String>,
    pub name: S<RawText>,
    pub combine: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBenefits {
    pub combine: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCap {
    pub id: S<String>,
    pub amount: F<String>,
    pub covers: Vec<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFund {
    pub class_size: Option<F<i64>>,
    #[serde(default)]
    pub deductions: Vec<S<RawDeduction>>,
    #[serde(default)]
    pub other_benefits_sourced: bool,
    pub payment_order: Option<F<RawText>>,
    #[serde(default)]
    pub net_of: Vec<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeduction {
    pub what: S<RawText>,
    pub amount: F<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    pub kind: S<String>,
    pub date: F<Datetime>,
    #[serde(default)]
    pub channels: Vec<S<String>>,
    pub time: Option<S<String>>,
    pub zone: Option<S<String>>,
    pub opens: Option<S<Datetime>>,
    pub note: Option<S<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRuling {
    pub state: S<String>,
    pub date: Option<S<Datetime>>,
    pub claim: S<RawText>,
    pub outcome: S<String>,
    pub source: S<String>,
}

// Scenarios ----------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenarios {
    #[serde(default)]
    pub scenario: Vec<S<RawScenario>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub name: S<String>,
    pub today: S<Datetime>,
    #[serde(default)]
    pub answers: toml::Table,
    pub expect: S<RawExpect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    pub verdict: Option<S<String>>,
    pub subclasses: Option<Vec<S<String>>>,
    #[serde(default)]
    pub deadline: std::collections::BTreeMap<String, S<String>>,
    #[serde(default)]
    pub benefit: std::collections::BTreeMap<String, S<String>>,
    pub options: Option<S<i64>>,
    pub rulings: Option<S<i64>>,
    /// The window a documented-losses benefit's losses must fall in: `window.expenses =
    /// "2023-05-29..2024-09-12"` (or "2023-10-16.." with no end, or "none").
    #[serde(default)]
    pub window: std::collections::BTreeMap<String, S<String>>,
    /// Rulings shown for the person's state, counted by outcome: `outcome.mixed = 1`.
    #[serde(default)]
    pub outcome: std::collections::BTreeMap<String, S<i64>>,
    pub next: Option<S<String>>,
    pub guidance: Option<S<String>>,
    pub status: Option<S<String>>,
}
