//! What the results say, in words: verdict and deadline sentences, deadline states, ordering,
//! answers as text, calendar events. Pure functions of the engine's results, so the wording is
//! tested natively; the components only lay it out.

use crate::format;
use crate::i18n::{fill, t, K};
use crate::ics::Event;
use claimcheck_engine::answers::{Answer, Claimant};
use claimcheck_engine::date::Date;
use claimcheck_engine::eval::{DeadlineState, SettlementResult, StatusView, Verdict};
use claimcheck_engine::model::{
    Channel, Deadline, DeadlineKind, Pack, Question, QuestionKind, Settlement, Status, Zone,
};
use claimcheck_engine::names::Named;
use claimcheck_engine::text::Lang;

/// Nothing to claim yet: no certified (settlement) class, or a lawsuit with no settlement found.
pub fn is_pending(s: &Settlement) -> bool {
    !s.class.certified
        || matches!(
            s.case.status.value(),
            Some(Status::LitigationPending) | Some(Status::NoSettlementFound)
        )
}

/// "You are probably included in the Connexin settlement class."
pub fn verdict_sentence(s: &Settlement, v: Verdict, lang: Lang) -> String {
    verdict_for(s, v, false, lang)
}

/// Whether the person said they are checking for their child.
pub fn for_child(answers: &claimcheck_engine::answers::Answers) -> bool {
    claimcheck_engine::answers::claimant(answers) == Some(Claimant::Minor)
}

/// The verdict in words, about the person or (`child`) about their child: "Your child is
/// probably included in the Connexin settlement class."
pub fn verdict_for(s: &Settlement, v: Verdict, child: bool, lang: Lang) -> String {
    // Without a certified (settlement) class, there is only a proposed class in a lawsuit.
    let pending = is_pending(s);
    let k = match (v, pending, child) {
        (Verdict::Member, false, false) => K::VerdictMember,
        (Verdict::Likely, false, false) => K::VerdictLikely,
        (Verdict::CantTell, false, false) => K::VerdictCantTell,
        (Verdict::NotMember, false, false) => K::VerdictNot,
        (Verdict::Member | Verdict::Likely, true, false) => K::VerdictLikelyPending,
        (Verdict::CantTell, true, false) => K::VerdictCantTellPending,
        (Verdict::NotMember, true, false) => K::VerdictNotPending,
        (Verdict::Member, false, true) => K::ChildMember,
        (Verdict::Likely, false, true) => K::ChildLikely,
        (Verdict::CantTell, false, true) => K::ChildCantTell,
        (Verdict::NotMember, false, true) => K::ChildNot,
        (Verdict::Member | Verdict::Likely, true, true) => K::ChildLikelyPending,
        (Verdict::CantTell, true, true) => K::ChildCantTellPending,
        (Verdict::NotMember, true, true) => K::ChildNotPending,
    };
    fill(k, lang, &[&spoken_name(s, lang)])
}

/// The name as a sentence says it. English: the name, without a last "settlement" before
/// "settlement class" ("23andMe data breach settlement class"). Spanish: without the English
/// words for what it is ("23andMe", "MOVEit (In re: MOVEit, MDL No. 3083)"): the Spanish
/// sentence says "Acuerdo" or "caso" around it.
pub fn spoken_name(s: &Settlement, lang: Lang) -> String {
    if lang == Lang::Es {
        return match &s.name_es {
            Some(es) => es.clone(),
            None => core_name(&s.name),
        };
    }
    let pending = is_pending(s) || !s.class.certified;
    if pending {
        s.name.clone()
    } else {
        before_settlement_class(&s.name).to_string()
    }
}

/// English words for what a case is, dropped from its name inside a Spanish sentence (the
/// first that occurs, longest first).
const WHAT_IT_IS: [&str; 7] = [
    " data breach settlement",
    " data incident settlement",
    " data security settlement",
    " tracking-pixel settlement",
    " data settlement",
    " data breach lawsuits",
    " settlement",
];

/// The name without the English words for what it is; the whole name if nothing would remain.
pub fn core_name(name: &str) -> String {
    for w in WHAT_IT_IS {
        if let Some(i) = name.find(w) {
            let core = format!("{}{}", &name[..i], &name[i + w.len()..]);
            if !core.trim().is_empty() {
                return core.trim().to_string();
            }
        }
    }
    name.to_string()
}

