"""Candidates found by their shape in the discovery view: quoted spans, number codes and
parallel runs. Each finder is a pure function from one view's text to ``(key, start, end)``
hits; :class:`ShapeTally` adds them up over documents in bounded memory.

>>> [k for k, _, _ in quoted_spans("坚持“两个毫不动摇”，他说：“我们一定要把这件事情办好，办扎实。”")]
['两个毫不动摇']
>>> [k for k, _, _ in paired_quotes("既要“当下改”，又要“长久立”；推动“当下改”与“长久立”相结合")]
['“当下改”和“长久立”']
>>> [k for k, _, _ in number_codes("推行“4+1”模式，12.5+3万元，实施211工程、211工程")]
['4+1', '211工程', '211工程']
>>> [k for k, _, _ in parallel_runs("要学思想、强党性、重实践、建新功。")]
['学思想、强党性、重实践、建新功']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..chardata import HAN_CLASS
from .data import (
    COINAGE_VERBS,
    FRAME_HEADS,
    FRAME_OWN_VERBS,
    FRAME_VERBS,
    POLICY_VERBS,
    PRINCIPLE_NOUNS,
    PROGRAMME_HEADS,
    PROGRAMME_VERBS,
    UNIT_CHARS,
    UNIT_WORDS,
)

HAN = HAN_CLASS


def alternation(words: Iterable[str]) -> str:
    """A regular expression's alternation of ``words``, each once, the longest first, so that a word is not cut
    short by another that begins it (行动计划 before 计划).

    >>> alternation(["计划", "行动计划", "计划"])
    '行动计划|计划'
    """
    return "|".join(sorted(set(words), key=len, reverse=True))

Hit = tuple[str, int, int]  # key (folded surface), start, end (view = original offsets)

QUOTED_RE = re.compile(rf"“([{HAN}0-9A-Za-z+·、]{{2,14}})”")
PAIR_RE = re.compile(rf"“([{HAN}]{{2,6}})”([和与])“([{HAN}]{{2,6}})”")
CODE_RE = re.compile(r"(?<![0-9A-Za-z.+])(\d{1,3}(?:\+(?:\d{1,3}|[A-Za-z]))+)(?![0-9A-Za-z.%+])")
NAMED_NUMBER_RE = re.compile(rf"(?<![0-9A-Za-z.,+\-])(\d{{2,5}})(?=[“”]?([{HAN}]{{2}}))")
CLAUSE_RE = re.compile(r"[^。！？；：!?;:,，\n\x01()（）《》]+")
ITEM_SPLIT_RE = re.compile(r"、")
LAST_JOIN_RE = re.compile(r"[和与及]")
ITEM_RE = re.compile(rf"^[{HAN}]+$")


def quoted_spans(text: str) -> Iterator[Hit]:
    """Short quoted spans with no sentence punctuation inside: names, slogans, formulas — not speech."""
    for m in QUOTED_RE.finditer(text):
        key = m.group(1)
        if sum(1 for ch in key if ch.isalnum()) >= 2:
            yield key, m.start(1), m.end(1)


def paired_quotes(text: str) -> Iterator[Hit]:
    """Two quoted items of one length joined by 和 or 与: a paired formula (“当下改”和“长久立”).
    The key keeps its quotation marks, as the lexicon writes such terms (matching folds them
    away), and is written with 和 whichever joiner the text used (see :func:`pair_forms`)."""
    for m in PAIR_RE.finditer(text):
        if len(m.group(1)) == len(m.group(3)) and m.group(1) != m.group(3):
            yield f"“{m.group(1)}”和“{m.group(3)}”", m.start(), m.end()


def pair_forms(key: str) -> list[str]:
    """The other ways a paired formula is written: the same pair joined by 与.

    >>> pair_forms("“当下改”和“长久立”"), pair_forms("放管服")
    (['“当下改”与“长久立”'], [])
    """
    m = PAIR_RE.fullmatch(key)
    return [f"“{m.group(1)}”与“{m.group(3)}”"] if m and m.group(2) == "和" else []


def number_codes(text: str) -> Iterator[Hit]:
    """Numbers used as names: ``4+1``, ``1+3+3``, ``13+N``; and a number glued to a two-character
    head that is not a unit (``211工程``, ``863计划``) — not dates, amounts or percentages."""
    for m in CODE_RE.finditer(text):
        if m.end(1) < len(text) and text[m.end(1)] in UNIT_CHARS:
            continue  # an amount: 3+2万元
        yield m.group(1), m.start(1), m.end(1)
    for m in NAMED_NUMBER_RE.finditer(text):
        digits, head = m.group(1), m.group(2)
        if head[0] in UNIT_CHARS or head in UNIT_WORDS or (len(digits) == 4 and digits[:2] in ("19", "20")):
            continue
        end = m.end(1) + (1 if text[m.end(1)] in "“”" else 0) + 2
        yield digits + head, m.start(1), end


OBJECT_RE = re.compile(rf"(?:{'|'.join(POLICY_VERBS)})([{HAN}]{{3,12}})(?=[，。；：、！？,;:!?\n]|$)")


def verb_objects(text: str) -> Iterator[Hit]:
    """What follows a policy verb up to the end of the clause (加快构建新发展格局。 → 构建新发展格局,
    trimmed later to 新发展格局): the object of 坚持, 贯彻, 落实 … is often a named policy; recurrence
    decides which spans are names.

    >>> [k for k, _, _ in verb_objects("坚持新发展理念，加快构建新发展格局。")]
    ['新发展理念', '构建新发展格局']
    """
    for m in OBJECT_RE.finditer(text):
        yield m.group(1), m.start(1), m.end(1)


_HEADS = alternation(PROGRAMME_HEADS)
HEADED_END = r"[，。；：、！？,;:!?\n和与及并]|$"  # what may follow a programme's name: a clause's end, the next item
# a programme's name: Han characters (items joined by 、 too) before a head, or a quoted name and a few more
# (“米袋子”省长负责制, as the lexicon writes “一带一路”倡议)
_QUOTED_LEAD = rf"“[^“”\n]{{1,10}}”[{HAN}]{{0,6}}?"
_NAME = rf"(?:{_QUOTED_LEAD}|[{HAN}][{HAN}、]{{1,15}}?)(?:{_HEADS})"
HEADED_RE = re.compile(rf"(?:{'|'.join(PROGRAMME_VERBS)})好?({_NAME})(?={HEADED_END})")
NEXT_HEADED_RE = re.compile(rf"[和与及、]((?:{_QUOTED_LEAD}|[{HAN}]{{2,16}}?)(?:{_HEADS}))(?={HEADED_END})")


def headed_objects(text: str) -> Iterator[Hit]:
    """A programme's name as the object of a verb that carries it out, up to the clause's end or the next item
    (实施全民健身计划。 → 全民健身计划; 开展消费扶贫行动 → 消费扶贫行动), and the names listed after it
    (实施学生营养改善计划和教育扶贫工程 → both): it ends in a programme's head (:data:`.data.PROGRAMME_HEADS`),
    and such names are written once as often as twice in a report. Items joined by 、 before one head
    (打好蓝天、碧水、净土保卫战) are one name.

    >>> [k for k, _, _ in headed_objects("实施全民健身计划。深入实施兴边富民行动，打好蓝天、碧水、净土保卫战。")]
    ['全民健身计划', '兴边富民行动', '蓝天、碧水、净土保卫战']
    >>> [k for k, _, _ in headed_objects("实施学生营养改善计划和教育扶贫工程，坚决打赢武汉和湖北保卫战并取得成果")]
    ['学生营养改善计划', '教育扶贫工程', '武汉和湖北保卫战']
    >>> [k for k, _, _ in headed_objects("压实“米袋子”省长负责制和“菜篮子”市长负责制。")]
    ['“米袋子”省长负责制', '“菜篮子”市长负责制']
    """
    pos = 0
    while (m := HEADED_RE.search(text, pos)) is not None:
        yield m.group(1), m.start(1), m.end(1)
        pos = m.end(1)
        while (n := NEXT_HEADED_RE.match(text, pos)) is not None:
            yield n.group(1), n.start(1), n.end(1)
            pos = n.end(1)


_COINING = alternation(POLICY_VERBS + PROGRAMME_VERBS + COINAGE_VERBS)
COINED_RE = re.compile(rf"(?:{_COINING})([{HAN}]{{4}})(?={HEADED_END})")


def coined_objects(text: str) -> Iterator[Hit]:
    """Four characters as the whole object of a policy verb (坚持群防群控，实施工业强基，) or of one that puts a rule
    in force (实行多证合一, :data:`.data.COINAGE_VERBS`): a coinage when the dictionary lacks it and reads it as loose
    characters (群/防/群/控, 援/企/稳/岗), as :func:`.score.shape_prospects` checks.

    >>> [k for k, _, _ in coined_objects("坚持群防群控，推进援企稳岗和以工代训。实行多证合一，")]
    ['群防群控', '援企稳岗', '多证合一']
    """
    for m in COINED_RE.finditer(text):
        yield m.group(1), m.start(1), m.end(1)


_FRAME_VERB = alternation(POLICY_VERBS + PROGRAMME_VERBS + FRAME_VERBS)
FRAMED_RE = re.compile(rf"(?:(?:{_FRAME_VERB})[和与并及]?)+([{HAN}]{{2,14}}?(?:{alternation(FRAME_HEADS)}))"
                       rf"(?=不动摇|{HEADED_END})")


def framed_objects(text: str) -> Iterator[Hit]:
    """A verb's object ending in the head of a line the party sets (:data:`.data.FRAME_HEADS`: 总基调, 基本国策,
    基本方略, 道路 …), after the verbs before it (坚持和完善), up to the clause's end, the next item or 不动摇: a
    known formula in its frame (稳中求进工作总基调) is one fixed name, often written once in a report; the recount
    keeps it only when the rest is a known term (see :func:`termkit.discover.framed_known`).

    >>> [k for k, _, _ in framed_objects("坚持稳中求进工作总基调，坚持计划生育基本国策不动摇。")]
    ['稳中求进工作总基调', '计划生育基本国策']
    >>> [k for k, _, _ in framed_objects("高举中国特色社会主义伟大旗帜，")]  # a frame's own verb (FRAME_OWN_VERBS)
    ['高举中国特色社会主义伟大旗帜']
    """
    for m in FRAMED_RE.finditer(text):
        start = m.start(1)
        verb = next((v for h, v in FRAME_OWN_VERBS.items() if m.group(1).endswith(h)), "")
        if verb and text.startswith(verb, start - len(verb)):
            start -= len(verb)
        yield text[start:m.end(1)], start, m.end(1)


_PRINCIPLE = alternation(PRINCIPLE_NOUNS)
PRINCIPLE_RE = re.compile(rf"(?:“([^“”\n]{{4,24}})”|([{HAN}、]{{5,60}}))的(?:{_PRINCIPLE})")
LEAD_VERBS = tuple(sorted({*POLICY_VERBS, *PROGRAMME_VERBS, *FRAME_VERBS, "执行", "实行", "根据", "按照", "本着",
                            "奉行", "走上"}, key=len))  # verbs before a run of items a line is named after
PRINCIPLE_ITEMS = (2, 8)  # characters of each item of a run a line is named after
PRINCIPLE_SHORT_RUN = 3  # items of two characters a run needs (精简、统一、效能; not 香港、澳门)


def principle_runs(text: str) -> Iterator[Hit]:
    """A line named by its writers: a quoted span, or a run of items of one length separated by 、, right before 的
    and a noun that names a line (:data:`.data.PRINCIPLE_NOUNS`: 方针, 原则, 道路, 体制 …). A run of two items counts
    here (军民结合、平战结合), as :func:`parallel_runs` does not count it elsewhere; the run's lead-in is cut to its
    items' length (or starts after its verb: 贯彻预防为主、中西医结合), and a run of two-character items needs three of
    them.

    >>> [k for k, _, _ in principle_runs("要继续贯彻军民结合、平战结合的方针，执行“安全第一、预防为主”的方针。")]
    ['军民结合、平战结合', '安全第一、预防为主']
    >>> [k for k, _, _ in principle_runs("根据党政分开、政企分开的精简、统一、效能的原则，中国政府对香港、澳门的方针")]
    ['精简、统一、效能']
    >>> [k for k, _, _ in principle_runs("积极贯彻预防为主、中西医结合的方针")]
    ['预防为主、中西医结合']
    """
    for m in PRINCIPLE_RE.finditer(text):
        if m.group(1) is not None:
            key = m.group(1).strip()
            if ITEM_RE.match(re.sub("[、，,]", "", key)):  # words only (the view folds ， to ,)
                yield key, m.start(1), m.end(1)
            continue
        parts = m.group(2).split("、")
        size = len(parts[-1])
        items = [parts[-1]]
        low, high = PRINCIPLE_ITEMS
        for part in reversed(parts[:-1]):
            if len(part) < size:
                break
            if len(part) > size:  # the lead-in: the first item starts after its verb, else it is the items' length
                verb = max((part.rfind(v) + len(v) for v in LEAD_VERBS if v in part), default=0)
                fits = part[:-size].endswith(LEAD_VERBS) or not (verb and low <= len(part) - verb <= high)
                items.insert(0, part[-size:] if fits else part[verb:])
                break
            items.insert(0, part)
        if not low <= size <= high or len(items) < (PRINCIPLE_SHORT_RUN if size == 2 else 2):
            continue
        key = "、".join(items)
        yield key, m.end(2) - len(key), m.end(2)


ENACTING_VERBS = ("执行", "推行", "实行", "开展", "贯彻", "落实", "实施", "坚持")
ENACTED_RE = re.compile(rf"(?:{alternation(ENACTING_VERBS)})“([^“”\n]{{2,14}})”")


def enacted_quotes(text: str) -> Iterator[Hit]:
    """A quoted name right after a verb that puts it in force (严格执行“约法三章”, 大力推行“星火计划”, 开展“扫黄”工作):
    a rule, campaign or programme its writers name, not a metaphor in scare quotes (吃了“定心丸”, 啃“硬骨头”), which
    such verbs do not take.

    >>> [k for k, _, _ in enacted_quotes("严格执行“约法三章”。让市场吃了“定心丸”，大力推行“星火计划”。")]
    ['约法三章', '星火计划']
    """
    for m in ENACTED_RE.finditer(text):
        yield m.group(1), m.start(1), m.end(1)


def parallel_runs(text: str) -> Iterator[Hit]:
    """Runs of three or more short items of one length separated by 、 (the last one may be joined
    by 和/与/及): items of two characters only when they share a template (see
    :func:`has_template`), longer ones always (their recurrence decides). A lead-in before the
    first item is cut off."""
    for clause in CLAUSE_RE.finditer(text):
        items = _items(clause.group())
        if items is None:
            continue
        run, offset = items
        key = "、".join(run)
        if len(run[0]) > 2 or has_template(run):
            start = clause.start() + offset
            yield key, start, start + _span_length(clause.group()[offset:], run)


def _items(clause: str) -> tuple[list[str], int] | None:
    """The run of a clause and where it starts. A list of other things may open the clause before the run
    (各地区、各部门不断增强政治意识、大局意识、核心意识、看齐意识): when the whole clause makes no run, it is read again
    from each later item on, that item the lead-in.

    >>> _items("各地区、各部门不断增强政治意识、大局意识、核心意识、看齐意识")
    (['政治意识', '大局意识', '核心意识', '看齐意识'], 11)
    """
    parts = [p.strip("“” ") for p in ITEM_SPLIT_RE.split(clause)]
    if len(parts) < 2:
        return None
    tail = LAST_JOIN_RE.split(parts[-1], maxsplit=1)
    if len(tail) == 2 and len(tail[1]) == len(parts[-2]):
        parts = parts[:-1] + tail
    at = 0  # where parts[k] starts in the clause
    for k in range(len(parts) - 2):
        if k:
            at = clause.index("、", at) + 1
        found = _run(parts[k:])
        if found is not None:
            run, lead = found
            return run, clause.find(parts[k], at) + len(parts[k]) - lead
    return None


def _run(parts: list[str]) -> tuple[list[str], int] | None:
    """The run of ``parts`` (the first one a lead-in ending in an item) and its items' length, or None."""
    size = len(parts[1])
    if not 2 <= size <= 6 or any(len(p) != size for p in parts[1:-1]) or len(parts[-1]) < size:
        return None
    exact = sum(len(p) == size for p in parts)
    if len(parts[0]) < size:
        return None
    run = [parts[0][-size:]] + parts[1:-1] + [parts[-1][:size]]
    if not all(ITEM_RE.match(p) for p in run):
        return None
    if exact < len(parts) and (len(parts) < 4 or exact < 2) and not has_template(run):
        return None  # with a lead-in cut off, three items must share a template to be a run
    return run, size


