"""Pure checks of an intake request against the catalog: no database, no clock of its own.

The clerk's screen runs these on every keystroke (a few hundred microseconds for a bundle),
and ``CaseService.check``/``accept`` run the very same functions before writing, so what the
screen shows and what the store refuses can never drift apart. Everything here takes plain
values (the merged requirements, the request, today) and returns ``Problem`` lists or values;
``docs/intake-request.md`` lists the codes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from intake.catalog.forms import validate_form
from intake.catalog.merge import MergedRequirements
from intake.catalog.model import FieldType, MaterialForm, Scope
from intake.clock import local_date
from intake.deadlines import limit_due
from intake.errors import Problem
from intake.notice_rules import check_notice_terms
from intake.requests import IntakeRequest, MaterialInput
from intake.textcheck import DEFAULT_LIMITS, TextLimits, ascii_digits, text_problems
from intake.views import SATISFIED, Channel, Decision, MaterialState, Person
from intake.workdays import WorkCalendar

#: How far ahead of the station's clock a ``received_at`` may be (clocks drift a little).
MAX_CLOCK_SKEW = timedelta(minutes=5)
#: A case received more days ago than this is a late entry: it needs
#: ``extras["late_entry_reason"]`` (a paper case recorded after an outage).
MAX_LATE_DAYS = 3
#: Digits of an area code that must agree with the matter's for each 通办范围 (GB/T 2260:
#: 2 province, 4 city, 6 county); ``local`` keeps the matter's own significant digits.
SCOPE_PREFIX: Mapping[Scope, int] = {
    Scope.NATIONAL: 0,
    Scope.PROVINCE: 2,
    Scope.CITY: 4,
    Scope.COUNTY: 6,
}
AREA_CODE = re.compile(r"[0-9]{12}", re.ASCII)
#: What a station enrolled without an area holds (``sync`` enrolment's default): no real
#: GB/T 2260 code, so it says nothing about where the station is.
UNSET_AREA = "000000000000"
#: Form field types whose values are digits a Chinese IME may type full-width.
_DIGIT_FIELDS = frozenset(
    {FieldType.PHONE, FieldType.ID_NUMBER, FieldType.NUMBER, FieldType.MONEY, FieldType.DATE}
)

#: What an omitted material counts as.
_MISSING = MaterialInput(MaterialState.MISSING)


def material_input(materials: Mapping[str, MaterialInput], material_id: str) -> MaterialInput:
    """The state given for a material; one the request leaves out counts as missing."""
    return materials.get(material_id, _MISSING)


def missing_required(
    merged: MergedRequirements, materials: Mapping[str, MaterialInput]
) -> list[str]:
    """Ids of the required materials neither received, covered nor promised (容缺), in the
    merged order: exactly what a 补正 notice must list."""
    return [
        need.id
        for need in merged.materials
        if need.required
        and (state := material_input(materials, need.id).state) not in SATISFIED
        and state is not MaterialState.DEFERRED
    ]


def allowed_decision(
    merged: MergedRequirements, materials: Mapping[str, MaterialInput]
) -> Decision:
    """受理 when every required material is satisfied or 容缺, 补正 when one is missing.

    What the screen pre-selects; 不予受理 is always the clerk's own call.
    """
    return Decision.SUPPLEMENT if missing_required(merged, materials) else Decision.ACCEPT


def check_channel(
    merged: MergedRequirements, channel: Channel, decision: Decision
) -> list[Problem]:
    """Where the matters may be received (``request.level``) and the kiosk's limit."""
    problems: list[Problem] = []
    if channel is Channel.VILLAGE and "village" not in merged.levels:
        problems.append(
            Problem("channel", "request.level", "a matter here cannot be received in a village")
        )
    if channel is Channel.KIOSK and decision is not Decision.RECEIVE:
        problems.append(Problem("decision", "request.kiosk", "a kiosk only pre-accepts (接件)"))
    return problems


def latest_promise_date(
    merged: MergedRequirements,
    material_id: str,
    today: date,
    calendar: WorkCalendar | None = None,
) -> date:
    """The last day a 容缺 promise for this material may name: the end of the promised limit
    (in its unit, counted from ``today``) of the quickest matter that requires it. A promise
    kept later than that would leave the case due before its materials are complete.

    Equal to ``today`` (no promise possible) when such a matter is a 即办件.
    """
    calendar = calendar or WorkCalendar()
    by_code = {m.code: m for m in merged.matters}
    requiring = [by_code[code] for code in _needing(merged, material_id) if code in by_code]
    if not requiring:
        return today
    return min(
        limit_due(today, m.promised_limit_days, m.promised_limit_unit, calendar) for m in requiring
    )


def _needing(merged: MergedRequirements, material_id: str) -> list[str]:
    """Codes of the matters that require a material (all that list it, if none requires it)."""
    listing = [
        (m.code, need.required)
        for m in merged.matters
        for need in m.materials
        if need.id == material_id
    ]
    required = [code for code, req in listing if req]
    return required or [code for code, _ in listing]


