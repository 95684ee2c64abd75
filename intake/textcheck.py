"""Character hygiene for what a station types, scans or receives from an IME.

A name or a number is printed on a sealed notice, searched by the clerk and sent to the
platform: an ANSI escape, a NUL or a bidi override (U+202E turns "张三" + "3201..." into a
visually different string) must never get that far, and an Arabic-Indic digit that Python's
``\\d`` happily matches must never become an "ID number". Full-width digits, which Chinese IMEs
produce all the time (``１３８…``), are simply what the clerk meant: they are turned into ASCII.

Pure functions; ``intake.requests`` and ``intake.rules`` use them, ``docs/intake-request.md``
documents the limits.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from intake.errors import Problem

#: Explicit directional formatting characters (Unicode UAX #9): they reorder what is shown.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Line breaks a multi-line text (a reason, a note) may carry; never allowed in a name.
LINE_BREAKS = frozenset("\n\r\t")


@dataclass(frozen=True)
class TextLimits:
    """Longest accepted value of each free-text input, in characters (code points).

    Chosen so that a case with every field at its limit stays far below one sync item
    (1 MiB) and every value fits the printed notice's box; the ID card itself holds 15
    characters of name and 35 of address.
    """

    name: int = 64
    address: int = 200
    org_name: int = 100
    phone: int = 32
    id_number: int = 40
    reason: int = 500
    legal_basis: int = 500
    note: int = 500
    licence_number: int = 64
    late_entry_reason: int = 500


DEFAULT_LIMITS = TextLimits()


def bad_character(value: str, *, multiline: bool = False) -> str | None:
    """The first character that must not be stored (as ``U+XXXX``), or None.

    Refused: C0/C1 controls and DEL (NUL, ESC of ANSI sequences …), bidi overrides and
    isolates, line/paragraph separators and lone surrogates (which cannot even be encoded
    as UTF-8). A multi-line text may keep ``\\n``, ``\\r`` and ``\\t``.
    """
    for ch in value:
        if multiline and ch in LINE_BREAKS:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Zl", "Zp") or ch in BIDI_CONTROLS:
            return f"U+{ord(ch):04X}"
    return None


def has_foreign_digits(value: str) -> bool:
    """Whether ``value`` holds a decimal digit other than ASCII 0-9 (Arabic-Indic,
    Devanagari …; full-width ones should have been normalised first)."""
    return any(ch.isdigit() and not ch.isascii() for ch in value)


def ascii_digits(value: str) -> str:
    """Full-width forms (``１３８``, ``－``, ``Ｘ``) as their ASCII letters, by NFKC, and
    surrounding blanks removed; other scripts' digits are left for ``has_foreign_digits``."""
    return unicodedata.normalize("NFKC", value).strip()


def text_problems(
    where: str, value: str, limit: int, *, multiline: bool = False, number: bool = False
) -> list[Problem]:
    """``request.too_long``, ``request.control_char`` and (for numbers) ``request.digits``."""
    problems: list[Problem] = []
    if len(value) > limit:
        problems.append(
            Problem(
                where,
                "request.too_long",
                f"at most {limit} characters",
                {"max_length": limit, "length": len(value)},
            )
        )
    bad = bad_character(value, multiline=multiline)
    if bad is not None:
        problems.append(
            Problem(
                where, "request.control_char", "a control character is not allowed", {"char": bad}
            )
        )
    if number and has_foreign_digits(value):
        problems.append(Problem(where, "request.digits", "digits 0-9 are expected"))
    return problems


__all__ = [
    "BIDI_CONTROLS",
    "DEFAULT_LIMITS",
    "TextLimits",
    "ascii_digits",
    "bad_character",
    "has_foreign_digits",
    "text_problems",
]
