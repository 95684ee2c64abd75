"""The JSON intake request (what the UI, the CLI and the kiosk submit) and its checks.

Parsing collects every problem instead of stopping at the first, so a clerk (or a script)
sees the whole list at once; ``docs/intake-request.md`` documents the format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from intake.errors import InvalidIdNumber, Problem, RequestError
from intake.identity import DocType, normalize_document_number
from intake.textcheck import DEFAULT_LIMITS, ascii_digits, text_problems
from intake.views import (
    ApplicantKind,
    Channel,
    Decision,
    DeliveryChoice,
    DeliveryWay,
    MaterialState,
    Person,
    RejectionKind,
)

LIMITS = DEFAULT_LIMITS

# re.ASCII: without it ``\d`` also matches Arabic-Indic and other scripts' digits.
PHONE = re.compile(r"1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?", re.ASCII)
ORG_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}", re.ASCII)


@dataclass(frozen=True)
class MaterialInput:
    state: MaterialState
    copies: int = 0
    promised_date: date | None = None
    licence_number: str = ""
    note: str = ""


@dataclass(frozen=True)
class IntakeRequest:
    applicant: Person
    agent: Person | None
    matters: tuple[str, ...]
    bundle: str | None
    channel: Channel
    materials: Mapping[str, MaterialInput]
    form: Mapping[str, Any]
    decision: Decision
    reason: str = ""
    legal_basis: str = ""
    operator_id: str = ""
    handled_area: str | None = None
    received_at: datetime | None = None
    extras: Mapping[str, Any] = field(default_factory=dict)
    #: 一件事 情形 answers (question key → option value); empty = the whole bundle
    answers: Mapping[str, str] = field(default_factory=dict)
    #: how the applicant wants the result (送达方式确认); none: not asked (an older client)
    delivery: DeliveryChoice | None = None
    #: 不予受理: the kind of reason, and for "not this authority's" whom to apply to
    reason_kind: RejectionKind | None = None
    refer_to: str = ""


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: str, code: str, message: str, **params: Any) -> None:
        self.problems.append(Problem(where, code, message, params))

    def text(
        self,
        obj: Mapping[str, Any],
        key: str,
        where: str,
        *,
        required: bool,
        limit: int | None = None,
        multiline: bool = False,
        number: bool = False,
    ) -> str:
        """A stripped string; with ``limit`` also its length and characters are checked.

        ``number``: full-width digits become ASCII and other scripts' digits are refused.
        """
        path = f"{where}.{key}" if where else key
        value = obj.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(path, "request.type", "a string is expected")
            return ""
        if required and not value.strip():
            self.add(path, "request.required", "this value is required")
        value = ascii_digits(value) if number else value.strip()
        if limit is not None:
            self.problems.extend(
                text_problems(path, value, limit, multiline=multiline, number=number)
            )
        return value

    def enum(self, cls: Any, value: Any, where: str, default: Any = None) -> Any:
        if value is None and default is not None:
            return default
        try:
            return cls(value)
        except ValueError:
            allowed = [m.value for m in cls]
            self.add(where, "request.choice", f"one of {allowed} is expected", allowed=allowed)
            return default

    def day(self, value: Any, where: str) -> date | None:
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.add(where, "request.date", "a date YYYY-MM-DD is expected")
            return None


def _person(c: _Collector, obj: Any, where: str, *, applicant: bool, today: date) -> Person | None:
    if not isinstance(obj, Mapping):
        c.add(where, "request.type", "an object is expected")
        return None
    name = c.text(obj, "name", where, required=True, limit=LIMITS.name)
    doc_type = c.enum(DocType, obj.get("doc_type"), f"{where}.doc_type", DocType.RESIDENT)
    before = len(c.problems)
    raw_number = c.text(obj, "id_number", where, required=True, limit=LIMITS.id_number, number=True)
    number = raw_number
    if raw_number and doc_type is not None and len(c.problems) == before:
        try:
            number = normalize_document_number(doc_type, raw_number, today=today)
        except InvalidIdNumber as exc:
            c.add(f"{where}.id_number", exc.code, exc.message)
    before = len(c.problems)
    phone = c.text(obj, "phone", where, required=applicant, limit=LIMITS.phone, number=True)
    if phone and len(c.problems) == before and not PHONE.fullmatch(phone):
        c.add(f"{where}.phone", "request.phone", "a mobile or landline number is expected")
    kind = c.enum(ApplicantKind, obj.get("kind"), f"{where}.kind", ApplicantKind.PERSON)
    legal_person = kind is ApplicantKind.LEGAL_PERSON
    org_name = c.text(obj, "org_name", where, required=legal_person, limit=LIMITS.org_name)
    org_code = c.text(obj, "org_code", where, required=legal_person, limit=18, number=True)
    if org_code and not ORG_CODE.fullmatch(org_code.upper()):
        c.add(f"{where}.org_code", "request.org_code", "an 18-character credit code is expected")
    sex = obj.get("sex")
    if sex is not None and sex not in ("0", "1", "2", "9"):
        c.add(f"{where}.sex", "request.choice", "a GB/T 2261.1 sex code is expected")
        sex = None
    return Person(
        name=name,
        doc_type=doc_type or DocType.RESIDENT,
        id_number=number,
        phone=phone,
        kind=kind or ApplicantKind.PERSON,
        sex=sex,
        birth_date=c.day(obj.get("birth_date"), f"{where}.birth_date"),
        address=c.text(obj, "address", where, required=False, limit=LIMITS.address),
        org_name=org_name,
        org_code=org_code.upper(),
    )


def _materials(c: _Collector, obj: Any) -> dict[str, MaterialInput]:
    out: dict[str, MaterialInput] = {}
    if obj is None:
        return out
    if not isinstance(obj, Mapping):
        c.add("materials", "request.type", "an object keyed by material id is expected")
        return out
    for material_id, entry in obj.items():
        where = f"materials.{material_id}"
        if isinstance(entry, str):
            entry = {"state": entry}
        if not isinstance(entry, Mapping):
            c.add(where, "request.type", "an object or a state name is expected")
            continue
        state = c.enum(MaterialState, entry.get("state"), f"{where}.state")
        copies = entry.get("copies", 0)
        if not isinstance(copies, int) or isinstance(copies, bool) or not 0 <= copies <= 99:
            c.add(f"{where}.copies", "request.type", "a count 0-99 is expected")
            copies = 0
        if state is None:
            continue
        out[str(material_id)] = MaterialInput(
            state=state,
            copies=copies,
            promised_date=c.day(entry.get("promised_date"), f"{where}.promised_date"),
            licence_number=c.text(
                entry, "licence_number", where, required=False, limit=LIMITS.licence_number
            ),
            note=c.text(entry, "note", where, required=False, limit=LIMITS.note, multiline=True),
        )
    return out


#: The ``extras`` keys a request may carry, with their length limits.
EXTRAS = {"late_entry_reason": LIMITS.late_entry_reason}


def _extras(c: _Collector, obj: Any) -> dict[str, Any]:
    """Optional annotations; today only ``late_entry_reason`` (a paper case recorded after an
    outage, see ``intake.rules.check_received_at``). Unknown keys are refused, not kept."""
    if obj is None:
        return {}
    if not isinstance(obj, Mapping):
        c.add("extras", "request.type", "an object is expected")
        return {}
    out: dict[str, Any] = {}
    for key in obj:
        if key not in EXTRAS:
            c.add(f"extras.{key}", "request.unknown_key", "not a known extra")
            continue
        value = c.text(obj, key, "extras", required=False, limit=EXTRAS[key], multiline=True)
        if value:
            out[key] = value
    return out


def _answers(c: _Collector, obj: Any, bundle: str | None) -> dict[str, str]:
    """情形 answers: strings, or booleans for yes/no questions; only with a bundle. Whether
    they fit the bundle's questions is the catalog's to say (``merge_bundle``)."""
    if obj is None:
        return {}
    if not isinstance(obj, Mapping) or not all(isinstance(v, str | bool) for v in obj.values()):
        c.add("answers", "request.type", "an object of answers is expected")
        return {}
    if obj and not bundle:
        c.add("answers", "request.answers", "situation answers belong to a bundle")
    return {str(k): ("yes" if v else "no") if isinstance(v, bool) else v for k, v in obj.items()}


def _delivery(c: _Collector, obj: Any) -> DeliveryChoice | None:
    """``"window"`` or ``{"way": "post", "address": …, "recipient": …, "phone": …}``."""
    if obj is None:
        return None
    if isinstance(obj, str):
        obj = {"way": obj}
    if not isinstance(obj, Mapping):
        c.add("delivery", "request.type", "a delivery way or an object is expected")
        return None
    way = c.enum(DeliveryWay, obj.get("way"), "delivery.way")
    address = c.text(obj, "address", "delivery", required=False, limit=LIMITS.address)
    recipient = c.text(obj, "recipient", "delivery", required=False, limit=LIMITS.name)
    phone = c.text(obj, "phone", "delivery", required=False, limit=LIMITS.phone, number=True)
    if phone and not PHONE.fullmatch(phone):
        c.add("delivery.phone", "request.phone", "a mobile or landline number is expected")
    return DeliveryChoice(way, address, recipient, phone) if way is not None else None


def parse_request(obj: Any, *, today: date) -> IntakeRequest:
    """Turn submitted JSON into an IntakeRequest; raise RequestError listing every problem.

    These are the checks that need no catalog; ``intake.services.cases`` adds the rest.
    """
    c = _Collector()
    if not isinstance(obj, Mapping):
        raise RequestError([Problem("", "request.type", "a JSON object is expected")])
    applicant = _person(c, obj.get("applicant"), "applicant", applicant=True, today=today)
    agent = None
    if obj.get("agent") is not None:
        agent = _person(c, obj["agent"], "agent", applicant=False, today=today)
    matters_raw = obj.get("matters") or []
    bundle = obj.get("bundle")
    if not isinstance(matters_raw, list) or not all(isinstance(m, str) for m in matters_raw):
        c.add("matters", "request.type", "a list of matter codes is expected")
        matters_raw = []
    if bundle is not None and not isinstance(bundle, str):
        c.add("bundle", "request.type", "a bundle code is expected")
        bundle = None
    if bool(matters_raw) == bool(bundle):
        c.add("matters", "request.matters", "give either matters or a bundle")
    if len(set(matters_raw)) != len(matters_raw):
        c.add("matters", "request.duplicate", "a matter is listed twice")
    channel = c.enum(Channel, obj.get("channel"), "channel", Channel.COUNTER)
    decision = c.enum(Decision, obj.get("decision"), "decision")
    form = obj.get("form") or {}
    if not isinstance(form, Mapping):
        c.add("form", "request.type", "an object of field values is expected")
        form = {}
    received_at = None
    if obj.get("received_at"):
        try:
            received_at = datetime.fromisoformat(str(obj["received_at"]))
            if received_at.tzinfo is None:
                raise ValueError("naive")
        except ValueError:
            c.add("received_at", "request.datetime", "an ISO date-time with offset is expected")
            received_at = None
    request = IntakeRequest(
        applicant=applicant or Person("", DocType.OTHER, ""),
        agent=agent,
        matters=tuple(matters_raw),
        bundle=bundle,
        channel=channel or Channel.COUNTER,
        materials=_materials(c, obj.get("materials")),
        form=dict(form),
        decision=decision or Decision.ACCEPT,
        reason=c.text(obj, "reason", "", required=False, limit=LIMITS.reason, multiline=True),
        legal_basis=c.text(
            obj, "legal_basis", "", required=False, limit=LIMITS.legal_basis, multiline=True
        ),
        operator_id=c.text(obj, "operator", "", required=False, limit=40),
        handled_area=c.text(obj, "handled_area", "", required=False, limit=12, number=True) or None,
        received_at=received_at,
        extras=_extras(c, obj.get("extras")),
        answers=_answers(c, obj.get("answers"), bundle),
        delivery=_delivery(c, obj.get("delivery")),
        reason_kind=c.enum(RejectionKind, obj["reason_kind"], "reason_kind")
        if obj.get("reason_kind")
        else None,
        refer_to=c.text(obj, "refer_to", "", required=False, limit=LIMITS.org_name),
    )
    if c.problems:
        raise RequestError(c.problems)
    return request


def parse_materials(obj: Any) -> dict[str, MaterialInput]:
    """Material states as a request's ``materials`` gives them (``{id: state}`` or
    ``{id: {"state", "copies", "promised_date", "licence_number", "note"}}``), checked
    the same way; for the commands that update a recorded case (CLI, scripts)."""
    c = _Collector()
    out = _materials(c, obj)
    if c.problems:
        raise RequestError(c.problems)
    return out
