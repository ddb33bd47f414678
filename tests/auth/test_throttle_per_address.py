"""The sign-in throttle counts failures per address and per account from that address: a
success with one's own account does not reset an address's count, and an account under
attack slows the attacker's address, never its owner signing in from elsewhere."""

from app.auth.models import LoginAttempt
from app.extensions import db
from tests import factories
from tests.conftest import login

ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"


def _from(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_one_success_does_not_reset_an_addresses_failures(app, agencies):
    factories.make_user("clerk.sct")
    factories.make_user("attacker.snv", agency_code="SNV")
    guesser = _from(app, ATTACKER)

    statuses = []
    for number in range(50):
        if number == 10:  # the attacker signs in with their own account now and then
            assert login(_from(app, ATTACKER), "attacker.snv", factories.PASSWORD
                         ).status_code == 302
        statuses.append(login(guesser, f"nguoi{number}.sct", "doan-mo-mat-khau").status_code)

    assert statuses[:20] == [200] * 20
    assert statuses[20:] == [429] * 30
    refused = login(guesser, "clerk.sct", factories.PASSWORD)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
    assert "Đăng nhập sai quá nhiều lần" in refused.get_data(as_text=True)


def test_the_owner_signs_in_from_elsewhere_while_their_account_is_attacked(app, agencies):
    factories.make_user("admin.only", roles=["admin"])
    attacker = _from(app, ATTACKER)
    for _ in range(5):
        login(attacker, "admin.only", "doan-mo-mat-khau")

    assert login(attacker, "admin.only", factories.PASSWORD).status_code == 429
    assert login(_from(app, OWNER), "admin.only", factories.PASSWORD).status_code == 302


def test_retry_after_says_when_the_address_may_try_again(app, agencies, clock):
    factories.make_user("clerk.sct")
    attacker = _from(app, ATTACKER)
    for _ in range(5):
        login(attacker, "clerk.sct", "doan-mo-mat-khau")

    assert login(attacker, "clerk.sct", "x").headers["Retry-After"] == str(15 * 60)
    clock.advance(minutes=10)
    assert login(attacker, "clerk.sct", "x").headers["Retry-After"] == str(5 * 60)
    clock.advance(minutes=5)
    assert login(attacker, "clerk.sct", factories.PASSWORD).status_code == 302


def test_refused_tries_are_not_counted_and_nothing_sleeps(app, agencies, clock):
    """A try refused by the throttle is answered at once and adds nothing to the count."""
    attacker = _from(app, ATTACKER)
    for number in range(25):
        login(attacker, f"nguoi{number}.sct", "doan-mo-mat-khau")

    assert db.session.scalar(db.select(db.func.count(LoginAttempt.id))) == 20
