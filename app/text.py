"""Text as the system keeps it: NFC (Vietnamese typed with combining marks, as some keyboards
and pasted PDFs give it, is kept composed, so it sorts, searches and prints as one), and a
text of only invisible characters (spaces, zero-width spaces, fillers) is no text at all."""

import unicodedata

from werkzeug.datastructures import FileStorage, ImmutableMultiDict

# Characters that show nothing though Unicode calls them letters or symbols.
_BLANK_LOOKING = frozenset("\u115f\u1160\u2800\u3164\uffa0")
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def is_invisible(text: str) -> bool:
    """Whether nothing of `text` would show: "", spaces, zero-width spaces and the like."""
    return all(char.isspace() or char in _BLANK_LOOKING
               or unicodedata.category(char) in _INVISIBLE_CATEGORIES for char in text)


# Control characters no keyboard types, which come from pasted binary or a program's bug and
# would print as boxes or break a line in pages, PDFs and CSV: dropped. Tab, line feed and
# carriage return stay (multi-line text); NEL, Unicode's "next line", is a line feed.
_CONTROLS = {code: None for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                     *range(0x7F, 0xA0)]}
_CONTROLS[0x85] = "\n"


def clean(text: str) -> str:
    """NFC, without control characters but tab and line breaks; "" for a text of only
    invisible characters."""
    text = unicodedata.normalize("NFC", text.translate(_CONTROLS))
    return "" if is_invisible(text) else text


def one_line(text: str | None) -> str | None:
    """`text` cleaned, its spaces and line breaks run together into single spaces: for a
    title, a subject, a case number (None stays None)."""
    return None if text is None else " ".join(clean(text).split())


class CleanFormData(ImmutableMultiDict):
    """A request's form and query values, and its files' names, each cleaned as it is read,
    so that every form of every page gets NFC text, and "required" refuses a box of
    zero-width spaces. A NUL or another control character, which no keyboard types and
    PostgreSQL cannot keep (NUL), is dropped."""

    def __init__(self, mapping=None):
        if mapping is None or isinstance(mapping, dict):
            super().__init__(mapping)
            return
        super().__init__([(clean(key), _cleaned(value)) for key, value in mapping])


def _cleaned(value):
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, FileStorage) and value.filename:
        value.filename = one_line(value.filename)
    return value


# Vietnamese alphabetical order: the letters as the alphabet runs, then the tones
# (ngang, huyền, hỏi, ngã, sắc, nặng) only where the letters tie.
_ALPHABET = {letter: rank for rank, letter in enumerate("aăâbcdđeêghiklmnoôơpqrstuưvxy")}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_order(text: str) -> tuple:
    """A sort key that puts Vietnamese names in the order of the alphabet ("Sở Dân tộc" before
    "Sở Đ…", "Đ…" before "E…"), not of code points (where "Đ" comes after "Y")."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFC", text.casefold()):
        marks = unicodedata.normalize("NFD", char)
        tones.append(max((_TONES.get(mark, 0) for mark in marks), default=0))
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in _TONES))
        letters.append(-1 if base.isspace() else _ALPHABET.get(base, len(_ALPHABET) + ord(base[0])))
    return tuple(letters), tuple(tones)
