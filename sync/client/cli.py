"""``python -m sync``: the station side (enrol, run rounds, show state and digests).

Exit codes of ``run --once``: 0 nothing left to send and the pull reached the head;
2 something is left or the round failed (offline, hub busy, captive portal...; see the JSON);
3 revoked (stop; local data kept); 4 not enrolled / credential rejected; 5 client too old.
Every command prints JSON on stdout; errors print JSON on stderr, and exit 2 unless one
of the codes above says more (a busy, full or damaged store, a usage error, anything
unforeseen: 2, never a traceback). The work itself is in
``sync.client.commands`` (typed, no printing); ``python -m sync demo`` and
``python -m sync hub …`` are dispatched by ``sync/__main__.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from intake.cliutil import EXIT_ERROR, JsonArgumentParser, run_guarded
from intake.config import resolve_data_dir
from sync import errors
from sync.client.commands import (
    DEFAULT_AREA,
    SYNC_PAGE_CACHE_MIB,
    enroll_station,
    open_engine,
)
from sync.client.credentials import CredentialStore
from sync.client.engine import (
    K_CLOCK,
    K_CURSOR,
    K_LAST_ERROR,
    K_LAST_PULL,
    K_LAST_PUSH,
    K_STATE,
    RoundReport,
    SyncEngine,
)
from sync.client.transport import CLOCK_WARN_SECONDS, RetryPolicy, Timeouts

EXIT = {"ok": 0, "revoked": 3, "not_enrolled": 4, "credential_rejected": 4, "upgrade_required": 5}


def _parser() -> argparse.ArgumentParser:
    parser = JsonArgumentParser(prog="python -m sync", description=__doc__)
    parser.add_argument("--data-dir", default=None, help="station data directory")
    parser.add_argument(
        "--ca-file",
        default=os.environ.get("WINDOWDESK_HUB_CA"),
        help="extra CA certificate (PEM) trusted for the hub, besides the OS store",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=float(os.environ.get("WINDOWDESK_SYNC_TIMEOUT", "30")),
        help="read/write timeout per request, seconds (connect: at most 5)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "enroll", help="make this data dir the station the hub's code was issued for"
    )
    p.add_argument("--hub", required=True)
    p.add_argument("--code", required=True)
    p.add_argument("--area-code", default=DEFAULT_AREA, help="12-digit area code of the office")
    p = sub.add_parser("run", help="sync rounds (a loop, or one round with --once)")
    p.add_argument("--once", action="store_true")
    p.add_argument("--hub", default=None, help="use (and remember) this hub address")
    p.add_argument("--interval", type=float, default=30.0, help="seconds between rounds")
    p.add_argument("--attempts", type=int, default=6, help="tries per request in a round")
    p.add_argument("--max-rounds", type=int, default=0, help="stop after N rounds (0 = never)")
    p = sub.add_parser("status", help="what the app shows about sync")
    p.add_argument("--json", action="store_true", help="(always JSON)")
    p = sub.add_parser("digest", help="case_number → content_sha256 for every local case")
    p.add_argument("--json", action="store_true", help="(always JSON)")
    return parser


def _timeouts(args: argparse.Namespace) -> Timeouts:
    t = max(0.5, args.timeout)
    return Timeouts(connect=min(5.0, t), read=t)


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return run_guarded(lambda: _main(args), stream=sys.stderr, exit_for=_exit_for)


def _main(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    ca = Path(args.ca_file) if args.ca_file else None
    if args.command == "enroll":
        return cmd_enroll(data_dir, args, ca)
    if args.command == "run":
        return cmd_run(data_dir, args, ca)
    if args.command == "status":
        return cmd_status(data_dir)
    return cmd_digest(data_dir)


def _exit_for(exc: BaseException) -> int:
    return EXIT.get(_state_of(exc), EXIT_ERROR)


def _state_of(exc: BaseException) -> str:
    if isinstance(exc, errors.NotEnrolled):
        return "not_enrolled"
    if isinstance(exc, errors.Revoked):
        return "revoked"
    return "error"


def cmd_enroll(data_dir: Path, args: argparse.Namespace, ca: Path | None) -> int:
    enrolled = enroll_station(
        data_dir,
        args.hub,
        args.code,
        area_code=args.area_code,
        ca_file=ca,
        timeouts=_timeouts(args),
    )
    _print({"enrolled": True, "station_code": enrolled.station_code, "hub": enrolled.hub_url})
    return 0


class _Stop:
    """SIGTERM/SIGINT end the loop between rounds (a round in progress is crash-safe anyway)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._handle)

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        self.event.set()


