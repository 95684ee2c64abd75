"""The decision notices: 受理通知书, 补正材料通知书 (一次性告知), 不予受理通知书, and the 办结
notice with the real result (办结领取通知书, 不予许可（办理）决定告知书, 终止办理告知书)."""

from __future__ import annotations

from datetime import date, timedelta

from intake.catalog.merge import approximate_span
from intake.catalog.model import LAPSE_TEXT, Lapse, SupplementTerms
from intake.status import Event, Outcome, Status
from intake.views import (
    SATISFIED,
    CaseOutcome,
    CaseView,
    HistoryEntry,
    MaterialRecord,
    MaterialState,
    RejectionKind,
    SupplementRequest,
    needs_supplement,
)
from intake.workdays import LimitUnit, WorkCalendar
from printing.context import DocContext, cn_date, local
from printing.documents.common import (
    PROVISIONAL_NOTE,
    RECEIVED,
    base_fields,
    catalog_matter,
    collection_text,
    collects_at_window,
    decider,
    deferred_table,
    delivery_text,
    due_text,
    fee_text,
    finish,
    legal_basis_text,
    limit_text,
    materials_table,
    matters_table,
    quoted,
    received_through,
    result_text,
    salutation,
    seal,
    status_date,
)
from printing.errors import DocumentNotApplicable
from printing.model import Document, Para, Section, Signatures, Table

ACCEPTED_OR_LATER = frozenset(
    {
        Status.ACCEPTED,
        Status.UNDERTAKEN,
        Status.REVIEWED,
        Status.APPROVED,
        Status.COMPLETED,
        Status.DELIVERED,
    }
)

SIGN_RECEIPT = Signatures((("申请人（代办人）签收：", "日期："),))


def not_applicable(ctx: DocContext, why: str) -> DocumentNotApplicable:
    return DocumentNotApplicable(
        f"{ctx.kind} does not apply: {why}",
        details={"kind": ctx.kind, "status": ctx.case.status.value, "why": why},
    )


def acceptance(ctx: DocContext) -> Document:
    case = ctx.case
    if case.status not in ACCEPTED_OR_LATER or case.accepted_at is None:
        raise not_applicable(ctx, "case not accepted")
    accepted = cn_date(case.accepted_at)
    dl = case.deadline
    provisional = bool(dl and dl.provisional)
    slowest = max(
        case.matters,
        key=lambda m: approximate_span(m.promised_limit_days, m.promised_limit_unit),
        default=None,
    )
    limit = slowest.promised_limit_days if slowest else 0
    immediate = all(m.immediate for m in case.matters)
    extra = [
        ("申请日期", cn_date(case.received_at)),
        ("受理日期", accepted),
        (
            "承诺办结时限",
            "即办"
            if immediate or slowest is None or limit == 0
            else limit_text(limit, slowest.promised_limit_unit),
        ),
        ("承诺办结日期", due_text(dl.promised_due, provisional) if dl else ""),
        ("法定办结日期", due_text(dl.legal_due, provisional) if dl else ""),
        ("收费标准", fee_text(ctx)),
        ("办理结果", result_text(ctx)),
        ("结果送达方式", delivery_text(ctx)),
    ]
    who = decider(ctx)
    received = [
        m
        for m in case.materials
        if m.state in SATISFIED and m.state is not MaterialState.NOT_APPLICABLE
    ]
    deferred = any(m.state is MaterialState.DEFERRED for m in case.materials)
    deemed = any(h.event == Event.DEEMED_ACCEPTED.value for h in case.history)
    finding = (
        f"申请材料除下列容缺材料外齐全、符合法定形式，{who}决定予以容缺受理"
        if deferred
        else f"申请材料齐全、符合法定形式，{who}决定予以受理"
    )
    if deemed:  # §32(四): no 补正 notice within five working days
        finding = (
            "本机关未在收到申请材料之日起五个工作日内一次告知需要补正的全部内容，"
            "依法自收到申请材料之日起即为受理"
        )
    basis = acceptance_basis(ctx)
    if deemed:
        basis = "；".join(b for b in (DEEMED_ACCEPTANCE, basis) if b)
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）于{cn_date(case.received_at)}{received_through(ctx)}提出的"
            f"{quoted(case.title)}申请，经审查，{finding}，受理日期为{accepted}。"
            + (f"受理依据：{basis}。" if basis else "")
            + "办理进度可扫描本通知书上的二维码或凭办件编号查询。"
        ),
        base_fields(ctx, extra),
        matters_table(ctx),
        materials_table("已收材料", received),
    ]
    if any(m.state is MaterialState.DEFERRED for m in case.materials):
        sections.append(deferred_table(case))
        sections.append(
            Para(
                "容缺材料请在承诺日期前补交；逾期未补交的，本机关将按容缺受理承诺书的约定处理。",
                "note",
            )
        )
    if provisional:
        sections.append(Para(PROVISIONAL_NOTE, "note"))
    if collects_at_window(ctx):
        keep = "请妥善保管本通知书，领取办理结果时请携带本通知书及有效身份证件。"
    else:
        keep = f"{collection_text(ctx)}请妥善保管本通知书。"
    sections.append(Para(keep, "note"))
    decided = status_date(case, Status.ACCEPTED) if deemed else None
    sections += [seal(ctx, decided or local(case.accepted_at).date()), SIGN_RECEIPT]
    return finish(ctx, "受理通知书", sections)


