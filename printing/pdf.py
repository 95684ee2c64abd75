"""Lay a ``Document`` out as PDF with reportlab: A4/A5 notices and 80 mm tickets.

Notices get a header drawn on every page (office, title, document number, case number as a
Code128 barcode, QR tracking code) and a footer (clerk, phone, print or reprint time,
第N页 共M页), so a page that falls out of a stack still says what it belongs to. The body
flows through platypus: long tables split by row and repeat their header row.
"""

from __future__ import annotations

import io
import itertools
import math
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable
from reportlab.platypus import paragraph as _rl_paragraph

from printing.context import cn_datetime
from printing.drawing import Text, barcode, draw_qr
from printing.errors import MissingGlyphs
from printing.flowables import Closing, CodesFlowable, SealArea, SignLines
from printing.fonts import FontSet
from printing.model import (
    BigText,
    Codes,
    Document,
    Fields,
    Paper,
    Para,
    Seal,
    Section,
    Signatures,
    Table,
)

GREY = colors.Color(0.93, 0.93, 0.93)
LINE = colors.Color(0.35, 0.35, 0.35)
RED = colors.Color(0.75, 0.1, 0.1)

ROLL_WIDTH = 80 * mm
CELL_PAD = 3
QR_SIZE = 24 * mm


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    pages: int
    width_mm: float
    height_mm: float
    missing: tuple[str, ...]  # characters no installed font could draw

    @property
    def warnings(self) -> tuple[str, ...]:
        """Job warnings: ``font.missing_glyph:U+20BB7`` per missing character."""
        return tuple(f"font.missing_glyph:U+{ord(c):04X}" for c in self.missing)


# -- layout ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Geometry:
    page: tuple[float, float]
    margin: float
    top: float  # header height
    bottom: float  # footer height
    body: float  # body font size
    title: float


GEOMETRY = {
    Paper.A4: _Geometry(A4, 18 * mm, 48 * mm, 20 * mm, 10.5, 20),
    Paper.A5: _Geometry(A5, 11 * mm, 48 * mm, 18 * mm, 9, 16),
}


#: GB/T 15834-2011 标点符号用法 §5.1.7: 句号、逗号、顿号、分号、冒号、问号、叹号、后引号、
#: 后括号、后书名号 do not start a line. reportlab's CJK wrap knows the Japanese set only
#: (it lacks ， ； ： ！ ？ 》 ’ ”), so a notice could print "，办理结果为…" at a line's start.
#: Both of its wrapping paths read the set from their module (one-font and mixed-font text).
CHINESE_CANNOT_START = "，；：！？》’”〉）"
for _module in (_rl_textsplit, _rl_paragraph):
    _module.ALL_CANNOT_START += "".join(
        c for c in CHINESE_CANNOT_START if c not in _module.ALL_CANNOT_START
    )


_rl_cjk_split = _rl_paragraph.cjkFragSplit


def _cjk_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's CJK wrap hangs one closing mark in the margin but never two: "…通知）" then
    "，请补齐…" put the ， at a line's start. After its split, every mark left at the start of
    a line moves up to hang after the previous line's last character (GB/T 15834 §5.1.7)."""
    out = _rl_cjk_split(frags, max_widths, calc_bounds, encoding)
    lines = getattr(out, "lines", [])
    for prev, line in itertools.pairwise(lines):
        while (
            prev.words
            and line.words
            and line.words[0].text
            and line.words[0].text[0] in _rl_paragraph.ALL_CANNOT_START
            and not getattr(prev, "lineBreak", False)
        ):
            first = line.words[0]
            mark = first.text[0]
            width = stringWidth(mark, first.fontName, first.fontSize)
            first.text = first.text[1:]
            last = prev.words[-1]
            if last.fontName == first.fontName and last.fontSize == first.fontSize:
                last.text += mark
            else:
                hung = first.clone()
                hung.text = mark
                prev.words.append(hung)
            prev.extraSpace -= width
            prev.currentWidth += width
            line.extraSpace += width
            line.currentWidth -= width
            if not first.text:
                line.words.pop(0)
    return out


