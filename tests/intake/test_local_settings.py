"""Station settings: typed and validated in the core, a bad value never saves, a clerk is
refused, and every change is an audit row old → new."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake.errors import AuthError, ProblemsError
from intake.services.local_settings import DOCUMENT_KINDS, LocalSettings
from intake.station import Station
from intake.store.models import AuditRow


def _changes(station: Station) -> list[str]:
    with station.db.read() as session:
        return list(
            session.scalars(
                select(AuditRow.detail)
                .where(AuditRow.action == "settings.change")
                .order_by(AuditRow.seq)
            )
        )


def test_defaults_before_anything_is_saved(station: Station) -> None:
    view = station.local_settings.current()
    assert view.local == LocalSettings()
    assert view.identity["station_code"] == station.settings.station_code
    assert view.local.masked_on("acceptance") == ("name", "id_number", "phone")


def test_a_clerk_cannot_change_settings(station: Station) -> None:
    with pytest.raises(AuthError) as info:
        station.local_settings.save("clerk01", {"idle_lock_minutes": 5})
    assert info.value.code == "auth.forbidden"
    assert station.local_settings.local().idle_lock_minutes == 10
    assert _changes(station) == []


def test_changes_save_typed_versioned_and_audited(station: Station) -> None:
    saved = station.local_settings.save(
        "super01",
        {
            "idle_lock_minutes": 5,
            "agency_abbr": "长政务",
            "office_name": "长沙县政务服务中心",
            "printers": {"acceptance": "cups:Office", "ticket": "escpos:/dev/usb/lp0"},
            "masking": {"acceptance": ["id_number"]},
        },
    )
    assert saved.local.idle_lock_minutes == 5 and saved.local.agency_abbr == "长政务"
    assert saved.local.masked_on("acceptance") == ("id_number",)
    assert station.settings.office_name == "长沙县政务服务中心"  # the station row itself
    assert saved.versions["idle_lock_minutes"] == 1
    again = station.local_settings.save("super01", {"idle_lock_minutes": 7})
    assert again.versions["idle_lock_minutes"] == 2
    station.local_settings.save("super01", {"idle_lock_minutes": 7})  # unchanged: no row
    details = _changes(station)
    assert "idle_lock_minutes: 10 → 5" in details and "idle_lock_minutes: 5 → 7" in details
    assert "agency_abbr:  → 长政务" in details
    assert sum(d.startswith("idle_lock_minutes") for d in details) == 2
    assert station.audit.verify().ok


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"idle_lock_minutes": 500}, "settings.idle_lock_minutes"),
        ({"idle_lock_minutes": "5"}, "settings.idle_lock_minutes"),
        ({"kiosk_timeout_seconds": 5}, "settings.kiosk_timeout_seconds"),
        ({"paper_size": "letter"}, "settings.paper_size"),
        ({"agency_abbr": "长政务123"}, "settings.agency_abbr"),
        ({"reader_backend": "magic"}, "settings.reader_backend"),
        ({"reader_backend": "sam-serial", "reader_port": ""}, "settings.reader_port"),
        ({"hub_url": "ftp://hub"}, "setup.hub_url"),
        ({"area_code": "4301"}, "setup.area_code"),
        ({"office_name": "  "}, "setup.office_name"),
        ({"masking": {"ticket": ["name"]}}, "settings.masking_public"),
        ({"printers": {"poster": "cups:x"}}, "settings.document_kind"),
        ({"colour": "red"}, "settings.unknown"),
    ],
)
def test_a_bad_value_never_saves(station: Station, changes: dict, code: str) -> None:  # type: ignore[type-arg]
    before = station.local_settings.current()
    with pytest.raises(ProblemsError) as info:
        station.local_settings.save(
            "super01",
            {**changes, "idle_lock_minutes": 3} if "idle_lock_minutes" not in changes else changes,
        )
    assert code in [p.code for p in info.value.problems]
    assert station.local_settings.current() == before  # not even the valid key in the batch
    assert _changes(station) == []


def test_the_station_code_is_fixed_once_cases_carry_it(station: Station, make_request) -> None:  # type: ignore[no-untyped-def]
    station.local_settings.save("super01", {"station_code": "NEW01"})
    assert station.settings.station_code == "NEW01"
    from intake.clock import local_date, now
    from intake.requests import parse_request

    station.cases.accept(parse_request(make_request(), today=local_date(now())))
    with pytest.raises(ProblemsError) as info:
        station.local_settings.save("super01", {"station_code": "NEW02"})
    assert [p.code for p in info.value.problems] == ["settings.station_code_locked"]


def test_document_kinds_match_printing() -> None:
    from printing.documents import KINDS

    assert set(DOCUMENT_KINDS) == set(KINDS)


def test_the_agency_abbreviation_numbers_the_printed_documents(station: Station) -> None:
    """The 机关代字 saved on the settings page is what printing puts before 字〔year〕第N号."""
    from printing.context import Office

    assert Office.from_settings(station.settings).agency_abbr == ""
    station.local_settings.save("super01", {"agency_abbr": "长政务"})
    assert station.settings.agency_abbr == "长政务"
    assert Office.from_settings(station.settings).agency_abbr == "长政务"
