"""The coverage censuses (eval/coverage-*.tsv): well-formed, drawn as eval/README.md says, and the figures stated
there are what the files give. Checks that need the stories themselves skip without ../shared/corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers import ROOT, load_script

EVAL = ROOT / "eval"
coverage = load_script(EVAL / "coverage.py", "coverage_eval")  # it puts eval/ on sys.path for precision.py
CORPUS = Path(coverage.CORPUS)
needs_corpus = pytest.mark.skipif(not (CORPUS / coverage.NEWS).is_dir(),
                                  reason="the 新闻联播 transcripts of ../shared/corpus are not here")

# sample file -> (seed, the sample files it excludes)
SAMPLES = {"coverage-sample-round12.tsv": (12, ()),
           "coverage-sample-round12b.tsv": (13, ("coverage-sample-round12.tsv",)),
           "coverage-sample-round13.tsv": (14, ("coverage-sample-round12.tsv", "coverage-sample-round12b.tsv")),
           "coverage-sample-round14.tsv": (15, ("coverage-sample-round12.tsv", "coverage-sample-round12b.tsv",
                                                "coverage-sample-round13.tsv"))}
# census file -> its sample file, left-out file and second-pass file (None until judged)
CENSUSES = {"coverage-census-round12.tsv": ("coverage-sample-round12.tsv", "coverage-census-round12-left-out.tsv",
                                            "coverage-second-round12.tsv"),
            "coverage-census-round12b.tsv": ("coverage-sample-round12b.tsv", "coverage-census-round12b-left-out.tsv",
                                             "coverage-second-round12b.tsv"),
            "coverage-census-round13.tsv": ("coverage-sample-round13.tsv", "coverage-census-round13-left-out.tsv",
                                            "coverage-second-round13.tsv"),
            "coverage-census-round14.tsv": ("coverage-sample-round14.tsv", "coverage-census-round14-left-out.tsv",
                                            "coverage-second-round14.tsv")}
# the figures eval/README.md states: (label, census file, lexicon revision)
FIGURES = [("census A (seed 12), start lexicon 9f8d476", "coverage-census-round12.tsv", "9f8d476"),
           ("census B (seed 13), start lexicon 9f8d476", "coverage-census-round12b.tsv", "9f8d476"),
           ("census B (seed 13), end lexicon 429e925", "coverage-census-round12b.tsv", "429e925"),
           ("census A (seed 12), end lexicon 429e925", "coverage-census-round12.tsv", "429e925"),
           ("census C (seed 14), start lexicon b462029", "coverage-census-round13.tsv", "b462029"),
           ("census C (seed 14), round-12 start lexicon 9f8d476", "coverage-census-round13.tsv", "9f8d476"),
           ("census C (seed 14), end lexicon c595cee", "coverage-census-round13.tsv", "c595cee"),
           ("census D (seed 15), start lexicon 4a20926", "coverage-census-round14.tsv", "4a20926"),
           ("census D (seed 15), end lexicon b1ba3b8", "coverage-census-round14.tsv", "b1ba3b8")]


def rows(name: str) -> list[dict[str, str]]:
    return coverage.read_tsv(str(EVAL / name))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_sample_names_distinct_stories_with_ids_in_order(name):
    sample = rows(name)
    assert [r["sample"] for r in sample] == [f"c{i:02d}" for i in range(1, len(sample) + 1)]
    assert len({r["story"] for r in sample}) == len(sample) == 50
    assert all(coverage.MIN_CHARS <= int(r["chars"]) <= coverage.MAX_CHARS for r in sample)


def test_the_second_sample_shares_no_story_with_the_first():
    assert not {r["story"] for r in rows("coverage-sample-round12.tsv")} & {
        r["story"] for r in rows("coverage-sample-round12b.tsv")}


@pytest.mark.parametrize("name", sorted(CENSUSES))
def test_a_census_is_well_formed(name):
    sample_name, left_out, second = CENSUSES[name]
    stories = {r["story"] for r in rows(sample_name)}
    for path in (name, left_out):
        found = rows(path)
        assert found, path
        assert all(tuple(r) == coverage.CENSUS_FIELDS for r in found), path
        assert all(r["story"] in stories and r["kind"] in coverage.KINDS and r["formula"] and r["reason"]
                   for r in found), path
        assert max(Counter((r["story"], r["formula"]) for r in found).values()) == 1, f"{path}: a row twice"
    if second:
        judged = rows(second)
        assert all(r["verdict"] in coverage.SECOND_PASS and r["reason"] and r["story"] in stories for r in judged)


@needs_corpus
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_sample_is_what_its_seed_draws(name):
    seed, excluded = SAMPLES[name]
    exclude = frozenset(r["story"] for e in excluded for r in rows(e))
    drawn = coverage.draw(str(CORPUS), seed, 50, exclude)
    assert [s.key for s in drawn] == [r["story"] for r in rows(name)]


@needs_corpus
@pytest.mark.parametrize("name", sorted(CENSUSES))
def test_every_census_string_is_in_its_story(name):
    sample_name, left_out, _ = CENSUSES[name]
    coverage.load(str(EVAL / sample_name), str(EVAL / name), str(CORPUS))  # raises on a string not in its story
    coverage.load(str(EVAL / sample_name), str(EVAL / left_out), str(CORPUS))


@needs_corpus
@pytest.mark.parametrize(("label", "census", "rev"), FIGURES)
def test_the_readme_states_what_the_census_gives(label, census, rev):
    sample_name, _, second = CENSUSES[census]
    try:
        got = coverage.coverage(str(EVAL / sample_name), str(EVAL / census), str(EVAL / second) if second else None,
                                rev, str(CORPUS))
    except ValueError as e:
        pytest.skip(f"the git history is not here: {e}")
    assert got.line(label) in (EVAL / "README.md").read_text(encoding="utf-8")


def test_status_tells_covered_partial_and_missing_apart():
    spans = coverage.occurrences("坚持“两个确立”和两个确立", "两个确立")
    assert spans == [(3, 7), (9, 13)]
    assert coverage.status(spans, [(2, 8)]) == "covered"
    assert coverage.status(spans, [(3, 5)]) == "partial"
    assert coverage.status(spans, [(0, 2)]) == "missing"
