"""Installing and removing the trusted root certificates (PEM or DER, one or several in a
file): each is parsed, must be a certification authority's, and is kept once."""

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from app.signing.models import TrustedRoot

MAX_BYTES = 256 * 1024


class RootError(ValueError):
    pass


def _parse(content: bytes) -> list[x509.Certificate]:
    if not content or len(content) > MAX_BYTES:
        raise RootError(_l("Choose a certificate file (PEM or DER) of at most 256 KB."))
    try:
        if b"-----BEGIN" in content:
            return x509.load_pem_x509_certificates(content)
        return [x509.load_der_x509_certificate(content)]
    except ValueError:
        raise RootError(_l("This file is not a certificate: give the root certificate as "
                           "PEM (.pem, .crt) or DER (.cer, .der).")) from None


def _is_authority(certificate: x509.Certificate) -> bool:
    try:
        return certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False


def subject_of(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.subject.rfc4514_string()


def install(content: bytes, actor) -> list[TrustedRoot]:
    """Install the certificates of a file; refuse the whole file if one is not an
    authority's, and say so when every one was installed already."""
    certificates = _parse(content)
    for certificate in certificates:
        if not _is_authority(certificate):
            raise RootError(_l("%(name)s is not a certification authority's certificate: "
                               "install the root that issued the signers' certificates.",
                               name=subject_of(certificate)))
    added = []
    for certificate in certificates:
        fingerprint = certificate.fingerprint(hashes.SHA256()).hex()
        if db.session.scalar(select(TrustedRoot.id).where(
                TrustedRoot.fingerprint == fingerprint)) is not None:
            continue
        root = TrustedRoot(fingerprint=fingerprint, subject=subject_of(certificate),
                           der=certificate.public_bytes(Encoding.DER),
                           not_before=certificate.not_valid_before_utc.replace(tzinfo=None),
                           not_after=certificate.not_valid_after_utc.replace(tzinfo=None),
                           added_by_id=getattr(actor, "id", None))
        db.session.add(root)
        added.append(root)
    if not added:
        raise RootError(_l("This certificate is installed already."))
    db.session.commit()
    return added


def remove(root_id: int) -> TrustedRoot | None:
    root = db.session.get(TrustedRoot, root_id)
    if root is not None:
        db.session.delete(root)
        db.session.commit()
    return root


def installed() -> list[TrustedRoot]:
    return list(db.session.scalars(select(TrustedRoot).order_by(TrustedRoot.subject)))


def anchors() -> list[asn1_x509.Certificate]:
    """The installed roots, for checking a signer's certificate chain."""
    return [asn1_x509.Certificate.load(der) for der in db.session.scalars(
        select(TrustedRoot.der))]
