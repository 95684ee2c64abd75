"""What the clerk's matter search offers: bundles (一件事) and matters in one list.

The matters this station handles most come first when they match, then a bundle whose
name, pinyin or initials match (a clerk who types 出生 most likely serves the 新生儿出生一件事),
then the other matters in ``MatterIndex``'s order. An empty query shows the
frequent matters, so the common case needs no typing at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from intake.catalog.model import Bundle, Catalog, Matter
from intake.catalog.search import MatterIndex, normalize_query, spellings


@dataclass(frozen=True)
class Choice:
    """One line of the search list."""

    kind: str  # "bundle" or "matter"
    code: str
    name: str
    department: str  # the matter's department ("" for a bundle)
    immediate: bool
    promised_limit_days: int
    departments: int = 1  # how many departments a bundle spans


def _matter_choice(m: Matter) -> Choice:
    return Choice("matter", m.code, m.name, m.department.name, m.immediate, m.promised_limit_days)


class ChoiceIndex:
    """Built once per catalog (off the UI thread: pinyin of every name); queries are cheap."""

    def __init__(
        self,
        catalog: Catalog,
        frequent: Mapping[str, int] | None = None,
        *,
        level: str | None = None,
    ) -> None:
        """``level`` (e.g. "village"): offer only what may be received at that level."""
        self._catalog = catalog
        matters = [m for m in catalog.matters.values() if level is None or level in m.levels]
        allowed = {m.code for m in matters}
        self._matters = MatterIndex(matters)
        self._frequent = {c: n for c, n in (frequent or {}).items() if c in allowed}
        self._bundles: list[tuple[Bundle, tuple[str, ...]]] = []
        for bundle in catalog.bundles.values():
            if not all(code in allowed for code in bundle.matters):
                continue
            pys, inis = spellings(bundle.name)
            keys = (normalize_query(bundle.name), *pys, *inis, bundle.code.lower())
            self._bundles.append((bundle, keys))

    def __len__(self) -> int:
        return len(self._matters) + len(self._bundles)

    def _bundle_choice(self, bundle: Bundle) -> Choice:
        matters = [self._catalog.matters[c] for c in bundle.matters if c in self._catalog.matters]
        departments = {m.department.code for m in matters}
        return Choice(
            "bundle",
            bundle.code,
            bundle.name,
            "",
            all(m.immediate for m in matters),
            max((m.promised_limit_days for m in matters), default=0),
            len(departments),
        )

    def search(self, query: str, limit: int = 20) -> list[Choice]:
        q = normalize_query(query)
        if not q:
            ranked = sorted(self._frequent, key=lambda c: (-self._frequent[c], c))
            return [_matter_choice(self._catalog.matters[c]) for c in ranked[:limit]]
        bundles = [
            self._bundle_choice(b)
            for b, keys in self._bundles
            if any(k.startswith(q) for k in keys) or q in keys[0]
        ]
        matters = self._matters.search(q, limit=limit)
        # This station's frequent matters first, then bundles, then the index's own order.
        usual = sorted(
            (m for m in matters if m.code in self._frequent),
            key=lambda m: -self._frequent[m.code],
        )
        rest = [m for m in matters if m.code not in self._frequent]
        choices = [*map(_matter_choice, usual), *bundles, *map(_matter_choice, rest)]
        return choices[:limit]
