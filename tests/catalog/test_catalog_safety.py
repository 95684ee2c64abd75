"""Catalog safety: no catastrophic field patterns, no oversized documents."""

from __future__ import annotations

import time

import pytest

from intake.catalog import parse_catalog
from intake.catalog.loader import MAX_CATALOG_BYTES
from intake.catalog.patterns import pattern_risk
from intake.errors import CatalogError, WindowDeskError
from tests.catalog.catalog_docs import encode, small_doc


@pytest.mark.parametrize(
    "pattern", ["(a+)+$", "(a*)*b", r"(\w+\s?)+$", "(a|aa)+$", r"(x)\1", r"(?P<a>x)(?P=a)"]
)
def test_catastrophic_pattern_is_refused_at_load(pattern: str) -> None:
    doc = small_doc()
    doc["fields"][0] = {**doc["fields"][0], "type": "text", "pattern": pattern}
    doc["fields"][0].pop("options", None)
    with pytest.raises(CatalogError) as err:
        started = time.perf_counter()
        parse_catalog(encode(doc))
    assert time.perf_counter() - started < 1
    codes = {p.code for p in err.value.problems}
    assert "catalog.field_pattern_unsafe" in codes, err.value.problems


@pytest.mark.parametrize(
    "pattern",
    [r"[0-9]{12,19}", r"1[3-9]\d{9}", r"(\d{3}-)?\d{4}", r"[A-Z]{2}\d{6}", r"(ab)+", r"\w+@\w+"],
)
def test_ordinary_patterns_are_in_the_safe_subset(pattern: str) -> None:
    assert pattern_risk(pattern) is None


def test_oversized_catalog_is_refused_before_parsing() -> None:
    raw = encode(small_doc())
    raw = raw[:-1] + b"," + b'"padding": "' + b"x" * MAX_CATALOG_BYTES + b'"}'
    with pytest.raises(WindowDeskError) as err:
        parse_catalog(raw)
    assert err.value.code == "catalog.too_large"
    assert err.value.details == {"size": len(raw), "limit": MAX_CATALOG_BYTES}
