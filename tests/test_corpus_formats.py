"""JSONL and CSV corpora: fields, metadata, malformed rows with line numbers, dates from names."""

from __future__ import annotations

import io
import json
import pickle
import sys
from pathlib import Path

import pytest

from termkit.corpus import ReadOptions, date_from_name, normalize_date, read_documents
from termkit.errors import InputError


def _read(paths: list[Path], **options: str) -> tuple[list, list[str]]:
    warnings: list[str] = []
    docs = list(read_documents([str(p) for p in paths], warnings.append, ReadOptions(**options)))
    return docs, warnings


def _jsonl(path: Path, *lines: object) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n"
                            for x in lines), encoding="utf-8")
    return path


def test_jsonl_fields_go_into_id_text_and_meta(tmp_path: Path) -> None:
    f = _jsonl(tmp_path / "news.jsonl",
               {"uid": "a1", "body": "坚持两个确立", "day": "2021年11月16日", "prov": "浙江"},
               {"uid": "a2", "body": "反对四风", "day": "2013-06", "prov": "宁波"})
    docs, warnings = _read([f], text_field="body", id_field="uid", date_field="day", group_field="prov")
    assert warnings == []
    assert [(d.id, d.text, d.meta) for d in docs] == [
        ("a1", "坚持两个确立", {"date": "2021-11-16", "group": "浙江"}),
        ("a2", "反对四风", {"date": "2013-06", "group": "宁波"}),
    ]


def test_jsonl_malformed_rows_are_reported_with_line_numbers_and_skipped(tmp_path: Path) -> None:
    f = _jsonl(tmp_path / "c.jsonl",
               {"text": "一"},
               "{not json",
               {"body": "no text field"},
               "",
               {"text": 42},
               "[1, 2]",
               {"text": None},
               {"text": "二"})
    docs, warnings = _read([f])
    assert [d.text for d in docs] == ["一", "二"]
    assert [d.id for d in docs] == [f"{f}:1", f"{f}:8"]  # id defaults to file:line
    assert len(warnings) == 5
    for line, words in ((2, "not JSON"), (3, "has no text field 'text'"), (5, "number"),
                        (6, "not a JSON object"), (7, "has no text field")):
        assert any(w.startswith(f"{f}:{line}: ") and words in w for w in warnings), (line, warnings)


def test_a_bad_date_is_reported_and_the_row_kept_undated(tmp_path: Path) -> None:
    f = _jsonl(tmp_path / "c.jsonl", {"text": "四风", "date": "last spring"})
    docs, warnings = _read([f], date_field="date")
    assert [d.meta for d in docs] == [{}]
    assert warnings and f"{f}:1:" in warnings[0] and "not a date" in warnings[0]


def test_csv_with_a_multiline_field_bad_rows_and_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "corpus.csv"
    f.write_text('id,date,outlet,text\n'
                 'r1,2024-01-05,人民日报,"第一段\n第二段 两个维护"\n'
                 'r2,2024-02-01,新华社\n'
                 'r3,2024/3/1,新华社,"bad "quote" here"\n'
                 'r4,20240401,光明日报,四风\n', encoding="utf-8")
    docs, warnings = _read([f], id_field="id", date_field="date", group_field="outlet")
    assert [(d.id, d.meta["date"], d.meta["group"]) for d in docs] == [
        ("r1", "2024-01-05", "人民日报"), ("r4", "2024-04-01", "光明日报")]
    assert docs[0].text == "第一段\n第二段 两个维护"
    assert any(w.startswith(f"{f}:4: ") and "fields" in w for w in warnings), warnings
    assert any(w.startswith(f"{f}:5: ") and "bad CSV row" in w for w in warnings), warnings
    assert len(warnings) == 2


def test_csv_row_id_defaults_to_the_line_the_row_starts_on(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text('text\n"a\nb"\nc\n', encoding="utf-8")
    docs, _ = _read([f])
    assert [d.id for d in docs] == [f"{f}:2", f"{f}:4"]


def test_gbk_csv_and_utf8_bom_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "gbk.csv").write_bytes("text\n坚持两个确立，做到两个维护\n".encode("gbk"))
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + '{"text": "四风"}\n'.encode())
    docs, _ = _read([tmp_path])
    assert sorted(d.text for d in docs) == ["四风", "坚持两个确立，做到两个维护"]
    assert {d.encoding for d in docs} == {"gb18030", "utf-8"}


def test_tsv_by_extension(tmp_path: Path) -> None:
    f = tmp_path / "c.tsv"
    f.write_text("text\tregion\n四风,两个确立\t浙江\n", encoding="utf-8")
    docs, _ = _read([f], group_field="region")
    assert [(d.text, d.meta) for d in docs] == [("四风,两个确立", {"group": "浙江"})]


def test_explicit_input_format_overrides_the_extension(tmp_path: Path) -> None:
    f = _jsonl(tmp_path / "data.txt", {"text": "四风"})
    assert [d.text for d in _read([f])[0]] == [f.read_text(encoding="utf-8")]
    assert [d.text for d in _read([f], input_format="jsonl")[0]] == ["四风"]


def test_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = '{"text": "四风", "d": "2020"}\n'.encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = list(read_documents(["-"], options=ReadOptions(input_format="jsonl", date_field="d")))
    assert [(d.id, d.text, d.meta) for d in docs] == [("<stdin>:1", "四风", {"date": "2020"})]


