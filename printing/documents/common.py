"""Pieces every document shares: the header data, applicant rows, matter and material tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from intake.catalog.model import Matter
from intake.identity import DocType
from intake.status import Status
from intake.views import (
    MATERIAL_STATE_LABELS,
    ApplicantKind,
    CaseView,
    Channel,
    DeliveryWay,
    MaterialRecord,
    MaterialState,
    Person,
)
from intake.workdays import LimitUnit, WorkCalendar
from printing.context import DocContext, cn_date, local, tracking_url, verify_code
from printing.model import Document, Fields, Para, Seal, Section, Signatures, Table

#: Short prefix of each kind's document number (长政务受字〔2026〕第123号).
NUMBER_PREFIX = {
    "acceptance": "受",
    "supplement": "补",
    "rejection": "不受",
    "promise": "容",
    "commitment": "诺",
    "materials": "收",
    "completion": "结",
    "ticket": "凭",  # not 号: the number already ends in 号
}
KINDS_WITH_NUMBERS = tuple(NUMBER_PREFIX)
#: What a render without a real document number (a preview) shows instead of one.
SAMPLE_NUMBER = "样张（未编号）"

DOC_TYPE_LABELS = {
    DocType.RESIDENT: "居民身份证",
    DocType.HKMOTW: "港澳台居民居住证",
    DocType.FOREIGN2017: "外国人永久居留身份证",
    DocType.FOREIGN2023: "外国人永久居留身份证",
    DocType.SOCIAL_SECURITY: "社会保障卡",
    DocType.PASSPORT: "护照",
    DocType.OTHER: "其他证件",
}

DELIVERY_LABELS = {"window": "窗口领取", "post": "邮寄送达", "electronic": "电子送达"}

RECEIVED = (MaterialState.ORIGINAL, MaterialState.COPY)


def doc_number_text(ctx: DocContext) -> str:
    """文号: 机关代字 + kind + 字〔year〕第N号 (GB/T 9704 style) when the station has an 机关代字,
    else the station code; a render without a real number (a preview) is a 样张."""
    if ctx.doc_number <= 0:
        return SAMPLE_NUMBER
    prefix = NUMBER_PREFIX.get(ctx.kind, "文")
    abbr = ctx.office.agency_abbr.strip()
    if abbr:
        return f"{abbr}{prefix}字〔{ctx.year}〕第{ctx.doc_number}号"
    return f"{ctx.office.station_code}{prefix}〔{ctx.year}〕{ctx.doc_number:06d}号"


def applicant_label(p: Person, ctx: DocContext) -> str:
    """How the applicant is addressed: the organisation for legal persons, else the full name
    (a notice is the applicant's own document; only public tickets and lists mask it)."""
    if p.kind is ApplicantKind.LEGAL_PERSON and p.org_name:
        return p.org_name
    return p.name if ctx.kind in OWN_DOCUMENTS else ctx.name(p.name)


#: Documents handed to the applicant: they address them by full name (ID numbers stay masked).
OWN_DOCUMENTS = frozenset(
    {
        "acceptance",
        "supplement",
        "rejection",
        "promise",
        "commitment",
        "materials",
        "completion",
        "delivery",
        "withdrawal",
    }
)

#: 监督投诉: every notice names where to complain (12345 便民热线, 国办发〔2020〕53号).
COMPLAINT_HOTLINE = "12345"


def complaint_line(ctx: DocContext) -> str:
    own = f"；本中心监督电话：{ctx.office.phone}" if ctx.office.phone else ""
    return f"监督投诉电话：{COMPLAINT_HOTLINE}（政务服务便民热线）{own}。"


def person_rows(case: CaseView, ctx: DocContext) -> list[tuple[str, str]]:
    a = case.applicant
    rows: list[tuple[str, str]] = []
    if a.kind is ApplicantKind.LEGAL_PERSON and a.org_name:
        rows.append(("申请单位", a.org_name))
        if a.org_code:
            rows.append(("统一社会信用代码", a.org_code))
        rows.append(("经办人", ctx.name(a.name)))
    else:
        rows.append(("申请人", applicant_label(a, ctx)))
    rows.append((DOC_TYPE_LABELS.get(a.doc_type, "证件号码"), ctx.id_number(a.id_number)))
    if a.phone:
        rows.append(("联系电话", ctx.phone(a.phone)))
    if case.agent is not None:
        g = case.agent
        rows.append(("代办人", ctx.name(g.name)))
        rows.append(("代办人证件", ctx.id_number(g.id_number)))
    if case.channel is Channel.VILLAGE:
        # 帮办代办: the village station receives (代收) for the authority that decides
        rows.append(("收件方式", f"{ctx.office.name}帮办代办（代收）"))
        if case.matters:  # the station only receives: who decides is the 实施机关
            rows.append(("实施机关", deciding_authority(ctx)))
    return rows


def deciding_authority(ctx: DocContext) -> str:
    """The implementing authorities (实施机关) of the case's matters: they decide, whoever
    received the application (受审分离; a 便民服务站 only receives, 代收)."""
    return "、".join(ctx.case.departments)


def received_by_station(ctx: DocContext) -> bool:
    """A case received at a village station for the deciding authority (代收): the notice
    names the station as receiver and the 实施机关 as decision maker."""
    return ctx.case.channel is Channel.VILLAGE


def decider(ctx: DocContext) -> str:
    """Who the notice's body names as deciding: 本机关 where the window decides itself, the
    实施机关 when a 便民服务站 received the case for it."""
    if received_by_station(ctx):
        return deciding_authority(ctx) or "本机关"
    return "本机关"


def received_through(ctx: DocContext) -> str:
    """ "通过…（代收）" for a case a 便民服务站 received, else nothing."""
    return f"通过{ctx.office.name}（代收）" if received_by_station(ctx) else ""


def collects_at_window(ctx: DocContext) -> bool:
    choice = ctx.case.delivery_choice
    return choice is None or choice.way is DeliveryWay.WINDOW


def collection_text(ctx: DocContext, *, what: str = "办理结果") -> str:
    """How the result reaches the applicant, as they chose at intake (送达方式确认): posted
    to their address, sent electronically, or collected where the case was received."""
    choice = ctx.case.delivery_choice
    if choice is not None and choice.way is DeliveryWay.POST:
        to = choice.recipient or applicant_label(ctx.case.applicant, ctx)
        return f"{what}将按你选择的邮寄送达方式寄至{choice.address}（收件人：{to}），请注意查收。"
    if choice is not None and choice.way is DeliveryWay.ELECTRONIC:
        return f"{what}将按你选择的电子送达方式发送，请注意查收。"
    where = ctx.office.address or ctx.office.name
    return f"请携带本通知书及有效身份证件到{where}领取{what}。"


def quoted(title: str) -> str:
    """A matter or bundle name in Chinese quotes, unless it already carries its own."""
    return title if "“" in title else f"“{title}”"


def salutation(case: CaseView, ctx: DocContext) -> str:
    return f"{applicant_label(case.applicant, ctx)}："


def catalog_matter(ctx: DocContext, code: str) -> Matter | None:
    if ctx.catalog is None:
        return None
    return ctx.catalog.matters.get(code)


def limit_text(days: int, unit: LimitUnit) -> str:
    """ "20个工作日" or, for a limit the catalog counts in calendar days, "60日"."""
    return f"{days}个工作日" if unit is LimitUnit.WORKING else f"{days}日"


def matters_table(ctx: DocContext, *, limits: bool = True) -> Table:
    rows = []
    for i, m in enumerate(ctx.case.matters, 1):
        limit = (
            "即办"
            if m.immediate or m.promised_limit_days == 0
            else limit_text(m.promised_limit_days, m.promised_limit_unit)
        )
        rows.append(
            (str(i), m.name, m.department, limit) if limits else (str(i), m.name, m.department)
        )
    if limits:
        return Table(
            "申请事项", ("序号", "事项名称", "实施部门", "承诺时限"), tuple(rows), (1, 7, 4, 2.6)
        )
    return Table("申请事项", ("序号", "事项名称", "实施部门"), tuple(rows), (1, 8, 5))


def form_of(m: MaterialRecord) -> str:
    return MATERIAL_STATE_LABELS.get(m.state, "")


def copies_text(m: MaterialRecord) -> str:
    return f"{m.copies}份" if m.copies else "—"


def material_note(m: MaterialRecord) -> str:
    if m.state is MaterialState.DEFERRED and m.promised_date:
        return f"承诺{cn_date(m.promised_date)}前补交"
    if m.state is MaterialState.LICENCE:
        return f"电子证照{('：' + m.licence_number) if m.licence_number else ''}"
    if m.state is MaterialState.COMMITMENT:
        return "以告知承诺代替"
    return m.note


def materials_table(title: str, materials: Iterable[MaterialRecord], *, empty: str = "无") -> Table:
    rows = tuple(
        (str(i), m.name, form_of(m), copies_text(m), material_note(m))
        for i, m in enumerate(materials, 1)
    )
    return Table(
        title, ("序号", "材料名称", "收取形式", "份数", "备注"), rows, (1, 7.5, 2, 1.4, 4), empty
    )


def deferred_table(case: CaseView) -> Table:
    rows = tuple(
        (str(i), m.name, cn_date(m.promised_date) if m.promised_date else "未填写")
        for i, m in enumerate((m for m in case.materials if m.state is MaterialState.DEFERRED), 1)
    )
    return Table("容缺材料", ("序号", "材料名称", "承诺补交日期"), rows, (1, 9, 4))


def fee_text(ctx: DocContext) -> str:
    fees = []
    for ref in ctx.case.matters:
        m = catalog_matter(ctx, ref.code)
        if m is None:
            continue
        if m.fee.amount:
            fees.append(
                f"{ref.name}：{m.fee.amount}元{('（' + m.fee.note + '）') if m.fee.note else ''}"
            )
    if fees:
        return "；".join(fees)
    return "不收费" if ctx.catalog is not None else ""


def result_text(ctx: DocContext) -> str:
    results = [
        m.result for r in ctx.case.matters if (m := catalog_matter(ctx, r.code)) and m.result
    ]
    return "、".join(dict.fromkeys(results))


def delivery_text(ctx: DocContext) -> str:
    """The applicant's delivery choice when recorded (邮寄送达 with its address), else the
    ways the matters offer."""
    choice = ctx.case.delivery_choice
    if choice is not None:
        label = DELIVERY_LABELS.get(choice.way.value, "")
        return f"{label}（{choice.address}）" if choice.way is DeliveryWay.POST else label
    ways: list[str] = []
    for r in ctx.case.matters:
        m = catalog_matter(ctx, r.code)
        if m is not None:
            ways.extend(DELIVERY_LABELS.get(d, "") for d in m.delivery)
    return "、".join(w for w in dict.fromkeys(ways) if w)


def legal_basis_text(ctx: DocContext) -> str:
    if ctx.case.legal_basis:
        return ctx.case.legal_basis
    bases = [
        m.legal_basis
        for r in ctx.case.matters
        if (m := catalog_matter(ctx, r.code)) and m.legal_basis
    ]
    return "；".join(dict.fromkeys(bases))


#: Which years have official holiday data (published years only: the platform's pushed
#: years are already reflected in ``DeadlineInfo.provisional`` when it is recomputed).
_PUBLISHED = WorkCalendar()


def due_text(d: date | None, provisional: bool) -> str:
    """A due date, marked （暂定） only when it lies in a year not yet published: a deadline
    that reaches 2027 leaves its 2026 dates firm (法制审核: no 暂定 on a date already fixed)."""
    if d is None:
        return ""
    return cn_date(d) + ("（暂定）" if provisional and _PUBLISHED.is_provisional(d) else "")


PROVISIONAL_NOTE = (
    "注：标注“暂定”的日期所涉年度的法定节假日安排尚未正式公布，按现有日历推算，"
    "正式安排公布后将重新计算，以重新计算的日期为准。"
)


def status_date(case: CaseView, status: Status) -> date | None:
    """When the case last entered ``status`` (from its history)."""
    for h in reversed(case.history):
        if h.status is status and h.event == status.value:
            return local(h.at).date()
    return None


def compact(rows: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Drop rows whose value is unknown rather than print an empty box."""
    return tuple((k, v) for k, v in rows if v)


def seal(ctx: DocContext, on: date | None = None) -> Seal:
    """The seal area: the office; for a case a 便民服务站 received, the station as 代收."""
    name = f"{ctx.office.name}（代收）" if received_by_station(ctx) else ctx.office.name
    return Seal(name, cn_date(on or local(ctx.printed_at).date()))


#: Notices the applicant signs for (签收) rather than signs as a promise.
RECEIPTED = frozenset({"acceptance", "supplement", "rejection", "materials"})
RECEIVED_TEXT = "申请人已在群众端屏幕签名确认：本通知书已收到。"


def signed(ctx: DocContext, sections: list[Section]) -> list[Section]:
    """The applicant's on-screen signature (``ctx.extra["signature"]``: PNG bytes and when it
    was signed) on the document's first signature line, the applicant's."""
    given = ctx.extra.get("signature")
    if not given:
        return sections
    image, at = given
    out: list[Section] = []
    done = False
    for s in sections:
        if isinstance(s, Signatures) and not done:
            if ctx.kind in RECEIPTED and any("签收" in line for line, _ in s.lines):
                out.append(Para(RECEIVED_TEXT, "note"))  # what the signature says: 已收到
            s = replace(s, image=image, signed_on=cn_date(at))
            done = True
        out.append(s)
    return out


def finish(ctx: DocContext, title: str, sections: list[Section]) -> Document:
    case = ctx.case
    sections = signed(ctx, sections)
    if ctx.kind in OWN_DOCUMENTS:
        sections = [*sections, Para(complaint_line(ctx), "note")]
    return Document(
        kind=ctx.kind,
        title=title,
        office_name=ctx.office.name,
        doc_number_text=doc_number_text(ctx),
        case_number=case.case_number,
        tracking_url=tracking_url(ctx.office.tracking_url_template, case.case_number, case.id),
        verify_code=verify_code(case.id),
        clerk=case.operator_name,
        phone=ctx.office.phone,
        address=ctx.office.address,
        printed_at=local(ctx.printed_at),
        paper=ctx.paper,
        sections=tuple(sections),
        reprint=ctx.reprint,
        watermark=ctx.watermark or ("样张" if ctx.doc_number <= 0 else ""),
    )


def base_fields(ctx: DocContext, extra: Iterable[tuple[str, str]] = ()) -> Fields:
    case = ctx.case
    return Fields(compact([("办件编号", case.case_number), *person_rows(case, ctx), *extra]))
