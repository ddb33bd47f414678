"""What the registry's pages read: the awards a person may see, filtered and paginated;
the choices of its filters; one awardee's history."""

from dataclasses import dataclass

from sqlalchemy import and_, distinct, select
from sqlalchemy.orm import selectinload

from app.bounds import row_id
from app.bounds import year as year_arg
from app.extensions import db
from app.folding import fold
from modules.awards.registry_access import visible
from modules.awards.registry_models import Award, AwardeeKind

PER_PAGE = 25


@dataclass
class Filters:
    q: str = ""
    year: int | None = None
    agency: str = ""  # "id:5" (an agency of the list) or "name:…" (as an old decision wrote it)
    form: str = ""
    kind: str = ""

    @classmethod
    def from_args(cls, args) -> "Filters":
        kind = args.get("kind", "")
        return cls(q=args.get("q", "")[:200].strip(), year=args.get("year", type=year_arg),
                   agency=args.get("agency", "")[:600], form=args.get("form", "")[:600],
                   kind=kind if kind in {k.value for k in AwardeeKind} else "")


def _agency_condition(value: str):
    kind, _, rest = value.partition(":")
    if kind == "id" and row_id(rest):
        return Award.agency_id == row_id(rest)
    if kind == "name" and rest:
        return and_(Award.agency_id.is_(None), Award.agency_name == rest)
    return None


def conditions(user, filters: Filters) -> list:
    found = [visible(user)]
    # Each word typed, without accents, in the name (or the decision's number).
    for word in fold(filters.q).split():
        found.append(Award.name_folded.contains(word, autoescape=True)
                     | Award.decision_number.icontains(word, autoescape=True))
    if filters.year:
        found.append(Award.year == filters.year)
    if filters.agency and (condition := _agency_condition(filters.agency)) is not None:
        found.append(condition)
    if filters.form:
        found.append(Award.form_name == filters.form)
    if filters.kind:
        found.append(Award.kind == filters.kind)
    return found


def search(user, filters: Filters, page: int = 1):
    query = (select(Award).options(selectinload(Award.agency))
             .where(*conditions(user, filters))
             .order_by(Award.year.desc(), Award.decision_date.desc(), Award.decision_number,
                       Award.kind.desc(), Award.name, Award.id))
    return db.paginate(query, page=max(page, 1), per_page=PER_PAGE, error_out=False)


def years(user) -> list[int]:
    return list(db.session.scalars(select(distinct(Award.year)).where(visible(user))
                                   .order_by(Award.year.desc())))


def forms(user) -> list[str]:
    return list(db.session.scalars(select(distinct(Award.form_name)).where(visible(user))
                                   .order_by(Award.form_name)))


def agencies(user) -> list[tuple[str, str]]:
    """The agencies the awards name: those of the list, then names only old decisions use."""
    from app.auth.models import Agency

    listed = db.session.execute(select(distinct(Agency.id), Agency.name_vi).join(
        Award, Award.agency_id == Agency.id).where(visible(user))).all()
    written = db.session.scalars(select(distinct(Award.agency_name)).where(
        visible(user), Award.agency_id.is_(None))).all()
    options = sorted(((f"id:{i}", name) for i, name in listed), key=lambda o: fold(o[1]))
    return options + sorted(((f"name:{name}", name) for name in written),
                            key=lambda o: fold(o[1]))


def history(user, award: Award) -> list[Award]:
    """Every award the registry holds for the same name (accents and case aside) and kind,
    that `user` may see, newest first: namesakes at other agencies show their agency."""
    return list(db.session.scalars(select(Award).options(selectinload(Award.agency)).where(
        visible(user), Award.kind == award.kind, Award.name_folded == award.name_folded)
        .order_by(Award.year.desc(), Award.decision_date.desc(), Award.id.desc())))
