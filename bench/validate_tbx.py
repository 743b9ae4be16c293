"""Validate termkit's real TBX export: the seeds' glossary and the whole bundled lexicon, against
the TBX v3 core RELAX NG schema (ISO 30042:2019) and the TBX-Basic (DCA) rules; and time every
glossary format on the whole lexicon.

    python3 bench/validate_tbx.py [--schemas ../shared/schemas]

The RELAX NG schema checks structure only; the TBX-Basic dialect rules (which data categories,
which values, at which level) are a Schematron file needing XSLT 2, so the ones termkit's export
touches are checked here in Python, on the official TBX-Basic example first to prove the checks.
Exit code 1 if anything is invalid.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lxml import etree

from termkit.compile import load_compiled
from termkit.corpus import iter_files, read_documents
from termkit.export import FORMATS, export
from termkit.gloss import build_glossary
from termkit.lexicon import bundled_lexicon_path
from termkit.match import analyse

ROOT = Path(__file__).resolve().parent.parent
NS = "{urn:iso:std:iso:30042:ed-2}"
# TBX-Basic DCA: permitted data categories and values (LTAC-Global/TBX-Basic_dialect, DCA/TBX-Basic_DCA.sch)
TYPES = {
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender",
                 "termLocation", "termType"},
    "descrip": {"subjectField", "context", "definition"},
    "admin": {"customerSubset", "projectSubset", "source"},
    "ref": {"crossReference"},
    "xref": {"externalCrossReference", "xGraphic"},
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
}
VALUES = {
    "administrativeStatus": {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts",
                             "preferredTerm-admn-sts"},
    "partOfSpeech": {"adjective", "noun", "other", "verb", "adverb"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
}
LEVELS = {"subjectField": {"conceptEntry"}, "context": {"termSec"}, "definition": {"conceptEntry", "langSec"}}


def basic_problems(root: etree._Element) -> list[str]:
    """Breaches of the TBX-Basic DCA rules that apply to elements termkit writes."""
    problems = []
    if (root.get("type"), root.get("style")) != ("TBX-Basic", "dca"):
        problems.append("root must have type='TBX-Basic' style='dca'")
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for el in root.iter(f"{NS}*"):
        name, dc = etree.QName(el).localname, el.get("type")
        if name in TYPES and dc not in TYPES[name]:
            problems.append(f"line {el.sourceline}: <{name} type={dc!r}> is not a TBX-Basic data category")
        if name == "termNote" and etree.QName(el.getparent()).localname != "termSec":
            problems.append(f"line {el.sourceline}: termNote outside termSec")
        if name == "termNote" and dc in VALUES and (el.text or "") not in VALUES[dc]:
            problems.append(f"line {el.sourceline}: {dc} value {el.text!r} not permitted")
        if name == "descrip" and dc in LEVELS:
            parent = el.getparent()
            if etree.QName(parent).localname == "descripGrp":
                parent = parent.getparent()
            if etree.QName(parent).localname not in LEVELS[dc]:
                problems.append(f"line {el.sourceline}: {dc} at {etree.QName(parent).localname} level")
        target = el.get("target")
        if target is not None and not target.startswith(("http://", "https://")) and target not in ids:
            problems.append(f"line {el.sourceline}: target {target!r} does not resolve")
    return problems


def check(name: str, data: bytes, schema: etree.RelaxNG) -> bool:
    doc = etree.fromstring(data, etree.XMLParser(huge_tree=True))
    valid = schema.validate(doc)
    basic = basic_problems(doc)
    entries = len(doc.findall(f".//{NS}conceptEntry"))
    print(f"| {name:<32} | {entries:>7} | {len(data):>9,} | {'valid' if valid else 'INVALID':<8} | "
          f"{len(basic):>16} |")
    for err in list(schema.error_log)[:5]:
        print(f"    relaxng: line {err.line}: {err.message}")
    for p in basic[:5]:
        print(f"    tbx-basic: {p}")
    return valid and not basic


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schemas", type=Path, default=ROOT.parent / "shared" / "schemas")
    args = ap.parse_args()
    schema = etree.RelaxNG(etree.parse(str(args.schemas / "TBXcoreStructV03.rng")))
    compiled = load_compiled(bundled_lexicon_path())
    files = [str(f) for f in iter_files(ROOT / "seeds")]
    seeds = build_glossary(analyse(read_documents(files), compiled.matcher))
    whole = build_glossary([], compiled.lexicon)

    print("| file                             | entries |     bytes | RELAX NG | TBX-Basic breaches |")
    print("|----------------------------------|--------:|----------:|----------|-------------------:|")
    ok = check("TBX-Basic official example", (args.schemas / "TBX-Basic_example_DCA_valid.tbx").read_bytes(),
               schema)
    ok &= check(f"seeds ({seeds.documents} documents)", export(seeds, "tbx3").data.encode(), schema)
    ok &= check("whole bundled lexicon (--all)", export(whole, "tbx3").data.encode(), schema)

    print("\n| format | whole lexicon: ms | bytes     | ratio to json | problems |")
    print("|--------|------------------:|----------:|--------------:|---------:|")
    sizes = {}
    for fmt in FORMATS:
        t = time.perf_counter()
        out = export(whole, fmt)
        ms = (time.perf_counter() - t) * 1000
        sizes[fmt] = (ms, len(out.data.encode()), len(out.problems))
    for fmt, (ms, size, problems) in sizes.items():
        print(f"| {fmt:<6} | {ms:>17.1f} | {size:>9,} | {size / sizes['json'][1]:>13.2f} | {problems:>8} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
