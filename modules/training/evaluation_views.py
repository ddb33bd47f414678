"""The course evaluation pages: the trainee's form after the class, and what the trainee's
list and the organiser's class page read of it (template helpers)."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from modules.training import evaluations
from modules.training.evaluation_forms import EvaluationForm
from modules.training.models import RegistrationStatus
from modules.training.views import bp, class_or_404


def _may_answer_or_403(training_class):
    try:
        evaluations.check_may_answer(training_class, current_user)
    except evaluations.NotATrainee:
        abort(403)
    except evaluations.EvaluationError as error:
        flash(str(error), "warning")
        return redirect(url_for(".my_registrations_page"))
    return None


@bp.route("/classes/<int:class_id>/evaluation", methods=["GET", "POST"])
def evaluation_page(class_id: int):
    training_class = class_or_404(class_id)
    refused = _may_answer_or_403(training_class)
    if refused is not None:
        return refused
    answered = evaluations.answer_of(training_class, current_user)
    form = EvaluationForm()
    if answered is None and form.validate_on_submit():
        try:
            evaluations.submit(training_class, current_user, form.ratings(), form.comment.data)
        except evaluations.AlreadyAnswered as error:
            flash(str(error), "info")
        else:
            flash(_("Thank you: your evaluation of %(code)s was received.",
                    code=training_class.code), "success")
        return redirect(url_for(".my_registrations_page"))
    if answered is not None and form.is_submitted():
        flash(_("Your evaluation of this class was received already."), "info")
        return redirect(url_for(".my_registrations_page"))
    return render_template("training/evaluation.html", training_class=training_class,
                           form=form, answered=answered), \
        400 if form.is_submitted() else 200


def _evaluation_state(registration) -> str | None:
    """On the trainee's list: "open" (the form waits), "answered", or None (no form)."""
    if registration.status != RegistrationStatus.CONFIRMED.value or \
            not evaluations.has_ended(registration.training_class):
        return None
    answered = evaluations.answer_of(registration.training_class, registration.user)
    return "answered" if answered else "open"


def _evaluation_summary(training_class):
    """On the organiser's class page, once the class has ended."""
    return evaluations.summary(training_class) if evaluations.has_ended(training_class) \
        else None


@bp.context_processor
def evaluation_helpers():
    return {"evaluation_state": _evaluation_state, "evaluation_summary": _evaluation_summary}
