#!/usr/bin/env python3
"""The step after `trunk build` (Trunk.toml runs it as a post_build hook): makes the built app
private by construction and usable offline.

- The pack files: the wasm holds no settlement data. The loader defines `ccLoadTexts(name)`,
  which the app calls to fetch a pack file (the structure, `pack`, or a language's texts) with
  its integrity checked (the one-file copy carries them inside it instead); its table is left
  empty here and `claimcheck pack` (run last, the same command a host runs to update the
  settlements) writes the files and fills in every pin.
- The style sheet and the JS glue lose their comments and indentation (about 1.5 KB brotli
  of every first visit); the sources keep them.
- index.html: replaces Trunk's loader with one that checks the wasm's integrity, adds SRI
  (sha384) to every script, style sheet and preload, and writes a strict Content Security
  Policy with the sha256 of each inline script (no 'unsafe-inline', no 'unsafe-eval').
- sw.js: the service worker, with this build's file table (file -> sha384 integrity, written
  by `sw_files` alone) and version (a hash of that table).
- manifest.webmanifest and its icons, copied from static/.
- embed.html: index.html again, for other sites to frame (the deploy kit's headers let them
  frame this one and not index.html).
- The deploy kit: deploy/'s templates (_headers, nginx.conf, Caddyfile) with this build's CSP
  and file names, as dist/_headers and dist/deploy/.
- claimcheck.html: the whole app in one file (glue, wasm and styles inlined) that works opened
  from disk with no network, under its own CSP.
- Fails when the start screen's "Settlement information as of ..." in index.html differs from
  rules/pack.toml (also on its own: `postbuild.py --check-date`, run by scripts/test.sh).

Python 3 standard library only. Reads TRUNK_STAGING_DIR (set by Trunk for hooks), else the
directory given, else dist/. `postbuild.py --again` redoes dist/ from Trunk's last output.
"""

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# The start screen's offline link: shown on the web, dropped from the single file (which is
# already the offline copy).
OFFLINE_START = "<!-- offline-link -->"
OFFLINE_END = "<!-- /offline-link -->"
SINGLE_FILE = "claimcheck.html"
# The page other sites frame: index.html under another name, so that a host's headers can let
# it be framed while the checker's own page may not be (deploy/).
EMBED_PAGE = "embed.html"
DEPLOY = ROOT / "deploy"
PERMISSIONS = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
               "microphone=(), payment=(), usb=(), browsing-topics=()")
# Trunk names files with its hash printed without leading zeros (15 digits one time in 16).
HASHED = re.compile(r"-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm|bin)$")
# Copied next to index.html, cached by the service worker.
STATIC_COPIES = ["manifest.webmanifest", "icon.svg", "icon-maskable.svg"]
# The source index.html's note above its placeholder policy, dropped from the built page.
CSP_NOTE = "  <!-- scripts/postbuild.py replaces this policy with the built one (hashes of the inline scripts). -->\n"
# Trunk's own output, kept for `postbuild.py --again`.
PRISTINE = ROOT / "target" / "trunk-dist"


class BuildError(Exception):
    pass


def sha(algo: str, data: bytes) -> str:
    return f"{algo}-" + base64.b64encode(hashlib.new(algo, data).digest()).decode()


def pack_date() -> str:
    """rules/pack.toml's checked_on as the app's English footer writes it: 'November 24, 2026'."""
    text = (ROOT / "rules" / "pack.toml").read_text(encoding="utf-8")
    m = re.search(r"^checked_on\s*=\s*(\d{4})-(\d{2})-(\d{2})\s*$", text, re.M)
    if not m:
        raise BuildError("rules/pack.toml: no `checked_on = YYYY-MM-DD` line")
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not 1 <= mo <= 12:
        raise BuildError(f"rules/pack.toml: checked_on has month {mo}")
    return f"{MONTHS[mo - 1]} {d}, {y}"


def check_date(html: str, where: str) -> None:
    want = f"Settlement information as of {pack_date()}."
    found = re.findall(r"Settlement information as of [^<]*", html)
    if found != [want]:
        raise BuildError(
            f"{where}: the start screen says {found or 'no date'}, rules/pack.toml says "
            f"{want!r} — update the as-of line in index.html")


def attr(tag: str, name: str) -> str | None:
    m = re.search(rf'\s{name}="([^"]*)"', tag)
    return m[1] if m else None


def strip_dot(href: str) -> str:
    return href[2:] if href.startswith("./") else href.lstrip("/")


