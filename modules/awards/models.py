"""Commendations (plan item 5.4): the catalogue of award forms, a round (the coordinator's
call for proposals), the nominations agencies send with their dossiers, the consolidated
lists the coordinator sends for decision, and the decisions. Where a nomination stands is
its status; services.py and its siblings alone change it, and its commendation process
(commendation.bpmn) keeps the statutory periods."""

from datetime import date, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import Column, ForeignKey, LargeBinary, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from app.auth.models import Agency, User
from app.clock import utcnow
from app.extensions import db

RECIPIENTS = {"individual": _l("Individuals"), "collective": _l("Collectives"),
              "both": _l("Individuals and collectives")}
DECIDERS = {"chairman": _l("Chairman of the Provincial People's Committee"),
            "agency_head": _l("Head of the agency")}
NOMINEE_KINDS = {"individual": _l("Individual"), "collective": _l("Collective")}


class AwardForm(db.Model):
    """A form of commendation offered (Bằng khen, Giấy khen, ...): who receives it, who
    decides, who may propose, its criteria and the documents its dossier needs."""

    __tablename__ = "award_forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    recipients: Mapped[str] = mapped_column(String(20))  # RECIPIENTS
    decider: Mapped[str] = mapped_column(String(20))  # DECIDERS
    proposers: Mapped[str] = mapped_column(Text, default="")
    criteria: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[str] = mapped_column(Text, default="")  # document-kind codes, "a,b,c"
    source: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)

    @property
    def document_codes(self) -> list[str]:
        return [code.strip() for code in (self.documents or "").split(",") if code.strip()]

    def takes(self, kind: str) -> bool:
        return self.recipients in ("both", kind)


round_forms = Table(
    "award_round_forms", db.metadata,
    Column("round_id", ForeignKey("award_rounds.id", ondelete="CASCADE"), primary_key=True),
    Column("form_id", ForeignKey("award_forms.id"), primary_key=True),
)


class RoundStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class AwardRound(db.Model):
    """A call for proposals: its topic, year, the forms offered, the deadline."""

    __tablename__ = "award_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(500))
    year: Mapped[int]
    deadline: Mapped[date]
    note: Mapped[str | None] = mapped_column(Text)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))  # the coordinating one
    status: Mapped[str] = mapped_column(String(20), default=RoundStatus.OPEN.value)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency] = relationship()
    forms: Mapped[list[AwardForm]] = relationship(secondary=round_forms,
                                                  order_by=AwardForm.id)
    quotas: Mapped[list["RoundQuota"]] = relationship(cascade="all, delete-orphan")


class RoundQuota(db.Model):
    """How many nominees an agency may propose in a round (no row: no limit)."""

    __tablename__ = "award_round_quotas"

    round_id: Mapped[int] = mapped_column(ForeignKey("award_rounds.id", ondelete="CASCADE"),
                                          primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    quota: Mapped[int]

    agency: Mapped[Agency] = relationship()


class AwardFile(db.Model):
    """A document of a dossier, a list's tờ trình or an agency's written hiệp y answer,
    checked as the engine checks evidence (workflow.check_file); read through access.py."""

    __tablename__ = "award_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)


class NominationStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"  # to the coordinator
    RETURNED = "returned"  # for supplement, with reasons
    ACCEPTED = "accepted"  # by the coordinator, for the next list
    LISTED = "listed"  # in a list sent for appraisal or decision
    AWARDED = "awarded"
    REFUSED = "refused"
    ENDED = "ended"  # withdrawn, or its process terminated by an administrator


STATUS_LABELS = {
    NominationStatus.DRAFT: _l("Draft"),
    NominationStatus.SENT: _l("Sent to the coordinator"),
    NominationStatus.RETURNED: _l("Returned for supplement"),
    NominationStatus.ACCEPTED: _l("Accepted by the coordinator"),
    NominationStatus.LISTED: _l("In a list for appraisal or decision"),
    NominationStatus.AWARDED: _l("Awarded"),
    NominationStatus.REFUSED: _l("Not awarded"),
    NominationStatus.ENDED: _l("Ended"),
}
EDITABLE = frozenset({NominationStatus.DRAFT.value, NominationStatus.RETURNED.value})


class Nomination(db.Model):
    """One nominee proposed by an agency in a round, with its dossier."""

    __tablename__ = "award_nominations"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("award_rounds.id"), index=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("award_forms.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)  # proposer
    kind: Mapped[str] = mapped_column(String(20))  # NOMINEE_KINDS
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(String(300))
    unit: Mapped[str | None] = mapped_column(String(300))  # the nominee's agency or firm
    enterprise: Mapped[bool] = mapped_column(default=False)  # needs hiệp y
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=NominationStatus.DRAFT.value,
                                        index=True)
    return_reason: Mapped[str | None] = mapped_column(Text)
    list_id: Mapped[int | None] = mapped_column(ForeignKey("award_lists.id"), index=True)
    agreed: Mapped[bool | None]  # Home Affairs' (or the deciding head's) opinion
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("process_instances.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    revision: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": revision}

    round: Mapped[AwardRound] = relationship()
    form: Mapped[AwardForm] = relationship()
    agency: Mapped[Agency] = relationship()
    documents: Mapped[list["NominationDocument"]] = relationship(
        cascade="all, delete-orphan", order_by="NominationDocument.id")
    consultations: Mapped[list["Consultation"]] = relationship(
        cascade="all, delete-orphan", order_by="Consultation.id", back_populates="nomination")
    award_list: Mapped["AwardList | None"] = relationship(back_populates="nominations")

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[NominationStatus(self.status)])

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def business_key(self) -> str:
        return f"award-nomination-{self.id}"


