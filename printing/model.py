"""The document model: a document is a header plus a list of sections built from the case.

Builders (``printing.documents``) turn a case into this data; renderers (``printing.pdf`` for
paper, ``printing.escpos`` for thermal printers) lay it out. No builder knows about points
or pages, so one template serves A4, A5 and 80 mm, and long lists flow onto further pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Paper(StrEnum):
    A4 = "a4"
    A5 = "a5"
    ROLL80 = "80mm"


@dataclass(frozen=True)
class Para:
    """A paragraph; ``style``: body, lead (salutation), note (small), strong, center."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Fields:
    """Label/value pairs laid out in a grid (two pairs a row on wide paper)."""

    rows: tuple[tuple[str, str], ...]
    title: str = ""


@dataclass(frozen=True)
class Table:
    """A titled table; ``widths`` are relative column widths. Rows split across pages and the
    header row repeats."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    empty: str = "无"


@dataclass(frozen=True)
class Signatures:
    """Blank lines for hand signatures: (label, second label) pairs like 签字 / 日期.

    ``image``: the applicant's signature drawn on the citizen screen (PNG), placed on the
    first line's rule; ``signed_on`` then fills the date line (2026年12月1日)."""

    lines: tuple[tuple[str, str], ...]
    image: bytes | None = None
    signed_on: str = ""


@dataclass(frozen=True)
class Seal:
    """The office's name, the date, and the area where the official seal is stamped."""

    office: str
    date: str


@dataclass(frozen=True)
class BigText:
    """A large centred line (the ticket's queue number)."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Codes:
    """Where the QR code and barcode go in the body (tickets only; notices carry them in the
    page header)."""


Section = Para | Fields | Table | Signatures | Seal | BigText | Codes


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    office_name: str
    doc_number_text: str
    case_number: str
    tracking_url: str
    verify_code: str
    clerk: str
    phone: str
    address: str
    printed_at: datetime  # local time
    paper: Paper
    sections: tuple[Section, ...]
    reprint: bool = False
    watermark: str = ""  # e.g. 样张 on samples
    warnings: tuple[str, ...] = field(default=())

    def texts(self) -> Iterator[str]:
        """Every string that will be printed (for glyph coverage checks)."""
        yield from (
            self.title,
            self.office_name,
            self.doc_number_text,
            self.case_number,
            self.clerk,
            self.phone,
            self.address,
        )
        for s in self.sections:
            if isinstance(s, Para):
                yield s.text
            elif isinstance(s, Fields):
                yield s.title
                for a, b in s.rows:
                    yield a
                    yield b
            elif isinstance(s, Table):
                yield s.title
                yield from s.headers
                for row in s.rows:
                    yield from row
            elif isinstance(s, Signatures):
                for a, b in s.lines:
                    yield a
                    yield b
                yield s.signed_on
            elif isinstance(s, Seal):
                yield s.office
                yield s.date
            elif isinstance(s, BigText):
                yield s.text
                yield s.label