/// The name as it reads before "settlement class": many names end in "settlement" ("23andMe
/// data breach settlement"), which would otherwise say "settlement settlement class".
fn before_settlement_class(name: &str) -> &str {
    const TAIL: &str = " settlement";
    let n = name.trim_end();
    match n.len().checked_sub(TAIL.len()) {
        Some(i) if i > 0 && n.is_char_boundary(i) && n[i..].eq_ignore_ascii_case(TAIL) => &n[..i],
        _ => n,
    }
}

pub fn days_left(n: i64, lang: Lang) -> String {
    if n == 1 {
        t(K::DayLeft, lang).to_string()
    } else {
        fill(K::DaysLeft, lang, &[&n.to_string()])
    }
}

/// The claim deadline and its state, if the settlement has one.
pub fn claim_deadline<'a>(
    s: &'a Settlement,
    r: &'a SettlementResult,
) -> Option<(&'a Deadline, &'a DeadlineState)> {
    r.deadlines
        .iter()
        .map(|d| (&s.deadlines[d.index], &d.state))
        .find(|(d, _)| d.kind == DeadlineKind::Claim)
}

/// Whether a claim or an enrollment may still be made (open, last day, not open yet, or a date
/// we cannot confirm): only then does the fee warning tell the person to claim on the official
/// site. After every such deadline has passed, or with none at all, it must not.
pub fn can_still_claim(s: &Settlement, r: &SettlementResult) -> bool {
    r.deadlines.iter().any(|d| {
        matches!(
            s.deadlines[d.index].kind,
            DeadlineKind::Claim | DeadlineKind::Enrollment
        ) && !matches!(d.state, DeadlineState::Closed { .. })
    })
}

/// The fee warning that fits: "claim for free on the official website" only while a claim can
/// still be made.
pub fn scam_body(open: bool) -> K {
    if open {
        K::ScamBody
    } else {
        K::ScamBodyClosed
    }
}

/// "Claims closed on July 25, 2024." and the like.
pub fn claim_sentence(s: &Settlement, r: &SettlementResult, lang: Lang) -> String {
    match claim_deadline(s, r) {
        Some((d, st)) => match st {
            DeadlineState::Open { days_left: n } => {
                let date = d
                    .date
                    .value()
                    .map(|x| format::date_long(*x, lang))
                    .unwrap_or_default();
                fill(K::ClaimOpenSentence, lang, &[&date, &days_left(*n, lang)])
            }
            DeadlineState::LastDay => {
                let date = d
                    .date
                    .value()
                    .map(|x| format::date_long(*x, lang))
                    .unwrap_or_default();
                fill(K::ClaimLastDaySentence, lang, &[&date])
            }
            DeadlineState::Closed { on } => {
                fill(K::ClaimClosedSentence, lang, &[&format::date(*on, lang)])
            }
            DeadlineState::NotOpenYet { opens } => fill(
                K::ClaimNotOpenSentence,
                lang,
                &[&format::date(*opens, lang)],
            ),
            // Only opt-out and objection dates are settled this way; a claim date never is.
            DeadlineState::ClosedBeforeHearing { .. }
            | DeadlineState::ProbablyClosed { .. }
            | DeadlineState::Unknown => t(K::ClaimUnknownSentence, lang).to_string(),
        },
        // A proposed class with no claim deadline at all (Pipes v. Ipswitch): nothing to claim,
        // not an unconfirmed deadline.
        None if is_pending(s) => {
            let asof = format::date(crate::pack::pack().checked_on, lang);
            fill(K::PendingSentence, lang, &[&asof])
        }
        None => t(K::ClaimUnknownSentence, lang).to_string(),
    }
}

/// How a claim can be sent, in words that follow "File the claim": "online, or by mail
/// postmarked by that day".
pub fn how_words(cs: &[Channel], lang: Lang) -> String {
    channel_words(
        cs,
        [K::HowOnline, K::HowPostmark, K::HowReceived, K::HowPhone],
        t(K::HowOr, lang),
        lang,
    )
}

