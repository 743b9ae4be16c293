"""Write lexicon files: append entries (``termkit lexicon add``) and normalise them (``lexicon fmt``).

Every write is a ruamel.yaml round trip with the curators' layout (``terms:`` then ``  - id: …``
with keys at four spaces), so comments, blank lines and entry order are kept; files are replaced
atomically (:func:`termkit.atomic.write_atomic`), so a crash mid-write leaves the old file.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.yaml"
>>> _ = p.write_text("# mine\\nterms:\\n  - id: four-winds\\n    term: 四风\\n    gloss: Four Winds\\n", "utf-8")
>>> append_entries(p, [{"id": "two-upholds", "term": "两个维护", "gloss": "Two Upholds"}])
>>> print(p.read_text("utf-8"))
# mine
terms:
  - id: four-winds
    term: 四风
    gloss: Four Winds
<BLANKLINE>
  - id: two-upholds
    term: 两个维护
    gloss: Two Upholds
<BLANKLINE>
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .errors import LexiconError
from .lexicon import ENTRY_KEYS, AltGloss, Entry, LexiconPath, lexicon_files, parse_yaml, read_lexicon, refuse_installed
from .pinyin import derive_pinyin

# The order of keys in an entry and in an alternative gloss: the models' own order.
KEY_ORDER = ENTRY_KEYS
ALT_GLOSS_ORDER = tuple(f.name for f in dataclasses.fields(AltGloss))
FLOW_LISTS = ("variants", "exclude", "related")  # short lists written inline, as the curators do
DATE_KEYS = ("first_seen", "adopted")
SEQUENCE_INDENT = 2  # the column of "-" under "terms:"


def make_yaml(sequence_offset: int = SEQUENCE_INDENT) -> Any:
    """The round-trip YAML reader/writer with the curators' settings: keys of an entry at four spaces,
    explicit quotes kept, no re-wrapping of long lines, double quotes where quotes are needed (single
    quotes only around text that holds a double quote)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.emitter import RoundTripEmitter

    class Emitter(RoundTripEmitter):
        def choose_scalar_style(self) -> Any:
            style = super().choose_scalar_style()
            return '"' if style == "'" and '"' not in self.event.value else style

    yaml = YAML(typ="rt")
    yaml.Emitter = Emitter
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=sequence_offset + 2, offset=sequence_offset)
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


def _dump(yaml: Any, data: Any) -> str:
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


# ── building entries ───────────────────────────────────────────────────────────────────────


def _date(value: Any) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    text = str(value)
    return int(text) if re.fullmatch(r"\d{4}", text) else DoubleQuotedScalarString(text)


def to_node(entry: dict[str, Any]) -> Any:
    """An entry as a ruamel mapping in schema key order, with the curators' styles (flow lists for
    variants/exclude/related, inline alt_glosses, years plain and year-months quoted).

    >>> list(to_node({"gloss": "x", "term": "四风", "id": "a"}))
    ['id', 'term', 'gloss']
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = CommentedMap()
    for key in sorted(entry, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else len(KEY_ORDER)):
        value = entry[key]
        if value is None or (isinstance(value, (list, tuple)) and not value):
            continue
        if key in DATE_KEYS:
            value = _date(value)
        elif key == "alt_glosses":
            value = CommentedSeq([_flow_map(a) for a in value])
        elif isinstance(value, (list, tuple)):
            value = CommentedSeq(value)
            if key in FLOW_LISTS:
                value.fa.set_flow_style()
        node[key] = value
    return node


def _flow_map(alt: dict[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap((k, alt[k]) for k in sorted(alt, key=lambda k: ALT_GLOSS_ORDER.index(k)
                                                if k in ALT_GLOSS_ORDER else 9) if alt[k] is not None)
    m.fa.set_flow_style()
    return m


def validate(entry: dict[str, Any], where: str) -> Entry:
    """Validate a new entry with the :class:`~termkit.lexicon.Entry` model; raise LexiconError."""
    from pydantic import ValidationError

    from .lexicon_schema import entry_of

    try:
        return entry_of(entry)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(x) for x in err["loc"])
        raise LexiconError(f"{where}: new entry {entry.get('id', '?')!r}: {key}: {err['msg']}") from None


# ── locking ────────────────────────────────────────────────────────────────────────────────

LOCK_TIMEOUT = 60.0  # seconds to wait for another termkit editing the same file


@contextlib.contextmanager
def editing(path: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the edit lock of a lexicon file or folder (a ``.NAME.lock`` file beside a file, a
    ``.termkit.lock`` file inside a folder) for a read-modify-write: two processes appending at once
    take turns instead of one overwriting the other's entry. Re-entrant within a process.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.yaml"
    >>> with editing(p), editing(p):
    ...     pass
    """
    from filelock import FileLock, Timeout

    p = Path(path)
    lock_file = p / ".termkit.lock" if p.is_dir() else p.with_name(f".{p.name}.lock")
    try:
        with FileLock(lock_file, timeout=timeout, is_singleton=True):
            yield
    except Timeout:
        raise LexiconError(f"{p}: another termkit has been editing it for {timeout:.0f} s; try again "
                           f"(or remove {lock_file} if no termkit is running)") from None
    except OSError as exc:
        if isinstance(exc, LexiconError):
            raise
        raise LexiconError(f"{p}: cannot lock it for editing ({exc.strerror or exc})") from None