#: 行政许可法 §32 (四): 逾期不告知的，自收到申请材料之日起即为受理.
DEEMED_ACCEPTANCE = "《中华人民共和国行政许可法》第三十二条第一款第（四）项"
#: 行政许可法 §32 (五): complete, conforming materials of a 行政许可 are accepted.
LICENSING_ACCEPTANCE = "《中华人民共和国行政许可法》第三十二条第一款第（五）项"


def acceptance_basis(ctx: DocContext) -> str:
    """The legal basis a 受理通知书 cites: §32 of the licensing law for a 行政许可 (it governs
    acceptance there), and the matters' own basis in the catalog."""
    matters = [m for r in ctx.case.matters if (m := catalog_matter(ctx, r.code))]
    parts = [LICENSING_ACCEPTANCE] if matters and all(m.type == "行政许可" for m in matters) else []
    parts += [m.legal_basis for m in matters if m.legal_basis]
    return "；".join(dict.fromkeys(parts))


def _needs_supplement(m: MaterialRecord) -> bool:
    return needs_supplement(m)  # the core's rule: the station may not ask for more later


def _requirement(ctx: DocContext, m: MaterialRecord) -> str:
    """What to bring: the clerk's note, else the catalog's form and copies for that material."""
    for ref in ctx.case.matters:
        matter = catalog_matter(ctx, ref.code)
        if matter is None:
            continue
        for req in matter.materials:
            if req.id == m.material_id:
                form = {
                    "original": "原件",
                    "copy": "复印件",
                    "original_and_copy": "原件及复印件",
                    "electronic": "电子件",
                }.get(req.form.value, "")
                text = f"提交{form}{req.copies}份" if form else ""
                return "；".join(x for x in (text, req.material.note) if x)
    return "提交原件"


def supplement(ctx: DocContext) -> Document:
    """The window's one-time 补正 notice before acceptance (行政许可法第三十二条), or — when
    the case came back from the department after acceptance — the department's request as
    the pulled change carried it. Both state the 补正期限 and what follows when it passes."""
    case = ctx.case
    asked = department_request(case)
    if asked is not None or _department_supplement(case):
        return _department_supplement_notice(ctx, asked)
    wanted = [m for m in case.materials if _needs_supplement(m)]
    if not wanted and case.status is not Status.SUPPLEMENT:
        raise not_applicable(ctx, "nothing to supplement")
    notice_day = status_date(case, Status.SUPPLEMENT) or local(ctx.printed_at).date()
    rows = tuple(
        (
            str(i),
            m.name,
            "未提交" if m.state is MaterialState.MISSING else "不符合要求",
            m.note or _requirement(ctx, m),
        )
        for i, m in enumerate(wanted, 1)
    )
    received = [m for m in case.materials if m.state in RECEIVED and not _needs_supplement(m)]
    terms = _terms(ctx)
    due = supplement_due_date(terms, notice_day)
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）于{cn_date(case.received_at)}{received_through(ctx)}提出的"
            f"{quoted(case.title)}申请，经审查，"
            "申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，"
            "现一次性告知你（单位）需要补正的全部内容如下："
        ),
        Table("需补正的材料", ("序号", "材料名称", "问题", "补正要求"), rows, (1, 6, 2.4, 6.5)),
    ]
    if case.decision_reason:
        sections.append(Para(f"审查意见：{case.decision_reason}"))
    sections += [
        Para(
            "本通知书已一次性告知全部需补正的内容。请你（单位）补正后携带本通知书到"
            f"{ctx.office.address or ctx.office.name}办理，"
            f"材料齐全、符合法定形式的，{decider(ctx)}将予以受理。"
        ),
        Para(lapse_text(terms, due, terms.window_lapse, ""), "strong"),
        base_fields(ctx, [("告知日期", cn_date(notice_day)), ("补正期限", cn_date(due))]),
        matters_table(ctx, limits=False),
        materials_table("已收材料", received),
        seal(ctx, notice_day),
        SIGN_RECEIPT,
    ]
    return finish(ctx, "补正材料通知书", sections)


