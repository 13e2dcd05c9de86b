//! Why the verdict: each reason the engine gave, with the class wording it rests on. Each kind
//! of reason is first laid out as data (its class, paragraphs, questions, wording), then one
//! piece of markup shows them all.

use crate::components::fact::clause;
use crate::i18n::{t, K};
use crate::pack::pack;
use claimcheck_engine::eval::Reason;
use claimcheck_engine::fact::Fact;
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::{Lang, Text};
use yew::prelude::*;

/// One reason, laid out.
struct Laid<'a> {
    class: &'static str,
    paras: Vec<String>,
    /// The questions that would settle it (a list, even if empty), if it is that kind.
    questions: Option<&'a [String]>,
    /// The class wording it rests on.
    wording: Option<&'a Fact<Text>>,
}

fn lay_out<'a>(r: &'a Reason, s: &'a Settlement, lang: Lang) -> Laid<'a> {
    let route_text = |i: usize| {
        s.class
            .routes
            .get(i)
            .map(|r| r.reason.get(lang).to_string())
            .unwrap_or_default()
    };
    let route_wording = |i: usize| s.class.routes.get(i).and_then(|r| r.clause.as_ref());
    let exclusion = |i: usize, k: K| {
        let x = s.class.exclusions.get(i);
        let text = x.map(|x| x.reason.get(lang)).unwrap_or_default();
        (
            [t(k, lang), " ", text].concat(),
            x.and_then(|x| x.clause.as_ref()),
        )
    };
    let said = |k: K| t(k, lang).to_string();
    let laid = |class, paras, questions, wording| Laid {
        class,
        paras,
        questions,
        wording,
    };
    match r {
        Reason::RouteMet { route } => laid(
            "reason reason-met",
            vec![route_text(*route)],
            None,
            route_wording(*route),
        ),
        Reason::Possible { route } => laid(
            "reason reason-possible",
            vec![route_text(*route), said(K::ReasonPossible)],
            None,
            route_wording(*route),
        ),
        Reason::RouteNotMet { route } => {
            // Without wording to quote, say so plainly: the route's own description ("You said
            // 23andMe sent you a notice") would read as if the person had said it.
            let wording = route_wording(*route);
            let k = if wording.is_none() {
                K::ReasonNotMetPlain
            } else {
                K::ReasonNotMet
            };
            laid("reason reason-not-met", vec![said(k)], None, wording)
        }
        Reason::Missing { route, questions } => laid(
            "reason reason-missing",
            vec![said(K::ReasonMissing)],
            Some(questions),
            route_wording(*route),
        ),
        Reason::Excluded { exclusion: i } => {
            let (text, wording) = exclusion(*i, K::ReasonExcluded);
            laid("reason reason-excluded", vec![text], None, wording)
        }
        Reason::ExclusionUnknown {
            exclusion: i,
            questions,
        } => {
            let (text, _) = exclusion(*i, K::ReasonExclusionUnknown);
            laid(
                "reason reason-exclusion-unknown",
                vec![text],
                Some(questions),
                None,
            )
        }
        Reason::NotCertified => laid("reason", vec![said(K::ReasonNotCertified)], None, None),
        Reason::DefinitionUnverified => {
            laid("reason", vec![said(K::ReasonDefUnverified)], None, None)
        }
    }
}

fn question_text(id: &str, lang: Lang) -> String {
    pack()
        .question(id)
        .map(|x| x.text.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn reason_item(r: &Reason, s: &Settlement, lang: Lang) -> Html {
    let l = lay_out(r, s, lang);
    html! {
        <li class={l.class}>
            { for l.paras.into_iter().map(|x| html! { <p>{ x }</p> }) }
            if let Some(qs) = l.questions {
                <ul class="missing">
                    { for qs.iter().map(|q| html! { <li>{ question_text(q, lang) }</li> }) }
                </ul>
            }
            { for l.wording.map(|c| clause(c, s, lang)) }
        </li>
    }
}

/// The reasons for a settlement's verdict, as a list.
pub fn reasons(s: &Settlement, reasons: &[Reason], lang: Lang) -> Html {
    html! {
        <ul class="reasons">
            { for reasons.iter().map(|r| reason_item(r, s, lang)) }
        </ul>
    }
}
