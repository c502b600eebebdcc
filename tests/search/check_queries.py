#!/usr/bin/env python3
"""Check tests/search/queries.tsv against the sample content in content/.

For every query line this script checks that

* the line has exactly four tab-separated columns, a known language and a known category;
* the query occurs in at least one record of that language, by a plain substring search on
  the text the search indexes: title, summary, body (Markdown reduced to its text: no link
  targets, heading marks or emphasis marks), the names of the record's region and tags, and
  the collection's `text` fields (owner, slogan). A query with spaces is split into words
  and every word must occur in the same record. A word that begins or ends with a digit or a
  Latin letter must not run on into more digits or letters there (2023 is not found in
  20234, 120 is not found in 1200), because the tokenizer keeps such runs whole;
* for the `particle` category, the Korean particle at the end of the query is taken off and
  the stem must be found (a note says so when the particle form itself occurs as well);
* `title_record` names a record whose title in that language contains the query (its stem
  for `particle`), and when it is `-`, no title of that language contains it;
* no query is listed twice for a language, and each language has at least 40 queries.

Titles that contain a query besides the named one are reported as notes (the search test
wants the named record among the first three results, so more than three is an error).

Run from anywhere:  python3 tests/search/check_queries.py [--verbose] [QUERIES_FILE]
(--verbose also lists, for each query, how many records contain it and which.)
Needs Python 3.8+ and PyYAML (`pip install pyyaml`). Exit code 0 when every line passes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check_queries.py needs PyYAML: pip install pyyaml")

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
QUERIES = Path(__file__).resolve().parent / "queries.tsv"

LANGS = ("zh", "ko")
DEFAULT_LANG = "zh"
CATEGORIES = ("place", "programme", "compound", "particle", "number", "mixed", "single", "word")
# Korean particles (and particle sequences) a `particle` query may end with; longest first.
PARTICLES = sorted(
    ["에서는", "으로는", "에서", "에게", "으로", "까지", "부터", "처럼", "보다",
     "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만"],
    key=len, reverse=True,
)
MIN_PER_LANG = 40


def load_yaml(text: str, where: Path):
    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        sys.exit(f"{where}: {err}")


def split_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"\A---\n(.*?)\n---\n?(.*)\Z", text, re.S)
    if not m:
        return {}, text
    return load_yaml(m.group(1), path), m.group(2)


def markdown_text(md: str) -> str:
    """The words of a Markdown body, roughly as a renderer would leave them."""
    md = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", md)          # images: alt text
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)           # links: link text
    md = re.sub(r"<[^>]+>", " ", md)                           # inline HTML tags
    lines = []
    for line in md.splitlines():
        line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)          # heading marks
        line = re.sub(r"^\s*([-*+]|\d+\.)\s+", "", line)       # list marks
        if re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line) and "-" in line:
            continue                                           # table rule
        line = line.replace("|", " ")                          # table cells
        line = re.sub(r"(\*\*|__|\*|`)", "", line)             # emphasis, code marks
        lines.append(line)
    return "\n".join(lines)


def localized(value, lang: str):
    """A field value in `lang`: a plain string belongs to every language."""
    if isinstance(value, dict):
        return value.get(lang)
    return value


def load_site():
    site = load_yaml((ROOT / "site.yaml").read_text(encoding="utf-8"), ROOT / "site.yaml")
    text_fields = {
        name: [f for f, spec in (coll.get("fields") or {}).items() if spec.get("type") == "text"]
        for name, coll in site["collections"].items()
    }
    terms = {}
    for tax, spec in site["taxonomies"].items():
        path = CONTENT / spec["terms"]
        terms[tax] = load_yaml(path.read_text(encoding="utf-8"), path)
    return text_fields, terms


def record_files(collection_dir: Path):
    """(record id, {lang: (front matter, body) or yaml dict}) for each record."""
    groups: dict[str, dict[str, tuple[dict, str]]] = {}
    coll = collection_dir.name
    for path in sorted(collection_dir.iterdir()):
        if path.is_dir():
            for lang in LANGS:
                f = path / f"index.{lang}.md"
                if f.exists():
                    groups.setdefault(f"{coll}/{path.name}", {})[lang] = split_front_matter(f)
        elif path.suffix == ".md" and not path.name.startswith("_index."):
            stem, lang = path.name[:-3].rsplit(".", 1)
            groups.setdefault(f"{coll}/{stem}", {})[lang] = split_front_matter(path)
        elif path.suffix == ".yaml":
            data = load_yaml(path.read_text(encoding="utf-8"), path)
            body = data.pop("body", None)
            rec = {}
            for lang in LANGS:
                # language maps give this language's value; shared keys keep theirs
                fm = {k: localized(v, lang) for k, v in data.items()}
                rec[lang] = (fm, localized(body, lang) or "")
            groups[f"{coll}/{path.stem}"] = rec
    return groups


def load_records():
    """{record id: {lang: {"title": str|None, "text": str}}}; the text is what gets indexed."""
    text_fields, terms = load_site()
    records = {}
    for coll in text_fields:
        for rid, files in record_files(CONTENT / coll).items():
            default_fm = files.get(DEFAULT_LANG, ({}, ""))[0]
            out = {}
            for lang in LANGS:
                if lang not in files:
                    continue
                fm, body = files[lang]
                region = fm.get("region", default_fm.get("region"))
                tags = fm.get("tags", default_fm.get("tags")) or []
                parts = [fm.get("title"), fm.get("summary"), markdown_text(body or "")]
                if region:
                    parts.append(localized(terms["regions"].get(region), lang))
                for tag in tags:
                    parts.append(localized(terms["tags"].get(tag), lang))
                for field in text_fields[coll]:
                    parts.append(localized(fm.get(field), lang))
                out[lang] = {
                    "title": fm.get("title"),
                    "text": "\n".join(str(p) for p in parts if p),
                }
            records[rid] = out
    return records


def _run_char(ch: str) -> bool:
    """A digit or Latin letter: the tokenizer keeps runs of these whole."""
    return ch.isascii() and ch.isalnum()


def contains(text: str, word: str) -> bool:
    """Substring search that does not split a run of digits or Latin letters."""
    start = 0
    while True:
        i = text.find(word, start)
        if i < 0:
            return False
        before = text[i - 1] if i > 0 else ""
        after = text[i + len(word)] if i + len(word) < len(text) else ""
        ok = True
        if _run_char(word[0]) and before:
            if _run_char(before) or (before == "." and i > 1 and text[i - 2].isdigit()
                                    and word[0].isdigit()):
                ok = False
        if _run_char(word[-1]) and after:
            nxt = text[i + len(word) + 1] if i + len(word) + 1 < len(text) else ""
            if _run_char(after) or (after == "." and nxt.isdigit() and word[-1].isdigit()):
                ok = False
        if ok:
            return True
        start = i + 1


def strip_particle(query: str) -> str | None:
    for p in PARTICLES:
        if query.endswith(p) and len(query) > len(p):
            return query[: -len(p)]
    return None


def main() -> int:
    args = sys.argv[1:]
    verbose = "--verbose" in args
    files = [a for a in args if a != "--verbose"]
    queries = Path(files[0]) if files else QUERIES
    records = load_records()
    errors, notes = [], []
    counts: dict[str, dict[str, int]] = {lang: {} for lang in LANGS}
    with_title = {lang: 0 for lang in LANGS}
    seen = set()

    for n, raw in enumerate(queries.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{queries.name}:{n}"
        if len(cols) != 4:
            errors.append(f"{where}: {len(cols)} columns, not 4: {line!r}")
            continue
        lang, cat, query, title_rec = cols
        if lang not in LANGS:
            errors.append(f"{where}: unknown language {lang!r}")
            continue
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
            continue
        if query != query.strip() or not query or "  " in query:
            errors.append(f"{where}: query {query!r} has stray spaces or is empty")
            continue
        if (lang, query) in seen:
            errors.append(f"{where}: {lang} query {query!r} listed twice")
        seen.add((lang, query))
        counts[lang][cat] = counts[lang].get(cat, 0) + 1

        words = query.split(" ")
        if cat == "particle":
            if lang != "ko" or len(words) != 1:
                errors.append(f"{where}: a particle query is one Korean word")
                continue
            stem = strip_particle(query)
            if stem is None:
                errors.append(f"{where}: {query!r} ends with no known particle")
                continue
            if any(contains(langs[lang]["text"], query)
                   for langs in records.values() if lang in langs):
                notes.append(f"{where}: {query!r} itself occurs in the text, not only its stem")
            words = [stem]
        if cat == "single" and len(query) != 1:
            errors.append(f"{where}: a single query is one character, not {query!r}")

        found = [rid for rid, langs in records.items()
                 if lang in langs and all(contains(langs[lang]["text"], w) for w in words)]
        if not found:
            errors.append(f"{where}: {lang} {' '.join(words)!r} is in no {lang} record")
        titled = [rid for rid in found
                  if records[rid][lang]["title"]
                  and all(contains(records[rid][lang]["title"], w) for w in words)]
        if title_rec == "-":
            if titled:
                errors.append(f"{where}: title_record is - but the {lang} title of "
                              f"{', '.join(titled)} contains {' '.join(words)!r}")
        else:
            with_title[lang] += 1
            if title_rec not in records or lang not in records[title_rec]:
                errors.append(f"{where}: no {lang} record {title_rec!r}")
            elif not records[title_rec][lang]["title"]:
                errors.append(f"{where}: {title_rec} has no {lang} title of its own")
            elif title_rec not in titled:
                errors.append(f"{where}: the {lang} title of {title_rec} "
                              f"({records[title_rec][lang]['title']}) lacks "
                              f"{' '.join(words)!r}")
            elif len(titled) > 3:
                errors.append(f"{where}: {len(titled)} {lang} titles contain "
                              f"{' '.join(words)!r}; {title_rec} may miss the top 3")
            elif len(titled) > 1:
                notes.append(f"{where}: {query!r} is also in the title of "
                             f"{', '.join(r for r in titled if r != title_rec)}")
        if verbose:
            print(f"{lang}\t{cat}\t{query}\t{len(found)} records\t{', '.join(found[:6])}")

    for lang in LANGS:
        total = sum(counts[lang].values())
        if total < MIN_PER_LANG:
            errors.append(f"{lang}: {total} queries, fewer than {MIN_PER_LANG}")
        per_cat = ", ".join(f"{c} {counts[lang].get(c, 0)}" for c in CATEGORIES)
        print(f"{lang}: {total} queries ({with_title[lang]} with a title record): {per_cat}")
    for note in notes:
        print(f"note: {note}")
    for err in errors:
        print(f"error: {err}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
