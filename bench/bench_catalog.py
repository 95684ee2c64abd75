"""Catalog type-ahead latency over a synthetic 5,000-matter catalog.

The matters are the demo catalog's, multiplied by town and variant names so that names,
spellings and prefixes overlap the way a real provincial catalog's do. Prints the index build
time and p50/p99 query latency for 1- to 6-character queries of each kind (Chinese, full
pinyin, initials). Target: every p99 <= 10 ms.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import replace

from bench.stats import percentile
from intake.catalog import Matter, MatterIndex, load_demo_catalog
from intake.catalog.search import spellings

TOWNS = [
    "星沙街道",
    "泉塘街道",
    "湘龙街道",
    "榔梨街道",
    "暮云街道",
    "黄花镇",
    "黄兴镇",
    "江背镇",
    "福临镇",
    "路口镇",
    "青山铺镇",
    "果园镇",
    "春华镇",
    "北山镇",
    "金井镇",
    "高桥镇",
    "开慧镇",
    "安沙镇",
]
VARIANTS = ["", "（变更）", "（注销）", "（延续）", "（补办）"]
SIZE = 5000
PER_KIND_AND_LENGTH = 200


def synthetic_matters(size: int = SIZE) -> list[Matter]:
    base = list(load_demo_catalog().matters.values())
    out: list[Matter] = []
    for variant in VARIANTS:
        for town in TOWNS:
            for matter in base:
                n = len(out)
                out.append(
                    replace(
                        matter,
                        code=f"{matter.code}-{n:05d}",
                        basic_code=f"{matter.basic_code[:-3]}{n % 1000:03d}",
                        name=f"{town}{matter.name}{variant}",
                    )
                )
                if len(out) == size:
                    return out
    return out


def queries(matters: list[Matter], rng: random.Random) -> dict[tuple[str, int], list[str]]:
    out: dict[tuple[str, int], list[str]] = {}
    for length in range(1, 7):
        for kind in ("chinese", "pinyin", "initials"):
            picked: list[str] = []
            while len(picked) < PER_KIND_AND_LENGTH:
                name = rng.choice(matters).name
                if kind == "chinese":
                    text = name
                else:
                    pys, inis = spellings(name)
                    text = pys[0] if kind == "pinyin" else inis[0]
                if len(text) < length:
                    continue
                start = 0 if kind != "chinese" else rng.randrange(len(text) - length + 1)
                picked.append(text[start : start + length])
            out[(kind, length)] = picked
    return out


def main() -> None:
    matters = synthetic_matters()
    started = time.perf_counter()
    index = MatterIndex(matters)
    built = time.perf_counter() - started
    print(f"matters: {len(index)}   index build: {built * 1000:.0f} ms")
    rng = random.Random(20261122)
    worst = 0.0
    print(f"{'kind':<9} {'len':>3} {'p50 ms':>8} {'p99 ms':>8} {'hits':>6}")
    for (kind, length), qs in queries(matters, rng).items():
        times: list[float] = []
        hits = 0
        for q in qs:
            t0 = time.perf_counter()
            result = index.search(q)
            times.append((time.perf_counter() - t0) * 1000)
            hits += bool(result)
        p50, p99 = statistics.median(times), percentile(times, 0.99)
        worst = max(worst, p99)
        print(f"{kind:<9} {length:>3} {p50:>8.3f} {p99:>8.3f} {hits:>6}")
    verdict = "ok" if worst <= 10 else "OVER TARGET"
    print(f"worst p99: {worst:.3f} ms (target <= 10 ms: {verdict})")


if __name__ == "__main__":
    main()
