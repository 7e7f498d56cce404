"""Render/write stage for share cards: the 1200×630 PNG images link previews show.

WhatsApp, Facebook and X show ``og:image`` when a page is shared. Each agency page
and ``/rapor/`` gets a card of its own figures; every other page (case pages
included) shares the one site card. A card is made only from aggregate figures
and names (agency, region, site): no report's text, so no ``rahasia`` report can
reach an image. What each card says is a ``Card`` of plain strings, made first
and tested; ``render`` only draws it.

The PNG bytes are the same for the same card: Pillow is pinned, the font is
Pillow's own built-in one (Aileron, drawn by the FreeType inside Pillow's wheel,
so no system font is read), and the file carries no metadata chunk or timestamp.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
from PIL import Image, ImageDraw, ImageFont

from . import formatting as fmt
from .scorecards import GRADES

WIDTH, HEIGHT = 1200, 630
SITE_CARD = "/kartu/situs.png"
RAPOR_CARD = "/kartu/rapor.png"
NOT_AVAILABLE = "tidak tersedia"

# The site's own colours (theme/static/css/site.css), light scheme.
INK = (26, 29, 33)
MUTED = (74, 85, 99)
ACCENT = (13, 74, 96)
SOFT = (242, 245, 247)
WHITE = (255, 255, 255)
# Grade: (background, text), as the site's grade badges; '' is "Data belum cukup".
GRADE_COLOURS = {
    "hijau": ((228, 243, 232), (20, 82, 38)),
    "kuning": ((255, 241, 199), (95, 66, 0)),
    "merah": ((252, 230, 230), (138, 27, 27)),
    "": (SOFT, MUTED),
}
# A strong band of the grade's colour down the left edge, so the grade reads at a glance.
GRADE_BANDS = {"hijau": (31, 122, 58), "kuning": (196, 142, 0), "merah": (178, 34, 34), "": MUTED}


def agency_card_path(agency_id: str) -> str:
    return f"/kartu/instansi/{agency_id.lower()}.png"


@dataclass(frozen=True)
class Stat:
    value: str
    label: str


@dataclass(frozen=True)
class Card:
    """What one card says, as plain strings; every string drawn is one of these."""

    kicker: str  # small line on top, e.g. "Jendela Aduan · Kabupaten Lampung Utara"
    title: str  # the big line(s): agency name, "Rapor instansi", or the site name
    grade: str = ""  # hijau | kuning | merah | '' (colour); only with grade_label
    grade_label: str = ""  # e.g. "Rapor: Merah"; '' draws no badge
    stats: tuple[Stat, ...] = ()
    footer: str = ""
    subtitle: str = ""  # a line under the title (the site card's description)

    def strings(self) -> tuple[str, ...]:
        """Every text the image holds, for tests and the alt text."""
        found = [self.kicker, self.title, self.subtitle, self.grade_label, self.footer]
        for s in self.stats:
            found += [s.value, s.label]
        return tuple(t for t in found if t)

    def alt(self) -> str:
        """The card in one sentence, for og:image:alt."""
        parts = [f"{self.kicker}: {self.title}" if self.kicker else self.title]
        if self.subtitle:
            parts.append(self.subtitle.rstrip("."))
        if self.grade_label:
            parts.append(self.grade_label)
        parts += [f"{s.label[:1].upper()}{s.label[1:]}: {s.value}" for s in self.stats]
        return ". ".join(parts) + "."


def figure_text(value: str | None) -> str:
    """A figure as drawn: NOT_AVAILABLE where it does not exist (never 0 or a dash)."""
    return NOT_AVAILABLE if value is None or value in ("", "–") else value


# -- drawing -------------------------------------------------------------------


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)  # Aileron, inside Pillow: no system font


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, lines: int) -> list[str]:
    """Words in at most ``lines`` lines of at most ``width`` px; the last ends in '…'."""
    found: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            found.append(line)
            line = word
    if line:
        found.append(line)
    if len(found) > lines:
        found = found[:lines]
        last = found[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        found[-1] = last + " …"
    return found


def _fit(draw, text: str, width: int, sizes: tuple[int, ...], lines: int):
    """The largest size at which ``text`` fits in ``lines`` lines, and those lines."""
    for size in sizes:
        font = _font(size)
        wrapped = _wrap(draw, text, font, width, lines + 1)
        if len(wrapped) <= lines:
            return font, wrapped
    font = _font(sizes[-1])
    return font, _wrap(draw, text, font, width, lines)


def render(card: Card) -> bytes:
    """The card as PNG bytes, 1200×630, the same bytes for the same card."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    band = GRADE_BANDS.get(card.grade, MUTED) if card.grade_label else ACCENT
    draw.rectangle((0, 0, 23, HEIGHT), fill=band)
    draw.rectangle((24, HEIGHT - 78, WIDTH, HEIGHT), fill=SOFT)
    left, right = 80, WIDTH - 80
    width = right - left
    y = 56
    kicker = _font(30)
    kicker_lines = _wrap(draw, card.kicker, kicker, width, 1)
    draw.text((left, y), kicker_lines[0] if kicker_lines else "", font=kicker, fill=MUTED)
    y += 62
    title_font, title_lines = _fit(draw, card.title, width, (72, 64, 56, 48), 2)
    for line in title_lines:
        # A stroke of the text's own colour: the built-in font has no bold face.
        draw.text((left, y), line, font=title_font, fill=INK, stroke_width=1, stroke_fill=INK)
        y += math.ceil(title_font.size * 1.2)
    if card.subtitle:
        font = _font(36)
        for line in _wrap(draw, card.subtitle, font, width, 2):
            draw.text((left, y), line, font=font, fill=MUTED)
            y += 46
    y += 18
    if card.grade_label:
        background, ink = GRADE_COLOURS.get(card.grade, GRADE_COLOURS[""])
        font = _font(40)
        box = (left, y, left + int(draw.textlength(card.grade_label, font=font)) + 56, y + 70)
        draw.rounded_rectangle(box, radius=14, fill=background, outline=ink, width=3)
        draw.text(
            (left + 28, y + 13),
            card.grade_label,
            font=font,
            fill=ink,
            stroke_width=1,
            stroke_fill=ink,
        )
        y += 100
    if card.stats:
        y = max(y, 350)  # figures sit at the same height on every card
        column = width // len(card.stats)
        value_font, missing_font, label_font = _font(52), _font(38), _font(26)
        for i, stat in enumerate(card.stats):
            x = left + i * column
            if stat.value == NOT_AVAILABLE:  # smaller and grey: not a figure to compare
                draw.text((x, y + 10), stat.value, font=missing_font, fill=MUTED)
            else:
                draw.text(
                    (x, y),
                    stat.value,
                    font=value_font,
                    fill=ACCENT,
                    stroke_width=1,
                    stroke_fill=ACCENT,
                )
            for j, line in enumerate(_wrap(draw, stat.label, label_font, column - 32, 2)):
                draw.text((x, y + 66 + j * 32), line, font=label_font, fill=MUTED)
    footer = _font(26)
    lines = _wrap(draw, card.footer, footer, width, 1)
    draw.text((left, HEIGHT - 56), lines[0] if lines else "", font=footer, fill=INK)
    buffer = io.BytesIO()
    # No pnginfo, no dpi: the file holds pixels only; level 9 is fixed, not Pillow's default.
    image.save(buffer, "PNG", optimize=False, compress_level=9)
    return buffer.getvalue()


