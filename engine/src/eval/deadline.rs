//! Deadline states: open with N days left, last day, closed on a date, not open yet, unknown.
//!
//! A deadline whose time zone is unknown is "closed" only once it has passed in every U.S. time
//! zone (Guam, UTC+10, to American Samoa, UTC-11) and "open" only while it is open in all of
//! them; in between it is the last day. Knows nothing of verdicts or benefits.

use crate::date::Date;
use crate::model::{Deadline, DeadlineKind, Zone};
use serde::{Deserialize, Serialize};

/// The person's "now": a calendar date, and when the device knows it, the time and UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    pub date: Date,
    /// Minutes since local midnight and the local offset from UTC in minutes (e.g. -300 for EST).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<(u16, i16)>,
}

impl Today {
    pub fn on(date: Date) -> Today {
        Today { date, clock: None }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum DeadlineState {
    NotOpenYet {
        opens: Date,
    },
    Open {
        days_left: i64,
    },
    LastDay,
    Closed {
        on: Date,
    },
    /// An opt-out or objection date no source gives, once the final approval hearing (which
    /// always follows them) has passed: closed, on a day we do not know.
    ClosedBeforeHearing {
        hearing: Date,
    },
    /// An opt-out or objection date no source gives, when no hearing date is known but the
    /// sourced claim deadline has passed: most likely over (those dates come before the
    /// hearing, which comes before payments), though no source confirms the day.
    ProbablyClosed {
        claims_closed: Date,
    },
    Unknown,
}

impl DeadlineState {
    /// The scenario-file spelling: open:N, last_day, closed, not_open, unknown.
    pub fn code(&self) -> String {
        match self {
            DeadlineState::NotOpenYet { .. } => "not_open".into(),
            DeadlineState::Open { days_left } => format!("open:{days_left}"),
            DeadlineState::LastDay => "last_day".into(),
            DeadlineState::Closed { .. } => "closed".into(),
            DeadlineState::ClosedBeforeHearing { .. } => "closed_before_hearing".into(),
            DeadlineState::ProbablyClosed { .. } => "probably_closed".into(),
            DeadlineState::Unknown => "unknown".into(),
        }
    }
}

const GUAM_OFFSET: i64 = 600;
const SAMOA_OFFSET: i64 = -660;

/// Second Sunday of March to first Sunday of November: U.S. daylight saving time.
fn is_dst(d: Date) -> bool {
    let nth_sunday = |month: u32, n: u32| -> Option<Date> {
        let first = Date::new(d.year(), month, 1)?;
        let to_sunday = (6 + 7 - first.weekday()) % 7;
        first.add_days((to_sunday + 7 * (n - 1)) as i64)
    };
    match (nth_sunday(3, 2), nth_sunday(11, 1)) {
        (Some(start), Some(end)) => d >= start && d < end,
        _ => false,
    }
}

fn zone_offset(zone: Zone, d: Date) -> Option<i64> {
    let standard = match zone {
        Zone::ET => -300,
        Zone::CT => -360,
        Zone::MT => -420,
        Zone::PT => -480,
        Zone::AKT => -540,
        Zone::HT => return Some(-600),
        Zone::Unknown => return None,
    };
    Some(if is_dst(d) { standard + 60 } else { standard })
}

/// The state of a deadline today.
pub fn state(d: &Deadline, today: Today) -> DeadlineState {
    let Some(date) = d.date.value().copied() else {
        return DeadlineState::Unknown;
    };
    if let Some(opens) = d.opens {
        if today.date < opens {
            return DeadlineState::NotOpenYet { opens };
        }
    }
    let days_left = today.date.days_until(date);
    let by_date = || {
        if days_left > 0 {
            DeadlineState::Open { days_left }
        } else if days_left == 0 {
            DeadlineState::LastDay
        } else {
            DeadlineState::Closed { on: date }
        }
    };
    let Some((minute, offset)) = today.clock else {
        return by_date();
    };
    // Instants in minutes since the epoch, UTC.
    let now = today.date.days_since_epoch() * 1440 + minute as i64 - offset as i64;
    let cut_local = date.days_since_epoch() * 1440
        + d.time
            .map(|(h, m)| h as i64 * 60 + m as i64)
            .unwrap_or(23 * 60 + 59);
    let (earliest, latest) = match zone_offset(d.zone, date) {
        Some(off) => (cut_local - off, cut_local - off),
        None => (cut_local - GUAM_OFFSET, cut_local - SAMOA_OFFSET),
    };
    if now > latest {
        DeadlineState::Closed { on: date }
    } else if now > earliest || days_left <= 0 {
        DeadlineState::LastDay
    } else {
        DeadlineState::Open { days_left }
    }
}

/// Opt-out and objection dates no source gives are closed once a sourced final approval hearing
/// has passed (they always come before it): never "date not confirmed" long after the hearing.
/// With no hearing date, a passed sourced claim deadline makes them "most likely over".
pub fn settle_unknown_before_hearing(deadlines: &[Deadline], states: &mut [DeadlineState]) {
    let passed = |kind: DeadlineKind| {
        deadlines.iter().zip(states.iter()).find_map(|(d, st)| {
            match (d.kind == kind, st, d.date.value()) {
                (true, DeadlineState::Closed { .. }, Some(on)) => Some(*on),
                _ => None,
            }
        })
    };
    let settled = match (
        passed(DeadlineKind::FinalHearing),
        passed(DeadlineKind::Claim),
    ) {
        (Some(hearing), _) => DeadlineState::ClosedBeforeHearing { hearing },
        (None, Some(claims_closed)) => DeadlineState::ProbablyClosed { claims_closed },
        (None, None) => return,
    };
    for (d, st) in deadlines.iter().zip(states.iter_mut()) {
        if matches!(d.kind, DeadlineKind::OptOut | DeadlineKind::Objection)
            && *st == DeadlineState::Unknown
        {
            *st = settled.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Fact;
    use crate::model::DeadlineKind;

    fn dl(date: &str, zone: Zone, time: Option<(u8, u8)>) -> Deadline {
        Deadline {
            kind: DeadlineKind::Claim,
            date: Fact::known(Date::parse(date).unwrap(), 0),
            channels: vec![],
            time,
            zone,
            opens: None,
            note: None,
        }
    }
    fn on(s: &str) -> Today {
        Today::on(Date::parse(s).unwrap())
    }

    #[test]
    fn by_date_day_before_of_after() {
        let d = dl("2024-07-25", Zone::Unknown, None);
        assert_eq!(
            state(&d, on("2024-07-24")),
            DeadlineState::Open { days_left: 1 }
        );
        assert_eq!(state(&d, on("2024-07-25")), DeadlineState::LastDay);
        assert_eq!(state(&d, on("2024-07-26")).code(), "closed");
        let u = Deadline {
            date: Fact::Unverified {
                reason: crate::text::Text::new("x", "x"),
            },
            ..d.clone()
        };
        assert_eq!(state(&u, on("2024-07-24")), DeadlineState::Unknown);
        let o = Deadline {
            opens: Date::parse("2024-07-01"),
            ..d
        };
        assert_eq!(state(&o, on("2024-06-30")).code(), "not_open");
    }

    #[test]
    fn unknown_zone_stays_last_day_until_every_us_zone_has_passed() {
        let d = dl("2024-07-25", Zone::Unknown, None);
        // 00:30 on the 26th in New York (EDT, -240): still the 25th in Hawaii and Samoa.
        let ny_after_midnight = Today {
            date: Date::parse("2024-07-26").unwrap(),
            clock: Some((30, -240)),
        };
        assert_eq!(state(&d, ny_after_midnight), DeadlineState::LastDay);
        // 11:00 on the 26th in New York: past midnight in American Samoa too.
        let ny_late = Today {
            date: Date::parse("2024-07-26").unwrap(),
            clock: Some((660, -240)),
        };
        assert_eq!(state(&d, ny_late).code(), "closed");
        // 20:00 on the 25th in Guam (+600): the deadline may already have passed there.
        let guam = Today {
            date: Date::parse("2024-07-25").unwrap(),
            clock: Some((1200, 600)),
        };
        assert_eq!(state(&d, guam), DeadlineState::LastDay);
        // 22:00 on the 24th in Los Angeles: open everywhere.
        let la = Today {
            date: Date::parse("2024-07-24").unwrap(),
            clock: Some((1320, -420)),
        };
        assert_eq!(state(&d, la), DeadlineState::Open { days_left: 1 });
    }

    #[test]
    fn eastern_cut_off_with_daylight_saving() {
        // Comcast: 11:59 PM ET on 2026-09-14 (EDT, UTC-4).
        let d = dl("2026-09-14", Zone::ET, Some((23, 59)));
        let la_2100 = Today {
            date: Date::parse("2026-09-14").unwrap(),
            clock: Some((21 * 60, -420)),
        };
        assert_eq!(
            state(&d, la_2100).code(),
            "closed",
            "21:00 PDT is 00:00 EDT the next day"
        );
        let la_2030 = Today {
            date: Date::parse("2026-09-14").unwrap(),
            clock: Some((20 * 60 + 30, -420)),
        };
        assert_eq!(state(&d, la_2030), DeadlineState::LastDay);
        assert!(is_dst(Date::parse("2026-09-14").unwrap()));
        assert!(!is_dst(Date::parse("2026-12-14").unwrap()));
        assert!(
            is_dst(Date::parse("2026-03-08").unwrap()),
            "second Sunday of March 2026"
        );
        assert!(!is_dst(Date::parse("2026-03-07").unwrap()));
        assert!(
            !is_dst(Date::parse("2026-11-01").unwrap()),
            "first Sunday of November 2026"
        );
    }
}
