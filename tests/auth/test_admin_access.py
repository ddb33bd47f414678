"""Every admin page refuses everyone but administrators, on the server, whatever the method."""

import re

import pytest

from tests.conftest import csrf_token


def _admin_requests(app):
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/admin"):
            continue
        url = re.sub(r"<any\(([^,)]+)[^>]*>", r"\1", rule.rule)
        url = re.sub(r"<[^>]+>", "1", url)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, url


def test_there_are_admin_pages_to_check(app):
    assert len(list(_admin_requests(app))) >= 10


@pytest.mark.parametrize("role", ["agency_staff", "agency_lead", "coordinator",
                                  "home_affairs_approver", "trainee"])
def test_non_admins_get_403_on_every_admin_page(app, agencies, role):
    from tests import factories
    from tests.conftest import login

    factories.make_user("someone", roles=[role])
    client = app.test_client()
    login(client, "someone", factories.PASSWORD)
    token = csrf_token(client)

    refused = {
        (method, url): client.open(url, method=method, data={"csrf_token": token}).status_code
        for method, url in _admin_requests(app)
    }

    assert set(refused.values()) == {403}, refused


def test_403_page_is_in_vietnamese(staff_client):
    response = staff_client.get("/admin/users")

    assert response.status_code == 403
    assert "Bạn không có quyền" in response.get_data(as_text=True)


def test_anonymous_users_are_sent_to_sign_in(app, client):
    for method, url in _admin_requests(app):
        if method == "GET":
            response = client.get(url)
            assert response.status_code == 302
            assert response.headers["Location"].startswith("/login")


def test_admin_reaches_the_admin_pages(admin_client):
    for url in ("/admin/agencies", "/admin/groups", "/admin/users", "/admin/settings",
                "/admin/processes", "/admin/instances", "/admin/instances?status=error&q=x"):
        assert admin_client.get(url).status_code == 200, url
