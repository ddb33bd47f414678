"""Issuing the consolidated report: the coordinator downloads the draft the sign-off
produced, signs it outside the app with the agency's digital signature, and uploads the
signed PDF. Its signatures are read (app.signing.verify); a file that is not a signed PDF
whose signature verifies and covers the whole document is refused with the reason and
nothing is kept. The signed copy is then the issued document, given to readers, and the
round's consolidation step is done."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from app.clock import utcnow
from app.extensions import db
from app.plan.models import ReportCycle
from app.signing import roots, verify
from app.signing.verify import Signature, SignatureError  # noqa: F401 (callers catch it)

MAX_BYTES = 20 * 1024 * 1024


class IssueError(ValueError):
    pass


@dataclass(frozen=True)
class SignedCopy:
    signatures: list[Signature]  # the last one first
    keeps_the_draft: bool  # the signed file is the system's draft with signatures added


def read(cycle: ReportCycle, pdf: bytes, moment) -> SignedCopy:
    """What the signed file says, checked against the roots installed now."""
    signatures = verify.read(pdf, roots.anchors(), moment)
    return SignedCopy(signatures, bool(cycle.pdf) and pdf.startswith(cycle.pdf))


def signed_copy(cycle: ReportCycle) -> SignedCopy | None:
    """The issued copy's signatures as of its upload, its signers' chains checked against
    the roots installed now: trust is shown as it stands, not as it was once."""
    if cycle.issued_at is None:
        return None
    return read(cycle, cycle.issued_pdf, cycle.issued_at)


def issue(cycle: ReportCycle, content: bytes, actor) -> SignedCopy:
    if cycle.signed_at is None or cycle.pdf is None:
        raise IssueError(_l("Sign the report off first: its draft is what is signed."))
    if cycle.issued_at is not None:
        raise IssueError(_l("The signed report was issued already."))
    if not content or len(content) > MAX_BYTES:
        raise IssueError(_l("Choose the signed PDF (at most 20 MB)."))
    now = utcnow()
    try:
        found = read(cycle, content, now)
    except SignatureError as error:
        raise IssueError(str(error)) from None
    issued = db.session.execute(update(ReportCycle).where(
        ReportCycle.id == cycle.id, ReportCycle.issued_at.is_(None)).values(
        issued_pdf=content, issued_at=now, issued_by_id=actor.id))
    if issued.rowcount != 1:  # another upload landed at this moment: the first stands
        db.session.rollback()
        raise IssueError(_l("The signed report was issued already."))
    db.session.commit()
    return found
