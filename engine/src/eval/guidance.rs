//! Which of a settlement's dated texts apply today, and whether its sourced status may be shown
//! beside the claim deadline's state.
//!
//! Rule texts are written once, on the pack's date; "today" moves. The claim deadline's state
//! for today (`deadline`) wins over the status a source gave as of the pack's date: before the
//! deadline the person reads the next steps, after it what comes after the close, and when
//! neither the dates nor the status tell, both, each under an "if" heading. A status that
//! disagrees with today's deadline state is shown only as history ("as of" the pack's date,
//! once that date is past), never as the present. Knows nothing of words or languages.

use super::{DeadlineResult, DeadlineState};
use crate::date::Date;
use crate::model::{DeadlineKind, Settlement, Status};
use serde::{Deserialize, Serialize};

/// Which of `next_steps` and `after_close` apply today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Guidance {
    /// Claims are open, on their last day or not open yet (or there is no claim to make yet):
    /// `next_steps`.
    NextSteps,
    /// The claim deadline has passed everywhere: `after_close`.
    AfterClose,
    /// We cannot tell whether claims are open: both, "if claims are still open" and "if claims
    /// have closed". Only when the settlement has texts for after the close.
    Both,
}

/// How the sourced status (true as of the pack's date) may be shown today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusView {
    /// It agrees with today's deadline state (or nothing dated can contradict it): as it is.
    Current,
    /// It disagrees with today's deadline state, and the pack's date is past: only as history,
    /// "as of <pack date>".
    AsOf,
    /// It disagrees with today's deadline state (or speaks of a later day than today): not shown
    /// beside the deadline state.
    Hidden,
}

impl Guidance {
    /// The scenario-file spelling: next_steps, after_close, both.
    pub fn code(self) -> &'static str {
        match self {
            Guidance::NextSteps => "next_steps",
            Guidance::AfterClose => "after_close",
            Guidance::Both => "both",
        }
    }
}

impl StatusView {
    /// The scenario-file spelling: current, as_of, hidden.
    pub fn code(self) -> &'static str {
        match self {
            StatusView::Current => "current",
            StatusView::AsOf => "as_of",
            StatusView::Hidden => "hidden",
        }
    }
}

/// Where the claim deadlines stand today, taken together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Window {
    NotOpenYet,
    Open,
    Closed,
    /// No claim deadline, or one whose date we could not confirm.
    Unknown,
}

fn window(s: &Settlement, deadlines: &[DeadlineResult]) -> Window {
    let claims: Vec<&DeadlineState> = deadlines
        .iter()
        .filter(|r| s.deadlines.get(r.index).map(|d| d.kind) == Some(DeadlineKind::Claim))
        .map(|r| &r.state)
        .collect();
    let any = |f: fn(&DeadlineState) -> bool| claims.iter().any(|st| f(st));
    if any(|st| matches!(st, DeadlineState::Open { .. } | DeadlineState::LastDay)) {
        Window::Open
    } else if any(|st| matches!(st, DeadlineState::NotOpenYet { .. })) {
        Window::NotOpenYet
    } else if !claims.is_empty() && !any(|st| matches!(st, DeadlineState::Unknown)) {
        Window::Closed
    } else {
        Window::Unknown
    }
}

/// Whether a sourced status can stand beside today's window; `None` when nothing is dated.
fn agrees(status: Status, w: Window) -> Option<bool> {
    use Status::*;
    Some(match w {
        Window::Unknown => return None,
        Window::Open => matches!(status, ClaimsOpen | SettlementProposed),
        Window::NotOpenYet => matches!(status, SettlementProposed),
        // Claims may close before the court's final approval.
        Window::Closed => matches!(status, ClaimsClosed | PayingOut | SettlementProposed),
    })
}

