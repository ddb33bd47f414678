"""An agency lead makes accounts for the people of their own agency, as staff or trainees
only; a lead of another agency, or a staff member, is refused by the server (403). Every
form of the account pages refuses a post without its CSRF token."""

import io
import re

import pytest
from sqlalchemy import func, select

from app.auth import account_service
from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.auth.accounts import links_on, xlsx
from tests.conftest import _logged_in, post_form

NEW = {"full_name": "Nguyễn Thị Thu", "email": "thu.nguyen@quangngai.gov.vn",
       "roles": ["agency_staff"]}


def _text(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _count() -> int:
    return db.session.scalar(select(func.count(User.id)))


@pytest.fixture
def leads(app, province_2026):
    tinh_khe = next(a for a in province_2026.values() if a.name_vi == "UBND xã Tịnh Khê")
    return {
        "commune": tinh_khe,
        "lead": _logged_in(app, factories.make_user(
            "chutich.tinhkhe", roles=["agency_lead"], agency_code=tinh_khe.code,
            full_name="Võ Văn Chủ")),
        "other_lead": _logged_in(app, factories.make_user(
            "lead.sct", roles=["agency_lead"], agency_code="SCT")),
        "staff": _logged_in(app, factories.make_user(
            "vanthu.tinhkhe", roles=["agency_staff"], agency_code=tinh_khe.code)),
    }


def test_a_commune_lead_makes_an_account_for_their_commune(leads):
    lead, commune = leads["lead"], leads["commune"]
    listing = lead.get("/agency/people", follow_redirects=True)
    assert "UBND xã Tịnh Khê" in listing.get_data(as_text=True)
    form = lead.get(f"/agencies/{commune.id}/people/new").get_data(as_text=True)
    assert 'value="agency_staff"' in form and 'value="trainee"' in form
    assert 'value="agency_lead"' not in form and 'value="admin"' not in form

    made = post_form(lead, f"/agencies/{commune.id}/people/new",
                     {**NEW, "roles": ["agency_staff", "trainee"]})
    assert made.status_code == 200
    assert "thu.nguyen@quangngai.gov.vn" in links_on(made.get_data(as_text=True))

    db.session.expire_all()
    person = db.session.scalar(select(User).where(User.email == NEW["email"]))
    assert person.agency_id == commune.id
    assert {r.value for r in person.roles} == {"agency_staff", "trainee"}
    page = _text(lead.get(f"/agencies/{commune.id}/people").get_data(as_text=True))
    assert "Nguyễn Thị Thu thu.nguyen@quangngai.gov.vn" in page and "Chưa đặt mật khẩu" in page

    again = post_form(lead, f"/agencies/{commune.id}/people/new", NEW)
    assert again.status_code == 400
    assert "đã có tài khoản" in again.get_data(as_text=True)
    assert _count() == 4

    resent = post_form(lead, f"/agencies/{commune.id}/people/{person.id}/link")
    assert resent.status_code == 200 and links_on(resent.get_data(as_text=True))


@pytest.mark.parametrize("who", ["other_lead", "staff"])
def test_another_agency_s_lead_or_a_staff_member_is_refused(leads, who):
    client, commune = leads[who], leads["commune"]
    assert client.get(f"/agencies/{commune.id}/people").status_code == 403
    assert client.get(f"/agencies/{commune.id}/people/new").status_code == 403
    assert post_form(client, f"/agencies/{commune.id}/people/new", NEW).status_code == 403
    vanthu = db.session.scalar(select(User).where(User.username == "vanthu.tinhkhe"))
    assert post_form(client, f"/agencies/{commune.id}/people/{vanthu.id}/link"
                     ).status_code == 403
    assert _count() == 3


def test_a_staff_member_has_no_people_page(leads):
    assert leads["staff"].get("/agency/people").status_code == 403


@pytest.mark.parametrize("roles", [["agency_lead"], ["admin"], ["coordinator"], []])
def test_a_lead_gives_no_role_beyond_staff_and_trainee(leads, roles):
    response = post_form(leads["lead"], f"/agencies/{leads['commune'].id}/people/new",
                         {**NEW, "roles": roles})
    assert response.status_code == 400
    assert _count() == 3


def test_the_service_refuses_what_the_page_cannot_send(leads):
    """The same checks hold where the form is not the one asking."""
    commune = leads["commune"]
    lead = db.session.scalar(select(User).where(User.username == "chutich.tinhkhe"))
    sct = factories.agency("SCT")
    with pytest.raises(account_service.AccountError):
        account_service.create_for_agency(lead=lead, agency=sct, full_name="A", email="a@b.vn",
                                          roles=["trainee"])
    with pytest.raises(account_service.AccountError):
        account_service.create_for_agency(lead=lead, agency=commune, full_name="A",
                                          email="a@b.vn", roles=["admin"])
    with pytest.raises(account_service.AccountError):
        account_service.create_for_agency(lead=lead, agency=commune, full_name="A",
                                          email="không phải email", roles=["trainee"])


def test_no_new_link_for_a_person_who_chose_a_password(leads):
    commune = leads["commune"]
    vanthu = db.session.scalar(select(User).where(User.username == "vanthu.tinhkhe"))
    page = leads["lead"].get(f"/agencies/{commune.id}/people").get_data(as_text=True)
    assert f"/people/{vanthu.id}/link" not in page
    assert post_form(leads["lead"], f"/agencies/{commune.id}/people/{vanthu.id}/link"
                     ).status_code == 403


def test_every_account_form_refuses_a_post_without_its_csrf_token(app, admin_client, leads):
    commune = leads["commune"]
    made = post_form(leads["lead"], f"/agencies/{commune.id}/people/new", NEW)
    link = links_on(made.get_data(as_text=True))[NEW["email"]]
    person = db.session.scalar(select(User).where(User.email == NEW["email"]))
    before = _count()
    posts = [
        (leads["lead"], f"/agencies/{commune.id}/people/new",
         {**NEW, "email": "khac@quangngai.gov.vn"}),
        (leads["lead"], f"/agencies/{commune.id}/people/{person.id}/link", {}),
        (app.test_client(), link, {"new": "Mật khẩu rất dài 1", "confirm": "Mật khẩu rất dài 1"}),
        (app.test_client(), "/account/forgot-password", {"email": NEW["email"]}),
        (admin_client, "/admin/users/import",
         {"file": (io.BytesIO(xlsx([("An", "an@quangngai.gov.vn", "SCT", None)])), "a.xlsx")}),
        (admin_client, "/admin/users/import/confirm", {"rows": "x"}),
    ]
    for client, url, data in posts:
        response = client.post(url, data=data, content_type="multipart/form-data")
        assert response.status_code == 400, url
    assert _count() == before
    db.session.expire_all()
    assert db.session.get(User, person.id).must_change_password  # the link was not used