def _span_length(text: str, run: list[str]) -> int:
    """Length in ``text`` of the run written with its separators and quotes."""
    pos = 0
    for item in run:
        pos = text.find(item, pos) + len(item)
    return pos


def has_template(run: list[str]) -> bool:
    """True when items share a character in the same place (not only the last one, which is
    morphology: 工业、农业、商业), or each item repeats one (真管真严、敢管敢严).

    >>> has_template(["学有质量", "查有力度", "改有成效"]), has_template(["工业", "农业", "商业"])
    (True, False)
    """
    size = len(run[0])
    shared = [i for i in range(size) if len({r[i] for r in run}) == 1]
    if len(shared) == size:
        return False
    repeat = size == 4 and all(r[0] == r[2] and r[1] != r[3] for r in run)
    # a shared last character alone is morphology (工业、农业、商业), not a template
    return repeat or any(i < size - 1 for i in shared) or (size >= 3 and len(shared) >= 2)


# kinds found as a verb's object (verb_objects, headed_objects, coined_objects, framed_objects)
VERB_OBJECT_KINDS = ("object", "headed", "coined", "framed")
# kinds a code or a run found at the same key comes before
YIELDING_KINDS = ("quoted", *VERB_OBJECT_KINDS, "principle")


@dataclass
class ShapeEvidence:
    """What was seen of one key: occurrences, documents, quoted occurrences, a first example."""

    count: int = 0
    docs: int = 0
    quoted: int = 0
    kind: str = ""
    headed: int = 0  # occurrences as a programme's name after a verb that carries it out (see headed_objects)
    coined: int = 0  # occurrences as four characters making a policy verb's whole object (see coined_objects)
    framed: int = 0  # occurrences as a verb's object ending in a frame's head (see framed_objects)
    principle: int = 0  # occurrences before 的 and a line's noun (see principle_runs)
    enacted: int = 0  # quoted occurrences right after a verb that puts the name in force (see enacted_quotes)
    example: tuple[str, int, int] | None = None  # doc id, start, end
    _last_doc: int = -1

    def mark(self, kind: str) -> None:
        """Count one occurrence found as a programme's name, a coinage or a frame (``kind``; other kinds count
        nothing here)."""
        self.headed += kind == "headed"
        self.coined += kind == "coined"
        self.framed += kind == "framed"
        self.principle += kind == "principle"
        self.enacted += kind == "enacted"


