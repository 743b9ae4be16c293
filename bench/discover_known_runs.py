"""Parallel runs whose items are lexicon entries, in `discover`'s list of a DEVELOPMENT input
(bench/discover_results.md, "Round 7 (development): known-term runs and the ordinary demotion").

For every parallel candidate of the whole ranking (no score floor, no length cut; full bundled lexicon, defaults
otherwise) it prints its rank, whether the default list shows it, its relation, and which of its items are lexicon
entries (term or variant, folded as the matcher folds) or items of an entry's expansion; then a count of the runs
shown as new whose every item is known.

    python bench/discover_known_runs.py congress20 report2017 news2024a

Inputs: the five reports of bench/discover_longdoc.py and 新闻联播 2024-01…04 (``news2024a``), development text only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_longdoc as L
import discover_slices as S

INPUTS = {**{name: (lambda p=p: [p]) for name, p in L.DOCUMENTS.items()},
          "news2024a": lambda: [S.XWLB / "2024" / f"xinwenlianbo_2024-{m:02d}.txt" for m in range(1, 5)]}


def ranked(name: str) -> tuple[list, int, object]:
    """The whole ranking of input ``name`` (no floor, no cut), how many rows the default list shows, the matcher."""
    os.environ["TERMKIT_LEXICON_DIR"] = tempfile.mkdtemp()
    import termkit.discover as D
    from termkit.compile import load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover
    from termkit.discover.rejected import load_rejected
    from termkit.lexicon import bundled_lexicon_path

    files = [str(p) for p in S.development_only(name, INPUTS[name]())]
    compiled = load_compiled(bundled_lexicon_path())
    rejected = load_rejected(lambda s: compiled.matcher.fold(s).text)
    notes: list[str] = []
    every = discover(lambda: read_documents(files), compiled.matcher, DiscoverOptions(min_score=0.0, top=None),
                     rejected=rejected, on_note=notes.append)
    # what the defaults show: the rows above the floor of the way the ranking was made, at most --top (100), and on a
    # small input at most D.size_cap rows (the same run, so the same scores)
    how = next(n.removeprefix("ranked by ") for n in notes if n.startswith("ranked by "))
    shown = sum(c.score >= D.score_floor(how) for c in every)
    small = next((n for n in notes if n.startswith("small input")), None)
    chars = sum("\u4e00" <= ch <= "\u9fff" for f in files for ch in Path(f).read_text("utf-8"))
    limit = min(100, D.size_cap(chars)) if small else 100
    return every, min(shown, limit), compiled.matcher


def known_items(key: str, matcher) -> list[str]:
    """For each item of the run: the entry id it is (a term or a variant), ``item of ID`` (an item of an entry's
    expansion), or ""."""
    surfaces = {matcher.fold(s).text: e.id for e in matcher.entries for s in (e.term, *e.variants)}
    items = {matcher.fold(i).text: e.id for e in matcher.entries for i in e.expansion or ()}
    out = []
    for part in (p.strip("“”") for p in key.split("、") if p):
        out.append(surfaces.get(part) or (f"item of {items[part]}" if part in items else ""))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="+", choices=sorted(INPUTS))
    args = ap.parse_args()
    verdicts = L.verdicts()
    for name in args.names:
        every, shown, matcher = ranked(name)
        doc = L.DOCUMENTS[name].relative_to(S.CORPUS).as_posix() if name in L.DOCUMENTS else ""
        all_known = shown_all_known = 0
        print(f"== {name}: {shown} rows shown")
        for rank, c in enumerate(every, 1):
            if c.kind != "parallel":
                continue
            marks = known_items(c.key or c.candidate, matcher)
            n_known = sum(bool(m) for m in marks)
            if not n_known:
                continue
            rel = c.relation.kind if c.relation else "new"
            full = n_known == len(marks)
            all_known += full and rel == "new"
            shown_all_known += full and rel == "new" and rank <= shown
            verdict = verdicts.get((c.candidate, doc), {}).get("verdict", "?")
            print(f"{rank:>4} {'shown' if rank <= shown else '     '} {verdict:<4} {rel:<9} {n_known}/{len(marks)} "
                  f"{c.score:6.2f} {c.candidate}  [{'; '.join(m or '-' for m in marks)}]")
        print(f"runs of known items shown as new: {shown_all_known} in the list shown, {all_known} in the ranking")


if __name__ == "__main__":
    main()
