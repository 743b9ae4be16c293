"""TBX 2008 (ISO 30042:2008, TBX-Basic), the ``martif`` form that OmegaT, translate-toolkit and most
CAT tools read — termkit's default ``tbx``: the content of the TBX v3 export in ``termEntry`` /
``langSet`` / ``tig``, except that a deprecated rendering is not a term but a "do not use" note of
the English ``langSet`` (OmegaT offers every English term as a translation and shows no status).

>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> row = GlossRow(Entry(id="four-winds", term="四风", gloss="Four Winds"), "四風", "sì fēng")
>>> "<tig>\\n            <term>四风</term>" in export(Glossary((row,)), ExportOptions()).data
True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..gloss import Glossary
from . import ExportOptions, Rendered
from ._tbx import XML_LANG, Names, build_body, description, serialise

V2 = Names(entry="termEntry", lang="langSet", term="tig", deprecated_terms=False)
DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    root = ET.Element("martif", {"type": "TBX-Basic-V1", XML_LANG: "en"})
    header = ET.SubElement(root, "martifHeader")
    ET.SubElement(ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc"), "p").text = description(glossary)
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    problems = build_body(glossary, body, V2)
    head, rest = serialise(root).split("\n", 1)
    return Rendered(head + "\n" + DOCTYPE + rest, tuple(problems))
