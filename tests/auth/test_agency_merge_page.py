"""Merging an agency from its admin page: nothing is chosen for the admin, and before the
merge is done the page says what it moves (people, groups, open steps, plan items)."""

import re

from sqlalchemy import select

from app import workflow
from app.auth.models import User
from app.extensions import db
from app.plan.seed import seed_plan
from tests import factories
from tests.conftest import post_form
from tests.workflow import diagrams


def test_the_successor_starts_on_choose_and_must_be_chosen(admin_client, agencies):
    old = agencies["SLDTBXH"]

    page = admin_client.get(f"/admin/agencies/{old.id}/merge").get_data(as_text=True)
    options = re.search(r'<select[^>]*name="successor"[^>]*>(.*?)</select>', page, re.S)[1]
    assert options.strip().startswith('<option selected value="">— Chọn —</option>')
    assert options.count(" selected") == 1

    response = post_form(admin_client, f"/admin/agencies/{old.id}/merge",
                         {"successor": "", "effective": "01/03/2025"})
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.get_data(as_text=True)
    db.session.expire_all()
    assert old.active is True


def test_the_admin_reads_what_moves_and_only_then_merges(admin_client, agencies, deploy):
    seed_plan()
    old, successor = agencies["SNGV"], agencies["VP_UBND"]
    clerk = factories.make_user("clerk.sngv", agency_code="SNGV", full_name="Đặng Thu Hà")
    deploy(diagrams.two_steps(first="SNGV", key="handed_over"))
    workflow.start_process("handed_over", subject="Đón đoàn khách Hàn Quốc")
    url = f"/admin/agencies/{old.id}/merge"

    asked = post_form(admin_client, url, {"successor": successor.id, "effective": "01/03/2025"})

    page = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert "Đặng Thu Hà (clerk.sngv)" in page
    assert "Báo cáo · Đón đoàn khách Hàn Quốc" in page
    assert "Nhiệm vụ chủ trì" in page and "3.7" in page
    assert "Sáp nhập ngay" in page
    db.session.expire_all()
    assert old.active is True and db.session.get(User, clerk.id).agency == old

    done = post_form(admin_client, url, {"successor": successor.id, "effective": "01/03/2025",
                                         "confirmed": "yes"})

    assert done.status_code == 302
    db.session.expire_all()
    assert old.active is False and old.successor == successor
    assert db.session.get(User, clerk.id).agency == successor


def test_a_merge_the_service_would_refuse_is_said_before_asking_to_confirm(admin_client,
                                                                           agencies):
    old = agencies["SCT"]

    response = post_form(admin_client, f"/admin/agencies/{old.id}/merge",
                         {"successor": agencies["SNV"].id, "effective": "01/07/2025"})

    page = response.get_data(as_text=True)
    assert "hôm nay" in page and "Sáp nhập ngay" not in page


def test_editing_an_agency_with_its_dates_left_blank_saves_it(admin_client, agencies):
    agency = agencies["SCT"]

    response = post_form(admin_client, f"/admin/agencies/{agency.id}/edit", {
        "code": agency.code, "name_vi": "Sở Công Thương tỉnh Quảng Ngãi",
        "name_en": agency.name_en, "kind": agency.kind, "valid_from": "", "valid_to": ""})

    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert agency.name_vi == "Sở Công Thương tỉnh Quảng Ngãi"
    assert agency.valid_from is None and agency.valid_to is None
    assert db.session.scalar(select(User)) is not None  # the admin is still there
