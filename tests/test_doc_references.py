"""The docs cite tests and files that exist (docs/security.md lists file::test per defence)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def test_every_cited_test_exists() -> None:
    missing = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for path, name in re.findall(r"(tests/[\w/]+\.py)::(\w+)", text):
            source = ROOT / path
            if not source.exists() or not re.search(
                rf"^(async )?def {name}\(", source.read_text(encoding="utf-8"), re.M
            ):
                missing.append(f"{doc.name}: {path}::{name}")
    assert not missing, missing


def test_no_reference_to_files_that_are_not_in_the_repo() -> None:
    """CONTRACTS.md never existed; the shared brief and DOMAIN.md live beside the repo."""
    offenders = []
    for path in [*DOCS, *ROOT.glob("*/**/*.py")]:
        if ".venv" in path.parts or path.name == "test_doc_references.py":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if "CONTRACTS.md" in text:
            offenders.append(f"{path.relative_to(ROOT)}: CONTRACTS.md")
        for m in re.finditer(r"(?<![/\w])(DOMAIN|BRIEF)\.md", text):
            offenders.append(f"{path.relative_to(ROOT)}: {m.group(0)} (say ../shared/…)")
    assert not offenders, offenders
