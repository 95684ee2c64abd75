"""Documents the applicant signs: 容缺受理承诺书 and 告知承诺书 (证明事项告知承诺制)."""

from __future__ import annotations

from intake.views import MaterialState
from printing.context import DocContext
from printing.documents.common import (
    base_fields,
    catalog_matter,
    deferred_table,
    finish,
    matters_table,
    quoted,
    seal,
)
from printing.documents.notices import not_applicable
from printing.model import Document, Para, Section, Signatures, Table

SIGN_PROMISE = Signatures((("承诺人（签字或盖章）：", "日期："),))


def promise(ctx: DocContext) -> Document:
    """容缺受理: the missing non-key materials and the dates the applicant promises them by."""
    case = ctx.case
    if not any(m.state is MaterialState.DEFERRED for m in case.materials):
        raise not_applicable(ctx, "no deferred material")
    sections: list[Section] = [
        Para(
            f"本人（单位）申请办理{quoted(case.title)}，因下列非主要申请材料暂时无法提供，"
            "申请容缺受理，并郑重承诺："
        ),
        matters_table(ctx, limits=False),
        deferred_table(case),
        Para("一、在上表所列日期前补交全部容缺材料，所补交材料真实、合法、有效；"),
        Para(
            "二、如未按期补交或补交的材料不符合要求，同意受理机关终止办理或依法撤销已作出的决定，"
            "由此产生的后果由本人（单位）承担；"
        ),
        Para("三、本人（单位）对所提交全部材料的真实性负责。"),
        base_fields(ctx),
        SIGN_PROMISE,
        seal(ctx),
    ]
    return finish(ctx, "容缺受理承诺书", sections)


def _commitment_terms(
    ctx: DocContext, material_id: str, matter_codes: tuple[str, ...]
) -> tuple[str, str]:
    """设定依据 and 核查 of a 证明事项 as the catalog publishes them (the 告知承诺书 must name
    both); "见办事指南" when the catalog at hand no longer has them."""
    for code in matter_codes:
        matter = catalog_matter(ctx, code)
        need = next((n for n in matter.materials if n.id == material_id), None) if matter else None
        if need is not None and need.commitment.allowed:
            c = need.commitment
            return c.basis, f"{c.verification}；受理后{c.verify_within_days}个工作日内核查"
    return "见办事指南", "见办事指南"


def commitment(ctx: DocContext) -> Document:
    """告知承诺: the office tells the conditions in writing; the applicant signs they are met."""
    case = ctx.case
    items = [m for m in case.materials if m.state is MaterialState.COMMITMENT]
    if not items:
        raise not_applicable(ctx, "no material covered by a commitment")
    names = {m.code: m.name for m in case.matters}
    rows = tuple(
        (
            str(i),
            m.name,
            "、".join(names.get(c, c) for c in m.matters) or case.title,
            *_commitment_terms(ctx, m.material_id, m.matters),
        )
        for i, m in enumerate(items, 1)
    )
    sections: list[Section] = [
        Para("一、行政机关告知", "strong"),
        Para(f"申请人办理{quoted(case.title)}，下列证明事项实行告知承诺制："),
        matters_table(ctx, limits=False),
        Table(
            "实行告知承诺的证明事项",
            ("序号", "证明材料", "所涉事项", "设定依据", "核查方式及时限"),
            rows,
            (1, 4, 4, 5, 5),
        ),
        Para(
            "申请人承诺符合上述证明事项要求的，可以不再提交相应证明材料。行政机关将依法对承诺内容"
            "进行核查；发现承诺不实的，将依法撤销相关决定，并依法将失信行为记入信用记录，追究相应责任。"
        ),
        Para("二、申请人承诺", "strong"),
        Para(
            "本人（单位）已知晓行政机关告知的全部内容，所承诺的情况真实、准确，符合告知的条件和要求，"
            "愿意承担不实承诺的法律责任。"
        ),
        base_fields(ctx),
        SIGN_PROMISE,
        seal(ctx),
    ]
    return finish(ctx, "告知承诺书", sections)
