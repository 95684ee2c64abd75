"""What a document is rendered from besides the case: the office, the job, the options."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import quote

from intake.catalog.model import Catalog
from intake.clock import CST
from intake.masking import mask_id_number, mask_name, mask_phone
from intake.views import CaseView
from printing.errors import TemplateError
from printing.model import Paper


class SettingsLike(Protocol):
    """The fields of ``intake`` StationSettings that printing reads."""

    station_code: str
    office_name: str
    phone: str
    address: str
    tracking_url_template: str


@dataclass(frozen=True)
class Office:
    station_code: str
    name: str
    phone: str
    address: str
    tracking_url_template: str
    #: 机关代字 of document numbers (长政务受字〔2026〕第17号); empty: the station code is used
    agency_abbr: str = ""
    level: str = "county"  # county / town / village / kiosk: a 便民服务站 receives (代收)

    @classmethod
    def from_settings(cls, s: SettingsLike) -> Office:
        return cls(
            s.station_code,
            s.office_name,
            s.phone,
            s.address,
            s.tracking_url_template,
            getattr(s, "agency_abbr", "") or "",  # a station's setting once it has one
            getattr(s, "level", "") or "county",
        )


@dataclass(frozen=True)
class MaskPolicy:
    """Which personal fields are masked on a document. Masked by default everywhere; a station
    configures full values per document kind where the law needs them."""

    name: bool = True
    id_number: bool = True
    phone: bool = True


UNMASKED = MaskPolicy(False, False, False)


@dataclass(frozen=True)
class QueueInfo:
    """The queue number and people waiting ahead, given by the queue system or the kiosk."""

    number: str
    ahead: int


@dataclass(frozen=True)
class DocContext:
    """Everything a builder needs. ``doc_number`` comes from the store's per-(kind, year)
    sequence; a reprint keeps the original number and is marked 补打."""

    kind: str
    case: CaseView
    office: Office
    doc_number: int
    year: int
    printed_at: datetime
    reprint: bool = False
    paper: Paper = Paper.A4
    mask: MaskPolicy = field(default_factory=MaskPolicy)
    catalog: Catalog | None = None
    queue: QueueInfo | None = None
    watermark: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    # -- personal data, masked per policy -------------------------------------------------
    def name(self, name: str) -> str:
        return mask_name(name) if self.mask.name else name

    def id_number(self, number: str) -> str:
        return mask_id_number(number) if self.mask.id_number else number

    def phone(self, phone: str) -> str:
        if not phone:
            return ""
        return mask_phone(phone) if self.mask.phone else phone


def local(dt: datetime) -> datetime:
    """Aware datetimes shown in China time; naive ones are taken as already local."""
    return dt.astimezone(CST) if dt.tzinfo is not None else dt


def cn_date(d: date | datetime | None) -> str:
    """2026年11月22日 (the form used on official documents)."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = local(d).date()
    return f"{d.year}年{d.month}月{d.day}日"


def cn_datetime(dt: datetime) -> str:
    t = local(dt)
    return f"{cn_date(t)} {t:%H:%M}"


def verify_code(case_id: str) -> str:
    """Six-character check code printed beside the QR code.

    Derived from the case's random UUIDv7 id, which is never printed, so the case number
    alone (which is sequential) does not reveal the tracking link of somebody else's case.
    The hub computes the same code from the synced case id: base32 of SHA-256 over
    ``"windowdesk-track:" + case_id``, first six characters, no padding.
    """
    digest = hashlib.sha256(f"windowdesk-track:{case_id}".encode()).digest()
    return base64.b32encode(digest).decode("ascii")[:6]


def tracking_url(template: str, case_number: str, case_id: str) -> str:
    """The QR code's link: the station's template filled with the case number and check code."""
    try:
        return template.format_map(
            {"case_number": quote(case_number, safe=""), "verify": verify_code(case_id)}
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise TemplateError(
            f"tracking URL template cannot be filled: {exc}", details={"template": template}
        ) from exc
