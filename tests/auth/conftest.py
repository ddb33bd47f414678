"""Fixtures of the account journeys: the province of 2026, and an SMTP sink that keeps the
mails the app sends (tests.mail, offered to every test by tests/conftest.py)."""

from datetime import datetime

import pytest

from app.auth.reorg_seed import seed_reorganisation
from tests import factories


@pytest.fixture
def province_2026(clock, agencies):
    """Quảng Ngãi on Monday 02/3/2026: the departments merged, the district level gone, the
    96 communes and wards at work."""
    clock.current = datetime(2026, 3, 2, 2, 0)
    seed_reorganisation()
    return factories.seeded_agencies()
