"""A person whose password no longer meets the rules changes it at their next sign-in, and
can do nothing else until then."""

from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.conftest import login, post_form


def test_a_weak_password_is_changed_at_the_next_sign_in(client, agencies):
    person = factories.make_user("clerk.sct")
    person.set_password("matkhau12345")  # set before the rules were stricter
    db.session.commit()

    assert login(client, "clerk.sct", "matkhau12345").status_code == 302

    response = client.get("/tasks")
    assert response.headers["Location"] == "/account/password"
    page = client.get("/account/password").get_data(as_text=True)
    assert "Mật khẩu hiện tại của bạn không còn đáp ứng quy định" in page
    new = "gio-nam-thoi-qua-deo"
    post_form(client, "/account/password", {"current": "matkhau12345", "new": new,
                                            "confirm": new})
    assert client.get("/").status_code == 200
    assert not db.session.get(User, person.id).must_change_password


def test_a_good_password_signs_straight_in(client, agencies):
    factories.make_user("clerk.sct")

    login(client, "clerk.sct", factories.PASSWORD)

    assert client.get("/").status_code == 200
