"""The registry's pages with a province's twenty years of awards, on SQLite and PostgreSQL.

20,000 awards (1,000 a year from 2006, over 40 agencies, one name in twenty shared by
namesakes), then, through the pages (Flask's test client, one process), as Home Affairs and
as an agency's staff: the registry's first page, a search typed without accents, a year
and agency filter, the statistics (a year's chart), an awardee's history. Prints the p50
and p95 of each, in milliseconds.

    .venv/bin/python bench/awards_registry.py [postgresql://postgres@127.0.0.1:5432/test_awreg]
"""

import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AWARDS, ROUNDS = 20_000, 30
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test_awreg"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Đức"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Nam", "Phúc",
         "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Việt", "Yến"]


def prepare(url: str):
    from flask_migrate import upgrade

    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db
    from bench.databases import empty_postgres
    from modules.awards.registry import record_award
    from tests import factories

    if url.startswith("postgres"):
        empty_postgres(url)
    app = create_app(TestingConfig(url))
    with app.app_context():
        upgrade()
        agencies = list(factories.seeded_agencies().values())[:40]
        rng = random.Random(116)  # noqa: S311 - made-up names, the same each run
        for n in range(AWARDS):
            year = 2006 + n // 1000
            agency = agencies[n % len(agencies)]
            name = " ".join((rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)))
            record_award(year=year, form_code="bang_khen_chu_tich",
                         form_name="Bằng khen của Chủ tịch UBND tỉnh",
                         kind="person" if n % 4 else "collective", name=name,
                         position="Chuyên viên", agency_id=agency.id,
                         agency_name=agency.name_vi, decision_number=f"{n // 25}/QĐ-UBND",
                         decision_date=date(year, 12, 20), signer=None, imported=True)
        db.session.commit()
        factories.make_user("bench.noivu", roles=("home_affairs_approver",), agency_code="SNV")
        factories.make_user("bench.sct", roles=("agency_staff",), agency_code="SCT")
        agency_id = factories.agency("SCT").id
    return app, agency_id


def timed(client, url: str) -> list[float]:
    spent = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        spent.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return spent


def run(url: str) -> None:
    from tests import factories
    from tests.conftest import login

    app, agency_id = prepare(url)
    pages = {
        "registry, first page": "/awards/registry/",
        "search 'nguyen van an'": "/awards/registry/?q=nguyen+van+an",
        "year 2020 + agency": f"/awards/registry/?year=2020&agency=id:{agency_id}",
        "statistics (2025)": "/awards/registry/statistics",
        "history of award 5000": "/awards/registry/5000",
    }
    print(f"\n{url.split('://')[0]}: {AWARDS} awards, {ROUNDS} requests each (ms p50 / p95)")
    for username in ("bench.noivu", "bench.sct"):
        client = app.test_client()
        login(client, username, factories.PASSWORD)
        for label, page in pages.items():
            if username == "bench.sct" and "history" in label:
                continue  # another agency's award: not theirs to open
            spent = sorted(timed(client, page))
            print(f"  {username:<12} {label:<26} {statistics.median(spent):7.1f} "
                  f"{spent[int(len(spent) * 0.95) - 1]:7.1f}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.db")
    run(sys.argv[1] if len(sys.argv) > 1 else PG_DEFAULT)
