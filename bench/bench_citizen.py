"""The citizen screen's costs: the masked picture rebuilt on every edit of the counter screen
(UI thread), the signature pad's PNG (UI thread, once), the signed promise's rendering (print
thread) against the unsigned one."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

from bench.stats import percentile


def _ms(fn: object, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from intake.catalog import load_demo_catalog
    from intake.citizen import citizen_view
    from intake.flow import IntakeFlow

    catalog = load_demo_catalog()
    flow = IntakeFlow(catalog)
    flow.applicant = {"name": "戴雨英", "id_number": "430121195601019001", "phone": "15912348464"}
    bundle = max(catalog.bundles.values(), key=lambda b: len(b.matters))
    flow.choose_bundle(bundle.code) if not bundle.situations else flow.choose_matter(
        next(iter(catalog.matters))
    )
    assert flow.merged is not None
    view = _ms(lambda: citizen_view(flow), 2000)
    print(
        f"citizen_view ({len(flow.merged.materials)} materials): "
        f"p50 {percentile(view, 0.5):.3f} ms, p99 {percentile(view, 0.99):.3f} ms"
    )

    from PySide6.QtWidgets import QApplication

    from desktop.citizen.pad import SignaturePad

    app = QApplication.instance() or QApplication([])
    pad = SignaturePad()
    pad.resize(1280, 430)
    for s in range(6):
        pad.begin(100 + s * 150, 200)
        for i in range(60):
            pad.extend(100 + s * 150 + i * 2, 200 + (i % 20) * 5, 0.5)
        pad.end()
    png = pad.to_png()
    encode = _ms(pad.to_png, 50)
    print(
        f"signature PNG ({pad.stroke_count} strokes, {len(png)} bytes): "
        f"p50 {percentile(encode, 0.5):.2f} ms, max {max(encode):.2f} ms"
    )
    del app

    from printing.context import DocContext
    from printing.documents import build_document
    from printing.fonts import load_font_set
    from printing.pdf import render_pdf
    from tests.printing import factories as f

    fonts = load_font_set()
    case = f.make_case()
    at = datetime(2026, 12, 1, 2, tzinfo=UTC)

    def render(extra: dict[str, object]) -> None:
        ctx = DocContext(
            kind="promise",
            case=case,
            office=f.OFFICE,
            doc_number=1,
            year=2026,
            printed_at=at,
            catalog=f.catalog(),
            extra=extra,
        )
        render_pdf(build_document(ctx), fonts)

    render({})
    plain = _ms(lambda: render({}), 20)
    signed = _ms(lambda: render({"signature": (png, at)}), 20)
    print(
        f"promise PDF: unsigned p50 {percentile(plain, 0.5):.1f} ms, "
        f"signed p50 {percentile(signed, 0.5):.1f} ms"
    )
