"""The statutory periods of a commendation (modules/awards/periods.py): their defaults, their
sources, and that none of them claims to be read in Nghị định 152/2025/NĐ-CP, whose procedure
articles could not be reached (docs/law/awards.md). A test that fails here means a
default or a source changed: check it against the text before changing the test."""

from flask_babel import force_locale

from app.extensions import db
from app.settings import set_setting
from modules.awards import periods
from modules.awards.periods import (
    APPRAISAL_DAYS,
    APPRAISAL_HIEP_Y_DAYS,
    DECISION_DAYS,
    HIEP_Y_ANSWER_DAYS,
    NOTIFY_RESULT_DAYS,
    RETURN_INCOMPLETE_DAYS,
)


def test_appraisal_by_home_affairs_takes_20_working_days_30_with_hiep_y():
    """NĐ 152/2025/NĐ-CP (text not read): the provincial emulation body appraises and submits
    within 20 working days, 30 where opinions (hiệp y) are asked: the values reported of
    NĐ 91/2017/NĐ-CP Đ.48 and NĐ 98/2023/NĐ-CP. Unconfirmed."""
    assert (APPRAISAL_DAYS.default, APPRAISAL_HIEP_Y_DAYS.default) == (20, 30)
    assert periods.appraisal_days(needs_hiep_y=False) == 20
    assert periods.appraisal_days(needs_hiep_y=True) == 30


def test_the_opinion_answer_decision_and_notice_periods():
    """NĐ 39/2012/NĐ-CP (sửa NĐ 42/2010/NĐ-CP Đ.53 k.15 điểm c): an agency asked for its
    opinion answers within 10 working days. The Chairman decides within 10 working days of
    the tờ trình (reported, not read). TT 57/2020/TT-BQP Đ.22 k.4: the result, and a refusal
    in writing, within 10 working days. An incomplete dossier goes back within 5 (no text
    found: practice). All unconfirmed in NĐ 152/2025/NĐ-CP."""
    assert HIEP_Y_ANSWER_DAYS.default == 10
    assert DECISION_DAYS.default == 10
    assert NOTIFY_RESULT_DAYS.default == 10
    assert RETURN_INCOMPLETE_DAYS.default == 5


def test_every_period_names_the_decree_in_force_and_is_marked_unconfirmed(app):
    """Nghị định 152/2025/NĐ-CP replaced Nghị định 98/2023/NĐ-CP: each period cites it, and
    each is marked "chưa đối chiếu văn bản" on its page until read in the text."""
    keys = [setting.key for setting in periods.SETTINGS]
    assert len(keys) == len(set(keys)) and all(key.startswith("awards.") for key in keys)
    for setting in periods.SETTINGS:
        assert "Nghị định 152/2025/NĐ-CP" in setting.source, setting.key
        assert setting.confirmed is False, setting.key
        with app.test_request_context(), force_locale("vi"):
            assert str(periods.status(setting)) == "chưa đối chiếu văn bản"
            assert str(setting.label) != setting.label._args[0], f"{setting.key} untranslated"


def test_an_admin_changes_a_period_and_nonsense_falls_back():
    """A period is a setting: an admin's value wins; 0 or less becomes 1 (a timer of 0 days
    would end at once); text that is not a number keeps the default."""
    set_setting(APPRAISAL_DAYS.key, "15")
    set_setting(DECISION_DAYS.key, "0")
    set_setting(APPRAISAL_HIEP_Y_DAYS.key, "ba mươi")
    db.session.commit()
    assert periods.value(APPRAISAL_DAYS) == 15
    assert periods.value(DECISION_DAYS) == 1
    assert periods.appraisal_days(needs_hiep_y=True) == 30
    assert periods.by_key("awards.decision_days") is DECISION_DAYS
