"""``python -m sync demo``: the demo station and a central platform on loopback (``make run``).

Until the Qt window exists this is what ``make run`` shows: the demo station (seeded with
operators, the demo catalog and 40 cases on first start), a reference hub started for the
occasion on 127.0.0.1 with its SQLite database inside the demo data directory, the station
enrolled with it on first start, one sync round (cases up, department decisions down), and
the result in Chinese. On first start the hub also decides one accepted case (承办), so the
round shows a decision travelling back. The hub stops when the command ends; the next run
starts it again on a new port and the station follows it (``--hub`` is remembered).
"""

from __future__ import annotations

import sys
from pathlib import Path

from intake.cli import main as intake_main
from intake.status import STATUS_LABELS, Status
from sync.client.commands import SYNC_PAGE_CACHE_MIB, enroll_station, sync_once
from sync.client.credentials import CredentialStore
from sync.client.engine import K_STATE
from sync.client.transport import Timeouts
from sync.hub.db import make_engine
from sync.hub.loopback import loopback_hub
from sync.hub.service import Hub

HUB_DIR = "demo-hub"
_TIMEOUTS = Timeouts(connect=5.0, read=10.0)
_STATE_LABELS = {
    "ok": "同步完成",
    "offline": "无法连接平台",
    "hub_busy": "平台繁忙",
    "revoked": "站点已被吊销",
}


def main(argv: list[str]) -> int:
    """``python -m sync [--data-dir D] demo`` (``argv`` without the word ``demo``)."""
    from intake.cliutil import JsonArgumentParser, run_guarded
    from intake.config import resolve_data_dir

    parser = JsonArgumentParser(prog="python -m sync demo", description=__doc__)
    parser.add_argument("--data-dir", default=None, help="demo station data directory")
    args = parser.parse_args(argv)
    return run_guarded(lambda: run_demo(resolve_data_dir(args.data_dir)), stream=sys.stderr)


def run_demo(data_dir: Path) -> int:
    from intake.station import Station

    rc = intake_main(["--data-dir", str(data_dir), "run-demo"])
    if rc != 0:
        return rc
    hub_db = data_dir / HUB_DIR / "hub.db"
    with loopback_hub(hub_db) as url:
        hub = Hub(make_engine(f"sqlite:///{hub_db}"))
        first = CredentialStore(data_dir).load() is None
        with Station.open(data_dir, page_cache_mib=SYNC_PAGE_CACHE_MIB) as station:
            settings = station.settings
        if first:
            code = hub.create_enrolment_code(settings.station_code, settings.office_name)
            enroll_station(data_dir, url, code, area_code=settings.area_code, timeouts=_TIMEOUTS)
        sync_once(data_dir, hub_url=url, timeouts=_TIMEOUTS, attempts=3)  # cases up
        decided = _decide_one(hub) if first else None
        if decided:
            sync_once(data_dir, hub_url=url, timeouts=_TIMEOUTS, attempts=3)  # the decision down
        with Station.open(data_dir, page_cache_mib=SYNC_PAGE_CACHE_MIB) as station:
            stats = station.outbox.stats()
            state = station.sync_state.get(K_STATE) or "—"
            decided_view = station.cases.get(decided) if decided else None
        at_hub = sum(1 for c in hub.export() if c["station"] == settings.station_code)
    print(f"\n本机演示平台 {url}（数据库 {hub_db}）")
    print(
        f"同步：{_STATE_LABELS.get(state, state)}；平台已收到本站办件 {at_hub} 件；"
        f"本机待同步 {stats['pending'] + stats['inflight']} 条，隔离 {stats['quarantined']} 条"
    )
    if decided_view is not None:
        label = STATUS_LABELS[decided_view.status]
        print(f"平台决定已送达本站：{decided_view.case_number} → {label}")
    print("演示平台随本命令结束而停止；再次 make run 会重新启动并继续同步。")
    return 0 if state == "ok" else 2


def _decide_one(hub: Hub) -> str | None:
    """A department takes on (承办) the station's first accepted case."""
    for case in hub.export():
        if case["status"] == Status.ACCEPTED.value:
            hub.decide(case["case_number"], Status.UNDERTAKEN.value, note="演示：部门承办")
            return str(case["case_number"])
    return None
