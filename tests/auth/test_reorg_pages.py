"""An ended agency's admin page, walked through as an admin does it: each person to the live
agency the admin chooses, then its open work to whoever holds each part of it today, each
move audited (who, when, from, to), nothing open left with the ended agency; and the
successions edited there, which the coordinator setting follows. A fresh load from the
database between every two steps; bad input gets a clear message, never a 500."""

import re
from datetime import date, datetime

from sqlalchemy import select

from app import workflow
from app.auth.agency_service import coordinator_agency
from app.auth.models import User
from app.auth.person_moves import PersonMove
from app.auth.reorg_seed import seed_reorganisation
from app.extensions import db
from app.plan.assignments import launch_item
from app.plan.catalogue import current_plan, item_by_code
from app.plan.models import Assignment
from app.plan.seed import seed_plan
from app.workflow.models import AuditEvent, WorkItem
from tests import factories
from tests.conftest import _logged_in, post_form


def _page(client, agency) -> str:
    return client.get(f"/admin/agencies/{agency.id}/successions").get_data(as_text=True)


def _flash(client, response) -> str:
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _open_steps_of_sttt_before_it_ended(clock):
    """The province seeded, and items 1.2 (foreign information) and 4.1 (the rest of its
    work) launched for 2025, while Sở Thông tin và Truyền thông still worked (20/02/2025);
    Hà holds 4.1's step."""
    clock.current = datetime(2025, 2, 20, 2, 0)
    seed_reorganisation()
    seed_plan()
    workflow.sync_folder()
    ha = factories.make_user("ha.sttt", agency_code="STTTT", full_name="Đặng Thu Hà")
    binh = factories.make_user("binh.sttt", agency_code="STTTT", full_name="Lê Văn Bình")
    plan = current_plan()
    for code in ("1.2", "4.1"):
        launch_item(item_by_code(plan, code), 2025, date(2025, 11, 28))
    step_41 = db.session.scalar(select(WorkItem).where(WorkItem.subject.startswith("4.1")))
    workflow.claim(step_41.id, ha)
    clock.current = datetime(2025, 6, 2, 1, 30)  # Sở TT&TT ended on 28/02/2025
    return ha, binh, factories.seeded_agencies()


def test_people_then_open_work_follow_the_duty_they_belong_to(app, clock, agencies):
    """Thông tư 10/2025/TT-BVHTTDL, Điều 1, and the province's merger of Sở TT&TT into Sở
    KH&CN (01/3/2025): item 1.2's open step goes to Sở VHTTDL, item 4.1's to Sở KH&CN; the
    admin chooses where each person goes; a person keeps a step only where it went."""
    ha, binh, a = _open_steps_of_sttt_before_it_ended(clock)
    admin = _logged_in(app, factories.make_user("admin.reorg", roles=["admin"],
                                                agency_code="VP_UBND", full_name="Quản Trị"))
    sttt = a["STTTT"]

    page = _page(admin, sttt)
    assert "Đặng Thu Hà (ha.sttt)" in page and "Lê Văn Bình (binh.sttt)" in page
    assert "→ Sở Văn hóa, Thể thao và Du lịch" in page and "→ Sở Khoa học và Công nghệ" in page

    moved = post_form(admin, f"/admin/agencies/{sttt.id}/people", {
        f"person-{ha.id}": a["SVHTTDL"].id, f"person-{binh.id}": a["SKHCN"].id})
    assert "Đã chuyển 2 người." in _flash(admin, moved)

    db.session.expire_all()
    assert db.session.get(User, ha.id).agency.code == "SVHTTDL"
    assert db.session.get(User, binh.id).agency.code == "SKHCN"
    moves = {m.person.username: (m.from_agency.code, m.to_agency.code, m.actor.username)
             for m in db.session.scalars(select(PersonMove))}
    assert moves == {"ha.sttt": ("STTTT", "SVHTTDL", "admin.reorg"),
                     "binh.sttt": ("STTTT", "SKHCN", "admin.reorg")}
    assert "Người đã điều chuyển" in _page(admin, sttt)

    work = post_form(admin, f"/admin/agencies/{sttt.id}/work")
    message = _flash(admin, work)
    assert "Đã chuyển 4 việc đang mở cho cơ quan kế thừa." in message  # 2 steps, 2 assignments

    db.session.expire_all()
    steps = {s.subject[:3]: s for s in db.session.scalars(select(WorkItem).where(
        WorkItem.status == "open", WorkItem.process_key == "task_assignment"))}
    assert steps["1.2"].agency.code == "SVHTTDL" and steps["4.1"].agency.code == "SKHCN"
    assert steps["4.1"].claimed_by_id is None  # Hà went to Sở VHTTDL: 4.1 is Sở KH&CN's now
    assert db.session.scalar(select(WorkItem.id).where(
        WorkItem.agency_id == sttt.id, WorkItem.status == "open")) is None
    assert {x.item.code: x.agency.code for x in db.session.scalars(select(Assignment))} == \
        {"1.2": "SVHTTDL", "4.1": "SKHCN"}
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.kind == "reassigned")).all()
    assert {(e.details["from_agency"], e.details["to_agency"]) for e in events} == \
        {("STTTT", "SVHTTDL"), ("STTTT", "SKHCN")}
    assert {e.actor_id for e in events} == {admin.user.id} and all(e.at for e in events)

    again = post_form(admin, f"/admin/agencies/{sttt.id}/work")
    assert "Cơ quan này không còn việc nào đang mở." in _flash(admin, again)


