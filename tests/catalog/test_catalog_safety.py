"""Catalog safety: no catastrophic field patterns, no oversized documents."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from intake.catalog import parse_catalog
from intake.catalog.loader import MAX_CATALOG_BYTES
from intake.catalog.patterns import pattern_risk
from intake.errors import CatalogError, WindowDeskError
from intake.station import Station
from intake.store.models import AuditRow
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


def _versioned(version: str, published_at: str) -> bytes:
    doc = small_doc()
    doc["version"], doc["published_at"] = version, published_at
    return encode(doc)


def test_older_catalog_is_refused_unless_forced_and_then_audited(data_dir: Path) -> None:
    with Station.open(data_dir) as st:
        st.catalogs.load(_versioned("t2", "2026-03-01T08:00:00+08:00"))
        older = _versioned("t1", "2026-01-01T08:00:00+08:00")
        with pytest.raises(WindowDeskError) as err:
            st.catalogs.load(older)
        assert err.value.code == "catalog.older_version"
        assert err.value.details == {"version": "t1", "active": "t2"}
        assert st.catalog.version == "t2"
        with st.db.read() as session:
            assert session.scalar(select(func.count()).select_from(AuditRow)) == 0
        st.catalogs.load(older, force=True, operator_id="sup01")
        assert st.catalog.version == "t1"
        with st.db.read() as session:
            rows = session.scalars(select(AuditRow)).all()
        assert [(r.operator_id, r.action) for r in rows] == [("sup01", "catalog.forced_older")]
        assert "t1" in rows[0].detail and "t2" in rows[0].detail
        st.catalogs.load(_versioned("t3", "2026-03-01T08:00:00+08:00"))  # same time: newer
        assert st.audit.verify().ok
