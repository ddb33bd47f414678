"""Each step shows what the earlier steps of its case said, as people read it: labels,
dd/mm/yyyy, choices by their names, files as links; the diagram's `shows` picks which. The
demo process walked through the pages: assigned, carried out, consulted, returned with a
comment, sent again without retyping, accepted."""

import io
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import add_version, start_process, validate
from app.workflow.models import Attachment, ProcessInstance, WorkItem
from tests import factories
from tests.conftest import csrf_token, login, post_form
from tests.pages import form_values
from tests.workflow import diagrams

DEMO = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"
PDF = b"%PDF-1.4\n% ke hoach\n"
ASSIGN = {
    "field_noi_dung": "Tổ chức tuần lễ quảng bá thương hiệu tỉnh Quảng Ngãi",
    "field_so_san_pham": "120", "field_khan": "y", "field_han_bao_cao": "15/12/2025",
    "field_loai": "dot_xuat", "field_can_phoi_hop": "y",
}


@pytest.fixture
def demo(agencies):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    return start_process("demo_report", subject="Tuần lễ Thương hiệu 2025")


@pytest.fixture
def clients(app, agencies):
    people = {"sttt": ("clerk.stttt", "STTTT", "Trần Giao"),
              "svh": ("clerk.svh", "SVHTTDL", "Lê Làm"),
              "sct": ("clerk.sct", "SCT", "Phạm Phối"),
              "snv": ("clerk.snv", "SNV", "Võ Nội")}
    found = {}
    for key, (username, agency, name) in people.items():
        factories.make_user(username, agency_code=agency, full_name=name)
        found[key] = app.test_client()
        login(found[key], username, factories.PASSWORD)
    return found


def open_item(title) -> WorkItem:
    db.session.expire_all()
    return db.session.scalar(select(WorkItem).where(WorkItem.title == title,
                                                    WorkItem.status == "open"))


def case_panel(page: str) -> str:
    """The "case so far" part of a step page, as text."""
    found = re.search(r'id="case-so-far".*?</section>', page, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split()) if found else ""


