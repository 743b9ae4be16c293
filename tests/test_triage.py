"""The corpus triage (eval/corpus-triage.tsv): well-formed always; complete against ../shared/corpus
when that corpus is present (every frequent quoted string and numbered formula is matched by the
lexicon or triaged)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import load_cases

from termkit.compile import compile_lexicon, load_compiled
from termkit.corpus import Document
from termkit.errors import InputError
from termkit.lexicon import Entry, Lexicon, bundled_lexicon_path
from termkit.triage import (
    TriageCandidate,
    candidates,
    check,
    corpus_candidates,
    matched_whole,
    merge_lexicons,
    numbered_counts,
    numbered_spans,
    parse_triage,
    quoted_counts,
    read_triage,
)

ROOT = Path(__file__).resolve().parent.parent
TRIAGE = ROOT / "eval" / "corpus-triage.tsv"
CORPUS = Path(os.environ.get("TERMKIT_CORPUS") or ROOT.parent / "shared" / "corpus")
HEADER = "candidate\tcount\tkind\tdecision\treason\n"


@pytest.fixture(scope="module")
def empty_matcher():
    return compile_lexicon(Lexicon(()))


def test_triage_file_is_well_formed(empty_matcher) -> None:
    rows = read_triage(TRIAGE, lambda s: empty_matcher.fold(s).text)
    assert rows, "the triage file lists no candidate"


BAD = [
    ("candidate\tcount\n", "header"),
    (HEADER + "放管服\t3\tquoted\tentry\n", "4 columns"),
    (HEADER + "放管服\tx\tquoted\tentry\tin staging: a.yaml\n", "count"),
    (HEADER + "放管服\t3\tspoken\tentry\tin staging: a.yaml\n", "kind"),
    (HEADER + "放管服\t3\tquoted\tmaybe\tin staging: a.yaml\n", "decision"),
    (HEADER + "放管服\t3\tquoted\tentry\t\n", "reason is needed"),
    (HEADER + "放管服\t3\tquoted\treject\tnot sure\n", "must start with"),
    (HEADER + "一國\t3\tquoted\treject\tfragment\n", "folded form"),
    (HEADER + "甲乙\t3\tquoted\treject\tfragment\n丙丁\t4\tquoted\treject\tfragment\n", "sorted"),
    (HEADER + "甲乙\t3\tquoted\treject\tfragment\n甲乙\t3\tquoted\treject\tfragment\n", "sorted"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_triage_is_refused_with_its_line(text: str, message: str, empty_matcher) -> None:
    with pytest.raises(InputError, match=message) as exc:
        parse_triage(text, "t.tsv", lambda s: empty_matcher.fold(s).text)
    assert str(exc.value).startswith("t.tsv")


def test_comments_and_blank_lines_are_skipped() -> None:
    text = "# a comment\n" + HEADER + "\n# another\n甲乙\t3\tquoted\treject\tname: a place\n"
    rows = parse_triage(text)
    assert [(r.candidate, r.line) for r in rows] == [("甲乙", 5)]


def test_quoted_counts_fold_script_and_both_quote_styles(empty_matcher) -> None:
    docs = [Document("a", "「一國兩制」和“一国两制”，“一”太短，“一国两制\n”跨行不算"),
            Document("b", "“" + "长" * 17 + "”太长，“" + "长" * 16 + "”不太长")]
    assert dict(quoted_counts(docs, empty_matcher)) == {"一国两制": 2, "长" * 16: 1}


def test_candidates_apply_both_thresholds_and_merge_kinds() -> None:
    got = candidates({"甲乙": 8, "丙丁": 7, "两新": 9}, {"丙丁": 5, "两新": 12, "三好": 4}, quoted_min=8,
                     numbered_min=5)
    assert [(c.candidate, c.count, c.kind) for c in got] == [
        ("两新", 12, "quoted+numbered"), ("甲乙", 8, "quoted"), ("丙丁", 5, "numbered")]


@pytest.mark.parametrize("case", load_cases("triage_numbered", key="why"))
def test_numbered_spans_by_shape(case: dict, empty_matcher) -> None:
    from termkit.discover.view import make_view

    assert sorted(numbered_spans(make_view(case["text"], empty_matcher).text)) == sorted(case["spans"])


def test_numbered_counts_fold_and_count(empty_matcher) -> None:
    docs = [Document("a", "坚持「兩個確立」，坚持“两个确立”，一國兩制"), Document("b", "一国两制、两个确立。")]
    assert dict(numbered_counts(docs, empty_matcher)) == {"两个确立": 3, "一国两制": 2}


def test_corpus_candidates_do_not_run_discover(tmp_path: Path, monkeypatch) -> None:
    """The candidates come from shapes alone: discover's ranking, screen and noise rules are not asked."""
    import termkit.discover

    def refuse(*args, **kwargs):
        raise AssertionError("the triage ran discover")

    monkeypatch.setattr(termkit.discover, "discover", refuse)
    (tmp_path / "a.txt").write_text("坚持“两个确立”，推进一国两制。" * 8, encoding="utf-8")
    got = {(c.candidate, c.count, c.kind) for c in corpus_candidates(tmp_path)}
    assert got == {("两个确立", 8, "quoted+numbered"), ("一国两制", 8, "numbered")}


