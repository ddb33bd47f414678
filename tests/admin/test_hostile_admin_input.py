"""An admin's files and corrections that once answered 500: BPMN in UTF-16 or ISO-8859-1,
a process id in Vietnamese, a far year typed in the repair form, deeply nested data."""

import io
from urllib.parse import quote

import pytest

from app import workflow
from app.extensions import db
from app.workflow import start_process
from app.workflow.models import DefinitionVersion, ProcessInstance
from tests.conftest import csrf_token, post_form
from tests.pages import form_values
from tests.workflow import diagrams


def _upload(client, content, name):
    data = {"csrf_token": csrf_token(client), "diagram": (io.BytesIO(content), name),
            "publish": "y"}
    return client.post("/admin/processes", data=data, content_type="multipart/form-data",
                       follow_redirects=True)


@pytest.mark.parametrize("encoding, name", [
    ("utf-16", "Tiếp nhận phản ánh của người dân"),
    ("iso-8859-1", "Révision générale à échéance"),
])
def test_a_diagram_in_utf16_or_latin1_is_validated_saved_and_read_back(
        admin_client, agencies, encoding, name):
    xml = diagrams.two_steps(key="encoded").replace('name="Báo cáo hai bước"', f'name="{name}"')
    xml = xml.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    if encoding == "iso-8859-1":  # the steps' names are Vietnamese: only ASCII ones here
        xml = xml.replace("Báo cáo", "Rapport").replace("Duyệt", "Approbation").replace(
            "Kết quả", "Résultat").replace("Quy trình thử", "Procédure")

    response = _upload(admin_client, xml.encode(encoding), f"{encoding}.bpmn")

    assert response.status_code == 200
    version = db.session.query(DefinitionVersion).one()
    assert version.definition.name == name and name in response.get_data(as_text=True)
    assert version.xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    download = admin_client.get(f"/admin/processes/versions/{version.id}.bpmn")
    assert name in download.data.decode("utf-8")


def test_a_version_whose_process_id_is_vietnamese_downloads_under_its_name(
        admin_client, agencies):
    response = _upload(admin_client, diagrams.two_steps(key="tiếp_nhận").encode(), "v.bpmn")
    assert response.status_code == 200
    version = db.session.query(DefinitionVersion).one()

    download = admin_client.get(f"/admin/processes/versions/{version.id}.bpmn")

    assert download.status_code == 200
    disposition = download.headers["Content-Disposition"]
    disposition.encode("latin-1")  # a header the server can send
    assert f"filename*=UTF-8''{quote('tiếp_nhận-v1.bpmn')}" in disposition
    assert 'id="tiếp_nhận"' in download.data.decode("utf-8")


@pytest.mark.parametrize("kind, value", [("date", "31/12/9999"), ("date", "01/01/0001")])
def test_a_far_year_in_the_repair_form_is_refused_next_to_it(admin_client, agencies, deploy,
                                                             kind, value):
    deploy(diagrams.script_then_step("due = add_days(record_date, 10)"))
    instance = start_process("scripted")
    assert instance.status == "error"

    response = post_form(admin_client, f"/admin/instances/{instance.id}/retry", {
        "seen_version": instance.lock_version, "new_name": "record_date", "new_kind": kind,
        "new_value": value})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="new_value-error"' in page and "1900" in page
    db.session.refresh(instance)
    assert instance.status == "error"


def test_a_moment_of_year_9999_is_refused_in_the_correction_form(admin_client, agencies):
    assignment = _assignment()
    url = f"/admin/instances/{assignment.instance_id}"
    form = form_values(admin_client.get(url).get_data(as_text=True), f"{url}/data")

    response = post_form(admin_client, f"{url}/data", {
        **form, "v_remind_at": "31/12/9999 23:59", "reason": "Lùi hạn"})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="v_remind_at-error"' in page and "1900" in page
    db.session.expire_all()
    assert db.session.get(ProcessInstance, assignment.instance_id).status == "running"


def test_deeply_nested_data_reads_on_the_instance_page_and_its_form_posts(
        admin_client, agencies, deploy):
    deploy(diagrams.two_steps())
    nested = "đáy"
    for _level in range(15):
        nested = {"lớp": [nested]}
    instance = start_process("two_steps", data={"hồ_sơ": nested, "ghi_chú": "một"})
    url = f"/admin/instances/{instance.id}"
    form = form_values(admin_client.get(url).get_data(as_text=True), f"{url}/data")

    response = post_form(admin_client, f"{url}/data", {
        **form, "v_ghi_chú": "hai", "reason": "Sửa ghi chú"}, follow_redirects=True)

    assert response.status_code == 200
    db.session.expire_all()
    data = workflow.data_of(workflow.open_steps(db.session.get(ProcessInstance,
                                                               instance.id))[0])
    assert data["ghi_chú"] == "hai" and data["hồ_sơ"] == nested


def _assignment():
    """Plan item 5.4 assigned for 2025, as tests/admin/test_instance_data.py has it."""
    from datetime import date

    from app.plan.assignments import launch_item
    from app.plan.catalogue import current_plan
    from app.plan.seed import seed_plan
    from tests.admin.test_instance_data import SHIPPED

    seed_plan()
    workflow.add_version(SHIPPED.read_bytes(), SHIPPED.name, publish=True)
    item = next(item for item in current_plan().items if item.code == "5.4")
    return launch_item(item, 2025, date(2025, 11, 28))[0]


def test_a_nul_in_the_editors_json_is_refused_naming_where(admin_client, agencies):
    xml = diagrams.two_steps(key="nul_name")
    response = admin_client.post("/admin/api/processes/drafts", json={
        "xml": xml, "filename": "quy\x00trình.bpmn"},
        headers={"X-CSRFToken": csrf_token(admin_client)})

    assert response.status_code == 400 and "filename" in response.get_json()["fields"]
