"""An educator hands the room the view: a QR code on the last slide and on the handout.

The codes are read with a real decoder (ZXing) from what a phone would see:
a screenshot of the projected slide, and the handout's first page rendered
to an image. The address they hold is then opened in Chromium on a phone.
The app is served under a base path (``/hfs``), as behind a hospital's proxy.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests.browser import ui
from tools.live_server import running_server
from treatments.facts import FIELDS
from treatments.presenting.deck import build_deck, default_items
from treatments.presenting.powerpoint_pages import file_pages
from treatments.schema import Catalogue

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1366, "height": 768}
BASE_PATH = "hfs"


@pytest.fixture(scope="module")
def behind_a_path(chromium_path: str) -> Iterator[str]:
    """The app served under /hfs/, as a proxy that shares its host would serve it."""
    del chromium_path
    with running_server(base_path=BASE_PATH) as (_, url):
        yield url


def _decode(png: bytes) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_the_last_slide_s_code_opens_the_deck_s_view_on_a_phone(
    page: Page, browser: Browser, behind_a_path: str, catalogue: Catalogue, tmp_path
) -> None:
    injections, surgery = catalogue.options[0], catalogue.options[2]
    page.set_viewport_size(PROJECTOR)
    deck = f"deck_options={injections.short_name}&deck_options={surgery.short_name}"
    ui.open_app(page, f"{behind_a_path}/present?{deck}".replace(" ", "+"))
    # Title, two options, three issue cards, choosing, questions: the code is on
    # the last slide, 9. The End key goes there, as on a presentation clicker.
    page.keyboard.press("End")
    ui.wait_for_app(page)
    slide = page.locator(ui.SLIDE)
    expect(slide.get_by_role("heading", level=1)).to_have_text(catalogue.deck.share_slide.title)
    expect(page.get_by_role("button", name="Next")).to_be_disabled()
    (link,) = _decode(slide.screenshot())
    assert link.startswith(f"{behind_a_path}/?"), "the address the browser sees, base path too"
    host_and_path = behind_a_path.removeprefix("http://")
    expect(slide).to_contain_text(f"Or type: {host_and_path}")

    # The handout from the same deck carries the same code on its first page.
    page.get_by_role("button", name="Slides and handout").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the group handout (PDF)").click()
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(download.value.path().read_bytes())
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", pdf.name, "page"],
        cwd=tmp_path,
        check=True,
    )
    (page_one,) = tmp_path.glob("page*.png")
    assert _decode(page_one.read_bytes()) == [link]

    # So does the PowerPoint file: its slides in the deck's order, the code on the share slide.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the slides (PowerPoint)").click()
    slides = list(Presentation(download.value.path()).slides)
    titles = [slide.shapes[0].text_frame.text for slide in slides]
    # An option takes two or more slides in the file: its benefits, then its harms.
    cards = default_items(catalogue)
    pages = file_pages(build_deck(catalogue, [injections, surgery], cards), [injections, surgery])
    assert titles[: len(pages)] == [page.title for page in pages]
    assert titles[:3] == [
        catalogue.meta.title,
        injections.name,
        f"{injections.short_name}: {FIELDS['side_effects'].label} (1 of 2)",
    ]
    share = slides[len(pages) - 1]
    assert titles[len(pages) - 1] == catalogue.deck.share_slide.title
    (code,) = [s for s in share.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert _decode(code.image.blob) == [link]

    # A person in the room opens it on a phone: the deck's two options, side by side.
    phone_context = browser.new_context(
        viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True
    )
    phone = phone_context.new_page()
    ui.open_app(phone, link)
    cards = ui.keyed(phone, "comparison-cards").get_by_role("heading")
    expect(cards).to_have_text([injections.name, surgery.name])
    expect(ui.keyed(phone, f"card-{injections.id}")).to_be_visible()
    expect(ui.keyed(phone, f"card-{surgery.id}")).to_be_visible()
    phone_context.close()
