"""Translated names of the core's 好差评 levels and reasons, and the clerk's skip reasons."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6 import QtCore

QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

CTX = "citizen"

#: intake.evaluation.LEVELS, best first (the order the buttons stand in)
LEVEL_TEXTS: Mapping[int, str] = {
    5: QT_TRANSLATE_NOOP("citizen", "Very satisfied"),
    4: QT_TRANSLATE_NOOP("citizen", "Satisfied"),
    3: QT_TRANSLATE_NOOP("citizen", "Fairly satisfied"),
    2: QT_TRANSLATE_NOOP("citizen", "Dissatisfied"),
    1: QT_TRANSLATE_NOOP("citizen", "Very dissatisfied"),
}

#: intake.evaluation.LOW_REASONS
REASON_TEXTS: Mapping[str, str] = {
    "attitude": QT_TRANSLATE_NOOP("citizen", "Unfriendly service"),
    "waiting": QT_TRANSLATE_NOOP("citizen", "Waited too long"),
    "slow": QT_TRANSLATE_NOOP("citizen", "Slow handling"),
    "not_told_once": QT_TRANSLATE_NOOP("citizen", "Not told everything at once"),
    "runs_again": QT_TRANSLATE_NOOP("citizen", "Had to come back again"),
    "too_many_materials": QT_TRANSLATE_NOOP("citizen", "Too many materials asked"),
    "unprofessional": QT_TRANSLATE_NOOP("citizen", "Clerk not familiar with the matter"),
    "unclear_guide": QT_TRANSLATE_NOOP("citizen", "Unclear service guide"),
    "facilities": QT_TRANSLATE_NOOP("citizen", "Inconvenient facilities"),
    "other": QT_TRANSLATE_NOOP("citizen", "Other problem"),
}

#: what a clerk picks when the citizen's step is skipped (editable: their own words too)
SKIP_REASONS = (
    QT_TRANSLATE_NOOP("citizen", "The applicant cannot use the screen"),
    QT_TRANSLATE_NOOP("citizen", "The applicant declined"),
    QT_TRANSLATE_NOOP("citizen", "The applicant has left"),
    QT_TRANSLATE_NOOP("citizen", "The citizen screen is out of order"),
)


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate(CTX, text)
