"""The catalogue of award forms: seeded from catalogue_data (the forms the law and the
province give), then the admin's to edit."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from modules.awards.models import DECIDERS, RECIPIENTS, AwardForm


class CatalogueError(ValueError):
    pass


def document_kinds() -> dict[str, str]:
    from modules.awards.catalogue_data import DOCUMENT_KINDS

    return dict(DOCUMENT_KINDS)


def document_label(code: str) -> str:
    return str(document_kinds().get(code, code))


def seed_forms() -> int:
    """Add the catalogue's forms that are missing (an admin's edits are kept)."""
    from modules.awards.catalogue_data import FORMS

    have = set(db.session.scalars(select(AwardForm.code)))
    added = 0
    for seed in FORMS:
        if seed.code in have:
            continue
        db.session.add(AwardForm(
            code=seed.code, name=seed.name, recipients=seed.recipients, decider=seed.decider,
            proposers=seed.proposers, criteria=seed.criteria,
            documents=",".join(seed.documents), source=seed.source, active=True))
        added += 1
    db.session.commit()
    return added


def forms(active_only: bool = False) -> list[AwardForm]:
    """The catalogue; seeded the first time it is read on a new database."""
    if db.session.scalar(select(AwardForm.id).limit(1)) is None:
        seed_forms()
    query = select(AwardForm).order_by(AwardForm.id)
    if active_only:
        query = query.where(AwardForm.active.is_(True))
    return list(db.session.scalars(query))


def update_form(form_id: int, *, name: str, recipients: str, decider: str, proposers: str,
                criteria: str, documents: list[str], active: bool) -> AwardForm:
    award_form = db.session.get(AwardForm, form_id)
    if award_form is None:
        raise CatalogueError(_l("This award form does not exist."))
    known = document_kinds()
    if recipients not in RECIPIENTS or decider not in DECIDERS or \
            any(code not in known for code in documents):
        raise CatalogueError(_l("Choose from the values offered."))
    award_form.name, award_form.recipients, award_form.decider = name.strip(), recipients, decider
    award_form.proposers, award_form.criteria = proposers.strip(), criteria.strip()
    award_form.documents, award_form.active = ",".join(documents), active
    db.session.commit()
    return award_form
