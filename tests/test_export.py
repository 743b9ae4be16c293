"""Every glossary format, read back by an independent reader and compared with the lexicon.

The format tests use a small lexicon written here (traditional, rare and astral characters, a
formula with an expansion, a deprecated rendering, cells a spreadsheet would run), not the bundled
one; the CLI test at the end checks the seeds' glossary against counts verified by hand.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import load_cases
from lxml import etree
from typer.testing import CliRunner

from termkit.cli import app
from termkit.compile import compile_lexicon
from termkit.corpus import Document
from termkit.errors import ExportError
from termkit.export import FORMATS, ExportOptions, export
from termkit.export._fields import COLUMNS, FORMULA_START, LIST_SEP, marked_context, ordered_alts
from termkit.gloss import Glossary, GlossRow, build_glossary
from termkit.lexicon import Entry, load_lexicon
from termkit.match import analyse

LEXICON_YAML = """\
terms:
  - id: two-establishments
    term: 两个确立
    pinyin: liǎng gè què lì
    gloss: Two Establishments
    gloss_status: official
    category: formula
    pos: noun
    expansion:
      - 确立习近平同志党中央的核心、全党的核心地位
      - 确立习近平新时代中国特色社会主义思想的指导地位
    alt_glosses:
      - {text: Two Establishes, status: media, source: "press, 2021"}
      - {text: Two Affirmations, status: deprecated}
    definition: 'The Party''s verdict, with "quotes", commas and a | bar.'
    related: [two-upholds, not-exported]
  - id: two-upholds
    term: 两个维护
    gloss: =Two Upholds
    category: formula
    related: [two-establishments]
  - id: 4-plus-1
    term: 4+1重要要求
    pinyin: zhòng yào yāo qiú
    gloss: -the '4+1' important requirements
    category: local
    level: provincial
    place: 浙江省
  - id: rare-chars
    term: 𠮷祥龘
    pinyin: jí xiáng dá
    gloss: "@auspicious (rare characters)"
    literal: 𠮷 and 龘 are outside everyday use
  - id: mass-line
    term: 群众路线
    gloss: mass line
    gloss_status: official
    category: method
    first_seen: 1943
