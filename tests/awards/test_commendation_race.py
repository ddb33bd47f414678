"""Several Home Affairs officials pressing "approve" and then "record the decision" on one
list at the same moment, each from their own browser in their own thread: one list
appraised once, one decision, one registry entry per awardee; the others are told, no 500.
On PostgreSQL 8 race; SQLite, which lets one writer in at a time, is shown with 3."""

import re
import threading
from datetime import datetime

from sqlalchemy import func, select

from app.extensions import db
from modules.awards.models import Decision
from modules.awards.registry_models import Award
from tests.awards.commendation_steps import (  # noqa: F401 - fixtures
    autumn,
    cast,
    coordinator,
    list_id_of,
    open_round,
    person,
    propose,
    send,
    send_list,
    shipped,
)

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def _race(people, url, data) -> list[int]:
    tokens = [re.search(r'name="csrf_token" value="([^"]+)"', p.get(url.rsplit("/", 1)[0]))[1]
              for p in people]
    start, answers = threading.Barrier(len(people)), [None] * len(people)

    def run(index: int) -> None:
        start.wait()
        answers[index] = people[index].client.post(
            url, data={**data(index), "csrf_token": tokens[index]}).status_code

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(people))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_many_approving_and_deciding_one_list_at_once_make_one_decision(
        cast, autumn, person):  # noqa: F811
    racers = 8 if db.engine.dialect.name == "postgresql" else 3
    organiser, clerk = cast["coordinator"], cast["clerk"]
    officials = [cast["noivu"]] + [person(f"noivu.{n}", "SNV", f"Cán Bộ Nội Vụ {n}",
                                          "home_affairs_approver")
                                   for n in range(racers - 1)]
    round_id = open_round(organiser)
    for name in ("Trần Văn Bình", "Ngô Thị Lan"):
        nominee = propose(clerk, round_id, name, form_label=BANG_KHEN)
        send(clerk, nominee)
        organiser.post(f"/awards/nominations/{nominee}/accept",
                       page=f"/awards/nominations/{nominee}")
    send_list(organiser, round_id, "45/TTr-STTTT")
    list_id = list_id_of(officials[0])

    answers = _race(officials, f"/awards/lists/{list_id}/approve", lambda n: {})
    assert sorted(answers) == [302] + [409] * (racers - 1), answers

    autumn.current = datetime(2026, 11, 3, 2, 0)
    answers = _race(officials, f"/awards/lists/{list_id}/decision", lambda n: {
        "number": f"{1200 + n}/QĐ-UBND", "signed_on": "03/11/2026",
        "signer": "Trần Phước Hiền", "signer_title": "Phó Chủ tịch"})
    assert sorted(answers) == [302] + [409] * (racers - 1), answers
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Decision.id))) == 1
    numbers = db.session.scalars(select(Award.decision_number)).all()
    assert len(numbers) == 2 and len(set(numbers)) == 1, numbers
