"""The lexicon's rules, checked with pydantic: what makes an entry valid.

The fields themselves (names, order, defaults, how ``show`` presents them) are described once, by the
dataclasses of :mod:`termkit.lexicon`; this module gives each a pydantic model made from those fields,
typed more narrowly where a rule says more than the dataclass (a closed set of values, a non-empty
string, a nested rule), with the validators below. Unknown keys are errors, each with its field.

It is imported only when entries are read from YAML or made in code: a run whose matcher comes from
the cache never imports pydantic.

>>> entry_of({"id": "four-winds", "term": "四风", "gloss": "Four Winds", "variants": ["四風"]}).variants
('四風',)
>>> entry_of({"id": "Four Winds", "term": "四风", "gloss": "x"})
Traceback (most recent call last):
pydantic_core._pydantic_core.ValidationError: 1 validation error for Entry
id
  Value error, id 'Four Winds' must be a lowercase ASCII slug (a-z, 0-9, hyphens) ...
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from .lexicon import (
    _SURROGATE_RE,
    ID_RE,
    AltGloss,
    Category,
    Context,
    Entry,
    GlossStatus,
    Level,
    _date_value,
    _strings,
)

Text = Annotated[str, Field(min_length=1)]


def _slug(cls: Any, v: str) -> str:
    if not ID_RE.fullmatch(v):
        raise ValueError(f"id {v!r} must be a lowercase ASCII slug (a-z, 0-9, hyphens)")
    return v


def _date(cls: Any, v: Any) -> Any:
    return _date_value(v)


def _no_padding(cls: Any, v: Any) -> Any:
    for s in (v,) if isinstance(v, str) else v:
        if not s.strip() or s != s.strip():
            raise ValueError(f"{s!r} is empty or has leading/trailing whitespace")
    return v


def _no_lone_surrogates(cls: Any, data: Any) -> Any:
    # YAML's "\ud800" escape makes a string no UTF-8 writer can write: refuse it here, by its line
    for text in _strings(data):
        if _SURROGATE_RE.search(text):
            raise ValueError(f"{text[:40]!r} holds a lone surrogate (an escape such as \\ud800 that is not text)")
    return data


def _expansion_en_pairs(self: Any) -> Any:
    if self.expansion_en and len(self.expansion_en) != len(self.expansion):
        raise ValueError(f"expansion_en has {len(self.expansion_en)} items but expansion has "
                         f"{len(self.expansion)}: give one English item per Chinese item, in the same order")
    return self


def _place_for_local(self: Any) -> Any:
    if self.level != Level.central.value and not self.place:
        raise ValueError(f"level {self.level!r} needs a 'place'")
    return self


def _rules(base: type) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields of ``base`` whose values a rule narrows (the others are typed as declared), and its
    validators."""
    if base is AltGloss:
        return {"text": Text, "status": Literal["official-variant", "media", "scholarly", "literal", "deprecated"]}, {}
    if base is Context:
        return {}, {"since_is_a_date": field_validator("since", mode="before")(_date)}
    types = {"term": Text, "gloss": Text, "gloss_status": GlossStatus, "category": Category, "level": Level,
             "alt_glosses": tuple[model_of(AltGloss), ...], "context": model_of(Context) | None,
             "pos": Literal["noun", "verb", "adjective", "adverb", "other"] | None}
    return types, {
        "id_is_a_slug": field_validator("id")(_slug),
        "dates": field_validator("first_seen", "adopted", mode="before")(_date),
        "no_padding": field_validator("term", "gloss", "variants", "exclude", "expansion", mode="after")(_no_padding),
        "no_lone_surrogates": model_validator(mode="before")(_no_lone_surrogates),
        "expansion_en_pairs": model_validator(mode="after")(_expansion_en_pairs),
        "place_for_local": model_validator(mode="after")(_place_for_local),
    }


@functools.cache
def model_of(cls: type) -> type[BaseModel]:
    """The pydantic model of a lexicon dataclass (or of a subclass that adds fields): its fields in
    order, with their defaults, narrowed by the rules above."""
    base = next(c for c in cls.__mro__ if c in (AltGloss, Context, Entry))
    hints = typing.get_type_hints(cls)
    narrowed, validators = _rules(base)
    fields: dict[str, Any] = {
        f.name: (narrowed.get(f.name, hints[f.name]), ... if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(cls)}
    config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, validate_default=True)
    return create_model(cls.__name__, __config__=config, __validators__=validators, **fields)


_DATACLASS_OF: dict[type[BaseModel], type] = {}


def _plain(value: Any) -> Any:
    """A validated value as the dataclasses hold it: a nested model as its dataclass."""
    if isinstance(value, BaseModel):
        return _made(_DATACLASS_OF[type(value)], value)
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def _made(cls: type, model: BaseModel) -> Any:
    # the values were just checked by the schema: set them as they are, not checked again
    obj = object.__new__(cls)
    for name in type(model).model_fields:
        object.__setattr__(obj, name, _plain(getattr(model, name)))
    return obj


def _validated(cls: type, data: Any) -> Any:
    model = model_of(cls)
    _DATACLASS_OF.setdefault(model, cls)
    for nested in (AltGloss, Context):
        _DATACLASS_OF.setdefault(model_of(nested), nested)
    return _made(cls, model.model_validate(data))


def entry_of(data: dict[str, Any]) -> Entry:
    """The entry a mapping read from a lexicon file describes; pydantic's ``ValidationError`` (each
    error with its field) when it breaks a rule."""
    return _validated(Entry, data)


def normalised(obj: Any) -> dict[str, Any]:
    """The fields of a new AltGloss, Context or Entry as the rules normalise them (see
    :func:`termkit.lexicon._checked`)."""
    raw = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    for name, value in raw.items():  # nested dataclasses as the mappings the schema reads
        if dataclasses.is_dataclass(value):
            raw[name] = dataclasses.asdict(value)
        elif isinstance(value, (list, tuple)):
            raw[name] = [dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for v in value]
    checked = _validated(type(obj), raw)
    return {f.name: getattr(checked, f.name) for f in dataclasses.fields(obj)}
