// The rule studio page: holds the rule files being edited, checks them with the engine (wasm)
// as the author types, and shows problems, scenarios, the flow, unverified values and exports.
//
// Knows the page and the wasm's JSON; the TOML writing is wizard.js's, the drawing flow.js's,
// the archive zip.js's. Sends nothing anywhere; stores nothing unless the author ticks "keep".

import init, { analyse, bundled_files, draft_pack, publish_dist } from "./claimcheck_studio.js";
import * as wizard from "./wizard.js";
import { zip } from "./zip.js";
import { flowSvg, flowText } from "./flow.js";
import * as preview from "./preview.js";
import * as publishing from "./publish.js";

const $ = (id) => document.getElementById(id);
const KEEP_KEY = "claimcheck-studio-draft";
const SHARED = ["rules/pack.toml", "rules/questions.toml", "rules/organisations.toml"];

const state = { files: new Map(), focus: "", bundled: [], timer: 0, revision: 0 };

const editors = {
  settlement: $("ed-settlement"),
  scenarios: $("ed-scenarios"),
  organisations: $("ed-organisations"),
};
const labelOf = (which) =>
  which === "organisations" ? "rules/organisations.toml" : `rules/${state.focus}/${which}.toml`;

function say(text) {
  $("status").textContent = text;
}

function folders() {
  return [...state.files.keys()]
    .map((l) => l.match(/^rules\/([^/]+)\/settlement\.toml$/)?.[1])
    .filter(Boolean)
    .sort();
}

// ---------------------------------------------------------------------------- the editors

function gutter(ta) {
  const n = ta.value.split("\n").length;
  const g = ta.parentElement.querySelector(".gutter");
  if (g.dataset.n !== String(n)) {
    g.textContent = Array.from({ length: n }, (_, i) => i + 1).join("\n");
    g.dataset.n = String(n);
  }
  g.scrollTop = ta.scrollTop;
}

function fillEditors() {
  for (const [which, ta] of Object.entries(editors)) {
    ta.value = state.files.get(labelOf(which)) ?? "";
    gutter(ta);
  }
  $("ed-settlement-label").textContent = `${state.focus || "(none)"}/settlement.toml`;
  $("ed-scenarios-label").textContent = `${state.focus || "(none)"}/scenarios.toml`;
  const sel = $("focus");
  sel.replaceChildren(...folders().map((f) => new Option(f, f, false, f === state.focus)));
}

/// Puts the caret at line:col (1-based; col counts characters) of the editor holding `file`.
function goTo(file, line, col) {
  const which = Object.keys(editors).find((w) => labelOf(w) === file);
  if (!which) return;
  const ta = editors[which];
  ta.closest("details")?.setAttribute("open", "");
  const lines = ta.value.split("\n");
  let at = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) at += lines[i].length + 1;
  const here = Array.from(lines[line - 1] ?? "").slice(0, col - 1).join("");
  at += here.length;
  ta.focus();
  ta.setSelectionRange(at, at);
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (line - 3) * lh);
  gutter(ta);
}

// ---------------------------------------------------------------------------- checking

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 200);
}

function check() {
  const started = performance.now();
  const files = JSON.stringify([...state.files.entries()]);
  let a;
  try {
    a = JSON.parse(analyse(files, state.focus));
  } catch (e) {
    a = { errors: [{ file: "", line: 1, col: 1, message: `the checker failed: ${e}`, fix: "reload the page; your text is still in the editors" }], settlements: [], scenarios: [], flow: [], unverified: [] };
  }
  const ms = performance.now() - started;
  render(a);
  const main = $("main");
  main.dataset.analyseMs = ms.toFixed(1);
  main.dataset.revision = String(++state.revision);
  keep();
}

function problemItem(e) {
  const li = document.createElement("li");
  const where = `${e.file.replace(/^rules\//, "")}:${e.line}:${e.col}`;
  const editable = Object.keys(editors).some((w) => labelOf(w) === e.file);
  const head = document.createElement(editable ? "button" : "span");
  if (editable) {
    head.type = "button";
    head.className = "link";
    head.addEventListener("click", () => goTo(e.file, e.line, e.col));
  }
  head.textContent = where;
  const msg = document.createElement("span");
  msg.textContent = ` ${e.message}`;
  const fix = document.createElement("p");
  fix.className = "fix";
  fix.textContent = `Fix: ${e.fix}`;
  li.append(head, msg, fix);
  return li;
}

