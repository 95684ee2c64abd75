"""Fixtures every test package may use: a fresh data dir with a file-kept key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never touch the developer's keyring or data: keys live in each temp data dir.
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
os.environ.pop("WINDOWDESK_HOME", None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "station"
    path.mkdir()
    return path