"""
TEXTS = {
    "a.txt": "坚定拥护“两个确立”，坚决做到“两个维护”。落实4+1重要要求。\n",
    "b.txt": "兩個確立的決定性意義。𠮷祥龘出現在這裡。走好群眾路線！两个确立。",
}
ALLOWED_STATUS = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                  "supersededTerm-admn-sts"}
TBX_BASIC_TERMNOTES = {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender",
                       "termLocation", "termType"}
TBX_BASIC_DESCRIPS = {"subjectField", "context", "definition"}
TBX_BASIC_ADMINS = {"customerSubset", "projectSubset", "source"}
NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    d = tmp_path_factory.mktemp("lex")
    (d / "fixture.yaml").write_text(LEXICON_YAML, encoding="utf-8")
    return load_lexicon(d)


@pytest.fixture(scope="module")
def glossary(lexicon):
    docs = [Document(name, text) for name, text in TEXTS.items()]
    return build_glossary(analyse(docs, compile_lexicon(lexicon)), lexicon)


def render(glossary, fmt, **options):
    return export(glossary, fmt, ExportOptions(**options))


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def test_fixture_glossary(glossary, lexicon):
    rows = {r.entry.id: r for r in glossary.rows}
    assert [r.entry.id for r in glossary.rows] == ["two-establishments", "two-upholds", "4-plus-1",
                                                  "rare-chars", "mass-line"]
    assert (rows["two-establishments"].count, rows["two-establishments"].docs) == (3, 2)
    assert rows["rare-chars"].traditional == "𠮷祥龘"
    assert rows["mass-line"].traditional == "群眾路線"
    assert rows["mass-line"].pinyin_auto and not rows["two-establishments"].pinyin_auto


def test_registry_has_one_module_per_format_and_imports_lazily():
    assert list(FORMATS) == ["md", "csv", "tsv", "deepl", "omegat", "tbx", "tbx2", "tbx3", "json"]
    assert FORMATS["tbx"] == FORMATS["tbx2"] != FORMATS["tbx3"]  # tbx is TBX 2008; tbx2 its old name
    code = ("import sys, termkit.export; "
            "print(any(m.startswith('termkit.export._') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    with pytest.raises(ExportError, match="unknown glossary format"):
        export(Glossary(()), "xlsx")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_handles_an_empty_glossary(fmt, glossary):
    full, empty = render(glossary, fmt).data, render(Glossary(()), fmt).data
    assert full and len(empty) < len(full)
    assert "两个确立" in full and "两个确立" not in empty  # no row, whatever the format's frame


def split_like_a_spreadsheet(data: str, separators: str = ",;\t") -> list[list[str]]:
    """Split as LibreOffice Calc's text import does by default (comma, semicolon and tab all ticked,
    `"` as the string delimiter): any separator outside quotes ends a cell; `""` inside quotes is `"`."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell, quoted, i = "", False, 0
    while i < len(data):
        ch = data[i]
        if quoted:
            if ch == '"' and data[i + 1:i + 2] == '"':
                cell, i = cell + '"', i + 1
            elif ch == '"':
                quoted = False
            else:
                cell += ch
        elif ch == '"' and not cell:
            quoted = True
        elif ch in separators:
            row, cell = [*row, cell], ""
        elif ch == "\n":
            rows.append([*row, cell])
            row, cell = [], ""
        else:
            cell += ch
        i += 1
    return rows


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_spreadsheet_import_keeps_columns_and_numbers(fmt):
    """A definition with ';' and ',' and a gloss with ';' stay in their cells; counts stay numbers."""
    e = Entry(id="x", term="四风", gloss="style; conduct", definition='Four "winds": a, b; c.')
    rows = split_like_a_spreadsheet(render(Glossary((GlossRow(e, "四風", "sì fēng", count=7, docs=2),)), fmt).data)
    assert [len(r) for r in rows] == [len(COLUMNS)] * 2
    record = dict(zip(rows[0], rows[1]))
    assert (record["gloss"], record["definition"]) == ("style; conduct", 'Four "winds": a, b; c.')
    assert (record["count"], record["docs"]) == ("7", "2")
    line = render(Glossary((GlossRow(e, "四風", "sì fēng", count=7, docs=2),)), fmt).data.splitlines()[1]
    assert "7" in line.replace('"', "").split("," if fmt == "csv" else "\t")  # written bare, read as a number


def test_spreadsheet_import_of_the_seed_glossary():
    result = CliRunner().invoke(app, ["gloss", SEEDS, "-f", "csv"])
    rows = split_like_a_spreadsheet(result.stdout)
    assert len(rows) > 100 and {len(r) for r in rows} == {len(COLUMNS)}
    assert all(r[COLUMNS.index("count")].isdigit() for r in rows[1:])


def read_csv(data: str, delimiter: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(data), delimiter=delimiter))
    return [{k: unneutralise(v) for k, v in r.items()} for r in rows]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_round_trip(glossary, lexicon, fmt, delimiter):
    data = render(glossary, fmt).data
    assert next(csv.reader(io.StringIO(data), delimiter=delimiter)) == list(COLUMNS)
    rows = read_csv(data, delimiter)
    assert [r["id"] for r in rows] == [r.entry.id for r in glossary.rows]
    for rec, row in zip(rows, glossary.rows):
        e = lexicon.by_id[rec["id"]]
        assert (rec["term"], rec["gloss"], rec["category"]) == (e.term, e.gloss, e.category)
        assert rec["traditional"] == row.traditional and rec["pinyin"] == row.reading
        assert rec["expansion"].split(LIST_SEP) == list(e.expansion) if e.expansion else rec["expansion"] == ""
        assert rec["definition"] == (e.definition or "")
        assert (int(rec["count"]), int(rec["docs"])) == (row.count, row.docs)
        assert rec["context"] == marked_context(row)  # the term marked 【…】 where it stands
        assert rec["pinyin_source"] == ("pypinyin" if row.pinyin_auto else "lexicon")


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_formula_cells_are_neutralised(glossary, fmt):
    raw = list(csv.DictReader(io.StringIO(render(glossary, fmt).data), delimiter="," if fmt == "csv" else "\t"))
    glosses = {r["id"]: r["gloss"] for r in raw}
    assert glosses["two-upholds"] == "'=Two Upholds"
    assert glosses["4-plus-1"] == "'-the '4+1' important requirements"
    assert glosses["rare-chars"] == "'@auspicious (rare characters)"
    assert glosses["mass-line"] == "mass line"
    for r in raw:
        assert not any(v.startswith(FORMULA_START) for v in r.values())


