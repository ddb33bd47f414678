"""Notifications in the app, with the unread count, and by email through a local SMTP sink."""

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from app.extensions import db
from app.notifications import dispatch
from app.notifications.models import Notification
from app.notifications.service import notify_agency
from tests import factories
from tests.conftest import login, post_form
from tests.e2e.real_server import free_port
from tests.mail import Sink


@pytest.fixture
def clerks(agencies):
    return [factories.make_user("a.sct", agency_code="SCT", email="a.sct@quangngai.gov.vn"),
            factories.make_user("b.sct", agency_code="SCT")]  # no address


def test_notifications_are_emailed_once_in_vietnamese(smtp, clerks):
    notify_agency("SCT", "due_soon", "5.4. Tổ chức khen thưởng (năm 2025)")
    db.session.commit()

    assert dispatch.send_emails() == 1
    [envelope] = smtp.messages
    text = envelope.content.decode()
    assert envelope.rcpt_tos == ["a.sct@quangngai.gov.vn"]
    assert "Subject: =?utf-8?" in text  # encoded: the subject has Vietnamese letters
    notice = db.session.scalar(select(Notification).where(
        Notification.user_id == clerks[0].id))
    assert f"http://127.0.0.1:5000/notifications/{notice.id}" in text  # opening it reads it
    assert dispatch.send_emails() == 0
    assert all(n.emailed_at for n in db.session.scalars(select(Notification)))


def test_a_mail_server_that_is_down_loses_nothing(app, clerks):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())
    try:
        notify_agency("SCT", "overdue", "Quá hạn")
        db.session.commit()
        with pytest.raises(OSError):
            dispatch.send_emails()
        db.session.rollback()
        assert [n.emailed_at for n in db.session.scalars(select(Notification))] == [None, None]
    finally:
        app.config.update(MAIL_SERVER=None, MAIL_PORT=25)


def test_without_smtp_nothing_is_sent(clerks):
    notify_agency("SCT", "overdue", "Quá hạn")
    db.session.commit()
    assert dispatch.send_emails() == 0


def test_the_unread_count_and_the_list(app, clerks):
    notify_agency("SCT", "returned", "Báo cáo nhiệm vụ 5.4 bị trả lại")
    db.session.commit()
    client = app.test_client()
    login(client, "a.sct", factories.PASSWORD)

    home = client.get("/tasks").get_data(as_text=True)
    assert 'Thông báo\n            <span class="badge text-bg-danger">1' in home
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Bị trả lại" in page and "Báo cáo nhiệm vụ 5.4 bị trả lại" in page
    post_form(client, "/notifications/read")
    assert "badge text-bg-danger" not in client.get("/tasks").get_data(as_text=True)


class RefusingSink(Sink):
    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address.startswith("refused"):
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_one_refused_address_does_not_hold_back_the_others(app, agencies):
    sink, port = RefusingSink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    try:
        factories.make_user("x.sct", agency_code="SCT", email="refused@quangngai.gov.vn")
        factories.make_user("y.sct", agency_code="SCT", email="y@quangngai.gov.vn")
        notify_agency("SCT", "due_soon", "Sắp đến hạn")
        db.session.commit()
        assert dispatch.send_emails() == 1
        assert dispatch.send_emails() == 0  # nothing sent twice
        assert [e.rcpt_tos for e in sink.messages] == [["y@quangngai.gov.vn"]]
    finally:
        controller.stop()
        app.config.update(MAIL_SERVER=None, MAIL_PORT=25)
