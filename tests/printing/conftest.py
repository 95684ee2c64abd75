"""Fixtures for printing tests: fonts, a seeded station, a private cupsd."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from printing.fonts import FontSet, load_font_set
from tests.printing import cupsd as cupsd_mod


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return load_font_set()


@pytest.fixture(scope="session")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station seeded by the intake demo (5 realistic cases), shared read-mostly."""
    d = tmp_path_factory.mktemp("station")
    env = dict(os.environ, WINDOWDESK_KEYRING="file")
    subprocess.run(
        [sys.executable, "-m", "intake", "--data-dir", str(d), "demo", "--cases", "5"],
        check=True,
        env=env,
        capture_output=True,
        cwd=Path(__file__).parents[2],
    )
    return d


@pytest.fixture(scope="session")
def cups() -> Iterator[cupsd_mod.Cupsd]:
    why = cupsd_mod.available()
    if why:
        pytest.fail(f"a private cupsd cannot run here: {why}")
    d = cupsd_mod.start()
    try:
        yield d
    finally:
        d.stop()
