"""Legal terms on printed documents: the 告知承诺书 names each 证明事项's 设定依据 and how and by
when it is verified (核查), as the catalog publishes them (../shared/DOMAIN.md §2 告知承诺制), and a
calendar-day limit is printed as 日, not as working days."""

from __future__ import annotations

from dataclasses import replace

from intake.catalog.model import Commitment
from intake.workdays import LimitUnit
from printing.documents import build_document
from printing.documents.common import limit_text
from printing.model import Table
from tests.printing import factories as f
from tests.printing.test_documents import ctx


def _table(doc: object) -> Table:
    return next(
        s
        for s in doc.sections  # type: ignore[attr-defined]
        if isinstance(s, Table) and s.title == "实行告知承诺的证明事项"
    )


def test_the_commitment_names_basis_and_verification_from_the_catalog() -> None:
    catalog = f.catalog()
    terms = Commitment(True, "《社会保险法》第五十八条；国办发〔2020〕42号", "人像信息共享核查", 5)
    matters = {
        code: replace(
            m,
            materials=tuple(
                replace(n, commitment=terms) if n.id == "M005" else n for n in m.materials
            ),
        )
        for code, m in catalog.matters.items()
    }
    doc = build_document(
        ctx("commitment", f.make_case(), catalog=replace(catalog, matters=matters))
    )
    table = _table(doc)
    assert table.headers[-2:] == ("设定依据", "核查方式及时限")
    [row] = table.rows
    assert row[-2:] == (terms.basis, "人像信息共享核查；受理后5个工作日内核查")


def test_without_the_terms_in_the_catalog_the_guide_is_named() -> None:
    [row] = _table(build_document(ctx("commitment", f.make_case()))).rows
    assert row[-2:] == ("见办事指南", "见办事指南")


def test_a_calendar_day_limit_is_not_printed_as_working_days() -> None:
    case = f.make_case()
    first = replace(case.matters[0], promised_limit_days=60, promised_limit_unit=LimitUnit.CALENDAR)
    others = tuple(
        replace(m, promised_limit_days=min(m.promised_limit_days, 5)) for m in case.matters[1:]
    )
    doc = build_document(ctx("acceptance", replace(case, matters=(first, *others))))
    texts = list(doc.texts())
    assert "60日" in texts and "60个工作日" not in texts
    assert limit_text(20, LimitUnit.WORKING) == "20个工作日"
