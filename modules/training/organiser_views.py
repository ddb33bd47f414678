"""The organiser's pages: courses, classes and sessions; publishing, postponing, cancelling
and closing a class; the list of its registrations. Every route checks that the person
manages the course (access.may_manage)."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from app.extensions import db
from app.fields import choose_first
from modules.training import access, courses, enrollment, queries
from modules.training.forms import ActionForm, ClassForm, CourseForm, PostponeForm, ReasonForm
from modules.training.models import CLASS_STATUS_LABELS, Course, Registration
from modules.training.views import bp, class_or_404

PLAN_ITEMS = ("1.2", "5.2")  # the plan's training items, offered first


def _organiser() -> None:
    if not access.may_organise(current_user):
        abort(403)


def _course_or_403(course_id: int) -> Course:
    course = db.session.get(Course, course_id) or abort(404)
    if not access.may_manage(current_user, course):
        abort(403)
    return course


def _managed_class(class_id: int):
    training_class = class_or_404(class_id)
    _course_or_403(training_class.course_id)
    return training_class


@bp.get("/organise")
def organiser_page():
    _organiser()
    return render_template("training/organise.html", courses=queries.courses_for(current_user),
                           statuses=CLASS_STATUS_LABELS)


def _plan_item_choices() -> list[SelectChoice]:
    from app.plan.catalogue import current_plan, plan_items

    plan = current_plan()
    items = plan_items(plan) if plan is not None else []
    items = sorted(items, key=lambda item: item.code not in PLAN_ITEMS)
    return [SelectChoice("", "—"), *(SelectChoice(item.code, f"{item.code}. {item.content[:90]}")
                                    for item in items)]


def _course_form(course: Course | None) -> CourseForm:
    form = CourseForm(obj=course)
    agencies = access.organising_agencies(current_user)
    form.agency.choices = choose_first([SelectChoice(a.id, a.name_vi) for a in agencies])
    form.plan_item.choices = _plan_item_choices()
    if not form.is_submitted():
        form.agency.data = course.agency_id if course else current_user.agency_id
        form.plan_item.data = course.plan_item_code if course else PLAN_ITEMS[0]
    return form


@bp.route("/courses/new", methods=["GET", "POST"])
@bp.route("/courses/<int:course_id>/edit", methods=["GET", "POST"])
def course_form_page(course_id: int | None = None):
    _organiser()
    course = _course_or_403(course_id) if course_id else None
    form = _course_form(course)
    if form.validate_on_submit():
        agency = next(a for a in access.organising_agencies(current_user)
                      if a.id == form.agency.data)
        course = courses.save_course(
            course, topic=form.topic.data, audience=form.audience.data,
            description=form.description.data, agency=agency,
            plan_item_code=form.plan_item.data, actor=current_user)
        flash(_("Course saved."), "success")
        return redirect(url_for(".course_page", course_id=course.id))
    return render_template("training/course_form.html", form=form, course=course), \
        400 if form.is_submitted() else 200


@bp.get("/courses/<int:course_id>")
def course_page(course_id: int):
    course = _course_or_403(course_id)
    return render_template("training/course.html", course=course, statuses=CLASS_STATUS_LABELS,
                           seats={c.id: queries.seats(c) for c in course.classes})


def _class_form(training_class=None) -> ClassForm:
    form = ClassForm(obj=training_class)
    from sqlalchemy import select

    from app.auth.models import Agency
    from app.clock import today

    day = today()
    form.agencies.choices = [(a.id, a.name_vi) for a in db.session.scalars(
        select(Agency).order_by(Agency.name_vi)) if a.is_current_on(day)]
    if training_class is not None and not form.is_submitted():
        form.opens_on.data = training_class.registration_opens_on
        form.closes_on.data = training_class.registration_closes_on
        form.agencies.data = [a.id for a in training_class.agencies]
        _fill_sessions(form, training_class.sessions)
    return form


def _fill_sessions(form, sessions) -> None:
    while len(form.sessions) < len(sessions) + 1:
        form.sessions.append_entry()
    for row, session in zip(form.sessions, sessions, strict=False):
        row.day.data, row.starts_at.data, row.ends_at.data = \
            session.day, session.starts_at, session.ends_at


def _sessions(form) -> list[courses.Session]:
    return [courses.Session(*row) for row in form.session_rows()]


@bp.route("/courses/<int:course_id>/classes/new", methods=["GET", "POST"])
@bp.route("/classes/<int:class_id>/edit", methods=["GET", "POST"])
def class_form_page(course_id: int | None = None, class_id: int | None = None):
    training_class = _managed_class(class_id) if class_id else None
    course = training_class.course if training_class else _course_or_403(course_id)
    form = _class_form(training_class)
    if form.validate_on_submit():
        chosen = [a for a in _agencies(form.agencies.data)]
        try:
            training_class = courses.save_class(
                training_class, course, code=form.code.data, venue=form.venue.data,
                online_link=form.online_link.data, lecturers=form.lecturers.data,
                capacity=form.capacity.data, opens_on=form.opens_on.data,
                closes_on=form.closes_on.data, approval_needed=form.approval_needed.data,
                open_to_all=form.open_to_all.data, agencies=chosen,
                sessions=_sessions(form), actor=current_user)
        except courses.CourseError as error:
            form.code.errors = [*form.code.errors, str(error)]
        else:
            flash(_("Class %(code)s saved.", code=training_class.code), "success")
            return redirect(url_for(".roster_page", class_id=training_class.id))
    return render_template("training/class_form.html", form=form, course=course,
                           training_class=training_class), \
        400 if form.is_submitted() else 200


def _agencies(ids) -> list:
    from app.auth.models import Agency

    return [agency for agency in (db.session.get(Agency, i) for i in ids or []) if agency]


@bp.get("/classes/<int:class_id>/registrations")
def roster_page(class_id: int, postpone_form=None, cancel_form=None, status: int = 200):
    training_class = _managed_class(class_id)
    if postpone_form is None:
        postpone_form = PostponeForm(formdata=None)
        _fill_sessions(postpone_form, training_class.sessions)
    return render_template(
        "training/roster.html", training_class=training_class,
        registrations=queries.roster(training_class), seats=queries.seats(training_class),
        statuses=CLASS_STATUS_LABELS, form=ActionForm(), postpone_form=postpone_form,
        cancel_form=cancel_form or ReasonForm(formdata=None),
        remove_form=ReasonForm(formdata=None, prefix="remove")), status


@bp.post("/classes/<int:class_id>/publish")
def publish(class_id: int):
    return _act(class_id, lambda c: courses.publish(c),
                lambda c: _("Class %(code)s is published: officials may register.",
                            code=c.code))


@bp.post("/classes/<int:class_id>/close")
def close(class_id: int):
    return _act(class_id, lambda c: courses.close_class(c, current_user),
                lambda c: _("Class %(code)s is closed.", code=c.code))


def _act(class_id: int, action, said):
    training_class = _managed_class(class_id)
    if not ActionForm().validate_on_submit():
        flash(_("The form expired: try again."), "danger")
    else:
        try:
            action(training_class)
        except courses.CourseError as error:
            flash(str(error), "danger")
        else:
            flash(said(training_class), "success")
    return redirect(url_for(".roster_page", class_id=class_id))


@bp.post("/classes/<int:class_id>/postpone")
def postpone(class_id: int):
    training_class = _managed_class(class_id)
    form = PostponeForm()
    if form.validate_on_submit():
        try:
            courses.postpone(training_class, _sessions(form), form.note.data)
        except courses.CourseError as error:
            form.note.errors = [*form.note.errors, str(error)]
        else:
            flash(_("Class %(code)s is postponed; everyone registered is told.",
                    code=training_class.code), "success")
            return redirect(url_for(".roster_page", class_id=class_id))
    return roster_page(class_id, postpone_form=form, status=400)


@bp.post("/classes/<int:class_id>/cancel")
def cancel(class_id: int):
    training_class = _managed_class(class_id)
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            count = courses.cancel(training_class, form.reason.data, current_user)
        except courses.CourseError as error:
            form.reason.errors = [*form.reason.errors, str(error)]
        else:
            flash(_("Class %(code)s is cancelled; %(count)d people registered are told.",
                    code=training_class.code, count=count), "success")
            return redirect(url_for(".roster_page", class_id=class_id))
    return roster_page(class_id, cancel_form=form, status=400)


@bp.post("/registrations/<int:registration_id>/remove")
def remove(registration_id: int):
    registration = db.session.get(Registration, registration_id) or abort(404)
    _managed_class(registration.class_id)
    form = ReasonForm(prefix="remove")
    if not form.validate_on_submit():
        flash(_("Say why the registration is cancelled."), "danger")
    else:
        try:
            enrollment.remove(registration_id, current_user, form.reason.data)
        except enrollment.EnrollmentError as error:
            flash(str(error), "danger")
        else:
            flash(_("The registration of %(name)s is cancelled; they are told.",
                    name=registration.user.full_name), "success")
    return redirect(url_for(".roster_page", class_id=registration.class_id))
