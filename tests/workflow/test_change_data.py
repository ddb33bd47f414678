"""Correcting a running instance's data: the waiting steps see the new values, an open step
goes to whoever the new data names, and a change that names nobody is refused whole."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import (
    Forbidden,
    InvalidInput,
    WorkflowError,
    change_data,
    complete,
    data_of,
    release,
    start_process,
    terminate,
    timeline_of,
)
from app.workflow.models import ProcessInstance, WorkItem
from tests.workflow import diagrams

# 'Xác minh' goes to the person the data names, 'Ra quyết định' to the agency it names.
BY_DATA = diagrams.process("by_data", (
    '<bpmn:startEvent id="start" />'
    '<bpmn:userTask id="verify" name="Xác minh" camunda:assignee="${inspector}"'
    ' camunda:dueDate="${verify_due}" />'
    '<bpmn:userTask id="decide" name="Ra quyết định" camunda:candidateGroups="${agency}" />'
    '<bpmn:endEvent id="end" />'
    + diagrams.flows(("start", "verify"), ("verify", "decide"), ("decide", "end"))))


@pytest.fixture
def case(deploy, people):
    deploy(BY_DATA)
    return start_process("by_data", subject="Vụ việc 1", data={
        "inspector": people["sct"].username, "agency": "SCT", "verify_due": "2025-06-10"})


def _open_step(instance) -> WorkItem:
    [item] = db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()
    return item


def test_the_open_step_and_the_later_ones_follow_the_new_data(case, people, agencies):
    change_data(case.id, people["coordinator"], {
        "inspector": people["snv"].username, "agency": "SNV", "verify_due": "2025-06-20"},
        "Thanh tra viên chuyển công tác")

    verify = _open_step(case)
    assert verify.claimed_by_id == people["snv"].id
    assert verify.agency_id == agencies["SNV"].id
    assert verify.due_at.date().isoformat() == "2025-06-20"
    assert verify.announced_at is None  # the new holder is told by the worker
    with pytest.raises(Forbidden):
        complete(verify.id, people["sct"], {})
    complete(verify.id, people["snv"], {})
    assert _open_step(case).agency_id == agencies["SNV"].id  # 'decide' read the new agency

    changed, reassigned = [e for e in timeline_of(case.id)
                           if e.kind in ("data_changed", "step_reassigned")]
    assert changed.details["reason"] == "Thanh tra viên chuyển công tác"
    assert changed.details["before"]["inspector"] == people["sct"].username
    assert changed.details["values"]["inspector"] == people["snv"].username
    assert reassigned.details["to"] == "Võ Minh Phê"


def test_data_that_names_nobody_is_refused_and_changes_nothing(case, people):
    state_before = db.session.get(ProcessInstance, case.id).state

    with pytest.raises(InvalidInput) as refused:
        change_data(case.id, people["coordinator"], {"inspector": "nobody"}, "Nhầm người")

    assert "'nobody' không phải người dùng đang hoạt động" in refused.value.errors["values"][0]
    db.session.expire_all()
    assert db.session.get(ProcessInstance, case.id).state == state_before
    assert data_of(_open_step(case))["inspector"] == people["sct"].username
    assert _open_step(case).claimed_by_id == people["sct"].id
    assert "data_changed" not in {e.kind for e in timeline_of(case.id)}


def test_a_reason_is_required_and_an_ended_instance_is_not_changed(case, people):
    with pytest.raises(InvalidInput):
        change_data(case.id, people["coordinator"], {"agency": "SNV"}, "   ")
    terminate(case.id, people["coordinator"])
    with pytest.raises(WorkflowError):
        change_data(case.id, people["coordinator"], {"agency": "SNV"}, "Sửa")


def _data_form(client, instance_id) -> dict:
    """The change-data form as the admin's page shows it: a typed input for each value."""
    from tests.pages import form_values

    page = client.get(f"/admin/instances/{instance_id}").get_data(as_text=True)
    return {**form_values(page, f"/admin/instances/{instance_id}/data"), "page": page}


