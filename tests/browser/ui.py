"""Every selector the browser tests use, in one place.

Streamlit's data-testid values are not a public API; if an upgrade renames
one, this is the only file to change.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from components.filters import FILTERS_LABEL

APP_READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
SKELETON = "[data-testid='stSkeleton']"
# A table drawn with st.table, or from Markdown (the comparison table).
TABLE = ":is([data-testid='stTable'], [data-testid='stMarkdownContainer']) table"
SLIDE = ".st-key-slide-frame"
HEADER = "[data-testid='stHeader']"
LEANING_QUESTION = "Which option do you lean toward right now?"


def wait_for_app(page: Page, *, timeout: float = 30_000) -> None:
    """Wait the way Streamlit's own e2e tests do: connected, script done, no skeletons."""
    page.wait_for_selector(APP_READY, timeout=timeout)
    page.wait_for_selector(SCRIPT_DONE, timeout=timeout)
    expect(page.locator(SKELETON)).to_have_count(0, timeout=timeout)
    # Widgets debounce before a rerun starts; let one start if it will.
    page.wait_for_timeout(250)
    page.wait_for_selector(SCRIPT_DONE, timeout=timeout)


def table_rows(page: Page) -> Locator:
    """The rows a person sees: the comparison table holds every option and
    hides those that do not fit the filters."""
    return page.locator(f"{TABLE} tbody tr").filter(visible=True)


def option_names(page: Page) -> list[str]:
    """The first cell of each row of the comparison table."""
    return [
        name.strip()
        for name in table_rows(page).locator("td:first-child, th:first-child").all_inner_texts()
    ]


def checkbox(page: Page, label: str) -> Locator:
    return page.get_by_role("checkbox", name=label, exact=True)


def nav_link(page: Page, name: str) -> Locator:
    return page.get_by_role("link", name=name)


def keyed(page: Page, key: str) -> Locator:
    """The element Streamlit made for a widget or container with this key."""
    return page.locator(f".st-key-{key}")


def open_filters(page: Page) -> None:
    """Unfold the Compare page's filters, as a person taps their heading."""
    fold = page.locator("[data-testid='stExpander'] summary").filter(has_text=FILTERS_LABEL)
    fold.click()
    filters_are_open(page)


def filters_are_open(page: Page) -> None:
    """Wait until the filters have unfolded all the way (Streamlit animates it)."""
    page.wait_for_function(
        """() => {
            const fold = document.querySelector(".st-key-filters details");
            return fold && fold.open && fold.getBoundingClientRect().height >= fold.scrollHeight;
        }"""
    )


def tick(page: Page, label: str) -> None:
    """Click a checkbox the way a person does: on its label."""
    page.locator("[data-testid='stCheckbox'] label").filter(has_text=label).click()


def choose(page: Page, question: str, answer: str) -> None:
    """Pick one answer of a radio question, by clicking its label."""
    page.get_by_role("radiogroup", name=question).get_by_text(answer, exact=True).click()


def multiselect_pick(page: Page, label: str, choices: list[str]) -> None:
    """Open a multiselect by its label and pick each choice from the list."""
    box = page.get_by_role("combobox", name=label)
    for choice in choices:
        wait_for_app(page)
        option = page.get_by_role("option", name=choice, exact=True)
        # A rerun that lands just after the click closes the list again.
        expect(box).to_be_visible()
        for _ in range(3):
            box.click()
            try:
                option.wait_for(timeout=3_000)
                break
            except PlaywrightTimeout:
                continue
        option.click()
    page.keyboard.press("Escape")
    wait_for_app(page)


# --- Keyboard only -------------------------------------------------------

