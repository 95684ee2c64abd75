"""The custom flowables of notices: seal area, signature lines, the closing band, codes."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from printing.drawing import Text, barcode, draw_qr
from printing.model import Document, Seal, Signatures


class SealArea(Flowable):  # type: ignore[misc]
    """Office name and date bottom right, over a dashed circle where the seal is stamped."""

    def __init__(self, text: Text, seal: Seal, width: float, size: float) -> None:
        super().__init__()
        self.text, self.seal, self.size = text, seal, size
        self.width, self.height = width, 36 * mm

    def draw(self) -> None:
        c = self.canv
        cx = self.width - 30 * mm
        cy = self.height / 2
        c.saveState()
        c.setStrokeColor(colors.Color(0.7, 0.7, 0.7))
        c.setDash(2, 2)
        c.circle(cx, cy, 16 * mm)
        c.restoreState()
        c.setFillColor(colors.Color(0.6, 0.6, 0.6))
        self.text.draw(c, cx, cy - 14 * mm, "（盖章）", self.size * 0.75, "center")
        c.setFillColor(colors.black)
        name_size = self.text.fit(self.seal.office, self.size, 58 * mm)
        self.text.draw(c, cx, cy + 2 * mm, self.seal.office, name_size, "center")
        self.text.draw(c, cx, cy - 5 * mm, self.seal.date, self.size, "center")


class SignLines(Flowable):  # type: ignore[misc]
    """Signature lines: a label with a rule to sign on, and a second label (a date to fill in
    as 年 月 日, or a printed value such as the receiving clerk)."""

    def __init__(
        self, text: Text, s: Signatures, width: float, size: float, stacked: bool = False
    ) -> None:
        super().__init__()
        self.text, self.size, self.stacked = text, size, stacked
        self.image = ImageReader(io.BytesIO(s.image)) if s.image else None
        self.signed_on = s.signed_on
        # stacked (beside the seal): each pair on two rows, the second under the first
        self.rows: list[tuple[str, str]] = []
        for a, b in s.lines:
            self.rows += [(a, ""), (b, "")] if stacked else [(a, b)]
        self.row = size * 3
        self.width, self.height = width, self.row * len(self.rows) + 2 * mm

    def _signature(self, x: float, y: float, end: float) -> None:
        """The applicant's signature sitting on the rule from ``x`` to ``end``."""
        assert self.image is not None
        w, h = self.image.getSize()
        box_w, box_h = max(end - x - 2 * mm, 10 * mm), self.row * 0.9
        scale = min(box_w / w, box_h / h)
        self.canv.drawImage(self.image, x + 1 * mm, y - 2.5, w * scale, h * scale, mask="auto")

    def _blank(self, x: float, y: float, label: str, end: float, first: bool = False) -> None:
        c = self.canv
        x += self.text.draw(c, x, y, label, self.size)
        if label.endswith("日期：") and self.image is not None and self.signed_on:
            drawn = self.text.draw(c, x + 1 * mm, y, self.signed_on, self.size)
            c.line(x + 1, y - 1.5, x + drawn + 2 * mm, y - 1.5)
            return
        if first and self.image is not None and label.endswith("："):
            c.line(x + 1 * mm, y - 1.5, end, y - 1.5)
            self._signature(x, y, end)
            return
        if label.endswith("日期："):
            step = self.size * 2.6
            for j, unit in enumerate("年月日"):
                gap = step * (1.6 if j == 0 else 1)
                c.line(x + 1, y - 1.5, x + gap - 1, y - 1.5)
                x += gap
                x += self.text.draw(c, x, y, unit, self.size)
        elif label.endswith("："):
            c.line(x + 1 * mm, y - 1.5, end, y - 1.5)

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        half = self.width if self.stacked else self.width * 0.56
        for i, (a, b) in enumerate(self.rows):
            y = self.height - (i + 1) * self.row
            self._blank(0, y, a, half - 6 * mm, first=i == 0)
            if b:
                self._blank(half, y, b, self.width)


class Closing(Flowable):  # type: ignore[misc]
    """Signature lines on the left, the seal area on the right, in one band (saves a third
    of a page against stacking them)."""

    def __init__(self, text: Text, seal: Seal, s: Signatures, width: float, size: float) -> None:
        super().__init__()
        self.seal = SealArea(text, seal, width, size)
        self.sign = SignLines(text, s, width - 64 * mm, size, stacked=True)
        self.width = width
        self.height = max(self.seal.height, self.sign.height)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.seal.wrap(aw, ah)
        self.sign.wrap(aw, ah)
        return self.width, self.height

    def draw(self) -> None:
        self.seal.drawOn(self.canv, 0, self.height - self.seal.height)
        self.sign.drawOn(self.canv, 0, 0)


class CodesFlowable(Flowable):  # type: ignore[misc]
    """QR and barcode centred in the flow (tickets)."""

    def __init__(self, doc: Document, text: Text, width: float) -> None:
        super().__init__()
        self.doc, self.text = doc, text
        self.qr = 30 * mm
        self.bar = barcode(doc.case_number, width - 6 * mm, 9 * mm, text.fonts.name)
        self.width, self.height = width, self.qr + self.bar.height + 9 * mm

    def draw(self) -> None:
        c = self.canv
        draw_qr(
            c, self.doc.tracking_url, (self.width - self.qr) / 2, self.height - self.qr, self.qr
        )
        self.text.draw(
            c,
            self.width / 2,
            self.height - self.qr - 1 * mm,
            f"查询码：{self.doc.verify_code}",
            8,
            "center",
        )
        self.bar.drawOn(c, (self.width - self.bar.width) / 2, 0)
