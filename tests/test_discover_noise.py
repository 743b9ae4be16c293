"""discover.noise: the rules that read a candidate's words (titles, names, bilateral phrases, foreign names,
fragments, events and occasions, named things, counted nouns, ordinary Chinese) and the screen that applies them to ranked candidates. The cases are data:
tests/cases/discover_word_noise.jsonl, discover_ordinary.jsonl and discover_quoted_once.jsonl, one line each."""

from __future__ import annotations

import pytest
from helpers import load_cases, make_matcher

from termkit.corpus import Document
from termkit.discover import Candidate, DiscoverOptions, discover, noise, screen, shape_weight
from termkit.discover.noise import across_quotation, ordinary, unshared, word_noise
from termkit.discover.relations import Relation

WORD_CASES = load_cases("discover_word_noise", key="key")
ORDINARY_CASES = load_cases("discover_ordinary", key="key")


@pytest.mark.parametrize("case", WORD_CASES)
def test_word_noise_rules(case: dict, background) -> None:
    assert word_noise(case["key"], background, quoted=case.get("quoted", False)) == case["reason"], case["why"]


def test_every_kind_of_word_noise_has_a_case() -> None:
    kinds = {p.values[0]["reason"] for p in WORD_CASES}
    assert kinds >= {"title", "name", "bilateral", "foreign", "fragment", "event", "count", None}


@pytest.mark.parametrize("case", ORDINARY_CASES)
def test_ordinary_chinese(case: dict, background) -> None:
    key = case["key"]
    judge = unshared(key, background) if "、" in key else ordinary(key, background.words(key), background)
    assert bool(judge) is case["ordinary"], case["why"]


def test_screen_drops_noise_demotes_ordinary_and_keeps_relations(background) -> None:
    tied = Relation("longer", "rural-revitalization", "乡村振兴", {"variants": ["乡村全面振兴"]})
    cands = [Candidate("习近平总书记", 30.0, 300, 9, "mwe", ""),
             Candidate("世界和平", 20.0, 200, 9, "mwe", "", {"probability": 0.9}),
             Candidate("两国关系", 20.0, 200, 9, "numbered", ""),
             Candidate("七下八上", 10.0, 5, 3, "numbered", "", {"quoted": 5}),
             Candidate("国家安全和发展", 9.0, 9, 3, "mwe", "", relation=tied)]
    out = {c.candidate: c for c in screen(cands, background)}
    assert "习近平总书记" not in out and "两国关系" not in out
    assert out["世界和平"].score < out["七下八上"].score and out["世界和平"].reasons == ("ordinary words",)
    assert out["国家安全和发展"].score == 9.0  # tied to an entry: shown as a relation, not judged as noise


def test_titles_and_ordinary_words_leave_the_top(table) -> None:
    filler = "各地区各部门认真研究，进一步加强工作，取得明显成效。"
    docs = [Document(f"d{i}", f"习近平总书记指出，维护世界和平。要落实“七下八上”要求。{filler}" * 2) for i in range(4)]
    found = discover(lambda: docs, make_matcher(table), DiscoverOptions(min_count=2))
    names = [c.candidate for c in found]
    assert "七下八上" in names and "习近平总书记" not in names
    assert "世界和平" not in names[: names.index("七下八上") + 1]


def lexicon_rejections(background) -> dict[tuple[str, str], str]:
    """Every (surface, rule) where a noise rule rejects a term or variant of the bundled lexicon (folded as
    discover folds it), mapped to the entry's category."""
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path

    compiled = load_compiled(bundled_lexicon_path())
    out = {}
    for e in compiled.lexicon.entries:
        for surface in (e.term, *e.variants):
            folded = compiled.matcher.fold(surface).text
            core = folded.replace("、", "")
            words = background.words(core)
            for name, rule in NOISE_RULES.items():
                if rule(folded if name in ("addressees", "clause") else core, words, background):
                    if name == "fragment" and "、" in surface and not noise.fragment(core, words, background, listed=True):
                        continue  # word_noise says listed for a run of items (精简、统一、效能的原则)
                    out[(surface, name)] = e.category
    return out