def test_an_admin_changes_the_data_on_the_instance_page(case, people, admin_client):
    from tests.conftest import post_form

    form = _data_form(admin_client, case.id)
    page = form.pop("page")
    assert "Sửa dữ liệu" in page and "{" not in page.split("<main")[1].split("</main>")[0]
    assert form["v_inspector"] == people["sct"].username
    assert form["v_verify_due"] == "10/06/2025"  # a day as people write it, not ISO
    url = f"/admin/instances/{case.id}/data"

    for field, wrong in (("v_verify_due", "31/02/2025"), ("new_value", "mười")):
        bad = post_form(admin_client, url, {**form, field: wrong, "new_name": "so_lan",
                                            "new_kind": "long", "reason": "Sửa"})
        assert bad.status_code == 400 and f'id="{field}-error"' in bad.get_data(as_text=True)
    nobody = post_form(admin_client, url, {**form, "v_inspector": "nobody", "reason": "Sửa"})
    assert nobody.status_code == 400 and "nobody" in nobody.get_data(as_text=True)
    assert 'id="v_inspector-error"' in nobody.get_data(as_text=True)  # next to the field

    done = post_form(admin_client, url, {**form, "v_inspector": people["snv"].username,
                                         "v_verify_due": "20/06/2025", "reason": "Giao lại"},
                     follow_redirects=True)
    assert "Đã sửa dữ liệu: inspector, verify_due." in done.get_data(as_text=True)
    db.session.expire_all()
    assert _open_step(case).claimed_by_id == people["snv"].id
    assert data_of(_open_step(case))["verify_due"] == "2025-06-20"  # kept as the data keeps it


def test_a_page_read_before_the_process_moved_on_does_not_undo_what_came_since(
        deploy, people, admin_client):
    from tests.conftest import post_form

    deploy(diagrams.process("two", (
        '<bpmn:startEvent id="start" />'
        '<bpmn:userTask id="a" name="A" camunda:candidateGroups="SCT" />'
        '<bpmn:userTask id="b" name="B" camunda:candidateGroups="${agency}" />'
        '<bpmn:endEvent id="end" />'
        + diagrams.flows(("start", "a"), ("a", "b"), ("b", "end")))))
    instance = start_process("two", data={"agency": "SNV", "result": ""})
    form = _data_form(admin_client, instance.id)
    form.pop("page")
    complete(_open_step(instance).id, people["sct"], {"result": "Báo cáo đã nộp"})  # meanwhile

    response = post_form(admin_client, f"/admin/instances/{instance.id}/data", {
        **form, "v_agency": "SCT", "reason": "Sai cơ quan"}, follow_redirects=True)

    assert "Quy trình đã chuyển bước" in response.get_data(as_text=True)
    db.session.expire_all()
    assert data_of(_open_step(instance)) == {"agency": "SNV", "result": "Báo cáo đã nộp"}


def test_extending_a_deadline_keeps_whoever_holds_the_step(case, people):
    from app.workflow import claim, release

    verify = _open_step(case)
    release(verify.id, people["coordinator"])  # the inspector left; a colleague took it
    claim(verify.id, people["sct2"])
    change_data(case.id, people["coordinator"], {"verify_due": "2025-06-20"}, "Gia hạn")

    db.session.expire_all()
    verify = _open_step(case)
    assert verify.claimed_by_id == people["sct2"].id
    assert verify.due_at.date().isoformat() == "2025-06-20"


def test_a_claim_that_read_the_step_before_a_correction_is_refused(case, people, app):
    import threading

    from app.workflow import Conflict, claim

    verify = _open_step(case)  # the claim has read the step: Phạm Thị Huyền's, in SCT
    release(verify.id, people["coordinator"])
    verify = _open_step(case)

    def correction_meanwhile():
        with app.app_context():
            from app.auth.models import User

            change_data(case.id, db.session.get(User, people["coordinator"].id),
                        {"inspector": people["snv"].username}, "Giao lại")
            db.session.remove()

    worker = threading.Thread(target=correction_meanwhile)
    worker.start()
    worker.join()

    with pytest.raises(Conflict):
        claim(verify.id, people["sct2"])
    db.session.expire_all()
    assert _open_step(case).claimed_by_id == people["snv"].id


