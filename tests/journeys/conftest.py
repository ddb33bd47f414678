"""Fixtures of the journeys: the shipped plan and diagrams, people signed in with their own
browser (tests/journeys/walk.py), and their API clients."""

import pytest

from app import workflow
from app.plan.catalogue import current_plan
from app.plan.seed import seed_plan
from tests import factories
from tests.api.conftest import api, token_for  # noqa: F401, F811 - the JSON client, shared
from tests.journeys.walk import ApiPerson, Person


@pytest.fixture
def shipped(agencies):
    """The plan and the diagrams of workflows/bpmn, as `flask seed` loads them."""
    seed_plan()
    workflow.sync_folder()
    return current_plan()


@pytest.fixture
def person(app, agencies):
    """person(username, agency code, full name, roles...) → their signed-in browser."""

    def make(username: str, agency_code: str, full_name: str, *roles: str) -> Person:
        user = factories.make_user(username, roles=roles or ("agency_staff",),
                                   agency_code=agency_code, full_name=full_name)
        return Person(app, user)

    return make


@pytest.fixture
def coordinator(person):
    return person("dieu.phoi", "STTTT", "Trần Thị Điều", "coordinator", "agency_staff")


@pytest.fixture
def api_person(api, token_for):  # noqa: F811 - the fixtures imported above
    """api_person(person) → that person's API client, on a token of their own."""
    return lambda someone: ApiPerson(api, token_for(someone.user))
