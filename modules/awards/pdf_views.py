"""The decision's papers, for those who may read them: the decision PDF (one per award form
of the list), the certificate of an awardee, the letter to the agency of one not awarded."""

from flask import Response, abort, request

from modules.awards import official_papers
from modules.awards.list_views import list_or_404
from modules.awards.models import NominationStatus
from modules.awards.nomination_views import readable_or_404
from modules.awards.views import bp


def _pdf(content: bytes, filename: str) -> Response:
    return Response(content, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{filename}"'})


@bp.get("/lists/<int:list_id>/decision.pdf")
def decision_pdf(list_id: int):
    from modules.awards.decision_pdf import decision_pdf as build

    award_list = list_or_404(list_id)
    if award_list.decision is None:
        abort(404)
    codes = [form.code for form in official_papers.forms_of(award_list)]
    code = request.args.get("form", codes[0])
    if code not in codes:
        abort(404)
    return _pdf(build(official_papers.decision_paper(award_list, code)),
                f"quyet-dinh-{list_id}-{code}.pdf")


@bp.get("/nominations/<int:nomination_id>/decision.pdf")
def nomination_decision_pdf(nomination_id: int):
    """The decision that settled a nomination, for its agency (which reads no list)."""
    from modules.awards.decision_pdf import decision_pdf as build

    nomination = readable_or_404(nomination_id)
    if nomination.status not in (NominationStatus.AWARDED.value,
                                 NominationStatus.REFUSED.value):
        abort(404)
    award_list = nomination.award_list
    return _pdf(build(official_papers.decision_paper(award_list, nomination.form.code)),
                f"quyet-dinh-{award_list.id}-{nomination.form.code}.pdf")


def _certificates(papers) -> bytes:
    """Full artwork, or (?layout=blank) the text alone, placed on the pre-printed blank
    with the admin's offsets."""
    from modules.awards import print_settings
    from modules.awards.certificate_pdf import ARTWORK, BLANK, render

    if request.args.get("layout") == BLANK:
        return render(papers, BLANK, print_settings.offsets_mm())
    return render(papers, ARTWORK)


@bp.get("/nominations/<int:nomination_id>/certificate.pdf")
def certificate_pdf(nomination_id: int):
    nomination = readable_or_404(nomination_id)
    if nomination.status != NominationStatus.AWARDED.value:
        abort(404)
    return _pdf(_certificates([official_papers.certificate_paper(nomination)]),
                f"bang-khen-{nomination_id}.pdf")


@bp.get("/lists/<int:list_id>/certificates.pdf")
def list_certificates_pdf(list_id: int):
    """Every awardee's certificate of a decided list, a page each, ready to print."""
    award_list = list_or_404(list_id)
    awarded = [n for n in award_list.nominations if n.status == NominationStatus.AWARDED.value]
    if award_list.decision is None or not awarded:
        abort(404)
    return _pdf(_certificates([official_papers.certificate_paper(n) for n in awarded]),
                f"bang-khen-danh-sach-{list_id}.pdf")


@bp.get("/lists/<int:list_id>/submission")
def list_file(list_id: int):
    """The list's tờ trình, as the coordinator sent it."""
    from modules.awards.nomination_views import _download

    return _download(list_or_404(list_id).file)


@bp.get("/nominations/<int:nomination_id>/refusal.pdf")
def refusal_pdf(nomination_id: int):
    from modules.awards.letter_pdf import letter_pdf

    nomination = readable_or_404(nomination_id)
    if nomination.status != NominationStatus.REFUSED.value:
        abort(404)
    return _pdf(letter_pdf(official_papers.refusal_paper(nomination)),
                f"thong-bao-{nomination_id}.pdf")
