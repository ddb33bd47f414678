"""Who may read and do what. A dossier holds personal data: only the proposing agency, the
plan's coordinator, Home Affairs and the members of the emulation council read it; every
page and file of a nomination asks `may_read` on the server."""

from sqlalchemy import select

from app.auth.roles import Role
from app.extensions import db
from modules.awards.models import AwardList, CouncilMember, Nomination

AGENCY_ROLES = (Role.AGENCY_STAFF, Role.AGENCY_LEAD)


def is_coordinator(user) -> bool:
    return user.has_any_role(Role.COORDINATOR)


def is_home_affairs(user) -> bool:
    return user.has_any_role(Role.HOME_AFFAIRS)


def is_council_member(user) -> bool:
    return db.session.scalar(select(CouncilMember.user_id).where(
        CouncilMember.user_id == user.id)) is not None


def proposes_for(user, agency_id: int | None) -> bool:
    """Staff and leads propose for their own agency."""
    return (agency_id is not None and user.agency_id == agency_id
            and user.has_any_role(*AGENCY_ROLES))


def may_read(user, nomination: Nomination) -> bool:
    return (proposes_for(user, nomination.agency_id) or is_coordinator(user)
            or is_home_affairs(user) or is_council_member(user))


def may_edit(user, nomination: Nomination) -> bool:
    return nomination.editable and proposes_for(user, nomination.agency_id)


def decides(user, award_list: AwardList) -> bool:
    """Who records the decision: Home Affairs on behalf of the Chairman; for Giấy khen, the
    head of the agency that opened the round."""
    if award_list.decider == "chairman":
        return is_home_affairs(user)
    return user.has_any_role(Role.AGENCY_LEAD) and user.agency_id == award_list.round.agency_id


def may_read_list(user, award_list: AwardList) -> bool:
    return (is_coordinator(user) or is_home_affairs(user) or is_council_member(user)
            or decides(user, award_list))
