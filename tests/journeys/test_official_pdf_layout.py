"""Every official PDF the app issues, as a user downloads it, holds the layout of Nghị định
30/2020/NĐ-CP, Phụ lục I (the checks in tests/pdf_layout.py, each naming its part of Phụ lục I).
Today that is the consolidated report of a reporting round (app/plan/report_pdf.py)."""

import re
from datetime import datetime

from app.auth.agency_service import coordinator_agency
from tests.pdf_layout import check_phu_luc_i, issuing_body, pages


def test_the_consolidated_report_follows_phu_luc_i(shipped, coordinator, clock):
    """NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I (margins, font, page numbers) and Phần II, mục 1-7, 9
    (national title and motto, issuing body, number, place and date, kind and summary, body,
    signature, recipients), on the report a coordinator signs off and downloads."""
    coordinator.post("/plan/reports/open", page="/plan/reports")
    [url] = set(re.findall(r'href="(/plan/reports/\d+)"', coordinator.get("/plan/reports")))
    clock.current = datetime(2025, 12, 8, 2, 0)
    sign_off = {"number": "130/BC-SVHTTDL", "issued_on": "08/12/2025",
                "strengths": "Các cơ quan đã triển khai nghiêm túc Kế hoạch.",
                "weaknesses": "Còn chậm ở cấp xã.",
                "signer_authority": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình",
                "confirm": "Ký"}
    coordinator.post(url, sign_off)

    pdf = coordinator.client.get(url + "/report.pdf").data
    assert len(pages(pdf)) >= 2  # the page numbers are checked on a real second page
    check_phu_luc_i(pdf, "Báo cáo")
    _, issuer = issuing_body(pdf)
    assert " ".join(line.text for line in issuer) == coordinator_agency().name_vi.upper()
