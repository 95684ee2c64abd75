"""Turn a published catalog document (JSON bytes) into a checked, immutable ``Catalog``.

Loading is pure: bytes in, a ``Catalog`` or a ``CatalogError`` out, nothing written anywhere.
That is what lets the store keep the good catalog it has until a new one has fully passed.
Every problem is collected (schema and consistency alike) so that whoever publishes a broken
catalog gets the whole list at once rather than one fix-and-retry round per mistake.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from intake.catalog.model import (
    NO_COMMITMENT,
    Bundle,
    Catalog,
    Commitment,
    Department,
    Fee,
    FieldDef,
    FieldRequirement,
    FieldType,
    Guide,
    Lapse,
    LicenceType,
    MaterialDef,
    MaterialForm,
    MaterialRequirement,
    Matter,
    Remedies,
    Scope,
    Situation,
    SituationOption,
    SituationType,
    SupplementTerms,
)
from intake.catalog.patterns import pattern_risk
from intake.errors import CatalogError, Problem, WindowDeskError
from intake.workdays import LimitUnit

SCHEMA_ID = "windowdesk.catalog/1"

# Field types a free-text constraint (pattern, max_length) makes sense for.
TEXT_TYPES = frozenset({FieldType.TEXT, FieldType.TEXTAREA, FieldType.ADDRESS})
NUMERIC_TYPES = frozenset({FieldType.NUMBER, FieldType.MONEY})
CHOICE_TYPES = frozenset({FieldType.SELECT, FieldType.MULTISELECT})

Json = dict[str, Any]


@cache
def catalog_schema() -> Mapping[str, Any]:
    """The published JSON Schema (``schema.json`` beside this module)."""
    text = resources.files("intake.catalog").joinpath("schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return MappingProxyType(schema)


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(dict(catalog_schema()))


def load_catalog_file(path: str | Path) -> Catalog:
    """Read and parse a catalog file; an unreadable file is a ``catalog.io`` problem."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CatalogError(
            [Problem("$", "catalog.io", f"cannot read the catalog file: {exc.strerror}")]
        ) from exc
    return parse_catalog(raw)


#: A provincial catalog is a few MB; beyond this it is an error or an attack on memory.
MAX_CATALOG_BYTES = 10 * 1024 * 1024


def parse_catalog(raw: bytes) -> Catalog:
    """Check ``raw`` against the schema and the consistency rules and build the ``Catalog``.

    Raises ``CatalogError`` listing every problem found (see docs/catalog.md for the codes).
    """
    if len(raw) > MAX_CATALOG_BYTES:  # before json.loads builds it all in memory
        raise WindowDeskError(
            f"the catalog is {len(raw)} bytes, over the {MAX_CATALOG_BYTES} accepted",
            code="catalog.too_large",
            details={"size": len(raw), "limit": MAX_CATALOG_BYTES},
        )
    doc = _decode(raw)
    problems = list(_schema_problems(doc))
    problems.extend(_consistency_problems(doc))
    if problems:
        raise CatalogError(problems)
    return _build(doc, hashlib.sha256(raw).hexdigest())


def catalog_summary(catalog: Catalog) -> dict[str, Any]:
    """What ``catalog list``/``catalog load`` print about a catalog as a whole."""
    return {
        "schema": SCHEMA_ID,
        "version": catalog.version,
        "published_at": catalog.published_at,
        "publisher": catalog.publisher,
        "sha256": catalog.sha256,
        "counts": {
            "departments": len(catalog.departments),
            "licence_types": len(catalog.licence_types),
            "materials": len(catalog.materials),
            "fields": len(catalog.fields),
            "matters": len(catalog.matters),
            "bundles": len(catalog.bundles),
            "immediate_matters": sum(m.immediate for m in catalog.matters.values()),
            "village_matters": sum("village" in m.levels for m in catalog.matters.values()),
        },
    }


# --------------------------------------------------------------------------- decoding


class _DuplicateKeys:
    """``object_pairs_hook`` that remembers keys given twice in one JSON object.

    ``json`` silently keeps the last of two equal keys; in a catalog that usually hides an
    editing mistake, so it is reported instead.
    """

    def __init__(self) -> None:
        self.found: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> Json:
        out: Json = {}
        for key, value in pairs:
            if key in out:
                self.found.append(key)
            out[key] = value
        return out


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a catalog")


