"""JSON Schemas: of the TOML record format, and of each command's --json output."""

from __future__ import annotations

from typing import Any

from migcli.errors import NotFoundError

OUTPUTS = ("list", "show", "search", "compare", "timeline", "stats", "sources")
_ID = "https://migcli.invalid/schema/"  # a stable name for the schema, not an address to fetch


def record_schema() -> dict[str, Any]:
    from migcli.models import Country

    schema = Country.model_json_schema()
    schema["$id"] = _ID + "country.schema.json"
    schema["title"] = "migcli country record"
    return schema


def output_schema(command: str) -> dict[str, Any]:
    from pydantic import TypeAdapter

    from migcli.compare import Comparison
    from migcli.records import CountryRecord, IndexRow, SourceRecord
    from migcli.search import Hit
    from migcli.stats import SeriesView
    from migcli.timeline import Event

    shapes: dict[str, Any] = {
        "list": list[IndexRow],
        "show": CountryRecord | list[CountryRecord],
        "search": list[Hit],
        "compare": Comparison,
        "timeline": list[Event],
        "stats": list[SeriesView],
        "sources": dict[str, list[SourceRecord]],
    }
    if command not in shapes:
        raise NotFoundError(f"no output schema for '{command}'; choose one of {', '.join(OUTPUTS)}")
    schema = TypeAdapter(shapes[command]).json_schema()
    schema["$id"] = _ID + f"output-{command}.schema.json"
    schema["title"] = f"migcli {command} --json"
    return schema
