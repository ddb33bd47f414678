"""Words found wrong walking the pages in Vietnamese: the year filter's blank choice read
"Hàng năm" (yearly) instead of all years, and the results table's certificate column read
"Chứng thư số" (a digital signature's certificate) instead of the certificate's number."""

import re

from tests.journeys.walk import text_of
from tests.training.attendance_steps import attendance_url
from tests.training.test_certificates import certified  # noqa: F401 - the fixture


def test_the_year_filter_offers_all_years(organiser, person):
    trainee = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    page = trainee.get("/training/")
    select = re.search(r'<select[^>]*name="year"[^>]*>(.*?)</select>', page, re.S)[1]
    assert text_of(re.findall(r"<option[^>]*>(.*?)</option>", select)[0]) == "Tất cả các năm"


def test_the_results_table_heads_the_certificate_number_column(certified, organiser):  # noqa: F811
    page = organiser.get(attendance_url(certified["class_id"]))
    heads = [text_of(h) for h in re.findall(r'<th scope="col">(.*?)</th>', page)]
    assert "Số giấy chứng nhận" in heads and "Chứng thư số" not in heads
