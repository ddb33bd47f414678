"""Inbox and step pages: parse the request, call the engine, render."""

from datetime import UTC, datetime, time, timedelta
from io import BytesIO

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from app import workflow
from app.bounds import FIRST_YEAR, LAST_YEAR, a_day_people_mean
from app.clock import LOCAL_TZ
from app.tasks.forms import PREFIX, StartForm, build_form, values_of

bp = Blueprint("tasks", __name__, template_folder="templates")

# The inbox's tabs: the first two show how many wait; the others filter what one may see.
STATUS_FILTERS = {
    "mine": _l("My steps"), "unclaimed": _l("My agency's steps"), "open": _l("All open"),
    "due_soon": _l("Due soon"), "overdue": _l("Overdue"), "done": _l("Done"),
}


NOT_A_DATE = _l("Not a date: type it as dd/mm/yyyy, for example 05/12/2025.")
OUT_OF_RANGE = _l("A date between %(first)s and %(last)s.", first=FIRST_YEAR, last=LAST_YEAR)


def _day(name: str, end: bool = False) -> tuple[datetime | None, str | None]:
    """A dd/mm/yyyy query argument as the UTC instant its Vietnamese day starts (or ends),
    or why it cannot be one."""
    text = request.args.get(name, "").strip()
    if not text:
        return None, None
    try:
        day = datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None, NOT_A_DATE
    if not a_day_people_mean(day):  # year 1 or 9999 would overflow as a day is added
        return None, OUT_OF_RANGE
    start = datetime.combine(day + timedelta(days=int(end)), time(), LOCAL_TZ)
    return start.astimezone(UTC).replace(tzinfo=None), None


@bp.before_request
@login_required
def signed_in():
    """Every page here needs a signed-in user."""


@bp.get("/tasks")
def inbox_page():
    (due_from, from_fault), (due_to, to_fault) = _day("due_from"), _day("due_to", end=True)
    wanted = workflow.InboxFilter(
        process=request.args.get("process") or None,
        search=" ".join(request.args.get("q", "").split())[:200] or None,
        due_from=due_from, due_to=due_to,
        sort=request.args.get("sort", "due"),
        page=min(max(request.args.get("page", 1, type=int), 1), 100_000),
    )
    status = request.args.get("status")
    chosen = status if status in STATUS_FILTERS else None
    # The two tabs' figures and the chosen list's total, in one statement.
    found = workflow.counts_for(current_user, wanted,
                                ("mine", "unclaimed", *([chosen] if chosen else [])))
    counts = {tab: found[tab] for tab in ("mine", "unclaimed")}
    # Without a choice, one lands where the work is: one's own steps, else the agency's.
    wanted.status = chosen or ("mine" if counts["mine"] or not counts["unclaimed"]
                               else "unclaimed")
    page = workflow.work_items_for(current_user, wanted, total=found[wanted.status])
    processes = workflow.process_choices()
    # A date that cannot be read is said so next to its box, not silently left out.
    unread = {name: fault for name, fault in (("due_from", from_fault), ("due_to", to_fault))
              if fault}
    return render_template(
        "tasks/inbox.html", page=page, wanted=wanted, statuses=STATUS_FILTERS, counts=counts,
        processes=processes, process_names=dict(processes), badge=workflow.badge,
        badges=workflow.BADGES, unread_dates=unread, suspended=workflow.is_suspended,
    )


def answer(error: workflow.WorkflowError, item_id: int):
    """A refusal of the engine as the person reads it: a message on the step's page, or
    the error page when there is no page to go back to."""
    flash(str(error), "danger" if error.status != 409 else "warning")
    if error.status == 404:
        abort(404)
    if error.status == 403:
        abort(403)
    return redirect(url_for(".step_page", item_id=item_id))


@bp.get("/processes/new")
def start_page():
    return render_template("tasks/start.html", versions=workflow.startable_by(current_user),
                           form=StartForm())


