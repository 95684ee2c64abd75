"""The case state machine: which status may follow which, and who may decide it.

接件 → 受理 | 补正 | 不予受理 → 承办 → 审核 → 审批 → 办结 → 送达, plus 撤件 and the
特别程序 pause. The station decides up to 受理 and records 送达 (and 撤件 on the applicant's
request); department decisions arrive from the central platform through sync, which calls the
same service with ``actor=PLATFORM``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from intake.errors import IllegalTransition


class Status(StrEnum):
    RECEIVED = "received"  # 接件
    SUPPLEMENT = "supplement"  # 补正 (one-time notice issued, waiting for materials)
    ACCEPTED = "accepted"  # 受理
    REJECTED = "rejected"  # 不予受理
    UNDERTAKEN = "undertaken"  # 承办
    REVIEWED = "reviewed"  # 审核
    APPROVED = "approved"  # 审批
    COMPLETED = "completed"  # 办结
    DELIVERED = "delivered"  # 送达 / 出件
    WITHDRAWN = "withdrawn"  # 撤件


class Outcome(StrEnum):
    """What a 办结 decided (行政许可法第三十八条): the notice prints the real one, with the
    reasons and the remedies for a refusal."""

    GRANTED = "granted"  # 准予（许可 / 批准 / 办理）
    REFUSED = "refused"  # 不予（许可 / 批准 / 办理）
    TERMINATED = "terminated"  # 终止办理


OUTCOME_LABELS: Mapping[Outcome, str] = {
    Outcome.GRANTED: "准予",
    Outcome.REFUSED: "不予",
    Outcome.TERMINATED: "终止",
}


class Actor(StrEnum):
    STATION = "station"
    PLATFORM = "platform"


class Event(StrEnum):
    """Things that happen to a case without changing its status."""

    SPECIAL_START = "special_start"  # 特别程序开始 (clock paused)
    SPECIAL_END = "special_end"  # 特别程序结束
    MATERIALS_UPDATED = "materials_updated"  # 补正 materials handed in / 容缺 delivered
    EVALUATED = "evaluated"  # 好差评
    EXTENDED = "extended"  # 延期 (approved extension of the legal limit)
    #: 行政许可法第三十二条: a 接件 neither accepted nor told what to supplement within five
    #: working days counts as accepted from the day the materials were received. Recorded
    #: (at the receipt time) when the late decision is made, so the clock starts there.
    DEEMED_ACCEPTED = "deemed_accepted"
    CONFIRMED = "citizen_confirmed"  # 信息确认: the applicant confirmed the recorded data
    CONFIRMATION_SKIPPED = "confirmation_skipped"  # 信息确认 skipped (the clerk's reason)
    EVALUATION_SKIPPED = "evaluation_skipped"  # 好差评 skipped (the clerk's reason)
    SIGNED = "signed"  # the applicant signed a document on screen (note: kind:sha256)
    VISITED = "visited"  # the applicant came to the window (note: a VisitKind), for 跑动次数
    COMMITMENT_CHECKED = "commitment_checked"  # 告知承诺 核查 result recorded


#: The five (working) days of 行政许可法第三十二条 for 补正 / 受理 after receiving an application.
DECIDE_WITHIN_WORKING_DAYS = 5


class VisitKind(StrEnum):
    """Why the applicant came (the note of an ``Event.VISITED`` row; 跑动次数 counts them)."""

    INTAKE = "intake"  # 申请 / 受理
    SUPPLEMENT = "supplement"  # 补正 materials handed in (or a 容缺 material brought)
    COLLECTION = "collection"  # 领取结果
    OTHER = "other"  # 撤件 and anything else in person


class SpecialKind(StrEnum):
    """特别程序: what stops the clock (行政许可法第四十五条 names the first eight; another law
    may set others, hence ``other`` with its own legal basis)."""

    HEARING = "hearing"  # 听证
    TENDER = "tender"  # 招标
    AUCTION = "auction"  # 拍卖
    INSPECTION = "inspection"  # 检验
    TESTING = "testing"  # 检测
    QUARANTINE = "quarantine"  # 检疫
    APPRAISAL = "appraisal"  # 鉴定
    EXPERT_REVIEW = "expert_review"  # 专家评审
    OTHER = "other"  # 其他（法律、法规规定的）


SPECIAL_KIND_LABELS: Mapping[SpecialKind, str] = {
    SpecialKind.HEARING: "听证",
    SpecialKind.TENDER: "招标",
    SpecialKind.AUCTION: "拍卖",
    SpecialKind.INSPECTION: "检验",
    SpecialKind.TESTING: "检测",
    SpecialKind.QUARANTINE: "检疫",
    SpecialKind.APPRAISAL: "鉴定",
    SpecialKind.EXPERT_REVIEW: "专家评审",
    SpecialKind.OTHER: "其他",
}

STATUS_LABELS: Mapping[Status, str] = {
    Status.RECEIVED: "接件",
    Status.SUPPLEMENT: "补正",
    Status.ACCEPTED: "受理",
    Status.REJECTED: "不予受理",
    Status.UNDERTAKEN: "承办",
    Status.REVIEWED: "审核",
    Status.APPROVED: "审批",
    Status.COMPLETED: "办结",
    Status.DELIVERED: "送达",
    Status.WITHDRAWN: "撤件",
}

#: Status codes seen on provincial platforms (../shared/DOMAIN.md §2), for export adapters.
PLATFORM_CODES: Mapping[Status, str] = {
    Status.RECEIVED: "1",
    Status.ACCEPTED: "3",
    Status.REJECTED: "4",
    Status.SUPPLEMENT: "6",
    Status.UNDERTAKEN: "8",
    Status.COMPLETED: "11",
}

_S, _P = Actor.STATION, Actor.PLATFORM

#: (from, to) → the actors allowed to make that transition.
TRANSITIONS: Mapping[tuple[Status, Status], frozenset[Actor]] = {
    (Status.RECEIVED, Status.ACCEPTED): frozenset({_S}),
    (Status.RECEIVED, Status.SUPPLEMENT): frozenset({_S}),
    (Status.RECEIVED, Status.REJECTED): frozenset({_S}),
    (Status.SUPPLEMENT, Status.ACCEPTED): frozenset({_S}),
    (Status.SUPPLEMENT, Status.REJECTED): frozenset({_S}),
    (Status.ACCEPTED, Status.UNDERTAKEN): frozenset({_P}),
    (Status.ACCEPTED, Status.SUPPLEMENT): frozenset({_P}),  # a department asks for more
    # 即办件 done at the window: only one the catalog authorises (window_completes), see
    # check_transition; every other 办结 is the department's (受审分离).
    (Status.ACCEPTED, Status.COMPLETED): frozenset({_S, _P}),
    (Status.UNDERTAKEN, Status.REVIEWED): frozenset({_P}),
    (Status.UNDERTAKEN, Status.SUPPLEMENT): frozenset({_P}),
    (Status.REVIEWED, Status.APPROVED): frozenset({_P}),
    (Status.APPROVED, Status.COMPLETED): frozenset({_P}),
    (Status.UNDERTAKEN, Status.COMPLETED): frozenset({_P}),
    (Status.REVIEWED, Status.COMPLETED): frozenset({_P}),
    (Status.COMPLETED, Status.DELIVERED): frozenset({_S, _P}),
}

#: Statuses from which the applicant may withdraw (撤件) before a decision is made.
WITHDRAWABLE = frozenset(
    {Status.RECEIVED, Status.SUPPLEMENT, Status.ACCEPTED, Status.UNDERTAKEN, Status.REVIEWED}
)
FINAL = frozenset({Status.REJECTED, Status.DELIVERED, Status.WITHDRAWN})
#: Statuses during which the case's clock runs.
CLOCK_RUNS = frozenset({Status.ACCEPTED, Status.UNDERTAKEN, Status.REVIEWED, Status.APPROVED})


def check_transition(
    current: Status, target: Status, actor: Actor, *, window_completes: bool | None = None
) -> None:
    """Raise IllegalTransition unless ``actor`` may move a case from ``current`` to ``target``.

    ``window_completes``: whether every matter of the case is a 即办件 the catalog lets the
    window complete. The station passes it and is refused 办结 without it
    (``case.window_cannot_complete``, 受审分离); None (a caller that does not know the case's
    matters) keeps the table's answer alone.
    """
    if target is Status.WITHDRAWN and current in WITHDRAWABLE:
        return
    allowed = TRANSITIONS.get((current, target))
    details = {"from": current.value, "to": target.value, "actor": actor.value}
    if allowed is None:
        raise IllegalTransition(
            f"a case cannot go from {current.value} to {target.value}",
            code="case.illegal_transition",
            details=details,
        )
    if actor not in allowed:
        raise IllegalTransition(
            f"{actor.value} may not move a case from {current.value} to {target.value}",
            code="case.transition_not_allowed_here",
            details=details,
        )
    if target is Status.COMPLETED and actor is Actor.STATION and window_completes is False:
        raise IllegalTransition(
            "the window completes only the immediate matters it is authorised for (受审分离)",
            code="case.window_cannot_complete",
            details=details,
        )


def check_outcome(
    target: Status, outcome: Outcome | None, reason: str, legal_basis: str, actor: Actor
) -> None:
    """A 办结 carries its result; a refusal or a termination its reason and legal basis.

    The window completes only authorised 即办件, and only by granting them (a refusal at
    the window is 不予受理, before acceptance); the platform says which result a department
    reached. An outcome on any other step is refused: it would print on the wrong notice.
    """
    details = {"to": target.value, "outcome": outcome.value if outcome else None}
    if target is not Status.COMPLETED:
        if outcome is not None:
            raise IllegalTransition(
                "only a 办结 carries an outcome", code="case.outcome_not_here", details=details
            )
        return
    if outcome is None:
        raise IllegalTransition(
            "a 办结 names its result (准予 / 不予 / 终止)",
            code="case.outcome_required",
            details=details,
        )
    if actor is Actor.STATION and outcome is not Outcome.GRANTED:
        raise IllegalTransition(
            "the window refuses before acceptance (不予受理); 不予 and 终止 are the department's",
            code="case.window_outcome",
            details=details,
        )
    if outcome is not Outcome.GRANTED and not (reason.strip() and legal_basis.strip()):
        raise IllegalTransition(
            "a refusal or a termination states its reasons and legal basis",
            code="case.outcome_reason",
            details=details,
        )


def allowed_targets(
    current: Status, actor: Actor, *, window_completes: bool | None = None
) -> list[Status]:
    """The statuses ``actor`` may choose next (what the UI offers)."""
    targets = [
        to
        for (frm, to), who in TRANSITIONS.items()
        if frm is current
        and actor in who
        and not (to is Status.COMPLETED and actor is Actor.STATION and window_completes is False)
    ]
    if current in WITHDRAWABLE:
        targets.append(Status.WITHDRAWN)
    return targets
