"""Plain views of a case (办件) that services return and other packages consume.

No ORM object ever leaves ``intake.store``: printing, sync and the desktop see these frozen
dataclasses only, so they can cross threads and package boundaries safely.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from intake.identity import DocType
from intake.status import Outcome, Status
from intake.workdays import LimitUnit


class Channel(StrEnum):
    COUNTER = "counter"  # 窗口
    VILLAGE = "village"  # 村（社区）便民服务站 代办
    KIOSK = "kiosk"  # 自助终端 预受理


class ApplicantKind(StrEnum):
    PERSON = "person"  # 自然人
    LEGAL_PERSON = "legal_person"  # 法人


class MaterialState(StrEnum):
    ORIGINAL = "original"  # 已收原件
    COPY = "copy"  # 已收复印件
    MISSING = "missing"  # 缺
    DEFERRED = "deferred"  # 容缺, promised by a date
    LICENCE = "licence"  # 免提交: 电子证照
    COMMITMENT = "commitment"  # 告知承诺
    NOT_APPLICABLE = "not_applicable"  # 不适用 (optional material not needed here)


#: States that count as "the material is here or legally covered".
SATISFIED = frozenset(
    {
        MaterialState.ORIGINAL,
        MaterialState.COPY,
        MaterialState.LICENCE,
        MaterialState.COMMITMENT,
        MaterialState.NOT_APPLICABLE,
    }
)

MATERIAL_STATE_LABELS: Mapping[MaterialState, str] = {
    MaterialState.ORIGINAL: "原件",
    MaterialState.COPY: "复印件",
    MaterialState.MISSING: "缺",
    MaterialState.DEFERRED: "容缺",
    MaterialState.LICENCE: "电子证照",
    MaterialState.COMMITMENT: "告知承诺",
    MaterialState.NOT_APPLICABLE: "不适用",
}


class Decision(StrEnum):
    RECEIVE = "receive"  # 接件 only (kiosk 预受理: a clerk decides later)
    ACCEPT = "accept"  # 受理
    SUPPLEMENT = "supplement"  # 补正 (一次性告知)
    REJECT = "reject"  # 不予受理


@dataclass(frozen=True)
class Person:
    """An applicant or agent as recorded on the case."""

    name: str
    doc_type: DocType
    id_number: str
    phone: str = ""
    kind: ApplicantKind = ApplicantKind.PERSON
    sex: str | None = None
    birth_date: date | None = None
    address: str = ""
    org_name: str = ""  # for legal persons
    org_code: str = ""  # 统一社会信用代码


@dataclass(frozen=True)
class MatterRef:
    code: str  # 实施编码
    basic_code: str
    version: str
    name: str
    department: str
    immediate: bool
    legal_limit_days: int
    promised_limit_days: int
    legal_limit_unit: LimitUnit = LimitUnit.WORKING  # 工作日 / 自然日, as the catalog said
    promised_limit_unit: LimitUnit = LimitUnit.WORKING
    window_completes: bool = False  # 受审分离: the window may record 办结 (authorised 即办件)


@dataclass(frozen=True)
class MaterialRecord:
    material_id: str
    name: str
    state: MaterialState
    copies: int = 0
    required: bool = True
    promised_date: date | None = None  # 容缺 promise
    licence_number: str = ""  # 电子证照 number when exempt
    note: str = ""  # what is wrong / what is needed (for 补正)
    matters: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()  # SHA-256 of its scans/photos, sorted (blobs sync apart)


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    at: datetime
    status: Status
    event: str  # a Status value for transitions, an Event value otherwise
    actor: str  # station / platform
    operator: str  # operator id or platform department
    note: str = ""


@dataclass(frozen=True)
class Evaluation:
    """One 好差评 rating of a case for one of its departments (intake.evaluation: the rules)."""

    level: int  # 5 非常满意 .. 1 非常不满意
    reason: str = ""  # the citizen's comment (required for 不满意 / 非常不满意)
    channel: str = "window"  # intake.evaluation.EvaluationChannel
    at: datetime | None = None
    department: str = ""  # the rated department (one rating per case and department)
    reasons: tuple[str, ...] = ()  # 差评 reason codes (intake.evaluation.LOW_REASONS)


@dataclass(frozen=True)
class CaseOutcome:
    """The result a 办结 reached, as the deciding department (or the window, for an
    authorised 即办件) stated it; the completion notice prints it."""

    result: Outcome
    reason: str = ""  # why not granted (required for 不予 / 终止)
    legal_basis: str = ""
    decided_by: str = ""  # the department, or the operator for a window 即办件
    at: datetime | None = None


class DeliveryWay(StrEnum):
    """How the applicant chose to receive the result (送达方式确认), in the catalog's words."""

    WINDOW = "window"  # 窗口领取 (where the case was received)
    POST = "post"  # 邮寄送达, to the address given
    ELECTRONIC = "electronic"  # 电子送达


