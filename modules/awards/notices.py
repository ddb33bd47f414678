"""Who is told what in the commendation work, in Vietnamese as an official writes it (a
notice is kept as written). Plain paths: the timer worker writes some outside a request."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.models import Agency, User, UserRole
from app.auth.roles import Role
from app.extensions import db
from app.notifications.models import Kind
from app.notifications.service import agency_people, notify_users
from modules.awards.models import CouncilMember


def _with_role(role: Role) -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.active.is_(True),
        User.id.in_(select(UserRole.user_id).where(UserRole.role == role.value)))))


def _nomination_link(nomination) -> str:
    return f"/awards/nominations/{nomination.id}"


def _list_link(award_list) -> str:
    return f"/awards/lists/{award_list.id}"


def round_opened(award_round) -> None:
    agencies = db.session.scalars(select(Agency).where(Agency.active.is_(True)))
    people = [person for agency in agencies for person in agency_people(agency.id)]
    with force_locale("vi"):
        text = _("Call for commendation proposals: %(topic)s (%(year)d). Send your agency's "
                 "nominations by %(day)s.", topic=award_round.topic, year=award_round.year,
                 day=f"{award_round.deadline:%d/%m/%Y}")
    notify_users(people, Kind.AWARDS, text, f"/awards/rounds/{award_round.id}")


def sent(nomination, again: bool) -> None:
    with force_locale("vi"):
        text = (_("%(agency)s sent the supplemented dossier of %(name)s.", name=nomination.name,
                  agency=nomination.agency.name_vi) if again else
                _("%(agency)s proposes %(name)s for %(form)s.", name=nomination.name,
                  agency=nomination.agency.name_vi, form=nomination.form.name))
    notify_users(_with_role(Role.COORDINATOR), Kind.AWARDS, text, _nomination_link(nomination))


def consultation_asked(nomination, consultation) -> None:
    """The agency asked for hiệp y, where it has accounts (else the coordinator asks it in
    writing and records its answer)."""
    from modules.awards.consultees import agency_code

    agency = db.session.scalar(select(Agency).where(
        Agency.code == agency_code(consultation.body)))
    if agency is None:
        return
    with force_locale("vi"):
        text = _("Your agency's opinion (hiệp y) is asked on %(name)s (%(unit)s) for "
                 "%(form)s, by %(day)s.", name=nomination.name,
                 unit=nomination.unit or nomination.agency.name_vi, form=nomination.form.name,
                 day=f"{consultation.due_on:%d/%m/%Y}")
    notify_users(agency_people(agency.id), Kind.AWARDS, text, "/awards/consultations")


def returned(nomination) -> None:
    with force_locale("vi"):
        text = _("The dossier of %(name)s was returned for supplement: %(reason)s",
                 name=nomination.name, reason=nomination.return_reason)
    notify_users(agency_people(nomination.agency_id), Kind.RETURNED, text,
                 _nomination_link(nomination))


def list_sent(award_list) -> None:
    if award_list.decider == "chairman":
        people = _with_role(Role.HOME_AFFAIRS)
        with force_locale("vi"):
            text = _("List %(number)s of %(n)d nominees for appraisal, due %(day)s.",
                     number=award_list.number, n=len(award_list.nominations),
                     day=f"{award_list.due_on:%d/%m/%Y}")
    else:
        people = agency_people(award_list.round.agency_id, Role.AGENCY_LEAD.value)
        with force_locale("vi"):
            text = _("List %(number)s of %(n)d nominees for Giấy khen awaits your decision.",
                     number=award_list.number, n=len(award_list.nominations))
    notify_users(people, Kind.AWARDS, text, _list_link(award_list))


def list_returned(award_list, nominations) -> None:
    with force_locale("vi"):
        text = _("Home Affairs returned list %(number)s: %(reason)s",
                 number=award_list.number, reason=award_list.return_reason)
    notify_users(_with_role(Role.COORDINATOR), Kind.RETURNED, text, _list_link(award_list))


def council_asked(award_list) -> None:
    members = [member.user for member in db.session.scalars(select(CouncilMember))]
    with force_locale("vi"):
        text = _("Home Affairs asks the emulation council's opinion on list %(number)s.",
                 number=award_list.number)
    notify_users(members, Kind.AWARDS, text, _list_link(award_list))


def appraisal_overdue(award_list) -> None:
    with force_locale("vi"):
        text = _("The appraisal of list %(number)s was due on %(day)s.",
                 number=award_list.number, day=f"{award_list.due_on:%d/%m/%Y}")
    notify_users(_with_role(Role.HOME_AFFAIRS) + _with_role(Role.COORDINATOR), Kind.OVERDUE,
                 text, _list_link(award_list))


def decision_overdue(award_list) -> None:
    if award_list.decider == "chairman":
        people = _with_role(Role.HOME_AFFAIRS)
    else:
        people = agency_people(award_list.round.agency_id, Role.AGENCY_LEAD.value)
    with force_locale("vi"):
        text = _("The decision on list %(number)s was due on %(day)s.",
                 number=award_list.number, day=f"{award_list.decision_due_on:%d/%m/%Y}")
    notify_users(people, Kind.OVERDUE, text, _list_link(award_list))


def decided(award_list, decision) -> None:
    """The proposing agencies, and each nominee not approved with the reason."""
    people: dict[int, list] = {}  # an agency's people, read once for all its nominees
    for nomination in award_list.nominations:
        with force_locale("vi"):
            if nomination.agreed:
                text = _("Decision %(number)s of %(day)s awards %(form)s to %(name)s.",
                         number=decision.number, day=f"{decision.signed_on:%d/%m/%Y}",
                         form=nomination.form.name, name=nomination.name)
            else:
                text = _("%(name)s was not awarded %(form)s: %(reason)s. The letter from the "
                         "deciding body is on the nomination's page.", name=nomination.name,
                         form=nomination.form.name,  # "…tiêu chuẩn." ends the sentence once
                         reason=(nomination.refusal_reason or "").rstrip(" ."))
        if nomination.agency_id not in people:
            people[nomination.agency_id] = agency_people(nomination.agency_id)
        notify_users(people[nomination.agency_id], Kind.AWARDS, text,
                     _nomination_link(nomination))
    with force_locale("vi"):
        text = _("Decision %(number)s on list %(list)s is recorded.", number=decision.number,
                 list=award_list.number)
    notify_users(_with_role(Role.COORDINATOR), Kind.AWARDS, text, _list_link(award_list))
