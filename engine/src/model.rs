//! The validated rule model: plain data that the loader builds from `rules/` and the evaluator
//! reads. Serializable, so the browser app can embed a pack validated at build time.
//!
//! Knows nothing of TOML, files or line numbers (that is `load`), nor of answers or today's date
//! (that is `eval`).

use crate::date::Date;
use crate::expr::Expr;
use crate::fact::{Fact, Source};
use crate::money::Cents;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// Everything claimcheck knows: the question bank, the organisation directory, the settlements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// The date the facts were last checked ("settlement information as of").
    pub checked_on: Date,
    /// The newest date among the sources read ("newest source seen"), when the pack states it.
    #[serde(default)]
    pub newest_source: Option<Date>,
    pub questions: Vec<Question>,
    pub organisations: Vec<Organisation>,
    pub settlements: Vec<Settlement>,
}

impl Pack {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }
    pub fn settlement(&self, id: &str) -> Option<&Settlement> {
        self.settlements.iter().find(|s| s.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: Text,
    pub why: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Whether "I'm not sure" is offered.
    pub not_sure: bool,
    /// Asked only while this condition is not false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_if: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    Choice {
        options: Vec<ChoiceOption>,
    },
    /// Which organisations sent a notice: a searchable multi-select over the directory.
    Organisations,
    /// A U.S. state or territory (two-letter code), or "OUTSIDE".
    State,
    Money,
    Hours,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub text: Text,
}

/// An organisation that sends breach notices, with the names people know it by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Incident families this organisation notified people about (e.g. "moveit").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<String>,
    /// Look-alike organisations that must not be merged with this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_to_confuse: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Source of the note, when it states a fact ("no settlement found").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_source: Option<Source>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    Full,
    Short,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settlement {
    pub id: String,
    pub name: String,
    /// The name in Spanish when `name` holds words beyond proper names ("2019 data breach");
    /// `None` when the name reads the same in both languages. See [`Settlement::name_in`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_es: Option<String>,
    pub incident_family: String,
    pub detail: Detail,
    pub summary: Text,
    pub sources: Vec<Source>,
    pub case: Case,
    pub incident: Incident,
    pub class: Class,
    pub subclasses: Vec<Subclass>,
    pub claimants: Claimants,
    pub benefits: Vec<Benefit>,
    pub groups: Vec<Group>,
    /// How the benefits combine; `None` when nothing can be claimed (pending, or unknown).
    pub combine: Option<Combo>,
    pub caps: Vec<Cap>,
    pub fund: Option<Fund>,
    pub deadlines: Vec<Deadline>,
    pub next_steps: Vec<Text>,
    pub keep: Vec<Text>,
    pub after_close: Vec<Text>,
    pub rulings: Vec<Ruling>,
    /// The state question whose answer picks the rulings shown.
    pub state_question: Option<String>,
    /// Why each value no source confirmed is unconfirmed, once each, in the file's order:
    /// gathered from the settlement's unverified facts when the rules are loaded
    /// ([`crate::unverified::reasons`]), never written in a rule file. The app shows these
    /// under "About our sources"; in place, a value reads only "we could not confirm this".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<Text>,
}