def inline_scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S)


def inline_styles(html: str) -> list[str]:
    return re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.S)


def set_csp(html: str, policy: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    new, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', lambda _: meta, html)
    if n != 1:
        raise BuildError("index.html: expected one Content-Security-Policy meta")
    return new


def web_csp(html: str) -> str:
    scripts = " ".join(f"'{sha('sha256', s.encode())}'" for s in inline_scripts(html))
    if inline_styles(html):
        raise BuildError("index.html: inline <style> found; styles belong in static/app.css")
    return ("default-src 'none'; "
            f"script-src 'self' {scripts} 'wasm-unsafe-eval'; "
            "style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; "
            "worker-src 'self'; base-uri 'none'; form-action 'none'")


def file_csp(html: str) -> str:
    scripts = " ".join(f"'{sha('sha256', s.encode())}'" for s in inline_scripts(html))
    styles = " ".join(f"'{sha('sha256', s.encode())}'" for s in inline_styles(html))
    return ("default-src 'none'; "
            f"script-src {scripts} 'wasm-unsafe-eval'; "
            f"style-src {styles}; img-src data:; base-uri 'none'; form-action 'none'")


def publish_pack(dist: Path) -> None:
    """The pack files: `claimcheck pack` checks the rules, runs every scenario, writes the pack
    files into dist/ and fills in everything that pins them (the loaders' tables and their CSP
    hashes, the start screen's date, sw.js's file list and version). The same command a host
    runs to update the settlements of a built app (docs/hosting.md): one code path. The rules
    are rules/, or the folder CLAIMCHECK_RULES_DIR names."""
    rules = os.environ.get("CLAIMCHECK_RULES_DIR") or str(ROOT / "rules")
    cmd = ["cargo", "run", "-q", "--offline", "-p", "claimcheck-cli", "--", "pack", rules, "--out", str(dist)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRUNK_")}
    done = subprocess.run(cmd, cwd=ROOT, env=env)
    if done.returncode != 0:
        raise BuildError(f"`claimcheck pack {rules}` failed (its messages are above)")


# What the start screen says when the app cannot start, in English and Spanish (the loader
# picks the person's language: the address's lang=, else the browser's). Never a dead Start
# button: the buttons go and this message takes their place.
START_FAILED = {
    "net": ("The checker could not be downloaded. Check your internet connection, then reload "
            "the page.",
            "No se pudo descargar la herramienta. Revise su conexión a internet y vuelva a cargar "
            "la página."),
    "bad": ("A file of the checker arrived changed or damaged. A Wi-Fi sign-in page can do this: "
            "sign in to the network or use another connection, then reload the page.",
            "Un archivo de la herramienta llegó alterado o dañado. Una página de inicio de sesión "
            "de wifi puede causarlo: inicie sesión en la red o use otra conexión y vuelva a cargar "
            "la página."),
    "wasm": ("This browser has WebAssembly turned off (as Lockdown Mode on an iPhone does), so the "
             "checker cannot run. Allow it for this site, or use another browser.",
             "Este navegador tiene WebAssembly desactivado (como el Modo de aislamiento de un "
             "iPhone), así que la herramienta no funciona. Permítalo para este sitio o use otro "
             "navegador."),
    "frame": ("This page's frame does not let the checker run. Open it in its own tab:",
              "El marco de esta página no deja funcionar la herramienta. Ábrala en su propia pestaña:"),
    "open": ("Open the checker in a new tab", "Abrir la herramienta en una pestaña nueva"),
    "reload": ("Reload", "Volver a cargar"),
}


LOADERS = ROOT / "scripts" / "loader"


def script(name: str, fill: dict) -> str:
    """scripts/loader/NAME without its whole-line comments and indentation, each placeholder of
    `fill` (named once in the file) replaced by its value."""
    lines = [line.strip() for line in (LOADERS / name).read_text(encoding="utf-8").split("\n")]
    code = "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"
    for key, value in fill.items():
        if code.count(key) != 1:
            raise BuildError(f"scripts/loader/{name}: expected {key} once, found {code.count(key)}")
        code = code.replace(key, value)
    return code


def start_failed_js() -> str:
    """`stop(kind)` and `why(url)` (scripts/loader/start-failed.js) with the START_FAILED table."""
    table = json.dumps({k: list(v) for k, v in START_FAILED.items()}, ensure_ascii=False,
                       separators=(",", ":"))
    return script("start-failed.js", {"__START_FAILED__": table})


def loader(js: str, wasm: str, wasm_sri: str) -> str:
    """The module that starts the app on the web: start-failed.js, then scripts/loader/web.js
    (what it does is written there) with the glue, the wasm and the wasm's integrity value."""
    fill = {"__JS__": js, "__WASM__": wasm, "__WASM_SRI__": wasm_sri}
    return "\n" + start_failed_js() + script("web.js", fill)


def minify_css(css: str) -> str:
    """Comments and white space out; a space stays wherever it could be a descendant
    combinator (it is removed only beside braces, semicolons, commas and `>`)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    quoted = re.findall(r'"[^"\n]*"|\'[^\'\n]*\'', css)
    if any(re.search(r"\s\s|\s[{};,>]|[{};,>]\s", q) for q in quoted):
        raise BuildError("app.css: a quoted string holds spaces that minifying would change")
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip()


def minify_glue(js: str) -> str:
    """wasm-bindgen's glue without its whole-line comments and indentation. Refused (left as it
    is) if any line could be inside a multi-line template literal."""
    lines = js.split("\n")
    if any(line.count("`") % 2 for line in lines):
        print("[postbuild] the JS glue has a multi-line template literal: left unminified")
        return js
    kept = [line.strip() for line in lines]
    return "\n".join(line for line in kept if line and not line.startswith("//")) + "\n"


def rewrite_index(dist: Path, html: str) -> tuple[str, dict]:
    """Trunk's index.html → ours. Returns the new text and the names of the app's files."""
    modules = [m for m in re.finditer(r'<script type="module"[^>]*>(.*?)</script>', html, re.S)]
    if len(modules) != 1:
        raise BuildError(f"index.html: expected Trunk's one module loader, found {len(modules)}")
    body = modules[0][1]
    js_m = re.search(r"from '(?:\./|/)?([^']+\.js)'", body)
    wasm_m = re.search(r"'(?:\./|/)?([^']+_bg\.wasm)'", body)
    if not js_m or not wasm_m:
        raise BuildError("index.html: Trunk's loader names no .js glue or _bg.wasm")
    js, wasm = js_m[1], wasm_m[1]
    glue = dist / js
    glue.write_text(minify_glue(glue.read_text(encoding="utf-8")), encoding="utf-8")
    html = html[:modules[0].start()] + html[modules[0].end():]
    # Trunk's preload links: replaced by ours (with crossorigin and integrity we control).
    html = re.sub(r'\s*<link rel="(?:modulepreload|preload)"[^>]*>', "", html)

    css_links = re.findall(r'<link rel="stylesheet"[^>]*>', html)
    if len(css_links) != 1:
        raise BuildError(f"index.html: expected one style sheet link, found {len(css_links)}")
    css = strip_dot(attr(css_links[0], "href") or "")
    sheet = dist / css
    sheet.write_text(minify_css(sheet.read_text(encoding="utf-8")), encoding="utf-8")
    css_sri = sha("sha384", (dist / css).read_bytes())
    html = html.replace(
        css_links[0], f'<link rel="stylesheet" href="./{css}" integrity="{css_sri}">')

    js_sri = sha("sha384", (dist / js).read_bytes())
    wasm_sri = sha("sha384", (dist / wasm).read_bytes())
    importmap = json.dumps({"imports": {}, "integrity": {f"./{js}": js_sri}})
    head = (
        f'\n  <script type="importmap">{importmap}</script>'
        f'\n  <link rel="modulepreload" href="./{js}" integrity="{js_sri}">'
        f'\n  <link rel="preload" href="./{wasm}" as="fetch" type="application/wasm" '
        f'crossorigin="anonymous" integrity="{wasm_sri}">'
    )
    html = html.replace("</head>", head + "\n</head>", 1)
    html = html.replace(
        "</body>", f'<script type="module">{loader(js, wasm, wasm_sri)}</script>\n</body>', 1)
    html = html.replace(CSP_NOTE, "")
    html = inline_favicon(dist, html)
    html = set_csp(html, web_csp(html))
    return html, {"js": js, "wasm": wasm, "css": css}


def inline_favicon(dist: Path, html: str) -> str:
    """The icon as a data: address: Chromium fetches a page's icon again at every change of
    address (the app's screens), and the page must make no request after it has loaded."""
    links = re.findall(r'<link rel="icon"[^>]*>', html)
    if len(links) != 1:
        raise BuildError(f"index.html: expected one icon link, found {len(links)}")
    name = strip_dot(attr(links[0], "href") or "")
    icon = base64.b64encode((dist / name).read_bytes()).decode()
    (dist / name).unlink()
    return html.replace(
        links[0], f'<link rel="icon" href="data:image/svg+xml;base64,{icon}" type="image/svg+xml">')


def precache_list(dist: Path) -> list[str]:
    """Every file the app needs, as the service worker fetches them: './' is index.html."""
    names = sorted(p.name for p in dist.iterdir()
                   if p.is_file() and p.name not in ("index.html", "sw.js", SINGLE_FILE, EMBED_PAGE, "_headers"))
    return ["./"] + [f"./{n}" for n in names]


def sw_files(dist: Path) -> dict[str, str]:
    """The service worker's file table: each file it keeps -> its sha384 integrity value, which
    the worker checks before caching a copy and before serving one. The one place that writes
    it (a step that changes a file in dist/ after this must call it again)."""
    return {f: sha("sha384", (dist / ("index.html" if f == "./" else strip_dot(f))).read_bytes())
            for f in precache_list(dist)}


def build_version(files: dict[str, str]) -> str:
    """A hash of the file table: any changed file gives a new version (and a new cache)."""
    h = hashlib.sha256()
    for f, sri in files.items():
        h.update(f.encode() + b"\0" + sri.encode() + b"\0")
    return h.hexdigest()[:16]


def write_service_worker(dist: Path) -> tuple[str, dict[str, str]]:
    files = sw_files(dist)
    version = build_version(files)
    template = (STATIC / "sw.js").read_text(encoding="utf-8")
    for marker in ("'__CLAIMCHECK_VERSION__'", "__CLAIMCHECK_FILES__"):
        if template.count(marker) != 1:
            raise BuildError(f"static/sw.js: expected the marker {marker} once")
    sw = (template.replace("'__CLAIMCHECK_VERSION__'", json.dumps(version))
          .replace("__CLAIMCHECK_FILES__", json.dumps(files, indent=1)))
    (dist / "sw.js").write_text(sw, encoding="utf-8")
    return version, files


def write_deploy_kit(dist: Path, html: str) -> None:
    """deploy/'s templates with this build's policy: dist/_headers (Netlify, Cloudflare Pages
    read it there) and dist/deploy/nginx.conf and Caddyfile. The page's policy as a header adds
    what a meta element cannot say: frame-ancestors ('none' for the checker, * for embed.html)."""
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    if not m:
        raise BuildError("index.html: no Content-Security-Policy meta")
    csp = m[1]
    common = "\n    ".join(
        f'add_header {k} "{v}" always;' for k, v in (
            ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
            ("Permissions-Policy", PERMISSIONS)))
    common += "\n    # add_header Strict-Transport-Security \"max-age=63072000; includeSubDomains\" always;"
    files = []
    for p in sorted(dist.iterdir()):
        if p.is_file() and p.name not in ("index.html", EMBED_PAGE, "_headers"):
            cache = "public, max-age=31536000, immutable" if HASHED.search(p.name) else "no-cache"
            cors = "\n  Access-Control-Allow-Origin: *" if p.name == "embed-host.js" else ""
            files.append(f"/{p.name}\n  Cache-Control: {cache}{cors}")
    values = {
        "{{CSP}}": f"{csp}; frame-ancestors 'none'",
        "{{CSP_EMBED}}": f"{csp}; frame-ancestors *",
        "{{PERMISSIONS}}": PERMISSIONS,
        "{{COMMON}}": common,
        "{{FILES}}": "\n".join(files),
    }
    (dist / "deploy").mkdir(exist_ok=True)
    for name, out in (("_headers", dist / "_headers"), ("nginx.conf", dist / "deploy" / "nginx.conf"),
                      ("Caddyfile", dist / "deploy" / "Caddyfile")):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        for k, v in values.items():
            text = text.replace(k, v)
        if "{{" in text:
            raise BuildError(f"deploy/{name}: a placeholder is left: {re.search(r'{{[^}]*}}', text)[0]}")
        out.write_text(text, encoding="utf-8")


def glue_as_inline(glue: str) -> tuple[str, str]:
    """wasm-bindgen's ES module, made to run inline: drops its one export list and returns the
    code with the name of its default export (the init function)."""
    exports = re.findall(r"^export\s*\{([^}]*)\};?\s*$", glue, re.M)
    if len(exports) != 1 or re.search(r"^export\s", glue.replace(f"export {{{exports[0]}}}", ""), re.M):
        raise BuildError("the wasm-bindgen glue: expected one `export { ... };` list and no other export")
    init = re.search(r"(\w+) as default", exports[0])
    if not init:
        raise BuildError("the wasm-bindgen glue exports no default init function")
    code = re.sub(r"^export\s*\{[^}]*\};?\s*$", "", glue, flags=re.M)
    return code, init[1]


def single_file(dist: Path, web_html: str, names: dict) -> str:
    html = web_html
    # Drop every external reference: preloads, import map, manifest, the web loader.
    html = re.sub(r'\s*<link rel="(?:modulepreload|preload|manifest)"[^>]*>', "", html)
    html = re.sub(r'\s*<script\b[^>]*>.*?</script>', "", html, flags=re.S)
    start, end = html.find(OFFLINE_START), html.find(OFFLINE_END)
    if start < 0 or end < start:
        raise BuildError(f"index.html: the offline link is not marked with {OFFLINE_START}")
    html = html[:start] + html[end + len(OFFLINE_END):]
    css = (dist / names["css"]).read_text(encoding="utf-8")
    css += "\n/* The one-file copy does not offer itself (the app renders the link). */\n#offline { display: none; }\n"
    if "</style" in css.lower():
        raise BuildError("app.css contains </style")
    html = re.sub(r'<link rel="stylesheet"[^>]*>', lambda _: f"<style>{css}</style>", html)
    glue, init = glue_as_inline((dist / names["js"]).read_text(encoding="utf-8"))
    if "</script" in glue.lower() or "<!--" in glue:
        raise BuildError("the wasm-bindgen glue contains </script or <!--")
    wasm64 = base64.b64encode((dist / names["wasm"]).read_bytes()).decode()
    begin = script("one-file.js", {"__WASM_BASE64__": wasm64, "__INIT__": init})
    script_text = f"\n{glue}\n" + start_failed_js() + begin
    html = html.replace("</body>", f'<script type="module">{script_text}</script>\n</body>', 1)
    return set_csp(html, file_csp(html))


def process(dist: Path) -> None:
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    check_date(html, str(index))
    if "<!-- claimcheck:postbuild -->" in html:
        raise BuildError(f"{index} was already post-processed: build again")
    html, names = rewrite_index(dist, html)
    html = html.replace("<head>", "<head>\n  <!-- claimcheck:postbuild -->", 1)
    for name in STATIC_COPIES:
        shutil.copyfile(STATIC / name, dist / name)
    index.write_text(html, encoding="utf-8")
    (dist / EMBED_PAGE).write_text(html, encoding="utf-8")
    write_service_worker(dist)
    one = single_file(dist, html, names)
    (dist / SINGLE_FILE).write_text(one, encoding="utf-8")
    publish_pack(dist)
    html = index.read_text(encoding="utf-8")
    one = (dist / SINGLE_FILE).read_text(encoding="utf-8")
    write_deploy_kit(dist, html)
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', html)
    print(f"[postbuild] CSP: {csp[1] if csp else '?'}")
    sw = (dist / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "([^"]*)"', sw)
    print(f"[postbuild] service worker version {version[1] if version else '?'}, "
          f"{len(precache_list(dist))} files")
    print(f"[postbuild] {SINGLE_FILE}: {len(one.encode())} bytes")


def main(argv: list[str]) -> int:
    try:
        if argv[1:] == ["--check-date"]:
            check_date((ROOT / "index.html").read_text(encoding="utf-8"), "index.html")
            print(f"[postbuild] index.html and rules/pack.toml agree: {pack_date()}")
            return 0
        if argv[1:] == ["--again"]:
            # Re-run on Trunk's last output (kept below) without building again.
            shutil.rmtree(ROOT / "dist", ignore_errors=True)
            shutil.copytree(PRISTINE, ROOT / "dist")
            process(ROOT / "dist")
            return 0
        staging = os.environ.get("TRUNK_STAGING_DIR")
        dist = Path(staging) if staging else Path(argv[1]) if len(argv) > 1 else ROOT / "dist"
        if staging:
            shutil.rmtree(PRISTINE, ignore_errors=True)
            shutil.copytree(dist, PRISTINE)
        process(dist)
        return 0
    except (BuildError, OSError) as e:
        print(f"[postbuild] error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
