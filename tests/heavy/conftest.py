"""Heavy tests (`make test-heavy`) share the suite's fixtures (tests/conftest.py) and the API's
(tests/api/conftest.py)."""

from tests.api.conftest import api, token_for  # noqa: F401 - fixtures
