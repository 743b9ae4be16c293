"""The review of first_seen against the dated test corpus (eval/first-seen-review.tsv) stays well-formed
and stays true: every reviewed entry's first_seen and adopted in the lexicon are the file's "after" values,
and no fixed first_seen is later than the corpus date it was fixed from (see eval/README.md)."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from termkit.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT / "eval" / "first-seen-review.tsv"
FIELDS = ["id", "term", "first_seen_before", "corpus_earliest", "corpus_doc", "flagged_by", "decision",
          "first_seen_after", "adopted_after", "reason"]
DECISIONS = {"fixed", "kept"}
FLAGGED_BY = {"dates", "dates, since rules off", "same year, read to the day"}
DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DOC_RE = re.compile(r"(reports|news|traditional)/[\w/.-]+\.txt")


def _rows() -> list[dict[str, str]]:
    with TSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _valid_date(s: str) -> bool:
    m = DATE_RE.fullmatch(s)
    if not m:
        return False
    y, mo, d = (int(g) if g else 1 for g in m.groups())
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _before(a: str, b: str) -> bool:
    """a is earlier than b at the precision both have (as `termkit lexicon dates` compares)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


@pytest.fixture(scope="module")
def entries():
    return {e.id: e for e in load_lexicon(ROOT / "lexicon").entries}


def test_rows_are_well_formed() -> None:
    with TSV.open(encoding="utf-8", newline="") as fh:
        assert fh.readline().rstrip("\n").split("\t") == FIELDS
    rows = _rows()
    assert rows
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert None not in r and None not in r.values(), r["id"]  # no row with too many or too few cells
        assert r["decision"] in DECISIONS and r["flagged_by"] in FLAGGED_BY, r["id"]
        for key in ("first_seen_before", "corpus_earliest", "first_seen_after"):
            assert _valid_date(r[key]), (r["id"], key, r[key])
        assert not r["adopted_after"] or _valid_date(r["adopted_after"]), r["id"]
        assert DOC_RE.fullmatch(r["corpus_doc"]), r["id"]
        assert r["corpus_earliest"][:4] in r["corpus_doc"], r["id"]  # the date is read off the file name
        assert r["reason"].strip(), r["id"]
        # a row is here because the corpus attests the term before the first_seen it had
        assert _before(r["corpus_earliest"], r["first_seen_before"]), r["id"]


def test_decisions_are_consistent() -> None:
    for r in _rows():
        if r["decision"] == "kept":  # a different, generic use: the date stays
            assert r["first_seen_after"] == r["first_seen_before"], r["id"]
        else:  # fixed from the evidence: never later than the corpus date (an upper bound for a first use)
            assert r["first_seen_after"] != r["first_seen_before"], r["id"]
            assert not _before(r["corpus_earliest"], r["first_seen_after"]), r["id"]
        if r["adopted_after"]:
            assert not _before(r["adopted_after"], r["first_seen_after"]), r["id"]


def test_the_lexicon_agrees_with_the_review(entries) -> None:
    for r in _rows():
        e = entries.get(r["id"])
        assert e is not None, f"{r['id']} is not in the lexicon"
        assert e.term == r["term"], r["id"]
        assert e.first_seen == r["first_seen_after"], (r["id"], e.first_seen)
        if r["decision"] == "fixed":
            assert (e.adopted or "") == r["adopted_after"], (r["id"], e.adopted)
            assert e.date_source and r["corpus_doc"] in e.date_source, r["id"]  # the date names its document
