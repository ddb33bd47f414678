"""Revoking an award (Luật Thi đua, khen thưởng 2022, Chương VII: a decision to award is
cancelled — hủy bỏ — by a decision, for the reasons it lists): Home Affairs or an admin
records the reason and the revoking decision; the award stays, struck through with them,
and the statistics show it as revoked, no longer counted."""

from sqlalchemy import select

from app.extensions import db
from modules.awards.registry_models import Award
from tests.awards import test_registry_support as support
from tests.awards.test_registry_support import awards_listed, page_text, search
from tests.journeys.walk import flashes, main_text
from tests.pages import form_values

person, readers, registry = support.person, support.readers, support.registry  # fixtures

GOOD = {"reason": "Kê khai thành tích không trung thực (Luật Thi đua, khen thưởng, Chương VII)",
        "decision_number": "45/QĐ-UBND", "decision_date": "10/03/2025"}


def _award_of(someone, name: str, year: int = 2024) -> int:
    [row] = search(someone, q=name, year=year)
    return row["id"]


def _stats_row(someone, table: str, key: str) -> list[str]:
    import re

    page = someone.get("/awards/registry/statistics?year=2024")
    body = page.split(f'id="{table}"')[1].split("</table>")[0]
    row = re.search(rf'<tr data-key="{re.escape(key)}">(.*?)</tr>', body, re.S).group(1)
    return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]


def test_only_home_affairs_and_admins_revoke(registry, readers):
    award_id = _award_of(readers["home_affairs"], "tran quoc viet")
    url = f"/awards/registry/{award_id}/revoke"
    for who in ("coordinator", "lead", "sct"):
        client = readers[who].client
        expected = 404 if who in ("lead", "sct") else 403  # the others' award is not theirs
        assert client.get(url).status_code == expected, who
        assert client.post(url, data=GOOD).status_code in (400, expected), who
    db.session.remove()
    assert db.session.get(Award, award_id).revoked_at is None
    assert "Hủy bỏ khen thưởng này" not in readers["coordinator"].get(
        f"/awards/registry/{award_id}")
    assert "Hủy bỏ khen thưởng này" in readers["admin"].get(f"/awards/registry/{award_id}")


def test_a_revoked_award_is_struck_through_with_its_reason_and_no_longer_counted(
        registry, readers):
    home_affairs = readers["home_affairs"]
    award_id = _award_of(home_affairs, "tran quoc viet")
    newspaper = f"id:{db.session.scalar(select(Award.agency_id).where(Award.id == award_id))}"
    db.session.remove()
    assert _stats_row(home_affairs, "table-years", "2024") == ["5", "2", "7", "0"]
    assert _stats_row(home_affairs, "table-agencies", newspaper) == ["1", "1", "2", "0"]

    url = f"/awards/registry/{award_id}/revoke"
    page = home_affairs.post(url, {"reason": " "}, expect=400)
    assert "Nhập lý do hủy bỏ khen thưởng." in main_text(page)
    page = home_affairs.post(url, {**GOOD, "decision_date": "31/02/2025"}, expect=400)
    assert "Không phải ngày" in main_text(page) or "dd/mm/yyyy" in main_text(page)
    page = home_affairs.post(url, {**GOOD, "decision_date": "01/12/2024"}, expect=400)
    assert "không thể có ngày trước quyết định khen thưởng (19/12/2024)" in main_text(page)
    db.session.remove()
    assert db.session.get(Award, award_id).revoked_at is None

    other_tab = form_values(home_affairs.get(url), url, url)
    landed = home_affairs.post(url, GOOD)
    assert "Đã hủy bỏ khen thưởng" in " ".join(flashes(landed))
    db.session.remove()
    award = db.session.get(Award, award_id)
    assert (award.revoke_decision_number, award.revoked_by.username) == ("45/QĐ-UBND",
                                                                         "noivu")
    assert "Bị hủy bỏ theo quyết định 45/QĐ-UBND ngày 10/03/2025: Kê khai thành tích" in \
        page_text(home_affairs, f"/awards/registry/{award_id}")

    [row] = [row for row in search(home_affairs, year=2024) if row["id"] == award_id]
    assert row["revoked"] and "Kê khai thành tích không trung thực" in row["text"]
    page = home_affairs.get("/awards/registry/?year=2024")
    assert 'class="text-decoration-line-through"' in page.split(f'data-award="{award_id}"')[1]
    assert _stats_row(home_affairs, "table-years", "2024") == ["4", "2", "6", "1"]
    assert _stats_row(home_affairs, "table-agencies", newspaper) == ["0", "1", "1", "1"]

    # Once: a second revoking (another tab, a moment later) changes nothing.
    again = home_affairs.client.post(url, data={**other_tab, **GOOD,
                                                "decision_number": "46/QĐ-UBND"})
    assert again.status_code == 302
    assert "Khen thưởng này đã bị hủy bỏ." in flashes(home_affairs.get(again.location))
    db.session.remove()
    assert db.session.get(Award, award_id).revoke_decision_number == "45/QĐ-UBND"


def test_the_history_of_a_person_lists_every_award_for_the_next_proposal(registry, readers):
    coordinator = readers["coordinator"]
    [latest, *_] = search(coordinator, q="nguyen thi thu ha")
    page = coordinator.get("/awards/registry/")
    assert f'href="/awards/registry/{latest["id"]}"' in page  # linked from the registry

    history = coordinator.get(f"/awards/registry/{latest['id']}")
    rows = awards_listed(history.split('id="history-table"')[1])
    assert [row["text"].split()[0] for row in rows] == ["2024", "2023", "2022"]
    text = " | ".join(row["text"] for row in rows)
    assert "Chiến sĩ thi đua cơ sở" in text and "125/QĐ-STTTT" in text
    assert "Sở Thông tin và Truyền thông" in text  # where she worked then
    assert "Trưởng phòng Thông tin đối ngoại" in main_text(history)

    # A collective's history is its own: the section's name, not the people in it.
    [section] = search(coordinator, q="phong thong tin doi ngoai", kind="collective")
    rows = awards_listed(coordinator.get(f"/awards/registry/{section['id']}").split(
        'id="history-table"')[1])
    assert len(rows) == 1


def test_two_people_revoking_at_once_revoke_it_once(registry, readers):
    """Both opened the award before either sent: the second is told it was done, and the
    first one's reason and decision stay."""
    from datetime import date

    from sqlalchemy import update

    from app.clock import utcnow
    from modules.awards import registry as service

    award_id = _award_of(readers["home_affairs"], "vo thi my linh")
    db.session.remove()
    award = db.session.get(Award, award_id)  # as the second person's request loaded it
    with db.engine.begin() as first:  # the first person's request, committed meanwhile
        first.execute(update(Award).where(Award.id == award_id).values(
            revoked_at=utcnow(), revoke_reason="Lý do thứ nhất", revoke_decision_number="1/QĐ",
            revoke_decision_date=date(2025, 3, 1), revoked_by_id=readers["admin"].user.id))
    try:
        service.revoke(award, reason="Lý do thứ hai", decision_number="2/QĐ",
                       decision_date=date(2025, 3, 2), actor=readers["home_affairs"].user)
    except service.AlreadyRevoked:
        pass
    else:
        raise AssertionError("revoked twice")
    db.session.remove()
    kept = db.session.get(Award, award_id)
    assert (kept.revoke_reason, kept.revoke_decision_number) == ("Lý do thứ nhất", "1/QĐ")
