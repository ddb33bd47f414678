"""Signing in starts afresh: the CSRF token seen before it is worth nothing after, and pages
shown to a signed-in person are kept by no cache (a shared computer's Back button)."""

from tests import factories
from tests.conftest import csrf_token, login, post_form


def test_the_csrf_token_changes_at_sign_in(client, agencies):
    factories.make_user("clerk.sct")
    before = csrf_token(client)

    login(client, "clerk.sct", factories.PASSWORD)

    after = csrf_token(client)
    assert after != before
    refused = client.post("/account/sessions/end-others", data={"csrf_token": before})
    assert refused.status_code == 400
    assert post_form(client, "/account/sessions/end-others").status_code == 302


def test_signed_in_pages_are_not_stored(client, agencies):
    factories.make_user("clerk.sct")
    assert "no-store" not in client.get("/login").headers.get("Cache-Control", "")

    login(client, "clerk.sct", factories.PASSWORD)

    for path in ("/", "/tasks", "/account", "/account/password"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path