@dataclass(frozen=True)
class DeliveryChoice:
    """The applicant's delivery choice recorded at intake: the notices follow it (an
    applicant who chose 邮寄送达 is not told to collect at the window)."""

    way: DeliveryWay
    address: str = ""  # 邮寄地址 (required for post)
    recipient: str = ""  # 收件人, when not the applicant
    phone: str = ""  # 收件人电话


class RejectionKind(StrEnum):
    """Why a 不予受理: the kind decides what the notice must add (行政许可法第三十二条)."""

    NOT_REQUIRED = "not_required"  # 依法不需要取得行政许可 (§32 (一))
    NOT_COMPETENT = "not_competent"  # 不属于本行政机关职权范围 (§32 (二)): name who is
    NOT_ELIGIBLE = "not_eligible"  # 申请人不具备申请资格
    FALSE_MATERIALS = "false_materials"  # 隐瞒有关情况或者提供虚假材料
    OTHER = "other"


@dataclass(frozen=True)
class RequestedMaterial:
    """One material a 补正 request asks for, with what is needed of it."""

    name: str
    requirement: str = ""


@dataclass(frozen=True)
class SupplementRequest:
    """A department's 补正 after acceptance, as it arrived with the pulled change: what it
    asks for, its note and by when (补正期限); the 补正 notice prints it."""

    at: datetime
    department: str
    materials: tuple[RequestedMaterial, ...]
    note: str = ""
    due: date | None = None


@dataclass(frozen=True)
class DeadlineInfo:
    """The case's due dates and how much time is left (working days)."""

    legal_due: date | None
    promised_due: date | None
    provisional: bool  # computed with a calendar year not yet officially published
    paused_days: int  # working days the clock was stopped (补正, 特别程序)
    days_left: int | None  # promised: working days left, negative when overdue
    overdue: bool


@dataclass(frozen=True)
class CaseView:
    id: str  # UUIDv7
    case_number: str  # 办件编号
    station_code: str
    channel: Channel
    status: Status
    applicant: Person
    agent: Person | None
    matters: tuple[MatterRef, ...]
    bundle_code: str | None
    bundle_name: str | None
    materials: tuple[MaterialRecord, ...]
    form_data: Mapping[str, Any]
    catalog_version: str
    received_at: datetime
    accepted_at: datetime | None
    received_area: str  # 收件地 area code
    handled_area: str  # 办理地 area code
    operator_id: str
    operator_name: str
    decision_reason: str = ""  # 补正 / 不予受理 reason
    legal_basis: str = ""
    deadline: DeadlineInfo | None = None
    history: tuple[HistoryEntry, ...] = ()
    evaluation: Evaluation | None = None  # the first of ``evaluations`` (older readers)
    #: None before 办结, and for a 办结 the platform sent without its result (an older
    #: platform): the notice then refers to the department's decision document.
    outcome: CaseOutcome | None = None
    special_procedure: bool = False
    version: int = 1
    sync_state: str = "saved"  # saved / waiting / sent / acknowledged / rejected
    extras: Mapping[str, Any] = field(default_factory=dict)
    evaluations: tuple[Evaluation, ...] = ()  # one per rated department; none: 未评价
    delivery_choice: DeliveryChoice | None = None  # none: recorded before it was asked
    rejection_kind: RejectionKind | None = None  # of a 不予受理 (none: an older case)
    refer_to: str = ""  # 不予受理 as not this authority's: the authority to apply to
    supplement_requests: tuple[SupplementRequest, ...] = ()  # departments' 补正, oldest first

    @property
    def title(self) -> str:
        """What the case is about, for lists and printed headers."""
        if self.bundle_name:
            return self.bundle_name
        return "、".join(m.name for m in self.matters)

    @property
    def departments(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.department for m in self.matters))


@dataclass(frozen=True)
class CaseSummary:
    """One row of a case list."""

    id: str
    case_number: str
    applicant_name: str
    applicant_id_number: str
    title: str
    status: Status
    received_at: datetime
    promised_due: date | None
    sync_state: str


#: States in which the material is on the counter (a 补正 may find it non-conforming).
RECEIVED_STATES = frozenset({MaterialState.ORIGINAL, MaterialState.COPY})


def needs_supplement(m: MaterialRecord) -> bool:
    """Whether the 补正材料通知书 lists this material (一次性告知): a missing required one (or a
    missing one the clerk wrote a note on), or one received but non-conforming (a note)."""
    if m.state is MaterialState.MISSING:
        return m.required or bool(m.note)
    return bool(m.note) and m.state in RECEIVED_STATES
