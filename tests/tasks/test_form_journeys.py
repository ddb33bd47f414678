"""The plan's own forms, filled in as people fill them: optional boxes left empty, fields that
only matter for one choice, choices that start on "— Chọn —"."""

import io
from pathlib import Path

import pytest

from app import workflow
from app.extensions import db
from tests import factories
from tests.conftest import login, post_form

DEMO = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"


def _signed_in(app, username):
    client = app.test_client()
    login(client, username, factories.PASSWORD)
    return client


@pytest.fixture
def demo(agencies):
    workflow.add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    factories.make_user("clerk.stttt", agency_code="STTTT", full_name="Trần Giao")
    return workflow.start_process("demo_report", subject="Lễ hội Cầu Ngư")


def test_the_demos_first_step_goes_through_with_its_optional_date_and_number_empty(demo, app):
    clerk = _signed_in(app, "clerk.stttt")
    assign = factories.open_step(demo.id, "assign")

    response = post_form(clerk, f"/tasks/{assign.id}", {
        "field_noi_dung": "Tổ chức lễ hội Cầu Ngư ở Lý Sơn", "field_so_san_pham": "",
        "field_han_bao_cao": "", "field_loai": "thuong_xuyen"})

    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    data = workflow.data_of(factories.open_step(demo.id, "implement"))
    assert data["han_bao_cao"] is None and data["so_san_pham"] is None


@pytest.fixture
def decision(agencies, clock):
    return factories.case_awaiting_decision(clock)


def test_extending_a_sanction_deadline_leaves_the_decisions_date_and_fine_empty(decision, app):
    coordinator = _signed_in(app, "dieu.phoi")
    before = decision.due_at

    response = post_form(coordinator, f"/tasks/{decision.id}", {
        "field_decision_action": "decide_extend", "field_extension_to": "extend_month",
        "field_extension_reason": "Người vi phạm xin giải trình",
        "field_decision_number": "", "field_decision_date": "", "field_fine_amount": ""})

    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    extended = factories.open_step(decision.instance_id, "decision_extended")
    assert extended is not None and extended.due_at > before
    assert workflow.data_of(extended)["extension_reason"] == "Người vi phạm xin giải trình"


def test_what_was_typed_in_a_field_its_choice_hides_is_not_kept(decision, app):
    coordinator = _signed_in(app, "dieu.phoi")

    response = post_form(coordinator, f"/tasks/{decision.id}", {
        "field_decision_action": "decide_extend", "field_extension_to": "extend_month",
        "field_extension_reason": "Cần xác minh thêm",
        "field_decision_number": "05/QĐ-XPVPHC", "field_decision_date": "31/02/2026"})

    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    data = workflow.data_of(factories.open_step(decision.instance_id, "decision_extended"))
    assert data["decision_number"] is None and data["decision_date"] is None
    assert data["extension_reason"] == "Cần xác minh thêm"


def test_a_shown_conditional_field_is_still_required(decision, app):
    coordinator = _signed_in(app, "dieu.phoi")

    response = post_form(coordinator, f"/tasks/{decision.id}", {
        "field_decision_action": "decide_issue", "field_extension_reason": "bỏ qua",
        "field_decision_number": "", "field_decision_date": ""})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert page.count("Trường này là bắt buộc.") == 2


def test_a_small_file_reads_in_bytes_on_the_step_page(demo, app):
    clerk = _signed_in(app, "clerk.stttt")
    assign = factories.open_step(demo.id, "assign")
    pdf = b"%PDF-1.4\n% 512 bytes\n".ljust(512, b"0")

    post_form(clerk, f"/tasks/{assign.id}", {
        "field_noi_dung": "Tổ chức lễ hội Cầu Ngư ở Lý Sơn", "field_loai": "thuong_xuyen",
        "field_tai_lieu": (io.BytesIO(pdf), "ke-hoach.pdf")},
        content_type="multipart/form-data")

    page = clerk.get(f"/tasks/{assign.id}").get_data(as_text=True)
    assert "ke-hoach.pdf" in page and "· 512 B ·" in page and "0.5 KB" not in page


@pytest.mark.parametrize("size, locale, shown", [
    (0, "vi", "0 B"), (512, "vi", "512 B"), (1023, "en", "1023 B"), (1024, "vi", "1 KB"),
    (1536, "vi", "1,5 KB"), (1536, "en", "1.5 KB"), (10 * 1024 ** 2, "vi", "10 MB"),
])
def test_file_sizes_read_as_people_count_them(app, size, locale, shown):
    from flask_babel import force_locale

    from app.i18n import file_size

    with app.test_request_context(), force_locale(locale):
        assert file_size(size) == shown
