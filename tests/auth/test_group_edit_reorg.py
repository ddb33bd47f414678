"""Saving an agency group after the 2025 reorganisation: the edit page offers only agencies
that still exist, so the members that have ended are not on it; saving keeps them, since
they carry the routing to their successors (the districts' work to the communes, the ended
departments' to the new ones) and the groups of earlier years."""

from datetime import date, datetime

from sqlalchemy import select

from app.auth.models import AgencyGroup
from app.extensions import db
from tests import factories
from tests.conftest import _logged_in, post_form
from tests.pages import form_values


def _group(code):
    db.session.expire_all()
    return db.session.scalar(select(AgencyGroup).where(AgencyGroup.code == code))


def _save_unchanged(admin, group):
    url = f"/admin/groups/{group.id}/edit"
    values = form_values(admin.get(url).get_data(as_text=True), url, page_url=url)
    response = post_form(admin, url, values)
    assert response.status_code == 302, response.get_data(as_text=True)


def test_saving_a_group_keeps_its_ended_members_and_where_their_work_goes(app, clock,
                                                                         province_today):
    """Nghị quyết 1677/NQ-UBTVQH15 (the districts end 30/6/2025) and the departments' merger
    of 01/3/2025: "Các sở, ban, ngành" reaches Sở Nông nghiệp và Môi trường and Sở Dân tộc
    và Tôn giáo through its ended members, and "UBND cấp huyện" reached the districts in
    2025; saving either group unchanged keeps both."""
    clock.current = datetime(2026, 3, 2, 1, 30)
    admin = _logged_in(app, factories.make_user("admin.groups", roles=["admin"],
                                                agency_code="VP_UBND"))
    departments, districts = _group("SO_BAN_NGANH"), _group("UBND_CAP_HUYEN")
    today, last_year = date(2026, 3, 2), date(2025, 3, 3)
    before = {code: ({a.code for a in _group(code).expand(today)},
                     {a.code for a in _group(code).expand(last_year)})
              for code in ("SO_BAN_NGANH", "UBND_CAP_HUYEN")}
    assert {"SNNMT", "SDTTG"} <= before["SO_BAN_NGANH"][0]
    assert "UBND_H_BSON" in before["UBND_CAP_HUYEN"][1]

    page = admin.get(f"/admin/groups/{departments.id}/edit").get_data(as_text=True)
    assert "Sở Thông tin và Truyền thông" in page  # listed as an ended member, kept
    _save_unchanged(admin, departments)
    _save_unchanged(admin, districts)

    after = {code: ({a.code for a in _group(code).expand(today)},
                    {a.code for a in _group(code).expand(last_year)})
             for code in ("SO_BAN_NGANH", "UBND_CAP_HUYEN")}
    assert after == before
    assert {"STTTT", "SNNPTNT", "BDT"} <= {a.code for a in _group("SO_BAN_NGANH").members}
    assert len([a for a in _group("UBND_CAP_HUYEN").members
                if a.kind == "district_committee"]) == 13


def test_an_ended_member_is_not_offered_and_a_live_one_is_removed(app, clock,
                                                                     province_today):
    """The checkboxes are the agencies that exist today; unticking one removes it, and the
    ended members stay whatever is sent."""
    clock.current = datetime(2026, 3, 2, 1, 30)
    a = province_today
    admin = _logged_in(app, factories.make_user("admin.groups", roles=["admin"],
                                                agency_code="VP_UBND"))
    press = _group("CQ_BAO_CHI")
    url = f"/admin/groups/{press.id}/edit"
    page = admin.get(url).get_data(as_text=True)
    assert f'value="{a["STTTT"].id}"' not in page

    values = form_values(page, url, page_url=url)
    values["members"] = [a["BAO_QN"].id, a["STTTT"].id]  # an ended one sent by hand
    response = post_form(admin, url, values)
    assert response.status_code == 200  # not a choice: refused, nothing saved
    assert {m.code for m in _group("CQ_BAO_CHI").members} == {"BAO_QN", "DAI_PTTH"}

    values["members"] = [a["BAO_QN"].id]  # the admin unticks every other live member
    assert post_form(admin, url, values).status_code == 302
    today = date(2026, 3, 2)
    assert {m.code for m in _group("CQ_BAO_CHI").members if m.is_current_on(today)} == {"BAO_QN"}
