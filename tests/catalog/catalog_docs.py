"""A small hand-written catalog document that tests copy and break."""

from __future__ import annotations

import json
from typing import Any

AREA = "430121000000"


def small_doc() -> dict[str, Any]:
    """A valid catalog small enough to reason about: 3 matters of 2 departments, 1 bundle."""
    return {
        "schema": "windowdesk.catalog/1",
        "version": "t1",
        "published_at": "2026-01-01T08:00:00+08:00",
        "publisher": "测试",
        "departments": [{"code": "GA", "name": "县公安局"}, {"code": "MZ", "name": "县民政局"}],
        "licence_types": [{"code": "id_card", "name": "居民身份证"}],
        "materials": [
            {
                "id": "id_card",
                "name": "居民身份证",
                "form": "original",
                "copies": 1,
                "licence_type": "id_card",
            },
            {"id": "hukou", "name": "户口簿", "form": "copy", "copies": 1},
            {"id": "photo", "name": "照片", "form": "electronic", "copies": 2},
            {"id": "proof", "name": "困难证明", "form": "copy", "copies": 1},
        ],
        "fields": [
            {"key": "phone", "label": "联系电话", "type": "phone", "required": True},
            {"key": "address", "label": "现居住地址", "type": "address", "max_length": 50},
            {"key": "kind", "label": "类别", "type": "select", "options": ["甲", "乙"]},
            {"key": "income", "label": "收入", "type": "money", "min": 0, "max": "5000"},
        ],
        "matters": [
            _matter(
                "M1",
                "GA",
                "居民身份证换领",
                [
                    {"ref": "id_card", "required": True, "may_defer": False},
                    {"ref": "hukou", "required": True, "may_defer": True, "copies": 2},
                    {"ref": "photo", "required": False, "may_defer": False},
                ],
                [{"ref": "phone"}, {"ref": "address", "required": True}],
            ),
            _matter(
                "M2",
                "MZ",
                "临时救助申请",
                [
                    {"ref": "hukou", "required": True, "may_defer": False, "form": "original"},
                    {"ref": "proof", "required": True, "may_defer": True},
                    {"ref": "photo", "required": True, "may_defer": True, "copies": 1},
                ],
                [{"ref": "phone"}, {"ref": "kind", "required": True}, {"ref": "income"}],
                immediate=False,
                promised=10,
                legal=20,
            ),
            _matter(
                "M3",
                "MZ",
                "高龄津贴申请",
                [
                    {"ref": "id_card", "required": True, "may_defer": False, "form": "copy"},
                    {"ref": "proof", "required": True, "may_defer": True},
                ],
                [{"ref": "address"}, {"ref": "income", "required": True}],
                immediate=False,
                promised=15,
                legal=20,
            ),
        ],
        "bundles": [
            {
                "code": "B1",
                "name": "测试一件事",
                "matters": ["M1", "M2"],
                "description": "",
                "lead_department": "MZ",
            },
        ],
    }


def _matter(
    code: str,
    department: str,
    name: str,
    materials: list[dict[str, Any]],
    fields: list[dict[str, Any]],
    *,
    immediate: bool = True,
    promised: int = 0,
    legal: int = 0,
) -> dict[str, Any]:
    return {
        "code": code,
        "basic_code": f"B{code}",
        "version": "1",
        "area_code": AREA,
        "name": name,
        "type": "公共服务",
        "department": department,
        "legal_limit_days": legal,
        "promised_limit_days": promised,
        "immediate": immediate,
        "scope": "county",
        "fee": {"amount": "0", "note": "不收费"},
        "levels": ["county", "village"],
        "result": "",
        "delivery": ["window"],
        "legal_basis": "",
        "keywords": [],
        "materials": materials,
        "fields": fields,
    }


def encode(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")
