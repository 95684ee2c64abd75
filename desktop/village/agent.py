"""帮办代办 at the village station: the agent's own card, read once (Ctrl+Shift+F2) and kept,
so every intake starts with the agent as the 代办人 beside the applicant whose card is read
(F2). Shift+F2 still reads another agent's card, for that one case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.messages import for_exception, message
from intake.identity import Identity


def card_person(identity: Identity) -> dict[str, Any]:
    return {
        "name": identity.name,
        "doc_type": identity.doc_type.value,
        "id_number": identity.id_number,
        "sex": identity.sex or None,
        "birth_date": identity.birth_date.isoformat() if identity.birth_date else None,
        "address": identity.address or "",
    }


class OwnAgentCard(QObject):
    """Loads the operator's kept card at login and reads a new one on request."""

    def __init__(self, window: Any, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.person: dict[str, Any] | None = None
        station, operator = ctx.station, ctx.operator_id
        ctx.runner.read(lambda: station.agent_cards.own(operator), self._loaded)

    def _loaded(self, person: dict[str, Any] | None) -> None:
        if person is None:
            self._say(
                QCoreApplication.translate(
                    "OwnAgentCard",
                    "Read your own ID card once (Ctrl+Shift+F2): your cases then record you "
                    "as the agent (代办人).",
                )
            )
            return
        self._use(person)

    def read(self) -> None:
        devices = self.ctx.devices
        if devices is None:
            self._say(message("reader.none"))
            return
        self._say(QCoreApplication.translate("OwnAgentCard", "Reading your own card…"))
        future = devices.read()
        future.add_done_callback(lambda f: self.ctx.bridge.post(lambda: self._read(f)))

    def _read(self, future: Any) -> None:
        assert_ui_thread()
        exc = future.exception()
        if exc is not None:
            self._say(for_exception(exc))
            return
        person = card_person(future.result())
        station, operator = self.ctx.station, self.ctx.operator_id
        self.ctx.runner.write(
            lambda: station.agent_cards.remember(operator, person),
            self._kept,
            lambda e: self._say(for_exception(e)),
        )

    def _kept(self, person: dict[str, Any]) -> None:
        screen = self.window.screen_
        screen.flow.agent = None  # the intake on the screen takes the new card too
        self._use(person)
        self._say(
            QCoreApplication.translate(
                "OwnAgentCard", "Your own card is kept: your cases record {name} as the agent."
            ).format(name=person["name"])
        )

    def _use(self, person: dict[str, Any]) -> None:
        self.person = person
        screen = self.window.screen_
        screen.default_agent = person
        screen.use_default_agent()
        screen.refresh()

    def _say(self, text: str) -> None:
        status = getattr(self.window, "status", None)
        if status is not None:
            status.show_message(text)
