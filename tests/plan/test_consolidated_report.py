"""What the consolidated report says, read from its PDF after a sign-off through the pages:
the opening cites the plan as the plan names itself; for each item what its lead agency
reported; then the parts of a provincial report on foreign information work, those the
coordinator left blank left out; the figures said to be estimates up to the cut-off; the
recipients as the admin set them."""

from datetime import date, datetime

import pytest

from app import workflow
from app.plan import reporting
from tests import factories
from tests.conftest import login, pdf_text, post_form
from tests.pages import form_values
from tests.plan.test_reporting_rounds import FIRST, file_through_pages

HEADINGS = ("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN THEO NHÓM NHIỆM VỤ",
            "III. ĐÁNH GIÁ", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "V. ĐỀ XUẤT, KIẾN NGHỊ")
WRITTEN = {"directing": "Ban hành Công văn hướng dẫn triển khai Kế hoạch năm 2025.",
           "strengths": "Các cơ quan triển khai nghiêm túc.",
           "weaknesses": "Một số địa phương báo cáo chậm.",
           "causes": "Thiếu cán bộ chuyên trách.",
           "next_year": "Đẩy mạnh quảng bá trên nền tảng số.",
           "recommendations": "Đề nghị UBND tỉnh bố trí kinh phí năm 2026."}
SIGNER = {"number": "125/BC-SVHTTDL", "signer_authority": "GIÁM ĐỐC",
          "signer_name": "Nguyễn Văn Bình"}


@pytest.fixture
def clients(app, agencies):
    def signed_in(username, agency, role, name):
        factories.make_user(username, roles=[role], agency_code=agency, full_name=name)
        client = app.test_client()
        login(client, username, factories.PASSWORD)
        return client

    return {"sct": signed_in("cv.sct", "SCT", "agency_staff", "Phạm Thị Huyền"),
            "coordinator": signed_in("dieu.phoi", "STTTT", "coordinator", "Trần Thị Điều"),
            "admin": signed_in("quan.tri", "STTTT", "admin", "Quản Trị")}


@pytest.fixture
def open_round(plan, agencies, clock):
    workflow.sync_folder()
    clock.current = datetime(2025, 11, 17, 2, 0)  # Monday 17/11/2025

    def opened(deadline: date | None = None):
        return reporting.open_annual_cycle(2025, deadline=deadline)

    return opened


def signed_off(client, cycle, sections: dict, day: str = "08/12/2025") -> str:
    """Sign the round off through its page (asked first, then confirmed); the PDF's text."""
    url = f"/plan/reports/{cycle.id}"
    form = {**SIGNER, "issued_on": day, **sections}
    assert post_form(client, url, form).status_code == 200  # what to know first
    assert post_form(client, url, {**form, "confirm": "1"}).status_code == 302
    return pdf_text(client.get(f"{url}/report.pdf").data)


def between(text: str, start: str, end: str | None = None) -> str:
    assert start in text, start
    rest = text.split(start, 1)[1]
    return rest.split(end, 1)[0] if end else rest


def test_each_item_as_its_lead_reported_it_then_the_five_parts_in_order(
        open_round, clients, clock):
    """A provincial report on foreign information work: I. công tác chỉ đạo, triển khai; II.
    kết quả theo nhóm nhiệm vụ (the plan's five task groups, Phụ lục of Kế hoạch
    116/KH-UBND); III. đánh giá (ưu điểm, hạn chế, nguyên nhân); IV. phương hướng, nhiệm vụ
    năm sau; V. đề xuất, kiến nghị (issue 10, §4)."""
    cycle = open_round()
    file_through_pages(clients["sct"], "SCT", FIRST)
    clock.current = datetime(2025, 12, 8, 2, 0)
    text = signed_off(clients["coordinator"], cycle, WRITTEN)

    positions = [text.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)
    directing = between(text, HEADINGS[0], HEADINGS[1])
    assert WRITTEN["directing"] in directing and "Đã nhận 1/36 báo cáo" in directing

    results = between(text, HEADINGS[1], HEADINGS[2])
    group_2 = between(results, "2. Hoàn thiện cơ chế, chính sách", "3. Đổi mới nội dung")
    assert "- Nhiệm vụ 2.1, Sở Công Thương (tự đánh giá: hoàn thành tốt): Tổ chức 3 hội " \
           "nghị; số liệu: 120 lượt." in group_2
    assert "- Nhiệm vụ 1.2: chưa có báo cáo của cơ quan chủ trì." in between(
        results, "1. Quán triệt, phổ biến thông tin", "2. Hoàn thiện")
    assert "- Nhiệm vụ 3.1, Sở Công Thương" in between(results, "3. Đổi mới nội dung",
                                                      "4. Đẩy mạnh đấu tranh")

    assessment = between(text, HEADINGS[2], HEADINGS[3])
    assert f"1. Ưu điểm {WRITTEN['strengths']}" in assessment
    assert f"2. Hạn chế, khó khăn {WRITTEN['weaknesses']} Khó khăn, vướng mắc các cơ quan, " \
           "đơn vị nêu: - Sở Công Thương: Thiếu kinh phí" in assessment
    assert f"3. Nguyên nhân {WRITTEN['causes']}" in assessment
    assert WRITTEN["next_year"] in between(text, HEADINGS[3], HEADINGS[4])
    assert f"{WRITTEN['recommendations']} Đề xuất, kiến nghị của các cơ quan, đơn vị: - Sở " \
           "Công Thương: Bổ sung" in between(text, HEADINGS[4], "Nơi nhận")


