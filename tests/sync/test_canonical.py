"""The hub's canonical JSON must be byte-identical to intake's (digests are compared)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from intake import canonical as intake_canonical
from sync.canonical import canonical_json, digest

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
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
def test_same_bytes_as_intake(value: Any) -> None:
    assert canonical_json(value) == intake_canonical.canonical_json(value)


def test_known_vector() -> None:
    value = {"b": "张三 𠮷", "a": [1, {"d": None, "c": True}]}
    assert canonical_json(value) == '{"a":[1,{"c":true,"d":null}],"b":"张三 𠮷"}'.encode()
    assert digest(value) == intake_canonical.sha256_hex(intake_canonical.canonical_json(value))