def test_bad_moves_get_a_clear_message_and_move_nothing(app, clock, province_today):
    """A person goes only to an agency that exists today; a second admin making the same
    move a moment later is told it was done, and nothing moves twice."""
    a = province_today
    sttt = a["STTTT"]
    ha = factories.make_user("ha.sttt", agency_code="STTTT", full_name="Đặng Thu Hà")
    first = _logged_in(app, factories.make_user("admin.one", roles=["admin"]))
    second = _logged_in(app, factories.make_user("admin.two", roles=["admin"]))

    to_ended = post_form(first, f"/admin/agencies/{sttt.id}/people",
                         {f"person-{ha.id}": a["SKHDT"].id})
    assert "Sở Kế hoạch và Đầu tư hiện không còn hoạt động" in _flash(first, to_ended)
    unchosen = post_form(first, f"/admin/agencies/{sttt.id}/people", {f"person-{ha.id}": ""})
    assert "Chọn cơ quan mới cho từng người." in _flash(first, unchosen)
    db.session.expire_all()
    assert db.session.get(User, ha.id).agency_id == sttt.id

    form = {f"person-{ha.id}": a["SVHTTDL"].id}
    done = post_form(first, f"/admin/agencies/{sttt.id}/people", form)
    late = post_form(second, f"/admin/agencies/{sttt.id}/people", form)

    assert "Đã chuyển 1 người." in _flash(first, done)
    assert "không còn thuộc Sở Thông tin và Truyền thông" in _flash(second, late)
    db.session.expire_all()
    assert len(db.session.scalars(select(PersonMove)).all()) == 1

    still_working = post_form(first, f"/admin/agencies/{a['SCT'].id}/work")
    assert "vẫn đang hoạt động" in _flash(first, still_working)


