import pytest

from app.workflow import add_version
from tests import factories
from tests.workflow import diagrams


@pytest.fixture
def deploy(agencies):
    """Publish a diagram (XML text) and return its version."""

    def _deploy(xml: str, filename: str = "test.bpmn"):
        version, _ = add_version(xml, filename, publish=True)
        return version

    return _deploy


@pytest.fixture
def people(agencies):
    """One clerk in each of the agencies the test diagrams use, and a coordinator."""
    return {
        "sct": factories.make_user("clerk.sct", agency_code="SCT", full_name="Phạm Thị Huyền"),
        "sct2": factories.make_user("clerk2.sct", agency_code="SCT", full_name="Lê Văn Hai"),
        "snv": factories.make_user("clerk.snv", agency_code="SNV", full_name="Võ Minh Phê"),
        "coordinator": factories.make_user("coord", roles=["coordinator"],
                                           agency_code="STTTT", full_name="Trần Thị Điều"),
    }


@pytest.fixture
def two_steps(deploy):
    return deploy(diagrams.two_steps())


@pytest.fixture
def token_for(app):
    from app.api import tokens

    def _token(user):
        return tokens.create(user, "test")[1]

    return _token


@pytest.fixture
def api(app):
    """A JSON client: api(method, url, token, json=None) -> (status, body)."""
    client = app.test_client()

    def call(method, url, token=None, json=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = client.open(url, method=method, json=json, headers=headers)
        assert response.is_json, response.get_data(as_text=True)[:200]
        return response.status_code, response.get_json()

    return call
