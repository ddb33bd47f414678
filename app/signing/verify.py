"""Reading the digital signatures of a signed PDF with pyHanko: who signed and when, and
whether the document is what was signed. A file is refused, with the reason, when it is not
a PDF, carries no signature, has a signature that does not verify (the signed bytes were
changed), or when its last signature does not cover the whole file (bytes were added after
it). Whether each signer's certificate chains to a root the admin installed is reported,
never assumed; nothing is fetched from the network."""

import asyncio
import io
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

# pyHanko logs a full traceback for every certificate it cannot chain to a trusted root;
# that is an answer shown to the user here, not an error of the system.
for _name in ("pyhanko.sign.validation", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class SignatureError(ValueError):
    pass


@dataclass(frozen=True)
class Signature:
    signer: str  # the certificate's common name
    organisation: str | None
    issuer: str | None
    signed_at: datetime | None  # naive UTC
    timestamped: bool  # the time comes from a timestamp authority, not the signer's claim
    trusted: bool  # the certificate chains to a root the admin installed


def _name(name, key: str) -> str | None:
    value = name.native.get(key)
    return ", ".join(value) if isinstance(value, list) else value


def _outside_any_loop(function, *arguments):
    """pyHanko's synchronous calls start an event loop of their own, which Python refuses
    inside a running one (an async server, a browser driver): run them in a thread there."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*arguments)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *arguments).result()


def _signature(status) -> Signature:
    stamp = status.timestamp_validity
    moment = stamp.timestamp if stamp is not None else status.signer_reported_dt
    certificate = status.signing_cert
    return Signature(
        signer=_name(certificate.subject, "common_name") or certificate.subject.human_friendly,
        organisation=_name(certificate.subject, "organization_name"),
        issuer=_name(certificate.issuer, "common_name"),
        signed_at=moment.astimezone(UTC).replace(tzinfo=None) if moment else None,
        timestamped=stamp is not None, trusted=bool(status.trusted))


def _covers_the_file(status) -> bool:
    """The last signature covers the whole file, or only validation data was added after it
    (what a signing tool's long-term validation appends)."""
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    return (status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and status.modification_level == ModificationLevel.LTA_UPDATES)


def read(pdf: bytes, roots: list, moment: datetime) -> list[Signature]:
    """The signatures of `pdf`, the last one first; `moment` (naive UTC) is when the
    certificates must have been valid."""
    if b"%PDF-" not in pdf[:1024]:
        raise SignatureError(_l("This is not a PDF file: upload the signed report as a PDF."))
    try:
        embedded = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except Exception:  # whatever an unreadable file raises, the answer is the same
        raise SignatureError(_l("The PDF cannot be read: the file is damaged.")) from None
    if not embedded:
        raise SignatureError(_l("The PDF carries no digital signature: sign it with the "
                                "agency's digital signature, then upload the signed file."))
    read_back = []
    for signature in sorted(embedded, key=lambda found: found.signed_revision, reverse=True):
        context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                    moment=moment.replace(tzinfo=UTC))
        try:
            status = _outside_any_loop(validate_pdf_signature, signature, context)
        except Exception:  # a signature pyHanko cannot even evaluate does not verify
            raise SignatureError(_l("A signature of the PDF cannot be verified.")) from None
        if not (status.intact and status.valid):
            raise SignatureError(_l("The signature does not verify: the document was changed "
                                    "after it was signed."))
        if not read_back and not _covers_the_file(status):
            raise SignatureError(_l("The signature does not cover the whole document: "
                                    "something was added to the file after it was signed."))
        read_back.append(_signature(status))
    return read_back
