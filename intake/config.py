"""Where a station keeps its data: ``--data-dir`` > ``WINDOWDESK_HOME`` > the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "WindowDesk"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to use, created if needed (tests and the demo pass their own)."""
    if cli_value:
        path = Path(cli_value)
    elif os.environ.get("WINDOWDESK_HOME"):
        path = Path(os.environ["WINDOWDESK_HOME"])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)  # owner only (POSIX)
    return path
