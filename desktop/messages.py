"""Error codes and problem codes → what the clerk reads: one table, translated.

The core raises typed errors with stable dotted codes (intake.errors); this module is the
only place that turns a code into words, each with what to do next. A code not listed falls
back to its family ("printer.", "card." …), and last to a generic message that shows the
code, so support can look it up. Source strings are English; zh_CN is the default language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

#: marks a source string for lupdate; typed for mypy (the stub says it returns object)
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

CTX = "messages"


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


#: code → English source text ({name} placeholders are filled from the problem's params)
MESSAGES: Mapping[str, str] = {
    # the applicant and the request
    "request.required": QT_TRANSLATE_NOOP("messages", "This value is required."),
    "request.phone": QT_TRANSLATE_NOOP(
        "messages", "Enter a mobile number (11 digits) or a landline such as 0731-84011234."
    ),
    "request.org_code": QT_TRANSLATE_NOOP(
        "messages", "The unified social credit code has 18 characters."
    ),
    "request.matters": QT_TRANSLATE_NOOP("messages", "Choose a matter or a bundle first (Ctrl+K)."),
    "request.level": QT_TRANSLATE_NOOP(
        "messages", "A matter chosen here cannot be received at a village station."
    ),
    "request.kiosk": QT_TRANSLATE_NOOP("messages", "A kiosk only pre-accepts; a clerk decides."),
    "request.unknown_material": QT_TRANSLATE_NOOP(
        "messages", "This material is not asked for by the chosen matters."
    ),
    "request.unknown_matter": QT_TRANSLATE_NOOP(
        "messages", "This matter is not in the current catalog."
    ),
    "request.operator": QT_TRANSLATE_NOOP(
        "messages", "The operator is unknown or disabled: log in again."
    ),
    "request.type": QT_TRANSLATE_NOOP("messages", "This value has the wrong type."),
    "request.choice": QT_TRANSLATE_NOOP("messages", "Choose one of the offered values."),
    "request.date": QT_TRANSLATE_NOOP("messages", "Enter a date as YYYY-MM-DD."),
    "request.datetime": QT_TRANSLATE_NOOP("messages", "The time of receipt is not valid."),
    "request.duplicate": QT_TRANSLATE_NOOP("messages", "A matter is listed twice."),
    "request.too_long": QT_TRANSLATE_NOOP("messages", "This text is too long."),
    "request.control_char": QT_TRANSLATE_NOOP(
        "messages", "This text contains characters that cannot be recorded."
    ),
    "request.received_at": QT_TRANSLATE_NOOP(
        "messages", "The time of receipt is out of range: check the computer's clock."
    ),
    "request.area_code": QT_TRANSLATE_NOOP(
        "messages", "Enter a 12-digit administrative area code."
    ),
    "request.digits": QT_TRANSLATE_NOOP(
        "messages", "Use the digits 0-9 (digits of another script are not accepted)."
    ),
    "request.unknown_key": QT_TRANSLATE_NOOP("messages", "The request carries an unknown item."),
    "request.area_scope": QT_TRANSLATE_NOOP(
        "messages", "This place is outside the area where the matter may be handled (通办范围)."
    ),
    "request.answers": QT_TRANSLATE_NOOP(
        "messages", "Situation answers belong to a bundle (一件事)."
    ),
    "bundle.unanswered": QT_TRANSLATE_NOOP(
        "messages", "Answer every situation question of the bundle first."
    ),
    "bundle.answer": QT_TRANSLATE_NOOP("messages", "Choose one of the offered answers."),
    "bundle.unknown_situation": QT_TRANSLATE_NOOP(
        "messages", "This bundle does not ask that question."
    ),
    "case.window_cannot_complete": QT_TRANSLATE_NOOP(
        "messages", "The window may complete (办结) only immediate matters it is authorised for."
    ),
    "case.special_procedure_station": QT_TRANSLATE_NOOP(
        "messages",
        "A special procedure (特别程序) is started by the department, not at the window.",
    ),
    "case.illegal_transition": QT_TRANSLATE_NOOP(
        "messages", "This step is not possible in the case's present state."
    ),
    "case.not_found": QT_TRANSLATE_NOOP(
        "messages", "No case with this number here: check the number, or search with Ctrl+F."
    ),
    "scanner.unavailable": QT_TRANSLATE_NOOP(
        "messages",
        "The scanner on {port} does not answer: check its cable. Receipts can still be "
        "found with Ctrl+F.",
    ),
    "scan.verify": QT_TRANSLATE_NOOP(
        "messages",
        "The receipt's check code does not match this case: it was not opened. "
        "Find the case with Ctrl+F.",
    ),
    # ID numbers
    "id.checksum": QT_TRANSLATE_NOOP(
        "messages", "The ID number's check digit is wrong: check the last character."
    ),
    "id.length": QT_TRANSLATE_NOOP("messages", "A resident ID number has 18 characters."),
    "id.format": QT_TRANSLATE_NOOP(
        "messages", "The ID number has characters that do not belong there."
    ),
    "id.region": QT_TRANSLATE_NOOP(
        "messages", "The ID number's first six digits are not an area code."
    ),
    "id.birth_date": QT_TRANSLATE_NOOP("messages", "The ID number's birth date does not exist."),
    "id.future_birth": QT_TRANSLATE_NOOP(
        "messages", "The ID number's birth date lies in the future."
    ),
    "id.empty": QT_TRANSLATE_NOOP("messages", "Enter the document number."),
    "id.kind": QT_TRANSLATE_NOOP("messages", "This number does not fit the chosen document type."),
    "id.invalid": QT_TRANSLATE_NOOP("messages", "The document number is not valid."),
    # the form
    "form.required": QT_TRANSLATE_NOOP("messages", "{label} is required."),
    "form.length": QT_TRANSLATE_NOOP("messages", "This text is too long or too short."),
    "form.pattern": QT_TRANSLATE_NOOP("messages", "This value does not have the expected format."),
    "form.range": QT_TRANSLATE_NOOP("messages", "This number is outside the allowed range."),
    "form.type": QT_TRANSLATE_NOOP(
        "messages", "This value has the wrong type (a number or a date is expected)."
    ),
    "form.date": QT_TRANSLATE_NOOP("messages", "Enter a date as YYYY-MM-DD."),
    "form.phone": QT_TRANSLATE_NOOP("messages", "Enter a mobile number (11 digits) or a landline."),
    "form.id_number": QT_TRANSLATE_NOOP("messages", "The ID number is not valid."),
    "form.option": QT_TRANSLATE_NOOP("messages", "Choose one of the offered values."),
    "form.control_char": QT_TRANSLATE_NOOP(
        "messages", "This text contains characters that cannot be recorded."
    ),
    "form.unknown_field": QT_TRANSLATE_NOOP("messages", "This field does not belong to the form."),
    # materials and the decision
    "material.not_deferrable": QT_TRANSLATE_NOOP(
        "messages", "This material cannot be promised for later (容缺)."
    ),
    "material.promise_date": QT_TRANSLATE_NOOP(
        "messages", "A 容缺 promise needs a date after today, within the promised time limit."
    ),
    "material.no_licence": QT_TRANSLATE_NOOP(
        "messages", "No electronic licence can replace this material."
    ),
    "material.licence_number": QT_TRANSLATE_NOOP(
        "messages", "Enter the electronic licence number."
    ),
    "material.original_required": QT_TRANSLATE_NOOP(
        "messages", "The original of this material must be seen."
    ),
    "material.no_commitment": QT_TRANSLATE_NOOP(
        "messages", "A written commitment (告知承诺) cannot replace this material."
    ),
    "decision.materials_missing": QT_TRANSLATE_NOOP(
        "messages", "Required materials are missing: issue a 补正 notice instead."
    ),
    "decision.nothing_to_supplement": QT_TRANSLATE_NOOP(
        "messages", "A 补正 notice must name a missing or non-conforming material."
    ),
    "decision.reason_required": QT_TRANSLATE_NOOP("messages", "A refusal states its reason."),
    "decision.legal_basis_required": QT_TRANSLATE_NOOP(
        "messages", "A refusal states its legal basis."
    ),
    "decision.refer_to_required": QT_TRANSLATE_NOOP(
        "messages", "Name the authority the applicant should apply to (not this authority's)."
    ),
    "decision.refer_to_unexpected": QT_TRANSLATE_NOOP(
        "messages", "Another authority is named only when the matter is not this authority's."
    ),
    "decision.reason_kind_unexpected": QT_TRANSLATE_NOOP(
        "messages", "Only a refusal (不予受理) has a kind of reason."
    ),
    "delivery.not_offered": QT_TRANSLATE_NOOP(
        "messages", "These matters do not deliver their result this way: choose another."
    ),
    "delivery.address_required": QT_TRANSLATE_NOOP(
        "messages", "Delivery by post needs the postal address."
    ),
    "delivery.address_not_post": QT_TRANSLATE_NOOP(
        "messages", "A postal address belongs to delivery by post."
    ),
    # login, station, store
    "auth.failed": QT_TRANSLATE_NOOP("messages", "Wrong operator or password."),
    "auth.forbidden": QT_TRANSLATE_NOOP("messages", "Your role may not do this: ask a supervisor."),
    # the kiosk and the queue
    "auth.not_supervisor": QT_TRANSLATE_NOOP("messages", "Only a supervisor may leave kiosk mode."),
    "queue.no_ticket": QT_TRANSLATE_NOOP(
        "messages", "No ticket with this number today: check the number."
    ),
    "queue.ticket_state": QT_TRANSLATE_NOOP(
        "messages", "Ticket {ticket} is no longer waiting or called: refresh the queue."
    ),
    "queue.same_queue": QT_TRANSLATE_NOOP("messages", "The ticket is already in that queue."),
    "queue.unknown": QT_TRANSLATE_NOOP("messages", "This queue is not configured at this hall."),
    "queue.full": QT_TRANSLATE_NOOP(
        "messages", "This queue gave out all its numbers today: use another queue."
    ),
    "queue.none": QT_TRANSLATE_NOOP("messages", "No service queue is configured."),
    "queue.config": QT_TRANSLATE_NOOP(
        "messages", "The queue configuration is not valid (codes and letters must be unique)."
    ),
    "kiosk.no_pre_intake": QT_TRANSLATE_NOOP(
        "messages",
        "No pending pre-intake for this ticket or card: start the intake at the counter.",
    ),
    "kiosk.too_large": QT_TRANSLATE_NOOP(
        "messages", "What was filled in is too large to be kept: ask at the counter."
    ),
    "auth.locked": QT_TRANSLATE_NOOP(
        "messages",
        "Too many wrong passwords: this operator is locked for {minutes} more minute(s) (until {until}), or until a supervisor unlocks it.",  # noqa: E501
    ),
    "auth.failed_left": QT_TRANSLATE_NOOP(
        "messages", "Wrong operator or password. {left} attempt(s) left before the lock-out."
    ),
    "operator.id": QT_TRANSLATE_NOOP(
        "messages", "An operator id has 2-40 letters, digits, '_', '.' or '-'."
    ),
    "operator.name": QT_TRANSLATE_NOOP("messages", "Enter the operator's name (1-40 characters)."),
    "operator.password": QT_TRANSLATE_NOOP("messages", "A password has at least 6 characters."),
    "operator.same_password": QT_TRANSLATE_NOOP(
        "messages", "Choose a new password, not the one you were given."
    ),
    "operator.duplicate": QT_TRANSLATE_NOOP("messages", "An operator with this id exists."),
    "operator.unknown": QT_TRANSLATE_NOOP("messages", "This operator does not exist."),
    "operator.self": QT_TRANSLATE_NOOP(
        "messages", "You cannot disable or demote yourself: ask another supervisor."
    ),
    "operator.last_supervisor": QT_TRANSLATE_NOOP(
        "messages", "The station's last supervisor cannot be disabled or demoted."
    ),
    "settings.invalid": QT_TRANSLATE_NOOP(
        "messages", "Some settings are not valid: nothing was saved."
    ),
    "settings.unknown": QT_TRANSLATE_NOOP("messages", "This setting does not exist."),
    "settings.type": QT_TRANSLATE_NOOP("messages", "This value has the wrong type."),
    "settings.too_long": QT_TRANSLATE_NOOP(
        "messages", "This text is too long (at most {limit} characters)."
    ),
    "settings.agency_abbr": QT_TRANSLATE_NOOP(
        "messages", "The 机关代字 has 1-8 Chinese characters or letters, or stays empty."
    ),
    "settings.station_code_locked": QT_TRANSLATE_NOOP(
        "messages", "The station code cannot change: recorded case numbers carry it."
    ),
    "settings.reader_backend": QT_TRANSLATE_NOOP("messages", "Choose one of the listed readers."),
    "settings.reader_port": QT_TRANSLATE_NOOP(
        "messages", "This reader needs its port, name or library file."
    ),
    "settings.document_kind": QT_TRANSLATE_NOOP("messages", "Unknown document."),
    "settings.paper_size": QT_TRANSLATE_NOOP("messages", "Choose A4 or A5."),
    "settings.idle_lock_minutes": QT_TRANSLATE_NOOP(
        "messages", "The idle lock is between {low} and {high} minutes (0: never)."
    ),
    "settings.kiosk_timeout_seconds": QT_TRANSLATE_NOOP(
        "messages", "A kiosk session ends after {low} to {high} seconds without a touch."
    ),
    "settings.masking_public": QT_TRANSLATE_NOOP(
        "messages", "The queue ticket is public: name, ID number and phone stay masked on it."
    ),
    # why the platform refused a change (the quarantine shows these)
    "case.unknown": QT_TRANSLATE_NOOP(
        "messages", "The platform does not know this case yet: its first record was refused."
    ),
    "case.not_yours": QT_TRANSLATE_NOOP(
        "messages", "The platform says this case belongs to another station."
    ),
    "case.number_taken": QT_TRANSLATE_NOOP(
        "messages", "The platform already has another case with this case number."
    ),
    "case.wrong_station": QT_TRANSLATE_NOOP("messages", "A station may only record its own cases."),
    "case.id_mismatch": QT_TRANSLATE_NOOP(
        "messages", "The change's case id and number do not match."
    ),
    "op.payload_invalid": QT_TRANSLATE_NOOP(
        "messages", "The platform found the change's content invalid."
    ),
    "op.schema_unsupported": QT_TRANSLATE_NOOP(
        "messages", "The platform is older than this station: update the platform first."
    ),
    "op.unknown": QT_TRANSLATE_NOOP("messages", "The platform does not know this kind of change."),
    "op.digest_mismatch": QT_TRANSLATE_NOOP(
        "messages", "The change arrived damaged (its checksum does not match)."
    ),
    "op.content_digest_mismatch": QT_TRANSLATE_NOOP(
        "messages", "The change arrived damaged (its checksum does not match)."
    ),
    "op.id_reused": QT_TRANSLATE_NOOP(
        "messages", "The platform already holds different content under this change's id."
    ),
    "outbox.not_quarantined": QT_TRANSLATE_NOOP(
        "messages", "This change is no longer in quarantine (it was already sent again)."
    ),
    "station.not_set_up": QT_TRANSLATE_NOOP("messages", "This station is not set up yet."),
    "catalog.none": QT_TRANSLATE_NOOP(
        "messages", "No catalog is loaded: connect to the platform or load one."
    ),
    "store.busy": QT_TRANSLATE_NOOP(
        "messages", "The store is busy: the save is retried; nothing was lost."
    ),
    "store.keyring_unavailable": QT_TRANSLATE_NOOP(
        "messages", "The system keyring is not available: the store cannot be opened."
    ),
    "store.cannot_decrypt": QT_TRANSLATE_NOOP(
        "messages", "The store cannot be decrypted with this computer's key."
    ),
    "store.missing": QT_TRANSLATE_NOOP(
        "messages",
        "The station's database is missing beside its key: restore it from the backup; "
        "a new station is never created over it.",
    ),
    "store.disk_full": QT_TRANSLATE_NOOP(
        "messages",
        "The disk is full: nothing was saved. Free some space (ask IT), then save again; "
        "what is on screen is kept.",
    ),
    "store.read_only": QT_TRANSLATE_NOOP(
        "messages", "The data folder cannot be written: nothing was saved. Ask IT to check it."
    ),
    "store.damaged": QT_TRANSLATE_NOOP(
        "messages",
        "The station's database is damaged: stop work and restore it from the backup (ask IT).",
    ),
    "store.io_error": QT_TRANSLATE_NOOP(
        "messages", "The disk reported an error: nothing was saved. Ask IT to check the disk."
    ),
    "store.cannot_open": QT_TRANSLATE_NOOP(
        "messages", "The station's database cannot be opened: ask IT to check the data folder."
    ),
    "clock.behind": QT_TRANSLATE_NOOP(
        "messages",
        "This computer's clock is earlier than the last recorded event ({latest_event_at}): "
        "nothing was saved. Set the date and time right, then save again.",
    ),
    "io.disk_full": QT_TRANSLATE_NOOP("messages", "The disk is full: free some space and retry."),
    "io.read_only": QT_TRANSLATE_NOOP("messages", "The file system is read-only."),
    "io.permission_denied": QT_TRANSLATE_NOOP("messages", "Permission denied: ask IT."),
    "io.not_found": QT_TRANSLATE_NOOP("messages", "The file was not found."),
    "auth.rate_limited": QT_TRANSLATE_NOOP(
        "messages", "The platform asks to wait a moment before trying again."
    ),
    "store.locked": QT_TRANSLATE_NOOP(
        "messages", "Another WindowDesk is using this data folder: close it and start again."
    ),
    "catalog.too_large": QT_TRANSLATE_NOOP("messages", "The catalog file is too large."),
    "catalog.older_version": QT_TRANSLATE_NOOP(
        "messages", "This catalog is older than the one in use: it was not loaded."
    ),
    "draft.too_large": QT_TRANSLATE_NOOP("messages", "The draft is too large to keep."),
    # first-run set-up
    "setup.office_name": QT_TRANSLATE_NOOP(
        "messages", "Enter the office's name (at most 80 characters)."
    ),
    "setup.station_code": QT_TRANSLATE_NOOP(
        "messages", "The station code has 2-16 capital letters or digits."
    ),
    "setup.area_code": QT_TRANSLATE_NOOP(
        "messages", "Enter the 12-digit administrative area code."
    ),
    "setup.level": QT_TRANSLATE_NOOP("messages", "Choose the kind of station."),
    "setup.hub_url": QT_TRANSLATE_NOOP(
        "messages", "The platform address starts with https:// or http://."
    ),
    "setup.enrolment_code": QT_TRANSLATE_NOOP(
        "messages", "Enter the enrolment code the platform issued."
    ),
    "setup.operator_id": QT_TRANSLATE_NOOP(
        "messages", "The operator id has 2-40 letters or digits."
    ),
    "setup.operator_name": QT_TRANSLATE_NOOP("messages", "Enter the operator's name."),
    "setup.password": QT_TRANSLATE_NOOP("messages", "A password has at least 6 characters."),
    # devices
    "card.not_found": QT_TRANSLATE_NOOP(
        "messages", "No card on the reader: place the ID card on it and press F2."
    ),
    "card.removed": QT_TRANSLATE_NOOP(
        "messages", "The card was taken away while reading: place it again and press F2."
    ),
    "card.expired": QT_TRANSLATE_NOOP("messages", "The card has expired."),
    "card.read_failed": QT_TRANSLATE_NOOP(
        "messages", "The card could not be read: place it again, or enter the data by hand."
    ),
    "card.tlv": QT_TRANSLATE_NOOP(
        "messages", "The card sent damaged data: place it again, or enter the data by hand."
    ),
    "reader.not_found": QT_TRANSLATE_NOOP(
        "messages", "No card reader found: check its cable. You can enter the data by hand."
    ),
    "reader.unplugged": QT_TRANSLATE_NOOP(
        "messages", "The card reader was unplugged: plug it in again; it is found by itself."
    ),
    "reader.permission": QT_TRANSLATE_NOOP("messages", "No permission to use the card reader."),
    "reader.busy": QT_TRANSLATE_NOOP("messages", "The card reader is busy: try again."),
    "device.config": QT_TRANSLATE_NOOP("messages", "The card reader is not configured correctly."),
    "reader.none": QT_TRANSLATE_NOOP(
        "messages", "This station has no card reader: enter the data by hand."
    ),
    # printing
    "printer.offline": QT_TRANSLATE_NOOP(
        "messages", "The printer is off or disconnected. The case is saved; reprint with Ctrl+P."
    ),
    "printer.paper_out": QT_TRANSLATE_NOOP(
        "messages", "The printer is out of paper. The case is saved; reprint with Ctrl+P."
    ),
    "printer.not_found": QT_TRANSLATE_NOOP(
        "messages", "The printer is not found. The case is saved; reprint with Ctrl+P."
    ),
    "printer.rejecting": QT_TRANSLATE_NOOP(
        "messages", "The printer refuses jobs. The case is saved; reprint with Ctrl+P."
    ),
    "printer.timeout": QT_TRANSLATE_NOOP(
        "messages", "The printer did not confirm in time. The case is saved; reprint with Ctrl+P."
    ),
    "printer.failed": QT_TRANSLATE_NOOP(
        "messages", "Printing failed. The case is saved; reprint with Ctrl+P."
    ),
    "print.unexpected": QT_TRANSLATE_NOOP(
        "messages", "Printing failed unexpectedly. The case is saved; reprint with Ctrl+P."
    ),
    "font.missing_glyph": QT_TRANSLATE_NOOP(
        "messages", "A character has no glyph in the printing font."
    ),
    # sync
    "sync.offline": QT_TRANSLATE_NOOP(
        "messages", "The platform cannot be reached; cases wait here and are sent later."
    ),
    "sync.hub_busy": QT_TRANSLATE_NOOP(
        "messages", "The platform is busy; sending is retried by itself."
    ),
    "sync.revoked": QT_TRANSLATE_NOOP(
        "messages", "This station was revoked by the platform: call the administrator."
    ),
    "sync.not_enrolled": QT_TRANSLATE_NOOP(
        "messages", "This station is not enrolled with the platform."
    ),
    "sync.tls_untrusted": QT_TRANSLATE_NOOP(
        "messages", "The platform's certificate is not trusted: call the administrator."
    ),
    "sync.captive_portal": QT_TRANSLATE_NOOP(
        "messages", "The network asks for a login page first (captive portal)."
    ),
    "sync.internal_error": QT_TRANSLATE_NOOP(
        "messages", "Sending failed unexpectedly; it is retried by itself."
    ),
    "protocol.unsupported": QT_TRANSLATE_NOOP(
        "messages", "The platform speaks a newer protocol: update WindowDesk."
    ),
    "sync.upgrade_required": QT_TRANSLATE_NOOP(
        "messages", "The platform speaks a newer protocol: update WindowDesk."
    ),
    "sync.no_hub": QT_TRANSLATE_NOOP(
        "messages", "No platform is configured: cases are kept here until one is."
    ),
    "sync.unexpected": QT_TRANSLATE_NOOP(
        "messages", "Sending failed unexpectedly; it is retried by itself."
    ),
    # the citizen screen: 好差评, 信息确认, signatures
    "evaluation.level_missing": QT_TRANSLATE_NOOP("messages", "Please choose a rating."),
    "evaluation.level": QT_TRANSLATE_NOOP("messages", "A rating is one of the five levels."),
    "evaluation.reason_required": QT_TRANSLATE_NOOP(
        "messages", "Please tell us what was not satisfactory (a few words)."
    ),
    "evaluation.reasons_required": QT_TRANSLATE_NOOP(
        "messages", "Please choose at least one reason."
    ),
    "evaluation.reason_unknown": QT_TRANSLATE_NOOP("messages", "This reason is not on the list."),
    "evaluation.reason_repeated": QT_TRANSLATE_NOOP("messages", "A reason is given twice."),
    "evaluation.reasons_not_low": QT_TRANSLATE_NOOP(
        "messages", "Reasons are given only for a dissatisfied rating."
    ),
    "evaluation.comment_invalid": QT_TRANSLATE_NOOP(
        "messages", "The comment is too long or holds characters that cannot be kept."
    ),
    "appointment.none": QT_TRANSLATE_NOOP(
        "messages", "No appointment was found for this card today."
    ),
    "appointment.too_early": QT_TRANSLATE_NOOP(
        "messages",
        "Your appointment is {slot}: check-in opens at {opens}. Please come back then.",
    ),
    "appointment.missed": QT_TRANSLATE_NOOP(
        "messages",
        "Your appointment slot {slot} has passed: please take an ordinary ticket.",
    ),
    "appointment.already_checked_in": QT_TRANSLATE_NOOP(
        "messages", "This appointment was already checked in (number {ticket})."
    ),
    "appointment.cancelled": QT_TRANSLATE_NOOP(
        "messages", "This appointment was cancelled: please take an ordinary ticket."
    ),
    "appointment.not_yours": QT_TRANSLATE_NOOP(
        "messages", "The card read is not the card this appointment was booked with."
    ),
    "appointment.other_day": QT_TRANSLATE_NOOP(
        "messages", "This appointment is for {day} ({slot}), not today."
    ),
    "returned.appointment.unknown": QT_TRANSLATE_NOOP(
        "messages",
        "The platform has no such appointment for this station: discard this check-in.",
    ),
    "returned.appointment.already_checked_in": QT_TRANSLATE_NOOP(
        "messages",
        "The platform already recorded this appointment's check-in: discard this one.",
    ),
    "evaluation.duplicate": QT_TRANSLATE_NOOP(
        "messages", "This case was already rated for this department."
    ),
    "evaluation.department_required": QT_TRANSLATE_NOOP(
        "messages", "Say which department of the case is rated."
    ),
    "evaluation.department_unknown": QT_TRANSLATE_NOOP(
        "messages", "This department does not handle this case."
    ),
    "evaluation.channel": QT_TRANSLATE_NOOP("messages", "Unknown rating channel."),
    "citizen.skip_reason_required": QT_TRANSLATE_NOOP(
        "messages", "Give the reason why the applicant's step is skipped."
    ),
    "citizen.skip_reason_invalid": QT_TRANSLATE_NOOP(
        "messages", "The reason is too long (200 characters at most) or holds control characters."
    ),
    "signature.empty": QT_TRANSLATE_NOOP("messages", "Please sign first."),
    "signature.format": QT_TRANSLATE_NOOP(
        "messages", "The signature could not be stored as an image: sign again."
    ),
    "signature.size": QT_TRANSLATE_NOOP(
        "messages", "The signature image is too large: clear it and sign again."
    ),
    "signature.document": QT_TRANSLATE_NOOP(
        "messages", "This document is not signed on the citizen screen."
    ),
    "signature.material": QT_TRANSLATE_NOOP(
        "messages", "A signature belongs to the case, not to a material."
    ),
    "attachment.kind": QT_TRANSLATE_NOOP("messages", "An attachment is a scan or a signature."),
    # the quarantine: why the platform returned an item ("returned." + the platform's code)
    "returned.op.digest_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "The change was damaged on this computer on its way out. Resend it: the case is sent "
        "again as it is now.",
    ),
    "returned.op.content_digest_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "The change was damaged on this computer on its way out. Resend it: the case is sent "
        "again as it is now.",
    ),
    "returned.op.payload_invalid": QT_TRANSLATE_NOOP(
        "messages",
        "The platform could not read this change. Open the case, check it and resend it.",
    ),
    "returned.op.id_reused": QT_TRANSLATE_NOOP(
        "messages", "The platform already has a different change under this number. Resend it."
    ),
    "returned.op.unknown": QT_TRANSLATE_NOOP(
        "messages", "The platform does not accept this kind of change: update WindowDesk."
    ),
    "returned.op.schema_unsupported": QT_TRANSLATE_NOOP(
        "messages", "The platform is older than this WindowDesk: call the administrator."
    ),
    "returned.case.unknown": QT_TRANSLATE_NOOP(
        "messages",
        "The platform does not have this case yet (its first sending was returned). "
        "Resend it: the whole case is sent.",
    ),
    "returned.case.not_yours": QT_TRANSLATE_NOOP(
        "messages", "The platform says this case belongs to another station: call the town."
    ),
    "returned.case.id_mismatch": QT_TRANSLATE_NOOP(
        "messages", "The case's number and its record do not match. Open the case and resend it."
    ),
    "returned.case.wrong_station": QT_TRANSLATE_NOOP(
        "messages",
        "The case was recorded under another station's code: call the administrator.",
    ),
    "returned.case.number_not_yours": QT_TRANSLATE_NOOP(
        "messages",
        "The case number does not belong to this station: call the administrator.",
    ),
    "returned.case.number_taken": QT_TRANSLATE_NOOP(
        "messages",
        "Another case at the platform has this case number: call the administrator; do not "
        "record the case twice.",
    ),
    "returned.evaluation.duplicate": QT_TRANSLATE_NOOP(
        "messages",
        "The platform already holds a rating of this case for this department and keeps the "
        "first one: discard this change.",
    ),
    "returned.sync.conflict": QT_TRANSLATE_NOOP(
        "messages",
        "The platform has already changed this case (a department decided): open the case, "
        "see its status, then resend or discard this change.",
    ),
    "returned.sync.item_too_large": QT_TRANSLATE_NOOP(
        "messages",
        "This change is too large to send (over 1 MiB): open the case, remove a scan, resend.",
    ),
    "handover.names_required": QT_TRANSLATE_NOOP(
        "messages", "Enter who handed the paper over and who received it."
    ),
    "handover.name_too_long": QT_TRANSLATE_NOOP("messages", "A name is too long."),
    "handover.nothing": QT_TRANSLATE_NOOP(
        "messages", "Nothing of these cases is waiting to be handed over."
    ),
    "handover.already": QT_TRANSLATE_NOOP(
        "messages",
        "The paper of a ticked case was already handed over: the list is refreshed, tick again.",
    ),
    "handover.not_found": QT_TRANSLATE_NOOP("messages", "No such hand-over."),
    "quarantine.reason_required": QT_TRANSLATE_NOOP(
        "messages", "Say why the returned item is discarded."
    ),
    "quarantine.not_found": QT_TRANSLATE_NOOP(
        "messages", "This returned item was already resolved."
    ),
    # follow-ups (desktop.followups): 补正, 容缺, 告知承诺 核查, 送达, 撤件
    "supplement.not_listed": QT_TRANSLATE_NOOP(
        "messages",
        "{material} was not listed in the one-time 补正 notice: the window may not ask for it now.",
    ),
    "supplement.second_notice": QT_TRANSLATE_NOOP(
        "messages",
        "This case already had its one-time 补正 notice; only the department may ask again.",
    ),
    "supplement.not_waiting": QT_TRANSLATE_NOOP(
        "messages", "This case is not waiting for 补正 materials any more: reload the list."
    ),
    "deferred.not_promised": QT_TRANSLATE_NOOP(
        "messages", "This material is not promised (容缺) on this case any more: reload the list."
    ),
    "deferred.state": QT_TRANSLATE_NOOP(
        "messages", "A material brought is received as an original or a copy."
    ),
    "deferred.case_closed": QT_TRANSLATE_NOOP(
        "messages", "This case is closed: nothing more is received for it."
    ),
    "verification.outcome_required": QT_TRANSLATE_NOOP(
        "messages", "Say what follows the untrue promise (撤销, 信用记录 …)."
    ),
    "verification.not_commitment": QT_TRANSLATE_NOOP(
        "messages", "This material was not accepted on a written commitment (告知承诺)."
    ),
    "verification.duplicate": QT_TRANSLATE_NOOP(
        "messages", "The 核查 of this material is already recorded."
    ),
    "delivery.tracking_required": QT_TRANSLATE_NOOP(
        "messages", "Enter the mail's tracking number."
    ),
    "delivery.tracking_number": QT_TRANSLATE_NOOP(
        "messages", "A tracking number has letters and digits only (at most 40)."
    ),
    "delivery.tracking_not_mail": QT_TRANSLATE_NOOP(
        "messages", "A tracking number belongs to a delivery by mail."
    ),
    "delivery.mail_collector": QT_TRANSLATE_NOOP(
        "messages", "A result sent by mail is not collected at the window."
    ),
    "delivery.window_collector": QT_TRANSLATE_NOOP(
        "messages", "Say who collects the result at the window."
    ),
    "delivery.agent_name": QT_TRANSLATE_NOOP("messages", "Enter the agent's name."),
    "delivery.agent_id": QT_TRANSLATE_NOOP(
        "messages", "Enter the agent's ID number, or read their card with F2."
    ),
    "withdraw.reason_required": QT_TRANSLATE_NOOP(
        "messages", "Enter the applicant's reason for withdrawing."
    ),
    "rectification.state": QT_TRANSLATE_NOOP(
        "messages", "This step does not follow from where the rectification stands."
    ),
    "rectification.appeal_done": QT_TRANSLATE_NOOP(
        "messages", "This rating was appealed already: an appeal is filed once."
    ),
    "rectification.not_found": QT_TRANSLATE_NOOP("messages", "No such rectification item."),
    "rectification.outcome_missing": QT_TRANSLATE_NOOP(
        "messages", "Choose the appeal's outcome: upheld or rejected."
    ),
}

#: a family's message when the exact code is not listed
FAMILIES: Mapping[str, str] = {
    "request": QT_TRANSLATE_NOOP("messages", "This value is not valid."),
    "form": QT_TRANSLATE_NOOP("messages", "This value is not valid."),
    "id": QT_TRANSLATE_NOOP("messages", "The document number is not valid."),
    "card": QT_TRANSLATE_NOOP(
        "messages", "The card could not be read: place it again, or enter the data by hand."
    ),
    "pcsc": QT_TRANSLATE_NOOP(
        "messages", "The card could not be read: place it again, or enter the data by hand."
    ),
    "sam": QT_TRANSLATE_NOOP(
        "messages",
        "The card reader's security module failed: unplug the reader and plug it in again.",
    ),
    "reader": QT_TRANSLATE_NOOP("messages", "The card reader does not answer: check its cable."),
    "device": QT_TRANSLATE_NOOP("messages", "The card reader does not answer: check its cable."),
    "printer": QT_TRANSLATE_NOOP(
        "messages", "Printing failed. The case is saved; reprint with Ctrl+P."
    ),
    "print": QT_TRANSLATE_NOOP(
        "messages", "Printing failed. The case is saved; reprint with Ctrl+P."
    ),
    "sync": QT_TRANSLATE_NOOP(
        "messages", "Sending to the platform failed; it is retried by itself."
    ),
    "store": QT_TRANSLATE_NOOP(
        "messages", "The local store reported a problem; nothing recorded was lost."
    ),
    "catalog": QT_TRANSLATE_NOOP("messages", "The catalog has a problem: call the administrator."),
    "material": QT_TRANSLATE_NOOP("messages", "This material's state is not allowed here."),
    "decision": QT_TRANSLATE_NOOP(
        "messages", "This decision is not possible with what was entered."
    ),
    "evaluation": QT_TRANSLATE_NOOP("messages", "This rating cannot be recorded."),
    "signature": QT_TRANSLATE_NOOP("messages", "The signature could not be stored: sign again."),
    "returned": QT_TRANSLATE_NOOP(
        "messages",
        "The platform returned this change (code {code}). Open the case, check it and resend it.",
    ),
}
GENERIC = QT_TRANSLATE_NOOP("messages", "The operation could not be completed (code {code}).")


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The translated text for ``code``, its placeholders filled from ``params``."""
    source = MESSAGES.get(code) or FAMILIES.get(code.split(".", 1)[0]) or GENERIC
    return _t(source).format_map(_Keep({"code": code, **(params or {})}))


def for_exception(exc: BaseException) -> str:
    """What the clerk reads for a failed operation (never a traceback, never personal data)."""
    problems = getattr(exc, "problems", None)
    if problems:
        return "\n".join(message(p.code, p.params) for p in problems)
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        return message(code, getattr(exc, "details", None))
    if isinstance(exc, OSError):
        return message("store.error")
    return message("unexpected")
