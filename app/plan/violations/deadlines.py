"""A case's time limits as the case page shows them: each date with the legal text that sets
it, read from the case and from what its process has counted so far."""

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

from app.calendar import period_end
from app.plan.violations.limits import LAW, ND118, limit
from app.plan.violations.models import LONG_LIMITATION, ViolationCase


@dataclass(frozen=True)
class Deadline:
    label: object
    due: date
    source: str
    done_on: date | None = None  # when what it limits was done


def limitation_until(case: ViolationCase) -> date | None:
    """The last day to sanction (Luật Xử lý vi phạm hành chính, Điều 6 khoản 1): counted from
    the day a finished violation ended, or the day an ongoing one was discovered."""
    start = case.ended_on or case.discovered_on
    if start is None or case.sector is None:
        return None
    key = "limitation_years_press" if case.sector in LONG_LIMITATION else "limitation_years"
    return period_end(start, years=limit(key))


_RECORD = {
    "record_standard": _l("Violation record, from discovering the violation"),
    "record_complex": _l("Violation record in a complex case, from discovering the violation"),
    "record_appraisal": _l("Violation record, from receiving the appraisal results"),
}
_DECISION = {
    "decision_standard": (_l("Sanction decision, from the record"), "khoản 1 điểm a"),
    "decision_transferred": (_l("Sanction decision, the file transferred to the competent "
                                "person"), "khoản 1 điểm a"),
    "decision_month": (_l("Sanction decision, extended: the violator explains or "
                           "facts are verified"), "khoản 1 điểm b"),
    "decision_max": (_l("Sanction decision, extended: a particularly serious and "
                         "complex case (the most the law allows)"), "khoản 1 điểm c"),
}


def _date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def deadlines_of(case: ViolationCase, data: dict) -> list[Deadline]:
    """What applies to the case now, in the order the law sets it; `data` is its process's.
    A process of the first diagram (before these limits) shows only what it counted."""
    found = []
    if until := limitation_until(case):
        found.append(Deadline(_l("Limitation period of the sanction"), until,
                              f"{LAW}, Điều 6 khoản 1", _date(data.get("decision_date"))))
    if due := _date(data.get("record_due")):
        label = _RECORD.get(data.get("record_rule"), _l("Violation record"))
        found.append(Deadline(label, due, ND118 if "record_rule" in data else "",
                              _date(data.get("record_date"))))
    if due := _date(data.get("decision_due")):
        label, clause = _DECISION.get(data.get("decision_rule"), (_l("Sanction decision"), ""))
        source = f"{LAW}, Điều 66 {clause}" if clause else ""
        found.append(Deadline(label, due, source, _date(data.get("decision_date"))))
    if due := _date(data.get("deliver_due")):
        found.append(Deadline(_l("Delivery of the decision"), due, f"{LAW}, Điều 70",
                              _date(data.get("delivered_on"))))
    if due := _date(data.get("comply_due")):
        found.append(Deadline(_l("Compliance with the decision"), due,
                              f"{LAW}, Điều 73 khoản 1" if "execution_until" in data else ""))
    if due := _date(data.get("execution_until")):
        found.append(Deadline(_l("Limit to execute the decision"), due,
                              f"{LAW}, Điều 74 khoản 1"))
    return found
