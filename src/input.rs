//! Reading what a person types: dollar amounts and hours, with the message to show beside the
//! field. The parsing itself is the engine's; this maps its errors to bilingual texts.

use crate::i18n::K;
use claimcheck_engine::answers::parse_hours;
use claimcheck_engine::money::{MoneyError, MAX_PERSON_AMOUNT};
use claimcheck_engine::Cents;

pub fn money(text: &str) -> Result<Cents, K> {
    match Cents::parse(text) {
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
    parse_hours(text).map_err(|m| {
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
    }

    #[test]
    fn hours_messages() {
        assert_eq!(hours("2.5"), Ok(10));
        assert_eq!(hours("2:30"), Ok(10));
        assert_eq!(hours(" "), Err(K::ErrHoursEmpty));
        assert_eq!(hours("two"), Err(K::ErrHoursFormat));
        assert_eq!(hours("2:75"), Err(K::ErrHoursMinutes));
        assert_eq!(hours("99999"), Err(K::ErrHoursTooMany));
    }
}