_rl_word_split = _rl_paragraph.wordSplit


def _word_split(
    word: str, max_widths: Any, font_name: str, font_size: float, encoding: str = "utf8"
) -> Any:
    """The one-font path of the same wrap: (extra space, text) lines, marks moved up."""
    lines = [list(x) for x in _rl_word_split(word, max_widths, font_name, font_size, encoding)]
    for prev, line in itertools.pairwise(lines):
        while prev[1] and line[1] and line[1][0] in _rl_paragraph.ALL_CANNOT_START:
            mark = line[1][0]
            width = stringWidth(mark, font_name, font_size)
            prev[1] += mark
            prev[0] -= width
            line[1] = line[1][1:]
            line[0] += width
    return [tuple(x) for x in lines if x[1] or x is lines[0]]


_rl_paragraph.cjkFragSplit = _cjk_split
_rl_paragraph.wordSplit = _word_split


class _Builder:
    def __init__(self, doc: Document, fonts: FontSet) -> None:
        self.doc, self.fonts, self.text = doc, fonts, Text(fonts)
        roll = doc.paper is Paper.ROLL80
        size = 9.5 if roll else GEOMETRY[doc.paper].body
        base = ParagraphStyle(
            "body",
            fontName=fonts.name,
            fontSize=size,
            leading=size * 1.55,
            wordWrap="CJK",
            alignment=TA_LEFT,
            firstLineIndent=0,
        )
        self.styles = {
            "body": ParagraphStyle(
                "b", base, firstLineIndent=2 * size, spaceBefore=size * 0.3, spaceAfter=size * 0.4
            ),
            "lead": ParagraphStyle("l", base, spaceBefore=size * 0.3, spaceAfter=size * 0.2),
            "note": ParagraphStyle(
                "n",
                base,
                fontSize=size - 1.5,
                leading=(size - 1.5) * 1.5,
                textColor=colors.Color(0.25, 0.25, 0.25),
                spaceBefore=3,
                spaceAfter=3,
            ),
            "strong": ParagraphStyle(
                "s", base, fontSize=size + 1, leading=(size + 1) * 1.5, spaceBefore=3, spaceAfter=3
            ),
            "center": ParagraphStyle("c", base, alignment=TA_CENTER),
            "cell": ParagraphStyle("t", base, fontSize=size - 1, leading=(size - 1) * 1.35),
            "head": ParagraphStyle(
                "h", base, fontSize=size - 1, leading=(size - 1) * 1.35, alignment=TA_CENTER
            ),
            "caption": ParagraphStyle(
                "cap",
                base,
                fontSize=size + 0.5,
                leading=(size + 0.5) * 1.5,
                spaceBefore=size * 0.6,
                spaceAfter=size * 0.3,
            ),
        }
        self.size = size

    def p(self, text: str, style: str) -> Paragraph:
        return Paragraph(self.text.markup(text), self.styles[style])

    def cell(self, text: str, style: str, col_width: float) -> Any:
        """A table cell: a plain string when it fits one line in the primary font (drawn
        directly, several times faster than a Paragraph), else a wrapping Paragraph."""
        st = self.styles[style]
        runs = self.fonts.runs(text)
        one_font = len(runs) <= 1 and (not runs or runs[0][0] == self.fonts.name)
        if (
            one_font
            and "\n" not in text
            and stringWidth(text, self.fonts.name, st.fontSize) <= col_width - 2 * CELL_PAD
        ):
            return text
        return self.p(text, style)

    def story(self, width: float) -> list[Any]:
        """The body; the closing block (last paragraph, seal, signatures) stays together so
        a page never carries a seal alone."""
        sections = list(self.doc.sections)
        tail: list[Section] = []
        while sections and isinstance(sections[-1], Seal | Signatures):
            tail.insert(0, sections.pop())
        if tail and sections and isinstance(sections[-1], Para):
            tail.insert(0, sections.pop())
        out: list[Any] = []
        for s in sections:
            out.extend(self.section(s, width))
        if tail:
            out.append(KeepTogether(self.closing(tail, width)))
        return out

    def closing(self, tail: list[Section], width: float) -> list[Any]:
        seals = [s for s in tail if isinstance(s, Seal)]
        signs = [s for s in tail if isinstance(s, Signatures)]
        if len(seals) == 1 and len(signs) == 1 and self.doc.paper is not Paper.ROLL80:
            rest = [f for s in tail if isinstance(s, Para) for f in self.section(s, width)]
            return [
                *rest,
                Spacer(1, 2 * mm),
                Closing(self.text, seals[0], signs[0], width, self.size),
            ]
        return [f for s in tail for f in self.section(s, width)]

    def section(self, s: Section, width: float) -> list[Any]:
        if isinstance(s, Para):
            return [self.p(s.text, s.style)]
        if isinstance(s, Fields):
            return self.fields(s, width)
        if isinstance(s, Table):
            return self.table(s, width)
        if isinstance(s, Signatures):
            return [self.signatures(s, width)]
        if isinstance(s, Seal):
            return [Spacer(1, 3 * mm), SealArea(self.text, s, width, self.size)]
        if isinstance(s, BigText):
            big = ParagraphStyle("big", self.styles["center"], fontSize=40, leading=46)
            label = [self.p(s.label, "center")] if s.label else []
            return [*label, Paragraph(self.text.markup(s.text), big)]
        if isinstance(s, Codes):
            return [Spacer(1, 2 * mm), CodesFlowable(self.doc, self.text, width), Spacer(1, 2 * mm)]
        raise TypeError(f"unknown section {type(s).__name__}")

    def _grid_style(self, header: bool) -> TableStyle:
        cmds: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.name),
            ("FONTSIZE", (0, 0), (-1, -1), self.styles["cell"].fontSize),
            ("LEADING", (0, 0), (-1, -1), self.styles["cell"].leading),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ]
        if header:
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), GREY))
        return TableStyle(cmds)

    def fields(self, f: Fields, width: float) -> list[Any]:
        pairs = 2 if width > 150 * mm else 1
        label_w = 27 * mm if self.doc.paper is not Paper.ROLL80 else 18 * mm
        value_w = width / pairs - label_w
        cells = [(self.cell(k, "cell", label_w), self.cell(v, "cell", value_w)) for k, v in f.rows]
        rows = []
        for i in range(0, len(cells), pairs):
            chunk = cells[i : i + pairs]
            row: list[Any] = [x for pair in chunk for x in pair]
            row += [""] * (2 * pairs - len(row))
            rows.append(row)
        if self.doc.paper is Paper.ROLL80:
            t = RLTable(rows, colWidths=[label_w, value_w])
            t.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (-1, -1), self.fonts.name),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ]
                )
            )
            return [t]
        lone = pairs == 2 and len(cells) % 2 == 1
        if lone:  # a lone last pair gets a full-width row of its own, not two empty cells
            rows[-1] = rows[-1][:2]
        out = [self._grid(rows[:-1] if lone else rows, [label_w, value_w] * pairs)]
        if lone:
            out.append(self._grid(rows[-1:], [label_w, width - label_w]))
        return [x for x in out if x is not None]

    def _grid(self, rows: list[list[Any]], widths: list[float]) -> Any:
        if not rows:
            return None
        t = RLTable(rows, colWidths=widths)
        style = self._grid_style(False)
        for col in range(0, len(widths), 2):
            style.add("BACKGROUND", (col, 0), (col, -1), GREY)
        t.setStyle(style)
        return t

    def table(self, t: Table, width: float) -> list[Any]:
        title = self.p(t.title, "caption")
        if not t.rows:
            return [KeepTogether([title, self.p(t.empty, "note")])]
        total = sum(t.widths)
        widths = [width * w / total for w in t.widths]
        data = [[self.cell(h, "head", w) for h, w in zip(t.headers, widths, strict=True)]]
        data += [
            [self.cell(v, "cell", w) for v, w in zip(row, widths, strict=True)] for row in t.rows
        ]
        table = RLTable(data, colWidths=widths, repeatRows=1, splitByRow=1)
        style = self._grid_style(True)
        style.add("ALIGN", (0, 0), (-1, 0), "CENTER")
        table.setStyle(style)
        title.keepWithNext = True
        return [title, table]

    def signatures(self, s: Signatures, width: float) -> Any:
        return SignLines(self.text, s, width, self.size)


