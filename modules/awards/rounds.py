"""The coordinator opens a round (a call for proposals) and closes it; the agencies are told."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import workflow
from app.auth.agency_service import coordinator_agency
from app.auth.models import Agency
from app.clock import today, utcnow
from app.extensions import db
from modules.awards import access, notices
from modules.awards.models import AwardForm, AwardRound, RoundQuota, RoundStatus


class RoundError(ValueError):
    pass


def open_round(user, *, topic: str, year: int, deadline: date, form_ids: list[int],
               quotas: dict[int, int] | None = None, note: str = "") -> AwardRound:
    if not access.is_coordinator(user):
        raise workflow.Forbidden(_l("Only the plan's coordinator opens a round."))
    topic = " ".join((topic or "").split())
    if not topic:
        raise RoundError(_l("Write the round's topic."))
    if deadline < today():
        raise RoundError(_l("The deadline cannot be in the past."))
    chosen = list(db.session.scalars(select(AwardForm).where(
        AwardForm.id.in_(form_ids or []), AwardForm.active.is_(True))))
    if not chosen or len(chosen) != len(set(form_ids)):
        raise RoundError(_l("Choose the award forms this round offers from the catalogue."))
    agency = coordinator_agency()  # who holds the coordinating duty today
    if agency is None:
        raise RoundError(_l("No agency holds the coordinating duty: an administrator sets it."))
    award_round = AwardRound(topic=topic, year=year, deadline=deadline, forms=chosen,
                             note=(note or "").strip() or None, agency_id=agency.id,
                             opened_by_id=user.id, created_at=utcnow())
    for agency_id, quota in (quotas or {}).items():
        if db.session.get(Agency, agency_id) is None or quota < 1:
            raise RoundError(_l("A quota is a number of nominees of at least 1 for an agency."))
        award_round.quotas.append(RoundQuota(agency_id=agency_id, quota=quota))
    db.session.add(award_round)
    db.session.flush()
    notices.round_opened(award_round)
    db.session.commit()
    return award_round


def close_round(round_id: int, user) -> AwardRound:
    if not access.is_coordinator(user):
        raise workflow.Forbidden(_l("Only the plan's coordinator closes a round."))
    award_round = db.session.get(AwardRound, round_id)
    if award_round is None:
        raise workflow.NotFound(_l("This round does not exist."))
    award_round.status = RoundStatus.CLOSED.value
    db.session.commit()
    return award_round


def open_rounds() -> list[AwardRound]:
    return list(db.session.scalars(select(AwardRound).where(
        AwardRound.status == RoundStatus.OPEN.value).order_by(AwardRound.id.desc())))


def all_rounds() -> list[AwardRound]:
    return list(db.session.scalars(select(AwardRound).order_by(AwardRound.id.desc())))