/// Channels in words, one key per channel (online, postmark, received, phone), joined by `sep`.
fn channel_words(cs: &[Channel], keys: [K; 4], sep: &str, lang: Lang) -> String {
    cs.iter()
        .map(|c| {
            let i = match c {
                Channel::Online => 0,
                Channel::Postmark => 1,
                Channel::Received => 2,
                Channel::Phone => 3,
            };
            t(keys[i], lang)
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// The one thing to do now, after the verdict and the claim sentence: file (with the channel),
/// what still helps once claims closed, or that there is nothing to claim yet.
pub fn action_sentence(s: &Settlement, r: &SettlementResult, child: bool, lang: Lang) -> String {
    match claim_deadline(s, r) {
        Some((d, DeadlineState::Open { .. } | DeadlineState::LastDay)) => {
            let how = how_words(&d.channels, lang);
            if how.is_empty() {
                t(K::ActCheckSite, lang).to_string()
            } else {
                fill(
                    if child { K::ActFileChild } else { K::ActFile },
                    lang,
                    &[&how],
                )
            }
        }
        Some((_, DeadlineState::Closed { .. })) => t(K::ActClosed, lang).to_string(),
        Some((_, DeadlineState::NotOpenYet { .. })) => t(K::ActPending, lang).to_string(),
        None if is_pending(s) => t(K::ActPending, lang).to_string(),
        _ => t(K::ActCheckSite, lang).to_string(),
    }
}

/// Whether claims are still open or not open yet (so that benefits and estimates still matter).
pub fn claims_not_closed(s: &Settlement, r: &SettlementResult) -> bool {
    !matches!(
        claim_deadline(s, r).map(|(_, st)| st),
        Some(DeadlineState::Closed { .. })
    )
}

pub fn kind_label(k: DeadlineKind, lang: Lang) -> &'static str {
    t(
        match k {
            DeadlineKind::Claim => K::DlClaim,
            DeadlineKind::OptOut => K::DlOptOut,
            DeadlineKind::Objection => K::DlObjection,
            DeadlineKind::FinalHearing => K::DlHearing,
            DeadlineKind::Enrollment => K::DlEnrollment,
        },
        lang,
    )
}

pub fn channels(cs: &[Channel], lang: Lang) -> String {
    channel_words(
        cs,
        [K::ChOnline, K::ChPostmark, K::ChReceived, K::ChPhone],
        "; ",
        lang,
    )
}

/// "Open: 24 days left", "Closed on July 25, 2024", ... (a hearing is "In 3 days", "Took place").
pub fn deadline_status(d: &Deadline, st: &DeadlineState, lang: Lang) -> String {
    let hearing = d.kind == DeadlineKind::FinalHearing;
    match st {
        DeadlineState::Open { days_left: n } if hearing => {
            if *n == 1 {
                t(K::HearingTomorrow, lang).to_string()
            } else {
                fill(K::HearingIn, lang, &[&n.to_string()])
            }
        }
        DeadlineState::Open { days_left: n } => days_left(*n, lang),
        DeadlineState::LastDay if hearing => t(K::HearingToday, lang).to_string(),
        DeadlineState::LastDay => t(K::LastDayToday, lang).to_string(),
        DeadlineState::Closed { on } if hearing => {
            fill(K::HearingPast, lang, &[&format::date(*on, lang)])
        }
        DeadlineState::Closed { on } => fill(K::ClosedOn, lang, &[&format::date(*on, lang)]),
        DeadlineState::NotOpenYet { opens } => {
            fill(K::NotOpenYet, lang, &[&format::date(*opens, lang)])
        }
        DeadlineState::ClosedBeforeHearing { hearing } => fill(
            K::ClosedBeforeHearing,
            lang,
            &[&format::date(*hearing, lang)],
        ),
        DeadlineState::ProbablyClosed { claims_closed } => fill(
            K::ProbablyClosed,
            lang,
            &[&format::date(*claims_closed, lang)],
        ),
        DeadlineState::Unknown => t(K::DateUnknown, lang).to_string(),
    }
}

/// A short code for tests and styling: open, last-day, closed, not-open, unknown.
pub fn state_class(st: &DeadlineState) -> &'static str {
    match st {
        DeadlineState::Open { .. } => "open",
        DeadlineState::LastDay => "last-day",
        DeadlineState::Closed { .. }
        | DeadlineState::ClosedBeforeHearing { .. }
        | DeadlineState::ProbablyClosed { .. } => "closed",
        DeadlineState::NotOpenYet { .. } => "not-open",
        DeadlineState::Unknown => "unknown",
    }
}

fn clock(h: u8, m: u8, lang: Lang) -> String {
    let (h12, pm) = match h {
        0 => (12, false),
        1..=11 => (h, false),
        12 => (12, true),
        _ => (h - 12, true),
    };
    match lang {
        Lang::En => format!("{h12}:{m:02} {}", if pm { "PM" } else { "AM" }),
        Lang::Es => format!("{h12}:{m:02} {}", if pm { "p. m." } else { "a. m." }),
    }
}

/// What a person should know about the time of day: the stated cut-off, or that none was stated.
pub fn cut_off(d: &Deadline, lang: Lang) -> Option<String> {
    if d.kind == DeadlineKind::FinalHearing {
        return None;
    }
    let zone = match d.zone {
        Zone::ET => K::ZoneET,
        Zone::CT => K::ZoneCT,
        Zone::MT => K::ZoneMT,
        Zone::PT => K::ZonePT,
        Zone::AKT => K::ZoneAKT,
        Zone::HT => K::ZoneHT,
        Zone::Unknown => return Some(t(K::ZoneUnknownNote, lang).to_string()),
    };
    d.time
        .map(|(h, m)| fill(K::CutOff, lang, &[&clock(h, m, lang), t(zone, lang)]))
}

/// Sort key: open deadlines first (fewest days left first), then not yet open, unknown, closed
/// (most recently closed first).
pub fn urgency(s: &Settlement, r: &SettlementResult) -> (u8, i64) {
    match claim_deadline(s, r).map(|(_, st)| st) {
        Some(DeadlineState::LastDay) => (0, 0),
        Some(DeadlineState::Open { days_left }) => (0, *days_left),
        Some(DeadlineState::NotOpenYet { opens }) => (1, opens.days_since_epoch()),
        None | Some(DeadlineState::Unknown) => (2, 0),
        Some(DeadlineState::Closed { on }) => (3, -on.days_since_epoch()),
        Some(DeadlineState::ClosedBeforeHearing { hearing }) => (3, -hearing.days_since_epoch()),
        Some(DeadlineState::ProbablyClosed { claims_closed: d }) => (3, -d.days_since_epoch()),
    }
}

pub fn deadline_urgency(st: &DeadlineState) -> (u8, i64) {
    match st {
        DeadlineState::LastDay => (0, 0),
        DeadlineState::Open { days_left } => (0, *days_left),
        DeadlineState::NotOpenYet { opens } => (1, opens.days_since_epoch()),
        DeadlineState::Unknown => (2, 0),
        DeadlineState::Closed { on } => (3, -on.days_since_epoch()),
        DeadlineState::ClosedBeforeHearing { hearing } => (3, -hearing.days_since_epoch()),
        DeadlineState::ProbablyClosed { claims_closed: d } => (3, -d.days_since_epoch()),
    }
}

/// A settlement beside its result, so that no view searches the catalogue for it.
pub type Pair<'a> = (&'a Settlement, &'a SettlementResult);

/// Results split into: in (member / likely), can't tell, not in; each sorted.
pub struct Groups<'a> {
    pub inside: Vec<Pair<'a>>,
    pub maybe: Vec<Pair<'a>>,
    pub out: Vec<Pair<'a>>,
}

