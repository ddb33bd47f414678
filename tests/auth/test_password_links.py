"""A new person sets their password from a link: mailed when the app has a mail server,
else shown once to whoever made the account. The link is signed, works once (it is bound to
the password it replaces) and expires after PASSWORD_LINK_HOURS on the app's clock; the
same link serves a forgotten password. A fresh load from the database between steps."""

import re

import pytest
from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.notifications import dispatch
from tests import factories
from tests.auth.accounts import link_in, links_on
from tests.conftest import _logged_in, login, post_form

NEW_PASSWORD = "Tịnh Khê 2026 an toàn"


def _text(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _lead(app, code="SVHTTDL"):
    return _logged_in(app, factories.make_user(f"lead.{code.lower()}", roles=["agency_lead"],
                                               agency_code=code, full_name="Trương Văn Lãnh"))


def _make_account(lead_client, agency, email="thu.nguyen@quangngai.gov.vn"):
    return post_form(lead_client, f"/agencies/{agency.id}/people/new", {
        "full_name": "Nguyễn Thị Thu", "email": email, "roles": ["agency_staff"]})


def _person(username="thu.nguyen@quangngai.gov.vn") -> User:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.username == username))


def _set(client, link, password, confirm=None):
    return post_form(client, link, {"new": password, "confirm": confirm or password})


def test_a_new_person_sets_the_password_from_the_shown_link_and_signs_in(app, province_2026):
    lead = _lead(app)
    made = _make_account(lead, province_2026["SVHTTDL"])
    page = made.get_data(as_text=True)
    assert made.status_code == 200 and made.headers["Cache-Control"] == "no-store"
    assert "chỉ hiển thị một lần" in page
    link = links_on(page)["thu.nguyen@quangngai.gov.vn"]
    assert lead.get("/agency/people", follow_redirects=True).get_data(as_text=True).count(
        "/account/set-password/") == 0  # shown once, never again

    person = app.test_client()
    opened = person.get(link)
    assert opened.status_code == 200
    assert "thu.nguyen@quangngai.gov.vn" in opened.get_data(as_text=True)
    assert login(person, "thu.nguyen@quangngai.gov.vn", "anything at all").status_code == 200

    short = _set(person, link, "ngan")
    assert "ít nhất 12 ký tự" in short.get_data(as_text=True)
    same = _set(person, link, "thu.nguyen@quangngai.gov.vn")
    assert "không được chứa họ tên, tên đăng nhập" in same.get_data(as_text=True)
    differ = _set(person, link, NEW_PASSWORD, confirm=NEW_PASSWORD + "x")
    assert "Hai mật khẩu không khớp" in differ.get_data(as_text=True)
    assert _person().must_change_password

    done = _set(person, link, NEW_PASSWORD)
    assert done.status_code == 302 and done.headers["Location"] == "/login"
    assert "Đã đặt mật khẩu" in person.get("/login").get_data(as_text=True)
    assert not _person().must_change_password
    signed_in = login(person, " Thu.Nguyen@QuangNgai.gov.vn", NEW_PASSWORD,
                      follow_redirects=True)
    assert "Nguyễn Thị Thu" in signed_in.get_data(as_text=True)
    assert signed_in.request.path != "/account/password"  # no second password to choose

    again = app.test_client().get(link)
    assert again.status_code == 410
    assert "Đường dẫn đã được sử dụng" in again.get_data(as_text=True)
    assert _set(app.test_client(), link, "mật khẩu khác hẳn").status_code == 410
    assert _person().check_password(NEW_PASSWORD)


def test_the_mailed_link_works_and_expires_counted_from_the_mail(app, province_2026, smtp,
                                                                 clock):
    """The expiry is the setting PASSWORD_LINK_HOURS (72 by default), counted from when the
    worker sent the mail, on the app's clock."""
    lead = _lead(app)
    made = _make_account(lead, province_2026["SVHTTDL"])
    assert made.status_code == 302
    assert "đang được gửi đến thu.nguyen@quangngai.gov.vn" in _text(
        lead.get(made.headers["Location"]).get_data(as_text=True))

    clock.advance(hours=5)  # the worker was stopped for a while
    assert dispatch.send_emails() == 1
    [mail] = smtp.texts_to("thu.nguyen@quangngai.gov.vn")
    assert "Kính gửi Nguyễn Thị Thu" in mail
    assert "Tên đăng nhập là địa chỉ email của anh/chị: thu.nguyen@quangngai.gov.vn" in mail
    assert "hiệu lực đến 14:00 05/03/2026" in mail  # 09:00 + 5 h, then 72 h, Vietnam time
    link = link_in(mail)

    hours = app.config["PASSWORD_LINK_HOURS"]
    clock.advance(hours=hours, minutes=-1)
    assert app.test_client().get(link).status_code == 200
    clock.advance(minutes=2)
    expired = app.test_client().get(link)
    assert expired.status_code == 410
    assert "Đường dẫn đã hết hạn" in expired.get_data(as_text=True)
    assert _set(app.test_client(), link, NEW_PASSWORD).status_code == 410
    assert _person().must_change_password