def test_csv_excel_bom(glossary):
    plain, excel = render(glossary, "csv").data, render(glossary, "csv", excel=True).data
    assert excel == "\ufeff" + plain
    assert read_csv(excel.encode("utf-8").decode("utf-8-sig"), ",") == read_csv(plain, ",")


def test_json_round_trip(glossary, lexicon):
    records = json.loads(render(glossary, "json").data)
    extra = {"traditional", "pinyin_source", "reading", "count", "docs", "context", "context_doc"}
    for rec in records:
        if rec["pinyin_source"] == "pypinyin":
            rec["pinyin"] = None
        rec = {k: v for k, v in rec.items() if k not in extra} | {"context": rec["context_rules"]}
        del rec["context_rules"]
        assert Entry(**rec) == lexicon.by_id[rec["id"]]
    for rec, row in zip(json.loads(render(glossary, "json").data), glossary.rows):
        assert (rec["traditional"], rec["count"], rec["context"]) == (row.traditional, row.count, row.context)


def test_json_keeps_the_entry_context_rules_apart_from_the_example_sentence():
    e = Entry(id="x", term="三通", gloss="three links", context={"not_after": ["小"]})
    rec = json.loads(render(Glossary((GlossRow(e, "三通", "sān tōng", context="实现两岸三通。"),)), "json").data)[0]
    assert rec["context"] == "实现两岸三通。" and rec["context_rules"]["not_after"] == ["小"]


def test_deepl_entries_follow_the_rules(glossary, lexicon):
    out = render(glossary, "deepl")
    formulas = [r.entry for r in glossary.rows if r.entry.gloss.startswith(FORMULA_START)]
    assert formulas, "the fixture has a gloss a spreadsheet would run"
    assert [p.split(":")[0] for p in out.problems] == [e.id for e in formulas]  # warned, once per entry
    assert all("runs it as a formula" in p for p in out.problems)
    assert all(f"{e.term}\t{e.gloss}" in out.data.splitlines() for e in formulas)  # DeepL wants the raw text
    pairs = [line.split("\t") for line in out.data.splitlines()]
    assert all(len(p) == 2 for p in pairs)
    sources = [s for s, _ in pairs]
    assert len(sources) == len(set(sources))
    expected = []
    for row in glossary.rows:
        expected += [(s, row.entry.gloss) for s in dict.fromkeys((row.entry.term, row.traditional))]
    assert [tuple(p) for p in pairs] == expected
    assert ("兩個確立", "Two Establishments") in expected and ("𠮷祥龘", "@auspicious (rare characters)") in expected


def test_deepl_reports_entries_that_break_the_rules():
    def row(id_: str, term: str, gloss: str) -> GlossRow:
        # an entry the schema would refuse, made as an unpickled one is: without the check
        entry = object.__new__(Entry)
        for f in dataclasses.fields(Entry):
            object.__setattr__(entry, f.name, {"id": id_, "term": term, "gloss": gloss}.get(f.name, f.default))
        return GlossRow(entry, term, "")

    bad = Glossary((row("ok", "四风", "Four Winds"), row("dup", "四风", "four styles"),
                    row("tab", "两个维护", "Two\tUpholds"), row("pad", " 群众 ", "the masses"),
                    row("empty", "空", " "), row("long", "长", "x" * 1025)))
    out = render(bad, "deepl")
    assert out.data == "四风\tFour Winds\n"
    assert len(out.problems) == 5
    for id_, why in [("dup", "already the source of ok"), ("tab", "control character"),
                     ("pad", "leading or trailing whitespace"), ("empty", "empty"), ("long", "1024")]:
        assert any(p.startswith(f"{id_}: ") and why in p and "not written" in p for p in out.problems)


def read_omegat(data: str) -> list[tuple[str, str, str]]:
    """The way OmegaT's GlossaryReaderTSV reads a file: skip # lines, split on tabs, trim."""
    out = []
    for line in data.splitlines():
        if line.startswith("#"):
            continue
        tokens = [t.strip() for t in line.split("\t")]
        if len(tokens) >= 2 and tokens[0]:
            out.append((tokens[0], tokens[1], tokens[2] if len(tokens) > 2 else ""))
    return out


