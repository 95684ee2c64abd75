"""The audit chain's verification (progress, cancel, what broke and where) and the viewer's
query (filters, keyset pages). The store is edited directly, as a tamperer would."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from intake.clock import local_date, now
from intake.errors import NotFound
from intake.services.audit import AuditFilter, Break
from intake.station import Station


def _fill(station: Station, n: int) -> None:
    with station.db.write() as session:
        from intake.services import audit

        for i in range(n):
            audit.append(session, "clerk01" if i % 2 else "clerk02", "view", None, f"row {i}")


def test_an_intact_chain_reports_progress_to_the_end(station: Station) -> None:
    _fill(station, 2500)
    seen: list[tuple[int, int]] = []
    verdict = station.audit.verify(lambda done, total: seen.append((done, total)), every=1000)
    assert verdict.ok and verdict.rows == verdict.total == 2500
    assert seen == [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]


def test_an_edited_row_is_found_where_it_was_edited(station: Station) -> None:
    _fill(station, 50)
    with station.db.write() as s:
        s.execute(text("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 37"))
    verdict = station.audit.verify()
    assert not verdict.ok and verdict.first_bad_seq == 37 and verdict.problem is Break.ALTERED
    assert verdict.rows == 37  # stopped there


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(station: Station) -> None:
    from intake.services.audit import _row_hash

    _fill(station, 20)
    with station.db.write() as s:
        prev, at, op, action, case_id = s.execute(
            text("SELECT prev_hash, at, operator_id, action, case_id FROM audit_log WHERE seq=9")
        ).one()
        forged = _row_hash(prev, at, op, action, case_id, "forged")
        s.execute(text("UPDATE audit_log SET detail='forged', hash=:h WHERE seq=9"), {"h": forged})
    verdict = station.audit.verify()
    assert verdict.first_bad_seq == 10 and verdict.problem is Break.RELINKED


def test_a_deleted_row_is_found_with_the_gap(station: Station) -> None:
    _fill(station, 50)
    with station.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq BETWEEN 20 AND 22"))
    verdict = station.audit.verify()
    assert not verdict.ok and verdict.problem is Break.REMOVED
    assert (verdict.missing_from, verdict.first_bad_seq) == (20, 23)


def test_verification_can_be_cancelled(station: Station) -> None:
    _fill(station, 3000)
    calls: list[int] = []
    verdict = station.audit.verify(lambda done, _t: calls.append(done), lambda: True, every=500)
    assert verdict.cancelled and not verdict.ok and verdict.rows == 500
    assert verdict.first_bad_seq is None  # nothing found: only not finished


def test_search_filters_and_pages(station: Station) -> None:
    _fill(station, 30)
    station.audit.record("super01", "settings.change", None, "idle_lock_minutes: 10 → 5")
    everything = station.audit.search(AuditFilter(), limit=1000)
    assert [line.seq for line in everything] == sorted((x.seq for x in everything), reverse=True)
    first = station.audit.search(AuditFilter(operator_id="clerk01"), limit=10)
    assert len(first) == 10 and {x.operator_id for x in first} == {"clerk01"}
    assert first[0].operator_name == "李明"
    second = station.audit.search(
        AuditFilter(operator_id="clerk01"), before_seq=first[-1].seq, limit=10
    )
    assert len(second) == 5 and second[0].seq < first[-1].seq
    only = station.audit.search(AuditFilter(action="settings.change"))
    assert [x.detail for x in only] == ["idle_lock_minutes: 10 → 5"]
    today = local_date(now())
    assert len(station.audit.search(AuditFilter(since=today, until=today), limit=1000)) == len(
        everything
    )
    assert station.audit.search(AuditFilter(until=today - timedelta(days=1))) == []
    assert station.audit.search(AuditFilter(since=date(2100, 1, 1))) == []
    assert "settings.change" in station.audit.actions()


def test_search_by_case_number_and_unknown_case(station: Station, make_request) -> None:  # type: ignore[no-untyped-def]
    from intake.requests import parse_request

    result = station.cases.accept(parse_request(make_request(), today=local_date(now())))
    station.audit.record("clerk01", "view", None)
    lines = station.audit.search(AuditFilter(case_ref=result.case_number.lower()))
    assert lines and {x.case_number for x in lines} == {result.case_number}
    with pytest.raises(NotFound):
        station.audit.search(AuditFilter(case_ref="NOPE-1"))
