"""Handing a group the view an educator presents: its web address, and a QR code of it.

The address is built from the one the presenter's browser sees, so it is
right behind a proxy and under a base path. It opens the Compare page with
the deck's options: the table shows just those, and when there are two to
four they are also picked for the side-by-side cards.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

from treatments.address import LANG, SIDE_BY_SIDE, SIDE_BY_SIDE_COUNT
from treatments.filters import Filters, is_no_treatment, query_from_filters, treatment_kinds
from treatments.i18n import N_, gettext
from treatments.schema import Option


def app_root(page_url: str, page_path: str) -> str:
    """The app's own address, from the address of one of its pages.

    ``page_path`` is that page's path under the app (``"present"``; empty for
    the home page). Any query or fragment is dropped; a base path the app is
    served under (``/hfs/``) is kept.
    """
    scheme, host, path, _, _ = urlsplit(page_url)
    path = path.rstrip("/")
    if page_path and path.endswith("/" + page_path):
        path = path[: -len(page_path) - 1]
    return urlunsplit((scheme, host, path + "/", "", ""))


def compare_link(
    root: str,
    options: Sequence[Option],
    catalogue_options: Sequence[Option],
    language: str = "",
) -> str:
    """The Compare page at ``root``, showing ``options`` (as a deck holds them),
    in ``language`` (the presenter's) when one is given."""
    kinds = treatment_kinds(catalogue_options)
    filters = Filters(
        kinds=frozenset(option.kind for option in options if not is_no_treatment(option)),
        show_no_treatment=any(is_no_treatment(option) for option in options),
    )
    query = query_from_filters(filters, kinds)
    if len(options) in SIDE_BY_SIDE_COUNT:
        query |= SIDE_BY_SIDE.query(tuple(option.url_name for option in options))
    query |= LANG.query(language)
    return root + ("?" + urlencode(query, doseq=True) if query else "")


def address_in_words(url: str) -> str:
    """The address as a person types it: no scheme, no query, no trailing slash."""
    _, host, path, _, _ = urlsplit(url)
    return (host + path).rstrip("/")


# The words beside every code (slide, handout, PowerPoint), before the address,
# as messages: each place says them with ``gettext``.
TYPE_IT = N_("Or type:")
IT_OPENS = N_("The code opens:")


def qr_alt(url: str) -> str:
    """What a screen reader says for a code to scan: where it goes."""
    return gettext("A code to scan with a phone's camera. It opens {address}.").format(
        address=address_in_words(url)
    )


def qr_png(url: str, *, scale: int = 10) -> bytes:
    """A QR code of ``url`` as a PNG: black on white with the standard quiet zone.

    Error correction level M (15 %) survives a projector's glare and a little
    blur while keeping the code's squares large.
    """
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
