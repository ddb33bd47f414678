"""An admin sees a person's sign-in sessions and API tokens, ends them, and unlocks the
account after an attack; nobody else may."""

import re

from app.api import tokens
from tests import factories
from tests.conftest import login, post_form


def _signed_in(app, address, agent):
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
    assert login(client, "clerk.sct", factories.PASSWORD).status_code == 302
    return client


def _signed_out(client) -> bool:
    response = client.get("/account")
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def _page(admin_client, person):
    return admin_client.get(f"/admin/users/{person.id}/sessions").get_data(as_text=True)


def test_the_admin_sees_and_ends_a_persons_sessions(app, admin_client, agencies):
    person = factories.make_user("clerk.sct", full_name="Phạm Thị Huyền")
    office = _signed_in(app, "10.20.0.15", "Mozilla/5.0 (Windows NT 10.0) Firefox/128.0")
    phone = _signed_in(app, "113.160.9.9", "Mozilla/5.0 (Linux; Android 14) Chrome/126.0")

    page = _page(admin_client, person)
    assert "Phiên đăng nhập và mã truy cập API" in page
    assert "10.20.0.15" in page and "113.160.9.9" in page
    assert "Android 14" in page

    ends = re.findall(r'action="(/admin/users/\d+/sessions/\d+/end)"', page)
    assert len(ends) == 2
    # The list is newest first: the phone's session is the first.
    post_form(admin_client, ends[0])
    assert _signed_out(phone) and not _signed_out(office)

    response = post_form(admin_client, f"/admin/users/{person.id}/sessions/end-all",
                         follow_redirects=True)
    assert "Đã kết thúc 1 phiên đăng nhập" in response.get_data(as_text=True)
    assert _signed_out(office)
    assert "10.20.0.15" not in _page(admin_client, person)


def test_the_admin_revokes_a_persons_token(app, admin_client, agencies):
    person = factories.make_user("clerk.sct")
    token, plain = tokens.create(person, "Đồng bộ báo cáo")

    page = _page(admin_client, person)
    assert "Đồng bộ báo cáo" in page and token.prefix in page
    post_form(admin_client, f"/admin/users/{person.id}/tokens/{token.id}/revoke")

    response = app.test_client().get("/api/v1/work-items",
                                     headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 401
    assert "Đã thu hồi" in _page(admin_client, person)


def test_the_admin_unlocks_an_account_after_an_attack(app, admin_client, agencies):
    person = factories.make_user("clerk.sct")
    attacked = app.test_client()
    for _ in range(5):
        login(attacked, "clerk.sct", "doan-mo-mat-khau")
    assert login(attacked, "clerk.sct", factories.PASSWORD).status_code == 429
    assert "5 lần đăng nhập sai" in _page(admin_client, person)

    post_form(admin_client, f"/admin/users/{person.id}/unlock")

    assert login(attacked, "clerk.sct", factories.PASSWORD).status_code == 302


def test_the_user_page_leads_to_the_sessions(admin_client, agencies):
    person = factories.make_user("clerk.sct")

    page = admin_client.get(f"/admin/users/{person.id}/edit").get_data(as_text=True)

    assert f'href="/admin/users/{person.id}/sessions"' in page


def test_nobody_but_an_admin_sees_or_ends_sessions(app, staff_client, agencies):
    person = factories.make_user("clerk.sct")
    browser = _signed_in(app, "10.20.0.15", "Firefox")

    assert staff_client.get(f"/admin/users/{person.id}/sessions").status_code == 403
    for action in ("sessions/end-all", "unlock"):
        assert post_form(staff_client, f"/admin/users/{person.id}/{action}").status_code == 403
    assert not _signed_out(browser)
