//! A small inline SVG chart for pro-rata estimates: what each claimant gets as the share of
//! the class that claims goes from 2% to 15%, with the 4%-9% band shaded. No chart library.

use crate::chart::{self, BOTTOM, HEIGHT, LEFT, RIGHT, TOP};
use crate::format;
use crate::i18n::{fill, t, K};
use claimcheck_engine::text::Lang;
use claimcheck_engine::Cents;
use yew::prelude::*;

/// The figures the chart is drawn from (the engine's pro-rata range).
pub struct Props<'a> {
    /// Unique within the page: the start of the chart's ids.
    pub id: &'a str,
    pub low: Cents,
    pub high: Cents,
    pub net_fund: Cents,
    pub class_size: u64,
}

pub fn estimate_chart(p: &Props, lang: Lang) -> Html {
    let net = p.net_fund.0;
    let top = chart::per_person(net, p.class_size, chart::RATE_MIN);
    let (x4, x9) = (chart::x(4.0), chart::x(9.0));
    let y4 = chart::y(chart::per_person(net, p.class_size, 4.0), top);
    let y9 = chart::y(chart::per_person(net, p.class_size, 9.0), top);
    let title_id = format!("{}-title", p.id);
    let desc_id = format!("{}-desc", p.id);
    let words = fill(
        K::ChartAssumptions,
        lang,
        &[
            &format::money(p.net_fund),
            &format::count(p.class_size),
            &format::money(p.high),
            &format::money(p.low),
        ],
    );
    let n = chart::num;
    html! {
        <figure class="chart" data-testid="estimate-chart">
            <svg viewBox={chart::VIEW_BOX} role="img"
                aria-labelledby={format!("{title_id} {desc_id}")} class="chart-svg">
                <title id={title_id.clone()}>{ t(K::ChartTitle, lang) }</title>
                <desc id={desc_id.clone()}>{ words.clone() }</desc>
                <rect class="chart-band" x={n(x4)} y={n(TOP)} width={n(x9 - x4)} height={n(BOTTOM - TOP)} />
                <line class="chart-axis" x1={n(LEFT)} y1={n(BOTTOM)} x2={n(RIGHT)} y2={n(BOTTOM)} />
                <polyline class="chart-line" points={chart::curve(net, p.class_size)} />
                <circle class="chart-dot" cx={n(x4)} cy={n(y4)} r="3.5" />
                <circle class="chart-dot" cx={n(x9)} cy={n(y9)} r="3.5" />
                <text class="chart-label" x={n(x4 + 6.0)} y={n((y4 - 6.0).max(TOP + 10.0))}>{ format::money(p.high) }</text>
                <text class="chart-label" x={n(x9 + 6.0)} y={n(y9 - 6.0)}>{ format::money(p.low) }</text>
                <text class="chart-tick" x={n(x4)} y={n(BOTTOM + 14.0)} text-anchor="middle">{ "4%" }</text>
                <text class="chart-tick" x={n(x9)} y={n(BOTTOM + 14.0)} text-anchor="middle">{ "9%" }</text>
                <text class="chart-tick" x={n(chart::x(2.0))} y={n(BOTTOM + 14.0)} text-anchor="start">{ "2%" }</text>
                <text class="chart-tick" x={n(chart::x(15.0))} y={n(BOTTOM + 14.0)} text-anchor="end">{ "15%" }</text>
                <text class="chart-axis-label" x={n((LEFT + RIGHT) / 2.0)} y={n(HEIGHT - 2.0)} text-anchor="middle">{ t(K::ChartAxis, lang) }</text>
            </svg>
            <figcaption>{ words }</figcaption>
        </figure>
    }
}
