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


def _init_attendance_and_certificates(app: Flask) -> None:
    """The attendance, results and certificates part: its pages, the public check page, and
    the certificate hand-off of the diagram (replacing outcomes.issue_certificate)."""
    from modules.training import certificates, public_views

    workflow.register_helper("issue_certificate", certificates.issue_for)
    app.register_blueprint(public_views.bp)


def init_app(app: Flask) -> None:
    from app.cli import register_demo_seed
    from app.plan.reporting import register_item_figures
    from app.plan.settings_sections import register_settings_section
    from modules.training import (  # noqa: F401
        demo,
        enrollment,
        home,
        models,
        outcomes,
        plan_figures,
        process,
        settings,
        views,
    )

    _init_evaluations(app)  # its routes join the blueprint before it is registered
    app.register_blueprint(views.bp)
    for name, helper in process.HELPERS.items():
        workflow.register_helper(name, helper)
    workflow.register_helper("training_result", outcomes.training_result)
    workflow.register_helper("issue_certificate", outcomes.issue_certificate)
    _init_attendance_and_certificates(app)
    workflow.instance_terminated.connect(enrollment.terminated_by_admin)
    register_home_page(app, _home_of_trainee)
    # One entry, for the officials who register and organise: the organiser's and the
    # lead's pages open from the classes page, and an admin's full menu bar keeps to one
    # line (a coordinator who is no agency's staff comes in by the home page's panel).
    register_nav(app, NavItem("training.classes_page", _l("Training"), frozenset({
        Role.TRAINEE, Role.AGENCY_STAFF, Role.AGENCY_LEAD, Role.HOME_AFFAIRS,
        Role.SANCTIONING_OFFICIAL}), order=30))
    register_home_panel(app, home.training_panel)
    register_demo_seed(app, demo.seed_demo_training)
    register_item_figures(app, plan_figures.figures)
    register_settings_section(app, settings.SECTION)


def _init_evaluations(app: Flask) -> None:
    """After the class: the evaluation form, its summary, and the worker's job that tells
    the trainees of a class that has ended."""
    from modules.training import evaluation_views, evaluations  # noqa: F401

    workflow.register_worker_job(app, evaluations.invite_ended_classes)
