"""The audit chain's anchor outside the database: the newest row's (seq, hash), HMAC'd.

A hash chain shows an edited or a removed row anywhere but at its end: deleting the newest
rows leaves a shorter chain that is still whole. So after every write transaction that
appended audit rows, the head of the chain is written to ``audit-anchor.json`` in the data
directory with an HMAC under a key derived from the store's key (a tamperer who edits the
database through its key could forge one; one who cannot read the key cannot, and deleting
rows with the store's key but leaving the file shows). ``verify`` compares the chain's end
with the anchor: a chain shorter than the anchor lost its newest rows.

Rules that keep it honest and cheap:

- Written after the commit, never before: the anchor is never ahead of what is durable
  (a crash between the commit and the file leaves it one transaction behind, which only
  means those rows are not anchored yet).
- Monotone, and only along its own chain: an anchor is replaced only by a higher seq, and
  only when the committing transaction still holds the anchored row with the anchored hash
  (one primary-key lookup before the commit). After the tail was deleted and the app
  appended again over it, the old anchor stays and names a row that is gone or differs.
- One small file of two fixed slots written in place, without fsync: the writer thread
  must not wait for the disk twice per transaction (measured in docs/performance.md,
  "Audit anchor").
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import threading
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.store.models import AuditRow

ANCHOR_FILE = "audit-anchor"
SLOT = 256  # bytes per slot; the file is two slots
#: session.info key ``audit.append`` sets: this transaction appended audit rows
HEAD_KEY = "audit.head"
#: the head (seq, hash) the committing transaction holds, set just before its commit
_COMMITTING_KEY = "audit.committing_head"


class AnchorState(StrEnum):
    OK = "ok"  # the anchored row is in the chain with the anchored hash
    MISSING = "missing"  # no anchor file (a store from before anchors, until its next write)
    FORGED = "forged"  # the file's HMAC does not match: written by someone without the key
    TRUNCATED = "truncated"  # the chain ends before the anchored row: newest rows removed
    REWRITTEN = "rewritten"  # the anchored row exists with another hash


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str


#: the label the anchor's HMAC key is derived under from the store key
SECRET_LABEL = b"windowdesk audit anchor v1"


class AuditAnchor:
    """Reads and advances one data directory's anchor file (thread-safe)."""

    def __init__(self, path: Path, secret: bytes) -> None:
        self.path = path
        self._secret = secret
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._ino = 0

    def _mac(self, seq: int, digest: str) -> str:
        return hmac.new(self._secret, f"{seq}:{digest}".encode(), "sha256").hexdigest()

    def _slot(self, raw: bytes) -> Anchor | None:
        try:
            data: Any = json.loads(raw.rstrip(b"\0 ").decode("utf-8"))
            seq, digest, mac = int(data["seq"]), str(data["hash"]), str(data["mac"])
        except (ValueError, KeyError, TypeError):
            return None
        if not hmac.compare_digest(mac, self._mac(seq, digest)):
            return None
        return Anchor(seq, digest)

    def _raw(self) -> bytes | None:
        """The file's bytes through a descriptor kept open (a stat and a pread per call,
        not an open and a close), re-opened when the file was replaced; None: no file."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._close_fd()
            return None
        if self._fd is None or st.st_ino != self._ino:
            self._close_fd()
            self._fd = os.open(self.path, os.O_RDWR)
            self._ino = os.fstat(self._fd).st_ino
        return os.pread(self._fd, 2 * SLOT + 1, 0)

    def _close_fd(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._fd = None

    def close(self) -> None:
        with self._lock:
            self._close_fd()

    def read(self) -> tuple[Anchor | None, AnchorState]:
        """The anchor and whether it is readable and genuine (MISSING / FORGED / OK): the
        higher of the two slots that carries a valid HMAC."""
        with self._lock:
            return self._read()

    def _read(self) -> tuple[Anchor | None, AnchorState]:
        try:
            raw = self._raw()
        except OSError:
            return None, AnchorState.FORGED
        if raw is None:
            return None, AnchorState.MISSING
        slots = [self._slot(raw[i : i + SLOT]) for i in range(0, min(len(raw), 2 * SLOT), SLOT)]
        valid = [a for a in slots if a is not None]
        if not valid or len(raw) != 2 * SLOT:
            return None, AnchorState.FORGED
        return max(valid, key=lambda a: a.seq), AnchorState.OK

    def advance(self, seq: int, digest: str) -> None:
        """After a commit: anchor (seq, digest) unless the anchor already names a later row
        (another process's, or one that was deleted from the database since).

        Written in place into one of two fixed slots (seq's parity), never renamed: a
        rename over the old file makes ext4 flush it to disk (auto_da_alloc), which cost
        every write transaction about 3 ms; a torn slot after a power cut leaves the other."""
        with self._lock:
            current, state = self._read()
            if state is AnchorState.FORGED:
                return  # keep the evidence for verify
            if current is not None and current.seq >= seq:
                return
            body = json.dumps({"seq": seq, "hash": digest, "mac": self._mac(seq, digest)})
            record = body.encode().ljust(SLOT, b" ")
            if state is AnchorState.MISSING:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    os.pwrite(fd, record * 2, 0)
                finally:
                    os.close(fd)
            elif self._fd is not None:
                os.pwrite(self._fd, record, (seq % 2) * SLOT)

    def before_commit(self, session: Session) -> None:
        """Inside the transaction that appended, just before it commits: the head as the
        transaction will commit it (read back, not what ``append`` noted: a savepoint
        rolled back may have taken that row away), and whether the chain still holds the
        anchored row (else the anchor stays, as evidence)."""
        if session.info.pop(HEAD_KEY, None) is None:
            return
        head = session.execute(
            select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
        ).first()
        if head is None:
            return
        anchor, _state = self.read()
        if anchor is not None and anchor.seq < head.seq:
            held = session.execute(
                select(AuditRow.hash).where(AuditRow.seq == anchor.seq)
            ).scalar_one_or_none()
            if held != anchor.hash:
                return  # the anchored row is gone or changed: keep the anchor as evidence
        session.info[_COMMITTING_KEY] = (head.seq, head.hash)

    def on_commit(self, info: dict[str, Any]) -> None:
        """The write session's after-commit hook: advance to the head it committed."""
        head = info.pop(_COMMITTING_KEY, None)
        if head is not None:
            # a full or read-only disk: the commit stands; the anchor stays behind
            with contextlib.suppress(OSError):
                self.advance(*head)
