"""CJK font discovery, embedding and glyph coverage.

Only TrueType fonts are embedded (reportlab subsets them into the PDF). We never fall back
to reportlab's ``STSong-Light`` CID font: it is not embedded and prints blank on a machine
without poppler-data or the Adobe CJK pack. A name character that the primary font lacks
(e.g. 𠮷 U+20BB7, not in WenQuanYi) is drawn with a fallback font that has it; one that no
installed font has is reported (``font.missing_glyph``), never dropped silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from printing.errors import FontNotFound, FontUnusable

#: Characters every document needs; a primary font must have all of them.
_BASICS = (
    "中华人民共和国受理通知书补正材料不予承诺办件编号日期经办人联系电话第页共"
    "（）：，。、0123456789ABCXx"
)

#: Well-known places, in order of preference, per platform. (path, subfont index)
_LINUX_PRIMARY = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
)
_LINUX_FALLBACK = (
    ("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0),
    ("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0),
    ("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf", 0),
)
_WIN_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
_WINDOWS_PRIMARY = tuple(
    (str(_WIN_FONTS / n), 0) for n in ("simsun.ttc", "msyh.ttc", "simhei.ttf", "simkai.ttf")
)
_WINDOWS_FALLBACK = tuple((str(_WIN_FONTS / n), 0) for n in ("simsunb.ttf", "msyh.ttc"))
_MAC_PRIMARY = (
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
)

_register_lock = threading.Lock()


def _utf16_hex(cp: int) -> str:
    return chr(cp).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map writes U+20BB7 as ``<20BB7>`` (invalid), so text extracted
    or searched in the PDF shows ₻ for 𠮷; PDF wants UTF-16BE (a surrogate pair). Same map,
    correct encoding. Installed once below, replacing ``ttfonts.makeToUnicodeCMap``."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class FontInfo:
    """One usable font file: what ``python -m printing fonts`` lists."""

    path: Path
    subfont_index: int
    family: str
    glyphs: int
    covers_basics: bool
    covers_ext_b: bool  # has U+20BB7 (𠮷), a common rare name character


@dataclass
class LoadedFont:
    """A font registered with reportlab under ``name``, with the code points it covers."""

    name: str
    path: Path
    subfont_index: int
    family: str
    cmap: frozenset[int]

    def info(self) -> FontInfo:
        return FontInfo(
            self.path,
            self.subfont_index,
            self.family,
            len(self.cmap),
            all(ord(c) in self.cmap for c in _BASICS),
            0x20BB7 in self.cmap,
        )


def _ignorable(ch: str) -> bool:
    """Spaces and control characters need no glyph."""
    return unicodedata.category(ch)[0] in "CZ"


def load_font(path: str | os.PathLike[str], subfont_index: int = 0) -> LoadedFont:
    """Parse and register one TrueType font (or one face of a .ttc); typed error if unusable."""
    p = Path(path)
    if not p.is_file():
        raise FontNotFound("font file not found", code="font.not_found", details={"path": str(p)})
    name = f"WD-{p.stem}-{subfont_index}"
    with _register_lock:
        try:
            font = pdfmetrics.getFont(name)
        except KeyError:
            try:
                font = TTFont(name, str(p), subfontIndex=subfont_index)
            except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
                raise FontUnusable(
                    f"cannot use font: {exc}", details={"path": str(p), "index": subfont_index}
                ) from exc
            pdfmetrics.registerFont(font)
    face = font.face
    raw_family = face.name
    family = raw_family.decode("latin-1") if isinstance(raw_family, bytes) else str(raw_family)
    return LoadedFont(name, p, subfont_index, family, frozenset(face.charToGlyph))


def _fc_list() -> list[tuple[str, int]]:
    """Chinese-capable font files fontconfig knows about (Linux/BSD), TrueType ones first."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "--format", "%{file}|%{index}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[tuple[str, int]] = []
    for line in out.splitlines():
        path, _, index = line.rpartition("|")
        if path.lower().endswith((".ttf", ".ttc")) and index.isdigit():
            found.append((path, int(index)))
    return sorted(set(found))


def candidate_paths(configured: Sequence[str | os.PathLike[str]] = ()) -> list[tuple[str, int]]:
    """Where to look for a primary font, in order: configured paths, then the platform's own."""
    out: list[tuple[str, int]] = [(str(p), 0) for p in configured]
    env = os.environ.get("WINDOWDESK_FONT")
    if env:
        out.extend((p, 0) for p in env.split(os.pathsep) if p)
    if sys.platform == "win32":
        out.extend(_WINDOWS_PRIMARY)
    elif sys.platform == "darwin":
        out.extend(_MAC_PRIMARY)
    else:
        out.extend(_LINUX_PRIMARY)
    return out


