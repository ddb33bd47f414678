"""After the class (issue 11, "After the class"): the class's confirmed trainees are told the
course evaluation form is open, each answers once (four ratings 1–5, a comment left blank
or not), and the organiser reads the answers summarised on the class's page. Every step is
a page of a person's own browser, read again from the database between steps.

The evaluation and its questions are the plan's practice, not a legal rule: no legal text
sets them."""

import re
from datetime import datetime

import pytest

from app.extensions import db
from app.workflow.cli import _run_once
from modules.training import evaluations
from modules.training.evaluation_models import Evaluation
from modules.training.models import TrainingClass
from tests.training.steps import flashes, main_text, open_class, register, text_of

ENDED = datetime(2026, 3, 17, 10, 30)  # 17:30 on 17/03/2026, the last session is over
FORM = "Phiếu đánh giá khóa học"


def _url(class_id: int) -> str:
    return f"/training/classes/{class_id}/evaluation"


def answer(trainee, class_id, content, lecturers, organisation, usefulness, comment="",
           expect=302) -> str:
    return trainee.post(_url(class_id), {
        "content": str(content), "lecturers": str(lecturers),
        "organisation": str(organisation), "usefulness": str(usefulness),
        "comment": comment}, expect=expect)


def summary_rows(organiser, class_id) -> dict[str, list[str]]:
    """The organiser's table of the answers: question → [mean, 1, 2, 3, 4, 5, answers]."""
    page = organiser.get(f"/training/classes/{class_id}/registrations")
    rows = re.findall(r'<tr class="evaluation-row">(.*?)</tr>', page, re.S)
    return {text_of(re.search(r"<th[^>]*>(.*?)</th>", row, re.S)[1]):
            [text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in rows}


def _section(page: str) -> str:
    found = re.search(r'<section class="mt-4 evaluation-summary".*?</section>', page, re.S)
    return text_of(found[0]) if found else ""


@pytest.fixture
def ended_class(organiser, person, clock):
    """A class of two seats: two confirmed trainees, one on the waiting list; its last
    session is over."""
    class_id = open_class(organiser, capacity="2")
    people = (person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee"),
              person("hv.hai", "SNV", "Trần Văn Hai", "trainee"),
              person("hv.ba", "SYT", "Lê Thị Ba", "trainee"))
    for trainee in people:
        register(trainee, class_id)
    return class_id, people


def test_two_trainees_answer_and_the_organiser_reads_counts_means_and_comments(
        organiser, ended_class, clock):
    class_id, (one, two, waiting) = ended_class
    # Before the class ends: no form, and its address says when it opens.
    assert FORM not in main_text(one.get("/training/my"))
    assert "Phiếu đánh giá được mở khi lớp học kết thúc." in flashes(
        _follow(one, _url(class_id)))
    assert "Kết quả đánh giá khóa học" not in organiser.get(
        f"/training/classes/{class_id}/registrations")

    clock.current = ENDED
    _run_once()  # the worker tells the confirmed trainees, once
    _run_once()
    for trainee in (one, two):
        told = [n for n in trainee.notices() if "Phiếu đánh giá khóa học" in n.text]
        assert len(told) == 1 and "TTDN-2026-01" in told[0].text
        assert told[0].link is not None
    assert not [n for n in waiting.notices() if "Phiếu đánh giá" in n.text]

    assert FORM in main_text(one.get("/training/my"))
    landed = answer(one, class_id, 5, 4, 5, 3, "Nên bổ sung tài liệu thực hành về xử lý "
                                               "thông tin sai lệch.")
    assert "Cảm ơn: phiếu đánh giá lớp TTDN-2026-01 đã được ghi nhận." in flashes(landed)
    assert "Đã gửi Phiếu đánh giá khóa học." in main_text(one.get("/training/my"))
    answer(two, class_id, 4, 4, 3, 5)  # the comment left blank
    db.session.expire_all()

    section = _section(organiser.get(f"/training/classes/{class_id}/registrations"))
    assert "2/2 học viên đã xác nhận chỗ gửi phiếu đánh giá." in section
    rows = summary_rows(organiser, class_id)
    assert rows == {
        "Nội dung khóa học": ["4,5", "0", "0", "0", "1", "1", "2"],
        "Giảng viên, báo cáo viên": ["4,0", "0", "0", "0", "2", "0", "2"],
        "Công tác tổ chức": ["4,0", "0", "0", "1", "0", "1", "2"],
        "Tính ứng dụng vào công việc": ["4,0", "0", "0", "1", "0", "1", "2"],
    }
    assert "Nên bổ sung tài liệu thực hành về xử lý thông tin sai lệch." in section
    page = organiser.get(f"/training/classes/{class_id}/registrations")
    assert len(re.findall(r"<li>", page.split("evaluation-comments")[1].split("</ul>")[0])) == 1
    assert "Nguyễn Thị Một" not in section  # comments without names


def _token(person) -> str:
    """The CSRF token every page of the person's carries (as a browser would send it)."""
    return re.search(r'name="csrf-token" content="([^"]+)"', person.get("/training/my"))[1]


def _follow(person, url: str) -> str:
    """GET `url` and follow its redirect; the page landed on."""
    response = person.client.get(url)
    assert response.status_code == 302, response.status_code
    return person.get(response.headers["Location"])


def test_only_the_confirmed_trainees_of_the_class_answer(organiser, ended_class, person,
                                                         clock):
    class_id, (one, _two, waiting) = ended_class
    outsider = person("ngoai.lop", "SCT", "Phạm Văn Ngoài")
    clock.current = ENDED
    for someone in (outsider, waiting, organiser):
        assert someone.client.get(_url(class_id)).status_code == 403
        refused = someone.client.post(_url(class_id), data={
            "csrf_token": _token(someone), "content": "5", "lecturers": "5",
            "organisation": "5", "usefulness": "5"})
        assert refused.status_code == 403  # the server refuses, whatever the form holds
    assert db.session.scalar(db.select(db.func.count(Evaluation.id))) == 0
    assert "Kết quả đánh giá" not in main_text(waiting.get("/training/my"))
    assert FORM not in main_text(waiting.get("/training/my"))


def test_a_second_answer_is_received_already_and_the_first_stands(organiser, ended_class,
                                                                   clock):
    class_id, (one, _two, _waiting) = ended_class
    clock.current = ENDED
    answer(one, class_id, 2, 2, 2, 2, "Lần một")
    page = one.get(_url(class_id))
    assert "đã được ghi nhận ngày 17/03/2026" in main_text(page)
    again = one.client.post(_url(class_id), data={
        "csrf_token": _token(one),
        "content": "5", "lecturers": "5", "organisation": "5", "usefulness": "5",
        "comment": "Lần hai"})
    assert again.status_code == 302
    assert "Phiếu đánh giá lớp học này của bạn đã được ghi nhận trước đó." in flashes(
        one.get(again.headers["Location"]))
    db.session.expire_all()
    stored = db.session.scalars(db.select(Evaluation)).all()
    assert [(e.content, e.comment) for e in stored] == [(2, "Lần một")]
    # Two tabs sent at once: the unique constraint keeps one, the second is told so.
    training_class = db.session.get(TrainingClass, class_id)
    with pytest.raises(evaluations.AlreadyAnswered):
        evaluations.submit(training_class, one.user, dict.fromkeys(
            ("content", "lecturers", "organisation", "usefulness"), 4), None)


@pytest.mark.parametrize("values", [
    {"content": "7", "lecturers": "4", "organisation": "4", "usefulness": "4"},
    {"content": "tốt", "lecturers": "4", "organisation": "4", "usefulness": "4"},
    {"content": "", "lecturers": "4", "organisation": "4", "usefulness": "4"},
    {"content": "0", "lecturers": "4", "organisation": "4", "usefulness": "4"},
])
def test_a_rating_outside_1_to_5_gets_a_clear_error_and_nothing_is_saved(
        organiser, ended_class, clock, values):
    class_id, (one, _two, _waiting) = ended_class
    clock.current = ENDED
    page = one.post(_url(class_id), {**values, "comment": "Giữ lại ý kiến này"}, expect=400)
    assert "Chọn mức điểm từ 1 đến 5." in main_text(page)
    assert "Giữ lại ý kiến này" in page  # what was typed is not lost
    assert db.session.scalar(db.select(db.func.count(Evaluation.id))) == 0
    answer(one, class_id, 4, 4, 4, 4)  # corrected, it goes through
    assert db.session.scalar(db.select(db.func.count(Evaluation.id))) == 1


def test_a_cancelled_class_asks_nobody_for_an_evaluation(organiser, ended_class, clock):
    class_id, (one, _two, _waiting) = ended_class
    organiser.post(f"/training/classes/{class_id}/cancel",
                   {"reason": "Giảng viên không bố trí được thời gian"},
                   page=f"/training/classes/{class_id}/registrations")
    clock.current = ENDED
    _run_once()
    assert not [n for n in one.notices() if "Phiếu đánh giá" in n.text]
    assert one.client.get(_url(class_id)).status_code == 403
