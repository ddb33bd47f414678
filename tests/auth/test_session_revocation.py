"""Sessions end on the server: a copied cookie dies with the sign-out, a new password ends
the person's other sessions, an admin's reset or deactivation ends sessions and API tokens."""

from app.api import tokens
from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.conftest import login, post_form


def _signed_in(app, username, password=factories.PASSWORD):
    client = app.test_client()
    assert login(client, username, password).status_code == 302
    return client


def _copy_of(app, client):
    """Another browser holding a copy of `client`'s session cookie (a thief's)."""
    thief = app.test_client()
    cookie = client.get_cookie("session")
    thief.set_cookie("session", cookie.value)
    return thief


def _signed_out(client) -> bool:
    response = client.get("/account")
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def _api_status(app, plain):
    response = app.test_client().get("/api/v1/work-items",
                                     headers={"Authorization": f"Bearer {plain}"})
    return response.status_code


def test_a_copied_cookie_is_refused_after_sign_out(app, agencies):
    factories.make_user("clerk.sct")
    owner = _signed_in(app, "clerk.sct")
    thief = _copy_of(app, owner)
    assert thief.get("/").status_code == 200  # the copy works while the session lives

    post_form(owner, "/logout")

    assert _signed_out(thief)


def test_changing_ones_password_ends_the_other_sessions_but_not_this_one(app, agencies):
    factories.make_user("clerk.sct")
    office, home = _signed_in(app, "clerk.sct"), _signed_in(app, "clerk.sct")

    response = post_form(office, "/account/password", {
        "current": factories.PASSWORD, "new": "gio-nam-thoi-qua-deo", "confirm":
        "gio-nam-thoi-qua-deo"})

    assert response.status_code == 302
    assert office.get("/").status_code == 200
    assert _signed_out(home)


def test_an_admins_reset_ends_the_persons_sessions_and_tokens(app, admin_client, agencies):
    person = factories.make_user("clerk.sct")
    browser = _signed_in(app, "clerk.sct")
    _, plain = tokens.create(person, "báo cáo tự động")
    assert _api_status(app, plain) == 200

    post_form(admin_client, f"/admin/users/{person.id}/reset-password")

    assert _signed_out(browser)
    assert _api_status(app, plain) == 401


def test_reactivating_a_person_revives_neither_sessions_nor_tokens(app, admin_client, agencies):
    person = factories.make_user("clerk.sct")
    browser = _signed_in(app, "clerk.sct")
    _, plain = tokens.create(person, "báo cáo tự động")

    post_form(admin_client, f"/admin/users/{person.id}/deactivate")
    post_form(admin_client, f"/admin/users/{person.id}/activate")

    assert db.session.get(User, person.id).active
    assert _signed_out(browser)
    assert _api_status(app, plain) == 401
    assert _signed_in(app, "clerk.sct").get("/").status_code == 200  # they sign in anew


def test_signing_out_everywhere_ends_the_other_sessions(app, agencies):
    factories.make_user("clerk.sct")
    office, lost_phone = _signed_in(app, "clerk.sct"), _signed_in(app, "clerk.sct")

    page = office.get("/account").get_data(as_text=True)
    assert "Đăng xuất khỏi các thiết bị khác" in page
    response = post_form(office, "/account/sessions/end-others", follow_redirects=True)

    assert "Đã kết thúc 1 phiên đăng nhập khác" in response.get_data(as_text=True)
    assert office.get("/").status_code == 200
    assert _signed_out(lost_phone)


def test_last_seen_is_recorded_at_most_once_a_minute(app, agencies, clock):
    from app.auth.models import SignInSession

    factories.make_user("clerk.sct")
    browser = _signed_in(app, "clerk.sct")
    signed_in_at = clock.current

    clock.advance(seconds=30)
    browser.get("/")
    assert db.session.scalar(db.select(SignInSession.last_seen_at)) == signed_in_at
    clock.advance(seconds=31)
    browser.get("/")
    db.session.expire_all()
    assert db.session.scalar(db.select(SignInSession.last_seen_at)) == clock.current
