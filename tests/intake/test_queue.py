"""The hall's queue in the station store: numbering, the call-next rule, recall, no-show,
transfer, done; two Station objects and two processes on one data directory share it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intake.errors import NotFound
from intake.services.queue import (
    DEFAULT_QUEUES,
    PRIORITY_STREAK,
    QueueError,
    QueueService,
    ServiceQueue,
    TicketStatus,
    route,
)
from intake.station import Station

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 09:00 in Changsha


class Clock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)  # every step a moment later: a strict order
        return self.at


@pytest.fixture
def station(data_dir: Path) -> Station:
    s = Station.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def queue(station: Station) -> QueueService:
    return QueueService(station.db, clock=Clock())


def test_numbers_run_per_queue_and_restart_each_day(station: Station) -> None:
    clock = Clock()
    q = QueueService(station.db, clock=clock)
    numbers = [q.take("general").number for _ in range(3)]
    assert numbers == ["A001", "A002", "A003"]
    assert q.take("priority").number == "P001"
    assert q.take("realty").number == "B001"
    assert q.take("general").ahead == 3  # people ahead in its own queue
    clock.at += timedelta(days=1)
    assert q.take("general").number == "A001"


def test_call_next_takes_priority_first_then_oldest_and_closes_the_current(
    queue: QueueService,
) -> None:
    a1 = queue.take("general")
    b1 = queue.take("realty")
    p1 = queue.take("priority")
    first = queue.call_next("1号窗口", "clerk01")
    assert first is not None and first.number == p1.number and first.status is TicketStatus.CALLED
    assert queue.current("1号窗口").number == p1.number
    second = queue.call_next("1号窗口", "clerk01")
    assert second.number == a1.number  # the longest waiting ordinary ticket
    assert queue.get(p1.id).status is TicketStatus.DONE  # call next closed the previous
    # a counter serving only 不动产 never gets the 综合窗口's tickets
    assert queue.call_next("2号窗口", "clerk02", serves=["realty"]).number == b1.number
    assert queue.call_next("2号窗口", "clerk02", serves=["realty"]) is None


def test_priority_does_not_starve_the_ordinary_queue(queue: QueueService) -> None:
    ordinary = queue.take("general")
    for _ in range(PRIORITY_STREAK + 1):
        queue.take("priority")
    called = [queue.call_next("1号窗口", "clerk01").number for _ in range(PRIORITY_STREAK + 1)]
    assert called[:PRIORITY_STREAK] == ["P001", "P002", "P003"]
    assert called[PRIORITY_STREAK] == ordinary.number  # one ordinary after the streak
    assert queue.call_next("1号窗口", "clerk01").number == "P004"


def test_recall_no_show_done_and_their_states(queue: QueueService) -> None:
    t = queue.take("general")
    with pytest.raises(QueueError) as exc:
        queue.recall(t.id, "clerk01")  # not called yet
    assert exc.value.code == "queue.ticket_state"
    called = queue.call_next("1号窗口", "clerk01")
    again = queue.recall(called.id, "clerk01")
    assert again.recalls == 1 and again.called_at > called.called_at
    gone = queue.no_show("A001", "clerk01")  # by today's number too
    assert gone.status is TicketStatus.NO_SHOW and queue.current("1号窗口") is None
    with pytest.raises(QueueError):
        queue.done(gone.id, "clerk01")
    t2 = queue.take("general")
    queue.call_next("1号窗口", "clerk01")
    assert queue.done(t2.id, "clerk01").status is TicketStatus.DONE


def test_transfer_keeps_the_number_and_its_place(queue: QueueService) -> None:
    queue.take("general")  # A001, taken first
    late = queue.take("realty")  # B001
    called = queue.call_next("1号窗口", "clerk01")
    assert called.number == "A001"
    moved = queue.transfer(called.id, "realty", "clerk01")
    assert moved.number == "A001" and moved.queue == "realty"
    assert moved.status is TicketStatus.WAITING and moved.counter is None
    assert moved.ahead == 0 and queue.get(late.id).ahead == 1  # it had waited longer
    with pytest.raises(QueueError) as exc:
        queue.transfer(moved.id, "realty", "clerk01")
    assert exc.value.code == "queue.same_queue"
    with pytest.raises(NotFound):
        queue.transfer(moved.id, "nowhere", "clerk01")
    assert queue.call_next("2号窗口", "clerk02", serves=["realty"]).number == "A001"


def test_configuration_and_routing(queue: QueueService) -> None:
    assert [q.code for q in queue.queues()] == [q.code for q in DEFAULT_QUEUES]
    configured = queue.configure(
        [ServiceQueue("all", "综合窗口", "a"), ServiceQueue("old", "优先", "Y", priority=True)]
    )
    assert [(q.code, q.prefix) for q in configured] == [("all", "A"), ("old", "Y")]
    assert queue.take("old").number == "Y001"
    for bad in (
        [ServiceQueue("x", "x", "A"), ServiceQueue("y", "y", "A")],
        [ServiceQueue("p", "p", "P", priority=True)],
        [ServiceQueue("x", "x", "数")],
    ):
        with pytest.raises(QueueError):
            queue.configure(bad)
    assert route(DEFAULT_QUEUES, [("123", "长沙县不动产登记中心")]) == "realty"
    assert route(DEFAULT_QUEUES, [("1", "长沙县医疗保障局")]) == "social"
    assert route(DEFAULT_QUEUES, [("1", "长沙县公安局")]) == "general"


def test_two_stations_on_one_data_dir_share_the_queue(station: Station, data_dir: Path) -> None:
    with Station.open(data_dir) as other:  # the kiosk and a counter on one machine
        t = station.queue.take("general", channel="kiosk")
        called = other.queue.call_next("1号窗口", "clerk01")
        assert called is not None and called.id == t.id
        assert station.queue.current("1号窗口").number == t.number
        assert [c.number for c in station.queue.recently_called()] == [t.number]


_TAKER = """
import sys
from intake.station import Station
with Station.open(sys.argv[1]) as s:
    for _ in range(int(sys.argv[2])):
        print(s.queue.take("general").number, flush=True)
"""


def test_two_processes_never_get_the_same_number(station: Station, data_dir: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _TAKER, str(data_dir), "15"],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parents[2],
        )
        for _ in range(2)
    ]
    numbers = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        numbers += out.split()
    assert len(numbers) == 30 and len(set(numbers)) == 30
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 31)]
    assert station.queue.counts()[0].waiting == 30
