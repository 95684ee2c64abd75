"""``WINDOWDESK_KEYRING=file``: the notice that secrets are in files is printed once per
process, however many stores and credentials the process opens (it was ten lines per
``make run``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake import filekeyring
from intake.station import Station
from sync.client.credentials import Credential, CredentialStore
from tests.sync.hubproc import ROOT

NOTICE = "WINDOWDESK_KEYRING=file"


def test_store_and_credential_share_one_notice_per_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WINDOWDESK_KEYRING", "file")
    monkeypatch.setattr(filekeyring, "_printed", False)  # as in a fresh process
    for _ in range(3):
        Station.open(tmp_path).close()
        creds = CredentialStore(tmp_path)
        creds.save(Credential(current="s3cret", next=None, enrol_code=None))
        assert creds.load() is not None
        CredentialStore(tmp_path, slot="enrolment").load()
    err = capsys.readouterr().err
    assert err.count(NOTICE) == 1, err
    assert str(tmp_path) in err


def test_one_cli_process_prints_it_once(tmp_path: Path) -> None:
    env = {**os.environ, "WINDOWDESK_KEYRING": "file", "PYTHONPATH": str(ROOT)}
    seed = subprocess.run(
        [sys.executable, "-m", "intake", "--data-dir", str(tmp_path), "run-demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        stdin=subprocess.DEVNULL,
    )
    assert seed.returncode == 0, seed.stderr
    assert seed.stderr.count(NOTICE) == 1, seed.stderr
    status = subprocess.run(
        [sys.executable, "-m", "sync", "--data-dir", str(tmp_path), "status"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert status.returncode == 0, status.stderr
    assert status.stderr.count(NOTICE) == 1, status.stderr  # store key + credential: one line
