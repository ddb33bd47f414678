"""Training (plan items 1.2 and 5.2): courses and classes, registration and nomination,
seats and the waiting list, run by the enrollment process (training_enrollment.bpmn).

Seams for the parts built on it:
- seats.py: the one seat function; every path that takes or frees a seat calls it.
- outcomes.py: the diagram's hand-offs after the class (training_result, issue_certificate),
  replaced by registering a helper of the same name; courses.close_class sends the message
  the enrollments wait for.
- enrollment.register(class_id, person, nominated_by=, document=): what an import or a
  lead's new account calls to register someone.
- queries.py: what the pages read (open classes, a person's and an agency's history)."""

from flask import Flask, url_for
from flask_babel import lazy_gettext as _l

from app import workflow
from app.auth.roles import Role
from app.home.panels import register_home_page, register_home_panel
from app.nav import NavItem, register_nav


def _home_of_trainee(user) -> str | None:
    """A person whose only business here is training lands on the classes open to them."""
    if user.roles and user.roles <= {Role.TRAINEE}:
        return url_for("training.classes_page")
    return None


def init_app(app: Flask) -> None:
    from modules.training import enrollment, home, models, outcomes, process, views  # noqa: F401

    _init_evaluations(app)  # its routes join the blueprint before it is registered
    app.register_blueprint(views.bp)
    for name, helper in process.HELPERS.items():
        workflow.register_helper(name, helper)
    workflow.register_helper("training_result", outcomes.training_result)
    workflow.register_helper("issue_certificate", outcomes.issue_certificate)
    workflow.instance_terminated.connect(enrollment.terminated_by_admin)
    register_home_page(app, _home_of_trainee)
    # One entry, for the officials who register and organise: the organiser's and the
    # lead's pages open from the classes page, and an admin's full menu bar keeps to one
    # line (a coordinator who is no agency's staff comes in by the home page's panel).
    register_nav(app, NavItem("training.classes_page", _l("Training"), frozenset({
        Role.TRAINEE, Role.AGENCY_STAFF, Role.AGENCY_LEAD, Role.HOME_AFFAIRS,
        Role.SANCTIONING_OFFICIAL}), order=30))
    register_home_panel(app, home.training_panel)


def _init_evaluations(app: Flask) -> None:
    """After the class: the evaluation form, its summary, and the worker's job that tells
    the trainees of a class that has ended."""
    from modules.training import evaluation_views, evaluations  # noqa: F401

    workflow.register_worker_job(app, evaluations.invite_ended_classes)
