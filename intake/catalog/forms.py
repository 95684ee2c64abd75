"""Check the data of a (merged) form against the catalog's field definitions.

The clerk, the kiosk and the ``accept`` CLI all submit a plain mapping ``key → value``; this
module says everything that is wrong with it at once, with stable codes the desktop app
translates. Values come from JSON or from widgets, so numbers may arrive as strings.

Codes: ``form.required``, ``form.type``, ``form.date``, ``form.phone``, ``form.id_number``
(``params.reason`` carries the ``id.*`` code), ``form.option``, ``form.pattern``,
``form.length``, ``form.range``, ``form.unknown_field``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from intake.catalog.model import FieldDef, FieldRequirement, FieldType
from intake.errors import InvalidIdNumber, Problem
from intake.identity import parse_id_number
from intake.textcheck import bad_character

# 1[3-9] mainland mobile numbers; landlines with a 3-4 digit area code, an optional dash and
# an optional extension; a 400/800 service number is not a person's phone and is refused.
# re.ASCII: without it ``\d`` also matches Arabic-Indic and other scripts' digits.
MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
LANDLINE = re.compile(r"0[1-9]\d{1,2}-?[2-9]\d{6,7}(-\d{1,6})?", re.ASCII)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
DECIMAL_TEXT = re.compile(r"-?\d+(\.\d+)?", re.ASCII)
TEXT_LIKE = frozenset({FieldType.TEXT, FieldType.TEXTAREA, FieldType.ADDRESS})
#: The limit of a text field whose catalog entry gives no ``max_length``: every accepted
#: case must fit one sync item and the printed form.
DEFAULT_MAX_LENGTH: dict[FieldType, int] = {
    FieldType.TEXT: 200,
    FieldType.ADDRESS: 200,
    FieldType.TEXTAREA: 1000,
}


def validate_form(
    fields: Sequence[FieldRequirement], data: Mapping[str, Any], *, today: date | None = None
) -> list[Problem]:
    """Every problem with ``data``; an empty list means the form may be submitted.

    A value of ``None``, ``""``, or an empty list counts as not given. ``today`` pins the
    clock for the ID number's birth-date check (tests, replays).
    """
    problems: list[Problem] = []
    known = {f.key for f in fields}
    for key in data:
        if key not in known:
            problems.append(
                Problem(str(key), "form.unknown_field", f"{key!r} is not a field of this form")
            )
    for requirement in fields:
        value = data.get(requirement.key)
        if _is_blank(value):
            if requirement.required:
                problems.append(
                    Problem(
                        requirement.key,
                        "form.required",
                        f"{requirement.field.label} is required",
                        {"label": requirement.field.label},
                    )
                )
            continue
        problems.extend(check_value(requirement.field, value, today=today))
    return problems


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple) and not value


def check_value(f: FieldDef, value: Any, *, today: date | None = None) -> list[Problem]:
    """Problems with one given (non-blank) value of field ``f``."""
    ftype = FieldType(f.type)
    if ftype in TEXT_LIKE:
        return _check_text(f, value)
    if ftype in (FieldType.NUMBER, FieldType.MONEY):
        return _check_number(f, value)
    if ftype is FieldType.DATE:
        return _check_date(f, value)
    if ftype is FieldType.PHONE:
        return _check_phone(f, value)
    if ftype is FieldType.ID_NUMBER:
        return _check_id_number(f, value, today)
    if ftype is FieldType.SELECT:
        return _check_select(f, value)
    if ftype is FieldType.MULTISELECT:
        return _check_multiselect(f, value)
    if not isinstance(value, bool):  # FieldType.BOOL
        return [_type(f, "true or false")]
    return []


def _type(f: FieldDef, expected: str) -> Problem:
    return Problem(f.key, "form.type", f"{f.label}: expected {expected}", {"expected": expected})


def _check_text(f: FieldDef, value: Any) -> list[Problem]:
    if not isinstance(value, str):
        return [_type(f, "text")]
    problems: list[Problem] = []
    limit = f.max_length if f.max_length is not None else DEFAULT_MAX_LENGTH[FieldType(f.type)]
    if len(value) > limit:
        problems.append(
            Problem(
                f.key,
                "form.length",
                f"{f.label}: at most {limit} characters",
                {"max_length": limit, "length": len(value)},
            )
        )
    bad = bad_character(value, multiline=FieldType(f.type) is FieldType.TEXTAREA)
    if bad is not None:
        problems.append(
            Problem(f.key, "form.control_char", f"{f.label}: a control character", {"char": bad})
        )
    if f.pattern is not None and re.fullmatch(f.pattern, value) is None:
        problems.append(Problem(f.key, "form.pattern", f"{f.label}: not in the expected format"))
    return problems


def _as_decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    # a number longer than any amount or count a form asks for is an attack, not a number
    if isinstance(value, str) and len(value) <= 40 and DECIMAL_TEXT.fullmatch(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the regex already rules this out
            return None
    return None


def _check_number(f: FieldDef, value: Any) -> list[Problem]:
    number = _as_decimal(value)
    if number is None or not number.is_finite():
        return [_type(f, "a number")]
    exponent = number.as_tuple().exponent
    if FieldType(f.type) is FieldType.MONEY and isinstance(exponent, int) and exponent < -2:
        return [_type(f, "an amount with at most 2 decimals")]
    low, high = f.min_value, f.max_value
    if (low is not None and number < low) or (high is not None and number > high):
        return [
            Problem(
                f.key,
                "form.range",
                f"{f.label}: outside the allowed range",
                {
                    "min": None if low is None else str(low),
                    "max": None if high is None else str(high),
                },
            )
        ]
    return []


def _check_date(f: FieldDef, value: Any) -> list[Problem]:
    if isinstance(value, date):
        return []
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return [_type(f, "a date YYYY-MM-DD")]
    try:
        date.fromisoformat(value)
    except ValueError:
        return [Problem(f.key, "form.date", f"{f.label}: not a real date")]
    return []


def _check_phone(f: FieldDef, value: Any) -> list[Problem]:
    if not isinstance(value, str):
        return [_type(f, "a phone number")]
    number = value.replace(" ", "")
    if MOBILE.fullmatch(number) or LANDLINE.fullmatch(number):
        return []
    return [Problem(f.key, "form.phone", f"{f.label}: not a mainland mobile or landline number")]


def _check_id_number(f: FieldDef, value: Any, today: date | None) -> list[Problem]:
    if not isinstance(value, str):
        return [_type(f, "an ID number")]
    try:
        parse_id_number(value, today=today)
    except InvalidIdNumber as exc:
        # The number itself is personal data: only the reason travels.
        return [
            Problem(f.key, "form.id_number", f"{f.label}: invalid ID number", {"reason": exc.code})
        ]
    return []


def _check_select(f: FieldDef, value: Any) -> list[Problem]:
    if not isinstance(value, str):
        return [_type(f, "one of the options")]
    if value not in f.options:
        return [Problem(f.key, "form.option", f"{f.label}: not one of the options")]
    return []


def _check_multiselect(f: FieldDef, value: Any) -> list[Problem]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return [_type(f, "a list of options")]
    problems: list[Problem] = []
    bad = [v for v in value if v not in f.options]
    if bad:
        problems.append(
            Problem(
                f.key,
                "form.option",
                f"{f.label}: not among the options",
                {"values": bad},
            )
        )
    if len(set(value)) != len(value):
        problems.append(Problem(f.key, "form.option", f"{f.label}: an option is chosen twice"))
    return problems
