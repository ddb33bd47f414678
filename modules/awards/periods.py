"""The statutory periods of a commendation, each a setting in working days with the legal text
that sets it.

The decree in force is Nghị định 152/2025/NĐ-CP (14/6/2025), which replaced Nghị định
98/2023/NĐ-CP; Thông tư 15/2025/TT-BNV (04/8/2025) guides it. Neither text's procedure
articles could be read (only press summaries and the circular's header were reachable), so
no period below is confirmed in the text in force: each is `confirmed=False`, and its page
says "chưa đối chiếu văn bản". The defaults are the values earlier decrees gave, as
secondary sources report them (docs/law/awards.md has each source and address):
- appraisal by Sở Nội vụ: 20 working days, 30 where opinions (hiệp y) are asked (reported of
  NĐ 91/2017/NĐ-CP Đ.48 and NĐ 98/2023/NĐ-CP; old provincial procedures read 15 / 30 days);
- an agency asked for its opinion answers in 10 working days (NĐ 39/2012/NĐ-CP, amending
  NĐ 42/2010/NĐ-CP Đ.53 k.15 điểm c; superseded);
- the Chairman decides within 10 working days of Sở Nội vụ's tờ trình (reported);
- the result, and a refusal in writing, within 10 working days (TT 57/2020/TT-BQP Đ.22 k.4,
  another sector's circular);
- an incomplete dossier returned within 5 working days: no text found, a practice value.
"""

from flask_babel import lazy_gettext as _l

from app.plan.settings_sections import NumberSetting, SettingsSection
from app.settings import get_int_setting

DECREE = "Nghị định 152/2025/NĐ-CP"
UNCONFIRMED = _l("unconfirmed against the text")  # vi: "chưa đối chiếu văn bản"


def _period(key: str, default: int, label, source: str, confirmed: bool = False):
    """A period in working days; `source` as an official cites it (not translated);
    confirmed once read in the text in force."""
    return NumberSetting(key, label, default, source, maximum=120, confirmed=confirmed)


APPRAISAL_DAYS = _period(
    "awards.appraisal_days", 20,
    _l("Home Affairs appraises a complete dossier and submits it for decision within"),
    f"{DECREE} (thời hạn thẩm định của cơ quan làm công tác thi đua, khen thưởng cấp tỉnh; "
    "giá trị theo NĐ 91/2017/NĐ-CP Đ.48, NĐ 98/2023/NĐ-CP)")
APPRAISAL_HIEP_Y_DAYS = _period(
    "awards.appraisal_hiep_y_days", 30,
    _l("Home Affairs appraises and submits a dossier that needs other agencies' opinions "
       "(hiệp y) within"),
    f"{DECREE} (trường hợp phải lấy ý kiến hiệp y; giá trị theo NĐ 91/2017/NĐ-CP Đ.48, "
    "NĐ 98/2023/NĐ-CP)")
HIEP_Y_ANSWER_DAYS = _period(
    "awards.hiep_y_answer_days", 10,
    _l("An agency asked for its opinion (tax, social insurance, environment) answers within"),
    f"{DECREE} (giá trị theo NĐ 39/2012/NĐ-CP sửa đổi NĐ 42/2010/NĐ-CP Đ.53 k.15 điểm c)")
DECISION_DAYS = _period(
    "awards.decision_days", 10,
    _l("The Chairman of the provincial People's Committee decides, from Home Affairs' "
       "submission, within"),
    f"{DECREE} (thời hạn quyết định khen thưởng)")
RETURN_INCOMPLETE_DAYS = _period(
    "awards.return_incomplete_days", 5,
    _l("Home Affairs returns an incomplete dossier, with its reasons, within"),
    f"{DECREE} (không tìm thấy quy định; thực tiễn)")
NOTIFY_RESULT_DAYS = _period(
    "awards.notify_result_days", 10,
    _l("The proposing agency is told the result, and a refusal in writing, within"),
    f"{DECREE} (giá trị theo TT 57/2020/TT-BQP Đ.22 k.4)")

SETTINGS = (APPRAISAL_DAYS, APPRAISAL_HIEP_Y_DAYS, HIEP_Y_ANSWER_DAYS, DECISION_DAYS,
            RETURN_INCOMPLETE_DAYS, NOTIFY_RESULT_DAYS)
SECTION = SettingsSection(_l("Commendations: periods in working days"), SETTINGS)


def value(setting: NumberSetting) -> int:
    """The setting's whole number of working days (at least 1: 0 would end what it times
    at once); its default when unset or not a number."""
    return max(get_int_setting(setting.key, setting.default), 1)


def appraisal_days(needs_hiep_y: bool) -> int:
    """Home Affairs' period for a list: the longer one where any nominee needs opinions."""
    return value(APPRAISAL_HIEP_Y_DAYS if needs_hiep_y else APPRAISAL_DAYS)


def status(setting: NumberSetting):
    """What the settings page prints beside the source: nothing, or that the value was not
    checked against the text in force ("chưa đối chiếu văn bản")."""
    return "" if setting.confirmed else UNCONFIRMED


def by_key(key: str) -> NumberSetting:
    return next(setting for setting in SETTINGS if setting.key == key)
