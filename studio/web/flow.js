// Draws a settlement's question flow (the engine's edges: from, label, to) as an SVG: questions
// in layers top to bottom, verdicts last, each edge labelled with the answer that leads along it.
//
// Knows SVG; knows nothing of the engine beyond the edge shape.

const NS = "http://www.w3.org/2000/svg";
const W = 150, H = 34, GAP_X = 30, GAP_Y = 70;

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const nice = (id) => (id.startsWith("verdict_") ? id.slice(8).replace(/_/g, " ") : id);

/// Depth of each node: the longest path from `start` (the flow has no cycles; capped anyway).
function layers(edges) {
  const depth = new Map([["start", 0]]);
  for (let round = 0; round < 50; round++) {
    let changed = false;
    for (const e of edges) {
      const d = (depth.get(e.from) ?? 0) + 1;
      if ((depth.get(e.to) ?? -1) < d) {
        depth.set(e.to, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const last = Math.max(0, ...depth.values());
  for (const id of depth.keys()) if (id.startsWith("verdict_")) depth.set(id, last + 1);
  return depth;
}

/// Merges edges between the same two nodes into one, listing every answer on it.
function merged(edges) {
  const m = new Map();
  for (const e of edges) {
    const k = `${e.from}\u0000${e.to}`;
    const labels = m.get(k)?.labels ?? [];
    if (e.label && !labels.includes(e.label)) labels.push(e.label);
    m.set(k, { from: e.from, to: e.to, labels });
  }
  return [...m.values()];
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/// An <svg> for `edges`, or null when there are none.
export function flowSvg(edges, title) {
  if (!edges.length) return null;
  const depth = layers(edges);
  const rows = [];
  for (const [id, d] of depth) (rows[d] ??= []).push(id);
  const pos = new Map();
  const width = Math.max(1, ...Array.from(rows, (r) => r?.length ?? 0)) * (W + GAP_X) + GAP_X;
  rows.forEach((row, d) => {
    (row ?? []).sort().forEach((id, i) => {
      const rowW = row.length * (W + GAP_X) - GAP_X;
      pos.set(id, { x: (width - rowW) / 2 + i * (W + GAP_X), y: 20 + d * (H + GAP_Y) });
    });
  });
  const height = rows.length * (H + GAP_Y) + 20;
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": "flow-title" });
  svg.append(el("title", { id: "flow-title" }, title));
  const defs = el("defs", {});
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" });
  marker.append(el("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }));
  defs.append(marker);
  svg.append(defs);
  for (const e of merged(edges)) {
    const a = pos.get(e.from), b = pos.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + W / 2, y1 = a.y + H, x2 = b.x + W / 2, y2 = b.y;
    svg.append(el("path", { d: `M${x1},${y1} C${x1},${y1 + 40} ${x2},${y2 - 40} ${x2},${y2}`, class: "edge", "marker-end": "url(#arrow)" }));
    if (e.labels.length) {
      svg.append(el("text", { x: x1 + (x2 - x1) * 0.8, y: y2 - 18, class: "edge-label", "text-anchor": "middle" }, clip(e.labels.join(" / "), 28)));
    }
  }
  for (const [id, p] of pos) {
    const kind = id === "start" ? "start" : id.startsWith("verdict_") ? `verdict ${id.slice(8)}` : "question";
    const g = el("g", { class: `node ${kind}` });
    g.append(el("rect", { x: p.x, y: p.y, width: W, height: H, rx: id.startsWith("verdict_") ? 4 : 17 }));
    g.append(el("text", { x: p.x + W / 2, y: p.y + H / 2 + 5, "text-anchor": "middle" }, clip(nice(id), 20)));
    svg.append(g);
  }
  return svg;
}

/// The same flow as sentences, for screen readers and for reading at a small width.
export function flowText(edges) {
  return merged(edges).map((e) =>
    `${nice(e.from)} → ${nice(e.to)}${e.labels.length ? ` (${e.labels.join(", ")})` : ""}`);
}
