//! The app's state and its pure reducer (in the manner of Yew's function_todomvc example):
//! `reduce(state, action) -> state`. No browser here, so it is unit-tested natively.
//!
//! The questionnaire is a walk: starting from no answers, ask the engine's `next_question`,
//! take the person's answer to it if there is one, and go on. The walk is the list of
//! questions this person is asked; answers off the walk (made irrelevant by a changed answer)
//! are dropped, so nothing hidden ever shapes a result. The state keeps its walk (`path`): the
//! reducer walks once per change of answers, day or pack, and the views read it.
//!
//! The pack is a parameter of the reducer, never read from `pack::pack()`: the shell passes
//! the one it holds. Knows nothing of the browser or of how the pack arrived.

use crate::route::Route;
use claimcheck_engine::answers::{sanitize, Answer, Answers};
use claimcheck_engine::saved::{self, Saved};
use claimcheck_engine::text::Lang;
use claimcheck_engine::{next_question, Date, Pack, Today};

/// localStorage key; written only after the person ticks "Save my answers on this device".
/// The value is the engine's plain-text saved state (`claimcheck_engine::saved`).
pub const STORAGE_KEY: &str = "claimcheck.saved.v1";

/// A one-off message shown at the top of the next screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// "Forget my answers" erased everything.
    Forgotten,
    /// Saved answers that no longer fit the current rules (question ids), dropped on restore.
    Dropped(Vec<String>),
    /// A saved state that could not be read at all; it was removed.
    Unreadable,
    /// The other language's text file could not be downloaded, so the page stays in this one.
    LangUnavailable,
    /// The page was reloaded during a walk with Save off, so the answers are gone (known from
    /// the reload and the screen's address alone: nothing is stored to know it).
    NotKept,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub today: Today,
    pub route: Route,
    pub answers: Answers,
    /// The person came from the summary's Change link: return there once nothing is missing.
    pub changing: bool,
    /// "Save my answers on this device" is ticked.
    pub save: bool,
    pub message: Option<Message>,
    /// Shared-computer mode: answers are erased after 15 idle minutes (src/idle.rs).
    pub shared: bool,
    /// "Leave" was pressed: everything is cleared and the page goes to a neutral address.
    pub leaving: bool,
    /// The results' "settlements you are not in" fold is open. Its contents are drawn only
    /// then: they grow with the catalogue, the rest of the results with what the person matched.
    pub not_in_open: bool,
    /// The questions this person is asked, in order ([`walk`] of `answers`): kept by the
    /// reducer, so the questionnaire is walked once per change, not once per view.
    pub path: Vec<String>,
    /// Counts the walks: it changes whenever the answers, the day or the pack do, so the shell
    /// memoises the screen's evaluation on it (`view::outcome`) rather than on the answers.
    pub revision: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// The address changed (link, browser back/forward).
    Navigate(Route),
    /// Start the questionnaire; `fresh` clears earlier answers.
    Begin {
        fresh: bool,
    },
    Answer(String, Answer),
    Back,
    /// Change one answer from the summary.
    Change(String),
    SetSave(bool),
    Forget,
    Dismiss,
    SetToday(Today),
    SetShared(bool),
    /// Quick exit: erase everything, with no message (the page then leaves).
    Leave,
    /// Show a message.
    Notify(Message),
    /// The whole pack arrived (`early` replays what waited for it).
    Arrived,
    /// The "settlements you are not in" fold was opened or closed.
    NotInOpen(bool),
}

/// The questions this person is asked, in order, given their answers. The last one is
/// unanswered unless the questionnaire is complete.
pub fn walk(pack: &Pack, answers: &Answers, today: Today) -> Vec<String> {
    let mut given = Answers::new();
    let mut path = Vec::new();
    while let Some(q) = next_question(pack, &given, today) {
        path.push(q.id.clone());
        match answers.get(&q.id) {
            Some(a) => {
                given.insert(q.id.clone(), a.clone());
            }
            None => break,
        }
        if path.len() > pack.questions.len() {
            break; // the engine never asks twice; this only guards the loop
        }
    }
    path
}

