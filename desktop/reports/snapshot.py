"""Frozen dataclasses to JSON-ready data and back, guided by their type hints.

A saved plan must reopen *exactly* as it was printed, even after the knowledge base or the engine
changes, so the plan stores its computed objects (``DoseResult``, ``RegimenSchedule``, ``Therapy``),
not just its inputs. This codec walks the dataclasses of those modules without knowing them: field
types say how to read each value back. ``decode(cls, encode(x)) == x`` is tested on real plans.

Values typed ``Any`` (issue parameters, pint quantities behind a lazy alias) are written with a
tag when they are not plain JSON: ``{"$date": "2025-03-01"}``, ``{"$quantity": [680.5, "mg"]}``,
``{"$tuple": [...]}``. Anything else the codec cannot write back faithfully is refused
(``SnapshotError``), never stored half-way.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Union, get_args, get_origin


class SnapshotError(TypeError):
    """A value this codec cannot write or read back exactly."""


_hints_cache: dict[type, dict[str, Any]] = {}


class _ModuleNames(Mapping[str, Any]):
    """A module's names as ``getattr`` sees them, for resolving the hints written in it: a name it
    provides lazily (a module ``__getattr__``, PEP 562) resolves too, which the module's
    ``__dict__`` alone would not."""

    def __init__(self, module: types.ModuleType) -> None:
        self._module = module

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self._module, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> typing.Iterator[str]:
        return iter(vars(self._module))

    def __len__(self) -> int:
        return len(vars(self._module))


def _field_hints(cls: type) -> dict[str, Any]:
    """Resolved type hints of a dataclass's init fields. A name only visible to type checkers
    (imported under ``TYPE_CHECKING``) resolves to ``Any`` and is then stored with tags."""
    cached = _hints_cache.get(cls)
    if cached is not None:
        return cached
    try:
        hints = typing.get_type_hints(cls, localns=_ModuleNames(sys.modules[cls.__module__]))
    except (NameError, TypeError):
        hints = {}
        namespace = dict(vars(sys.modules[cls.__module__]))
        for klass in reversed(cls.__mro__):
            for name, annotation in getattr(klass, "__annotations__", {}).items():
                try:
                    hints[name] = (
                        eval(annotation, namespace) if isinstance(annotation, str) else annotation
                    )
                except Exception:
                    hints[name] = Any
    out = {f.name: hints.get(f.name, Any) for f in dataclasses.fields(cls) if f.init}
    _hints_cache[cls] = out
    return out


def _is_quantity(value: object) -> bool:
    return hasattr(value, "magnitude") and hasattr(value, "units") and hasattr(value, "to")


def encode(value: Any) -> Any:
    """JSON-ready data for ``value`` (dataclasses, tuples, mappings, dates, enums, quantities)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SnapshotError(f"cannot store the number {value!r}")
        return value
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    return _encode_collection(value)


def _encode_collection(value: Any) -> Any:
    """Mappings, sequences, sets and quantities; anything else is refused."""
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise SnapshotError(f"mapping key {k!r} is not text")
            out[k] = encode(v)
        return out
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, frozenset | set):
        return {"$set": sorted((encode(v) for v in value), key=repr)}
    if _is_quantity(value):
        return {"$quantity": [encode(value.magnitude), format(value.units, "~")]}
    raise SnapshotError(f"cannot store a {type(value).__name__}")


def _untag(data: Any) -> Any:
    """Values typed ``Any``: read the tags back."""
    if isinstance(data, list):
        return [_untag(v) for v in data]
    if isinstance(data, dict):
        if len(data) == 1:
            ((key, inner),) = data.items()
            if key == "$date":
                return date.fromisoformat(inner)
            if key == "$datetime":
                return datetime.fromisoformat(inner)
            if key == "$tuple":
                return tuple(_untag(v) for v in inner)
            if key == "$set":
                return frozenset(_untag(v) for v in inner)
            if key == "$quantity":
                from desktop.core.units import Q_

                magnitude, unit = inner
                return Q_(magnitude, unit)
        return {k: _untag(v) for k, v in data.items()}
    return data


def _strip_tuple_tag(data: Any) -> Any:
    if isinstance(data, dict) and set(data) == {"$tuple"}:
        return data["$tuple"]
    if isinstance(data, dict) and set(data) == {"$set"}:
        return data["$set"]
    return data


