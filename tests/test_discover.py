"""termkit discover: candidate kinds (positive and negative), fragments, variants, lexicon, CLI."""

from __future__ import annotations

import gc
import json
import random
import tempfile

import numpy as np
import pytest
from helpers import ROOT, SEEDS, load_cases, make_matcher
from typer.testing import CliRunner

from termkit.cli import app
from termkit.corpus import Document
from termkit.discover import (
    MIN_ROWS,
    ROWS_PER_CHARS,
    SCORE_FLOOR,
    DiscoverOptions,
    adapt,
    aligned,
    cut_in_word,
    discover,
    kind_of,
    score_floor,
)
from termkit.discover.background import Background
from termkit.discover.ngrams import NgramCounter, NgramStats, as_strings
from termkit.discover.noise import boilerplate, noise_reason
from termkit.discover.patterns import (
    headed_objects,
    number_codes,
    paired_quotes,
    parallel_runs,
    principle_runs,
    quoted_spans,
)
from termkit.discover.score import is_count, programme_name
from termkit.errors import TermkitError
from termkit.lexicon import Entry
from termkit.wording import plural

CASES = ROOT / "tests" / "cases"
FILLER = ["会议指出", "各地区各部门", "必须认真研究", "进一步加强工作", "群众普遍反映", "今年以来", "同志们",
          "要统筹安排", "扎实推进", "取得明显成效", "有关方面表示", "据了解", "与此同时", "在此基础上"]


@pytest.fixture(autouse=True)
def _one_background(monkeypatch: pytest.MonkeyPatch, background) -> None:
    """Every discovery in these tests, the CLI's too, uses the session's background: jieba's
    dictionary is read once, not once a test."""
    monkeypatch.setattr(Background, "load", classmethod(lambda cls: background))


def corpus(*phrases: str, docs: int = 4, seed: int = 1) -> list[Document]:
    """Documents mixing the phrases into varied filler sentences (varied edges for the statistics)."""
    rnd = random.Random(seed)
    out = []
    for d in range(docs):
        sents = []
        for p in phrases:
            for _ in range(3):
                sents.append(f"{rnd.choice(FILLER)}，{rnd.choice(FILLER)}{p}{rnd.choice(FILLER)}。")
        rnd.shuffle(sents)
        out.append(Document(f"d{d}", "\n".join(sents)))
    return out


def run(docs: list[Document], table, *entries: dict, **opts) -> dict:
    """Candidates by spelling; every one found (no score floor: these tests are about what is found)."""
    found = discover(lambda: docs, make_matcher(table, *entries),
                     DiscoverOptions(**{"min_count": 2, "min_score": 0.0, **opts}))
    return {c.candidate: c for c in found}


# numbered formulas

def test_numbered_formula_found(table) -> None:
    found = run(corpus("三会一课", "四下基层"), table)
    assert found["三会一课"].kind == "numbered"
    assert found["四下基层"].kind == "numbered"


def test_ordinary_counts_are_not_formulas(table) -> None:
    found = run(corpus("三个月", "两个小时", "五年", "两个方面", "三个方面", "四个方面"), table)
    assert not [c for c in found.values() if c.kind == "numbered"]
    assert is_count("三个月") and is_count("两个小时") and not is_count("四下基层")


def test_number_codes() -> None:
    text = "推行“4+1”模式和1+3+3机制，落实13+N清单；2023年增长12.5%，投资3+2万元，实施211工程"
    assert [k for k, _, _ in number_codes(text)] == ["4+1", "1+3+3", "13+N", "211工程"]
    assert not list(number_codes("2023年3月5日，增长12.5%，达到885亿元，共108个"))


# quoted phrases

def test_quoted_phrase_found(table) -> None:
    found = run(corpus("“放管服”"), table)
    assert found["放管服"].kind == "quoted"


def test_quoted_speech_is_not_a_candidate(table) -> None:
    speech = "他说：“我们一定要把这件事情办好，办扎实。”"
    assert not list(quoted_spans(speech))
    found = run(corpus(speech), table)
    assert not [k for k in found if "办好" in k]


# parallel structures

@pytest.mark.parametrize("case", load_cases("discover_parallel"))
def test_parallel_runs(case: dict) -> None:
    assert [k for k, _, _ in parallel_runs(case["text"])] == case["runs"]


