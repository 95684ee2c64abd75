"""Translated names of the core's enums as the screens show them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from intake.catalog.model import MaterialForm
from intake.identity import DocType
from intake.views import Decision, MaterialState

#: marks a source string for lupdate; typed for mypy (the stub says it returns object)
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

CTX = "labels"

DOC_TYPES = {
    DocType.RESIDENT: QT_TRANSLATE_NOOP("labels", "Resident ID card"),
    DocType.HKMOTW: QT_TRANSLATE_NOOP("labels", "HK/Macao/Taiwan residence permit"),
    DocType.FOREIGN2017: QT_TRANSLATE_NOOP("labels", "Foreigner's permanent residence card (2017)"),
    DocType.FOREIGN2023: QT_TRANSLATE_NOOP("labels", "Foreigner's permanent residence card (2023)"),
    DocType.SOCIAL_SECURITY: QT_TRANSLATE_NOOP("labels", "Social security card"),
    DocType.PASSPORT: QT_TRANSLATE_NOOP("labels", "Passport"),
    DocType.OTHER: QT_TRANSLATE_NOOP("labels", "Other document"),
}
SEXES = {
    "1": QT_TRANSLATE_NOOP("labels", "Male"),
    "2": QT_TRANSLATE_NOOP("labels", "Female"),
    "0": QT_TRANSLATE_NOOP("labels", "Unknown"),
    "9": QT_TRANSLATE_NOOP("labels", "Not stated"),
}
MATERIAL_STATES = {
    MaterialState.ORIGINAL: QT_TRANSLATE_NOOP("labels", "Original received"),
    MaterialState.COPY: QT_TRANSLATE_NOOP("labels", "Copy received"),
    MaterialState.MISSING: QT_TRANSLATE_NOOP("labels", "Missing"),
    MaterialState.DEFERRED: QT_TRANSLATE_NOOP("labels", "Deferred (容缺), promised by"),
    MaterialState.LICENCE: QT_TRANSLATE_NOOP("labels", "Electronic licence"),
    MaterialState.COMMITMENT: QT_TRANSLATE_NOOP("labels", "Written commitment (告知承诺)"),
    MaterialState.NOT_APPLICABLE: QT_TRANSLATE_NOOP("labels", "Not applicable"),
}
MATERIAL_FORMS = {
    MaterialForm.ORIGINAL: QT_TRANSLATE_NOOP("labels", "original"),
    MaterialForm.COPY: QT_TRANSLATE_NOOP("labels", "copy"),
    MaterialForm.ORIGINAL_AND_COPY: QT_TRANSLATE_NOOP("labels", "original and copy"),
    MaterialForm.ELECTRONIC: QT_TRANSLATE_NOOP("labels", "electronic"),
}
DECISIONS = {
    Decision.ACCEPT: QT_TRANSLATE_NOOP("labels", "Accept (受理)"),
    Decision.SUPPLEMENT: QT_TRANSLATE_NOOP("labels", "Ask for more (补正, one-time notice)"),
    Decision.REJECT: QT_TRANSLATE_NOOP("labels", "Refuse (不予受理)"),
    Decision.RECEIVE: QT_TRANSLATE_NOOP("labels", "Receive only (接件)"),
}
SYNC_STATES = {
    "starting": QT_TRANSLATE_NOOP("labels", "Starting"),
    "syncing": QT_TRANSLATE_NOOP("labels", "Sending…"),
    "ok": QT_TRANSLATE_NOOP("labels", "Online"),
    "offline": QT_TRANSLATE_NOOP("labels", "Offline"),
    "hub_busy": QT_TRANSLATE_NOOP("labels", "Platform busy"),
    "revoked": QT_TRANSLATE_NOOP("labels", "Station revoked"),
    "not_enrolled": QT_TRANSLATE_NOOP("labels", "Not enrolled"),
    "credential_rejected": QT_TRANSLATE_NOOP("labels", "Credential rejected"),
    "no_hub": QT_TRANSLATE_NOOP("labels", "Offline (no platform configured)"),
    "stopped": QT_TRANSLATE_NOOP("labels", "Stopped"),
    "error": QT_TRANSLATE_NOOP("labels", "Sync error"),
}
READER_STATES = {
    "connected": QT_TRANSLATE_NOOP("labels", "Reader ready"),
    "no_reader": QT_TRANSLATE_NOOP("labels", "No reader"),
    "reader_error": QT_TRANSLATE_NOOP("labels", "Reader error"),
    "sam_error": QT_TRANSLATE_NOOP("labels", "Reader security module error"),
    "none": QT_TRANSLATE_NOOP("labels", "No reader configured"),
}
NOTICE_KINDS = {
    "acceptance": QT_TRANSLATE_NOOP("labels", "acceptance notice"),
    "supplement": QT_TRANSLATE_NOOP("labels", "supplement notice"),
    "rejection": QT_TRANSLATE_NOOP("labels", "refusal notice"),
    "promise": QT_TRANSLATE_NOOP("labels", "容缺 promise"),
    "commitment": QT_TRANSLATE_NOOP("labels", "告知承诺书"),
    "materials": QT_TRANSLATE_NOOP("labels", "materials receipt"),
    "completion": QT_TRANSLATE_NOOP("labels", "completion notice"),
    "ticket": QT_TRANSLATE_NOOP("labels", "queue ticket"),
    "delivery": QT_TRANSLATE_NOOP("labels", "送达回证"),
    "withdrawal": QT_TRANSLATE_NOOP("labels", "withdrawal receipt"),
}


def label(table: Mapping[Any, str], key: object) -> str:
    source = table.get(key)
    return QCoreApplication.translate(CTX, source) if source else str(key)


SCOPES = {
    "local": QT_TRANSLATE_NOOP("labels", "handled only where it is decided"),
    "county": QT_TRANSLATE_NOOP("labels", "anywhere in the county (县域通办)"),
    "city": QT_TRANSLATE_NOOP("labels", "anywhere in the city (市域通办)"),
    "province": QT_TRANSLATE_NOOP("labels", "anywhere in the province (省内通办)"),
    "national": QT_TRANSLATE_NOOP("labels", "anywhere in China (跨省通办)"),
}
DELIVERY = {
    "window": QT_TRANSLATE_NOOP("labels", "collect at the window"),
    "post": QT_TRANSLATE_NOOP("labels", "by post"),
    "electronic": QT_TRANSLATE_NOOP("labels", "electronic"),
}

#: The kinds of change an outbox item carries (the village station's waiting list).
OUTBOX_OPS = {
    "case.create": QT_TRANSLATE_NOOP("labels", "new case"),
    "case.transition": QT_TRANSLATE_NOOP("labels", "status change"),
    "case.materials": QT_TRANSLATE_NOOP("labels", "materials"),
    "case.evaluation": QT_TRANSLATE_NOOP("labels", "evaluation"),
    "case.deliver": QT_TRANSLATE_NOOP("labels", "delivery"),
}

INBOX_KINDS = {
    "decision": QT_TRANSLATE_NOOP("labels", "Department decision"),
    "supplement_request": QT_TRANSLATE_NOOP("labels", "补正 requested by the department"),
    "catalog": QT_TRANSLATE_NOOP("labels", "Catalog update"),
    "calendar": QT_TRANSLATE_NOOP("labels", "Calendar update"),
    "notice": QT_TRANSLATE_NOOP("labels", "Notice to the station"),
    "operator": QT_TRANSLATE_NOOP("labels", "Operator list change"),
}

#: A case's own sync state (intake.views.CaseView.sync_state), said honestly.
CASE_SYNC = {
    "saved": QT_TRANSLATE_NOOP("labels", "Saved here"),
    "waiting": QT_TRANSLATE_NOOP("labels", "Waiting to send"),
    "sent": QT_TRANSLATE_NOOP("labels", "Sent, not yet confirmed"),
    "acknowledged": QT_TRANSLATE_NOOP("labels", "Confirmed by the platform"),
    "rejected": QT_TRANSLATE_NOOP("labels", "Rejected by the platform"),
}
CHANNELS = {
    "counter": QT_TRANSLATE_NOOP("labels", "Counter"),
    "village": QT_TRANSLATE_NOOP("labels", "Village station"),
    "kiosk": QT_TRANSLATE_NOOP("labels", "Kiosk"),
}
#: How the applicant chose to receive the result (intake.views.DeliveryWay).
DELIVERY_WAYS = {
    "window": QT_TRANSLATE_NOOP("labels", "Collect at the window"),
    "post": QT_TRANSLATE_NOOP("labels", "By post (邮寄送达)"),
    "electronic": QT_TRANSLATE_NOOP("labels", "Electronic delivery"),
}
#: History events that are not a status (intake.status.Event).
CASE_EVENTS = {
    "special_start": QT_TRANSLATE_NOOP("labels", "Special procedure started (clock paused)"),
    "special_end": QT_TRANSLATE_NOOP("labels", "Special procedure ended"),
    "materials_updated": QT_TRANSLATE_NOOP("labels", "Materials handed in"),
    "evaluated": QT_TRANSLATE_NOOP("labels", "Rated (好差评)"),
    "extended": QT_TRANSLATE_NOOP("labels", "Time limit extended"),
    "deemed_accepted": QT_TRANSLATE_NOOP("labels", "Deemed accepted (§32)"),
    "citizen_confirmed": QT_TRANSLATE_NOOP("labels", "Applicant confirmed the data"),
    "confirmation_skipped": QT_TRANSLATE_NOOP("labels", "Confirmation skipped"),
    "evaluation_skipped": QT_TRANSLATE_NOOP("labels", "Rating skipped"),
    "signed": QT_TRANSLATE_NOOP("labels", "Signed on screen"),
    "visited": QT_TRANSLATE_NOOP("labels", "Applicant came in person"),
    "commitment_checked": QT_TRANSLATE_NOOP("labels", "Commitment verified (核查)"),
}
#: Why the applicant came (the note of a "visited" row).
VISIT_KINDS = {
    "intake": QT_TRANSLATE_NOOP("labels", "to apply"),
    "supplement": QT_TRANSLATE_NOOP("labels", "to hand in materials"),
    "collection": QT_TRANSLATE_NOOP("labels", "to collect the result"),
    "other": QT_TRANSLATE_NOOP("labels", "other"),
}
AUDIT_ACTIONS = {
    "view": QT_TRANSLATE_NOOP("labels", "viewed"),
    "print": QT_TRANSLATE_NOOP("labels", "printed"),
    "export": QT_TRANSLATE_NOOP("labels", "exported"),
    "create": QT_TRANSLATE_NOOP("labels", "recorded"),
    "change": QT_TRANSLATE_NOOP("labels", "changed"),
}