pub fn groups<'a>(pack: &'a Pack, results: &'a [SettlementResult]) -> Groups<'a> {
    // Each result is keyed once, found by its position (`evaluate` returns one result per
    // settlement in the pack's order) rather than by a search of the catalogue.
    type Keyed<'r> = Vec<(((u8, i64), String), Pair<'r>)>;
    let (mut inside, mut maybe, mut out): (Keyed, Keyed, Keyed) = (vec![], vec![], vec![]);
    for (i, r) in results.iter().enumerate() {
        let Some(s) = pack
            .settlements
            .get(i)
            .filter(|s| s.id == r.id)
            .or_else(|| pack.settlement(&r.id))
        else {
            continue;
        };
        let name = s.name.to_ascii_lowercase();
        match r.verdict {
            Verdict::Member | Verdict::Likely => inside.push(((urgency(s, r), name), (s, r))),
            Verdict::CantTell => maybe.push(((urgency(s, r), name), (s, r))),
            Verdict::NotMember => out.push((((0, 0), name), (s, r))),
        }
    }
    let sorted = |mut v: Keyed<'a>| {
        crate::order::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        v.into_iter().map(|(_, pair)| pair).collect()
    };
    Groups {
        inside: sorted(inside),
        maybe: sorted(maybe),
        out: sorted(out),
    }
}

/// One row of an "Important dates" table.
pub struct DateRow<'a> {
    pub settlement: &'a Settlement,
    pub deadline: &'a Deadline,
    pub state: &'a DeadlineState,
}

