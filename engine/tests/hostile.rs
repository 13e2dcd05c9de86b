mod common;
fn show(label: &str, acme: &str) {
    let e = common::errors(acme);
    let s = if e.is_empty() {
        "LOADS".to_string()
    } else {
        e.join("\n   ")
    };
    println!("== {label}: {}", &s[..s.len().min(300)]);
}
#[test]
fn probe() {
    let a = common::ACME;
    let depth: usize = std::env::var("D").unwrap().parse().unwrap();
    let k = std::env::var("K").unwrap();
    if k == "p" {
        let p = format!(
            "when = \"{}insider = yes{}\"",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        show(
            &format!("parens {depth}"),
            &a.replace("when = \"insider = yes\"", &p),
        );
    } else if k == "n" {
        let p = format!("when = \"{}insider = yes\"", "not ".repeat(depth));
        show(
            &format!("nots {depth}"),
            &a.replace("when = \"insider = yes\"", &p),
        );
    } else if k == "pe" {
        let s = format!("{}insider = yes{}", "(".repeat(depth), ")".repeat(depth));
        let r = claimcheck_engine::expr::parse(&s, &mut Vec::new());
        println!("parse only {depth}: {}", r.is_ok());
    } else {
        let p = format!("combine = \"{}all_of(one_of(monitoring, any_of(losses, lost_time), cash), ca_award){}\"", "one_of(".repeat(depth), ")".repeat(depth));
        show(&format!("combo {depth}"), &a.replace("combine = \"all_of(one_of(monitoring, any_of(losses, lost_time), cash), ca_award)\"", &p));
    }
}
