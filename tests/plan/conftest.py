import pytest

from app.plan.catalogue import current_plan
from app.plan.seed import seed_plan


@pytest.fixture
def plan(agencies):
    seed_plan()
    return current_plan()


@pytest.fixture
def items(plan):
    return {item.code: item for item in plan.items}