# every rule of discover.noise that rejects (or, bare_number, demotes) a key by its spelling, each by name
NOISE_RULES = {
    "dated": lambda k, w, bg: noise.dated(k),
    "counted": lambda k, w, bg: noise.counted(k, bg),
    "sequence": lambda k, w, bg: noise.sequence(k),
    "addressees": lambda k, w, bg: noise.addressees(k),  # reads the items: given the surface with its 、
    "anaphoric": lambda k, w, bg: noise.anaphoric(k),
    "titled": lambda k, w, bg: noise.titled(k, w),
    "named": lambda k, w, bg: noise.named(k, w, bg),
    "bilateral": lambda k, w, bg: noise.bilateral(k, w, bg),
    "foreign": lambda k, w, bg: noise.foreign(k),
    "fragment": lambda k, w, bg: noise.fragment(k, w, bg),
    "event": lambda k, w, bg: noise.event(k),
    "occasion": lambda k, w, bg: noise.occasion(k, w),
    "thing": lambda k, w, bg: noise.thing(k),
    "counted_noun": lambda k, w, bg: noise.counted_noun(k, bg),
    "bare_number": lambda k, w, bg: noise.bare_number(k, bg),
    "clause": lambda k, w, bg: noise.clause(k, bg),  # statistical rows under --reference only: given the surface
}
# accepted exceptions (short, each with its reason), then known failures of the rules ("expect": "fail")
LEXICON_CASES = load_cases("discover_noise_lexicon", key="term") + load_cases("discover_noise_lexicon_failures", key="term")


@pytest.fixture(scope="module")
def rejections(background) -> dict[tuple[str, str], str]:
    return lexicon_rejections(background)


def test_no_rule_rejects_the_lexicons_terms(rejections) -> None:
    """Run over every term and variant of the bundled lexicon, the noise rules reject none, except the rows of
    tests/cases/discover_noise_lexicon.jsonl (a whole category the standard calls names or events: bodies,
    events; an entry its rule cannot tell from noise by its shape) and the known failures of the rules in
    tests/cases/discover_noise_lexicon_failures.jsonl (``"expect": "fail"``: the rule is wrong there)."""
    rows = [p.values[0] for p in LEXICON_CASES]
    terms = {(r["term"], r["rule"]) for r in rows if "term" in r}
    categories = {r["category"] for r in rows if "category" in r}
    assert set(NOISE_RULES) >= {r["rule"] for r in rows if "rule" in r}
    unexplained = sorted(f"{s} ({rule}, {cat})" for (s, rule), cat in rejections.items()
                         if (s, rule) not in terms and cat not in categories)
    assert unexplained == []


@pytest.mark.parametrize("case", [p for p in LEXICON_CASES if "term" in p.values[0]])
def test_each_lexicon_exception_still_holds(case: dict, rejections) -> None:
    """An accepted exception is still rejected by its rule (else the row is stale); a known failure
    (``"expect": "fail"``, a strict xfail) is rejected until its rule is fixed, and then this row must go."""
    rejected = (case["term"], case["rule"]) in rejections
    if case.get("expect") == "fail":
        assert not rejected, case["why"]  # a known failure: this fails until the rule is fixed
    else:
        assert rejected, f"stale row, the rule no longer rejects it: {case['why']}"


def test_a_bare_numeral_before_a_word_needs_quotation_marks(background) -> None:
    """三鞠躬 never quoted is weighed as a plain string (a count); quoted, or with a measure word (两个维护), it keeps
    the numbered shape's weight."""
    cands = [Candidate("三鞠躬", 10.0, 9, 3, "numbered", "", {"quoted": 0, "probability": 0.5}),
             Candidate("三下乡", 10.0, 9, 3, "numbered", "", {"quoted": 9, "probability": 0.5}),
             Candidate("两个维护", 10.0, 9, 3, "numbered", "", {"quoted": 0, "probability": 0.5})]
    out = {c.candidate: c.score for c in screen(cands, background)}
    assert out["三鞠躬"] == pytest.approx(10.0 * 0.6 * 0.25)
    assert out["三下乡"] == out["两个维护"] == pytest.approx(16.0)


def test_a_run_before_deng_is_an_open_list(table, background) -> None:
    """A run that mostly stands right before 等 gives examples of an open list (…、文化体育等服务): demoted as an
    ordinary list, whatever its items share; the same run elsewhere keeps its weight."""
    from termkit.discover.recount import recount

    key = "交通运输、餐饮住宿、旅游娱乐、文化体育"
    listed = recount([key], [Document("d", f"免征{key}等服务增值税。")], make_matcher(table), 8)[key]
    plain = recount([key], [Document("d", f"统筹{key}，全面发展。")], make_matcher(table), 8)[key]
    assert (listed.count, listed.listed, plain.listed) == (1, 1, 0)
    screened = [screen([Candidate(key, 4.0, 1, 1, "parallel", "", {"listed": r.listed, "quoted": 0})], background)[0]
                for r in (listed, plain)]
    assert screened[0].reasons == ("ordinary list",) and screened[0].score < screened[1].score


