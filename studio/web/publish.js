// Publish: reads a built checker's folder the author picks, asks the wasm (`publish_dist`, the
// code `claimcheck pack` runs) what changes, and returns the whole updated folder as a zip.
//
// Knows the picked files and the wasm's byte format; knows nothing of what the pins mean.

import { zip } from "./zip.js";

/// The files [[path, File], ...] as [[path inside the folder, bytes], ...]: a picked or dropped
/// folder's own name (the first part of a path with more than one) is dropped; files dropped
/// loose keep their names.
export async function readFolder(list) {
  return Promise.all(list.map(async ([path, f]) => {
    const parts = path.split("/").filter(Boolean);
    return [parts.length > 1 ? parts.slice(1).join("/") : parts[0], new Uint8Array(await f.arrayBuffer())];
  }));
}

function joined(files) {
  const out = new Uint8Array(files.reduce((n, [, b]) => n + b.length, 0));
  let at = 0;
  for (const [, b] of files) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/// Runs `publishDist` (the wasm function) on the rule files `rules` ([[label, text]]) and the
/// folder `dist` ([[path, bytes]]). Returns {error} or {zip, written, removed, settlements}.
export function publish(publishDist, rules, dist) {
  const names = JSON.stringify(dist.map(([p, b]) => [p, b.length]));
  const out = publishDist(JSON.stringify(rules), names, joined(dist));
  const len = new DataView(out.buffer, out.byteOffset, 4).getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(out.subarray(4, 4 + len)));
  if (head.error) return { error: head.error };
  const files = new Map(dist);
  for (const p of head.remove) files.delete(p);
  let at = 4 + len;
  for (const [p, n] of head.write) {
    files.set(p, out.subarray(at, at + n));
    at += n;
  }
  const entries = [...files].sort(([a], [b]) => a.localeCompare(b)).map(([p, b]) => [`dist/${p}`, b]);
  return { zip: zip(entries), written: head.write.map(([p]) => p), removed: head.remove, settlements: head.settlements };
}