# ── appending ──────────────────────────────────────────────────────────────────────────────


def append_entries(path: Path, entries: list[dict]) -> None:
    """Append entries to a lexicon file (created if missing), keeping every existing byte.

    Each entry is validated with the Entry model and refused if its id is already in the file;
    keys are written in schema order. The new text is re-read and compared before it replaces
    the file atomically. Lexicon-wide checks (ids and surfaces in other files) are the caller's.
    The file is locked (:func:`editing`) from the read to the write. A file of the installed
    package's own lexicon is refused (a reinstall would lose the change).
    """
    refuse_installed(path)
    with editing(path):
        _append_entries(Path(path), entries)


def _append_entries(path: Path, entries: list[dict]) -> None:
    old = _read(path) if path.exists() else ""
    if old.strip():
        parse_yaml(old, str(path))  # refuses aliases, tags and deep nesting with the line
    yaml = make_yaml()
    data = yaml.load(old) if old.strip() else None
    terms = data.get("terms") if isinstance(data, dict) else None
    if data is not None and (not isinstance(data, dict) or set(data) != {"terms"}):
        raise LexiconError(f"{path}: expected one top-level key 'terms:'")
    existing = {t.get("id") for t in terms or [] if isinstance(t, dict)}
    for e in entries:
        validate(e, str(path))
        if e["id"] in existing:
            raise LexiconError(f"{path}: id {e['id']!r} is already in this file")
        existing.add(e["id"])
    nodes = [to_node(e) for e in entries]
    if terms:
        offset = terms.lc.data[0][1] - 2 if hasattr(terms, "lc") and terms.lc.data else SEQUENCE_INDENT
        snippet = _dump(make_yaml(max(offset, 0)), {"terms": nodes}).split("\n", 1)[1]
        new = old.rstrip("\n") + "\n\n" + snippet
    else:
        new = (old.rstrip("\n") + "\n" if old.strip() and data is None else "") + _rewrite_empty(old, yaml, nodes)
    _verify(new, [*(dict(t) for t in terms or []), *entries], path)
    write_atomic(path, new)


def _rewrite_empty(old: str, yaml: Any, nodes: list[Any]) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = yaml.load(old) if old.strip() else None
    if data is None:
        data = CommentedMap()
    data["terms"] = CommentedSeq(nodes)
    data["terms"].fa.set_block_style()
    return _dump(yaml, data)


def _verify(text: str, expected: list[dict], path: Path) -> None:
    """Refuse to write text that does not read back as exactly the expected entries."""
    from ruamel.yaml import YAML

    from .lexicon import _plain

    got = _plain((YAML(typ="rt").load(text) or {}).get("terms") or [])
    from .lexicon_schema import model_of

    schema = model_of(Entry)
    want = [schema.model_validate(_plain(e)).model_dump(exclude_defaults=True) for e in expected]
    have = [schema.model_validate(g).model_dump(exclude_defaults=True) for g in got]
    if have != want:
        raise LexiconError(f"{path}: the file's layout is unusual and appending would change it; "
                           "add the entry by hand (nothing was written)")


# ── add ────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Added:
    """What :func:`add_term` wrote, and where."""

    path: Path
    entry: Entry
    pinyin_derived: bool