# -- page furniture for notices ------------------------------------------------------------


#: Documents that are not about one case: what their QR caption and number say instead.
HEADER_LABELS = {"handover": ("扫码核对批次", "交接批次")}


def _header(c: Canvas, doc: Document, text: Text, g: _Geometry) -> None:
    w, h = g.page
    m = g.margin
    c.saveState()
    qr_x = w - m - QR_SIZE
    draw_qr(c, doc.tracking_url, qr_x, h - 8 * mm - QR_SIZE, QR_SIZE)
    caption, number_label = HEADER_LABELS.get(doc.kind, ("扫码查询进度", "办件编号"))
    text.draw(c, qr_x + QR_SIZE / 2, h - 11 * mm - QR_SIZE, caption, 7, "center")
    text.draw(
        c, qr_x + QR_SIZE / 2, h - 14.5 * mm - QR_SIZE, f"查询码 {doc.verify_code}", 7, "center"
    )
    free = w - 2 * (m + QR_SIZE + 2 * mm)
    office_size = text.fit(doc.office_name, g.title * 0.6, free)
    text.draw(c, w / 2, h - 14 * mm, doc.office_name, office_size, "center")
    title_size = text.fit(doc.title, g.title, free)
    tw = text.draw(
        c, w / 2, h - 14 * mm - g.title * 1.25, doc.title, title_size, "center", bold=True
    )
    if doc.reprint:
        c.setStrokeColor(RED)
        c.setFillColor(RED)
        x = w / 2 + tw / 2 + 3 * mm
        y = h - 14 * mm - g.title * 1.25 - 1.5 * mm
        c.setLineWidth(1)
        c.rect(x, y, 12 * mm, 7 * mm, stroke=1, fill=0)
        text.draw(c, x + 6 * mm, y + 1.7 * mm, "补打", 10, "center")
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)
    bar_top = h - 14 * mm - g.title * 1.25 - 5 * mm
    bar = barcode(doc.case_number, w - 2 * m - QR_SIZE - 6 * mm, 8 * mm, text.fonts.name)
    bar.drawOn(c, m, bar_top - 8 * mm)
    line_y = h - g.top + 6 * mm
    text.draw(c, m, line_y, f"{number_label}：{doc.case_number}", 8.5)
    text.draw(c, w - m, line_y, f"编号：{doc.doc_number_text}", 8.5, "right")
    c.setLineWidth(0.8)
    c.line(m, h - g.top + 3.5 * mm, w - m, h - g.top + 3.5 * mm)
    if doc.watermark:
        c.setFillColor(colors.Color(0.85, 0.85, 0.85))
        c.translate(w / 2, h / 2)
        c.rotate(35)
        text.draw(c, 0, 0, doc.watermark, 90, "center")
    c.restoreState()


