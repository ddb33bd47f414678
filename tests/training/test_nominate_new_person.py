"""The agency lead nominates a person who has no account yet, by name and email: the person
gets an account as staff of the lead's agency and a link to set the password (mailed, or
shown once to the lead when the app sends no mail), and is registered with the nomination
document; a refused nomination makes no account. Through the pages, a fresh load between
steps."""

import io

from sqlalchemy import func, select

from app.auth.models import User
from app.extensions import db
from app.notifications import dispatch
from tests.auth.accounts import link_in, links_on
from tests.conftest import login, post_form
from tests.journeys.walk import main_text
from tests.training.steps import my_status, open_class

PDF = b"%PDF-1.4\n% Quyet dinh cu di hoc\n"
PASSWORD = "Học viên Tịnh Khê 2026"


def _nominate(lead, class_id, expect=200, **answers):
    return lead.post(f"/training/classes/{class_id}/nominate", {
        "new_name": "Đinh Thị Ngọc", "new_email": "ngoc.dt@quangngai.gov.vn",
        "document": (io.BytesIO(PDF), "QD-cu-di-hoc.pdf"), **answers},
        expect=expect, content_type="multipart/form-data")


def _newcomer() -> User | None:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == "ngoc.dt@quangngai.gov.vn"))


def _set_and_sign_in(app, link):
    client = app.test_client()
    assert post_form(client, link, {"new": PASSWORD, "confirm": PASSWORD}).status_code == 302
    assert login(client, "ngoc.dt@quangngai.gov.vn", PASSWORD).status_code == 302
    return client


def test_a_lead_nominates_a_new_person_who_sets_a_password_and_sees_the_class(
        app, organiser, person):
    class_id = open_class(organiser)
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")

    shown = _nominate(lead, class_id)
    assert "Đinh Thị Ngọc" in main_text(shown) and "chỉ hiển thị một lần" in shown
    link = links_on(shown)["ngoc.dt@quangngai.gov.vn"]

    newcomer = _newcomer()
    assert newcomer.agency.code == "SCT"
    assert {role.value for role in newcomer.roles} == {"agency_staff"}
    client = _set_and_sign_in(app, link)
    page = client.get("/training/my").get_data(as_text=True)
    assert "TTDN-2026-01" in page and "do Lê Văn Lãnh cử đi học" in " ".join(
        main_text(page).split())


def test_with_a_mail_server_the_new_person_reads_the_link_in_the_mail(app, organiser, person,
                                                                       smtp):  # noqa: F811
    class_id = open_class(organiser)
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")
    landed = _nominate(lead, class_id, expect=302)
    assert "set-password" not in landed and "ngoc.dt@quangngai.gov.vn" in main_text(landed)
    dispatch.send_emails()
    mails = smtp.texts_to("ngoc.dt@quangngai.gov.vn")
    assert any("Lê Văn Lãnh đã cử anh/chị đi học" in mail for mail in mails)
    [mail] = [mail for mail in mails if "/account/set-password/" in mail]
    _set_and_sign_in(app, link_in(mail))


def test_a_person_of_the_agency_written_by_email_is_nominated_without_a_second_account(
        organiser, person):
    class_id = open_class(organiser)
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")
    official = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    db.session.get(User, official.user.id).email = "ngoc.dt@quangngai.gov.vn"
    db.session.commit()
    before = db.session.scalar(select(func.count(User.id)))
    _nominate(lead, class_id, expect=302)
    assert db.session.scalar(select(func.count(User.id))) == before
    assert "do Lê Văn Lãnh cử đi học" in my_status(official, "TTDN-2026-01")


def test_a_refused_nomination_makes_no_account(organiser, person, march):
    class_id = open_class(organiser)
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")
    other = person("chuyen.vien.snv", "SNV", "Võ Minh Phê")
    db.session.get(User, other.user.id).email = "phe.vm@quangngai.gov.vn"
    db.session.commit()
    url = f"/training/classes/{class_id}/nominate"

    no_document = lead.post(url, {"new_name": "Đinh Thị Ngọc",
                                  "new_email": "ngoc.dt@quangngai.gov.vn"},
                            expect=400, content_type="multipart/form-data")
    assert "Đính kèm văn bản cử đi học." in main_text(no_document)
    half = _nominate(lead, class_id, expect=400, new_name="")
    assert "Ghi họ và tên và email của người mới" in main_text(half)
    bad = _nominate(lead, class_id, expect=400, new_email="ngoc.dt@")
    assert "không phải là địa chỉ email hợp lệ" in main_text(bad)
    elsewhere = _nominate(lead, class_id, expect=400, new_email="phe.vm@quangngai.gov.vn")
    assert "tài khoản ngoài cơ quan, đơn vị của anh/chị" in main_text(elsewhere)
    assert _newcomer() is None

    march.advance(days=12)  # 14/03/2026: registration closed on 13/03
    closed = _nominate(lead, class_id, expect=400)
    assert "Lớp đã hết hạn đăng ký" in main_text(closed)
    assert _newcomer() is None  # the account went with the refused nomination
