"""Issuing the consolidated report, through the pages on both databases: the coordinator
signs the round off, downloads the draft, signs it outside the app (here with pyHanko and a
certification authority made by the test), and uploads the signed PDF; it is kept as the
issued document and given to readers, its signer and signing time shown, and whether the
signer's certificate chains to a root the admin installed. Refused with the reason, nothing
kept: an unsigned PDF, a file that is no PDF, a signature that does not cover the whole file
(bytes added after signing), one that does not verify (the signed bytes changed)."""

import io
import re
from datetime import datetime

import pytest

from app import workflow
from app.extensions import db
from app.notifications.models import Notification
from app.plan import reporting
from app.plan.models import ReportCycle
from app.workflow.cli import _run_once
from tests import factories, signatures
from tests.conftest import login, post_form
from tests.journeys.walk import flashes, main_text, text_of

SIGN_OFF = {"number": "125/BC-SVHTTDL", "issued_on": "08/12/2025", "strengths": "Đạt.",
            "signer_authority": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình", "confirm": "1"}
SIGNER = "Nguyễn Văn Bình"
AGENCY = "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi"


@pytest.fixture
def people(app, agencies):
    def signed_in(username, roles, name):
        factories.make_user(username, roles=roles, agency_code="STTTT", full_name=name)
        client = app.test_client()
        login(client, username, factories.PASSWORD)
        return client

    return {"coordinator": signed_in("dieu.phoi", ["coordinator"], "Trần Thị Điều"),
            "admin": signed_in("quan.tri", ["admin"], "Quản Trị"),
            "lead": signed_in("lanh.dao", ["agency_lead"], "Lãnh Đạo")}


@pytest.fixture
def pki():
    root = signatures.authority()
    return {"root": root, "signer": signatures.signer(root, SIGNER, AGENCY)}


@pytest.fixture
def signed_off(plan, people, clock):
    """The 2025 round, signed off through its page on Monday 08/12/2025."""
    workflow.sync_folder()
    clock.current = datetime(2025, 11, 17, 2, 0)
    cycle = reporting.open_annual_cycle(2025)
    clock.current = datetime(2025, 12, 8, 2, 0)
    assert post_form(people["coordinator"], f"/plan/reports/{cycle.id}",
                     SIGN_OFF).status_code == 302
    return f"/plan/reports/{cycle.id}"


def upload(client, url: str, content: bytes, filename: str = "bao-cao-ky-so.pdf"):
    return post_form(client, f"{url}/issue", {"signed_pdf": (io.BytesIO(content), filename)},
                     content_type="multipart/form-data")


def issued_card(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    assert 'id="issued"' in page, flashes(page)
    return text_of(page.split('id="issued"', 1)[1].split("</div></div>", 1)[0])


def cycle_of(url: str) -> ReportCycle:
    db.session.expire_all()
    return db.session.get(ReportCycle, int(url.rsplit("/", 1)[1]))


def test_the_signed_copy_is_issued_its_signer_shown_and_trust_shown_as_it_stands(
        signed_off, people, pki, clock):
    coordinator, admin, lead = people["coordinator"], people["admin"], people["lead"]
    assert lead.get(f"{signed_off}/report.pdf").status_code == 404  # no issued report yet
    draft = coordinator.get(f"{signed_off}/report.pdf")
    assert draft.status_code == 200 and draft.data.startswith(b"%PDF-")

    signed = signatures.sign(draft.data, pki["signer"])
    response = upload(coordinator, signed_off, signed)
    assert response.status_code == 302
    told = flashes(coordinator.get(signed_off).get_data(as_text=True))
    assert f"Đã phát hành: báo cáo do {SIGNER} ký số là văn bản phát hành." in told

    card = issued_card(coordinator, signed_off)
    assert f"Người ký: {SIGNER} ({AGENCY}), lúc " in card
    assert "chứng thư số do CA thử nghiệm Quảng Ngãi cấp" in card
    assert "Chưa kiểm tra với chứng thư gốc tin cậy" in card  # nothing installed: not assumed
    assert "Tệp đã ký là bản dự thảo của hệ thống, chỉ thêm chữ ký số." in card

    # The readers get the signed copy, byte for byte; the dashboard says it is issued.
    for reader in (coordinator, lead):
        assert reader.get(f"{signed_off}/report.pdf").data == signed
    assert "Báo cáo tổng hợp năm 2025: đã phát hành." in main_text(
        lead.get("/plan/dashboard?year=2025").get_data(as_text=True))

    # The admin installs the authority's root: the same signature now shows as chaining to it.
    root_form = {"certificate": (io.BytesIO(pki["root"].pem), "ca-goc.pem")}
    assert post_form(admin, "/admin/trusted-roots/", root_form,
                     content_type="multipart/form-data").status_code == 302
    assert "Chứng thư số của người ký thuộc chuỗi tin cậy của chứng thư gốc do quản trị cài " \
           "đặt" in issued_card(coordinator, signed_off)
    page = admin.get("/admin/trusted-roots/").get_data(as_text=True)
    [remove] = re.findall(r'action="([^"]*/remove)"', page)
    assert post_form(admin, remove).status_code == 302
    assert "Chưa kiểm tra với chứng thư gốc tin cậy" in issued_card(coordinator, signed_off)

    # Issued means reported to UBND tỉnh: past 14/12 nobody is told it is overdue.
    clock.current = datetime(2025, 12, 16, 2, 0)
    _run_once()
    assert db.session.query(Notification).filter(Notification.kind == "overdue").count() == 0
    assert upload(coordinator, signed_off, signed).status_code == 400  # issued once


def refused(client, url: str, content: bytes, filename: str = "bao-cao-ky-so.pdf") -> str:
    response = upload(client, url, content, filename)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert cycle_of(url).issued_at is None  # nothing kept
    return text_of(" ".join(FIELD_ERROR.findall(page) + flashes(page)))


FIELD_ERROR = re.compile(r'<div[^>]*class="invalid-feedback[^"]*"[^>]*>(.*?)</div>', re.S)


def test_what_is_not_a_signed_copy_of_the_whole_document_is_refused_with_the_reason(
        signed_off, people, pki):
    coordinator = people["coordinator"]
    draft = coordinator.get(f"{signed_off}/report.pdf").data
    signed = signatures.sign(draft, pki["signer"])

    assert "Tệp PDF chưa có chữ ký số" in refused(coordinator, signed_off, draft)
    assert "Tệp này không phải PDF" in refused(coordinator, signed_off,
                                               "Báo cáo".encode() * 50, "bao-cao.docx")
    assert "không bao trùm toàn bộ văn bản" in refused(
        coordinator, signed_off, signed + b"\n% them sau khi ky\n")
    assert "văn bản đã bị thay đổi sau khi ký" in refused(
        coordinator, signed_off, signatures.tampered(signed))
    assert "Không đọc được tệp PDF" in refused(coordinator, signed_off, b"%PDF-1.4\n" + b"x" * 64)
    assert "Chọn tệp PDF đã ký số" in refused(coordinator, signed_off, b"", "trong.pdf")

    assert upload(coordinator, signed_off, signed).status_code == 302  # the real one goes


def test_a_round_not_signed_off_has_no_draft_to_issue(plan, people, pki, clock):
    workflow.sync_folder()
    cycle = reporting.open_annual_cycle(2025)
    url = f"/plan/reports/{cycle.id}"
    assert "Cần ký duyệt báo cáo trước" in refused(people["coordinator"], url, b"%PDF-1.4")
    assert people["lead"].post(f"{url}/issue").status_code in (400, 403)


def test_the_admin_installs_only_an_authoritys_certificate_once(people, pki):
    admin = people["admin"]

    def install(content: bytes, filename: str):
        return post_form(admin, "/admin/trusted-roots/",
                         {"certificate": (io.BytesIO(content), filename)},
                         content_type="multipart/form-data")

    def said(response) -> str:
        return text_of(response.get_data(as_text=True))

    assert "Tệp này không phải chứng thư số" in said(install(b"hello", "goc.pem"))
    assert "không phải chứng thư số của tổ chức cung cấp dịch vụ chứng thực" in said(
        install(pki["signer"].pem, "nguoi-ky.pem"))
    assert install(pki["root"].der, "goc.cer").status_code == 302  # DER
    assert "Chứng thư số này đã được cài đặt." in said(install(pki["root"].pem, "goc.pem"))
    assert "CA thử nghiệm Quảng Ngãi" in admin.get("/admin/trusted-roots/").get_data(
        as_text=True)
    assert people["coordinator"].get("/admin/trusted-roots/").status_code == 403


def test_signatures_are_read_inside_a_running_event_loop(pki):
    """pyHanko runs an event loop of its own; under an async server (or a browser driver)
    one is running already: the signature is read all the same."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from reportlab.pdfgen import canvas

    from app.signing import verify

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(100, 700, "Bao cao")
    page.save()
    signed = signatures.sign(out.getvalue(), pki["signer"])

    async def in_a_loop():
        return verify.read(signed, [], datetime(2025, 12, 8))

    with ThreadPoolExecutor(max_workers=1) as pool:  # a thread of its own, its loop running
        [signature] = pool.submit(asyncio.run, in_a_loop()).result()
    assert signature.signer == SIGNER and signature.trusted is False