def test_check_matched_whole_triaged_or_missing() -> None:
    lexicon = Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),))
    m = compile_lexicon(lexicon)
    rows = parse_triage(HEADER + "放管服\t3\tquoted\tentry\tin staging: a.yaml\n")
    cands = [TriageCandidate(k, 3, "quoted") for k in ("四风", "放管服", "反对四风", "甲乙")]
    report = check(cands, m, rows)
    assert [c.candidate for c in report.matched] == ["四风"]
    assert [c.candidate for c in report.triaged] == ["放管服"]
    assert [c.candidate for c in report.missing] == ["反对四风", "甲乙"]  # a part matched is not the whole


def test_merged_lexicons_keep_the_first_claim_of_an_id_or_a_surface(empty_matcher) -> None:
    base = Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),))
    draft = Lexicon((Entry(id="four-winds", term="四风问题", gloss="x"), Entry(id="y", term="甲", gloss="y",
                     variants=["四風"]), Entry(id="two-sessions", term="两会", gloss="two sessions")))
    merged = merge_lexicons([base, draft], lambda s: empty_matcher.fold(s).text)
    assert [e.id for e in merged.entries] == ["four-winds", "two-sessions"]
    m = compile_lexicon(merged)
    report = check([TriageCandidate("两会", 9, "quoted")], m, [])
    assert [c.candidate for c in report.matched] == ["两会"]


def test_no_rejection_is_a_string_the_lexicon_matches() -> None:
    """A row decided ``reject`` that the bundled lexicon now matches whole is a stale decision: it becomes an
    ``entry`` row naming its entry (docs/corpus-triage.md). Rounds 19-21 left four such rows (从0到1 …)."""
    matcher = load_compiled(bundled_lexicon_path()).matcher
    rows = read_triage(TRIAGE, lambda s: matcher.fold(s).text)
    stale = [r.candidate for r in rows if r.decision == "reject" and matched_whole(r.candidate, matcher)]
    assert not stale, "rejected in eval/corpus-triage.tsv but matched by the lexicon: " + "、".join(stale)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the test corpus ({CORPUS}) is absent; "
                    "set TERMKIT_CORPUS to run the triage completeness test")
def test_triage_is_complete_against_the_corpus() -> None:
    matcher = load_compiled(bundled_lexicon_path()).matcher
    rows = read_triage(TRIAGE, lambda s: matcher.fold(s).text)
    report = check(corpus_candidates(CORPUS), matcher, rows)
    missing = [f"{c.candidate} ({c.kind}, {c.count})" for c in report.missing]
    assert not missing, (f"{len(missing)} candidates neither matched by the lexicon nor in {TRIAGE.name} "
                         f"(run python eval/triage.py): " + "、".join(missing))
