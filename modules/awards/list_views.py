"""A consolidated list's pages: the coordinator sends it; Home Affairs appraises it (returns
it, asks the council, approves it in one action with its exceptions); the decider records
the decision."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import workflow
from app.calendar import add_working_days
from app.clock import today
from app.extensions import db
from modules.awards import (
    access,
    appraisal,
    consolidation,
    decisions,
    files,
    official_papers,
    periods,
)
from modules.awards.forms import ActionForm, DecisionForm, ListForm, OpinionForm, ReasonForm
from modules.awards.models import AwardList
from modules.awards.views import bp

ERRORS = (appraisal.AppraisalError, decisions.DecisionError,
          consolidation.ConsolidationError, files.FileError)


def list_or_404(list_id: int) -> AwardList:
    award_list = db.session.get(AwardList, list_id) or abort(404)
    if not access.may_read_list(current_user, award_list):
        raise workflow.Forbidden(_("This list is read by the coordinator, Home Affairs, the "
                                   "emulation council and the one who decides."))
    return award_list


@bp.post("/rounds/<int:round_id>/lists")
def send_list(round_id: int):
    form = ListForm()
    if not form.validate_on_submit():
        flash(_("Give the tờ trình's number and attach it."), "danger")
        return redirect(url_for(".round_page", round_id=round_id))
    try:
        award_list = consolidation.send_list(
            round_id, current_user, decider=form.decider.data, number=form.number.data,
            upload=files.check(form.file.data))
    except ERRORS as error:
        flash(str(error), "danger")
        return redirect(url_for(".round_page", round_id=round_id))
    flash(_("List %(number)s sent.", number=award_list.number), "success")
    return redirect(url_for(".list_page", list_id=award_list.id))


@bp.get("/lists/<int:list_id>")
def list_page(list_id: int, status: int = 200):
    award_list = list_or_404(list_id)
    return render_template(
        "awards/list.html", award_list=award_list, action=ActionForm(),
        reason_form=ReasonForm(), opinion_form=OpinionForm(), decision_form=DecisionForm(),
        appraises=access.is_home_affairs(current_user) and award_list.decider == "chairman",
        decides=access.decides(current_user, award_list),
        council=access.is_council_member(current_user), today=today(),
        forms=official_papers.forms_of(award_list),
        return_by=add_working_days(award_list.sent_at.date(),
                                   periods.value(periods.RETURN_INCOMPLETE_DAYS))), status


def _act(list_id: int, action, done: str, form=None):
    if not (form or ActionForm()).validate_on_submit():
        flash(_("Fill in the form before sending it."), "danger")
        return list_page(list_id, status=400)
    try:
        action()
    except ERRORS as error:
        flash(str(error), "danger")
        return list_page(list_id, status=409)
    flash(done, "success")
    return redirect(url_for(".list_page", list_id=list_id))


def _exceptions() -> dict[int, str]:
    """The nominees ticked "not agree" with their reasons: refuse_<id>, reason_<id>."""
    chosen = {}
    for key in request.form:
        if key.startswith("refuse_") and key[7:].isdigit():
            chosen[int(key[7:])] = request.form.get(f"reason_{key[7:]}", "")
    return chosen


@bp.post("/lists/<int:list_id>/return")
def return_list(list_id: int):
    form = ReasonForm()
    return _act(list_id, lambda: appraisal.return_list(list_id, current_user, form.reason.data),
                _("The list is returned to the coordinator."), form)


@bp.post("/lists/<int:list_id>/council")
def ask_council(list_id: int):
    return _act(list_id, lambda: appraisal.ask_council(list_id, current_user),
                _("The council's members are asked."))


@bp.post("/lists/<int:list_id>/opinion")
def council_opinion(list_id: int):
    form = OpinionForm()
    return _act(list_id, lambda: appraisal.council_opinion(
        list_id, current_user, form.opinion.data), _("The council's opinion is recorded."), form)


@bp.post("/lists/<int:list_id>/approve")
def approve_list(list_id: int):
    return _act(list_id, lambda: appraisal.approve(list_id, current_user, _exceptions()),
                _("Appraised and submitted for decision."))


@bp.post("/lists/<int:list_id>/decision")
def record_decision(list_id: int):
    form = DecisionForm()
    return _act(list_id, lambda: decisions.record(
        list_id, current_user, number=form.number.data, signed_on=form.signed_on.data,
        signer=form.signer.data, signer_title=form.signer_title.data,
        exceptions=_exceptions(), letter_number=form.letter_number.data,
        letter_signer=form.letter_signer.data, letter_signer_title=form.letter_signer_title.data),
        _("The decision is recorded."), form)
