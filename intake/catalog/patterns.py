"""Field patterns a catalog may carry: a vetted subset of regular expressions.

Python's ``re`` backtracks, so a pattern such as ``(a+)+$`` takes exponential time on a value
that almost matches (4.8 s for 27 characters): a hostile or careless catalog could freeze a
counter on one keystroke. A pattern is refused at load when it can backtrack that way: a
repetition inside a repetition, an alternation inside a repetition, or a backreference.
What remains (character classes, bounded or single repetitions, anchors, groups) matches
in time linear in the value's length for all practical purposes.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]
from typing import Any

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_BACKREFS = {"GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE"}
_GROUPREF_UNI = "GROUPREF_UNI_IGNORE"


def pattern_risk(pattern: str) -> str | None:
    """Why ``pattern`` may backtrack catastrophically, or None when it is in the safe subset.

    Raises ``re.error`` for a pattern that does not compile at all."""
    re.compile(pattern)
    return _walk(list(sre_parse.parse(pattern)), in_repeat=False)


def _walk(items: list[Any], *, in_repeat: bool) -> str | None:
    for op, av in items:
        name = str(op)
        if name in _BACKREFS or name == _GROUPREF_UNI:
            return "a backreference"
        if name in _REPEATS:
            low, high, sub = av
            repeats = high != low and high > 1  # x{3} or x? do not multiply paths
            if repeats and in_repeat:
                return "a repetition inside a repetition (such as (a+)+)"
            found = _walk(list(sub), in_repeat=in_repeat or repeats)
        elif name == "SUBPATTERN":
            found = _walk(list(av[-1]), in_repeat=in_repeat)
        elif name == "BRANCH":
            if in_repeat:
                return "an alternation inside a repetition (such as (a|ab)*)"
            found = next((r for r in (_walk(list(b), in_repeat=False) for b in av[1]) if r), None)
        elif name in {"ASSERT", "ASSERT_NOT"}:
            found = _walk(list(av[1]), in_repeat=in_repeat)
        else:
            found = None
        if found:
            return found
    return None