def _decode(raw: bytes) -> Json:
    """Bytes → a JSON object, or a CatalogError about the encoding, the syntax or the top."""
    try:
        text = raw.decode("utf-8-sig")  # a leading BOM is tolerated (RFC 8259 §8.1)
    except UnicodeDecodeError as exc:
        raise CatalogError(
            [
                Problem(
                    "$",
                    "catalog.encoding",
                    "the catalog is not valid UTF-8",
                    {"offset": exc.start},
                )
            ]
        ) from exc
    hook = _DuplicateKeys()
    try:
        doc = json.loads(text, object_pairs_hook=hook, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            [
                Problem(
                    "$",
                    "catalog.json",
                    f"not valid JSON: {exc.msg}",
                    {"line": exc.lineno, "column": exc.colno},
                )
            ]
        ) from exc
    except ValueError as exc:
        raise CatalogError([Problem("$", "catalog.json", f"not valid JSON: {exc}")]) from exc
    if not isinstance(doc, dict):
        raise CatalogError(
            [Problem("$", "catalog.schema", "the catalog must be a JSON object", {})]
        )
    problems = [
        Problem("$", "catalog.json_duplicate_key", f"key {key!r} given twice", {"key": key})
        for key in hook.found
    ]
    schema_id = doc.get("schema")
    if schema_id is not None and schema_id != SCHEMA_ID:
        # A document of another format: its other "problems" would only be noise.
        problems.append(
            Problem(
                "schema",
                "catalog.schema_id",
                f"unsupported catalog format {schema_id!r}, expected {SCHEMA_ID!r}",
                {"found": str(schema_id), "expected": SCHEMA_ID},
            )
        )
        raise CatalogError(problems)
    if problems:
        raise CatalogError(problems)
    return doc


# --------------------------------------------------------------------------- schema


