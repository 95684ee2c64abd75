"""The kiosk's 80 mm queue ticket: it belongs to a queue number and, with a card, to a
pre-intake (预受理) that is not a case yet, so it is built from the ticket, not a ``CaseView``.

Like every public ticket it carries no name and no ID number: it is left on counters. The QR
code names the pre-intake (``WDPRE:…``) for the counter's scanner, which opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printing.context import Office, cn_datetime, local
from printing.model import BigText, Codes, Document, Fields, Paper, Para, Section


@dataclass(frozen=True)
class KioskTicket:
    number: str  # A012
    queue_name: str  # 社保医保
    title: str  # the matter or bundle ("" for a ticket only)
    taken_at: datetime
    ahead: int
    code: str  # the QR code's content: the pre-intake's code, or the number alone
    pre_intake: bool  # whether a pre-intake waits behind the number
    priority: bool = False
    appointment: str = ""  # a checked-in 预约: its slot ("10:00–10:30")


def kiosk_ticket(office: Office, t: KioskTicket) -> Document:
    rows = [("办理窗口", t.queue_name)]
    if t.title:
        rows.append(("办理事项", t.title))
    if t.appointment:
        rows.append(("预约时段", t.appointment))
    rows += [("取号时间", cn_datetime(t.taken_at)), ("前面等候", f"{t.ahead}人")]
    if t.appointment:
        note = "预约签到成功，预约号按预约时段排序，请留意叫号。"
    elif t.pre_intake:
        note = "您填写的信息已预受理，请持本凭条到窗口，由工作人员核验材料后受理。"
    else:
        note = "请持本凭条到窗口办理。"
    label = "优先服务号码" if t.priority else "预约号码" if t.appointment else "您的号码"
    sections: list[Section] = [
        BigText(t.number, label),
        Fields(tuple(rows)),
        Codes(),
        Para(note, "note"),
        Para("请留意叫号，过号请重新取号。", "note"),
    ]
    day = local(t.taken_at)
    return Document(
        kind="ticket",
        title="排队凭条",
        office_name=office.name,
        doc_number_text=f"{day:%Y%m%d}-{t.number}",
        case_number=t.number,
        tracking_url=t.code,
        verify_code=t.code.rsplit(":", 1)[-1][-6:].upper() if t.pre_intake else t.number,
        clerk="自助服务终端",
        phone=office.phone,
        address=office.address,
        printed_at=day,
        paper=Paper.ROLL80,
        sections=tuple(sections),
    )
