"""Helpers for the account journeys: a spreadsheet as an admin's office fills it in, and
reading a password link from a mail or a page."""

import html
import io
import re

from openpyxl import Workbook

LINK = re.compile(r"http://127\.0\.0\.1:5000(/account/set-password/[A-Za-z0-9_.\-]+)")


def xlsx(rows, header=("Họ và tên", "Email", "Cơ quan, đơn vị", "Vai trò")) -> bytes:
    book = Workbook()
    sheet = book.active
    if header:
        sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def link_in(text: str) -> str:
    """The path of the one password link in a mail or a page."""
    found = {match.group(1) for match in LINK.finditer(html.unescape(text))}
    assert len(found) == 1, found
    return found.pop()


def links_on(page: str) -> dict[str, str]:
    """user name → link path, from the page that hands links over."""
    rows = re.findall(r"<code>([^<]+)</code></td>\s*<td[^>]*><code class=\"password-link\">"
                      r"([^<]+)</code>", page)
    return {html.unescape(user): link_in(link) for user, link in rows}
