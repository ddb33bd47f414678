import pytest


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