function render(a) {
  const n = a.errors.length;
  $("problems-count").textContent = n === 0 ? "No problems: the rules load." : `${n} problem${n === 1 ? "" : "s"}.`;
  $("problems").replaceChildren(...a.errors.map(problemItem));

  const sc = a.scenarios;
  const failed = sc.filter((s) => !s.pass).length;
  $("scenarios-count").textContent = n
    ? "Scenarios run once the problems above are fixed."
    : `${sc.length - failed} passed, ${failed} failed.`;
  $("scenarios").replaceChildren(...(n ? [] : sc).map((s) => {
    const li = document.createElement("li");
    li.className = s.pass ? "pass" : "fail";
    li.textContent = `${s.pass ? "Pass" : "Fail"}: ${s.name} (line ${s.line})`;
    if (!s.pass) {
      const ul = document.createElement("ul");
      ul.append(...s.differences.map((d) => Object.assign(document.createElement("li"), { textContent: d })));
      li.append(ul);
    }
    return li;
  }));

  if (!n) {
    const svg = flowSvg(a.flow, `Question flow of ${state.focus}`);
    $("flow").replaceChildren(...(svg ? [svg] : []));
    if (!svg) $("flow").textContent = "No flow: choose a settlement that loads.";
    $("flow-text").replaceChildren(...flowText(a.flow).map((t) => Object.assign(document.createElement("li"), { textContent: t })));
    $("unverified-count").textContent = `${a.unverified.length} value${a.unverified.length === 1 ? "" : "s"} without a source.`;
    $("unverified").replaceChildren(...a.unverified.map((u) => {
      const li = document.createElement("li");
      const code = Object.assign(document.createElement("code"), { textContent: u.path });
      li.append(code, ` ${u.reason}`);
      return li;
    }));
  } else {
    $("unverified-count").textContent = "Shown as of the last version that loaded; fix the problems above to update.";
  }
  $("flow").classList.toggle("stale", n > 0);
  $("unverified").classList.toggle("stale", n > 0);
}

// ---------------------------------------------------------------------------- loading files

function load(files, focus, how) {
  state.files = new Map(files);
  state.focus = focus && folders().includes(focus) ? focus : folders()[0] ?? "";
  fillEditors();
  say(how);
  check();
}

function withShared(files) {
  const have = new Set(files.map(([l]) => l));
  const missing = state.bundled.filter(([l]) => SHARED.includes(l) && !have.has(l));
  return [...missing, ...files];
}

function fromTemplate() {
  const f = wizard.TEMPLATE_FORM;
  const shared = state.bundled.filter(([l]) => SHARED.includes(l)).map(([l, t]) =>
    l === "rules/organisations.toml" ? [l, t + wizard.organisationsToml(f, t)] : [l, t]);
  load([
    ...shared,
    [`rules/${f.id}/settlement.toml`, wizard.settlementToml(f)],
    [`rules/${f.id}/scenarios.toml`, wizard.scenariosToml(f)],
  ], f.id, "Started from the template: replace every example value with what your sources say.");
}

/// Rule files from paths as picked or dropped: a whole rules folder, or one settlement folder.
function labelled(entries) {
  const strip = entries.map(([p, t]) => [p.split("/").filter(Boolean), t]);
  const depth = Math.min(...strip.map(([p]) => p.length));
  const out = [];
  for (const [parts, text] of strip) {
    const name = parts[parts.length - 1];
    if (!name.endsWith(".toml")) continue;
    const rel = parts.slice(Math.max(0, depth - 1));
    if (depth === 1 && ["settlement.toml", "scenarios.toml"].includes(name)) {
      out.push([`rules/${state.focus || "new-settlement"}/${name}`, text]);
    } else if (rel.length === 1 && SHARED.includes(`rules/${name}`)) {
      out.push([`rules/${name}`, text]);
    } else if (["settlement.toml", "scenarios.toml"].includes(name)) {
      out.push([`rules/${parts[parts.length - 2]}/${name}`, text]);
    }
  }
  return out;
}

