"""Type-ahead search over the matters of a catalog: Chinese, pinyin, initials, codes.

A clerk types 高龄, ``gaoling``, ``gljt`` or the start of a code and expects the matter at
once, on every key stroke. Everything that can be computed ahead is computed when the index is
built (pinyin, initials, sorted prefix tables, and a few long strings holding every matter's
haystack); a query is then a few bisections plus ``str.find`` scans that stop early.

Ranking: exact match of the name, a pinyin or initials spelling, or a code; then prefix matches
of those; then substrings of the name or its spellings; then matches only in keywords or the
department's name. Within a rank, shorter names first, then catalog order.

Heteronyms (多音字): pypinyin's phrase-aware reading is indexed, and the character-by-character
reading too when it differs (银行 → ``yinhang`` and ``yinxing``), so a clerk who spells a
character its common way still finds the matter.
"""

from __future__ import annotations

import heapq
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from intake.catalog.model import Catalog, Matter

_SEP = "\x1f"  # joins the spellings of one matter: a match never spans two of them
_REC = "\x1e"  # joins the matters in a blob: a match never spans two of them


@lru_cache(maxsize=8192)
def _char_reading(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin  # 55 MB of tables: loaded when first needed

    return lazy_pinyin(ch, style=Style.NORMAL, errors="default")[0] if ch.strip() else ""


def normalize_query(text: str) -> str:
    """Full-width → half-width, lower case, no spaces, apostrophes or control characters."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isprintable() and not ch.isspace() and ch != "'")


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


@lru_cache(maxsize=16384)
def spellings(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The likely full-pinyin and initials spellings of ``text`` (lower case, no tones)."""
    from pypinyin import Style, lazy_pinyin

    pinyins: list[str] = []
    initials: list[str] = []
    phrase = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    per_char = [_char_reading(ch) for ch in text]
    for syllables in (phrase, per_char):
        # Letters and digits only: punctuation (、（）) is not typed, and an all-ASCII blob
        # is what keeps the scan of a pinyin query fast.
        full = _alnum(normalize_query("".join(syllables)))
        first = _alnum(normalize_query("".join(s[:1] for s in syllables)))
        if full and full not in pinyins:
            pinyins.append(full)
        if first and first not in initials:
            initials.append(first)
    return tuple(pinyins), tuple(initials)


class _Blob:
    """Many haystacks in one string, searched with ``str.find`` (C speed, early exit)."""

    def __init__(self, haystacks: list[str]) -> None:
        self.text = _REC.join(haystacks)
        self.starts: list[int] = []
        offset = 0
        for hay in haystacks:
            self.starts.append(offset)
            offset += len(hay) + 1

    def positions(self, q: str) -> Iterator[int]:
        """Indexes (into the haystack list) of the haystacks containing ``q``, in order."""
        at = self.text.find(q)
        while at != -1:
            k = bisect_right(self.starts, at) - 1
            yield k
            if k + 1 >= len(self.starts):
                return
            at = self.text.find(q, self.starts[k + 1])


class MatterIndex:
    """Precomputed search structures over one catalog's matters (immutable once built)."""

    def __init__(self, catalog: Catalog | Iterable[Matter]) -> None:
        matters = catalog.matters.values() if isinstance(catalog, Catalog) else catalog
        self._matters: list[Matter] = list(matters)
        count = len(self._matters)
        # Within a rank, shorter names first, then catalog order: scanning in this order
        # lets a substring scan stop as soon as it has enough results.
        self._order = sorted(range(count), key=lambda i: (len(self._matters[i].name), i))
        self._place = [0] * count
        for place, i in enumerate(self._order):
            self._place[i] = place
        self._exact: dict[str, list[int]] = {}
        prefixes: list[tuple[str, int]] = []
        # Spellings (ASCII) and names (mostly CJK) go to separate blobs: an ASCII query then
        # scans a one-byte-per-character string, which str.find does several times faster.
        primary: tuple[list[str], list[str]] = ([], [])
        secondary: tuple[list[str], list[str]] = ([], [])
        departments: dict[str, tuple[str, str]] = {}
        self._department_places: dict[str, list[int]] = {}  # in scan order
        for i in self._order:
            matter = self._matters[i]
            name = normalize_query(matter.name)
            pys, inis = spellings(matter.name)
            keys = {name, *pys, *inis}
            primary[0].append(_SEP.join([*pys, *inis]))
            primary[1].append(name)
            extra: tuple[list[str], list[str]] = ([], [])
            for text in matter.keywords:
                kpys, kinis = spellings(text)
                extra[0].extend([*kpys, *kinis])
                extra[1].append(normalize_query(text))
            secondary[0].append(_SEP.join(extra[0]))
            secondary[1].append(_SEP.join(extra[1]))
            # A department's name is indexed once, not once per matter: far fewer bytes to scan.
            department = matter.department
            if department.code not in departments:
                dpys, dinis = spellings(department.name)
                departments[department.code] = (
                    _SEP.join([*dpys, *dinis]),
                    normalize_query(department.name),
                )
            self._department_places.setdefault(department.code, []).append(len(primary[1]) - 1)
            codes = {matter.code.lower(), matter.basic_code.lower()}
            for key in keys | codes:
                self._exact.setdefault(key, []).append(i)
            prefixes.extend((key, i) for key in keys | codes)
        prefixes.sort()
        self._prefix_keys = [k for k, _ in prefixes]
        self._prefix_ids = [i for _, i in prefixes]
        # Spelt (pinyin, initials) and written (the names as they are) haystacks, for the
        # name tier and the keyword tier. An ASCII query looks at both (a name may hold
        # ASCII, "5G"); any other query only at the written ones.
        self._spelt = (_Blob(primary[0]), _Blob(secondary[0]))
        self._written = (_Blob(primary[1]), _Blob(secondary[1]))
        self._department_hay = departments

    def __len__(self) -> int:
        return len(self._matters)

    def search(self, query: str, limit: int = 20) -> list[Matter]:
        """The best ``limit`` matters for ``query`` (empty query → no results)."""
        q = normalize_query(query)
        if not q or limit <= 0:
            return []
        place = self._place.__getitem__
        exact = sorted(set(self._exact.get(q, ())), key=place)
        chosen = set(exact)
        prefixed = {i for i in self._prefixed(q) if i not in chosen}
        picked = exact + heapq.nsmallest(limit, prefixed, key=place)
        chosen.update(prefixed)
        # Lower ranks can only fill the places the better ones left.
        ascii_query = q.isascii()
        sources = (self._spelt, self._written) if ascii_query else (self._written,)
        by_department = [
            self._department_places[code]
            for code, (spelt, written) in self._department_hay.items()
            if q in written or (ascii_query and q in spelt)
        ]
        tiers = (
            heapq.merge(*(primary.positions(q) for primary, _ in sources)),
            heapq.merge(*(secondary.positions(q) for _, secondary in sources), *by_department),
        )
        for places in tiers:
            if len(picked) >= limit:
                break
            for k in places:
                i = self._order[k]
                if i not in chosen:
                    chosen.add(i)
                    picked.append(i)
                    if len(picked) >= limit:
                        break
        return [self._matters[i] for i in picked[:limit]]

    def _prefixed(self, q: str) -> Iterator[int]:
        keys = self._prefix_keys
        start = bisect_left(keys, q)
        end = bisect_left(keys, q + "\U0010ffff", start)
        return iter(self._prefix_ids[start:end])
