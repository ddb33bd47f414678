"""A certification authority and a signer made at test time (nothing secret is committed),
and signing a PDF with pyHanko as an agency's signing tool does: an incremental update that
adds the signature after the document's bytes."""

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

# Valid over the tests' controlled clock (2025) and the machine's own time.
VALID_FROM, VALID_TO = datetime(2024, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC)
DER = serialization.Encoding.DER


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _usage(**allowed) -> x509.KeyUsage:
    flags = dict.fromkeys(("digital_signature", "content_commitment", "key_encipherment",
                           "data_encipherment", "key_agreement", "key_cert_sign", "crl_sign",
                           "encipher_only", "decipher_only"), False)
    return x509.KeyUsage(**{**flags, **allowed})


@dataclass
class Authority:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def der(self) -> bytes:
        return self.certificate.public_bytes(DER)


def authority(name: str = "CA thử nghiệm Quảng Ngãi") -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(name, "Kiểm thử")
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(VALID_FROM).not_valid_after(VALID_TO)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
                   .add_extension(_usage(key_cert_sign=True, crl_sign=True), True)
                   .sign(key, hashes.SHA256()))
    return Authority(key, certificate)


def signer(issuer: Authority, name: str, organisation: str) -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (x509.CertificateBuilder().subject_name(_name(name, organisation))
                   .issuer_name(issuer.certificate.subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(VALID_FROM).not_valid_after(VALID_TO)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
                   .add_extension(_usage(digital_signature=True, content_commitment=True),
                                  True)
                   .sign(issuer.key, hashes.SHA256()))
    return Authority(key, certificate)


def sign(pdf: bytes, who: Authority) -> bytes:
    key = who.key.private_bytes(DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    pdf_signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(who.certificate.public_bytes(DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key),
        cert_registry=None)  # the chain is the verifier's to build, from its own roots
    def signed() -> bytes:
        return signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)),
                                signers.PdfSignatureMetadata(field_name="ChuKySo"),
                                signer=pdf_signer).getvalue()

    # pyHanko runs an event loop of its own: in a thread, beside a browser driver's loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(signed).result()


def tampered(signed: bytes) -> bytes:
    """The signed file with one byte of the signed document changed (its creation date)."""
    at = signed.index(b"/CreationDate (D:") + len(b"/CreationDate (D:")
    digit = signed[at:at + 1]
    return signed[:at] + (b"1" if digit != b"1" else b"2") + signed[at + 1:]
