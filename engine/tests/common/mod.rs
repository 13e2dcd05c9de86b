//! Shared helpers for the engine's integration tests: a tiny in-memory rule pack and a
//! deterministic random number generator (no external crates).

#![allow(dead_code)]

use claimcheck_engine::load::{load_files, Loaded};

pub const PACK: &str = "checked_on = 2026-11-24\n";

pub const QUESTIONS: &str = r#"
[[question]]
id = "notice"
kind = "organisations"
text = { en = "Who sent you a notice?", es = "¿Quién le envió un aviso?" }
why = { en = "Classes follow notices.", es = "Los grupos siguen los avisos." }
not_sure = true

[[question]]
id = "us_resident"
kind = "yes_no"
text = { en = "Did you live in the U.S.?", es = "¿Vivía en los EE. UU.?" }
why = { en = "U.S. only.", es = "Solo EE. UU." }
not_sure = true

[[question]]
id = "state"
kind = "state"
text = { en = "Which state?", es = "¿Qué estado?" }
why = { en = "Subclasses.", es = "Subgrupos." }
not_sure = true

[[question]]
id = "insider"
kind = "yes_no"
text = { en = "Do you work for them?", es = "¿Trabaja para ellos?" }
why = { en = "Excluded.", es = "Excluidos." }
not_sure = true

[[question]]
id = "had_costs"
kind = "yes_no"
text = { en = "Did you spend money?", es = "¿Gastó dinero?" }
why = { en = "Losses.", es = "Pérdidas." }
not_sure = true

[[question]]
id = "costs"
kind = "money"
ask_if = "had_costs = yes"
text = { en = "How much?", es = "¿Cuánto?" }
why = { en = "Estimate.", es = "Estimación." }
not_sure = true

[[question]]
id = "hours"
kind = "hours"
text = { en = "How many hours?", es = "¿Cuántas horas?" }
why = { en = "Lost time.", es = "Tiempo perdido." }
not_sure = true
"#;

pub const ORGS: &str = r#"
[[organisation]]
id = "acme"
name = "Acme Corp"
aliases = ["Acme"]
incidents = ["acme-2024"]

[[organisation]]
id = "other"
name = "Other Inc"
incidents = ["other-2024"]
"#;

/// A full settlement: U.S. residents notified by Acme; insiders excluded; a California
/// subclass; exactly one of monitoring, losses (with lost time inside a $1,000 cap) or cash.
pub const ACME: &str = r#"
id = "acme"
name = "Acme"
incident_family = "acme-2024"
detail = "full"
summary = { en = "Acme breach.", es = "Violación de datos de Acme." }
next_steps = [ { en = "Keep your notice.", es = "Guarde su aviso." } ]

[[source]]
id = "site"
href = "https://example.org/acme"
title = "Acme settlement site"
checked = 2026-11-24

[case]
title = "Doe v. Acme"
number = { value = "1:24-cv-1", source = "site" }
court = { value = "D. Test", source = "site" }
judge = { unverified = { en = "not stated", es = "no se indica" } }
status = { value = "claims_open", source = "site" }
website = { value = "https://example.org/acme", source = "site" }
fund = { value = "$1,000,000", source = "site" }

[incident]
start = { value = 2024-01-10, source = "site" }
people = { value = 100000, source = "site" }
data = { value = { en = "names", es = "nombres" }, source = "site" }

[class]
definition = { value = { en = "U.S. residents notified by Acme", es = "Residentes de EE. UU. notificados por Acme" }, source = "site" }

[[class.route]]
id = "notified"
when = "notice includes acme and us_resident = yes"
level = "member"
reason = { en = "Acme notified you.", es = "Acme le notificó." }

[[class.exclusion]]
id = "insiders"
when = "insider = yes"
reason = { en = "Employees are excluded.", es = "Los empleados están excluidos." }

[[subclass]]
id = "california"
name = { en = "California", es = "California" }
when = "state = CA"

[[benefit]]
id = "monitoring"
kind = "monitoring"
name = { en = "Monitoring", es = "Monitoreo" }
years = { value = 2, source = "site" }

[[benefit]]
id = "losses"
kind = "documented_losses"
name = { en = "Losses", es = "Pérdidas" }
cap = { value = "$1,000", source = "site" }
inputs = ["costs"]

[[benefit]]
id = "lost_time"
kind = "lost_time"
name = { en = "Lost time", es = "Tiempo perdido" }
rate = { value = "$25", source = "site" }
max_hours = { value = 4, source = "site" }
step_minutes = 60
counts_toward = "losses"
proof = "attested"

[[benefit]]
id = "cash"
kind = "pro_rata_cash"
name = { en = "Cash", es = "Efectivo" }

[[benefit]]
id = "ca_award"
kind = "statutory_award"
name = { en = "California award", es = "Pago de California" }
amount = { value = "$100", source = "site" }
only_for = "california"

[benefits]
combine = "all_of(one_of(monitoring, any_of(losses, lost_time), cash), ca_award)"

[[deadline]]
kind = "claim"
date = { value = 2026-12-01, source = "site" }
channels = ["online", "postmark"]
zone = "unknown"
"#;

pub fn files(acme: &str) -> Vec<(String, String)> {
    vec![
        ("rules/pack.toml".into(), PACK.into()),
        ("rules/questions.toml".into(), QUESTIONS.into()),
        ("rules/organisations.toml".into(), ORGS.into()),
        ("rules/acme/settlement.toml".into(), acme.into()),
    ]
}

pub fn load(acme: &str) -> Loaded {
    match load_files(&files(acme)) {
        Ok(l) => l,
        Err(e) => panic!(
            "{}",
            e.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

pub fn errors(acme: &str) -> Vec<String> {
    match load_files(&files(acme)) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|x| x.to_string()).collect(),
    }
}

/// xorshift64*: deterministic, good enough to pick answers.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}
