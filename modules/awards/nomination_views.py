"""A nomination's pages: the agency proposes and keeps its draft, sees what is missing and
sends it; the coordinator accepts or returns it and records the hiệp y; the agencies asked
for hiệp y answer. Every read asks access.may_read on the server."""

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.fields import options
from modules.awards import access, catalogue, consolidation, consultees, files, nominations
from modules.awards.forms import ActionForm, ConsultationForm, NominationForm, ReasonForm
from modules.awards.models import Consultation, Nomination, NominationStatus
from modules.awards.views import bp, round_or_404

ERRORS = (nominations.NominationError, consolidation.ConsolidationError, files.FileError)


def readable_or_404(nomination_id: int) -> Nomination:
    nomination = db.session.get(Nomination, nomination_id) or abort(404)
    if not access.may_read(current_user, nomination):
        raise workflow.Forbidden(_("This dossier belongs to another agency: only the "
                                   "proposing agency, the coordinator, Home Affairs and the "
                                   "emulation council read it."))
    return nomination


def _form(award_round, nomination=None) -> NominationForm:
    form = NominationForm(obj=nomination)
    form.form_id.choices = options((f.id, f.name) for f in award_round.forms)
    kinds = list(catalogue.document_kinds())
    for index, row in enumerate(form.documents):
        row.kind.choices = options(catalogue.document_kinds().items())
        if not form.is_submitted() and not row.kind.data and index < len(kinds):
            row.kind.data = kinds[index]  # tờ trình, báo cáo, biên bản: one file each
    return form


def _proposal(form: NominationForm) -> nominations.Proposal:
    return nominations.Proposal(
        form_id=form.form_id.data, kind=form.kind.data, name=form.name.data or "",
        position=form.position.data or "", unit=form.unit.data or "",
        enterprise=form.enterprise.data, summary=form.summary.data or "")


def _uploads(form: NominationForm) -> list[tuple[str, str, bytes]]:
    uploads = []
    for row in form.documents:
        upload = row.file.data
        if upload is not None and getattr(upload, "filename", ""):
            uploads.append((row.kind.data, upload.filename, upload.read()))
    return uploads


@bp.route("/rounds/<int:round_id>/propose", methods=["GET", "POST"])
def propose_page(round_id: int):
    award_round = round_or_404(round_id)
    if not access.proposes_for(current_user, current_user.agency_id):
        raise workflow.Forbidden(_("Only an agency's staff and leads propose nominees."))
    form = _form(award_round)
    if form.validate_on_submit():
        try:
            nomination = nominations.save(round_id, current_user, _proposal(form),
                                          _uploads(form))
        except ERRORS as error:
            flash(str(error), "danger")
        else:
            flash(_("Draft kept. Check what is missing, then send it."), "success")
            return redirect(url_for(".nomination_page", nomination_id=nomination.id))
    return render_template("awards/propose.html", form=form, award_round=award_round,
                           kinds=catalogue.document_kinds(),
                           nomination=None), 200 if not form.is_submitted() else 400


@bp.get("/nominations/<int:nomination_id>")
def nomination_page(nomination_id: int, form=None, status: int = 200):
    nomination = readable_or_404(nomination_id)
    editing = access.may_edit(current_user, nomination)
    if editing and form is None:
        form = _form(nomination.round, nomination)
    answerable = {c.body for c in nomination.consultations if c.agrees is None and (
        access.is_coordinator(current_user) or c.body in consultees.bodies_of(
            getattr(current_user.agency, "code", None)))}
    return render_template(
        "awards/nomination.html", nomination=nomination, form=form if editing else None,
        missing=nominations.missing(nomination), kinds=catalogue.document_kinds(),
        coordinates=access.is_coordinator(current_user), action=ActionForm(),
        reason_form=ReasonForm(), consultation_form=ConsultationForm(),
        answerable=answerable, bodies=consultees.BODIES), status


@bp.post("/nominations/<int:nomination_id>")
def save_nomination(nomination_id: int):
    nomination = readable_or_404(nomination_id)
    if not access.proposes_for(current_user, nomination.agency_id):
        raise workflow.Forbidden(_("This nomination belongs to another agency."))
    form = _form(nomination.round)
    if not form.validate_on_submit():
        return nomination_page(nomination_id, form=form, status=400)
    try:
        nominations.save(nomination.round_id, current_user, _proposal(form), _uploads(form),
                         nomination_id=nomination_id)
    except ERRORS as error:
        db.session.rollback()
        flash(str(error), "danger")
        return nomination_page(nomination_id, form=form, status=400)
    flash(_("Saved."), "success")
    return redirect(url_for(".nomination_page", nomination_id=nomination_id))


