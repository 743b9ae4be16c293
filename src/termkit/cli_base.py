"""What every ``termkit`` command is built on: typer's classes, with help that reads as written and
values parsed without a validator built per parameter.

typer 0.29 parses each parameter through a pydantic ``TypeAdapter`` made for its annotation, which
imports pydantic (about 50 ms of every run's start-up) to turn ``"5"`` into ``5``; and its help shows
``{paths}...``, ``<list[str]>`` and ``<str>``. termkit's parameters are of a few plain kinds (text,
whole numbers, paths, a choice from a ``str`` Enum, lists of these): :class:`Command` parses them
here the way typer does, with messages in words, and leaves any other kind to typer. Its help
names a value by what it is (``PATHS...``, ``TEXT``, ``PATH``, ``[table|csv|json]``), and a group
lists its commands' first sentences whole.

>>> from typer.testing import CliRunner
>>> app = App(add_completion=False)
>>> @app.command()
... def top(paths: list[str], n: int = typer.Option(3, "--n")) -> None:
...     print(paths, n + 1)
>>> print(CliRunner().invoke(app, ["a", "b", "--n", "4.0"]).output, end="")
['a', 'b'] 5
>>> "Usage: top [OPTIONS] PATHS..." in CliRunner().invoke(app, ["--help"]).output
True
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
from typer._click import Context
from typer._click.core import Command as ClickCommand
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam
from typer._param_types import coerce_cli_choice, coerce_cli_path
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption, _TyperParameter
from typer.main import get_command_name

Parse = Callable[[Any, "TyperArgument | TyperOption", Context], Any]


def _text(value: Any, param: Any, ctx: Context) -> str:
    return value if isinstance(value, str) else os.fsdecode(value) if isinstance(value, bytes) else str(value)


def _whole_number(value: Any, param: Any, ctx: Context) -> int:
    """``"12"``, ``" 12 "``, ``"1_000"`` and ``"12.0"`` are 12 (as typer reads them); anything else is
    a usage error that says why."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        raise BadParameter(f"{value!r} is not a number", ctx=ctx, param=param) from None
    if not number.is_integer():
        raise BadParameter(f"{value!r} is not a whole number", ctx=ctx, param=param)
    return int(number)


def _number(value: Any, param: Any, ctx: Context) -> float:
    """``"0.5"``, ``" 4 "`` and ``"1e3"`` are numbers; ``nan``, ``inf`` and anything else a usage error."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    try:
        number = float(str(value).strip())
    except ValueError:
        raise BadParameter(f"{value!r} is not a number", ctx=ctx, param=param) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise BadParameter(f"{value!r} is not a finite number", ctx=ctx, param=param)
    return number


_TRUE, _FALSE = {"1", "true", "t", "yes", "y", "on"}, {"0", "false", "f", "no", "n", "off", ""}


def _flag(value: Any, param: Any, ctx: Context) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise BadParameter(f"{value!r} is not yes or no", ctx=ctx, param=param)


def _path(value: Any, param: Any, ctx: Context) -> Path:
    # typer's own checks (a path that exists must be readable), without its pydantic conversion
    return Path(coerce_cli_path(value, param.type_descriptor.parameter_info, path_type=str, param=param, ctx=ctx))


def _choice(choices: type[Enum]) -> Parse:
    def parse(value: Any, param: Any, ctx: Context) -> Any:
        try:
            return coerce_cli_choice(value, choices=list(choices), case_sensitive=param.type_descriptor.case_sensitive,
                                     ctx=ctx)
        except ValueError as exc:  # "'yaml' is not one of 'table', 'csv', 'json'."
            raise BadParameter(str(exc), ctx=ctx, param=param) from None

    return parse


def plain_parser(annotation: Any) -> Parse | None:
    """How a value of ``annotation`` (one item of a list) is parsed here, or None: typer's own way.

    >>> plain_parser(int).__name__, plain_parser(float).__name__, plain_parser(dict)
    ('_whole_number', '_number', None)
    """
    if annotation is str:
        return _text
    if annotation is int:
        return _whole_number
    if annotation is float:
        return _number
    if annotation is bool:
        return _flag
    if annotation is Path:
        return _path
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(annotation)
    return None


@dataclass(frozen=True)
class PlainParam(RuntimeParam):
    """typer's parsing contract (``None`` stays ``None``, or ``()`` for many values) with a plain parser."""

    parse: Parse
    many: bool

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        if self.many:
            return [self.parse(v, param, ctx) for v in (value if isinstance(value, (list, tuple)) else [value])]
        return self.parse(value, param, ctx)


