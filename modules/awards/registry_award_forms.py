"""The award forms a past year's spreadsheet may name, to tell a typing error from a real
form: the catalogue's seeded forms (catalogue_data.FORMS, by code and name, with the
variants decisions write), and the other titles and forms of Luật Thi đua, khen thưởng
2022 (06/2022/QH15) that a province's decisions give, kept without a code. Compared
accents and case aside."""

from dataclasses import dataclass

from app.folding import fold
from modules.awards import catalogue_data


@dataclass(frozen=True)
class KnownForm:
    code: str | None
    name: str
    kinds: frozenset[str]  # "person", "collective": whom it is given to
    aliases: tuple[str, ...] = ()


PERSON, COLLECTIVE = frozenset({"person"}), frozenset({"collective"})
BOTH = PERSON | COLLECTIVE

# Usual variants of the catalogue's names, as decisions and old lists write them.
_VARIANTS = {
    "bang_khen_chu_tich": ("Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen Chủ tịch UBND tỉnh",
                           "Bằng khen UBND tỉnh", "Bằng khen của UBND tỉnh"),
    "bang_khen_chuyen_de": ("Bằng khen của Chủ tịch UBND tỉnh theo chuyên đề",
                            "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh theo chuyên đề",
                            "Bằng khen theo chuyên đề", "Bằng khen chuyên đề"),
    "giay_khen": ("Giấy khen của Giám đốc Sở", "Giấy khen của Chủ tịch UBND"),
    "tap_the_lao_dong_xuat_sac": ("Tập thể lao động xuất sắc",),
    "chien_si_thi_dua_tinh": ("Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua tỉnh"),
    "co_thi_dua_ubnd": ("Cờ thi đua của UBND tỉnh", "Cờ thi đua UBND tỉnh",
                        "Cờ thi đua cấp tỉnh"),
}
_KINDS = {catalogue_data.INDIVIDUAL: PERSON, catalogue_data.COLLECTIVE: COLLECTIVE,
          catalogue_data.BOTH: BOTH}

KNOWN_FORMS = (
    *(KnownForm(seed.code, seed.name, _KINDS[seed.recipients], _VARIANTS.get(seed.code, ()))
      for seed in catalogue_data.FORMS),
    KnownForm(None, "Chiến sĩ thi đua cơ sở", PERSON),
    KnownForm(None, "Chiến sĩ thi đua toàn quốc", PERSON),
    KnownForm(None, "Lao động tiên tiến", PERSON),
    KnownForm(None, "Tập thể lao động tiên tiến", COLLECTIVE),
    KnownForm(None, "Cờ thi đua của Chính phủ", COLLECTIVE),
    KnownForm(None, "Bằng khen của Thủ tướng Chính phủ", BOTH, ("Bằng khen Thủ tướng",)),
    KnownForm(None, "Bằng khen của Bộ trưởng", BOTH),
    KnownForm(None, "Huân chương Lao động hạng Nhất", BOTH),
    KnownForm(None, "Huân chương Lao động hạng Nhì", BOTH),
    KnownForm(None, "Huân chương Lao động hạng Ba", BOTH),
    KnownForm(None, "Kỷ niệm chương", PERSON),
)

_BY_KEY = {fold(name): form for form in KNOWN_FORMS for name in (form.name, *form.aliases)}
_BY_CODE = {form.code: form for form in KNOWN_FORMS if form.code}


def find(text: str) -> KnownForm | None:
    """The form a cell names (by its name, a usual variant, or its code), or None."""
    return _BY_KEY.get(fold(text)) or _BY_CODE.get((text or "").strip())