_FOCUSED_NAME = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  // What a screen reader would say: skip hidden parts such as icon ligatures,
  // and a button's keyboard-shortcut hint (a kbd, said after the name).
  const visibleText = (node) => {
    const copy = node.cloneNode(true);
    copy.querySelectorAll("[aria-hidden='true'], [data-testid='stIconMaterial'], kbd")
      .forEach((hidden) => hidden.remove());
    return copy.textContent;
  };
  const label = el.closest("label");
  return (el.getAttribute("aria-label") || (label && visibleText(label))
          || visibleText(el) || el.value || "").trim();
}"""

# The box a person sees for the focused control. Checkboxes, radios and the
# slider keep their real <input> invisible; the visible part is the label, or
# the slider's thumb around it.
_FOCUSED_BOX = """() => {
  let el = document.activeElement;
  if (["checkbox", "radio", "range"].includes(el.type)) {
    el = el.closest("label") || el.parentElement.parentElement;
  }
  const box = el.getBoundingClientRect();
  return {x: box.x, y: box.y, width: box.width, height: box.height};
}"""


def focused_name(page: Page) -> str:
    """The accessible name (or label) of the element that has keyboard focus."""
    return " ".join(page.evaluate(_FOCUSED_NAME).split())


def tab_to(page: Page, name: str, *, backwards: bool = False, limit: int = 120) -> int:
    """Press Tab (or Shift+Tab) until focus is on the control named ``name``.

    Returns how many presses it took; fails if it is not reached in ``limit``.
    """
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if focused_name(page) == name:
            return presses
    raise AssertionError(f"{name!r} not reached with {limit} presses of {key}")


def focus_ring_pixels(page: Page) -> int:
    """How many pixels around the focused control change when focus leaves it.

    Shift+Tab moves focus away and Tab brings it back, both by keyboard, so
    the two pictures differ only by the focus indicator.
    """
    page.evaluate("document.activeElement.scrollIntoView({block: 'center'})")
    box = page.evaluate(_FOCUSED_BOX)
    pad = 8  # the ring sits outside the control
    clip = {
        "x": max(box["x"] - pad, 0),
        "y": max(box["y"] - pad, 0),
        "width": box["width"] + 2 * pad,
        "height": box["height"] + 2 * pad,
    }
    focused = page.screenshot(clip=clip, animations="disabled")
    page.keyboard.press("Shift+Tab")
    away = page.screenshot(clip=clip, animations="disabled")
    page.keyboard.press("Tab")
    difference = ImageChops.difference(
        Image.open(io.BytesIO(focused)).convert("RGB"), Image.open(io.BytesIO(away)).convert("RGB")
    )
    # A pale grey fill (about 20 levels) does not count; a real ring does.
    return sum(1 for pixel in difference.get_flattened_data() if max(pixel) > 80)


# --- Phones ------------------------------------------------------------------

_PHONE_AUDIT = """() => {
  const doc = document.documentElement;
  const main = document.querySelector("[data-testid='stMain']") || doc;
  const sideways = Math.max(
    doc.scrollWidth - doc.clientWidth, main.scrollWidth - main.clientWidth);
  const onScreen = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && r.right > 0 && r.left < innerWidth
      && s.visibility !== "hidden" && s.display !== "none";
  };
  const name = (el) =>
    (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40);
  const smallText = [];
  const texts = "p, li, label, span, td, th, button, input, textarea";
  const exempt = "[data-testid='stCaptionContainer'], svg, canvas, .vega-embed, "
    + "[data-testid='stSidebar']";
  for (const el of document.querySelectorAll(texts)) {
    if (!onScreen(el) || el.closest(exempt)) continue;
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) smallText.push(`${size}px: ${name(el)}`);
  }
  const smallTargets = [];
  const targets = "a, button, input, [role='checkbox'], [role='radio'], [role='button'], "
    + "[role='option'], [role='combobox']";
  for (const el of document.querySelectorAll(targets)) {
    if (!onScreen(el) || el.closest("[data-testid='stSidebar']") || el.type === "range") continue;
    // WCAG 2.5.8's inline exception: a link inside a sentence or a cell.
    if (el.tagName === "A" && el.closest("p, li, td")) continue;
    let box = el.getBoundingClientRect();
    // A checkbox or radio is tapped on its label, which holds it.
    const label = el.closest("label");
    if (["checkbox", "radio"].includes(el.type) && label) box = label.getBoundingClientRect();
    const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
    if (box.width < 24 || box.height < 24) smallTargets.push(`${size}: ${name(el)}`);
  }
  return {sideways: sideways, small_text: smallText, small_targets: smallTargets};
}"""


def phone_problems(page: Page) -> dict[str, object]:
    """What a phone page gets wrong: sideways scroll (px), text under 16 px, targets under 24 px."""
    return page.evaluate(_PHONE_AUDIT)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    assert page.locator(EXCEPTION).count() == 0


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.x A and AA findings on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    # Guard against a run that checked nothing (e.g. an empty page).
    passed = {rule["id"] for rule in results.response["passes"]}
    assert {"color-contrast", "document-title", "link-name", "target-size"} <= passed
    return [
        f"{v['id']} ({v['impact']}): " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]


def make_and_download_printout(
    page: Page,
    make: str = "Make my printout",
    download_words: str = "Download my printout (PDF)",
) -> bytes:
    """On "Questions for my visit": make the printout, then download it; its bytes.
    ``make`` and ``download_words`` are the buttons' words in the page's language."""
    page.get_by_role("button", name=make).click()
    download_button = page.get_by_role("button", name=download_words)
    expect(download_button).to_be_visible()
    with page.expect_download() as download:
        download_button.click()
    assert download.value.suggested_filename == "my-visit-notes-hemifacial-spasm.pdf"
    return download.value.path().read_bytes()


@contextlib.contextmanager
def phone_page(browser: Browser, width: int = 360, **options: Any) -> Iterator[Page]:
    """A touch-screen phone of ``width`` pixels (780 tall), in a context of its
    own; fails if the page raised a script error."""
    context = browser.new_context(
        viewport={"width": width, "height": 780},
        is_mobile=True,
        has_touch=True,
        accept_downloads=True,
        **options,
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors
