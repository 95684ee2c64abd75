"""Drafts: the screen's unfinished intake survives a restart, one per operator."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.errors import WindowDeskError
from intake.services.drafts import MAX_DRAFT_BYTES
from intake.station import Station


def test_a_saved_draft_comes_back_after_reopening(station: Station, data_dir: Path) -> None:
    station.drafts.save("clerk01", {"applicant": {"name": "张三"}, "matters": ["MZ-GLJT"]})
    station.drafts.save("clerk01", {"applicant": {"name": "张三丰"}, "matters": ["MZ-GLJT"]})
    station.close()
    with Station.open(data_dir) as again:
        draft = again.drafts.get("clerk01")
        assert draft is not None
        assert draft.content["applicant"]["name"] == "张三丰"  # the latest save wins
        assert again.drafts.get("clerk02") is None  # drafts are per operator


def test_discard_removes_it_and_says_whether_there_was_one(station: Station) -> None:
    station.drafts.save("clerk01", {"x": 1})
    assert station.drafts.discard("clerk01") is True
    assert station.drafts.get("clerk01") is None
    assert station.drafts.discard("clerk01") is False


def test_a_draft_is_not_readable_in_the_plain_file(station: Station, data_dir: Path) -> None:
    station.drafts.save("clerk01", {"applicant": {"name": "独一无二的名字"}})
    station.close()
    raw = b"".join(p.read_bytes() for p in data_dir.glob("windowdesk.db*"))
    assert "独一无二的名字".encode() not in raw


def test_an_oversized_draft_is_refused_with_a_code(station: Station) -> None:
    with pytest.raises(WindowDeskError) as err:
        station.drafts.save("clerk01", {"note": "x" * (MAX_DRAFT_BYTES + 1)})
    assert err.value.code == "draft.too_large"
