"""信息确认: before a case is saved the applicant confirms what the clerk recorded.

The outcome travels with the accept (``CaseService.accept(..., confirmation=)``) and is
written in the same transaction as the case: a history event ``citizen_confirmed`` (where it
was confirmed) or ``confirmation_skipped`` (the clerk's reason), so the platform receives it
inside ``case.create``. A citizen who says 有误 does not end the step: the clerk corrects and
asks again, so only the final outcome is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from intake.errors import WindowDeskError
from intake.evaluation import skip_reason_problems
from intake.status import Event


class ConfirmedOn(StrEnum):
    CITIZEN_SCREEN = "citizen_screen"  # the second monitor facing the citizen
    CLERK_SCREEN = "clerk_screen"  # the clerk's monitor turned to the citizen


@dataclass(frozen=True)
class Confirmation:
    confirmed: bool  # False: skipped, with ``reason``
    on: ConfirmedOn = ConfirmedOn.CITIZEN_SCREEN
    reason: str = ""

    @classmethod
    def skipped(cls, reason: str, on: ConfirmedOn = ConfirmedOn.CLERK_SCREEN) -> Confirmation:
        return cls(False, on, reason.strip())

    def check(self) -> None:
        if not self.confirmed:
            problems = skip_reason_problems(self.reason)
            if problems:
                raise WindowDeskError("a skipped confirmation needs its reason", code=problems[0])

    @property
    def event(self) -> Event:
        return Event.CONFIRMED if self.confirmed else Event.CONFIRMATION_SKIPPED

    @property
    def note(self) -> str:
        return self.on.value if self.confirmed else self.reason


__all__ = ["Confirmation", "ConfirmedOn"]
