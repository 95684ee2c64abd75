"""TLS to the hub: the OS trust store plus an optional station CA file (real TLS, loopback)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync import errors
from sync.client.transport import HubClient
from tests.sync.hubproc import HubProcess


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["openssl", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station-private CA and a hub certificate for 127.0.0.1 it signed."""
    if shutil.which("openssl") is None:
        pytest.fail("openssl is required (scripts/system-deps.sh installs it)")
    d = tmp_path_factory.mktemp("ca")
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=WindowDesk test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        cwd=d,
    )
    _openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "hub.key",
        "-out",
        "hub.csr",
        "-subj",
        "/CN=127.0.0.1",
        cwd=d,
    )
    (d / "ext.cnf").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n",
        encoding="ascii",
    )
    _openssl(
        "x509",
        "-req",
        "-in",
        "hub.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "hub.pem",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        cwd=d,
    )
    return d


@pytest.fixture(scope="module")
def tls_hub(private_ca: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    db = tmp_path_factory.mktemp("tlshub") / "hub.db"
    proc = HubProcess(
        f"sqlite:///{db}",
        tls=(str(private_ca / "hub.pem"), str(private_ca / "hub.key"), str(private_ca / "ca.pem")),
    )
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def test_untrusted_hub_certificate_is_its_own_state(tls_hub: HubProcess) -> None:
    with HubClient(tls_hub.url) as client, pytest.raises(errors.TlsUntrusted):
        client.hello()


def test_station_ca_file_is_trusted(tls_hub: HubProcess, private_ca: Path) -> None:
    with HubClient(tls_hub.url, ca_file=private_ca / "ca.pem") as client:
        assert client.hello()["hub"] == "windowdesk"
        assert client.clock_offset is not None and abs(client.clock_offset) < 5