def decode(hint: Any, data: Any) -> Any:
    """Read ``data`` (from ``encode``) back as a value of type ``hint``."""
    if hint is Any or hint is object:
        return _untag(data)
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        return _decode_union(hint, data)
    if origin is typing.Literal:
        if data not in get_args(hint):
            raise SnapshotError(f"{data!r} is not one of {get_args(hint)}")
        return data
    if origin in (tuple, Sequence, list, frozenset, set) or hint in (tuple, list):
        return _decode_sequence(hint, origin, data)
    if origin in (dict, Mapping) or hint in (dict, Mapping):
        if not isinstance(data, dict):
            raise SnapshotError(f"expected a mapping for {hint}")
        args = get_args(hint)
        inner = args[1] if len(args) == 2 else Any
        return {k: decode(inner, v) for k, v in data.items()}
    if isinstance(hint, type):
        return _decode_class(hint, data)
    # Unknown or exotic hints (TypeVar, Protocol, a pint class): read the tags back.
    return _untag(data)


def _decode_union(hint: Any, data: Any) -> Any:
    """The first option of ``X | Y | None`` that reads ``data``."""
    options = get_args(hint)
    if data is None and type(None) in options:
        return None
    errors = []
    for option in options:
        if option is type(None):
            continue
        try:
            return decode(option, data)
        except (SnapshotError, TypeError, ValueError, KeyError) as exc:
            errors.append(str(exc))
    raise SnapshotError(f"{data!r} matches none of {hint}: {'; '.join(errors)}")


def _decode_sequence(hint: Any, origin: Any, data: Any) -> Any:
    """A tuple (fixed or ``tuple[X, ...]``), list, or set of ``hint``'s item type."""
    items = _strip_tuple_tag(data)
    if not isinstance(items, list):
        raise SnapshotError(f"expected a list for {hint}, got {type(data).__name__}")
    args = get_args(hint)
    if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        if len(args) != len(items):
            raise SnapshotError(f"expected {len(args)} items for {hint}")
        return tuple(decode(a, v) for a, v in zip(args, items, strict=True))
    inner = args[0] if args else Any
    values = [decode(inner, v) for v in items]
    if origin in (frozenset, set):
        return frozenset(values)
    return values if origin is list or hint is list else tuple(values)


def _decode_class(hint: type, data: Any) -> Any:
    """A dataclass, an enum, a date or a scalar (checked, never converted from another type)."""
    if dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise SnapshotError(f"expected an object for {hint.__name__}")
        hints = _field_hints(hint)
        unknown = set(data) - set(hints)
        if unknown:
            raise SnapshotError(f"{hint.__name__} has no field {sorted(unknown)}")
        return hint(**{name: decode(hints[name], v) for name, v in data.items()})
    if issubclass(hint, enum.Enum):
        return hint(data)
    if hint is datetime:
        return datetime.fromisoformat(_untag_key(data, "$datetime"))
    if hint is date:
        return date.fromisoformat(_untag_key(data, "$date"))
    read = _SCALARS.get(hint)
    if read is not None:
        return read(data)
    # Unknown or exotic hints (TypeVar, Protocol, a pint class): read the tags back.
    return _untag(data)


def _read_bool(data: Any) -> bool:
    if not isinstance(data, bool):
        raise SnapshotError(f"expected true/false, got {data!r}")
    return data


def _read_float(data: Any) -> float:
    if isinstance(data, bool) or not isinstance(data, int | float):
        raise SnapshotError(f"expected a number, got {data!r}")
    return float(data) if isinstance(data, int) else data


def _read_int(data: Any) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        raise SnapshotError(f"expected a whole number, got {data!r}")
    return data


def _read_str(data: Any) -> str:
    if not isinstance(data, str):
        raise SnapshotError(f"expected text, got {data!r}")
    return data


_SCALARS: dict[type, Callable[[Any], Any]] = {
    bool: _read_bool,
    float: _read_float,
    int: _read_int,
    str: _read_str,
}


def _untag_key(data: Any, key: str) -> str:
    if isinstance(data, dict) and set(data) == {key}:
        return str(data[key])
    if isinstance(data, str):
        return data
    raise SnapshotError(f"expected {key} text, got {data!r}")
