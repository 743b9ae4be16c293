"""`termkit discover` on ONE long development document with default options, scored against verdicts kept as
data (bench/discover_dev_judged_round6.jsonl: candidate, document, code, verdict, reason), for the round-6
single-document work (bench/discover_results.md, "Round 6 (development): one long document").

Only development documents are offered (bench/discover_slices.py ``development_only``): the ones tuned on
(``congress20``, ``report2017``, ``report2020``) and the ones kept aside as the development check
(``report2019``, ``report2021``), which are run at the start and at the end only.

    python bench/discover_longdoc.py list report2017             # the list as shown, with verdicts so far
    python bench/discover_longdoc.py list report2017 --all       # every candidate (--min-score 0), to tune
    python bench/discover_longdoc.py score report2017 congress20 # good in the top 30, shown, precision
    python bench/discover_longdoc.py judge report2017 --code abc123 --verdicts V.tsv   # append verdicts

``judge`` reads a TSV of ``candidate, verdict (good|bad), reason`` rows and appends them for the document.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices as S

VERDICTS = Path(__file__).resolve().parent / "discover_dev_judged_round6.jsonl"
GOV = S.REPORTS
DOCUMENTS = {
    "congress20": S.CONGRESS_20,  # tuned on
    "report2017": GOV / "gov_work_report_2017.txt",  # tuned on
    "report2020": GOV / "gov_work_report_2020.txt",  # tuned on
    "report2019": GOV / "gov_work_report_2019.txt",  # kept aside: start and end only
    "report2021": GOV / "gov_work_report_2021.txt",  # kept aside: start and end only
}
TOP = 30


def document(name: str) -> str:
    """The corpus path of ``name`` (relative to the corpus), checked to be development text."""
    if name not in DOCUMENTS:
        sys.exit(f"error: unknown document {name!r}: use one of {', '.join(DOCUMENTS)}")
    path = S.development_only(name, [DOCUMENTS[name]])[0]
    return path.relative_to(S.CORPUS).as_posix()


def candidates(name: str, every: bool = False) -> list[dict]:
    """``discover`` with defaults (full bundled lexicon, no user lexicon) on the document, as rows of its
    JSONL contract plus the shipped model's probability; ``every``: no score floor, no length cut."""
    os.environ["TERMKIT_LEXICON_DIR"] = tempfile.mkdtemp()
    from termkit.compile import load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover
    from termkit.discover.rejected import load_rejected
    from termkit.lexicon import bundled_lexicon_path

    path = str(S.CORPUS / document(name))
    compiled = load_compiled(bundled_lexicon_path())
    rejected = load_rejected(lambda s: compiled.matcher.fold(s).text)
    options = DiscoverOptions(min_score=0.0, top=None) if every else DiscoverOptions()
    found = discover(lambda: read_documents([path]), compiled.matcher, options, rejected=rejected,
                     on_note=lambda n: print(f"note: {n}", file=sys.stderr))
    return [{**c.to_dict(), "probability": c.notes.get("probability")} for c in found]


def verdicts() -> dict[tuple[str, str], dict]:
    """(candidate, document) → the latest verdict row."""
    if not VERDICTS.exists():
        return {}
    rows = [json.loads(line) for line in VERDICTS.read_text("utf-8").splitlines() if line.strip()]
    return {(r["candidate"], r["document"]): r for r in rows}


def score(name: str, rows: list[dict], known: dict) -> str:
    """One line: good in the top 30, rows shown, precision of what is shown, rows not judged yet."""
    doc = document(name)
    marks = [known.get((r["candidate"], doc), {}).get("verdict") for r in rows]
    top = marks[:TOP]
    shown_good = sum(m == "good" for m in marks)
    return (f"{name:<11} good in top {TOP}: {sum(m == 'good' for m in top):>2}/{TOP}   shown {len(rows):>3}   "
            f"precision of shown {shown_good}/{len(rows)} = {shown_good / max(len(rows), 1):.2f}   "
            f"unjudged {sum(m is None for m in marks)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    li = sub.add_parser("list")
    li.add_argument("name")
    li.add_argument("--all", action="store_true", help="every candidate, no score floor")
    sc = sub.add_parser("score")
    sc.add_argument("names", nargs="+")
    ju = sub.add_parser("judge")
    ju.add_argument("name")
    ju.add_argument("--code", required=True)
    ju.add_argument("--verdicts", type=Path, required=True)
    a = ap.parse_args()
    known = verdicts()
    if a.cmd == "list":
        doc = document(a.name)
        for i, r in enumerate(candidates(a.name, a.all), 1):
            v = known.get((r["candidate"], doc), {})
            print(f"{i:>3} {v.get('verdict', '?'):<4} {r['score']:>6.2f} {r['probability'] or 0:.2f} {r['kind']:<8} "
                  f"{r['count']:>3} {r['candidate']} {r['entry'] or ''} | {' '.join(r['example'].split())[:40]}")
    elif a.cmd == "score":
        for name in a.names:
            print(score(name, candidates(name), known))
    else:
        doc = document(a.name)
        with a.verdicts.open(encoding="utf-8") as f, VERDICTS.open("a", encoding="utf-8") as out:
            for cand, verdict, reason in csv.reader(f, delimiter="\t"):
                if verdict not in ("good", "bad"):
                    sys.exit(f"error: {a.verdicts}: verdict {verdict!r} of {cand!r} is neither good nor bad")
                row = {"candidate": cand, "document": doc, "code": a.code, "verdict": verdict, "reason": reason}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
