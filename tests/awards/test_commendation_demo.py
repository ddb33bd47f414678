"""The demo's commendations (`flask seed` in development): a round in progress where Sở Công
Thương's third nominee was returned for supplement and a list of two waits at appraisal by
Home Affairs; the coordinator's and noivu's home pages show their awards work."""

from datetime import datetime

from tests.journeys.walk import main_text, text_of
from tests.people.test_demo_people import demo, seed_demo


def test_the_demo_has_a_round_in_progress(app, clock):
    clock.current = datetime(2026, 11, 2, 2, 0)
    seed_demo(app)
    noivu = demo(app, "noivu")
    page = main_text(noivu.get("/awards/").get_data(as_text=True))
    assert "35/TTr-SVHTTDL" in page and "Sở Nội vụ đang thẩm định" in page
    home = text_of(noivu.get("/").get_data(as_text=True))
    assert "Khen thưởng 1 Danh sách khen thưởng chờ thẩm định, quyết định" in home, home

    coordinator = demo(app, "dieuphoi")
    home = text_of(coordinator.get("/").get_data(as_text=True))
    assert "Hồ sơ đề nghị chờ xem xét" in home
    assert 'href="/awards/registry/?year=2026"' in coordinator.get("/").get_data(as_text=True)
    clerk = demo(app, "chuyenvien.sct")
    page = main_text(clerk.get("/awards/").get_data(as_text=True))
    assert "Trần Quốc Việt Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Trả lại để bổ sung" \
        in page, page
    seed_demo(app)  # a second seed adds nothing
    page = main_text(noivu.get("/awards/").get_data(as_text=True))
    assert page.count("35/TTr-SVHTTDL") == 1
