"""Load and validate the curated lexicon (``lexicon/*.yaml``).

The lexicon is data: a list of :class:`Entry` per file under a top-level ``terms:`` key.
Loading validates every entry with pydantic (the rules are in :mod:`termkit.lexicon_schema`) and
reports problems with ``file:line``; the entries themselves are plain frozen dataclasses.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "x.yaml").write_text("terms:\\n  - {id: four-winds, term: 四风, gloss: Four Winds}\\n", "utf-8")
>>> lex = load_lexicon(d)
>>> lex.by_id["four-winds"].gloss
'Four Winds'
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import os
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from .categories import CATEGORIES
from .categories import DEFAULT as DEFAULT_CATEGORY
from .errors import LexiconError

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # used with fullmatch: "x\n" is not an id
DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
FIRST_YEAR = 1840  # no formula of modern Chinese politics is older; a typo (0218, 9999) is caught
MAX_DEPTH = 12  # an entry nests three levels (terms, entry, alt_glosses item); deeper is a mistake
# bidirectional controls reorder what a reader sees (U+202E shows "abc" as "cba"): never in a lexicon
BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _strings(value: Any) -> Iterator[str]:
    """Every string in nested dicts, lists and tuples (keys included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def _date_value(v: Any) -> Any:
    """A date field as its string form (YYYY, YYYY-MM or YYYY-MM-DD); YAML may give an int or a date.

    >>> _date_value(2018), _date_value("2018-02")
    ('2018', '2018-02')
    """
    if isinstance(v, (_dt.date, _dt.datetime)):
        v = v.strftime("%Y-%m-%d")
    if isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    if isinstance(v, str):
        m = DATE_RE.fullmatch(v)
        if not m:
            raise ValueError(f"date {v!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = m.groups()
        if not FIRST_YEAR <= int(year) <= _dt.date.today().year + 1:
            raise ValueError(f"date {v!r}: the year is not between {FIRST_YEAR} and next year")
        try:
            _dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise ValueError(f"date {v!r} is not a calendar date (month 01-12, a day the month has)") from None
    return v


class GlossStatus(str, Enum):
    official = "official"
    common = "common"
    proposed = "proposed"


# The categories are data of their own (termkit.categories), where each also says how it looks.
Category = Enum("Category", {name: name for name in CATEGORIES}, type=str)  # type: ignore[misc]


class Level(str, Enum):
    central = "central"
    provincial = "provincial"
    municipal = "municipal"
    county = "county"


def _checked(obj: Any) -> None:
    """Validate a new AltGloss, Context or Entry by the lexicon's rules (:mod:`termkit.lexicon_schema`,
    pydantic) and keep the values as the rules normalise them (lists as tuples, mappings as
    :class:`Context`, dates as text); raise pydantic's ``ValidationError`` when it breaks one.

    Only an object made in code is checked here: one read from a lexicon file was checked as it was
    read, and one unpickled from the matcher cache was checked when the cache was written (so a run
    that loads its matcher from the cache never imports pydantic)."""
    from .lexicon_schema import normalised

    for name, value in normalised(obj).items():
        object.__setattr__(obj, name, value)


@dataclass(frozen=True, kw_only=True)
class AltGloss:
    """Another English rendering in use, with how far a translator may trust it."""

    text: str
    status: str  # official-variant, media, scholarly, literal or deprecated
    source: str | None = None

    def __post_init__(self) -> None:
        _checked(self)


@dataclass(frozen=True, kw_only=True)
class Context:
    """Conditions on a match's surroundings that keep a short or generic term to its own sense.

    Every condition is checked against the ORIGINAL text around the match (folded the same way as the
    match itself). A match that fails any condition is not counted.
    """

    not_after: tuple[str, ...] = ()       # dropped when the text right before the match ends with one of these
    not_before: tuple[str, ...] = ()      # dropped when the text right after the match starts with one of these
    not_in_sentence: tuple[str, ...] = ()  # dropped when its sentence contains one of these (another sense)
    in_sentence: tuple[str, ...] = ()     # kept only when its sentence contains one of these
    since: str | None = None              # dropped in documents dated before this (generic use before the formula)

    def __post_init__(self) -> None:
        _checked(self)


def _show(how: str, default: Any) -> Any:
    """A field with a ``default`` that ``termkit show`` presents ``how`` (see render.py), not as a
    plain row."""
    return field(default=default, metadata={"show": how})


@dataclass(frozen=True, kw_only=True)
class Entry:
    """One lexicon entry: a term, its English rendering and what it stands for.

    This class is the one description of an entry's fields: their order here is the order in the
    lexicon files (``lexicon fmt``), in ``show`` and in JSON output, and ``show``, ``lexicon stats``,
    the lint and the schema read the fields from here. Adding a field is one line here (and, when its
    values follow a rule, the rule in :mod:`termkit.lexicon_schema`), plus its documentation in
    docs/lexicon-schema.md. An entry is plain data: made in code, it is validated by the schema
    (pydantic's ``ValidationError`` when it breaks a rule).

    >>> e = Entry(id="two-upholds", term="两个维护", gloss="Two Upholds", variants=["两个坚决维护"])
    >>> e.surfaces, e.gloss_status, e.category
    (('两个维护', '两个坚决维护'), 'proposed', 'concept')
    """

    id: str
    term: str = field(metadata={"show": "heading"})
    pinyin: str | None = None
    gloss: str
    gloss_status: str = GlossStatus.proposed.value
    category: str = DEFAULT_CATEGORY
    expansion: tuple[str, ...] = _show("numbered", ())
    expansion_en: tuple[str, ...] = _show("numbered", ())
    alt_glosses: tuple[AltGloss, ...] = _show("alt_glosses", ())
    literal: str | None = None
    definition: str | None = None
    variants: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    context: Context | None = _show("context", None)  # noqa: RUF009 (a dataclasses.field with a show hint)
    first_seen: str | None = None
    adopted: str | None = None
    date_source: str | None = None
    level: str = _show("unless_default", Level.central.value)
    place: str | None = None
    active: bool = _show("unless_default", True)
    pos: str | None = None  # noun, verb, adjective, adverb or other
    source: str | None = None
    related: tuple[str, ...] = _show("related", ())
    lint_skip: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _checked(self)

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The canonical term followed by its listed variants."""
        return (self.term, *self.variants)

    def to_dict(self) -> dict[str, Any]:
        """Every field, in order, as plain data (nested rules as dicts): what ``show --format json`` and
        the JSON glossary write."""
        return dataclasses.asdict(self)


ENTRY_KEYS = tuple(f.name for f in dataclasses.fields(Entry))  # the order of an entry's keys in a lexicon file


def optional_fields(model: type[Entry] = Entry) -> tuple[str, ...]:
    """The fields an entry may leave out, and that have no value of their own when it does.

    >>> optional_fields()[:3]
    ('pinyin', 'expansion', 'expansion_en')
    """
    return tuple(f.name for f in dataclasses.fields(model) if f.default is not dataclasses.MISSING
                 and f.default in (None, ()))


def non_default(obj: Any) -> dict[str, Any]:
    """The fields of a dataclass (an entry's :class:`Context`) that differ from their defaults.

    >>> non_default(Context(not_after=("小",)))
    {'not_after': ('小',)}
    """
    return {f.name: v for f in dataclasses.fields(obj) if (v := getattr(obj, f.name)) != f.default}


@dataclass(frozen=True)
class Location:
    """Where an entry is written: file and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """A lint finding. ``severity`` is ``error`` or ``warning``."""

    location: Location | None
    message: str
    severity: str = "error"
    rule: str = "schema"

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity}: {self.message}"


@dataclass(frozen=True)
class Lexicon:
    """The validated entries, in file order, with where each was written."""

    entries: tuple[Entry, ...]
    locations: dict[str, Location] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    @property
    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)


# A lexicon argument: a file, a folder, or several of them (the bundled lexicon and the user's).
LexiconPath = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
USER_LEXICON_ENV = "TERMKIT_LEXICON_DIR"


def bundled_lexicon_path() -> Path:
    """The lexicon shipped with termkit: inside the wheel, or the repository's ``lexicon/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "_lexicon"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "lexicon"


def user_lexicon_dir() -> Path:
    """The user's own lexicon folder, which extends the bundled one: ``$TERMKIT_LEXICON_DIR``, else
    ``termkit/lexicon`` in the user data folder (``$XDG_DATA_HOME`` or ``~/.local/share`` on Linux,
    the platform's own elsewhere). It may not exist yet; ``termkit lexicon add`` creates it.

    >>> import os
    >>> os.environ[USER_LEXICON_ENV] = "/tmp/my-terms"
    >>> str(user_lexicon_dir())
    '/tmp/my-terms'
    >>> del os.environ[USER_LEXICON_ENV]
    >>> user_lexicon_dir().parts[-2:]
    ('termkit', 'lexicon')
    """
    env = os.environ.get(USER_LEXICON_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("termkit", appauthor=False) / "lexicon"


def default_lexicon() -> tuple[Path, ...]:
    """What commands read without ``--lexicon``: the bundled lexicon, then the user's folder if it
    holds lexicon files."""
    user = user_lexicon_dir()
    has_files = user.is_dir() and any(q.suffix in (".yaml", ".yml") for q in user.rglob("*"))
    return (bundled_lexicon_path(), user) if has_files else (bundled_lexicon_path(),)


def is_installed_lexicon(path: str | os.PathLike[str]) -> bool:
    """True for a file or folder inside the lexicon of an installed termkit (its ``_lexicon``), which
    termkit never writes: a reinstall would lose the change."""
    packaged = Path(__file__).resolve().parent / "_lexicon"
    return Path(path).resolve().is_relative_to(packaged)


def refuse_installed(path: str | os.PathLike[str]) -> None:
    """Raise :class:`LexiconError` when ``path`` is inside the installed package's lexicon."""
    if is_installed_lexicon(path):
        raise LexiconError(f"{path}: this is the lexicon bundled with the installed termkit, which a reinstall "
                           f"replaces; add to your own lexicon ({user_lexicon_dir()}, or ${USER_LEXICON_ENV}) "
                           "or to a copy given with --lexicon")


def lexicon_files(path: LexiconPath) -> list[Path]:
    """The YAML files a ``--lexicon`` argument names: the file itself, or ``*.yaml`` in a folder;
    for several paths (the bundled lexicon and the user's), the files of each in turn."""
    if not isinstance(path, (str, os.PathLike)):
        return [f for p in path for f in lexicon_files(p)]
    p = Path(path)
    if p.is_dir():
        return sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
    if p.is_file():
        return [p]
    raise LexiconError(f"{p}: lexicon not found (give a .yaml file or a folder of them)")


@dataclass(frozen=True)
class LexiconFile:
    """One file a run reads, where it comes from (bundled, user or given) and how many entries it holds."""

    path: Path
    origin: str
    entries: int


@dataclass(frozen=True)
class LexiconSources:
    """The lexicon files in use, and the user's own folder (which may not exist yet)."""

    files: tuple[LexiconFile, ...]
    user_dir: Path
    given: bool  # --lexicon was given: the bundled lexicon and the user folder are not read


def lexicon_sources(given: str | os.PathLike[str] | None = None) -> LexiconSources:
    """What ``termkit lexicon files`` reports: each file read, without ``given`` from the bundled
    lexicon and the user folder (see :func:`default_lexicon`), with its count of valid entries.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "mine.yaml").write_text("terms:\\n  - {id: a, term: 四风, gloss: x}\\n", "utf-8")
    >>> [(f.path.name, f.origin, f.entries) for f in lexicon_sources(d).files]
    [('mine.yaml', 'given', 1)]
    """
    user = user_lexicon_dir()
    if given is not None:
        roots: list[tuple[Path, str]] = [(Path(given), "given")]
    else:
        roots = [(p, "user" if i else "bundled") for i, p in enumerate(default_lexicon())]
    lexicon, _ = read_lexicon([p for p, _ in roots])
    per_file: dict[str, int] = {}
    for loc in lexicon.locations.values():
        per_file[loc.file] = per_file.get(loc.file, 0) + 1
    files = tuple(LexiconFile(f, origin, per_file.get(str(f), 0)) for root, origin in roots
                  for f in lexicon_files(root))
    return LexiconSources(files, user, given is not None)


def read_lexicon(path: LexiconPath, contents: Mapping[Path, bytes] | None = None) -> tuple[Lexicon, list[Problem]]:
    """Read every file and return the valid entries plus all problems found (nothing raised).

    ``contents`` gives the bytes of the files, already read (the cache key hashes exactly the
    bytes that are parsed, even when a file changes meanwhile)."""
    entries: list[Entry] = []
    locations: dict[str, Location] = {}
    problems: list[Problem] = []
    files = lexicon_files(path) if contents is None else list(contents)
    for f in files:
        for entry, loc, probs in _read_file(f, None if contents is None else contents[f]):
            problems.extend(probs)
            if entry is None:
                continue
            if entry.id in locations:
                problems.append(Problem(loc, f"duplicate id {entry.id!r} (first at {locations[entry.id]})",
                                        rule="duplicate-id"))
                continue
            locations[entry.id] = loc
            entries.append(entry)
    return Lexicon(tuple(entries), locations, tuple(str(f) for f in files)), problems


def load_lexicon(path: LexiconPath, contents: Mapping[Path, bytes] | None = None) -> Lexicon:
    """Read and validate; raise :class:`LexiconError` naming the first error and how many more,
    or saying that a folder holds no lexicon file (a run with no terms would find nothing, silently)."""
    lexicon, problems = read_lexicon(path, contents)
    if not lexicon.files:
        raise LexiconError(f"{path}: no lexicon files in this folder (*.yaml or *.yml, each with a 'terms:' list)")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        more = f" (and {len(errors) - 1} more: run 'termkit lexicon check')" if len(errors) > 1 else ""
        raise LexiconError(f"{errors[0].location}: {errors[0].message}{more}")
    return lexicon


def _yaml_error_line(exc: Exception) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


class YamlProblem(LexiconError):
    """A lexicon file that is not plain YAML data; ``line`` is 1-based."""

    def __init__(self, name: str, line: int, message: str) -> None:
        super().__init__(f"{name}:{line}: {message}")
        self.line = line
        self.message = message


def parse_yaml(text: str, name: str) -> Any:
    """The data of a lexicon file's text, read as plain data; :class:`YamlProblem` naming the file and
    line for anything else: invalid YAML, a tag (``!!python/object`` …), an alias (``*name``, which
    also carries a merge key ``<<``) or nesting deeper than ``MAX_DEPTH``. The events are checked before
    anything is built, so an alias bomb or a 10,000-deep list costs one linear pass, never more.
    Dates stay text (``2018-02-30`` is then refused by the schema, with its line).

    >>> parse_yaml("terms: []\\n", "x.yaml")
    {'terms': []}
    >>> parse_yaml("a: &x [1]\\nb: *x\\n", "x.yaml")
    Traceback (most recent call last):
    termkit.lexicon.YamlProblem: x.yaml:2: YAML alias '*x' is not allowed (write the value out; a lexicon is plain data)
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        _check_events(YAML(typ="rt").parse(text), name)
        yaml = YAML(typ="rt")
        yaml.Constructor = _text_dates()
        with warnings.catch_warnings():  # a reused anchor is harmless once aliases are refused
            warnings.simplefilter("ignore")
            return yaml.load(text)
    except YAMLError as exc:
        msg = str(getattr(exc, "problem", None) or exc).splitlines()[0]
        raise YamlProblem(name, _yaml_error_line(exc), f"invalid YAML: {msg}") from None
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        if isinstance(exc, LexiconError):
            raise
        raise YamlProblem(name, 1, f"invalid YAML: {type(exc).__name__}: {str(exc)[:200]}") from None


def _check_events(events: Iterator[Any], name: str) -> None:
    depth = 0
    for ev in events:
        line = ev.start_mark.line + 1 if ev.start_mark is not None else 1
        kind = type(ev).__name__
        if kind == "AliasEvent":
            raise YamlProblem(name, line, f"YAML alias '*{ev.anchor}' is not allowed (write the value out; "
                              "a lexicon is plain data)")
        tag = getattr(ev, "tag", None)
        if tag and kind in ("ScalarEvent", "SequenceStartEvent", "MappingStartEvent"):
            raise YamlProblem(name, line, f"YAML tag {tag!r} is not allowed (plain data only)")
        if kind in ("SequenceStartEvent", "MappingStartEvent"):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(name, line, f"nested more than {MAX_DEPTH} levels deep (an entry needs three)")
        elif kind in ("SequenceEndEvent", "MappingEndEvent"):
            depth -= 1


@functools.cache
def _text_dates() -> type:
    """The round-trip constructor with timestamps left as text, for the schema to check."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class TextDates(RoundTripConstructor):
        pass

    TextDates.add_constructor("tag:yaml.org,2002:timestamp", TextDates.construct_yaml_str)
    return TextDates


def _read_file(f: Path, data: bytes | None = None) -> Iterator[tuple[Entry | None, Location, list[Problem]]]:
    name = str(f)
    try:
        text = (f.read_bytes() if data is None else data).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield None, Location(name, 1), [Problem(Location(name, 1), f"cannot read: {exc}", rule="file")]
        return
    try:
        data = parse_yaml(text, name)
    except YamlProblem as exc:
        yield None, Location(name, exc.line), [Problem(Location(name, exc.line), exc.message, rule="yaml")]
        return
    if data is None:
        return
    if not isinstance(data, dict) or "terms" not in data or set(data) != {"terms"}:
        yield None, Location(name, 1), [Problem(Location(name, 1), "expected one top-level key 'terms:'",
                                                rule="schema")]
        return
    terms = data["terms"] or []
    if not isinstance(terms, list):
        yield None, Location(name, 1), [Problem(Location(name, 1), "'terms' must be a list", rule="schema")]
        return
    for i, raw in enumerate(terms):
        line = terms.lc.item(i)[0] + 1 if hasattr(terms, "lc") else 1
        yield _validate_entry(raw, name, line)


def _validate_entry(raw: Any, name: str, line: int) -> tuple[Entry | None, Location, list[Problem]]:
    loc = Location(name, line)
    if not isinstance(raw, dict):
        return None, loc, [Problem(loc, "each item of 'terms' must be a mapping", rule="schema")]
    from pydantic import ValidationError

    from .lexicon_schema import entry_of

    try:
        return entry_of(_plain(raw)), loc, []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = err["loc"][0] if err["loc"] else None
            key_line = _key_line(raw, key, line)
            what = f"'{key}': " if key is not None else ""
            msg = "unknown key (a typo?)" if err["type"] == "extra_forbidden" else err["msg"]
            if err["type"] == "missing":
                msg = "required field is missing"
            problems.append(Problem(Location(name, key_line), f"{what}{msg} (entry {raw.get('id', '?')!r})"))
        return None, loc, problems


def _key_line(raw: Any, key: Any, default: int) -> int:
    try:
        return raw.lc.key(key)[0] + 1
    except Exception:
        return default


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node