def files(cards: Iterator[tuple[str, Card]]) -> Iterator[tuple[str, bytes]]:
    """(path under the site, PNG bytes) for each (path, card)."""
    for path, card in cards:
        yield path, render(card)


# -- what each card says ---------------------------------------------------------


class ShareCards:
    """The cards of one site, from its page views' aggregate figures only.

    ``views`` is a ``views.Views``; only its scorecard tables, agency names and
    settings are read, never a report's own text.
    """

    def __init__(self, views) -> None:
        self.views = views
        settings = views.settings
        self.site_name = settings.get("SITENAME", "Jendela Aduan")
        self.region = settings["REGION_NAME"]
        self.deadline = settings["SLA_RESPONSE_WORKDAYS"]
        as_of = views.dataset.as_of
        host = urlsplit(views.site_url).netloc
        when = f"Data per {fmt.long_date(as_of)}" if as_of is not None else ""
        self.footer = " · ".join(t for t in (host or self.site_name, when) if t)

    def _pct(self, value) -> Stat:
        shown = None if value is None or pd.isna(value) else fmt.percent(value)
        return Stat(figure_text(shown), f"ditanggapi dalam {self.deadline} hari kerja")

    def site(self) -> Card:
        row = self.views.rapor.period_row(None)
        return Card(
            self.region,
            self.site_name,
            stats=(
                Stat(fmt.number(int(row["received"])), "laporan warga diterima"),
                self._pct(row["pct_response_within_sla"]),
                Stat(fmt.number(len(self.views.dataset.published)), "kasus selesai bisa dibaca"),
            ),
            footer=self.footer,
            subtitle=self.views.settings["SITE_DESCRIPTION"],
        )

    def rapor(self) -> Card:
        table = self.views.rapor.table()
        counts = table["grade"].value_counts()
        row = self.views.rapor.period_row(None)
        stats = tuple(Stat(fmt.number(int(counts.get(g, 0))), f"instansi {g}") for g in GRADES)
        return Card(
            f"{self.site_name} · {self.region}",
            f"Rapor instansi {self.region}",
            stats=(*stats, self._pct(row["pct_response_within_sla"])),
            footer=self.footer,
        )

    def agency(self, agency_id: str) -> Card:
        row = self.views.rapor.table().loc[agency_id]
        grade = row["grade"] if row["grade"] in GRADES else ""
        label = f"Nilai: {grade.capitalize()}" if grade else "Nilai: data belum cukup"
        median = row["median_response_workdays"]
        median_text = None if pd.isna(median) else fmt.workdays(median)
        return Card(
            f"Rapor instansi · {self.region}",
            self.views.agency_names[agency_id],
            grade,
            label,
            (
                self._pct(row["pct_response_within_sla"]),
                Stat(figure_text(median_text), "median sampai tanggapan pertama"),
                Stat(fmt.number(int(row["received"])), "laporan diterima"),
            ),
            self.footer,
        )

    def all(self) -> Iterator[tuple[str, Card]]:
        """(path, card) for the site card, /rapor/'s and every agency's."""
        yield SITE_CARD, self.site()
        yield RAPOR_CARD, self.rapor()
        for agency_id in self.views.dataset.agencies["agency_id"]:
            yield agency_card_path(agency_id), self.agency(agency_id)
