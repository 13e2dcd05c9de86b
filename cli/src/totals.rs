//! Totals for `claimcheck unverified`: how many values each settlement sources and how many it
//! leaves unverified, counted over the settlement's serialized facts.
//!
//! Knows the serialized shape of a fact (`t = known | unverified`), nothing of settlements.

/// Facts counted in one settlement: sourced values, unverified values, and the other sources'
/// readings kept beside a sourced value (`also`).
#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub sourced: usize,
    pub unverified: usize,
    pub also: usize,
}

pub fn count_facts(v: &serde_json::Value, t: &mut Tally) {
    match v {
        serde_json::Value::Object(m) => {
            match m.get("t").and_then(|x| x.as_str()) {
                Some("known") if m.contains_key("main") => {
                    t.sourced += 1;
                    t.also += m
                        .get("also")
                        .and_then(|a| a.as_array())
                        .map_or(0, |a| a.len());
                }
                Some("unverified") if m.contains_key("reason") => t.unverified += 1,
                _ => {}
            }
            m.values().for_each(|x| count_facts(x, t));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| count_facts(x, t)),
        _ => {}
    }
}

pub fn print(tally: &[(String, &str, Tally)]) {
    let pct = |s: usize, u: usize| (s * 100).checked_div(s + u).unwrap_or(0);
    println!();
    println!("Totals (sourced / unverified values):");
    let mut all = Tally::default();
    for (id, detail, t) in tally {
        println!(
            "  {id} ({detail}): {} sourced, {} unverified",
            t.sourced, t.unverified
        );
        all.sourced += t.sourced;
        all.unverified += t.unverified;
        all.also += t.also;
    }
    for detail in ["full", "short"] {
        let (n, s, u) = tally
            .iter()
            .filter(|(_, d, _)| *d == detail)
            .fold((0, 0, 0), |(n, s, u), (_, _, t)| {
                (n + 1, s + t.sourced, u + t.unverified)
            });
        println!("  all {n} {detail} entries: {s} sourced, {u} unverified");
    }
    println!(
        "Overall: {} sourced, {} unverified ({}% sourced) in {} settlements; {} more readings from other sources kept beside sourced values",
        all.sourced,
        all.unverified,
        pct(all.sourced, all.unverified),
        tally.len(),
        all.also
    );
}