/// The texts that apply and how the status may be shown, for `today`, with the pack's facts
/// checked on `as_of`.
pub fn decide(
    s: &Settlement,
    deadlines: &[DeadlineResult],
    today: Date,
    as_of: Date,
) -> (Guidance, StatusView) {
    let w = window(s, deadlines);
    let status = s
        .case
        .status
        .value()
        .copied()
        .filter(|x| *x != Status::StatusUnknown);
    let view = match status.map(|x| agrees(x, w)) {
        // "Status unknown" is true on any day.
        None | Some(Some(true)) => StatusView::Current,
        Some(Some(false)) if today > as_of => StatusView::AsOf,
        Some(Some(false)) => StatusView::Hidden,
        // Nothing dated to compare with: the status holds from the pack's date on.
        Some(None) if today >= as_of => StatusView::Current,
        Some(None) => StatusView::Hidden,
    };
    let guidance = match w {
        Window::Open | Window::NotOpenYet => Guidance::NextSteps,
        Window::Closed => Guidance::AfterClose,
        Window::Unknown => {
            use Status::*;
            let g = match status {
                Some(LitigationPending | NoSettlementFound | SettlementProposed) => {
                    Guidance::NextSteps
                }
                // Claims closed as of the pack's date stay closed after it.
                Some(ClaimsClosed | PayingOut) if today >= as_of => Guidance::AfterClose,
                Some(ClaimsOpen) if today <= as_of => Guidance::NextSteps,
                _ => Guidance::Both,
            };
            // With nothing written for after the close, the next steps are all there is.
            if g == Guidance::Both && s.after_close.is_empty() {
                Guidance::NextSteps
            } else {
                g
            }
        }
    };
    (guidance, view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::deadline;
    use crate::fact::Fact;
    use crate::model::{Deadline, Zone};
    use crate::text::Text;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// A settlement from the bundled-style test pack, with its status and claim deadline set.
    fn settlement(status: Option<Status>, claim: Option<&str>, after_close: bool) -> Settlement {
        fn u<T>() -> Fact<T> {
            Fact::Unverified {
                reason: Text::new("not read", "no leído"),
            }
        }
        let deadlines = claim
            .map(|c| {
                vec![Deadline {
                    kind: DeadlineKind::Claim,
                    date: Fact::known(d(c), 0),
                    channels: vec![],
                    time: None,
                    zone: Zone::Unknown,
                    opens: None,
                    note: None,
                }]
            })
            .unwrap_or_default();
        Settlement {
            id: "acme".into(),
            name: "Acme".into(),
            name_es: None,
            incident_family: "acme".into(),
            detail: crate::model::Detail::Short,
            summary: Text::new("Acme", "Acme"),
            sources: vec![],
            case: crate::model::Case {
                title: "Doe v. Acme".into(),
                number: u(),
                court: u(),
                judge: u(),
                status: status.map(|x| Fact::known(x, 0)).unwrap_or_else(u),
                website: u(),
                fund: u(),
                administrator: u(),
                related: vec![],
            },
            incident: crate::model::Incident {
                start: u(),
                end: None,
                discovered: None,
                people: u(),
                data: u(),
            },
            class: crate::model::Class {
                definition: u(),
                certified: true,
                routes: vec![],
                exclusions: vec![],
            },
            subclasses: vec![],
            claimants: Default::default(),
            benefits: vec![],
            groups: vec![],
            combine: None,
            caps: vec![],
            fund: None,
            deadlines,
            next_steps: vec![Text::new("File by then", "Presente antes")],
            keep: vec![],
            after_close: if after_close {
                vec![Text::new("After", "Después")]
            } else {
                vec![]
            },
            rulings: vec![],
            state_question: None,
            unconfirmed: vec![],
        }
    }

    fn run(s: &Settlement, today: &str, as_of: &str) -> (Guidance, StatusView) {
        let rs: Vec<DeadlineResult> = s
            .deadlines
            .iter()
            .enumerate()
            .map(|(index, x)| DeadlineResult {
                index,
                state: deadline::state(x, deadline::Today::on(d(today))),
            })
            .collect();
        decide(s, &rs, d(today), d(as_of))
    }

    const AS_OF: &str = "2026-11-24";

    #[test]
    fn before_on_and_after_the_deadline_the_dates_decide_over_a_closed_status() {
        let s = settlement(Some(Status::ClaimsClosed), Some("2024-07-25"), true);
        // Before and on the deadline: next steps; "claims closed" (true in 2026) is not shown.
        assert_eq!(
            run(&s, "2024-07-15", AS_OF),
            (Guidance::NextSteps, StatusView::Hidden)
        );
        assert_eq!(
            run(&s, "2024-07-25", AS_OF),
            (Guidance::NextSteps, StatusView::Hidden)
        );
        // The day after: the texts for after the close, and the status agrees.
        assert_eq!(
            run(&s, "2024-07-26", AS_OF),
            (Guidance::AfterClose, StatusView::Current)
        );
        assert_eq!(
            run(&s, AS_OF, AS_OF),
            (Guidance::AfterClose, StatusView::Current)
        );
    }

    #[test]
    fn an_open_status_becomes_history_once_the_deadline_passes_after_the_pack_date() {
        let s = settlement(Some(Status::ClaimsOpen), Some("2026-12-15"), true);
        assert_eq!(
            run(&s, AS_OF, AS_OF),
            (Guidance::NextSteps, StatusView::Current)
        );
        assert_eq!(
            run(&s, "2026-12-15", AS_OF),
            (Guidance::NextSteps, StatusView::Current)
        );
        assert_eq!(
            run(&s, "2026-12-16", AS_OF),
            (Guidance::AfterClose, StatusView::AsOf)
        );
    }

    #[test]
    fn not_open_yet_is_before_the_close() {
        let mut s = settlement(Some(Status::SettlementProposed), Some("2027-03-01"), true);
        s.deadlines[0].opens = Some(d("2027-01-01"));
        assert_eq!(
            run(&s, AS_OF, AS_OF),
            (Guidance::NextSteps, StatusView::Current)
        );
        let mut c = s.clone();
        c.case.status = Fact::known(Status::ClaimsOpen, 0);
        assert_eq!(run(&c, AS_OF, AS_OF).1, StatusView::Hidden);
    }

    #[test]
    fn unknown_dates_and_status_show_both_only_with_texts_for_after_the_close() {
        let s = settlement(None, None, true);
        assert_eq!(run(&s, AS_OF, AS_OF), (Guidance::Both, StatusView::Current));
        assert_eq!(
            run(&s, "2024-01-01", AS_OF),
            (Guidance::Both, StatusView::Current)
        );
        let bare = settlement(None, None, false);
        assert_eq!(run(&bare, AS_OF, AS_OF).0, Guidance::NextSteps);
        let unknown = settlement(Some(Status::StatusUnknown), None, true);
        assert_eq!(
            run(&unknown, AS_OF, AS_OF),
            (Guidance::Both, StatusView::Current)
        );
    }

    #[test]
    fn without_a_date_the_status_decides_from_the_pack_date_on() {
        let closed = settlement(Some(Status::ClaimsClosed), None, true);
        assert_eq!(
            run(&closed, AS_OF, AS_OF),
            (Guidance::AfterClose, StatusView::Current)
        );
        assert_eq!(
            run(&closed, "2027-02-01", AS_OF),
            (Guidance::AfterClose, StatusView::Current)
        );
        // Before the pack's date, "closed" speaks of a later day.
        assert_eq!(
            run(&closed, "2024-01-01", AS_OF),
            (Guidance::Both, StatusView::Hidden)
        );
        let open = settlement(Some(Status::ClaimsOpen), None, true);
        assert_eq!(run(&open, AS_OF, AS_OF).0, Guidance::NextSteps);
        assert_eq!(run(&open, "2027-02-01", AS_OF).0, Guidance::Both);
        let pending = settlement(Some(Status::LitigationPending), None, false);
        assert_eq!(
            run(&pending, "2027-02-01", AS_OF),
            (Guidance::NextSteps, StatusView::Current)
        );
    }

    #[test]
    fn an_unconfirmed_claim_date_is_unknown() {
        let mut s = settlement(Some(Status::ClaimsClosed), Some("2024-07-25"), true);
        s.deadlines[0].date = Fact::Unverified {
            reason: Text::new("x", "x"),
        };
        assert_eq!(
            run(&s, "2024-07-01", AS_OF),
            (Guidance::Both, StatusView::Hidden)
        );
        assert_eq!(
            run(&s, AS_OF, AS_OF),
            (Guidance::AfterClose, StatusView::Current)
        );
    }
}