def slugify(text: str, max_len: int = 60) -> str:
    """An id from an English gloss: lowercase ASCII words joined by hyphens.

    >>> slugify("Four Forms of Decadence (sìfēng)")
    'four-forms-of-decadence-sifeng'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for w in words:
        if slug and len(slug) + 1 + len(w) > max_len:
            break
        slug = f"{slug}-{w}" if slug else w[:max_len]
    return slug


def choose_file(folder: Path, category: str) -> Path:
    """The file in ``folder`` whose entries most share ``category``: the highest share of its
    entries in that category, then the most such entries, then the first name; a new
    ``CATEGORY.yaml`` when no file has one (a new user lexicon)."""
    if not folder.is_dir():
        return folder / f"{category}.yaml"
    lexicon, _ = read_lexicon(folder)
    per_file: dict[str, Counter[str]] = {}
    for e in lexicon.entries:
        per_file.setdefault(lexicon.locations[e.id].file, Counter())[e.category] += 1
    scored = [(c[category] / sum(c.values()), c[category], f) for f, c in per_file.items() if c[category]]
    if not scored:
        return folder / f"{category}.yaml"
    return Path(min(scored, key=lambda s: (-s[0], -s[1], s[2]))[2])


def add_term(lexicon_path: str | os.PathLike[str], term: str, gloss: str, category: str | None = None,
             gloss_status: str | None = None, file: str | os.PathLike[str] | None = None,
             id: str | None = None, known: LexiconPath | None = None) -> Added:
    """Append a new entry to the right file of a lexicon (a folder, created if missing, or a file),
    after refusing a duplicate id or a surface (fold-aware: 兩個維護 is 两个维护) that another entry of
    ``known`` (default: that lexicon; for a user lexicon, the bundled one with it) already claims."""
    root = Path(lexicon_path)
    refuse_installed(root)
    if not root.exists() and root.suffix not in (".yaml", ".yml"):
        root.mkdir(parents=True)  # a new user lexicon folder
    with editing(root):  # no other add may take the same id or surface between the check and the write
        return _add_checked(root, term, gloss, category, gloss_status, file, id, known)


def _add_checked(root: Path, term: str, gloss: str, category: str | None, gloss_status: str | None,
                 file: str | os.PathLike[str] | None, id: str | None, known: LexiconPath | None) -> Added:
    from .compile import compile_lexicon

    existing = [p for p in ([known] if isinstance(known, (str, os.PathLike)) else known or [root])
                if Path(p).exists()]
    lexicon, _ = read_lexicon(existing)
    owner = compile_lexicon(lexicon).lookup(term)  # first: a new id would not help
    if owner is not None:
        raise LexiconError(f"{term!r} is already claimed by {owner.id!r} ({owner.term}, "
                           f"{lexicon.locations.get(owner.id)}): edit that entry instead")
    entry_id = id or slugify(gloss)
    if not entry_id:
        raise LexiconError(f"cannot derive an id from the gloss {gloss!r}: give one with --id")
    if entry_id in lexicon.by_id:
        raise LexiconError(f"id {entry_id!r} already exists ({lexicon.locations[entry_id]}): "
                           "give another with --id")
    category = category or next(f.default for f in dataclasses.fields(Entry) if f.name == "category")
    pinyin = derive_pinyin(term)
    raw = {"id": entry_id, "term": term, "pinyin": pinyin, "gloss": gloss,
           "gloss_status": gloss_status or "proposed", "category": category}
    entry = validate({k: v for k, v in raw.items() if v is not None}, str(root))
    target = _target(root, file, category)
    append_entries(target, [{k: v for k, v in raw.items() if v is not None}])
    return Added(target, entry, pinyin is not None)


def _target(root: Path, file: str | os.PathLike[str] | None, category: str) -> Path:
    folder = root.is_dir() or (not root.exists() and root.suffix not in (".yaml", ".yml"))
    if file is None:
        target = choose_file(root, category) if folder else root
    else:
        target = Path(file)
        if folder and target.parent == Path(".") and not target.exists():
            target = root / (target.name if target.suffix in (".yaml", ".yml") else f"{target.name}.yaml")
    refuse_installed(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


# ── fmt ────────────────────────────────────────────────────────────────────────────────────


def format_text(text: str, name: str = "<lexicon>") -> str:
    """A lexicon file in normal form: the curators' indentation, keys in schema order, years plain
    and year-months double-quoted, double rather than single quotes. Comments and blank lines stay
    (a comment line moves with the key below it). Idempotent: ``format_text(format_text(t)) ==
    format_text(t)``. Raises LexiconError if the result would not read back as the same data.

    >>> print(format_text("terms:\\n- gloss: Four Winds\\n  term: '四风'\\n  id: four-winds\\n"), end="")
    terms:
      - id: four-winds
        term: "四风"
        gloss: Four Winds
    """
    from ruamel.yaml.error import YAMLError

    parse_yaml(text, name)  # refuses aliases, tags and deep nesting with the line
    try:
        with warnings.catch_warnings():  # a reused anchor is harmless once aliases are refused
            warnings.simplefilter("ignore")
            out = _format(text)
            same = out is None or _canonical(out) == _canonical(text)
    except (YAMLError, ValueError, TypeError, KeyError, IndexError, StopIteration, RecursionError) as exc:
        why = (str(exc).splitlines() or [""])[0][:120]
        raise LexiconError(f"{name}: cannot format it ({type(exc).__name__}: {why}); run 'termkit lexicon check' "
                           "and fix it by hand") from None
    if out is None:
        return text
    if not same:
        raise LexiconError(f"{name}: formatting would change the data (an unusual layout?); fix it by hand")
    return out


def _format(text: str) -> str | None:
    yaml = make_yaml()
    data = yaml.load(text)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        return None
    for entry in data["terms"]:
        if isinstance(entry, dict):
            if hasattr(entry, "fa"):  # an entry written in flow style ({id: …, term: …}) gets one key a line
                entry.fa.set_block_style()
            _normalise_values(entry)
    return _reorder_keys(_dump(yaml, data))


def _canonical(text: str) -> Any:
    """The data of a lexicon text, with dates as strings (2018 and "2018" are the same date)."""
    from ruamel.yaml import YAML

    from .lexicon import _plain

    data = _plain(YAML(typ="rt").load(text))
    for e in data.get("terms") or []:
        for key in DATE_KEYS:
            if isinstance(e, dict) and e.get(key) is not None:
                e[key] = str(e[key])
    return data


def _normalise_values(entry: Any) -> None:
    for key in DATE_KEYS:
        if key in entry and entry[key] is not None:
            entry[key] = _date(entry[key])
    for alt in entry.get("alt_glosses") or []:
        if isinstance(alt, dict) and alt.fa.flow_style() and list(alt) != sorted(
                alt, key=lambda k: ALT_GLOSS_ORDER.index(k) if k in ALT_GLOSS_ORDER else 9):
            for k in sorted(alt, key=lambda k: ALT_GLOSS_ORDER.index(k) if k in ALT_GLOSS_ORDER else 9):
                alt.move_to_end(k)


_ITEM = re.compile(r"^  - ")
_KEY = re.compile(r"^    ([A-Za-z_][\w-]*):")


def _reorder_keys(text: str) -> str:
    """Reorder the top-level keys of every entry in canonical text (items at ``  - ``, keys at four
    spaces). A key's block is its line, the deeper-indented lines after it, and the comment lines
    just above it (re-indented to the key); blank lines and comments after an entry's last key stay
    at its end."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _ITEM.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not _ITEM.match(lines[j]) and (lines[j].startswith("    ") or _floating(lines[j])):
            j += 1
        out.extend(_reorder_entry(lines[i:j]))
        i = j
    return "".join(out)


