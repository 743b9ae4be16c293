"""The corpus slices of bench/discover_protocol.md, as file lists (development, held out, whole).

    python bench/discover_slices.py        # prints each slice's file count and characters
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# ../shared/corpus beside the checkout (or TERMKIT_CORPUS)
CORPUS = Path(os.environ.get("TERMKIT_CORPUS") or next(
    (p / "shared" / "corpus" for p in Path(__file__).resolve().parents if (p / "shared" / "corpus").is_dir()),
    Path(__file__).resolve().parents[2] / "shared" / "corpus"))
XWLB = CORPUS / "news" / "xinwenlianbo"
CONGRESS_20 = CORPUS / "reports" / "congress" / "20th_congress_report_2022.txt"  # development text
LONG_DOCUMENT = CORPUS / "reports" / "gov_work_reports" / "gov_work_report_2024.txt"
# round 2 (bench/discover_protocol.md): a long document never run on its own, held out from development
LONG_DOCUMENT_2 = CORPUS / "reports" / "gov_work_reports" / "gov_work_report_2022.txt"
# round 3: another long document never run on its own, held out from development from round 3 on
LONG_DOCUMENT_3 = CORPUS / "reports" / "gov_work_reports" / "gov_work_report_2018.txt"
# round 4: text whose candidate list nobody had looked at, held out from development from round 4 on
LONG_DOCUMENTS_4 = (CORPUS / "reports" / "congress" / "19th_congress_report_2017.txt",
                    CORPUS / "reports" / "gov_work_reports" / "gov_work_report_2013.txt")
# round 6: single reports never run alone nor judged before, held out from development from round 6 on
REPORTS = CORPUS / "reports" / "gov_work_reports"
LONG_DOCUMENTS_6 = (REPORTS / "gov_work_report_2015.txt", REPORTS / "gov_work_report_2016.txt")
PRECISION_6 = tuple(REPORTS / f"gov_work_report_{year}.txt" for year in range(2004, 2013))
# round 7: the last reports never run alone nor judged, held out from development from round 7 on
LONG_DOCUMENT_7 = REPORTS / "gov_work_report_2014.txt"
PRECISION_7 = tuple(REPORTS / f"gov_work_report_{year}.txt" for year in range(1993, 2004))
# round 8: the reports before 1993, which rounds 1-7 had only inside the development slice; two run alone, the rest of
# 1978-1992 run together
LONG_DOCUMENTS_8 = (REPORTS / "gov_work_report_1988.txt", REPORTS / "gov_work_report_1991.txt")
PRECISION_8 = tuple(REPORTS / f"gov_work_report_{year}.txt" for year in (*range(1978, 1988), 1989, 1990, 1992))


def whole() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.txt"))


def held_out() -> list[Path]:
    """新闻联播 2025–2026 and the 2024 government work report: used once, for the reported figures."""
    return sorted([*(XWLB / "2025").glob("*.txt"), *(XWLB / "2026").glob("*.txt"), LONG_DOCUMENT])


def held_out_round2() -> list[Path]:
    """Round 2's held-out text: 新闻联播 2026 and the 2022 government work report."""
    return sorted([*(XWLB / "2026").glob("*.txt"), LONG_DOCUMENT_2])


def held_out_round3() -> list[Path]:
    """Round 3's held-out text: 新闻联播 2025 and the 2018 government work report."""
    return sorted([*(XWLB / "2025").glob("*.txt"), LONG_DOCUMENT_3])


def held_out_round4() -> list[Path]:
    """Round 4's held-out text: 新闻联播 2022 (precision@100) and two long documents (the 19th Congress
    report, the 2013 government work report)."""
    return sorted([*(XWLB / "2022").glob("*.txt"), *LONG_DOCUMENTS_4])


def held_out_round6() -> list[Path]:
    """Round 6's held-out text: the 2015 and 2016 work reports (one long document each) and the work reports
    2004–2012 (precision@100, run together)."""
    return sorted([*LONG_DOCUMENTS_6, *PRECISION_6])


def held_out_round7() -> list[Path]:
    """Round 7's held-out text: the 2014 work report (one long document) and the work reports 1993–2003
    (precision@100, run together)."""
    return sorted([LONG_DOCUMENT_7, *PRECISION_7])


def held_out_round8() -> list[Path]:
    """Round 8's held-out text: the 1988 and 1991 work reports (one long document each) and the work reports 1978–1987,
    1989, 1990 and 1992 (precision@100, run together)."""
    return sorted([*LONG_DOCUMENTS_8, *PRECISION_8])


def development() -> list[Path]:
    """Everything else: 新闻联播 2023–2024, the reports before 2024 less the 2022 (round 2), 2018 (round 3)
    and 2013 work reports and the 19th Congress report (round 4), the 2004–2012, 2015 and 2016 work reports (round
    6), the 1993–2003 and 2014 work reports (round 7), the 1978–1992 work reports (round 8), People's Daily, the
    traditional texts."""
    out = set(held_out()) | {LONG_DOCUMENT_2, LONG_DOCUMENT_3} | set(held_out_round4()) | set(held_out_round6()) \
        | set(held_out_round7()) | set(held_out_round8())
    return [p for p in whole() if p not in out]


def development_only(name: str, files: list[Path]) -> list[Path]:
    """``files`` when they are all development text, else exit with an error naming the input ``name``: a bench
    script's own sub-slice of the development slice is checked here, so held-out text never slips in."""
    if not files or not set(files) <= set(development()):
        sys.exit(f"error: input {name} is empty or not all development text (bench/discover_slices.py)")
    return files


def development_single() -> list[Path]:
    """The development slice and, from round 8 on (bench/discover_protocol.md), the 2014 work report: round 7 held it
    out as its one long document and reported it; round 8 develops single documents on its census and verdicts. From
    round 9 on, likewise the 1988 and 1991 reports (round 8's single documents, measured once)."""
    return sorted([*development(), LONG_DOCUMENT_7, *LONG_DOCUMENTS_8])


def development_single_only(name: str, files: list[Path]) -> list[Path]:
    """``files`` when they are all in ``development_single()``, else exit with an error naming the input ``name``."""
    if not files or not set(files) <= set(development_single()):
        sys.exit(f"error: input {name} is empty or not all single-document development text (bench/discover_slices.py)")
    return files


def development_small() -> list[Path]:
    """A quick development slice: 新闻联播 2023 and the reports (before 2024)."""
    return [p for p in development() if "xinwenlianbo/2023" in p.as_posix() or "/reports/" in p.as_posix()]


if __name__ == "__main__":
    for name, files in (("development", development()), ("development_small", development_small()),
                        ("held_out", held_out()),
                        ("held_out_round2", held_out_round2()), ("held_out_round3", held_out_round3()),
                        ("held_out_round4", held_out_round4()), ("held_out_round6", held_out_round6()),
                        ("held_out_round7", held_out_round7()), ("held_out_round8", held_out_round8()),
                        ("whole", whole())):
        chars = sum(len(p.read_text("utf-8", errors="replace")) for p in files)
        print(f"{name:<18}{len(files):>5} files{chars / 1e6:>8.2f} M chars")
