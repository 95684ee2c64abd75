"""CUPS queues through the ``lp`` / ``lpstat`` / ``cancel`` commands (package cups-client).

The commands rather than pycups: pycups has no wheels and would need a compiler and the CUPS
headers on every station. We run them with ``LC_ALL=C`` so their output parses the same
everywhere, and point them at a server with ``CUPS_SERVER`` when one is given.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time

from printing.backends import ipp
from printing.backends.base import Payload, PrinterInfo
from printing.errors import (
    BackendUnavailable,
    PaperOut,
    PrinterFailed,
    PrinterNotFound,
    PrinterOffline,
    PrinterRejecting,
    PrintError,
    PrintTimeout,
)
from printing.model import Paper

_REQUEST = re.compile(r"request id is (\S+)")


def _env(server: str | None) -> dict[str, str]:
    env = dict(os.environ, LC_ALL="C", LANG="C")
    if server:
        env["CUPS_SERVER"] = server
    return env


def run_cups(
    args: list[str], server: str | None, timeout: float = 15
) -> subprocess.CompletedProcess[str]:
    exe = shutil.which(args[0])
    if exe is None:
        raise BackendUnavailable(
            f"{args[0]} not found", details={"command": args[0], "hint": "install cups-client"}
        )
    try:
        return subprocess.run(
            [exe, *args[1:]],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_env(server),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise PrinterOffline(
            "the CUPS server did not answer", details={"reason": "cups_timeout"}
        ) from exc


def _server_error(text: str) -> PrintError | None:
    low = text.lower()
    if "unable to connect" in low or "connection refused" in low or "no such file" in low:
        return PrinterOffline(
            "cannot reach the CUPS server", details={"reason": "cups_unreachable"}
        )
    if "invalid destination" in low or "does not exist" in low or "unknown destination" in low:
        return PrinterNotFound("no such CUPS queue")
    if "not accepting" in low:
        return PrinterRejecting("the queue does not accept jobs")
    return None


def media_option(payload: Payload) -> str:
    if payload.paper is Paper.ROLL80:
        return f"media=Custom.80x{max(40, round(payload.height_mm))}mm"
    return "media=A5" if payload.paper is Paper.A5 else "media=A4"


class CupsPrinter:
    format = "pdf"

    def __init__(self, queue: str, *, server: str | None = None, poll: float = 0.25) -> None:
        self.queue = queue
        self.target = queue
        self.server = server
        self.poll = poll

    def _state(self) -> str:
        """``lpstat -l -p QUEUE`` text; raises if the queue or server is missing."""
        r = run_cups(["lpstat", "-l", "-p", self.queue], self.server)
        text = r.stdout + r.stderr
        if r.returncode != 0 or not r.stdout.strip():
            raise _server_error(text) or PrinterNotFound(
                "no such CUPS queue", details={"queue": self.queue}
            )
        return text

    def _raise_for_state(self, text: str) -> None:
        low = text.lower()
        if "media-empty" in low or "media-needed" in low:
            raise PaperOut("the printer is out of paper", details={"queue": self.queue})
        if " disabled since" in low:
            reason = text.split("\n", 1)[1].strip() if "\n" in text else ""
            raise PrinterOffline(
                "the CUPS queue is disabled", details={"queue": self.queue, "reason": reason[:200]}
            )
        if "offline-report" in low:
            raise PrinterOffline("the printer reports it is offline", details={"queue": self.queue})

    def check(self) -> None:
        self._raise_for_state(self._state())
        r = run_cups(["lpstat", "-a", self.queue], self.server)
        if "not accepting" in (r.stdout + r.stderr).lower():
            raise PrinterRejecting("the queue does not accept jobs", details={"queue": self.queue})

    def send(self, payload: Payload) -> str:
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
            f.write(payload.data)
            path = f.name
        try:
            r = run_cups(
                [
                    "lp",
                    "-d",
                    self.queue,
                    "-t",
                    payload.name,
                    "-o",
                    media_option(payload),
                    "--",
                    path,
                ],
                self.server,
            )
        finally:
            os.unlink(path)
        m = _REQUEST.search(r.stdout)
        if r.returncode != 0 or m is None:
            raise _server_error(r.stderr + r.stdout) or PrinterFailed(
                "lp refused the job", details={"queue": self.queue, "stderr": r.stderr[:200]}
            )
        return m.group(1)

    def _listed(self, handle: str, which: str) -> bool:
        r = run_cups(["lpstat", "-W", which, "-o", self.queue], self.server)
        return any(line.split(" ", 1)[0] == handle for line in r.stdout.splitlines())

    def _completed(self, handle: str) -> bool:
        """True once CUPS completed the job; PrinterFailed if it aborted or cancelled it.
        The job's state comes over IPP; ``lpstat`` lists are the fallback when IPP cannot
        answer (they cannot tell an aborted job from a completed one in every case)."""
        job_id = handle.rpartition("-")[2]
        state = ipp.job_state(int(job_id), self.server) if job_id.isdigit() else None
        if state is not None:
            if state in (ipp.CANCELED, ipp.ABORTED):
                raise PrinterFailed(
                    "CUPS aborted or cancelled the job",
                    details={"queue": self.queue, "job": handle, "state": state},
                )
            return state == ipp.COMPLETED
        if self._listed(handle, "completed"):
            return True
        if self._listed(handle, "not-completed"):
            return False
        if self._listed(handle, "completed"):  # it finished between the two reads
            return True
        raise PrinterFailed(
            "CUPS aborted or cancelled the job", details={"queue": self.queue, "job": handle}
        )

    def confirm(self, handle: str, timeout: float) -> None:
        """Done when CUPS lists the job as completed (handed to the device). The queue state
        is checked meanwhile: a queue CUPS stops on a backend error fails the job at once."""
        deadline = time.monotonic() + timeout
        while True:
            if self._completed(handle):
                return
            try:
                self._raise_for_state(self._state())
            except PrintError:
                self.cancel(handle)
                raise
            if time.monotonic() >= deadline:
                self.cancel(handle)
                raise PrintTimeout(
                    "CUPS did not complete the job in time",
                    details={"queue": self.queue, "timeout_s": timeout},
                )
            time.sleep(self.poll)

    def cancel(self, handle: str) -> None:
        run_cups(["cancel", handle], self.server)


def cups_printers(server: str | None = None) -> list[PrinterInfo]:
    """Queues the CUPS server knows, with their state and which is the default."""
    if shutil.which("lpstat") is None:
        return []
    r = run_cups(["lpstat", "-p", "-d"], server)
    default = ""
    out: list[PrinterInfo] = []
    for line in r.stdout.splitlines():
        if line.startswith("system default destination:"):
            default = line.split(":", 1)[1].strip()
        elif line.startswith("printer "):
            parts = line.split()
            name = parts[1]
            state = (
                "disabled"
                if "disabled" in line
                else (parts[3].rstrip(".") if len(parts) > 3 else "")
            )
            out.append(PrinterInfo(name, "cups", state))
    return [PrinterInfo(p.target, p.kind, p.state, p.target == default) for p in out]


def cups_default(server: str | None = None) -> str | None:
    if shutil.which("lpstat") is None:
        return None
    r = run_cups(["lpstat", "-d"], server)
    if ":" in r.stdout and "no system default" not in r.stdout:
        return r.stdout.split(":", 1)[1].strip() or None
    return None


def cups_status(server: str | None = None) -> str:
    """``running``, ``unreachable`` (no scheduler answers) or ``not installed`` (no lpstat)."""
    if shutil.which("lpstat") is None:
        return "not installed"
    r = run_cups(["lpstat", "-r"], server)
    return "running" if r.stdout.startswith("scheduler is running") else "unreachable"
