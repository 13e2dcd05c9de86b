//! The one spelling of every name a rule file, a scenario, a JSON pack or the app's markup uses
//! for a model enum: `claims_open`, `opt_out`, `postmark`, `lost_time`...
//!
//! Each table below is the only place a variant's name is written. The loader reads names
//! through [`Named::from_name`] (and suggests from [`Named::names`] when one is misspelt), the
//! scenario runner, the meaning checks and the app print them with [`Named::name`], and the JS
//! API's shape check lists them. A test checks that serde (the JSON form) spells them the same;
//! the one difference, `Zone::Unknown` (`unknown` in rule files, `Unknown` in JSON, as first
//! published), is written in that test.
//!
//! Enums whose variants carry data (question kinds, benefit kinds, combinations) are named by
//! a plain companion enum ([`QuestionTag`], [`BenefitTag`], [`ComboTag`]), so a loader matches
//! on the tag rather than on a string. Knows nothing of files, TOML or JSON.

use crate::eval::Verdict;
use crate::model::{
    BenefitKind, Channel, Combo, DeadlineKind, Detail, Proof, QuestionKind, RouteLevel,
    RulingOutcome, Status, Zone,
};

/// An enum whose variants have one written name each.
pub trait Named: Copy + PartialEq + 'static {
    /// Every variant beside its name, in the order messages list them.
    const NAMES: &'static [(Self, &'static str)];

    /// The variant's name.
    fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |(_, n)| n)
    }

    /// The variant with this name, if any (names are case-sensitive).
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(v, _)| *v)
    }

    /// Every name, in table order.
    fn names() -> impl Iterator<Item = &'static str> + Clone {
        Self::NAMES.iter().map(|(_, n)| *n)
    }

    /// The name in a JSON pack (the JS API): the same as [`Named::name`] but for
    /// `Zone::Unknown`.
    fn json_name(self) -> &'static str {
        self.name()
    }

    /// Every JSON name, in table order.
    fn json_names() -> Vec<&'static str> {
        Self::NAMES.iter().map(|(v, _)| v.json_name()).collect()
    }

    /// The variant with this JSON name, if any.
    fn from_json_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(v, _)| v.json_name() == name)
            .map(|(v, _)| *v)
    }
}

macro_rules! named {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl Named for $ty {
            const NAMES: &'static [(Self, &'static str)] = &[$(($ty::$variant, $name)),+];
        }
    };
}

named!(Status {
    LitigationPending = "litigation_pending",
    SettlementProposed = "settlement_proposed",
    ClaimsOpen = "claims_open",
    ClaimsClosed = "claims_closed",
    PayingOut = "paying_out",
    StatusUnknown = "status_unknown",
    NoSettlementFound = "no_settlement_found",
});

named!(DeadlineKind {
    Claim = "claim",
    OptOut = "opt_out",
    Objection = "objection",
    FinalHearing = "final_hearing",
    Enrollment = "enrollment",
});

named!(Channel {
    Online = "online",
    Postmark = "postmark",
    Received = "received",
    Phone = "phone",
});

impl Named for Zone {
    const NAMES: &'static [(Self, &'static str)] = &[
        (Zone::ET, "ET"),
        (Zone::CT, "CT"),
        (Zone::MT, "MT"),
        (Zone::PT, "PT"),
        (Zone::AKT, "AKT"),
        (Zone::HT, "HT"),
        (Zone::Unknown, "unknown"),
    ];

    fn json_name(self) -> &'static str {
        match self {
            Zone::Unknown => "Unknown",
            other => other.name(),
        }
    }
}

named!(RouteLevel {
    Member = "member",
    Likely = "likely",
    Possible = "possible",
});

named!(RulingOutcome {
    Survived = "survived",
    Dismissed = "dismissed",
    Abandoned = "abandoned",
    Mixed = "mixed",
});

named!(Proof {
    Attested = "attested",
    Documented = "documented",
});

named!(Verdict {
    Member = "member",
    Likely = "likely",
    NotMember = "not_member",
    CantTell = "cant_tell",
});

