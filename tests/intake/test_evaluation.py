"""好差评, 信息确认 and on-screen signatures in the core: the rules without Qt, the store."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from intake.confirmation import Confirmation, ConfirmedOn
from intake.errors import WindowDeskError
from intake.evaluation import (
    LEVELS,
    LOW_REASONS,
    EvaluationChannel,
    rating_problems,
    unrated_departments,
)
from intake.requests import parse_request
from intake.station import Station
from intake.status import Event
from intake.store.models import CaseRow, OutboxRow

Req = Callable[..., dict[str, Any]]
TODAY = date(2026, 11, 20)


def accept(station: Station, raw: dict[str, Any], **kw: Any) -> Any:
    return station.cases.accept(parse_request(raw, today=TODAY), **kw)


def bundle_request(make_request: Req) -> dict[str, Any]:
    raw = make_request(
        bundle="YJS-TEST", form={"bank_account": "6228480012345678901", "relation": "本人"}
    )
    del raw["matters"]
    return raw


def png(width: int = 40, height: int = 12) -> bytes:
    """A small real PNG (a black bar on white), as the citizen screen hands one in."""
    rows = b"".join(
        b"\x00" + b"".join(b"\x00\x00\x00" if 3 < y < 8 else b"\xff\xff\xff" for _ in range(width))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# -- the rules ---------------------------------------------------------------------------------


def test_five_levels_and_no_default_rating() -> None:
    assert LEVELS == {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
    assert rating_problems(None, (), "") == ["evaluation.level_missing"]
    assert rating_problems(0, (), "") == ["evaluation.level"]
    for level in (3, 4, 5):
        assert rating_problems(level, (), "") == []


@pytest.mark.parametrize("level", [1, 2])
def test_the_two_lowest_need_a_reason_chip_and_a_comment(level: int) -> None:
    assert rating_problems(level, (), "") == [
        "evaluation.reason_required",
        "evaluation.reasons_required",
    ]
    assert rating_problems(level, ("waiting",), "") == ["evaluation.reason_required"]
    assert rating_problems(level, (), "等了一个小时") == ["evaluation.reasons_required"]
    assert rating_problems(level, ("waiting", "attitude"), "等了一个小时") == []
    assert rating_problems(level, ("made_up",), "x") == ["evaluation.reason_unknown"]
    assert rating_problems(level, ("waiting", "waiting"), "x") == ["evaluation.reason_repeated"]
    assert rating_problems(level, ("waiting",), "x" * 301) == ["evaluation.comment_invalid"]


def test_reason_chips_belong_to_low_ratings_only() -> None:
    assert rating_problems(5, ("waiting",), "") == ["evaluation.reasons_not_low"]
    assert "other" in LOW_REASONS and len(LOW_REASONS) == len(set(LOW_REASONS.values()))


# -- the store ---------------------------------------------------------------------------------


def test_a_rating_is_recorded_once_per_case_and_department(
    station: Station, make_request: Req
) -> None:
    case = accept(station, bundle_request(make_request))
    view = station.cases.get(case.case_id)
    assert unrated_departments(view) == ("县民政局", "县人力资源和社会保障局")
    with pytest.raises(WindowDeskError) as err:  # two departments: say which
        station.cases.evaluate(case.case_id, 5, operator="clerk01")
    assert err.value.code == "evaluation.department_required"
    with pytest.raises(WindowDeskError) as err:
        station.cases.evaluate(case.case_id, 5, operator="clerk01", department="县公安局")
    assert err.value.code == "evaluation.department_unknown"
    view = station.cases.evaluate(case.case_id, 5, operator="clerk01", department="县民政局")
    assert unrated_departments(view) == ("县人力资源和社会保障局",)
    with pytest.raises(WindowDeskError) as err:
        station.cases.evaluate(case.case_id, 4, operator="clerk01", department="县民政局")
    assert err.value.code == "evaluation.duplicate"
    view = station.cases.evaluate(
        case.case_id,
        2,
        "窗口说还要再跑一次",
        operator="clerk01",
        department="县人力资源和社会保障局",
        reasons=("runs_again",),
    )
    assert unrated_departments(view) == ()
    assert [(e.department, e.level, e.reasons) for e in view.evaluations] == [
        ("县民政局", 5, ()),
        ("县人力资源和社会保障局", 2, ("runs_again",)),
    ]
    assert all(e.channel == EvaluationChannel.WINDOW_DEVICE for e in view.evaluations)
    reread = station.cases.get(case.case_number)
    assert reread.evaluations == view.evaluations and reread.evaluation == view.evaluations[0]


def test_a_low_rating_without_its_reason_writes_nothing(
    station: Station, make_request: Req
) -> None:
    case = accept(station, make_request())
    before = station.cases.get(case.case_id)
    with pytest.raises(WindowDeskError) as err:
        station.cases.evaluate(case.case_id, 1, "", operator="clerk01", reasons=("waiting",))
    assert err.value.code == "evaluation.reason_required"
    after = station.cases.get(case.case_id)
    assert after.version == before.version and after.evaluations == ()


def test_a_rating_is_queued_for_the_platform_with_the_case(
    station: Station, make_request: Req
) -> None:
    case = accept(station, make_request())
    station.cases.evaluate(case.case_id, 1, "态度差", operator="clerk01", reasons=("attitude",))
    with station.db.read() as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.seq)).all()
        ops = [(r.op, json.loads(r.payload_json)) for r in rows if r.entity_id == case.case_id]
    assert [op for op, _ in ops] == ["case.create", "case.evaluation"]
    sent = ops[-1][1]
    assert sent["evaluations"][0]["level"] == 1
    assert sent["evaluations"][0]["reasons"] == ["attitude"]
    assert sent["evaluations"][0]["department"] == "县民政局"
    assert sent["history"][-1]["event"] == Event.EVALUATED.value


def test_walking_away_leaves_the_case_unrated_and_a_skip_needs_a_reason(
    station: Station, make_request: Req
) -> None:
    case = accept(station, make_request())
    view = station.cases.get(case.case_id)
    assert view.evaluations == () and unrated_departments(view) == ("县民政局",)
    with pytest.raises(WindowDeskError) as err:
        station.cases.skip_evaluation(case.case_id, "  ", operator="clerk01")
    assert err.value.code == "citizen.skip_reason_required"
    view = station.cases.skip_evaluation(case.case_id, "申请人不愿评价", operator="clerk01")
    assert view.evaluations == ()  # no rating is invented
    last = view.history[-1]
    assert last.event == Event.EVALUATION_SKIPPED.value and last.note == "申请人不愿评价"


def test_the_confirmation_is_recorded_in_the_case_it_confirms(
    station: Station, make_request: Req
) -> None:
    confirmed = accept(
        station, make_request(), confirmation=Confirmation(True, ConfirmedOn.CITIZEN_SCREEN)
    )
    view = station.cases.get(confirmed.case_id)
    events = [(h.event, h.note) for h in view.history]
    assert (Event.CONFIRMED.value, "citizen_screen") in events  # beside the intake visit
    with station.db.read() as session:
        create = session.scalars(
            select(OutboxRow).where(OutboxRow.entity_id == confirmed.case_id)
        ).one()
    assert json.loads(create.payload_json)["history"][-1]["event"] == "citizen_confirmed"
    skipped = accept(station, make_request(), confirmation=Confirmation.skipped("申请人视力不便"))
    last = station.cases.get(skipped.case_id).history[-1]
    assert (last.event, last.note) == (Event.CONFIRMATION_SKIPPED.value, "申请人视力不便")


def test_a_skipped_confirmation_without_a_reason_saves_nothing(
    station: Station, make_request: Req
) -> None:
    with station.db.read() as session:
        before = session.scalar(select(func.count()).select_from(CaseRow))
    with pytest.raises(WindowDeskError) as err:
        accept(station, make_request(), confirmation=Confirmation.skipped(""))
    assert err.value.code == "citizen.skip_reason_required"
    with station.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) == before


# -- signatures --------------------------------------------------------------------------------


def test_a_signature_is_an_attachment_of_kind_signature_for_its_document(
    station: Station, make_request: Req
) -> None:
    case = accept(station, make_request())
    image = png()
    info = station.attachments.add(
        case.case_id,
        image,
        material_id=None,
        filename="signature-promise.png",
        mime="image/png",
        operator="clerk01",
        kind="signature",
        document="promise",
        strokes=3,
    )
    assert info.kind == "signature" and info.documents == ("promise",)
    found = station.attachments.signature_for(case.case_number, "promise")
    assert found is not None and found[0] == image
    assert station.attachments.signature_for(case.case_number, "commitment") is None
    # the same signature on the receipt line too: one blob, two documents
    station.attachments.add(
        case.case_id,
        image,
        material_id=None,
        filename="signature.png",
        mime="image/png",
        operator="clerk01",
        kind="signature",
        document="acceptance",
        strokes=3,
    )
    listed = station.attachments.for_case(case.case_id)
    assert [(a.kind, a.documents) for a in listed] == [("signature", ("acceptance", "promise"))]
    assert [a.sha256 for a, _ in station.attachments.pending()] == [info.sha256]  # synced
    view = station.cases.get(case.case_id)
    signed = [h.note for h in view.history if h.event == Event.SIGNED.value]
    assert signed == [f"promise:{info.sha256}", f"acceptance:{info.sha256}"]
    assert station.cases.get(case.case_id).materials == view.materials  # content unchanged


@pytest.mark.parametrize(
    ("data", "kw", "code"),
    [
        (b"GIF89a....", {}, "signature.format"),
        (None, {"document": "ticket"}, "signature.document"),
        (None, {"strokes": 0}, "signature.empty"),
        (None, {"mime": "image/jpeg"}, "signature.format"),
        (None, {"material_id": "M_ID"}, "signature.material"),
    ],
)
def test_a_bad_signature_is_refused(
    station: Station, make_request: Req, data: bytes | None, kw: dict[str, Any], code: str
) -> None:
    case = accept(station, make_request())
    args: dict[str, Any] = {
        "material_id": None,
        "filename": "s.png",
        "mime": "image/png",
        "operator": "clerk01",
        "kind": "signature",
        "document": "promise",
        "strokes": 2,
        **kw,
    }
    with pytest.raises(WindowDeskError) as err:
        station.attachments.add(case.case_id, data or png(), **args)
    assert err.value.code == code
    assert station.attachments.for_case(case.case_id) == []
