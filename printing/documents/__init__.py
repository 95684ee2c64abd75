"""Document builders by kind: each turns a case plus context into a ``model.Document``."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from printing.context import DocContext
from printing.documents.followups import delivery, withdrawal
from printing.documents.lists import materials
from printing.documents.notices import acceptance, completion, rejection, supplement
from printing.documents.promises import commitment, promise
from printing.documents.ticket import ticket
from printing.errors import UnknownDocument
from printing.model import Document

BUILDERS: Mapping[str, Callable[[DocContext], Document]] = {
    "acceptance": acceptance,
    "supplement": supplement,
    "rejection": rejection,
    "promise": promise,
    "commitment": commitment,
    "materials": materials,
    "completion": completion,
    "ticket": ticket,
    "delivery": delivery,
    "withdrawal": withdrawal,
}

KINDS = tuple(BUILDERS)

#: Chinese names of the kinds (job lists, CLI help).
KIND_LABELS: Mapping[str, str] = {
    "acceptance": "受理通知书",
    "supplement": "补正材料通知书",
    "rejection": "不予受理通知书",
    "promise": "容缺受理承诺书",
    "commitment": "告知承诺书",
    "materials": "材料接收清单",
    "completion": "办结通知书",
    "ticket": "排队凭条",
    "delivery": "送达回证",
    "withdrawal": "撤回申请回执",
}


def build_document(ctx: DocContext) -> Document:
    try:
        builder = BUILDERS[ctx.kind]
    except KeyError:
        raise UnknownDocument(
            f"unknown document kind {ctx.kind!r}", details={"kind": ctx.kind}
        ) from None
    return builder(ctx)
