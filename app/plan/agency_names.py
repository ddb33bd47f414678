"""Reading the agencies a cell of the appendix names ("Sở Công Thương, các sở, ban, ngành;
UBND cấp huyện"): names contain commas themselves ("Sở Văn hóa, Thể thao và Du lịch"), so the
cell is matched against the known names, longest first, rather than split at commas."""

import re
import unicodedata

from app.auth.models import Agency, AgencyGroup

_PUNCTUATION = re.compile(r"[,;.:\-–—()]")


class UnknownAgencyName(ValueError):
    pass


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).casefold()
    return _PUNCTUATION.sub(" ", text).split()


def resolve_names(text: str, agencies: list[Agency],
                  groups: list[AgencyGroup]) -> list[Agency | AgencyGroup]:
    """The agencies and groups `text` names, in its order; UnknownAgencyName names the part
    that matches nothing."""
    known = [(_tokens(target.name_vi), target) for target in [*groups, *agencies]]
    known.sort(key=lambda pair: -len(pair[0]))
    words, found, position = _tokens(text), [], 0
    while position < len(words):
        for name, target in known:
            if name and words[position:position + len(name)] == name:
                if target not in found:
                    found.append(target)
                position += len(name)
                break
        else:
            if words[position] == "và":  # "A và B"
                position += 1
                continue
            raise UnknownAgencyName(" ".join(words[position:]))
    return found
