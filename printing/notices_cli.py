"""``python -m printing notices``: print what a case requires, as the desktop's Ctrl+P does.

Real print jobs (recorded before anything can fail, numbered, a second print marked as a
reprint with the first one's number), sent to a PDF path (``--out``: a file for one
document, a folder for several) or any printer target (``--printer``). The operator must be
an active operator of the station (``intake.cli_acts.acting_operator``), as for every station
act from the command line. Exit 3 when a job failed (kept, retryable), like ``print``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from intake.cli_acts import acting_operator
from intake.errors import WindowDeskError
from printing.documents import KINDS


def add_notices(sub: Any) -> None:
    c = sub.add_parser("notices", help="print the notices a case requires (real, numbered jobs)")
    c.add_argument("--case", required=True, help="case number (办件编号) or id")
    c.add_argument("--operator", required=True, help="an active operator of this station")
    c.add_argument(
        "--kind", action="append", choices=KINDS, help="a document (default: what it requires)"
    )
    c.add_argument("--out", help="a PDF file (one document) or a folder")
    c.add_argument("--printer", help="a printer target instead (CUPS queue, pdf:/folder …)")
    c.add_argument("--paper", default=None, help=argparse.SUPPRESS)
    c.add_argument("--timeout", type=float, default=60.0, help="confirm timeout, seconds")


def notices(args: argparse.Namespace, service_for: Any) -> int:
    from intake.station import Station
    from printing.service import required_notices

    if bool(args.out) == bool(args.printer):
        raise WindowDeskError("give --out PATH or --printer TARGET", code="cli.usage")
    with Station.open(args.data_dir) as station:
        op = acting_operator(station, args.operator)
        service = service_for(args, station)
        case = station.cases.get(args.case)
        kinds = list(args.kind or required_notices(case))
        if not kinds:
            raise WindowDeskError(
                "this case's status requires no notice: name one with --kind",
                code="print.nothing_required",
                details={"status": case.status.value},
            )
        out = Path(args.out) if args.out else None
        folder = out if out is not None and (out.is_dir() or len(kinds) > 1) else None
        if out is not None and not (folder or out.parent).is_dir():
            raise WindowDeskError(
                "the folder to write to does not exist",
                code="io.not_found",
                details={"file": str(folder or out)},
            )
        dest = folder or (out.parent if out is not None else None)
        jobs = []
        for kind in kinds:
            with _spool(dest) as spool:
                target = f"pdf:{spool}" if spool is not None else str(args.printer)
                job = service.print_case(case.id, kind, operator_id=op.id, printer=target)
                path = None
                if job.state == "printed" and spool is not None:
                    (written,) = spool.glob("*.pdf")  # the one file the job wrote
                    path = out if folder is None else folder / written.name
                    written.replace(path)  # type: ignore[arg-type]
            jobs.append(
                {
                    "job": job.id,
                    "kind": job.kind,
                    "state": job.state,
                    "doc_number": job.doc_number,
                    "year": job.year,
                    "reprint": job.reprint,
                    "error": job.error,
                    "path": str(path) if path is not None else None,
                }
            )
    print(json.dumps({"case_number": case.case_number, "jobs": jobs}, ensure_ascii=False))
    return 3 if any(j["state"] != "printed" for j in jobs) else 0


@contextlib.contextmanager
def _spool(dest: Path | None) -> Iterator[Path | None]:
    """A private folder next to the destination (same file system: the move is a rename)
    for one job's PDF; None when printing to a printer."""
    if dest is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix=".windowdesk-print-", dir=dest) as spool:
        yield Path(spool)
