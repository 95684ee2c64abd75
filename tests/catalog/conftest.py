"""Shared fixtures: the demo catalog, and a small hand-written catalog document to break."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from intake.catalog import Catalog, load_demo_catalog, parse_catalog
from tests.catalog.catalog_docs import encode, small_doc


@pytest.fixture
def doc() -> dict[str, Any]:
    return copy.deepcopy(small_doc())


@pytest.fixture(scope="session")
def small_catalog() -> Catalog:
    return parse_catalog(encode(small_doc()))


@pytest.fixture(scope="session")
def demo() -> Catalog:
    return load_demo_catalog()
