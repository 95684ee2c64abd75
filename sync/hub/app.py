"""The hub's HTTP face (FastAPI). Thin: parsing, status codes and headers; the work is in
``sync.hub.service``, run in a worker thread because the database calls block.

Every answer carries ``X-WindowDesk-Hub`` and ``X-Hub-Time``: a client that gets an answer
without them is talking to a captive portal or a wrong proxy, not to us.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.exc import DataError, DBAPIError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync import protocol
from sync.hub.errors import HubError
from sync.hub.service import Hub, StationAuth

#: Concurrent pushes one station may have in flight before it is told to slow down (429).
MAX_PUSHES_PER_STATION = 4
_ENVELOPE_SLACK = 64 * 1024


log = logging.getLogger("sync.hub")


def _refusal(request: Request, status: int, code: str) -> None:
    """One log line per refused request (never a traceback): what, where, which code."""
    log.warning("%s %s -> %d %s", request.method, request.url.path[:200], status, code)


def _error(exc: HubError) -> JSONResponse:
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else None
    return JSONResponse(exc.to_json(), status_code=exc.status, headers=headers)


class _Inflight:
    """Counts in-flight pushes per station (one process; the database is the real guard)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count: Counter[int] = Counter()

    @contextmanager
    def slot(self, station_id: int) -> Iterator[None]:
        with self._lock:
            if self._count[station_id] >= MAX_PUSHES_PER_STATION:
                raise HubError(429, "push.too_many_inflight", "slow down", retry_after=1)
            self._count[station_id] += 1
        try:
            yield
        finally:
            with self._lock:
                self._count[station_id] -= 1


#: Unauthenticated calls (``/v1/token``, ``/v1/enroll``) per client address: a burst of
#: ``UNAUTH_BURST``, then ``UNAUTH_PER_SECOND``. A station refreshes its token every 10 min.
UNAUTH_BURST = 60
UNAUTH_PER_SECOND = 30.0
_UNAUTH_ADDRESSES = 10_000  # addresses remembered at most (the least recent is forgotten)


class _AddressLimiter:
    """A token bucket per client address, in memory (one process).

    The address is the TCP peer's: behind a reverse proxy that is the proxy, so a real
    deployment rate-limits there (docs/sync.md). Hand-written (30 lines) rather than a
    dependency: it runs before any other work of a request, on the event loop."""

    def __init__(self, burst: int, per_second: float, clock: Callable[[], float]) -> None:
        self._burst = float(burst)
        self._rate = per_second
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def admit(self, address: str) -> float | None:
        """None if the call may go on, else the seconds until it may (a rate of 0: no limit)."""
        if self._rate <= 0:
            return None
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.pop(address, (self._burst, now))
            tokens = min(self._burst, tokens + (now - then) * self._rate)
            admitted = tokens >= 1.0
            if admitted:
                tokens -= 1.0
            self._buckets[address] = (tokens, now)
            while len(self._buckets) > _UNAUTH_ADDRESSES:
                self._buckets.popitem(last=False)
        return None if admitted else (1.0 - tokens) / self._rate


