import re
from datetime import date

import pytest

from app.auth import agency_service
from app.auth.models import AgencyGroup, User
from app.extensions import db
from tests import factories
from tests.conftest import post_form


def _group(code):
    return db.session.scalar(db.select(AgencyGroup).where(AgencyGroup.code == code))


def test_admin_merges_an_agency_through_the_page(admin_client, agencies):
    clerk = factories.make_user("clerk.ldtbxh", agency_code="SLDTBXH")
    old, successor = agencies["SLDTBXH"], agencies["SNV"]

    response = post_form(admin_client, f"/admin/agencies/{old.id}/merge",
                         {"successor": successor.id, "effective": "01/03/2025",
                          "confirmed": "yes"})

    assert response.status_code == 302
    db.session.expire_all()
    assert old.active is False
    assert old.successor == successor
    assert old.valid_to == date(2025, 2, 28)
    assert db.session.get(User, clerk.id).agency == successor
    departments = _group("SO_BAN_NGANH")
    assert successor in departments.members
    assert old not in departments.expand(date(2025, 6, 2))


def test_group_expansion_follows_a_chain_of_merges(agencies):
    agency_service.merge_agency(agencies["SKHDT"], agencies["STC"], date(2025, 3, 1))
    agency_service.merge_agency(agencies["SNGV"], agencies["VP_UBND"], date(2025, 3, 1))
    group = agency_service.save_group(
        None, code="X", name_vi="Nhóm thử", name_en="Test group",
        members=[agencies["SKHDT"], agencies["SNGV"], agencies["STC"]],
    )

    reached = group.expand(date(2025, 6, 2))

    assert [a.code for a in reached] == ["STC", "VP_UBND"]


@pytest.mark.parametrize("problem, successor_code, effective, message", [
    ("itself", "SCT", date(2025, 5, 1), "chính nó"),
    ("future", "SNV", date(2025, 7, 1), "hôm nay"),
])
def test_merge_refuses_bad_requests(admin_client, agencies, problem, successor_code,
                                    effective, message):
    agency = agencies["SCT"]
    successor = agencies[successor_code]
    if problem == "itself":  # the page never offers it; the service still refuses
        with pytest.raises(agency_service.AgencyError, match=message):
            agency_service.merge_agency(agency, successor, effective)
        return
    response = post_form(admin_client, f"/admin/agencies/{agency.id}/merge",
                         {"successor": successor.id, "effective": effective.strftime("%d/%m/%Y")})

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert agency.active is True


def test_merge_into_an_agency_that_was_merged_into_this_one_is_refused(agencies):
    agency_service.merge_agency(agencies["SKHDT"], agencies["STC"], date(2025, 3, 1))
    agencies["SKHDT"].active = True  # reactivated by mistake, then merged the other way
    db.session.commit()

    with pytest.raises(agency_service.AgencyError):
        agency_service.merge_agency(agencies["STC"], agencies["SKHDT"], date(2025, 4, 1))


def test_deactivated_agency_leaves_its_groups_and_comes_back(admin_client, agencies):
    ly_son = agencies["UBND_H_LSON"]

    post_form(admin_client, f"/admin/agencies/{ly_son.id}/deactivate")
    db.session.expire_all()
    assert ly_son not in _group("UBND_CAP_HUYEN").expand(date(2025, 6, 2))
    new_user_page = admin_client.get("/admin/users/new").get_data(as_text=True)
    assert f'<option value="{ly_son.id}">' not in new_user_page

    post_form(admin_client, f"/admin/agencies/{ly_son.id}/activate")
    db.session.expire_all()
    assert ly_son in _group("UBND_CAP_HUYEN").expand(date(2025, 6, 2))


def test_the_2025_reorganisation_is_expressible_by_dates(admin_client, agencies):
    """District level ends on 30/6/2025: the admin sets 'valid to' ahead of time."""
    for agency in agencies.values():
        if agency.kind == "district_committee":
            response = post_form(admin_client, f"/admin/agencies/{agency.id}/edit", {
                "code": agency.code, "name_vi": agency.name_vi, "name_en": agency.name_en,
                "kind": agency.kind, "valid_to": "30/06/2025",
            })
            assert response.status_code == 302
    db.session.expire_all()
    districts = _group("UBND_CAP_HUYEN")

    assert len(districts.expand(date(2025, 6, 30))) == 13
    assert districts.expand(date(2025, 7, 1)) == []


def test_admin_adds_and_renames_an_agency(admin_client, agencies):
    response = post_form(admin_client, "/admin/agencies/new", {
        "code": "ubnd_x_an_phu", "name_vi": "UBND xã An Phú", "name_en": "An Phu Commune",
        "kind": "commune_committee", "valid_from": "01/07/2025",
    })
    assert response.status_code == 302
    created = factories.agency("UBND_X_AN_PHU")
    assert created.valid_from == date(2025, 7, 1)

    post_form(admin_client, f"/admin/agencies/{created.id}/edit", {
        "code": "UBND_X_AN_PHU", "name_vi": "UBND phường An Phú", "name_en": "An Phu Ward",
        "kind": "commune_committee",
    })
    db.session.expire_all()
    assert created.name_vi == "UBND phường An Phú"


