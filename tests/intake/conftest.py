"""Fixtures for the intake tests: a set-up station on a small catalog of known shape."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from intake.demo import DEMO_OPERATORS, DEMO_PASSWORD, DEMO_SETTINGS
from intake.services.operators import OperatorService
from intake.station import Station

NOW = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)  # Friday 10:30 in Changsha
APPLICANT = {
    "name": "张𠮷祥",
    "doc_type": "resident",
    "id_number": "11010519491231002x",
    "phone": "13812345678",
}


def _matter(
    code: str,
    name: str,
    dept: str,
    *,
    immediate: bool,
    legal: int,
    promised: int,
    levels: list[str],
    materials: list[dict[str, Any]],
    fields: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "code": code,
        "basic_code": code.split("-")[0] + "000",
        "version": "1",
        "area_code": "430121000000",
        "name": name,
        "type": "公共服务",
        "department": dept,
        "legal_limit_days": legal,
        "promised_limit_days": promised,
        "immediate": immediate,
        "scope": "county",
        "fee": {"amount": "0", "note": "不收费"},
        "levels": levels,
        "result": "办理结果",
        "delivery": ["window"],
        "legal_basis": "《测试条例》",
        "keywords": [],
        "materials": materials,
        "fields": fields,
    }


def mini_catalog(version: str = "T-1") -> dict[str, Any]:
    return {
        "schema": "windowdesk.catalog/1",
        "version": version,
        "published_at": "2026-11-01T00:00:00+08:00",
        "publisher": "测试县数据资源局",
        "departments": [
            {"code": "MZ", "name": "县民政局"},
            {"code": "GA", "name": "县公安局"},
            {"code": "RS", "name": "县人力资源和社会保障局"},
        ],
        "licence_types": [{"code": "HKB", "name": "居民户口簿"}],
        "materials": [
            {"id": "M_ID", "name": "申请人居民身份证", "form": "original", "copies": 1},
            {
                "id": "M_HKB",
                "name": "户口簿",
                "form": "original",
                "copies": 1,
                "licence_type": "HKB",
            },
            {"id": "M_PHOTO", "name": "近期免冠照片", "form": "original", "copies": 2},
            {"id": "M_PROOF", "name": "其他证明材料", "form": "copy", "copies": 1},
        ],
        "fields": [
            {"key": "bank_account", "label": "银行账号", "type": "text", "pattern": "[0-9]{12,19}"},
            {
                "key": "relation",
                "label": "与申请人关系",
                "type": "select",
                "options": ["本人", "配偶", "子女"],
            },
        ],
        "matters": [
            _matter(
                "MZ-GLJT",
                "高龄津贴申请",
                "MZ",
                immediate=False,
                legal=20,
                promised=5,
                levels=["county", "town", "village"],
                materials=[
                    {"ref": "M_ID", "required": True, "may_defer": False},
                    {"ref": "M_HKB", "required": True, "may_defer": True},
                    {"ref": "M_PROOF", "required": False, "may_defer": False},
                ],
                fields=[{"ref": "bank_account", "required": True}],
            ),
            _matter(
                "GA-SFZBL",
                "居民身份证补领",
                "GA",
                immediate=True,
                legal=0,
                promised=0,
                levels=["county"],
                materials=[{"ref": "M_PHOTO", "required": True, "may_defer": False}],
                fields=[],
            ),
            _matter(
                "RS-YLCB",
                "城乡居民养老保险参保登记",
                "RS",
                immediate=False,
                legal=15,
                promised=3,
                levels=["county", "village"],
                materials=[
                    {"ref": "M_ID", "required": True, "may_defer": False},
                    {"ref": "M_HKB", "required": True, "may_defer": False},
                ],
                fields=[
                    {"ref": "bank_account", "required": False},
                    {"ref": "relation", "required": True},
                ],
            ),
        ],
        "bundles": [
            {
                "code": "YJS-TEST",
                "name": "测试一件事",
                "matters": ["MZ-GLJT", "RS-YLCB"],
                "description": "",
                "lead_department": "MZ",
            },
        ],
    }


def mini_catalog_bytes(version: str = "T-1") -> bytes:
    return json.dumps(mini_catalog(version), ensure_ascii=False).encode("utf-8")


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture
def station(data_dir: Path, clock: Callable[[], datetime]) -> Iterator[Station]:
    st = Station.open(data_dir)
    # cheap argon2 parameters: the tests check the flow, not the work factor
    st.operators = OperatorService(st.db, PasswordHasher(time_cost=1, memory_cost=1024))
    st.set_up(DEMO_SETTINGS)
    for op_id, name, role in DEMO_OPERATORS:
        st.operators.add(op_id, name, role, DEMO_PASSWORD)
    st.catalogs.load(mini_catalog_bytes())
    st.cases._now = clock  # a fixed "now" so deadlines are exact
    yield st
    st.close()


def request(**overrides: Any) -> dict[str, Any]:
    """A complete 高龄津贴 request: every material received, the form filled."""
    base: dict[str, Any] = {
        "matters": ["MZ-GLJT"],
        "applicant": dict(APPLICANT),
        "materials": {"M_ID": "original", "M_HKB": "original"},
        "form": {"bank_account": "6228480012345678901"},
        "decision": "accept",
        "operator": "clerk01",
    }
    base.update(overrides)
    return base


@pytest.fixture
def make_request() -> Callable[..., dict[str, Any]]:
    return request


@pytest.fixture
def catalog_bytes() -> Callable[..., bytes]:
    return mini_catalog_bytes