def test_each_step_of_the_demo_reads_the_case_as_people_wrote_it(demo, clients):
    assign = open_item("Giao nhiệm vụ")
    clients["sttt"].post(f"/tasks/{assign.id}", data={
        **ASSIGN, "csrf_token": csrf_token(clients["sttt"]),
        "field_tai_lieu": (io.BytesIO(PDF), "kế-hoạch.pdf")}, content_type="multipart/form-data")
    plan_file = db.session.scalar(select(Attachment))

    # The agency reads the coordinator's instructions: labels, a date, a choice, a file.
    implement = open_item("Thực hiện và báo cáo")
    page = clients["svh"].get(f"/tasks/{implement.id}").get_data(as_text=True)
    panel = case_panel(page)
    assert "Giao nhiệm vụ" in panel and "Trần Giao (Sở Thông tin và Truyền thông)" in panel
    assert "Nội dung nhiệm vụ Tổ chức tuần lễ quảng bá thương hiệu tỉnh Quảng Ngãi" in panel
    assert "Số sản phẩm dự kiến 120" in panel and "Nhiệm vụ khẩn Có" in panel
    assert "Hạn báo cáo đề nghị 15/12/2025" in panel and "Loại nhiệm vụ Đột xuất" in panel
    assert "2025-12-15" not in panel and "dot_xuat" not in panel
    assert f'href="/attachments/{plan_file.id}">kế-hoạch.pdf</a>' in page
    post_form(clients["svh"], f"/tasks/{implement.id}",
              {"field_ket_qua": "Đã tổ chức 3 hội nghị"})

    # Each cooperating agency reads the assignment and the lead's result.
    consult = db.session.scalar(select(WorkItem).join(WorkItem.agency).where(
        WorkItem.title == "Cho ý kiến phối hợp", WorkItem.agency.has(code="SCT")))
    panel = case_panel(clients["sct"].get(f"/tasks/{consult.id}").get_data(as_text=True))
    assert "Loại nhiệm vụ Đột xuất" in panel
    assert "Kết quả thực hiện Đã tổ chức 3 hội nghị" in panel
    post_form(clients["sct"], f"/tasks/{consult.id}", {"field_y_kien": "Thống nhất"})
    consult = open_item("Cho ý kiến phối hợp")
    post_form(clients["snv"], f"/tasks/{consult.id}", {"field_y_kien": "Bổ sung số liệu"})

    # The coordinator reads the result and both opinions, each with its agency, and returns
    # the report with a comment.
    review = open_item("Xem xét, chấp nhận")
    panel = case_panel(clients["sttt"].get(f"/tasks/{review.id}").get_data(as_text=True))
    assert "Kết quả thực hiện Đã tổ chức 3 hội nghị" in panel
    assert "Phạm Phối (Sở Công Thương)" in panel and "Ý kiến Thống nhất" in panel
    assert "Võ Nội (Sở Nội vụ)" in panel and "Ý kiến Bổ sung số liệu" in panel
    no_comment = post_form(clients["sttt"], f"/tasks/{review.id}", {"field_ket_luan": "tra_lai"})
    assert no_comment.status_code == 400  # a return says why
    post_form(clients["sttt"], f"/tasks/{review.id}", {
        "field_ket_luan": "tra_lai", "field_nhan_xet": "Đề nghị bổ sung số liệu cụ thể"})

    # The agency sees the comment on its step again, its answer filled in as it left it,
    # and sends it again without retyping.
    implement = open_item("Thực hiện và báo cáo")
    page = clients["svh"].get(f"/tasks/{implement.id}").get_data(as_text=True)
    panel = case_panel(page)
    assert "Kết luận Trả lại để bổ sung" in panel
    assert "Nhận xét Đề nghị bổ sung số liệu cụ thể" in panel
    again = form_values(page, f"/tasks/{implement.id}", f"/tasks/{implement.id}")
    assert again["field_ket_qua"] == "Đã tổ chức 3 hội nghị"
    assert post_form(clients["svh"], f"/tasks/{implement.id}", again).status_code == 302

    # Not asked twice: the opinions stand; the coordinator reviews again and accepts.
    review = open_item("Xem xét, chấp nhận")
    assert review is not None and open_item("Cho ý kiến phối hợp") is None
    page = clients["sttt"].get(f"/tasks/{review.id}").get_data(as_text=True)
    assert form_values(page, f"/tasks/{review.id}", f"/tasks/{review.id}")[
        "field_ket_luan"] != "tra_lai"
    post_form(clients["sttt"], f"/tasks/{review.id}", {"field_ket_luan": "chap_nhan"})
    assert db.session.get(ProcessInstance, demo.id).status == "completed"


def test_the_api_gives_the_case_with_each_choice_by_its_name(demo, clients, app):
    from app.api import tokens
    from app.auth.models import User

    post_form(clients["sttt"], f"/tasks/{open_item('Giao nhiệm vụ').id}", ASSIGN)
    implement = open_item("Thực hiện và báo cáo")
    clerk = db.session.scalar(select(User).where(User.username == "clerk.svh"))
    token = tokens.create(clerk, "test")[1]

    body = app.test_client().get(f"/api/v1/work-items/{implement.id}",
                                 headers={"Authorization": f"Bearer {token}"}).get_json()

    [assigned] = body["case"]
    assert assigned["title"] == "Giao nhiệm vụ" and assigned["by"] == "clerk.stttt"
    assert assigned["agency"] == "STTTT" and assigned["at"].endswith("Z")
    values = {value["id"]: value for value in assigned["values"]}
    assert values["loai"] == {"id": "loai", "label": "Loại nhiệm vụ", "type": "enum",
                              "value": "dot_xuat", "text": "Đột xuất"}
    assert values["han_bao_cao"]["value"] == "2025-12-15"
    assert values["khan"]["value"] is True and values["so_san_pham"]["value"] == 120


