"""What the self-service kiosk decides, without Qt: life events, the priority queue, the
session's idle limits and who may leave kiosk mode.

Life events (生育, 上学, 就业 …) are how a citizen thinks of their business; the catalog is
organised by department. ``LIFE_EVENTS`` maps each event to bundles (一件事) and matters by
their 基本编码 (stable across catalog versions and areas); ``life_event_choices`` resolves
them against the catalog at hand and drops what it does not carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from intake.catalog.merge import MergedRequirements
from intake.catalog.model import Catalog
from intake.errors import AuthError
from intake.identity import Identity
from intake.services.operators import Operator, OperatorService, Role
from intake.services.queue import PRIORITY, ServiceQueue, route

#: A session wipes itself after this many seconds without a touch (configurable).
IDLE_SECONDS = 60
#: The countdown is shown for the last seconds of the idle time.
COUNTDOWN_SECONDS = 10
#: 老年人权益保障法 第二条: 老年人 are citizens of sixty and over (the priority queue's rule).
ELDERLY_AGE = 60
#: Who may leave kiosk mode (the supervisor's PIN is their operator password).
KIOSK_EXIT_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


@dataclass(frozen=True)
class LifeEvent:
    key: str
    name: str  # printed and shown in Chinese on the kiosk (the catalog's language)
    bundles: tuple[str, ...] = ()  # bundle codes
    matters: tuple[str, ...] = ()  # 基本编码 of matters


LIFE_EVENTS: tuple[LifeEvent, ...] = (
    LifeEvent(
        "birth",
        "生育",
        ("YJS-430121-01",),
        ("430A0701001000", "430A1105001000", "430A1105002000", "430A0505004000"),
    ),
    LifeEvent("school", "上学", ("YJS-430121-08",), ("430A1106001000", "430A0506002000")),
    LifeEvent(
        "work",
        "就业",
        ("YJS-430121-10",),
        ("430A1102009000", "430A1102004000", "430A1102001000", "430A1103001000"),
    ),
    LifeEvent("marriage", "婚姻", (), ("430A0704008000", "430A0701006000")),
    LifeEvent(
        "retirement",
        "退休",
        ("YJS-430121-02",),
        ("430A0502002000", "430A0502003000", "430A1112001000", "430A0504001000"),
    ),
    LifeEvent(
        "disability",
        "残疾",
        ("YJS-430121-03",),
        ("430A1110001000", "430A1110002000", "430A0504004000", "430A0504005000"),
    ),
    LifeEvent(
        "after_death",
        "身后",
        ("YJS-430121-06",),
        ("430A0701005000", "430A1104006000", "430A0504007000", "430A0502010000"),
    ),
    LifeEvent(
        "business",
        "开办企业",
        ("YJS-430121-05", "YJS-430121-12"),
        ("430A0107001000", "430A0107002000", "430A1001009000"),
    ),
    LifeEvent(
        "documents",
        "证件办理",
        ("YJS-430121-09",),
        ("430A0701002000", "430A0701003000", "430A0701004000", "430A0701008000"),
    ),
    LifeEvent(
        "social_security",
        "社保医保",
        ("YJS-430121-04",),
        ("430A1102014000", "430A1103005000", "430A0411001000", "430A0411002000"),
    ),
    LifeEvent(
        "housing",
        "住房",
        ("YJS-430121-13", "YJS-430121-11"),
        ("430A1108003000", "430A0708001000"),
    ),
    LifeEvent(
        "veterans",
        "退役军人",
        ("YJS-430121-07",),
        ("430A1113001000", "430A1113003000"),
    ),
)


@dataclass(frozen=True)
class KioskChoice:
    """One tile under a life event: a bundle or a matter of the catalog."""

    kind: str  # "bundle" / "matter"
    code: str
    name: str


def life_event_choices(catalog: Catalog, event: LifeEvent) -> list[KioskChoice]:
    """The event's bundles then matters that this catalog has (bundles first: 一件事)."""
    out = [
        KioskChoice("bundle", code, catalog.bundles[code].name)
        for code in event.bundles
        if code in catalog.bundles
    ]
    by_basic = {m.basic_code: m for m in catalog.matters.values()}
    for basic in event.matters:
        m = by_basic.get(basic)
        if m is not None:
            out.append(KioskChoice("matter", m.code, m.name))
    return out


def life_events(catalog: Catalog) -> list[LifeEvent]:
    """The events this catalog has something for (an empty tile would be a dead end)."""
    return [e for e in LIFE_EVENTS if life_event_choices(catalog, e)]


def age_on(identity_birth: date | None, today: date) -> int | None:
    if identity_birth is None:
        return None
    years = today.year - identity_birth.year
    if (today.month, today.day) < (identity_birth.month, identity_birth.day):
        years -= 1
    return years


def needs_priority(identity: Identity | None, today: date, *, asked: bool = False) -> bool:
    """The priority queue: a citizen of ``ELDERLY_AGE`` or more by the card, or one who
    asked for it (disabled, pregnant: not on the card, so the kiosk offers a button)."""
    if asked:
        return True
    if identity is None:
        return False
    age = age_on(identity.birth_date, today)
    return age is not None and age >= ELDERLY_AGE


def queue_for(
    queues: Sequence[ServiceQueue], merged: MergedRequirements | None, *, priority: bool
) -> str:
    """Which queue a kiosk ticket goes to: the priority queue when it applies and exists,
    else by the departments of what was chosen."""
    if priority and any(q.code == PRIORITY or q.priority for q in queues):
        return next(q.code for q in queues if q.priority)
    departments = [(d.code, d.name) for d in merged.departments] if merged else []
    return route(queues, departments)


def verify_supervisor(operators: OperatorService, operator_id: str, pin: str) -> Operator:
    """Leaving kiosk mode: a supervisor's own credentials, checked (and audited) by the
    operator service; a clerk's password is refused like a wrong one."""
    operator = operators.verify(operator_id, pin)
    if operator.role not in KIOSK_EXIT_ROLES:
        raise AuthError("only a supervisor may leave kiosk mode", code="auth.not_supervisor")
    return operator
