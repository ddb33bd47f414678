"""The coordinator's reporting pages: the rounds, one round side by side with who is
missing, ad-hoc requests, the sign-off and the consolidated PDF."""

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.auth.models import Agency
from app.auth.roles import Role, roles_required
from app.clock import today
from app.extensions import db
from app.plan import closing, consolidation, issuing, reporting
from app.plan.forms import AdHocForm, IssueForm, OpenCycleForm, SignOffForm
from app.plan.models import ASSESSMENTS, REPORT_STATE_BADGES, ReportCycle
from app.plan.views import bp

REPORTERS = (Role.COORDINATOR, Role.ADMIN)
READERS = (*REPORTERS, Role.AGENCY_LEAD)  # of the issued report


def _cycle_or_404(cycle_id: int) -> ReportCycle:
    return db.session.get(ReportCycle, cycle_id) or abort(404)


def _forms():
    open_form, ad_hoc = OpenCycleForm(prefix="open"), AdHocForm(prefix="adhoc")
    agencies = sorted(db.session.scalars(select(Agency).where(Agency.active.is_(True))),
                      key=lambda agency: agency.sort_key)
    ad_hoc.agencies.choices = [(a.id, a.name_vi) for a in agencies]
    if not open_form.is_submitted():
        open_form.year.data = today().year
        open_form.deadline.data = reporting.deadline_of(today().year)
    return open_form, ad_hoc


def _reports(open_form, ad_hoc, status: int = 200):
    """The list of rounds with both request forms; a form refused shows here with the
    list of rounds still under it."""
    cycles = db.session.scalars(select(ReportCycle).order_by(ReportCycle.opened_at.desc()))
    cycles = list(cycles)
    return render_template("plan/reports.html", cycles=cycles, open_form=open_form,
                           due={cycle.id: consolidation.due_state(cycle) for cycle in cycles},
                           ad_hoc=ad_hoc, opens_on=reporting.opens_on(today().year)), status


@bp.get("/reports")
@roles_required(*REPORTERS)
def reports_page():
    return _reports(*_forms())


@bp.post("/reports/open")
@roles_required(*REPORTERS)
def open_cycle():
    open_form, ad_hoc = _forms()
    if open_form.validate_on_submit():
        try:
            cycle = reporting.open_annual_cycle(open_form.year.data, current_user,
                                                open_form.deadline.data)
        except reporting.AlreadyOpen as error:
            flash(str(error), "info")
            return redirect(url_for(".reports_page"))
        except reporting.ReportError as error:
            flash(str(error), "danger")
        else:
            flash(_("The annual report is open: %(count)s agencies were asked.",
                    count=len(cycle.reports)), "success")
            return redirect(url_for(".report_page", cycle_id=cycle.id))
    return _reports(open_form, ad_hoc, 400)


@bp.post("/reports/ad-hoc")
@roles_required(*REPORTERS)
def request_ad_hoc():
    open_form, ad_hoc = _forms()
    if ad_hoc.validate_on_submit():
        agencies = [db.session.get(Agency, agency_id) for agency_id in ad_hoc.agencies.data]
        try:
            cycle = reporting.request_ad_hoc(ad_hoc.topic.data, agencies,
                                             ad_hoc.deadline.data, current_user)
        except reporting.ReportError as error:
            ad_hoc.topic.errors.append(str(error))
        else:
            flash(_("Ad-hoc report requested."), "success")
            return redirect(url_for(".report_page", cycle_id=cycle.id))
    return _reports(open_form, ad_hoc, 400)


def _sign_off(cycle: ReportCycle, form: SignOffForm):
    """Sign off (once the coordinator confirmed what the page warned of): the consolidated
    report is issued, and the report steps still open end, their agencies told."""
    reporting.sign_off(cycle, number=form.number.data, issued_on=form.issued_on.data,
                       sections=form.sections(),
                       signer_authority=form.signer_authority.data,
                       signer_name=form.signer_name.data, actor=current_user,
                       drafting_unit=form.drafting_unit.data)
    flash(_("Signed off. Download the draft, sign it with the agency's digital signature, "
            "and upload the signed PDF: it becomes the issued report."), "success")
    ended = closing.close_round(cycle, current_user)
    if ended:
        flash(_("The report steps still open (%(count)s agencies) have ended; each agency "
                "was told.", count=ended), "info")
    return redirect(url_for(".report_page", cycle_id=cycle.id))


