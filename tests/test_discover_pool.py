"""discover.pool: every counted n-gram scored at once; what reaches the recount and what does not."""

from __future__ import annotations

import random

import numpy as np
import pytest
from helpers import load_cases, make_matcher

from termkit.corpus import Document
from termkit.discover import DiscoverOptions, adapt, collect, discover, known_keys, shortlist
from termkit.discover.background import Background
from termkit.discover.learn import Model
from termkit.discover.ngrams import NgramCounter
from termkit.discover.pool import POOL_NAMES, PORTABLE_POOL, Dictionary, affix_rates, pool_features
from termkit.discover.score import shortlist_ngrams

FILLER = ["会议指出", "各地区各部门", "必须认真研究", "进一步加强工作", "群众普遍反映", "今年以来", "同志们",
          "要统筹安排", "扎实推进", "取得明显成效", "有关方面表示", "据了解", "与此同时", "在此基础上"]
# known terms of one family (a place and a direction, then 示范区): what the lexicon teaches
KNOWN = [f"{a}{b}示范区" for a in "甲乙丙丁戊己庚辛壬癸" for b in "东南西北"][:36]
VERBS = ["推进", "建设", "支持", "打造"]


@pytest.fixture(autouse=True)
def _one_background(monkeypatch: pytest.MonkeyPatch, background) -> None:
    monkeypatch.setattr(Background, "load", classmethod(lambda cls: background))


def sentences(phrases: list[str], times: int, rnd: random.Random) -> list[str]:
    return [f"{rnd.choice(FILLER)}，{rnd.choice(VERBS)}{p}{rnd.choice(FILLER)}。" for p in phrases for _ in range(times)]


def family_corpus(new: str, new_times: int = 3, docs: int = 3) -> list[Document]:
    """Known terms of one family, each a few times, and one new member ``new_times`` times in all."""
    rnd = random.Random(7)
    out = []
    for d in range(docs):
        sents = sentences(KNOWN, 2, rnd) + (sentences([new], 1, rnd) if d < new_times else [])
        rnd.shuffle(sents)
        out.append(Document(f"d{d}", "\n".join(sents)))
    return out


def learnt_run(table, docs: list[Document], **opts) -> tuple[dict, list[str]]:
    notes: list[str] = []
    options = DiscoverOptions(**{"min_count": 2, "min_positives": 30, "min_score": 0.0, **opts})
    found = discover(lambda: docs, make_matcher(table, *({"term": k} for k in KNOWN)), options, on_note=notes.append)
    return {c.candidate: c for c in found}, notes


def test_a_new_member_seen_three_times_is_found_by_the_learnt_pool(table) -> None:
    docs = family_corpus("新设示范区", new_times=3)
    found, _ = learnt_run(table, docs)
    assert "新设示范区" in found
    assert found["新设示范区"].count == 3
    assert "pool" in found["新设示范区"].notes  # it came through the n-gram pool, not a shape finder


def test_the_pool_learns_from_the_known_terms(table, background) -> None:
    docs = family_corpus("新设示范区")
    matcher = make_matcher(table, *({"term": k} for k in KNOWN))
    evidence = collect(docs, make_matcher(table), DiscoverOptions())
    prospects = shortlist(evidence, DiscoverOptions(min_count=2, min_positives=30), background, known_keys(matcher))
    assert evidence.pool_scored_by == "learnt from 36 lexicon terms"
    keys = [p.key for p in prospects]
    assert "新设示范区" in keys
    assert not set(KNOWN) & set(keys)  # what the lexicon knows is not proposed


def test_an_edge_verb_is_trimmed_in_the_learnt_pool(table) -> None:
    found, _ = learnt_run(table, family_corpus("新设示范区"))
    assert not [k for k in found if k.endswith("新设示范区") and k != "新设示范区"]  # not 推进新设示范区 …


def test_without_known_terms_the_shipped_model_scores_the_pool(table, background) -> None:
    evidence = collect(family_corpus("新设示范区"), make_matcher(table), DiscoverOptions())
    shortlist(evidence, DiscoverOptions(min_count=2), background, frozenset(), Model.load(part="pool"))
    assert evidence.pool_scored_by == "shipped model"
    shortlist(evidence, DiscoverOptions(min_count=2), background, frozenset(), None)
    assert evidence.pool_scored_by == "cohesion and free edges"


def test_the_shipped_models_fit_the_features() -> None:
    rank, pool = Model.load(), Model.load(part="pool")
    assert rank is not None and pool is not None
    assert set(pool.names) == set(PORTABLE_POOL)
    assert len(pool.coef) == len(pool.names) == len(pool.mean)


def test_the_pool_is_bounded_by_count_length_and_limit(background) -> None:
    rnd = random.Random(3)
    text = "".join(rnd.choice("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下")
                   for _ in range(20_000))
    counter = NgramCounter(max_n=6, bucket_chars=50_000)
    counter.add(np.array([ord(x) for x in text], dtype=np.uint16))
    stats = counter.finish()
    table = pool_features(stats, background, min_count=3)
    lengths = np.char.str_len(table.keys)
    assert len(table.keys) and table.counts.min() >= 3
    assert lengths.min() >= 2 and lengths.max() <= 6
    assert table.x.shape == (len(table.keys), len(POOL_NAMES))
    assert all(table.counts[i] == stats.count(str(table.keys[i])) for i in range(0, len(table.keys), 97))
    prospects, _ = shortlist_ngrams(stats, background, 3, 50)
    assert len(prospects) <= 50


def test_dictionary_lookup_and_edge_parts_of_speech(background) -> None:
    words = Dictionary.of(background, 4)
    rows = np.array([[ord(c) for c in s] for s in ("发展", "贯彻", "龘龘")], dtype=np.uint16)
    found, freq, _ = words.lookup(rows)
    assert found.tolist() == [True, True, False] and freq[0] > 0
    pair = np.array([[ord(c) for c in "贯彻理念"]], dtype=np.uint16)
    assert words.edge_tag(pair, first=True)[0] == 1  # a verb first
    assert words.edge_tag(pair, first=False)[0] == 2  # a noun last


def test_affix_rates_are_out_of_fold() -> None:
    """A string alone with its affix learns nothing from its own label."""
    affixes = np.array([[1], [2], [3], [3]], dtype=np.uint64)
    labels = np.array([True, False, True, False])
    rates = affix_rates(affixes, labels, smooth=1.0)
    assert rates[0, 0] == pytest.approx(rates[1, 0])  # unique affixes: only the prior speaks


@pytest.mark.parametrize("case", load_cases("discover_pool_size"))
def test_the_pool_grows_with_the_input(case: dict) -> None:
    options = DiscoverOptions(pool=case.get("option"))
    assert adapt(options, case["chars"])[0].pool == case["pool"], case["why"]


def test_the_pool_cut_bounds_what_the_ngram_pool_passes_on(table) -> None:
    docs = family_corpus("新设示范区", new_times=3)
    matcher = make_matcher(table, *({"term": k} for k in KNOWN))
    evidence = collect(docs, matcher)
    pooled = lambda n: [p for p in shortlist(evidence, DiscoverOptions(min_count=2, min_positives=30, pool=n),  # noqa: E731
                                             positives=known_keys(matcher)) if "left" in p.notes]
    assert len(pooled(2)) == 2
    assert len(pooled(1_000)) > 2