def test_omegat_round_trip(glossary):
    out = render(glossary, "omegat")
    assert out.data.startswith("# Glossary in tab-separated format -*- coding: utf-8 -*-\n")
    entries = read_omegat(out.data)
    expected = [(s, r.entry.gloss) for r in glossary.rows for s in dict.fromkeys((r.entry.term, r.traditional))]
    assert [(s, t) for s, t, _ in entries] == expected
    comments = {s: c for s, _, c in entries}
    assert comments["两个确立"].startswith("liǎng gè què lì · formula · official · 确立习近平同志党中央的核心")
    assert "pinyin generated, unchecked" in comments["群众路线"]
    assert all(line.count("\t") == 2 for line in out.data.splitlines()[1:])


def tbx_root(glossary):
    out = render(glossary, "tbx3")
    assert out.problems == ()
    return etree.fromstring(out.data.encode("utf-8"))


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def lang_sec(concept, lang):
    (sec,) = [s for s in concept.findall(q("langSec")) if s.get(XML_LANG) == lang]
    return sec


def test_tbx_structure_follows_tbx_basic(glossary, lexicon):
    root = tbx_root(glossary)
    assert root.tag == q("tbx") and (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    concepts = root.findall(f"{q('text')}/{q('body')}/{q('conceptEntry')}")
    assert [c.get("id") for c in concepts] == ["two-establishments", "two-upholds", "_4-plus-1", "rare-chars",
                                               "mass-line"]
    for el in root.iter(q("termNote")):
        assert el.get("type") in TBX_BASIC_TERMNOTES
        assert el.getparent().tag == q("termSec")
        if el.get("type") == "administrativeStatus":
            assert el.text in ALLOWED_STATUS
    assert {el.get("type") for el in root.iter(q("descrip"))} <= TBX_BASIC_DESCRIPS
    assert {el.get("type") for el in root.iter(q("admin"))} <= TBX_BASIC_ADMINS
    for el in root.iter(q("descrip")):
        if el.get("type") == "context":
            assert el.getparent().getparent().tag == q("termSec")
    ids = {c.get("id") for c in concepts}
    for ref in root.iter(q("ref")):
        assert ref.get("type") == "crossReference" and ref.get("target") in ids


def test_tbx_content_round_trips(glossary, lexicon):
    concepts = {c.get("id").lstrip("_"): c for c in tbx_root(glossary).iter(q("conceptEntry"))}
    for row in glossary.rows:
        e, c = row.entry, concepts[row.entry.id]
        zh, en = lang_sec(c, "zh"), lang_sec(c, "en")
        zh_terms = [t.findtext(q("term")) for t in zh.findall(q("termSec"))]
        assert zh_terms == list(dict.fromkeys((e.term, row.traditional, *e.variants)))
        first = zh.find(q("termSec"))
        pinyin = [n.text for n in first.findall(q("note")) if n.get(XML_LANG) == "zh-Latn-pinyin"]
        assert pinyin == [row.reading]
        en_terms = en.findall(q("termSec"))
        assert en_terms[0].findtext(q("term")) == e.gloss
        assert en_terms[0].findtext(q("termNote")) == "preferredTerm-admn-sts"
        assert [t.findtext(q("term")) for t in en_terms[1:]] == [a.text for a in e.alt_glosses]
        definition = zh.find(q("descrip"))
        assert (definition.text.split("\n") if definition is not None else []) == list(e.expansion)
    est = concepts["two-establishments"]
    statuses = {t.findtext(q("term")): t.find(q("termNote[@type='administrativeStatus']")).text
                for t in lang_sec(est, "en").findall(q("termSec"))}
    assert statuses["Two Affirmations"] == "deprecatedTerm-admn-sts"
    assert statuses["Two Establishes"] == "admittedTerm-admn-sts"
    assert lang_sec(est, "zh").findtext(f"{q('termSec')}/{q('termNote')}[@type='partOfSpeech']") == "noun"
    assert lang_sec(est, "en").findtext(q("descrip")) == est_definition(glossary)
    context = lang_sec(est, "zh").find(f"{q('termSec')}/{q('descripGrp')}")
    descrip = context.find(q("descrip"))
    assert "".join(descrip.itertext()) == "坚定拥护“两个确立”，坚决做到“两个维护”。"
    assert [(h.get("type"), h.text) for h in descrip] == [("bold", "两个确立")]  # the term marked where it stands
    assert context.findtext(q("admin")) == "a.txt"
    assert [r.get("target") for r in est.findall(q("ref"))] == ["two-upholds"]


def est_definition(glossary):
    return next(r.entry.definition for r in glossary.rows if r.entry.id == "two-establishments")


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_default_tbx_read_by_translate_toolkit(glossary, lexicon, tmp_path, fmt):
    """translate-toolkit opens the file as a user would (by file name), preferred rendering first,
    deprecated ones not offered as targets but named in a "do not use" note."""
    from translate.storage import factory

    path = tmp_path / "glossary.tbx"
    path.write_text(render(glossary, fmt).data, encoding="utf-8")
    store = factory.getobject(str(path))
    assert len(store.units) == len(glossary.rows)
    for unit, row in zip(store.units, glossary.rows):
        e = row.entry
        assert (unit.getid().lstrip("_"), unit.source, unit.target) == (e.id, e.term, e.gloss)
        source_terms = [t.text for t in unit.get_source_terms()]
        assert source_terms == list(dict.fromkeys((e.term, row.traditional)))
        targets = [t.text for t in unit.get_target_terms()]
        assert targets == [e.gloss, *(a.text for a in ordered_alts(e) if a.status != "deprecated")]
        for a in e.alt_glosses:
            if a.status == "deprecated":
                assert a.text not in targets and f"do not use: {a.text}" in unit.getnotes()
        assert row.pinyin in unit.getnotes()


def test_tbx2po_converts_the_default_tbx(glossary, tmp_path):
    """translate-toolkit's own converter writes one message per entry (it wrote 0 bytes for TBX v3)."""
    from translate.convert import tbx2po

    src, dst = tmp_path / "g.tbx", tmp_path / "g.po"
    src.write_text(render(glossary, "tbx").data, encoding="utf-8")
    with src.open("rb") as fin, dst.open("wb") as fout:
        tbx2po.converttbx(fin, fout, None)
    po = dst.read_text(encoding="utf-8")
    assert po.count("\nmsgid ") - 1 == len(glossary.rows)  # the header is a message too
    assert 'msgid "两个确立"' in po


def test_tbx3_keeps_deprecated_renderings_as_deprecated_terms(glossary):
    root = tbx_root(glossary)
    statuses = {t.findtext(q("term")): t.findtext(f"{q('termNote')}[@type='administrativeStatus']")
                for t in root.iter(q("termSec"))}
    for row in glossary.rows:
        for a in row.entry.alt_glosses:
            assert statuses[a.text] == ("deprecatedTerm-admn-sts" if a.status == "deprecated"
                                        else "admittedTerm-admn-sts")


def test_markdown_shows_every_entry(glossary):
    md = render(glossary, "md").data
    assert md.startswith("# Glossary\n")
    for row in glossary.rows:
        e = row.entry
        assert f"## {e.term} — " in md
        assert row.traditional in md and row.pinyin in md
    assert "† pinyin generated automatically" in md
    assert "> 坚定拥护“**两个确立**”，坚决做到“两个维护”。" in md
    assert "1. 确立习近平同志党中央的核心、全党的核心地位" in md
    assert "a \\| bar" in md  # Markdown specials are escaped


def test_xml_cannot_hold_some_characters_and_says_so():
    row = GlossRow(Entry(id="x", term="四风", gloss="Four Winds"), "四風", "sì fēng",
                   context="反对\x0b四风", context_doc="d")
    out = render(Glossary((row,)), "tbx")
    assert "反对四风" in out.data and out.problems and out.problems[0].startswith("x: ")


# --- the command, on the seeds (bundled lexicon; counts verified by hand with grep) -----------

SEEDS = str(Path(__file__).resolve().parent.parent / "seeds")
# id: (count, documents, traditional form, document of the first sentence, part of that sentence)


def test_cli_gloss_seeds_json():
    result = CliRunner().invoke(app, ["gloss", SEEDS, "--format", "json"])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in json.loads(result.stdout)}
    cases = [p.values[0] for p in load_cases("seeds", key="id") if "context" in p.values[0]]
    assert cases
    for case in cases:  # the hand-verified seeds (tests/cases/seeds.jsonl) that name a context
        r = records[case["id"]]
        assert (r["count"], r["docs"], r["traditional"]) == (case["count"], case["docs"], case["traditional"])
        assert Path(r["context_doc"]).name.startswith(case["context_seed"]) and case["context"] in r["context"]


