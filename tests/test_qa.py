"""termkit qa: a translation's terminology checked against the lexicon, in every bilingual format.

The same six segments (tests/data/qa/segments.jsonl, with the findings each must give) are written
by hand as XLIFF 1.2, XLIFF 2.0, TMX, CSV, TSV and two line-aligned text files, and once more by
translate-toolkit's own XLIFF and TMX writers. They hold traditional and simplified script, quotes
inside a formula, a deprecated rendering, an inconsistent one, a missing one, and correct ones with
a plural, a leading article or a hyphen.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termkit.bilingual import BilingualError, Segment, read_aligned, read_bilingual
from termkit.cli import app
from termkit.compile import compile_lexicon
from termkit.lexicon import Entry, Lexicon
from termkit.qa import SEVERITY, at_or_above, check, classify, summary

DATA = Path(__file__).parent / "data" / "qa"
SEGMENTS = [json.loads(line) for line in (DATA / "segments.jsonl").read_text("utf-8").splitlines() if line.strip()]
EXPECTED = [(s["id"], e["id"], e["finding"], e["found"]) for s in SEGMENTS for e in s["expect"]]
EXPECTED_BY_POSITION = [(str(n), *rest) for n, s in enumerate(SEGMENTS, 1) for *rest, in
                        [(e["id"], e["finding"], e["found"]) for e in s["expect"]]]


def qa(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["qa", *args], input=input)


def findings_of(result) -> list[tuple[str, str, str, str]]:
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return [(r["segment"], r["id"], r["finding"], r["found"]) for r in rows]


@pytest.mark.parametrize(("args", "expected"), [
    (["job.xlf"], EXPECTED),
    (["job2.xliff"], EXPECTED),
    (["memory.tmx"], EXPECTED),
    (["pairs.csv", "--source-field", "zh", "--target-field", "en", "--id-field", "seg"], EXPECTED),
    (["pairs.tsv", "--id-field", "id"], EXPECTED),
], ids=["xliff-1.2", "xliff-2.0", "tmx", "csv", "tsv"])
def test_every_format_gives_the_expected_findings(args, expected):
    result = qa(str(DATA / args[0]), *args[1:], "--format", "jsonl")
    assert result.exit_code == 1  # a missing and a deprecated rendering are in the file
    assert findings_of(result) == expected


def test_line_aligned_text_files():
    result = qa("--source", str(DATA / "source.txt"), "--target", str(DATA / "target.txt"), "-f", "jsonl")
    assert findings_of(result) == EXPECTED_BY_POSITION


def _segments() -> list[Segment]:
    return [Segment("made.xlf", s["id"], s["source"], s["target"]) for s in SEGMENTS]


def test_xliff_written_by_translate_toolkit(tmp_path):
    from translate.storage import xliff

    store = xliff.xlifffile(sourcelanguage="zh-CN", targetlanguage="en-US")
    for s in SEGMENTS:
        unit = store.addsourceunit(s["source"])
        unit.target = s["target"]
        unit.setid(s["id"])
    path = tmp_path / "made.xlf"
    path.write_bytes(bytes(store))
    result = qa(str(path), "-f", "jsonl")
    assert findings_of(result) == EXPECTED


def test_tmx_written_by_translate_toolkit(tmp_path):
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage="zh-CN", targetlanguage="en-US")
    for s in SEGMENTS:
        store.addtranslation(s["source"], "zh-CN", s["target"], "en-US")
    path = tmp_path / "made.tmx"
    path.write_bytes(bytes(store))
    result = qa(str(path), "-f", "jsonl")
    # translate-toolkit's writer gives no ids, so segments are numbered in order
    assert findings_of(result) == EXPECTED_BY_POSITION


def test_csv_output_and_fail_on_levels():
    path = str(DATA / "job.xlf")
    out = qa(path, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == ["file", "segment", "source_term", "id", "expected", "found", "finding"]
    assert rows[1]["found"] == "One Belt, One Road" and rows[1]["source_term"].startswith("一帶一路")
    assert qa(path, "-f", "csv", "--fail-on", "deprecated").exit_code == 1
    assert "1 finding at or above 'deprecated'" in qa(path, "--fail-on", "deprecated").stderr


def test_a_clean_translation_exits_zero(tmp_path):
    (tmp_path / "zh.txt").write_text("坚决做到“两个维护”。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Achieve the two upholds.\n", encoding="utf-8")
    result = qa("--source", str(tmp_path / "zh.txt"), "--target", str(tmp_path / "en.txt"))
    assert result.exit_code == 0, result.output
    assert "两个维护" in result.stdout  # the summary by term
    strict = qa("--source", str(tmp_path / "zh.txt"), "--target", str(tmp_path / "en.txt"), "--fail-on", "ok")
    assert strict.exit_code == 1


def test_table_groups_by_segment_and_summarises_by_term():
    result = qa(str(DATA / "job.xlf"))
    out = result.stdout
    assert "segment s2" in out and "deprecated" in out and "One Belt, One Road" in out
    assert "segment s1" not in out  # ok findings only with --all
    assert "segment s1" in qa(str(DATA / "job.xlf"), "--all").stdout
    assert "by term" in out


# --- errors a user can act on --------------------------------------------------------------

def test_bad_inputs_are_one_line_errors(tmp_path):
    bad = tmp_path / "broken.xlf"
    bad.write_text("<xliff version='1.2'><file", encoding="utf-8")
    result = qa(str(bad))
    assert result.exit_code == 1 and result.stderr.startswith(f"error: {bad}: not a readable XLIFF file")
    cols = qa(str(DATA / "pairs.csv"))
    assert cols.exit_code == 1 and "no column 'source'; the columns are seg, zh, en" in cols.stderr
    (tmp_path / "a.txt").write_text("一\n二\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("one\n", encoding="utf-8")
    unaligned = qa("--source", str(tmp_path / "a.txt"), "--target", str(tmp_path / "b.txt"))
    assert unaligned.exit_code == 1 and "not line-aligned" in unaligned.stderr
    assert qa(str(tmp_path / "x.docx")).exit_code == 1
    assert qa().exit_code == 2 and qa("--source", str(tmp_path / "a.txt")).exit_code == 2
    assert "Traceback" not in result.output + cols.output + unaligned.output


# --- the library -------------------------------------------------------------------------

LEX = Lexicon((Entry(id="bri", term="一带一路", gloss="Belt and Road Initiative", alt_glosses=[
    {"text": "Belt and Road", "status": "official-variant"}, {"text": "B&R", "status": "media"},
    {"text": "One Belt, One Road", "status": "deprecated"}]),))


@pytest.mark.parametrize(("target", "expected"), [
    ("the Belt and Road Initiative", ("ok", "Belt and Road Initiative")),
    ("the Belt and Road", ("ok", "Belt and Road")),
    ("B&R projects", ("other", "B&R")),
    ("One Belt, One Road and the Belt and Road Initiative", ("deprecated", "One Belt, One Road")),
    ("the new Silk Road", ("missing", "")),
])
def test_classify(target, expected):
    assert classify(LEX.entries[0], target) == expected


def test_inconsistent_marks_the_minority_rendering():
    m = compile_lexicon(LEX)
    segs = [Segment("f", str(i), "一带一路", t) for i, t in
            enumerate(["Belt and Road Initiative", "Belt and Road Initiative", "the Belt and Road"])]
    assert [f.finding for f in check(segs, m)] == ["ok", "ok", "inconsistent"]
    other_file = [Segment("g", "9", "一带一路", "the Belt and Road")]
    assert [f.finding for f in check(segs[:1] + other_file, m)] == ["ok", "ok"]  # per file


def test_severity_and_summary():
    m = compile_lexicon(LEX)
    findings = check([Segment("f", "1", "一带一路", "OBOR"), Segment("f", "2", "一带一路", "One Belt, One Road")], m)
    assert [f.finding for f in findings] == ["missing", "deprecated"]
    assert at_or_above(findings, "deprecated") == findings[1:]
    assert summary(findings)[0][1] == {"missing": 1, "deprecated": 1}
    assert SEVERITY == ("ok", "other", "inconsistent", "missing", "deprecated")


def test_readers_directly():
    assert [s.id for s in read_bilingual(DATA / "job.xlf")] == [s["id"] for s in SEGMENTS]
    assert read_aligned(DATA / "source.txt", DATA / "target.txt")[1].source == SEGMENTS[1]["source"]
    with pytest.raises(BilingualError, match="cannot tell the format"):
        read_bilingual(DATA / "segments.jsonl")


def test_a_broken_csv_row_is_reported_and_the_others_checked(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text('source,target\n坚决做到两个维护,achieve the Two Upholds\n"四风,open quote\n', encoding="utf-8")
    result = qa(str(path), "-f", "jsonl")
    assert [r[1:3] for r in findings_of(result)] == [("two-upholds", "ok")]
    assert f"warning: {path}:3: bad CSV row" in result.stderr and "Traceback" not in result.output
