"""A plain A4 layout for the printouts, made with fpdf2 (no browser needed).

Black text on white, 12 pt body text or larger, no colour needed to read it.
The fonts are DejaVu Sans, shipped in ``treatments/fonts`` so that letters
outside Latin-1 print. A character the font lacks prints as "?", and the
page says so, rather than vanishing silently. A person may write their notes
in Arabic or Hebrew: those lines are shaped (letters joined) and laid out
right to left with HarfBuzz (``uharfbuzz``), and set against the right margin.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import SubsetMap, TTFFont

from treatments import i18n
from treatments.charts import CIRCLE_RADIUS, POLYGONS
from treatments.i18n import gettext

FONT_DIR = Path(__file__).parent / "fonts"
_FONT = "DejaVu"
BODY_PT = 12
HEADING_PT = 15
TITLE_PT = 20
_LINE = 5.0  # mm between lines of 12 pt text (12 pt is 4.2 mm)

# A picture of 100 people: each shape's name, and the centres of the people
# drawn in it, in a picture 100 units square (treatments.charts.icon_grid_people).
People = Sequence[tuple[str, Sequence[tuple[int, int]]]]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_RIGHT_TO_LEFT = frozenset({"R", "AL"})  # Unicode bidi classes: Hebrew, Arabic and the like
# Soft hyphens, no-break and other spaces: fpdf2 breaks at (or joins on) these
# by rules of its own, so text with them is broken by fpdf2 itself.
_FPDF_OWN_BREAKS = re.compile("[\u00ad\u00a0\u2000-\u200b\u205f\u3000\t\f]")
# fpdf2's own allowance when it asks whether a letter overflows a line.
_TOLERANCE = 1e-9


def _has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text)


def _direction(line: str) -> str:
    """``"rtl"`` or ``"ltr"``: the line's first strong letter decides, as in Unicode's rules."""
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT:
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


class Document(FPDF):
    # fpdf2 draws the footer through this hook; a subclass is its API for it.
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(_FONT, size=BODY_PT)
        self.cell(
            0,
            5,
            # fpdf2 writes the number of pages where "{nb}" stands, once it knows it.
            gettext("Page {page} of {pages}: {title}").format(
                page=self.page_no(), pages="{nb}", title=self.footer_text
            ),
            align="C",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )


def new_document(title: str, *, footer: str) -> Document:
    pdf = Document(orientation="portrait", unit="mm", format="A4")
    pdf.footer_text = footer
    pdf.set_margins(13, 12, 13)
    pdf.set_auto_page_break(auto=True, margin=15)
    _add_font(pdf, "", "DejaVuSans.ttf")
    _add_font(pdf, "B", "DejaVuSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_author(gettext("Hemifacial spasm: compare the treatments"))
    # The language of the run, which the document's words are in.
    pdf.set_lang(i18n.active())
    pdf.set_creator("treatments.printout")
    pdf.add_page()
    return pdf


@functools.cache
def _parsed_font(style: str, file_name: str) -> TTFFont:
    """A face as fpdf2 reads it, once a process: reading it measures each of
    the font's thousands of letters, and every printout needs the same."""
    holder = FPDF()
    holder.add_font(_FONT, style, FONT_DIR / file_name)
    return cast(TTFFont, holder.fonts[f"{_FONT.lower()}{style}"])


def _add_font(pdf: Document, style: str, file_name: str) -> None:
    """Gives a document its own copy of a parsed face. The letters' widths and
    names are shared; what a document changes is its own: the letters it uses
    (its subset map), and the fontTools font, which fpdf2 cuts down to those
    letters in place as it writes the file (opened lazily, so this is cheap).
    These are fpdf2 2.8's own fields of a font (the pin in requirements.txt);
    tests/treatments/test_printout.py makes one file after another to check
    that no document's letters reach the next."""
    font = copy.copy(_parsed_font(style, file_name))
    font.i = len(pdf.fonts) + 1
    font.ttfont = ttLib.TTFont(font.ttffile, recalcTimestamp=False, lazy=True)
    font.subset = SubsetMap(font)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    pdf.fonts[font.fontkey] = font


