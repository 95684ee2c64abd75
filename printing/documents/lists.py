"""材料接收清单: every material of the case, how it was received, and the totals."""

from __future__ import annotations

from collections import Counter

from intake.views import MATERIAL_STATE_LABELS, MaterialState
from printing.context import DocContext, cn_date
from printing.documents.common import base_fields, finish, materials_table, matters_table, seal
from printing.model import Document, Para, Signatures


def materials(ctx: DocContext) -> Document:
    case = ctx.case
    listed = [m for m in case.materials if m.state is not MaterialState.NOT_APPLICABLE]
    counts = Counter(m.state for m in listed)
    parts = [f"{MATERIAL_STATE_LABELS[s]}{counts[s]}项" for s in MaterialState if counts[s]]
    summary = f"共{len(listed)}项材料" + (f"：{'，'.join(parts)}。" if parts else "。")
    return finish(
        ctx,
        "材料接收清单",
        [
            base_fields(ctx, [("收件日期", cn_date(case.received_at)), ("事项", case.title)]),
            matters_table(ctx, limits=False),
            materials_table("材料明细", listed),
            Para(summary, "strong"),
            Para("以上材料已由窗口工作人员当面清点，提交人核对无误后签字。", "note"),
            Signatures((("提交人签字：", f"接收人：{case.operator_name}"),)),
            seal(ctx),
        ],
    )
