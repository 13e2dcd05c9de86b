//! Sourced values: every amount, date, count or wording a person relies on carries where it was
//! read, or says plainly that no source confirmed it.
//!
//! Knows nothing of settlements; a `Fact<T>` wraps any value type.

use crate::date::Date;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Where a fact was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub href: String,
    pub title: String,
    pub checked: Date,
}

/// One sourced reading of a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reading<T> {
    pub value: T,
    /// Index into the settlement's `sources`.
    pub source: usize,
    /// The words the value rests on, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// A short explanation shown beside the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A value that is either sourced (with any disagreeing readings kept) or unverified.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "t",
    rename_all = "snake_case",
    bound(deserialize = "T: Deserialize<'de>")
)]
pub enum Fact<T> {
    Known {
        main: Reading<T>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<Reading<T>>,
    },
    /// No source confirms the value; `reason` says why, in English and Spanish.
    Unverified { reason: Text },
}

impl<T> Fact<T> {
    /// The preferred sourced value, if any.
    pub fn value(&self) -> Option<&T> {
        match self {
            Fact::Known { main, .. } => Some(&main.value),
            Fact::Unverified { .. } => None,
        }
    }
    /// Every sourced reading, the preferred one first.
    pub fn readings(&self) -> Vec<&Reading<T>> {
        match self {
            Fact::Known { main, also } => std::iter::once(main).chain(also.iter()).collect(),
            Fact::Unverified { .. } => Vec::new(),
        }
    }
    pub fn is_disputed(&self) -> bool {
        matches!(self, Fact::Known { also, .. } if !also.is_empty())
    }
    pub fn known(value: T, source: usize) -> Fact<T> {
        Fact::Known {
            main: Reading {
                value,
                source,
                quote: None,
                note: None,
            },
            also: Vec::new(),
        }
    }
}
