"""好差评 (GB/T 39735-2020, 国办发〔2019〕51号): the rules of a rating, without storage.

Five levels, 非常满意 5 … 非常不满意 1, one rating per case and department (现场服务
"一次一评"). A 不满意 or 非常不满意 rating is a 差评: it must say why — at least one of the
fixed reasons below and a comment in the citizen's words — because it is followed up
(rectified within 15 working days, 100% call-back). There is never a default rating: a
citizen who walks away leaves the case 未评价 (nothing is recorded for that department).
A clerk may record that the rating was skipped, with a reason; that is an event, not a
rating.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from intake.errors import WindowDeskError
from intake.textcheck import text_problems
from intake.views import CaseView, Evaluation

LEVELS: Mapping[int, str] = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
#: The two lowest levels: a 差评, which needs reasons and a comment.
LOW_LEVELS = frozenset({1, 2})
COMMENT_MAX = 300
SKIP_REASON_MAX = 200
UNRATED_LABEL = "未评价"


class EvaluationChannel(StrEnum):
    """评价渠道 (evaluateChannel): where the rating was given."""

    WINDOW_DEVICE = "window_device"  # 窗口评价器 (the citizen screen, a pad, the turned screen)
    WINDOW = "window"  # recorded at the window before the 评价器 existed (older cases)


#: 差评 reasons (the 评价指标 of GB/T 39735: 服务效率, 服务水平, 服务态度, 一次告知 …), in the
#: order the citizen sees them. Codes are stable; the labels are what the platform shows.
LOW_REASONS: Mapping[str, str] = {
    "attitude": "服务态度不好",
    "waiting": "等候时间过长",
    "slow": "办理效率低",
    "not_told_once": "未一次性告知",
    "runs_again": "多次跑腿",
    "too_many_materials": "材料要求繁琐",
    "unprofessional": "业务不熟练",
    "unclear_guide": "办事指南不清楚",
    "facilities": "设施环境不便",
    "other": "其他问题",
}


def level_label(level: int) -> str:
    return LEVELS.get(level, "")


def is_low(level: int) -> bool:
    return level in LOW_LEVELS


def rating_problems(level: int | None, reasons: Sequence[str], comment: str) -> list[str]:
    """The codes of what stops this rating from being recorded (empty: it may be).

    ``level`` None is "not chosen yet": a rating screen never preselects one.
    """
    if level is None:
        return ["evaluation.level_missing"]
    if level not in LEVELS:
        return ["evaluation.level"]
    out: list[str] = []
    unknown = [r for r in reasons if r not in LOW_REASONS]
    if unknown:
        out.append("evaluation.reason_unknown")
    if len(set(reasons)) != len(reasons):
        out.append("evaluation.reason_repeated")
    if is_low(level):
        if not comment.strip():
            out.append("evaluation.reason_required")
        if not reasons:
            out.append("evaluation.reasons_required")
    elif reasons:
        out.append("evaluation.reasons_not_low")
    if len(comment.strip()) > COMMENT_MAX or text_problems(
        "comment", comment, COMMENT_MAX, multiline=True
    ):
        out.append("evaluation.comment_invalid")
    return out


def check_rating(level: int | None, reasons: Sequence[str], comment: str) -> None:
    """``rating_problems`` as an error (the first problem's code, all of them in details)."""
    problems = rating_problems(level, reasons, comment)
    if problems:
        raise WindowDeskError(
            f"this rating cannot be recorded: {', '.join(problems)}",
            code=problems[0],
            details={"problems": problems},
        )


def rated_departments(evaluations: Sequence[Evaluation]) -> set[str]:
    return {e.department for e in evaluations}


def unrated_departments(case: CaseView) -> tuple[str, ...]:
    """The case's departments still 未评价, in the case's order."""
    done = rated_departments(case.evaluations)
    return tuple(d for d in case.departments if d not in done)


def department_for(case: CaseView, department: str | None) -> str:
    """The department a rating is for: the one given (it must be the case's), or the case's
    only department."""
    departments = case.departments
    if department is None or department == "":
        if len(departments) != 1:
            raise WindowDeskError(
                "this case has several departments: say which one is rated",
                code="evaluation.department_required",
                details={"departments": list(departments)},
            )
        return departments[0]
    if department not in departments:
        raise WindowDeskError(
            "this department does not handle this case",
            code="evaluation.department_unknown",
            details={"department": department},
        )
    return department


def skip_reason_problems(reason: str) -> list[str]:
    """A skipped confirmation or rating is recorded with the clerk's reason."""
    text = reason.strip()
    if not text:
        return ["citizen.skip_reason_required"]
    if len(text) > SKIP_REASON_MAX or text_problems("reason", text, SKIP_REASON_MAX):
        return ["citizen.skip_reason_invalid"]
    return []


__all__ = [
    "COMMENT_MAX",
    "LEVELS",
    "LOW_LEVELS",
    "LOW_REASONS",
    "UNRATED_LABEL",
    "EvaluationChannel",
    "check_rating",
    "department_for",
    "is_low",
    "level_label",
    "rating_problems",
    "skip_reason_problems",
    "unrated_departments",
]
