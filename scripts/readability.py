#!/usr/bin/env python3
"""Reading grade of claimcheck's English text: prints the Flesch-Kincaid grade of the question
bank, the app's own strings (src/ui_texts.rs) and the settlements' person-facing texts, and the
longest sentences, so they can be shortened. Grade 8 or lower for each group, and no
sentence over 30 words in the questions and the app's strings, or exit 1.

Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
"""
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_WORDS = 30


def syllables(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def sentences(text: str):
    text = re.sub(r"\{\d\}", "X", text)
    text = re.sub(r"https?://\S+", "link", text)
    for s in re.split(r"(?<=[.!?])\s+|\n+", text):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.$]*", s)
        if words:
            yield s.strip(), words


def grade(texts):
    n_sent = n_words = n_syll = 0
    for t in texts:
        for _, words in sentences(t):
            n_sent += 1
            n_words += len(words)
            n_syll += sum(syllables(w) for w in words)
    if not n_words:
        return None, 0
    return 0.39 * n_words / n_sent + 11.8 * n_syll / n_words - 15.59, n_words


def english_in(obj, keys=("en",)):
    """Every `en` string in a TOML tree, skipping quoted class wording (legal text we quote)."""
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("clause", "definition", "source", "quote"):
                continue
            if k in keys and isinstance(v, str):
                out.append(v)
            else:
                out.extend(english_in(v, keys))
    elif isinstance(obj, list):
        for v in obj:
            out.extend(english_in(v, keys))
    return out


def main():
    groups = {}
    q = tomllib.loads((ROOT / "rules/questions.toml").read_text())
    groups["questions (rules/questions.toml)"] = english_in(q)
    ui = ROOT / "src/ui_texts.rs"
    if ui.exists():
        src = ui.read_text()
        groups["app strings (src/ui_texts.rs)"] = [
            m.group(1).replace('\\"', '"')
            for m in re.finditer(r'=>\s*\(\s*"((?:[^"\\]|\\.)*)"', src)
        ]
    settle = []
    for f in sorted((ROOT / "rules").glob("*/settlement.toml")):
        settle.extend(english_in(tomllib.loads(f.read_text())))
    groups["settlement texts (rules/*/settlement.toml)"] = settle

    all_texts = []
    over = []
    print("Reading grade (Flesch-Kincaid), English; goal 8 or lower")
    for name, texts in groups.items():
        g, words = grade(texts)
        all_texts.extend(texts)
        if not texts:
            over.append(f"{name}: no strings found (has the file moved?)")
        if g is not None:
            print(f"  {g:5.1f}  {name}: {len(texts)} strings, {words} words")
            if g > 8.0:
                over.append(f"{name}: grade {g:.1f}")
        # The app's own strings and the questions are read by everyone: no sentence over 30 words.
        if not name.startswith("settlement"):
            for t in texts:
                for sent, w in sentences(t):
                    if len(w) > MAX_WORDS:
                        over.append(f"{name}: {len(w)} words: {sent[:80]}")
    g, words = grade(all_texts)
    print(f"  {g:5.1f}  all English text: {words} words")
    longest = sorted(
        ((len(w), s) for t in all_texts for s, w in sentences(t)), reverse=True
    )[:8]
    print("Longest sentences (words):")
    for n, s in longest:
        print(f"  {n:3d}  {s[:150]}{'…' if len(s) > 150 else ''}")
    for o in over:
        print(f"readability: above grade 8: {o}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
