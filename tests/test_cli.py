"""The real commands on the bundled seeds and lexicon, through typer's CliRunner.

Expected counts were verified by hand: for each term below, every occurrence in the five seeds
was found by reading the texts (after converting them to simplified with OpenCC's phrase-level
t2s, removing pinyin annotations and quotes, and searching the plain string), and each hit was
checked in context with ``termkit tag``. Where the plain search finds more, the extra hits sit
inside a longer lexicon term that leftmost-longest counts instead (e.g. 主题教育 inside
学习贯彻习近平新时代中国特色社会主义思想主题教育), which was checked too.
Seeds: 000/001 traditional, 002/003 traditional with pinyin annotations and damage, 004 simplified.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEEDS, load_cases
from typer.testing import CliRunner

from termkit.cli import app

runner = CliRunner()

# hand-verified counts of the seeds: tests/cases/seeds.jsonl (id, count, docs, per_seed …)
SEEDS_CASES = load_cases("seeds", key="id")
HAND_VERIFIED = {p.values[0]["id"]: p.values[0] for p in SEEDS_CASES}


def _invoke(*args: str) -> tuple[str, str, int]:
    result = runner.invoke(app, list(args))
    return result.stdout, result.stderr, result.exit_code


@pytest.fixture(scope="module")
def ids_by_term() -> dict[str, str]:
    out, _, code = _invoke("count", str(SEEDS), "--format", "json")
    assert code == 0
    return {r["id"]: r for r in json.loads(out)}


def test_hand_verified_ids_exist(ids_by_term: dict) -> None:
    missing = [i for i in HAND_VERIFIED if i not in ids_by_term]
    assert not missing, f"hand-verified ids not found in the seeds' counts: {missing}"


@pytest.mark.parametrize("case", SEEDS_CASES)
def test_count_matches_hand_verified(case: dict, ids_by_term: dict) -> None:
    row = ids_by_term[case["id"]]
    assert (row["count"], row["docs"]) == (case["count"], case["docs"])


def test_tag_jsonl_per_document(ids_by_term: dict) -> None:
    out, _, code = _invoke("tag", str(SEEDS), "--format", "jsonl")
    assert code == 0
    per_doc: dict[str, dict[str, int]] = {}
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for line in out.splitlines():
        rec = json.loads(line)
        assert set(rec) == {"doc", "start", "end", "text", "id", "term", "gloss", "category"}
        seed = rec["doc"].split("/")[-1][:3]
        assert texts[seed][rec["start"]:rec["end"]] == rec["text"]
        per_doc.setdefault(rec["id"], {}).setdefault(seed, 0)
        per_doc[rec["id"]][seed] += 1
    for entry_id, case in HAND_VERIFIED.items():
        assert per_doc.get(entry_id) == case["per_seed"], entry_id


def test_count_table_and_damage_report() -> None:
    out, _, code = _invoke("count", str(SEEDS), "--top", "5")
    assert code == 0
    assert "5 documents" in out
    assert "damaged text" in out and "003_1760680966b0b94c.txt" in out


def test_count_csv_contract_and_top_sort() -> None:
    out, err, code = _invoke("count", str(SEEDS), "--format", "csv", "--sort", "term", "--top", "7")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "term", "gloss", "category", "count", "docs", "per_10k"]
    assert len(rows) == 7
    assert [r["term"] for r in rows] == sorted(r["term"] for r in rows)
    assert "damaged text" in err  # warnings go to stderr, never into the CSV


def test_bad_sort_is_a_usage_error() -> None:
    _, _, code = _invoke("count", str(SEEDS), "--sort", "nonsense")
    assert code == 2


def test_show_by_traditional_form_and_json() -> None:
    out, _, code = _invoke("show", "兩個維護", "--format", "json")
    assert code == 0
    entry = json.loads(out)
    assert entry["id"] == "two-upholds" and len(entry["expansion"]) == 2
    out, _, code = _invoke("show", "four-forms-of-decadence")
    assert code == 0 and "四风" in out


def test_show_unknown_term_is_one_line_error() -> None:
    _, err, code = _invoke("show", "不存在的词")
    assert code == 1
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1


def test_bad_lexicon_names_file_and_line(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms:\n  - id: x\n    term: 四风\n    gloss: Four Winds\n    glos: typo\n", encoding="utf-8")
    _, err, code = _invoke("count", str(SEEDS), "--lexicon", str(bad))
    assert code == 1
    assert f"{bad}:5" in err and "glos" in err and "Traceback" not in err


def test_binary_inputs_are_skipped_with_warnings_and_missing_ones_are_errors(tmp_path) -> None:
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "ok.txt").write_text("坚决反对四风", encoding="utf-8")
    out, err, code = _invoke("count", str(tmp_path), str(tmp_path / "nope.txt"), "--format", "json")
    assert code == 1
    assert "warning:" in err and "blob.bin" in err and "error:" in err and "nope.txt" in err
    assert [r["id"] for r in json.loads(out)] == ["four-forms-of-decadence"]


def test_stdin_and_legacy_encodings(tmp_path) -> None:
    result = runner.invoke(app, ["tag", "-", "--format", "jsonl"], input="堅持“兩個確立”".encode("big5"))
    assert result.exit_code == 0
    rec = json.loads(result.stdout.splitlines()[0])
    assert (rec["doc"], rec["id"], rec["text"]) == ("<stdin>", "two-establishments", "兩個確立")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("坚决做到两个维护，反对四风。".encode("gbk"))
    out, _, code = _invoke("count", str(gbk), "--format", "json")
    assert code == 0 and {r["id"] for r in json.loads(out)} == {"two-upholds", "four-forms-of-decadence"}


def test_tag_terminal_shows_gloss_in_place() -> None:
    out, _, code = _invoke("tag", str(SEEDS / "004_34035a591a1666b0.txt"))
    assert code == 0
    assert "关键少数" in out and "⟨" in out


def test_lexicon_check_passes_on_bundled_lexicon() -> None:
    out, _, code = _invoke("lexicon", "check")
    assert code == 0, out
    assert "0 errors" in out


def test_python_dash_m_works() -> None:
    proc = subprocess.run([sys.executable, "-m", "termkit", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "count" in proc.stdout


def test_tag_explain_names_surface_and_foldings() -> None:
    out, _, code = _invoke("tag", str(SEEDS / "003_1760680966b0b94c.txt"), "--format", "jsonl", "--explain")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    three = next(r for r in records if r["id"] == "three-services-zhejiang")
    assert three["explain"]["folded"] == "三服务"
    assert set(three["explain"]["folds"]) == {"script", "annotation"}


def test_tag_explain_says_which_context_rule_dropped_a_match(tmp_path: Path) -> None:
    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - {id: three-links, term: 三通, gloss: three direct links, "
                   "context: {not_after: [小], since: '2008'}}\n", encoding="utf-8")
    doc = tmp_path / "news_2009-01-02.txt"
    doc.write_text("两岸“小三通”航线。两岸直接“三通”。", encoding="utf-8")
    old = tmp_path / "news_2001-01-02.txt"
    old.write_text("两岸直接“三通”。", encoding="utf-8")
    out, _, code = _invoke("tag", str(doc), str(old), "-l", str(lex), "--format", "jsonl", "--explain")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc"][-14:-4], r["start"], r.get("dropped")) for r in records] == [
        ("2009-01-02", 15, None), ("2009-01-02", 4, {"rule": "not_after", "detail": "小"}),
        ("2001-01-02", 5, {"rule": "since", "detail": "2008"})]
    plain, _, _ = _invoke("tag", str(doc), "-l", str(lex), "--format", "jsonl")
    assert [json.loads(line)["start"] for line in plain.splitlines()] == [15]
    text, _, _ = _invoke("tag", str(doc), "-l", str(lex), "--explain")
    assert "dropped 三通 at 4 (three-links)" in text and "not_after: 小" in text
