"""Training for the demo (`flask seed` with APP_ENV=development), around today: a class that
took place a month ago (its trainees' results, the class closed), an open class with its last
two seats, and a full one with a waiting list. The trainee demo person `hocvien` (đặc khu Lý
Sơn) completed the first, holds a seat in the second and waits in the third. Run once, through
the same services as the pages; the finished class's registrations are made on a clock set
back to before it began, as its trainees made them."""

from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth import user_service
from app.auth.models import Agency, User
from app.auth.roles import Role
from app.auth.seed import DEMO_PASSWORD
from app.clock import LOCAL_TZ, FrozenClock, today
from app.extensions import db
from modules.training import attendance, courses, enrollment, results
from modules.training.models import Course, Registration, RegistrationStatus

# Officials with accounts who registered (demo people who do not sign in: not printed).
TRAINEES = [
    ("hv.nguyenvanan", "Nguyễn Văn An", "SCT"),
    ("hv.tranthibinh", "Trần Thị Bình", "SNV"),
    ("hv.lequangcuong", "Lê Quang Cường", "SYT"),
    ("hv.phamthidung", "Phạm Thị Dung", "SGDDT"),
    ("hv.vominhem", "Võ Minh Em", "STC"),
    ("hv.huynhthiphuong", "Huỳnh Thị Phượng", "SKHCN"),
    ("hv.dothigiang", "Đỗ Thị Giang", "SXD"),
]


def _person(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username))


def _trainees() -> list[User]:
    people = []
    for username, full_name, code in TRAINEES:
        person = _person(username)
        if person is None:
            agency = db.session.scalar(select(Agency).where(Agency.code == code))
            person, _temporary = user_service.create_user(
                username=username, full_name=full_name, agency=agency, roles=[Role.TRAINEE],
                password=DEMO_PASSWORD)
        people.append(person)
    db.session.commit()
    return people


@contextmanager
def _clock_at(moment: datetime):
    """The app's clock at `moment` (naive UTC) for what happens inside, then as it was."""
    before = current_app.config.get("CLOCK")
    current_app.config["CLOCK"] = FrozenClock(moment)
    try:
        yield
    finally:
        if before is None:
            current_app.config.pop("CLOCK", None)
        else:
            current_app.config["CLOCK"] = before


def _at(day, hour: int) -> datetime:
    """`hour` o'clock in Quảng Ngãi on `day`, as a stored (naive UTC) moment."""
    return datetime.combine(day, time(hour), tzinfo=LOCAL_TZ).astimezone(UTC).replace(
        tzinfo=None)


def _class(course, code, capacity, first_day, opens_on, closes_on, organiser):
    sessions = [courses.Session(first_day, time(8, 0), time(11, 30)),
                courses.Session(first_day + timedelta(days=1), time(13, 30), time(17, 0))]
    training_class = courses.save_class(
        None, course, code=code, venue="Hội trường Sở Văn hóa, Thể thao và Du lịch",
        online_link=None, lecturers="ThS. Nguyễn Văn Giảng; CN. Trần Thị Báo",
        capacity=capacity, opens_on=opens_on, closes_on=closes_on, approval_needed=False,
        open_to_all=True, agencies=[], sessions=sessions, actor=organiser)
    courses.publish(training_class)
    return training_class


def _register(training_class, people) -> list[Registration]:
    return [enrollment.register(training_class.id, person) for person in people]


def _attendance_and_results(training_class, registrations: list[Registration], absent: User,
                            organiser: User) -> None:
    """The organiser's attendance list for each session (everyone but `absent`), then the
    results by the class's rule; closing the class then issues the certificates."""
    present = {r.id for r in registrations if r.user_id != absent.id}
    for session in training_class.sessions:
        attendance.tick(training_class, session, present, organiser)
    results.close_attendance(training_class, organiser, min_percent=80,
                             signer_authority="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                             signer_name="Nguyễn Văn Bình")


def seed_demo_training() -> str | None:
    """The demo year's classes; None when there is training already (or no demo people)."""
    organiser, trainee = _person("dieuphoi"), _person("hocvien")
    if organiser is None or trainee is None or db.session.scalar(select(Course.id).limit(1)):
        return None
    staff = [_person("chuyenvien.sct"), _person("thanhtra")]
    others = _trainees()
    day = today()
    year = day.year
    leaders = courses.save_course(
        None, topic="Kỹ năng thông tin đối ngoại cho lãnh đạo, quản lý",
        audience="Lãnh đạo, quản lý các sở, ban, ngành, địa phương",
        description="Chuyên đề: tình hình thế giới, khu vực; phát ngôn và cung cấp thông tin "
                    "cho báo chí nước ngoài; quảng bá hình ảnh Quảng Ngãi",
        agency=organiser.agency, plan_item_code="1.2", actor=organiser)
    communes = courses.save_course(
        None, topic="Nghiệp vụ thông tin đối ngoại cho cán bộ cấp xã",
        audience="Cán bộ, công chức làm công tác thông tin đối ngoại cấp xã",
        description="Chuyên đề: nghiệp vụ thông tin đối ngoại; xử lý thông tin sai lệch trên "
                    "mạng xã hội; thông tin về biển, đảo",
        agency=organiser.agency, plan_item_code="5.2", actor=organiser)

    # A month ago: registered two weeks before it began, then closed after its last session.
    held_on = day - timedelta(days=30)
    with _clock_at(_at(held_on - timedelta(days=14), 9)):
        finished = _class(leaders, f"TTDN-{year}-01", 30, held_on,
                          held_on - timedelta(days=20), held_on - timedelta(days=3), organiser)
        attended = _register(finished, [trainee, *staff, *others[:4]])
    with _clock_at(_at(held_on + timedelta(days=1), 18)):
        _attendance_and_results(finished, attended, others[3], organiser)
        courses.close_class(finished, organiser)

    # Open now: 10 seats, 8 taken.
    starts_on = day + timedelta(days=21)
    open_class = _class(communes, f"TTDN-{year}-02", 10, starts_on, day - timedelta(days=7),
                        starts_on - timedelta(days=3), organiser)
    _register(open_class, [trainee, *others[:7]])
    # Full: 5 seats, 5 taken, 3 waiting (hocvien second).
    full = _class(leaders, f"TTDN-{year}-03", 5, starts_on + timedelta(days=7),
                  day - timedelta(days=7), starts_on, organiser)
    _register(full, [*others[2:7], others[0], trainee, others[1]])
    db.session.commit()
    waiting = db.session.scalar(select(db.func.count(Registration.id)).where(
        Registration.class_id == full.id,
        Registration.status == RegistrationStatus.WAITLISTED.value))
    return _("Training: %(finished)s finished, %(open)s open with its last seats, %(full)s "
             "full with %(n)d waiting.", finished=finished.code, open=open_class.code,
             full=full.code, n=waiting)