def test_a_known_item_alone_is_left_out(background) -> None:
    item = Relation("expansion", "four-confidences", "四个自信")
    cands = [Candidate("稳定", 9.0, 90, 9, "mwe", "", relation=item),
             Candidate("制度自信", 9.0, 9, 3, "mwe", "", relation=item),
             Candidate("道路自信、理论自信", 9.0, 9, 3, "parallel", "", relation=item)]
    assert [c.candidate for c in screen(cands, background)] == ["道路自信、理论自信"]


@pytest.mark.parametrize("case", load_cases("discover_introduced", key="key"))
def test_names_and_yearly_events_by_where_they_stand(case: dict, table) -> None:
    """Recounted in a text (tests/cases/discover_introduced.jsonl), a string standing where names of things stand
    (after 被誉为, 台风; before 火箭 or a code) is a name, one following a year or standing before what an event or a
    programme is (艺术节, 频道) an event, unless it is a campaign, one following a foreign country or actor in its
    sentence reported foreign matter, one quoted as a side of a contrast (从“A”到“B”) a fragment."""
    from termkit.discover.noise import introduced
    from termkit.discover.recount import recount

    r = recount([case["key"]], [Document("d", case["text"])], make_matcher(table), 8)[case["key"]]
    assert r.count == case.get("count", 3)
    found = introduced(case["key"], r.count, r.named, r.yearly, r.foreign, r.titled, r.contrast)
    assert found == case["reason"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_shape_weight", key="key"))
def test_shape_weight(case: dict, background) -> None:
    """The weight of a candidate's shape, times the square of its probability for a plain string (see
    discover.shape_weight): a plain string with a formula's head weighs as a quoted one under a ranking learnt from
    the input, and stays at the plain weight without a head or under the shipped model."""
    p = 0.8
    c = Candidate(case["key"], 10.0, 10, 3, case["kind"], "", {"quoted": case["quoted"], "probability": p})
    quoted = case["quoted"] >= 3  # one quoted occurrence of ten is seldom
    expected = case["weight"] * (p * p if case.get("probability", p) is not None else 1.0)
    assert shape_weight(c, case["key"], quoted, background, case["learnt"]) == pytest.approx(expected), case["why"]


def test_a_learnt_ranking_lifts_a_headed_plain_string_to_the_quoted_ones(background) -> None:
    """Same learnt probability and count: 新发展格局 ranks beside a quoted slogan, 政治互信 below both; under the
    shipped model both plain strings stay below."""
    sure = {"probability": 0.8, "quoted": 0}
    cands = [Candidate("新发展格局", 10.0, 50, 9, "mwe", "", sure), Candidate("政治互信", 10.0, 50, 9, "mwe", "", sure),
             Candidate("放管服", 10.0, 50, 9, "quoted", "", {"probability": 0.8, "quoted": 50})]
    learnt = {c.candidate: c.score for c in screen(cands, background, learnt=True)}
    assert learnt["放管服"] > learnt["新发展格局"] > 0.5 * learnt["放管服"] > learnt["政治互信"]
    shipped = {c.candidate: c.score for c in screen(cands, background)}
    assert shipped["放管服"] > 2 * shipped["新发展格局"] and shipped["新发展格局"] == shipped["政治互信"]


@pytest.mark.parametrize("case", load_cases("discover_quoted_once", key="key"))
def test_one_quotation_of_common_words_is_no_name(case: dict, background) -> None:
    """On a small input (one document) a string quoted every time but once is judged by its words: scare quotes
    around common words (中国品牌) are left out as ordinary Chinese, a coinage (城市病) stays, and a string of common
    words quoted every time, more than once, is a name (tests/cases/discover_quoted_once.jsonl)."""
    c = Candidate(case["key"], 3.0, case["count"], 1, "quoted", "", {"quoted": case["quoted"]})
    kept = [k.candidate for k in screen([c], background, small=True, drop_ordinary=True)]
    assert (kept == [case["key"]]) is case["kept"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_quotation_edge", key="why"))
def test_an_occurrence_cut_inside_a_quotation_and_run_out_of_it_is_a_fragment(case: dict) -> None:
    """tests/cases/discover_quotation_edge.jsonl: an occurrence that starts inside a quoted name, not at its
    opening mark, and runs past its closing mark (兩制」原則 of 「一國兩制」原則) is a piece of that name."""
    start, end = case["span"]
    assert across_quotation(case["example"], (start, end)) == case["reason"], case["why"]


def test_a_candidate_cut_inside_a_quotation_is_not_attested(background) -> None:
    """两制原则, seen unquoted once and written 两制」原则 (of 「一国两制」原则) the other times, is not attested;
    一国两制原则, which starts at the opening mark, is."""
    from termkit.compile import compile_lexicon
    from termkit.discover import attest
    from termkit.discover.score import Prospect
    from termkit.lexicon import Lexicon

    text = "坚持「一国两制」原则。维护「一国两制」原则。贯彻两制原则。"
    docs = [Document(f"d{i}", text) for i in range(3)]
    prospects = [Prospect(k, "mwe", 1.0, 6) for k in ("两制原则", "一国两制原则")]
    found = attest(prospects, docs, compile_lexicon(Lexicon(())), set(), background)[0]
    assert [c.key for c in found] == ["一国两制原则"]


@pytest.mark.parametrize("case", load_cases("discover_sure", key="key"))
def test_a_learnt_ranking_sure_of_a_string_outweighs_its_ordinary_words(case: dict, background) -> None:
    c = Candidate(case["key"], 10.0, case["count"], 5, "mwe", "", {"probability": case["probability"], "quoted": 0})
    out = screen([c], background, learnt=case["learnt"])
    assert ("ordinary words" in out[0].reasons) == case["demoted"], case["why"]
    assert ordinary(case["key"], background.words(case["key"]), background), "every case is ordinary Chinese by its words"


@pytest.mark.parametrize("case", load_cases("discover_unlikely_run", key="why"))
def test_a_run_the_shipped_model_doubts_is_rhetoric_on_one_document(case: dict, background) -> None:
    """tests/cases/discover_unlikely_run.jsonl: on a small input ranked by the shipped model, a parallel run it finds
    less likely than RUN_PROBABLE is demoted as a rhetorical list; not on a large input (also when ordinary words are
    dropped there), nor under a learnt ranking."""
    c = Candidate(case["key"], 4.0, 1, 1, "parallel", "", {"probability": case["probability"], "quoted": 0})
    out = screen([c], background, small=case["small"], learnt=case["learnt"],
                 drop_ordinary=case.get("drop_ordinary", case["small"]))
    assert (out[0].reasons == ("rhetorical list",)) is case["demoted"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_formula_mark", key="key"))
def test_an_ordinary_string_the_text_or_dictionary_marks_as_a_formula_is_kept(case: dict, background) -> None:
    """tests/cases/discover_formula_mark.jsonl: where ordinary Chinese is dropped (drop_ordinary), a string the
    dictionary marks as a formula (a numbered abbreviation, an idiom, a fixed expression qualified) or its writers
    quote every time stays, demoted; others go."""
    from termkit.discover.noise import formula_mark

    assert formula_mark(case["key"], background.words(case["key"]), background) == case["mark"], case["why"]
    c = Candidate(case["key"], 4.0, case["count"], 2, case["kind"], "", {"quoted": case["quoted"]})
    kept = screen([c], background, drop_ordinary=True)
    assert bool(kept) is case["kept"], case["why"]
    assert not kept or kept[0].reasons == ("ordinary words",), case["why"]


@pytest.mark.parametrize("case", load_cases("discover_principle_of", key="key"))
def test_the_principle_of_what_comes_before_a_bare_head_is_a_fragment(case: dict, background) -> None:
    """tests/cases/discover_principle_of.jsonl: X的原则 / X的方针 with the head alone is a sentence about X
    (noise.principle_of), unless the head is qualified, X is led by a numeral or is a run of items."""
    assert (noise.word_noise(case["key"], background) == "fragment") is case["fragment"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_addressees", key="key"))
def test_a_run_of_each_this_each_that_is_the_sentences_addressees(case: dict, background) -> None:
    """tests/cases/discover_addressees.jsonl: a run whose every item starts with 各 names whom a sentence addresses
    (noise.addressees), not a formula."""
    assert noise.word_noise(case["key"], background) == case["reason"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_anaphoric", key="key"))
def test_a_string_led_by_a_demonstrative_points_back(case: dict, background) -> None:
    """tests/cases/discover_anaphoric.jsonl: a string led by 这一, 该, 此, 上述 … points back at a thing named before
    it (noise.anaphoric), not a formula of its own."""
    assert noise.word_noise(case["key"], background) == case["reason"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_clause", key="key"))
def test_a_statistical_string_that_reads_as_a_clause(case: dict, background) -> None:
    """tests/cases/discover_clause.jsonl: rounds 15–19's statistical rows, judged by blind readers: the bad ones that
    read as a piece of a sentence (noise.clause: an adverb first, 中 first, 的 inside, an adverb before a verb, a
    predicate with its object) and every good one, which must not."""
    assert noise.clause(case["key"], background) == case["reason"], case["why"]