@bp.post("/processes/<key>/start")
def start(key: str):
    form = StartForm()
    if not form.validate_on_submit():
        flash(_("Write what the case is about."), "danger")
        return redirect(url_for(".start_page"))
    try:
        instance = workflow.start_process(key, user=current_user, subject=form.subject.data)
    except workflow.WorkflowError as error:
        flash(str(error), "danger")
        return redirect(url_for(".start_page"))
    flash(_("Started: %(subject)s.", subject=instance.subject), "success")
    return _to_my_next_step(instance)


def _to_my_next_step(instance):
    """Straight on to the case's next step when it is the user's own (the next item of an
    annual report), else back to the inbox."""
    mine = [s for s in workflow.open_steps(instance) if workflow.may_take(current_user, s)]
    if mine:
        return redirect(url_for(".step_page", item_id=mine[0].id))
    return redirect(url_for(".inbox_page"))


def _where_it_went(instance, shown: int = 3) -> str:
    """The steps now open, with whom, as the person who moved the process reads it: asking
    three agencies for input, say, is no dead end."""
    steps = workflow.open_steps(instance)
    held = [f"{step.title} ({workflow.audience_of(step)})" for step in steps[:shown]]
    more = len(steps) - shown
    return "; ".join(held) + (_(" and %(count)s more", count=more) if more > 0 else "")


def _why_not_yours(item) -> str | None:
    """Why the user cannot complete this open step now, said before they fill its form."""
    if item.instance.status != "running":
        return _("The process is %(status)s; steps cannot be completed now.",
                 status=workflow.INSTANCE_STATUS_LABELS[item.instance.status][0])
    if item.claimed_by_id not in (None, current_user.id):
        return _("%(name)s has claimed this step.", name=item.claimed_by.full_name)
    if not workflow.may_take(current_user, item):
        return _("This step is not assigned to you or your agency.")
    return None


@bp.route("/tasks/<int:item_id>", methods=["GET", "POST"])
def step_page(item_id: int, hand_over=None, status: int = 200):
    from app.tasks.holding import hand_over_form

    try:
        item = workflow.step(item_id, current_user)
    except workflow.WorkflowError as error:
        abort(error.status)
    fields = workflow.fields_of(item)
    data = workflow.data_of(item)
    form = build_form(fields, data)
    if hand_over is None and item.status == "open" and form.validate_on_submit():
        values, files = values_of(form, fields)
        try:
            instance = workflow.complete(item.id, current_user, values, files)
        except workflow.InvalidInput as error:
            for field_id, messages in error.errors.items():
                form[PREFIX + field_id].errors = list(messages)
            status = 400
        except workflow.WorkflowError as error:
            return answer(error, item_id)
        else:
            flash(_("Done: %(title)s.", title=item.title), "success")
            if instance.status == "running":
                flash(_("Now with: %(steps)s.", steps=_where_it_went(instance)), "info")
            if instance.status == "error":
                flash(_("Your step is saved, but the process could not go on: an "
                        "administrator has to fix it."), "warning")
            return _to_my_next_step(instance)
    elif hand_over is None and form.is_submitted():
        status = 400 if item.status == "open" else 409
        if item.status != "open":
            flash(_("This step is already closed."), "warning")
    return render_template(
        "tasks/step.html", item=item, form=form, fields=fields, data=data, prefix=PREFIX,
        shown=workflow.filled_fields(fields, data),
        case=workflow.case_of(item),
        history=workflow.history_of(item.instance_id), event_labels=workflow.EVENT_LABELS,
        files=workflow.readable_attachments(item.instance_id, current_user),
        badge=workflow.badge(item), badges=workflow.BADGES,
        documentation=workflow.documentation_of(item),
        not_yours=_why_not_yours(item) if item.status == "open" else None,
        hand_over=hand_over or hand_over_form(item),
        may_release=workflow.may_release(current_user),
    ), status


@bp.get("/attachments/<int:attachment_id>")
def attachment(attachment_id: int):
    try:
        stored = workflow.attachment_for(attachment_id, current_user)
    except workflow.WorkflowError as error:
        abort(error.status)
    return send_file(BytesIO(stored.content), mimetype=stored.content_type,
                     as_attachment=True, download_name=stored.filename)
