"""The appendix's "Thời gian thực hiện": a year, a span of years, or every year."""

import re
from dataclasses import dataclass

from app.plan.models import TimeframeKind

_SPAN = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_YEARLY = {"hàng năm", "hằng năm"}


class TimeframeError(ValueError):
    pass


@dataclass(frozen=True)
class Timeframe:
    kind: TimeframeKind
    start_year: int | None = None
    end_year: int | None = None


def parse_timeframe(text: str) -> Timeframe:
    text = " ".join(text.split())
    if text.casefold() in _YEARLY:
        return Timeframe(TimeframeKind.YEARLY)
    if match := _YEAR.match(text):
        return Timeframe(TimeframeKind.YEAR, int(match[1]), int(match[1]))
    if match := _SPAN.match(text):
        start, end = int(match[1]), int(match[2])
        if start > end:
            raise TimeframeError(f"the span {text} ends before it starts")
        return Timeframe(TimeframeKind.SPAN, start, end)
    raise TimeframeError(f"'{text}' is no year, span of years or 'Hàng năm'")