@pytest.mark.parametrize(("args", "root_tag"), [(["-f", "tbx3"], q("tbx")), (["-f", "tbx"], "martif"),
                                               ([], "martif")])
def test_cli_gloss_writes_a_file_and_sorts(tmp_path, args, root_tag):
    target = tmp_path / "seeds.tbx"
    result = CliRunner().invoke(app, ["gloss", SEEDS, *args, "-o", str(target), "--sort", "count"])
    assert result.exit_code == 0, result.output
    assert "<conceptEntry" not in result.stdout and "<termEntry" not in result.stdout
    root = etree.parse(str(target)).getroot()
    assert root.tag == root_tag
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic writer left nothing behind


@pytest.mark.parametrize(("name", "fmt", "first"), [("g.csv", None, '"id","term"'), ("g.md", None, "# Glossary"),
                                                    ("g.json", None, "["), ("g", None, "# Glossary"),
                                                    ("g.tsv", "deepl", "两个确立\t")])
def test_cli_gloss_takes_the_format_from_the_file_name(tmp_path, name, fmt, first):
    target = tmp_path / name
    args = ["gloss", "-", "-o", str(target)] + (["-f", fmt] if fmt else [])
    result = CliRunner().invoke(app, args, input="坚定拥护“两个确立”。")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").lstrip("\ufeff").startswith(first)


