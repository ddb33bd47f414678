"""The demo's registry (`flask seed` in development): last year's decision 2718/QĐ-UBND with
its seven awardees, people and collectives of the demo's agencies, and earlier years
imported; `noivu` reads them all, `chuyenvien.sct` her own award, and a second seed adds
nothing."""

from datetime import datetime

from sqlalchemy import func, select

from app.extensions import db
from modules.awards.registry_models import Award
from tests import factories
from tests.awards.test_registry_support import awards_listed
from tests.people.test_demo_people import demo


def test_the_demo_registry_holds_last_years_decision_and_earlier_years(app, clock):
    clock.current = datetime(2026, 3, 2, 2, 0)
    assert "2718/QĐ-UBND" in factories.run_seed(app)

    home_affairs = demo(app, "noivu")
    assert 'href="/awards/registry/"' in home_affairs.get("/").get_data(as_text=True)  # menu
    page = home_affairs.get("/awards/registry/?year=2025").get_data(as_text=True)
    rows = awards_listed(page)
    assert len(rows) == 7 and all("2718/QĐ-UBND, 19/12/2025" in row["text"] for row in rows)
    assert sum("Tập thể" in row["text"] for row in rows) == 2
    every = awards_listed(home_affairs.get("/awards/registry/").get_data(as_text=True))
    assert sum("Nhập từ danh sách" in row["text"] for row in every) == 4

    mine = awards_listed(demo(app, "chuyenvien.sct").get("/awards/registry/").get_data(
        as_text=True))
    assert [row["text"].split(" Cá nhân")[0] for row in mine] == ["2025 Phạm Thị Huyền"]
    trainee = demo(app, "hocvien")
    assert trainee.get("/awards/registry/").status_code == 403
    assert 'href="/awards/registry/"' not in trainee.get("/").get_data(as_text=True)

    db.session.remove()
    before = db.session.scalar(select(func.count()).select_from(Award))
    factories.run_seed(app)
    db.session.remove()
    assert db.session.scalar(select(func.count()).select_from(Award)) == before
