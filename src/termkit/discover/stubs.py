"""Lexicon stubs for candidates: ready-to-edit entries with pinyin filled in and the gloss left
as a placeholder for a curator (``gloss_status: proposed``).

>>> from termkit.discover import Candidate
>>> stub(Candidate("三会一课", 9.0, 6, 3, "numbered", "落实三会一课制度"))["pinyin"]
'sān huì yī kè'
>>> print(to_yaml([Candidate("三会一课", 9.0, 6, 3, "numbered", "落实三会一课制度")]), end="")
terms:
  # discovered: numbered, 6× in 3 documents, score 9.0 — 落实三会一课制度
  - id: san-hui-yi-ke
    term: 三会一课
    pinyin: sān huì yī kè
    gloss: "TODO: gloss"
    gloss_status: proposed
    category: formula
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from ..chardata import HAN_CLASS, TONE_VOWELS
from ..pinyin import derive_pinyin
from ..wording import plural

GLOSS_PLACEHOLDER = "TODO: gloss"
CATEGORY = {"numbered": "formula", "parallel": "slogan", "quoted": "slogan", "mwe": "concept"}


def slug(term: str) -> str:
    """An ASCII id from the toneless pinyin (4+1 → 4-plus-1).

    >>> slug("两个确立"), slug("4+1")
    ('liang-ge-que-li', '4-plus-1')
    """
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(term.replace("+", " plus "), style=Style.NORMAL, v_to_u=False,
                        errors=lambda chars: [chars])
    text = unicodedata.normalize("NFKD", " ".join(parts)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "term"


def stub(c: Any) -> dict[str, Any]:
    """The lexicon entry proposed for a candidate (valid against the schema, gloss to be written)."""
    entry = {"id": slug(c.candidate), "term": c.candidate, "pinyin": derive_pinyin(c.candidate),
             "gloss": GLOSS_PLACEHOLDER, "gloss_status": "proposed", "category": CATEGORY.get(c.kind, "concept")}
    return {k: v for k, v in entry.items() if v is not None}


def stubs(cands: list[Any], taken: set[str] | frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The stubs of several candidates, with ids unique among them and apart from ``taken`` (the
    lexicon's ids): homophones share a slug (三资, 三姿 → san-zi), the second becomes san-zi-2.

    >>> from termkit.discover import Candidate
    >>> [s["id"] for s in stubs([Candidate("三资", 1.0, 3, 1, "numbered", ""),
    ...                          Candidate("三姿", 1.0, 3, 1, "numbered", "")], taken={"san-zi-3"})]
    ['san-zi', 'san-zi-2']
    """
    used = set(taken)
    out = []
    for c in cands:
        s = stub(c)
        base, n = s["id"], 1
        while s["id"] in used:
            n += 1
            s["id"] = f"{base}-{n}"
        used.add(s["id"])
        out.append(s)
    return out


def new_terms(cands: list[Any]) -> list[Any]:
    """The candidates a curator adds as entries of their own: those related to no entry, and newer forms of one
    (relation ``newer``, with ``--since``), which extend an entry without being a form of it.

    >>> from termkit.discover import Candidate
    >>> from termkit.discover.relations import Relation
    >>> newer, longer = Relation("newer", "reform", "全面深化改革"), Relation("longer", "rural", "乡村振兴")
    >>> cs = [Candidate("新提法", 1.0, 3, 1, "mwe", ""),
    ...       Candidate("进一步全面深化改革", 1.0, 3, 1, "mwe", "", relation=newer),
    ...       Candidate("乡村全面振兴", 1.0, 3, 1, "mwe", "", relation=longer)]
    >>> [c.candidate for c in new_terms(cs)]
    ['新提法', '进一步全面深化改革']
    """
    return [c for c in cands if getattr(c, "relation", None) is None or c.relation.kind == "newer"]


def _comment(text: str) -> str:
    """Text that stays inside one YAML comment line: every line break (\\r, U+0085, U+2028 …) and
    control character becomes a space."""
    return " ".join(_BREAKS.sub(" ", text).split())


_BREAKS = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")


