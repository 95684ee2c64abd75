"""HTTP to the hub: timeouts on every call, one retry layer, and honest error types.

The client is a ``requests.Session`` (the design card's choice) whose HTTPS adapter verifies
with the OS certificate store through ``truststore`` (plus the station's own CA file when
one is set); ``tenacity`` is the one retry layer, and a hub's or a gateway's
``Retry-After`` (seconds or an HTTP date) wins over our own backoff.

Every answer is classified here and nowhere else: a hub answer carries ``X-WindowDesk-Hub``;
an HTML page or an answer without that header in place of JSON is a captive portal (a
village Wi-Fi login page), which is its own state, not "offline" and not a hub error.
"""

from __future__ import annotations

import email.utils
import json
import logging
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import requests
import tenacity
import truststore
from requests.adapters import HTTPAdapter

from sync import errors, protocol

log = logging.getLogger(__name__)

T = TypeVar("T")

CLOCK_WARN_SECONDS = 120.0
BACKOFF_CAP_SECONDS = 300.0


@dataclass(frozen=True)
class Timeouts:
    """``connect``: to open the connection (TLS included); ``read``: the longest wait on
    the socket once connected, sending the body as well as reading the answer (urllib3 sets
    it as the socket's timeout)."""

    connect: float = 5.0
    read: float = 30.0

    def requests(self) -> tuple[float, float]:
        return (self.connect, self.read)


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """The OS trust store (truststore), plus the station's own CA file when one is set."""
    ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file is not None:
        try:
            ctx.load_verify_locations(cafile=str(ca_file))
        except (OSError, ssl.SSLError) as exc:
            raise errors.SyncError(
                "the station's CA file cannot be read as PEM certificates",
                code="sync.ca_file_unreadable",
                details={"reason": type(exc).__name__},
            ) from exc
    return ctx