/// Deadlines of these results, most urgent first.
pub fn date_rows<'a>(results: &[Pair<'a>]) -> Vec<DateRow<'a>> {
    let mut rows = Vec::new();
    for &(s, r) in results {
        for d in &r.deadlines {
            rows.push(DateRow {
                settlement: s,
                deadline: &s.deadlines[d.index],
                state: &d.state,
            });
        }
    }
    crate::order::sort_by_key(&mut rows, |row| {
        (
            deadline_urgency(row.state),
            row.deadline.date.value().copied(),
        )
    });
    rows
}

/// The rows for a combined table: everything still ahead, and each claim deadline (past
/// opt-out, objection and hearing dates stay in each settlement's own table).
pub fn top_rows<'a>(rows: Vec<DateRow<'a>>) -> Vec<DateRow<'a>> {
    rows.into_iter()
        .filter(|r| {
            r.deadline.kind == DeadlineKind::Claim
                || !matches!(r.state, DeadlineState::Closed { .. })
        })
        .collect()
}

/// Calendar events for the deadlines still ahead (open, last day, not open yet), except one the
/// pack's own date shows has passed (the device's clock may be wrong: a phone reset to 1970
/// would call every deadline open). A postmark deadline says "postmarked by"; a deadline's
/// note and its date's note (what the date is, when that is unconfirmed) are carried.
pub fn calendar_events(rows: &[DateRow], checked_on: Date, lang: Lang) -> Vec<Event> {
    rows.iter()
        .filter(|r| {
            matches!(
                r.state,
                DeadlineState::Open { .. }
                    | DeadlineState::LastDay
                    | DeadlineState::NotOpenYet { .. }
            )
        })
        .filter_map(|r| {
            let date = *r.deadline.date.value()?;
            if date < checked_on {
                return None;
            }
            Some(calendar_event(r, date, lang))
        })
        .collect()
}

fn calendar_event(r: &DateRow, date: Date, lang: Lang) -> Event {
    let kind = kind_label(r.deadline.kind, lang);
    let name = r.settlement.name_in(lang);
    let site = r.settlement.case.website.value().cloned();
    let mut description = fill(
        K::IcsDescription,
        lang,
        &[kind, name, site.as_deref().unwrap_or("—")],
    );
    if !r.deadline.channels.is_empty() {
        description = format!("{description}\n{}", channels(&r.deadline.channels, lang));
    }
    let date_note = match &r.deadline.date {
        claimcheck_engine::fact::Fact::Known { main, .. } => main.note.as_ref(),
        _ => None,
    };
    for note in [date_note, r.deadline.note.as_ref()].into_iter().flatten() {
        description = format!("{description}\n{}", note.get(lang));
    }
    let summary = if r.deadline.channels.contains(&Channel::Postmark) {
        fill(K::IcsPostmarked, lang, &[kind, name])
    } else {
        format!("{kind}: {name}")
    };
    Event {
        uid: format!(
            "{}-{}-{}",
            r.settlement.id,
            r.deadline.kind.name(),
            date.to_string().replace('-', "")
        ),
        date,
        summary,
        description,
        url: site,
    }
}

pub fn status_text(s: Status, lang: Lang) -> &'static str {
    t(
        match s {
            Status::LitigationPending => K::StLitigationPending,
            Status::SettlementProposed => K::StSettlementProposed,
            Status::ClaimsOpen => K::StClaimsOpen,
            Status::ClaimsClosed => K::StClaimsClosed,
            Status::PayingOut => K::StPayingOut,
            Status::StatusUnknown => K::StStatusUnknown,
            Status::NoSettlementFound => K::StNoSettlementFound,
        },
        lang,
    )
}

/// A sourced status as today may show it: as it is, or "As of November 24, 2026: claims
/// closed" when today's deadline state has moved on from it (the engine's `StatusView`).
pub fn status_as_of(x: Status, view: StatusView, as_of: Date, lang: Lang) -> String {
    let text = status_text(x, lang);
    if view == StatusView::Current {
        return text.to_string();
    }
    let mut c = text.chars();
    let lower: String = c
        .next()
        .map(|f| {
            std::iter::once(crate::format::lower_latin1(f))
                .chain(c)
                .collect()
        })
        .unwrap_or_default();
    fill(K::StatusAsOf, lang, &[&format::date(as_of, lang), &lower])
}

