from tests import factories
from tests.conftest import login


def _fail(client, username, times):
    for _ in range(times):
        login(client, username, "wrong-password")


def test_five_failures_lock_the_account_even_for_the_right_password(client, agencies):
    factories.make_user("clerk.sct")
    _fail(client, "clerk.sct", 5)

    response = login(client, "clerk.sct", factories.PASSWORD)

    assert response.status_code == 429
    assert "thử lại sau 15 phút" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_the_lock_lifts_when_the_window_has_passed(client, agencies, clock):
    factories.make_user("clerk.sct")
    _fail(client, "clerk.sct", 5)

    clock.advance(minutes=14)
    assert login(client, "clerk.sct", factories.PASSWORD).status_code == 429
    clock.advance(minutes=1, seconds=1)

    assert login(client, "clerk.sct", factories.PASSWORD).status_code == 302


def test_four_failures_then_success_do_not_lock(client, agencies):
    factories.make_user("clerk.sct")
    _fail(client, "clerk.sct", 4)

    assert login(client, "clerk.sct", factories.PASSWORD).status_code == 302


def test_a_success_resets_the_count(app, agencies, clock):
    factories.make_user("clerk.sct")
    client = app.test_client()
    _fail(client, "clerk.sct", 4)
    login(client, "clerk.sct", factories.PASSWORD)
    clock.advance(seconds=5)
    other = app.test_client()
    _fail(other, "clerk.sct", 4)

    assert login(other, "clerk.sct", factories.PASSWORD).status_code == 302


def test_one_address_guessing_across_accounts_is_locked_out(client, agencies):
    factories.make_user("clerk.sct")
    for number in range(20):
        login(client, f"guess{number}", "wrong-password")

    assert login(client, "clerk.sct", factories.PASSWORD).status_code == 429
