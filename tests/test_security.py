from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.conftest import login


def test_post_without_csrf_token_is_refused(client, agencies):
    factories.make_user("clerk.sct")

    response = client.post("/login", data={"username": "clerk.sct",
                                           "password": factories.PASSWORD})

    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn" in response.get_data(as_text=True) or \
        "không được gửi từ" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_admin_action_without_csrf_token_changes_nothing(admin_client, agencies):
    response = admin_client.post("/admin/users/new", data={
        "username": "sneaky", "full_name": "Sneaky", "agency": agencies["SCT"].id,
        "roles": ["admin"], "locale": "vi",
    })

    assert response.status_code == 400
    assert db.session.scalar(db.select(User).where(User.username == "sneaky")) is None


def test_security_headers_on_every_response(client):
    for url in ("/login", "/static/css/app.css", "/no-such-page"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"], url
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"


def test_session_cookie_is_httponly_and_samesite(client, agencies):
    factories.make_user("clerk.sct")

    response = login(client, "clerk.sct", factories.PASSWORD)

    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_pages_load_nothing_from_other_hosts(client):
    page = client.get("/login").get_data(as_text=True)

    assert "http://" not in page and "https://" not in page
