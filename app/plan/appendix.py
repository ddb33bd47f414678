"""Reading the plan's text: its number, date and title, and the appendix table ("Danh mục
các nhóm nhiệm vụ thông tin đối ngoại") with its 21 items.

The text was converted from a scan: an item may run over a page break (its content goes on
in a row without a code), and a few words carry OCR slips, which are corrected here.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PLAN_TEXT = Path(__file__).resolve().parents[2] / "docs" / "plan" / "ke-hoach-116-KH-UBND-2024.md"

PLAN_NUMBER = "116/KH-UBND"
PLAN_ISSUED_ON = date(2024, 6, 3)
PLAN_ISSUER = "Ủy ban nhân dân tỉnh Quảng Ngãi"
PLAN_SIGNER = "Trần Hoàng Tuấn"

OCR_FIXES = {
    "NHẸM VỤ": "NHIỆM VỤ",
    "Quản triệt": "Quán triệt",
    "đầu tranh phần bác": "đấu tranh phản bác",
}

_TAGS = re.compile(r"<[^>]+>")
_GROUP = re.compile(r"^\d+$")
_ITEM = re.compile(r"^\d+\.\d+$")


@dataclass
class AppendixItem:
    code: str
    group_no: int
    group_title: str
    content: str
    leads: str
    cooperating: str
    timeframe: str


@dataclass
class PlanText:
    title: str
    items: list[AppendixItem] = field(default_factory=list)


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", _TAGS.sub("", text))
    for wrong, right in OCR_FIXES.items():
        text = text.replace(wrong, right)
    return " ".join(text.replace("*", "").split())


def _title(lines: list[str]) -> str:
    """The bold line under "KẾ HOẠCH": what the plan implements."""
    for line in lines:
        if line.startswith("**Thực hiện"):
            text = clean(line)
            return "Kế hoạch " + text[0].lower() + text[1:]
    raise ValueError("the plan's title line is missing")


def read_plan_text(path: Path = PLAN_TEXT) -> PlanText:
    lines = path.read_text(encoding="utf-8").splitlines()
    plan = PlanText(title=_title(lines))
    start = next(i for i, line in enumerate(lines) if line.startswith("STT\t"))
    group_no, group_title, current = 0, "", None
    for line in lines[start + 1:]:
        cells = [clean(cell) for cell in line.split("\t")] + [""] * 5
        first = cells[0]
        if _GROUP.match(first):
            group_no, group_title, current = int(first), cells[1], None
        elif _ITEM.match(first):
            current = AppendixItem(first, group_no, group_title, cells[1], cells[2], cells[3],
                                   cells[4])
            plan.items.append(current)
        elif not first and cells[1] and current is not None:
            current.content = f"{current.content} {cells[1]}"  # went on past a page break
    return plan