def _act(nomination_id: int, action, done: str, form=None):
    """Run a POSTed action (its CSRF checked), say how it went, back to the dossier."""
    if not (form or ActionForm()).validate_on_submit():
        flash(_("Fill in the form: %(what)s.", what=_("the reasons")) if form is not None
              else _("The form expired: try again."), "danger")
        return nomination_page(nomination_id, status=400)
    try:
        action()
    except ERRORS as error:
        flash(str(error), "danger")
        return nomination_page(nomination_id, status=409)
    flash(done, "success")
    return redirect(url_for(".nomination_page", nomination_id=nomination_id))


@bp.post("/nominations/<int:nomination_id>/send")
def send_nomination(nomination_id: int):
    return _act(nomination_id, lambda: nominations.send(nomination_id, current_user),
                _("Sent to the coordinator."))


@bp.post("/nominations/<int:nomination_id>/documents/<int:document_id>/remove")
def remove_document(nomination_id: int, document_id: int):
    return _act(nomination_id, lambda: nominations.remove_document(
        nomination_id, document_id, current_user), _("Document removed."))


@bp.post("/nominations/<int:nomination_id>/accept")
def accept_nomination(nomination_id: int):
    return _act(nomination_id, lambda: consolidation.accept(nomination_id, current_user),
                _("Accepted for the consolidated list."))


@bp.post("/nominations/<int:nomination_id>/return")
def return_nomination(nomination_id: int):
    form = ReasonForm()
    return _act(nomination_id, lambda: consolidation.return_for_supplement(
        nomination_id, current_user, form.reason.data), _("Returned to the agency."), form)


@bp.post("/nominations/<int:nomination_id>/consultations/<body>")
def answer_consultation(nomination_id: int, body: str):
    form = ConsultationForm()

    def answer():
        agrees = {"yes": True, "no": False}.get(form.agrees.data)
        consolidation.answer(nomination_id, body, current_user, agrees=agrees,
                             note=form.note.data, document_number=form.document_number.data,
                             upload=files.check(form.file.data))

    if access.is_coordinator(current_user):
        return _act(nomination_id, answer, _("The hiệp y answer is recorded."), form)
    if not form.validate_on_submit():
        flash(_("The form expired: try again."), "danger")
    else:
        try:
            answer()
        except ERRORS as error:
            flash(str(error), "danger")
        else:
            flash(_("Your agency's answer is recorded."), "success")
    return redirect(url_for(".consultations_page"))


@bp.get("/consultations")
def consultations_page():
    """The hiệp y asked of the person's agency: who, for which form; not the dossier."""
    bodies = consultees.bodies_of(getattr(current_user.agency, "code", None))
    if not bodies or not access.proposes_for(current_user, current_user.agency_id):
        raise workflow.Forbidden(_("Your agency is not asked for hiệp y."))
    asked = list(db.session.scalars(select(Consultation).join(Nomination).where(
        Consultation.body.in_(bodies), Nomination.status != NominationStatus.ENDED.value)
        .order_by(Consultation.answered_at.is_not(None), Consultation.id)))
    return render_template("awards/consultations.html", asked=asked, form=ConsultationForm(),
                           bodies=consultees.BODIES)


def _download(stored) -> Response:
    return Response(stored.content, mimetype=stored.content_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{_quote(stored.filename)}",
        "X-Content-Type-Options": "nosniff"})


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


@bp.get("/nominations/<int:nomination_id>/documents/<int:document_id>")
def nomination_document(nomination_id: int, document_id: int):
    nomination = readable_or_404(nomination_id)
    document = next((d for d in nomination.documents if d.id == document_id), None) or abort(404)
    return _download(document.file)


@bp.get("/nominations/<int:nomination_id>/consultations/<body>/file")
def consultation_document(nomination_id: int, body: str):
    nomination = readable_or_404(nomination_id)
    found = next((c for c in nomination.consultations if c.body == body and c.file), None)
    return _download(found.file) if found else abort(404)