def department_request(case: CaseView) -> SupplementRequest | None:
    """The department's 补正 request behind the case's current 补正, if it sent one."""
    if case.status is not Status.SUPPLEMENT or not case.supplement_requests:
        return None
    last = case.supplement_requests[-1]
    entered = _last_supplement(case)
    return last if entered is None or last.at >= entered.at else None


def _last_supplement(case: CaseView) -> HistoryEntry | None:
    return next((h for h in reversed(case.history) if h.event == Status.SUPPLEMENT.value), None)


def _department_supplement(case: CaseView) -> bool:
    """Whether the current 补正 came from the platform (a department, after acceptance)."""
    last = _last_supplement(case)
    return case.status is Status.SUPPLEMENT and last is not None and last.actor == "platform"


def _terms(ctx: DocContext) -> SupplementTerms:
    codes = [m.code for m in ctx.case.matters]
    return ctx.catalog.supplement_terms(codes) if ctx.catalog is not None else SupplementTerms()


def supplement_due_date(terms: SupplementTerms, start: date) -> date:
    """The 补正期限 of the window's notice: the catalog's period from the notice's day."""
    if terms.unit is LimitUnit.WORKING:
        return WorkCalendar().add_working_days(start, terms.days).date
    return start + timedelta(days=terms.days)


def lapse_text(terms: SupplementTerms, due: date | None, lapse: Lapse, who: str) -> str:
    """ "请于…前补正；逾期未补正的，视为撤回申请（依据…）。" — the period and its consequence."""
    basis = terms.basis or "本事项办事指南"
    when = f"请于{cn_date(due)}前补正" if due else "请按上述要求及时补正"
    actor = f"{who}将" if who and lapse is Lapse.TERMINATED else ""
    return f"{when}；逾期未补正的，{actor}{LAPSE_TEXT[lapse]}。依据：{basis}。"


def _department_supplement_notice(ctx: DocContext, asked: SupplementRequest | None) -> Document:
    case = ctx.case
    last = _last_supplement(case)
    day = local(asked.at).date() if asked else (local(last.at).date() if last else None)
    notice_day = day or local(ctx.printed_at).date()
    who = (asked.department if asked else "") or (last.operator if last else "") or "审批部门"
    terms = _terms(ctx)
    accepted = f"，已于{cn_date(case.accepted_at)}受理" if case.accepted_at else ""
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）于{cn_date(case.received_at)}{received_through(ctx)}提出的"
            f"{quoted(case.title)}申请{accepted}。{who}在审查中认为需要补正材料，"
            + (
                "现一次性告知需要补正的全部内容如下："
                if asked
                else f"需补正的内容以{who}出具的补正告知为准，请与{who}或本中心联系。"
            )
        ),
    ]
    if asked is not None:
        rows = tuple(
            (str(i), m.name, m.requirement or "提交原件") for i, m in enumerate(asked.materials, 1)
        )
        sections.append(Table("需补正的材料", ("序号", "材料名称", "补正要求"), rows, (1, 7, 7)))
        if asked.note:
            sections.append(Para(f"{who}意见：{asked.note}"))
    elif last is not None and last.note:
        sections.append(Para(f"{who}意见：{last.note}"))
    due = asked.due if asked else None
    sections += [
        Para(
            "请你（单位）补正后携带本通知书到"
            f"{ctx.office.address or ctx.office.name}提交，由本中心转交{who}继续办理。"
            "补正期间不计入办理时限。"
        ),
        Para(lapse_text(terms, due, terms.department_lapse, who), "strong"),
        base_fields(
            ctx,
            [
                ("告知日期", cn_date(notice_day)),
                ("提出补正的部门", who),
                ("补正期限", cn_date(due) if due else "以部门告知为准"),
            ],
        ),
        matters_table(ctx, limits=False),
        seal(ctx, notice_day),
        SIGN_RECEIPT,
    ]
    return finish(ctx, "补正材料通知书", sections)


