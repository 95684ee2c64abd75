"""Font discovery and the code → Chinese message table."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import printing.errors as errors
from printing import fonts as fonts_mod
from printing.errors import FontNotFound, FontUnusable
from printing.messages import MESSAGES, message_for


def test_configured_font_comes_first() -> None:
    fs = fonts_mod.load_font_set(["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"])
    assert fs.primary.family == "WenQuanYiZenHei"


def test_default_discovery_finds_wenquanyi() -> None:
    assert "WenQuanYi" in fonts_mod.load_font_set().primary.family
    found = fonts_mod.list_fonts()
    assert any(f.covers_ext_b for f in found)  # a fallback for 𠮷 is installed


def test_no_font_anywhere_is_a_clear_typed_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts_mod, "_LINUX_PRIMARY", ())
    monkeypatch.setattr(fonts_mod, "_fc_list", lambda: [])
    monkeypatch.delenv("WINDOWDESK_FONT", raising=False)
    with pytest.raises(FontNotFound) as err:
        fonts_mod.load_font_set([tmp_path / "missing.ttf"])
    assert err.value.code == "font.not_found"
    assert str(tmp_path / "missing.ttf") in err.value.details["tried"]


def test_a_file_that_is_not_a_font_is_unusable(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font at all" * 10)
    with pytest.raises(FontUnusable) as err:
        fonts_mod.load_font(bad)
    assert err.value.code == "font.unusable"


def test_every_error_code_has_a_chinese_message() -> None:
    codes = {
        cls.code
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.PrintError)
    }
    assert codes <= set(MESSAGES), codes - set(MESSAGES)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in MESSAGES.values())
    assert message_for("no.such.code") == MESSAGES["print.error"]
