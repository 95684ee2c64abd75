"""Translated names the supervisor's pages show for the core's codes (roles, audit actions,
connection states, settings keys)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore

from desktop.labels import label

QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

ROLES = {
    "clerk": QT_TRANSLATE_NOOP("labels", "Counter clerk (综窗人员)"),
    "agent": QT_TRANSLATE_NOOP("labels", "Village agent (代办员)"),
    "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("labels", "Administrator"),
}
AUDIT_ACTIONS = {
    "login": QT_TRANSLATE_NOOP("labels", "Logged in"),
    "login_failed": QT_TRANSLATE_NOOP("labels", "Login failed"),
    "login_locked": QT_TRANSLATE_NOOP("labels", "Login refused (locked)"),
    "password_change": QT_TRANSLATE_NOOP("labels", "Changed own password"),
    "operator.locked": QT_TRANSLATE_NOOP("labels", "Operator locked"),
    "operator.add": QT_TRANSLATE_NOOP("labels", "Operator added"),
    "operator.enable": QT_TRANSLATE_NOOP("labels", "Operator enabled"),
    "operator.disable": QT_TRANSLATE_NOOP("labels", "Operator disabled"),
    "operator.role": QT_TRANSLATE_NOOP("labels", "Role changed"),
    "operator.reset_password": QT_TRANSLATE_NOOP("labels", "Password reset"),
    "operator.unlock": QT_TRANSLATE_NOOP("labels", "Operator unlocked"),
    "operator.platform": QT_TRANSLATE_NOOP("labels", "Operator changed by the platform"),
    "settings.change": QT_TRANSLATE_NOOP("labels", "Setting changed"),
    "outbox.retry": QT_TRANSLATE_NOOP("labels", "Quarantined change sent again"),
    "audit.verify": QT_TRANSLATE_NOOP("labels", "Audit chain verified"),
    "view": QT_TRANSLATE_NOOP("labels", "Viewed"),
    "print": QT_TRANSLATE_NOOP("labels", "Printed"),
    "reprint": QT_TRANSLATE_NOOP("labels", "Reprinted"),
    "export": QT_TRANSLATE_NOOP("labels", "Exported"),
    "create": QT_TRANSLATE_NOOP("labels", "Case recorded"),
    "change": QT_TRANSLATE_NOOP("labels", "Case changed"),
    "attach": QT_TRANSLATE_NOOP("labels", "Attachment added"),
    "view_attachment": QT_TRANSLATE_NOOP("labels", "Attachment viewed"),
    "rectification": QT_TRANSLATE_NOOP("labels", "差评 rectification"),
}
#: the steps of a rectification's audit detail ("callback reached <case> <department>")
RECTIFICATION_STEPS = {
    "open": QT_TRANSLATE_NOOP("labels", "opened"),
    "rectified": QT_TRANSLATE_NOOP("labels", "rectified"),
    "callback reached": QT_TRANSLATE_NOOP("labels", "called back, reached"),
    "callback not_reached": QT_TRANSLATE_NOOP("labels", "called back, not reached"),
    "appeal upheld": QT_TRANSLATE_NOOP("labels", "appeal upheld"),
    "appeal rejected": QT_TRANSLATE_NOOP("labels", "appeal rejected"),
    "appeal": QT_TRANSLATE_NOOP("labels", "appeal filed"),
}
CONNECTION = {
    "reachable": QT_TRANSLATE_NOOP("labels", "Reachable: the platform answered."),
    "tls_untrusted": QT_TRANSLATE_NOOP(
        "labels", "The platform's certificate is not trusted (TLS): install the CA file."
    ),
    "captive_portal": QT_TRANSLATE_NOOP(
        "labels",
        "A login page answered instead of the platform (captive portal): log in to the network first.",  # noqa: E501
    ),
    "refused": QT_TRANSLATE_NOOP("labels", "Connection refused: nothing listens at that address."),
    "timeout": QT_TRANSLATE_NOOP("labels", "No answer in time (timeout)."),
    "unknown_host": QT_TRANSLATE_NOOP("labels", "The host name is unknown (DNS)."),
    "unreachable": QT_TRANSLATE_NOOP("labels", "The address cannot be reached."),
    "hub_busy": QT_TRANSLATE_NOOP("labels", "The platform is busy: try again later."),
    "hub_error": QT_TRANSLATE_NOOP("labels", "The platform answered with an error."),
}
BACKENDS = {
    "none": QT_TRANSLATE_NOOP("labels", "No reader"),
    "sam-serial": QT_TRANSLATE_NOOP("labels", "ID card reader (GA 467, serial / USB)"),
    "pcsc": QT_TRANSLATE_NOOP("labels", "PC/SC reader"),
    "vendor": QT_TRANSLATE_NOOP("labels", "Vendor SDK library"),
    "simulated": QT_TRANSLATE_NOOP("labels", "Simulated (training)"),
}


def role_name(role: str) -> str:
    return label(ROLES, role)


def action_name(action: str) -> str:
    return label(AUDIT_ACTIONS, action)


OPERATIONS = {
    "case.create": QT_TRANSLATE_NOOP("labels", "New case"),
    "case.transition": QT_TRANSLATE_NOOP("labels", "Status change"),
    "case.materials": QT_TRANSLATE_NOOP("labels", "Materials change"),
    "case.evaluation": QT_TRANSLATE_NOOP("labels", "Evaluation (好差评)"),
}

SETTING_NAMES = {
    "office_name": QT_TRANSLATE_NOOP("labels", "office name"),
    "station_code": QT_TRANSLATE_NOOP("labels", "station code"),
    "area_code": QT_TRANSLATE_NOOP("labels", "area code"),
    "phone": QT_TRANSLATE_NOOP("labels", "phone"),
    "address": QT_TRANSLATE_NOOP("labels", "address"),
    "hub_url": QT_TRANSLATE_NOOP("labels", "hub address"),
    "agency_abbr": QT_TRANSLATE_NOOP("labels", "机关代字"),
    "reader_backend": QT_TRANSLATE_NOOP("labels", "card reader"),
    "reader_port": QT_TRANSLATE_NOOP("labels", "reader port"),
    "printers": QT_TRANSLATE_NOOP("labels", "printers"),
    "paper_size": QT_TRANSLATE_NOOP("labels", "paper"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("labels", "idle lock (minutes)"),
    "kiosk_timeout_seconds": QT_TRANSLATE_NOOP("labels", "kiosk timeout (seconds)"),
    "masking": QT_TRANSLATE_NOOP("labels", "masking"),
}
CHANGE_DETAILS = {
    "materials": QT_TRANSLATE_NOOP("labels", "materials"),
    "evaluation": QT_TRANSLATE_NOOP("labels", "evaluation (好差评)"),
    "reprint": QT_TRANSLATE_NOOP("labels", "reprint"),
}


def detail_text(action: str, detail: str) -> str:
    """The audit row's detail as a supervisor reads it: the core's codes in Chinese, the
    values themselves (ids, old → new) as they were recorded."""
    from desktop.labels import NOTICE_KINDS
    from intake.status import STATUS_LABELS, Status

    if detail in {s.value for s in Status}:
        return STATUS_LABELS[Status(detail)]
    if detail in CHANGE_DETAILS:
        return label(CHANGE_DETAILS, detail)
    if action == "print":
        kind, _, rest = detail.partition(" ")
        return " ".join(
            filter(None, (label(NOTICE_KINDS, kind), label(CHANGE_DETAILS, rest) if rest else ""))
        )
    if action == "operator.locked":
        number = detail.split(" ", 1)[0]
        return QtCore.QCoreApplication.translate("labels", "{n} wrong passwords in a row").format(
            n=number
        )
    if action == "audit.verify":
        outcome, _, number = detail.partition(" ")
        translate = QtCore.QCoreApplication.translate
        if outcome == "ok":
            return translate("labels", "intact, {n} rows").format(n=number)
        return translate("labels", "broken at row {n}").format(n=number)
    if action == "rectification":
        for step in sorted(RECTIFICATION_STEPS, key=len, reverse=True):
            if detail == step or detail.startswith(step + " "):
                return f"{label(RECTIFICATION_STEPS, step)}{detail[len(step) :]}"
        return detail
    if action == "settings.change":
        key, sep, rest = detail.partition(": ")
        return f"{label(SETTING_NAMES, key)}: {rest}" if sep else detail
    if action in ("operator.add", "operator.role"):
        for role in ROLES:
            detail = detail.replace(f" {role}", f" {role_name(role)}")
        return detail
    return detail
