"""What the people of the training journeys do on the pages, as walk.py's Person does it:
each step reads the page and sends its form as a browser would."""

import re

from tests.journeys.walk import flashes, main_text, text_of

SESSIONS = (("16/03/2026", "08:00", "11:30"), ("17/03/2026", "13:30", "17:00"))


def create_course(organiser, topic="Kỹ năng thông tin đối ngoại cho cán bộ cấp xã") -> int:
    organiser.post("/training/courses/new", {
        "topic": topic, "audience": "Cán bộ, công chức làm công tác thông tin đối ngoại",
        "description": "Chuyên đề: nghiệp vụ thông tin đối ngoại; xử lý thông tin sai lệch"})
    return int(re.search(r"/training/courses/(\d+)$", organiser.landed_url)[1])


def session_fields(sessions) -> dict:
    fields = {}
    for index, (day, start, end) in enumerate(sessions):
        fields |= {f"sessions-{index}-day": day, f"sessions-{index}-starts_at": start,
                   f"sessions-{index}-ends_at": end}
    return fields


def create_class(organiser, course_id: int, code="TTDN-2026-01", capacity="30",
                 sessions=SESSIONS, expect=302, **more) -> int | str:
    """The organiser fills the new class's form; returns its id (or the page refused)."""
    url = f"/training/courses/{course_id}/classes/new"
    landed = organiser.post(url, {
        "code": code, "capacity": capacity, "venue": "Hội trường Sở Thông tin và Truyền thông",
        "lecturers": "ThS. Nguyễn Văn Giảng", "opens_on": "02/03/2026",
        "closes_on": "13/03/2026", "open_to_all": "y", **session_fields(sessions), **more},
        expect=expect)
    if expect != 302:
        return landed
    return int(re.search(r"/training/classes/(\d+)/registrations$", organiser.landed_url)[1])


def publish(organiser, class_id: int) -> str:
    return organiser.post(f"/training/classes/{class_id}/publish",
                          page=f"/training/classes/{class_id}/registrations")


def open_class(organiser, **more) -> int:
    """A published class of the coordinator's course."""
    class_id = create_class(organiser, create_course(organiser), **more)
    publish(organiser, class_id)
    return class_id


def register(trainee, class_id: int, expect=302) -> str:
    """Two taps: the class's page, then "Đăng ký"; returns the page one lands on."""
    return trainee.post(f"/training/classes/{class_id}/register",
                        page=f"/training/classes/{class_id}", expect=expect)


def my_status(trainee, code: str) -> str:
    """What the trainee's list says of their registration for the class `code`."""
    page = trainee.get("/training/my").split("</main>")[0]
    for chunk in page.split('class="list-group-item py-3 registration"')[1:]:
        text = text_of("<" + chunk)
        if code in text:
            return text
    raise AssertionError(f"{code} not in {main_text(trainee.get('/training/my'))}")


def roster(organiser, class_id: int) -> list[str]:
    """The class's registrations as the organiser's list shows them, in its order."""
    page = organiser.get(f"/training/classes/{class_id}/registrations")
    rows = re.findall(r'<tr class="roster-row">(.*?)</tr>', page, re.S)
    return [" ".join(text_of(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)[:4])
            .strip() for row in rows]


__all__ = ["flashes", "main_text", "text_of"]
