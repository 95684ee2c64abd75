"""帮办代办 on paper: a village case's notices name the agent and the station that received
(代收) for the deciding authority; a counter case's do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.identity import DocType
from intake.views import Channel, Person
from printing.documents import build_document
from printing.fonts import FontSet
from printing.pdf import render_pdf
from tests.printing import factories as f
from tests.printing.pdftools import pdftotext
from tests.printing.test_documents import ctx

AGENT = Person("王芳", DocType.RESIDENT, "430121198505061228", "13907310001")


@pytest.mark.parametrize("kind", ["acceptance", "materials"])
def test_a_village_case_names_its_agent_and_the_receiving_station(
    kind: str, fonts: FontSet, tmp_path: Path
) -> None:
    case = f.make_case(channel=Channel.VILLAGE, agent=AGENT)
    doc = build_document(ctx(kind, case))
    text = "".join(pdftotext(render_pdf(doc, fonts).pdf, tmp_path).split())
    assert "代办人" in text and "代办人证件" in text
    assert "430121198505061228" not in text and "4301" in text  # the ID number masked
    assert "收件方式" in text and "帮办代办" in text and "代收" in text  # a cell may wrap


def test_a_counter_case_says_nothing_of_an_agent(fonts: FontSet, tmp_path: Path) -> None:
    doc = build_document(ctx("acceptance", f.make_case()))
    text = "".join(pdftotext(render_pdf(doc, fonts).pdf, tmp_path).split())
    assert "代办人" not in text.replace("申请人（代办人）签收", "") and "代收" not in text