async function openEntries(entries, how) {
  const files = labelled(entries);
  if (!files.length) {
    say("No rule files found there: choose a rules folder or a folder holding settlement.toml.");
    return;
  }
  // Loose settlement.toml / scenarios.toml files replace those being edited; folders replace all.
  const loose = entries.every(([p]) => !p.includes("/")) && state.focus;
  const merged = new Map(loose ? [...state.files, ...files] : withShared(files));
  const focus = files.map(([l]) => l.match(/^rules\/([^/]+)\/settlement/)?.[1]).find(Boolean);
  load([...merged], focus, `${how}: ${files.length} file${files.length === 1 ? "" : "s"}.`);
}

/// The dropped entry `item` as [[path, File], ...], into `out` (folders walked).
async function readDropped(item, path, out) {
  if (!item) return;
  if (item.isFile) {
    const file = await new Promise((ok, fail) => item.file(ok, fail));
    out.push([`${path}${file.name}`, file]);
  } else if (item.isDirectory) {
    const reader = item.createReader();
    for (;;) {
      const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) await readDropped(e, `${path}${item.name}/`, out);
    }
  }
}

// ---------------------------------------------------------------------------- wizard

const rowTemplates = {
  source: [["id", "Source id"], ["href", "Address (https://…)", "url"], ["title", "Title"], ["checked", "Checked on", "date"]],
  org: [["name", "Organisation name"], ["aliases", "Other names on notices (comma separated)"]],
  benefit: [["id", "Benefit id (e.g. cash)"], ["kind", "Kind", wizard.BENEFIT_KINDS], ["nameEn", "Name in English"], ["nameEs", "Name in Spanish"], ["amount", "Amount as the source states it (e.g. $100)"], ["source", "Source id for the amount"]],
  deadline: [["kind", "Kind", wizard.DEADLINE_KINDS], ["date", "Date", "date"], ["source", "Source id"], ["time", "Cut-off time if stated (e.g. 23:59)"], ["zone", "Time zone", wizard.ZONES], ["channels", "Channels", "channels"]],
};
let rowCount = 0;

function addRow(kind) {
  const fs = $(`w-${kind === "org" ? "orgs" : `${kind}s`}`);
  const row = document.createElement("div");
  row.className = "row";
  row.dataset.kind = kind;
  const n = ++rowCount;
  for (const [key, text, type] of rowTemplates[kind]) {
    const id = `w-${kind}-${key}-${n}`;
    if (type === "channels") {
      const group = document.createElement("fieldset");
      group.append(Object.assign(document.createElement("legend"), { textContent: text }));
      for (const c of wizard.CHANNELS) {
        const box = Object.assign(document.createElement("input"), { type: "checkbox", id: `${id}-${c}`, value: c });
        box.dataset.key = key;
        const l = Object.assign(document.createElement("label"), { htmlFor: box.id, textContent: c });
        group.append(box, l);
      }
      row.append(group);
      continue;
    }
    const l = Object.assign(document.createElement("label"), { htmlFor: id, textContent: text });
    let input;
    if (Array.isArray(type)) {
      input = document.createElement("select");
      input.append(...type.map((v) => new Option(v, v)));
    } else {
      input = Object.assign(document.createElement("input"), { type: type || "text", autocomplete: "off" });
    }
    input.id = id;
    input.dataset.key = key;
    row.append(l, input);
  }
  const remove = Object.assign(document.createElement("button"), { type: "button", textContent: "Remove" });
  remove.addEventListener("click", () => row.remove());
  row.append(remove);
  fs.querySelector(".rows").append(row);
  return row;
}

function rows(kind) {
  return [...document.querySelectorAll(`.row[data-kind="${kind}"]`)].map((row) => {
    const o = {};
    for (const input of row.querySelectorAll("[data-key]")) {
      if (input.type === "checkbox") {
        (o[input.dataset.key] ??= []);
        if (input.checked) o[input.dataset.key].push(input.value);
      } else {
        o[input.dataset.key] = input.value;
      }
    }
    return o;
  });
}

function wizardForm() {
  const f = Object.fromEntries(new FormData($("wizard-form")));
  return { ...f, sources: rows("source"), organisations: rows("org"), benefits: rows("benefit"), deadlines: rows("deadline") };
}

function openWizard(open) {
  $("wizard").hidden = !open;
  $("wizard-open").setAttribute("aria-expanded", String(open));
  if (open) {
    if (!document.querySelector(".row")) ["source", "org", "deadline"].forEach(addRow);
    $("w-name").focus();
  }
}

