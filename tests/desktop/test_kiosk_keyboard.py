"""The Qt Virtual Keyboard in a widgets window on a real X server (Xvfb): it opens for a
focused field, in Pinyin (zh_CN), with the languages restricted, and the follower keeps the
focused field above it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def test_the_virtual_keyboard_opens_in_pinyin_below_the_focused_field() -> None:
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is not installed: run scripts/system-deps.sh test", pytrace=False)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QT_IM_MODULE")}
    env["QT_QPA_PLATFORM"] = "xcb"
    env["PYTHONPATH"] = str(HERE.parents[1])
    run = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            sys.executable,
            str(HERE / "kiosk_keyboard_probe.py"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=HERE.parents[1],
    )
    lines = [x for x in run.stdout.splitlines() if x.startswith("{")]
    assert lines, run.stderr[-3000:]
    seen = json.loads(lines[-1])
    assert seen["visible"] and seen["settings"]
    assert seen["locale"] == "zh_CN"  # Pinyin first
    assert 300 <= seen["keyboard_height"] <= 460  # the bottom ~400 px of 1280×800
    assert seen["field_bottom"] <= seen["keyboard_top"]  # the field stays above it
