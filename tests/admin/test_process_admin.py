"""An admin loads BPMN files, sees verdicts, publishes versions and repairs instances."""

import io
from pathlib import Path

from sqlalchemy import select

from app.extensions import db
from app.workflow import start_process
from app.workflow.models import DefinitionVersion, ProcessInstance
from tests.conftest import csrf_token, post_form
from tests.workflow import diagrams

INTERCHANGE = Path(__file__).resolve().parents[1] / "workflow" / "interchange"


def _upload(client, content, name, publish=False):
    data = {"csrf_token": csrf_token(client), "diagram": (io.BytesIO(content), name)}
    if publish:
        data["publish"] = "y"
    return client.post("/admin/processes", data=data, content_type="multipart/form-data")


def test_an_accepted_file_becomes_a_draft_then_a_published_version(admin_client, agencies):
    response = _upload(admin_client, diagrams.two_steps().encode(), "two.bpmn")
    assert response.status_code == 302

    version = db.session.scalar(select(DefinitionVersion))
    assert version.status == "draft" and version.number == 1
    page = admin_client.get("/admin/processes").get_data(as_text=True)
    assert "Báo cáo hai bước" in page and version.sha256[:12] in page

    post_form(admin_client, f"/admin/processes/versions/{version.id}/publish")
    db.session.refresh(version)
    assert version.status == "published"


def test_the_same_content_twice_makes_no_new_version(admin_client, agencies):
    _upload(admin_client, diagrams.two_steps().encode(), "two.bpmn", publish=True)
    _upload(admin_client, diagrams.two_steps().encode(), "two-again.bpmn", publish=True)

    assert len(db.session.scalars(select(DefinitionVersion)).all()) == 1


def test_a_refused_file_shows_its_reason_and_stores_nothing(admin_client, agencies):
    content = (INTERCHANGE / "C.7.0.bpmn").read_bytes()

    response = _upload(admin_client, content, "C.7.0.bpmn")

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert ("chưa hỗ trợ tác vụ quy tắc nghiệp vụ (quyết định DMN) (phần tử "
            "_eae674ce-4d6e-48ac-819c-c79e0868e40d, dòng 149)") in page
    assert db.session.scalar(select(DefinitionVersion)) is None


def test_an_english_speaking_admin_reads_the_reason_in_english(admin_client, agencies):
    admin_client.user.locale = "en"
    db.session.commit()

    response = _upload(admin_client, diagrams.two_steps(first="Sở Không Tồn Tại").encode(),
                       "lane.bpmn")

    assert ("user task &#39;Báo cáo&#39; goes to &#39;Sở Không Tồn Tại&#39;, which is no agency, "
            "group or role (element report, line 5)") in response.get_data(as_text=True)


def test_a_hostile_file_gets_a_reason_not_a_traceback(admin_client, agencies):
    from tests.workflow.test_validation import XXE

    response = _upload(admin_client, XXE.encode(), "evil.bpmn")

    assert response.status_code == 400
    assert "DOCTYPE" in response.get_data(as_text=True)


def test_instances_pin_their_version(admin_client, agencies):
    _upload(admin_client, diagrams.two_steps().encode(), "v1.bpmn", publish=True)
    old = start_process("two_steps")
    _upload(admin_client, diagrams.two_steps(second="SVHTTDL").encode(), "v2.bpmn", publish=True)
    new = start_process("two_steps")

    assert old.version.number == 1 and new.version.number == 2


def test_admin_follows_an_instance_and_repairs_a_failure(admin_client, agencies, deploy):
    deploy(diagrams.script_then_step("total = amount * 2"))
    instance = start_process("scripted", subject="Thiếu số liệu")

    page = admin_client.get(f"/admin/instances/{instance.id}").get_data(as_text=True)
    assert "Thiếu số liệu" in page and "amount" in page

    # The script needs a value the data lacks: the admin adds it, typed, and retries.
    response = post_form(admin_client, f"/admin/instances/{instance.id}/retry", {
        "seen_version": instance.lock_version, "new_name": "amount", "new_kind": "long",
        "new_value": "4"}, follow_redirects=True)

    db.session.refresh(instance)
    assert instance.status == "running"
    page = response.get_data(as_text=True)
    assert "Xem kết quả" in page and "{" not in page.split("<main")[1].split("</main>")[0]


def test_a_value_of_the_wrong_type_in_the_repair_form_is_refused_next_to_it(
        admin_client, agencies, deploy):
    deploy(diagrams.script_then_step("total = amount * 2"))
    instance = start_process("scripted")

    response = post_form(admin_client, f"/admin/instances/{instance.id}/retry", {
        "seen_version": instance.lock_version, "new_name": "amount", "new_kind": "long",
        "new_value": "bốn"})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="new_value-error"' in page and 'value="bốn"' in page  # kept, with the reason
    db.session.refresh(instance)
    assert instance.status == "error"


def test_suspend_resume_terminate(admin_client, agencies, two_steps):
    instance = start_process("two_steps")

    page = post_form(admin_client, f"/admin/instances/{instance.id}/suspend",
                     follow_redirects=True).get_data(as_text=True)
    assert f"Hồ sơ #{instance.id} nay ở trạng thái: Đã tạm dừng." in page  # not just "Done."
    db.session.refresh(instance)
    assert instance.status == "suspended"
    post_form(admin_client, f"/admin/instances/{instance.id}/resume")
    db.session.refresh(instance)
    assert instance.status == "running"
    post_form(admin_client, f"/admin/instances/{instance.id}/terminate")
    db.session.refresh(instance)
    assert instance.status == "terminated"
    assert db.session.scalar(select(ProcessInstance.id).where(
        ProcessInstance.status == "running")) is None

    from app.workflow.models import AuditEvent

    kinds = db.session.scalars(select(AuditEvent.kind).where(
        AuditEvent.instance_id == instance.id).order_by(AuditEvent.id)).all()
    assert kinds[-3:] == ["suspended", "resumed", "terminated"]


def test_messages_nobody_took_are_listed_for_admins(admin_client, deploy, people):
    from app.workflow import complete
    from app.workflow.models import WorkItem

    deploy(diagrams.sender())
    sending = start_process("sender", business_key="QN-77")
    item = db.session.scalar(select(WorkItem).where(WorkItem.instance_id == sending.id))
    complete(item.id, people["sct"], {"result": "gửi sớm"})

    page = admin_client.get("/admin/instances").get_data(as_text=True)

    assert "bao_cao_da_nop" in page and "QN-77" in page


def test_publishing_version_two_shows_version_one_as_superseded(admin_client, agencies):
    _upload(admin_client, diagrams.two_steps().encode(), "v1.bpmn", publish=True)
    _upload(admin_client, diagrams.two_steps(first="SNV", second="SCT").encode(), "v2.bpmn",
            publish=True)

    page = admin_client.get("/admin/processes").get_data(as_text=True)

    rows = [row for row in page.split("<tr>") if "<td>1</td>" in row or "<td>2</td>" in row]
    [second, first] = rows
    assert "Đã ban hành" in second and "Đã được thay thế bằng phiên bản 2" in first


def test_an_instance_without_data_says_so(admin_client, two_steps):
    from app.workflow import start_process

    instance = start_process("two_steps")

    page = admin_client.get(f"/admin/instances/{instance.id}").get_data(as_text=True)
    assert "Quy trình chưa có dữ liệu nào." in page
