"""Evidence files of a case are read by the agencies whose steps need them, as the diagram
declares (camunda:property caseFiles), not by every agency that ever had a step in it."""

import io
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.plan.assignments import launch_item
from app.plan.catalogue import current_plan, item_by_code
from app.plan.seed import seed_plan
from app.plan.violations import service
from app.workflow.models import Attachment, WorkItem
from tests import factories
from tests.conftest import post_form
from tests.people.conftest import open_step, signed_in

PDF = b"%PDF-1.4\n% van ban\n"


def upload(client, step_id, fields: dict, file_field: str, name: str):
    data = {**fields, f"field_{file_field}": (io.BytesIO(PDF), name)}
    response = post_form(client, f"/tasks/{step_id}", data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return db.session.scalar(select(Attachment).where(Attachment.filename == name))


def readable(client, step_id, files) -> dict[str, int]:
    """Each file's download status for this person, and whether their step page lists it."""
    page = client.get(f"/tasks/{step_id}").get_data(as_text=True)
    out = {}
    for file in files:
        status = client.get(f"/attachments/{file.id}").status_code
        assert (status == 200) == (f"/attachments/{file.id}\"" in page)
        out[file.filename] = status
    return out


@pytest.fixture
def consultation(app, shipped, clock):
    """Item 3.4 launched; its lead asks its cooperating agencies; they answer, two of them
    with a file."""
    clock.current = datetime(2025, 9, 1, 2, 0)  # Monday 09:00 in Quảng Ngãi
    seed_plan()
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    [assignment] = launch_item(item_by_code(current_plan(), "3.4"), 2025, date(2025, 11, 28),
                               coordinator)
    lead_code = assignment.agency.code
    people = {"coordinator": coordinator,
              "lead": factories.make_user("cv.lead", agency_code=lead_code, full_name="Chủ Trì"),
              "lead_trainee": factories.make_user("hv.lead", roles=["trainee"],
                                                  agency_code=lead_code)}
    lead = signed_in(app, people["lead"])
    post_form(lead, f"/tasks/{open_step('implement').id}", {
        "field_action": "ask_input", "field_consult_question": "Đề nghị cho ý kiến"})
    asked = {step.agency.code: step for step in db.session.scalars(select(WorkItem).where(
        WorkItem.task_name == "give_input", WorkItem.status == "open"))}
    first, second = sorted(asked)[:2]
    files = {}
    for code in (first, second):
        people[code] = factories.make_user(f"cv.{code.lower()}", agency_code=code)
        files[code] = upload(signed_in(app, people[code]), asked[code].id,
                             {"field_input_text": f"Ý kiến của {code}"}, "input_file",
                             f"y-kien-{code}.pdf")
    db.session.expire_all()  # the pages moved the case on: read it afresh, as a request would
    for code in sorted(asked)[2:]:  # the others answer without a file
        workflow.complete(asked[code].id, factories.make_user(f"cv.{code.lower()}",
                                                              agency_code=code),
                          {"input_text": "Thống nhất"})
    return {"people": people, "asked": asked, "files": files, "first": first,
            "second": second, "lead": lead, "instance_id": assignment.instance_id}


def test_each_cooperating_agency_reads_its_own_answer_and_the_lead_reads_all(app, consultation):
    people, files = consultation["people"], consultation["files"]
    first, second = consultation["first"], consultation["second"]
    answer = consultation["asked"][first].id
    assert readable(signed_in(app, people[first]), answer, files.values()) == {
        f"y-kien-{first}.pdf": 200, f"y-kien-{second}.pdf": 403}

    # The lead's step declares it needs the answers' files (caseFiles="input_file").
    implement = open_step("implement")
    assert readable(consultation["lead"], implement.id, files.values()) == {
        f"y-kien-{first}.pdf": 200, f"y-kien-{second}.pdf": 200}
    trainee = signed_in(app, people["lead_trainee"])
    assert trainee.get(f"/attachments/{files[first].id}").status_code == 403

    evidence = upload(consultation["lead"], implement.id, {
        "field_action": "send_report", "field_progress": "completed",
        "field_what_done": "Đã tổ chức 2 hội nghị"}, "evidence", "minh-chung.pdf")
    everything = [*files.values(), evidence]

    # The coordinator's review needs the evidence and the answers.
    review = open_step("review")
    assert set(readable(signed_in(app, people["coordinator"]), review.id,
                        everything).values()) == {200}
    # A cooperating agency does not read the lead's evidence; an agency with no step in the
    # case reads nothing, through the API neither.
    assert signed_in(app, people[first]).get(f"/attachments/{evidence.id}").status_code == 403
    stranger = factories.make_user("cv.stranger", agency_code="SGTVT")
    assert {signed_in(app, stranger).get(f"/attachments/{f.id}").status_code
            for f in everything} == {403}


def test_the_coordinator_reads_a_cases_evidence_from_the_start(app, shipped, clock):
    clock.current = datetime(2026, 3, 2, 2, 0)
    inspector = factories.make_user("thanh.tra", agency_code="STTTT", full_name="Lý Thanh Tra")
    opener = factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    other_coordinator = factories.make_user("dieu.phoi2", roles=["coordinator"],
                                            agency_code="STTTT")
    colleague = factories.make_user("tt.khac", agency_code="STTTT")
    case = service.open_case(
        source="report", received_on=date(2026, 3, 2), subject="Fanpage Y", channel=None,
        description="Phát tán tin sai sự thật", inspector=inspector, actor=opener,
        evidence=("anh-chup.pdf", PDF))
    [evidence] = workflow.attachments_of(case.instance_id)

    # The decision (the coordinator's) and every inspector step declare caseFiles="*".
    page = signed_in(app, other_coordinator).get(f"/plan/violations/{case.id}")
    assert f"/attachments/{evidence.id}" in page.get_data(as_text=True)
    assert signed_in(app, other_coordinator).get(
        f"/attachments/{evidence.id}").status_code == 200
    verify = open_step("verify", instance_id=case.instance_id)
    assert readable(signed_in(app, inspector), verify.id, [evidence]) == {"anh-chup.pdf": 200}
    # A colleague of the inspector's agency without a step in the case does not read it.
    assert signed_in(app, colleague).get(f"/attachments/{evidence.id}").status_code == 403