def format_path(parts: Iterable[str | int]) -> str:
    """``["matters", 3, "materials", 1, "ref"]`` → ``matters[3].materials[1].ref``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "$"


def _schema_problems(doc: Json) -> Iterator[Problem]:
    errors = sorted(
        _validator().iter_errors(doc),
        key=lambda e: (format_path(e.absolute_path), e.message),
    )
    for error in errors:
        yield from _describe(error)


def _describe(error: ValidationError) -> Iterator[Problem]:
    path = list(error.absolute_path)
    keyword = str(error.validator)
    instance = error.instance
    if keyword == "required" and isinstance(instance, dict):
        required = error.validator_value if isinstance(error.validator_value, list) else []
        for name in required:
            if name not in instance and error.message.startswith(repr(name)):
                yield Problem(
                    format_path([*path, name]),
                    "catalog.schema",
                    f"required property {name!r} is missing",
                    {"keyword": keyword},
                )
                return
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extras = [k for k in instance if k not in known]
        for name in extras:
            yield Problem(
                format_path([*path, name]),
                "catalog.schema",
                f"unknown property {name!r}",
                {"keyword": keyword},
            )
        if extras:
            return
    yield Problem(format_path(path), "catalog.schema", error.message, {"keyword": keyword})


# --------------------------------------------------------------------------- consistency


def _entries(doc: Json, key: str) -> list[tuple[int, Json]]:
    """The object entries of a top-level array, with their index (non-objects skipped:
    the schema already reported them)."""
    items = doc.get(key)
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _str(entry: Json, key: str) -> str | None:
    value = entry.get(key)
    return value if isinstance(value, str) else None


def _unique(
    doc: Json, section: str, key: str, problems: list[Problem], kind: str
) -> dict[str, int]:
    """Index a section by its identifying key, reporting duplicates; returns key → index."""
    seen: dict[str, int] = {}
    for i, entry in _entries(doc, section):
        value = _str(entry, key)
        if value is None:
            continue
        if value in seen:
            problems.append(
                Problem(
                    f"{section}[{i}].{key}",
                    "catalog.duplicate_code",
                    f"{kind} {value!r} is defined twice",
                    {"value": value, "first": f"{section}[{seen[value]}]"},
                )
            )
        else:
            seen[value] = i
    return seen


def _unknown(where: str, kind: str, value: str) -> Problem:
    return Problem(where, "catalog.unknown_ref", f"unknown {kind} {value!r}", {"value": value})


def _consistency_problems(doc: Json) -> list[Problem]:
    problems: list[Problem] = []
    published = _str(doc, "published_at")
    if published is not None:
        try:
            stamp = datetime.fromisoformat(published)
        except ValueError:
            stamp = None
        if stamp is None or stamp.tzinfo is None:
            problems.append(
                Problem(
                    "published_at",
                    "catalog.published_at",
                    "published_at is not a real date-time with an offset",
                )
            )
    departments = _unique(doc, "departments", "code", problems, "department")
    licences = _unique(doc, "licence_types", "code", problems, "licence type")
    materials = _unique(doc, "materials", "id", problems, "material")
    fields = _unique(doc, "fields", "key", problems, "field")
    matters = _unique(doc, "matters", "code", problems, "matter")
    _unique(doc, "bundles", "code", problems, "bundle")

    for i, material in _entries(doc, "materials"):
        licence = _str(material, "licence_type")
        if licence is not None and licence not in licences:
            problems.append(_unknown(f"materials[{i}].licence_type", "licence type", licence))
    for i, field_ in _entries(doc, "fields"):
        problems.extend(_field_problems(f"fields[{i}]", field_))

    matter_departments: dict[str, str] = {}
    for i, matter in _entries(doc, "matters"):
        problems.extend(_matter_problems(f"matters[{i}]", matter, departments, materials, fields))
        code, department = _str(matter, "code"), _str(matter, "department")
        if code is not None and department is not None:
            matter_departments.setdefault(code, department)

    matter_materials: dict[str, set[str]] = {}
    for _, matter in _entries(doc, "matters"):
        code = _str(matter, "code")
        entries = matter.get("materials")
        if code is not None and isinstance(entries, list):
            matter_materials.setdefault(code, set()).update(
                r["ref"] for r in entries if isinstance(r, dict) and isinstance(r.get("ref"), str)
            )
    for i, bundle in _entries(doc, "bundles"):
        problems.extend(
            _bundle_problems(f"bundles[{i}]", bundle, matters, departments, matter_departments)
        )
        problems.extend(_situation_problems(f"bundles[{i}]", bundle, matter_materials))
    return problems


def _situation_problems(
    where: str, bundle: Json, matter_materials: Mapping[str, set[str]]
) -> list[Problem]:
    """情形: unique keys and option values, yes/no for a bool question, and answers that leave
    out only the bundle's own matters and materials."""
    problems: list[Problem] = []
    situations = bundle.get("situations")
    members = [c for c in bundle.get("matters") or [] if isinstance(c, str)]
    materials = set().union(*(matter_materials.get(c, set()) for c in members))
    if not isinstance(situations, list):
        return problems
    keys: dict[str, int] = {}
    for i, situation in enumerate(situations):
        if not isinstance(situation, dict):
            continue
        at = f"{where}.situations[{i}]"
        key = _str(situation, "key")
        if key is not None:
            if key in keys:
                problems.append(
                    Problem(
                        f"{at}.key",
                        "catalog.duplicate_code",
                        f"situation {key!r} is defined twice",
                        {"value": key, "first": f"{where}.situations[{keys[key]}]"},
                    )
                )
            keys.setdefault(key, i)
        options = situation.get("options")
        if not isinstance(options, list):
            continue
        values = [o.get("value") for o in options if isinstance(o, dict)]
        if len(set(values)) != len(values):
            problems.append(
                Problem(f"{at}.options", "catalog.situation_options", "an option is listed twice")
            )
        if situation.get("type") == "bool" and sorted(map(str, values)) != ["no", "yes"]:
            problems.append(
                Problem(
                    f"{at}.options",
                    "catalog.situation_options",
                    "a yes/no question has exactly the options 'yes' and 'no'",
                )
            )
        for j, option in enumerate(options):
            if not isinstance(option, dict):
                continue
            for k, code in enumerate(option.get("drop_matters") or []):
                if isinstance(code, str) and code not in members:
                    problems.append(
                        _unknown(f"{at}.options[{j}].drop_matters[{k}]", "bundle matter", code)
                    )
            for k, mid in enumerate(option.get("skip_materials") or []):
                if isinstance(mid, str) and mid not in materials:
                    problems.append(
                        _unknown(f"{at}.options[{j}].skip_materials[{k}]", "bundle material", mid)
                    )
    return problems