/// The status beside the claim sentence, or `None` when it would contradict today's deadline
/// state (the engine's `StatusView::Hidden`).
pub fn status_line(
    s: &Settlement,
    r: &SettlementResult,
    as_of: Date,
    lang: Lang,
) -> Option<String> {
    match (s.case.status.value(), r.status) {
        (_, StatusView::Hidden) => None,
        (None, _) => Some(t(K::StStatusUnknown, lang).to_string()),
        (Some(x), v) => Some(status_as_of(*x, v, as_of, lang)),
    }
}

/// U.S. states and territories by postal code.
pub const STATE_NAMES: [(&str, &str); 56] = [
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    ("PR", "Puerto Rico"),
    ("GU", "Guam"),
    ("VI", "U.S. Virgin Islands"),
    ("AS", "American Samoa"),
    ("MP", "Northern Mariana Islands"),
];

/// The states and territories whose Spanish name differs from the English one (usa.gov en
/// español's forms); the others are the same in both languages.
const STATE_NAMES_ES: [(&str, &str); 20] = [
    ("DC", "Distrito de Columbia"),
    ("HI", "Hawái"),
    ("LA", "Luisiana"),
    ("MI", "Míchigan"),
    ("MS", "Misisipi"),
    ("MO", "Misuri"),
    ("NH", "Nuevo Hampshire"),
    ("NJ", "Nueva Jersey"),
    ("NM", "Nuevo México"),
    ("NY", "Nueva York"),
    ("NC", "Carolina del Norte"),
    ("ND", "Dakota del Norte"),
    ("OR", "Oregón"),
    ("PA", "Pensilvania"),
    ("SC", "Carolina del Sur"),
    ("SD", "Dakota del Sur"),
    ("WV", "Virginia Occidental"),
    ("VI", "Islas Vírgenes de los EE. UU."),
    ("AS", "Samoa Estadounidense"),
    ("MP", "Islas Marianas del Norte"),
];

pub fn state_name(code: &str, lang: Lang) -> String {
    if code == "OUTSIDE" {
        return t(K::StateOutside, lang).to_string();
    }
    if lang == Lang::Es {
        if let Some((_, n)) = STATE_NAMES_ES.iter().find(|(c, _)| *c == code) {
            return n.to_string();
        }
    }
    STATE_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| n.to_string())
        .unwrap_or_else(|| code.to_string())
}