REMEDIES = (
    "如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，"
    "或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。"
)


def remedies(ctx: DocContext) -> str:
    """The remedies of a refusal, naming the 复议机关 and the 人民法院 when the catalog names
    them for this area (法制审核: a refusal says where to turn, not just that one may)."""
    named = ctx.catalog.remedies if ctx.catalog is not None else None
    if named is None or not (named.review_body and named.court):
        return REMEDIES
    return (
        f"如对本决定不服，可以自收到本通知书之日起六十日内依法向{named.review_body}申请行政复议，"
        f"或者自收到本通知书之日起六个月内依法向{named.court}提起行政诉讼。"
    )


def rejection(ctx: DocContext) -> Document:
    case = ctx.case
    if case.status is not Status.REJECTED:
        raise not_applicable(ctx, "case not rejected")
    if not case.decision_reason.strip():
        raise not_applicable(ctx, "no reason recorded")
    basis = rejection_basis(ctx)
    day = status_date(case, Status.REJECTED) or local(ctx.printed_at).date()
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）于{cn_date(case.received_at)}{received_through(ctx)}提出的"
            f"{quoted(case.title)}申请，经审查，{decider(ctx)}决定不予受理。"
        ),
        Para(f"不予受理的理由：{case.decision_reason}", "strong"),
    ]
    if case.rejection_kind is RejectionKind.NOT_COMPETENT:
        if not case.refer_to:
            raise not_applicable(ctx, "no authority named to apply to")
        sections.append(  # §32 (二): 告知申请人向有关行政机关申请
            Para(
                f"该申请事项依法不属于{decider(ctx)}职权范围，"
                f"请你（单位）向{case.refer_to}提出申请。",
                "strong",
            )
        )
    sections += [
        Para(f"法律依据：{basis}"),
        Para(remedies(ctx)),
        base_fields(ctx, [("决定日期", cn_date(day))]),
        matters_table(ctx, limits=False),
        seal(ctx, day),
        SIGN_RECEIPT,
    ]
    return finish(ctx, "不予受理通知书", sections)


#: 行政许可法 §32 (二): not within this authority's remit; 告知申请人向有关行政机关申请.
NOT_COMPETENT_CLAUSE = "《中华人民共和国行政许可法》第三十二条第一款第（二）项"


def rejection_basis(ctx: DocContext) -> str:
    """The basis a 不予受理 cites: the clerk's, else the matters' own law from the catalog;
    行政许可法 §32 only where every matter is a 行政许可 (法制审核: a 行政给付 or 行政确认 is
    not refused under the licensing law)."""
    given = legal_basis_text(ctx)
    if not _licensing(ctx):
        if "行政许可法" in given:  # a clause of the licensing law on a non-licensing matter
            given = "；".join(
                dict.fromkeys(
                    m.legal_basis
                    for r in ctx.case.matters
                    if (m := catalog_matter(ctx, r.code)) and m.legal_basis
                )
            )
        return given or "申请事项所依据的法律、法规的有关规定"
    clause = (
        NOT_COMPETENT_CLAUSE
        if ctx.case.rejection_kind is RejectionKind.NOT_COMPETENT
        else "《中华人民共和国行政许可法》第三十二条"
    )
    return given if given and "行政许可法" in given else "；".join(x for x in (clause, given) if x)


