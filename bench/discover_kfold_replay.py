"""Replay the screen and the ranking of ``discover_kfold.py --dump DIR`` runs, with a weight changed, and count the
hidden entries in the top N again: an A/B of a change to the screen on the very candidates and learnt probabilities of
one run (bench/discover_results.md, round 6: recall). With the code's own weights it gives the run's figures.

    python bench/discover_kfold_replay.py DIR [--learnt-weight 0.6] [--top 200] [--no-sentence-forms]

``--learnt-weight`` sets ``discover.LEARNT_STATISTICAL_WEIGHT`` (0.6, the plain weight, is the ranking before round 6).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

NO_SENTENCE = False  # --no-sentence-forms: rank as before round 7 (a formula after a verb is a fragment of it)


def replay(data: dict, bg, fold) -> list:
    """The ranked list ``discover`` returns in a kfold run (no floor, no top), from the dumped scored candidates (a
    dump without the ranking's description is of a large input, ranked by a model learnt from it)."""
    import termkit.discover as D

    cands = D.screen(data["scored"], bg, learnt=D.learnt_ranking(data.get("how", "learnt from")))
    ranked = D.rank(cands, D.DiscoverOptions(top=None, min_score=0.0), None if NO_SENTENCE else bg)
    return D.drop_rejected(ranked, dict.fromkeys(data["negatives"], "rejected"), fold)[0]


def hits(ranked: list, wanted: dict[str, list[str]], top: int, fold) -> set[str]:
    """Ids of the hidden entries whose folded term or variant is a key or a folded candidate of the top ``top``."""
    keys = {c.key for c in ranked[:top]} | {fold(c.candidate) for c in ranked[:top]}
    return {i for i, surfaces in wanted.items() if any(s in keys for s in surfaces)}


def main() -> None:
    import termkit.discover as D
    from termkit.compile import load_compiled
    from termkit.discover.background import Background
    from termkit.lexicon import bundled_lexicon_path

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--learnt-weight", type=float, default=None)
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--no-sentence-forms", action="store_true",
                    help="drop a candidate inside a longer one that is it after a verb, as before round 7")
    args = ap.parse_args()
    global NO_SENTENCE
    NO_SENTENCE = args.no_sentence_forms
    if args.learnt_weight is not None:
        D.LEARNT_STATISTICAL_WEIGHT = args.learnt_weight
    paths = sorted(args.dump.glob("fold-*.pickle"))
    if not paths:
        sys.exit(f"error: {args.dump}: no fold-K.pickle (run discover_kfold.py --dump {args.dump} first)")
    matcher = load_compiled(bundled_lexicon_path()).matcher
    fold = lambda s: matcher.fold(s).text  # noqa: E731
    bg = Background.load()
    totals: Counter = Counter()
    for path in paths:
        data = pickle.loads(path.read_bytes())
        ranked = replay(data, bg, fold)
        found = hits(ranked, data["wanted"], args.top, fold)
        anywhere = hits(ranked, data["wanted"], len(ranked), fold)
        by_kind = Counter(data["kinds"][i] for i in found)
        for i in data["wanted"]:
            totals[data["kinds"][i], "n"] += 1
            totals[data["kinds"][i], "hit"] += i in found
            totals[data["kinds"][i], "reached"] += i in anywhere
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items()))
        print(f"{path.stem}: {len(found)}/{len(data['wanted'])}  {kinds}; reached the list {len(anywhere)}")
    n = sum(v for (k, what), v in totals.items() if what == "n")
    hit = sum(v for (k, what), v in totals.items() if what == "hit")
    print(f"all: {hit}/{n} = {hit / max(n, 1):.2f}; " + ", ".join(
        f"{k} {totals[k, 'hit']}/{totals[k, 'n']}" for k in sorted({k for k, _ in totals})))
    reached = sum(v for (k, what), v in totals.items() if what == "reached")
    print(f"reached the list: {reached}/{n}; " + ", ".join(
        f"{k} {totals[k, 'reached']}/{totals[k, 'n']}" for k in sorted({k for k, _ in totals})))


if __name__ == "__main__":
    main()
