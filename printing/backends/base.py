"""The interface every print backend offers, so the dispatcher never knows which it talks to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from printing.model import Paper


@dataclass(frozen=True)
class Payload:
    """Bytes to print and what they are (PDF, or ESC/POS for thermal printers)."""

    name: str  # job title: case number, kind, document number — no personal data
    data: bytes
    format: str  # "pdf" | "escpos"
    paper: Paper
    height_mm: float  # page height (80 mm tickets are as long as their content)


@dataclass(frozen=True)
class PrinterInfo:
    target: str  # what to pass as --printer
    kind: str  # cups / windows / escpos / pdf
    state: str  # idle / printing / disabled / unknown ...
    default: bool = False
    detail: str = ""


class Printer(Protocol):
    """One destination. Every method raises ``printing.errors.PrintError`` subclasses only."""

    target: str
    #: "pdf" or "escpos": what ``send`` takes.
    format: str

    def check(self) -> None:
        """Raise if the printer cannot take a job now (missing, disabled, out of paper)."""

    def send(self, payload: Payload) -> str:
        """Hand the job over; returns a handle for ``confirm`` / ``cancel``."""

    def confirm(self, handle: str, timeout: float) -> None:
        """Wait (bounded) until the printer reports the job done; raise if it fails."""

    def cancel(self, handle: str) -> None:
        """Withdraw a job that will not be confirmed, so a retry cannot print it twice."""
