"""En español, in real Chromium: a patient on a 360 px phone, a shared link,
and a mixed room: an English presenter, a Spanish phone and an English one.

The page says its language (``<html lang="es">``), so a screen reader reads it
with a Spanish voice; the words are Spanish and the numbers the English ones.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import ui
from tests.helpers import pdf_text
from treatments import i18n
from treatments.loader import load_catalogue
from views import registry

pytestmark = pytest.mark.browser

SPANISH = load_catalogue(None, "es")
ENGLISH = load_catalogue(None)


def _es(message: str) -> str:
    with i18n.speaking("es"):
        return i18n.gettext(message)


# What every Spanish page says of its translation (components.page), up to its date.
TRANSLATION_NOTE = _es(
    "Our team made this translation on {date}. No professional medical "
    "translator has checked it yet. The English version is the one we checked."
).split("{")[0]


@pytest.fixture
def phone(browser: Browser):
    # A phone set to Mexican Spanish.
    with ui.phone_page(browser, 360, locale="es-MX") as page:
        yield page


def test_a_spanish_phone_opens_in_spanish_and_every_page_fits(phone: Page, app_url: str) -> None:
    # A first visit follows the phone's language (es-MX), with no ?lang at all.
    ui.open_app(phone, app_url)
    expect(phone.locator("html")).to_have_attribute("lang", "es")
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        _es("Hemifacial spasm: compare the treatments")
    )
    # Both languages are in sight, each named in itself.
    expect(phone.get_by_role("radio", name="Español")).to_be_checked()
    expect(phone.get_by_role("radio", name="English")).to_be_visible()
    for page in registry.PAGES:
        ui.open_app(phone, f"{app_url}{page.path}?lang=es")
        expect(phone.locator("html")).to_have_attribute("lang", "es")
        assert phone.title().startswith(_es(page.title)), page.key
        found = ui.phone_problems(phone)
        assert found == {"sideways": 0, "small_text": [], "small_targets": []}, page.key
        assert ui.axe_violations(phone) == [], page.key
        # Every Spanish page says no professional medical translator has checked it.
        expect(phone.get_by_text(TRANSLATION_NOTE).first).to_be_visible()


def test_a_spanish_patient_takes_her_printout_home(phone: Page, app_url: str) -> None:
    injections, waiting = SPANISH.options[0], SPANISH.options[4]
    ui.open_app(phone, f"{app_url}/?lang=es&side_by_side=Injections&side_by_side=Watch+and+wait")
    phone.get_by_role("link", name=_es("Next: say what matters to you")).click()
    ui.wait_for_app(phone)
    expect(phone.locator("html")).to_have_attribute("lang", "es")
    ui.choose(phone, SPANISH.priorities[0].label, _es("A lot"))
    ui.wait_for_app(phone)
    phone.get_by_role(
        "link", name=_es("Next: pick questions for your visit, and print your notes")
    ).click()
    ui.wait_for_app(phone)
    ui.tick(phone, SPANISH.questions.items[0])
    pdf = ui.make_and_download_printout(
        phone, _es("Make my printout"), _es("Download my printout (PDF)")
    )
    text = pdf_text(pdf)
    assert injections.name in text and waiting.name in text
    assert SPANISH.questions.items[0] in text
    assert SPANISH.priorities[0].label in text
    assert ENGLISH.options[0].name not in text


def test_a_link_and_a_switch_keep_the_view_in_either_language(
    browser: Browser, app_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        ui.open_app(page, f"{app_url}/?side_by_side=Injections&side_by_side=Brain+surgery")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.get_by_role("radio", name="Español").click()
        ui.wait_for_app(page)
        expect(page.locator("html")).to_have_attribute("lang", "es")
        assert "lang=es" in page.url
        picker = page.locator("[data-testid='stMultiSelect']").first
        expect(picker).to_contain_text(SPANISH.options[0].short_name)
        expect(picker).to_contain_text(SPANISH.options[2].short_name)
        # The link as it is now opens the same view, in Spanish, for anyone.
        shared = context.new_page()
        ui.open_app(shared, page.url)
        expect(shared.locator("html")).to_have_attribute("lang", "es")
        expect(shared.locator("[data-testid='stMultiSelect']").first).to_contain_text(
            SPANISH.options[2].short_name
        )
    finally:
        context.close()


def test_a_mixed_room_each_phone_in_its_own_language(browser: Browser, app_url: str) -> None:
    """An English presenter; one phone in Spanish and one in English follow the
    same slide, each in its own words; the projector stays in English."""
    from tools.follow_along import Room, wait_until_drawn

    room = Room.start(browser, app_url)
    try:
        (english_phone,) = room.join(1)
        spanish_phone = room.new_phone()
        spanish_phone.goto(f"{app_url}/present?room={room.code}&lang=es")
        wait_until_drawn(spanish_phone)
        room.phones.append(spanish_phone)
        for _ in range(2):
            slide, pressed = room.move("presenter", "ArrowRight")
            room.lags(slide, pressed, room.phones)
        expect(spanish_phone.locator("html")).to_have_attribute("lang", "es")
        expect(english_phone.locator("html")).to_have_attribute("lang", "en")
        expect(room.projector.locator("html")).to_have_attribute("lang", "en")
        title = ENGLISH.options[0].short_name
        heading = spanish_phone.locator(ui.SLIDE).get_by_role("heading", level=1)
        expect(heading).to_contain_text(SPANISH.options[0].short_name)
        expect(english_phone.locator(ui.SLIDE).get_by_role("heading", level=1)).to_contain_text(
            title
        )
        expect(room.projector.locator(ui.SLIDE).get_by_role("heading", level=1)).to_contain_text(
            title
        )
        words = _es("Slide {number} of {count}.").split("{count}")[0]
        expect(spanish_phone.locator(ui.SLIDE)).to_contain_text(words.format(number=slide))
        assert ui.axe_violations(spanish_phone) == []
    finally:
        room.close()


@pytest.mark.parametrize("width", [320, 390])
def test_every_spanish_page_fits_the_narrowest_and_a_wider_phone(
    browser: Browser, app_url: str, width: int
) -> None:
    # Spanish runs longer than English: nothing may scroll sideways or shrink.
    with ui.phone_page(browser, width) as phone:
        for page in registry.PAGES:
            ui.open_app(phone, f"{app_url}{page.path}?lang=es")
            found = ui.phone_problems(phone)
            assert found == {"sideways": 0, "small_text": [], "small_targets": []}, page.key