@pytest.mark.parametrize("case", load_cases("discover_principle"))
def test_lines_named_before_their_noun(case: dict) -> None:
    """A run or quoted span right before 的方针, 的原则, 的道路 … (tests/cases/discover_principle.jsonl)."""
    assert [k for k, _, _ in principle_runs(case["text"])] == case["runs"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_programme"))
def test_programme_names_after_a_verb(case: dict, background) -> None:
    """A programme's name as the object of a verb that carries it out (tests/cases/discover_programme.jsonl)."""
    names = [programme_name(k, background) for k, _, _ in headed_objects(case["text"])]
    assert [n for n in names if n] == case["names"], case["why"]


@pytest.mark.parametrize("case", load_cases("discover_one_document"))
def test_one_document_names(case: dict, table) -> None:
    """On one small document, with default thresholds: names written once (a programme after its verb, a quoted
    or numbered name holding a known term) are candidates; a known term in a sentence and ordinary Chinese are not
    (tests/cases/discover_one_document.jsonl). The whole list (no score floor) is read, so the case does not hang
    on the shipped model's probabilities."""
    matcher = make_matcher(table, *({"term": t} for t in case["lexicon"]))
    docs = [Document("d0", case["text"])]
    found = {c.key: c for c in discover(lambda: docs, matcher, DiscoverOptions(min_score=0))}
    for key in case["shown"]:
        assert key in found and found[key].count == 1, case["why"]
    for key in case["left_out"]:
        assert key not in found, case["why"]
    for key, written in case.get("written", {}).items():
        assert found[key].candidate == written, case["why"]
    for key in case.get("not_demoted", []):
        assert "ordinary words" not in found[key].reasons, case["why"]


@pytest.mark.parametrize("case", load_cases("discover_aligned", key="key"))
def test_a_candidate_cut_across_words_is_a_fragment(case: dict, background) -> None:
    """A statistical string must start and end where words do; a parallel run must not start or end inside a
    common word (its lead-in or last item cut to the other items' length)."""
    if case["kind"] == "mwe":
        assert aligned(case["example"], case["key"], background) is case["whole"], case["why"]
    else:
        assert cut_in_word(case["example"], case["key"], background) is not case["whole"], case["why"]


def test_a_run_cut_inside_a_word_is_left_out(table) -> None:
    found = run(corpus("发展不平衡、不协调、不可持续", "坚持精准治污、科学治污、依法治污"), table)
    assert "精准治污、科学治污、依法治污" in found
    assert not any(k.startswith("不平衡、不协调") for k in found)  # 不可持 is cut inside 不可持续


def test_parallel_candidate_ranked(table) -> None:
    found = run(corpus("学有质量、查有力度、改有成效"), table)
    assert found["学有质量、查有力度、改有成效"].kind == "parallel"


# statistical multi-word expressions

def test_mwe_found(table) -> None:
    found = run(corpus("智慧党建", docs=6), table)
    assert "智慧党建" in found


def test_mwe_rejects_function_word_strings(table) -> None:
    found = run(corpus("智慧党建的", "了智慧党建", docs=6), table)
    assert "智慧党建" in found  # the run found something, and it is the name without the particles
    assert not [k for k in found if k.startswith(("的", "了")) or k.endswith(("的", "了"))]


# merging, fragments, lexicon

def test_fragments_of_a_longer_candidate_are_dropped(table) -> None:
    found = run(corpus("“八张问题清单”", "八张问题清单"), table)
    assert "八张问题清单" in found
    assert not {"张问题清单", "问题清单", "八张问题"} & set(found)


def test_script_variants_and_quotes_merge(table) -> None:
    docs = [Document("a", "坚定拥护“两个确立”。"), Document("b", "堅定擁護「兩個確立」。"),
            Document("c", "做到兩個確立，提高站位。")]
    found = run(docs, table)
    assert found["两个确立"].count == 3 and found["两个确立"].docs == 3
    assert not [k for k in found if "確" in k]


def test_terms_the_lexicon_knows_are_left_out(table) -> None:
    docs = corpus("三会一课", "四下基层")
    found = run(docs, table, {"term": "四下基层"})
    assert "三会一课" in found and "四下基层" not in found
    assert not [k for k in found if k in "四下基层"]


def test_kind_of_prefers_shape() -> None:
    assert kind_of("三会一课", "quoted") == "numbered"
    assert kind_of("学思想、强党性", "quoted") == "parallel"


# bounded counting

def test_lossy_counting_keeps_frequent_and_prunes_rare() -> None:
    rnd = random.Random(0)
    counter = NgramCounter(max_n=4, bucket_chars=500)
    for _ in range(40):
        noise = "".join(chr(0x4E00 + rnd.randrange(3000)) for _ in range(200))
        counter.add(np.array([ord(c) for c in "两个确立" + noise], dtype=np.uint16))
    stats = counter.finish()
    assert stats.count("两个确立") == 40  # exact: what the table dropped was spilled and added back
    assert len(stats.tables[4].keys) < 100  # the random 4-grams were never kept


def spread(word: str, times: int, spill: bool) -> NgramStats:
    """Counts of a text where ``word`` stands once in each of ``times`` buckets, among random characters."""
    rnd = random.Random(1)
    counter = NgramCounter(max_n=4, bucket_chars=300, spill=spill)
    for _ in range(times):
        counter.add(np.array([ord(c) for c in word], dtype=np.uint16))
        counter.add(np.array([0x4E00 + rnd.randrange(3000) for _ in range(400)], dtype=np.uint16))
    return counter.finish()


def test_a_string_seen_once_in_each_of_three_buckets_is_counted_exactly(tmp_path, monkeypatch) -> None:
    """Lossy counting alone never stores an n-gram seen once in a bucket and never before; the spill adds it
    back, with its sub-strings, so that it can be spelt and its edges measured."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert spread("林长制", 3, spill=False).count("林长制") == 0  # what the spill is for
    stats = spread("林长制", 3, spill=True)
    assert stats.count("林长制") == 3 and stats.count("林长") == 3 and stats.count("长制") == 3
    spelt = {s for s in as_strings(stats.spell(3)).tolist()}
    assert "林长制" in spelt
    assert spread("林长制", 2, spill=True).count("林长制") == 0  # below min_restored (3): not restored
    assert list(tmp_path.iterdir()) == []  # the spills are deleted


def test_a_run_stopped_before_finish_leaves_no_spills(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    counter = NgramCounter(max_n=4, bucket_chars=300)
    for _ in range(3):
        counter.add(np.array([0x4E00 + i % 3000 for i in range(400)], dtype=np.uint16))
    assert list(tmp_path.iterdir())  # spilled
    del counter  # as when an error or Ctrl-C ends the run before finish()
    gc.collect()
    assert list(tmp_path.iterdir()) == []


# CLI

def test_cli_jsonl_contract(tmp_path, table) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("terms: []\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "-l", str(empty), "-f", "jsonl", "--min-count", "2",
                                 "-n", "15"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(list(x)[:6] == ["candidate", "score", "count", "docs", "kind", "example"] for x in rows)
    assert all({"key", "relation", "entry", "edit", "reasons", "example_span"} <= set(x) for x in rows)
    fold = make_matcher(table).fold
    for x in rows:  # where the occurrence shown stands in its example
        start, end = x["example_span"]
        assert fold(x["example"][start:end]).text == fold(x["key"]).text, x
    assert all(x["count"] >= 2 and x["kind"] in ("numbered", "quoted", "parallel", "mwe") for x in rows)
    assert "四下基层" in {x["candidate"] for x in rows}


def test_cli_kind_filter_and_yaml_stubs(tmp_path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("terms: []\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "-l", str(empty), "-f", "yaml", "--kind", "numbered",
                                 "--min-count", "2", "-n", "5"])
    assert r.exit_code == 0, r.output
    from ruamel.yaml import YAML

    terms = YAML(typ="safe").load(r.stdout)["terms"]
    assert terms and all(t["gloss_status"] == "proposed" and t["category"] == "formula" for t in terms)
    for t in terms:
        Entry(**t)
        han = [ch for ch in t["term"] if "\u4e00" <= ch <= "\u9fff"]
        assert len(t["pinyin"].split()) == len(han)


def test_cli_rejects_unknown_kind() -> None:
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "--kind", "slogans"])
    assert r.exit_code == 2


def test_cli_add_appends_stubs(tmp_path) -> None:
    target = tmp_path / "new.yaml"
    target.write_text("# proposals\nterms:\n  - id: four-winds\n    term: 四风\n    gloss: Four Winds\n", "utf-8")
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "-l", str(target), "-f", "jsonl", "--kind", "numbered",
                                 "--min-count", "2", "-n", "2", "--add", str(target)])
    assert r.exit_code == 0, r.output
    text = target.read_text("utf-8")
    assert text.startswith("# proposals\n") and text.count("gloss_status: proposed") == 2


# paired formulas

def test_paired_quotes_found_as_one_candidate_whichever_joiner(table) -> None:
    docs = corpus("坚持“当下改”和“长久立”相结合", "推动“当下改”与“长久立”", "既要“引进来”也要“走出去”")
    found = run(docs, table)
    pair = found["“当下改”和“长久立”"]
    assert pair.kind == "quoted" and pair.count == 2 * 3 * 4 and pair.docs == 4
    assert "当下改" not in found and "长久立" not in found  # fragments of the pair
    assert "“当下改”与“长久立”" not in found  # the 与 form is counted with the 和 form
    assert "引进来" in found  # not joined by 和/与: two separate phrases


def test_pairs_need_items_of_one_length() -> None:
    text = "建设“工业发展走廊”和“鱼米走廊”，推进“硬投资”和“软建设”，“首次”和“首次”"
    assert [k for k, _, _ in paired_quotes(text)] == ["“硬投资”和“软建设”"]


def test_a_pair_the_lexicon_knows_is_not_proposed(table) -> None:
    docs = corpus("推动“当下改”与“长久立”")
    entry = {"id": "pair", "term": "“当下改”和“长久立”", "gloss": "fix now, build to last",
             "variants": ["“当下改”与“长久立”"]}
    found = run(docs, table, entry)
    assert not [k for k in found if "当下改" in k or "长久立" in k]


# noise: one case per line in tests/cases/discover_noise.jsonl, each kind of noise covered

NOISE_CASES = [json.loads(line) for line in (CASES / "discover_noise.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("case", NOISE_CASES, ids=[c["key"] for c in NOISE_CASES])
def test_noise_rules(case: dict, background) -> None:
    assert noise_reason(case["key"], background) == case["reason"], case["why"]


def test_every_kind_of_noise_has_a_case() -> None:
    assert {c["reason"] for c in NOISE_CASES} >= {"count", "date", "sequence", None}


def test_counted_nouns_are_not_proposed(table) -> None:
    found = run(corpus("全国31个省", "连续10个月", "三名航天员", "“四下基层”"), table)
    assert "四下基层" in found
    assert not [k for k in found if any(x in k for x in ("31个", "10个", "三名", "个月", "航天员"))]


def test_boilerplate_lines_are_not_proposed(table) -> None:
    docs = [Document(f"d{i}", "\n".join(f"本台消息（晚间新闻）：{f}推进“放管服”改革。" for f in FILLER))
            for i in range(3)]
    found = run(docs, table)
    assert "放管服" in found
    assert not [k for k in found if "本台消息" in k]
    assert boilerplate(line_start=9, count=10) == "boilerplate" and boilerplate(2, 10) is None


# edges, spelling, relations to the lexicon

def test_candidates_are_trimmed_to_the_name(table) -> None:
    found = run(corpus("贯彻新发展理念", "加快构建新发展格局", docs=6), table)
    assert "新发展理念" in found and "新发展格局" in found
    assert "贯彻新发展理念" not in found and "加快构建新发展格局" not in found


def test_candidates_are_shown_as_written(table) -> None:
    docs = corpus("推行“1+2+X”模式", docs=4)
    found = run(docs, table)
    c = found["1+2+X"]
    assert c.key == "1+2+x" and c.to_dict()["candidate"] == "1+2+X"


def test_candidates_keep_characters_that_folding_merges(table) -> None:
    # folding spells 著 as 着; the candidate is shown as the text writes it, in either script
    found = run(corpus("开展“乡村著名行动”", "开展“鄉村著名行動”", docs=3), table)
    assert [c.to_dict()["candidate"] for c in found.values() if c.key == "乡村着名行动"] == ["乡村著名行动"]


def test_relations_to_known_entries(table) -> None:
    docs = corpus("“乡村全面振兴”", "道路自信、理论自信、制度自信、文化自信", "“新质生产力”")
    entries = ({"id": "rural", "term": "乡村振兴"},
               {"id": "four-confidences", "term": "四个自信", "expansion": ["道路自信", "理论自信", "制度自信", "文化自信"]})
    found = run(docs, table, *entries)
    longer = found["乡村全面振兴"].relation
    assert (longer.kind, longer.entry, longer.edit) == ("longer", "rural", {"variants": ["乡村全面振兴"]})
    assert found["道路自信、理论自信、制度自信、文化自信"].relation.entry == "four-confidences"
    assert found["新质生产力"].relation is None


def test_a_known_item_alone_is_not_proposed(table) -> None:
    # the entry lists 制度自信 already: alone it proposes nothing; a run of the items stays, tied to the entry
    docs = corpus("“制度自信”", "道路自信、理论自信、制度自信、文化自信")
    entries = ({"id": "four-confidences", "term": "四个自信", "expansion": ["道路自信", "理论自信", "制度自信", "文化自信"]},)
    found = run(docs, table, *entries)
    assert "制度自信" not in found
    assert found["道路自信、理论自信、制度自信、文化自信"].relation.entry == "four-confidences"


def test_yaml_proposes_edits_for_related_candidates(tmp_path) -> None:
    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - id: rural\n    term: 乡村振兴\n    gloss: rural revitalization\n", "utf-8")
    text = tmp_path / "t.txt"
    text.write_text("\n".join(f"{f}推进“乡村全面振兴”，{f}。" for f in FILLER), "utf-8")
    r = CliRunner().invoke(app, ["discover", str(text), "-l", str(lex), "-f", "yaml"])
    assert r.exit_code == 0, r.output
    from ruamel.yaml import YAML

    doc = YAML(typ="safe").load(r.stdout)
    assert {"id": "rural", "add": {"variants": ["乡村全面振兴"]}} in [
        {k: e[k] for k in ("id", "add")} for e in doc["edits"]]
    assert not [t for t in doc.get("terms") or [] if t["term"] == "乡村全面振兴"]


def test_yaml_proposes_no_edit_to_another_thing(tmp_path) -> None:
    # 人民抗日战争 is not a longer 人民战争, 六个坚持 not a shorter 六个必须坚持; a comma dropped is a variant spelling
    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - {id: peoples-war, term: 人民战争, gloss: people's war}\n"
                   "  - {id: six-musts, term: 六个必须坚持, gloss: six musts}\n"
                   "  - {id: one-country, term: 一国两制, gloss: one country two systems, variants: [一个国家，两种制度]}\n",
                   "utf-8")
    text = tmp_path / "t.txt"
    text.write_text("\n".join(f"{f}纪念“人民抗日战争”，贯彻“六个坚持”，坚持“一个国家两种制度”，{f}。" for f in FILLER),
                    "utf-8")
    r = CliRunner().invoke(app, ["discover", str(text), "-l", str(lex), "-f", "yaml"])
    assert r.exit_code == 0, r.output
    from ruamel.yaml import YAML

    doc = YAML(typ="safe").load(r.stdout)
    edits = [{k: e[k] for k in ("id", "add")} for e in doc.get("edits") or []]
    assert edits == [{"id": "one-country", "add": {"variants": ["一个国家两种制度"]}}]
    assert "六个坚持" in [t["term"] for t in doc.get("terms") or []]


def test_a_run_of_known_terms_is_not_proposed_as_new(tmp_path) -> None:
    # each item of the first run is an entry: it names them and proposes nothing; the second has a new item (体育强国),
    # which may be the finding, so it stays new and yaml proposes it
    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - {id: made, term: 制造强国, gloss: manufacturing powerhouse}\n"
                   "  - {id: quality, term: 质量强国, gloss: quality powerhouse}\n"
                   "  - {id: space, term: 航天强国, gloss: space powerhouse}\n", "utf-8")
    text = tmp_path / "t.txt"
    text.write_text("\n".join(f"{f}加快建设制造强国、质量强国、航天强国，{f}。建设制造强国、质量强国、体育强国。"
                              for f in FILLER), "utf-8")
    r = CliRunner().invoke(app, ["discover", str(text), "-l", str(lex), "-f", "jsonl", "--min-score", "0"])
    assert r.exit_code == 0, r.output
    rows = {row["candidate"]: row for row in map(json.loads, r.stdout.splitlines())}
    known = rows["制造强国、质量强国、航天强国"]
    assert (known["relation"], known["entries"], known["edit"]) == ("items", ["made", "quality", "space"], {})
    assert rows["制造强国、质量强国、体育强国"]["relation"] == "new"
    assert rows["制造强国、质量强国、体育强国"]["new_items"] == ["体育强国"]  # what the run adds to the lexicon
    assert known["new_items"] == []
    r = CliRunner().invoke(app, ["discover", str(text), "-l", str(lex), "-f", "yaml", "--min-score", "0"])
    from ruamel.yaml import YAML

    doc = YAML(typ="safe").load(r.stdout)
    assert "制造强国、质量强国、体育强国" in [t["term"] for t in doc.get("terms") or []]
    assert "制造强国、质量强国、航天强国" not in [t["term"] for t in doc.get("terms") or []]
    assert not doc.get("edits")
    assert "#   制造强国、质量强国、航天强国 — parallel" in r.stdout
    assert "the other items are known, new: 体育强国" in r.stdout


# size of the input, ranking, time

def test_thresholds_adapt_to_the_input_and_say_so(table) -> None:
    notes: list[str] = []
    doc = [Document("report", "要推行“五个一”机制，落实两违整治。" + "。".join(FILLER))]
    found = discover(lambda: doc, make_matcher(table), DiscoverOptions(), on_note=notes.append)
    assert "五个一" in {c.candidate for c in found}  # a quoted numbered form seen once, in one short text
    assert any(n.startswith("small input") for n in notes)
    assert "ranked by first-pass scores and the shipped model" in notes  # a short text does not learn its own
    assert adapt(DiscoverOptions(), 5_000_000) == (
        DiscoverOptions(min_count=3, shape_min_count=2, min_positives=150, pool=14_285), "")


def test_a_score_floor_shortens_the_list_and_says_so(table) -> None:
    docs = corpus("推行“五个一”机制", "智慧党建", docs=6)
    notes: list[str] = []
    shown = {c.candidate: c for c in discover(lambda: docs, make_matcher(table), DiscoverOptions(min_count=2),
                                              on_note=notes.append)}
    every = run(docs, table)  # min_score 0
    floor = score_floor("first-pass scores and the shipped model")
    assert floor == SCORE_FLOOR["shipped"]
    weak = sorted((c for c in every.values() if c.score < floor), key=lambda c: -c.score)
    assert weak and not {c.candidate for c in weak} & set(shown)  # statistical strings with filler, cut
    assert "五个一" in shown and all(c.score >= floor for c in shown.values())
    left = len(every) - len(shown)
    assert f"{plural(len(shown), 'candidate')} shown; the rest ({left}) scored below {round(floor, 2):g} " \
        "(--min-score 0 shows them)" in notes
    assert [c.candidate for c in discover(lambda: docs, make_matcher(table),
                                          DiscoverOptions(min_count=2, min_score=weak[0].score))][-1:] \
        == [weak[0].candidate]


def test_a_small_input_shows_one_candidate_per_700_characters(table) -> None:
    """With the default floor a small input's list stops at one row per ROWS_PER_CHARS characters (at least
    MIN_ROWS) and says so; a floor the user sets lifts the cap."""
    runs = [f"{a}{b}、{a}{c}、{a}{d}" for a in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰" for b, c, d in ("东春金", "南夏木", "西秋水")]
    docs = corpus(*(f"坚持{r}的要求" for r in runs), docs=1)
    notes: list[str] = []
    shown = discover(lambda: docs, make_matcher(table), DiscoverOptions(), on_note=notes.append)
    assert len(shown) == MIN_ROWS
    assert any(n.startswith(f"{MIN_ROWS} candidates shown, one per {ROWS_PER_CHARS:,} Chinese characters") for n in notes)
    assert len(discover(lambda: docs, make_matcher(table), DiscoverOptions(min_score=0.0))) > MIN_ROWS


def test_min_score_is_a_number() -> None:
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "--min-score", "high"])
    assert r.exit_code == 2 and "'high' is not a number" in r.output


def test_ranking_learns_from_the_lexicon_when_the_input_holds_enough_terms(table) -> None:
    known = [f"{a}{b}工程" for a in "甲乙丙丁戊己庚辛壬癸" for b in "东南西北"][:32]
    docs = corpus(*(f"实施“{k}”" for k in known), "实施“新设工程”", docs=3)
    entries = [{"term": k} for k in known]
    notes: list[str] = []
    options = DiscoverOptions(min_count=2, min_positives=30)
    found = discover(lambda: docs, make_matcher(table, *entries), options, on_note=notes.append)
    assert "ranked by a model learnt from 32 lexicon terms in the input" in notes
    assert "新设工程" in {c.candidate for c in found}
    assert all(0 <= c.notes["probability"] <= 1 for c in found)


def test_since_keeps_what_is_new_and_rising(table) -> None:
    docs = [Document(f"m{m}", "\n".join([f"{FILLER[m % 7]}推进“老办法”。"] + [f"{FILLER[i % 9]}落实“新办法”。" for i in range(m)]),
                     meta={"date": f"2024-{m:02d}"}) for m in range(1, 7)]
    docs[0] = Document("m1", "推进“老办法”。" * 3, meta={"date": "2024-01"})
    found = discover(lambda: docs, make_matcher(table), DiscoverOptions(min_count=2, since="2024-02"))
    assert [c.candidate for c in found if "办法" in c.candidate] == ["新办法"]
    assert found[0].notes["first_seen"] == "2024-02" and found[0].notes["rising"] > 1


def test_since_needs_dates(table) -> None:
    with pytest.raises(TermkitError, match="dated documents"):
        discover(lambda: corpus("“放管服”"), make_matcher(table), DiscoverOptions(min_count=2, since="2024"))
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "--since", "soon"])
    assert r.exit_code == 1 and "is not a date" in r.output


def test_the_shipped_model_moves_a_small_inputs_score_by_its_probability_cubed(table) -> None:
    """On a small input the shipped model ranks: a candidate's first-pass score × (0.5 + p) ** SHIPPED_EXPONENT, so
    p = 0.5 leaves it as it was (the floor holds) and p near 1 multiplies it by 1.5 ** SHIPPED_EXPONENT."""
    from termkit.discover import SHIPPED_EXPONENT
    from termkit.discover.learn import Model

    docs = corpus("推进“放管服”改革", "落实“河长制”", docs=3)

    def scores(intercept: float) -> dict[str, float]:
        model = Model(("length",), [0.0], [1.0], [0.0], intercept)  # the same probability for every row
        found = discover(lambda: docs, make_matcher(table), DiscoverOptions(min_score=0.0), model=model)
        return {c.candidate: c.score for c in found if c.kind == "quoted"}

    even, sure = scores(0.0), scores(20.0)
    assert {"放管服", "河长制"} <= set(even) and set(even) == set(sure)
    for key, score in even.items():
        assert sure[key] == pytest.approx(score * 1.5 ** SHIPPED_EXPONENT, rel=1e-6)


@pytest.mark.parametrize("case", load_cases("discover_sentence_form"))
def test_a_formula_after_a_verb_is_no_fragment_of_the_verb_phrase(case: dict, background) -> None:
    from termkit.discover import Candidate, rank

    cands = [Candidate(case["long"], 9.0, case["long_count"], 3, "mwe", ""),
             Candidate(case["short"], 8.0, case["short_count"], 3, "mwe", "")]
    assert [c.candidate for c in rank(cands, DiscoverOptions(top=None, min_count=1), background)] == case["kept"], \
        case["why"]
    assert [c.candidate for c in rank(cands, DiscoverOptions(top=None, min_count=1))] == [case["long"]]


def test_dropping_fragments_by_pairs_of_characters_drops_what_a_scan_of_every_kept_candidate_drops() -> None:
    """drop_fragments looks kept candidates up by their pairs of characters; a plain scan of all of them is the
    definition (a candidate inside a longer kept one, or inside it less 的, that takes most of its uses)."""
    import random

    from termkit.discover import FRAGMENT_SHARE, Candidate, _fragment, drop_fragments

    def scan(cands: list) -> list:
        kept: list = []
        for c in sorted(cands, key=lambda c: -len(c.key)):
            if not any(_fragment(c.key, k.key) and k.count >= FRAGMENT_SHARE * c.count
                       and (k.kind == c.kind or c.kind != "numbered") for k in kept):
                kept.append(c)
        return kept

    rnd = random.Random(3)
    for _ in range(20):
        keys = {"".join(rnd.choice("改革的发展") for _ in range(rnd.randint(1, 7))) for _ in range(60)}
        cands = [Candidate(k, 1.0, rnd.randint(1, 9), 1, rnd.choice(["mwe", "numbered"]), "", key=k) for k in keys]
        assert [c.key for c in drop_fragments(cands)] == [c.key for c in scan(cands)]