def test_the_coordinator_follows_the_coordinating_duty(app, province_today):
    """Thông tư 10/2025/TT-BVHTTDL, Điều 1: foreign information is Sở VHTTDL's, so the plan's
    coordination (Kế hoạch 116, mục IV.2: Sở TT&TT) is theirs today; when the admin gives that
    duty to another agency, the coordinator setting follows without being set again."""
    a = province_today
    admin = _logged_in(app, factories.make_user("admin.test", roles=["admin"]))
    sttt = a["STTTT"]
    assert coordinator_agency().code == "SVHTTDL"
    assert "Cơ quan chủ trì Kế hoạch hiện nay: Sở Văn hóa, Thể thao và Du lịch." in \
        admin.get("/admin/settings").get_data(as_text=True)

    duplicate = post_form(admin, f"/admin/agencies/{sttt.id}/successions", {
        "succession-scope": "duty", "succession-scope_value": "coordinator",
        "succession-successor": f"agency:{a['SNGV'].id}"})
    assert duplicate.status_code == 422
    assert "Phần việc này đã có cơ quan kế thừa" in duplicate.get_data(as_text=True)

    row = next(r for r in sttt.successions if r.scope_value == "coordinator")
    removed = post_form(admin, f"/admin/agencies/{sttt.id}/successions/{row.id}/delete")
    assert "Đã xóa cơ quan kế thừa." in _flash(admin, removed)
    added = post_form(admin, f"/admin/agencies/{sttt.id}/successions", {
        "succession-scope": "duty", "succession-scope_value": "coordinator",
        "succession-successor": f"agency:{a['SNGV'].id}",
        "succession-source": "Quyết định giả định, chưa đối chiếu văn bản"})
    assert "Đã lưu cơ quan kế thừa." in _flash(admin, added)

    db.session.expire_all()
    assert coordinator_agency().code == "SNGV"
    assert "Cơ quan chủ trì Kế hoạch hiện nay: Sở Ngoại vụ." in \
        admin.get("/admin/settings").get_data(as_text=True)


def test_the_settings_page_shows_todays_coordinator_and_saving_it_keeps_the_duty(
        app, clock, province_today):
    """Kế hoạch 116, mục IV.2 names Sở TT&TT, which ended on 28/02/2025: the page's list of
    live agencies shows who holds its coordinating duty (Thông tư 10/2025/TT-BVHTTDL: Sở
    VHTTDL), not the first agency of the list, so saving the page as it opens keeps the
    coordinator; a save with nothing chosen is refused."""
    from tests.pages import form_values

    clock.current = datetime(2026, 3, 2, 1, 30)
    a = province_today
    admin = _logged_in(app, factories.make_user("admin.test", roles=["admin"]))
    values = form_values(admin.get("/admin/settings").get_data(as_text=True), "/admin/settings",
                         page_url="/admin/settings")
    assert values["coordinator_agency"] == str(a["SVHTTDL"].id)

    saved = post_form(admin, "/admin/settings", values)
    assert saved.status_code == 302
    db.session.expire_all()
    assert coordinator_agency().code == "SVHTTDL"

    refused = post_form(admin, "/admin/settings", {"coordinator_agency": ""})
    assert refused.status_code == 200 and "is-invalid" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert coordinator_agency().code == "SVHTTDL"


def test_a_forged_move_gets_a_clear_message_not_a_500(app, clock, province_today):
    """Bad input loses nothing and gets a clear message: an agency number no agency has (too
    large for the database, or digits of another script) and a person who is not there."""
    a = province_today
    sttt = a["STTTT"]
    ha = factories.make_user("ha.sttt", agency_code="STTTT", full_name="Đặng Thu Hà")
    admin = _logged_in(app, factories.make_user("admin.one", roles=["admin"]))
    url = f"/admin/agencies/{sttt.id}/people"
    for form in ({f"person-{ha.id}": "99999999999999999999"}, {f"person-{ha.id}": "²"},
                 {f"person-{ha.id}": "٣"}, {"person-99999999999999999999": a["SNV"].id},
                 {"person-²": a["SNV"].id}):
        response = post_form(admin, url, form)
        assert response.status_code == 302, (form, response.status_code)
        assert "Chọn cơ quan mới cho từng người." in _flash(admin, response) or \
            "hiện không còn hoạt động" in _flash(admin, response), form
    db.session.expire_all()
    assert db.session.get(User, ha.id).agency_id == sttt.id
    assert db.session.scalars(select(PersonMove)).all() == []
