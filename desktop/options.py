"""The command line of the app (Qt-free, so it is tested without a display).

``python -m desktop [--demo] [--data-dir DIR] [--mode counter|village|kiosk]
[--reader SPEC] [--printer SPEC] [--no-hub] [--smoke] [--citizen-screen auto|off|turn|N]
[--kiosk-idle-seconds N] [--counter NAME]``: the options override the station's settings for
this run only.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MODES = ("counter", "village", "kiosk")


class OptionError(ValueError):
    """A reader or printer spec that cannot be understood (exit 2 with the message)."""


@dataclass(frozen=True)
class ReaderSpec:
    backend: str  # simulated / sam-serial / pcsc / vendor / none
    target: str | None = None  # the file, port, reader name part or library


@dataclass(frozen=True)
class LaunchOptions:
    demo: bool
    data_dir: Path | None
    mode: str | None
    reader: ReaderSpec | None
    printer: str | None  # a printing target: "pdf:/dir", a CUPS queue, or "system"
    hub: bool
    smoke: bool
    idle_lock_minutes: float
    #: the citizen-facing screen: auto (a second monitor if there is one), off, turn (no second
    #: monitor: the clerk turns their own screen to the citizen), or a screen number
    citizen_screen: str = "auto"
    kiosk_idle_seconds: float = 60.0  # a kiosk session wipes itself after this idle time
    #: whether ``kiosk_idle_seconds`` was given for this run (--kiosk-idle-seconds or
    #: WINDOWDESK_KIOSK_IDLE_SECONDS): then it wins over the station's saved kiosk timeout
    kiosk_idle_given: bool = False
    counter: str = ""  # the counter's name the queue calls to (e.g. "3号窗口")
    scanner_port: str | None = None  # a serial QR / barcode scanner (a keyboard wedge needs none)
    camera_file: Path | None = None  # an image standing in for the document camera (tests, demo)
    #: what the citizen signs on screen: "promises" (a 容缺/告知承诺书, with the notice printed
    #: beside it) or "receipts" (also every decision notice's 签收 line: 已收到)
    citizen_signs: str = "promises"


def parse_reader(spec: str) -> ReaderSpec:
    backend, _, target = spec.partition(":")
    if backend == "none" and not target:
        return ReaderSpec("none")
    if backend == "pcsc":
        return ReaderSpec("pcsc", target or None)
    if backend in ("simulated", "sam-serial", "vendor"):
        if not target:
            raise OptionError(f"--reader {backend} needs a value after the colon")
        return ReaderSpec(backend, target)
    raise OptionError(f"unknown reader {spec!r}: simulated:FILE, sam-serial:PORT, pcsc[:NAME], ...")


def parse_printer(spec: str) -> str:
    """The printing package's printer name for a --printer spec."""
    if spec == "system":
        return "system"
    kind, _, target = spec.partition(":")
    if kind == "pdf" and target:
        return f"pdf:{target}"
    if kind == "cups" and target:
        return target
    raise OptionError(f"unknown printer {spec!r}: pdf:DIR, cups:QUEUE or system")


def parse_citizen_screen(spec: str) -> str:
    if spec in ("auto", "off", "turn") or (spec.isascii() and spec.isdigit()):
        return spec
    raise OptionError(f"unknown citizen screen {spec!r}: auto, off, turn or a screen number")


def citizen_screen_index(spec: str, count: int, primary: int) -> int | None:
    """Which screen (index into the screen list) carries the citizen window: auto takes the
    first one that is not the clerk's (primary) screen; a number must exist; None: none."""
    if spec == "auto":
        return next((i for i in range(count) if i != primary), None)
    if spec.isdigit() and int(spec) < count and int(spec) != primary:
        return int(spec)
    return None


def parse_args(argv: Sequence[str] | None = None) -> LaunchOptions:
    parser = argparse.ArgumentParser(prog="windowdesk", description="WindowDesk 综窗受理")
    parser.add_argument("--demo", action="store_true", help="seed and run the demo station")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--mode", choices=MODES, default=None)
    parser.add_argument(
        "--reader", default=None, help="simulated:FILE|sam-serial:PORT|pcsc[:NAME]|vendor:LIB|none"
    )
    parser.add_argument("--printer", default=None, help="pdf:DIR|cups:QUEUE|system")
    parser.add_argument("--no-hub", action="store_true", help="demo: work offline")
    parser.add_argument("--smoke", action="store_true", help="open, log in, print start-up ms")
    parser.add_argument("--idle-lock-minutes", type=float, default=None)
    parser.add_argument(
        "--citizen-screen",
        default=os.environ.get("WINDOWDESK_CITIZEN_SCREEN", "auto"),
        help="auto|off|turn|N: where the citizen confirms, signs and rates",
    )
    parser.add_argument(
        "--kiosk-idle-seconds", type=float, default=None, help="kiosk: wipe a session after"
    )
    parser.add_argument(
        "--citizen-signs",
        choices=("promises", "receipts"),
        default=os.environ.get("WINDOWDESK_CITIZEN_SIGNS", "promises"),
        help="promises: sign a promise on screen; receipts: also sign for every notice",
    )
    parser.add_argument("--counter", default=None, help="the counter's name the queue calls to")
    parser.add_argument("--scanner-port", default=None, help="a serial QR/barcode scanner's port")
    parser.add_argument(
        "--camera-file", type=Path, default=None, help="an image file as the document camera"
    )
    args = parser.parse_args(argv)
    idle = args.idle_lock_minutes
    if idle is None:
        idle = float(os.environ.get("WINDOWDESK_IDLE_LOCK_MINUTES", "10"))
    kiosk_idle = args.kiosk_idle_seconds
    kiosk_env = os.environ.get("WINDOWDESK_KIOSK_IDLE_SECONDS")
    kiosk_given = kiosk_idle is not None or kiosk_env is not None
    if kiosk_idle is None:
        kiosk_idle = float(kiosk_env or "60")
    if kiosk_idle < 15:
        parser.error("--kiosk-idle-seconds: at least 15 (a citizen needs time to read)")
    counter = args.counter or os.environ.get("WINDOWDESK_COUNTER", "")
    try:
        reader = parse_reader(args.reader) if args.reader else None
        printer = parse_printer(args.printer) if args.printer else None
        citizen = parse_citizen_screen(args.citizen_screen)
    except OptionError as exc:
        parser.error(str(exc))
    return LaunchOptions(
        demo=args.demo,
        data_dir=args.data_dir,
        mode=args.mode,
        reader=reader,
        printer=printer,
        hub=not args.no_hub,
        smoke=args.smoke,
        idle_lock_minutes=idle,
        citizen_screen=citizen,
        kiosk_idle_seconds=kiosk_idle,
        kiosk_idle_given=kiosk_given,
        counter=counter.strip()[:40],
        scanner_port=args.scanner_port,
        camera_file=args.camera_file,
        citizen_signs=args.citizen_signs,
    )


def kiosk_idle_seconds(
    options: LaunchOptions, saved: float | None, saved_versions: int = 0
) -> float:
    """The kiosk's idle time for this run. Precedence: the command line (or its environment
    variable) for this run; else the station's kiosk timeout once a supervisor has saved it
    (``saved_versions`` > 0: the setting page's default is not a decision); else 60 s."""
    if options.kiosk_idle_given or saved is None or saved_versions <= 0:
        return float(options.kiosk_idle_seconds)
    return float(saved)
