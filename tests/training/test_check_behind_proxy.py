"""The public check page's limit counts per visitor's address. Behind a reverse proxy every
request comes from the proxy's address, so TRUSTED_PROXIES (the environment) says how many
proxies stand in front; their X-Forwarded-For then gives the visitor. Without it (0, the
default) the header is not believed: anyone could write one to get a fresh allowance."""

import pytest

from app import create_app
from app.config import Config, TestingConfig
from tests.training.test_certificates import certified  # noqa: F401 - a certificate to check

PROXY = {"REMOTE_ADDR": "10.0.0.2"}  # nginx on the same network


def _visitor(address: str) -> dict:
    return {**PROXY, "HTTP_X_FORWARDED_FOR": address}


@pytest.fixture
def behind_one_proxy(database_url, app):
    """The same app and database, configured as deployed behind one nginx."""
    config = TestingConfig(database_url)
    config.TRUSTED_PROXIES = 1
    proxied = create_app(config)
    proxied.config.update(CERTIFICATE_CHECK_LIMIT=3, CLOCK=app.config["CLOCK"])
    return proxied


def test_without_trusted_proxies_a_forged_header_buys_no_new_allowance(
        certified, app, monkeypatch):  # noqa: F811 - the fixture imported above
    monkeypatch.setitem(app.config, "CERTIFICATE_CHECK_LIMIT", 3)
    client, page = app.test_client(), f"/gcn/{certified['number']}"
    for n in range(3):
        assert client.get(page, environ_base=_visitor(f"198.51.100.{n}")).status_code == 200
    forged = client.get(page, environ_base=_visitor("198.51.100.99"))
    assert forged.status_code == 429  # all three came from 10.0.0.2, whatever they wrote


def test_behind_a_trusted_proxy_each_visitor_has_an_allowance_of_their_own(
        certified, behind_one_proxy):  # noqa: F811 - the fixture imported above
    client = behind_one_proxy.test_client()
    number = certified["number"]
    for _ in range(3):
        assert client.get(f"/gcn/{number}", environ_base=_visitor("203.0.113.7")).status_code == 200
    assert client.get(f"/gcn/{number}", environ_base=_visitor("203.0.113.7")).status_code == 429
    # another visitor through the same proxy is not held up by the first
    assert client.get(f"/gcn/{number}", environ_base=_visitor("203.0.113.8")).status_code == 200
    # the first writing an address of their own in front: the proxy appended the real one
    spoofed = _visitor("192.0.2.1, 203.0.113.7")
    assert client.get(f"/gcn/{number}", environ_base=spoofed).status_code == 429


@pytest.mark.parametrize("written", ["", "0", "2", " 1 "])
def test_the_setting_is_a_count_of_proxies(written):
    expected = int(written.strip() or 0)
    config = Config({"APP_ENV": "development", "SECRET_KEY": "x", "TRUSTED_PROXIES": written})
    assert expected == config.TRUSTED_PROXIES


def test_a_wrong_setting_stops_the_start_with_a_clear_reason():
    with pytest.raises(RuntimeError, match="TRUSTED_PROXIES must be a whole number"):
        Config({"APP_ENV": "development", "SECRET_KEY": "x", "TRUSTED_PROXIES": "yes"})
