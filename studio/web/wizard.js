// The new-settlement wizard's writer: a plain object from the wizard's form -> settlement.toml,
// scenarios.toml and the organisations to add to organisations.toml, in the project's style
// (rules/README.md). Wherever the author gives no source, the value is written as `unverified`
// with a reason; a value is never left empty or made up.
//
// Knows the rule files' format; knows nothing of the page (no DOM), so it runs in node too.

const NO_SOURCE = {
  en: "The author of this entry had no source for this value when writing it.",
  es: "Quien escribió esta ficha no tenía una fuente para este dato.",
};
const NO_DEFINITION = {
  en: "We did not read the class definition; this entry rests on the sources listed.",
  es: "No leímos la definición del grupo de demandantes; esta ficha se basa en las fuentes indicadas.",
};
const NEVER_PAY = {
  en: "You never need to pay a filing service or anyone else to get a settlement payment. The official site is the one listed here.",
  es: "Nunca tiene que pagarle a un servicio de trámites ni a nadie para recibir un pago de un Acuerdo. El sitio oficial es el que aparece aquí.",
};

export const STATUSES = [
  "litigation_pending", "settlement_proposed", "claims_open", "claims_closed", "paying_out",
  "status_unknown", "no_settlement_found",
];
export const DEADLINE_KINDS = ["claim", "opt_out", "objection", "final_hearing", "enrollment"];
export const CHANNELS = ["online", "postmark", "received", "phone"];
export const ZONES = ["unknown", "ET", "CT", "MT", "PT", "AKT", "HT"];
export const BENEFIT_KINDS = ["flat_cash", "pro_rata_cash"];
export const COMBINES = ["one_of", "any_of", "all_of"];

/// A TOML basic string (JSON's escapes are valid TOML ones).
const str = (s) => JSON.stringify(String(s));
const text = (t) => `{ en = ${str(t.en)}, es = ${str(t.es)} }`;
const clean = (s) => String(s ?? "").trim();

/// A lower-case id made of letters, digits and hyphens.
export function slug(s) {
  return clean(s)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/// `{ value = ..., source = "..." }` when the author named a source, else `unverified`.
function fact(valueToml, source) {
  const src = clean(source);
  if (valueToml !== null && src) return `{ value = ${valueToml}, source = ${str(src)} }`;
  return `{ unverified = ${text(NO_SOURCE)} }`;
}

function sources(form) {
  return (form.sources || [])
    .filter((s) => clean(s.id) && clean(s.href))
    .map((s) => [
      "[[source]]",
      `id = ${str(clean(s.id))}`,
      `href = ${str(clean(s.href))}`,
      `title = ${str(clean(s.title) || clean(s.href))}`,
      `checked = ${clean(s.checked)}`,
      "",
    ].join("\n"));
}

/// The organisations the wizard names, with ids; `existing` ids are reused, not added again.
export function organisations(form) {
  return (form.organisations || [])
    .filter((o) => clean(o.name))
    .map((o) => ({
      id: clean(o.id) || slug(o.name),
      name: clean(o.name),
      aliases: String(o.aliases || "").split(",").map(clean).filter(Boolean),
    }));
}

function routes(form, orgs) {
  return orgs.map((o) => [
    "[[class.route]]",
    `id = ${str(orgs.length === 1 ? "notified" : `notified-${o.id}`)}`,
    `when = ${str(`notice includes ${o.id}`)}`,
    'level = "likely"',
    `reason = ${text({
      en: `You said ${o.name} sent you a notice. People who got a notice are often in the settlement class, but we have not confirmed this settlement's class wording.`,
      es: `Usted indicó que ${o.name} le envió un aviso. Las personas que recibieron un aviso suelen formar parte del grupo de demandantes, pero no hemos confirmado cómo define este Acuerdo quiénes forman parte del grupo.`,
    })}`,
    "",
  ].join("\n"));
}

function benefits(form) {
  const list = (form.benefits || []).filter((b) => clean(b.id) && clean(b.nameEn));
  const out = list.map((b) => {
    const lines = [
      "[[benefit]]",
      `id = ${str(clean(b.id))}`,
      `kind = ${str(BENEFIT_KINDS.includes(b.kind) ? b.kind : "flat_cash")}`,
      `name = ${text({ en: clean(b.nameEn), es: clean(b.nameEs) || clean(b.nameEn) })}`,
    ];
    const amount = clean(b.amount);
    if (b.kind === "pro_rata_cash") {
      // Optional for pro-rata cash: written only when the author has a sourced figure.
      if (amount && clean(b.source)) lines.push(`amount = ${fact(str(amount), b.source)}`);
    } else {
      lines.push(`amount = ${fact(amount ? str(amount) : null, b.source)}`);
    }
    return lines.join("\n") + "\n";
  });
  if (list.length > 1) {
    const how = COMBINES.includes(form.combine) ? form.combine : "one_of";
    out.push(`[benefits]\ncombine = ${str(`${how}(${list.map((b) => clean(b.id)).join(", ")})`)}\n`);
  }
  return out;
}

function deadlines(form) {
  // A deadline is a dated fact: without a date and a source it is not written at all.
  return (form.deadlines || [])
    .filter((d) => clean(d.date) && clean(d.source))
    .map((d) => {
      const lines = [
        "[[deadline]]",
        `kind = ${str(DEADLINE_KINDS.includes(d.kind) ? d.kind : "claim")}`,
        `date = { value = ${clean(d.date)}, source = ${str(clean(d.source))} }`,
      ];
      const ch = (d.channels || []).filter((c) => CHANNELS.includes(c));
      if (ch.length) lines.push(`channels = [${ch.map(str).join(", ")}]`);
      if (clean(d.time)) lines.push(`time = ${str(clean(d.time))}`);
      lines.push(`zone = ${str(ZONES.includes(d.zone) ? d.zone : "unknown")}`);
      return lines.join("\n") + "\n";
    });
}

function nextSteps(form) {
  const site = clean(form.website);
  const steps = [];
  if (site) {
    steps.push({
      en: `Check the official site for how and when to claim: ${site}`,
      es: `Consulte el sitio web oficial del Acuerdo para saber cómo y cuándo presentar un reclamo: ${site}`,
    });
  }
  steps.push(NEVER_PAY);
  return `next_steps = [\n${steps.map((t) => `  ${text(t)},`).join("\n")}\n]`;
}

/// settlement.toml for the wizard's form.
export function settlementToml(form) {
  const id = clean(form.id) || slug(form.name);
  const orgs = organisations(form);
  const def = clean(form.definitionEn);
  const parts = [
    `# Written with the rule studio's wizard from the sources below. Values marked unverified had no`,
    `# source when this was written; the checker shows them as unknown.`,
    `id = ${str(id)}`,
    `name = ${str(clean(form.name))}`,
    `incident_family = ${str(clean(form.incidentFamily) || `${id}-breach`)}`,
    'detail = "short"',
    `summary = ${text({ en: clean(form.summaryEn), es: clean(form.summaryEs) })}`,
    nextSteps(form),
    "",
    ...sources(form),
    "[case]",
    `title = ${str(clean(form.caseTitle) || `${clean(form.name)} (case name not confirmed by us)`)}`,
    `status = ${fact(STATUSES.includes(form.status) ? str(form.status) : null, form.statusSource)}`,
    `website = ${fact(clean(form.website) ? str(clean(form.website)) : null, form.websiteSource)}`,
    "",
    "[class]",
    def && clean(form.definitionSource)
      ? `definition = ${fact(text({ en: def, es: clean(form.definitionEs) || def }), form.definitionSource)}`
      : `definition = { unverified = ${text(NO_DEFINITION)} }`,
    "",
    ...routes(form, orgs),
    ...benefits(form),
    ...deadlines(form),
  ];
  return parts.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