function submitWizard(ev) {
  ev.preventDefault();
  const f = wizardForm();
  const missing = [];
  if (!f.name.trim()) missing.push("the name");
  if (!f.summaryEn.trim() || !f.summaryEs.trim()) missing.push("the summary in English and Spanish");
  if (!f.sources.some((s) => s.id && s.href && s.checked)) missing.push("at least one source (id, address, date checked)");
  if (!f.organisations.some((o) => o.name.trim())) missing.push("at least one organisation");
  if (missing.length) {
    $("wizard-problem").textContent = `Please give ${missing.join(", ")}.`;
    return;
  }
  $("wizard-problem").textContent = "";
  f.id = f.id.trim() || wizard.slug(f.name);
  f.today = f.sources.find((s) => s.checked)?.checked;
  const shared = state.bundled.filter(([l]) => SHARED.includes(l)).map(([l, t]) => [l, state.files.get(l) ?? t]);
  const others = [...state.files].filter(([l]) => !SHARED.includes(l) && !l.startsWith(`rules/${f.id}/`));
  const withOrgs = shared.map(([l, t]) => (l === "rules/organisations.toml" ? [l, t + wizard.organisationsToml(f, t)] : [l, t]));
  openWizard(false);
  load([...withOrgs, ...others,
    [`rules/${f.id}/settlement.toml`, wizard.settlementToml(f)],
    [`rules/${f.id}/scenarios.toml`, wizard.scenariosToml(f)],
  ], f.id, `The wizard wrote ${f.id}/settlement.toml and scenarios.toml.`);
  $("edit").focus();
}

// ---------------------------------------------------------------------------- export and keep

function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function keep() {
  try {
    if ($("keep").checked) {
      localStorage.setItem(KEEP_KEY, JSON.stringify({ focus: state.focus, files: [...state.files] }));
    }
  } catch {
    say("This browser would not keep the draft (storage is full or blocked); your text is still here.");
  }
}

