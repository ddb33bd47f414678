"""Who holds a step: claim it, give it back to the agency, hand it to a named colleague
(leave, a busy week), and, for an admin or the coordinator, release it to its agency."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from app import workflow
from app.tasks.views import answer, bp


class HandOverForm(FlaskForm):
    colleague = SelectField(_l("Colleague"), coerce=int,
                            validators=[DataRequired(_l("Choose a colleague."))])
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(_l("Say why.")),
                                                     Length(max=500)],
                           description=_l("Leave, a business trip…: it is kept in the "
                                          "case's timeline."))


def hand_over_form(item, formdata=None) -> HandOverForm | None:
    """The hand-over form for whoever may hand this step over now, else None."""
    if item.status != "open" or item.claimed_by_id is None:
        return None
    if item.claimed_by_id != current_user.id and not workflow.may_release(current_user):
        return None
    colleagues = workflow.colleagues_for(item, current_user)
    if not colleagues:
        return None
    form = HandOverForm(formdata=formdata) if formdata is not None else HandOverForm()
    form.colleague.choices = [(0, _("— Choose —"))] + [
        (person.id, person.full_name) for person in colleagues]
    return form


@bp.post("/tasks/<int:item_id>/claim")
def claim(item_id: int):
    try:
        workflow.claim(item_id, current_user)
    except workflow.WorkflowError as error:
        return answer(error, item_id)
    flash(_("You have claimed this step."), "success")
    return redirect(url_for(".step_page", item_id=item_id))


@bp.post("/tasks/<int:item_id>/unclaim")
def unclaim(item_id: int):
    try:
        workflow.unclaim(item_id, current_user)
    except workflow.WorkflowError as error:
        return answer(error, item_id)
    flash(_("The step is back with your agency."), "info")
    return redirect(url_for(".inbox_page"))


def _back_to(default: str) -> str:
    """Where a form asked to return ("next", a path of this site), else `default`."""
    wanted = request.form.get("next", "")
    return wanted if wanted.startswith("/") and not wanted.startswith("//") else default


@bp.post("/tasks/<int:item_id>/release")
def release(item_id: int):
    back = _back_to(url_for(".step_page", item_id=item_id))
    try:
        item = workflow.release(item_id, current_user)
    except workflow.WorkflowError as error:
        if error.status in (403, 404):
            return answer(error, item_id)
        flash(str(error), "warning")
        return redirect(back)
    flash(_("%(step)s is free for its agency to take.", step=item.title), "success")
    return redirect(back)


@bp.post("/tasks/<int:item_id>/hand-over")
def hand_over(item_id: int):
    from app.tasks.views import step_page

    try:
        item = workflow.step(item_id, current_user)
    except workflow.WorkflowError as error:
        return answer(error, item_id)
    form = hand_over_form(item)
    if form is None:
        flash(_("You cannot hand this step over."), "warning")
        return redirect(url_for(".step_page", item_id=item_id))
    if form.validate_on_submit():
        try:
            moved = workflow.hand_over(item_id, current_user, form.colleague.data,
                                       form.reason.data)
        except workflow.InvalidInput as error:
            for name, messages in error.errors.items():
                getattr(form, name).errors = list(messages)
        except workflow.WorkflowError as error:
            return answer(error, item_id)
        else:
            flash(_("%(step)s is now with %(name)s, who is told.", step=moved.title,
                    name=moved.claimed_by.full_name), "success")
            return redirect(url_for(".inbox_page"))
    return step_page(item_id, hand_over=form, status=400)

