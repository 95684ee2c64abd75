"""The 80 mm queue / kiosk ticket: number, matter, time, people waiting ahead."""

from __future__ import annotations

from printing.context import DocContext, cn_datetime
from printing.documents.common import finish
from printing.errors import DocumentNotApplicable
from printing.model import BigText, Codes, Document, Fields, Para


def ticket(ctx: DocContext) -> Document:
    """No name or ID number on a ticket: it is left on counters and thrown away."""
    if ctx.queue is None:
        raise DocumentNotApplicable(
            "a ticket needs a queue number", details={"kind": "ticket", "why": "no queue info"}
        )
    case = ctx.case
    return finish(
        ctx,
        "排队凭条",
        [
            BigText(ctx.queue.number, "您的号码"),
            Fields(
                (
                    ("办理事项", case.title),
                    ("取号时间", cn_datetime(ctx.printed_at)),
                    ("前面等候", f"{ctx.queue.ahead}人"),
                    ("办件编号", case.case_number),
                )
            ),
            Codes(),
            Para("扫码查询办理进度。请留意叫号，过号请重新取号。", "note"),
        ],
    )