@dataclass
class ShapeTally:
    """Shape-found candidates over many documents. Bounded: when more than ``cap`` keys are held,
    keys seen only once are dropped (they are the long tail of quoted speech and one-off lists)."""

    cap: int = 200_000
    seen: dict[str, ShapeEvidence] = field(default_factory=dict)
    _doc: int = 0

    @property
    def documents(self) -> int:
        """Documents added so far."""
        return self._doc

    def add(self, doc_id: str, text: str) -> None:
        self._doc += 1
        objects: set[tuple[str, int]] = set()
        shapes: set[tuple[str, int]] = set()
        for kind, hits in (("quoted", quoted_spans(text)), ("quoted", paired_quotes(text)),
                           ("numbered", number_codes(text)), ("parallel", parallel_runs(text)),
                           ("object", verb_objects(text))):
            for key, start, end in hits:
                self._note(kind, key, doc_id, start, end)
                (objects if kind == "object" else shapes).add((key, start))
        for kind, hits in (("headed", headed_objects(text)), ("coined", coined_objects(text)),
                           ("framed", framed_objects(text))):
            for key, start, end in hits:
                if (key, start) in objects:  # the same span, found as a policy verb's object: one occurrence
                    self.seen[key].mark(kind)
                else:
                    self._note(kind, key, doc_id, start, end)
        for key, start, _ in enacted_quotes(text):  # a quoted span found already: marked, not counted again
            if (key, start) in shapes:
                self.seen[key].mark("enacted")
        for key, start, end in principle_runs(text):  # a run or quoted span found already is one occurrence
            if (key, start) in shapes:
                self.seen[key].mark("principle")
            else:
                self._note("principle", key, doc_id, start, end)
        if len(self.seen) > self.cap:
            self.seen = {k: e for k, e in self.seen.items() if e.count > 1}

    def _note(self, kind: str, key: str, doc_id: str, start: int, end: int) -> None:
        e = self.seen.get(key)
        if e is None:
            e = self.seen[key] = ShapeEvidence(kind=kind, example=(doc_id, start, end))
        e.count += 1
        e.quoted += kind == "quoted"
        e.mark(kind)
        if e.kind in YIELDING_KINDS and kind not in YIELDING_KINDS:
            e.kind = kind  # a quoted code or list is a code or list first
        if e._last_doc != self._doc:
            e.docs += 1
            e._last_doc = self._doc
