"""Precision of ``termkit discover`` on the work and congress reports, against a hand-judged list.

Runs discover (empty lexicon) on ``shared/corpus/reports``, looks each of the top 100 up in
``bench/discover_judged.md`` (verdict column: good/bad) and prints precision at 20/50/100.
Candidates not in the judged list (after a change to the ranking) are shown as unjudged and
counted as not good, so the figure never flatters; judge them and add rows. Also prints how many
of a reference list of well-known formulas of these documents reach the top 100 (recall).

    python bench/discover_eval.py [REPORTS]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS = HERE.parents[1] / "shared" / "corpus" / "reports"
# formulas and slogans a China specialist would expect in these reports (written before the run)
REFERENCE = ("四个现代化", "三个代表", "一国两制", "两个一百年", "四个全面", "五位一体", "四个意识", "四个自信",
             "两个维护", "两个确立", "四项基本原则", "一个中心、两个基本点", "三去一降一补", "六稳", "六保", "放管服",
             "一带一路", "十三五", "十四五", "三农", "四风", "两学一做", "科学发展观", "改革开放", "小康社会",
             "供给侧结构性改革", "新常态", "大跃进", "人民公社", "四人帮", "九二共识", "互联网+", "扫黄打非",
             "中国特色社会主义", "三个有利于", "精准扶贫")


def judged() -> dict[str, str]:
    rows = {}
    for line in (HERE / "discover_judged.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[5] in ("good", "bad"):
            rows[cells[1]] = cells[5]
    return rows


def main() -> None:
    from termkit.compile import load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover

    reports = Path(sys.argv[1]) if len(sys.argv) > 1 else REPORTS
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.yaml"
        empty.write_text("terms: []\n", encoding="utf-8")
        matcher = load_compiled(empty, use_cache=False).matcher
    found = discover(lambda: read_documents([str(reports)]), matcher, DiscoverOptions(top=100))
    verdicts = judged()
    marks = [verdicts.get(c.candidate, "unjudged") for c in found]
    for k in (20, 50, 100):
        good = marks[:k].count("good")
        print(f"precision@{k}: {good}/{min(k, len(marks))} = {good / max(min(k, len(marks)), 1):.2f}")
    unjudged = [c.candidate for c, m in zip(found, marks) if m == "unjudged"]
    if unjudged:
        print(f"unjudged ({len(unjudged)}, counted as not good): {', '.join(unjudged)}")
    top = {c.candidate for c in found}
    hits = [r for r in REFERENCE if r in top]
    missed = [r for r in REFERENCE if r not in top]
    print(f"reference formulas in the top 100: {len(hits)}/{len(REFERENCE)}; missed: {', '.join(missed)}")
    by_kind = {}
    for c, m in zip(found, marks):
        g, n = by_kind.get(c.kind, (0, 0))
        by_kind[c.kind] = (g + (m == "good"), n + 1)
    print("by kind: " + ", ".join(f"{k} {g}/{n}" for k, (g, n) in sorted(by_kind.items())))


if __name__ == "__main__":
    main()
