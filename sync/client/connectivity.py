""" "Test connection": what a station can honestly say about a hub address right now.

One ``hello`` through the same ``HubClient`` sync uses (same TLS trust, same classification
of answers: a captive portal is its own state), with short timeouts so the answer comes in
seconds. The transport's ``Offline`` is split further by its cause: refused, timed out,
unknown host, or otherwise unreachable.
"""

from __future__ import annotations

import errno
import socket
from dataclasses import dataclass
from pathlib import Path

import requests

from sync import errors
from sync.client.transport import HubClient, Timeouts

REACHABLE = "reachable"
TLS_UNTRUSTED = "tls_untrusted"
CAPTIVE_PORTAL = "captive_portal"
REFUSED = "refused"
TIMEOUT = "timeout"
UNKNOWN_HOST = "unknown_host"
UNREACHABLE = "unreachable"
HUB_BUSY = "hub_busy"
HUB_ERROR = "hub_error"

QUICK = Timeouts(connect=4.0, read=8.0)


@dataclass(frozen=True)
class HubCheck:
    state: str  # one of the constants above
    code: str | None = None  # the sync error's code when not reachable
    clock_offset_s: float | None = None  # hub clock minus ours, when it answered
    protocol: int | None = None  # the hub's protocol version, when it answered

    @property
    def ok(self) -> bool:
        return self.state == REACHABLE


def _offline_state(exc: BaseException) -> str:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, requests.Timeout | TimeoutError | socket.timeout):
            return TIMEOUT
        if isinstance(seen, ConnectionRefusedError) or (
            isinstance(seen, OSError) and seen.errno == errno.ECONNREFUSED
        ):
            return REFUSED
        if isinstance(seen, socket.gaierror):
            return UNKNOWN_HOST
        text = str(seen).lower()
        if "refused" in text:
            return REFUSED
        if "name or service not known" in text or "nodename nor servname" in text:
            return UNKNOWN_HOST
        if "timed out" in text:
            return TIMEOUT
        seen = seen.__cause__ or seen.__context__
    return UNREACHABLE


def check_hub(url: str, *, ca_file: Path | None = None, timeouts: Timeouts = QUICK) -> HubCheck:
    """Say how ``url`` answers (never raises for a network outcome)."""
    try:
        with HubClient(url, ca_file=ca_file, timeouts=timeouts) as client:
            answer = client.hello()
            version = answer.get("protocol")
            return HubCheck(
                REACHABLE,
                clock_offset_s=client.clock_offset,
                protocol=version if isinstance(version, int) else None,
            )
    except errors.TlsUntrusted as exc:
        return HubCheck(TLS_UNTRUSTED, exc.code)
    except errors.CaptivePortal as exc:
        return HubCheck(CAPTIVE_PORTAL, exc.code)
    except errors.Offline as exc:
        return HubCheck(_offline_state(exc), exc.code)
    except errors.HubUnavailable as exc:
        return HubCheck(HUB_BUSY, exc.code)
    except errors.SyncError as exc:
        return HubCheck(HUB_ERROR, exc.code)
    except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, ValueError):
        return HubCheck(UNREACHABLE, "setup.hub_url")