# Step b shows only what the diagram names: a's x, and a's read-only code when named.
def _shown(shows: str | None, key: str = "picked") -> str:
    property_ = (f'<camunda:properties><camunda:property name="shows" value="{shows}" />'
                 '</camunda:properties>') if shows is not None else ""
    form_a = ('<bpmn:extensionElements><camunda:formData>'
              '<camunda:formField id="code" label="Mã hồ sơ" type="string">'
              '<camunda:validation><camunda:constraint name="readonly" /></camunda:validation>'
              '</camunda:formField>'
              '<camunda:formField id="x" label="Kết quả X" type="string" />'
              '<camunda:formField id="y" label="Ghi chú Y" type="string" />'
              '</camunda:formData></bpmn:extensionElements>')
    form_b = ('<bpmn:extensionElements>' + property_ + '<camunda:formData>'
              '<camunda:formField id="z" label="Ý kiến Z" type="string" />'
              '</camunda:formData></bpmn:extensionElements>')
    return diagrams.process(key, (
        '<bpmn:startEvent id="start" />'
        f'<bpmn:userTask id="a" name="Bước A" camunda:formKey="a" camunda:candidateGroups="SCT">'
        f'{form_a}</bpmn:userTask>'
        f'<bpmn:userTask id="b" name="Bước B" camunda:formKey="b" camunda:candidateGroups="SNV">'
        f'{form_b}</bpmn:userTask><bpmn:endEvent id="end" />'
        + diagrams.flows(("start", "a"), ("a", "b"), ("b", "end"))))


@pytest.mark.parametrize(("shows", "seen", "unseen"), [
    (None, ["Kết quả X", "Ghi chú Y"], ["Mã hồ sơ"]),  # by default, every answer
    ("a.x", ["Kết quả X"], ["Ghi chú Y", "Mã hồ sơ"]),
    ("x, a.code", ["Kết quả X", "Mã hồ sơ HS-01"], ["Ghi chú Y"]),  # read-only when named
    ("a.*", ["Kết quả X", "Ghi chú Y"], ["Mã hồ sơ"]),
    ("", [], ["Kết quả X", "Ghi chú Y", "Bước A"]),  # nothing
])
def test_the_diagram_picks_what_a_step_shows(deploy, clients, shows, seen, unseen):
    deploy(_shown(shows))
    start_process("picked", data={"code": "HS-01"})
    post_form(clients["sct"], f"/tasks/{open_item('Bước A').id}",
              {"field_x": "Đã làm", "field_y": "Ghi chú thêm"})

    panel = case_panel(clients["snv"].get(f"/tasks/{open_item('Bước B').id}")
                       .get_data(as_text=True))

    for text in seen:
        assert text in panel, text
    for text in unseen:
        assert text not in panel, text


@pytest.mark.parametrize(("shows", "reason"), [
    ("c.x", "sơ đồ không có bước hay sự kiện bắt đầu 'c' (phần tử b, dòng 5)"),
    ("a.z", "hiển thị 'z', nhưng không biểu mẫu nào của a có trường này"),
    ("nothing", "hiển thị 'nothing', nhưng không biểu mẫu nào của sơ đồ có trường này"),
    ("a..x", "không có dạng 'bước.trường', 'trường' hoặc 'bước.*'"),
])
def test_a_diagram_whose_shows_names_what_it_lacks_is_refused(agencies, shows, reason):
    verdict = validate(_shown(shows), "picked.bpmn")

    assert not verdict.ok and reason in verdict.reason


def test_every_shipped_diagram_shows_only_what_it_has(agencies):
    folder = DEMO.parent
    for path in sorted(folder.glob("*.bpmn")):
        verdict = validate(path.read_bytes(), path.name)
        assert verdict.ok, f"{path.name}: {verdict.reason}"
