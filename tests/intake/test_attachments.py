"""Attachments: stored encrypted, once per case, named in the case content, one transaction."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from intake.canonical import case_payload, content_sha256
from intake.errors import NotFound, WindowDeskError
from intake.requests import parse_request
from intake.services.attachments import MAX_ATTACHMENT_BYTES
from intake.station import Station
from intake.store.db import DB_FILE
from intake.store.models import AttachmentRow, AuditRow, OutboxRow

TODAY = date(2026, 11, 20)
Req = Callable[..., dict[str, Any]]


def _case(station: Station, make_request: Req) -> str:
    return station.cases.accept(parse_request(make_request(), today=TODAY)).case_number


def _add(station: Station, case: str, data: bytes, material: str | None = "M_ID") -> Any:
    return station.attachments.add(
        case,
        data,
        material_id=material,
        filename=r"C:\scans\身份证.jpg",
        mime="image/jpeg",
        operator="clerk01",
    )


def _count(station: Station, table: Any) -> int:
    with station.db.read() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def test_add_is_one_transaction_naming_the_attachment_in_the_content(
    station: Station, make_request: Req
) -> None:
    number = _case(station, make_request)
    before = station.cases.get(number)
    audit_before = _count(station, AuditRow)
    data = b"\xff\xd8scan of an ID card" + os.urandom(1000)
    info = _add(station, number, data)
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert (info.case_id, info.material_id, info.size) == (before.id, "M_ID", len(data))
    assert info.filename == "身份证.jpg" and not info.uploaded
    after = station.cases.get(number)
    assert after.version == before.version + 1
    assert after.sync_state == "waiting"
    [m_id] = [m for m in after.materials if m.material_id == "M_ID"]
    assert m_id.attachments == (info.sha256,)
    assert all(m.attachments == () for m in after.materials if m.material_id != "M_ID")
    # the digest the platform will compare covers the attachment list
    assert content_sha256(after) != content_sha256(before)
    assert case_payload(after)["materials"][0]["attachments"] == [info.sha256]
    ops = station.outbox.for_case(after.id)
    assert [o.op for o in ops] == ["case.create", "case.materials"]
    assert ops[-1].base_version == before.version
    assert ops[-1].payload["content_sha256"] == content_sha256(after)
    actions = [(e.action, e.detail) for e in station.audit.for_case(after.id)]
    assert ("attach", info.sha256) in actions
    assert _count(station, AuditRow) == audit_before + 2  # attach + the case change
    assert station.audit.verify().ok
    assert station.attachments.read(info.sha256) == data
    assert station.attachments.for_case(number) == [info]


def test_the_same_bytes_twice_are_stored_once(station: Station, make_request: Req) -> None:
    number = _case(station, make_request)
    data = os.urandom(2000)
    first = _add(station, number, data)
    version = station.cases.get(number).version
    outbox = _count(station, OutboxRow)
    again = _add(station, number, data)
    assert again == first
    assert _count(station, AttachmentRow) == 1
    assert station.cases.get(number).version == version  # nothing queued the second time
    assert _count(station, OutboxRow) == outbox
    with pytest.raises(WindowDeskError) as exc:
        _add(station, number, data, material="M_HKB")
    assert exc.value.code == "attachment.other_material"
    # a second file on the same material: both named, sorted
    second = _add(station, number, os.urandom(2000))
    [m_id] = [m for m in station.cases.get(number).materials if m.material_id == "M_ID"]
    assert m_id.attachments == tuple(sorted((first.sha256, second.sha256)))


def test_the_same_file_on_two_cases_belongs_to_both_and_uploads_once(
    station: Station, make_request: Req
) -> None:
    one, two = _case(station, make_request), _case(station, make_request)
    data = os.urandom(3000)
    a, b = _add(station, one, data), _add(station, two, data)
    assert a.sha256 == b.sha256 and a.case_id != b.case_id
    assert station.attachments.pending_count() == 1
    [(info, blob)] = station.attachments.pending()
    assert blob == data
    station.attachments.mark_uploaded(info.sha256)
    assert station.attachments.pending() == [] and station.attachments.pending_count() == 0
    assert all(
        i.uploaded for i in station.attachments.for_case(one) + station.attachments.for_case(two)
    )


def test_size_case_and_material_are_checked_before_anything_is_written(
    station: Station, make_request: Req
) -> None:
    number = _case(station, make_request)
    outbox = _count(station, OutboxRow)
    for data in (b"", b"\0" * (MAX_ATTACHMENT_BYTES + 1)):
        with pytest.raises(WindowDeskError) as exc:
            _add(station, number, data)
        assert exc.value.code == "attachment.size"
    with pytest.raises(NotFound) as missing:
        _add(station, "CSX001-20261120-99999", b"x")
    assert missing.value.code == "case.not_found"
    with pytest.raises(WindowDeskError) as unknown:
        _add(station, number, b"x", material="M_PHOTO")  # a material of another matter
    assert unknown.value.code == "attachment.unknown_material"
    with pytest.raises(WindowDeskError) as mime:
        station.attachments.add(
            number, b"x", material_id=None, filename="a", mime="jpeg", operator="clerk01"
        )
    assert mime.value.code == "attachment.mime"
    assert _count(station, AttachmentRow) == 0 and _count(station, OutboxRow) == outbox
    with pytest.raises(NotFound):
        station.attachments.read("0" * 64)
    with pytest.raises(NotFound):
        station.attachments.mark_uploaded("0" * 64)


def test_a_material_less_attachment_is_kept_but_not_in_the_content(
    station: Station, make_request: Req
) -> None:
    number = _case(station, make_request)
    before = station.cases.get(number)
    info = _add(station, number, os.urandom(500), material=None)
    after = station.cases.get(number)
    assert info.material_id is None
    assert after.version == before.version and content_sha256(after) == content_sha256(before)
    assert [o.op for o in station.outbox.for_case(after.id)] == ["case.create"]
    assert [i.sha256 for i, _ in station.attachments.pending()] == [info.sha256]
    assert ("attach", info.sha256) in [
        (e.action, e.detail) for e in station.audit.for_case(after.id)
    ]


def test_pending_is_oldest_first_and_skips_what_a_round_already_tried(
    station: Station, make_request: Req
) -> None:
    number = _case(station, make_request)
    shas = [_add(station, number, os.urandom(100) + bytes([i])).sha256 for i in range(3)]
    assert [i.sha256 for i, _ in station.attachments.pending(limit=10)] == shas
    assert [i.sha256 for i, _ in station.attachments.pending(limit=1, exclude={shas[0]})] == [
        shas[1]
    ]


def test_a_viewed_attachment_is_audited(station: Station, make_request: Req) -> None:
    number = _case(station, make_request)
    info = _add(station, number, os.urandom(100))
    station.attachments.read(info.sha256, operator="clerk01")
    assert ("view_attachment", info.sha256) in [
        (e.action, e.detail) for e in station.audit.for_case(info.case_id)
    ]


def test_attachment_bytes_are_encrypted_at_rest(
    data_dir: Path, station: Station, make_request: Req
) -> None:
    number = _case(station, make_request)
    marker = b"WINDOWDESK-SCAN-MARKER-" * 400  # 9 KB no page could hold by chance
    info = _add(station, number, marker)
    assert station.attachments.read(info.sha256) == marker
    station.close()  # checkpoints the WAL into the file
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == DB_FILE for p in files)
    for path in files:
        assert b"WINDOWDESK-SCAN-MARKER" not in path.read_bytes(), path.name