def _field_problems(where: str, field_: Json) -> list[Problem]:
    problems: list[Problem] = []
    try:
        ftype = FieldType(str(field_.get("type")))
    except ValueError:
        return problems  # the schema reported it

    def misplaced(name: str, allowed: str) -> None:
        problems.append(
            Problem(
                f"{where}.{name}",
                "catalog.field_constraint",
                f"{name!r} does not apply to a {ftype.value} field (only to {allowed})",
                {"type": ftype.value},
            )
        )

    options = field_.get("options")
    if ftype in CHOICE_TYPES:
        if not isinstance(options, list) or not options:
            problems.append(
                Problem(
                    f"{where}.options",
                    "catalog.field_options",
                    f"a {ftype.value} field needs a non-empty list of options",
                )
            )
        elif len(set(map(str, options))) != len(options):
            problems.append(
                Problem(f"{where}.options", "catalog.field_options", "an option is listed twice")
            )
    elif options is not None:
        misplaced("options", "select and multiselect")

    pattern = field_.get("pattern")
    if pattern is not None:
        if ftype not in TEXT_TYPES:
            misplaced("pattern", "text, textarea and address")
        elif isinstance(pattern, str):
            try:
                risk = pattern_risk(pattern)
            except re.error as exc:
                problems.append(
                    Problem(
                        f"{where}.pattern",
                        "catalog.field_pattern",
                        f"not a valid regular expression: {exc}",
                    )
                )
            else:
                if risk is not None:
                    problems.append(
                        Problem(
                            f"{where}.pattern",
                            "catalog.field_pattern_unsafe",
                            f"the pattern can take exponential time to match: it has {risk}",
                            {"reason": risk},
                        )
                    )
    if "max_length" in field_ and ftype not in TEXT_TYPES:
        misplaced("max_length", "text, textarea and address")

    bounds: dict[str, Decimal] = {}
    for name in ("min", "max"):
        if name not in field_:
            continue
        if ftype not in NUMERIC_TYPES:
            misplaced(name, "number and money")
            continue
        value = _decimal(field_[name])
        if value is not None:
            bounds[name] = value
        elif isinstance(field_[name], float):  # 1e400 parses as infinity
            problems.append(
                Problem(f"{where}.{name}", "catalog.field_range", f"{name} is not a finite number")
            )
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        problems.append(
            Problem(
                f"{where}.min",
                "catalog.field_range",
                "min is greater than max",
                {"min": str(bounds["min"]), "max": str(bounds["max"])},
            )
        )
    return problems


def _matter_problems(
    where: str,
    matter: Json,
    departments: Mapping[str, int],
    materials: Mapping[str, int],
    fields: Mapping[str, int],
) -> list[Problem]:
    problems: list[Problem] = []
    department = _str(matter, "department")
    if department is not None and department not in departments:
        problems.append(_unknown(f"{where}.department", "department", department))

    legal = _int_or_none(matter.get("legal_limit_days"))
    promised = _int_or_none(matter.get("promised_limit_days"))
    immediate = matter.get("immediate")
    if (
        legal is not None
        and promised is not None
        and _span(matter, "promised", promised) > _span(matter, "legal", legal)
    ):
        problems.append(
            Problem(
                f"{where}.promised_limit_days",
                "catalog.limit_order",
                "the promised limit is longer than the legal limit",
                {"legal": legal, "promised": promised},
            )
        )
    if promised is not None and isinstance(immediate, bool):
        if immediate and promised != 0:
            problems.append(
                Problem(
                    f"{where}.promised_limit_days",
                    "catalog.immediate_limit",
                    "an immediate matter (即办件) is decided on the spot: its promised limit is 0",
                    {"promised": promised},
                )
            )
        elif not immediate and promised == 0:
            problems.append(
                Problem(
                    f"{where}.promised_limit_days",
                    "catalog.immediate_limit",
                    "a commitment matter (承诺件) needs a promised limit of at least 1 day",
                    {"promised": promised},
                )
            )

    if matter.get("window_completes") is True and immediate is not True:
        problems.append(
            Problem(
                f"{where}.window_completes",
                "catalog.window_completes",
                "only an immediate matter (即办件) can be completed at the window",
            )
        )

    def material_checks(at: str, entry: Json) -> list[Problem]:
        return _defer_check(at, entry) + _commitment_check(at, entry)

    problems.extend(
        _refs(f"{where}.materials", matter.get("materials"), materials, "material", material_checks)
    )
    problems.extend(_refs(f"{where}.fields", matter.get("fields"), fields, "field", None))
    return problems


def _span(matter: Json, kind: str, days: int) -> float:
    """A limit in (approximate) calendar days, so limits of different units compare."""
    unit = matter.get(f"{kind}_limit_unit", LimitUnit.WORKING.value)
    return float(days) if unit == LimitUnit.CALENDAR.value else days * 7 / 5


