"""The course evaluation form: four ratings from 1 to 5 and an optional comment."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import Length, Optional

from modules.training.evaluation_models import CRITERIA, RATINGS
from modules.training.evaluations import COMMENT_MAX

RATING_ERROR = _l("Choose a rating from 1 to 5.")


def _rating(label) -> RadioField:
    return RadioField(label, choices=[SelectChoice(str(r), str(r)) for r in RATINGS])


class EvaluationForm(FlaskForm):
    content = _rating(CRITERIA["content"])
    lecturers = _rating(CRITERIA["lecturers"])
    organisation = _rating(CRITERIA["organisation"])
    usefulness = _rating(CRITERIA["usefulness"])
    comment = TextAreaField(_l("Comments and suggestions (optional)"),
                            validators=[Optional(), Length(max=COMMENT_MAX)])

    def rating_fields(self):
        return [getattr(self, key) for key in CRITERIA]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for field in self.rating_fields():
            # Missing, 7 or "abc" all get the one message a person can act on.
            if field.errors or field.data not in {str(r) for r in RATINGS}:
                field.errors = [str(RATING_ERROR)]
                valid = False
        return valid

    def ratings(self) -> dict[str, int]:
        return {key: int(getattr(self, key).data) for key in CRITERIA}
