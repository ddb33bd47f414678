"""The statistics: awards per year and per agency in a year, a chart drawn on the server
(an image with its words for a screen reader) beside a table of the same numbers; an agency
sees its own."""

import re

from tests.awards import test_registry_support as support
from tests.journeys.walk import main_text

person, readers, registry = support.person, support.readers, support.registry  # fixtures


def _table(page: str, table_id: str) -> list[list[str]]:
    body = page.split(f'id="{table_id}"')[1].split("</tbody>")[0]
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in
             re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr data-key[^>]*>(.*?)</tr>", body, re.S)]


def test_the_statistics_per_year_and_agency_with_their_chart(registry, readers):
    page = readers["home_affairs"].get("/awards/registry/statistics")
    assert _table(page, "table-years") == [["2024", "5", "2", "7", "0"],
                                           ["2023", "1", "0", "1", "0"],
                                           ["2022", "2", "1", "3", "0"]]
    # The latest year unless another is chosen; the agency with most awards first.
    agencies = _table(page, "table-agencies")
    assert agencies[:2] == [["Báo Quảng Ngãi", "1", "1", "2", "0"],
                            ["Sở Văn hóa, Thể thao và Du lịch", "1", "1", "2", "0"]]
    assert len(agencies) == 5
    chart = page.split('id="chart-years"')[0].rsplit("<svg", 1)[1] + \
        page.split('id="chart-years"')[1].split("</svg>")[0]
    assert 'role="img"' in chart and "2024 7; 2023 1; 2022 3" in chart
    assert chart.count('class="bar bar-persons"') == 3

    older = readers["home_affairs"].get("/awards/registry/statistics?year=2022")
    assert "Khen thưởng theo cơ quan, đơn vị năm 2022" in main_text(older)
    assert _table(older, "table-agencies") == [
        ["Sở Thông tin và Truyền thông", "1", "1", "2", "0"],
        ["Báo Quảng Ngãi", "1", "0", "1", "0"]]
    # Each agency's line opens the registry on its awards of that year.
    assert re.search(r'href="/awards/registry/\?year=2022&amp;agency=id:\d+"', older)


def test_an_agency_counts_only_its_own(registry, readers):
    page = readers["sct"].get("/awards/registry/statistics")
    assert _table(page, "table-years") == [["2024", "1", "0", "1", "0"]]
    assert _table(page, "table-agencies") == [["Sở Công Thương", "1", "0", "1", "0"]]
