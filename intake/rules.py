"""Pure checks of an intake request against the catalog: no database, no clock of its own.

The clerk's screen runs these on every keystroke (a few hundred microseconds for a bundle),
and ``CaseService.check``/``accept`` run the very same functions before writing, so what the
screen shows and what the store refuses can never drift apart. Everything here takes plain
values (the merged requirements, the request, today) and returns ``Problem`` lists or values;
``docs/intake-request.md`` lists the codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from intake.cases import SATISFIED, Channel, Decision, MaterialState
from intake.catalog.forms import validate_form
from intake.catalog.merge import MergedRequirements
from intake.catalog.model import MaterialForm
from intake.errors import Problem
from intake.requests import IntakeRequest, MaterialInput

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


def check_materials(
    merged: MergedRequirements,
    materials: Mapping[str, MaterialInput],
    today: date,
    *,
    decision: Decision,
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
            if given.promised_date is None or given.promised_date <= today:
                problems.append(
                    Problem(
                        where, "material.promise_date", "a 容缺 promise needs a date after today"
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


def check_request(merged: MergedRequirements, request: IntakeRequest, today: date) -> list[Problem]:
    """Every problem the catalog rules find in a request (empty list = it may be saved).

    ``today`` is the service-hall date the request is judged on (its ``received_at`` date
    for a case recorded later). The operator's existence is the one check left to the store.
    """
    problems = check_channel(merged, request.channel, request.decision)
    problems.extend(check_materials(merged, request.materials, today, decision=request.decision))
    problems.extend(check_decision(merged, request))
    problems.extend(check_form(merged, request, today))
    return problems


__all__ = [
    "allowed_decision",
    "check_channel",
    "check_decision",
    "check_form",
    "check_materials",
    "check_request",
    "material_input",
    "missing_required",
]
