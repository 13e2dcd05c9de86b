//! Screens and their addresses (hash routing). An address the app writes names only the kind
//! of screen (`#/check`, `#/settlement`), never a question, a settlement or an answer: the
//! browser's history and its titles are read by whoever uses the device next. Which question or
//! settlement an entry stands for is kept here, in memory, under the number the entry carries
//! (`Entries`), so Back and Forward still work and nothing of it outlives the page.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    /// A question by id; empty means "wherever the questionnaire is".
    Question(String),
    Results,
    Summary,
    Browse,
    Settlement(String),
}

fn safe_id(s: &str) -> Option<String> {
    claimcheck_engine::saved::is_id(s).then(|| s.to_string())
}

/// Reads `#/check/notice`, `#/results`, `#/settlement/connexin`, ...; anything else is Start.
pub fn parse(hash: &str) -> Route {
    let h = hash.trim_start_matches('#').trim_start_matches('/');
    let mut parts = h.splitn(2, '/');
    let head = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("").trim_end_matches('/');
    match head {
        "check" => Route::Question(safe_id(rest).unwrap_or_default()),
        "results" => Route::Results,
        "summary" => Route::Summary,
        "browse" => Route::Browse,
        "settlement" => match safe_id(rest) {
            Some(id) => Route::Settlement(id),
            None => Route::Browse,
        },
        _ => Route::Start,
    }
}

impl Route {
    /// A screen of the questionnaire or its results (which hold answers while the page lives).
    pub fn is_walk(&self) -> bool {
        matches!(self, Route::Question(_) | Route::Results | Route::Summary)
    }
}

/// The address the app writes for a screen: its kind only (links in may still name a
/// question or a settlement; `parse` reads them and the app replaces them with this).
pub fn to_hash(r: &Route) -> &'static str {
    match r {
        Route::Start => "#/",
        Route::Question(_) => "#/check",
        Route::Results => "#/results",
        Route::Summary => "#/summary",
        Route::Browse => "#/browse",
        Route::Settlement(_) => "#/settlement",
    }
}

/// The screens of this page's history entries, by the number each entry carries. Memory only.
#[derive(Default)]
pub struct Entries(Vec<Route>);

impl Entries {
    /// Keeps `r` and returns the number its history entry is to carry.
    pub fn remember(&mut self, r: Route) -> u32 {
        self.0.push(r);
        (self.0.len() - 1) as u32
    }

    /// The screen of an entry this page made, if it made it.
    pub fn recall(&self, n: u32) -> Option<Route> {
        self.0.get(n as usize).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for r in [
            Route::Start,
            Route::Question(String::new()),
            Route::Results,
            Route::Summary,
            Route::Browse,
        ] {
            assert_eq!(parse(to_hash(&r)), r);
        }
        assert_eq!(parse(""), Route::Start);
        assert_eq!(parse("#/check/notice"), Route::Question("notice".into()));
        assert_eq!(
            parse("#/settlement/moveit-mdl"),
            Route::Settlement("moveit-mdl".into())
        );
        assert_eq!(parse("#/settlement/<script>"), Route::Browse);
        assert_eq!(parse("#/nonsense"), Route::Start);
    }

    #[test]
    fn written_addresses_name_no_question_or_settlement() {
        assert_eq!(to_hash(&Route::Question("moveit-state".into())), "#/check");
        assert_eq!(
            to_hash(&Route::Settlement("moveit-mdl".into())),
            "#/settlement"
        );
    }

    #[test]
    fn entries_lead_back_to_their_screen() {
        let mut e = Entries::default();
        let a = e.remember(Route::Question("notice".into()));
        let b = e.remember(Route::Settlement("connexin".into()));
        assert_eq!(e.recall(a), Some(Route::Question("notice".into())));
        assert_eq!(e.recall(b), Some(Route::Settlement("connexin".into())));
        assert_eq!(e.recall(b + 1), None);
    }
}