def cmd_run(data_dir: Path, args: argparse.Namespace, ca: Path | None) -> int:
    retry = RetryPolicy(attempts=max(1, args.attempts))
    with open_engine(
        data_dir, hub_url=args.hub, ca_file=ca, timeouts=_timeouts(args), retry=retry
    ) as engine:
        if args.once:
            report = engine.run_round()
            _print(report.to_json())
            return _exit_code(report)
        return _loop(engine, retry, args)


def _exit_code(report: RoundReport) -> int:
    if report.state in EXIT:
        code = EXIT[report.state]
        return 2 if code == 0 and (report.left or report.attachments_left) else code
    return 2


def _loop(engine: SyncEngine, retry: RetryPolicy, args: argparse.Namespace) -> int:
    """Rounds on a timer; a failed round re-arms its own timer with full-jitter backoff."""
    stop = _Stop()
    failures = 0
    rounds = 0
    while not stop.event.is_set():
        report = engine.run_round()
        rounds += 1
        print(json.dumps(report.to_json(), ensure_ascii=False), flush=True)
        if report.state == "revoked":
            return EXIT["revoked"]
        if report.state in ("not_enrolled", "credential_rejected"):
            return EXIT["not_enrolled"]
        if args.max_rounds and rounds >= args.max_rounds:
            return _exit_code(report)
        if report.state == "ok":
            failures = 0
            delay = 0.0 if report.left else args.interval
        else:
            failures += 1
            delay = max(args.interval, retry.backoff(failures))
        stop.event.wait(delay)
    return 0


def cmd_status(data_dir: Path) -> int:
    from intake.services.remote import PULL_CONFLICTS_KEY
    from intake.station import Station

    with Station.open(data_dir, page_cache_mib=SYNC_PAGE_CACHE_MIB) as station:
        kv = station.sync_state
        offset = kv.get(K_CLOCK)
        stats = station.outbox.stats()
        pull_conflicts = kv.get(PULL_CONFLICTS_KEY, [])
        quarantine = [
            {
                "op_id": i.op_id,
                "case_number": i.case_number,
                "op": i.op,
                "code": (i.result or {}).get("code"),
                "message": (i.result or {}).get("message"),
            }
            for i in station.outbox.quarantined()
        ]
        _print(
            {
                "station": station.settings.station_code if station.is_set_up else None,
                "hub_url": station.settings.hub_url if station.is_set_up else None,
                "enrolled": CredentialStore(data_dir).load() is not None,
                "state": kv.get(K_STATE, "never_synced"),
                "pending": stats["pending"],
                "inflight": stats["inflight"],
                "quarantined": stats["quarantined"],
                "acknowledged": stats.get("acknowledged"),
                "oldest_pending_at": stats["oldest_pending_at"],
                "attachments_pending": station.attachments.pending_count(),
                "last_push_at": kv.get(K_LAST_PUSH),
                "last_pull_at": kv.get(K_LAST_PULL),
                "last_error": kv.get(K_LAST_ERROR),
                "clock_offset_s": offset,
                "clock_warning": offset is not None and abs(offset) > CLOCK_WARN_SECONDS,
                "has_cursor": bool(kv.get(K_CURSOR)),
                "quarantine": quarantine,
                # Pulled changes that could not apply (malformed, or refused by the rules),
                # kept with their reason; the cursor moved on past them.
                "pull_conflicts": len(pull_conflicts),
                "pull_conflict_list": [_pull_conflict(c) for c in pull_conflicts[-50:]],
            }
        )
    return 0


def _pull_conflict(entry: dict[str, Any]) -> dict[str, Any]:
    change = entry.get("change") or {}
    return {
        "seq": change.get("seq"),
        "kind": change.get("kind"),
        "case_id": change.get("case_id"),
        "code": entry.get("code"),
        "message": entry.get("message"),
        "at": entry.get("at"),
    }


def cmd_digest(data_dir: Path) -> int:
    from intake.canonical import content_sha256
    from intake.station import Station

    out: dict[str, str] = {}
    with Station.open(data_dir, page_cache_mib=SYNC_PAGE_CACHE_MIB) as station:
        offset = 0
        while True:
            page = station.cases.list(limit=500, offset=offset)
            if not page:
                break
            for summary in page:
                out[summary.case_number] = content_sha256(station.cases.get(summary.id))
            offset += len(page)
    _print(dict(sorted(out.items())))
    return 0
