"""What the registry's tests share (no tests here): the demo's registry — last year's
decision 2718/QĐ-UBND with its seven awardees, and 2022-2023 imported — and the people who
read it, each signed in with their own browser."""

import re

import pytest

from app.extensions import db
from modules.awards.registry_demo import seed_demo_registry
from tests.journeys.conftest import person  # noqa: F401 - shared
from tests.journeys.walk import main_text, text_of

ROW = re.compile(r'<tr data-award="(\d+)"( data-revoked="1")?[^>]*>(.*?)</tr>', re.S)


@pytest.fixture
def registry(agencies):
    """The demo's registry on the tests' clock (02/06/2025): 2024's decision, 2022 and 2023
    imported."""
    assert seed_demo_registry()
    db.session.remove()


@pytest.fixture
def readers(person):  # noqa: F811 - the fixture imported above
    return {
        "home_affairs": person("noivu", "SNV", "Võ Minh Phê", "home_affairs_approver",
                               "agency_staff"),
        "coordinator": person("dieuphoi", "SVHTTDL", "Trần Thị Điều", "coordinator",
                              "agency_staff"),
        "admin": person("quantri", "SVHTTDL", "Nguyễn Văn Quản", "admin"),
        "sct": person("chuyenvien.sct", "SCT", "Phạm Thị Huyền", "agency_staff"),
        "lead": person("lanhdao.svhttdl", "SVHTTDL", "Lê Văn Lãnh", "agency_lead",
                       "agency_staff"),
        "trainee": person("hocvien", "SYT", "Đặng Thị Học", "trainee"),
    }


def awards_listed(page: str) -> list[dict]:
    """The awards a registry page (or a history) lists, as a reader reads each row."""
    return [{"id": int(award_id), "revoked": bool(revoked), "text": text_of(cells)}
            for award_id, revoked, cells in ROW.findall(page)]


def names(page: str) -> list[str]:
    return [row["text"] for row in awards_listed(page)]


def search(someone, **query) -> list[dict]:
    from urllib.parse import urlencode

    return awards_listed(someone.get("/awards/registry/?" + urlencode(query)))


def page_text(someone, url: str) -> str:
    return main_text(someone.get(url))