class NominationDocument(db.Model):
    __tablename__ = "award_nomination_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("award_nominations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))  # a DOCUMENT_KINDS code
    file_id: Mapped[int] = mapped_column(ForeignKey("award_files.id"))

    file: Mapped[AwardFile] = relationship()


class Consultation(db.Model):
    """The hiệp y of one agency (tax, social insurance, environment) on an enterprise
    nominee: its written answer with the document, recorded by the coordinator or given by
    the agency itself in the app."""

    __tablename__ = "award_consultations"
    __table_args__ = (UniqueConstraint("nomination_id", "body"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("award_nominations.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(String(40))  # consultees.BODIES
    due_on: Mapped[date | None]  # periods.HIEP_Y_ANSWER_DAYS from when it was asked
    agrees: Mapped[bool | None]
    note: Mapped[str | None] = mapped_column(Text)
    document_number: Mapped[str | None] = mapped_column(String(100))
    file_id: Mapped[int | None] = mapped_column(ForeignKey("award_files.id"))
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None]

    file: Mapped[AwardFile | None] = relationship()
    answered_by: Mapped[User | None] = relationship()
    nomination: Mapped[Nomination] = relationship(back_populates="consultations")


class ListStatus(StrEnum):
    APPRAISING = "appraising"  # with Home Affairs
    RETURNED = "returned"  # Home Affairs returned it to the coordinator
    DECIDING = "deciding"  # submitted for decision (or sent to the agency head)
    DECIDED = "decided"


LIST_STATUS_LABELS = {
    ListStatus.APPRAISING: _l("At appraisal by Home Affairs"),
    ListStatus.RETURNED: _l("Returned by Home Affairs"),
    ListStatus.DECIDING: _l("Awaiting the decision"),
    ListStatus.DECIDED: _l("Decided"),
}


class AwardList(db.Model):
    """A consolidated list the coordinator sends with its tờ trình: to Home Affairs for
    the Chairman's forms, straight to the agency head for Giấy khen."""

    __tablename__ = "award_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("award_rounds.id"), index=True)
    decider: Mapped[str] = mapped_column(String(20))  # DECIDERS
    number: Mapped[str] = mapped_column(String(100))  # the tờ trình's number
    file_id: Mapped[int] = mapped_column(ForeignKey("award_files.id"))
    status: Mapped[str] = mapped_column(String(20))
    return_reason: Mapped[str | None] = mapped_column(Text)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_on: Mapped[date | None]  # the appraisal's statutory end
    council_asked_at: Mapped[datetime | None]
    council_opinion: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None]
    decision_due_on: Mapped[date | None]
    revision: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": revision}

    round: Mapped[AwardRound] = relationship()
    file: Mapped[AwardFile] = relationship()
    nominations: Mapped[list[Nomination]] = relationship(back_populates="award_list",
                                                         order_by=Nomination.id)
    decision: Mapped["Decision | None"] = relationship(back_populates="award_list")

    @property
    def status_label(self) -> str:
        return str(LIST_STATUS_LABELS[ListStatus(self.status)])


class Decision(db.Model):
    """The decision on a list: one per list (the unique key keeps two people who record at
    once from making two)."""

    __tablename__ = "award_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("award_lists.id"), unique=True)
    number: Mapped[str] = mapped_column(String(100))
    signed_on: Mapped[date]
    signer: Mapped[str] = mapped_column(String(300))
    signer_title: Mapped[str] = mapped_column(String(300))
    letter_number: Mapped[str | None] = mapped_column(String(100))  # to those not awarded
    # Home Affairs' letter is signed in Sở Nội vụ: "Lê Văn Thư", "Phó Giám đốc".
    letter_signer: Mapped[str | None] = mapped_column(String(300))
    letter_signer_title: Mapped[str | None] = mapped_column(String(300))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    award_list: Mapped[AwardList] = relationship(back_populates="decision")


class CouncilMember(db.Model):
    """A member of the provincial emulation and commendation council, as the admin sets it
    up: reads the dossiers of the lists put to the council."""

    __tablename__ = "award_council_members"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    user: Mapped[User] = relationship()


class Signal(db.Model):
    """A message owed to a nomination's process (its outbox): written with the change it
    reports, in the same transaction, and delivered in order (signals.py), at once for a
    few, by the worker for a long list."""

    __tablename__ = "award_signals"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("award_nominations.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
