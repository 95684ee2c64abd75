"""The kiosk's core: life events over the demo catalog, the priority rule, who may leave
kiosk mode, and pre-intakes that stay pre-intakes until a clerk decides."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from intake.clock import local_date, now
from intake.demo import DEMO_PASSWORD, seed_station
from intake.errors import AuthError, NotFound, RequestError
from intake.flow import IntakeFlow
from intake.identity import DocType, Identity
from intake.kiosk import (
    LIFE_EVENTS,
    life_event_choices,
    life_events,
    needs_priority,
    queue_for,
    verify_supervisor,
)
from intake.requests import parse_request
from intake.services.queue import DEFAULT_QUEUES
from intake.station import Station
from intake.views import Channel, Decision

CITIZEN = Identity(
    doc_type=DocType.RESIDENT,
    name="欧阳娜娜",
    id_number="430121198805060021",
    sex="2",
    birth_date=date(1988, 5, 6),
    address="湖南省长沙县星沙街道开元路1号",
)


@pytest.fixture
def station(data_dir: Path) -> Iterator[Station]:
    with Station.open(data_dir) as s:
        seed_station(s)
        yield s


def test_every_life_event_resolves_in_the_demo_catalog(station: Station) -> None:
    catalog = station.catalog
    names = [e.name for e in life_events(catalog)]
    for wanted in ("生育", "上学", "就业", "婚姻", "退休", "残疾", "身后", "开办企业"):
        assert wanted in names
    for event in LIFE_EVENTS:
        choices = life_event_choices(catalog, event)
        assert len(choices) == len(event.bundles) + len(event.matters), event.key
    birth = life_event_choices(catalog, LIFE_EVENTS[0])
    assert birth[0].kind == "bundle" and birth[0].name == "新生儿出生一件事"


def test_priority_by_age_or_by_asking() -> None:
    today = date(2026, 12, 1)
    old = Identity(DocType.RESIDENT, "张三", "430121196612010011", birth_date=date(1966, 12, 1))
    almost = Identity(DocType.RESIDENT, "张三", "430121196612020011", birth_date=date(1966, 12, 2))
    assert needs_priority(old, today)
    assert not needs_priority(almost, today)
    assert needs_priority(almost, today, asked=True)  # a disabled citizen taps the button
    assert not needs_priority(None, today)
    assert queue_for(DEFAULT_QUEUES, None, priority=True) == "priority"
    assert queue_for(DEFAULT_QUEUES, None, priority=False) == "general"


def test_only_a_supervisor_leaves_kiosk_mode(station: Station) -> None:
    assert verify_supervisor(station.operators, "super01", DEMO_PASSWORD).id == "super01"
    with pytest.raises(AuthError) as exc:
        verify_supervisor(station.operators, "clerk01", DEMO_PASSWORD)
    assert exc.value.code == "auth.not_supervisor"
    with pytest.raises(AuthError) as exc:
        verify_supervisor(station.operators, "super01", "000000")
    assert exc.value.code == "auth.failed"


def _kiosk_flow(station: Station) -> IntakeFlow:
    flow = IntakeFlow(station.catalog, channel=Channel.KIOSK)
    flow.fill_from_identity(CITIZEN)
    code = next(m.code for m in station.catalog.matters.values() if m.name == "社会保障卡申领")
    flow.choose_matter(code)
    flow.applicant["phone"] = "13812345678"
    return flow


def _request(flow: IntakeFlow) -> dict[str, object]:
    return flow.request_json(Decision.RECEIVE, operator="kiosk")


def test_a_pre_intake_is_saved_with_its_ticket_and_is_no_case(station: Station) -> None:
    flow = _kiosk_flow(station)
    cases_before = len(station.cases.list(limit=500))
    outbox_before = station.outbox.stats()["pending"]
    receipt = station.pre_intakes.submit(
        flow.to_draft(), _request(flow), queue="social", title="社会保障卡申领"
    )
    assert receipt.ticket.number == "C001" and receipt.queue_name == "社保医保"
    assert receipt.ticket.pre_intake_id == receipt.pre_intake_id
    assert len(station.cases.list(limit=500)) == cases_before  # no case without a clerk
    assert station.outbox.stats()["pending"] == outbox_before  # nothing sent to the platform
    for ref in ("C001", "c001", receipt.code, CITIZEN.id_number):
        found = station.pre_intakes.find(ref)
        assert found.id == receipt.pre_intake_id and found.ticket_number == "C001"
        assert found.content["applicant"]["name"] == "欧阳娜娜"
    # the clerk's flow, restored from it, saves a real case at the counter
    content = {**found.content, "channel": Channel.COUNTER.value}
    counter = IntakeFlow.from_draft(station.catalog, content)
    counter.mark_required_received()
    raw = counter.request_json(Decision.ACCEPT, operator="clerk01")
    for f in counter.merged.fields:  # what the clerk completes with the citizen
        if f.required and f.key not in raw["form"]:
            raw["form"][f.key] = f.field.options[0] if f.field.options else "测试"
    try:
        result = station.cases.accept(parse_request(raw, today=local_date(now())))
    except RequestError as exc:
        raise AssertionError(exc.problems) from exc
    station.pre_intakes.mark_taken(found.id, result.case_number, "clerk01")
    with pytest.raises(NotFound):
        station.pre_intakes.find("C001")  # taken: not offered twice


def test_a_ticket_without_a_card_and_what_the_citizen_must_fix(station: Station) -> None:
    receipt = station.pre_intakes.submit(None, None, queue="general", title="咨询")
    assert receipt.pre_intake_id is None and receipt.ticket.number == "A001"
    with pytest.raises(NotFound):
        station.pre_intakes.find("A001")  # a ticket only: nothing to open
    flow = _kiosk_flow(station)
    flow.applicant["phone"] = "12345"  # typed wrong: the citizen fixes it, a clerk would not
    with pytest.raises(RequestError) as exc:
        station.pre_intakes.submit(flow.to_draft(), _request(flow), queue="social", title="x")
    assert [p.code for p in exc.value.problems] == ["request.phone"]
    assert station.queue.counts()[2].waiting == 0  # nothing half-saved: no ticket either


def test_old_pre_intakes_are_purged(station: Station) -> None:
    flow = _kiosk_flow(station)
    station.pre_intakes.submit(flow.to_draft(), _request(flow), queue="social", title="x")
    assert station.pre_intakes.purge(today=local_date(now())) == 0
    later = date.fromordinal(local_date(now()).toordinal() + 8)
    assert station.pre_intakes.purge(today=later) == 1
