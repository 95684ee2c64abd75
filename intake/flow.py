"""The intake being entered: what the clerk's screen holds and what it allows, without Qt.

Electrum's wizard idea: the screen is a view of this state. The flow knows which matters
or bundle were chosen, the merged material list and form, what each material's state is,
what the card filled in, which decision the materials allow right now, and which required
form field is still empty. It turns itself into the JSON intake request
(docs/intake-request.md) and into a draft, and back. Checking calls the same
``CaseService.check`` the save runs, so the screen never disagrees with the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from intake.catalog.merge import MergedRequirements, merge_bundle, merge_requirements
from intake.catalog.model import Catalog, MaterialForm, Situation
from intake.errors import Problem, RequestError, WindowDeskError
from intake.identity import Identity
from intake.requests import IntakeRequest, MaterialInput, parse_request
from intake.rules import allowed_decision, missing_required
from intake.views import Channel, Decision, MaterialState, RejectionKind

#: Form fields the applicant's own data fills when they are empty (the card or a past case).
PREFILL: Mapping[str, str] = {"applicant_phone": "phone", "current_address": "address"}

#: Bumped when the draft's shape changes; an older draft is still read field by field.
DRAFT_VERSION = 1

Checker = Callable[[IntakeRequest], tuple[MergedRequirements, list[Problem]]]


#: A material the screen has said nothing about yet.
MISSING = MaterialInput(MaterialState.MISSING)


def material_json(m: MaterialInput) -> dict[str, Any]:
    """One material as the intake request (and the draft) carries it."""
    out: dict[str, Any] = {"state": m.state.value, "copies": m.copies}
    if m.promised_date is not None:
        out["promised_date"] = m.promised_date.isoformat()
    if m.licence_number:
        out["licence_number"] = m.licence_number
    if m.note:
        out["note"] = m.note
    return out


@dataclass(frozen=True)
class FlowCheck:
    """What the screen shows after each change."""

    allowed: Decision  # the decision the materials allow (受理 or 补正)
    missing: tuple[str, ...]  # names of required materials neither here nor covered
    problems: tuple[Problem, ...]  # everything that would stop a 受理 now
    by_place: Mapping[str, tuple[Problem, ...]]  # the same, keyed by field path

    @property
    def ready(self) -> bool:
        """Whether the allowed decision can be saved as it stands."""
        return not self.problems


@dataclass
class IntakeFlow:
    """One citizen's intake, from the card to the decision."""

    catalog: Catalog
    channel: Channel = Channel.COUNTER
    applicant: dict[str, Any] = field(default_factory=dict)
    agent: dict[str, Any] | None = None
    matters: tuple[str, ...] = ()
    bundle: str | None = None
    answers: dict[str, str] = field(default_factory=dict)  # 一件事 情形 (key → option value)
    materials: dict[str, MaterialInput] = field(default_factory=dict)
    form: dict[str, Any] = field(default_factory=dict)
    photo: bytes | None = None
    card_warnings: tuple[str, ...] = ()
    _merged: MergedRequirements | None = None

    # -- what is chosen -------------------------------------------------------------------

    @property
    def merged(self) -> MergedRequirements | None:
        return self._merged

    @property
    def is_empty(self) -> bool:
        """Nothing worth keeping is on the screen (no draft, no question before 'new')."""
        typed = any(str(v).strip() for v in self.applicant.values() if v is not None)
        return not (typed or self.agent or self.matters or self.bundle or self.form)

    def choose_matter(self, code: str) -> MergedRequirements:
        """Take one matter (replacing the choice so far); NotFound if not in the catalog."""
        merged = merge_requirements(self.catalog, [code])
        self.matters, self.bundle, self.answers = (code,), None, {}
        return self._take(merged)

    def choose_bundle(
        self, code: str, answers: Mapping[str, str] | None = None
    ) -> MergedRequirements:
        """Take a bundle; with its 情形 answered, only what this applicant's situation
        needs (RequestError listing unanswered or unknown answers)."""
        merged = merge_bundle(self.catalog, code, dict(answers) if answers else None)
        self.matters, self.bundle, self.answers = (), code, dict(answers or {})
        return self._take(merged)

    def situations(self, bundle_code: str) -> tuple[Situation, ...]:
        """The 情形 questions a bundle asks before its material list (一次告知)."""
        bundle = self.catalog.bundles.get(bundle_code)
        return bundle.situations if bundle is not None else ()

    def _take(self, merged: MergedRequirements) -> MergedRequirements:
        """Keep what was said about materials and fields the new choice still asks for."""
        self._merged = merged
        self.materials = {
            need.id: self.materials.get(need.id, MISSING) for need in merged.materials
        }
        keys = {f.key for f in merged.fields}
        self.form = {k: v for k, v in self.form.items() if k in keys}
        self.prefill_form()
        return merged

    # -- who applies ----------------------------------------------------------------------

    def fill_from_identity(self, identity: Identity, *, agent: bool = False) -> None:
        """The card's data, as read; a phone already typed is kept (cards carry none)."""
        person = {
            "name": identity.name,
            "doc_type": identity.doc_type.value,
            "id_number": identity.id_number,
            "sex": identity.sex or None,
            "birth_date": identity.birth_date.isoformat() if identity.birth_date else None,
            "address": identity.address or "",
        }
        if agent:
            self.agent = {**(self.agent or {}), **person}
            return
        self.applicant = {**self.applicant, **person}
        self.photo = identity.photo
        self.card_warnings = tuple(identity.warnings)
        self.prefill_form()

    def offer_phone(self, phone: str) -> bool:
        """A returning applicant's phone from a past case, if none was typed yet."""
        if not phone or str(self.applicant.get("phone") or "").strip():
            return False
        self.applicant["phone"] = phone
        self.prefill_form()
        return True

    def prefill_form(self) -> None:
        if self._merged is None:
            return
        for f in self._merged.fields:
            source = PREFILL.get(f.key)
            value = self.applicant.get(source) if source else None
            if value and not str(self.form.get(f.key) or "").strip():
                self.form[f.key] = value

    # -- materials ------------------------------------------------------------------------

    def set_material(self, material_id: str, entry: MaterialInput) -> None:
        if material_id not in self.materials:
            raise KeyError(material_id)
        self.materials[material_id] = entry

    def mark_required_received(self) -> list[str]:
        """F4: every required material still missing is received in the form the catalog
        asks for (an original where the original must be seen, else a copy); returns ids."""
        if self._merged is None:
            return []
        changed: list[str] = []
        for need in self._merged.required_materials:
            current = self.materials.get(need.id, MISSING)
            if current.state is not MaterialState.MISSING:
                continue
            state = MaterialState.COPY if need.form is MaterialForm.COPY else MaterialState.ORIGINAL
            copies = need.copies if need.form is not MaterialForm.ELECTRONIC else 0
            self.materials[need.id] = replace(current, state=state, copies=copies)
            changed.append(need.id)
        return changed

    # -- the request ----------------------------------------------------------------------

    def request_json(
        self,
        decision: Decision,
        *,
        operator: str,
        reason: str = "",
        legal_basis: str = "",
        reason_kind: str = "",
        refer_to: str = "",
        delivery: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        applicant = {k: v for k, v in self.applicant.items() if v not in (None, "")}
        agent = {k: v for k, v in (self.agent or {}).items() if v not in (None, "")}
        out: dict[str, Any] = {
            "matters": list(self.matters),
            "bundle": self.bundle,
            "channel": self.channel.value,
            "applicant": applicant,
            "agent": agent or None,
            "materials": {k: material_json(v) for k, v in self.materials.items()},
            "form": {k: v for k, v in self.form.items() if v not in (None, "", [])},
            "decision": decision.value,
            "reason": reason,
            "legal_basis": legal_basis,
            "operator": operator,
        }
        if self.bundle and self.answers:
            out["answers"] = dict(self.answers)
        if decision is Decision.REJECT and reason_kind:
            out["reason_kind"] = reason_kind
        if refer_to:
            out["refer_to"] = refer_to
        if delivery:
            out["delivery"] = {k: v for k, v in delivery.items() if v}
        return out

    def allowed_decision(self) -> tuple[Decision, tuple[str, ...]]:
        """受理 when every required material is here, covered or promised (容缺); 补正 and
        the names of what is missing otherwise (the rules of ``intake.rules``)."""
        if self._merged is None:
            return Decision.SUPPLEMENT, ()
        names = {need.id: need.material.name for need in self._merged.materials}
        missing = tuple(names[i] for i in missing_required(self._merged, self.materials))
        return allowed_decision(self._merged, self.materials), missing

    def check(
        self,
        checker: Checker,
        *,
        operator: str,
        today: date,
        decision: Decision | None = None,
        reason: str = "",
        legal_basis: str = "",
        reason_kind: str = "",
        refer_to: str = "",
        delivery: Mapping[str, str] | None = None,
    ) -> FlowCheck:
        """Every problem ``decision`` (default: the one the materials allow) would meet now,
        by the store's own rules. Cheap: no database, the catalog is in memory."""
        allowed, missing = self.allowed_decision()
        problems: list[Problem] = []
        if self._merged is None:
            problems.append(Problem("matters", "request.matters", "choose a matter"))
        raw = self.request_json(
            decision or allowed,
            operator=operator,
            reason=reason,
            legal_basis=legal_basis,
            reason_kind=reason_kind,
            refer_to=refer_to,
            delivery=delivery,
        )
        try:
            request = parse_request(raw, today=today)
        except RequestError as exc:
            problems.extend(exc.problems)
        else:
            try:
                _, found = checker(request)
            except RequestError as exc:
                found = list(exc.problems)
            hidden = "decision.materials_missing" if decision is None else ""
            problems.extend(p for p in found if p.code != hidden)
        by_place: dict[str, list[Problem]] = {}
        for p in problems:
            by_place.setdefault(p.where, []).append(p)
        return FlowCheck(
            allowed, missing, tuple(problems), {k: tuple(v) for k, v in by_place.items()}
        )

    def first_empty_required_field(self) -> str | None:
        """Where the cursor goes after a matter is chosen."""
        if self._merged is None:
            return None
        for f in self._merged.fields:
            if f.required and self.form.get(f.key) in (None, "", []):
                return f.key
        return None

    # -- drafts ---------------------------------------------------------------------------

    def to_draft(self) -> dict[str, Any]:
        return {
            "version": DRAFT_VERSION,
            "catalog_version": self.catalog.version,
            "channel": self.channel.value,
            "applicant": self.applicant,
            "agent": self.agent,
            "matters": list(self.matters),
            "bundle": self.bundle,
            "answers": self.answers,
            "materials": {k: material_json(v) for k, v in self.materials.items()},
            "form": self.form,
        }

    @classmethod
    def from_draft(cls, catalog: Catalog, content: Mapping[str, Any]) -> IntakeFlow:
        """Rebuild a flow from a draft; what the catalog no longer has is dropped."""
        flow = cls(catalog, channel=Channel(content.get("channel") or Channel.COUNTER.value))
        flow.applicant = dict(content.get("applicant") or {})
        agent = content.get("agent")
        flow.agent = dict(agent) if isinstance(agent, Mapping) else None
        saved_materials = content.get("materials") or {}
        flow.form = dict(content.get("form") or {})
        try:
            if content.get("bundle"):
                answers = content.get("answers")
                saved = (
                    {str(k): str(v) for k, v in answers.items()}
                    if isinstance(answers, Mapping)
                    else {}
                )
                flow.choose_bundle(str(content["bundle"]), saved or None)
            elif content.get("matters"):
                codes = [str(c) for c in content["matters"]]
                flow._take(merge_requirements(catalog, codes))
                flow.matters = tuple(codes)
        except (KeyError, ValueError, WindowDeskError):  # the catalog changed since
            flow.matters, flow.bundle = (), None
        for material_id, raw in saved_materials.items():
            if material_id in flow.materials and isinstance(raw, Mapping):
                flow.materials[material_id] = _entry_from_json(raw)
        return flow


def _entry_from_json(raw: Mapping[str, Any]) -> MaterialInput:
    """A material from a draft, whatever an older version wrote (bad values: missing)."""
    try:
        state = MaterialState(raw.get("state", MaterialState.MISSING.value))
    except ValueError:
        state = MaterialState.MISSING
    promised = raw.get("promised_date")
    try:
        promised_date = date.fromisoformat(promised) if promised else None
    except (TypeError, ValueError):
        promised_date = None
    copies = raw.get("copies", 0)
    return MaterialInput(
        state=state,
        copies=copies if isinstance(copies, int) and 0 <= copies <= 99 else 0,
        promised_date=promised_date,
        licence_number=str(raw.get("licence_number") or ""),
        note=str(raw.get("note") or ""),
    )


#: 不予受理: the kind of each usual reason (a refusal as not this authority's must say where
#: to apply: 行政许可法 §32 (二)); a reason the clerk writes is "other".
REASON_KINDS: Mapping[str, RejectionKind] = {
    "申请事项依法不需要取得行政许可": RejectionKind.NOT_REQUIRED,
    "申请事项依法不属于本行政机关职权范围": RejectionKind.NOT_COMPETENT,
    "申请人不具备申请资格": RejectionKind.NOT_ELIGIBLE,
    "申请人隐瞒有关情况或者提供虚假材料": RejectionKind.FALSE_MATERIALS,
}


def reason_kind(reason: str) -> RejectionKind:
    return REASON_KINDS.get(reason.strip(), RejectionKind.OTHER)


#: 不予受理: the usual reasons and, for a 行政许可, the clause of 行政许可法 §32 behind each.
REJECTION_REASONS: tuple[tuple[str, str], ...] = (
    ("申请事项依法不需要取得行政许可", "《中华人民共和国行政许可法》第三十二条第一款第（一）项"),
    (
        "申请事项依法不属于本行政机关职权范围",
        "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
    ),
    ("申请人不具备申请资格", ""),
    ("申请人隐瞒有关情况或者提供虚假材料", "《中华人民共和国行政许可法》第七十八条"),
)


def rejection_choices(merged: MergedRequirements | None) -> list[tuple[str, str]]:
    """(reason, legal basis) pairs the decision dialog offers: the 行政许可法 clauses only
    where every matter is a 行政许可, the catalog's own basis otherwise (the clerk may edit)."""
    if merged is None:
        return []
    licensing = all(m.type == "行政许可" for m in merged.matters)
    own = "；".join(dict.fromkeys(m.legal_basis for m in merged.matters if m.legal_basis))
    choices = []
    for reason, clause in REJECTION_REASONS:
        basis = clause if licensing and clause else own
        choices.append((reason, basis))
    return choices