def to_yaml(cands: list[Any], taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A ``terms:`` document of stubs for new candidates, each after a comment with its evidence, and
    an ``edits:`` list for candidates that belong to an entry the lexicon has (what to add to it). A run of
    separate known terms (relation ``items``) proposes nothing: a closing comment names it and its entries. A newer
    form of an entry (relation ``newer``, with ``--since``) is a new term: a stub whose comment names the entry.

    >>> from termkit.discover import Candidate
    >>> from termkit.discover.relations import Relation
    >>> c = Candidate("乡村全面振兴", 5.0, 4, 2, "quoted", "推进乡村全面振兴",
    ...               relation=Relation("longer", "rural", "乡村振兴", {"variants": ["乡村全面振兴"]}))
    >>> print(to_yaml([c]), end="")
    terms: []
    edits:
      # longer form of 乡村振兴: quoted, 4× in 2 documents, score 5.0 — 推进乡村全面振兴
      - id: rural
        add: {variants: [乡村全面振兴]}
    >>> run = Candidate("制造强国、质量强国", 2.0, 3, 1, "parallel", "建设制造强国、质量强国",
    ...                 relation=Relation("items", "made", "制造强国、质量强国", {}, ("made", "quality")))
    >>> print(to_yaml([run]), end="")
    terms: []
    # runs of known terms, nothing proposed (a formula of its own is a new entry with them as its expansion):
    #   制造强国、质量强国 — parallel, 3× in 1 document, score 2.0; entries: made, quality
    """
    new = new_terms(cands)
    runs = [c for c in cands if getattr(c, "relation", None) is not None and c.relation.kind == "items"]
    related = [c for c in cands
               if getattr(c, "relation", None) is not None and c.relation.kind not in ("items", "newer")]
    lines = ["terms:" if new else "terms: []"]
    for c, s in zip(new, stubs(new, taken)):
        example = _comment(c.example)
        fresh = getattr(c, "new_items", ())
        known = f"; the other items are known, new: {'、'.join(fresh)}" if fresh else ""
        if getattr(c, "relation", None) is not None:  # newer: a term of its own beside the entry it extends
            known = f"; {RELATION_WORDS['newer']} {c.relation.term} ({c.relation.entry})"
        lines.append(f"  # discovered: {c.kind}, {c.count}× in {plural(c.docs, 'document')}, score {c.score:.1f}"
                     f"{_comment(known)} — {example}")
        lines.append(f"  - id: {s['id']}")
        for key in ("term", "pinyin", "gloss", "gloss_status", "category"):
            if key in s:
                lines.append(f"    {key}: {_scalar(s[key])}")
    if related:
        lines.append("edits:")
    for c in related:
        rel = c.relation
        example = _comment(c.example)
        what = RELATION_WORDS.get(rel.kind, rel.kind)
        evidence = f"{c.kind}, {c.count}× in {plural(c.docs, 'document')}, score {c.score:.1f}"
        lines.append(f"  # {what} {_comment(rel.term)}: {evidence} — {example}")
        lines.append(f"  - id: {rel.entry}")
        if rel.edit:
            fields = ", ".join(f"{k}: [{', '.join(_scalar(v) for v in vs)}]" for k, vs in rel.edit.items())
            lines.append(f"    add: {{{fields}}}")
        else:
            what = "its items are" if "、" in c.candidate else f"{_scalar(c.candidate)} is"
            lines.append(f"    add: {{}}  # {what} already listed")
    if runs:
        lines.append("# runs of known terms, nothing proposed (a formula of its own is a new entry with them as its "
                     "expansion):")
    for c in runs:
        evidence = f"{c.kind}, {c.count}× in {plural(c.docs, 'document')}, score {c.score:.1f}"
        lines.append(f"#   {_comment(c.candidate)} — {evidence}; entries: {', '.join(c.relation.entries)}")
    return "\n".join(lines) + "\n"


RELATION_WORDS = {"expansion": "spells out the items of", "longer": "longer form of", "shorter": "shorter form of",
                  "variant": "variant of", "newer": "newer form of"}


def _scalar(value: str) -> str:
    plain = re.fullmatch(rf"[\w{HAN_CLASS}][\w{HAN_CLASS} \u0300-\u036f、·{TONE_VOWELS}ü'-]*", value)
    return value if plain and not value.endswith(" ") else json.dumps(value, ensure_ascii=False)
