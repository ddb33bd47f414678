"""What a password must be: long enough (PASSWORD_MIN_LENGTH), not common (zxcvbn, and a
list of passwords common in Vietnam), and not made of the person's own name, user name or
agency. Comparisons drop accents and case: "Huyền@2025" is made of "huyen"."""

import re
from functools import cache
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

from app.folding import fold

MIN_SCORE = 3  # zxcvbn: "safely unguessable", about 10^10 guesses and more
MIN_PART = 4  # shorter parts of a name ("Lê", "Thị") are left to zxcvbn's own judgement
COMMON_FILE = Path(__file__).with_name("common_passwords_vi.txt")


class PasswordRefused(ValueError):
    """A password the rules refuse, with the reason the person reads."""


@cache
def _common_in_vietnam() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _plain(text: str) -> str:
    """Lower case, without accents (đ is d)."""
    return fold(text or "").lower()


def _parts(*texts: str) -> set[str]:
    """The words of names, folded: "Sở Công Thương" gives "cong", "thuong"."""
    return {part for text in texts for part in re.split(r"[^a-z0-9]+", _plain(text))
            if len(part) >= MIN_PART}


def _personal_texts(username: str, full_name: str, agency) -> list[str]:
    texts = [username, full_name]
    if agency is not None:
        texts += [agency.name_vi, agency.name_en, agency.code]
    return [text for text in texts if text]


def check_password(password: str, *, username: str, full_name: str = "", agency=None) -> None:
    """Refuse (PasswordRefused) a password the rules do not allow for this person."""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        raise PasswordRefused(_l("The password must have at least %(n)d characters.",
                                 n=minimum))
    plain = _plain(password)
    letters_and_digits = re.sub(r"[^a-z0-9]", "", plain)
    letters = re.sub(r"[^a-z]", "", plain)
    common = _common_in_vietnam()
    if letters_and_digits in common or letters in common:
        raise PasswordRefused(_l("This password is too common; choose another."))
    personal = _personal_texts(username, full_name, agency)
    whole_names = {re.sub(r"[^a-z0-9]", "", _plain(text)) for text in personal}
    if any(part in letters_and_digits for part in _parts(*personal) | {
            name for name in whole_names if len(name) >= 3}):
        raise PasswordRefused(_l("The password must not contain your name, user name or "
                                 "agency."))
    hints = [*personal, *_parts(*personal)]
    if zxcvbn(password[:100], user_inputs=hints)["score"] < MIN_SCORE:
        raise PasswordRefused(_l("This password is too easy to guess: use a longer one, "
                                 "for example several unrelated words."))


def acceptable(password: str, user) -> bool:
    """Whether `user`'s password still meets the rules (asked at sign-in)."""
    try:
        check_password(password, username=user.username, full_name=user.full_name,
                       agency=user.agency)
    except PasswordRefused:
        return False
    return True
