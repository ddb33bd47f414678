"""The admin's pages of the commendation work: the catalogue of award forms, and the members
of the emulation council."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.roles import Role
from app.extensions import db
from app.fields import options
from modules.awards import catalogue, consultees, council
from modules.awards.forms import ActionForm, AwardFormForm, CouncilForm
from modules.awards.models import DECIDERS, RECIPIENTS, AwardForm
from modules.awards.views import bp


def _admin_only() -> None:
    if not current_user.has_any_role(Role.ADMIN):
        abort(403)


@bp.get("/catalogue")
def catalogue_page():
    if not current_user.has_any_role(Role.ADMIN, Role.COORDINATOR, Role.HOME_AFFAIRS):
        abort(403)
    return render_template("awards/catalogue.html", forms=catalogue.forms(),
                           kinds=catalogue.document_kinds(), recipients=RECIPIENTS,
                           deciders=DECIDERS, edits=current_user.has_any_role(Role.ADMIN))


@bp.route("/catalogue/<int:form_id>", methods=["GET", "POST"])
def edit_form_page(form_id: int):
    _admin_only()
    award_form = db.session.get(AwardForm, form_id) or abort(404)
    form = AwardFormForm(obj=award_form)
    form.documents.choices = options(catalogue.document_kinds().items())
    if not form.is_submitted():
        form.documents.data = award_form.document_codes
    if form.validate_on_submit():
        try:
            catalogue.update_form(
                form_id, name=form.name.data, recipients=form.recipients.data,
                decider=form.decider.data, proposers=form.proposers.data or "",
                criteria=form.criteria.data or "", documents=form.documents.data or [],
                active=form.active.data)
        except catalogue.CatalogueError as error:
            flash(str(error), "danger")
        else:
            flash(_("Saved."), "success")
            return redirect(url_for(".catalogue_page"))
    return render_template("awards/form_edit.html", form=form, award_form=award_form), \
        400 if form.is_submitted() else 200


@bp.route("/council", methods=["GET", "POST"])
def council_page():
    _admin_only()
    form = CouncilForm()
    if form.validate_on_submit():
        try:
            member = council.add(form.username.data)
        except council.CouncilError as error:
            flash(str(error), "danger")
        else:
            flash(_("%(name)s is a member of the council.", name=member.user.full_name),
                  "success")
            return redirect(url_for(".council_page"))
    return render_template("awards/council.html", form=form, members=council.members(),
                           action=ActionForm())


@bp.route("/consultees", methods=["GET", "POST"])
def consultees_page():
    """Which agency answers the hiệp y of each body in the app."""
    from sqlalchemy import select

    from app.auth.models import Agency

    _admin_only()
    agencies = db.session.scalars(select(Agency).where(Agency.active.is_(True))
                                  .order_by(Agency.name_vi))
    choices = [("", _("None: the coordinator records its written answer"))] + [
        (a.code, f"{a.name_vi} ({a.code})") for a in agencies]
    if request.method == "POST":
        if not ActionForm().validate_on_submit():
            flash(_("The form expired: try again."), "danger")
        else:
            try:
                consultees.set_agencies({body: request.form.get(body, "")
                                         for body in consultees.BODIES})
            except consultees.ConsulteeError as error:
                flash(str(error), "danger")
                return render_template("awards/consultees.html", choices=choices,
                                       bodies=consultees.BODIES, current=consultees.agency_code,
                                       action=ActionForm()), 400
            flash(_("Saved."), "success")
            return redirect(url_for(".consultees_page"))
    return render_template("awards/consultees.html", choices=choices, bodies=consultees.BODIES,
                           current=consultees.agency_code, action=ActionForm())


@bp.post("/council/<int:user_id>/remove")
def remove_council_member(user_id: int):
    _admin_only()
    if ActionForm().validate_on_submit():
        council.remove(user_id)
        flash(_("Removed from the council."), "success")
    return redirect(url_for(".council_page"))


@bp.route("/catalogue/printing", methods=["GET", "POST"])
def print_offsets_page():
    """The printer's offsets for certificates printed on the pre-printed blank (phôi), and a
    test page to check them."""
    from modules.awards import print_settings
    from modules.awards.forms import PrintOffsetsForm

    _admin_only()
    form = PrintOffsetsForm()
    if not form.is_submitted():
        form.offset_x.data, form.offset_y.data = (f"{mm:g}".replace(".", ",")
                                                  for mm in print_settings.offsets_mm())
    if form.validate_on_submit():
        try:
            print_settings.save_offsets(form.offset_x.data, form.offset_y.data)
        except ValueError as error:
            flash(str(error), "danger")
        else:
            flash(_("Saved."), "success")
            return redirect(url_for(".print_offsets_page"))
    return render_template("awards/print_offsets.html", form=form), \
        400 if form.is_submitted() else 200


@bp.get("/catalogue/printing/sample.pdf")
def print_sample_pdf():
    """A made-up certificate as text on the blank, with today's offsets, to hold against one."""
    from modules.awards import official_papers, print_settings
    from modules.awards.certificate_pdf import BLANK, render
    from modules.awards.pdf_views import _pdf

    _admin_only()
    return _pdf(render([official_papers.sample_certificate_paper()], BLANK,
                       print_settings.offsets_mm()), "in-thu-phoi.pdf")