def _commitment_check(where: str, entry: Json) -> list[Problem]:
    """An allowed 告知承诺 must say what the 告知承诺书 names: its 设定依据, how it is verified
    and within how many days."""
    commitment = entry.get("commitment")
    if not isinstance(commitment, dict) or commitment.get("allowed") is not True:
        return []
    missing = [
        key
        for key in ("basis", "verification", "verify_within_days")
        if not commitment.get(key)
        or (isinstance(commitment[key], str) and not commitment[key].strip())
    ]
    if not missing:
        return []
    return [
        Problem(
            f"{where}.commitment",
            "catalog.commitment",
            "an allowed 告知承诺 names its basis, its verification and its time limit",
            {"missing": missing},
        )
    ]


def _defer_check(where: str, entry: Json) -> list[Problem]:
    if entry.get("may_defer") is True and entry.get("required") is False:
        return [
            Problem(
                f"{where}.may_defer",
                "catalog.defer_optional",
                "only a required material can be 容缺 (promised for later)",
            )
        ]
    return []


def _refs(
    where: str,
    entries: Any,
    known: Mapping[str, int],
    kind: str,
    extra: Callable[[str, Json], list[Problem]] | None,
) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(entries, list):
        return problems
    seen: set[str] = set()
    for j, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        ref = _str(entry, "ref")
        if ref is not None:
            if ref not in known:
                problems.append(_unknown(f"{where}[{j}].ref", kind, ref))
            elif ref in seen:
                problems.append(
                    Problem(
                        f"{where}[{j}].ref",
                        "catalog.duplicate_ref",
                        f"{kind} {ref!r} is listed twice",
                        {"value": ref},
                    )
                )
            seen.add(ref)
        if extra is not None:
            problems.extend(extra(f"{where}[{j}]", entry))
    return problems


def _bundle_problems(
    where: str,
    bundle: Json,
    matters: Mapping[str, int],
    departments: Mapping[str, int],
    matter_departments: Mapping[str, str],
) -> list[Problem]:
    problems: list[Problem] = []
    members = bundle.get("matters")
    distinct: list[str] = []
    if isinstance(members, list):
        for j, code in enumerate(members):
            if not isinstance(code, str):
                continue
            if code not in matters:
                problems.append(_unknown(f"{where}.matters[{j}]", "matter", code))
            elif code in distinct:
                problems.append(
                    Problem(
                        f"{where}.matters[{j}]",
                        "catalog.duplicate_ref",
                        f"matter {code!r} is listed twice",
                        {"value": code},
                    )
                )
            else:
                distinct.append(code)
        codes = [c for c in members if isinstance(c, str)]
        if len(codes) == len(members) >= 2 and len(set(codes)) < 2:  # shorter: the schema says
            problems.append(
                Problem(
                    f"{where}.matters",
                    "catalog.bundle_too_small",
                    "a bundle joins at least two different matters",
                )
            )
    lead = _str(bundle, "lead_department")
    if lead is not None:
        if lead not in departments:
            problems.append(_unknown(f"{where}.lead_department", "department", lead))
        elif distinct and lead not in {matter_departments.get(c) for c in distinct}:
            problems.append(
                Problem(
                    f"{where}.lead_department",
                    "catalog.lead_department",
                    "the lead department handles none of the bundle's matters",
                    {"value": lead},
                )
            )
    return problems


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


# --------------------------------------------------------------------------- building


def _build(doc: Json, digest: str) -> Catalog:
    """Construct the objects; only called on a document that passed every check."""
    departments = {d["code"]: Department(d["code"], d["name"]) for d in doc["departments"]}
    licences = {t["code"]: LicenceType(t["code"], t["name"]) for t in doc["licence_types"]}
    materials = {
        m["id"]: MaterialDef(
            id=m["id"],
            name=m["name"],
            form=MaterialForm(m["form"]),
            copies=m["copies"],
            licence_type=m.get("licence_type"),
            note=m.get("note", ""),
        )
        for m in doc["materials"]
    }
    fields = {f["key"]: _build_field(f) for f in doc["fields"]}
    matters = {m["code"]: _build_matter(m, departments, materials, fields) for m in doc["matters"]}
    bundles = {
        b["code"]: Bundle(
            code=b["code"],
            name=b["name"],
            matters=tuple(b["matters"]),
            description=b["description"],
            lead_department=b["lead_department"],
            situations=tuple(_build_situation(s) for s in b.get("situations", ())),
            guide=_build_guide(b.get("guide")),
        )
        for b in doc["bundles"]
    }
    return Catalog(
        version=doc["version"],
        published_at=doc["published_at"],
        publisher=doc["publisher"],
        matters=MappingProxyType(matters),
        bundles=MappingProxyType(bundles),
        departments=MappingProxyType(departments),
        licence_types=MappingProxyType(licences),
        materials=MappingProxyType(materials),
        fields=MappingProxyType(fields),
        sha256=digest,
        guide=_build_guide(doc.get("guide")),
        remedies=Remedies(**doc.get("remedies", {})),
        supplement=_build_supplement(doc.get("supplement")) or SupplementTerms(),
    )


