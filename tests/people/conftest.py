"""Fixtures for the journeys of who may act, the inbox, notices and the home page."""

import re

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.workflow.models import WorkItem
from tests import factories
from tests.api.conftest import api, token_for  # noqa: F401 - shared with these tests
from tests.conftest import login


@pytest.fixture
def shipped(agencies):
    """The diagrams of workflows/bpmn, as `flask seed` loads them."""
    workflow.sync_folder()


def signed_in(app, user):
    client = app.test_client()
    login(client, user.username, factories.PASSWORD)
    return client


def active_tab(page: str) -> str | None:
    """The inbox tab a page shows (its status in the query string)."""
    found = re.search(r'aria-current="page"\s+href="/tasks\?[^"]*status=(\w+)', page)
    return found.group(1) if found else None


def open_step(task_name: str, **where) -> WorkItem | None:
    query = select(WorkItem).where(WorkItem.task_name == task_name, WorkItem.status == "open")
    for column, value in where.items():
        query = query.where(getattr(WorkItem, column) == value)
    return db.session.scalars(query.order_by(WorkItem.id)).first()