def _round_page(cycle: ReportCycle, form: SignOffForm, confirming=None,
                issue_form: IssueForm | None = None, status: int = 200):
    item_codes = sorted({entry["code"] for report in cycle.reports for entry in report.items},
                        key=lambda code: [int(part) for part in code.split(".")])
    try:
        signed = issuing.signed_copy(cycle)
    except issuing.SignatureError as error:  # kept as uploaded; say why it reads no more
        signed, unreadable = None, str(error)
    else:
        unreadable = None
    return render_template("plan/report.html", cycle=cycle, form=form, item_codes=item_codes,
                           today=today(), assessments=ASSESSMENTS, confirming=confirming,
                           review_steps=reporting.review_steps(cycle),
                           due=consolidation.due_state(cycle), states=REPORT_STATE_BADGES,
                           issue_form=IssueForm() if issue_form is None else issue_form,
                           signed=signed, unreadable=unreadable), status


@bp.route("/reports/<int:cycle_id>", methods=["GET", "POST"])
@roles_required(*REPORTERS)
def report_page(cycle_id: int):
    cycle = _cycle_or_404(cycle_id)
    form = SignOffForm(obj=cycle, data=cycle.sections or {})
    if not form.is_submitted() and cycle.signed_at is None:
        form.issued_on.data = today()
        form.signer_authority.data = "GIÁM ĐỐC"
    confirming = None
    if cycle.signed_at is None and form.validate_on_submit():
        try:
            reporting.check_sign_off(cycle, form.issued_on.data)
            if form.confirm.data:
                return _sign_off(cycle, form)
        except reporting.ReportError as error:
            flash(str(error), "danger")
        else:
            confirming = closing.check(cycle)  # what to know first, on this page
    return _round_page(cycle, form, confirming)


@bp.post("/reports/<int:cycle_id>/issue")
@roles_required(*REPORTERS)
def issue_report(cycle_id: int):
    """The signed copy uploaded: kept as the issued report, or refused with the reason."""
    cycle = _cycle_or_404(cycle_id)
    issue_form = IssueForm()
    if issue_form.validate_on_submit():
        try:
            found = issuing.issue(cycle, issue_form.signed_pdf.data.read(issuing.MAX_BYTES + 1),
                                  current_user)
        except issuing.IssueError as error:
            issue_form.signed_pdf.errors.append(str(error))
            if cycle.signed_at is None:  # no upload form on the page yet: say it on top
                flash(str(error), "danger")
        else:
            flash(_("Issued: the report signed by %(signer)s is the issued document.",
                    signer=found.signatures[0].signer), "success")
            return redirect(url_for(".report_page", cycle_id=cycle.id))
    return _round_page(cycle, SignOffForm(obj=cycle, data=cycle.sections or {}),
                       issue_form=issue_form, status=400)


def _pdf(content: bytes, filename: str) -> Response:
    return Response(content, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/reports/<int:cycle_id>/report.pdf")
@roles_required(*READERS)
def report_pdf(cycle_id: int):
    """The report as it stands: the issued (signed) copy for its readers once uploaded;
    before that the draft, for the coordinator only."""
    cycle = _cycle_or_404(cycle_id)
    if cycle.issued_at is not None:
        return _pdf(cycle.issued_pdf, f"bao-cao-ke-hoach-116-nam-{cycle.year}-ky-so.pdf")
    if cycle.pdf is None or not current_user.has_any_role(*REPORTERS):
        abort(404)
    return _pdf(cycle.pdf, f"bao-cao-ke-hoach-116-nam-{cycle.year}-du-thao.pdf")


@bp.get("/reports/<int:cycle_id>/draft.pdf")
@roles_required(*REPORTERS)
def draft_pdf(cycle_id: int):
    cycle = _cycle_or_404(cycle_id)
    if cycle.pdf is None:
        abort(404)
    return _pdf(cycle.pdf, f"bao-cao-ke-hoach-116-nam-{cycle.year}-du-thao.pdf")
