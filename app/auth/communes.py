"""The commune-level units of today's Quảng Ngãi (from 01/7/2025, Nghị quyết
1677/NQ-UBTVQH15), read from the maintained `vietnam-provinces` package rather than typed
by hand; and, where the package tells it, the former districts whose territory each took."""

import unicodedata
from dataclasses import dataclass

from vietnam_provinces import ProvinceCode, VietNamDivisionType, Ward

PROVINCE = ProvinceCode.P_51  # Quảng Ngãi (with the former Kon Tum since 01/7/2025)

_KIND_EN = {VietNamDivisionType.XA: "Commune", VietNamDivisionType.PHUONG: "Ward",
            VietNamDivisionType.DAC_KHU: "Special Zone"}


@dataclass(frozen=True)
class Commune:
    code: str  # "XA_" + the national code of the unit
    name_vi: str  # "UBND xã Tịnh Khê", "UBND đặc khu Lý Sơn"
    name_en: str
    division: str  # "xã", "phường", "đặc khu"
    former_districts: frozenset[str]  # "huyện bình sơn", casefolded; empty when unknown


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _former_districts(ward) -> frozenset[str]:
    """The districts the unit's former communes belonged to. Only the package's newer
    releases (Python 3.12 and later) carry the conversion table; older ones tell nothing."""
    sources = getattr(ward, "get_legacy_sources", None)
    if sources is None:
        return frozenset()
    from vietnam_provinces.legacy import District

    names = set()
    for old in sources():
        try:
            names.add(District.from_code(old.district_code).name.casefold())
        except (ValueError, KeyError):
            continue
    return frozenset(names)


def communes() -> list[Commune]:
    found = []
    for ward in Ward.iter_by_province(PROVINCE):
        division = ward.division_type.value
        place = ward.name[len(division):].strip() if ward.name.lower().startswith(division) \
            else ward.name
        found.append(Commune(
            code=f"XA_{int(ward.code.value):05d}",
            name_vi=unicodedata.normalize("NFC", f"UBND {division} {place}"),
            name_en=f"{_ascii(place)} {_KIND_EN[ward.division_type]} People's Committee",
            division=division, former_districts=_former_districts(ward)))
    return sorted(found, key=lambda commune: commune.code)


def district_place(name_vi: str) -> str:
    """"UBND huyện Bình Sơn" → "huyện bình sơn", as the package's former districts read."""
    return name_vi.removeprefix("UBND").strip().casefold()
