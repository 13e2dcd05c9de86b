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

/// What the page must do, from `Idle::tick`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// Show the warning (once per idle spell).
    Warn,
    /// Erase the answers; the clock starts over.
    Erase,
}

/// The time of the last activity (a key, a tap, a click, typing), and whether this idle spell
/// has been warned about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Idle {
    last: f64,
    warned: bool,
}

impl Idle {
    pub fn new(now: f64) -> Idle {
        Idle {
            last: now,
            warned: false,
        }
    }

    /// Someone is there: the clock starts over.
    pub fn touch(&mut self, now: f64) {
        self.last = now;
        self.warned = false;
    }

    /// Reads the clock (the page does so every few seconds): warn once, then erase.
    pub fn tick(&mut self, now: f64) -> Option<Event> {
        match self.phase(now) {
            Phase::Active => None,
            Phase::Warning if self.warned => None,
            Phase::Warning => {
                self.warned = true;
                Some(Event::Warn)
            }
            Phase::Erase => {
                self.touch(now);
                Some(Event::Erase)
            }
        }
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
    fn ticks_warn_once_per_idle_spell_then_erase() {
        let mut idle = Idle::new(0.0);
        let ticks = |idle: &mut Idle, from: f64, to: f64| -> Vec<(f64, Event)> {
            let mut out = Vec::new();
            let mut t = from;
            while t <= to {
                if let Some(e) = idle.tick(t) {
                    out.push((t / MIN, e));
                }
                t += 5_000.0; // the page's tick
            }
            out
        };
        assert_eq!(
            ticks(&mut idle, 0.0, 16.0 * MIN),
            [(14.0, Event::Warn), (15.0, Event::Erase)]
        );
        // "Keep my answers" during the warning, then idle again: a second warning.
        let mut idle = Idle::new(0.0);
        assert_eq!(ticks(&mut idle, 0.0, 14.5 * MIN), [(14.0, Event::Warn)]);
        idle.touch(14.5 * MIN);
        assert_eq!(
            ticks(&mut idle, 14.5 * MIN, 30.0 * MIN),
            [(28.5, Event::Warn), (29.5, Event::Erase)]
        );
        // A sleeping laptop that wakes after an hour: erased at the first tick, no warning.
        let mut idle = Idle::new(0.0);
        assert_eq!(idle.tick(60.0 * MIN), Some(Event::Erase));
        assert_eq!(idle.tick(60.0 * MIN + 5_000.0), None);
    }

    #[test]
    fn a_clock_going_backwards_or_nan_is_not_idleness() {
        let idle = Idle::new(100.0 * MIN);
        assert_eq!(idle.phase(0.0), Phase::Active);
        assert_eq!(idle.phase(f64::NAN), Phase::Active);
    }
}
