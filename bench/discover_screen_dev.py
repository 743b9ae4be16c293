"""Replay `discover`'s last step (the screen of noise rules, the ranking cut, the score floor, the curators'
rejections) on candidates captured once from a DEVELOPMENT input, so that a change of a noise rule can be
compared on the same candidates without re-running the counting and the learner.

The noise rules act only in :func:`termkit.discover.screen`, after the ranking is learnt, so the captured
candidates are the same for any version of them. Only development inputs are offered
(bench/discover_protocol.md: `bench/discover_slices.py` development()).

    python bench/discover_screen_dev.py capture news2023b      # once per input (~1-2 min), to /tmp
    python bench/discover_screen_dev.py list news2023b -n 150 > after.jsonl
    PYTHONPATH=/path/to/other/src python bench/discover_screen_dev.py list news2023b -n 150 > before.jsonl
    python bench/discover_screen_dev.py list news2024a -n 200 --kind quoted

When a change adds to what the recount records (a note the screen reads), capture once with each version into
its own folder (``TERMKIT_SCREEN_CACHE=/tmp/before``) and list each from its own.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices as S

# one folder per version of the recount when the notes it records change (TERMKIT_SCREEN_CACHE)
CACHE = Path(os.environ.get("TERMKIT_SCREEN_CACHE") or Path(tempfile.gettempdir()) / "termkit-screen-dev")


def _months(year: str, months: range) -> list[Path]:
    return [S.XWLB / year / f"xinwenlianbo_{year}-{m:02d}.txt" for m in months]


INPUTS = {
    "news2023b": lambda: _months("2023", range(5, 9)),  # 新闻联播 2023-05…08 (round 4's dev list)
    "news2024a": lambda: _months("2024", range(1, 5)),  # 新闻联播 2024-01…04 (round 4's dev list)
    "news2024b": lambda: _months("2024", range(5, 9)),  # 新闻联播 2024-05…08
    "congress20": lambda: [S.CONGRESS_20],
    "reports": lambda: [p for p in S.development() if "/reports/" in p.as_posix()],  # the dev reports together
}


def _files(name: str) -> list[Path]:
    return S.development_only(name, INPUTS[name]())


def _setup() -> tuple:
    os.environ["TERMKIT_LEXICON_DIR"] = tempfile.mkdtemp()  # no user lexicon, no user rejections
    from termkit.compile import load_compiled
    from termkit.discover.rejected import load_rejected
    from termkit.lexicon import bundled_lexicon_path

    compiled = load_compiled(bundled_lexicon_path())
    return compiled, load_rejected(lambda s: compiled.matcher.fold(s).text)


def capture(name: str) -> None:
    """Run discover with defaults on input ``name`` and keep what reaches the screen."""
    import termkit.discover as D
    from termkit.corpus import read_documents

    compiled, rejected = _setup()
    seen: dict = {}
    original = D.screen

    def keep(cands, bg, small=False, learnt=False, drop_ordinary=False):
        seen.update(cands=cands, small=small, drop_ordinary=drop_ordinary)
        return original(cands, bg, small, learnt, drop_ordinary)

    notes: list[str] = []
    D.screen = keep
    files = [str(p) for p in _files(name)]
    D.discover(lambda: read_documents(files), compiled.matcher, D.DiscoverOptions(), on_note=notes.append,
               rejected=rejected)
    seen["how"] = next(n.removeprefix("ranked by ") for n in notes if n.startswith("ranked by "))
    CACHE.mkdir(exist_ok=True)
    (CACHE / f"{name}.pkl").write_bytes(pickle.dumps(seen))
    print(f"{len(seen['cands'])} candidates before the screen ({seen['how']}) -> {CACHE / name}.pkl")


def replay(name: str, top: int, kinds: tuple[str, ...]) -> list:
    """The list discover shows with defaults (rank, candidate) for its top ``top`` (only ``kinds`` if given),
    from the captured candidates."""
    from dataclasses import replace

    import termkit.discover as D
    from termkit.discover.background import Background

    compiled, rejected = _setup()
    seen = pickle.loads((CACHE / f"{name}.pkl").read_bytes())
    options = D.DiscoverOptions()
    bg = Background.load()
    cands = D.screen(seen["cands"], bg, small=seen["small"], learnt=D.learnt_ranking(seen["how"]),
                     drop_ordinary=seen.get("drop_ordinary", seen["small"]))
    ranked = D.rank(cands, replace(options, min_score=0.0, top=None), bg)
    shown = [c for c in ranked if c.score >= D.score_floor(seen["how"])]
    shown, _ = D.drop_rejected(shown, rejected, lambda s: compiled.matcher.fold(s).text)
    return [(i, c) for i, c in enumerate(shown[:top], 1) if not kinds or c.kind in kinds]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("capture", "list"))
    ap.add_argument("input", choices=sorted(INPUTS))
    ap.add_argument("-n", "--top", type=int, default=150)
    ap.add_argument("--kind", action="append", default=[], help="only this kind (repeat)")
    args = ap.parse_args()
    if args.what == "capture":
        capture(args.input)
        return
    for rank, c in replay(args.input, args.top, tuple(args.kind)):
        row = {"rank": rank, **c.to_dict()}
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
