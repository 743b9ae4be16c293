"""Round 23's check before any change (bench/discover_protocol.md): in every third month of 新闻联播, the runs of
items written with 、 whose last item ends with a verb right before a span the lexicon knows, as discover's view
sees them (known spans masked). Prints how many there are, how many of them are 完整、准确、全面贯彻 (+ 新发展理念),
and the 40 most frequent, with whether the last item is longer than the one before it::

    python bench/discover_round23/verb_before_known.py > bench/discover_round23/verb_before_known.txt
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from termkit.compile import compile_lexicon
from termkit.discover.background import Background
from termkit.discover.view import KNOWN, make_view
from termkit.lexicon import load_lexicon

NEWS = ROOT.parent / "shared" / "corpus" / "news" / "xinwenlianbo"
CLAUSE = re.compile(r"[\u3400-\u9fff、]+(?=\x01)")
FORMULA = "完整、准确、全面贯彻"


def main() -> None:
    matcher, bg = compile_lexicon(load_lexicon(ROOT / "lexicon")), Background.load()
    seen: Counter[tuple[str, str, bool]] = Counter()
    for path in sorted(NEWS.glob("*/*.txt"))[::3]:
        text = path.read_text(encoding="utf-8")
        view = make_view(text, matcher).text
        for m in CLAUSE.finditer(view):
            parts = m.group().split("、")
            words = bg.words(parts[-1])
            if len(parts) < 2 or not words or bg.tag(words[-1])[:1] != "v":
                continue
            end = m.end()
            while end < len(view) and view[end] == KNOWN:
                end += 1
            seen[(m.group()[-30:], text[m.end():end], len(parts[-1]) > len(parts[-2]))] += 1
    formula = sum(n for k, n in seen.items() if FORMULA in k[0])
    print(f"distinct {len(seen)} uses {sum(seen.values())} with {FORMULA} {formula}")
    for (run, term, longer), n in seen.most_common(40):
        print(n, longer, run, "+", term)


if __name__ == "__main__":
    main()
