"""The registry's pages: every award given (search, filters, pages), the statistics with
their chart, an awardee's history, and revoking an award. Thin: the queries and writes are
in registry_queries, registry_stats and registry."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.bounds import year as year_arg
from app.extensions import db
from modules.awards import registry, registry_access, registry_queries, registry_stats
from modules.awards.registry_forms import RevokeForm
from modules.awards.registry_models import AWARDEE_KIND_LABELS, Award

bp = Blueprint("awards_registry", __name__, url_prefix="/awards/registry",
               template_folder="templates")


@bp.before_request
@login_required
def readers_only():
    registry_access.require_reader()


def _award_or_404(award_id: int) -> Award:
    """An award the person may see; another agency's award is no award to them."""
    award = db.session.get(Award, award_id)
    if award is None or not registry_access.may_see(current_user, award):
        abort(404)
    return award


@bp.get("/")
def registry_page():
    filters = registry_queries.Filters.from_args(request.args)
    page = registry_queries.search(current_user, filters, request.args.get("page", 1, type=int))
    return render_template(
        "awards/registry.html", page=page, filters=filters,
        years=[(str(y), str(y)) for y in registry_queries.years(current_user)],
        agencies=registry_queries.agencies(current_user),
        forms=[(f, f) for f in registry_queries.forms(current_user)],
        kinds=[(kind.value, label) for kind, label in AWARDEE_KIND_LABELS.items()],
        sees_all=registry_access.sees_all(current_user),
        may_import=registry_access.may_import(current_user))


@bp.get("/statistics")
def stats_page():
    by_year = registry_stats.per_year(current_user)
    years = [int(line.key) for line in by_year.lines]
    year = request.args.get("year", type=year_arg)
    year = year if year in years else (years[0] if years else None)
    by_agency = registry_stats.per_agency(current_user, year) if year else None
    return render_template("awards/registry_stats.html", by_year=by_year, year=year,
                           years=years, by_agency=by_agency,
                           bar_width=registry_stats.BAR_WIDTH)


@bp.get("/<int:award_id>")
def award_page(award_id: int):
    award = _award_or_404(award_id)
    return render_template(
        "awards/registry_history.html", award=award,
        awards=registry_queries.history(current_user, award),
        may_revoke=registry_access.may_revoke(current_user))


@bp.route("/<int:award_id>/revoke", methods=["GET", "POST"])
def revoke_page(award_id: int):
    award = _award_or_404(award_id)
    registry_access.require(registry_access.may_revoke(current_user))
    if award.revoked:
        flash(_("This award was already revoked."), "info")
        return redirect(url_for(".award_page", award_id=award.id))
    form = RevokeForm()
    if form.validate_on_submit():
        try:
            registry.revoke(award, reason=form.reason.data,
                            decision_number=form.decision_number.data,
                            decision_date=form.decision_date.data, actor=current_user)
        except registry.AlreadyRevoked as error:  # by someone else, a moment ago
            flash(str(error), "info")
            return redirect(url_for(".award_page", award_id=award_id))
        except registry.RevokeError as error:
            form.decision_date.errors = [*form.decision_date.errors, str(error)]
        else:
            flash(_("The award was revoked. It stays in the registry, struck through, and is "
                    "no longer counted."), "success")
            return redirect(url_for(".award_page", award_id=award.id))
    return render_template("awards/registry_revoke.html", award=award, form=form), \
        400 if request.method == "POST" else 200
