"""``python -m devices list | read | monitor``: find readers, read one card, watch events.

``read --json`` prints exactly the keys of ``devices.jsonout.KEYS``; a failure exits 2 and
prints ``{"error": CODE, "message": ...}`` (Chinese by default, ``--lang en`` for English).
"""

from __future__ import annotations

import argparse
import getpass
import json
import signal
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType
from typing import Any

from devices.backends import BACKENDS, DeviceConfig, discover, open_reader
from devices.handler import FixedPinHandler, Handler, NoPinHandler, PinRequest
from devices.jsonout import identity_to_json
from devices.messages import message_zh
from devices.service import DeviceEvent, DeviceService
from intake.cliutil import EXIT_ERROR, JsonArgumentParser, run_guarded
from intake.errors import WindowDeskError
from intake.identity import SEXES


class TerminalPinHandler:
    """Asks on the terminal (never echoed); cancels when there is no terminal."""

    def get_pin(self, request: PinRequest) -> str | None:
        if not sys.stdin.isatty():
            return None
        left = "" if request.tries_left is None else f" ({request.tries_left} tries left)"
        return getpass.getpass(f"Social security card PIN{left}: ") or None


def _print(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _error_json(exc: WindowDeskError, lang: str) -> dict[str, Any]:
    message = exc.message if lang == "en" else message_zh(exc.code, exc.message)
    return {"error": exc.code, "message": message}


def _add_backend_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--backend", required=True, choices=BACKENDS)
    parser.add_argument("--port", help="sam-serial: serial port (/dev/ttyUSB0, COM3)")
    parser.add_argument("--baud", type=int, default=115200)
    parser.add_argument("--reader", help="pcsc: part of the reader's name")
    parser.add_argument("--library", help="vendor: path to the termb-compatible library")
    parser.add_argument("--vendor-port", type=int, default=1001, help="vendor: 1001+ USB")
    parser.add_argument("--file", help="simulated: identities to play (JSON)")
    parser.add_argument("--pin", help="pcsc: social security card PIN (else asked)")
    parser.add_argument("--fingerprint", action="store_true", help="sam-serial: 30 10 read")
    parser.add_argument("--added-address", action="store_true", help="sam-serial: 30 03")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")


def _config(args: argparse.Namespace) -> DeviceConfig:
    return DeviceConfig(
        backend=args.backend,
        port=args.port,
        baud=args.baud,
        reader=args.reader,
        library=args.library,
        vendor_port=args.vendor_port,
        file=args.file,
        fingerprint=args.fingerprint,
        added_address=args.added_address,
    )


def _handler(args: argparse.Namespace) -> Handler:
    if args.pin:
        return FixedPinHandler(args.pin)
    return TerminalPinHandler() if sys.stdin.isatty() else NoPinHandler()


def cmd_list(args: argparse.Namespace) -> int:
    _print({"backends": discover(args.library or [])})
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    try:
        reader = open_reader(_config(args), handler=_handler(args))
        with reader:
            deadline = time.monotonic() + args.wait
            while not reader.poll() and time.monotonic() < deadline:
                time.sleep(0.1)
            identity = reader.read()
    except WindowDeskError as exc:
        _print(_error_json(exc, args.lang))
        return EXIT_ERROR
    out = identity_to_json(identity)
    if args.json:
        _print(out)
    else:
        for key, value in out.items():
            shown = f"{value} ({SEXES.get(value, '')})" if key == "sex" and value else value
            sys.stdout.write(f"{key:>13}: {shown}\n")
    return 0


def cmd_monitor(args: argparse.Namespace) -> int:
    try:
        reader = open_reader(_config(args), handler=_handler(args))
    except WindowDeskError as exc:
        _print(_error_json(exc, args.lang))
        return EXIT_ERROR
    done = threading.Event()

    def on_event(event: DeviceEvent) -> None:
        out = event.to_json()
        if event.error is not None and args.lang == "zh":
            out["message"] = message_zh(event.error.code, event.error.message)
        _print(out)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        done.set()

    previous = signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        with DeviceService(reader, on_event, poll_interval=args.poll):
            done.wait(args.duration if args.duration > 0 else None)
    finally:
        signal.signal(signal.SIGINT, previous)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = JsonArgumentParser(
        prog="python -m devices", description=__doc__, error_stream="stdout"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_list = sub.add_parser("list", help="backends and the readers they see")
    p_list.add_argument("--library", action="append", help="also check this vendor library")
    p_list.set_defaults(func=cmd_list)
    p_read = sub.add_parser("read", help="read one card")
    _add_backend_args(p_read)
    p_read.add_argument("--json", action="store_true", help="print one JSON object")
    p_read.add_argument("--wait", type=float, default=5.0, help="seconds to wait for a card")
    p_read.set_defaults(func=cmd_read)
    p_mon = sub.add_parser("monitor", help="print events as JSON lines until interrupted")
    _add_backend_args(p_mon)
    p_mon.add_argument("--poll", type=float, default=0.05, help="seconds between card polls")
    p_mon.add_argument("--duration", type=float, default=0.0, help="stop after N s (0: never)")
    p_mon.set_defaults(func=cmd_monitor)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run_guarded(lambda: int(args.func(args)), stream=sys.stdout)
