"""A TCP fault proxy on loopback: the flaky county link, in a box.

Sits between stations and the hub and, per connection, picks one fault at random: cut the
request after a random number of bytes, cut the answer after a random number of bytes
(including zero: the hub committed and the station never hears of it), reset, blackhole
(accept and never answer), delay, or pass through untouched. Used by the chaos test and the
sync benchmark; it refuses anything but loopback on both sides.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, field

FAULTS = ("pass", "delay", "cut_request", "cut_response", "drop_response", "reset", "blackhole")


@dataclass
class FaultMix:
    """How many of each fault in every deck of connections; ``enabled=False`` passes all.

    Faults are dealt from shuffled decks rather than drawn independently, so a short run
    still meets every kind of fault (a test that asserts coverage cannot flake)."""

    passthrough: int = 4
    delay: int = 1
    cut_request: int = 1
    cut_response: int = 1
    drop_response: int = 1
    reset: int = 1
    blackhole: int = 1
    max_delay: float = 0.5
    enabled: bool = True
    _deck: list[str] = field(default_factory=list, repr=False)

    def pick(self, rng: random.Random) -> str:
        if not self.enabled:
            return "pass"
        if not self._deck:
            counts = [
                self.passthrough,
                self.delay,
                self.cut_request,
                self.cut_response,
                self.drop_response,
                self.reset,
                self.blackhole,
            ]
            self._deck = [f for f, n in zip(FAULTS, counts, strict=True) for _ in range(n)]
            if not self._deck:
                return "pass"
            rng.shuffle(self._deck)
        return self._deck.pop()


class FaultProxy:
    """``start()`` listens on 127.0.0.1:<port> and forwards to 127.0.0.1:<upstream_port>."""

    def __init__(self, upstream_port: int, *, mix: FaultMix | None = None, seed: int = 0) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.mix = mix or FaultMix()
        self.rng = random.Random(seed)
        self.stats: Counter[str] = Counter()
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._pick_lock = threading.Lock()

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> int:
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fault proxy did not start")
        return self.port

    def stop(self) -> None:
        loop = self._loop
        if loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop = None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0, reuse_address=True)
        )
        self._server = server
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            server.close()
            for task in list(self._tasks):
                task.cancel()
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    # ----------------------------------------------------------------- one connection
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        with self._pick_lock:
            fault = self.mix.pick(self.rng)
        self.stats[fault] += 1
        try:
            await self._serve(fault, reader, writer)
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            pass
        finally:
            if task is not None:
                self._tasks.discard(task)
            _close(writer)

    async def _serve(
        self, fault: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        if fault == "reset":
            _reset(writer)
            return
        if fault == "blackhole":
            while await reader.read(65536):
                pass  # swallow until the client gives up
            return
        if fault == "delay":
            await asyncio.sleep(self.rng.uniform(0, self.mix.max_delay))
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        try:
            request_budget = self.rng.randint(0, 2048) if fault == "cut_request" else None
            response_budget = None
            if fault == "cut_response":
                response_budget = self.rng.randint(1, 1024)
            elif fault == "drop_response":
                response_budget = 0
            await asyncio.gather(
                self._pump(reader, up_writer, request_budget, writer),
                self._pump(up_reader, writer, response_budget, up_writer),
            )
        finally:
            _close(up_writer)

    async def _pump(
        self,
        src: asyncio.StreamReader,
        dst: asyncio.StreamWriter,
        budget: int | None,
        other: asyncio.StreamWriter,
    ) -> None:
        """Copy until EOF; with a budget, stop after that many bytes and cut both sides."""
        try:
            while True:
                data = await src.read(65536)
                if not data:
                    break
                if budget is not None:
                    if len(data) >= budget:
                        if budget:
                            dst.write(data[:budget])
                            await dst.drain()
                        _reset(dst)
                        _reset(other)
                        return
                    budget -= len(data)
                dst.write(data)
                await dst.drain()
        finally:
            _close(dst)


def _close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        writer.close()


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0), like a NAT box dropping the flow."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    _close(writer)
