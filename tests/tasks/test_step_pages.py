"""A clerk's path through the demo process: inbox, the form the diagram defines, the next
agency's inbox, evidence files."""

import hashlib
import io
import re
from datetime import date

from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.workflow import add_version, start_process
from app.workflow.models import Attachment, WorkItem
from tests import factories
from tests.conftest import csrf_token, login, post_form
from tests.tasks.conftest import open_item

PDF = b"%PDF-1.4\n% minh chung\n"

ASSIGN = {
    "field_noi_dung": "Tổ chức tuần lễ quảng bá thương hiệu tỉnh Quảng Ngãi",
    "field_so_san_pham": "12", "field_khan": "y", "field_han_bao_cao": "15/12/2025",
    "field_loai": "dot_xuat", "field_can_phoi_hop": "y",
}


def test_the_inbox_lists_the_agencys_steps_only(demo, clerks):
    assert "Giao nhiệm vụ" in clerks["sttt"].get("/tasks").get_data(as_text=True)
    assert "Giao nhiệm vụ" not in clerks["svh"].get("/tasks").get_data(as_text=True)


def test_the_form_has_every_field_the_diagram_defines(demo, clerks):
    page = clerks["sttt"].get(f"/tasks/{open_item('Giao nhiệm vụ').id}").get_data(as_text=True)

    assert re.search(r'<textarea[^>]+name="field_noi_dung"', page)
    assert 'type="number"' in page and 'name="field_so_san_pham"' in page
    assert 'type="checkbox"' in page and 'placeholder="dd/mm/yyyy"' in page
    assert '<option value="dot_xuat">Đột xuất</option>' in page
    assert 'type="file"' in page and 'enctype="multipart/form-data"' in page


def test_a_wrong_value_is_shown_inline_and_what_was_typed_is_kept(demo, clerks):
    item = open_item("Giao nhiệm vụ")

    response = post_form(clerks["sttt"], f"/tasks/{item.id}", {
        **ASSIGN, "field_so_san_pham": "5000", "field_han_bao_cao": "31/02/2025",
    })

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Tổ chức tuần lễ quảng bá thương hiệu tỉnh Quảng Ngãi" in page
    assert 'value="5000"' in page
    assert page.count("invalid-feedback") == 2
    assert "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy" in page  # not "required"
    assert "Số phải từ" in page  # WTForms' own messages speak Vietnamese too
    assert open_item("Giao nhiệm vụ") is not None


