"""The station's refresh secret: in the OS keyring, behind this one small class.

A machine without a keyring gets a clear error, never a silent plaintext fallback. Headless
machines opt in with ``WINDOWDESK_KEYRING=file`` (the same switch the store's key uses): the
secret then lives in ``sync-credential.json`` in the data dir (mode 0600), and the process
says so on stderr, once (``intake.filekeyring.notice``, shared with the store's key).

What is kept: ``current`` (the secret the hub knows), ``next`` (the successor proposed in a
refresh whose answer may have been lost; resending the same pair is safe) and ``enrol_code``
(so a retried enrolment after a lost answer presents the same secret again).
"""

from __future__ import annotations

import json
import os
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors

from intake import filekeyring
from intake.errors import KeyStoreError
from intake.store.keys import ENV, usable_keyring
from sync.errors import CredentialStoreError

SERVICE = "WindowDesk sync"
FILE_NAME = "sync-credential.json"
ID_FILE = "sync.id"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Credential:
    current: str
    next: str | None = None
    enrol_code: str | None = None

    def with_next(self) -> Credential:
        return self if self.next else replace(self, next=new_secret())

    def rotated(self) -> Credential:
        if self.next is None:
            raise ValueError("no proposed next secret to rotate to")
        return Credential(current=self.next)


class CredentialStore:
    """Reads and writes one data dir's credential (keyring, or the explicit file opt-in)."""

    def __init__(self, data_dir: Path, *, mode: str | None = None, slot: str = "") -> None:
        """``slot="enrolment"`` holds an enrolment in progress apart from the station's
        working credential, so a refused or mistaken enrolment never destroys it."""
        self.data_dir = data_dir
        self.mode = mode if mode is not None else os.environ.get(ENV, "")
        self.slot = slot

    @property
    def _file(self) -> Path:
        name = FILE_NAME if not self.slot else FILE_NAME.replace(".json", f".{self.slot}.json")
        return self.data_dir / name

    def load(self) -> Credential | None:
        raw = self._read()
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            return Credential(
                current=str(data["current"]),
                next=data.get("next"),
                enrol_code=data.get("enrol_code"),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise CredentialStoreError("the stored station credential is damaged") from exc

    def save(self, cred: Credential) -> None:
        self._write(
            json.dumps({"current": cred.current, "next": cred.next, "enrol_code": cred.enrol_code})
        )

    def clear(self) -> None:
        if self.mode == "file":
            self._file.unlink(missing_ok=True)
            return
        try:
            _backend().delete_password(SERVICE, self._account())
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise CredentialStoreError(f"the OS keyring refused access: {exc}") from exc

    # -------------------------------------------------------------------------------------
    def _account(self) -> str:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        path = self.data_dir / ID_FILE
        if not path.exists():
            path.write_text(str(uuid.uuid4()), encoding="ascii")
        account = f"station:{path.read_text(encoding='ascii').strip()}"
        return f"{account}:{self.slot}" if self.slot else account

    def _warn(self) -> None:
        filekeyring.notice(self.data_dir)  # once per process, shared with the store's key

    def _read(self) -> str | None:
        if self.mode == "file":
            self._warn()
            path = self._file
            return path.read_text(encoding="utf-8") if path.exists() else None
        try:
            return _backend().get_password(SERVICE, self._account())
        except keyring.errors.KeyringError as exc:
            raise CredentialStoreError(f"the OS keyring refused access: {exc}") from exc

    def _write(self, text: str) -> None:
        if self.mode == "file":
            self._warn()
            # Write-then-rename: a power cut leaves the old or the new credential, never half.
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path = self._file
            tmp = path.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            dir_fd = os.open(self.data_dir, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
            return
        try:
            _backend().set_password(SERVICE, self._account(), text)
        except keyring.errors.KeyringError as exc:
            raise CredentialStoreError(f"the OS keyring refused to store: {exc}") from exc


def _backend() -> keyring.backend.KeyringBackend:
    try:
        return usable_keyring("the station's sync credential")
    except KeyStoreError as exc:
        raise CredentialStoreError(exc.message) from exc