def create_app(
    hub: Hub,
    *,
    unauth_burst: int = UNAUTH_BURST,
    unauth_per_second: float = UNAUTH_PER_SECOND,
) -> FastAPI:
    app = FastAPI(
        title="WindowDesk reference hub",
        version=str(protocol.PROTOCOL_VERSION),
        openapi_url=None,  # the normative spec is docs/sync-openapi.yaml
        docs_url=None,
        redoc_url=None,
    )
    inflight = _Inflight()
    strangers = _AddressLimiter(unauth_burst, unauth_per_second, time.monotonic)

    def admit_unauthenticated(request: Request) -> None:
        wait = strangers.admit(request.client.host if request.client else "")
        if wait is not None:
            raise HubError(
                429,
                "auth.rate_limited",
                "too many unauthenticated calls from this address",
                retry_after=max(1, math.ceil(wait)),
            )

    @app.exception_handler(HubError)
    async def hub_error(request: Request, exc: HubError) -> Response:
        _refusal(request, exc.status, exc.code)
        return _error(exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # FastAPI's own 404/405 in our error shape, so clients see one format everywhere.
        code = {404: "http.not_found", 405: "http.method_not_allowed"}.get(
            exc.status_code, "http.error"
        )
        _refusal(request, exc.status_code, code)
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path; list them all.
            headers["Allow"] = ", ".join(_methods_for(app, request.url.path))
        return JSONResponse(
            {"error": code, "message": str(exc.detail)},
            status_code=exc.status_code,
            headers=headers or None,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        _refusal(request, 400, "request.invalid")
        return JSONResponse(
            {"error": "request.invalid", "message": "invalid query or path parameter"},
            status_code=400,
        )

    @app.exception_handler(DBAPIError)
    async def db_error(request: Request, exc: DBAPIError) -> Response:
        if isinstance(exc, DataError):
            # A value the database refuses (too long, out of range): the request is at fault,
            # and a 503 would have the station retry it for ever.
            _refusal(request, 400, "request.unstorable")
            return JSONResponse(
                {"error": "request.unstorable", "message": "a value the hub cannot store"},
                status_code=400,
            )
        # Database down, locked or failing over: the client must come back later.
        _refusal(request, 503, "hub.unavailable")
        return JSONResponse(
            {"error": "hub.unavailable", "message": "database unavailable"},
            status_code=503,
            headers={"Retry-After": "2"},
        )

    @app.middleware("http")
    async def envelope(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response: Response
        path = request.url.path
        version = request.headers.get(protocol.PROTOCOL_HEADER)
        if (
            path.startswith("/v1/")
            and path != "/v1/hello"
            and version not in protocol.SUPPORTED_PROTOCOLS
        ):
            _refusal(request, 426, "protocol.unsupported")
            response = _unsupported_protocol(request.method)
        else:
            try:
                response = await call_next(request)
            except Exception as exc:  # a bug: one line, an honest 500, no traceback on stderr
                log.error(
                    "%s %s -> 500 hub.internal_error (%s: %s)",
                    request.method,
                    path[:200],
                    type(exc).__name__,
                    str(exc)[:200],
                )
                log.debug("traceback", exc_info=exc)
                response = JSONResponse(
                    {"error": "hub.internal_error", "message": "internal error"}, status_code=500
                )
        response.headers[protocol.HUB_MARKER_HEADER] = str(protocol.PROTOCOL_VERSION)
        response.headers["X-Hub-Time"] = datetime.now(UTC).isoformat(timespec="milliseconds")
        return response

    async def station_of(request: Request) -> StationAuth:
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
        return await run_in_threadpool(hub.authenticate, token)

    @app.get("/v1/hello")
    async def hello() -> dict[str, Any]:
        return {
            "hub": "windowdesk",
            "protocol": protocol.PROTOCOL_VERSION,
            "min_protocol": protocol.MIN_CLIENT_PROTOCOL,
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        }

    @app.post("/v1/enroll")
    async def enroll(request: Request) -> dict[str, Any]:
        admit_unauthenticated(request)
        body = await _json_object(request, 4096)
        code, refresh_hash = body.get("code"), str(body.get("refresh_hash", ""))
        if not isinstance(code, str) or not code:
            raise HubError(400, "enroll.code_invalid", "code is required")
        result: dict[str, Any] = await run_in_threadpool(hub.enroll, code, refresh_hash)
        return result

    @app.post("/v1/token")
    async def token(request: Request) -> dict[str, Any]:
        admit_unauthenticated(request)
        body = await _json_object(request, 4096)
        secret, next_hash = body.get("refresh_secret"), str(body.get("next_refresh_hash", ""))
        if not isinstance(secret, str) or not 0 < len(secret) <= 200:
            raise HubError(400, "auth.bad_request", "refresh_secret is required")
        result: dict[str, Any] = await run_in_threadpool(hub.refresh, secret, next_hash)
        return result

    @app.post("/v1/push")
    async def push(request: Request) -> dict[str, Any]:
        station = await station_of(request)
        body = await _read_body(request, protocol.MAX_BATCH_BYTES)
        key = request.headers.get(protocol.IDEMPOTENCY_HEADER, "")
        with inflight.slot(station.id):
            result: dict[str, Any] = await run_in_threadpool(hub.push, station, key, body)
        return result

    @app.get("/v1/changes")
    async def changes(request: Request, cursor: str = "", limit: int = 500) -> dict[str, Any]:
        station = await station_of(request)
        if len(cursor) > 512:
            raise HubError(400, "pull.bad_cursor", "cursor too long")
        if not 1 <= limit <= protocol.MAX_PULL_PAGE:
            raise HubError(
                400, "pull.bad_limit", f"limit must be 1-{protocol.MAX_PULL_PAGE} changes a page"
            )
        result: dict[str, Any] = await run_in_threadpool(hub.pull, station, cursor or None, limit)
        return result

    @app.head("/v1/attachments/{sha256}")
    async def attachment_head(request: Request, sha256: str) -> Response:
        station = await station_of(request)
        state = await run_in_threadpool(hub.attachment_state, station, sha256)
        if state is None:
            return Response(status_code=404)
        return Response(
            status_code=200,
            headers={
                "Upload-Length": str(state["size"]),
                "Upload-Offset": str(state["received"]),
                "X-Complete": "1" if state["complete"] else "0",
            },
        )

    @app.put("/v1/attachments/{sha256}")
    async def attachment_put(request: Request, sha256: str) -> dict[str, Any]:
        station = await station_of(request)
        try:
            offset = int(request.headers.get("Upload-Offset", ""))
            total = int(request.headers.get("Upload-Length", ""))
        except ValueError as exc:
            raise HubError(400, "attachment.bad_headers", "Upload-Offset/Length required") from exc
        data = await _read_body(request, protocol.ATTACHMENT_CHUNK_BYTES)
        result: dict[str, Any] = await run_in_threadpool(
            hub.attachment_chunk, station, sha256, offset, total, data
        )
        return result

    return app


def _unsupported_protocol(method: str) -> Response:
    """426 for a protocol version this hub does not speak (the value is never parsed as a
    number, nor echoed: it may be anything up to the server's header limit)."""
    supported = sorted(int(v) for v in protocol.SUPPORTED_PROTOCOLS)
    if method == "HEAD":
        return Response(status_code=426)
    return JSONResponse(
        {
            "error": "protocol.unsupported",
            "message": "this hub does not speak the client's protocol version: upgrade the station",
            "details": {
                "supported": supported,
                "min_protocol": protocol.MIN_CLIENT_PROTOCOL,
                "max_protocol": protocol.PROTOCOL_VERSION,
            },
        },
        status_code=426,
    )


def _methods_for(app: FastAPI, path: str) -> list[str]:
    """Every method some route serves at ``path`` (for a 405's Allow header)."""
    methods: set[str] = set()
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path_regex.match(path):
            methods |= route.methods or set()
    return sorted(methods)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("Content-Length", "")
    if declared.isascii() and declared.isdigit() and int(declared[:20]) > limit + _ENVELOPE_SLACK:
        raise HubError(413, "request.too_large", f"body larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit + _ENVELOPE_SLACK:
            raise HubError(413, "request.too_large", f"body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _json_object(request: Request, limit: int) -> dict[str, Any]:
    raw = await _read_body(request, limit)
    try:
        data = json.loads(raw, parse_constant=_no_constant)
        # Every string must be storable and hashable: no lone surrogates (a "\ud800" escape).
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError) as exc:  # UnicodeDecode/EncodeError are ValueErrors
        raise HubError(400, "request.malformed", "body is not JSON") from exc
    if not isinstance(data, dict):
        raise HubError(400, "request.malformed", "body must be a JSON object")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
