"""A document as ESC/POS bytes for 80 mm thermal printers (python-escpos).

Chinese goes out as GB18030 between ``FS &`` (Kanji mode on) and ``FS .`` (off): the printers
sold in China have a GB2312/GBK ROM font in that mode. We do not use python-escpos's ``text()``:
its code-page guessing turns lines of only CJK punctuation into '?'. The QR code uses the
printer's own command (``GS ( k``), so it is sharp at any density, and the ticket ends with a
cut. The bytes are built once on a ``Dummy`` printer and then sent over any transport.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from printing.context import cn_datetime
from printing.model import BigText, Codes, Document, Fields, Para, Seal, Signatures, Table

FS_KANJI_ON = b"\x1c\x26"
FS_KANJI_OFF = b"\x1c\x2e"
COLUMNS = 48  # font A on 80 mm paper: 48 half-width columns, 24 Chinese characters


@dataclass(frozen=True)
class EscposResult:
    data: bytes
    missing: tuple[str, ...]  # characters outside the printer's GBK font

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f"font.missing_glyph:U+{ord(c):04X}" for c in self.missing)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, columns: int = COLUMNS) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` display columns."""
    lines: list[str] = []
    cur, w = "", 0
    for ch in text:
        cw = width(ch)
        if w + cw > columns:
            lines.append(cur)
            cur, w = "", 0
        cur += ch
        w += cw
    if cur or not lines:
        lines.append(cur)
    return lines


def encode(text: str) -> bytes:
    """One line's bytes: plain ASCII as is, anything else as GB18030 inside FS & … FS ."""
    if text.isascii():
        return text.encode("ascii")
    return FS_KANJI_ON + text.encode("gb18030") + FS_KANJI_OFF


def printer_missing(text: str) -> list[str]:
    """Characters a GBK ROM font cannot print (e.g. 𠮷, needing GB18030's 4-byte form)."""
    out = []
    for ch in text:
        try:
            ch.encode("gbk")
        except UnicodeEncodeError:
            out.append(ch)
    return list(dict.fromkeys(out))


def code128(value: str, height: int = 60, module: int = 2) -> bytes:
    """Native Code128 (``GS k`` 73, code set B), no human-readable line. Written out here
    because python-escpos prints to stdout while building the same command."""
    data = b"{B" + value.encode("ascii")
    return (
        b"\x1dh"
        + bytes([height])
        + b"\x1dw"
        + bytes([module])
        + b"\x1dH\x00"
        + b"\x1dk\x49"
        + bytes([len(data)])
        + data
        + b"\n"
    )


def render_escpos(doc: Document) -> EscposResult:
    p = Dummy()
    p.hw("INIT")

    def line(text: str, align: str = "left") -> None:
        p.set(align=align)
        for part in wrap(text):
            p._raw(encode(part) + b"\n")

    p.set(align="center", normal_textsize=True)
    line(doc.office_name, "center")
    p.set(align="center", double_width=True, double_height=True)
    p._raw(encode(doc.title) + b"\n")
    p.set(normal_textsize=True)
    if doc.reprint:
        line("【补打】", "center")
    for s in doc.sections:
        if isinstance(s, BigText):
            if s.label:
                line(s.label, "center")
            p.set(align="center", custom_size=True, width=4, height=4)
            p._raw(encode(s.text) + b"\n")
            p.set(normal_textsize=True)
        elif isinstance(s, Fields):
            for k, v in s.rows:
                line(f"{k}：{v}")
        elif isinstance(s, Para):
            line(s.text)
        elif isinstance(s, Table):
            line(s.title)
            for row in s.rows:
                line("  ".join(row))
        elif isinstance(s, Codes):
            p.set(align="center")
            p.qr(doc.tracking_url, ec=QR_ECLEVEL_M, size=6, native=True)
            line(f"查询码：{doc.verify_code}", "center")
            p._raw(code128(doc.case_number))
        elif isinstance(s, Signatures):
            for a, b in s.lines:
                line(f"{a}________  {b}")
        elif isinstance(s, Seal):
            line(f"{s.office}  {s.date}", "right")
    p.set(align="left", normal_textsize=True)
    line(f"编号：{doc.doc_number_text}")
    when = ("补打时间：" if doc.reprint else "打印时间：") + cn_datetime(doc.printed_at)
    line(f"联系电话：{doc.phone}")
    line(when)
    p.cut()
    missing = tuple(printer_missing("".join(doc.texts())))
    return EscposResult(bytes(p.output), missing)
