"""A password is refused when short, common (zxcvbn, and a list of passwords common in
Vietnam) or made of the person's own name, user name or agency; a good one is taken."""

import pytest
from flask_babel import force_locale

from app.auth.password_policy import PasswordRefused, check_password
from app.auth.seed import DEMO_PASSWORD, DEMO_USERS
from modules.training.demo import TRAINEES
from tests import factories
from tests.conftest import login, post_form


def _refusal(password, **person):
    person = {"username": "huyen.pt", "full_name": "Phạm Thị Huyền",
              "agency": factories.agency("SCT"), **person}
    with pytest.raises(PasswordRefused) as refused, force_locale("en"):
        check_password(password, **person)
    with force_locale("en"):
        return str(refused.value)


def test_a_short_password_is_refused(agencies):
    assert "12" in _refusal("Ca-phe-s8a!")  # 11 characters


@pytest.mark.parametrize("password", ["password1234", "qwertyuiop123", "123456789012",
                                      "iloveyou2024!"])
def test_a_common_password_is_refused(agencies, password):
    assert "common" in _refusal(password) or "guess" in _refusal(password)


@pytest.mark.parametrize("password", ["matkhau@2024", "Anhyeuem12345", "QuangNgai@2024",
                                      "Mật-khẩu-123", "vietnam123456", "hoilamgi12345"])
def test_a_password_common_in_vietnam_is_refused(agencies, password):
    assert "common" in _refusal(password)


@pytest.mark.parametrize("password", ["PhamThiHuyen1990", "huyen.pt-2025!", "Huyền@Sở-2025x",
                                      "congthuong@2025", "HUYEN-PT-dep-trai"])
def test_a_password_made_of_ones_name_user_name_or_agency_is_refused(agencies, password):
    assert "name" in _refusal(password)


def test_a_long_unusual_password_is_taken(agencies):
    check_password("gio-nam-thoi-qua-deo", username="huyen.pt", full_name="Phạm Thị Huyền",
                   agency=factories.agency("SCT"))
    check_password(factories.PASSWORD, username="clerk.sct", full_name="Clerk.Sct",
                   agency=factories.agency("SCT"))


def test_the_demo_password_follows_the_same_rule(province_today):
    agencies = factories.seeded_agencies()
    people = [(demo.username, demo.full_name, demo.agency_code) for demo in DEMO_USERS]
    for username, full_name, code in people + TRAINEES:
        check_password(DEMO_PASSWORD, username=username, full_name=full_name,
                       agency=agencies[code])


def test_the_change_password_page_says_why_it_refuses(client, agencies):
    factories.make_user("huyen.pt", full_name="Phạm Thị Huyền")
    login(client, "huyen.pt", factories.PASSWORD)

    page = post_form(client, "/account/password", {
        "current": factories.PASSWORD, "new": "anhyeuem@2024", "confirm": "anhyeuem@2024",
    }).get_data(as_text=True)

    assert "quá phổ biến" in page
    page = post_form(client, "/account/password", {
        "current": factories.PASSWORD, "new": "PhamThiHuyen1990", "confirm": "PhamThiHuyen1990",
    }).get_data(as_text=True)
    assert "không được chứa họ tên" in page
