"""TBX v3 (ISO 30042:2019), dialect TBX-Basic, DCA style: one ``conceptEntry`` per lexicon entry.

What goes where (TBX-Basic allows only its own data categories and values):

- ``conceptEntry id``: the lexicon id (``_`` in front when it starts with a digit, as an XML id must
  not); ``subjectField``; the category, dates and counts as notes; ``source``; ``crossReference``
  to related entries that are in the same file (notes name the others);
- ``langSec zh``: the expansion of a formula as its ``definition`` (one item per line); the term
  (``preferredTerm-admn-sts``), its traditional form and listed variants (``admittedTerm-admn-sts``,
  ``termType variant``), each with ``partOfSpeech`` where the entry has one; the first sentence it
  occurs in as ``context`` with the document as ``source``; pinyin as a ``note`` tagged
  ``xml:lang="zh-Latn-pinyin"`` (TBX-Basic has no pronunciation category);
- ``langSec en``: the definition, then the English expansion items (one a line); the gloss
  (``preferredTerm-admn-sts``, its status in a note) and the other renderings
  (``deprecatedTerm-admn-sts`` for deprecated ones, otherwise ``admittedTerm-admn-sts``; their status
  in a note, their source as ``source``).

The same builder writes TBX 2008 (``martif``) for ``_tbx2``, with that version's element names.

>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> row = GlossRow(Entry(id="four-winds", term="四风", gloss="Four Winds"), "四風", "sì fēng")
>>> '<conceptEntry id="four-winds">' in export(Glossary((row,)), ExportOptions()).data
True
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .. import __version__
from ..gloss import Glossary, GlossRow
from ..lexicon import AltGloss
from ..wording import plural
from . import ExportOptions, Rendered
from ._fields import ordered_alts

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PINYIN_LANG = "zh-Latn-pinyin"  # BCP 47: Chinese in Latin script, Hanyu Pinyin
SUBJECT_FIELD = "Chinese political discourse"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
# characters XML 1.0 cannot hold at all
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Names:
    """The element names that differ between TBX versions."""

    entry: str = "conceptEntry"
    lang: str = "langSec"
    term: str = "termSec"
    # deprecated renderings as terms of their own (with deprecatedTerm-admn-sts), or only as a
    # "do not use" note: readers such as OmegaT offer every term of a language as a translation and
    # show no status, so there a deprecated rendering must not be a term
    deprecated_terms: bool = True


V3 = Names()


def concept_id(entry_id: str) -> str:
    """An XML id for a lexicon id (``4-plus-1`` → ``_4-plus-1``; ids are otherwise kept).

    >>> concept_id("two-upholds"), concept_id("14th-five-year-plan")
    ('two-upholds', '_14th-five-year-plan')
    """
    return entry_id if entry_id[:1].isalpha() else "_" + entry_id


def alt_status(status: str) -> str:
    """The TBX-Basic administrative status of an alternative gloss."""
    return DEPRECATED if status == "deprecated" else ADMITTED


def do_not_use(alt: AltGloss) -> str:
    """The note that stands for a deprecated rendering where it is not written as a term."""
    return f"do not use: {alt.text} (deprecated rendering" + (f"; {alt.source})" if alt.source else ")")


class _Builder:
    """Builds the entries of one file, collecting text it had to change."""

    def __init__(self, names: Names, terms: dict[str, str]) -> None:
        self.names = names
        self.terms = terms  # concept id -> term, for the entries in this file: references must resolve
        self.problems: list[str] = []
        self.current = ""

    def sub(self, parent: ET.Element, tag: str, text: str | None = None, lang: str | None = None,
            **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, tag, attrs)
        if lang:
            el.set(XML_LANG, lang)
        if text is not None:
            el.text = self.clean(text)
        return el

    def clean(self, text: str) -> str:
        safe = _NOT_XML_RE.sub("", text)
        if safe != text:
            self.problems.append(f"{self.current}: dropped characters XML cannot hold from {text[:40]!r}")
        return safe

    def entry(self, parent: ET.Element, row: GlossRow) -> None:
        e = row.entry
        self.current = e.id
        ce = self.sub(parent, self.names.entry, id=concept_id(e.id))
        self.sub(ce, "descrip", SUBJECT_FIELD, type="subjectField")
        for note in _concept_notes(row):
            self.sub(ce, "note", note)
        if e.source:
            self.sub(ce, "admin", e.source, type="source")
        for rel in e.related:
            target = concept_id(rel)
            if target in self.terms:
                self.sub(ce, "ref", self.terms[target], type="crossReference", target=target)
        unresolved = [r for r in e.related if concept_id(r) not in self.terms]
        if unresolved:
            self.sub(ce, "note", "related (not in this file): " + ", ".join(unresolved))
        self.chinese(ce, row)
        self.english(ce, row)

    def term(self, parent: ET.Element, text: str, status: str, pos: str | None = None,
             term_type: str | None = None) -> ET.Element:
        ts = self.sub(parent, self.names.term)
        self.sub(ts, "term", text)
        if pos:
            self.sub(ts, "termNote", pos, type="partOfSpeech")
        self.sub(ts, "termNote", status, type="administrativeStatus")
        if term_type:
            self.sub(ts, "termNote", term_type, type="termType")
        return ts

    def chinese(self, ce: ET.Element, row: GlossRow) -> None:
        e = row.entry
        ls = self.sub(ce, self.names.lang, lang="zh")
        if e.expansion:
            self.sub(ls, "descrip", "\n".join(e.expansion), type="definition")
        ts = self.term(ls, e.term, PREFERRED, e.pos)
        if parts := row.context_parts():
            grp = self.sub(ts, "descripGrp")
            before, term, after = parts
            context = self.sub(grp, "descrip", before, type="context")
            if term:  # the term marked where it stands: a sentence often holds several terms
                self.sub(context, "hi", term, type="bold").tail = self.clean(after)
            if row.context_doc:
                self.sub(grp, "admin", row.context_doc, type="source")
        self.sub(ts, "note", row.reading, lang=PINYIN_LANG)
        if row.pinyin_auto:
            self.sub(ts, "note", "pinyin generated automatically (pypinyin), not checked", lang="en")
        for form in dict.fromkeys((row.traditional, *e.variants)):
            if form != e.term:
                vs = self.term(ls, form, ADMITTED, e.pos, "variant")
                if form == row.traditional:
                    self.sub(vs, "note", f"traditional script: {form}", lang="en")

    def english(self, ce: ET.Element, row: GlossRow) -> None:
        e = row.entry
        ls = self.sub(ce, self.names.lang, lang="en")
        if e.definition or e.expansion_en:
            text = "\n".join(([e.definition] if e.definition else []) + list(e.expansion_en))
            self.sub(ls, "descrip", text, type="definition")
        alts = ordered_alts(e)
        if not self.names.deprecated_terms:
            for alt in alts:
                if alt.status == "deprecated":
                    self.sub(ls, "note", do_not_use(alt))
            alts = [a for a in alts if a.status != "deprecated"]
        ts = self.term(ls, e.gloss, PREFERRED)
        self.sub(ts, "note", f"gloss status: {e.gloss_status}")
        if e.literal:
            self.sub(ts, "note", f"literally: {e.literal}")
        for alt in alts:
            ats = self.term(ls, alt.text, alt_status(alt.status))
            if alt.source:
                self.sub(ats, "admin", alt.source, type="source")
            self.sub(ats, "note", f"rendering: {alt.status}")


def _concept_notes(row: GlossRow) -> list[str]:
    e = row.entry
    notes = [f"category: {e.category}"]
    dates = [f"first seen {e.first_seen}" if e.first_seen else "", f"adopted {e.adopted}" if e.adopted else ""]
    if any(dates):
        notes.append("; ".join(d for d in dates if d))
    if e.level != "central":
        notes.append(f"level: {e.level}" + (f" ({e.place})" if e.place else ""))
    if not e.active:
        notes.append("no longer in active use")
    if row.count:
        notes.append(f"found {row.count} {'time' if row.count == 1 else 'times'} in {row.docs} "
                     f"{'document' if row.docs == 1 else 'documents'}")
    return notes


def build_body(glossary: Glossary, parent: ET.Element, names: Names) -> list[str]:
    """Add one entry per row under ``parent``; return what had to be changed."""
    builder = _Builder(names, {concept_id(r.entry.id): r.entry.term for r in glossary.rows})
    for row in glossary.rows:
        builder.entry(parent, row)
    return builder.problems


def description(glossary: Glossary) -> str:
    n = len(glossary.rows)
    if glossary.whole_lexicon and not glossary.documents:
        return f"termkit {__version__}: the whole lexicon, {n} entries"
    return f"termkit {__version__}: {plural(n, 'entry', 'entries')} found in {plural(glossary.documents, 'document')}"


def serialise(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    # the namespace is written as a plain attribute: ET.register_namespace would change global state
    root = ET.Element("tbx", {"xmlns": NS, "type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    file_desc = ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = "termkit glossary"
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = description(glossary)
    text = ET.SubElement(root, "text")
    problems: list[str] = []
    if glossary.rows:  # TBX requires at least one conceptEntry in a body; an empty file has none
        problems = build_body(glossary, ET.SubElement(text, "body"), V3)
    return Rendered(serialise(root), tuple(problems))
