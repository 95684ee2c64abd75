"""Hypothesis profiles: ``make test`` is deterministic, ``make fuzz`` explores.

* ``ci`` (the default): derandomized (the examples are a function of each test's source), no
  example database, so every run of the same code tests the same inputs.
* ``fuzz`` (``HYPOTHESIS_PROFILE=fuzz``, what ``make fuzz`` selects): randomized, and the
  generated-request tests of the hub run ``FUZZ_FACTOR`` times more examples
  (``WINDOWDESK_FUZZ_FACTOR``, default 20). A failure prints the blob that replays it.

Tests that set their own ``max_examples`` scale it with :func:`examples`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ_FACTOR = int(os.environ.get("WINDOWDESK_FUZZ_FACTOR", "20"))
#: The seed Schemathesis uses in the deterministic profile.
SCHEMATHESIS_SEED = 20261201


def register() -> None:
    settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
    settings.register_profile(
        "fuzz",
        derandomize=False,
        database=None,
        print_blob=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile(PROFILE)


def fuzzing() -> bool:
    return PROFILE == "fuzz"


def examples(n: int) -> int:
    """``n`` examples in ``make test``; ``n * FUZZ_FACTOR`` in ``make fuzz``."""
    return n * FUZZ_FACTOR if fuzzing() else n
