"""Classes for the real server, which runs on the real clock: open for registration today
in Quảng Ngãi's time, their sessions a month ahead (the end-to-end test and bench/)."""

from datetime import time, timedelta

from app.clock import today
from modules.training import courses


def open_class_today(code: str, capacity: int, organiser) -> int:
    """A published class open for registration today, its sessions a month ahead."""
    day = today()
    course = courses.save_course(
        None, topic="Nghiệp vụ thông tin đối ngoại", audience="Cán bộ, công chức cấp xã",
        description=None, agency=organiser.agency, plan_item_code="1.2", actor=organiser)
    session = courses.Session(day + timedelta(days=30), time(8, 0), time(11, 30))
    training_class = courses.save_class(
        None, course, code=code, venue="Hội trường Sở Thông tin và Truyền thông",
        online_link=None, lecturers=None, capacity=capacity, opens_on=day - timedelta(days=1),
        closes_on=day + timedelta(days=20), approval_needed=False, open_to_all=True,
        agencies=[], sessions=[session], actor=organiser)
    courses.publish(training_class)
    return training_class.id
