"""What the citizen-facing screen shows and which step it is at, without Qt.

``citizen_view(flow)`` is the masked picture of the intake the clerk is recording (the
citizen screen faces the hall: 张*三, 4301**********1234, 138****5678), rebuilt on each
change of the counter screen. ``CitizenSession`` is the steps of one citizen at a counter
with a citizen screen (Electrum's wizard: a state machine tested without widgets):

    welcome → live → confirming → (saving) → signing? → rating → thanks → welcome

A 有误 answer goes back to ``live`` (the clerk corrects, then asks again); the clerk may skip
the confirmation or the rating with a reason (recorded by the core), and a citizen who
walks away leaves the case 未评价: ``walked_away`` records nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from intake.flow import IntakeFlow
from intake.masking import mask_id_number, mask_name, mask_phone
from intake.views import MaterialState


@dataclass(frozen=True)
class CitizenMaterial:
    name: str
    state: MaterialState
    required: bool
    promised_date: str = ""


@dataclass(frozen=True)
class CitizenView:
    """The intake as the citizen sees it: personal data masked, codes for the screen to name."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    agent_name: str = ""
    title: str = ""
    departments: tuple[str, ...] = ()
    materials: tuple[CitizenMaterial, ...] = ()
    form: tuple[tuple[str, str], ...] = ()  # (label, value shown)

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.id_number or self.title)


def _shown(value: Any) -> str:
    """A form value for a public screen: long digit strings (bank accounts, other ID
    numbers) keep their ends only."""
    if isinstance(value, list | tuple):
        return "、".join(_shown(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    text = str(value).strip()
    if len(text) == 11 and text.isdigit() and text.startswith("1"):
        return mask_phone(text)  # a mobile number
    digits = sum(ch.isdigit() for ch in text)
    if digits >= 9 and digits >= len(text) - 2:
        return mask_id_number(text)
    return text


def citizen_view(flow: IntakeFlow) -> CitizenView:
    applicant = flow.applicant
    merged = flow.merged
    materials: tuple[CitizenMaterial, ...] = ()
    form: tuple[tuple[str, str], ...] = ()
    title = ""
    departments: tuple[str, ...] = ()
    if merged is not None:
        title = merged.bundle.name if merged.bundle else "、".join(m.name for m in merged.matters)
        departments = tuple(d.name for d in merged.departments)
        items = []
        for need in merged.materials:
            given = flow.materials.get(need.id)
            state = given.state if given is not None else MaterialState.MISSING
            promised = given.promised_date.isoformat() if given and given.promised_date else ""
            items.append(CitizenMaterial(need.material.name, state, need.required, promised))
        materials = tuple(items)
        form = tuple(
            (req.field.label, _shown(flow.form[req.key]))
            for req in merged.fields
            if flow.form.get(req.key) not in (None, "", [], False)
        )
    agent = flow.agent or {}
    return CitizenView(
        name=mask_name(str(applicant.get("name") or "")),
        id_number=mask_id_number(str(applicant.get("id_number") or "")),
        phone=mask_phone(str(applicant.get("phone") or "")),
        agent_name=mask_name(str(agent.get("name") or "")),
        title=title,
        departments=departments,
        materials=materials,
        form=form,
    )


class Step(StrEnum):
    WELCOME = "welcome"  # the clerk's name and number
    LIVE = "live"  # what the clerk records, as it is typed
    CONFIRMING = "confirming"  # 信息确认: 确认无误 / 有误
    SAVING = "saving"  # confirmed: the case is being saved
    SIGNING = "signing"  # a promise (or receipt) to sign before it prints
    RATING = "rating"  # 好差评, one department at a time
    THANKS = "thanks"


class StepError(RuntimeError):
    """An answer that does not fit the step the session is at (a bug, or a double tap)."""


@dataclass
class CitizenSession:
    step: Step = Step.WELCOME
    view: CitizenView = field(default_factory=CitizenView)
    case_number: str = ""
    to_sign: tuple[str, ...] = ()  # document kinds waiting for the signature
    to_rate: tuple[str, ...] = ()  # departments still 未评价
    disputed: int = 0  # how many times the citizen answered 有误

    def _expect(self, *steps: Step) -> None:
        if self.step not in steps:
            raise StepError(f"not at {', '.join(s.value for s in steps)}: at {self.step.value}")

    def show(self, view: CitizenView) -> None:
        """The counter's intake changed: live data, unless a later step is on screen."""
        self.view = view
        if self.step in (Step.WELCOME, Step.THANKS, Step.LIVE):
            self.step = Step.WELCOME if view.is_empty else Step.LIVE

    def ask_confirmation(self, view: CitizenView) -> None:
        self._expect(Step.WELCOME, Step.LIVE, Step.CONFIRMING, Step.THANKS)
        self.view = view
        self.step = Step.CONFIRMING

    def confirmed(self) -> None:
        self._expect(Step.CONFIRMING)
        self.step = Step.SAVING

    def disputed_answer(self) -> None:
        """有误: back to the live view; the clerk corrects and asks again."""
        self._expect(Step.CONFIRMING)
        self.disputed += 1
        self.step = Step.LIVE

    def cancel_confirmation(self) -> None:
        """The clerk skipped it (with a reason) or went back to editing."""
        if self.step is Step.CONFIRMING:
            self.step = Step.LIVE

    def save_failed(self) -> None:
        if self.step is Step.SAVING:
            self.step = Step.LIVE

    def saved(self, case_number: str, to_sign: Sequence[str], to_rate: Sequence[str]) -> None:
        """The case is recorded: signatures first (they go onto paper), then the rating."""
        self.case_number = case_number
        self.to_sign = tuple(to_sign)
        self.to_rate = tuple(to_rate)
        self.view = CitizenView()
        self._next()

    def signed(self) -> None:
        self._expect(Step.SIGNING)
        self.to_sign = ()
        self._next()

    def rated(self, department: str) -> None:
        self._expect(Step.RATING)
        self.to_rate = tuple(d for d in self.to_rate if d != department)
        self._next()

    def walked_away(self) -> None:
        """No answer: nothing is recorded (the case stays 未评价); the next citizen."""
        self.to_sign, self.to_rate = (), ()
        self.case_number = ""
        self.step = Step.WELCOME

    @property
    def department(self) -> str:
        """The department being rated now."""
        return self.to_rate[0] if self.to_rate else ""

    def _next(self) -> None:
        if self.to_sign:
            self.step = Step.SIGNING
        elif self.to_rate:
            self.step = Step.RATING
        else:
            self.step = Step.THANKS


__all__ = [
    "CitizenMaterial",
    "CitizenSession",
    "CitizenView",
    "Step",
    "StepError",
    "citizen_view",
]