def test_cli_gloss_format_and_file_name_that_disagree_is_an_error(tmp_path):
    target = tmp_path / "x.tbx"
    result = CliRunner().invoke(app, ["gloss", SEEDS, "-f", "md", "-o", str(target)])
    assert result.exit_code == 1
    assert "error: " in result.stderr and "x.tbx" in result.stderr and "--format md" in result.stderr
    assert not target.exists()


def test_cli_gloss_usage_errors():
    runner = CliRunner()
    assert runner.invoke(app, ["gloss"]).exit_code == 2
    assert runner.invoke(app, ["gloss", SEEDS, "-f", "xlsx"]).exit_code == 2
    assert runner.invoke(app, ["gloss", SEEDS, "--sort", "size"]).exit_code == 2
    help_text = runner.invoke(app, ["gloss", "--help"]).output
    assert all(name in help_text for name in FORMATS)


def test_cli_gloss_reports_deepl_problems_on_stderr(tmp_path):
    (tmp_path / "lex.yaml").write_text(
        "terms:\n  - {id: a, term: 四风, gloss: \"Four\\tWinds\"}\n  - {id: b, term: 两个维护, gloss: Two Upholds}\n",
        encoding="utf-8")
    (tmp_path / "doc.txt").write_text("反对四风，做到两个维护。", encoding="utf-8")
    result = CliRunner().invoke(app, ["gloss", str(tmp_path / "doc.txt"), "-l", str(tmp_path / "lex.yaml"),
                                      "-f", "deepl"])
    assert result.exit_code == 0
    assert result.stdout == "两个维护\tTwo Upholds\n兩個維護\tTwo Upholds\n"
    assert "a: target" in result.stderr and "not written" in result.stderr


def test_english_expansion_items_reach_md_tbx_and_omegat(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from termkit.cli import app

    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - {id: four-winds, term: 四风, gloss: four forms of decadence, category: formula, "
                   "expansion: [形式主义, 官僚主义, 享乐主义, 奢靡之风], "
                   "expansion_en: [formalism, bureaucratism, hedonism, extravagance]}\n", encoding="utf-8")
    runner = CliRunner()
    out = {f: runner.invoke(app, ["gloss", "-", "-l", str(lex), "-f", f], input="反对四风").stdout
           for f in ("md", "tbx", "omegat")}
    assert "2. 官僚主义 — bureaucratism" in out["md"]
    assert "formalism\nbureaucratism\nhedonism\nextravagance</descrip>" in out["tbx"]
    assert "formalism; bureaucratism; hedonism; extravagance" in out["omegat"]
