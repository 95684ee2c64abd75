"""The case service: intake decisions, one transaction per change, searches, sync hooks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from intake.canonical import canonical_json, case_payload, content_sha256
from intake.clock import CST
from intake.errors import IllegalTransition, RequestError, WindowDeskError
from intake.identity import check_char
from intake.requests import MaterialInput, parse_request
from intake.station import Station
from intake.status import Actor, SpecialKind, Status
from intake.store.models import CaseHistoryRow, CaseRow, OutboxRow
from intake.views import Channel, MaterialState
from tests.intake.conftest import APPLICANT

TODAY = date(2026, 11, 20)
Req = Callable[..., dict[str, Any]]


def accept(station: Station, raw: dict[str, Any]) -> Any:
    return station.cases.accept(parse_request(raw, today=TODAY))


def counts(station: Station) -> tuple[int, int, int]:
    with station.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(CaseRow)) or 0,
            s.scalar(select(func.count()).select_from(CaseHistoryRow)) or 0,
            s.scalar(select(func.count()).select_from(OutboxRow)) or 0,
        )


def test_accept_writes_case_history_and_outbox_together(
    station: Station, make_request: Req
) -> None:
    result = accept(station, make_request())
    assert result.status is Status.ACCEPTED
    assert result.case_number == "CSX001-20261120-00001"
    # 5 working days after Fri 2026-11-20 (the day itself does not count): Fri 11-27
    assert result.promised_date == date(2026, 11, 27)
    assert result.legal_date == date(2026, 12, 18)  # 20 working days
    assert counts(station) == (1, 3, 1)  # received, accepted, the applicant's visit
    view = station.cases.get(result.case_number)
    assert view.applicant.name == "张𠮷祥"  # outside the BMP, unchanged
    assert view.applicant.id_number == "11010519491231002X"
    assert [h.event for h in view.history] == ["received", "accepted", "visited"]
    assert view.catalog_version == "T-1"
    assert view.sync_state == "waiting"
    [item] = station.outbox.pending()
    assert item.op == "case.create" and item.entity_id == view.id
    assert item.payload["content"] == case_payload(view)
    assert item.payload["content_sha256"] == content_sha256(view)
    assert item.payload_json == canonical_json(item.payload)


def test_every_problem_is_listed_and_nothing_is_written(
    station: Station, make_request: Req
) -> None:
    raw = make_request(
        materials={"M_ID": "copy", "M_NOPE": "original"},
        form={"bank_account": "12ab", "colour": "red"},
        operator="nobody",
    )
    with pytest.raises(RequestError) as err:
        accept(station, raw)
    codes = {p.code for p in err.value.problems}
    assert {
        "request.unknown_material",
        "material.original_required",
        "decision.materials_missing",
        "form.pattern",
        "form.unknown_field",
        "request.operator",
    } <= codes
    assert counts(station) == (0, 0, 0)


def test_structural_problems_are_listed_together() -> None:
    with pytest.raises(RequestError) as err:
        parse_request(
            {
                "applicant": {"name": "", "id_number": "110105194912310021", "phone": "12"},
                "decision": "maybe",
                "channel": "fax",
            },
            today=TODAY,
        )
    where = {p.where for p in err.value.problems}
    assert {
        "applicant.name",
        "applicant.id_number",
        "applicant.phone",
        "decision",
        "channel",
        "matters",
    } <= where


def test_supplement_then_materials_handed_in_accepts(station: Station, make_request: Req) -> None:
    raw = make_request(
        materials={"M_ID": "original", "M_HKB": {"state": "missing", "note": "户口簿未带"}},
        decision="supplement",
    )
    result = accept(station, raw)
    assert result.status is Status.SUPPLEMENT and result.promised_date is None
    with pytest.raises(RequestError):  # still missing: cannot accept
        station.cases.update_materials(result.case_id, {}, operator="clerk01", accept=True)
    view = station.cases.update_materials(
        result.case_id,
        {"M_HKB": MaterialInput(MaterialState.ORIGINAL, 1)},
        operator="clerk01",
        accept=True,
    )
    assert view.status is Status.ACCEPTED
    assert view.deadline is not None and view.deadline.promised_due == date(2026, 11, 27)
    assert [i.op for i in station.outbox.for_case(view.id)] == ["case.create", "case.materials"]


def test_supplement_needs_something_missing_and_reject_needs_reason(
    station: Station, make_request: Req
) -> None:
    with pytest.raises(RequestError) as err:
        accept(station, make_request(decision="supplement"))
    assert err.value.problems[0].code == "decision.nothing_to_supplement"
    with pytest.raises(RequestError) as err:
        accept(station, make_request(decision="reject"))
    assert {p.code for p in err.value.problems} == {
        "decision.reason_required",
        "decision.legal_basis_required",
    }
    result = accept(
        station,
        make_request(
            decision="reject", reason="不属于本机关职权范围", legal_basis="《行政许可法》第三十二条"
        ),
    )
    assert result.status is Status.REJECTED
    with pytest.raises(IllegalTransition):
        station.cases.transition(
            result.case_id, Status.ACCEPTED, actor=Actor.STATION, operator="clerk01"
        )


def test_deferred_material_and_licence_rules(station: Station, make_request: Req) -> None:
    bad = make_request(
        materials={
            "M_ID": {"state": "deferred", "promised_date": "2026-11-25"},
            "M_HKB": {"state": "licence"},
        }
    )
    with pytest.raises(RequestError) as err:
        accept(station, bad)
    assert {p.code for p in err.value.problems} == {
        "material.not_deferrable",
        "material.licence_number",
    }
    good = make_request(
        materials={
            "M_ID": "original",
            "M_HKB": {"state": "deferred", "promised_date": "2026-11-25"},
        }
    )
    result = accept(station, good)
    assert result.status is Status.ACCEPTED
    due = station.cases.deferred_due(date(2026, 11, 26))
    assert [(c.case_number, m.material_id) for c, m in due] == [(result.case_number, "M_HKB")]
    assert station.cases.deferred_due(date(2026, 11, 24)) == []
    lic = accept(
        station,
        make_request(
            materials={"M_ID": "original", "M_HKB": {"state": "licence", "licence_number": "HKB-1"}}
        ),
    )
    assert lic.status is Status.ACCEPTED


def test_bundle_asks_shared_material_once(station: Station, make_request: Req) -> None:
    raw = make_request(
        matters=None,
        bundle="YJS-TEST",
        form={"bank_account": "6228480012345678901", "relation": "本人"},
    )
    del raw["matters"]
    result = accept(station, raw)
    view = station.cases.get(result.case_id)
    assert view.bundle_name == "测试一件事" and view.title == "测试一件事"
    assert [m.material_id for m in view.materials] == ["M_ID", "M_HKB", "M_PROOF"]
    assert view.materials[0].matters == ("MZ-GLJT", "RS-YLCB")
    assert view.departments == ("县民政局", "县人力资源和社会保障局")
    assert result.promised_date == date(2026, 11, 27)  # the longer of 5 and 3 days


def test_village_and_kiosk_channels(station: Station, make_request: Req) -> None:
    with pytest.raises(RequestError) as err:
        accept(
            station,
            make_request(
                matters=["GA-SFZBL"], channel="village", materials={"M_PHOTO": "original"}, form={}
            ),
        )
    assert err.value.problems[0].code == "request.level"
    agent = {"name": "王芳", "doc_type": "resident", "id_number": "430121198001010019"}
    agent["id_number"] = agent["id_number"][:17] + check_char(agent["id_number"][:17])
    village = accept(station, make_request(channel="village", agent=agent, operator="agent01"))
    view = station.cases.get(village.case_id)
    assert view.channel is Channel.VILLAGE and view.agent is not None
    assert station.cases.search(view.agent.id_number) == []  # searches find applicants
    with pytest.raises(RequestError):
        accept(station, make_request(channel="kiosk"))
    kiosk = accept(station, make_request(channel="kiosk", decision="receive"))
    assert kiosk.status is Status.RECEIVED and kiosk.promised_date is None


def test_case_numbers_are_sequential_per_day_and_unique(
    station: Station, make_request: Req
) -> None:
    first = accept(station, make_request())
    second = accept(station, make_request())
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=CST)
    station.cases._now = lambda: monday  # a receipt time may not run ahead of the clock
    next_day = accept(station, make_request(received_at=monday.isoformat()))
    assert first.case_number.endswith("20261120-00001")
    assert second.case_number.endswith("20261120-00002")
    assert next_day.case_number.endswith("20261123-00001")


def test_platform_decisions_flow_and_station_limits(station: Station, make_request: Req) -> None:
    case = accept(station, make_request())
    with pytest.raises(IllegalTransition):
        station.cases.transition(
            case.case_id, Status.UNDERTAKEN, actor=Actor.STATION, operator="clerk01"
        )
    at = datetime(2026, 11, 21, 9, 0, tzinfo=CST)
    changes = [
        {
            "kind": "case.status",
            "case_id": case.case_id,
            "status": s,
            "at": (at + timedelta(hours=i)).isoformat(),
            "department": "县民政局",
        }
        for i, s in enumerate(["undertaken", "reviewed", "approved", "completed"])
    ]
    pending_before = len(station.outbox.pending())
    assert station.apply_remote(changes, "cursor-1") == {"applied": 4, "skipped": 0, "conflicts": 0}
    assert station.apply_remote(changes, "cursor-1") == {"applied": 0, "skipped": 4, "conflicts": 0}
    assert len(station.outbox.pending()) == pending_before  # decisions are not echoed back
    assert station.sync_state.get("pull_cursor") == "cursor-1"
    view = station.cases.transition(
        case.case_id, Status.DELIVERED, actor=Actor.STATION, operator="clerk01"
    )
    assert view.status is Status.DELIVERED
    late = [
        {
            "kind": "case.status",
            "case_id": case.case_id,
            "status": "reviewed",
            "at": at.isoformat(),
            "department": "县民政局",
        }
    ]
    assert station.apply_remote(late, "cursor-2")["conflicts"] == 1
    assert station.sync_state.get("pull_conflicts")[0]["code"] == "case.illegal_transition"


def test_special_procedure_pauses_the_clock(station: Station, make_request: Req) -> None:
    case = accept(station, make_request())
    station.cases.set_special_procedure(
        case.case_id,
        True,
        actor=Actor.PLATFORM,
        operator="县民政局",
        at=datetime(2026, 11, 23, 9, tzinfo=CST),
        kind=SpecialKind.EXPERT_REVIEW,  # a start names its kind, reason and basis
        note="申请人年龄信息需专家评审核实",
        legal_basis="《中华人民共和国行政许可法》第四十五条",
    )
    view = station.cases.set_special_procedure(
        case.case_id,
        False,
        actor=Actor.PLATFORM,
        operator="县民政局",
        at=datetime(2026, 11, 25, 9, tzinfo=CST),
    )
    assert view.deadline is not None and view.deadline.paused_days == 2
    assert view.deadline.promised_due == date(2026, 12, 1)


def test_evaluation_rules(station: Station, make_request: Req) -> None:
    case = accept(station, make_request())
    with pytest.raises(WindowDeskError) as err:
        station.cases.evaluate(case.case_id, 2, "", operator="clerk01")
    assert err.value.code == "evaluation.reason_required"
    with pytest.raises(WindowDeskError):
        station.cases.evaluate(case.case_id, 7, operator="clerk01")
    view = station.cases.evaluate(
        case.case_id, 1, "等候太久", operator="clerk01", reasons=("waiting",)
    )
    assert view.evaluation is not None and view.evaluation.level == 1
    with pytest.raises(WindowDeskError) as err:
        station.cases.evaluate(case.case_id, 5, operator="clerk01")
    assert err.value.code == "evaluation.duplicate"


def test_searches_use_the_kind_of_text_typed(station: Station, make_request: Req) -> None:
    case = accept(station, make_request())
    number = case.case_number
    assert [s.case_number for s in station.cases.search(number.lower())] == [number]
    assert [s.case_number for s in station.cases.search("11010519491231002x")] == [number]
    assert [s.case_number for s in station.cases.search("1381234")] == [number]
    assert [s.case_number for s in station.cases.search("张")] == [number]
    assert [s.case_number for s in station.cases.search("zhang")] == [number]
    # 𠮷 (U+20BB7) has no reading in pypinyin's table: initials are those of 张 and 祥
    assert [s.case_number for s in station.cases.search("zx")] == [number]
    assert station.cases.search("李") == []
    with station.db.read() as s:  # the name/pinyin searches use an index, not a scan
        plan = " ".join(
            str(r)
            for r in s.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE applicant_pinyin >= 'zh' "
                    "AND applicant_pinyin < 'zh\U0010ffff'"
                )
            )
        )
    assert "ix_cases_pinyin" in plan


def test_outbox_results_drive_the_case_sync_state(station: Station, make_request: Req) -> None:
    a = accept(station, make_request())
    b = accept(station, make_request())
    items = station.outbox.pending()
    station.outbox.mark_inflight([i.op_id for i in items], "batch-1")
    assert station.cases.get(a.case_id).sync_state == "sent"
    station.outbox.mark_acked(items[0].op_id, {"result": "applied", "server_seq": 1})
    station.outbox.mark_rejected(items[1].op_id, "hub.bad_item", "refused")
    station.outbox.mark_acked(items[1].op_id, {"result": "applied"})  # ignored: final
    assert station.cases.get(a.case_id).sync_state == "acknowledged"
    assert station.cases.get(b.case_id).sync_state == "rejected"
    assert [q.op_id for q in station.outbox.quarantined()] == [items[1].op_id]
    assert station.outbox.pending() == []
    acked = station.outbox.for_case(a.case_id)[0]
    assert acked.payload == {} and acked.sha256 == items[0].sha256  # compacted, still named
    assert station.outbox.quarantined()[0].payload == items[1].payload
    stats = station.outbox.stats()
    assert (stats["pending"], stats["quarantined"], stats["acknowledged"]) == (0, 1, 1)


def test_a_bad_catalog_never_replaces_the_good_one(
    station: Station, catalog_bytes: Callable[..., bytes]
) -> None:
    from intake.errors import CatalogError

    with pytest.raises(CatalogError):
        station.catalogs.load(b'{"schema": "windowdesk.catalog/1", "version": "T-2"}')
    assert station.catalog.version == "T-1"
    with pytest.raises(WindowDeskError) as err:  # same version, other content
        station.catalogs.load(catalog_bytes("T-1").replace("高龄津贴".encode(), b"x"))
    assert err.value.code == "catalog.version_conflict"
    station.catalogs.load(catalog_bytes("T-2"))
    assert station.catalog.version == "T-2"


def test_audit_chain_detects_edits_and_deletions(station: Station, make_request: Req) -> None:
    case = accept(station, make_request())
    station.audit.record("clerk01", "view", case.case_id)
    station.print_jobs.create(
        case.case_id, "acceptance", printer="pdf", reprint=False, operator_id="clerk01"
    )
    verdict = station.audit.verify()
    assert verdict.ok and verdict.rows == 3
    with station.db.write() as s:
        s.execute(text("UPDATE audit_log SET operator_id = 'someone' WHERE seq = 2"))
    assert station.audit.verify().first_bad_seq == 2
    with station.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    assert station.audit.verify().first_bad_seq == 3


def test_print_jobs_number_documents_and_stay_visible_until_printed(
    station: Station, make_request: Req
) -> None:
    case = accept(station, make_request())
    one = station.print_jobs.create(
        case.case_number, "acceptance", printer="office", reprint=False, operator_id="clerk01"
    )
    two = station.print_jobs.create(
        case.case_id, "acceptance", printer="office", reprint=True, operator_id="clerk01"
    )
    other = station.print_jobs.create(
        case.case_id, "ticket", printer="thermal", reprint=False, operator_id="clerk01"
    )
    assert (one.doc_number, two.doc_number, other.doc_number) == (1, 2, 1)
    failed = station.print_jobs.mark(one.id, "failed", error="printer.offline")
    assert failed.attempts == 1 and failed.error == "printer.offline"
    station.print_jobs.mark(two.id, "printed")
    assert {j.id for j in station.print_jobs.unfinished()} == {one.id, other.id}
    assert len(station.print_jobs.for_case(case.case_number)) == 3


def test_operator_passwords_are_verified_offline(station: Station) -> None:
    from intake.errors import AuthError

    assert station.operators.verify("clerk01", "windowdesk").name == "李明"
    with pytest.raises(AuthError):
        station.operators.verify("clerk01", "wrong")
    with station.db.read() as s:
        stored = s.execute(text("SELECT password_hash FROM operators WHERE id='clerk01'")).scalar()
    assert stored.startswith("$argon2id$") and "windowdesk" not in stored


def test_calendar_push_recomputes_provisional_deadlines(
    station: Station, make_request: Req
) -> None:
    received = datetime(2026, 12, 28, 10, tzinfo=CST)
    station.cases._now = lambda: received  # a receipt time may not run ahead of the clock
    late = accept(station, make_request(received_at=received.isoformat()))
    view = station.cases.get(late.case_id)
    assert view.deadline is not None and view.deadline.provisional
    document = {
        "schema": 1,
        "source": "国办发明电〔2026〕1号",
        "complete_years": [2027],
        "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}],
    }
    station.apply_remote([{"kind": "calendar", "document": document}], "c-cal")
    after = station.cases.get(late.case_id)
    assert after.deadline is not None and not after.deadline.provisional


def test_canonical_json_equals_the_plain_walk(station: Station, make_request: Req) -> None:
    import json

    from intake.canonical import to_jsonable

    view = station.cases.get(accept(station, make_request()).case_id)
    for obj in (view, case_payload(view), {"b": [view.history], "a": view.deadline}):
        plain = json.dumps(
            to_jsonable(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
        assert canonical_json(obj) == plain


def test_a_print_try_counts_once(station: Station, make_request: Req) -> None:
    case = accept(station, make_request())
    job = station.print_jobs.create(
        case.case_id, "acceptance", printer="office", reprint=False, operator_id="clerk01"
    )
    station.print_jobs.mark(job.id, "sent")
    assert station.print_jobs.mark(job.id, "failed", error="printer.paper_out").attempts == 1
    assert station.print_jobs.mark(job.id, "failed", error="printer.offline").attempts == 2


def test_a_whole_push_answer_is_recorded_at_once(station: Station, make_request: Req) -> None:
    from intake.services.outbox import OutboxResult

    a = accept(station, make_request())
    b = accept(station, make_request())
    later = station.cases.evaluate(a.case_id, 5, operator="clerk01")
    items = station.outbox.pending()
    assert len(items) == 3
    station.outbox.mark_inflight([i.op_id for i in items], "batch-2")
    station.outbox.mark_results(
        [
            OutboxResult(items[0].op_id, True, {"outcome": "applied"}),
            OutboxResult(items[1].op_id, False, code="hub.rejected", message="no"),
            OutboxResult(items[2].op_id, True, {"outcome": "applied"}),
        ]
    )
    assert station.outbox.pending() == []
    assert station.cases.get(later.id).sync_state == "acknowledged"
    assert station.cases.get(b.case_id).sync_state == "rejected"
    stats = station.outbox.stats()
    assert (stats["acknowledged"], stats["quarantined"]) == (2, 1)


def test_warm_up_loads_the_first_intakes_tables_and_freezes_them_out_of_gc(
    station: Station, make_request: Callable[..., dict[str, Any]]
) -> None:
    """After warm_up a full collection no longer walks the pinyin tables and the catalog,
    and intake works as before."""
    import gc
    import sys

    gc.unfreeze()
    try:
        station.warm_up()
        assert "pypinyin" in sys.modules
        assert gc.get_freeze_count() > 10_000  # the pinyin tables alone are ~100k objects
        result = station.cases.accept(parse_request(make_request(), today=TODAY))
        assert station.cases.get(result.case_id).applicant.name == APPLICANT["name"]
    finally:
        gc.unfreeze()


def test_warm_up_on_a_station_not_yet_set_up(data_dir: Path) -> None:
    import gc

    try:
        with Station.open(data_dir) as fresh:
            fresh.warm_up()  # no settings, no catalog: nothing to load but the tables
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_case_whose_later_change_is_already_at_the_hub_shows_sent(
    station: Station, make_request: Req
) -> None:
    """Push records batch n's answer while batch n+1 travels: a case with a change in each
    shows "sent" (not "waiting") until the second answer, then "acknowledged"."""
    a = accept(station, make_request())
    station.cases.evaluate(a.case_id, 5, operator="clerk01")
    first, second = station.outbox.pending()
    station.outbox.mark_inflight([first.op_id], "batch-n")
    station.outbox.mark_inflight([second.op_id], "batch-n+1")
    station.outbox.mark_acked(first.op_id, {"outcome": "applied"})
    assert station.cases.get(a.case_id).sync_state == "sent"
    station.outbox.mark_acked(second.op_id, {"outcome": "applied"})
    assert station.cases.get(a.case_id).sync_state == "acknowledged"