class _TrustStoreAdapter(HTTPAdapter):
    """HTTPS with one SSLContext (truststore's, see ``tls_context``) instead of requests'
    certifi bundle; verification is never turned off."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__(max_retries=0)  # tenacity is the one retry layer

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # requests would load certifi (or $REQUESTS_CA_BUNDLE) into our context: the OS
        # store and the station's CA file are the only trust, and verification stays on.
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None


class HubClient:
    """One hub's HTTP API. Thread-confined: the sync worker owns it."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_file: Path | None = None,
        timeouts: Timeouts | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = (timeouts or Timeouts()).requests()
        self._http = requests.Session()
        self._http.headers[protocol.PROTOCOL_HEADER] = str(protocol.PROTOCOL_VERSION)
        self._http.mount("http://", HTTPAdapter(max_retries=0))
        if self.base_url.startswith("https"):
            self._http.mount("https://", _TrustStoreAdapter(tls_context(ca_file)))
        #: Hub clock minus ours, in seconds, from the last answer (None until one arrives).
        self.clock_offset: float | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- endpoints
    def hello(self) -> dict[str, Any]:
        return self._json("GET", "/v1/hello")

    def enroll(self, code: str, refresh_hash: str) -> dict[str, Any]:
        return self._json(
            "POST", "/v1/enroll", json_body={"code": code, "refresh_hash": refresh_hash}
        )

    def token(self, refresh_secret: str, next_refresh_hash: str) -> dict[str, Any]:
        return self._json(
            "POST",
            "/v1/token",
            json_body={"refresh_secret": refresh_secret, "next_refresh_hash": next_refresh_hash},
        )

    def push(self, access_token: str, batch_id: str, body: bytes) -> dict[str, Any]:
        return self._json(
            "POST",
            "/v1/push",
            token=access_token,
            content=body,
            headers={protocol.IDEMPOTENCY_HEADER: batch_id, "Content-Type": "application/json"},
        )

    def changes(self, access_token: str, cursor: str | None, limit: int) -> dict[str, Any]:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._json("GET", "/v1/changes", token=access_token, params=params)

    def attachment_offset(self, access_token: str, sha256: str) -> tuple[int, bool] | None:
        """HEAD first: how much the hub already holds (None = nothing)."""
        response = self._send("HEAD", f"/v1/attachments/{sha256}", token=access_token)
        if response.status_code == 404:
            return None
        self._check(response)
        return int(response.headers.get("Upload-Offset", "0")), response.headers.get(
            "X-Complete"
        ) == "1"

    def attachment_chunk(
        self, access_token: str, sha256: str, offset: int, total: int, data: bytes
    ) -> dict[str, Any]:
        return self._json(
            "PUT",
            f"/v1/attachments/{sha256}",
            token=access_token,
            content=data,
            headers={
                "Upload-Offset": str(offset),
                "Upload-Length": str(total),
                "Content-Type": "application/octet-stream",
            },
        )

    # ----------------------------------------------------------------- plumbing
    def _json(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json_body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str | int] | None = None,
    ) -> dict[str, Any]:
        if json_body is not None:
            content = json.dumps(json_body).encode()
            headers = {**(headers or {}), "Content-Type": "application/json"}
        response = self._send(
            method, path, token=token, content=content, headers=headers, params=params
        )
        self._check(response)
        try:
            data = response.json()
        except ValueError as exc:
            raise errors.ProtocolViolation(f"{path}: the hub's answer is not JSON") from exc
        if not isinstance(data, dict):
            raise errors.ProtocolViolation(f"{path}: the hub's answer is not a JSON object")
        return data

    def _send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str | int] | None = None,
    ) -> requests.Response:
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        sent = datetime.now(UTC)
        try:
            # a redirect is never followed: a hub does not redirect, a captive portal does
            response = self._http.request(
                method,
                self.base_url + path,
                data=content,
                headers=all_headers,
                params=params,
                timeout=self._timeout,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            if _tls_refused(exc):
                raise errors.TlsUntrusted(
                    f"{method} {path}: the hub's certificate is not trusted"
                ) from exc
            raise errors.Offline(
                f"{method} {path}: {type(exc).__name__}", details={"kind": type(exc).__name__}
            ) from exc
        self._record_clock(response, sent, datetime.now(UTC))
        return response

    def _record_clock(
        self, response: requests.Response, sent: datetime, received: datetime
    ) -> None:
        stamp = response.headers.get("X-Hub-Time")
        if not stamp or protocol.HUB_MARKER_HEADER not in response.headers:
            return
        try:
            hub_time = datetime.fromisoformat(stamp)
        except ValueError:
            return
        if hub_time.tzinfo is None:
            return
        midpoint = sent + (received - sent) / 2
        self.clock_offset = (hub_time - midpoint).total_seconds()
        if abs(self.clock_offset) > CLOCK_WARN_SECONDS:
            log.warning("station clock differs from the hub by %.0f s", self.clock_offset)

    def _check(self, response: requests.Response) -> None:
        status = response.status_code
        is_hub = protocol.HUB_MARKER_HEADER in response.headers
        ctype = response.headers.get("Content-Type", "")
        if not is_hub:
            if status in (502, 503, 504):
                raise errors.HubUnavailable(
                    f"gateway answered {status}",
                    retry_after=_retry_after(response),
                    status=status,
                )
            raise errors.CaptivePortal(
                f"an answer that is not the hub's ({status}, {ctype.split(';')[0] or 'no type'})",
                details={"status": status},
            )
        if status < 300:
            return
        code = _hub_code(response)
        message = f"hub answered {status} {code}"
        if status in (400, 413):
            raise errors.BadBatch(message, status=status, hub_code=code)
        if status == 401:
            raise errors.Unauthorized(message, details={"hub_code": code})
        if status == 403:
            raise errors.Revoked(message, details={"hub_code": code})
        if status == 410:
            raise errors.CursorExpired(message, details={"hub_code": code})
        if status == 426:
            raise errors.UpgradeRequired(message, details={"hub_code": code})
        if status in (429, 503) or status >= 500:
            raise errors.HubUnavailable(message, retry_after=_retry_after(response), status=status)
        raise errors.SyncError(message, code=f"sync.hub.{code}", details={"status": status})


def _tls_refused(exc: BaseException) -> bool:
    """Whether a certificate verification failure is behind ``exc``: requests wraps it in
    urllib3's MaxRetryError (``reason``) and SSLError (``args``), not always as a cause."""
    todo: list[object] = [exc]
    seen: set[int] = set()
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ssl.SSLCertVerificationError):
            return True
        todo.extend((item.__cause__, item.__context__, getattr(item, "reason", None), *item.args))
    return False


def _hub_code(response: requests.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return "unknown"
    return str(data.get("error", "unknown")) if isinstance(data, dict) else "unknown"


def _retry_after(response: requests.Response, now: datetime | None = None) -> float | None:
    """``Retry-After`` in seconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN, inf
        return None
    return max(0.0, seconds)


# --------------------------------------------------------------------- the one retry layer
RETRYABLE = (errors.Offline, errors.HubUnavailable)


class _Wait(tenacity.wait.wait_base):
    """Full-jitter exponential backoff capped at 5 min; a hub's Retry-After wins."""

    def __init__(self, base: float, cap: float) -> None:
        self._jitter = tenacity.wait_random_exponential(multiplier=base, max=cap)
        self._cap = cap

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        if isinstance(exc, errors.HubUnavailable) and exc.retry_after is not None:
            return min(exc.retry_after, self._cap)
        return float(self._jitter(retry_state))


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6
    base: float = 0.5
    cap: float = BACKOFF_CAP_SECONDS
    sleep: Callable[[float], None] | None = None

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn``, retrying transient failures (offline, 429/503) with backoff."""
        kwargs: dict[str, Any] = {}
        if self.sleep is not None:
            kwargs["sleep"] = self.sleep
        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception_type(RETRYABLE),
            wait=_Wait(self.base, self.cap),
            stop=tenacity.stop_after_attempt(self.attempts),
            reraise=True,
            **kwargs,
        )
        return retrying(fn)

    def backoff(self, failures: int) -> float:
        """Delay before the next round after ``failures`` failed rounds (full jitter)."""
        import random

        return random.uniform(0, min(self.cap, self.base * 2 ** max(failures, 0)))
