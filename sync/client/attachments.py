"""Attachments (scanned materials, photos) by SHA-256, in resumable chunks, HEAD first.

The hub is asked how much it already holds; only the rest is sent. A cut connection, a
killed process or a 409 (another upload moved the offset) all end the same way: ask again
and continue from the hub's offset. The engine calls it each round for the store's pending
attachments (``intake.services.attachments``), one blob at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sync import errors, protocol
from sync.client.transport import HubClient, RetryPolicy


def upload(
    client: HubClient,
    token: Callable[[], str],
    data: bytes,
    retry: RetryPolicy,
    *,
    chunk: int = protocol.ATTACHMENT_CHUNK_BYTES,
) -> str:
    """Make sure the hub holds ``data``; returns its SHA-256. Safe to call again at any time."""
    if not data or len(data) > protocol.MAX_ATTACHMENT_BYTES:
        raise errors.SyncError(
            "attachment empty or larger than 64 MiB", code="sync.attachment_size"
        )
    sha = hashlib.sha256(data).hexdigest()
    for _round in range(len(data) // chunk + 32):  # slack for answers lost mid-upload
        state = retry.call(lambda: client.attachment_offset(token(), sha))
        offset = 0 if state is None else state[0]
        if state is not None and state[1]:
            return sha
        part = data[offset : offset + chunk]
        try:
            answer = retry.call(
                lambda part=part, offset=offset: client.attachment_chunk(  # type: ignore[misc]
                    token(), sha, offset, len(data), part
                )
            )
        except errors.SyncError as exc:
            if exc.details.get("status") == 409:
                continue  # somebody moved the offset: HEAD again
            raise
        if answer.get("complete"):
            return sha
    raise errors.ProtocolViolation("the hub does not advance the attachment offset")