def check_materials(
    merged: MergedRequirements,
    materials: Mapping[str, MaterialInput],
    today: date,
    *,
    decision: Decision,
    calendar: WorkCalendar | None = None,
) -> list[Problem]:
    """Each material's state against what the catalog allows for it."""
    problems: list[Problem] = []
    known = {need.id for need in merged.materials}
    for material_id in materials:
        if material_id not in known:
            problems.append(
                Problem(
                    f"materials.{material_id}",
                    "request.unknown_material",
                    "this material is not asked for by these matters",
                )
            )
    for need in merged.materials:
        given = material_input(materials, need.id)
        where = f"materials.{need.id}"
        state = given.state
        if state is MaterialState.DEFERRED:
            if not need.may_defer:
                problems.append(
                    Problem(
                        where,
                        "material.not_deferrable",
                        "this material cannot be promised for later (容缺)",
                    )
                )
            latest = latest_promise_date(merged, need.id, today, calendar)
            if given.promised_date is None or given.promised_date <= today:
                problems.append(
                    Problem(
                        where,
                        "material.promise_date",
                        "a 容缺 promise needs a date after today",
                        {"latest": latest.isoformat()},
                    )
                )
            elif given.promised_date > latest:
                problems.append(
                    Problem(
                        where,
                        "material.promise_date",
                        "a 容缺 promise must fall within the promised time limit",
                        {"latest": latest.isoformat()},
                    )
                )
        if state is MaterialState.COMMITMENT and not need.commitment.allowed:
            problems.append(
                Problem(
                    where,
                    "material.no_commitment",
                    "the catalog does not allow a 告知承诺 for this material",
                )
            )
        if state is MaterialState.LICENCE:
            if not need.material.licence_type:
                problems.append(
                    Problem(
                        where,
                        "material.no_licence",
                        "no electronic licence can replace this material",
                    )
                )
            if not given.licence_number:
                problems.append(
                    Problem(
                        where,
                        "material.licence_number",
                        "the electronic licence number is required",
                    )
                )
        if (
            state is MaterialState.COPY
            and need.form in (MaterialForm.ORIGINAL, MaterialForm.ORIGINAL_AND_COPY)
            and decision is Decision.ACCEPT
        ):
            problems.append(
                Problem(
                    where,
                    "material.original_required",
                    "the original must be seen for this material",
                )
            )
    return problems


def check_decision(merged: MergedRequirements, request: IntakeRequest) -> list[Problem]:
    """Whether the clerk's decision fits the materials (行政许可法第三十二条)."""
    problems: list[Problem] = []
    missing = missing_required(merged, request.materials)
    if request.decision is Decision.ACCEPT and missing:
        problems.append(
            Problem(
                "decision",
                "decision.materials_missing",
                "required materials are missing: issue a 补正 notice instead",
                {"materials": missing},
            )
        )
    if (
        request.decision is Decision.SUPPLEMENT
        and not missing
        and not any(m.note for m in request.materials.values())
    ):
        problems.append(
            Problem(
                "decision",
                "decision.nothing_to_supplement",
                "a 补正 notice must list a missing or non-conforming material",
            )
        )
    if request.decision is Decision.REJECT:
        if not request.reason:
            problems.append(
                Problem("reason", "decision.reason_required", "a rejection states its reason")
            )
        if not request.legal_basis:
            problems.append(
                Problem(
                    "legal_basis",
                    "decision.legal_basis_required",
                    "a rejection states its legal basis",
                )
            )
    return problems


def check_form(merged: MergedRequirements, request: IntakeRequest, today: date) -> list[Problem]:
    """The merged form; a case left pending (补正, 不予受理, 接件) may still have blanks."""
    problems = validate_form(merged.fields, request.form, today=today)
    if request.decision is not Decision.ACCEPT:
        problems = [p for p in problems if p.code != "form.required"]
    return problems


def _person_text(person: Person, where: str, limits: TextLimits) -> list[Problem]:
    problems = text_problems(f"{where}.name", person.name, limits.name)
    problems += text_problems(f"{where}.id_number", person.id_number, limits.id_number, number=True)
    problems += text_problems(f"{where}.phone", person.phone, limits.phone, number=True)
    problems += text_problems(f"{where}.address", person.address, limits.address)
    problems += text_problems(f"{where}.org_name", person.org_name, limits.org_name)
    problems += text_problems(f"{where}.org_code", person.org_code, 18, number=True)
    return problems


def check_text(request: IntakeRequest, limits: TextLimits = DEFAULT_LIMITS) -> list[Problem]:
    """Length, control characters and foreign digits of every free text of the request.

    ``parse_request`` already refuses these in JSON; this catches an ``IntakeRequest`` built
    directly (by the desktop), so nothing too long for a sync item or a notice is ever stored.
    """
    problems = _person_text(request.applicant, "applicant", limits)
    if request.agent is not None:
        problems += _person_text(request.agent, "agent", limits)
    for material_id, given in request.materials.items():
        where = f"materials.{material_id}"
        problems += text_problems(f"{where}.note", given.note, limits.note, multiline=True)
        problems += text_problems(
            f"{where}.licence_number", given.licence_number, limits.licence_number
        )
    problems += text_problems("reason", request.reason, limits.reason, multiline=True)
    problems += text_problems(
        "legal_basis", request.legal_basis, limits.legal_basis, multiline=True
    )
    late = request.extras.get("late_entry_reason", "")
    if isinstance(late, str):
        problems += text_problems(
            "extras.late_entry_reason", late, limits.late_entry_reason, multiline=True
        )
    return problems


