"""The station's acts beyond a case's own: returned sync items (quarantine), the village's
paper hand-over, 办不成事 complaints and the queue, as ``python -m intake …`` commands.

The same core commands as the desktop's pages, with the same rules and refusals; the acting
operator is checked as for the case acts (``intake.cli_acts.acting_operator``). Every
command prints JSON (one line); a refusal is the JSON error with exit 2. Lists mask the
applicant's or citizen's name, as the desktop's lists do.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping
from typing import Any

from intake.canonical import to_jsonable
from intake.cli_acts import acting_operator
from intake.masking import mask_name
from intake.services.complaints import ComplaintState
from intake.station import Station


def _out(obj: Any) -> int:
    print(json.dumps(to_jsonable(obj), ensure_ascii=False))
    return 0


def _masked(items: Any, field: str) -> list[dict[str, Any]]:
    out = []
    for item in items:
        row = to_jsonable(item)
        row[field] = mask_name(row.get(field) or "")
        out.append(row)
    return out


def cmd_quarantine(args: argparse.Namespace, station: Station) -> int:
    q = station.quarantine
    if args.sub == "list":
        return _out(_masked(q.returned() if args.returned else q.waiting(), "applicant_name"))
    op = acting_operator(station, args.operator)
    if args.sub == "resend":
        return _out({"op_id": args.op_id, "resent_as": q.resend(args.op_id, op.id)})
    q.discard(args.op_id, args.reason, op.id)
    return _out({"op_id": args.op_id, "discarded": args.reason.strip()})


def cmd_handover(args: argparse.Namespace, station: Station) -> int:
    h = station.handover
    if args.sub == "pending":
        return _out(_masked(h.pending(), "applicant_name"))
    if args.sub == "batches":
        batches = h.batches()
        return _out(
            [
                {
                    "id": b.id,
                    "number": b.number,
                    "handed_at": b.handed_at,
                    "handed_by": b.handed_by,
                    "received_by": b.received_by,
                    "cases": [c.case_number for c in b.cases],
                    "copies": b.copies,
                }
                for b in batches
            ]
        )
    op = acting_operator(station, args.operator)
    cases = args.cases or [c.case_id for c in h.pending()]
    batch = h.hand_over(
        cases,
        handed_by=args.handed_by,
        received_by=args.received_by,
        operator_id=op.id,
        note=args.note,
    )
    return _out(
        {
            "id": batch.id,
            "number": batch.number,
            "cases": [c.case_number for c in batch.cases],
            "copies": batch.copies,
        }
    )


def cmd_complaints(args: argparse.Namespace, station: Station) -> int:
    c = station.complaints
    if args.sub == "list":
        return _out(_masked(c.list(open_only=args.open), "citizen_name"))
    op = acting_operator(station, args.operator)
    if args.sub == "record":
        return _out(
            c.record(
                what=args.what,
                where_failed=args.where_failed,
                phone=args.phone,
                operator_id=op.id,
                citizen_name=args.citizen_name,
                complex_=args.complex,
                case_number=args.case,
            )
        )
    if args.sub == "advance":
        return _out(c.advance(args.ref, ComplaintState(args.to), operator_id=op.id, note=args.note))
    return _out(c.hand_over_12345(args.ref, args.ticket, operator_id=op.id))


def cmd_queue(args: argparse.Namespace, station: Station) -> int:
    q = station.queue
    if args.sub == "list":
        return _out({"counts": q.counts(), "waiting": q.waiting(args.queue)})
    op = acting_operator(station, args.operator)
    if args.sub == "call":
        return _out({"called": q.call_next(args.counter, op.id, args.serves or ())})
    if args.sub == "transfer":
        return _out(q.transfer(args.ticket, args.to, op.id))
    step = {"recall": q.recall, "no-show": q.no_show, "done": q.done}[args.sub]
    return _out(step(args.ticket, op.id))


STATION_ACTS: Mapping[str, Callable[[argparse.Namespace, Station], int]] = {
    "quarantine": cmd_quarantine,
    "handover": cmd_handover,
    "complaints": cmd_complaints,
    "queue": cmd_queue,
}


def _operator(c: argparse.ArgumentParser) -> None:
    c.add_argument("--operator", required=True, help="who acts: an active operator")


def add_station_acts(sub: Any, run: Callable[[argparse.Namespace], int]) -> None:
    """``quarantine``, ``handover``, ``complaints`` and ``queue`` with their subcommands;
    ``run(args)`` opens the station and calls ``STATION_ACTS[args.command]``."""
    p = sub.add_parser("quarantine", help="sync items the platform returned: list, resend, discard")
    p.set_defaults(func=run)
    s = p.add_subparsers(dest="sub", required=True)
    c = s.add_parser("list")
    c.add_argument("--returned", action="store_true", help="returned items (else: waiting)")
    c = s.add_parser("resend", help="queue the returned item's case again, as it is now")
    c.add_argument("op_id")
    _operator(c)
    c = s.add_parser("discard", help="drop a returned item for good, with the reason")
    c.add_argument("op_id")
    c.add_argument("--reason", required=True)
    _operator(c)

    p = sub.add_parser("handover", help="材料交接: paper to hand over to the town")
    p.set_defaults(func=run)
    s = p.add_subparsers(dest="sub", required=True)
    s.add_parser("pending")
    s.add_parser("batches")
    c = s.add_parser("give", help="record a hand-over (the cases given, or all pending)")
    c.add_argument("cases", nargs="*", help="case numbers or ids (default: all pending)")
    c.add_argument("--handed-by", required=True)
    c.add_argument("--received-by", required=True)
    c.add_argument("--note", default="")
    _operator(c)

    p = sub.add_parser("complaints", help="办不成事 complaints: list, record, advance, 12345")
    p.set_defaults(func=run)
    s = p.add_subparsers(dest="sub", required=True)
    c = s.add_parser("list")
    c.add_argument("--open", action="store_true", help="open ones only")
    c = s.add_parser("record")
    c.add_argument("--what", required=True, help="what could not be done")
    c.add_argument("--where-failed", required=True, help="where it failed")
    c.add_argument("--phone", required=True)
    c.add_argument("--citizen-name", default="")
    c.add_argument("--complex", action="store_true", help="a complex one (longer limits)")
    c.add_argument("--case", default=None, help="the case number it concerns")
    _operator(c)
    c = s.add_parser("advance", help="dispatched → handled → closed, with the note of each")
    c.add_argument("ref", help="complaint number or id")
    c.add_argument("to", choices=[st.value for st in ComplaintState if st.value != "recorded"])
    c.add_argument("--note", required=True)
    _operator(c)
    c = s.add_parser("hand-over-12345", help="handed to the 12345 hotline, with its 工单号")
    c.add_argument("ref")
    c.add_argument("--ticket", required=True)
    _operator(c)

    p = sub.add_parser("queue", help="the queue: list, call, recall, no-show, done, transfer")
    p.set_defaults(func=run)
    s = p.add_subparsers(dest="sub", required=True)
    c = s.add_parser("list")
    c.add_argument("--queue", default=None)
    c = s.add_parser("call", help="call the next ticket to a counter")
    c.add_argument("counter")
    c.add_argument("--serves", action="append", help="queues this counter serves (repeat)")
    _operator(c)
    for name in ("recall", "no-show", "done"):
        c = s.add_parser(name)
        c.add_argument("ticket", help="ticket id or number")
        _operator(c)
    c = s.add_parser("transfer")
    c.add_argument("ticket")
    c.add_argument("to", help="the queue to move it to")
    _operator(c)


__all__ = ["STATION_ACTS", "add_station_acts"]