def _build_guide(g: Json | None) -> Guide:
    if not g:
        return Guide()
    return Guide(
        hours=g.get("hours", ""),
        place=g.get("place", ""),
        consult_phone=g.get("consult_phone", ""),
        supervise_phone=g.get("supervise_phone", ""),
        steps=tuple(g.get("steps", ())),
    )


def _build_field(f: Json) -> FieldDef:
    return FieldDef(
        key=f["key"],
        label=f["label"],
        type=FieldType(f["type"]),
        required=f.get("required", False),
        pattern=f.get("pattern"),
        options=tuple(f.get("options", ())),
        min_value=_decimal(f["min"]) if "min" in f else None,
        max_value=_decimal(f["max"]) if "max" in f else None,
        max_length=f.get("max_length"),
        help=f.get("help", ""),
    )


def _build_matter(
    m: Json,
    departments: Mapping[str, Department],
    materials: Mapping[str, MaterialDef],
    fields: Mapping[str, FieldDef],
) -> Matter:
    code = m["code"]
    needs = tuple(
        MaterialRequirement(
            material=materials[r["ref"]],
            required=r["required"],
            may_defer=r["may_defer"],
            form=MaterialForm(r["form"]) if "form" in r else materials[r["ref"]].form,
            copies=r.get("copies", materials[r["ref"]].copies),
            matters=(code,),
            commitment=_build_commitment(r.get("commitment")),
        )
        for r in m["materials"]
    )
    asks = tuple(
        FieldRequirement(
            field=fields[r["ref"]],
            required=r.get("required", fields[r["ref"]].required),
            matters=(code,),
        )
        for r in m["fields"]
    )
    return Matter(
        code=code,
        basic_code=m["basic_code"],
        version=m["version"],
        area_code=m["area_code"],
        name=m["name"],
        type=m["type"],
        department=departments[m["department"]],
        legal_limit_days=m["legal_limit_days"],
        promised_limit_days=m["promised_limit_days"],
        immediate=m["immediate"],
        scope=Scope(m["scope"]),
        fee=Fee(Decimal(m["fee"]["amount"]), m["fee"]["note"]),
        materials=needs,
        fields=asks,
        levels=tuple(m["levels"]),
        result=m["result"],
        delivery=tuple(m["delivery"]),
        legal_basis=m["legal_basis"],
        keywords=tuple(m["keywords"]),
        legal_limit_unit=LimitUnit(m.get("legal_limit_unit", LimitUnit.WORKING.value)),
        promised_limit_unit=LimitUnit(m.get("promised_limit_unit", LimitUnit.WORKING.value)),
        window_completes=m.get("window_completes", False),
        guide=_build_guide(m.get("guide")),
        referral=m.get("referral", ""),
        supplement=_build_supplement(m.get("supplement")),
    )


def _build_supplement(s: Json | None) -> SupplementTerms | None:
    if s is None:
        return None
    default = SupplementTerms()
    return SupplementTerms(
        days=s.get("days", default.days),
        unit=LimitUnit(s.get("unit", default.unit.value)),
        window_lapse=Lapse(s.get("window_lapse", default.window_lapse.value)),
        department_lapse=Lapse(s.get("department_lapse", default.department_lapse.value)),
        basis=s.get("basis", ""),
    )


def _build_situation(s: Json) -> Situation:
    return Situation(
        key=s["key"],
        question=s["question"],
        type=SituationType(s["type"]),
        options=tuple(
            SituationOption(
                value=o["value"],
                label=o["label"],
                drop_matters=tuple(o.get("drop_matters", ())),
                skip_materials=tuple(o.get("skip_materials", ())),
            )
            for o in s["options"]
        ),
        help=s.get("help", ""),
    )


def _build_commitment(c: Json | None) -> Commitment:
    if not c or not c["allowed"]:
        return NO_COMMITMENT
    return Commitment(
        allowed=True,
        basis=c["basis"],
        verification=c["verification"],
        verify_within_days=c["verify_within_days"],
    )