# A reminder at a moment the data gives.
TIMED = diagrams.process("timed", (
    '<bpmn:startEvent id="start" />'
    '<bpmn:userTask id="verify" name="Xác minh" camunda:candidateGroups="${agency}" />'
    '<bpmn:boundaryEvent id="late" cancelActivity="false" attachedToRef="verify">'
    '<bpmn:timerEventDefinition><bpmn:timeDate>${alarm}</bpmn:timeDate>'
    '</bpmn:timerEventDefinition></bpmn:boundaryEvent>'
    '<bpmn:scriptTask id="warn" name="Nhắc"><bpmn:script>warned = True</bpmn:script>'
    '</bpmn:scriptTask><bpmn:endEvent id="warned" /><bpmn:endEvent id="end" />'
    + diagrams.flows(("start", "verify"), ("verify", "end"), ("late", "warn"),
                     ("warn", "warned"))))


def test_moving_a_moment_in_the_data_moves_its_timer(deploy, people, clock):
    from app.workflow.timers import tick

    deploy(TIMED)
    instance = start_process("timed", data={"agency": "SCT", "alarm": "2025-06-03T08:00:00"})
    change_data(instance.id, people["coordinator"], {"alarm": "2025-06-20T08:00:00"},
                "Gia hạn")

    clock.current = datetime(2025, 6, 10, 2, 0)
    assert tick() == 0
    clock.current = datetime(2025, 6, 20, 2, 0)  # 09:00 in Quảng Ngãi
    assert tick() == 1
    assert "timer" in {event.kind for event in timeline_of(instance.id)}


def test_a_suspended_instance_changed_then_resumed_keeps_its_timers(deploy, people, clock):
    from app.workflow import resume, suspend
    from app.workflow.timers import tick

    deploy(TIMED)
    instance = start_process("timed", data={"agency": "SCT", "alarm": "2025-06-03T08:00:00"})
    suspend(instance.id, people["coordinator"])
    change_data(instance.id, people["coordinator"], {"agency": "SNV"}, "Sai cơ quan")
    clock.current = datetime(2025, 6, 10, 2, 0)
    assert tick() == 0 and _fired(instance) == 0  # not while suspended
    resume(instance.id, people["coordinator"])
    assert _fired(instance) == 1  # came due while suspended: fires on resuming


def test_data_that_names_nobody_for_a_later_step_can_be_repaired(case, people):
    from app.workflow import retry

    change_data(case.id, people["coordinator"], {"agency": "KHONG_CO"}, "Sửa")  # read later
    complete(_open_step(case).id, people["sct"], {})
    db.session.expire_all()
    failed = db.session.get(ProcessInstance, case.id)
    assert failed.status == "error" and "'KHONG_CO' không phải cơ quan" in failed.error_message

    retry(case.id, people["coordinator"], {**data_of_ready(case), "agency": "SNV"})

    db.session.expire_all()
    assert db.session.get(ProcessInstance, case.id).status == "running"
    assert _open_step(case).title == "Ra quyết định"


def data_of_ready(instance) -> dict:
    from app.workflow import instance_detail

    return instance_detail(instance.id).data


# Two agencies give their opinion in parallel; then the inspector decides.
PARALLEL = diagrams.process("parallel_then_person", (
    '<bpmn:startEvent id="start" />'
    '<bpmn:userTask id="opinion" name="Cho ý kiến" camunda:candidateGroups="${agency}">'
    '<bpmn:multiInstanceLoopCharacteristics camunda:collection="agencies"'
    ' camunda:elementVariable="agency" /></bpmn:userTask>'
    '<bpmn:userTask id="decide" name="Kết luận" camunda:assignee="${inspector}" />'
    '<bpmn:endEvent id="end" />'
    + diagrams.flows(("start", "opinion"), ("opinion", "decide"), ("decide", "end"))))


def test_a_change_made_during_parallel_steps_reaches_the_step_after_them(deploy, people):
    deploy(PARALLEL)
    instance = start_process("parallel_then_person", subject="Vụ việc 2", data={
        "agencies": ["SCT", "SNV"], "inspector": people["sct"].username})

    change_data(instance.id, people["coordinator"], {"inspector": people["snv"].username},
                "Giao lại")
    for item in db.session.scalars(select(WorkItem).where(
            WorkItem.instance_id == instance.id, WorkItem.status == "open")).all():
        complete(item.id, people["sct"] if item.agency.code == "SCT" else people["snv"], {})

    assert _open_step(instance).claimed_by_id == people["snv"].id


