"""Serve the hub with uvicorn on a socket we prepare ourselves (TCP_NODELAY, SO_REUSEADDR).

asyncio already sets TCP_NODELAY on every accepted connection; setting it on the listening
socket too (Linux copies it to accepted sockets) keeps small JSON answers from waiting on
Nagle's algorithm whatever the event loop does. SO_REUSEADDR lets a killed hub come back
on its port at once.
"""

from __future__ import annotations

import logging
import socket

import uvicorn

from sync.hub.app import UNAUTH_BURST, UNAUTH_PER_SECOND, create_app
from sync.hub.db import make_engine
from sync.hub.service import DEFAULT_ATTACHMENT_QUOTA, Hub


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _log_to_stderr(level: str) -> None:
    """The hub's own log (``sync.hub``: one line per refused request) on stderr, beside
    uvicorn's, at the serve command's level."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    hub_log = logging.getLogger("sync.hub")
    hub_log.addHandler(handler)
    hub_log.setLevel(level.upper())
    hub_log.propagate = False


def serve(
    db_url: str,
    host: str,
    port: int,
    *,
    log_level: str = "warning",
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
    attachment_quota: int = DEFAULT_ATTACHMENT_QUOTA,
    unauth_burst: int = UNAUTH_BURST,
    unauth_per_second: float = UNAUTH_PER_SECOND,
) -> None:
    """Serve until SIGTERM. TLS here is for small sites; larger ones terminate TLS at their
    reverse proxy (docs/sync.md)."""
    _log_to_stderr(log_level)
    hub = Hub(make_engine(db_url), attachment_quota=attachment_quota)
    sock = listening_socket(host, port)
    config = uvicorn.Config(
        create_app(hub, unauth_burst=unauth_burst, unauth_per_second=unauth_per_second),
        log_level=log_level,
        access_log=False,
        timeout_keep_alive=5,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
    )
    server = uvicorn.Server(config)
    scheme = "https" if ssl_certfile else "http"
    print(f"hub listening on {scheme}://{host}:{sock.getsockname()[1]}", flush=True)
    server.run(sockets=[sock])
