"""What a write changed, so every view refreshes from the answer instead of polling
(Anki's OpChanges). The desktop's task runner hands it to the windows after each write."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    cases: tuple[str, ...] = ()  # case numbers whose content or status changed
    outbox: bool = False  # the waiting-to-send count may differ
    drafts: bool = False
    print_jobs: bool = False  # a document was printed, failed or queued
    inbox: bool = False  # something arrived from the platform (intake.services.inbox)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            tuple(dict.fromkeys((*self.cases, *other.cases))),
            self.outbox or other.outbox,
            self.drafts or other.drafts,
            self.print_jobs or other.print_jobs,
            self.inbox or other.inbox,
        )
