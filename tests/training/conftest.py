"""Fixtures of the training journeys: the shipped diagrams, people signed in with their own
browser (tests/journeys/walk.py), and a clock on a Monday in March 2026."""

from datetime import datetime

import pytest

from tests.journeys.conftest import coordinator, person, shipped  # noqa: F401 - shared


@pytest.fixture
def march(clock):
    """Monday 02/03/2026, 09:00 in Quảng Ngãi."""
    clock.current = datetime(2026, 3, 2, 2, 0)
    return clock


@pytest.fixture
def organiser(shipped, march, coordinator):  # noqa: F811 - the fixtures imported above
    """The plan's coordinator at Sở Thông tin và Truyền thông, who organises the classes."""
    return coordinator
