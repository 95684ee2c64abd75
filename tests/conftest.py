"""Fixtures every test package may use: a fresh data dir with a file-kept key; the
Hypothesis profile (tests/profiles.py: deterministic unless ``HYPOTHESIS_PROFILE=fuzz``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import profiles

# Tests never touch the developer's keyring or data: keys live in each temp data dir.
os.environ.setdefault("WINDOWDESK_KEYRING", "file")
os.environ.pop("WINDOWDESK_HOME", None)
# Deterministic property tests by default; `make fuzz` selects the randomized profile.
profiles.register()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "station"
    path.mkdir()
    return path
