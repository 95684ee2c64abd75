"""Type-ahead search: Chinese, full pinyin, initials, code prefixes, and the ranking."""

from __future__ import annotations

import time

from intake.catalog import Catalog, MatterIndex
from intake.catalog.search import normalize_query, spellings


def names(index: MatterIndex, query: str, limit: int = 20) -> list[str]:
    return [m.name for m in index.search(query, limit)]


def test_spellings_and_normalisation() -> None:
    assert spellings("高龄津贴") == (("gaolingjintie",), ("gljt",))
    # heteronyms: the phrase reading first, the character-by-character one too
    assert spellings("银行账号") == (("yinhangzhanghao", "yinxingzhanghao"), ("yhzh", "yxzh"))
    assert spellings("重度残疾人") == (("zhongducanjiren",), ("zdcjr",))
    assert normalize_query(" ＧａｏＬing 'jin ") == "gaolingjin"


def test_heteronym_readings_both_find_the_matter(demo: Catalog) -> None:
    index = MatterIndex(demo)
    for query in ("changshaxian", "zhangshaxian", "csxgaj"):
        assert any("长沙县" in m.department.name for m in index.search(query)), query


def test_chinese_substring(demo: Catalog) -> None:
    index = MatterIndex(demo)
    assert names(index, "高龄")[0] == "高龄津贴申请"
    found = names(index, "津贴")
    assert "高龄津贴申请" in found
    assert all("残疾" in n for n in names(index, "残疾")[:3])


def test_full_pinyin_and_initials(demo: Catalog) -> None:
    index = MatterIndex(demo)
    assert names(index, "gaolingjintie")[0] == "高龄津贴申请"
    assert names(index, "gaoling")[0] == "高龄津贴申请"
    assert names(index, "Gao Ling")[0] == "高龄津贴申请"
    assert names(index, "gljt")[0] == "高龄津贴申请"
    assert "高龄津贴申请" in names(index, "ljt")  # initials substring
    assert "最低生活保障申请" in names(index, "zdshbz")
    assert "临时救助申请" in names(index, "linshijiuzhu")


def test_keywords_and_department(demo: Catalog) -> None:
    index = MatterIndex(demo)
    assert "最低生活保障申请" in names(index, "低保")
    assert "最低生活保障申请" in names(index, "dibao")
    by_department = names(index, "退役军人事务局")
    assert by_department and all(
        m.department.name == "长沙县退役军人事务局" for m in index.search("退役军人事务局")
    )


def test_punctuation_and_ascii_inside_names(demo: Catalog) -> None:
    index = MatterIndex(demo)
    hits = index.search("（", limit=100)  # NFKC makes it an ASCII "(": names still match
    assert hits and all("（" in m.name for m in hits)
    assert "公众聚集场所投入使用、营业前消防安全检查" in names(index, "使用、营业")


def test_code_prefix(demo: Catalog) -> None:
    index = MatterIndex(demo)
    matter = next(m for m in demo.matters.values() if m.name == "高龄津贴申请")
    assert index.search(matter.code)[0] is matter  # the whole implementation code
    assert index.search(matter.basic_code[:11])[0].basic_code.startswith(matter.basic_code[:11])
    assert matter in index.search(matter.basic_code[:9], limit=100)
    hits = index.search("430a07", limit=100)
    assert hits and all(m.basic_code.lower().startswith("430a07") for m in hits)
    assert index.search("0001") == []  # codes match by prefix only, not anywhere inside


def test_ranking_exact_then_prefix_then_shorter(small_catalog: Catalog) -> None:
    index = MatterIndex(small_catalog)
    # "申请" ends both 临时救助申请 and 高龄津贴申请: same rank, shorter first, then order
    assert names(index, "申请") == ["临时救助申请", "高龄津贴申请"]
    # prefix beats substring even for a longer name
    assert names(index, "j") == ["居民身份证换领", "临时救助申请", "高龄津贴申请"]
    assert names(index, "居民身份证换领") == ["居民身份证换领"]
    assert names(index, "M1") == ["居民身份证换领"]  # exact code


def test_limit_and_empty(demo: Catalog) -> None:
    index = MatterIndex(demo)
    assert index.search("") == [] and index.search("   ") == []
    assert len(index.search("s", limit=5)) == 5
    assert index.search("s", limit=0) == []
    assert index.search("不存在的事项名称") == []
    assert len(index) == len(demo.matters)


def test_query_is_fast_on_the_demo(demo: Catalog) -> None:
    """A smoke check only; bench/bench_catalog.py measures 5,000 matters."""
    index = MatterIndex(demo)
    started = time.perf_counter()
    for query in ["g", "gl", "高", "高龄", "shb", "社会保障卡", "430a"] * 10:
        index.search(query)
    assert (time.perf_counter() - started) / 70 < 0.01