function stored() {
  try {
    const d = JSON.parse(localStorage.getItem(KEEP_KEY) ?? "null");
    return d && Array.isArray(d.files) ? d : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------- preview and publish

/// The rule files a pack is made of: the draft, and (when ticked) every bundled settlement
/// whose folder the draft does not have.
function packFiles() {
  const files = new Map(state.files);
  if ($("with-bundled").checked) {
    const mine = new Set(folders());
    for (const [l, t] of state.bundled) {
      const folder = l.match(/^rules\/([^/]+)\//)?.[1];
      if (!files.has(l) && !mine.has(folder)) files.set(l, t);
    }
  }
  return [...files];
}

function openPreview() {
  let out;
  try {
    out = JSON.parse(draft_pack(JSON.stringify(packFiles())));
  } catch (e) {
    out = { error: `the pack could not be made (${e})` };
  }
  if (out.error) {
    $("preview-status").textContent = `No preview: ${out.error}.`;
    return;
  }
  const lang = $("preview-lang").value;
  preview.show($("preview"), out.table, lang);
  $("preview-status").textContent = `The checker below runs the draft${$("with-bundled").checked ? " with the bundled settlements" : ""}, in ${lang === "es" ? "Spanish" : "English"}. Walk it as a person would; it keeps nothing.`;
}

/// Publishes into the built folder given as [[path, File], ...] (picked or dropped).
async function publishInto(list) {
  const status = $("publish-status");
  $("publish-done").hidden = true;
  if (!list.length) return;
  status.textContent = `Reading ${list.length} files…`;
  let out;
  try {
    const dist = await publishing.readFolder(list);
    out = publishing.publish(publish_dist, packFiles(), dist);
  } catch (e) {
    out = { error: `the folder could not be read (${e})` };
  }
  if (out.error) {
    status.textContent = `Not published: ${out.error}.`;
    return;
  }
  download("claimcheck-dist.zip", out.zip, "application/zip");
  const packs = out.written.filter((p) => /^claimcheck-(pack|texts|dir)-/.test(p)).length;
  status.textContent = `Published ${out.settlements} settlements: claimcheck-dist.zip downloaded (${packs} pack files written, ${out.written.length - packs} files updated, ${out.removed.length} old pack files removed).`;
  $("publish-done").hidden = false;
}

// ---------------------------------------------------------------------------- wiring

function wire() {
  for (const [which, ta] of Object.entries(editors)) {
    ta.addEventListener("input", () => {
      state.files.set(labelOf(which), ta.value);
      gutter(ta);
      schedule();
    });
    ta.addEventListener("scroll", () => gutter(ta));
  }
  $("focus").addEventListener("change", (e) => {
    state.focus = e.target.value;
    fillEditors();
    check();
  });
  $("template").addEventListener("click", fromTemplate);
  $("bundled-open").addEventListener("click", () =>
    load(state.bundled, $("bundled").value, `Opened the bundled rules; editing ${$("bundled").value}.`));
  $("folder").addEventListener("change", async (e) => {
    const list = [...e.target.files];
    const entries = await Promise.all(list.map(async (f) => [f.webkitRelativePath || f.name, await f.text()]));
    await openEntries(entries, "Opened the folder");
    e.target.value = "";
  });
  const drop = $("drop");
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  document.addEventListener("dragleave", () => drop.classList.remove("over"));
  document.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const out = [];
    const items = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
    for (const item of items) await readDropped(item, "", out);
    if (!out.length) {
      // Files without folder entries (some browsers, or files dragged from another page).
      for (const f of [...e.dataTransfer.files]) out.push([f.name, f]);
    }
    // Dropped on Publish: a built checker to publish into; anywhere else: rule files.
    if (e.target.closest?.("#publish-drop")) return publishInto(out);
    await openEntries(await Promise.all(out.map(async ([p, f]) => [p, await f.text()])), "Opened what was dropped");
  });
  $("wizard-open").addEventListener("click", () => openWizard($("wizard").hidden));
  $("wizard-cancel").addEventListener("click", () => {
    openWizard(false);
    $("wizard-open").focus();
  });
  for (const b of document.querySelectorAll("[data-add]")) {
    b.addEventListener("click", () => addRow(b.dataset.add).querySelector("input, select")?.focus());
  }
  $("wizard-form").addEventListener("submit", submitWizard);
  $("export-zip").addEventListener("click", () => {
    const mine = [...state.files].filter(([l]) => SHARED.includes(l) || l.startsWith(`rules/${state.focus}/`));
    download(`${state.focus || "rules"}-rules.zip`, zip(mine), "application/zip");
  });
  $("export-settlement").addEventListener("click", () =>
    download("settlement.toml", state.files.get(labelOf("settlement")) ?? "", "application/toml"));
  $("export-scenarios").addEventListener("click", () =>
    download("scenarios.toml", state.files.get(labelOf("scenarios")) ?? "", "application/toml"));
  $("preview-open").addEventListener("click", openPreview);
  $("publish-dist").addEventListener("change", async (e) => {
    await publishInto([...e.target.files].map((f) => [f.webkitRelativePath || f.name, f]));
    e.target.value = "";
  });
  $("keep").addEventListener("change", (e) => {
    if (e.target.checked) {
      keep();
      say("This draft is kept in this browser until you untick the box.");
    } else {
      try { localStorage.removeItem(KEEP_KEY); } catch { /* nothing was kept */ }
      say("Nothing is kept in this browser.");
    }
  });
}

async function start() {
  wire();
  $("w-status").append(new Option("(no source: unverified)", ""), ...wizard.STATUSES.map((s) => new Option(s, s)));
  try {
    await init();
  } catch (e) {
    say(`The studio's engine did not load (${e}). Serve this folder over http(s) and reload.`);
    return;
  }
  state.bundled = JSON.parse(bundled_files());
  const ids = state.bundled.map(([l]) => l.match(/^rules\/([^/]+)\/settlement\.toml$/)?.[1]).filter(Boolean);
  $("bundled").replaceChildren(...ids.map((i) => new Option(i, i)));
  const kept = stored();
  if (kept) {
    // The author chose to keep this draft: it comes back as it was left.
    $("keep").checked = true;
    load(kept.files, kept.focus, "Opened the draft kept in this browser.");
  } else {
    fromTemplate();
  }
  document.body.dataset.ready = "true";
  // Offline after the first visit: the studio's own files are kept by its service worker.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register("./studio-sw.js").catch(() => {});
  }
}

start();
