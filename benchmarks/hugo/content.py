"""The Hugo side of the benchmark: published reports as Hugo content files.

``write_site(data, folder)`` makes a Hugo site in ``folder``: the settings and
minimal theme of ``site/`` (copied) and one content file per report our site
publishes (CONTRACT §1.5) in ``content/kasus/<tracking_id lower-cased>.md``, so
that Hugo writes case pages at the same URLs as ours. Each file has JSON front
matter (title, date, taxonomies, the facts and the response timeline) and a
Markdown body of the report's text, HTML-escaped as our templates escape it.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from plain_pelican.articles import one_line, published_reports

SITE = Path(__file__).resolve().parent / "site"


def front_matter(report, events: list, agency_names: dict[str, str]) -> dict:
    """The front matter of one report: what single.html shows besides the body."""
    agency = agency_names.get(report.agency_id, report.agency_id)
    place = ", ".join(p for p in (report.desa, report.kecamatan) if p)
    timeline = [{"at": report.submitted_at, "actor": "Pelapor", "action": "laporan masuk"}]
    for event in events:
        actor = (
            agency_names.get(event.agency_id, event.agency_id)
            if event.actor == "instansi"
            else event.actor.capitalize()
        )
        action = event.action.replace("_", " ")
        if event.action == "disposisi" and event.agency_id:
            action += f" ke {agency_names.get(event.agency_id, event.agency_id)}"
        timeline.append({"at": event.at, "actor": actor, "action": action, "text": event.text})
    matter = {
        "title": one_line(report.title),
        "date": report.submitted_at,
        "tracking_id": report.tracking_id,
        "type": report.type.replace("_", " "),
        "categories": [one_line(report.category)],
        "instansi": [agency],
        "privacy": report.privacy,
        "channel": report.channel.replace("_", " "),
        "closed": report.closed_at,
        "place": place,
        "rating": report.rating,
        "timeline": timeline,
    }
    if report.kecamatan:
        matter["tags"] = [one_line(report.kecamatan)]
    return matter


def write_site(data: Path, folder: Path) -> int:
    """Write the Hugo site of ``data``'s published reports into ``folder``; returns their number."""
    found = published_reports(data)
    for column in ("channel", "closed_at", "desa", "rating"):
        if column not in found.reports:
            found.reports[column] = ""
    shutil.copytree(SITE, folder, dirs_exist_ok=True)
    content = folder / "content" / "kasus"
    content.mkdir(parents=True, exist_ok=True)
    for report in found.reports.itertuples(index=False):
        matter = front_matter(report, found.events.get(report.tracking_id, []), found.agency_names)
        body = html.escape(report.body.replace("\r\n", "\n").replace("\r", "\n"), quote=False)
        text = json.dumps(matter, ensure_ascii=False, indent=1) + "\n\n" + body.strip() + "\n"
        (content / f"{report.tracking_id.lower()}.md").write_text(text, encoding="utf-8")
    return len(found.reports)
