"""The registry's statistics: per year, and per agency in a year — awards counted (persons
and collectives) and awards revoked, which are shown but not counted — with the bars of
the chart beside their table, drawn on the server (no script)."""

from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.auth.models import Agency
from app.extensions import db
from app.folding import fold
from modules.awards.registry_access import visible
from modules.awards.registry_models import Award, AwardeeKind

BAR_WIDTH = 300  # the longest bar, in the SVG's units


@dataclass
class Line:
    label: str
    key: str = ""  # the filter value of the registry that lists these awards
    persons: int = 0
    collectives: int = 0
    revoked: int = 0
    bar: float = 0.0

    @property
    def counted(self) -> int:
        return self.persons + self.collectives


@dataclass
class Stats:
    lines: list[Line] = field(default_factory=list)

    @property
    def total(self) -> Line:
        return Line("", persons=sum(line.persons for line in self.lines),
                    collectives=sum(line.collectives for line in self.lines),
                    revoked=sum(line.revoked for line in self.lines))

    def _scale(self) -> "Stats":
        most = max((line.counted for line in self.lines), default=0) or 1
        for line in self.lines:
            line.bar = round(BAR_WIDTH * line.counted / most, 1)
        return self


def _add(line: Line, kind: str, revoked: bool, n: int) -> None:
    if revoked:
        line.revoked += n
    elif kind == AwardeeKind.PERSON.value:
        line.persons += n
    else:
        line.collectives += n


_REVOKED = Award.revoked_at.isnot(None)


def per_year(user) -> Stats:
    lines: dict[int, Line] = {}
    for year, kind, revoked, n in db.session.execute(
            select(Award.year, Award.kind, _REVOKED, func.count()).where(visible(user))
            .group_by(Award.year, Award.kind, _REVOKED)):
        _add(lines.setdefault(year, Line(str(year), key=str(year))), kind, revoked, n)
    return Stats([lines[year] for year in sorted(lines, reverse=True)])._scale()


def per_agency(user, year: int) -> Stats:
    """The year's awards per agency: an agency of the list by its name today, an old
    decision's agency as the decision wrote it."""
    lines: dict[str, Line] = {}
    for agency_id, agency_name, listed_name, kind, revoked, n in db.session.execute(
            select(Award.agency_id, Award.agency_name, Agency.name_vi, Award.kind, _REVOKED,
                   func.count())
            .outerjoin(Agency, Agency.id == Award.agency_id)
            .where(visible(user), Award.year == year)
            .group_by(Award.agency_id, Award.agency_name, Agency.name_vi, Award.kind,
                      _REVOKED)):
        key = f"id:{agency_id}" if agency_id else f"name:{agency_name}"
        _add(lines.setdefault(key, Line(listed_name or agency_name, key=key)), kind, revoked, n)
    ordered = sorted(lines.values(), key=lambda line: (-line.counted, fold(line.label)))
    return Stats(ordered)._scale()
