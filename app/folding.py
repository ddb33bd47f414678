"""Text folded for search: lower case, without Vietnamese diacritics, so that what a person
types with or without accents ("bao cao", "Báo cáo") finds the same rows on every database."""

import unicodedata


def fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())
