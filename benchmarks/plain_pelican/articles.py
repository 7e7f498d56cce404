"""The plain-Pelican side of the benchmark: published reports as Markdown articles.

One article per report that our site publishes (CONTRACT §1.5: privacy publik or
anonim, status selesai), with Title, Date, Category, Slug, Tags and Summary, and a
body of the report's text followed by its response timeline as a Markdown list.
Only what the benchmark needs of the input contract is read; nothing is validated.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

SUMMARY_CHARS = 200
_SPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """Table ``name`` from ``folder`` (CSV, JSON or XLSX) as stripped strings, columns lower-case.

    Only what the benchmark needs of CONTRACT §1: encodings are UTF-8 (with or
    without BOM), falling back to Windows-1252; an absent table is empty.
    """
    paths = [
        p
        for p in sorted(folder.iterdir())
        if p.stem.lower() == name and p.suffix.lower() in (".csv", ".json", ".xlsx")
    ]
    if not paths:
        return pd.DataFrame()
    path = paths[0]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except UnicodeDecodeError:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="cp1252")
    elif suffix == ".json":
        frame = pd.DataFrame(json.loads(path.read_text(encoding="utf-8-sig"))).fillna("")
    else:
        frame = pd.read_excel(path, dtype=str, keep_default_na=False)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame.apply(lambda column: column.fillna("").astype(str).str.strip())


def one_line(text: str) -> str:
    """Text with every run of white space, line breaks included, made one space."""
    return _SPACE.sub(" ", text).strip()


def summary_of(body: str) -> str:
    """The body's first paragraph on one line, cut at a word near SUMMARY_CHARS."""
    first = one_line(_PARAGRAPH_BREAK.split(body.strip(), maxsplit=1)[0])
    if len(first) <= SUMMARY_CHARS:
        return first
    return first[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def article_markdown(report, events: list, agency_names: dict[str, str]) -> str:
    """One published report as a Pelican Markdown article: metadata, body, response timeline.

    The citizen's text is plain text (CONTRACT §1.2), so HTML in it is escaped,
    as our templates do; it is otherwise left to Markdown.
    """
    meta = [
        f"Title: {one_line(report.title)}",
        f"Date: {report.submitted_at}",
        f"Category: {one_line(report.category)}",
        f"Slug: {report.tracking_id.lower()}",
    ]
    if report.kecamatan:
        meta.append(f"Tags: {one_line(report.kecamatan).replace(',', ' ')}")
    meta.append(f"Summary: {html.escape(summary_of(report.body), quote=False)}")
    body = html.escape(report.body.replace("\r\n", "\n").replace("\r", "\n"), quote=False)
    lines = [*meta, "", body.strip(), "", "## Tindak lanjut", ""]
    lines.append(f"- {report.submitted_at} — Pelapor: laporan masuk")
    for event in events:
        actor = (
            agency_names.get(event.agency_id, event.agency_id)
            if (event.actor == "instansi")
            else event.actor.capitalize()
        )
        action = event.action.replace("_", " ")
        if event.action == "disposisi" and event.agency_id:
            action += f" ke {agency_names.get(event.agency_id, event.agency_id)}"
        text = f": {html.escape(one_line(event.text), quote=False)}" if event.text else ""
        lines.append(f"- {event.at} — {actor} ({action}){text}")
    return "\n".join(lines) + "\n"


@dataclass
class Published:
    """The reports our site publishes, their response events, and agency names by id."""

    reports: pd.DataFrame  # complaints rows, file order
    events: dict[str, list]  # tracking_id -> response rows (namedtuples), oldest first
    agency_names: dict[str, str]


def published_reports(data: Path) -> Published:
    """What our site publishes of ``data``: privacy publik or anonim, status selesai (§1.5).

    Shared by the plain-Pelican and the Hugo side of the benchmark.
    """
    complaints = read_table(data, "complaints")
    responses = read_table(data, "responses")
    agencies = read_table(data, "agencies")
    agency_names = dict(zip(agencies.get("agency_id", []), agencies.get("name", []), strict=False))
    if "kecamatan" not in complaints:
        complaints["kecamatan"] = ""
    published = complaints[
        complaints["privacy"].str.lower().isin(("publik", "anonim"))
        & (complaints["status"].str.lower() == "selesai")
    ]
    by_case: dict[str, list] = {}
    if len(responses):
        for column in ("agency_id", "text"):
            if column not in responses:
                responses[column] = ""
        responses = responses.assign(
            actor=responses["actor"].str.lower(), action=responses["action"].str.lower()
        )
        wanted = responses[responses["tracking_id"].isin(set(published["tracking_id"]))]
        # ISO 8601 strings in one format sort as times; stable keeps file order on ties.
        for event in wanted.sort_values("at", kind="stable").itertuples(index=False):
            by_case.setdefault(event.tracking_id, []).append(event)
    return Published(published, by_case, agency_names)


def write_articles(data: Path, content: Path) -> int:
    """Write one Markdown article per published report of ``data`` into ``content``.

    Published is what our site publishes (CONTRACT §1.5): privacy publik or
    anonim and status selesai. Returns the number of articles written.
    """
    found = published_reports(data)
    content.mkdir(parents=True, exist_ok=True)
    for report in found.reports.itertuples(index=False):
        events = found.events.get(report.tracking_id, [])
        text = article_markdown(report, events, found.agency_names)
        (content / f"{report.tracking_id.lower()}.md").write_text(text, encoding="utf-8")
    return len(found.reports)