/// The answers on the walk (the only ones that count).
pub fn prune(pack: &Pack, answers: &Answers, today: Today) -> Answers {
    on_path(answers, &walk(pack, answers, today))
}

/// The answers to questions on `path`. (The walk of what this returns is `path` again: a walk
/// reads only the answers on it.)
fn on_path(answers: &Answers, path: &[String]) -> Answers {
    // Inserted one by one: collecting into a map would add a sort to the page's code.
    let mut kept = Answers::new();
    for (k, v) in answers {
        if path.contains(k) {
            kept.insert(k.clone(), v.clone());
        }
    }
    kept
}

/// Reads a saved state: answers that still fit (through the engine's `sanitize`), the saved
/// language, and a message naming every answer that was dropped. Keeps whatever it can: a line
/// this version cannot read costs only itself, and organisations no longer known are taken out
/// of a list that still names others. Never panics; text that is not a saved state at all (or
/// one in the older JSON format) is `Unreadable`.
pub fn restore(pack: &Pack, text: &str, today: Today) -> (Answers, Option<Lang>, Option<Message>) {
    let Some(read) = saved::read(text) else {
        return (Answers::new(), None, Some(Message::Unreadable));
    };
    // Membership through a set: a hostile save may hold many thousands of ids.
    let mut seen: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut drop = |id: &str, dropped: &mut Vec<String>| {
        if seen.insert(id.to_string()) {
            dropped.push(id.to_string());
        }
    };
    for id in &read.unreadable {
        drop(id, &mut dropped);
    }
    let mut typed = Answers::new();
    for (id, a) in read.saved.answers {
        if let Answer::Orgs(list) = &a {
            let known: Vec<String> = list
                .iter()
                .filter(|o| pack.organisation(o).is_some())
                .cloned()
                .collect();
            // Only unknown organisations: leave the list whole, so `sanitize` drops it (an
            // empty list would mean "none of these").
            if !known.is_empty() && known.len() < list.len() {
                drop(&id, &mut dropped);
                typed.insert(id, Answer::Orgs(known));
                continue;
            }
        }
        typed.insert(id, a);
    }
    let (kept, not_fitting) = sanitize(pack, &typed);
    for e in not_fitting {
        drop(&e.question, &mut dropped);
    }
    let walked = prune(pack, &kept, today);
    // Answers valid in themselves but no longer asked under the current rules.
    for k in kept.keys() {
        if !walked.contains_key(k) {
            drop(k, &mut dropped);
        }
    }
    let msg = (!dropped.is_empty()).then_some(Message::Dropped(dropped));
    (walked, read.saved.lang, msg)
}

/// The text kept on the device for a state (only written when the person opted in), with the
/// date of the pack it was answered against.
pub fn saved_text(s: &State, pack_date: Date) -> String {
    saved::write(&Saved {
        pack_date: Some(pack_date),
        lang: Some(s.lang),
        answers: s.answers.clone(),
    })
}

impl State {
    pub fn new(pack: &Pack, lang: Lang, today: Today, route: Route) -> State {
        let mut s = State {
            lang,
            today,
            route: Route::Start,
            answers: Answers::new(),
            changing: false,
            save: false,
            message: None,
            shared: false,
            leaving: false,
            not_in_open: false,
            path: Vec::new(),
            revision: 0,
        };
        s.rewalk(pack);
        s.route = s.checked(route);
        s
    }

    /// A state resumed from saved answers (already restored).
    pub fn resumed(
        pack: &Pack,
        lang: Lang,
        today: Today,
        route: Route,
        answers: Answers,
        message: Option<Message>,
    ) -> State {
        let mut s = State {
            lang,
            today,
            route: Route::Start,
            answers,
            changing: false,
            save: true,
            message,
            shared: false,
            leaving: false,
            not_in_open: false,
            path: Vec::new(),
            revision: 0,
        };
        s.rewalk(pack);
        s.route = s.checked(route);
        s
    }