def normalize_request(
    request: IntakeRequest, merged: MergedRequirements | None = None
) -> IntakeRequest:
    """The request with full-width digits (``１３８…``, from Chinese IMEs) in ID numbers,
    phones, the area code and the digit-like form fields turned into ASCII.

    Digits of other scripts are left as they are, for ``check_text``/``validate_form`` to
    refuse: guessing what an Arabic-Indic "ID number" meant is not the station's job.
    """

    def person(p: Person) -> Person:
        return replace(
            p,
            id_number=ascii_digits(p.id_number).upper(),
            phone=ascii_digits(p.phone),
            org_code=ascii_digits(p.org_code).upper(),
        )

    form: dict[str, Any] = dict(request.form)
    if merged is not None:
        for need in merged.fields:
            value = form.get(need.key)
            if isinstance(value, str) and need.field.type in _DIGIT_FIELDS:
                form[need.key] = ascii_digits(value)
    return replace(
        request,
        applicant=person(request.applicant),
        agent=person(request.agent) if request.agent else None,
        form=form,
        handled_area=ascii_digits(request.handled_area) if request.handled_area else None,
    )


def check_received_at(
    received_at: datetime | None,
    now: datetime,
    extras: Mapping[str, Any],
    *,
    max_late_days: int = MAX_LATE_DAYS,
) -> list[Problem]:
    """``request.received_at``: not ahead of the station's clock by more than a few minutes,
    and not older than ``max_late_days`` service-hall days unless a late-entry reason is
    given (the reason goes on the case's 接件 history entry)."""
    if received_at is None:
        return []
    if received_at - now > MAX_CLOCK_SKEW:
        return [
            Problem(
                "received_at",
                "request.received_at",
                "the receipt time is in the future",
                {"reason": "future"},
            )
        ]
    age = (local_date(now) - local_date(received_at)).days
    if age > max_late_days and not str(extras.get("late_entry_reason", "")).strip():
        return [
            Problem(
                "received_at",
                "request.received_at",
                f"a case received more than {max_late_days} days ago needs a late-entry reason",
                {"reason": "late", "max_days": max_late_days},
            )
        ]
    return []


def within_scope(area: str, matter_area: str, scope: Scope) -> bool:
    """Whether ``area`` lies within a matter's 通办范围 around its own ``matter_area``."""
    if scope is Scope.LOCAL:
        significant = len(matter_area.rstrip("0"))
        digits = next((n for n in (2, 4, 6, 9, 12) if n >= significant), 12)
    else:
        digits = SCOPE_PREFIX[scope]
    return area[:digits] == matter_area[:digits]


def check_area(
    merged: MergedRequirements, area: str | None, *, where: str = "handled_area"
) -> list[Problem]:
    """An area code (办理地, or the receiving station's 收件地) is 12 digits
    (``request.area_code``) and within every matter's 通办范围 (``request.area_scope``)."""
    if area is None or (where == "station.area_code" and area == UNSET_AREA):
        return []
    if not AREA_CODE.fullmatch(area):
        return [Problem(where, "request.area_code", "a 12-digit area code is expected")]
    outside = [m.code for m in merged.matters if not within_scope(area, m.area_code, m.scope)]
    if outside:
        return [
            Problem(
                where,
                "request.area_scope",
                "outside the area where these matters may be handled (通办范围)",
                {"matters": outside},
            )
        ]
    return []


def check_request(
    merged: MergedRequirements,
    request: IntakeRequest,
    today: date,
    *,
    now: datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Problem]:
    """Every problem the catalog rules find in a request (empty list = it may be saved).

    ``today`` is the service-hall date the request is judged on (its ``received_at`` date
    for a case recorded later); ``now`` (the station's clock) enables the ``received_at``
    bounds. Pass the request through ``normalize_request`` first. The operator's existence
    and the receiving station's area are the checks left to ``CaseService.accept``.
    """
    problems = check_text(request)
    if now is not None:
        problems.extend(check_received_at(request.received_at, now, request.extras))
    problems.extend(check_area(merged, request.handled_area))
    problems.extend(check_channel(merged, request.channel, request.decision))
    problems.extend(
        check_materials(
            merged, request.materials, today, decision=request.decision, calendar=calendar
        )
    )
    problems.extend(check_decision(merged, request))
    problems.extend(check_notice_terms(merged, request))
    problems.extend(check_form(merged, request, today))
    return problems


__all__ = [
    "MAX_CLOCK_SKEW",
    "MAX_LATE_DAYS",
    "allowed_decision",
    "check_area",
    "check_channel",
    "check_decision",
    "check_form",
    "check_materials",
    "check_received_at",
    "check_request",
    "check_text",
    "latest_promise_date",
    "material_input",
    "missing_required",
    "normalize_request",
    "within_scope",
]