def test_parts_left_blank_are_left_out_and_the_rest_numbered_in_turn(
        open_round, clients, clock):
    """Optional parts may stay blank: the report then says nothing of them (no heading over
    nothing, no sentence nobody wrote), and the parts that remain are numbered I, II, III."""
    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    text = signed_off(clients["coordinator"], cycle, {"strengths": "Đạt yêu cầu."})

    assert "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI Đã nhận 0/36 báo cáo" in text
    assert "III. ĐÁNH GIÁ 1. Ưu điểm Đạt yêu cầu." in text
    for left_out in ("IV.", "V. ", "PHƯƠNG HƯỚNG", "ĐỀ XUẤT", "Hạn chế", "Nguyên nhân",
                     "không báo cáo khó khăn"):
        assert left_out not in between(text, "III. ĐÁNH GIÁ", "Nơi nhận"), left_out


def test_the_strengths_must_be_written_and_what_was_written_is_kept(open_round, clients,
                                                                  clock):
    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    page = post_form(clients["coordinator"], f"/plan/reports/{cycle.id}", {
        **SIGNER, "issued_on": "08/12/2025", "causes": "Thiếu cán bộ chuyên trách."
    }).get_data(as_text=True)
    assert 'id="strengths"' in page and "is-invalid" in page.split('id="strengths"')[0][-300:]
    assert "Thiếu cán bộ chuyên trách." in page


def test_the_figures_are_estimates_up_to_the_cut_off_when_agencies_report_before_it(
        open_round, clients, clock):
    """Nghị định 09/2019/NĐ-CP, Điều 12, khoản 4: an annual report's data run from 15/12 of
    the year before to 14/12. The agencies report by 05/12 (a plan setting), before that
    cut-off, so the report says its figures are "ước thực hiện đến 14/12"."""
    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    text = signed_off(clients["coordinator"], cycle, {"strengths": "Đạt."})
    assert "báo cáo kết quả thực hiện năm 2025 (số liệu tính từ ngày 15/12/2024, ước thực " \
           "hiện đến ngày 14/12/2025) như sau:" in text


def test_figures_reported_after_the_cut_off_are_not_called_estimates(open_round, clients,
                                                                     clock):
    """Nghị định 09/2019/NĐ-CP, Điều 12, khoản 4: a round whose agencies report after 14/12
    reports actual figures for the whole period."""
    cycle = open_round(deadline=date(2025, 12, 20))
    clock.current = datetime(2025, 12, 22, 2, 0)
    text = signed_off(clients["coordinator"], cycle, {"strengths": "Đạt."}, day="22/12/2025")
    assert "(số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)" in text
    assert "ước thực hiện" not in text


def test_the_opening_names_the_plan_as_the_provincial_peoples_committees(
        open_round, clients, clock):
    """Kế hoạch 116/KH-UBND: "UBND tỉnh ban hành Kế hoạch triển khai thực hiện như sau" (its
    preamble), numbered KH-UBND and dated 03/6/2024 as it writes its own date: the report
    cites "Kế hoạch số 116/KH-UBND ngày 03/6/2024 của Ủy ban nhân dân tỉnh", not "của Chủ
    tịch UBND tỉnh"."""
    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    text = signed_off(clients["coordinator"], cycle, {"strengths": "Đạt."})
    assert text.count("Thực hiện Kế hoạch số 116/KH-UBND ngày 03/6/2024 của Ủy ban nhân dân "
                      "tỉnh, ") == 1
    assert "Chủ tịch" not in text