/// Scenarios that follow from the routes the wizard writes: a notice from each organisation is
/// "likely", no notice named is "not a member", no answers at all is "can't tell".
export function scenariosToml(form) {
  const id = clean(form.id) || slug(form.name);
  const today = clean(form.today) || clean((form.sources || [])[0]?.checked);
  const sc = (name, answers, verdict) =>
    `[[scenario]]\nname = ${str(name)}\ntoday = ${today}\nanswers = ${answers}\nexpect.verdict = ${str(verdict)}\n`;
  return [
    `# Scenarios for ${id}, written by the rule studio's wizard from the class routes.`,
    "",
    ...organisations(form).map((o) => sc(`notified by ${o.name}`, `{ notice = [${str(o.id)}] }`, "likely")),
    sc("no organisation named", "{ notice = [] }", "not_member"),
    sc("no answers at all", "{}", "cant_tell"),
  ].join("\n");
}

/// `[[organisation]]` blocks for the organisations not already in `existingText`.
export function organisationsToml(form, existingText) {
  return organisations(form)
    .filter((o) => !new RegExp(`^id\\s*=\\s*"${o.id}"`, "m").test(existingText || ""))
    .map((o) => [
      "",
      "[[organisation]]",
      `id = ${str(o.id)}`,
      `name = ${str(o.name)}`,
      `aliases = [${o.aliases.map(str).join(", ")}]`,
      `incidents = [${str(clean(form.incidentFamily) || `${clean(form.id) || slug(form.name)}-breach`)}]`,
    ].join("\n"))
    .join("\n");
}

/// The template: the wizard's output for a form whose every value is a visible placeholder the
/// author replaces. Its sources and dates are examples, named as such.
export const TEMPLATE_FORM = {
  name: "Example Company data breach settlement",
  id: "example-company",
  incidentFamily: "example-company-breach",
  summaryEn: "Replace this with what the sources say: who settled, over which breach, and the claim deadline.",
  summaryEs: "Reemplace este texto con lo que dicen las fuentes: quién llegó al Acuerdo, por qué violación de datos y la fecha límite para presentar un reclamo.",
  organisations: [{ name: "Example Company", aliases: "Example Co, Example Company Inc." }],
  sources: [{ id: "example-site", href: "https://example.com/settlement", title: "Example settlement website (replace)", checked: "2026-11-24" }],
  status: "",
  website: "",
  benefits: [],
  deadlines: [],
  today: "2026-11-24",
};
