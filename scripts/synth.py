#!/usr/bin/env python3
"""Writes a synthetic rules folder for scale measurements (scripts/perf.sh, scripts/e2e.sh's
budget): today's rules/ plus generated settlements up to 1,000 and organisations up to 5,000,
each organisation with aliases. Test data only: never published, never read by the app's build.

    scripts/synth.py OUT [--settlements 1000] [--organisations 5000] [--full-every 10]

Every tenth added settlement (--full-every N; 0 for none) is a copy of a full entry (rules/comcast, under a new id, matching
the same notice as the original so that a person notified by Comcast matches many); the others
are short entries shaped like rules/23andme, each with its own generated organisation, name,
dates and texts (so that compression finds no verbatim repetition to exploit beyond what real
entries share). Deterministic: the same arguments write the same files.

Python 3 standard library only.
"""

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ["an", "bel", "cor", "dan", "el", "fro", "gar", "hal", "in", "jor", "kel", "lum",
             "mar", "nor", "ost", "pel", "quin", "ros", "sal", "tor", "ul", "ver", "wil", "zen"]
KINDS = ["Health", "Bank", "Medical Center", "Credit Union", "Software", "Insurance",
         "Dental Partners", "Pharmacy", "School District", "Logistics", "Hospital", "Labs"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


USED: set[str] = set()


def org_entry(i: int, rng: random.Random, incident: str | None) -> tuple[str, str]:
    base = word(rng)
    while base in USED:  # every generated name and alias is unique
        base = word(rng) + word(rng)
    USED.add(base)
    kind = rng.choice(KINDS)
    name = f"{base} {kind}"
    aliases = [base, f"{base} {kind}, Inc.", f"{base} {kind[:3]}.", f"{base.lower()}{kind.split()[0].lower()}"]
    rng.shuffle(aliases)
    aliases = aliases[: rng.randint(2, 4)]
    oid = f"synth-org-{i}"
    lines = ["[[organisation]]", f'id = "{oid}"', f'name = "{name}"',
             "aliases = [" + ", ".join(f'"{a}"' for a in aliases) + "]"]
    if incident:
        lines.append(f'incidents = ["{incident}"]')
    return oid, "\n".join(lines) + "\n"


def short_entry(template: str, sid: str, oid: str, org_name: str, rng: random.Random) -> str:
    y, m, d = rng.choice([2025, 2026, 2027]), rng.randint(1, 12), rng.randint(1, 28)
    date = f"{y}-{m:02d}-{d:02d}"
    en, es = f"{MONTHS[m - 1]} {d}, {y}", f"{d} de {MESES[m - 1]} de {y}"
    text = template.replace('id = "23andme"', f'id = "{sid}"', 1)
    text = (text.replace("2026-02-17", date).replace("February 17, 2026", en)
            .replace("17 de febrero de 2026", es).replace("23andMe", org_name)
            .replace('"23andme"', f'"{oid}"').replace("23andme-breach", f"{oid}-breach"))
    return text.replace(f'name = "{org_name} data breach settlement"',
                        f'name = "{org_name} data breach settlement ({sid})"', 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--settlements", type=int, default=1000)
    ap.add_argument("--organisations", type=int, default=5000)
    ap.add_argument("--full-every", type=int, default=10)
    a = ap.parse_args()
    rng = random.Random(12)
    shutil.rmtree(a.out, ignore_errors=True)
    shutil.copytree(ROOT / "rules", a.out)
    have = sum(1 for p in a.out.iterdir() if (p / "settlement.toml").exists())
    orgs_text = (a.out / "organisations.toml").read_text(encoding="utf-8")
    n_orgs = orgs_text.count("[[organisation]]")
    short = (ROOT / "rules" / "23andme" / "settlement.toml").read_text(encoding="utf-8")
    full = (ROOT / "rules" / "comcast" / "settlement.toml").read_text(encoding="utf-8")
    added_orgs = []
    next_org = 0
    for k in range(a.settlements - have):
        sid = f"synth-{k}"
        (a.out / sid).mkdir()
        if a.full_every > 0 and k % a.full_every == 0:
            body = full.replace('id = "comcast"', f'id = "{sid}"', 1)
        else:
            oid, entry = org_entry(next_org, rng, f"synth-org-{next_org}-breach")
            next_org += 1
            added_orgs.append(entry)
            name = entry.split('name = "')[1].split('"')[0]
            body = short_entry(short, sid, oid, name, rng)
        (a.out / sid / "settlement.toml").write_text(body, encoding="utf-8")
    while n_orgs + len(added_orgs) < a.organisations:
        _, entry = org_entry(next_org, rng, None)
        next_org += 1
        added_orgs.append(entry)
    with open(a.out / "organisations.toml", "a", encoding="utf-8") as f:
        f.write("\n# ---- synthetic organisations (scripts/synth.py) ----\n\n" + "\n".join(added_orgs))
    print(f"[synth] {a.out}: {max(a.settlements, have)} settlements, {n_orgs + len(added_orgs)} organisations")


if __name__ == "__main__":
    main()
