"""The plain-dict types (shapes.py) and the Pydantic models (models.py) cannot drift apart."""

from __future__ import annotations

import types
import typing

import pytest

from migcli import models, shapes
from migcli.registry import RECORD_FIELDS, SECTIONS

PAIRS = [
    (shapes.SourceRecord, models.Source),
    (shapes.EntryRecord, models.Entry),
    (shapes.GapRecord, models.Gap),
    (shapes.PointRecord, models.Point),
    (shapes.BreakRecord, models.Break),
    (shapes.SeriesRecord, models.Series),
    (shapes.CountryRecord, models.Country),
]


def _shape(hint: object) -> tuple[str, bool]:
    """(container, nullable): 'list', 'dict' or 'scalar', and whether None is allowed."""
    args = typing.get_args(hint)
    nullable = type(None) in args
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in args if a is not type(None))
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    origin = typing.get_origin(hint)
    container = "list" if origin is list else "dict" if origin is dict else "scalar"
    return container, nullable


@pytest.mark.parametrize(("typed", "model"), PAIRS, ids=[m.__name__ for _, m in PAIRS])
def test_field_names_and_shapes_match(typed: type, model: type) -> None:
    hints = typing.get_type_hints(typed)
    fields = model.model_fields  # type: ignore[attr-defined]
    expected = set(fields) - (set(SECTIONS) if model is models.Country else set())
    assert set(hints) == expected
    for name in expected:
        assert _shape(hints[name]) == _shape(fields[name].annotation), name


def test_the_record_has_the_registry_fields_in_order() -> None:
    assert tuple(models.Country.model_fields) == RECORD_FIELDS
    for section in SECTIONS:
        assert _shape(models.Country.model_fields[section].annotation) == ("list", False)


def test_a_validated_record_dumps_exactly_those_fields() -> None:
    from migcli.loader import load_country

    from .conftest import DATA

    record = load_country(DATA / "panama.toml", "panama.toml").model_dump(mode="json")
    assert tuple(record) == RECORD_FIELDS
