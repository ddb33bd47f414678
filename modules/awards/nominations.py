"""An agency's writes on its nominations: keeping a draft with its documents, sending it to
the coordinator (which starts its commendation process), sending it again after a return.
Nothing typed is lost: a draft is kept as it is, with what it still lacks, until it is sent."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from app import workflow
from app.calendar import add_working_days
from app.clock import today, utcnow
from app.extensions import db
from modules.awards import access, catalogue, consultees, files, periods, signals
from modules.awards.models import (
    AwardForm,
    AwardRound,
    Consultation,
    Nomination,
    NominationDocument,
    NominationStatus,
    RoundQuota,
    RoundStatus,
)
from modules.awards.retrying import retrying

PROCESS = "commendation"
SENT_AGAIN = "award_resent"
HIEP_Y = "hiep_y"


class NominationError(ValueError):
    pass


@dataclass
class Proposal:
    """What the agency's page sends: the nominee, the form, the summary."""

    form_id: int | None
    kind: str
    name: str
    position: str = ""
    unit: str = ""
    enterprise: bool = False
    summary: str = ""


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _check(award_round: AwardRound, proposal: Proposal) -> AwardForm:
    offered = {form.id: form for form in award_round.forms}
    award_form = offered.get(proposal.form_id)
    if award_form is None:
        raise NominationError(_l("Choose an award form this round offers."))
    if proposal.kind not in ("individual", "collective"):
        raise NominationError(_l("Say whether the nominee is a person or a collective."))
    if not award_form.takes(proposal.kind):
        raise NominationError(_l("%(form)s is not given to this kind of nominee.",
                                 form=award_form.name))
    if not _clean(proposal.name):
        raise NominationError(_l("Write the nominee's name."))
    return award_form


def save(round_id: int, user, proposal: Proposal, uploads: list[tuple[str, str, bytes]],
         nomination_id: int | None = None) -> Nomination:
    """Keep a draft (new, or one of the agency's drafts or returned nominations) with the
    documents uploaded now: (document kind, file name, bytes)."""
    award_round = db.session.get(AwardRound, round_id)
    if award_round is None:
        raise NominationError(_l("This round does not exist."))
    if nomination_id is None:
        if award_round.status != RoundStatus.OPEN.value:
            raise NominationError(_l("This round is closed."))
        if not access.proposes_for(user, user.agency_id):
            raise workflow.Forbidden(_l("Only an agency's staff and leads propose nominees."))
        nomination = None
    else:
        nomination = _editable(nomination_id, user)
    award_form = _check(award_round, proposal)
    kinds = catalogue.document_kinds()
    for kind, filename, content in uploads:
        if kind not in kinds:
            raise NominationError(_l("Choose the kind of each document from the list."))
        try:
            workflow.check_file(filename, content)
        except files.FileError as error:
            raise NominationError(f"{filename}: {error}") from None
    if nomination is None:
        nomination = Nomination(round_id=round_id, agency_id=user.agency_id,
                                created_by_id=user.id, created_at=utcnow())
        db.session.add(nomination)
    nomination.form_id, nomination.kind = award_form.id, proposal.kind
    nomination.name, nomination.position = _clean(proposal.name), _clean(proposal.position) or None
    nomination.unit = _clean(proposal.unit) or None
    nomination.enterprise = bool(proposal.enterprise)
    nomination.summary = (proposal.summary or "").strip()
    for kind, filename, content in uploads:
        stored = files.stage(filename, content, user)
        nomination.documents.append(NominationDocument(kind=kind, file_id=stored.id))
    _commit()
    return nomination


def remove_document(nomination_id: int, document_id: int, user) -> Nomination:
    nomination = _editable(nomination_id, user)
    document = next((d for d in nomination.documents if d.id == document_id), None)
    if document is None:
        raise NominationError(_l("This document is not in the dossier."))
    nomination.documents.remove(document)
    _commit()
    return nomination


