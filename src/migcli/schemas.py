"""JSON Schemas: of the TOML record format, and of each command's --json output."""

from __future__ import annotations

import types
import typing
from typing import Any

from migcli.errors import NotFoundError
from migcli.formats import OUTPUTS

_ID = "https://migcli.invalid/schema/"  # a stable name for the schema, not an address to fetch


def record_schema() -> dict[str, Any]:
    from migcli.models import Country

    schema = Country.model_json_schema()
    schema["$id"] = _ID + "country.schema.json"
    schema["title"] = "migcli country record"
    return schema


def output_schema(command: str) -> dict[str, Any]:
    from pydantic import TypeAdapter

    from migcli.shapes import (
        Comparison,
        CountryRecord,
        EntryView,
        Event,
        Hit,
        IndexRow,
        SeriesView,
        SourceRecord,
    )

    shapes: dict[str, Any] = {
        "list": list[IndexRow],
        "show": CountryRecord | EntryView | list[CountryRecord | EntryView],
        "search": list[Hit],
        "compare": Comparison,
        "timeline": list[Event],
        "stats": list[SeriesView],
        "sources": dict[str, list[SourceRecord]],
    }
    if command not in shapes:
        raise NotFoundError(f"no output schema for '{command}'; choose one of {', '.join(OUTPUTS)}")
    schema = TypeAdapter(_portable(shapes[command])).json_schema()
    schema["$id"] = _ID + f"output-{command}.schema.json"
    schema["title"] = f"migcli {command} --json"
    return schema


def _portable(shape: Any) -> Any:
    """The same type with every typing.TypedDict rebuilt as typing_extensions.TypedDict.

    Pydantic needs the latter before Python 3.12, but importing typing_extensions costs about
    20 ms, so the records stay plain typing.TypedDict and only schema generation converts.
    """
    import typing_extensions

    if typing.is_typeddict(shape):
        hints = typing.get_type_hints(shape)
        fields = {name: _portable(hint) for name, hint in hints.items()}
        if shape.__name__ == "CountryRecord":  # its sections come from the registry
            from migcli.registry import SECTIONS
            from migcli.shapes import EntryRecord

            fields.update({s: list[_portable(EntryRecord)] for s in SECTIONS})  # type: ignore[misc]
        return typing_extensions.TypedDict(shape.__name__, fields)  # type: ignore[operator]
    args = typing.get_args(shape)
    if not args:
        return shape
    converted = tuple(_portable(a) for a in args)
    origin = typing.get_origin(shape)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[converted]  # noqa: UP007
    return origin[converted] if len(converted) > 1 else origin[converted[0]]
