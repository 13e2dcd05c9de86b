//! Calendar files (RFC 5545): one all-day VEVENT per deadline, with two reminders (7 days and
//! 1 day before), CRLF line ends, lines folded at 75 octets, text escaped. Built in the browser
//! and downloaded as a Blob; nothing is sent.

use claimcheck_engine::Date;

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Unique and stable for the same deadline, e.g. "connexin-claim-20240725".
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
}

/// Days before the deadline at which the calendar reminds the person.
pub const ALARM_DAYS: [u32; 2] = [7, 1];

/// A UTC time stamp: date, hours, minutes, seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stamp {
    pub date: Date,
    pub h: u32,
    pub m: u32,
    pub s: u32,
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Escapes TEXT values: backslash, semicolon, comma, new line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line into pieces of at most 75 octets, never splitting a character.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for ch in line.chars() {
        let w = ch.len_utf8();
        if used + w > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += w;
    }
    out.push_str("\r\n");
}

/// The whole calendar file.
pub fn calendar(events: &[Event], stamp: Stamp) -> String {
    let mut out = String::new();
    let dtstamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ymd(stamp.date),
        stamp.h,
        stamp.m,
        stamp.s
    );
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//claimcheck//settlement deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(l, &mut out);
    }
    for e in events {
        let end = e.date.add_days(1).unwrap_or(e.date);
        fold("BEGIN:VEVENT", &mut out);
        fold(
            &format!("UID:{}@claimcheck.invalid", escape(&e.uid)),
            &mut out,
        );
        fold(&format!("DTSTAMP:{dtstamp}"), &mut out);
        fold(&format!("DTSTART;VALUE=DATE:{}", ymd(e.date)), &mut out);
        fold(&format!("DTEND;VALUE=DATE:{}", ymd(end)), &mut out);
        fold(&format!("SUMMARY:{}", escape(&e.summary)), &mut out);
        fold(&format!("DESCRIPTION:{}", escape(&e.description)), &mut out);
        if let Some(u) = &e.url {
            fold(&format!("URL:{u}"), &mut out);
        }
        fold("TRANSP:TRANSPARENT", &mut out);
        // Reminders: the calendar shows the event's summary.
        for days in ALARM_DAYS {
            fold("BEGIN:VALARM", &mut out);
            fold("ACTION:DISPLAY", &mut out);
            fold(&format!("TRIGGER;RELATED=START:-P{days}D"), &mut out);
            fold(&format!("DESCRIPTION:{}", escape(&e.summary)), &mut out);
            fold("END:VALARM", &mut out);
        }
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_day_event_with_crlf_and_folding() {
        let d = Date::parse("2024-07-25").unwrap();
        let ev = Event {
            uid: "connexin-claim-20240725".into(),
            date: d,
            summary: "Claim deadline: Connexin, Office Practicum; online".into(),
            description: "x".repeat(200) + "\nsecond line ñ",
            url: Some("https://connexindatasettlement.com".into()),
        };
        let stamp = Stamp {
            date: Date::parse("2024-07-01").unwrap(),
            h: 9,
            m: 5,
            s: 0,
        };
        let ics = calendar(&[ev], stamp);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20240725\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20240726\r\n"));
        assert!(ics.contains("DTSTAMP:20240701T090500Z\r\n"));
        assert!(ics.contains("UID:connexin-claim-20240725@claimcheck.invalid\r\n"));
        assert!(ics.contains("SUMMARY:Claim deadline: Connexin\\, Office Practicum\\; online\r\n"));
        assert!(ics.replace("\r\n ", "").contains("\\nsecond line ñ"));
        // Two reminders, a week and a day before the start of the day.
        let alarms: Vec<&str> = ics.split("BEGIN:VALARM\r\n").skip(1).collect();
        assert_eq!(alarms.len(), 2);
        assert!(alarms[0].starts_with("ACTION:DISPLAY\r\nTRIGGER;RELATED=START:-P7D\r\nDESCRIPTION:Claim deadline: Connexin\\, Office Practicum\\; online\r\nEND:VALARM\r\n"));
        assert!(alarms[1].starts_with("ACTION:DISPLAY\r\nTRIGGER;RELATED=START:-P1D\r\nDESCRIPTION:Claim deadline: Connexin\\, Office Practicum\\; online\r\nEND:VALARM\r\n"));
        // No bare LF, and every physical line is at most 75 octets.
        for line in ics.split("\r\n") {
            assert!(!line.contains('\n'));
            assert!(line.len() <= 75, "line too long: {line}");
        }
    }
}
