"""Admins amend the plan in the app: change, add, retire; each recorded with who, when, why."""

from app.extensions import db
from app.plan.catalogue import items_due_in
from app.plan.models import PlanAmendment, PlanItem
from tests.conftest import post_form


def item_form(item, **changes):
    data = {
        "group_no": item.group_no, "group_title": item.group_title, "content": item.content,
        "timeframe_kind": item.timeframe_kind, "start_year": item.start_year or "",
        "end_year": item.end_year or "",
        "leads": [link.reference for link in item.leads],
        "cooperating": [link.reference for link in item.cooperating],
        "reason": "Theo Văn bản số 12/STTTT ngày 02/6/2025",
    }
    data.update(changes)
    return data


def test_everyone_signed_in_reads_the_catalogue_in_vietnamese(staff_client, plan):
    page = staff_client.get("/plan/").get_data(as_text=True)
    assert "Kế hoạch 116/KH-UBND ngày 03/6/2024" in page
    assert "Sở Văn hóa, Thể thao và Du lịch" in page and "Hàng năm" in page
    assert "Thêm nhiệm vụ" not in page  # only admins amend


def test_an_admin_changes_an_item_and_the_history_shows_it(admin_client, items):
    item = items["4.2"]
    response = post_form(admin_client, f"/plan/items/{item.id}/edit",
                         item_form(item, timeframe_kind="span", start_year=2024, end_year=2026),
                         follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2024–2026" in page and "<del>2024–2025</del>" in page
    assert "Theo Văn bản số 12/STTTT ngày 02/6/2025" in page
    [amendment] = db.session.scalars(db.select(PlanAmendment)).all()
    assert amendment.actor_id == admin_client.user.id and amendment.action == "changed"
    assert amendment.changes == {"timeframe": ["2024–2025", "2024–2026"]}
    db.session.expire_all()
    assert "4.2" in {i.code for i in items_due_in(item.plan, 2026)}


def test_an_amendment_needs_a_reason_and_keeps_what_was_typed(admin_client, items):
    item = items["1.2"]
    response = post_form(admin_client, f"/plan/items/{item.id}/edit",
                         item_form(item, content="Nội dung mới", reason=" "))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nội dung mới" in page and "is-invalid" in page
    db.session.expire_all()
    assert db.session.get(PlanItem, item.id).content.startswith("Tuyên truyền")
    assert db.session.scalar(db.select(db.func.count(PlanAmendment.id))) == 0


def test_wrong_years_get_an_inline_error(admin_client, items):
    item = items["3.2"]
    response = post_form(admin_client, f"/plan/items/{item.id}/edit",
                         item_form(item, start_year=2030, end_year=2024))
    assert "Khoảng thời gian kết thúc trước khi bắt đầu." in response.get_data(as_text=True)
    response = post_form(admin_client, f"/plan/items/{item.id}/edit",
                         item_form(item, start_year="năm sau"))
    assert response.status_code == 200 and "is-invalid" in response.get_data(as_text=True)


def test_saving_without_a_change_records_nothing(admin_client, items):
    item = items["5.4"]
    response = post_form(admin_client, f"/plan/items/{item.id}/edit", item_form(item))
    assert "Không có gì thay đổi." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(PlanAmendment.id))) == 0


def test_an_admin_adds_and_retires_items(admin_client, plan, items, agencies):
    response = post_form(admin_client, "/plan/items/new", {
        **item_form(items["3.9"], content="Quảng bá hình ảnh tỉnh trên nền tảng số."),
        "code": "3.10", "leads": [f"agency:{agencies['STTTT'].id}"], "cooperating": [],
        "timeframe_kind": "year", "start_year": 2026, "end_year": "",
    }, follow_redirects=True)
    assert "Đã thêm nhiệm vụ 3.10 vào kế hoạch." in response.get_data(as_text=True)
    added = db.session.scalar(db.select(PlanItem).where(PlanItem.code == "3.10"))
    assert [link.target.code for link in added.leads] == ["STTTT"]
    due = [i.code for i in items_due_in(plan, 2026)]
    assert due.index("3.10") == due.index("3.9") + 1  # in the plan's order, not the text's

    duplicate = post_form(admin_client, "/plan/items/new", {
        **item_form(items["3.9"]), "code": "3.10"})
    assert "Nhiệm vụ 3.10 đã có." in duplicate.get_data(as_text=True)

    response = post_form(admin_client, f"/plan/items/{items['1.1'].id}/retire",
                         {"reason": "Đã hoàn thành năm 2024"}, follow_redirects=True)
    assert "Đã bãi bỏ" in response.get_data(as_text=True)
    assert "1.1" not in {i.code for i in items_due_in(plan, 2024)}
    catalogue = admin_client.get("/plan/").get_data(as_text=True)
    assert "Phổ biến, quán triệt nội dung Nghị quyết." not in catalogue
    assert "Phổ biến, quán triệt" in admin_client.get("/plan/?all=1").get_data(as_text=True)


def test_only_admins_amend(staff_client, items):
    item = items["1.2"]
    assert staff_client.get(f"/plan/items/{item.id}/edit").status_code == 403
    response = post_form(staff_client, f"/plan/items/{item.id}/retire", {"reason": "x"})
    assert response.status_code == 403
    assert db.session.get(PlanItem, item.id).retired_at is None
    assert staff_client.get("/plan/items/99999").status_code == 404
