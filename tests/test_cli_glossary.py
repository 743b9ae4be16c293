"""Glossaries as a translator reads them: a reading that keeps digits, the term marked in its
context sentence, and one alphabetical order for count and gloss."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from termkit.cli import app

runner = CliRunner()
TEXT = "坚决落实“4+1”重要要求，做到两个维护，践行八八战略。"


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), input=TEXT, env={"TTY_COMPATIBLE": "0"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_pinyin_keeps_the_digits_and_sorts_them_first() -> None:
    rows = list(csv.DictReader(io.StringIO(run("gloss", "-", "--format", "csv", "--sort", "term"))))
    by_term = {r["term"]: r for r in rows}
    assert by_term["4+1重要要求"]["pinyin"].startswith("4+1 ")
    assert rows[0]["term"] == "4+1重要要求"


def test_count_and_gloss_sort_terms_the_same_way() -> None:
    gloss = [r["term"] for r in csv.DictReader(io.StringIO(run("gloss", "-", "--format", "csv", "--sort", "term")))]
    count = [r["term"] for r in json.loads(run("count", "-", "--format", "json", "--sort", "term"))]
    assert gloss == count
    assert count != sorted(count), "code-point order would differ here"


def test_the_context_marks_each_term_where_it_stands() -> None:
    rows = list(csv.DictReader(io.StringIO(run("gloss", "-", "--format", "csv"))))
    assert len({r["context"].replace("【", "").replace("】", "") for r in rows}) == 1  # one sentence, three terms
    marked = {r["term"]: r["context"] for r in rows}
    assert "【两个维护】" in marked["两个维护"] and "【八八战略】" in marked["八八战略"]
    assert all(c.count("【") == 1 for c in marked.values())
    md = run("gloss", "-", "--format", "md")
    assert "**两个维护**" in md and "**八八战略**" in md


def test_tbx_context_marks_the_term() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run("gloss", "-", "--format", "tbx").encode("utf-8"))
    marked = [[h.text for h in d.iter("hi")] for d in root.iter("descrip") if d.get("type") == "context"]
    assert marked and all(len(terms) == 1 for terms in marked)
    assert {terms[0] for terms in marked} >= {"两个维护", "八八战略"}