@dataclass
class Writer:
    """Writes text to the PDF, keeping what the font cannot show visible."""

    pdf: Document
    cmap: frozenset[int] = frozenset()
    replaced: bool = False

    def clean(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        text = _CONTROL.sub("", text.replace("\t", "    "))
        if not self.cmap:
            # Always a TrueType font here: the document registers DejaVu Sans first.
            font = self.pdf.current_font
            assert isinstance(font, TTFFont), "the printout's font is DejaVu Sans"
            self.cmap = frozenset(font.cmap)
        out = []
        for char in text:
            if char == "\n" or ord(char) in self.cmap:
                out.append(char)
            else:
                out.append("?")
                self.replaced = True
        return "".join(out)

    def title(self, text: str) -> None:
        self.pdf.set_font(_FONT, "B", TITLE_PT)
        self.pdf.multi_cell(0, 9, self.clean(text), align="L", new_x=XPos.LMARGIN)
        self.pdf.ln(1)

    def heading(self, text: str) -> None:
        # Keep a heading with at least three lines of what follows it.
        if self.pdf.will_page_break(_LINE * 4 + 4):
            self.pdf.add_page()
        self.pdf.ln(3)
        self.pdf.set_font(_FONT, "B", HEADING_PT)
        self.pdf.multi_cell(0, 8, self.clean(text), align="L", new_x=XPos.LMARGIN)
        self.pdf.ln(1)

    def para(self, text: str, *, bold: bool = False) -> None:
        self.pdf.set_font(_FONT, "B" if bold else "", BODY_PT)
        self._text(self.clean(text))

    def picture_beside(self, png: bytes, text: str, *, size: float) -> None:
        """A square picture (a QR code) at the left margin, ``size`` mm wide, text beside it."""
        if self.pdf.will_page_break(size + 2):
            self.pdf.add_page()
        x, y = self.pdf.l_margin, self.pdf.get_y()
        self.pdf.image(io.BytesIO(png), x=x, y=y, w=size, h=size)
        self.pdf.set_font(_FONT, "", BODY_PT)
        self.pdf.set_xy(x + size + 4, y + 2)
        self.pdf.multi_cell(
            self.pdf.epw - size - 4, _LINE, self.clean(text), align="L", new_x=XPos.LMARGIN
        )
        self.pdf.set_y(max(self.pdf.get_y(), y + size) + 2)

    def pictures(self, items: Sequence[tuple[str, People, Sequence[str]]], *, size: float) -> None:
        """Pictures of 100 people side by side, each ``(title, people, words)``:
        its title above, the people in black ``size`` mm wide, its words below;
        a row never splits across pages."""
        width = self.pdf.epw / len(items)
        self.pdf.set_font(_FONT, "", BODY_PT)
        titles = self._lines([self.clean(t) for t, _, _ in items], [width] * len(items), bold=True)
        words = self._lines([self.clean("\n".join(w)) for _, _, w in items], [width] * len(items))
        needed = self._height(titles) + size + 2 + self._height(words)
        if self.pdf.will_page_break(needed):
            self.pdf.add_page()
        x, y = self.pdf.l_margin, self.pdf.get_y()
        top = y + self._height(titles)
        for position, (_, people, _) in enumerate(items):
            left = x + position * width
            self.pdf.set_font(_FONT, "B", BODY_PT)
            for number, line in enumerate(titles[position]):
                self.pdf.set_xy(left, y + number * _LINE)
                self.pdf.cell(width - 2, _LINE, line, align="L")
            self._people(people, left, top, size)
            self.pdf.set_font(_FONT, "", BODY_PT)
            for number, line in enumerate(words[position]):
                self.pdf.set_xy(left, top + size + 2 + number * _LINE)
                self.pdf.cell(width - 2, _LINE, line, align="L")
        self.pdf.set_xy(self.pdf.l_margin, y + needed + 2)

    def _people(self, people: People, left: float, top: float, size: float) -> None:
        """The shapes of :mod:`treatments.charts`, drawn with the PDF's own
        circles and polygons: an SVG picture would be parsed again for every
        document, which took most of a handout's pictures' time."""
        scale = size / 100  # the picture is 100 by 100
        self.pdf.set_fill_color(0)
        for shape, centres in people:
            for x, y in centres:
                cx, cy = left + x * scale, top + y * scale
                if shape == "circle":
                    self.pdf.circle(cx, cy, CIRCLE_RADIUS * scale, style="F")
                else:
                    corners = [(cx + dx * scale, cy + dy * scale) for dx, dy in POLYGONS[shape]]
                    self.pdf.polygon(corners, style="F")

    def lines_to_write_on(self, count: int) -> None:
        """Ruled lines, the width of the page, for a person's own notes."""
        if self.pdf.will_page_break(count * 9):
            self.pdf.add_page()
        for _ in range(count):
            self.pdf.ln(9)
            y = self.pdf.get_y()
            self.pdf.line(self.pdf.l_margin, y, self.pdf.l_margin + self.pdf.epw, y)
        self.pdf.ln(3)

    def bullets(self, items: Iterable[str]) -> None:
        self.pdf.set_font(_FONT, "", BODY_PT)
        for item in items:
            self.pdf.set_x(self.pdf.l_margin)
            self.pdf.cell(6, _LINE, "•")
            self._text(self.clean(item))

    def _text(self, text: str) -> None:
        """Lines of text from the current x to the right margin.

        Without shaping, Arabic would print as loose letters and Hebrew and
        Arabic would run left to right, which no one can read. Shaping is slow,
        so only text with right-to-left letters gets it, a line at a time,
        because each line may run its own way.
        """
        if not _has_right_to_left(text):
            x = self.pdf.get_x()
            for line in self._wrap(text, self.pdf.w - self.pdf.r_margin - x):
                # A line at the foot of a page moves to the next page, at this x.
                self.pdf.set_x(x)
                self.pdf.cell(0, _LINE, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            return
        x = self.pdf.get_x()
        try:
            for line in text.split("\n"):
                self.pdf.set_x(x)
                direction = _direction(line)
                self.pdf.set_text_shaping(True, direction=direction)
                align = "R" if direction == "rtl" else "L"
                self.pdf.multi_cell(0, _LINE, line, align=align, new_x=XPos.LMARGIN)
        finally:
            self.pdf.set_text_shaping(False)

    def grid(self, header: Sequence[str], sections: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Options as columns; each question is a full-width row above its answers.

        Putting the question above the answers, rather than in a column of its
        own, gives each option more width, which keeps the printout short. A
        question never sits at the foot of a page apart from its answers, and
        the option names are repeated at the top of each new page.
        """
        widths = [self.pdf.epw / len(header)] * len(header)
        header = [self.clean(text) for text in header]
        # Each cell's text is broken into lines once, then drawn line by line:
        # line breaking is most of the time a printout takes.
        header_row = self._lines(header, widths, bold=True)
        self._row(header_row, widths, bold=True)
        for question, answers in sections:
            question_row = self._lines([self.clean(question)], [self.pdf.epw], bold=True)
            answer_row = self._lines([self.clean(a) for a in answers], widths)
            needed = self._height(question_row) + self._height(answer_row)
            if self.pdf.will_page_break(needed):
                self.pdf.add_page()
                self._row(header_row, widths, bold=True)
            if self.pdf.will_page_break(needed):
                # Taller than a whole page: print it as paragraphs, which can
                # run on across pages, rather than cut it off.
                self.para(question, bold=True)
                for name, answer in zip(header, answers, strict=True):
                    self.para(f"{name}: {answer}")
                continue
            self._row(question_row, [self.pdf.epw], bold=True)
            self._row(answer_row, widths)
        self.pdf.ln(1)

    _PAD = 1.2

    def _lines(
        self, cells: Sequence[str], widths: Sequence[float], *, bold: bool = False
    ) -> list[list[str]]:
        """Each cell's text broken into the lines that fit its width."""
        self.pdf.set_font(_FONT, "B" if bold else "", BODY_PT)
        lines = []
        for text, w in zip(cells, widths, strict=True):
            if _has_right_to_left(text):
                lines.append(self._multi_cell_lines(text, w - 2 * self._PAD))
            else:
                lines.append(self._wrap(text, w - 2 * self._PAD))
        return lines

    def _wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines that fit a cell ``width`` mm wide, in the
        current font, exactly where fpdf2's ``multi_cell`` breaks it: at the
        last space before the line overflows (the space dropped), else before
        the letter that overflows. fpdf2 sums a line's widths again for each
        letter it adds, which made line breaking most of a printout's time;
        this adds each letter once. Only for text whose width is the sum of its
        letters' (not shaped right-to-left text) and with no soft hyphens or
        unusual spaces, which fpdf2 treats in ways of its own;
        tests/treatments/test_pdf.py holds it to ``multi_cell``'s breaks."""
        if _FPDF_OWN_BREAKS.search(text):
            return self._multi_cell_lines(text, width)
        font = self.pdf.current_font
        assert isinstance(font, TTFFont), "the printout's font is DejaVu Sans"
        scale = self.pdf.font_size_pt * 0.001 / self.pdf.k
        widths = font.cw
        limit = width - 2 * self.pdf.c_margin + _TOLERANCE
        out: list[str] = []
        start, used, space_at, i = 0, 0.0, -1, 0
        while i < len(text):
            char = text[i]
            if char == "\n":  # ends its line, even an empty one
                out.append(text[start:i])
                start, used, i = i + 1, 0.0, i + 1
                continue
            char_width = widths[ord(char)] * scale
            if used + char_width > limit and i > start:
                if char == " ":  # an overflowing space ends the line, dropped
                    out.append(text[start:i])
                    start = i + 1
                elif space_at >= start:  # back to the line's last space
                    out.append(text[start:space_at])
                    start = space_at + 1
                else:  # a word longer than a line: between its letters
                    out.append(text[start:i])
                    start = i
                i, used = start, 0.0
                continue
            if char == " ":
                space_at = i
            used += char_width
            i += 1
        # The end of the text ends a line with letters in it; a text with none is one empty line.
        if start < len(text) or not out:
            out.append(text[start:])
        return out

    def _multi_cell_lines(self, text: str, width: float) -> list[str]:
        # With output="LINES", multi_cell returns just the lines (fpdf2's
        # return type is a union of every output it can make).
        return cast(
            "list[str]", self.pdf.multi_cell(width, _LINE, text, dry_run=True, output="LINES")
        )

    def _height(self, row: Sequence[Sequence[str]]) -> float:
        return max(len(lines) for lines in row) * _LINE + self._PAD

    def _row(
        self, row: Sequence[Sequence[str]], widths: Sequence[float], *, bold: bool = False
    ) -> None:
        """Draw one row of boxed cells from the lines :meth:`_lines` broke them into."""
        self.pdf.set_font(_FONT, "B" if bold else "", BODY_PT)
        height = self._height(row)
        x, y = self.pdf.l_margin, self.pdf.get_y()
        for lines, w in zip(row, widths, strict=True):
            self.pdf.rect(x, y, w, height)
            for number, line in enumerate(lines):
                self.pdf.set_xy(x + self._PAD, y + self._PAD / 2 + number * _LINE)
                self.pdf.cell(w - 2 * self._PAD, _LINE, line, align="L")
            x += w
        self.pdf.set_xy(self.pdf.l_margin, y + height)
