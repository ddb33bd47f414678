import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from tests import factories
from tests.conftest import login, post_form

ROOT = Path(__file__).resolve().parents[1]


def test_pages_are_vietnamese_by_default(client):
    page = client.get("/login").get_data(as_text=True)

    assert '<html lang="vi">' in page
    assert "Đăng nhập" in page


def test_anonymous_choice_of_english_lasts_for_the_session(client):
    post_form(client, "/language", {"locale": "en", "next": "/login"})

    page = client.get("/login").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Sign in" in page


def test_a_users_language_is_remembered_across_sign_ins(app, agencies):
    factories.make_user("clerk.sct")
    first = app.test_client()
    login(first, "clerk.sct", factories.PASSWORD)

    response = post_form(first, "/language", {"locale": "en", "next": "/"})
    assert response.headers["Location"] == "/"

    later = app.test_client()  # another day, another browser
    login(later, "clerk.sct", factories.PASSWORD)
    page = later.get("/").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Sign out" in page


def test_unknown_language_and_foreign_next_are_ignored(client):
    response = post_form(client, "/language", {"locale": "xx", "next": "//evil.example/"})

    assert response.headers["Location"] == "/"
    assert '<html lang="vi">' in client.get("/login").get_data(as_text=True)


def test_every_text_has_a_vietnamese_translation(tmp_path):
    """The catalogue is current with the code, and nothing in it is left untranslated."""
    template = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-o", str(template), "--no-location", "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with template.open("rb") as handle:
        in_code = {message.id for message in read_po(handle) if message.id}
    catalogue_path = ROOT / "app/translations/vi/LC_MESSAGES/messages.po"
    with catalogue_path.open("rb") as handle:
        catalogue = read_po(handle)

    missing = sorted(str(mid) for mid in in_code if catalogue.get(mid) is None)
    untranslated = sorted(
        str(m.id) for m in catalogue
        if m.id and m.id in in_code and (not m.string or m.fuzzy
                                         or (isinstance(m.string, tuple) and not all(m.string)))
    )
    assert missing == [], "run `make extract-messages` and translate"
    assert untranslated == []


def test_vietnamese_uses_the_administrations_words():
    """Text the user sees reads as a civil servant writes: a step taken back from a person is
    "thu hồi", never "giải phóng" (liberation); an ended agency "hoạt động đến hết ngày" its
    last day, not "chấm dứt hoạt động từ sau ngày"."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    po = Path(__file__).resolve().parents[1] / "app/translations/vi/LC_MESSAGES/messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    texts = [m.string for m in catalog if m.id and isinstance(m.string, str)]
    assert not [t for t in texts if "giải phóng" in t.casefold()]
    assert not [t for t in texts if "từ sau ngày" in t]
