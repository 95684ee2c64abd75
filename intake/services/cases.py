"""Recording and changing cases: every change is one transaction writing the case, its
history row(s), an outbox row for sync and an audit row.

The clerk's accept (受理 / 补正 / 不予受理 / kiosk 接件), the station's later transitions
(送达, 撤件, 补正 materials handed in) and the platform's department decisions (承办 …
办结, which sync applies) all pass through here, so the state machine is enforced once.

``CaseService`` is the one object the station and the other services hold; its parts live
in modules with one job each:

- ``intake.rules``: the pure request checks (no database; the GUI calls them per keystroke);
- ``case_rows``: the rows a case is stored as, built without a database;
- ``case_base``: finding a case, its view and deadline, adding history, committing a change;
- ``case_intake``, ``case_decisions``, ``case_materials``, ``case_ratings``: the commands;
- ``case_reads``: the queries (``case_queries`` for the desktop's paged list).
"""

from __future__ import annotations

from intake.evaluation import LEVELS
from intake.services.case_decisions import DEEMED_NOTE, DecisionCommands, UndecidedReceipt
from intake.services.case_intake import AcceptResult, IntakeCommands
from intake.services.case_materials import MaterialCommands
from intake.services.case_ratings import RatingCommands
from intake.services.case_reads import CaseReads, summaries_json
from intake.services.case_rows import delivery_json, name_keys

EVALUATION_LEVELS = LEVELS  # intake.evaluation.LEVELS

__all__ = [
    "DEEMED_NOTE",
    "EVALUATION_LEVELS",
    "AcceptResult",
    "CaseService",
    "UndecidedReceipt",
    "delivery_json",
    "name_keys",
    "summaries_json",
]


class CaseService(IntakeCommands, DecisionCommands, MaterialCommands, RatingCommands, CaseReads):
    """Every command and query on cases, over one store, catalog, calendar and clock."""
