"""Open termkit's glossaries in the applications translators use, and say what each one read.

    python3 bench/check_glossary_apps.py [--out DIR]

Writes the seed articles' glossary in every format, then:
- translate-toolkit: opens each TBX by file name (``factory.getobject``) and converts it with ``tbx2po``;
- OmegaT: reads each TBX and the tab-separated glossary with OmegaT's own readers (``OmegaT.jar`` from
  Debian's ``omegat`` package, through ``bench/omegat/ReadGlossary.java``, compiled here with ``javac``),
  with a zh-CN → en-US project, and prints what its glossary pane would offer for 新质生产力;
- LibreOffice Calc: converts the CSV and TSV to .xlsx headless with its default text-import
  separators (comma, semicolon and tab all on, ``"`` as string delimiter, UTF-8), reads the .xlsx back
  with openpyxl and counts columns and numeric cells.
A tool that is not installed is reported as such, not as a failure. Results go into
docs/glossary-formats.md by hand, with the date and versions printed here.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from termkit import analyse, bundled_lexicon_path, load_compiled, read_documents
from termkit.export import FORMATS, export
from termkit.export._fields import COLUMNS
from termkit.gloss import build_glossary

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
PROBE = "新质生产力"


def write_all(out: Path) -> dict[str, Path]:
    compiled = load_compiled(bundled_lexicon_path())
    glossary = build_glossary(analyse(read_documents([str(ROOT / "seeds")]), compiled.matcher), None, "first")
    names = {"tbx": "g.tbx", "tbx2": "g2.tbx", "tbx3": "g3.tbx", "omegat": "g.utf8", "csv": "g.csv",
             "tsv": "g.tsv"}
    files = {}
    for fmt, name in names.items():
        assert fmt in FORMATS
        files[fmt] = out / name
        files[fmt].write_text(export(glossary, fmt).data, encoding="utf-8")
    print(f"glossary of the seeds: {len(glossary.rows)} entries, written to {out}")
    return files


def translate_toolkit(files: dict[str, Path], out: Path) -> None:
    from translate.__version__ import sver
    from translate.convert import tbx2po
    from translate.storage import factory

    print(f"\n== translate-toolkit {sver}")
    for fmt in ("tbx", "tbx2", "tbx3"):
        try:
            store = factory.getobject(str(files[fmt]))
            units = len(store.units)
            probe = next((u for u in store.units if u.source == PROBE), None)
            offered = [t.text for t in probe.get_target_terms()] if probe else []
        except Exception as exc:  # the point is to report what the reader does
            units, offered = f"fails: {type(exc).__name__}", []
        po = out / f"{fmt}.po"
        with files[fmt].open("rb") as fin, po.open("wb") as fout:
            try:
                tbx2po.converttbx(fin, fout, None)
            except Exception as exc:
                print(f"  tbx2po {fmt}: fails: {type(exc).__name__}")
        messages = po.read_text(encoding="utf-8").count("\nmsgid ") - 1 if po.stat().st_size else 0
        print(f"  {fmt:5} factory.getobject: {units} units; tbx2po: {messages} messages; {PROBE} → {offered}")


def omegat(files: dict[str, Path], out: Path) -> None:
    print("\n== OmegaT (its own glossary readers)")
    if not (OMEGAT_JAR.exists() and shutil.which("javac") and shutil.which("java")):
        print("  not installed (apt-get install omegat; needs a JDK): skipped")
        return
    classes = out / "classes"
    classes.mkdir(exist_ok=True)
    subprocess.run(["javac", "-d", str(classes), "-cp", str(OMEGAT_JAR), str(HERE / "omegat" / "ReadGlossary.java")],
                   check=True)
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "omegat"], capture_output=True, text=True).stdout
    print(f"  OmegaT {version or '?'}")
    for fmt in ("tbx", "tbx3", "omegat"):
        run = subprocess.run(["java", "-cp", f"{OMEGAT_JAR}:{classes}", "ReadGlossary", str(files[fmt]), "zh-CN",
                              "en-US"], capture_output=True, text=True)
        if run.returncode:
            print(f"  {fmt:6} fails: {run.stderr.strip().splitlines()[0][:150]}")
            continue
        lines = run.stdout.splitlines()
        offered = [ln.split("\t")[1] for ln in lines[1:] if ln.startswith(PROBE + "\t")]
        notes = next((ln.split("\t")[2] for ln in lines[1:] if ln.startswith(PROBE + "\t")), "")
        warn = [n.strip() for n in notes.replace(" · ", " / ").split(" / ") if n.strip().startswith("do not use")]
        print(f"  {fmt:6} {lines[0]}; {PROBE} → {offered}; comment shows: {warn or '(no do-not-use note)'}")


def libreoffice(files: dict[str, Path], out: Path) -> None:
    print("\n== LibreOffice Calc (headless, separators , ; and tab, UTF-8)")
    soffice = shutil.which("soffice")
    if not soffice:
        print("  not installed (apt-get install libreoffice-calc-nogui): skipped")
        return
    import openpyxl

    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"  {version}")
    for fmt in ("csv", "tsv"):
        # filter options: separators 44/59/9 (comma, semicolon, tab), string delimiter 34 ("), charset 76 (UTF-8)
        subprocess.run([soffice, "--headless", "--infilter=CSV:44/59/9,34,76,1", "--convert-to", "xlsx",
                        "--outdir", str(out / "xlsx"), str(files[fmt])], check=True, capture_output=True)
        sheet = openpyxl.load_workbook(out / "xlsx" / f"{files[fmt].stem}.xlsx").active
        rows = list(sheet.iter_rows(values_only=True))
        count = COLUMNS.index("count")
        numeric = sum(isinstance(r[count], int) for r in rows[1:])
        print(f"  {fmt}: {len(rows) - 1} rows, {sheet.max_column} columns (expected {len(COLUMNS)}); "
              f"count column numeric in {numeric} of {len(rows) - 1} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="termkit-apps-"))
    out.mkdir(parents=True, exist_ok=True)
    files = write_all(out)
    translate_toolkit(files, out)
    omegat(files, out)
    libreoffice(files, out)


if __name__ == "__main__":
    main()
