import re

from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.conftest import login, post_form


def _user(username):
    return db.session.scalar(db.select(User).where(User.username == username))


def _shown_password(response):
    return re.search(r'id="temporary-password">([^<]+)<', response.get_data(as_text=True)).group(1)


def test_admin_creates_a_person_who_must_change_the_temporary_password(app, admin_client,
                                                                       agencies):
    response = post_form(admin_client, "/admin/users/new", {
        "username": "vanthu.sct", "full_name": "Nguyễn Thị Thư", "email": "thu@example.vn",
        "agency": agencies["SCT"].id, "roles": ["agency_staff", "trainee"], "locale": "vi",
    })
    assert response.status_code == 200
    password = _shown_password(response)
    person = _user("vanthu.sct")
    assert {r.value for r in person.roles} == {"agency_staff", "trainee"}

    client = app.test_client()
    assert login(client, "vanthu.sct", password).status_code == 302
    assert client.get("/").headers["Location"] == "/account/password"
    post_form(client, "/account/password",
              {"current": password, "new": "my-own-password", "confirm": "my-own-password"})
    assert client.get("/").status_code == 200


def test_invalid_new_person_keeps_what_was_typed(admin_client, agencies):
    factories.make_user("taken.name")

    response = post_form(admin_client, "/admin/users/new", {
        "username": "taken.name", "full_name": "Trần Văn Trùng", "agency": agencies["SCT"].id,
        "roles": ["agency_staff"], "locale": "vi",
    })

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Trần Văn Trùng" in page
    assert db.session.scalar(db.select(db.func.count(User.id))) == 2  # admin and the first


def test_admin_assigns_agency_and_roles(admin_client, agencies):
    person = factories.make_user("clerk.sct")

    post_form(admin_client, f"/admin/users/{person.id}/edit", {
        "full_name": "Clerk Moved", "agency": agencies["SNV"].id,
        "roles": ["home_affairs_approver"], "locale": "en",
    })

    db.session.expire_all()
    assert person.agency.code == "SNV"
    assert {r.value for r in person.roles} == {"home_affairs_approver"}


def test_reset_password_gives_a_temporary_one(app, admin_client, agencies):
    person = factories.make_user("clerk.sct")

    response = post_form(admin_client, f"/admin/users/{person.id}/reset-password")
    password = _shown_password(response)

    client = app.test_client()
    assert login(client, "clerk.sct", factories.PASSWORD).status_code == 200
    assert login(client, "clerk.sct", password).status_code == 302


def test_deactivated_person_cannot_sign_in_and_is_signed_out(app, admin_client, agencies):
    person = factories.make_user("clerk.sct")
    their_client = app.test_client()
    login(their_client, "clerk.sct", factories.PASSWORD)

    post_form(admin_client, f"/admin/users/{person.id}/deactivate")

    assert their_client.get("/").status_code == 302
    assert login(app.test_client(), "clerk.sct", factories.PASSWORD).status_code == 200


def test_admin_cannot_lock_themselves_out(admin_client, agencies):
    me = admin_client.user

    post_form(admin_client, f"/admin/users/{me.id}/deactivate")
    post_form(admin_client, f"/admin/users/{me.id}/edit", {
        "full_name": me.full_name, "agency": me.agency_id, "roles": ["agency_staff"],
        "locale": "vi",
    })

    db.session.expire_all()
    assert me.active is True
    assert "admin" in {r.value for r in me.roles}


def test_people_list_filters_by_role_and_agency(admin_client, agencies):
    factories.make_user("clerk.sct", full_name="Người Công Thương")
    factories.make_user("lead.snv", roles=["agency_lead"], agency_code="SNV",
                        full_name="Người Nội Vụ")

    page = admin_client.get(f"/admin/users?agency={agencies['SNV'].id}").get_data(as_text=True)
    assert "Người Nội Vụ" in page and "Người Công Thương" not in page

    page = admin_client.get("/admin/users?role=agency_staff").get_data(as_text=True)
    assert "Người Công Thương" in page and "Người Nội Vụ" not in page


def test_people_list_pages_through_many(admin_client, agencies):
    for number in range(60):
        factories.make_user(f"clerk{number:02d}", full_name=f"Chuyên viên {number:02d}")

    first = admin_client.get("/admin/users").get_data(as_text=True)
    second = admin_client.get("/admin/users?page=2").get_data(as_text=True)

    assert "Chuyên viên 00" in first and "Chuyên viên 59" not in first
    assert "Chuyên viên 59" in second and "Chuyên viên 00" not in second
    assert 'href="/admin/users?page=2"' in first
