"""The citizen screen's picture of an intake (masked) and its steps, without Qt."""

from __future__ import annotations

import pytest

from intake.citizen import CitizenSession, CitizenView, Step, StepError, citizen_view
from intake.flow import IntakeFlow
from intake.requests import MaterialInput
from intake.station import Station
from intake.views import MaterialState
from tests.intake.conftest import APPLICANT


def flow_for(station: Station) -> IntakeFlow:
    flow = IntakeFlow(station.catalog)
    flow.applicant = dict(APPLICANT)
    flow.choose_matter("MZ-GLJT")
    flow.materials["M_ID"] = MaterialInput(MaterialState.ORIGINAL, 1)
    flow.form["bank_account"] = "6228480012345678901"
    return flow


def test_the_citizen_sees_the_intake_masked(station: Station) -> None:
    view = citizen_view(flow_for(station))
    name, number, phone = APPLICANT["name"], APPLICANT["id_number"], APPLICANT["phone"]
    assert view.name != name and view.name.startswith(name[0]) and "*" in view.name
    assert view.id_number == number[:4] + "*" * 10 + number[-4:]
    assert view.phone == phone[:3] + "****" + phone[7:]
    assert view.title == "高龄津贴申请" and view.departments == ("县民政局",)
    states = {m.name: m.state for m in view.materials}
    assert states == {
        "申请人居民身份证": MaterialState.ORIGINAL,
        "户口簿": MaterialState.MISSING,
        "其他证明材料": MaterialState.MISSING,
    }
    assert view.form == (("银行账号", "6228***********8901"),)  # a bank account is masked too
    flow = flow_for(station)
    flow.form["bank_account"] = APPLICANT["phone"]
    assert citizen_view(flow).form == (("银行账号", view.phone),)  # a mobile number as a phone
    for shown in (view.name, view.id_number, view.phone, *(v for _, v in view.form)):
        assert shown not in (name, number, phone, "6228480012345678901")


def test_an_empty_intake_is_the_welcome(station: Station) -> None:
    session = CitizenSession()
    session.show(citizen_view(IntakeFlow(station.catalog)))
    assert session.step is Step.WELCOME
    session.show(citizen_view(flow_for(station)))
    assert session.step is Step.LIVE


def test_confirm_sign_rate_then_thanks(station: Station) -> None:
    session = CitizenSession()
    view = citizen_view(flow_for(station))
    session.show(view)
    session.ask_confirmation(view)
    assert session.step is Step.CONFIRMING
    session.disputed_answer()  # 有误: the clerk corrects
    assert session.step is Step.LIVE and session.disputed == 1
    session.ask_confirmation(view)
    session.confirmed()
    assert session.step is Step.SAVING
    session.show(CitizenView())  # the counter clears for the next intake: no jump back
    assert session.step is Step.SAVING
    session.saved("C-1", ["promise"], ["县民政局", "县公安局"])
    assert session.step is Step.SIGNING
    session.signed()
    assert session.step is Step.RATING and session.department == "县民政局"
    session.rated("县民政局")
    assert session.department == "县公安局"
    session.rated("县公安局")
    assert session.step is Step.THANKS
    session.show(view)  # the next citizen's intake starts
    assert session.step is Step.LIVE


def test_answers_out_of_step_are_refused_and_walking_away_records_nothing() -> None:
    session = CitizenSession()
    with pytest.raises(StepError):
        session.confirmed()  # a tap that arrives after the step changed
    session.saved("C-2", [], ["县民政局"])
    with pytest.raises(StepError):
        session.signed()
    session.walked_away()
    assert session.step is Step.WELCOME and session.to_rate == () and session.case_number == ""
