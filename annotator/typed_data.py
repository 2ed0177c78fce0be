"""Dataclass records to and from their plain form (JSON objects, Parquet rows), read off
their type hints: the one place that knows how a Span, a list of Relations or a pair of
offsets is rebuilt, so a field added to a record needs no edit here."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

Rebuild = Callable[[Any], Any]


def _optional_inner(hint: Any) -> Any | None:
    """X for ``X | None``; None for any other hint."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return others[0] if len(others) == 1 else None
    return None


@cache
def rebuilder(hint: Any) -> Rebuild | None:
    """A function from the plain form of a ``hint`` value to the value itself, or None
    when the plain form is the value (text, numbers, flags, lists of them).

    A dataclass is rebuilt from a mapping of its fields; a field the mapping lacks takes
    its default, so records written before the field existed still read."""
    inner = _optional_inner(hint)
    if inner is not None:
        rebuild = rebuilder(inner)
        return None if rebuild is None else (lambda v: None if v is None else rebuild(v))
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        item = rebuilder(args[0])
        return None if item is None else (lambda v: [item(x) for x in v])
    if origin is tuple:
        parts = [rebuilder(arg) for arg in args if arg is not Ellipsis]
        if Ellipsis in args:
            return lambda v: tuple(x if parts[0] is None else parts[0](x) for x in v)
        return lambda v: tuple(x if p is None else p(x) for x, p in zip(v, parts, strict=True))
    if dataclasses.is_dataclass(hint):
        assert isinstance(hint, type)
        hints = typing.get_type_hints(hint)
        plan = [(f.name, rebuilder(hints[f.name])) for f in dataclasses.fields(hint) if f.init]

        def rebuild_record(v: Any, cls: type = hint) -> Any:
            present = [(name, p) for name, p in plan if name in v]
            return cls(**{name: v[name] if p is None else p(v[name]) for name, p in present})

        return rebuild_record
    return None


def exemplar(hint: Any) -> Any:
    """A value of type ``hint`` with every optional part present (zeros, empty text, one
    item in each list): its plain form shows every column a record can have."""
    inner = _optional_inner(hint)
    if inner is not None:
        return exemplar(inner)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        return [exemplar(args[0])]
    if origin is tuple:
        return tuple(exemplar(arg) for arg in args if arg is not Ellipsis)
    if origin is dict:
        return {}
    if dataclasses.is_dataclass(hint):
        assert isinstance(hint, type)
        hints = typing.get_type_hints(hint)
        fields = dataclasses.fields(hint)
        return hint(**{f.name: exemplar(hints[f.name]) for f in fields if f.init})
    return hint()
