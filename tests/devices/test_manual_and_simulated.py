"""Manual entry fallback and the simulated backend (file format, errors, real decoding)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.jsonout import KEYS, identity_to_json
from devices.manual import manual_identity
from devices.simulated import SimulatedReader
from intake.errors import WindowDeskError
from tests.devices.samples import ALL_CARDS, RESIDENT, RESIDENT_LONG, TODAY


def as_fields(key: str) -> dict[str, object]:
    out = identity_to_json(ALL_CARDS[key])
    out["extras"] = dict(ALL_CARDS[key].extras)
    return out


def test_manual_entry_accepts_a_valid_identity() -> None:
    identity = manual_identity(as_fields("resident"), today=TODAY)
    assert identity.id_number == RESIDENT.id_number
    lower_x = {**as_fields("resident"), "id_number": RESIDENT.id_number.lower()}
    assert manual_identity(lower_x, today=TODAY).id_number == RESIDENT.id_number


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"id_number": RESIDENT.id_number[:17] + "0"}, "id.checksum"),
        ({"id_number": "12345"}, "id.length"),
        ({"name": " "}, "identity.name_empty"),
        ({"sex": "5"}, "identity.sex"),
        ({"ethnicity": "77"}, "identity.ethnicity"),
        ({"birth_date": "1990-13-01"}, "device.config"),
        ({"doc_type": "spaceship"}, "device.config"),
    ],
)
def test_manual_entry_rejects_what_a_card_would_only_warn(
    change: dict[str, str], code: str
) -> None:
    with pytest.raises(WindowDeskError) as caught:
        manual_identity({**as_fields("resident"), **change}, today=TODAY)
    assert caught.value.code == code


def write_sim(path: Path, cards: list[object], gap: float = 0.0) -> str:
    path.write_text(json.dumps({"cards": cards, "gap": gap}, ensure_ascii=False), "utf-8")
    return str(path)


def test_simulated_plays_cards_in_order_through_the_real_decoder(tmp_path: Path) -> None:
    file = write_sim(tmp_path / "s.json", [as_fields("resident_long"), {"error": "card.removed"}])
    reader = SimulatedReader(file, today=lambda: TODAY)
    with reader:
        assert reader.poll()
        identity = reader.read()
        assert identity.name == RESIDENT_LONG.name and identity.valid_to is None
        with pytest.raises(DeviceError) as caught:
            reader.read()
        assert caught.value.code == "card.removed"
        assert reader.read().name == RESIDENT_LONG.name  # loops


def test_simulated_gap_lifts_the_card(tmp_path: Path) -> None:
    now = [0.0]
    file = write_sim(tmp_path / "s.json", [as_fields("resident")], gap=2.0)
    reader = SimulatedReader(file, clock=lambda: now[0], today=lambda: TODAY)
    with reader:
        reader.read()
        assert reader.poll() is False
        now[0] = 2.5
        assert reader.poll() is True


@pytest.mark.parametrize(
    "content", ["", "{}", '{"cards": []}', '{"cards": [{"name": "x"}]}', '{"cards": [1]}']
)
def test_simulated_bad_files_fail_at_open(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(DeviceError) as caught:
        SimulatedReader(str(path)).open()
    assert caught.value.code == "device.config"


def test_json_keys_are_the_published_contract() -> None:
    assert tuple(identity_to_json(RESIDENT)) == KEYS
