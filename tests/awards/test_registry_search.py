"""The registry: every award given, searched by name without accents, by year, agency, form
and kind, page by page; the coordinator, Home Affairs and admins read it all, an agency its
own awards, a trainee nothing."""

from datetime import date

from app.extensions import db
from modules.awards.registry import record_award
from tests import factories
from tests.awards import test_registry_support as support
from tests.awards.test_registry_support import search
from tests.journeys.walk import option_value

person, readers, registry = support.person, support.readers, support.registry  # fixtures


def test_a_name_typed_without_accents_finds_every_award_of_that_person(registry, readers):
    home_affairs = readers["home_affairs"]

    everything = search(home_affairs)
    assert len(everything) == 11  # 7 awardees of 2024, 3 of 2022 and 1 of 2023, imported

    found = search(home_affairs, q="nguyen thi thu ha")
    assert len(found) == 3
    assert all("Nguyễn Thị Thu Hà" in row["text"] for row in found)
    assert [row["text"].split()[0] for row in found] == ["2024", "2023", "2022"]
    assert len(search(home_affairs, q="NGUYỄN  Thị thu HÀ")) == 3
    assert len(search(home_affairs, q="thu ha 2718")) == 1  # name and decision number
    assert search(home_affairs, q="nguyen thi thu hang") == []


def test_the_filters_narrow_by_year_agency_form_and_kind(registry, readers):
    coordinator = readers["coordinator"]
    page = coordinator.get("/awards/registry/")
    newspaper = option_value(page, "agency", "Báo Quảng Ngãi")
    special = option_value(page, "form", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh theo "
                                         "chuyên đề — công tác thông tin đối ngoại")

    assert len(search(coordinator, agency=newspaper)) == 3  # 2 in 2024, 1 in 2022
    assert len(search(coordinator, agency=newspaper, year=2022)) == 1
    assert len(search(coordinator, form=special)) == 7
    collectives = search(coordinator, kind="collective")
    assert len(collectives) == 3 and all("Tập thể" in row["text"] for row in collectives)
    assert search(coordinator, year=2024, form=option_value(
        page, "form", "Chiến sĩ thi đua cơ sở")) == []
    # A filter value nobody offered is no filter, and no error.
    assert len(search(coordinator, agency="id:abc", kind="both", year="x")) == 11


def test_an_agency_reads_only_its_own_awards(registry, readers, db):
    sct = readers["sct"]
    mine = search(sct)
    assert [row["text"].split(" Cá nhân")[0] for row in mine] == ["2024 Phạm Thị Huyền"]
    others = search(readers["home_affairs"], q="tran quoc viet")
    assert sct.client.get(f"/awards/registry/{others[0]['id']}").status_code == 404
    assert search(sct, q="tran quoc viet") == []

    lead = readers["lead"]  # Sở Văn hóa, Thể thao và Du lịch: its official and its section
    assert len(search(lead)) == 2

    assert readers["trainee"].client.get("/awards/registry/").status_code == 403
    assert readers["trainee"].client.get("/awards/registry/statistics").status_code == 403


def test_a_long_registry_comes_page_by_page(agencies, readers):
    agency = factories.agency("SYT")
    for n in range(30):
        record_award(year=2021, form_code="giay_khen", form_name="Giấy khen", kind="person",
                     name=f"Người {n:02d}", position=None, agency_id=agency.id,
                     agency_name=agency.name_vi, decision_number=f"{n}/QĐ-SYT",
                     decision_date=date(2021, 12, 1), signer=None)
    db.session.commit()
    db.session.remove()

    home_affairs = readers["home_affairs"]
    first = search(home_affairs)
    second = search(home_affairs, page=2)
    assert len(first) == 25 and len(second) == 5
    assert not {row["id"] for row in first} & {row["id"] for row in second}
    assert search(home_affairs, page=9) == []


def test_an_agency_that_took_over_an_ended_ones_work_reads_its_earlier_awards(
        province_today, registry, readers):
    """Sở Thông tin và Truyền thông ended on 01/3/2025; Sở Văn hóa, Thể thao và Du lịch took
    its foreign-information work, and the people of it: their earlier titles are its to read
    for their next proposal."""
    lead = readers["lead"]
    history = search(lead, q="nguyen thi thu ha")
    assert [row["text"].split()[0] for row in history] == ["2024", "2023", "2022"]
    assert len(search(lead)) == 5  # its 2 of 2024, and 3 of Sở Thông tin và Truyền thông
    page = lead.get(f"/awards/registry/{history[0]['id']}")
    assert "Chiến sĩ thi đua cơ sở" in page

    assert len(search(readers["sct"])) == 1  # another department reads none of it
