"""Merge the requirements of several matters into one material list and one form.

This is the core of 一件事: "一次告知、一表申请、一套材料". A material several matters need is
collected once, a field several matters ask is asked once, and the notice shows one set of
limits and one fee. The result does not depend on the order the matters were picked in: they
are taken in catalog order, so two clerks picking the same matters print the same notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType

from intake.catalog.model import (
    NO_COMMITMENT,
    Bundle,
    Catalog,
    Department,
    FieldRequirement,
    MaterialForm,
    MaterialRequirement,
    Matter,
    Scope,
    SituationOption,
)
from intake.errors import NotFound, Problem, RequestError, WindowDeskError
from intake.workdays import LimitUnit

# Stricter first: a form that asks for more paper wins.
FORM_STRICTNESS: dict[MaterialForm, int] = {
    MaterialForm.ORIGINAL_AND_COPY: 3,
    MaterialForm.ORIGINAL: 2,
    MaterialForm.COPY: 1,
    MaterialForm.ELECTRONIC: 0,
}

# Narrower first: a bundle may be received only where every one of its matters may be.
SCOPE_BREADTH: dict[Scope, int] = {
    Scope.LOCAL: 0,
    Scope.COUNTY: 1,
    Scope.CITY: 2,
    Scope.PROVINCE: 3,
    Scope.NATIONAL: 4,
}


@dataclass(frozen=True)
class MergedRequirements:
    """What one intake of several matters asks for, and the figures its notice prints."""

    matters: tuple[Matter, ...]  # in catalog order
    materials: tuple[MaterialRequirement, ...]
    fields: tuple[FieldRequirement, ...]
    legal_limit_days: int  # the longest of the matters', in legal_limit_unit
    promised_limit_days: int  # the longest of the matters', in promised_limit_unit
    immediate: bool  # only if every matter is 即办
    fee_total: Decimal
    scope: Scope  # the narrowest of the matters'
    levels: tuple[str, ...]  # where every matter may be received
    departments: tuple[Department, ...]  # distinct, in matter order
    bundle: Bundle | None = None
    legal_limit_unit: LimitUnit = LimitUnit.WORKING
    promised_limit_unit: LimitUnit = LimitUnit.WORKING
    #: 情形 answers the bundle was merged with (key → option value); empty = all of it
    answers: Mapping[str, str] = field(default_factory=dict)

    @property
    def matter_codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.matters)

    @property
    def required_materials(self) -> tuple[MaterialRequirement, ...]:
        return tuple(m for m in self.materials if m.required)


def stricter_form(a: MaterialForm, b: MaterialForm) -> MaterialForm:
    return a if FORM_STRICTNESS[a] >= FORM_STRICTNESS[b] else b


def merge_requirements(
    catalog: Catalog, matter_codes: Iterable[str], *, bundle: Bundle | None = None
) -> MergedRequirements:
    """Merge the given matters (duplicates count once).

    Raises ``NotFound`` (``catalog.unknown_matter``) for a code the catalog does not have and
    ``WindowDeskError`` (``catalog.empty_selection``) when no matter is given.
    """
    wanted: set[str] = set()
    for code in matter_codes:
        if code not in catalog.matters:
            raise NotFound(
                f"no matter {code!r} in catalog {catalog.version}",
                code="catalog.unknown_matter",
                details={"matter": code, "catalog_version": catalog.version},
            )
        wanted.add(code)
    if not wanted:
        raise WindowDeskError("no matter selected", code="catalog.empty_selection")
    matters = tuple(m for code, m in catalog.matters.items() if code in wanted)

    materials: dict[str, list[MaterialRequirement]] = {}
    fields: dict[str, list[FieldRequirement]] = {}
    for matter in matters:
        for need in matter.materials:
            materials.setdefault(need.id, []).append(_tag(need, matter.code))
        for ask in matter.fields:
            fields.setdefault(ask.key, []).append(
                FieldRequirement(ask.field, ask.required, (matter.code,))
            )

    legal = _longest((m.legal_limit_days, m.legal_limit_unit) for m in matters)
    promised = _longest((m.promised_limit_days, m.promised_limit_unit) for m in matters)
    levels = [lv for lv in matters[0].levels if all(lv in m.levels for m in matters[1:])]
    departments: dict[str, Department] = {}
    for matter in matters:
        departments.setdefault(matter.department.code, matter.department)
    return MergedRequirements(
        matters=matters,
        materials=tuple(_merge_material(needs) for needs in materials.values()),
        fields=tuple(_merge_field(asks) for asks in fields.values()),
        legal_limit_days=legal[0],
        promised_limit_days=promised[0],
        immediate=all(m.immediate for m in matters),
        fee_total=sum((m.fee.amount for m in matters), Decimal("0")),
        scope=min((m.scope for m in matters), key=SCOPE_BREADTH.__getitem__),
        levels=tuple(levels),
        departments=tuple(departments.values()),
        bundle=bundle,
        legal_limit_unit=legal[1],
        promised_limit_unit=promised[1],
    )


def approximate_span(days: int, unit: LimitUnit) -> float:
    """A limit in calendar days, roughly (5 working days a week), to compare limits of
    different units without a calendar; the case's real due dates use the calendar
    (``intake.deadlines.longest_limit``)."""
    return days * 7 / 5 if unit is LimitUnit.WORKING else float(days)


def _longest(limits: Iterable[tuple[int, LimitUnit]]) -> tuple[int, LimitUnit]:
    return max(limits, key=lambda limit: approximate_span(*limit))


def merge_bundle(
    catalog: Catalog, bundle_code: str, answers: Mapping[str, str | bool] | None = None
) -> MergedRequirements:
    """Merge the matters of one 一件事; ``NotFound`` (``catalog.unknown_bundle``) if absent.

    ``answers`` (情形 key → option value; ``True``/``False`` for a yes/no question) select the
    matters and materials this applicant's situation needs. None merges the whole bundle, as
    before its questions are answered; otherwise every question must be answered
    (``RequestError``: ``bundle.unanswered``, ``bundle.answer``, ``bundle.unknown_situation``).
    """
    bundle = catalog.bundles.get(bundle_code)
    if bundle is None:
        raise NotFound(
            f"no bundle {bundle_code!r} in catalog {catalog.version}",
            code="catalog.unknown_bundle",
            details={"bundle": bundle_code, "catalog_version": catalog.version},
        )
    if answers is None:
        return merge_requirements(catalog, bundle.matters, bundle=bundle)
    chosen = situation_options(bundle, answers)
    dropped = {code for option in chosen.values() for code in option.drop_matters}
    skipped = {mid for option in chosen.values() for mid in option.skip_materials}
    merged = merge_requirements(
        catalog, [code for code in bundle.matters if code not in dropped], bundle=bundle
    )
    return replace(
        merged,
        materials=tuple(m for m in merged.materials if m.id not in skipped),
        answers=MappingProxyType({key: option.value for key, option in chosen.items()}),
    )


def situation_options(
    bundle: Bundle, answers: Mapping[str, str | bool]
) -> dict[str, SituationOption]:
    """The option chosen for each of a bundle's 情形, or ``RequestError`` listing every
    question unanswered, every answer that is not an option and every unknown key."""
    problems: list[Problem] = []
    known = {s.key for s in bundle.situations}
    for key in answers:
        if key not in known:
            problems.append(
                Problem(
                    f"answers.{key}", "bundle.unknown_situation", "not a question of this bundle"
                )
            )
    chosen: dict[str, SituationOption] = {}
    for situation in bundle.situations:
        where = f"answers.{situation.key}"
        if situation.key not in answers:
            problems.append(Problem(where, "bundle.unanswered", "this question needs an answer"))
            continue
        value = answers[situation.key]
        if isinstance(value, bool):
            value = "yes" if value else "no"
        option = situation.option(value) if isinstance(value, str) else None
        if option is None:
            allowed = [o.value for o in situation.options]
            problems.append(
                Problem(
                    where, "bundle.answer", f"one of {allowed} is expected", {"allowed": allowed}
                )
            )
            continue
        chosen[situation.key] = option
    if problems:
        raise RequestError(problems)
    return chosen


def _tag(need: MaterialRequirement, matter_code: str) -> MaterialRequirement:
    return replace(need, matters=(matter_code,))


def _merge_material(needs: list[MaterialRequirement]) -> MaterialRequirement:
    """Required if any matter requires it; 容缺 only if every matter requiring it allows it;
    告知承诺 likewise only if every matter requiring it (or listing it, when none requires it)
    allows it: one department's list does not bind another's."""
    requiring = [n for n in needs if n.required]
    form = needs[0].form
    for need in needs[1:]:
        form = stricter_form(form, need.form)
    deciding = requiring or needs
    commitment = (
        deciding[0].commitment if all(n.commitment.allowed for n in deciding) else NO_COMMITMENT
    )
    return MaterialRequirement(
        material=needs[0].material,
        required=bool(requiring),
        may_defer=bool(requiring) and all(n.may_defer for n in requiring),
        form=form,
        copies=max(n.copies for n in needs),
        matters=tuple(code for n in needs for code in n.matters),
        commitment=commitment,
    )


def _merge_field(asks: list[FieldRequirement]) -> FieldRequirement:
    return FieldRequirement(
        field=asks[0].field,
        required=any(a.required for a in asks),
        matters=tuple(code for a in asks for code in a.matters),
    )
