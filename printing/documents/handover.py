"""材料交接清单: the paper a village station carries to the town, by case and material, with
lines for 移交人 and 接收人 to sign. Not a notice of one case: it lists many, so it is built
from the hand-over list (``intake.services.handover``) rather than a ``DocContext``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from intake.masking import mask_name
from intake.services.handover import HandoverBatch, HandoverCase
from printing.context import Office, cn_date, cn_datetime, local
from printing.model import Document, Fields, Paper, Para, Seal, Section, Signatures, Table

KIND = "handover"
TITLE = "材料交接清单"
FORMS = {"original": "原件", "copy": "复印件"}


def sheet_number(office: Office, batch: HandoverBatch | None, printed_at: datetime) -> str:
    """The batch's number once handed over; before, the station and the day (待交接)."""
    if batch is not None:
        return batch.number
    return f"{office.station_code}-JJ-{local(printed_at):%Y%m%d}"


def handover_list(
    cases: Sequence[HandoverCase],
    office: Office,
    *,
    printed_at: datetime,
    clerk: str,
    batch: HandoverBatch | None = None,
) -> Document:
    rows: list[tuple[str, ...]] = []
    for i, case in enumerate(cases, 1):
        for j, m in enumerate(case.materials):
            first = j == 0
            rows.append(
                (
                    str(i) if first else "",
                    case.case_number if first else "",
                    mask_name(case.applicant_name) if first else "",
                    case.title if first else "",
                    m.name,
                    FORMS.get(m.state, m.state),
                    f"{m.copies}份",
                )
            )
    items = sum(len(c.materials) for c in cases)
    copies = sum(c.copies for c in cases)
    number = sheet_number(office, batch, printed_at)
    fields = [
        ("移交单位", office.name),
        ("接收单位", "乡镇（街道）便民服务中心"),
        ("交接批次", number if batch is not None else f"{number}（待交接）"),
        ("办件数", f"{len(cases)}件"),
    ]
    if batch is not None:
        fields.append(("交接时间", cn_datetime(batch.handed_at)))
        if batch.note:
            fields.append(("备注", batch.note))
    handed = f"移交人（签字）：{batch.handed_by if batch else ''}"
    received = f"接收人（签字）：{batch.received_by if batch else ''}"
    when = f"日期：{cn_date(batch.handed_at) if batch else ''}"
    sections: list[Section] = [
        Fields(tuple(fields)),
        Table(
            "材料明细",
            ("序号", "办件编号", "申请人", "事项", "材料名称", "形式", "份数"),
            tuple(rows),
            (0.9, 4.4, 1.6, 3.6, 4.4, 1.5, 1.1),
            empty="无待交接材料",
        ),
        Para(f"共{len(cases)}件办件，材料{items}项，合计{copies}份。", "strong"),
        Para(
            "以上纸质材料由村（社区）便民服务站代办员移交乡镇（街道）便民服务中心，"
            "双方当面清点，核对无误后签字；本清单一式两份，双方各执一份。",
            "note",
        ),
        Signatures(((handed, when), (received, when))),
        Seal(office.name, cn_date(local(batch.handed_at if batch else printed_at).date())),
    ]
    return Document(
        kind=KIND,
        title=TITLE,
        office_name=office.name,
        doc_number_text=number,
        case_number=number,
        tracking_url=number,
        verify_code=number[-11:],
        clerk=clerk,
        phone=office.phone,
        address=office.address,
        printed_at=local(printed_at),
        paper=Paper.A4,
        sections=tuple(sections),
    )
