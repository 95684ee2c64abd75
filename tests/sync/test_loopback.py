"""The one loopback-hub launcher (sync.hub.loopback) the demo, the tests and the bench use."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from sync.hub.loopback import HubStartFailed, LoopbackHub, loopback_hub
from tests.sync.hubproc import ROOT, HubProcess, env


def test_loopback_hub_serves_until_the_block_ends(tmp_path: Path) -> None:
    with loopback_hub(tmp_path / "sub" / "hub.db") as url:
        assert requests.get(url + "/v1/hello", timeout=5).status_code == 200
    with pytest.raises(requests.RequestException):
        requests.get(url + "/v1/hello", timeout=2)


def test_a_hub_that_cannot_start_is_a_typed_error(tmp_path: Path) -> None:
    hub = LoopbackHub("nosuchdriver://x", env=env(), cwd=ROOT)
    with pytest.raises(HubStartFailed) as caught:
        hub.start(wait=30)
    assert caught.value.code == "sync.hub_start_failed"
    assert hub.proc is None


def test_the_tests_hub_process_is_the_shared_launcher(tmp_path: Path) -> None:
    assert issubclass(HubProcess, LoopbackHub)
    hub = HubProcess(f"sqlite:///{tmp_path / 'hub.db'}")
    hub.start()
    try:
        port = hub.port
        hub.kill()
        hub.start()  # the same port again, after a SIGKILL
        assert hub.port == port
        assert requests.get(hub.url + "/v1/hello", timeout=5).status_code == 200
    finally:
        hub.stop()