def completion(ctx: DocContext) -> Document:
    """The 办结 notice prints the result the department reached: 准予 with how to collect
    it; 不予 with its reasons, basis and the remedies (行政许可法第三十八条第二款); 终止 with
    its reason. A 办结 whose result the platform did not send claims none."""
    case = ctx.case
    if case.status not in (Status.COMPLETED, Status.DELIVERED):
        raise not_applicable(ctx, "case not completed")
    outcome = case.outcome
    if outcome is not None and outcome.result is Outcome.REFUSED:
        return _refusal(ctx, outcome)
    if outcome is not None and outcome.result is Outcome.TERMINATED:
        return _termination(ctx, outcome)
    done = status_date(case, Status.COMPLETED) or local(ctx.printed_at).date()
    where = ctx.office.address or ctx.office.name
    collect = collection_text(ctx)
    who = "经审查，"
    by_department = any(
        h.event == Status.COMPLETED.value and h.actor == "platform" for h in case.history
    )
    if outcome is not None and outcome.decided_by and by_department:  # not a window 即办件's
        who = f"经{outcome.decided_by}审查，"
    if outcome is None:  # an older platform sent the 办结 without its result
        result = "以审批部门出具的决定文书为准"
        lead = (
            f"你（单位）申请的{quoted(case.title)}已于{cn_date(done)}办结，"
            f"办理结果以审批部门出具的决定文书为准。{collect}"
        )
    else:
        result = f"准予：{result_text(ctx) or '办理'}"  # not 准予（…）: results carry brackets
        lead = (
            f"你（单位）申请的{quoted(case.title)}已于{cn_date(done)}办结，{who}"
            f"准予办理，办理结果为：{result_text(ctx) or '准予办理'}。{collect}"
        )
    place = ("领取地点", where) if collects_at_window(ctx) else ("送达地址", _address(ctx))
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(lead),
        base_fields(
            ctx,
            [
                ("办结日期", cn_date(done)),
                ("办理结果", result),
                ("送达方式", delivery_text(ctx)),
                place,
            ],
        ),
        matters_table(ctx, limits=False),
        Para(
            "委托他人代领的，代领人须携带委托书及委托人、代领人的有效身份证件。"
            if collects_at_window(ctx)
            else "邮件签收即视为送达；地址或收件人有变化的，请及时联系本中心。",
            "note",
        ),
        seal(ctx, done),
        Signatures(
            (("领取人签字：", "领取日期："),)
            if collects_at_window(ctx)
            else (("经办人：", "寄出日期："),)
        ),
    ]
    return finish(ctx, "办结领取通知书" if collects_at_window(ctx) else "办结通知书", sections)


def _address(ctx: DocContext) -> str:
    choice = ctx.case.delivery_choice
    return choice.address if choice is not None else ""


def _licensing(ctx: DocContext) -> bool:
    """Whether every matter is a 行政许可 (the refusal is then 不予许可, else 不予办理)."""
    kinds = [m.type for r in ctx.case.matters if (m := catalog_matter(ctx, r.code))]
    return bool(kinds) and all(k == "行政许可" for k in kinds)


def _decided(ctx: DocContext, outcome: CaseOutcome) -> tuple[str, str]:
    day = (
        status_date(ctx.case, Status.COMPLETED)
        or (local(outcome.at).date() if outcome.at else None)
        or local(ctx.printed_at).date()
    )
    return cn_date(day), outcome.decided_by or "审批部门"


def _refusal(ctx: DocContext, outcome: CaseOutcome) -> Document:
    case = ctx.case
    day, who = _decided(ctx, outcome)
    verb = "不予许可" if _licensing(ctx) else "不予办理"
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）于{cn_date(case.received_at)}提出的{quoted(case.title)}申请，"
            f"经{who}审查，于{day}作出{verb}的决定。"
        ),
        Para(f"{verb}的理由：{outcome.reason}", "strong"),
        Para(f"法律依据：{outcome.legal_basis}"),
        Para(remedies(ctx)),
        base_fields(ctx, [("决定日期", day), ("决定机关", who), ("办理结果", verb)]),
        matters_table(ctx, limits=False),
        Para(collection_text(ctx, what="决定文书原件"), "note"),
        seal(ctx, local(ctx.printed_at).date()),
        SIGN_RECEIPT,
    ]
    return finish(ctx, f"{verb}决定告知书", sections)


def _termination(ctx: DocContext, outcome: CaseOutcome) -> Document:
    case = ctx.case
    day, who = _decided(ctx, outcome)
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）于{cn_date(case.received_at)}提出的{quoted(case.title)}申请，"
            f"经{who}审查，于{day}终止办理。"
        ),
        Para(f"终止办理的理由：{outcome.reason}", "strong"),
        Para(f"法律依据：{outcome.legal_basis}"),
        Para(remedies(ctx)),
        base_fields(ctx, [("终止日期", day), ("决定机关", who), ("办理结果", "终止办理")]),
        matters_table(ctx, limits=False),
        Para("已提交的申请材料原件，可凭本告知书及有效身份证件到窗口领回。", "note"),
        seal(ctx, local(ctx.printed_at).date()),
        SIGN_RECEIPT,
    ]
    return finish(ctx, "终止办理告知书", sections)
