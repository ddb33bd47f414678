"""What the commendation pages read: an agency's nominations, a round's, and the lists that
wait for a person (Home Affairs' inbox with its deadlines, the agency head's Giấy khen)."""

from sqlalchemy import select

from app.auth.roles import Role
from app.extensions import db
from modules.awards import access
from modules.awards.models import (
    AwardList,
    AwardRound,
    ListStatus,
    Nomination,
    NominationStatus,
)


def agency_nominations(agency_id: int, round_id: int | None = None) -> list[Nomination]:
    query = select(Nomination).where(Nomination.agency_id == agency_id)
    if round_id is not None:
        query = query.where(Nomination.round_id == round_id)
    return list(db.session.scalars(query.order_by(Nomination.id.desc())))


def round_nominations(round_id: int) -> list[Nomination]:
    """What the coordinator consolidates: everything sent (drafts are the agency's)."""
    return list(db.session.scalars(select(Nomination).where(
        Nomination.round_id == round_id,
        Nomination.status != NominationStatus.DRAFT.value).order_by(Nomination.id)))


def round_lists(round_id: int) -> list[AwardList]:
    return list(db.session.scalars(select(AwardList).where(
        AwardList.round_id == round_id).order_by(AwardList.id)))


def lists_waiting_for(user) -> list[AwardList]:
    """Home Affairs: lists at appraisal or awaiting the Chairman's decision, oldest due
    first; an agency head: the Giấy khen lists for their decision; a council member: the
    lists put to the council."""
    waiting = (ListStatus.APPRAISING.value, ListStatus.DECIDING.value)
    found: list[AwardList] = []
    if access.is_home_affairs(user):
        found += db.session.scalars(select(AwardList).where(
            AwardList.decider == "chairman", AwardList.status.in_(waiting)))
    if user.has_any_role(Role.AGENCY_LEAD):
        found += db.session.scalars(select(AwardList).join(AwardRound).where(
            AwardList.decider == "agency_head", AwardRound.agency_id == user.agency_id,
            AwardList.status == ListStatus.DECIDING.value))
    if access.is_council_member(user):
        found += db.session.scalars(select(AwardList).where(
            AwardList.council_asked_at.is_not(None),
            AwardList.status == ListStatus.APPRAISING.value))
    unique = {award_list.id: award_list for award_list in found}
    return sorted(unique.values(), key=lambda a: (a.due_on or a.decision_due_on, a.id))


def waiting_review() -> list[Nomination]:
    """The nominations sent and not yet accepted or returned, oldest first: what the home
    page's "to review" figure counts, listed on the coordinator's start page."""
    return list(db.session.scalars(select(Nomination).where(
        Nomination.status == NominationStatus.SENT.value).order_by(Nomination.id)))


def to_review(round_id: int | None = None) -> int:
    query = select(Nomination.id).where(Nomination.status == NominationStatus.SENT.value)
    if round_id is not None:
        query = query.where(Nomination.round_id == round_id)
    return len(db.session.scalars(query).all())
