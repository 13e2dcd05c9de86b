//! Why the verdict: each reason the engine gave, with the class wording it rests on.

use crate::components::app::Ctx;
use crate::components::fact::clause;
use crate::i18n::{t, K};
use crate::pack::pack;
use claimcheck_engine::eval::Reason;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub settlement: AttrValue,
    pub reasons: Vec<Reason>,
}

#[component]
pub fn Reasons(p: &Props) -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let Some(s) = pack().settlement(&p.settlement) else {
        return html! {};
    };
    let questions = |qs: &[String]| {
        html! {
            <ul class="missing">
                { for qs.iter().map(|q| html! {
                    <li>{ pack().question(q).map(|x| x.text.get(lang).to_string()).unwrap_or_else(|| q.clone()) }</li>
                }) }
            </ul>
        }
    };
    let route_clause = |i: usize| {
        s.class
            .routes
            .get(i)
            .and_then(|r| r.clause.as_ref())
            .map(|c| clause(c, s, lang))
    };
    html! {
        <ul class="reasons">
            { for p.reasons.iter().map(|r| match r {
                Reason::RouteMet { route } => html! {
                    <li class="reason reason-met">
                        <p>{ s.class.routes.get(*route).map(|r| r.reason.get(lang).to_string()).unwrap_or_default() }</p>
                        { for route_clause(*route) }
                    </li>
                },
                Reason::Possible { route } => html! {
                    <li class="reason reason-possible">
                        <p>{ s.class.routes.get(*route).map(|r| r.reason.get(lang).to_string()).unwrap_or_default() }</p>
                        <p>{ t(K::ReasonPossible, lang) }</p>
                        { for route_clause(*route) }
                    </li>
                },
                Reason::RouteNotMet { route } => html! {
                    <li class="reason reason-not-met">
                        <p>{ t(K::ReasonNotMet, lang) }</p>
                        { match route_clause(*route) {
                            Some(c) => c,
                            None => html! { <p>{ s.class.routes.get(*route).map(|r| r.reason.get(lang).to_string()).unwrap_or_default() }</p> },
                        } }
                    </li>
                },
                Reason::Missing { route, questions: qs } => html! {
                    <li class="reason reason-missing">
                        <p>{ t(K::ReasonMissing, lang) }</p>
                        { questions(qs) }
                        { for route_clause(*route) }
                    </li>
                },
                Reason::Excluded { exclusion } => {
                    let x = s.class.exclusions.get(*exclusion);
                    html! {
                        <li class="reason reason-excluded">
                            <p>{ t(K::ReasonExcluded, lang) }{ " " }{ x.map(|x| x.reason.get(lang).to_string()).unwrap_or_default() }</p>
                            { for x.and_then(|x| x.clause.as_ref()).map(|c| clause(c, s, lang)) }
                        </li>
                    }
                }
                Reason::ExclusionUnknown { exclusion, questions: qs } => {
                    let x = s.class.exclusions.get(*exclusion);
                    html! {
                        <li class="reason reason-exclusion-unknown">
                            <p>{ t(K::ReasonExclusionUnknown, lang) }{ " " }{ x.map(|x| x.reason.get(lang).to_string()).unwrap_or_default() }</p>
                            { questions(qs) }
                        </li>
                    }
                }
                Reason::NotCertified => html! { <li class="reason"><p>{ t(K::ReasonNotCertified, lang) }</p></li> },
                Reason::DefinitionUnverified => html! { <li class="reason"><p>{ t(K::ReasonDefUnverified, lang) }</p></li> },
            }) }
        </ul>
    }
}
