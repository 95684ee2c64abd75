"""The database key: created on first run, kept in the OS keyring, never in plain sight.

A machine without a keyring backend gets a clear error, never a silent plaintext fallback.
Headless machines (CI, the demo, scripted use) opt in with ``WINDOWDESK_KEYRING=file``: the
key then lives in a file inside the data dir, and every start says so on stderr.
"""

from __future__ import annotations

import os
import secrets
import uuid
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

from intake import filekeyring
from intake.errors import KeyStoreError

SERVICE = "WindowDesk"
KEY_FILE = "store.key"
ID_FILE = "store.id"
ENV = "WINDOWDESK_KEYRING"


def _store_id(data_dir: Path) -> str:
    """A random id naming this data dir's key in the keyring (survives moving the folder)."""
    path = data_dir / ID_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(str(uuid.uuid4()))
    return path.read_text(encoding="ascii").strip()


def usable_keyring(what: str = "the database key") -> keyring.backend.KeyringBackend:
    """The OS keyring, or a clear error naming ``what`` it was wanted for: never a silent
    fallback to a file (that takes the explicit ``WINDOWDESK_KEYRING=file``)."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or backend.priority <= 0:
        raise KeyStoreError(
            f"no OS keyring is available to hold {what}; install/unlock one "
            f"(Windows Credential Manager, Secret Service, KWallet) or set {ENV}=file "
            "to keep it in a file in the data directory (headless use only)",
            code="store.keyring_unavailable",
        )
    return backend


class StoreKey:
    """Reads or creates the 256-bit key of one data directory's database."""

    def __init__(self, data_dir: Path, *, mode: str | None = None) -> None:
        self.data_dir = data_dir
        self.mode = mode if mode is not None else os.environ.get(ENV, "")

    def get(self, *, create: bool) -> bytes:
        """The key; ``create`` only when no database exists yet (a lost key is an error)."""
        hex_key = self._read()
        if hex_key is None:
            if not create:
                raise KeyStoreError(
                    "the database exists but its key is not in the keyring: restore the "
                    "keyring entry or the key file; the data cannot be opened without it",
                    code="store.key_missing",
                )
            hex_key = secrets.token_hex(32)
            self._write(hex_key)
        try:
            key = bytes.fromhex(hex_key)
        except ValueError as exc:
            raise KeyStoreError("the stored database key is damaged", code="store.key_bad") from exc
        if len(key) != 32:
            raise KeyStoreError("the stored database key is damaged", code="store.key_bad")
        return key

    def _read(self) -> str | None:
        if self.mode == "file":
            filekeyring.notice(self.data_dir)  # once per process
            path = self.data_dir / KEY_FILE
            return path.read_text(encoding="ascii").strip() if path.exists() else None
        backend = usable_keyring()
        try:
            return backend.get_password(SERVICE, f"store:{_store_id(self.data_dir)}")
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(
                f"the OS keyring refused access: {exc}", code="store.keyring_locked"
            ) from exc

    def _write(self, hex_key: str) -> None:
        if self.mode == "file":
            path = self.data_dir / KEY_FILE
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(hex_key)
                fh.flush()
                os.fsync(fh.fileno())
            return
        try:
            usable_keyring().set_password(SERVICE, f"store:{_store_id(self.data_dir)}", hex_key)
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(
                f"the OS keyring refused to store the key: {exc}", code="store.keyring_locked"
            ) from exc
