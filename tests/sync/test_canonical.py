"""The one canonical JSON (intake.canonical), used by the station, the client and the hub."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.canonical import canonical_json, digest, sha256_hex

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=20)
)
_json = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_canonical_bytes_are_a_fixed_point(value: Any) -> None:
    """What the hub parses and re-encodes is byte for byte what the station sent."""
    encoded = canonical_json(value)
    assert canonical_json(json.loads(encoded)) == encoded


def test_known_vector() -> None:
    value = {"b": "张三 𠮷", "a": [1, {"d": None, "c": True}]}
    assert canonical_json(value) == '{"a":[1,{"c":true,"d":null}],"b":"张三 𠮷"}'.encode()
    assert digest(value) == sha256_hex(canonical_json(value))


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        canonical_json({"form_data": {"amount": bad}})
    with pytest.raises(ValueError):
        digest([1, bad])


def test_there_is_one_canonical_module() -> None:
    import sync

    assert not (Path(sync.__file__).parent / "canonical.py").exists()
