"""After the class: who may evaluate it, saving one evaluation per trainee, telling the
confirmed trainees once the class has ended, and the organiser's summary.

A class has ended when the organiser closed it (finished) or its last session is over; a
cancelled class has nothing to evaluate. Only a trainee whose seat was confirmed answers."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.notifications.models import Kind
from app.notifications.service import notify_users
from modules.training import schedule
from modules.training.evaluation_models import CRITERIA, RATINGS, Evaluation, EvaluationInvite
from modules.training.models import (
    OPEN_STATUSES,
    ClassStatus,
    Registration,
    RegistrationStatus,
    TrainingClass,
)

COMMENT_MAX = 2000


class NotATrainee(PermissionError):
    """Only the class's confirmed trainees evaluate it."""


class EvaluationError(ValueError):
    pass


class AlreadyAnswered(EvaluationError):
    pass


def has_ended(training_class: TrainingClass) -> bool:
    if training_class.status == ClassStatus.FINISHED.value:
        return True
    end = schedule.last_end(training_class)
    return (training_class.status in OPEN_STATUSES and end is not None
            and schedule.local_now() >= end)


def trainee_registration(training_class: TrainingClass, person) -> Registration | None:
    """The person's confirmed registration in the class (None: they were no trainee of it)."""
    return db.session.scalar(select(Registration).where(
        Registration.class_id == training_class.id, Registration.user_id == person.id,
        Registration.status == RegistrationStatus.CONFIRMED.value))


def answer_of(training_class: TrainingClass, person) -> Evaluation | None:
    return db.session.scalar(select(Evaluation).where(
        Evaluation.class_id == training_class.id, Evaluation.user_id == person.id))


def check_may_answer(training_class: TrainingClass, person) -> Registration:
    """The person's registration, or NotATrainee / EvaluationError saying why not."""
    registration = trainee_registration(training_class, person)
    if registration is None:
        raise NotATrainee()
    if not has_ended(training_class):
        raise EvaluationError(_l("The evaluation opens when the class has ended."))
    return registration


def submit(training_class: TrainingClass, person, ratings: dict[str, int],
           comment: str | None) -> Evaluation:
    """Save the trainee's one evaluation of the class (AlreadyAnswered for a second one)."""
    registration = check_may_answer(training_class, person)
    if set(ratings) != set(CRITERIA) or any(r not in RATINGS for r in ratings.values()):
        raise EvaluationError(_l("Choose a rating from 1 to 5 for each question."))
    comment = (comment or "").strip()[:COMMENT_MAX] or None
    evaluation = Evaluation(class_id=training_class.id, user_id=person.id,
                            registration_id=registration.id, comment=comment, **ratings)
    db.session.add(evaluation)
    try:
        db.session.commit()
    except IntegrityError:  # a second tab, or a double tap: the first answer stands
        db.session.rollback()
        raise AlreadyAnswered(_l("Your evaluation of this class was received already.")) \
            from None
    return evaluation


def _ended_not_invited() -> list[TrainingClass]:
    waiting = db.session.scalars(
        select(TrainingClass)
        .outerjoin(EvaluationInvite, EvaluationInvite.class_id == TrainingClass.id)
        .where(EvaluationInvite.class_id.is_(None),
               TrainingClass.status.in_([*OPEN_STATUSES, ClassStatus.FINISHED.value])))
    return [c for c in waiting if has_ended(c)]


def invite_ended_classes() -> int:
    """The worker's job: tell each confirmed trainee of a class that has ended (once per
    class) that its evaluation form is open. Returns how many people were told."""
    told = 0
    for training_class in _ended_not_invited():
        trainees = [r.user for r in db.session.scalars(select(Registration).where(
            Registration.class_id == training_class.id,
            Registration.status == RegistrationStatus.CONFIRMED.value))]
        db.session.add(EvaluationInvite(class_id=training_class.id, told=len(trainees)))
        try:
            db.session.flush()  # another worker told them already
        except IntegrityError:
            db.session.rollback()
            continue
        with force_locale("vi"):  # a notice is kept as written
            text = _("%(name)s has ended: please fill in the course evaluation form.",
                     name=f"{training_class.code} · {training_class.course.topic}")
        notify_users(trainees, Kind.TRAINING, text, "/training/my")
        db.session.commit()
        told += len(trainees)
    return told


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    counts: dict[int, int]  # rating → how many gave it

    @property
    def answers(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        if not self.answers:
            return None
        return sum(rating * n for rating, n in self.counts.items()) / self.answers

    @property
    def mean_shown(self) -> str:
        """The mean as the reader's language writes it (4,25 in Vietnamese); "—" if none."""
        return "—" if self.mean is None else format_decimal(round(self.mean, 2), format="0.0#")

    @property
    def most(self) -> int:
        return max(self.counts.values(), default=0)


@dataclass(frozen=True)
class Summary:
    answers: int
    trainees: int
    criteria: list[Criterion]
    comments: list[str]


def summary(training_class: TrainingClass) -> Summary:
    """What the organiser reads: answers out of confirmed trainees, each rating's mean and
    distribution, and the comments (without names)."""
    trainees = db.session.scalar(select(func.count(Registration.id)).where(
        Registration.class_id == training_class.id,
        Registration.status == RegistrationStatus.CONFIRMED.value))
    answers = list(db.session.scalars(select(Evaluation).where(
        Evaluation.class_id == training_class.id).order_by(Evaluation.id)))
    criteria = []
    for key, label in CRITERIA.items():
        counts = dict.fromkeys(RATINGS, 0)
        for answer in answers:
            counts[getattr(answer, key)] += 1
        criteria.append(Criterion(key, str(label), counts))
    return Summary(len(answers), trainees, criteria,
                   [a.comment for a in answers if a.comment])


def answered_at(training_class: TrainingClass, person) -> datetime | None:
    answer = answer_of(training_class, person)
    return answer.created_at if answer else None
