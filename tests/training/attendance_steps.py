"""What the organiser and the trainees do for attendance, results and certificates, through
the pages as a browser does (tests/journeys/walk.py's Person)."""

import re
from datetime import datetime, timedelta

from app.workflow.cli import _run_once
from tests.journeys.walk import checkbox_value, text_of
from tests.training.steps import create_class, create_course, publish, register

# Five sessions, Monday to Wednesday: the rule "≥ 80 %" is 4 of them.
FIVE = (("16/03/2026", "08:00", "11:30"), ("16/03/2026", "13:30", "17:00"),
        ("17/03/2026", "08:00", "11:30"), ("17/03/2026", "13:30", "17:00"),
        ("18/03/2026", "08:00", "11:30"))
SIGNER = {"signer_authority": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "signer_name": "Nguyễn Văn Ký"}


def utc(day: str, at: str, minutes: int = 0) -> datetime:
    """The controlled clock's reading (naive UTC) at `at` on `day` in Quảng Ngãi."""
    local = datetime.strptime(f"{day} {at}", "%d/%m/%Y %H:%M") + timedelta(minutes=minutes)
    return local - timedelta(hours=7)


def at(clock, moment: datetime) -> None:
    """The clock moves on to `moment`, and the timer worker runs once, as it does every
    minute in production (the reminders before the first session, then the wait for the
    class to close)."""
    clock.current = moment
    _run_once()


def during(clock, index: int, sessions=FIVE) -> None:
    """Half an hour into session `index` (0-based)."""
    day, start, _ = sessions[index]
    at(clock, utc(day, start, 30))


def class_with(organiser, trainees, sessions=FIVE, code="TTDN-2026-01") -> int:
    """A published class of five sessions, each trainee registered with a confirmed seat."""
    class_id = create_class(organiser, create_course(organiser), code=code, sessions=sessions)
    publish(organiser, class_id)
    for trainee in trainees:
        register(trainee, class_id)
    return class_id


def attendance_url(class_id: int) -> str:
    return f"/training/classes/{class_id}/attendance"


def session_ids(organiser, class_id: int) -> list[int]:
    page = organiser.get(attendance_url(class_id))
    found = re.findall(rf"/training/classes/{class_id}/sessions/(\d+)/(?:code|attendance)", page)
    return list(dict.fromkeys(int(i) for i in found))


def tick(organiser, class_id: int, session_id: int, names: list[str], expect=302) -> str:
    """The organiser ticks `names` present (and nobody else) on the session's list."""
    url = f"/training/classes/{class_id}/sessions/{session_id}/attendance"
    page = organiser.get(url)
    ticked = [checkbox_value(page, "present", name) for name in names]
    return organiser.post(url, {"present": ticked}, expect=expect)


def ticked(organiser, class_id: int, session_id: int) -> list[str]:
    """The names the session's list shows ticked."""
    page = organiser.get(f"/training/classes/{class_id}/sessions/{session_id}/attendance")
    ids = re.findall(r'name="present" value="(\d+)" id="present-\d+" checked', page)
    return [re.search(rf'for="present-{i}">([^<]+)</label>', page)[1] for i in ids]


def code_shown(organiser, class_id: int, session_id: int) -> str:
    page = organiser.get(f"/training/classes/{class_id}/sessions/{session_id}/code")
    return re.search(r'session-code"[^>]*>([A-Z0-9]+)<', page)[1]


def check_in(trainee, code: str, expect=302) -> str:
    return trainee.post("/training/checkin", {"code": code}, expect=expect)


def close_attendance(organiser, class_id: int, expect=302, **values) -> str:
    return organiser.post(f"{attendance_url(class_id)}/rule",
                          {"min_percent": "80", **SIGNER, **values, "close": "1"},
                          page=attendance_url(class_id), expect=expect)


def close_class(organiser, class_id: int, expect=302) -> str:
    return organiser.post(f"/training/classes/{class_id}/close",
                          page=f"/training/classes/{class_id}/registrations",
                          expect=expect)


def results(organiser, class_id: int) -> dict[str, str]:
    """{name: "present/sessions result …"} as the results table shows them."""
    page = organiser.get(attendance_url(class_id))
    rows = re.findall(r'<tr class="result-row">(.*?)</tr>', page, re.S)
    found = {}
    for row in rows:
        cells = [text_of(c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
        found[cells[0]] = " ".join(cells[2:5]).strip()
    return found


def registration_id_of(organiser, class_id: int, name: str) -> int:
    page = organiser.get(attendance_url(class_id))
    for row in re.findall(r'<tr class="result-row">(.*?)</tr>', page, re.S):
        if f"<td>{name}</td>" in row:
            return int(re.search(r"/training/registrations/(\d+)/result", row)[1])
    raise AssertionError(f"no result row of {name}")


def certificate_link(trainee) -> str:
    page = trainee.get("/training/my")
    return re.search(r'href="(/training/certificates/\d+\.pdf)"', page)[1]


def attend(organiser, clock, class_id: int, present_at: dict[str, int], sessions=FIVE) -> None:
    """Each session, the organiser ticks those who came: a name counted `n` is present at the
    first `n` sessions."""
    for index, session_id in enumerate(session_ids(organiser, class_id)):
        during(clock, index, sessions)
        tick(organiser, class_id, session_id,
             [name for name, count in present_at.items() if index < count])


def finish(organiser, clock, class_id: int, present_at: dict[str, int], sessions=FIVE) -> None:
    """Attendance taken, closed the day of the last session at 18:00, the class closed."""
    attend(organiser, clock, class_id, present_at, sessions)
    at(clock, utc(sessions[-1][0], "18:00"))
    close_attendance(organiser, class_id)
    close_class(organiser, class_id)
