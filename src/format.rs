//! Dates, money, counts and hours in the words a person reads, for en-US and es-US, without a
//! date or locale crate: "Thursday, July 25, 2024" / "jueves, 25 de julio de 2024", "$7,500".

use claimcheck_engine::date::MONTHS_EN;
use claimcheck_engine::text::Lang;
use claimcheck_engine::{Cents, Date};

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
/// Monday first, as `Date::weekday` counts.
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DAYS_ES: [&str; 7] = [
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// "July 25, 2024" / "25 de julio de 2024".
pub fn date(d: Date, lang: Lang) -> String {
    let m = (d.month() - 1) as usize;
    match lang {
        Lang::En => format!("{} {}, {}", MONTHS_EN[m], d.day(), d.year()),
        Lang::Es => format!("{} de {} de {}", d.day(), MONTHS_ES[m], d.year()),
    }
}

/// "Thursday, July 25, 2024" / "jueves, 25 de julio de 2024".
pub fn date_long(d: Date, lang: Lang) -> String {
    let w = d.weekday() as usize;
    match lang {
        Lang::En => format!("{}, {}", DAYS_EN[w], date(d, lang)),
        Lang::Es => format!("{}, {}", DAYS_ES[w], date(d, lang)),
    }
}

/// "$7,500" or "$12.50" (the same in es-US).
/// `c` in lower case for the Latin-1 letters claimcheck's texts start with (A-Z, À-Þ); any other
/// character unchanged. Saves the app the full Unicode case table.
pub fn lower_latin1(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        other => other,
    }
}

pub fn money(c: Cents) -> String {
    c.to_string()
}

/// "3,000,000" (U.S. grouping, also used in es-US).
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Quarter hours as a plain number: 10 -> "2.5", 9 -> "2.25", 8 -> "2".
pub fn hours(quarters: u32) -> String {
    let whole = quarters / 4;
    match quarters % 4 {
        0 => whole.to_string(),
        1 => format!("{whole}.25"),
        2 => format!("{whole}.5"),
        _ => format!("{whole}.75"),
    }
}

/// Today's date from the browser's local calendar fields.
pub fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
    Date::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        let d = Date::parse("2024-07-25").unwrap();
        assert_eq!(date_long(d, Lang::En), "Thursday, July 25, 2024");
        assert_eq!(date_long(d, Lang::Es), "jueves, 25 de julio de 2024");
        assert_eq!(date(d, Lang::En), "July 25, 2024");
        assert_eq!(date(d, Lang::Es), "25 de julio de 2024");
        let s = Date::parse("2026-11-29").unwrap();
        assert_eq!(date_long(s, Lang::En), "Sunday, November 29, 2026");
    }

    #[test]
    fn money_counts_hours() {
        assert_eq!(money(Cents(750_000)), "$7,500");
        assert_eq!(money(Cents(1250)), "$12.50");
        assert_eq!(count(3_000_000), "3,000,000");
        assert_eq!(count(999), "999");
        assert_eq!(hours(10), "2.5");
        assert_eq!(hours(9), "2.25");
        assert_eq!(hours(8), "2");
        assert_eq!(hours(3), "0.75");
    }

    #[test]
    fn lowers_latin1_letters_only() {
        assert_eq!(super::lower_latin1('C'), 'c');
        assert_eq!(super::lower_latin1('É'), 'é');
        assert_eq!(super::lower_latin1('Þ'), 'þ');
        assert_eq!(super::lower_latin1('×'), '×');
        assert_eq!(super::lower_latin1('¿'), '¿');
        assert_eq!(super::lower_latin1('c'), 'c');
    }
}