def _metavar(annotation: Any) -> str:
    """The name help gives a value: ``TEXT``, ``N``, ``PATH``, ``[a|b|c]``."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "[" + "|".join(str(c.value) for c in annotation) + "]"
    return {int: "N", float: "X", Path: "PATH"}.get(annotation, "TEXT")


def _item(annotation: Any) -> Any:
    return get_args(annotation)[0] if get_origin(annotation) is list else annotation


def _plain_runtime(param: Any) -> RuntimeParam | None:
    """The plain parsing of ``param``'s values, or None when typer's own is needed."""
    desc = param.type_descriptor
    parse = None if desc.is_file else plain_parser(_item(desc.annotation))
    if parse is None:
        return None
    return PlainParam(desc.parameter_info, desc.annotation, parse, get_origin(desc.annotation) is list)


def _get_runtime_param(self: Any) -> RuntimeParam:
    """An argument's or option's parsing: plain (:func:`_plain_runtime`) where termkit knows the kind of
    value, typer's own otherwise (one method for :class:`Argument` and :class:`Option`)."""
    if self._runtime_param is None:
        self._runtime_param = _plain_runtime(self)
    return self._runtime_param or _TyperParameter.get_runtime_param(self)


def _no_range_help(self: Any) -> str | None:
    return None  # termkit checks ranges in callbacks, which say what is wrong in words


class Argument(TyperArgument):
    """A positional argument: ``PATHS...`` in usage and help (``[PATHS]...`` when optional)."""

    get_runtime_param = _get_runtime_param
    _get_number_range_help_str = _no_range_help

    def get_error_hint(self) -> str:
        return f"'{self._name()}'"  # "Missing argument 'TERM'", as usage shows it

    def _name(self) -> str:
        if self.metavar is not None:
            return self.metavar  # written by hand, as the usage line should read
        return self.name.upper() + ("..." if self.nargs != 1 else "")  # type: ignore[union-attr]

    def _usage_display_name(self) -> str:
        name = self._name()
        if self.required or self.metavar is not None:
            return name
        return f"[{name[:-3]}]..." if name.endswith("...") else f"[{name}]"

    def _rich_display_name(self) -> str:
        return self._name()

    def display_type(self, ctx: Context) -> str:
        return ""  # the help text says what the argument takes

    def display_type_rich(self, ctx: Context) -> str | None:
        return None


class Option(TyperOption):
    """An option whose value help names plainly (``--top N``, ``--lexicon PATH``, ``--format [a|b]``)."""

    get_runtime_param = _get_runtime_param
    _get_number_range_help_str = _no_range_help

    def display_type(self, ctx: Context) -> str:
        return _metavar(_item(self.type_descriptor.annotation))


_PLAIN_CLASSES: dict[type, type] = {TyperArgument: Argument, TyperOption: Option}


def _plain_params(params: list[Any]) -> list[Any]:
    # typer builds the parameters itself, the help option too (no hook to choose their class); the
    # subclasses only override methods, so the objects it built are given the subclass
    for p in params:
        plain = _PLAIN_CLASSES.get(type(p))
        if plain is not None:
            p.__class__ = plain
    return params


def _first_sentence(command: Any) -> str:
    """A command's summary in a group's list: its ``short_help``, else its help's first sentence, whole."""
    return ClickCommand.get_short_help_str(command, limit=sys.maxsize)


class Command(TyperCommand):
    """A command with plain parameters (see the module's notes)."""

    def get_params(self, ctx: Context) -> list[Any]:
        return _plain_params(super().get_params(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _first_sentence(self)


class Group(TyperGroup):
    """A group of commands with plain parameters, listing each command's first sentence whole."""

    def get_params(self, ctx: Context) -> list[Any]:
        return _plain_params(super().get_params(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _first_sentence(self)


class App(typer.Typer):
    """``typer.Typer`` whose groups and commands are :class:`Group` and :class:`Command`.

    typer builds every command of an app (reading each function's signature and types) before it runs
    one; run from the command line, an App builds only the command named on it (all of them for the
    app's own help, a mistyped name and anything else).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cls=Group, **kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            return super().__call__(*args, **kwargs)
        return typer.Typer.__call__(self.only(sys.argv[1:2]))

    def only(self, names: list[str]) -> typer.Typer:
        """This app with only the command or group ``names[0]`` (itself when that is no such name)."""
        if not names:
            return self
        commands = [c for c in self.registered_commands
                    if (c.name or get_command_name(c.callback.__name__)) == names[0]]  # type: ignore[union-attr]
        groups = [g for g in self.registered_groups if g.name == names[0]]
        if not commands and not groups:
            return self
        app = copy.copy(self)
        app.registered_commands, app.registered_groups = commands, groups
        return app