def _timed(timer: str) -> str:
    """A step with a reminder after `timer` (an expression over the data)."""
    return diagrams.process("reminded", (
        '<bpmn:startEvent id="start" />'
        '<bpmn:userTask id="verify" name="Xác minh" camunda:candidateGroups="SCT" />'
        '<bpmn:boundaryEvent id="late" cancelActivity="false" attachedToRef="verify">'
        f'<bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition></bpmn:boundaryEvent>'
        '<bpmn:scriptTask id="warn" name="Nhắc"><bpmn:script>warned = True</bpmn:script>'
        '</bpmn:scriptTask><bpmn:endEvent id="warned" /><bpmn:endEvent id="end" />'
        + diagrams.flows(("start", "verify"), ("verify", "end"), ("late", "warn"),
                         ("warn", "warned"))))


def _fired(instance) -> int:
    return sum(event.kind == "timer" for event in timeline_of(instance.id))


def test_a_shortened_duration_still_counts_from_when_the_step_opened(deploy, people, clock):
    from app.workflow.timers import tick

    deploy(_timed("<bpmn:timeDuration>${wait}</bpmn:timeDuration>"))
    instance = start_process("reminded", data={"wait": "P7D"})  # opened 02/06
    clock.advance(days=5)
    change_data(instance.id, people["coordinator"], {"wait": "P3D"}, "Rút ngắn")  # 07/06

    assert _fired(instance) == 1  # 02/06 + 3 days has passed: it fires at once
    clock.advance(days=5)
    tick()
    assert _fired(instance) == 1


def test_a_corrected_repetition_starts_again_and_fires(deploy, people, clock):
    from app.workflow.timers import tick

    deploy(_timed("<bpmn:timeCycle>${every}</bpmn:timeCycle>"))
    instance = start_process("reminded", data={"every": "R3/PT1H"})
    clock.advance(minutes=30)
    change_data(instance.id, people["coordinator"], {"every": "R2/PT2H"}, "Thưa hơn")

    db.session.expire_all()
    moved = db.session.get(ProcessInstance, instance.id).next_timer_at
    assert moved == datetime(2025, 6, 2, 1, 30) + timedelta(hours=2, minutes=30)
    for _ in range(10):
        clock.advance(hours=1)
        tick()
    assert _fired(instance) == 1  # its repetitions done


def test_a_retry_gives_each_parallel_step_what_the_admin_changed_and_keeps_its_own(
        deploy, people):
    from app.workflow import instance_detail, retry

    deploy(PARALLEL)
    instance = start_process("parallel_then_person", subject="Vụ việc 3", data={
        "agencies": ["SCT", "KHONG_CO"], "inspector": people["sct"].username})
    db.session.expire_all()
    assert db.session.get(ProcessInstance, instance.id).status == "error"
    shown = instance_detail(instance.id).data

    retry(instance.id, people["coordinator"], {**shown, "agency": "SNV"})

    # Each step keeps its own agency except the one the admin fixed (which was shown).
    db.session.expire_all()
    steps = db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()
    assert sorted(step.agency.code for step in steps) == ["SCT", "SNV"]


def test_a_resumed_instance_hears_the_message_sent_to_it_at_once(deploy, people):
    from app.workflow import resume, suspend

    deploy(diagrams.sender())
    deploy(diagrams.receiver())
    waiting = start_process("receiver", business_key="QN-1", subject="Chờ báo cáo")
    suspend(waiting.id, people["coordinator"])
    change_data(waiting.id, people["coordinator"], {"note": "b"}, "Bổ sung ghi chú")
    resume(waiting.id, people["coordinator"])

    sender = start_process("sender", business_key="QN-1", subject="Gửi báo cáo")
    complete(_open_step(sender).id, people["sct"], {"result": "Xong"})

    assert _open_step(waiting).title == "Tổng hợp"