impl Settlement {
    /// The settlement's name as a reader of `lang` sees it.
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, &self.name_es) {
            (Lang::Es, Some(es)) => es,
            _ => &self.name,
        }
    }
    pub fn benefit(&self, id: &str) -> Option<&Benefit> {
        self.benefits.iter().find(|b| b.id == id)
    }
    pub fn deadline(&self, kind: DeadlineKind) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    LitigationPending,
    SettlementProposed,
    ClaimsOpen,
    ClaimsClosed,
    PayingOut,
    StatusUnknown,
    NoSettlementFound,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub title: String,
    pub number: Fact<String>,
    pub court: Fact<String>,
    pub judge: Fact<String>,
    pub status: Fact<Status>,
    pub website: Fact<String>,
    pub fund: Fact<Cents>,
    pub administrator: Fact<String>,
    pub related: Vec<RelatedCase>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelatedCase {
    pub title: String,
    pub number: Option<String>,
    pub relation: Fact<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub start: Fact<Date>,
    pub end: Option<Fact<Date>>,
    pub discovered: Option<Fact<Date>>,
    pub people: Fact<u64>,
    pub data: Fact<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Class {
    pub definition: Fact<Text>,
    /// False while the class is only proposed: verdicts are then at most "likely member".
    pub certified: bool,
    pub routes: Vec<Route>,
    pub exclusions: Vec<Exclusion>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteLevel {
    /// The route makes membership only possible: "can't tell", ask the administrator.
    Possible,
    Likely,
    Member,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Route {
    pub id: String,
    pub when: Expr,
    pub level: RouteLevel,
    pub reason: Text,
    pub clause: Option<Fact<Text>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exclusion {
    pub id: String,
    pub when: Expr,
    pub reason: Text,
    pub clause: Option<Fact<Text>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subclass {
    pub id: String,
    pub name: Text,
    pub when: Expr,
    pub clause: Option<Fact<Text>>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Claimants {
    pub minor: Option<Fact<bool>>,
    pub deceased: Option<Fact<bool>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Benefit {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    pub kind: BenefitKind,
    /// Only members of this subclass get it.
    pub only_for: Option<String>,
    pub evidence: Vec<Text>,
    /// The notice's Class Member ID / PIN is needed on the official site (never asked here).
    pub needs_notice_id: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    Attested,
    Documented,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum BenefitKind {
    Monitoring {
        years: Option<Fact<u32>>,
        bureaus: Option<Fact<u32>>,
        insurance: Option<Fact<Cents>>,
    },
    DocumentedLosses {
        cap: Fact<Cents>,
        /// Money questions whose amounts count here.
        inputs: Vec<String>,
        window: Option<Window>,
    },
    LostTime {
        rate: Fact<Cents>,
        max_hours: Fact<u32>,
        step_minutes: u32,
        /// A documented-losses benefit whose cap includes this lost time.
        counts_toward: Option<String>,
        proof: Proof,
        /// The hours question.
        input: String,
    },
    FlatCash {
        amount: Fact<Cents>,
        approximate: bool,
    },
    ProRataCash {
        amount: Option<Fact<Cents>>,
    },
    StatutoryAward {
        amount: Fact<Cents>,
    },
    Service,
    Enrollment,
}

/// Losses must fall between these dates to count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Window {
    pub from: Date,
    pub to: Option<Date>,
    pub source: usize,
}

/// A named group of benefits ("Cash Payment A").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub name: Text,
}

/// How benefits combine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
pub enum Combo {
    Benefit(String),
    /// A named group (its id) wrapping a combination.
    Group(String, Box<Combo>),
    AllOf(Vec<Combo>),
    OneOf(Vec<Combo>),
    AnyOf(Vec<Combo>),
    /// The sources list these benefits but do not say how they go together: each is shown on
    /// its own and the app says the combination is unknown.
    Unknown(Vec<Combo>),
}

impl Combo {
    /// Whether the sources leave any part of the combination unknown.
    pub fn has_unknown(&self) -> bool {
        match self {
            Combo::Benefit(_) => false,
            Combo::Group(_, inner) => inner.has_unknown(),
            Combo::Unknown(_) => true,
            Combo::AllOf(v) | Combo::OneOf(v) | Combo::AnyOf(v) => v.iter().any(Combo::has_unknown),
        }
    }
}

/// A cap across several benefits (per person).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cap {
    pub id: String,
    pub amount: Fact<Cents>,
    pub covers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fund {
    pub class_size: Option<Fact<u64>>,
    pub deductions: Vec<Deduction>,
    pub other_benefits_sourced: bool,
    pub payment_order: Option<Fact<Text>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deduction {
    pub what: Text,
    pub amount: Fact<Cents>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    Claim,
    OptOut,
    Objection,
    FinalHearing,
    Enrollment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Online,
    Postmark,
    Received,
    Phone,
}

/// U.S. time zones a deadline can be stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Zone {
    ET,
    CT,
    MT,
    PT,
    AKT,
    HT,
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: Fact<Date>,
    pub channels: Vec<Channel>,
    /// Cut-off time of day (hour, minute) if a source states one.
    pub time: Option<(u8, u8)>,
    pub zone: Zone,
    /// Before this date the deadline is "not open yet".
    pub opens: Option<Date>,
    pub note: Option<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RulingOutcome {
    Survived,
    Dismissed,
    Abandoned,
    /// Sources report rulings that went both ways (e.g. "mixed rulings").
    Mixed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ruling {
    /// Two-letter state, or "ALL".
    pub state: String,
    pub date: Option<Date>,
    pub claim: Text,
    pub outcome: RulingOutcome,
    pub source: usize,
}
