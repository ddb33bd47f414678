"""Seats are never oversold: people registering for the last seat at the same moment each
post the class page's form from their own browser, in their own thread; the class's row
lock (seats.py) serves them one after another. On PostgreSQL 50 people race (the issue's
figure); SQLite, which lets one writer in at a time, is shown with 10."""

import re
import threading

from app.extensions import db
from modules.training.models import Registration
from tests.training.steps import open_class, register


def test_many_registering_for_the_last_seat_get_one_seat_and_an_ordered_waiting_list(
        organiser, person):
    racers = 50 if db.engine.dialect.name == "postgresql" else 10
    class_id = open_class(organiser, capacity="2")
    register(person("hv.dau", "SCT", "Người Đầu Tiên", "trainee"), class_id)
    people = [person(f"hv.{n:02d}", "SNV", f"Học Viên {n:02d}", "trainee")
              for n in range(racers)]
    tokens = [re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                        p.get(f"/training/classes/{class_id}"))[1] for p in people]
    start, answers = threading.Barrier(racers), [None] * racers

    def race(index: int) -> None:
        start.wait()
        answers[index] = people[index].client.post(
            f"/training/classes/{class_id}/register",
            data={"csrf_token": tokens[index]}).status_code

    threads = [threading.Thread(target=race, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers == [302] * racers  # everyone registered: no error, no refusal
    db.session.expire_all()
    rows = db.session.scalars(db.select(Registration).where(
        Registration.class_id == class_id).order_by(Registration.queue_no)).all()
    statuses = [row.status for row in rows]
    assert statuses.count("confirmed") == 2 and statuses.count("waitlisted") == racers - 1
    assert [row.queue_no for row in rows] == list(range(1, racers + 2))  # one order, no gaps
    waiting = [row for row in rows if row.status == "waitlisted"]
    assert all(a.eligible_at <= b.eligible_at for a, b in zip(waiting, waiting[1:], strict=False))