def test_date_from_the_file_name_when_no_field_gives_one(tmp_path: Path) -> None:
    (tmp_path / "xinwenlianbo_2024-01.txt").write_text("四风", encoding="utf-8")
    (tmp_path / "rmrb_20210115.txt").write_text("四风", encoding="utf-8")
    (tmp_path / "000_afae009a4040d301.txt").write_text("四风", encoding="utf-8")
    _jsonl(tmp_path / "feed_2019-10-01.jsonl", {"text": "a"}, {"text": "b", "date": "2020-05-04"})
    docs, _ = _read([tmp_path], date_field="date")
    assert {Path(d.id).name: d.meta.get("date") for d in docs} == {
        "000_afae009a4040d301.txt": None,
        "feed_2019-10-01.jsonl:1": "2019-10-01",
        "feed_2019-10-01.jsonl:2": "2020-05-04",
        "rmrb_20210115.txt": "2021-01-15",
        "xinwenlianbo_2024-01.txt": "2024-01",
    }


@pytest.mark.parametrize("value, iso", [
    ("2024-01-05", "2024-01-05"), ("2024/1/5", "2024-01-05"), ("2024.01.05", "2024-01-05"),
    ("20240105", "2024-01-05"), ("2024-01-05 08:30", "2024-01-05"), ("2024-01-05T08:30:00+08:00", "2024-01-05"),
    ("2024年1月5日", "2024-01-05"), ("2024年1月5号", "2024-01-05"), ("2024年3月", "2024-03"), ("2024-3", "2024-03"),
    ("2024", "2024"), ("2024年", "2024"), (2024, "2024"), (20240105, "2024-01-05"),
    ("2023-02-29", None), ("2024-13", None), ("soon", None), ("", None), (None, None), (True, None), (3.5, None),
])
def test_normalize_date(value: object, iso: str | None) -> None:
    assert normalize_date(value) == iso


@pytest.mark.parametrize("name, iso", [
    ("xinwenlianbo_2024-01.txt", "2024-01"), ("2024-01-05.txt", "2024-01-05"), ("rmrb20210115.txt", "2021-01-15"),
    ("a/b/2021_03_04_x.md", "2021-03-04"), ("dir_2020-01-01/notes.txt", None), ("x_20241399.txt", None),
    ("000_afae009a4040d301.txt", None), ("report-123456789.txt", None),
])
def test_date_from_name(name: str, iso: str | None) -> None:
    assert date_from_name(name) == iso


def test_documents_with_meta_stay_picklable(tmp_path: Path) -> None:
    f = _jsonl(tmp_path / "c.jsonl", {"text": "四风", "date": "2020-01", "g": "x"})
    docs, _ = _read([f], date_field="date", group_field="g")
    assert pickle.loads(pickle.dumps(docs)) == docs


def test_unknown_input_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown input format 'xml'"):
        ReadOptions(input_format="xml")


def test_plain_text_files_keep_their_old_behaviour(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("四风", encoding="utf-8")
    docs, warnings = _read([f])
    assert [(d.id, d.text, d.encoding, d.meta) for d in docs] == [(str(f), "四风", "utf-8", {})]
    assert warnings == []


# --- the reading options on the commands ---------------------------------------------------------

def test_tag_count_and_gloss_read_jsonl_with_fields(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from termkit.cli import app

    f = _jsonl(tmp_path / "c.jsonl", {"k": "x1", "body": "坚持两个确立"}, "nope", {"k": "x2", "body": "反对四风"})
    runner = CliRunner()
    fields = ["--text-field", "body", "--id-field", "k"]
    tag = runner.invoke(app, ["tag", str(f), *fields, "-f", "jsonl"])
    assert tag.exit_code == 0, tag.stderr
    assert [(r["doc"], r["text"]) for r in map(json.loads, tag.stdout.splitlines())] == [
        ("x1", "两个确立"), ("x2", "四风")]
    assert f"{f}:2: not JSON" in tag.stderr
    count = runner.invoke(app, ["count", str(f), *fields, "-f", "json"])
    assert {r["term"]: r["count"] for r in json.loads(count.stdout)} == {"两个确立": 1, "四风": 1}
    gloss = runner.invoke(app, ["gloss", str(f), *fields, "-f", "csv"])
    assert gloss.exit_code == 0 and "Two Establishments" in gloss.stdout
    as_text = runner.invoke(app, ["count", str(f), "--input-format", "text", "-f", "json"])
    assert as_text.exit_code == 0 and "两个确立" in as_text.stdout  # the whole file read as one text
    bad = runner.invoke(app, ["count", str(f), "--input-format", "xml"])
    assert bad.exit_code == 2


def test_commands_that_read_documents_have_the_reading_options() -> None:
    from typer.testing import CliRunner

    from termkit.cli import app

    for command in ("tag", "count", "gloss", "trend", "report"):
        out = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
        for option in ("--input-format", "--text-field", "--id-field", "--date-field", "--group-field"):
            assert option in out, (command, option)


def test_reading_csv_leaves_the_process_wide_field_limit_alone() -> None:
    import csv

    from termkit.corpus import parse_csv

    before = csv.field_size_limit()
    long_text = "四" * (before + 10)
    rows = list(parse_csv(["id,text\n", f"a,{long_text}\n"], "a.csv"))
    assert rows == [(2, {"id": "a", "text": long_text})]
    assert csv.field_size_limit() == before
