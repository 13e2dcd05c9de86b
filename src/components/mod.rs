//! The Yew components, one per file. They read the app state from context and lay out what
//! the engine and `present` computed; none of them decides a verdict, a date or an amount.

pub mod alert;
pub mod app;
pub mod benefit_facts;
pub mod browse;
pub mod calendar_button;
pub mod clicks;
pub mod clock_notice;
pub mod dates_table;
pub mod error_summary;
pub mod estimate;
pub mod estimate_chart;
pub mod fact;
pub mod fold;
pub mod footer;
pub mod header;
pub mod message_banner;
pub mod names;
pub mod org_picker;
pub mod param_notice;
pub mod plans;
pub mod question;
pub mod reasons;
pub mod results;
pub mod settlement_card;
pub mod settlement_page;
pub mod shared;
pub mod sources;
pub mod start;
pub mod summary;
pub mod unsure;
