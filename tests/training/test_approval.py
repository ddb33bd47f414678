"""A class where the agency lead approves each registration: the official registers, the
lead of their agency approves or declines in their inbox; a seat is taken when approved.
A lead's nomination, with the nomination document ("văn bản cử đi học"), needs no other
approval. Through the pages, each person in their own browser."""

import io
import re

from tests.journeys.walk import main_text, option_value
from tests.training.steps import my_status, open_class, register, roster

APPROVE = "Duyệt đăng ký học"
PDF = b"%PDF-1.4\n% Quyet dinh cu di hoc\n"


def test_the_lead_approves_and_the_official_takes_a_seat(organiser, person, clock):
    class_id = open_class(organiser, approval_needed="y")
    official = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead", "agency_staff")
    other_lead = person("lanh.dao.snv", "SNV", "Võ Minh Phê", "agency_lead")

    register(official, class_id)
    assert "Chờ lãnh đạo cơ quan duyệt" in my_status(official, "TTDN-2026-01")
    assert other_lead.inbox() == []  # another agency's lead sees nothing of it
    assert official.inbox() == []

    step = lead.waiting(APPROVE, "TTDN-2026-01 · Phạm Thị Huyền")
    waiting = re.findall(r'href="/tasks/(\d+)"', lead.get("/training/agency"))
    assert str(step.id) in waiting  # the agency's page lists what waits for the lead
    clock.advance(hours=26, minutes=15)  # the lead decides the next day: 03/03 11:15
    sent = lead.fill(step, {"decision": "approve"})
    assert "Phạm Thị Huyền" in sent.panel
    decided = "Lê Văn Lãnh đã duyệt, 03/03/2026 11:15"  # who decided and when, on each page
    assert "Đã xác nhận chỗ " + decided in my_status(official, "TTDN-2026-01")
    assert roster(organiser, class_id) == [
        "1 Phạm Thị Huyền Sở Công Thương Đã xác nhận chỗ " + decided]
    history = main_text(lead.get("/training/agency"))
    assert "Phạm Thị Huyền TTDN-2026-01" in history
    assert "Đã xác nhận chỗ " + decided in history


def test_the_lead_declines_with_a_reason_the_official_reads(organiser, person, clock):
    class_id = open_class(organiser, approval_needed="y")
    official = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")
    register(official, class_id)

    step = lead.waiting(APPROVE)
    refused = lead.fill(step, {"decision": "decline", "decline_reason": ""}, expect=400)
    assert "Lý do không đồng ý" in main_text(refused.landed)
    clock.advance(hours=2)
    lead.fill(step, {"decision": "decline", "decline_reason": "Trùng lịch tiếp khách quốc tế"})

    assert "Không được duyệt Lê Văn Lãnh không duyệt, 02/03/2026 11:00" in my_status(
        official, "TTDN-2026-01")
    notices = official.notices()
    assert any("không duyệt" in n.text and "Trùng lịch tiếp khách quốc tế" in n.text
               for n in notices), notices
    assert roster(organiser, class_id) == [
        "Phạm Thị Huyền Sở Công Thương Không được duyệt Lê Văn Lãnh không duyệt, 02/03/2026 "
        "11:00 Trùng lịch tiếp khách quốc tế"]


def test_a_lead_nominates_an_official_with_the_nomination_document(organiser, person):
    class_id = open_class(organiser, approval_needed="y")
    official = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")
    stranger = person("chuyen.vien.snv", "SNV", "Võ Minh Phê")

    url = f"/training/classes/{class_id}/nominate"
    page = lead.get(url)
    chosen = option_value(page, "person", "Phạm Thị Huyền (chuyen.vien)")
    refused = lead.post(url, {"person": chosen}, expect=400,
                        content_type="multipart/form-data")
    assert "Đính kèm văn bản cử đi học." in main_text(refused)
    lead.post(url, {"person": chosen, "document": (io.BytesIO(PDF), "QD-cu-di-hoc.pdf")},
              content_type="multipart/form-data")

    status = my_status(official, "TTDN-2026-01")
    assert "Đã xác nhận chỗ" in status and "do Lê Văn Lãnh cử đi học" in status
    assert lead.inbox() == []  # the nomination is the lead's approval
    document = f"/training/registrations/{_registration_id(organiser, class_id)}/document"
    for reader in (official, lead, organiser):
        response = reader.client.get(document)
        assert response.status_code == 200 and response.data == PDF
    assert stranger.client.get(document).status_code == 404
    assert any("Lê Văn Lãnh đã cử anh/chị đi học" in n.text for n in official.notices())


def test_only_a_lead_nominates_and_only_their_own_people(organiser, person):
    class_id = open_class(organiser)
    staff = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    assert staff.client.get(f"/training/classes/{class_id}/nominate").status_code == 403
    assert staff.client.get("/training/agency").status_code == 403
    lead = person("lanh.dao", "SCT", "Lê Văn Lãnh", "agency_lead")
    person("chuyen.vien.snv", "SNV", "Võ Minh Phê")
    page = lead.get(f"/training/classes/{class_id}/nominate")
    assert "Võ Minh Phê" not in page  # the people of another agency are not offered


def _registration_id(organiser, class_id: int) -> int:
    page = organiser.get(f"/training/classes/{class_id}/registrations")
    return int(re.search(r"/training/registrations/(\d+)/document", page)[1])
