"""Classes for the real server, which runs on the real clock: open for registration today
in Quảng Ngãi's time, their sessions ahead (the end-to-end tests and bench/)."""

from datetime import time, timedelta

from app.clock import today
from modules.training import courses


def open_class_today(code: str, capacity: int, organiser, *, days_ahead: int = 30,
                     approval_needed: bool = False) -> int:
    """A published class open for registration today, its session `days_ahead` days ahead."""
    day = today()
    course = courses.save_course(
        None, topic="Nghiệp vụ thông tin đối ngoại", audience="Cán bộ, công chức cấp xã",
        description=None, agency=organiser.agency, plan_item_code="1.2", actor=organiser)
    session = courses.Session(day + timedelta(days=days_ahead), time(8, 0), time(11, 30))
    training_class = courses.save_class(
        None, course, code=code, venue="Hội trường Sở Thông tin và Truyền thông",
        online_link=None, lecturers=None, capacity=capacity, opens_on=day - timedelta(days=1),
        closes_on=day + timedelta(days=min(20, days_ahead)), approval_needed=approval_needed,
        open_to_all=True,
        agencies=[], sessions=[session], actor=organiser)
    courses.publish(training_class)
    return training_class.id
