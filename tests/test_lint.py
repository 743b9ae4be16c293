"""Lint rules: each has a failing fixture and a passing one (tiny lexicons written to tmp_path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from termkit.cli import app
from termkit.lexicon import Entry, bundled_lexicon_path
from termkit.lint import RULES, check_lexicon, expected_items, parse_count

GOOD = """\
terms:
  - id: four-winds
    term: 四风
    pinyin: sì fēng
    gloss: Four Forms of Decadence
    gloss_status: official
    category: formula
    expansion: [形式主义, 官僚主义, 享乐主义, 奢靡之风]
    expansion_en: [formalism, bureaucratism, hedonism, extravagance]
    source: Xinhua
    related: [two-upholds]
  - id: two-upholds
    term: 两个维护
    pinyin: liǎng gè wéi hù
    gloss: Two Upholds
    category: formula
    expansion: [坚决维护核心地位, 坚决维护集中统一领导]
    expansion_en: [upholding the core position, upholding centralized and unified leadership]
"""


def entry_yaml(**fields: object) -> str:
    """One entry (defaults: a valid, non-numbered term) as a lexicon file."""
    base: dict[str, object] = {"id": "e", "term": "当下改", "pinyin": "dāng xià gǎi", "gloss": "fix now"}
    base.update(fields)
    lines = ["terms:", "  - id: " + str(base.pop("id"))]
    lines += [f"    {k}: {v}" for k, v in base.items() if v is not None]
    return "\n".join(lines) + "\n"


def rules_found(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "lex.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = check_lexicon(path)
    return [(p.rule, p.severity) for p in problems]


def test_good_lexicon_has_no_problems(tmp_path: Path) -> None:
    assert rules_found(tmp_path, GOOD) == []


def test_every_rule_is_registered_once_with_a_docstring_and_a_failing_case() -> None:
    assert all(r.func.__doc__ for r in RULES.values())
    assert len({r.func for r in RULES.values()}) == len(RULES)  # no rule under two names
    outside = {"schema", "duplicate-id", "duplicate-surface",  # checked by lexicon.py and compile.py
               "lint-skip-unknown", "lint-skip-unused"}  # reported by lint() about the entries' lint_skip
    assert set(RULES) == {rule for rule, _, _ in FAILING} - outside


FAILING = [
    ("related-missing", "error", {"related": "[nowhere]"}),
    ("expansion-count", "error", {"term": "四风", "pinyin": "sì fēng", "category": "formula", "expansion": "[a, b, c]"}),
    ("expansion-missing", "warning", {"term": "两个维护", "pinyin": "liǎng gè wéi hù"}),
    ("missing-pinyin", "warning", {"pinyin": None}),
    ("pinyin-length", "error", {"pinyin": "dāng xià"}),
    ("pinyin-tones", "warning", {"pinyin": "dang xia gai"}),
    ("pinyin-tones", "warning", {"pinyin": "dang1 xia4 gai3"}),
    ("pinyin-sandhi", "warning", {"term": "一企一策", "pinyin": "yī qǐ yí cè"}),
    ("pinyin-sandhi", "warning", {"term": "不忘初心", "pinyin": "bú wàng chū xīn"}),
    ("deprecated-gloss", "error", {"gloss": "Fix Now", "alt_glosses": "[{text: fix  now, status: deprecated}]"}),
    ("official-source", "warning", {"gloss_status": "official"}),
    ("gloss-placeholder", "error", {"gloss": '"TODO: gloss"'}),
    ("place-without-level", "warning", {"place": "浙江省"}),
    ("schema", "error", {"level": "provincial"}),  # non-central level without place: the Entry model
    ("never-matches", "error", {"exclude": "[当下改]"}),
    ("never-matches", "warning", {"variants": "[当下就改]", "exclude": "[当下就改]"}),
    ("redundant-variant", "warning", {"variants": "[當下改]"}),
    ("context", "error", {"context": '{not_after: ["“”"]}'}),  # folds to nothing
    ("context", "error", {"context": "{in_sentence: [改革。开放]}"}),
    ("context", "error", {"context": "{not_in_sentence: [下改]}"}),
    ("context", "warning", {"context": "{in_sentence: [當下]}"}),
    ("expansion-en-missing", "warning", {"term": "四风", "pinyin": "sì fēng", "category": "formula",
                                         "expansion": "[a, b, c, d]"}),
    ("schema", "error", {"expansion": "[a, b]", "expansion_en": "[one]"}),  # one English item per item
    ("british-spelling", "warning", {"gloss": "modernisation drive"}),
    ("british-spelling", "warning", {"definition": "A Centred programme."}),
    ("british-spelling", "warning", {"alt_glosses": "[{text: civilised, status: media}]"}),
    ("gloss-article", "warning", {"gloss": "the new era"}),
    ("gloss-brackets", "warning", {"gloss": "fix now (a slogan)"}),
    ("hidden-characters", "warning", {"gloss": '"Fix\\u202eNow"'}),
    ("hidden-characters", "warning", {"definition": '"Fix \\x1b[2J now."'}),
    ("duplicate-id", "error", None),
    ("duplicate-surface", "error", None),
    ("lint-skip-unknown", "error", {"lint_skip": "[no-such-rule]"}),
    ("lint-skip-unused", "warning", {"lint_skip": "[expansion-missing]"}),  # 当下改 is not numbered
    ("schema", "error", {"lint_skip": "expansion-missing"}),  # a list, not a string
]


@pytest.mark.parametrize(("rule", "severity", "fields"), FAILING, ids=[f"{r}-{i}" for i, (r, _, _) in
                                                                        enumerate(FAILING)])
def test_each_rule_fails_its_fixture(tmp_path: Path, rule: str, severity: str, fields: dict | None) -> None:
    if rule == "duplicate-id":
        text = entry_yaml() + entry_yaml(term="长久立", pinyin="cháng jiǔ lì").split("\n", 1)[1]
    elif rule == "duplicate-surface":
        text = entry_yaml() + entry_yaml(id="f").split("\n", 1)[1]
    else:
        text = entry_yaml(**(fields or {}))
    assert (rule, severity) in rules_found(tmp_path, text)


PASSING = [
    {"related": "[e]"},
    {"term": "四风", "pinyin": "sì fēng", "category": "formula", "expansion": "[a, b, c, d]",
     "expansion_en": "[formalism, bureaucratism, hedonism, extravagance]"},
    {"term": "一国两制", "pinyin": "yī guó liǎng zhì", "category": "formula"},  # a compound: not judged
    {"term": "我的", "pinyin": "wǒ de"},  # a neutral-tone character needs no mark
    {"term": "一企一策", "pinyin": "yī qǐ yī cè"},  # 一 and 不 in their own tone
    {"term": "统一战线", "pinyin": "tǒng yī zhàn xiàn"},
    {"gloss": "Fix Now", "alt_glosses": "[{text: Fix It Now, status: deprecated}]"},
    {"gloss_status": "official", "source": "Xinhua"},
    {"level": "provincial", "place": "浙江省"},
    {"exclude": "[不当下改]"},  # a longer exclude leaves the term matchable
    {"variants": "[当下就改]"},
    {"context": "{not_after: [不], not_before: [了], not_in_sentence: [食品], in_sentence: [整改], since: 2012}"},
    {"gloss": "modernization", "definition": "An emphasis on the organizing center; a labor program."},
    {"gloss": "The Party commands the gun"},  # a sentence (or a name) keeps its capital The
    {"source": "Organisation for Economic Co-operation and Development"},  # a source is cited as written
    {"term": "两面人", "pinyin": "liǎng miàn rén", "lint_skip": "[expansion-missing]"},  # numbered, no list
    {"term": "三支一扶", "pinyin": "sān zhī yī fú", "category": "policy"},  # two numbered halves
]


@pytest.mark.parametrize("fields", PASSING)
def test_passing_cases(tmp_path: Path, fields: dict) -> None:
    assert rules_found(tmp_path, entry_yaml(**fields)) == []


def test_shorter_surface_inside_a_longer_one_is_not_shadowed(tmp_path: Path) -> None:
    text = entry_yaml(term="八项规定", pinyin="bā xiàng guī dìng") + entry_yaml(
        id="f", term="中央八项规定", pinyin="zhōng yāng bā xiàng guī dìng").split("\n", 1)[1]
    assert ("never-matches", "error") not in rules_found(tmp_path, text)


@pytest.mark.parametrize(("run", "value"), [("两", 2), ("十", 10), ("十四", 14), ("二十", 20), ("二十一", 21),
                                            ("八八", 8), ("一", None), ("百", None), ("千万", None),
                                            ("九二", None), ("十四五", None)])
def test_parse_count(run: str, value: int | None) -> None:
    assert parse_count(run) == value


@pytest.mark.parametrize(("term", "category", "expected"), [
    ("两个维护", "formula", (2, True)),
    ("四个意识", "formula", (4, True)),
    ("八八战略", "local", (8, True)),
    ("四风", "formula", (4, True)),
    ("两个一百年", "formula", (2, True)),
    ("十四个坚持", "formula", (14, True)),
    ("四下基层", "method", (4, False)),  # judged only when it has an expansion
    ("三会一课", "method", None),
    ("三支一扶", "policy", None),  # 支 is a verb here; two numbered halves
    ("两面人", "concept", (2, True)),  # judged: the entry says lint_skip when it names no list
    ("四不两直", "method", None),
    ("一岗双责", "formula", None),
    ("一国两制", "policy", None),
    ("五位一体", "formula", None),
    ("千万工程", "local", None),
    ("三大纪律八项注意", "formula", None),
    ("百花齐放", "slogan", None),
    ("一把手", "concept", None),
    ("九二共识", "concept", None),
    ("十八大", "event", None),
    ("二十大报告", "event", None),
    ("十九届六中全会", "event", None),
    ("三中全会", "event", None),
    ("两岸一家亲", "slogan", None),
])
def test_expected_items(term: str, category: str, expected: tuple[int, bool] | None) -> None:
    assert expected_items(Entry(id="x", term=term, gloss="x", category=category)) == expected


def test_problems_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "lex.yaml"
    path.write_text(GOOD.replace("[two-upholds]", "[two-uphold]"), encoding="utf-8")
    _, problems = check_lexicon(path)
    assert [(p.rule, p.location.line if p.location else 0) for p in problems] == [("related-missing", 2)]


def test_cli_check_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "warn.yaml").write_text(entry_yaml(pinyin=None), encoding="utf-8")
    result = runner.invoke(app, ["lexicon", "check", "-l", str(tmp_path / "warn.yaml")])
    assert result.exit_code == 0 and "missing-pinyin" in result.output and "0 errors, 1 warning" in result.output
    assert runner.invoke(app, ["lexicon", "check", "--strict", "-l", str(tmp_path / "warn.yaml")]).exit_code == 1
    (tmp_path / "err.yaml").write_text(entry_yaml(related="[nope]"), encoding="utf-8")
    result = runner.invoke(app, ["lexicon", "check", "-l", str(tmp_path / "err.yaml")])
    assert result.exit_code == 1 and "related-missing" in result.output


def test_bundled_lexicon_passes_strict_check() -> None:
    result = CliRunner().invoke(app, ["lexicon", "check", "--strict", "-l", str(bundled_lexicon_path())])
    assert result.exit_code == 0, result.output
