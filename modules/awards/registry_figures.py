"""Into the plan (item 5.4, "Tổ chức khen thưởng trong công tác thông tin đối ngoại"): the
commendations decided in the report's period — awards given, per form, per agency, and
those revoked (not counted) — filled in the item's annual report step, where its lead
agency edits them before sending."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from modules.awards.registry_models import Award, AwardeeKind

ITEM = "5.4"


def _counts(names) -> str:
    counted: dict[str, int] = {}
    for name in names:
        counted[name] = counted.get(name, 0) + 1
    return "; ".join(f"{name}: {n}" for name, n in
                     sorted(counted.items(), key=lambda pair: (-pair[1], pair[0])))


def figures(item_code, agency, period_from, period_to) -> str | None:
    """The text of the figures, in Vietnamese (the report's language); None: no award."""
    if item_code != ITEM:
        return None
    awards = list(db.session.scalars(select(Award).where(
        Award.decision_date >= period_from, Award.decision_date <= period_to)
        .order_by(Award.decision_date, Award.id)))
    given = [award for award in awards if not award.revoked]
    if not awards:
        return None
    persons = sum(award.kind == AwardeeKind.PERSON.value for award in given)
    decisions = sorted({award.decision_number for award in given})
    with force_locale("vi"):
        lines = [
            _("Awards given: %(n)d (persons: %(persons)d, collectives: %(collectives)d), "
              "decisions %(decisions)s.", n=len(given), persons=persons,
              collectives=len(given) - persons, decisions=", ".join(decisions) or "—"),
            _("By form: %(forms)s.", forms=_counts(a.form_name for a in given) or "—"),
            _("By agency: %(agencies)s.", agencies=_counts(
                a.agency.name_vi if a.agency else a.agency_name for a in given) or "—")]
        if revoked := len(awards) - len(given):
            lines.append(_("Revoked (not counted): %(n)d.", n=revoked))
    return "\n".join(lines)
