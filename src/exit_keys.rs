//! Quick exit from the keyboard: Escape pressed twice within a second leaves the page.
//!
//! An Escape that a control on the page owns does not count, and breaks the sequence: in the
//! organisation search box Escape closes the open list and clears the typed text (the ARIA
//! combobox pattern), so there it never leaves; Tab out of the box, or use the Leave button.
//! Other keys in between (Shift, Tab) neither count nor break the pair; a held-down Escape's
//! repeats count as other keys. Pure: the time is passed in; it knows nothing of the page.

/// The most time between the two presses.
pub const WINDOW_MS: f64 = 1_000.0;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EscapeTwice {
    first: Option<f64>,
}

/// A key press as the page sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// Escape that nothing on the page uses.
    Escape,
    /// Escape that a control owns (the search box: closing its list, clearing its text).
    EscapeUsed,
    /// Any other key, or an auto-repeat.
    Other,
}

impl EscapeTwice {
    /// Records a press at `now`; true when this is the second free Escape within the window.
    pub fn press(&mut self, now: f64, p: Press) -> bool {
        if p != Press::Escape {
            if p == Press::EscapeUsed {
                self.first = None;
            }
            return false;
        }
        match self.first {
            Some(t) if now >= t && now - t <= WINDOW_MS => {
                self.first = None;
                true
            }
            _ => {
                self.first = Some(now);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Press::*;

    fn run(keys: &[(f64, Press)]) -> Vec<bool> {
        let mut e = EscapeTwice::default();
        keys.iter().map(|(t, p)| e.press(*t, *p)).collect()
    }

    #[test]
    fn two_escapes_within_a_second_leave() {
        assert_eq!(run(&[(0.0, Escape), (400.0, Escape)]), [false, true]);
        assert_eq!(run(&[(0.0, Escape), (1000.0, Escape)]), [false, true]);
    }

    #[test]
    fn slow_escapes_do_not() {
        assert_eq!(
            run(&[(0.0, Escape), (1001.0, Escape), (1500.0, Escape)]),
            [false, false, true],
            "the late press starts a new pair"
        );
    }

    #[test]
    fn a_used_escape_breaks_the_pair() {
        // Search box: close the list, clear the text, then two free presses.
        assert_eq!(
            run(&[
                (0.0, EscapeUsed),
                (100.0, EscapeUsed),
                (200.0, Escape),
                (300.0, Escape)
            ]),
            [false, false, false, true]
        );
        assert_eq!(
            run(&[(0.0, Escape), (100.0, EscapeUsed), (200.0, Escape)]),
            [false, false, false]
        );
    }

    #[test]
    fn repeats_and_other_keys_do_not_count() {
        // Other keys between two Escapes are ignored; the pair still needs two free Escapes
        // within the second.
        assert_eq!(
            run(&[(0.0, Escape), (100.0, Other), (200.0, Escape)]),
            [false, false, true]
        );
        assert_eq!(run(&[(0.0, Other), (50.0, Other)]), [false, false]);
        // A clock going backwards never completes a pair.
        assert_eq!(run(&[(500.0, Escape), (100.0, Escape)]), [false, false]);
        // After leaving, the next press starts afresh.
        assert_eq!(
            run(&[(0.0, Escape), (10.0, Escape), (20.0, Escape)]),
            [false, true, false]
        );
    }
}
