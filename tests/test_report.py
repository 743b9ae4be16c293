"""The HTML report: built from the library, checked as text, and looked at in headless Chromium as a
person would (screenshot, highlighted terms, a hover and a keyboard focus showing the gloss)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from cdp import Browser, chromium
from helpers import SEEDS
from typer.testing import CliRunner

from termkit.cli import app
from termkit.corpus import Document
from termkit.lexicon import Entry
from termkit.match import DocumentResult, Match
from termkit.report import ReportOptions, build_report, highlight

runner = CliRunner()

EVIL = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'img\'">反对四风'
WINDS = Entry(id="four-winds", term="四风", gloss='Four Winds <b onmouseover="x">', pinyin="sì fēng",
              expansion=("形式主义", "</script><script>alert(1)</script>"))


def _result(doc_id: str, text: str, meta: dict | None = None) -> DocumentResult:
    matches = [Match(m.start(), m.end(), "四风", WINDS) for m in re.finditer("四风", text)]
    return DocumentResult(Document(doc_id, text, meta=meta or {}), matches, [])


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = runner.invoke(app, ["report", str(SEEDS), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    return out


# --- the page as text ------------------------------------------------------------------------------

def test_document_and_lexicon_text_is_escaped() -> None:
    page = build_report([_result("<i>doc</i>", EVIL)])
    body = page.split("<body>")[1]
    assert body.count("<script") == 2  # the terms' JSON and the page's own script, nothing else
    assert "<img" not in body and "<b " not in body and "<i>" not in body
    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in body
    assert "&lt;i&gt;doc&lt;/i&gt;" in body
    data = re.search(r'id="termkit-terms">(.*?)</script>', page, re.DOTALL).group(1)
    assert "</script>" not in data and json.loads(data)["four-winds"]["expansion"][1].startswith("</script>")


def test_page_is_self_contained_and_its_script_allowed_by_hash() -> None:
    page = build_report([_result("a", "四风")])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_highlight_marks_each_match_and_skips_nested_and_cut_ones() -> None:
    inner = Entry(id="inner", term="风", gloss="wind")
    matches = [Match(0, 2, "四风", WINDS), Match(1, 2, "风", inner), Match(4, 6, "四风", WINDS)]
    html = highlight("四风，，四风", matches, limit=5)
    assert html.count("<mark") == 1 and 'data-id="four-winds"' in html and html.endswith("，四")


def test_summary_counts_and_damage_locations() -> None:
    from termkit.normalize import find_damage

    text = "反对四风。宁??县委"
    r = DocumentResult(Document("d.txt", text), [Match(2, 4, "四风", WINDS)], find_damage(text))
    page = build_report([r])
    assert re.search(r"<dt>damaged runs</dt><dd>1</dd>", page)
    assert "<td>d.txt</td><td class=\"num\">1</td><td class=\"num\">7</td>" in page


def test_large_corpora_are_shown_in_part_and_say_so() -> None:
    results = [_result(f"d{i}", "四风" + "文" * 50) for i in range(30)]
    page = build_report(results, ReportOptions(documents=5, dispersion_docs=10, max_chars=20))
    assert page.count('<article class="doc"') == 5
    assert "The first 5 of 30 documents are shown" in page
    assert "Only the first 10 of 30 documents are plotted" in page
    assert "Shown: the first 20 of 52 characters" in page
    assert "<dt>documents</dt><dd>30</dd>" in page


def test_trends_when_dates_exist_and_a_note_when_not() -> None:
    dated = [_result("a", "四风", {"date": "2013-06"}), _result("b", "四风四风", {"date": "2015-01-02"}),
             _result("c", "四风")]
    page = build_report(dated)
    assert 'id="trend-chart"' in page and ">2013<" in page and ">2015<" in page
    assert "1 document has no date" in page
    undated = build_report([_result("a", "四风")])
    assert 'id="trend-chart"' not in undated and "No trend: no document has a date" in undated


def test_empty_corpus_still_renders() -> None:
    page = build_report([])
    assert "<dt>documents</dt><dd>0</dd>" in page and "No documents." in page


def test_cli_writes_the_file_and_reads_jsonl_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [
        {"t": "反对四风", "d": "2013-06-18"}, {"t": "坚持两个确立", "d": "2021-11-16"}]) + "oops\n", encoding="utf-8")
    out = tmp_path / "r.html"
    r = runner.invoke(app, ["report", str(corpus), "--text-field", "t", "--date-field", "d", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert 'id="trend-chart"' in page and 'data-id="two-establishments"' in page
    assert "c.jsonl:3: not JSON" in r.stderr and "wrote" in r.stderr
    assert not list(tmp_path.glob(".r.html.*"))  # the atomic write left no temporary file
    stdout = runner.invoke(app, ["report", str(corpus), "--text-field", "t", "-o", "-"])
    assert stdout.exit_code == 0 and stdout.stdout.startswith("<!DOCTYPE html>")


def test_cli_report_into_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    r = runner.invoke(app, ["report", str(SEEDS), "-o", str(tmp_path / "no" / "r.html")])
    assert r.exit_code == 1 and "does not exist" in r.stderr


def test_seeds_report_highlights_the_hand_verified_terms(seeds_report: Path) -> None:
    page = seeds_report.read_text(encoding="utf-8")
    assert page.count('data-id="two-establishments"') == 3
    assert page.count('data-id="four-grassroots-visits"') == 5
    assert 'title="Two Establishments · liǎng gè què lì"' in page


# --- the page in a browser -------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    chromium() is None, reason="chromium is not installed (apt-get install chromium; .ci/run does this)")


@needs_chromium
def test_seeds_report_in_chromium(seeds_report: Path, tmp_path: Path) -> None:
    with Browser.launch(tmp_path) as b:
        b.open(seeds_report)
        shot = tmp_path / "report.png"
        b.screenshot(shot, full_page=True)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert width > 1000 and height > 3000

        # the expected terms are highlighted, as focusable marks carrying their gloss
        marks = b.evaluate("Array.from(document.querySelectorAll('mark.term')).map(m => "
                           "[m.dataset.id, m.textContent, m.tabIndex, m.title])")
        by_id: dict[str, list] = {}
        for eid, text, tabindex, title in marks:
            by_id.setdefault(eid, []).append((text, tabindex, title))
        assert len(by_id["two-establishments"]) == 3 and len(by_id["four-grassroots-visits"]) == 5
        assert {t for t, _, _ in by_id["two-establishments"]} == {"兩個確立"}  # traditional in seeds 000/001
        assert all(tab == 0 and title.startswith("Two Establishments") for _, tab, title in by_id["two-establishments"])
        assert b.evaluate("document.querySelectorAll('svg#top-chart rect.bar').length") == 20
        assert b.evaluate("document.querySelectorAll('svg#dispersion-plot line.tick').length") > 50

        # a hover shows the gloss, pinyin and expansion
        assert b.evaluate("document.getElementById('tip').hidden") is True
        b.hover('mark.term[data-id="two-establishments"]')
        tip = b.evaluate("(() => { const t = document.getElementById('tip'); "
                         "return [t.hidden, t.innerText, getComputedStyle(t).display]; })()")
        assert tip[0] is False and tip[2] != "none"
        assert "Two Establishments" in tip[1] and "liǎng gè què lì" in tip[1]
        assert "确立习近平同志党中央的核心、全党的核心地位" in tip[1]
        b.screenshot(tmp_path / "hover.png")

        # the keyboard reaches the terms, and focusing one shows its gloss
        b.call("Input.dispatchMouseEvent", type="mouseMoved", x=5, y=5)
        for _ in range(60):
            b.press_tab()
            if b.evaluate("document.activeElement.matches('mark.term')"):
                break
        focused = b.evaluate("document.activeElement.dataset.id")
        assert focused, "Tab never reached a highlighted term"
        gloss = b.evaluate(f"JSON.parse(document.getElementById('termkit-terms').textContent)['{focused}'].gloss")
        assert b.evaluate("document.getElementById('tip').hidden") is False
        assert gloss in b.evaluate("document.getElementById('tip').innerText")

        # the frequency table sorts on a click
        b.click("#freq th:nth-child(5) button")
        counts = b.evaluate("Array.from(document.querySelectorAll('#freq tbody tr')).map(r => +r.cells[4].textContent)")
        assert counts == sorted(counts) and counts[0] < counts[-1]

        assert b.requests() == [seeds_report.resolve().as_uri()]  # nothing fetched but the page itself


@needs_chromium
def test_a_script_in_a_document_is_shown_not_run(tmp_path: Path) -> None:
    page = tmp_path / "evil.html"
    page.write_text(build_report([_result("evil", EVIL)], ReportOptions(title="safe")), encoding="utf-8")
    with Browser.launch(tmp_path) as b:
        b.open(page)
        assert b.evaluate("document.title") == "safe"
        assert b.evaluate("document.querySelectorAll('article img, article script').length") == 0
        assert '<script>document.title="pwned"</script>' in b.evaluate("document.querySelector('.text').textContent")
        b.hover("mark.term")
        assert b.evaluate("document.title") == "safe"
        tip = b.evaluate("document.getElementById('tip').innerText")
        assert 'Four Winds <b onmouseover="x">' in tip and "</script><script>alert(1)</script>" in tip
        assert b.requests() == [page.resolve().as_uri()]
