"""The gap hunts of round 14 (bench/discover_round14/gaphunt_h*.tsv): every formula a curator found missing while
reading a story with the lexicon's matches, and what was decided. Kept as data so that anyone can re-check the
triage: well-formed, drawn as bench/discover_protocol.md says, each added formula a surface of a lexicon entry, and
(with ../shared/corpus) each formula added or extended written in its story as copied."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from helpers import ROOT, load_script

from termkit.compile import load_compiled
from termkit.lexicon import bundled_lexicon_path

HUNTS = ROOT / "bench" / "discover_round14"
coverage = load_script(ROOT / "eval" / "coverage.py", "coverage_eval")
lookup = load_script(ROOT / "bench" / "discover_hunt_lookup.py")
CORPUS = Path(coverage.CORPUS)
RECORDS = sorted(HUNTS.glob("gaphunt_h*.tsv"), key=lambda p: int(re.search(r"(\d+)", p.name)[1]))
FIELDS = ["story", "formula", "kind", "gap", "uses", "decision", "entry", "status", "reason"]
# seed of each hunt's sample: 40 + the hunt's number (bench/discover_protocol.md, round 14)
CENSUS_SAMPLES = [ROOT / "eval" / f"coverage-sample-round{r}.tsv" for r in ("12", "12b", "13", "14")]


def sample_of(record: Path) -> Path:
    return record.with_name(record.name.replace("gaphunt_h", "gaphunt_sample"))


def test_there_are_hunts_and_each_has_its_sample() -> None:
    assert RECORDS, "bench/discover_round14 holds the gap hunts"
    for record in RECORDS:
        assert sample_of(record).is_file(), record.name


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.name)
def test_a_record_is_well_formed(record: Path) -> None:
    rows = coverage.read_tsv(str(record))
    assert rows and list(rows[0]) == FIELDS
    stories = {r["story"] for r in coverage.read_tsv(str(sample_of(record)))}
    for r in rows:
        where = f"{record.name}: {r['formula']}"
        assert r["story"] in stories, f"{where}: a story of the hunt's own sample"
        assert r["kind"] in ("numbered", "quoted", "parallel", "plain"), where
        assert r["gap"] in ("missing", "partial"), where
        assert r["decision"] in ("added", "variant", "rejected"), where
        assert r["reason"].strip(), f"{where}: every decision says why"
        if r["decision"] == "added":
            assert r["status"] in ("official", "common", "proposed"), where
        if r["decision"] != "rejected":
            assert r["entry"], f"{where}: names the entry it added or extended"


def test_added_and_extended_entries_are_in_the_lexicon() -> None:
    lexicon = load_compiled(bundled_lexicon_path()).lexicon
    ids = {e.id for e in lexicon.entries}
    named = {r["entry"] for record in RECORDS for r in coverage.read_tsv(str(record)) if r["decision"] != "rejected"}
    assert named and not named - ids, f"entries the records name and the lexicon lacks: {sorted(named - ids)}"


def test_samples_are_drawn_as_the_protocol_says() -> None:
    """Each hunt's 50 stories: the stories of no census and of no earlier hunt, drawn with seed 40 + its number."""
    if not (CORPUS / coverage.NEWS).is_dir():
        pytest.skip("the 新闻联播 transcripts of ../shared/corpus are not here")
    excluded = {r["story"] for p in CENSUS_SAMPLES for r in coverage.read_tsv(str(p))}
    for record in RECORDS:
        n = int(re.search(r"(\d+)", record.name)[1])
        drawn = coverage.draw(str(CORPUS), 40 + n, 50, frozenset(excluded))
        assert [s.key for s in drawn] == [r["story"] for r in coverage.read_tsv(str(sample_of(record)))], record.name
        excluded |= {s.key for s in drawn}


def test_each_formula_added_is_written_in_its_story() -> None:
    if not (CORPUS / coverage.NEWS).is_dir():
        pytest.skip("the 新闻联播 transcripts of ../shared/corpus are not here")
    stories = coverage.all_stories(str(CORPUS))
    texts = {s.key: fold(s.text) for s in stories}
    everywhere = "\n".join(texts.values())
    # an added row names its story's formula (two forms it holds: "A / B"), or a form the curator met in the corpus
    # around that story's gap and recorded under it (防止出现规模性返贫 beside the story's 防止发生规模性返贫); a rejected
    # row may describe its gap in the curator's words (两国政府总理定期会晤机制 for 两国政府总理定期会晤等机制)
    unwritten = [f"{record.name}: {r['formula']} in {r['story']}" for record in RECORDS for r in coverage.read_tsv(str(record))
                 if r["decision"] != "rejected" and not all(written(part, texts[r["story"]]) or written(part, everywhere)
                                                            for part in r["formula"].split(" / "))]
    assert not unwritten


def fold(text: str) -> str:
    """Text compared without width, whitespace, quotation marks and list commas (“时代命题”“思想引领” is 时代命题、思想引领;
    checked by the last test below)."""
    return re.sub(r"[\s“”‘’\"'、]", "", unicodedata.normalize("NFKC", text))


def written(formula: str, folded: str) -> bool:
    """``formula`` in a :func:`fold`-ed text as copied; … stands for words left out (当好…建设者)."""
    parts = fold(formula).split("...")
    if len(parts) == 1:
        return parts[0] in folded
    return re.search(".*?".join(map(re.escape, parts)), folded) is not None


def test_lookup_finds_a_formula_or_its_entry(tmp_path: Path, capsys) -> None:
    (tmp_path / "gaphunt_sample1.tsv").write_text("sample\tstory\nc01\tnews/x.txt:1\n", encoding="utf-8")
    (tmp_path / "gaphunt_h1.tsv").write_text(
        "\t".join(FIELDS) + "\n"
        + "news/x.txt:1\t“四风”\tquoted\tmissing\tx\tadded\tfour-forms-of-decadence\tofficial\tx\n"
        + "news/x.txt:1\t反对四风\tplain\tmissing\tx\tvariant\tfour-forms-of-decadence\t\tx\n"
        + "news/x.txt:1\t某某\tplain\tmissing\tx\trejected\t\t\tx\n", encoding="utf-8")
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "h1-c01.jsonl").write_text(
        json.dumps({"candidate": "四风", "entry": None}, ensure_ascii=False) + "\n", encoding="utf-8")
    lookup.main([str(tmp_path / "gaphunt_h1.tsv"), "--per-story", str(tmp_path / "story")])
    out = capsys.readouterr().out
    assert "2 gaps the hunts added (1 as entries, 1 as variants)" in out
    # the first by its own string, the second by a surface of its entry (四风)
    assert "its story alone: strict top 30: 2" in out


def test_fold_and_written_compare_as_the_curators_copied() -> None:
    assert fold("“时代命题”“思想引领” 法安天下") == fold("时代命题、思想引领、法安天下") == "时代命题思想引领法安天下"
    assert written("当好…建设者", fold("当好中国式现代化事业的建设者"))
    assert written("四 风", "反对四风") and not written("四风", "四个")
