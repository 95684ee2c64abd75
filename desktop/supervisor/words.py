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