def test_the_recipients_are_todays_bodies(open_round, clients, clock):
    """Since 01/3/2025 foreign information is the Ministry of Culture, Sports and Tourism's
    (Bộ TT&TT merged into Bộ KH&CN; its Cục Thông tin cơ sở và Thông tin đối ngoại, QĐ
    637/QĐ-BVHTTDL 11/3/2025); the party committee's Ban Tuyên giáo and Ban Dân vận merged
    (Kết luận 121-KL/TW); no district level since 01/7/2025 (NQ 1677/NQ-UBTVQH15)."""
    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    recipients = between(signed_off(clients["coordinator"], cycle, {"strengths": "Đạt."}),
                         "Nơi nhận:")
    for expected in ("- UBND tỉnh (để báo cáo);",
                     "- Bộ Văn hóa, Thể thao và Du lịch (Cục Thông tin cơ sở và Thông tin đối "
                     "ngoại);", "- Ban Tuyên giáo và Dân vận Tỉnh ủy;",
                     "- Các sở, ban, ngành; UBND các xã, phường, đặc khu;", "Lưu: VT"):
        assert expected in recipients, expected
    for former in ("Bộ Thông tin và Truyền thông", "Ban Tuyên giáo Tỉnh ủy", "cấp huyện"):
        assert former not in recipients


def test_an_admin_changes_the_recipients_and_the_next_report_follows(open_round, clients,
                                                                     clock):
    """The recipients are a setting (issue 10, §1): the admin's page shows today's list and
    keeps what the admin writes, one a line, bullets and blank lines dropped."""
    admin = clients["admin"]
    page = admin.get("/plan/settings").get_data(as_text=True)
    assert "Bộ Văn hóa, Thể thao và Du lịch (Cục Thông tin cơ sở và Thông tin đối ngoại)" in page
    values = form_values(page, "/plan/settings", "/plan/settings")
    values["report_recipients"] = "UBND tỉnh (để báo cáo)\n\n- Sở Ngoại vụ;\n"
    assert post_form(admin, "/plan/settings", values).status_code == 302
    assert "UBND tỉnh (để báo cáo)\nSở Ngoại vụ</textarea>" in admin.get(
        "/plan/settings").get_data(as_text=True)

    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    recipients = between(signed_off(clients["coordinator"], cycle, {"strengths": "Đạt."}),
                         "Nơi nhận:")
    assert "- Sở Ngoại vụ;" in recipients and "Bộ Văn hóa" not in recipients


def test_a_blank_list_of_recipients_brings_back_the_list_as_seeded(clients):
    admin = clients["admin"]
    page = admin.get("/plan/settings").get_data(as_text=True)
    values = form_values(page, "/plan/settings", "/plan/settings")
    assert post_form(admin, "/plan/settings", {**values, "report_recipients": " \n"}
                     ).status_code == 302
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy" in admin.get("/plan/settings").get_data(
        as_text=True)


def test_the_items_table_keeps_the_plans_agencies_and_says_who_acts_now(
        open_round, clients, clock, province_today):
    """Kế hoạch 116/KH-UBND keeps its own words in the report as on its pages; where it names
    an agency that has ended, the report says who holds that item's work on its date:
    Thông tư 10/2025/TT-BVHTTDL, Điều 1 (foreign information to Sở VHTTDL), the province's
    merger of Sở Kế hoạch và Đầu tư into Sở Tài chính, and NQ 1677/NQ-UBTVQH15 (the communes
    in place of the districts from 01/7/2025)."""
    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    text = " ".join(signed_off(clients["coordinator"], cycle, WRITTEN).split())

    assert "Sở Thông tin và Truyền thông (nay là Sở Văn hóa, Thể thao và Du lịch)" in text
    assert "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính)" in text
    assert "UBND cấp huyện (nay là UBND cấp xã)" in text
    assert "Sở Công Thương (nay là" not in text  # a live agency is just itself


@pytest.mark.parametrize(("unit", "archive"), [("TTĐN", "- Lưu: VT, TTĐN."), ("", "- Lưu: VT.")])
def test_the_archive_line_names_the_drafting_unit_and_ends_with_a_full_stop(
        open_round, clients, clock, unit, archive):
    """NĐ 30/2020/NĐ-CP, Phụ lục I, Phần II, mục 9 (nơi nhận): the last entry is "- Lưu: VT,"
    then the drafting unit's abbreviation, ending with a full stop; a unit left blank leaves
    "- Lưu: VT."."""
    cycle = open_round()
    clock.current = datetime(2025, 12, 8, 2, 0)
    text = signed_off(clients["coordinator"], cycle, {**WRITTEN, "drafting_unit": unit})

    recipients = between(text, "Nơi nhận:")
    assert f"; {archive} " in recipients and recipients.count("Lưu:") == 1