/// An answer as the person would say it.
pub fn answer_text(pack: &Pack, q: &Question, a: &Answer, lang: Lang) -> String {
    match a {
        Answer::Yes => t(K::Yes, lang).into(),
        Answer::No => t(K::No, lang).into(),
        Answer::NotSure => match q.kind {
            QuestionKind::Organisations => t(K::OrgNotSure, lang).into(),
            _ => t(K::NotSure, lang).into(),
        },
        Answer::Choice(c) => match &q.kind {
            QuestionKind::Choice { options } => options
                .iter()
                .find(|o| &o.id == c)
                .map(|o| o.text.get(lang).to_string())
                .unwrap_or_else(|| c.clone()),
            _ => c.clone(),
        },
        Answer::Orgs(list) if list.is_empty() => t(K::OrgNone, lang).into(),
        Answer::Orgs(list) => list
            .iter()
            .map(|id| {
                pack.organisation(id)
                    .map(|o| o.name.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join("; "),
        Answer::State(s) => state_name(s, lang),
        Answer::Money(c) => format::money(*c),
        Answer::Quarters(q) => fill(K::HoursValue, lang, &[&format::hours(*q)]),
    }
}

/// The short label of a money question in a worked estimate.
pub fn input_label(pack: &Pack, question: &str, lang: Lang) -> String {
    match question {
        "costs" => t(K::LabelCosts, lang).into(),
        "fraud" => t(K::LabelFraud, lang).into(),
        q => pack
            .question(q)
            .map(|x| x.text.get(lang).to_string())
            .unwrap_or_else(|| q.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::pack;
    use claimcheck_engine::answers::Answers;
    use claimcheck_engine::eval::evaluate_settlement;
    use claimcheck_engine::fact::Fact;
    use claimcheck_engine::{evaluate, Date, Today};

    fn connexin_on(day: &str) -> (String, String) {
        let p = pack();
        let mut a = Answers::new();
        a.insert("notice".into(), Answer::Orgs(vec!["connexin".into()]));
        let res = evaluate(p, &a, Today::on(Date::parse(day).unwrap()));
        let r = res.settlements.iter().find(|r| r.id == "connexin").unwrap();
        let s = p.settlement("connexin").unwrap();
        (
            verdict_sentence(s, r.verdict, Lang::En),
            claim_sentence(s, r, Lang::En),
        )
    }

    #[test]
    fn connexin_sentences_before_on_after() {
        let (v, c) = connexin_on("2026-11-24");
        assert!(
            v.starts_with("You are probably included in the Connexin"),
            "{v}"
        );
        assert_eq!(c, "Claims closed on July 25, 2024.");
        let (_, c) = connexin_on("2024-07-24");
        assert_eq!(
            c,
            "Claims are open until Thursday, July 25, 2024 (1 day left)."
        );
        let (_, c) = connexin_on("2024-07-25");
        assert_eq!(
            c,
            "Today, Thursday, July 25, 2024, is the last day to file a claim."
        );
    }

    #[test]
    fn the_status_line_never_contradicts_the_claim_sentence() {
        let p = pack();
        let s = p.settlement("connexin").unwrap();
        let on = |day: &str, s: &Settlement| {
            let r =
                evaluate_settlement(p, s, &Answers::new(), Today::on(Date::parse(day).unwrap()));
            (
                status_line(s, &r, p.checked_on, Lang::En),
                claim_sentence(s, &r, Lang::En),
            )
        };
        // Ten days before the deadline: "claims closed" (true on the pack's date) is not shown.
        let (status, claim) = on("2024-07-15", s);
        assert_eq!(status, None);
        assert!(claim.starts_with("Claims are open until"), "{claim}");
        assert_eq!(on("2024-07-25", s).0, None);
        // After the deadline the sourced status agrees and is shown as it is.
        assert_eq!(on("2024-07-26", s).0.as_deref(), Some("Claims closed"));
        assert_eq!(on("2026-11-24", s).0.as_deref(), Some("Claims closed"));
        // A status that was true on the pack's date but that the dates have since overtaken is
        // history, dated.
        let mut open = s.clone();
        open.case.status = Fact::known(Status::ClaimsOpen, 0);
        let (status, claim) = on("2026-12-10", &open);
        assert_eq!(
            status.as_deref(),
            Some("As of December 4, 2026: claims open")
        );
        assert_eq!(claim, "Claims closed on July 25, 2024.");
        let r = evaluate_settlement(
            p,
            &open,
            &Answers::new(),
            Today::on(Date::parse("2026-12-10").unwrap()),
        );
        assert_eq!(
            status_line(&open, &r, p.checked_on, Lang::Es).as_deref(),
            Some("Al 4 de diciembre de 2026: reclamos abiertos")
        );
        // Arietis: status unverified, no date: "Status unknown" on any day.
        let a = p.settlement("arietis").unwrap();
        assert_eq!(on("2024-07-15", a).0.as_deref(), Some("Status unknown"));
    }

    #[test]
    fn names_ending_in_settlement_are_not_doubled() {
        assert_eq!(
            before_settlement_class("23andMe data breach settlement"),
            "23andMe data breach"
        );
        assert_eq!(before_settlement_class("Settlement"), "Settlement");
        assert_eq!(
            before_settlement_class("Comcast (Xfinity)"),
            "Comcast (Xfinity)"
        );
        let p = pack();
        for s in &p.settlements {
            for v in [
                Verdict::Member,
                Verdict::Likely,
                Verdict::CantTell,
                Verdict::NotMember,
            ] {
                let said = verdict_sentence(s, v, Lang::En).to_lowercase();
                assert!(!said.contains("settlement settlement"), "{said}");
            }
        }
        let s = p.settlement("23andme").unwrap();
        assert_eq!(
            verdict_sentence(s, Verdict::NotMember, Lang::En),
            "You are not in the 23andMe data breach settlement class."
        );
    }

    #[test]
    fn clock_and_cut_off() {
        assert_eq!(clock(23, 59, Lang::En), "11:59 PM");
        assert_eq!(clock(0, 5, Lang::Es), "12:05 a. m.");
        assert_eq!(
            state_name("OUTSIDE", Lang::Es),
            "Fuera de los Estados Unidos"
        );
        assert_eq!(state_name("MA", Lang::En), "Massachusetts");
        assert_eq!(state_name("NY", Lang::Es), "Nueva York");
        assert_eq!(state_name("NY", Lang::En), "New York");
        assert_eq!(state_name("MA", Lang::Es), "Massachusetts");
    }

    #[test]
    fn spanish_sentences_drop_the_english_words_for_what_a_case_is() {
        assert_eq!(core_name("23andMe data breach settlement"), "23andMe");
        assert_eq!(
            core_name("MOVEit data breach lawsuits (In re: MOVEit, MDL No. 3083)"),
            "MOVEit (In re: MOVEit, MDL No. 3083)"
        );
        assert_eq!(
            core_name("Bank of Canton (MOVEit) settlement"),
            "Bank of Canton (MOVEit)"
        );
        assert_eq!(
            core_name("Sovos Compliance (MOVEit)"),
            "Sovos Compliance (MOVEit)"
        );
        assert_eq!(core_name("settlement"), "settlement");
    }

    #[test]
    fn groups_sort_open_first() {
        let p = pack();
        let mut a = Answers::new();
        let all: Vec<String> = p.organisations.iter().map(|o| o.id.clone()).collect();
        a.insert("notice".into(), Answer::Orgs(all));
        let res = evaluate(p, &a, Today::on(p.checked_on));
        let g = groups(p, &res.settlements);
        let keys: Vec<(u8, i64)> = g.inside.iter().map(|(s, r)| urgency(s, r)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        let rows = date_rows(&g.inside);
        let ev = calendar_events(&rows, p.checked_on, Lang::En);
        assert!(ev.iter().all(|e| e.date >= p.checked_on));
    }

    /// A calendar event for deadline `kind` of settlement `id`, as if it were still ahead.
    fn event_for(id: &str, kind: DeadlineKind) -> Event {
        let p = pack();
        let s = p.settlement(id).unwrap();
        let d = s.deadlines.iter().find(|d| d.kind == kind).unwrap();
        let date = *d.date.value().unwrap();
        let row = DateRow {
            settlement: s,
            deadline: d,
            state: &DeadlineState::Open { days_left: 10 },
        };
        calendar_event(&row, date, Lang::En)
    }

    #[test]
    fn postmark_deadlines_say_postmarked_by_and_notes_are_carried() {
        // Comcast's claim deadline: online or postmarked, with a note saying so.
        let e = event_for("comcast", DeadlineKind::Claim);
        assert!(e.summary.contains("postmarked by"), "{}", e.summary);
        let p = pack();
        let c = p.settlement("comcast").unwrap();
        let note = c
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Claim)
            .and_then(|d| d.note.as_ref())
            .unwrap();
        assert!(e.description.contains(note.get(Lang::En)));
        // A date's own note (what happened on it is unconfirmed, say) is carried too. No bundled
        // date has one today, so one is added to Comcast's claim deadline.
        let mut d = c
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Claim)
            .unwrap()
            .clone();
        let claimcheck_engine::fact::Fact::Known { main, .. } = &mut d.date else {
            panic!("Comcast's claim deadline is sourced");
        };
        main.note = Some(claimcheck_engine::text::Text {
            en: "What happened on this date is not confirmed.".into(),
            es: "No se confirma qué ocurrió en esta fecha.".into(),
        });
        let date = *d.date.value().unwrap();
        let row = DateRow {
            settlement: c,
            deadline: &d,
            state: &DeadlineState::Open { days_left: 10 },
        };
        let h = calendar_event(&row, date, Lang::Es);
        assert!(
            h.description
                .contains("No se confirma qué ocurrió en esta fecha."),
            "{}",
            h.description
        );
    }

    #[test]
    fn a_clock_in_1970_gets_no_event_the_pack_knows_has_passed() {
        let p = pack();
        let mut a = Answers::new();
        let all: Vec<String> = p.organisations.iter().map(|o| o.id.clone()).collect();
        a.insert("notice".into(), Answer::Orgs(all));
        let then = Date::new(1970, 1, 1).unwrap();
        let res = evaluate(p, &a, Today::on(then));
        let g = groups(p, &res.settlements);
        let rows = date_rows(&g.inside);
        // The wrong clock calls deadlines open that closed years before the pack's date.
        assert!(rows
            .iter()
            .any(|r| matches!(r.state, DeadlineState::Open { .. })
                && r.deadline.date.value().is_some_and(|d| *d < p.checked_on)));
        let ev = calendar_events(&rows, p.checked_on, Lang::En);
        assert!(!ev.is_empty());
        assert!(ev.iter().all(|e| e.date >= p.checked_on));
    }
}
