"""The time limits of violation handling, each a setting with the legal text that sets it.

What each text says, and where it was read (the closing note of issue 10 has the detail):
- record: Nghị định 118/2021/NĐ-CP, Điều 12, as amended by Nghị định 68/2025/NĐ-CP (from
  20/3/2025): 03 working days from discovering the violation; 05 where the case has many
  complex facts or a wide scope, or from receiving appraisal or valuation results (read in
  nhansu.vn, quoting the amended text).
- decision: Luật Xử lý vi phạm hành chính, Điều 66 khoản 1, as amended by Luật 67/2020/QH14:
  07 working days from the record, 10 where the file goes to the competent person; 01 month
  where the violator asks to explain or facts must be verified (Điều 59, 61); 02 months
  where such a case is particularly serious and complex (read in thuvienphapluat.vn and
  lawnet.vn quoting it). What was read of Luật 88/2025/QH15 (from 01/7/2025; summaries
  of pbgdpl.gov.vn, caobang.dms.gov.vn) names no change to these periods.
- compliance: Điều 73 khoản 1: 10 days from receiving the decision, or the longer period it
  states (trangtinphapluat.com, congdanphapluat.vn).
- execution: Điều 74 khoản 1: 01 year from the decision (123docz.net, congdanphapluat.vn).
- limitation: Điều 6 khoản 1 điểm a, as amended by Luật 88/2025/QH15: 01 year; 02 years for
  the press and publishing, among other fields (caobang.dms.gov.vn quoting the amended text).
- delivery: Điều 70: 02 working days from the decision, as the 2012 text reads (luathuythanh.vn);
  Luật 88/2025/QH15 rewrote how decisions are sent, and a summary (luatmtpd.com) reads 03
  working days: not confirmed in the text, so marked so on the settings page.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.settings import get_int_setting

WORKING_DAYS, DAYS, MONTHS, YEARS = "working_days", "days", "months", "years"


@dataclass(frozen=True)
class Limit:
    key: str
    default: int
    label: object
    unit: str
    source: str  # the legal text, as an official cites it (not translated)
    confirmed: bool = True  # False: not read in the text in force


LAW = "Luật Xử lý vi phạm hành chính"
ND118 = "Nghị định 118/2021/NĐ-CP, Điều 12 (sửa đổi bởi Nghị định 68/2025/NĐ-CP)"

LIMITS = [
    Limit("record_days", 3, _l("Violation record, from discovering the violation"),
          WORKING_DAYS, ND118),
    Limit("record_days_long", 5, _l("Violation record in a complex case, or from receiving "
                                    "appraisal results"), WORKING_DAYS, ND118),
    Limit("decision_days", 7, _l("Sanction decision, from the record"), WORKING_DAYS,
          f"{LAW}, Điều 66 khoản 1 điểm a (sửa đổi bởi Luật 67/2020/QH14)"),
    Limit("decision_days_transferred", 10, _l("Sanction decision when the file goes to the "
                                              "competent person, from the record"),
          WORKING_DAYS, f"{LAW}, Điều 66 khoản 1 điểm a (sửa đổi bởi Luật 67/2020/QH14)"),
    Limit("decision_months_explain", 1, _l("Sanction decision when the violator explains or "
                                           "facts are verified, from the record"), MONTHS,
          f"{LAW}, Điều 66 khoản 1 điểm b; Điều 59, 61"),
    Limit("decision_months_max", 2, _l("Sanction decision in a particularly serious, complex "
                                       "case, from the record (at most)"), MONTHS,
          f"{LAW}, Điều 66 khoản 1 điểm c"),
    Limit("delivery_days", 2, _l("Delivery of the decision, from its date"), WORKING_DAYS,
          f"{LAW}, Điều 70 (Luật 88/2025/QH15 sửa đổi cách gửi)", confirmed=False),
    Limit("compliance_days", 10, _l("Compliance, from receiving the decision (or the longer "
                                    "period it states)"), DAYS, f"{LAW}, Điều 73 khoản 1"),
    Limit("execution_years", 1, _l("Limit to execute the decision, from its date"), YEARS,
          f"{LAW}, Điều 74 khoản 1"),
    Limit("limitation_years", 1, _l("Limitation period of the sanction"), YEARS,
          f"{LAW}, Điều 6 khoản 1 điểm a (sửa đổi bởi Luật 88/2025/QH15)"),
    Limit("limitation_years_press", 2, _l("Limitation period of the sanction: press, "
                                          "publishing"), YEARS,
          f"{LAW}, Điều 6 khoản 1 điểm a (sửa đổi bởi Luật 88/2025/QH15)"),
    Limit("referral_days", 2, _l("Referral to the competent agency"), WORKING_DAYS,
          f"{LAW}, Điều 62", confirmed=False),
    Limit("follow_up_days", 30, _l("Follow-up of a referral"), DAYS,
          _l("No legal text: the coordinating agency's own follow-up"), confirmed=False),
]

UNITS = {WORKING_DAYS: _l("working days"), DAYS: _l("days"), MONTHS: _l("months"),
         YEARS: _l("years")}


def spec(key: str) -> Limit:
    return next(item for item in LIMITS if item.key == key)


def limit(key: str) -> int:
    """The setting's value, at least 1; its default when unset or not a number."""
    item = spec(key)
    return max(get_int_setting(f"violations.{key}", item.default), 1)