def fallback_paths() -> list[tuple[str, int]]:
    """Fonts tried, in order, for characters the primary font lacks."""
    out: list[tuple[str, int]] = []
    env = os.environ.get("WINDOWDESK_FALLBACK_FONTS")
    if env:
        out.extend((p, 0) for p in env.split(os.pathsep) if p)
    out.extend(_WINDOWS_FALLBACK if sys.platform == "win32" else _LINUX_FALLBACK)
    out.extend(p for p in _fc_list() if p not in out)
    return out


@dataclass
class FontSet:
    """The primary font plus lazily loaded fallbacks; splits text into per-font runs."""

    primary: LoadedFont
    fallback_candidates: list[tuple[str, int]] = field(default_factory=list)
    _fallbacks: list[LoadedFont] = field(default_factory=list)
    _next: int = 0
    _seen: set[tuple[str, int]] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _memo: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._seen.add((os.path.realpath(self.primary.path), self.primary.subfont_index))

    @property
    def name(self) -> str:
        return self.primary.name

    def _load_next_fallback(self) -> bool:
        """Parse one more fallback candidate; False when none is left. Fonts load only on need:
        a rare name is rare, and parsing a 30 MB font costs a tenth of a second."""
        while self._next < len(self.fallback_candidates):
            path, index = self.fallback_candidates[self._next]
            self._next += 1
            key = (os.path.realpath(path), index)
            if key in self._seen:
                continue
            self._seen.add(key)
            try:
                self._fallbacks.append(load_font(path, index))
            except (FontNotFound, FontUnusable):
                continue
            return True
        return False

    def font_for(self, ch: str) -> str | None:
        """The registered font name that draws ``ch``; None when no installed font can."""
        cp = ord(ch)
        if cp in self.primary.cmap or _ignorable(ch):
            return self.primary.name
        with self._lock:
            if ch in self._memo:
                return self._memo[ch]
            found = next((f.name for f in self._fallbacks if cp in f.cmap), None)
            while found is None and self._load_next_fallback():
                if cp in self._fallbacks[-1].cmap:
                    found = self._fallbacks[-1].name
            self._memo[ch] = found
            return found

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` cut into (font name, substring) runs; uncovered characters stay in the
        primary font's run (they print as an empty box) and are listed by ``missing``."""
        out: list[tuple[str, str]] = []
        for ch in text:
            name = self.font_for(ch) or self.primary.name
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + ch)
            else:
                out.append((name, ch))
        return out

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` no installed font can draw, in order, without repeats."""
        return list(dict.fromkeys(ch for ch in text if self.font_for(ch) is None))


def load_font_set(
    configured: Sequence[str | os.PathLike[str]] = (),
    fallbacks: Iterable[tuple[str, int]] | None = None,
) -> FontSet:
    """The first usable primary font (configured first), or FontNotFound naming where we looked."""
    tried: list[str] = []
    candidates = candidate_paths(configured)
    if not configured:
        candidates.extend(p for p in _fc_list() if p not in candidates)
    for path, index in candidates:
        if not Path(path).is_file():
            tried.append(path)
            continue
        try:
            font = load_font(path, index)
        except FontUnusable:
            tried.append(path)
            continue
        if all(ord(c) in font.cmap for c in _BASICS):
            fb = list(fallbacks) if fallbacks is not None else fallback_paths()
            return FontSet(font, fb)
        tried.append(path)
    raise FontNotFound(
        "no usable Chinese TrueType font found",
        details={"tried": tried, "hint": "install fonts-wqy-microhei or set WINDOWDESK_FONT"},
    )


def list_fonts(configured: Sequence[str | os.PathLike[str]] = ()) -> list[FontInfo]:
    """Every usable font found, primary candidates then fallbacks (``python -m printing fonts``)."""
    seen: set[tuple[str, int]] = set()
    out: list[FontInfo] = []
    for path, index in [*candidate_paths(configured), *fallback_paths(), *_fc_list()]:
        if (path, index) in seen or not Path(path).is_file():
            continue
        seen.add((path, index))
        try:
            out.append(load_font(path, index).info())
        except (FontNotFound, FontUnusable):
            continue
    return out