def _footer_text(doc: Document) -> tuple[str, str]:
    when = ("补打时间：" if doc.reprint else "打印时间：") + cn_datetime(doc.printed_at)
    first = f"经办人：{doc.clerk}　联系电话：{doc.phone}　{when}"
    return first, (f"地址：{doc.address}" if doc.address else "")


def _footer(c: Canvas, doc: Document, text: Text, g: _Geometry) -> None:
    w, _ = g.page
    m = g.margin
    c.saveState()
    c.setLineWidth(0.5)
    c.line(m, g.bottom - 6 * mm, w - m, g.bottom - 6 * mm)
    first, second = _footer_text(doc)
    size = text.fit(first, 8, w - 2 * m - 24 * mm)
    if doc.reprint:
        c.setFillColor(RED)
    text.draw(c, m, g.bottom - 10 * mm, first, size)
    c.setFillColor(colors.black)
    if second:
        text.draw(c, m, g.bottom - 14 * mm, second, text.fit(second, 8, w - 2 * m - 24 * mm))
    c.restoreState()


def _numbered_canvas(text: Text, g: _Geometry) -> type[Canvas]:
    """A canvas that keeps page states so it can print 第N页 共M页 once M is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for i, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                text.draw(
                    self,
                    g.page[0] - g.margin,
                    g.bottom - 10 * mm,
                    f"第{i}页 共{total}页",
                    8.5,
                    "right",
                )
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


# -- entry points ----------------------------------------------------------------------------


def check_glyphs(doc: Document, fonts: FontSet, *, strict: bool = False) -> tuple[str, ...]:
    """Characters of the document no installed font has; MissingGlyphs if ``strict``."""
    missing = tuple(fonts.missing("".join(doc.texts())))
    if missing and strict:
        raise MissingGlyphs(
            "characters without a glyph in any installed font",
            details={"codepoints": [f"U+{ord(ch):04X}" for ch in missing]},
        )
    return missing


def render_pdf(doc: Document, fonts: FontSet, *, strict_glyphs: bool = False) -> RenderResult:
    """The document as PDF bytes. Uncovered characters are reported in the result (or raise
    ``font.missing_glyph`` when ``strict_glyphs``): never silently dropped."""
    missing = check_glyphs(doc, fonts, strict=strict_glyphs)
    b = _Builder(doc, fonts)
    buf = io.BytesIO()
    meta = {"title": doc.title, "author": doc.office_name, "creator": "WindowDesk"}
    if doc.paper is Paper.ROLL80:
        width, height, pages = _render_roll(doc, b, buf, meta)
    else:
        g = GEOMETRY[doc.paper]
        width, height = g.page
        frame = Frame(
            g.margin,
            g.bottom,
            width - 2 * g.margin,
            height - g.top - g.bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

        def on_page(c: Canvas, _d: Any) -> None:
            _header(c, doc, b.text, g)
            _footer(c, doc, b.text, g)

        template = BaseDocTemplate(
            buf,
            pagesize=g.page,
            leftMargin=g.margin,
            rightMargin=g.margin,
            topMargin=g.top,
            bottomMargin=g.bottom,
            initialFontName=fonts.name,
            **meta,
        )
        template.addPageTemplates([PageTemplate("page", [frame], onPage=on_page)])
        template.build(b.story(frame._width), canvasmaker=_numbered_canvas(b.text, g))
        pages = template.page
    return RenderResult(buf.getvalue(), pages, width / mm, height / mm, missing)


def _render_roll(
    doc: Document, b: _Builder, buf: io.BytesIO, meta: dict[str, str]
) -> tuple[float, float, int]:
    """80 mm roll: one page exactly as long as the content (printers cut after it)."""
    margin = 4 * mm
    width = ROLL_WIDTH - 2 * margin
    head = [
        b.p(doc.office_name, "center"),
        Paragraph(
            b.text.markup(doc.title),
            ParagraphStyle("rt", b.styles["center"], fontSize=14, leading=19),
        ),
    ]
    if doc.reprint:
        head.append(
            Paragraph(
                b.text.markup("【补打】"), ParagraphStyle("rr", b.styles["center"], textColor=RED)
            )
        )
    first, second = _footer_text(doc)
    tail = [b.p(f"编号：{doc.doc_number_text}", "note"), b.p(first, "note")]
    if second:
        tail.append(b.p(second, "note"))
    story = [*head, *b.story(width), *tail]
    height = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
    page_h = math.ceil(height + 2 * margin + 6 * mm)
    story = [*head, *b.story(width), *tail]  # fresh flowables: wrap() above cached state
    frame = Frame(
        margin,
        margin,
        width,
        page_h - 2 * margin,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template = BaseDocTemplate(
        buf,
        pagesize=(ROLL_WIDTH, page_h),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        initialFontName=b.fonts.name,
        **meta,
    )
    template.addPageTemplates([PageTemplate("roll", [frame])])
    template.build(story)
    return ROLL_WIDTH, page_h, template.page
