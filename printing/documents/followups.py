"""The follow-up documents: 送达回证 (proof the result reached the applicant) and the 撤回申请
回执 (the withdrawal recorded, materials returned)."""

from __future__ import annotations

from intake.status import Status
from printing.context import DocContext, cn_date, local
from printing.documents.common import (
    base_fields,
    finish,
    matters_table,
    quoted,
    result_text,
    salutation,
    seal,
    status_date,
)
from printing.errors import DocumentNotApplicable
from printing.model import Document, Para, Section, Signatures

METHODS = {"window": "窗口领取", "mail": "邮寄送达"}
COLLECTORS = {"applicant": "申请人本人", "agent": "代领人", "post": "邮政（快递）"}


def _not_applicable(ctx: DocContext, why: str) -> DocumentNotApplicable:
    return DocumentNotApplicable(
        f"{ctx.kind} does not apply: {why}",
        details={"kind": ctx.kind, "status": ctx.case.status.value, "why": why},
    )


def delivery(ctx: DocContext) -> Document:
    """送达回证: what was delivered, how, to whom, when; the collector signs."""
    case = ctx.case
    if case.status is not Status.DELIVERED:
        raise _not_applicable(ctx, "case not delivered")
    record = case.extras.get("delivery") or {}
    day = status_date(case, Status.DELIVERED) or local(ctx.printed_at).date()
    method = METHODS.get(str(record.get("method", "")), "窗口领取")
    collector = str(record.get("collector", "applicant"))
    who = str(record.get("collector_name") or case.applicant.name)
    rows = [
        ("送达文书", result_text(ctx) or "办理结果"),
        ("送达方式", method),
        ("送达日期", cn_date(day)),
        ("受送达人", case.applicant.name),
    ]
    if collector == "agent":
        masked = str(record.get("collector_id_masked") or "")
        rows.append(("代收人", f"{who}（身份证件号码 {masked}）" if masked else who))
    elif collector == "applicant":
        rows.append(("签收人", who))
    if record.get("tracking_number"):
        rows.append(("邮件号码", str(record["tracking_number"])))
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）申请的{quoted(case.title)}已办结，办理结果已于{cn_date(day)}以{method}方式送达。"
        ),
        base_fields(ctx, rows),
        matters_table(ctx, limits=False),
        Para("受送达人（代收人）应当在本回证上签名并注明收到日期。", "note"),
        seal(ctx, day),
        Signatures((("受送达人（代收人）签名：", "收到日期："), ("送达人：", ""))),
    ]
    return finish(ctx, "送达回证", sections)


def withdrawal(ctx: DocContext) -> Document:
    """撤回申请回执: the applicant's withdrawal recorded, with its reason and date."""
    case = ctx.case
    if case.status is not Status.WITHDRAWN:
        raise _not_applicable(ctx, "case not withdrawn")
    day = status_date(case, Status.WITHDRAWN) or local(ctx.printed_at).date()
    reason = next((h.note for h in reversed(case.history) if h.event == Status.WITHDRAWN.value), "")
    sections: list[Section] = [
        Para(salutation(case, ctx), "lead"),
        Para(
            f"你（单位）于{cn_date(case.received_at)}提出的{quoted(case.title)}申请，"
            f"已于{cn_date(day)}依你（单位）的申请撤回，本机关终止办理。"
            "已提交的纸质申请材料原件予以退还；如需再次申请，可重新提出。"
        ),
        base_fields(
            ctx,
            [
                ("撤回日期", cn_date(day)),
                ("撤回原因", reason.removeprefix("申请人申请撤回：")),
            ],
        ),
        matters_table(ctx, limits=False),
        seal(ctx, day),
        Signatures((("申请人（代办人）签名：", "日期："),)),
    ]
    return finish(ctx, "撤回申请回执", sections)
