from flask import Flask

from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.conftest import csrf_token, login, post_form


def test_login_with_right_password_opens_the_home_page(client, agencies):
    factories.make_user("clerk.sct", full_name="Phạm Thị Huyền")

    response = login(client, "clerk.sct", factories.PASSWORD, follow_redirects=True)

    page = response.get_data(as_text=True)
    assert response.request.path == "/"
    assert "Phạm Thị Huyền" in page
    assert agencies["SCT"].name_vi in page


def test_user_name_is_case_insensitive(client, agencies):
    factories.make_user("clerk.sct")

    response = login(client, "  Clerk.SCT ", factories.PASSWORD)

    assert response.status_code == 302


def test_wrong_password_is_refused_and_says_so(client, agencies):
    factories.make_user("clerk.sct")

    response = login(client, "clerk.sct", "not-the-password")

    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still signed out


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(client, agencies):
    response = login(client, "nobody", "whatever-it-is")

    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.get_data(as_text=True)


def test_deactivated_user_cannot_sign_in(client, agencies):
    user = factories.make_user("gone.sct")
    user.active = False
    db.session.commit()

    response = login(client, "gone.sct", factories.PASSWORD)

    assert response.status_code == 200
    assert client.get("/").status_code == 302


def test_pages_need_a_signed_in_user(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_next_parameter_never_leaves_the_site(client, agencies):
    factories.make_user("clerk.sct")

    response = client.post(
        "/login?next=https://evil.example/phish",
        data={"username": "clerk.sct", "password": factories.PASSWORD,
              "csrf_token": csrf_token(client)},
    )

    assert response.headers["Location"] == "/"


def test_logout_ends_the_session(client, agencies):
    factories.make_user("clerk.sct")
    login(client, "clerk.sct", factories.PASSWORD)

    post_form(client, "/logout")

    assert client.get("/").status_code == 302


def test_change_password_then_sign_in_with_the_new_one(client, agencies):
    factories.make_user("clerk.sct")
    login(client, "clerk.sct", factories.PASSWORD)

    response = post_form(client, "/account/password", {
        "current": factories.PASSWORD, "new": "a-brand-new-secret", "confirm": "a-brand-new-secret",
    })
    assert response.status_code == 302
    post_form(client, "/logout")

    assert login(client, "clerk.sct", factories.PASSWORD).status_code == 200
    assert login(client, "clerk.sct", "a-brand-new-secret").status_code == 302


def test_change_password_rejects_a_short_one_and_keeps_the_old(client, agencies):
    factories.make_user("clerk.sct")
    login(client, "clerk.sct", factories.PASSWORD)

    response = post_form(client, "/account/password", {
        "current": factories.PASSWORD, "new": "short", "confirm": "short",
    })

    assert response.status_code == 200
    assert "ít nhất 12 ký tự" in response.get_data(as_text=True)
    user = db.session.scalar(db.select(User).where(User.username == "clerk.sct"))
    assert user.check_password(factories.PASSWORD)


def test_passwords_are_stored_hashed(agencies):
    user = factories.make_user("clerk.sct")

    assert factories.PASSWORD not in user.password_hash
    assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))



def test_outside_tests_passwords_are_hashed_with_scrypt(app):
    """The suite's cheap hash is the tests' alone: a production config keeps the default."""
    from app.auth.models import DEFAULT_HASH_METHOD, User
    from app.config import Config

    assert not hasattr(Config, "PASSWORD_HASH_METHOD") and DEFAULT_HASH_METHOD == "scrypt"
    production = Flask(__name__)
    with production.app_context():
        user = User(username="x", full_name="X")
        user.set_password("một mật khẩu đủ dài")
    assert user.password_hash.startswith("scrypt:")
