//! Reading what a person types: dollar amounts and hours, with the message to show beside the
//! field. The parsing itself is the engine's; this maps its errors to bilingual texts.

use crate::i18n::K;
use claimcheck_engine::answers::parse_hours;
use claimcheck_engine::money::{MoneyError, MAX_PERSON_AMOUNT};
use claimcheck_engine::Cents;

/// Digits from other scripts a keyboard may type (Arabic-Indic, Persian, Devanagari, Bengali,
/// full-width) as ASCII digits, with the Arabic decimal and thousands marks and full-width
/// punctuation as "." and ","; everything else unchanged (and then refused by the parsers).
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| {
            let zero = match c {
                '\u{0660}'..='\u{0669}' => 0x0660,
                '\u{06F0}'..='\u{06F9}' => 0x06F0,
                '\u{0966}'..='\u{096F}' => 0x0966,
                '\u{09E6}'..='\u{09EF}' => 0x09E6,
                '\u{FF10}'..='\u{FF19}' => 0xFF10,
                '\u{066B}' | '\u{FF0E}' => return '.',
                '\u{066C}' | '\u{FF0C}' => return ',',
                '\u{FF04}' => return '$',
                '\u{FF1A}' => return ':',
                _ => return c,
            };
            char::from_digit(c as u32 - zero, 10).unwrap_or(c)
        })
        .collect()
}

pub fn money(text: &str) -> Result<Cents, K> {
    match Cents::parse(&ascii_digits(text)) {
        Ok(c) if c > MAX_PERSON_AMOUNT => Err(K::ErrMoneyTooLarge),
        Ok(c) => Ok(c),
        Err(MoneyError::Empty) => Err(K::ErrMoneyEmpty),
        Err(MoneyError::Negative) => Err(K::ErrMoneyNegative),
        Err(MoneyError::NotANumber) => Err(K::ErrMoneyNotNumber),
        Err(MoneyError::BadGrouping) => Err(K::ErrMoneyGrouping),
        Err(MoneyError::BadCents) => Err(K::ErrMoneyCents),
        Err(MoneyError::TooLarge) => Err(K::ErrMoneyTooLarge),
    }
}

/// Hours as quarter hours.
pub fn hours(text: &str) -> Result<u32, K> {
    if text.trim().is_empty() {
        return Err(K::ErrHoursEmpty);
    }
    parse_hours(&ascii_digits(text)).map_err(|m| {
        if m.contains("minutes") {
            K::ErrHoursMinutes
        } else if m.contains("too many") || m.contains("plausible") {
            K::ErrHoursTooMany
        } else {
            K::ErrHoursFormat
        }
    })
}

/// An amount as it is shown back in the field: "7,500" or "12.50" (the "$" is outside).
pub fn money_field(c: Cents) -> String {
    c.to_string().trim_start_matches('$').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_messages() {
        assert_eq!(money("$1,250.50"), Ok(Cents(125_050)));
        assert_eq!(money("300"), Ok(Cents(30_000)));
        assert_eq!(money(""), Err(K::ErrMoneyEmpty));
        assert_eq!(money("-3"), Err(K::ErrMoneyNegative));
        assert_eq!(money("lots"), Err(K::ErrMoneyNotNumber));
        assert_eq!(money("7,50"), Err(K::ErrMoneyGrouping));
        assert_eq!(money("1.234"), Err(K::ErrMoneyCents));
        assert_eq!(money("2000000000"), Err(K::ErrMoneyTooLarge));
        assert_eq!(money_field(Cents(750_000)), "7,500");
        // Digits of other scripts count as the same digits.
        assert_eq!(money("٣٠٠"), Ok(Cents(30_000)));
        assert_eq!(money("۱٬۲۵۰٫۵۰"), Ok(Cents(125_050)));
        assert_eq!(money("＄１２．５０"), Ok(Cents(1_250)));
        assert_eq!(money("१००"), Ok(Cents(10_000)));
        assert_eq!(money("٣x"), Err(K::ErrMoneyNotNumber));
    }

    #[test]
    fn hours_messages() {
        assert_eq!(hours("2.5"), Ok(10));
        assert_eq!(hours("2:30"), Ok(10));
        assert_eq!(hours(" "), Err(K::ErrHoursEmpty));
        assert_eq!(hours("two"), Err(K::ErrHoursFormat));
        assert_eq!(hours("2:75"), Err(K::ErrHoursMinutes));
        assert_eq!(hours("99999"), Err(K::ErrHoursTooMany));
        assert_eq!(hours("٢٫٥"), Ok(10));
        assert_eq!(hours("２：３０"), Ok(10));
    }
}