def _floating(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _indent_comment(line: str) -> str:
    return "    " + line.lstrip() if line.strip() else line


def _reorder_entry(lines: list[str]) -> list[str]:
    first = "    " + lines[0][4:]
    blocks: list[list[str]] = [[first]]
    pending: list[str] = []
    for line in lines[1:]:
        if _floating(line):
            pending.append(line)
        elif _KEY.match(line):
            blocks.append([_indent_comment(x) for x in pending] + [line])
            pending = []
        else:
            blocks[-1].extend(pending + [line])
            pending = []
    keys = [_KEY.match(next(x for x in b if _KEY.match(x))).group(1) for b in blocks]  # type: ignore[union-attr]
    order = sorted(range(len(blocks)), key=lambda n: (KEY_ORDER.index(keys[n]) if keys[n] in KEY_ORDER
                                                      else len(KEY_ORDER), n))
    if order == list(range(len(blocks))):
        return [lines[0], *blocks[0][1:], *(x for b in blocks[1:] for x in b), *pending]
    blocks = [blocks[n] for n in order]
    head = blocks[0]
    k = next(n for n, x in enumerate(head) if _KEY.match(x))
    head[k] = "  - " + head[k][4:]
    return [line for b in blocks for line in b] + pending


def format_lexicon(path: LexiconPath, check: bool = False) -> list[Path]:
    """Normalise every file of a lexicon in place (atomically); return the files that changed, or
    with ``check=True`` the files that would change, writing nothing."""
    changed = []
    for f in lexicon_files(path):
        with contextlib.nullcontext() if check else editing(f):
            text = _read(f)
            new = format_text(text, str(f))
            if new != text:
                changed.append(f)
                if not check:
                    refuse_installed(f)
                    write_atomic(f, new)
    return changed


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 (byte {exc.start}); a lexicon file is UTF-8 text") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror or exc})") from None