def test_duplicate_code_and_bad_dates_show_inline_errors(admin_client, agencies):
    response = post_form(admin_client, "/admin/agencies/new", {
        "code": "SCT", "name_vi": "Trùng", "name_en": "Dup", "kind": "department",
    })
    assert response.status_code == 200
    assert "đã được sử dụng" in response.get_data(as_text=True)

    response = post_form(admin_client, "/admin/agencies/new", {
        "code": "NEW", "name_vi": "Mới", "name_en": "New", "kind": "department",
        "valid_from": "31/12/2025", "valid_to": "2025-01-01",
    })
    assert response.status_code == 200
    assert 'value="Mới"' in response.get_data(as_text=True)  # what was typed is kept


def test_admin_edits_group_members(admin_client, agencies):
    press = _group("CQ_BAO_CHI")

    post_form(admin_client, f"/admin/groups/{press.id}/edit", {
        "code": "CQ_BAO_CHI", "name_vi": press.name_vi, "name_en": press.name_en,
        "members": [agencies["BAO_QN"].id, agencies["DAI_PTTH"].id, agencies["CONG_TTDT"].id],
    })

    db.session.expire_all()
    assert {a.code for a in press.members} == {"BAO_QN", "DAI_PTTH", "CONG_TTDT"}


def test_coordinator_agency_is_a_setting(admin_client, agencies):
    assert agency_service.coordinator_agency().code == "STTTT"

    post_form(admin_client, "/admin/settings", {"coordinator_agency": agencies["SVHTTDL"].id})

    assert agency_service.coordinator_agency().code == "SVHTTDL"


def test_a_merge_that_races_a_claim_of_one_of_its_steps_is_refused_whole(agencies, deploy):
    from sqlalchemy import select, update
    from sqlalchemy.orm.attributes import flag_modified

    from app.auth.signals import agency_merged
    from app.workflow import start_process
    from app.workflow.models import WorkItem
    from tests.workflow import diagrams

    deploy(diagrams.two_steps(first="SKHDT"))
    start_process("two_steps", subject="Hồ sơ của Sở Kế hoạch và Đầu tư")
    old, successor = agencies["SKHDT"], agencies["STC"]

    held = []

    def someone_claims_it_meanwhile(sender, **_):
        # The row changes under the merge, as a claim committed at this moment leaves it.
        # Blinker calls receivers in no fixed order, and the merge's move of the step may
        # have gone to the database already (a lazy load flushes): the step is held as the
        # merge knows it and written at commit, so that write meets the changed row
        # whichever way this run went.
        with db.session.no_autoflush:
            held.extend(db.session.scalars(select(WorkItem)))
        for item in held:
            flag_modified(item, "agency_id")
        db.session.execute(update(WorkItem.__table__).values(
            lock_version=WorkItem.__table__.c.lock_version + 1))

    agency_merged.connect(someone_claims_it_meanwhile)
    try:
        with pytest.raises(agency_service.AgencyError):
            agency_service.merge_agency(old, successor, date(2025, 3, 1))
    finally:
        agency_merged.disconnect(someone_claims_it_meanwhile)

    db.session.expire_all()
    assert db.session.get(type(old), old.id).active  # nothing of the merge was kept
    assert db.session.scalar(select(WorkItem.agency_id)) == old.id


def test_pickers_list_the_departments_first_in_vietnamese_alphabetical_order(
        admin_client, province_today):
    """An official looks for an agency where a Vietnamese list puts it: the province's
    leadership, then its departments, then the rest, each in the order of the Vietnamese
    alphabet ("Sở Dân tộc và Tôn giáo" before "Sở Giáo dục…", "Đ…" after "D…", not after "Y")."""
    page = admin_client.get("/admin/users/new").get_data(as_text=True)
    options = re.findall(r'<option value="\d+"[^>]*>([^<(]+) \(', page)
    departments = [name for name in options if name.startswith("Sở ")]
    assert departments.index("Sở Dân tộc và Tôn giáo") < departments.index("Sở Giáo dục và Đào tạo")
    assert departments.index("Sở Xây dựng") < departments.index("Sở Y tế")
    first_commune = next(i for i, name in enumerate(options) if name.startswith("UBND "))
    assert options.index("Sở Y tế") < first_commune  # departments before the communes
    assert options.index("Ủy ban nhân dân tỉnh Quảng Ngãi") < options.index("Sở Y tế")
    press = options.index("Báo Quảng Ngãi")
    assert options.index("Sở Y tế") < press < first_commune