named!(Detail {
    Full = "full",
    Short = "short",
});

/// The kind of a question, without its options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionTag {
    YesNo,
    Choice,
    Organisations,
    State,
    Money,
    Hours,
}

named!(QuestionTag {
    YesNo = "yes_no",
    Choice = "choice",
    Organisations = "organisations",
    State = "state",
    Money = "money",
    Hours = "hours",
});

impl QuestionKind {
    pub fn tag(&self) -> QuestionTag {
        match self {
            QuestionKind::YesNo => QuestionTag::YesNo,
            QuestionKind::Choice { .. } => QuestionTag::Choice,
            QuestionKind::Organisations => QuestionTag::Organisations,
            QuestionKind::State => QuestionTag::State,
            QuestionKind::Money => QuestionTag::Money,
            QuestionKind::Hours => QuestionTag::Hours,
        }
    }
}

/// The kind of a benefit, without its amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenefitTag {
    Monitoring,
    DocumentedLosses,
    LostTime,
    FlatCash,
    ProRataCash,
    StatutoryAward,
    Service,
    Enrollment,
}

named!(BenefitTag {
    Monitoring = "monitoring",
    DocumentedLosses = "documented_losses",
    LostTime = "lost_time",
    FlatCash = "flat_cash",
    ProRataCash = "pro_rata_cash",
    StatutoryAward = "statutory_award",
    Service = "service",
    Enrollment = "enrollment",
});

impl BenefitTag {
    /// The fields a benefit of this kind may have beside the ones every benefit has, in a rule
    /// file and in a JSON pack alike.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            BenefitTag::Monitoring => &["years", "bureaus", "insurance"],
            BenefitTag::DocumentedLosses => &["cap", "inputs", "window"],
            BenefitTag::LostTime => &[
                "rate",
                "max_hours",
                "step_minutes",
                "counts_toward",
                "proof",
                "input",
            ],
            BenefitTag::FlatCash => &["amount", "approximate"],
            BenefitTag::ProRataCash | BenefitTag::StatutoryAward => &["amount"],
            BenefitTag::Service | BenefitTag::Enrollment => &[],
        }
    }
}

impl BenefitKind {
    pub fn tag(&self) -> BenefitTag {
        match self {
            BenefitKind::Monitoring { .. } => BenefitTag::Monitoring,
            BenefitKind::DocumentedLosses { .. } => BenefitTag::DocumentedLosses,
            BenefitKind::LostTime { .. } => BenefitTag::LostTime,
            BenefitKind::FlatCash { .. } => BenefitTag::FlatCash,
            BenefitKind::ProRataCash { .. } => BenefitTag::ProRataCash,
            BenefitKind::StatutoryAward { .. } => BenefitTag::StatutoryAward,
            BenefitKind::Service => BenefitTag::Service,
            BenefitKind::Enrollment => BenefitTag::Enrollment,
        }
    }
}

/// The form of a combination of benefits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComboTag {
    Benefit,
    Group,
    AllOf,
    OneOf,
    AnyOf,
    Unknown,
}

named!(ComboTag {
    Benefit = "benefit",
    Group = "group",
    AllOf = "all_of",
    OneOf = "one_of",
    AnyOf = "any_of",
    Unknown = "unknown",
});

