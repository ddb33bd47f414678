"""After the class: the enrollment's hand-off points (modules/training/outcomes.py). The
organiser closes the class and each confirmed enrollment goes on to its result and, when
completed, its certificate; if the organiser never closes it, the enrollment goes on by
itself a set number of working days after the last session, so it never waits forever.
A registration the lead has not approved when the class begins lapses."""

from datetime import datetime

from app import workflow
from app.extensions import db
from app.workflow.cli import _run_once
from modules.training.models import Registration
from tests.training.attendance_steps import at, attend, close_attendance, close_class
from tests.training.steps import SESSIONS, my_status, open_class, register


def _enrollment(code_user: str):
    registration = db.session.scalar(db.select(Registration).join(Registration.user).where(
        db.text("users.username = :name")).params(name=code_user))
    db.session.refresh(registration)
    return registration, workflow.instance_detail(registration.instance_id).instance


def test_closing_the_class_runs_each_result_and_a_completed_one_gets_its_certificate(
        organiser, person, clock):
    """The attendance part records the results (tests/training/test_results.py); closing
    the class sends each enrollment on through "Kết quả học tập" to its certificate."""
    class_id = open_class(organiser)
    done, absent = (person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee"),
                    person("hv.hai", "SNV", "Trần Văn Hai", "trainee"))
    register(done, class_id)
    register(absent, class_id)
    attend(organiser, clock, class_id, {"Nguyễn Thị Một": 2}, sessions=SESSIONS)
    at(clock, datetime(2026, 3, 17, 10, 30))  # 17:30 on the last day
    close_attendance(organiser, class_id)
    close_class(organiser, class_id)
    _run_once()  # the worker's tick: enrollments whose reminder was still due catch up
    for username in ("hv.mot", "hv.hai"):
        instance = _enrollment(username)[1]
        assert instance.status == "completed", instance.error_message
    registration, _ = _enrollment("hv.mot")
    assert registration.certificate is not None
    assert _enrollment("hv.hai")[0].certificate is None
    status = my_status(done, "TTDN-2026-01")
    assert "Kết thúc Đã xác nhận chỗ Kết quả: Hoàn thành" in status
    assert "Rút đăng ký" not in status  # the class has taken place


def test_an_enrollment_goes_on_by_itself_when_the_class_is_never_closed(
        organiser, person, clock):
    class_id = open_class(organiser)
    trainee = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    register(trainee, class_id)
    clock.current = datetime(2026, 3, 30, 23, 0)  # 10 working days after 17/03: 31/03 08:00
    _run_once()
    assert _enrollment("hv.mot")[1].status == "running"
    clock.current = datetime(2026, 3, 31, 1, 5)
    _run_once()
    assert _enrollment("hv.mot")[1].status == "completed"


def test_a_registration_not_approved_when_the_class_begins_lapses(organiser, person, clock):
    class_id = open_class(organiser, approval_needed="y")
    official = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")
    register(official, class_id)
    assert lead.inbox()
    clock.current = datetime(2026, 3, 16, 1, 5)  # Monday 16/03, 08:05: the class has begun
    _run_once()
    assert "Hết hiệu lực" in my_status(official, "TTDN-2026-01")
    assert lead.inbox() == []
    assert any("chưa được duyệt khi lớp khai giảng" in n.text for n in official.notices())
