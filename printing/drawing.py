"""Drawing primitives for the PDF layout: font-run aware text, vector QR codes, barcodes."""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import FontSet


class Text:
    """Font-run aware text for one render: markup for paragraphs, runs for the canvas."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts

    def markup(self, text: str) -> str:
        out = []
        for name, run in self.fonts.runs(text):
            e = escape(run).replace("\n", "<br/>")
            out.append(e if name == self.fonts.name else f'<font face="{name}">{e}</font>')
        return "".join(out)

    def width(self, text: str, size: float) -> float:
        return float(sum(stringWidth(run, name, size) for name, run in self.fonts.runs(text)))

    def draw(
        self,
        c: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        anchor: str = "left",
        bold: bool = False,
    ) -> float:
        """Draw ``text`` with its font runs; ``anchor`` left/center/right. Returns the width."""
        w = self.width(text, size)
        if anchor == "center":
            x -= w / 2
        elif anchor == "right":
            x -= w
        t = c.beginText(x, y)
        if bold:  # the CJK fonts have one weight: stroke the outline to embolden titles
            t.setTextRenderMode(2)
            c.setLineWidth(size / 40)
        for name, run in self.fonts.runs(text):
            t.setFont(name, size)
            t.textOut(run)
        if bold:  # the render mode is graphics state: it outlives the text object
            t.setTextRenderMode(0)
        c.drawText(t)
        return w

    def fit(self, text: str, size: float, max_width: float, minimum: float = 7) -> float:
        """The largest size ≤ ``size`` at which ``text`` fits ``max_width``."""
        w = self.width(text, size)
        if w <= max_width or w == 0:
            return size
        return max(minimum, size * max_width / w)


@functools.lru_cache(maxsize=64)
def _qr_matrix(data: str) -> tuple[bytearray, ...]:
    """segno's matrix, cached: every page of a document carries the same code."""
    return tuple(segno.make(data, error="m", micro=False).matrix)


def draw_qr(c: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Vector QR (segno matrix drawn as row runs of rectangles), quiet zone included in size."""
    matrix = _qr_matrix(data)
    border = 4
    n = len(matrix) + 2 * border
    m = size / n
    p = c.beginPath()
    for r, row in enumerate(matrix):
        yy = y + size - (r + border + 1) * m
        start = -1
        for col, v in enumerate((*row, 0)):
            if v and start < 0:
                start = col
            elif not v and start >= 0:
                p.rect(x + (start + border) * m, yy, (col - start) * m, m)
                start = -1
    c.saveState()
    c.setFillColor(colors.black)
    c.drawPath(p, fill=1, stroke=0)
    c.restoreState()


def barcode(value: str, max_width: float, height: float, font: str) -> Code128:
    """Code128 of the case number, module width 0.25-0.4 mm (2-3 dots at 203 dpi)."""
    bar = 0.33 * mm
    b = Code128(value, barWidth=bar, barHeight=height, quiet=0, humanReadable=False, fontName=font)
    if b.width > max_width:
        bar = max(0.25 * mm, bar * max_width / b.width)
        b = Code128(
            value, barWidth=bar, barHeight=height, quiet=0, humanReadable=False, fontName=font
        )
    return b