    /// Walks the questionnaire again, after the answers, the day or the pack changed, and drops
    /// the answers the walk no longer reaches (so nothing hidden shapes a result).
    pub fn rewalk(&mut self, pack: &Pack) {
        self.path = walk(pack, &self.answers, self.today);
        self.revision = self.revision.wrapping_add(1);
        if self.answers.keys().any(|k| !self.path.contains(k)) {
            self.answers = on_path(&self.answers, &self.path);
        }
    }

    /// Where the questionnaire stands: the first unanswered question, or the results.
    pub fn frontier(&self) -> Route {
        match self.path.iter().find(|q| !self.answers.contains_key(*q)) {
            Some(q) => Route::Question(q.clone()),
            None => Route::Results,
        }
    }

    /// A question route is only valid on the walk; elsewhere go where the questionnaire stands.
    fn checked(&self, route: Route) -> Route {
        match route {
            Route::Question(q) if self.path.contains(&q) => Route::Question(q),
            Route::Question(_) => self.frontier(),
            r => r,
        }
    }
}

/// The next state. `p` is the pack the app holds now (the directory's until the whole pack
/// arrives, then the whole pack: `Action::Arrived`).
pub fn reduce(p: &Pack, mut s: State, action: Action) -> State {
    match action {
        Action::SetLang(l) => {
            s.lang = l;
            if s.message == Some(Message::LangUnavailable) {
                s.message = None;
            }
        }
        Action::Notify(m) => s.message = Some(m),
        Action::Arrived => s.rewalk(p),
        Action::NotInOpen(open) => s.not_in_open = open,
        Action::SetToday(t) => {
            s.today = t;
            s.rewalk(p);
        }
        Action::Navigate(r) => {
            if r == Route::Start || matches!(r, Route::Browse | Route::Settlement(_)) {
                s.changing = false;
            }
            s.route = s.checked(r);
        }
        Action::Begin { fresh } => {
            s.message = None;
            s.changing = false;
            if fresh {
                s.answers.clear();
                s.rewalk(p);
            }
            s.route = match s.path.first() {
                Some(q) if fresh => Route::Question(q.clone()),
                Some(_) => s.frontier(),
                None => Route::Results,
            };
        }
        Action::Answer(q, a) => {
            s.message = None;
            s.answers.insert(q.clone(), a);
            s.rewalk(p);
            let path = &s.path;
            let next_unanswered = path.iter().find(|x| !s.answers.contains_key(*x)).cloned();
            s.route = if s.changing {
                match next_unanswered {
                    Some(x) => Route::Question(x),
                    None => {
                        s.changing = false;
                        Route::Summary
                    }
                }
            } else {
                match path
                    .iter()
                    .position(|x| *x == q)
                    .and_then(|i| path.get(i + 1))
                {
                    Some(x) => Route::Question(x.clone()),
                    None => match next_unanswered {
                        Some(x) => Route::Question(x),
                        None => Route::Results,
                    },
                }
            };
        }
        Action::Back => {
            let path = &s.path;
            s.route = match &s.route {
                Route::Question(q) => match path.iter().position(|x| x == q) {
                    Some(i) if i > 0 => Route::Question(path[i - 1].clone()),
                    _ => Route::Start,
                },
                Route::Results => match path.last() {
                    Some(q) => Route::Question(q.clone()),
                    None => Route::Start,
                },
                Route::Summary => Route::Results,
                Route::Settlement(_) => Route::Browse,
                _ => Route::Start,
            };
            if matches!(s.route, Route::Start | Route::Results) {
                s.changing = false;
            }
        }
        Action::Change(q) => {
            s.changing = true;
            s.route = s.checked(Route::Question(q));
        }
        Action::SetSave(on) => s.save = on,
        Action::Forget => {
            s.answers.clear();
            s.rewalk(p);
            s.save = false;
            s.changing = false;
            s.route = Route::Start;
            s.message = Some(Message::Forgotten);
        }
        Action::Dismiss => s.message = None,
        Action::SetShared(on) => s.shared = on,
        Action::Leave => {
            s.answers.clear();
            s.rewalk(p);
            s.save = false;
            s.changing = false;
            s.route = Route::Start;
            s.message = None;
            s.leaving = true;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::pack;
    use claimcheck_engine::Cents;

    /// The reducer over the pack the native build carries.
    fn reduce(s: State, a: Action) -> State {
        super::reduce(pack(), s, a)
    }

    fn today() -> Today {
        Today::on(Date::parse("2024-07-01").unwrap())
    }
    fn fresh() -> State {
        State::new(pack(), Lang::En, today(), Route::Start)
    }
    fn answer(s: State, q: &str, a: Answer) -> State {
        reduce(s, Action::Answer(q.into(), a))
    }

    #[test]
    fn begins_with_the_engines_first_question() {
        let s = reduce(fresh(), Action::Begin { fresh: true });
        let first = next_question(pack(), &Answers::new(), today()).unwrap();
        assert_eq!(s.route, Route::Question(first.id.clone()));
    }

    #[test]
    fn answering_moves_on_and_back_keeps_the_answer() {
        let s = reduce(fresh(), Action::Begin { fresh: true });
        let Route::Question(q1) = s.route.clone() else {
            panic!()
        };
        assert_eq!(q1, "notice");
        let s = answer(s, "notice", Answer::Orgs(vec!["connexin".into()]));
        let Route::Question(q2) = s.route.clone() else {
            panic!("{:?}", s.route)
        };
        assert_ne!(q2, q1);
        let s = reduce(s, Action::Back);
        assert_eq!(s.route, Route::Question("notice".into()));
        assert_eq!(
            s.answers.get("notice"),
            Some(&Answer::Orgs(vec!["connexin".into()]))
        );
        // Answering the same again moves to the same next question, still answered or not.
        let s = answer(s, "notice", Answer::Orgs(vec!["connexin".into()]));
        assert_eq!(s.route, Route::Question(q2));
    }

    #[test]
    fn changed_answer_drops_answers_that_no_longer_count() {
        let mut s = reduce(fresh(), Action::Begin { fresh: true });
        s = answer(s, "notice", Answer::Orgs(vec!["connexin".into()]));
        // Walk to the end answering yes / amounts.
        for _ in 0..20 {
            let Route::Question(q) = s.route.clone() else {
                break;
            };
            let kind = &pack().question(&q).unwrap().kind;
            use claimcheck_engine::model::QuestionKind as K;
            let a = match kind {
                K::YesNo => Answer::Yes,
                K::Choice { options } => Answer::Choice(options[0].id.clone()),
                K::State => Answer::State("PA".into()),
                K::Money => Answer::Money(Cents::dollars(300)),
                K::Hours => Answer::Quarters(8),
                K::Organisations => Answer::Orgs(vec![]),
            };
            s = answer(s, &q, a);
        }
        assert_eq!(s.route, Route::Results);
        assert!(s.answers.contains_key("costs"), "{:?}", s.answers);
        // Change had_costs to no: the amount goes.
        s = reduce(s, Action::Change("had_costs".into()));
        assert_eq!(s.route, Route::Question("had_costs".into()));
        s = answer(s, "had_costs", Answer::No);
        assert!(!s.answers.contains_key("costs"));
        assert_eq!(
            s.route,
            Route::Summary,
            "nothing left to ask: back to the summary"
        );
    }

    /// Whatever a person does, the kept walk is the walk of the answers (so the views, which read
    /// it, see what a fresh walk would give), and no answer lies off it.
    #[test]
    fn the_kept_walk_is_always_the_walk_of_the_answers() {
        use claimcheck_engine::model::QuestionKind as K;
        let orgs: Vec<String> = pack().organisations.iter().map(|o| o.id.clone()).collect();
        let days = [
            "2019-01-01",
            "2024-07-01",
            "2025-06-15",
            "2026-12-04",
            "2031-01-01",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..60 {
            let mut s = fresh();
            for _ in 0..40 {
                let action = match next(10) {
                    0 => Action::Begin {
                        fresh: next(2) == 0,
                    },
                    1 => Action::Back,
                    2 if !s.path.is_empty() => Action::Change(s.path[next(s.path.len())].clone()),
                    3 => Action::SetToday(Today::on(Date::parse(days[next(days.len())]).unwrap())),
                    4 if next(4) == 0 => Action::Forget,
                    5 => Action::Navigate(Route::Results),
                    _ => {
                        let Route::Question(q) = s.route.clone() else {
                            s = reduce(s, Action::Begin { fresh: false });
                            continue;
                        };
                        let a = match &pack().question(&q).unwrap().kind {
                            K::YesNo => [Answer::Yes, Answer::No, Answer::NotSure][next(3)].clone(),
                            K::Choice { options } => {
                                Answer::Choice(options[next(options.len())].id.clone())
                            }
                            K::State => Answer::State(["PA", "CA", "TX"][next(3)].into()),
                            K::Money => Answer::Money(Cents::dollars(next(900) as i64)),
                            K::Hours => Answer::Quarters(next(40) as u32),
                            K::Organisations => Answer::Orgs(
                                (0..next(3))
                                    .map(|_| orgs[next(orgs.len())].clone())
                                    .collect(),
                            ),
                        };
                        Action::Answer(q, a)
                    }
                };
                let before = (s.answers.clone(), s.today, s.revision);
                s = reduce(s, action);
                assert_eq!(s.path, walk(pack(), &s.answers, s.today), "{s:?}");
                if (&before.0, before.1) != (&s.answers, s.today) {
                    assert_ne!(
                        before.2, s.revision,
                        "answers or day changed, revision kept"
                    );
                }
                assert!(s.answers.keys().all(|k| s.path.contains(k)), "{s:?}");
            }
        }
    }

    #[test]
    fn question_addresses_off_the_walk_go_to_the_frontier() {
        let s = reduce(fresh(), Action::Navigate(Route::Question("hours".into())));
        assert_eq!(s.route, Route::Question("notice".into()));
        let s = reduce(s, Action::Navigate(Route::Question(String::new())));
        assert_eq!(s.route, Route::Question("notice".into()));
    }

    #[test]
    fn forget_erases_everything() {
        let mut s = reduce(fresh(), Action::Begin { fresh: true });
        s = reduce(s, Action::SetSave(true));
        s = answer(s, "notice", Answer::NotSure);
        s = reduce(s, Action::Forget);
        assert!(s.answers.is_empty());
        assert!(!s.save);
        assert_eq!(s.route, Route::Start);
        assert_eq!(s.message, Some(Message::Forgotten));
    }

    #[test]
    fn leave_erases_everything_silently_and_keeps_shared_mode() {
        let mut s = reduce(fresh(), Action::SetShared(true));
        s = reduce(s, Action::Begin { fresh: true });
        s = reduce(s, Action::SetSave(true));
        s = answer(s, "notice", Answer::Orgs(vec!["connexin".into()]));
        assert!(!s.leaving);
        let left = reduce(s.clone(), Action::Leave);
        assert!(left.answers.is_empty());
        assert!(!left.save, "so the saved copy is removed too");
        assert_eq!(left.route, Route::Start);
        assert_eq!(left.message, None);
        assert!(left.leaving);
        assert!(left.shared);
        // Forget (what the idle clock uses) keeps shared mode on as well.
        let forgot = reduce(s, Action::Forget);
        assert!(forgot.shared && forgot.answers.is_empty() && !forgot.leaving);
    }

    #[test]
    fn restore_migrates_and_reports_dropped_answers() {
        let text = "claimcheck-saved 2\npack 2020-01-01\nlang es\n\
                    notice = orgs connexin no-such-org\nretired_question = yes\n\
                    us_resident = choice maybe\ncosts = money twelve\n";
        let (answers, lang, msg) = restore(pack(), text, today());
        assert_eq!(lang, Some(Lang::Es));
        // The organisation still known is kept; the rest goes.
        assert_eq!(
            answers,
            Answers::from([("notice".into(), Answer::Orgs(vec!["connexin".into()]))]),
        );
        let Some(Message::Dropped(d)) = msg else {
            panic!("{msg:?}")
        };
        for id in ["notice", "retired_question", "us_resident", "costs"] {
            assert!(d.contains(&id.to_string()), "{id} is named: {d:?}");
        }
        // Not a saved state, or the older JSON format: unreadable, nothing restored.
        for bad in [
            "not a saved state",
            r#"{"pack_date":"2026-11-24","lang":"es","answers":{}}"#,
            "[1,2]",
            "",
        ] {
            let (a, l, m) = restore(pack(), bad, today());
            assert!(a.is_empty());
            assert_eq!(l, None);
            assert_eq!(m, Some(Message::Unreadable), "{bad}");
        }
        let h = saved::HEADER;
        // An answer of a kind this version cannot read costs only itself; a bad language is
        // ignored.
        let text = format!(
            "{h}\nlang klingon\nnotice = orgs connexin\nconnexin_affiliated = telepathy 1 2\n"
        );
        let (a, l, m) = restore(pack(), &text, today());
        assert_eq!(l, None);
        assert_eq!(
            a.get("notice"),
            Some(&Answer::Orgs(vec!["connexin".into()]))
        );
        assert_eq!(
            m,
            Some(Message::Dropped(vec!["connexin_affiliated".into()]))
        );
        // Unknown organisations are taken out of a list that names known ones, and named.
        let text = format!("{h}\nnotice = orgs gone connexin\n");
        let (a, _, m) = restore(pack(), &text, today());
        assert_eq!(
            a.get("notice"),
            Some(&Answer::Orgs(vec!["connexin".into()]))
        );
        assert_eq!(m, Some(Message::Dropped(vec!["notice".into()])));
        // Only unknown organisations: the whole answer goes (an empty list would mean "none").
        let (a, _, m) = restore(pack(), &format!("{h}\nnotice = orgs gone\n"), today());
        assert!(a.is_empty());
        assert_eq!(m, Some(Message::Dropped(vec!["notice".into()])));
        // A list repeating an organisation keeps it once, with no message.
        let many = vec!["connexin"; 10_000].join(" ");
        let (a, _, m) = restore(pack(), &format!("{h}\nnotice = orgs {many}\n"), today());
        assert_eq!(
            a.get("notice"),
            Some(&Answer::Orgs(vec!["connexin".into()]))
        );
        assert_eq!(m, None);
        // Many thousands of unknown questions: each dropped once, quickly.
        let lines: Vec<String> = (0..50_000).map(|i| format!("q{i} = yes")).collect();
        let (a, _, m) = restore(pack(), &format!("{h}\n{}\n", lines.join("\n")), today());
        assert!(a.is_empty());
        let Some(Message::Dropped(d)) = m else {
            panic!("{m:?}")
        };
        assert_eq!(d.len(), 50_000);
        // A good save round-trips with no message.
        let mut s = fresh();
        s = answer(
            reduce(s, Action::Begin { fresh: true }),
            "notice",
            Answer::Orgs(vec!["connexin".into()]),
        );
        let (a, l, m) = restore(pack(), &saved_text(&s, pack().checked_on), today());
        assert_eq!(a, s.answers);
        assert_eq!(l, Some(s.lang));
        assert_eq!(m, None);
    }
}
