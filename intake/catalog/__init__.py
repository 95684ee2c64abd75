"""The catalog of matters (事项) and bundles (一件事): model, loader, merging, forms, search.

The demo catalog (a fictional-but-credible county, 长沙县 430121) ships as package data.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from intake.catalog.forms import validate_form
from intake.catalog.loader import (
    SCHEMA_ID,
    catalog_schema,
    catalog_summary,
    load_catalog_file,
    parse_catalog,
)
from intake.catalog.merge import MergedRequirements, merge_bundle, merge_requirements
from intake.catalog.model import (
    Bundle,
    Catalog,
    Commitment,
    Department,
    Fee,
    FieldDef,
    FieldRequirement,
    FieldType,
    LicenceType,
    MaterialDef,
    MaterialForm,
    MaterialRequirement,
    Matter,
    Scope,
    Situation,
    SituationOption,
    SituationType,
)
from intake.catalog.search import MatterIndex

DEMO_CATALOG = "demo_catalog.json"


def demo_catalog_path() -> Path:
    """Where the demo catalog file is (installed as package data next to this module)."""
    return Path(str(resources.files("intake.catalog").joinpath(DEMO_CATALOG)))


def load_demo_catalog() -> Catalog:
    """Parse the demo catalog (read through importlib.resources, so zipped installs work)."""
    return parse_catalog(resources.files("intake.catalog").joinpath(DEMO_CATALOG).read_bytes())


__all__ = [
    "DEMO_CATALOG",
    "SCHEMA_ID",
    "Bundle",
    "Catalog",
    "Commitment",
    "Department",
    "Fee",
    "FieldDef",
    "FieldRequirement",
    "FieldType",
    "LicenceType",
    "MaterialDef",
    "MaterialForm",
    "MaterialRequirement",
    "Matter",
    "MatterIndex",
    "MergedRequirements",
    "Scope",
    "Situation",
    "SituationOption",
    "SituationType",
    "catalog_schema",
    "catalog_summary",
    "demo_catalog_path",
    "load_catalog_file",
    "load_demo_catalog",
    "merge_bundle",
    "merge_requirements",
    "parse_catalog",
    "validate_form",
]
