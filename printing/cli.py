"""``python -m printing``: fonts, printers, render and print documents of a case.

Errors print as JSON on stderr ({"error": code, "message": Chinese message}) with exit 2; a
print job that failed (kept for retry) exits 3.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from intake.cliutil import EXIT_ERROR, JsonArgumentParser, emit, run_guarded
from intake.errors import WindowDeskError
from printing.context import QueueInfo
from printing.documents import KIND_LABELS, KINDS
from printing.messages import message_for
from printing.model import Paper
from printing.notices_cli import add_notices, notices


def _parser() -> argparse.ArgumentParser:
    p = JsonArgumentParser(prog="python -m printing", description="WindowDesk printing")
    p.add_argument("--data-dir", help="station data directory (else WINDOWDESK_HOME)")
    p.add_argument("--font", action="append", default=[], help="TrueType font file to use first")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("fonts", help="list the Chinese fonts found")
    pr = sub.add_parser("printers", help="list the printers found")
    pr.add_argument("--cups-server", default=os.environ.get("CUPS_SERVER"))
    for name in ("render", "print"):
        c = sub.add_parser(name, help=f"{name} a document of a case")
        c.add_argument("kind", choices=KINDS)
        c.add_argument("--case", required=True, help="case number (办件编号) or id")
        c.add_argument("--paper", choices=[p.value for p in Paper], default=None)
        c.add_argument("--queue-number", help="ticket: queue number (default: document number)")
        c.add_argument("--ahead", type=int, default=0, help="ticket: people waiting ahead")
        c.add_argument("--operator", default="cli", help="operator id recorded on the job")
        if name == "render":
            c.add_argument("--out", required=True, help="PDF file to write")
            c.add_argument("--doc-number", type=int, default=0, help="number shown (preview: 0)")
            c.add_argument("--reprint", action="store_true")
            c.add_argument("--watermark", default="", help="e.g. 样张 for samples")
        else:
            c.add_argument("--printer", help="CUPS queue, pdf:/folder, escpos+tcp://host:port ...")
            c.add_argument("--cups-server", default=os.environ.get("CUPS_SERVER"))
            c.add_argument("--timeout", type=float, default=60.0, help="confirm timeout, seconds")
    add_notices(sub)
    return p


def _emit(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _fonts(args: argparse.Namespace) -> int:
    from printing.fonts import list_fonts, load_font_set

    found = list_fonts(args.font)
    primary = load_font_set(args.font).primary
    _emit(
        {
            "primary": {
                "path": str(primary.path),
                "index": primary.subfont_index,
                "family": primary.family,
            },
            "fonts": [
                {
                    "path": str(f.path),
                    "index": f.subfont_index,
                    "family": f.family,
                    "glyphs": f.glyphs,
                    "basic_chinese": f.covers_basics,
                    "has_U+20BB7": f.covers_ext_b,
                }
                for f in found
            ],
        }
    )
    return 0


def _printers(args: argparse.Namespace) -> int:
    from printing.backends import cups_status, default_printer, list_printers

    found = list_printers(args.cups_server)
    _emit(
        {
            "cups": cups_status(args.cups_server),
            "default": default_printer(args.cups_server),
            "printers": [p.__dict__ for p in found],
            "also": ["pdf:/folder (save as PDF)", "escpos+tcp://host:9100 (thermal)"],
        }
    )
    return 0


def _service(args: argparse.Namespace, station: Any) -> Any:
    from printing.backends import default_printer
    from printing.fonts import load_font_set
    from printing.service import PrintOptions, PrintService

    server = getattr(args, "cups_server", None)
    options = PrintOptions(
        paper=Paper(args.paper) if args.paper else Paper.A4,
        confirm_timeout=getattr(args, "timeout", 60.0),
        cups_server=server,
    )
    return PrintService(
        jobs=station.print_jobs,
        cases=station.cases,
        settings=lambda: station.settings,
        catalog=lambda: station.catalog,
        fonts=lambda: load_font_set(args.font),
        default_printer=lambda: default_printer(server),
        options=options,
        signature=station.attachments.signature_for,
    )


def _queue(args: argparse.Namespace, number: int) -> QueueInfo | None:
    if args.kind != "ticket":
        return None
    return QueueInfo(args.queue_number or f"A{number % 1000:03d}", args.ahead)


def _render(args: argparse.Namespace) -> int:
    from intake.station import Station

    with Station.open(args.data_dir) as st:
        svc = _service(args, st)
        case = st.cases.get(args.case)
        year = svc.clock().year
        ctx = svc.context(
            case,
            args.kind,
            doc_number=args.doc_number,
            year=year,
            reprint=args.reprint,
            queue=_queue(args, args.doc_number),
            watermark=args.watermark,
            paper=Paper(args.paper) if args.paper else None,
        )
        r = svc.render(ctx)
    out = Path(args.out)
    out.write_bytes(r.payload.data)
    _emit(
        {
            "out": str(out),
            "kind": args.kind,
            "title": KIND_LABELS[args.kind],
            "pages": r.pages,
            "warnings": list(r.warnings),
        }
    )
    return 0


def _print(args: argparse.Namespace) -> int:
    from intake.station import Station

    with Station.open(args.data_dir) as st:
        svc = _service(args, st)
        job = svc.submit(args.case, args.kind, operator_id=args.operator, printer=args.printer)
        job = svc.run(job, queue=_queue(args, job.doc_number))
    result = {
        "job": job.id,
        "state": job.state,
        "printer": job.printer,
        "kind": job.kind,
        "doc_number": job.doc_number,
        "reprint": job.reprint,
        "error": job.error,
    }
    if job.state != "printed":
        result["message"] = message_for(job.error)
    _emit(result)
    return 0 if job.state == "printed" else 3


def _notices(args: argparse.Namespace) -> int:
    return notices(args, _service)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {
        "fonts": _fonts,
        "printers": _printers,
        "render": _render,
        "print": _print,
        "notices": _notices,
    }

    def run() -> int:
        try:
            return handlers[args.command](args)
        except WindowDeskError as exc:
            err = exc.to_json()
            err["message"] = message_for(exc.code) if exc.code in _codes() else exc.message
            emit(err, sys.stderr)
            return EXIT_ERROR

    return run_guarded(run, stream=sys.stderr)  # anything unforeseen: JSON, exit 2 as well


def _codes() -> set[str]:
    from printing.messages import MESSAGES

    return set(MESSAGES)
