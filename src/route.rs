//! Screens and their addresses (hash routing). Addresses name screens, questions and
//! settlements, never an answer.

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

pub fn to_hash(r: &Route) -> String {
    match r {
        Route::Start => "#/".into(),
        Route::Question(q) if q.is_empty() => "#/check".into(),
        Route::Question(q) => format!("#/check/{q}"),
        Route::Results => "#/results".into(),
        Route::Summary => "#/summary".into(),
        Route::Browse => "#/browse".into(),
        Route::Settlement(id) => format!("#/settlement/{id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for r in [
            Route::Start,
            Route::Question("notice".into()),
            Route::Question(String::new()),
            Route::Results,
            Route::Summary,
            Route::Browse,
            Route::Settlement("moveit-mdl".into()),
        ] {
            assert_eq!(parse(&to_hash(&r)), r);
        }
        assert_eq!(parse(""), Route::Start);
        assert_eq!(parse("#/settlement/<script>"), Route::Browse);
        assert_eq!(parse("#/nonsense"), Route::Start);
    }
}
