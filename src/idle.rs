//! Shared-computer mode's idle clock: after 14 minutes without activity a warning, after 15 the
//! answers are erased. Pure: "now" (milliseconds on any clock) is always passed in, so tests
//! drive it and the page feeds it `Date.now()`. It knows nothing of timers or the page.

/// When the warning appears.
pub const WARN_AFTER_MS: f64 = 14.0 * 60_000.0;
/// When the answers are erased.
pub const ERASE_AFTER_MS: f64 = 15.0 * 60_000.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Active,
    /// "Your answers will be erased in 1 minute".
    Warning,
    Erase,
}

/// The time of the last activity (a key, a tap, a click, typing, scrolling).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Idle {
    last: f64,
}

impl Idle {
    pub fn new(now: f64) -> Idle {
        Idle { last: now }
    }

    pub fn touch(&mut self, now: f64) {
        self.last = now;
    }

    /// Where the clock stands. A clock that went backwards (the device's time was changed)
    /// counts as activity, never as idleness.
    pub fn phase(&self, now: f64) -> Phase {
        let idle = now - self.last;
        if idle >= ERASE_AFTER_MS {
            Phase::Erase
        } else if idle >= WARN_AFTER_MS {
            Phase::Warning
        } else {
            Phase::Active // also NaN
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const MIN: f64 = 60_000.0;

    #[test]
    fn warns_at_14_minutes_and_erases_at_15() {
        let t0 = 1_700_000_000_000.0;
        let idle = Idle::new(t0);
        assert_eq!(idle.phase(t0), Phase::Active);
        assert_eq!(idle.phase(t0 + 13.0 * MIN), Phase::Active);
        assert_eq!(idle.phase(t0 + 14.0 * MIN - 1.0), Phase::Active);
        assert_eq!(idle.phase(t0 + 14.0 * MIN), Phase::Warning);
        assert_eq!(idle.phase(t0 + 15.0 * MIN - 1.0), Phase::Warning);
        assert_eq!(idle.phase(t0 + 15.0 * MIN), Phase::Erase);
        assert_eq!(idle.phase(t0 + 600.0 * MIN), Phase::Erase);
    }

    #[test]
    fn activity_restarts_the_clock() {
        let mut idle = Idle::new(0.0);
        idle.touch(14.5 * MIN); // "Keep my answers" during the warning
        assert_eq!(idle.phase(15.0 * MIN), Phase::Active);
        assert_eq!(idle.phase(28.5 * MIN), Phase::Warning);
        assert_eq!(idle.phase(29.5 * MIN), Phase::Erase);
    }

    #[test]
    fn a_clock_going_backwards_or_nan_is_not_idleness() {
        let idle = Idle::new(100.0 * MIN);
        assert_eq!(idle.phase(0.0), Phase::Active);
        assert_eq!(idle.phase(f64::NAN), Phase::Active);
    }
}