def test_a_number_that_is_not_whole_is_told_so_and_only_so(demo, clerks, admin_client):
    item = open_item("Giao nhiệm vụ")
    response = post_form(clerks["sttt"], f"/tasks/{item.id}", {
        **ASSIGN, "field_so_san_pham": "2,5"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'value="2,5"' in page
    [message] = re.findall(r'class="invalid-feedback[^"]*">\s*([^<]+?)\s*<', page)
    assert message == "Phải là số nguyên."  # not also "between 0 and 1000": 2,5 is

    # The admin's correction of the same value says the same.
    post_form(clerks["sttt"], f"/tasks/{item.id}", ASSIGN)
    page = post_form(admin_client, f"/admin/instances/{item.instance_id}/data", {
        "v_so_san_pham": "2,5", "reason": "Sửa số sản phẩm"}).get_data(as_text=True)
    assert "Phải là số nguyên." in page and "Số phải từ" not in page


def test_a_date_before_the_fields_minimum_is_an_inline_error_on_the_page_and_the_api(
        demo, clerks, app):
    from app.api import tokens

    item = open_item("Giao nhiệm vụ")
    response = post_form(clerks["sttt"], f"/tasks/{item.id}", {
        **ASSIGN, "field_han_bao_cao": "31/12/2023"})
    assert response.status_code == 400
    assert "Không được trước ngày 01/01/2024" in response.get_data(as_text=True)

    clerk = db.session.scalar(select(User).where(User.username == "clerk.stttt"))
    token = tokens.create(clerk, "test")[1]
    api = app.test_client().post(
        f"/api/v1/work-items/{item.id}/complete", headers={"Authorization": f"Bearer {token}"},
        json={"values": {"noi_dung": "x", "so_san_pham": 1, "han_bao_cao": "2023-12-31",
                         "loai": "dot_xuat"}})
    assert api.status_code == 400 and "han_bao_cao" in api.get_json()["fields"]


def test_completing_a_step_moves_the_process_to_the_next_agency(demo, clerks):
    item = open_item("Giao nhiệm vụ")
    response = clerks["sttt"].post(f"/tasks/{item.id}", data={
        **ASSIGN, "csrf_token": csrf_token(clerks["sttt"]),
        "field_tai_lieu": (io.BytesIO(PDF), "kế-hoạch.pdf"),
    }, content_type="multipart/form-data")
    assert response.status_code == 302

    db.session.expire_all()  # the request wrote in its own session
    implement = open_item("Thực hiện và báo cáo")
    assert "Thực hiện và báo cáo" in clerks["svh"].get("/tasks").get_data(as_text=True)
    from app.workflow import data_of
    data = data_of(implement)
    assert data["so_san_pham"] == 12 and data["khan"] is True
    assert data["han_bao_cao"] == "2025-12-15" and data["loai"] == "dot_xuat"
    assert implement.due_at is not None  # three working days: an urgent task
    stored = db.session.scalar(select(Attachment))
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest() and stored.size == len(PDF)
    assert data["tai_lieu"]["attachment_id"] == stored.id


def test_evidence_is_downloadable_by_those_in_the_process_only(demo, clerks, app):
    item = open_item("Giao nhiệm vụ")
    clerks["sttt"].post(f"/tasks/{item.id}", data={
        **ASSIGN, "csrf_token": csrf_token(clerks["sttt"]),
        "field_tai_lieu": (io.BytesIO(PDF), "ke-hoach.pdf"),
    }, content_type="multipart/form-data")
    stored = db.session.scalar(select(Attachment))

    download = clerks["svh"].get(f"/attachments/{stored.id}")
    assert download.status_code == 200 and download.data == PDF
    factories.make_user("outsider", agency_code="SYT")
    outsider = app.test_client()
    login(outsider, "outsider", factories.PASSWORD)
    assert outsider.get(f"/attachments/{stored.id}").status_code == 403


def test_a_disguised_file_is_refused_and_nothing_is_saved(demo, clerks):
    item = open_item("Giao nhiệm vụ")

    response = clerks["sttt"].post(f"/tasks/{item.id}", data={
        **ASSIGN, "csrf_token": csrf_token(clerks["sttt"]),
        "field_tai_lieu": (io.BytesIO(b"MZ\x90\x00 not a pdf"), "bao-cao.pdf"),
    }, content_type="multipart/form-data")

    assert response.status_code == 400
    assert "không khớp" in response.get_data(as_text=True) or \
        "does not match" in response.get_data(as_text=True)
    assert db.session.scalar(select(Attachment)) is None
    assert open_item("Giao nhiệm vụ") is not None


def test_someone_elses_step_is_403(demo, clerks):
    item = open_item("Giao nhiệm vụ")

    assert clerks["svh"].get(f"/tasks/{item.id}").status_code == 403
    response = post_form(clerks["svh"], f"/tasks/{item.id}", ASSIGN)
    assert response.status_code == 403
    assert open_item("Giao nhiệm vụ") is not None


def test_a_second_submission_is_told_the_step_is_done(demo, clerks, app):
    factories.make_user("clerk2.stttt", agency_code="STTTT", full_name="Nguyễn Hai")
    second = app.test_client()
    login(second, "clerk2.stttt", factories.PASSWORD)
    item = open_item("Giao nhiệm vụ")
    token = csrf_token(second)
    post_form(clerks["sttt"], f"/tasks/{item.id}", ASSIGN)

    response = second.post(f"/tasks/{item.id}", data={**ASSIGN, "csrf_token": token},
                           follow_redirects=True)

    assert "Trần Giao" in response.get_data(as_text=True)


def test_dates_show_as_dd_mm_yyyy(demo, clerks):
    item = open_item("Giao nhiệm vụ")
    post_form(clerks["sttt"], f"/tasks/{item.id}", ASSIGN)

    page = clerks["sttt"].get(f"/tasks/{item.id}").get_data(as_text=True)

    assert "15/12/2025" in page
    assert date(2025, 12, 15).isoformat() not in page


def _submitted(page: str) -> str:
    """The "Submitted" section of a done step's page, as text."""
    section = page.split(">Nội dung đã gửi</h2>", 1)[1].split("</dl>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


def test_a_done_step_lists_what_was_filled_in_not_blank_or_hidden_fields(demo, clerks):
    """Optional fields left blank, and a field its requiredWhen hid, are not listed under
    their labels with nothing beside them; a "No" is an answer and stays."""
    item = open_item("Giao nhiệm vụ")
    post_form(clerks["sttt"], f"/tasks/{item.id}", {
        "field_noi_dung": "Tổ chức tuần lễ quảng bá thương hiệu tỉnh Quảng Ngãi",
        "field_so_san_pham": "", "field_han_bao_cao": "", "field_loai": "thuong_xuyen"})
    submitted = _submitted(clerks["sttt"].get(f"/tasks/{item.id}").get_data(as_text=True))
    assert submitted == ("Nội dung nhiệm vụ Tổ chức tuần lễ quảng bá thương hiệu tỉnh Quảng "
                         "Ngãi Nhiệm vụ khẩn Không Loại nhiệm vụ Thường xuyên "
                         "Cần ý kiến cơ quan phối hợp Không")

    implement = open_item("Thực hiện và báo cáo")
    post_form(clerks["svh"], f"/tasks/{implement.id}", {"field_ket_qua": "Đã tổ chức"})
    review = open_item("Xem xét, chấp nhận")
    post_form(clerks["sttt"], f"/tasks/{review.id}", {
        "field_ket_luan": "chap_nhan", "field_nhan_xet": "gõ khi ô còn ẩn"})
    submitted = _submitted(clerks["sttt"].get(f"/tasks/{review.id}").get_data(as_text=True))
    assert submitted == "Kết luận Chấp nhận"


def test_the_step_page_shows_the_timeline(demo, clerks):
    item = open_item("Giao nhiệm vụ")
    post_form(clerks["sttt"], f"/tasks/{item.id}/claim")

    page = clerks["sttt"].get(f"/tasks/{item.id}").get_data(as_text=True)

    assert "Trần Giao" in page  # who claimed it, in the timeline


def test_a_parallel_multi_instance_step_goes_to_each_cooperating_agency(demo, clerks, agencies):
    from app.workflow import complete

    post_form(clerks["sttt"], f"/tasks/{open_item('Giao nhiệm vụ').id}", ASSIGN)
    db.session.expire_all()
    lead = factories.make_user("lead.svh", agency_code="SVHTTDL")
    complete(open_item("Thực hiện và báo cáo").id, lead, {"ket_qua": "Đã tổ chức"})

    consults = db.session.scalars(select(WorkItem).where(
        WorkItem.title == "Cho ý kiến phối hợp", WorkItem.status == "open")).all()
    assert sorted(item.agency.code for item in consults) == ["SCT", "SNV"]
    assert "Cho ý kiến phối hợp" in clerks["sct"].get("/tasks").get_data(as_text=True)
    people = {"SNV": factories.make_user("clerk.snv2", agency_code="SNV"),
              "SCT": db.session.scalar(select(User).where(User.username == "clerk.sct"))}
    for item in consults:
        complete(item.id, people[item.agency.code], {"y_kien": f"Ý kiến của {item.agency.code}"})
    assert open_item("Xem xét, chấp nhận") is not None


def test_a_readonly_field_shows_the_value_and_ignores_what_is_posted(agencies, app):
    from tests.workflow import diagrams

    form = """<bpmn:extensionElements><camunda:formData>
      <camunda:formField id="code" label="Mã hồ sơ" type="string">
        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
      </camunda:formField>
      <camunda:formField id="note" label="Ghi chú" type="string" /></camunda:formData>
      </bpmn:extensionElements>"""
    add_version(diagrams.two_steps(form=form, key="readonly"), "r.bpmn", publish=True)
    start_process("readonly", data={"code": "HS-001"})
    factories.make_user("clerk.sct", agency_code="SCT")
    client = app.test_client()
    login(client, "clerk.sct", factories.PASSWORD)
    item = open_item("Báo cáo")

    page = client.get(f"/tasks/{item.id}").get_data(as_text=True)
    assert 'value="HS-001"' in page and "disabled" in page
    post_form(client, f"/tasks/{item.id}", {"field_code": "HACKED", "field_note": "ok"})

    from app.workflow import data_of
    db.session.expire_all()
    assert data_of(open_item("Duyệt"))["code"] == "HS-001"


def test_a_step_for_a_role_names_the_role_as_people_read_it(deploy, people, app):
    from tests.workflow import diagrams

    deploy(diagrams.process("for_a_role", (
        '<bpmn:startEvent id="start" /><bpmn:userTask id="check" name="Kiểm tra"'
        ' camunda:candidateGroups="coordinator" /><bpmn:endEvent id="end" />'
        + diagrams.flows(("start", "check"), ("check", "end")))))
    start_process("for_a_role", subject="Kiểm tra hồ sơ")
    client = app.test_client()
    login(client, "coord", factories.PASSWORD)

    page = client.get(f"/tasks/{open_item('Kiểm tra').id}").get_data(as_text=True)

    assert "Điều phối kế hoạch" in page and ">coordinator<" not in page


def test_a_step_someone_else_holds_or_a_suspended_process_shows_why_before_any_form(
        demo, clerks, app):
    from app.workflow import claim, suspend

    colleague = factories.make_user("clerk2.stttt", agency_code="STTTT", full_name="Hồ Nhận")
    item = open_item("Giao nhiệm vụ")
    claim(item.id, colleague)

    page = clerks["sttt"].get(f"/tasks/{item.id}").get_data(as_text=True)
    assert "Hồ Nhận đã nhận xử lý bước này." in page
    assert "Hoàn thành bước này" not in page and 'name="field_noi_dung"' not in page

    suspend(demo.id, factories.make_user("admin.x", roles=["admin"]))
    page = login_as(app, colleague).get(f"/tasks/{item.id}").get_data(as_text=True)
    assert "trạng thái Đã tạm dừng" in page and "Hoàn thành bước này" not in page


def login_as(app, user):
    client = app.test_client()
    login(client, user.username, factories.PASSWORD)
    return client


def test_after_a_step_the_clerk_goes_straight_to_the_next_one_that_is_theirs(app, deploy,
                                                                              agencies):
    """The items of one report follow each other: done with one, the next opens; once the
    case has gone to someone else, the inbox."""
    from tests.workflow import diagrams

    deploy(diagrams.multi_instance("subprocess", sequential=True))
    factories.make_user("clerk.sct", agency_code="SCT")
    factories.make_user("coord", roles=["coordinator"], agency_code="STTTT")
    instance = start_process("asking", data={"entries": [
        {"agency": "SCT", "answer": ""}, {"agency": "SCT", "answer": ""}]})
    clerk = app.test_client()
    login(clerk, "clerk.sct", factories.PASSWORD)

    first = factories.open_step(instance.id, "answer_step")
    done = post_form(clerk, f"/tasks/{first.id}", {"field_answer": "Ý kiến 1"})
    second = factories.open_step(instance.id, "answer_step")
    assert second.id != first.id and done.location.endswith(f"/tasks/{second.id}")

    done = post_form(clerk, f"/tasks/{second.id}", {"field_answer": "Ý kiến 2"})
    assert done.location.endswith("/tasks")  # the summary is the coordinator's
