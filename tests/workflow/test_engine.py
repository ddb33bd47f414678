"""The engine's guarantees, through its public API."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import (
    AlreadyCompleted,
    Forbidden,
    claim,
    complete,
    start_process,
    unclaim,
)
from app.workflow.models import AuditEvent, WorkItem
from tests.workflow import diagrams


def _open_items(instance):
    return db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()


def _timeline(instance):
    return [e.kind for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.instance_id == instance.id).order_by(AuditEvent.id))]


def test_a_process_moves_from_one_agency_to_the_next(two_steps, people, agencies):
    instance = start_process("two_steps", user=people["sct"], subject="Báo cáo quý I")

    [report] = _open_items(instance)
    assert report.agency_id == agencies["SCT"].id and report.title == "Báo cáo"
    complete(report.id, people["sct"], {"result": "Đã tổ chức 3 hội nghị"})

    [approve] = _open_items(instance)
    assert approve.agency_id == agencies["SNV"].id
    complete(approve.id, people["snv"], {})

    db.session.refresh(instance)
    assert instance.status == "completed"
    assert _timeline(instance) == ["started", "completed", "completed", "finished"]


def test_submitted_values_reach_the_next_step_and_the_audit(two_steps, people):
    from app.workflow import runtime

    instance = start_process("two_steps", user=people["sct"])
    [report] = _open_items(instance)
    complete(report.id, people["sct"], {"result": "Kết quả tốt"})

    db.session.refresh(instance)
    workflow = runtime.load(instance)
    [approve_task] = [t for t in workflow.get_tasks(state=runtime.TaskState.READY, manual=True)]
    assert approve_task.data["result"] == "Kết quả tốt"
    completion = db.session.scalars(select(AuditEvent).where(
        AuditEvent.kind == "completed")).one()
    assert completion.details["values"] == {"result": "Kết quả tốt"}
    assert completion.actor_id == people["sct"].id


def test_another_agency_cannot_act_on_the_step(two_steps, people):
    instance = start_process("two_steps", user=people["sct"])
    [report] = _open_items(instance)

    with pytest.raises(Forbidden):
        complete(report.id, people["snv"], {"result": "không phải việc của tôi"})
    with pytest.raises(Forbidden):
        claim(report.id, people["snv"])

    assert _open_items(instance) == [report]


def test_a_claimed_step_belongs_to_its_claimant_until_released(two_steps, people):
    instance = start_process("two_steps", user=people["sct"])
    [report] = _open_items(instance)

    claim(report.id, people["sct"])
    with pytest.raises(Forbidden, match="Phạm Thị Huyền"):
        complete(report.id, people["sct2"], {"result": "x"})
    unclaim(report.id, people["sct"])
    complete(report.id, people["sct2"], {"result": "x"})

    assert _timeline(instance)[:4] == ["started", "claimed", "unclaimed", "completed"]


def test_completing_twice_says_who_did_it_and_when(two_steps, people):
    instance = start_process("two_steps", user=people["sct"])
    [report] = _open_items(instance)
    complete(report.id, people["sct"], {"result": "first"})

    with pytest.raises(AlreadyCompleted) as refused:
        complete(report.id, people["sct2"], {"result": "second"})

    assert refused.value.who == "Phạm Thị Huyền"
    assert _timeline(instance).count("completed") == 1


def test_candidate_groups_expression_routes_by_task_data(deploy, people, agencies):
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:userTask id="ask" name="Xin ý kiến" camunda:candidateGroups="${target}" />'
        '<bpmn:endEvent id="end" />' + diagrams.flows(("start", "ask"), ("ask", "end"))
    )
    deploy(diagrams.process("routed", body))

    instance = start_process("routed", data={"target": "SNV"})

    [item] = _open_items(instance)
    assert item.agency_id == agencies["SNV"].id


def test_a_role_and_a_group_can_be_assignees(deploy, people, agencies):
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:userTask id="review" name="Tổng hợp" camunda:candidateGroups="coordinator" />'
        '<bpmn:userTask id="all" name="Các sở báo cáo" camunda:candidateGroups="SO_BAN_NGANH" />'
        '<bpmn:endEvent id="end" />'
        + diagrams.flows(("start", "review"), ("review", "all"), ("all", "end"))
    )
    deploy(diagrams.process("roles", body))
    instance = start_process("roles")

    [review] = _open_items(instance)
    assert review.role == "coordinator"
    with pytest.raises(Forbidden):
        complete(review.id, people["sct"], {})
    complete(review.id, people["coordinator"], {})

    [for_departments] = _open_items(instance)
    assert for_departments.group_id is not None
    complete(for_departments.id, people["snv"], {})  # Sở Nội vụ is one of "các sở, ban, ngành"
    db.session.refresh(instance)
    assert instance.status == "completed"


def test_a_merge_moves_open_steps_to_the_successor(two_steps, people, agencies):
    from datetime import date

    from app.auth.agency_service import merge_agency

    instance = start_process("two_steps")
    merge_agency(agencies["SCT"], agencies["SKHCN"], date(2025, 6, 1))

    [report] = _open_items(instance)
    assert report.agency_id == agencies["SKHCN"].id
    assert "reassigned" in _timeline(instance)
    complete(report.id, people["sct"], {"result": "sau sáp nhập"})  # moved with the agency


def test_a_diagram_is_parsed_once_per_content(two_steps, monkeypatch):
    from app.workflow import specs

    first = specs.diagram_for(two_steps)
    monkeypatch.setattr(specs, "parse_diagram", lambda *a, **k: pytest.fail("parsed again"))

    assert specs.diagram_for(two_steps) is first


def test_a_step_can_go_to_a_named_person(deploy, people):
    from app.workflow import Forbidden, complete, start_process
    from tests.workflow import diagrams

    body = ('<bpmn:startEvent id="start" /><bpmn:userTask id="verify" name="Xác minh" '
            'camunda:assignee="${inspector}" /><bpmn:endEvent id="end" />'
            + diagrams.flows(("start", "verify"), ("verify", "end")))
    deploy(diagrams.process("personal", body))
    instance = start_process("personal", data={"inspector": "clerk2.sct"})
    [item] = instance.saved_open_items
    assert (item.claimed_by_id, item.agency_id) == (people["sct2"].id, people["sct2"].agency_id)
    with pytest.raises(Forbidden):
        complete(item.id, people["sct"], {})  # a colleague of the same agency
    assert complete(item.id, people["sct2"], {}).status == "completed"

    failed = start_process("personal", data={"inspector": "nobody"})
    assert failed.status == "error"
    assert "'nobody' không phải người dùng đang hoạt động" in failed.error_message
