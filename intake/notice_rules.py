"""What the intake must record for the notices to say the right thing (法制审核 items 10, 12):
the applicant's delivery choice, and for a 不予受理 as "not this authority's" the authority
to apply to (行政许可法第三十二条第一款第（二）项: 告知申请人向有关行政机关申请).

Pure functions over the merged requirements and the request; ``intake.rules.check_request``
calls ``check_notice_terms``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from intake.catalog.merge import MergedRequirements
from intake.errors import Problem
from intake.requests import IntakeRequest
from intake.textcheck import DEFAULT_LIMITS, text_problems
from intake.views import Decision, DeliveryChoice, DeliveryWay, RejectionKind

#: Longest a department's 补正期限 may be, in days from the request.
MAX_SUPPLEMENT_DAYS = 365


def offered_ways(merged: MergedRequirements) -> tuple[DeliveryWay, ...]:
    """The delivery ways every matter of the case offers (a bundle's result is delivered
    one way), in the catalog's order; the window always remains."""
    ways: list[DeliveryWay] | None = None
    for matter in merged.matters:
        mine = [DeliveryWay(d) for d in matter.delivery if d in DeliveryWay._value2member_map_]
        ways = mine if ways is None else [w for w in ways if w in mine]
    out = list(dict.fromkeys([DeliveryWay.WINDOW, *(ways or [])]))
    return tuple(out)


def referral_for(merged: MergedRequirements) -> str:
    """The authority the catalog names for an application outside this one's remit, when
    the case's matters agree on one (else the clerk must name it)."""
    named = {m.referral for m in merged.matters if m.referral}
    return named.pop() if len(named) == 1 else ""


def refer_to(merged: MergedRequirements, request: IntakeRequest) -> str:
    """What a 不予受理 as not competent records: the clerk's authority, else the catalog's."""
    if request.decision is not Decision.REJECT:
        return ""
    if request.reason_kind is not RejectionKind.NOT_COMPETENT:
        return ""
    return request.refer_to.strip() or referral_for(merged)


#: The catalog's own form fields for the choice (some matters ask it on the form).
FORM_WAYS = {
    "窗口领取": DeliveryWay.WINDOW,
    "邮寄送达": DeliveryWay.POST,
    "电子送达": DeliveryWay.ELECTRONIC,
}


def delivery_choice(request: IntakeRequest) -> tuple[DeliveryChoice | None, str]:
    """The applicant's delivery choice and where it was given: the request's own
    (``delivery``), else the matter's form fields ``delivery_choice`` / ``postal_address``
    (a matter whose form asks it), else none."""
    if request.delivery is not None:
        return request.delivery, "delivery"
    way = FORM_WAYS.get(str(request.form.get("delivery_choice") or "").strip())
    if way is None:
        return None, ""
    address = str(request.form.get("postal_address") or "").strip()
    return DeliveryChoice(way, address if way is DeliveryWay.POST else ""), "form"


def check_notice_terms(merged: MergedRequirements, request: IntakeRequest) -> list[Problem]:
    problems: list[Problem] = []
    rejecting = request.decision is Decision.REJECT
    not_competent = rejecting and request.reason_kind is RejectionKind.NOT_COMPETENT
    if not_competent and not refer_to(merged, request):
        problems.append(
            Problem(
                "refer_to",
                "decision.refer_to_required",
                "name the authority the applicant should apply to",
            )
        )
    if request.refer_to.strip() and not not_competent:
        problems.append(
            Problem(
                "refer_to",
                "decision.refer_to_unexpected",
                "an authority to apply to belongs to a refusal as not this authority's",
            )
        )
    if request.reason_kind is not None and not rejecting:
        problems.append(
            Problem("reason_kind", "decision.reason_kind_unexpected", "only a refusal has one")
        )
    problems += text_problems("refer_to", request.refer_to, DEFAULT_LIMITS.org_name)
    choice, source = delivery_choice(request)
    if choice is None:
        return problems
    if source == "form":  # the form's own fields: the address is the form's to check
        if choice.way is DeliveryWay.POST and not choice.address:
            problems.append(
                Problem("postal_address", "delivery.address_required", "a postal address is needed")
            )
        return problems
    ways = offered_ways(merged)
    if choice.way not in ways:
        problems.append(
            Problem(
                "delivery.way",
                "delivery.not_offered",
                "the matters do not deliver their result this way",
                {"ways": [w.value for w in ways]},
            )
        )
    if choice.way is DeliveryWay.POST and not choice.address.strip():
        problems.append(
            Problem("delivery.address", "delivery.address_required", "a postal address is needed")
        )
    if choice.way is not DeliveryWay.POST and choice.address.strip():
        problems.append(
            Problem(
                "delivery.address",
                "delivery.address_not_post",
                "an address belongs to delivery by post",
            )
        )
    problems += text_problems("delivery.address", choice.address, DEFAULT_LIMITS.address)
    problems += text_problems("delivery.recipient", choice.recipient, DEFAULT_LIMITS.name)
    problems += text_problems("delivery.phone", choice.phone, DEFAULT_LIMITS.phone, number=True)
    return problems


def supplement_request_problem(request: Any) -> str | None:
    """Why a pulled change's ``supplement_request`` cannot be stored, or None."""
    if not isinstance(request, Mapping):
        return "supplement_request must be an object"
    materials = request.get("materials")
    if not isinstance(materials, list) or not materials:
        return "supplement_request.materials must list what is asked for"
    for m in materials:
        if (
            not isinstance(m, Mapping)
            or not isinstance(m.get("name"), str)
            or not m["name"].strip()
        ):
            return "every requested material needs a name"
        assert isinstance(m, Mapping)
        if not isinstance(m.get("requirement", ""), str):
            return "a material's requirement must be a string"
        if len(m["name"]) > 200 or len(m.get("requirement", "")) > 500:
            return "a requested material is too long"
    if not isinstance(request.get("note", ""), str) or len(request.get("note", "")) > 1000:
        return "supplement_request.note must be a string of at most 1000 characters"
    due_date, days = request.get("due_date"), request.get("due_days")
    if due_date is not None and days is not None:
        return "give due_date or due_days, not both"
    if due_date is not None:
        try:
            date.fromisoformat(str(due_date))
        except ValueError:
            return "supplement_request.due_date must be YYYY-MM-DD"
    if days is not None and (
        not isinstance(days, int) or isinstance(days, bool) or not 0 < days <= MAX_SUPPLEMENT_DAYS
    ):
        return f"supplement_request.due_days must be 1-{MAX_SUPPLEMENT_DAYS}"
    if request.get("due_unit") not in (None, "working", "calendar"):
        return "supplement_request.due_unit must be working or calendar"
    return None
