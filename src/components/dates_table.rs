//! The "Important dates" table: what, when, how, and where it stands today (days left, last
//! day, closed on, not open yet, not confirmed). Stacks into cards on narrow screens.

use crate::components::clicks::focus_on_click;
use crate::components::fact::fact;
use crate::components::names::title;
use crate::format;
use crate::i18n::{t, K};
use crate::pack::pack;
use crate::present::{
    self, channels, cut_off, deadline_status, deadline_urgency, kind_label, state_class, Pair,
};
use claimcheck_engine::eval::{DeadlineState, SettlementResult};
use claimcheck_engine::model::{DeadlineKind, Settlement};
use claimcheck_engine::names::Named;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Row {
    pub settlement: String,
    pub deadline: usize,
    pub state: DeadlineState,
}

/// The rows for one settlement's deadlines: the claim deadline first, then the others, most
/// urgent first.
pub fn result_rows(s: &Settlement, r: &SettlementResult) -> Vec<Row> {
    let not_claim = |i: usize| {
        s.deadlines
            .get(i)
            .is_some_and(|d| d.kind != DeadlineKind::Claim)
    };
    let mut rows: Vec<Row> = r
        .deadlines
        .iter()
        .map(|d| Row {
            settlement: r.id.clone(),
            deadline: d.index,
            state: d.state.clone(),
        })
        .collect();
    crate::order::sort_by_key(&mut rows, |x| {
        (not_claim(x.deadline), deadline_urgency(&x.state))
    });
    rows
}

/// The rows for the combined table of these results: the deadlines that still matter.
pub fn top_rows(results: &[Pair]) -> Vec<Row> {
    present::top_rows(present::date_rows(results))
        .iter()
        .map(|r| Row {
            settlement: r.settlement.id.clone(),
            deadline: r
                .settlement
                .deadlines
                .iter()
                .position(|d| std::ptr::eq(d, r.deadline))
                .unwrap_or(0),
            state: r.state.clone(),
        })
        .collect()
}

/// The table of `rows`; `with_settlement` shows the settlement column (the combined table at
/// the top of the results).
pub fn dates_table(
    rows: &[Row],
    with_settlement: bool,
    id: Option<&'static str>,
    lang: Lang,
) -> Html {
    if rows.is_empty() {
        return html! { <p class="no-dates">{ t(K::NoDates, lang) }</p> };
    }
    // An in-page #id link would change the route: move focus to the card's heading instead.
    let jump = |id: &str| focus_on_click(["s-", id, "-name"].concat());
    html! {
        <table class="dates-table" id={id}>
            <thead>
                <tr>
                    if with_settlement { <th scope="col">{ t(K::ColSettlement, lang) }</th> }
                    <th scope="col">{ t(K::ColWhat, lang) }</th>
                    <th scope="col">{ t(K::ColDate, lang) }</th>
                    <th scope="col">{ t(K::ColHow, lang) }</th>
                    <th scope="col">{ t(K::ColStatus, lang) }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().filter_map(|r| {
                    let s = pack().settlement(&r.settlement)?;
                    let d = s.deadlines.get(r.deadline)?;
                    let how = channels(&d.channels, lang);
                    // The time-of-day note matters only while something can still be done.
                    let note = matches!(r.state, DeadlineState::Open { .. } | DeadlineState::LastDay | DeadlineState::NotOpenYet { .. })
                        .then(|| cut_off(d, lang))
                        .flatten();
                    Some(html! {
                        <tr class={classes!("deadline", format!("deadline-{}", state_class(&r.state)))}
                            data-settlement={s.id.clone()} data-kind={d.kind.name()} data-state={state_class(&r.state)}>
                            if with_settlement {
                                <td data-label={t(K::ColSettlement, lang)}>
                                    <a href={format!("#s-{}", s.id)} class="jump" data-jump={s.id.clone()}
                                        onclick={jump(&s.id)}>{ title(s, lang) }</a>
                                </td>
                            }
                            <td data-label={t(K::ColWhat, lang)}>{ kind_label(d.kind, lang) }</td>
                            <td data-label={t(K::ColDate, lang)}>
                                { fact(&d.date, s, lang, &|x| format::date_long(*x, lang)) }
                                if let Some(n) = &d.note { <span class="fact-note">{ " " }{ n.get(lang) }</span> }
                            </td>
                            <td data-label={t(K::ColHow, lang)}>{ if how.is_empty() { "—".to_string() } else { how } }</td>
                            <td data-label={t(K::ColStatus, lang)} class="deadline-status">
                                <strong class="status-text">{ deadline_status(d, &r.state, lang) }</strong>
                                if let Some(n) = note { <span class="cut-off">{ n }</span> }
                            </td>
                        </tr>
                    })
                }) }
            </tbody>
        </table>
    }
}
