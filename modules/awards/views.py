"""The commendation pages: the start page (each person's awards work), the rounds. The
nominations', lists' and catalogue's pages add their routes to this blueprint."""

import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, select

from app import workflow
from app.auth.models import Agency
from app.clock import today
from app.extensions import db
from app.fields import options
from modules.awards import access, catalogue, queries, rounds
from modules.awards.forms import ActionForm, RoundForm
from modules.awards.models import STATUS_LABELS, AwardRound

bp = Blueprint("awards", __name__, url_prefix="/awards", template_folder="templates")


@bp.before_request
@login_required
def signed_in():
    return None


@bp.errorhandler(workflow.WorkflowError)
def refused(error):
    """Acting on someone else's nomination, a list not one's own: a page that says so."""
    return render_template("awards/refused.html", message=str(error)), error.status


def round_or_404(round_id: int) -> AwardRound:
    return db.session.get(AwardRound, round_id) or abort(404)


@bp.get("/")
def index_page():
    mine = (queries.agency_nominations(current_user.agency_id)
            if access.proposes_for(current_user, current_user.agency_id) else [])
    return render_template(
        "awards/index.html", open_rounds=rounds.open_rounds(),
        all_rounds=rounds.all_rounds() if access.is_coordinator(current_user) else [],
        mine=mine, lists=queries.lists_waiting_for(current_user),
        to_review=queries.waiting_review() if access.is_coordinator(current_user) else [],
        coordinates=access.is_coordinator(current_user),
        proposes=access.proposes_for(current_user, current_user.agency_id),
        statuses=STATUS_LABELS, today=today())


def _quotas(text: str) -> dict[int, int]:
    """"SCT: 2" lines → {agency id: 2}; ValueError naming the line that is not that."""
    quotas = {}
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        found = re.fullmatch(r"\s*([A-Za-z0-9_]+)\s*:\s*(\d{1,4})\s*", line)
        agency = found and db.session.scalar(select(Agency).where(  # "sct" is SCT
            func.upper(Agency.code) == found[1].upper()))
        if not found or agency is None or int(found[2]) < 1:
            raise ValueError(_("Quota line not understood: “%(line)s”. Write an agency's "
                               "code, a colon and a number, such as SCT: 2.", line=line.strip()))
        quotas[agency.id] = int(found[2])
    return quotas


@bp.route("/rounds/new", methods=["GET", "POST"])
def new_round_page():
    if not access.is_coordinator(current_user):
        abort(403)
    form = RoundForm()
    form.forms.choices = options((f.id, f.name) for f in catalogue.forms(active_only=True))
    if request.method == "GET":
        form.year.data = today().year
    if form.validate_on_submit():
        try:
            award_round = rounds.open_round(
                current_user, topic=form.topic.data, year=form.year.data,
                deadline=form.deadline.data, form_ids=form.forms.data or [],
                quotas=_quotas(form.quotas.data), note=form.note.data)
        except (rounds.RoundError, ValueError) as error:
            flash(str(error), "danger")
        else:
            flash(_("The round is open; the agencies are told."), "success")
            return redirect(url_for(".round_page", round_id=award_round.id))
    return render_template("awards/round_form.html", form=form), \
        400 if request.method == "POST" else 200


@bp.get("/rounds/<int:round_id>")
def round_page(round_id: int):
    from modules.awards import consolidation
    from modules.awards.forms import ListForm

    award_round = round_or_404(round_id)
    coordinates = access.is_coordinator(current_user)
    ready = {decider: consolidation.ready_for_list(round_id, decider)
             for decider in ("chairman", "agency_head")} if coordinates else {}
    return render_template(
        "awards/round.html", award_round=award_round, coordinates=coordinates,
        proposes=access.proposes_for(current_user, current_user.agency_id),
        nominations=queries.round_nominations(round_id) if coordinates else [],
        mine=queries.agency_nominations(current_user.agency_id, round_id)
        if access.proposes_for(current_user, current_user.agency_id) else [],
        lists=queries.round_lists(round_id) if coordinates else [], ready=ready,
        list_form=ListForm(), action=ActionForm(), today=today())


@bp.post("/rounds/<int:round_id>/close")
def close_round(round_id: int):
    if not ActionForm().validate_on_submit():
        flash(_("The form expired: try again."), "danger")
    else:
        rounds.close_round(round_id, current_user)
        flash(_("The round is closed to new proposals."), "success")
    return redirect(url_for(".round_page", round_id=round_id))


from modules.awards import admin_views, list_views, nomination_views, pdf_views  # noqa: E402, F401, I001
