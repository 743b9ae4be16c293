"""Aggregation over documents."""

from __future__ import annotations

from helpers import make_matcher

from termkit.corpus import Document
from termkit.match import analyse
from termkit.stats import count, visible_length


def test_counts_docs_and_rates(table) -> None:
    m = make_matcher(table, {"term": "四风"}, {"term": "两个确立"})
    docs = [Document("a", "四风 四风\n两个确立"), Document("b", "反对四風"), Document("c", "无关")]
    stats = count(analyse(docs, m))
    rows = {t.entry.term: t for t in stats.terms}
    assert (rows["四风"].count, rows["四风"].docs) == (3, 2)
    assert (rows["两个确立"].count, rows["两个确立"].docs) == (1, 1)
    assert stats.characters == sum(visible_length(d.text) for d in docs) == 14
    assert rows["四风"].per_10k == 3 * 10000 / 14
    assert [t.entry.term for t in stats.sorted("count")] == ["四风", "两个确立"]
    assert [t.entry.term for t in stats.sorted("first")] == ["四风", "两个确立"]


def test_damage_is_reported_not_lost(table) -> None:
    m = make_matcher(table, {"term": "宁海县"})
    stats = count(analyse([Document("d", "寧??h委"), Document("e", "寧海縣委")], m))
    assert stats.matches == 1
    assert [d.doc for d in stats.damage] == ["d"] and stats.damage[0].characters == 2


def test_merged_partial_tallies_equal_one_tally(table) -> None:
    from termkit.stats import Tally

    m = make_matcher(table, {"term": "四风"}, {"term": "两个确立"}, {"term": "宁海县"})
    docs = [Document("a", "两个确立"), Document("b", "四风 四风"), Document("c", "寧??縣"),
            Document("d", "四风两个确立宁海县"), Document("e", "")]
    whole = count(analyse(docs, m))
    for cut in range(len(docs) + 1):
        merged = Tally()
        for part in (docs[:cut], docs[cut:]):
            t = Tally()
            for r in analyse(part, m):
                t.add(r)
            merged.merge(t)
        assert merged.result() == whole