impl Combo {
    pub fn tag(&self) -> ComboTag {
        match self {
            Combo::Benefit(_) => ComboTag::Benefit,
            Combo::Group(..) => ComboTag::Group,
            Combo::AllOf(_) => ComboTag::AllOf,
            Combo::OneOf(_) => ComboTag::OneOf,
            Combo::AnyOf(_) => ComboTag::AnyOf,
            Combo::Unknown(_) => ComboTag::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Fact;
    use crate::model::ChoiceOption;
    use serde::Serialize;

    /// The JSON spelling serde gives a value: the string itself, or the `t` tag of an object.
    fn json_name(v: &impl Serialize) -> String {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => s,
            Ok(serde_json::Value::Object(m)) => m
                .get("t")
                .and_then(|t| t.as_str())
                .map(str::to_string)
                .unwrap_or_default(),
            other => format!("{other:?}"),
        }
    }

    fn same_in_json<T: Named + Serialize + std::fmt::Debug>() {
        for (v, name) in T::NAMES {
            assert_eq!(json_name(v), v.json_name(), "serde spells {name} otherwise");
            assert_eq!(T::from_json_name(v.json_name()), Some(*v));
        }
    }

    #[test]
    fn every_table_names_each_variant_once() {
        fn once<T: Named + std::fmt::Debug>(count: usize) {
            assert_eq!(T::NAMES.len(), count, "{:?}", T::NAMES);
            let names: std::collections::BTreeSet<_> = T::names().collect();
            assert_eq!(
                names.len(),
                count,
                "a name is written twice: {:?}",
                T::NAMES
            );
            for (v, n) in T::NAMES {
                assert_eq!(T::from_name(n), Some(*v));
                assert_eq!(v.name(), *n);
            }
        }
        // The counts are the enums' variant counts; the matches in `tag` (and the model) fail
        // to compile when a variant is added, and this test when its name is not.
        once::<Status>(7);
        once::<DeadlineKind>(5);
        once::<Channel>(4);
        once::<Zone>(7);
        once::<RouteLevel>(3);
        once::<RulingOutcome>(4);
        once::<Proof>(2);
        once::<Detail>(2);
        once::<Verdict>(4);
        once::<QuestionTag>(6);
        once::<BenefitTag>(8);
        once::<ComboTag>(6);
    }

    #[test]
    fn json_spells_the_names_the_same() {
        same_in_json::<Status>();
        same_in_json::<DeadlineKind>();
        same_in_json::<Channel>();
        same_in_json::<RouteLevel>();
        same_in_json::<RulingOutcome>();
        same_in_json::<Proof>();
        same_in_json::<Detail>();
        same_in_json::<Verdict>();
        same_in_json::<Zone>();
        for (z, name) in Zone::NAMES {
            if *z == Zone::Unknown {
                assert_eq!((z.json_name(), *name), ("Unknown", "unknown"));
            } else {
                assert_eq!(z.json_name(), *name);
            }
        }
    }

    #[test]
    fn json_tags_of_kinds_are_their_names() {
        let kinds = [
            QuestionKind::YesNo,
            QuestionKind::Choice {
                options: Vec::<ChoiceOption>::new(),
            },
            QuestionKind::Organisations,
            QuestionKind::State,
            QuestionKind::Money,
            QuestionKind::Hours,
        ];
        for k in &kinds {
            assert_eq!(json_name(k), k.tag().name());
        }
        let money = || Fact::Unverified {
            reason: crate::text::Text::new("x", "x"),
        };
        let benefits = [
            BenefitKind::Monitoring {
                years: None,
                bureaus: None,
                insurance: None,
            },
            BenefitKind::DocumentedLosses {
                cap: money(),
                inputs: vec![],
                window: None,
            },
            BenefitKind::LostTime {
                rate: money(),
                max_hours: Fact::Unverified {
                    reason: crate::text::Text::new("x", "x"),
                },
                step_minutes: 60,
                counts_toward: None,
                proof: Proof::Attested,
                input: "hours".into(),
            },
            BenefitKind::FlatCash {
                amount: money(),
                approximate: false,
            },
            BenefitKind::ProRataCash { amount: None },
            BenefitKind::StatutoryAward { amount: money() },
            BenefitKind::Service,
            BenefitKind::Enrollment,
        ];
        for b in &benefits {
            assert_eq!(json_name(b), b.tag().name());
        }
        let combos = [
            Combo::Benefit("a".into()),
            Combo::Group("g".into(), Box::new(Combo::Benefit("a".into()))),
            Combo::AllOf(vec![]),
            Combo::OneOf(vec![]),
            Combo::AnyOf(vec![]),
            Combo::Unknown(vec![]),
        ];
        for c in &combos {
            assert_eq!(json_name(c), c.tag().name());
        }
    }
}