def missing(nomination: Nomination) -> list[str]:
    """What the dossier lacks for its form, as the page lists it before anything is sent."""
    lacking = []
    if not (nomination.summary or "").strip():
        lacking.append(str(_l("The achievement summary")))
    have = {document.kind for document in nomination.documents}
    # An enterprise's hiệp y comes as the agencies' answers (consolidation.answer), not as
    # a document of the proposing agency.
    lacking += [catalogue.document_label(code) for code in nomination.form.document_codes
                if code not in have and code != HIEP_Y]
    return lacking


@retrying
def send(nomination_id: int, user) -> Nomination:
    """Send the dossier to the coordinator: refused while anything is missing, after the
    round's deadline (unless it comes back after a return) or beyond the agency's quota."""
    nomination = _editable(nomination_id, user, lock=True)
    lacking = missing(nomination)
    if lacking:
        db.session.rollback()
        raise NominationError(_l("The dossier is incomplete: %(missing)s.",
                                 missing="; ".join(lacking)))
    first = nomination.status == NominationStatus.DRAFT.value
    if first:
        _check_round(nomination)
    nomination.status, nomination.sent_at = NominationStatus.SENT.value, utcnow()
    nomination.return_reason = None
    asked = []
    if nomination.enterprise:
        have = {c.body for c in nomination.consultations}
        due = add_working_days(today(), periods.value(periods.HIEP_Y_ANSWER_DAYS))
        asked = [Consultation(body=body, due_on=due) for body in consultees.BODIES
                 if body not in have]
        nomination.consultations += asked
    db.session.flush()
    if nomination.instance_id is None:
        instance = workflow.start_process(
            PROCESS, on_behalf_of=user, business_key=nomination.business_key, commit=False,
            subject=f"{nomination.name} · {nomination.form.name}",
            data={"nomination_id": nomination.id, "decider": nomination.form.decider,
                  "nominee": nomination.name, "agency": nomination.agency.code})
        nomination.instance_id = instance.id
    else:
        signals.queue(nomination, SENT_AGAIN)
    from modules.awards import notices

    notices.sent(nomination, again=not first)
    for consultation in asked:
        notices.consultation_asked(nomination, consultation)
    _commit()
    signals.after_commit([nomination.id], user)
    return nomination


def _check_round(nomination: Nomination) -> None:
    award_round = nomination.round
    if award_round.status != RoundStatus.OPEN.value or today() > award_round.deadline:
        db.session.rollback()
        raise NominationError(_l("The round's deadline (%(day)s) has passed.",
                                 day=f"{award_round.deadline:%d/%m/%Y}"))
    quota = db.session.scalar(select(RoundQuota.quota).where(
        RoundQuota.round_id == award_round.id, RoundQuota.agency_id == nomination.agency_id))
    if quota is None:
        return
    used = db.session.scalar(select(func.count(Nomination.id)).where(
        Nomination.round_id == award_round.id, Nomination.agency_id == nomination.agency_id,
        Nomination.id != nomination.id, Nomination.status.notin_(
            [NominationStatus.DRAFT.value, NominationStatus.ENDED.value]))) or 0
    if used >= quota:
        db.session.rollback()
        raise NominationError(_l("Your agency has proposed its quota of %(n)d nominees in "
                                 "this round.", n=quota))


def _editable(nomination_id: int, user, lock: bool = False) -> Nomination:
    query = select(Nomination).where(Nomination.id == nomination_id)
    if lock:
        query = query.with_for_update()
    nomination = db.session.scalar(query.execution_options(populate_existing=True))
    if nomination is None:
        raise workflow.NotFound(_l("This nomination does not exist."))
    if not access.proposes_for(user, nomination.agency_id):
        raise workflow.Forbidden(_l("This nomination belongs to another agency."))
    if not nomination.editable:
        raise NominationError(_l("This nomination was sent and cannot be changed now: "
                                 "%(status)s.", status=nomination.status_label))
    return nomination


def _commit() -> None:
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise NominationError(_l("Someone else changed this at the same moment. Reload the "
                                 "page and try again.")) from None
