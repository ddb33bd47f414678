"""A province-wide commendation round, on SQLite and PostgreSQL: 40 agencies propose 300
nominees (each a process instance), the coordinator accepts them and sends one list. Then,
through the pages (Flask's test client, one process): the coordinator's round page, Home
Affairs' inbox and list page (p50 / p95 of 20 requests, in ms), and the two list-wide
actions timed once each: approving the list in one action and recording the decision (300
registry entries); each leaves its 300 messages to the worker (modules/awards/signals.py),
whose catch-up is timed too.

    .venv/bin/python bench/awards_commendations.py [postgresql://postgres@127.0.0.1:5432/test_awcore]
"""

import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOMINEES, AGENCIES, REQUESTS = 300, 40, 20
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test_awcore"
PDF = b"%PDF-1.4 bench\n"


def prepare(url: str):
    from flask_migrate import upgrade

    from app import create_app, workflow
    from app.clock import FrozenClock
    from app.config import TestingConfig
    from app.extensions import db
    from bench.databases import empty_postgres
    from modules.awards import catalogue, consolidation, nominations, rounds
    from tests import factories

    if url.startswith("postgres"):
        empty_postgres(url)
    app = create_app(TestingConfig(url))
    app.config["CLOCK"] = FrozenClock(datetime(2026, 11, 2, 2, 0))
    with app.app_context():
        upgrade()
        agencies = [a for a in factories.seeded_agencies().values() if a.kind == "department"]
        agencies = (agencies * 3)[:AGENCIES]
        workflow.sync_folder()
        coordinator = factories.make_user("bench.coord", roles=("coordinator",),
                                          agency_code="STTTT")
        factories.make_user("bench.noivu", roles=("home_affairs_approver",), agency_code="SNV")
        form = next(f for f in catalogue.forms() if f.code == "bang_khen_chu_tich")
        award_round = rounds.open_round(coordinator, topic="Khen thưởng công tác TTĐN",
                                        year=2026, deadline=date(2026, 11, 30),
                                        form_ids=[form.id])
        clerks = {}
        for n in range(NOMINEES):
            agency = agencies[n % len(agencies)]
            clerk = clerks.get(agency.code) or factories.make_user(
                f"bench.{agency.code.lower()}.{len(clerks)}", agency_code=agency.code)
            clerks[agency.code] = clerk
            nomination = nominations.save(award_round.id, clerk, nominations.Proposal(
                form_id=form.id, kind="individual", name=f"Nguyễn Văn {n:03d}",
                summary="Thành tích"), [(code, f"{code}.pdf", PDF) for code in
                                        ("to_trinh", "bao_cao_thanh_tich",
                                         "bien_ban_hoi_dong")])
            nominations.send(nomination.id, clerk)
            consolidation.accept(nomination.id, coordinator)
        award_list = consolidation.send_list(award_round.id, coordinator, decider="chairman",
                                             number="45/TTr-STTTT", upload=("t.pdf", PDF))
        ids = (award_round.id, award_list.id)
        db.session.remove()
    return app, ids


def timed(client, url: str) -> list[float]:
    spent = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        spent.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return sorted(spent)


def once(client, url: str, data: dict) -> float:
    import re

    token = re.search(r'name="csrf_token" value="([^"]+)"',
                      client.get(url.rsplit("/", 1)[0]).get_data(as_text=True))[1]
    start = time.perf_counter()
    response = client.post(url, data={**data, "csrf_token": token})
    spent = (time.perf_counter() - start) * 1000
    assert response.status_code == 302, (url, response.status_code)
    return spent


def run(url: str) -> None:
    from tests import factories
    from tests.conftest import login

    started = time.perf_counter()
    app, (round_id, list_id) = prepare(url)
    print(f"\n{url.split('://')[0]}: {NOMINEES} nominees of {AGENCIES} agencies proposed, "
          f"accepted and listed in {time.perf_counter() - started:.0f} s")
    coordinator, noivu = app.test_client(), app.test_client()
    login(coordinator, "bench.coord", factories.PASSWORD)
    login(noivu, "bench.noivu", factories.PASSWORD)
    for label, client, page in (("coordinator: round page", coordinator,
                                 f"/awards/rounds/{round_id}"),
                                ("Home Affairs: inbox", noivu, "/awards/"),
                                ("Home Affairs: list page", noivu, f"/awards/lists/{list_id}")):
        spent = timed(client, page)
        print(f"  {label:<34} p50 {statistics.median(spent):7.1f}  "
              f"p95 {spent[int(len(spent) * 0.95) - 1]:7.1f} ms")
    print(f"  {'approve the list (one action)':<34} "
          f"{once(noivu, f'/awards/lists/{list_id}/approve', {}):7.0f} ms")
    worker(app, "the worker: 300 processes told")
    spent = once(noivu, f"/awards/lists/{list_id}/decision", {
        "number": "1234/QĐ-UBND", "signed_on": "02/11/2026", "signer": "Trần Phước Hiền",
        "signer_title": "Phó Chủ tịch"})
    print(f"  {'record the decision':<34} {spent:7.0f} ms")
    worker(app, "the worker: 300 processes ended")


def worker(app, label: str) -> None:
    from modules.awards import signals

    with app.app_context():
        start = time.perf_counter()
        while signals.deliver():
            pass
        print(f"  {label:<34} {(time.perf_counter() - start) * 1000:7.0f} ms")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.db")
    run(sys.argv[1] if len(sys.argv) > 1 else PG_DEFAULT)
