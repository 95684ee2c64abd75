"""The one notice that secrets are kept in files (``WINDOWDESK_KEYRING=file``), once per process.

The store's key (``intake.store.keys``) and the station's sync credential
(``sync.client.credentials``) both honour the opt-in; each open of a store or a credential
used to print its own line, so one ``make run`` printed it ten times and buried everything
else on stderr. Both call :func:`notice`, which prints the first time only.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

ENV = "WINDOWDESK_KEYRING"

_lock = threading.Lock()
_printed = False


def notice(data_dir: Path) -> None:
    """Say on stderr, once per process, that secrets are kept in files in ``data_dir``."""
    global _printed
    with _lock:
        if _printed:
            return
        _printed = True
    print(
        f"WindowDesk: {ENV}=file — the database key and the station's sync credential are "
        f"kept in files in the data directory ({data_dir}); use the OS keyring on a real "
        "station.",
        file=sys.stderr,
    )


def _reset_for_tests() -> None:
    global _printed
    with _lock:
        _printed = False
