"""Are `discover`'s relations to the lexicon right? An audit on the development slice only.

``run`` runs ``termkit discover`` (defaults, the bundled lexicon, ``-n 200``) on development text
(bench/discover_protocol.md: never on held-out text); ``collect`` appends each candidate of those lists that
is shown with a relation (an expansion, a variant, a longer or shorter form) to the verdict file, once per
(candidate, relation, entry, edit), with an empty verdict for the judge (right: the relation and its edit are
what a curator would do; wrong: otherwise); ``score`` recomputes every judged row's relation with the code
on PYTHONPATH and prints the share of right relations among those it shows, beside the share as first collected
(``found_by``: the label of the run that first listed the row; ``start`` for the code before the relation rules
of round 5). The judge: the author of the rules, on development text — a development figure, not a held-out one.

    python bench/discover_relations_audit.py run news2023 news2024 congress20 reports other --out /tmp/a --label start
    python bench/discover_relations_audit.py collect /tmp/audit/*.start.jsonl
    python bench/discover_relations_audit.py score
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices as S

HERE = Path(__file__).resolve().parent
VERDICTS = HERE / "discover_relations_judged.jsonl"
SLICES = {
    "news2023": lambda: sorted((S.XWLB / "2023").glob("*.txt")),
    "news2024": lambda: sorted((S.XWLB / "2024").glob("*.txt")),
    "congress20": lambda: [S.CONGRESS_20],
    "reports": lambda: [p for p in S.development() if "/gov_work_reports/" in p.as_posix()],
    # the rest of the development slice: Hong Kong news and 新闻联播 in traditional script, People's Daily
    "other": lambda: [p for p in S.development() if not any(f"/{d}/" in p.as_posix() for d in
                                                            ("gov_work_reports", "congress", "2023", "2024"))],
}


def run(names: list[str], out: Path, label: str, top: int) -> None:
    """``termkit discover -f jsonl -n top`` on each development slice, to ``out/NAME.LABEL.jsonl``."""
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        files = S.development_only(name, SLICES[name]())
        done = subprocess.run([sys.executable, "-m", "termkit", "discover", *map(str, files), "-f", "jsonl",
                               "-n", str(top)], capture_output=True, text=True, check=True)
        (out / f"{name}.{label}.jsonl").write_text(done.stdout, encoding="utf-8")
        print(f"{name}: {len(done.stdout.splitlines())} candidates from {len(files)} files")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _row_key(r: dict) -> tuple:
    return r["candidate"], r["relation"], r["entry"], json.dumps(r.get("edit") or {}, ensure_ascii=False,
                                                                 sort_keys=True)


def collect(lists: list[Path]) -> None:
    """Rows with a relation, not yet judged, appended to the verdict file with an empty verdict."""
    judged = _read(VERDICTS) if VERDICTS.exists() else []
    seen = {_row_key(r) for r in judged}
    new = []
    for path in lists:
        for rank, r in enumerate(_read(path), 1):
            if r.get("relation") in (None, "new"):
                continue
            slice_, found_by = path.name.split(".")[:2]
            row = {"slice": slice_, "found_by": found_by, "rank": rank, "candidate": r["candidate"], "key": r["key"],
                   "kind": r["kind"], "relation": r["relation"], "entry": r["entry"], "edit": r.get("edit") or {},
                   "verdict": "", "why": ""}
            if _row_key(row) not in seen:
                seen.add(_row_key(row))
                new.append(row)
    with VERDICTS.open("a", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in new)
    print(f"{len(new)} new rows -> {VERDICTS} ({len(judged) + len(new)} in all)")


def score() -> None:
    """Each judged candidate's relation recomputed by the code on PYTHONPATH, looked up among the verdicts; the
    share of right relations among those shown, for the rows as first collected and as the code now relates them."""
    from termkit.compile import compile_lexicon
    from termkit.discover.background import Background
    from termkit.discover.relations import RelationIndex
    from termkit.lexicon import bundled_lexicon_path, load_lexicon
    from termkit.normalize import FoldTable

    matcher = compile_lexicon(load_lexicon(bundled_lexicon_path()), FoldTable.build())
    bg = Background.load()
    index = RelationIndex.build(matcher.entries, lambda s: matcher.fold(s).text, bg.words, bg.tag)
    rows = _read(VERDICTS)
    unjudged = [r["candidate"] for r in rows if r["verdict"] not in ("right", "wrong")]
    if unjudged:
        sys.exit(f"error: {VERDICTS.name}: {len(unjudged)} rows without a verdict: {', '.join(unjudged[:5])}")
    verdicts = {_row_key(r): r["verdict"] for r in rows}
    first = [r for r in rows if r.get("found_by", "start") == "start"]
    now: dict[str, str] = {}
    for r in {r["candidate"]: r for r in rows}.values():
        rel = index.relate(r["key"], r["candidate"])
        if rel is None:
            continue
        key = _row_key({"candidate": r["candidate"], **rel.to_dict()})
        now[r["candidate"]] = verdicts.get(key, "unjudged")
        if key not in verdicts:
            print(f"unjudged: {r['candidate']} -> {rel.to_dict()}")
    for label, found in (("as first collected", [r["verdict"] for r in first]), ("code now", list(now.values()))):
        right = found.count("right")
        print(f"{label}: {right}/{len(found)} right = {right / max(len(found), 1):.2f}"
              + (f" ({found.count('unjudged')} unjudged)" if "unjudged" in found else ""))
    lost = sorted(r["candidate"] for r in rows if r["verdict"] == "right" and r["candidate"] not in now)
    gone = sorted({r["candidate"] for r in rows if r["candidate"] not in now} - set(lost))
    print(f"right relations no longer shown ({len(lost)}): {', '.join(lost)}")
    print(f"wrong relations no longer shown ({len(gone)}): {', '.join(gone)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("run")
    p.add_argument("names", nargs="+", choices=sorted(SLICES))
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--top", type=int, default=200)
    p = sub.add_parser("collect")
    p.add_argument("lists", nargs="+", type=Path)
    sub.add_parser("score")
    a = ap.parse_args()
    if a.cmd == "run":
        run(a.names, a.out, a.label, a.top)
    elif a.cmd == "collect":
        collect(a.lists)
    else:
        score()


if __name__ == "__main__":
    main()