def test_the_expiry_is_a_setting(app, province_2026, clock):
    app.config["PASSWORD_LINK_HOURS"] = 2
    try:
        link = links_on(_make_account(_lead(app), province_2026["SVHTTDL"])
                        .get_data(as_text=True))["thu.nguyen@quangngai.gov.vn"]
        clock.advance(hours=2, minutes=1)
        assert app.test_client().get(link).status_code == 410
    finally:
        app.config["PASSWORD_LINK_HOURS"] = 72


def test_a_changed_or_cut_link_is_not_valid(app, province_2026):
    link = links_on(_make_account(_lead(app), province_2026["SVHTTDL"])
                    .get_data(as_text=True))["thu.nguyen@quangngai.gov.vn"]
    # A character inside the signature (the last one carries padding bits that may not
    # count).
    inside = len(link) - 10
    changed = link[:inside] + ("x" if link[inside] != "x" else "y") + link[inside + 1:]
    for bad in (link[:-4], changed,
                "/account/set-password/khong-phai-duong-dan"):
        response = app.test_client().get(bad)
        assert response.status_code == 410
        assert "Đường dẫn không hợp lệ" in response.get_data(as_text=True)


def test_a_deactivated_person_s_link_does_not_work(app, admin_client, province_2026):
    link = links_on(_make_account(_lead(app), province_2026["SVHTTDL"])
                    .get_data(as_text=True))["thu.nguyen@quangngai.gov.vn"]
    post_form(admin_client, f"/admin/users/{_person().id}/deactivate")
    assert app.test_client().get(link).status_code == 410


def test_forgot_password_mails_a_link_that_replaces_the_old_password(app, province_2026,
                                                                     smtp, clock):
    factories.make_user("hoa.svh", agency_code="SVHTTDL", full_name="Ngô Thị Hoa",
                        email="Hoa.NT@quangngai.gov.vn")
    client = app.test_client()
    assert "Quên mật khẩu?" in client.get("/login").get_data(as_text=True)
    asked = post_form(client, "/account/forgot-password", {"email": "hoa.nt@quangngai.gov.vn"},
                      follow_redirects=True)
    assert "Nếu địa chỉ này có tài khoản" in asked.get_data(as_text=True)
    unknown = post_form(client, "/account/forgot-password",
                        {"email": "khong.co@quangngai.gov.vn"}, follow_redirects=True)
    assert "Nếu địa chỉ này có tài khoản" in unknown.get_data(as_text=True)  # the same answer
    post_form(client, "/account/forgot-password", {"email": "hoa.nt@quangngai.gov.vn"})
    assert dispatch.send_emails() == 1  # one mail, whatever was asked in ten minutes
    first = link_in(smtp.texts_to("Hoa.NT@quangngai.gov.vn")[0])

    clock.advance(minutes=11)
    post_form(client, "/account/forgot-password", {"email": "hoa.nt@quangngai.gov.vn"})
    assert dispatch.send_emails() == 1
    second = link_in(smtp.texts_to("Hoa.NT@quangngai.gov.vn")[1])

    assert _set(app.test_client(), second, NEW_PASSWORD).status_code == 302
    assert app.test_client().get(first).status_code == 410  # the older link died with it
    assert login(app.test_client(), "hoa.svh", factories.PASSWORD).status_code == 200
    assert login(app.test_client(), "hoa.svh", NEW_PASSWORD).status_code == 302


def test_without_a_mail_server_forgot_password_says_whom_to_ask(client, province_2026):
    page = client.get("/account/forgot-password").get_data(as_text=True)
    assert "Đề nghị lãnh đạo đơn vị hoặc quản trị hệ thống" in page
    assert 'name="email"' not in page


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_person_who_must_change_a_password_may_still_use_a_link(app, province_2026,
                                                                  signed_in):
    link = links_on(_make_account(_lead(app), province_2026["SVHTTDL"])
                    .get_data(as_text=True))["thu.nguyen@quangngai.gov.vn"]
    client = app.test_client()
    if signed_in:
        other = factories.make_user("tam.svh", agency_code="SVHTTDL")
        db.session.get(User, other.id).must_change_password = True
        db.session.commit()
        login(client, "tam.svh", factories.PASSWORD)
    assert client.get(link).status_code == 200
    assert _set(client, link, NEW_PASSWORD).status_code == 302
