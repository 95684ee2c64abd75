"""``python -m sync hub …``: serve the hub and administer it.

Every command takes ``--db URL`` (or ``WINDOWDESK_HUB_DB``); SQLite paths are for the demo,
``postgresql://user@host/db`` for production. Errors print as JSON on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from intake.cliutil import EXIT_ERROR, JsonArgumentParser, emit, error_json, run_guarded
from intake.status import SpecialKind
from sync.hub.app import UNAUTH_BURST, UNAUTH_PER_SECOND
from sync.hub.errors import HubError


def _parser() -> argparse.ArgumentParser:
    parser = JsonArgumentParser(prog="python -m sync hub", description=__doc__)
    parser.add_argument(
        "--db",
        default=os.environ.get("WINDOWDESK_HUB_DB", "sqlite:///hub.db"),
        help="SQLAlchemy URL of the hub database",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--db", dest="db_sub", default=None)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-level", default="warning")
    serve.add_argument("--ssl-certfile", default=None, help="PEM certificate (chain) for TLS")
    serve.add_argument("--ssl-keyfile", default=None, help="PEM private key for TLS")
    serve.add_argument(
        "--attachment-quota-mib",
        type=int,
        default=int(os.environ.get("WINDOWDESK_HUB_ATTACHMENT_QUOTA_MIB", "10240")),
        help="attachment bytes (MiB) one station may keep at the hub (default 10 GiB)",
    )
    serve.add_argument(
        "--unauth-burst",
        type=int,
        default=UNAUTH_BURST,
        help=f"unauthenticated calls (token, enrolment) one address may burst ({UNAUTH_BURST})",
    )
    serve.add_argument(
        "--unauth-per-second",
        type=float,
        default=UNAUTH_PER_SECOND,
        help="... and then make per second "
        f"({UNAUTH_PER_SECOND:g}; 0: no limit, for generated-request tests)",
    )
    code = sub.add_parser("enroll-code", help="issue a one-time enrolment code")
    code.add_argument("--db", dest="db_sub", default=None)
    code.add_argument("--station", required=True)
    code.add_argument("--name", required=True)
    code.add_argument("--ttl-hours", type=int, default=72)
    cat = sub.add_parser("publish-catalog", help="publish a catalog JSON file to every station")
    cat.add_argument("--db", dest="db_sub", default=None)
    cat.add_argument("file", type=Path)
    decide = sub.add_parser("decide", help="record a department decision on a case")
    decide.add_argument("--db", dest="db_sub", default=None)
    decide.add_argument("case_number")
    decide.add_argument(
        "status",
        help="undertaken, reviewed, approved, completed, supplement …; special_start or "
        "special_end for a 特别程序 (with --kind, --reason, --basis)",
    )
    decide.add_argument("--note", default="")
    decide.add_argument("--department", default="")
    decide.add_argument(
        "--outcome",
        choices=["granted", "refused", "terminated"],
        default=None,
        help="the result of a 办结 (required with status completed)",
    )
    decide.add_argument(
        "--reason", default="", help="why refused or terminated; why a 特别程序 starts"
    )
    decide.add_argument(
        "--basis", default="", help="the legal basis of a refusal, termination or 特别程序"
    )
    decide.add_argument(
        "--kind",
        dest="special_kind",
        choices=[k.value for k in SpecialKind],
        default="",
        help="special_start: the 特别程序 (hearing, inspection, expert_review …)",
    )
    decide.add_argument(
        "--material",
        action="append",
        default=[],
        metavar="NAME[:REQUIREMENT]",
        help="补正: a material the department asks for (repeat for each)",
    )
    due = decide.add_mutually_exclusive_group()
    due.add_argument("--due-days", type=int, default=None, help="补正期限 in days")
    due.add_argument("--due-date", default=None, help="补正期限 as a date YYYY-MM-DD")
    decide.add_argument(
        "--due-unit",
        choices=["calendar", "working"],
        default="calendar",
        help="whether --due-days counts calendar or working days",
    )
    appoint = sub.add_parser("appoint", help="book a 预约 at a station's hall (it pulls it)")
    appoint.add_argument("--db", dest="db_sub", default=None)
    appoint.add_argument("--station", required=True, help="the station code")
    appoint.add_argument("--id-number", required=True, help="the citizen's ID number")
    appoint.add_argument("--name", required=True, help="the citizen's name")
    appoint.add_argument("--title", required=True, help="the matter's name (办理事项)")
    appoint.add_argument("--matter", default="", help="the matter's code")
    appoint.add_argument("--date", required=True, help="YYYY-MM-DD (China)")
    appoint.add_argument("--start", required=True, help="HH:MM, the slot's start")
    appoint.add_argument("--end", required=True, help="HH:MM, the slot's end")
    appoint.add_argument("--queue", default="general", help="the hall's queue code")
    appoint.add_argument("--id", dest="appointment_id", default=None, help="(default: new)")
    listing = sub.add_parser("appointments", help="appointments and their check-in")
    listing.add_argument("--db", dest="db_sub", default=None)
    listing.add_argument("--station", default=None)
    follow = sub.add_parser(
        "complaint-followup", help="record the platform's follow-up of a 办不成事 complaint"
    )
    follow.add_argument("--db", dest="db_sub", default=None)
    follow.add_argument("number", help="the complaint's number (<station>-BC-YYYYMMDD-NNN)")
    follow.add_argument("state", choices=["dispatched", "handled", "closed"])
    follow.add_argument("--note", required=True, help="to whom / what was done / the outcome")
    follow.add_argument("--by", default="12345", help="who followed it up")
    complaints = sub.add_parser("complaints", help="the complaints the hub holds (JSON)")
    complaints.add_argument("--db", dest="db_sub", default=None)
    complaints.add_argument("--station", default=None)
    for name, text in (("export", "every case the hub holds"), ("stations", "stations and lag")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--db", dest="db_sub", default=None)
        p.add_argument("--json", action="store_true", help="print JSON (the only format)")
    epoch = sub.add_parser("rotate-epoch", help="invalidate all cursors (after a restore)")
    epoch.add_argument("--db", dest="db_sub", default=None)
    revoke = sub.add_parser("revoke", help="revoke a station's credential")
    revoke.add_argument("--db", dest="db_sub", default=None)
    revoke.add_argument("station")
    return parser


def _material(text: str) -> tuple[str, str]:
    """``NAME:REQUIREMENT`` (a full-width colon too) → (name, requirement)."""
    name, _, requirement = text.replace("：", ":").partition(":")
    return name.strip(), requirement.strip()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return run_guarded(lambda: _main(args), stream=sys.stderr)


def _main(args: argparse.Namespace) -> int:
    url = args.db_sub or args.db
    try:
        if args.command == "serve":
            from sync.hub.server import serve

            serve(
                url,
                args.host,
                args.port,
                log_level=args.log_level,
                ssl_certfile=args.ssl_certfile,
                ssl_keyfile=args.ssl_keyfile,
                attachment_quota=max(0, args.attachment_quota_mib) * 1024 * 1024,
                unauth_burst=max(1, args.unauth_burst),
                unauth_per_second=max(0.0, args.unauth_per_second),
            )
            return 0
        from sync.hub.db import make_engine
        from sync.hub.service import Hub

        hub = Hub(make_engine(url))
        out: Any
        if args.command == "enroll-code":
            print(hub.create_enrolment_code(args.station, args.name, ttl_hours=args.ttl_hours))
            return 0
        if args.command == "publish-catalog":
            out = {"seq": hub.publish_catalog(args.file.read_text(encoding="utf-8"))}
        elif args.command == "decide":
            out = hub.decide(
                args.case_number,
                args.status,
                note=args.note,
                department=args.department,
                outcome=args.outcome,
                reason=args.reason,
                legal_basis=args.basis,
                special_kind=args.special_kind,
                materials=[_material(m) for m in args.material],
                due_days=args.due_days,
                due_date=args.due_date,
                due_unit=args.due_unit,
            )
        elif args.command == "appoint":
            out = hub.appoint(
                args.station,
                id_number=args.id_number,
                name=args.name,
                title=args.title,
                matter=args.matter,
                date=args.date,
                start=args.start,
                end=args.end,
                queue=args.queue,
                appointment_id=args.appointment_id,
            )
        elif args.command == "appointments":
            out = hub.appointments(args.station)
        elif args.command == "complaint-followup":
            out = hub.follow_up_complaint(args.number, args.state, note=args.note, by=args.by)
        elif args.command == "complaints":
            out = hub.complaints(args.station)
        elif args.command == "export":
            out = hub.export()
        elif args.command == "stations":
            out = hub.stations()
        elif args.command == "rotate-epoch":
            out = {"epoch": hub.rotate_epoch()}
        else:
            hub.revoke(args.station)
            out = {"revoked": args.station}
    except HubError as exc:
        emit(exc.to_json(), sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        emit({**error_json(exc), "error": "hub.io"}, sys.stderr)
        return EXIT_ERROR
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0
