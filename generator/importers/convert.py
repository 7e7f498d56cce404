"""Turn source records into the three input tables (CONTRACT §1), by a Mapping.

Every cell the mapping reads is checked here, and every problem is collected
as ``SRC:ROW: COLUMN: message`` with the source's own column name, so the
written folder passes ``check`` apart from what only ``check`` knows (personal
data in free text, MAP_BOUNDS). Rules no mapping file can state live here:
closed_at only for closed reports, agency IDs derived stably from the source's
agency codes, date-times written as ISO 8601 with their offset kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from ..errors import Problem
from ..schema import AREA_CODE_PATTERN, COMPLAINTS, ID_PATTERN, RESPONSES
from ..validators import show
from .mapping import FieldSpec, Mapping
from .readers import Record

COLUMNS = {c.name: c for c in COMPLAINTS.columns}
AGENCY_COLUMNS = ("agency_id", "name")
RESPONSE_COLUMNS = RESPONSES.column_names


@dataclass
class Tables:
    """The converted tables (rows as dicts of text) and what happened to each row."""

    agencies: list[dict[str, str]] = field(default_factory=list)
    complaints: list[dict[str, str]] = field(default_factory=list)
    responses: list[dict[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> rows
    events_skipped: Counter = field(default_factory=Counter)  # reason -> events
    dropped_columns: tuple[str, ...] = ()  # source columns present but not imported on purpose


def agency_code(value: str, hashed: bool = False) -> str:
    """A stable agency_id for a source code or name: itself when already a valid ID,
    else an ASCII slug, shortened with a hash of the value when over 40 characters
    (or when ``hashed``, to tell apart two values with the same slug)."""
    if ID_PATTERN.fullmatch(value) and not hashed:
        return value
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    if slug and len(slug) <= 40 and not hashed:
        return slug
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:10]
    return f"{slug[:29].rstrip('-')}-{digest}" if slug else f"instansi-{digest}"


def parse_moment(text: str, formats: tuple[str, ...], zone: ZoneInfo | None) -> str | None:
    """A source date-time as ISO 8601 text, or None if no format fits.

    ISO 8601 (year first, so never ambiguous) is tried first, then the mapping's
    formats in order. An offset in the source is kept (or converted to
    ``zone``); a naive time stays naive (read in the site's TIMEZONE), or is
    placed in ``zone`` when one is given.
    """
    try:
        moment = dt.datetime.fromisoformat(text)  # 3.11: '2015-01-05 10:19:53', offsets, Z
    except ValueError:
        moment = None
    for pattern in formats if moment is None else ():
        try:
            moment = dt.datetime.strptime(text, pattern)
            break
        except ValueError:
            continue
    if moment is None:
        return None
    if zone is not None:
        moment = moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    return moment.isoformat(timespec="seconds")


class RowConverter:
    """Converts one source row at a time; collects problems into ``problems``."""

    def __init__(self, mapping: Mapping, file: str, header: list[str], zone: ZoneInfo | None):
        self.mapping = mapping
        self.file = file
        self.header = set(header)
        self.zone = zone
        self.problems: list[Problem] = []

    def first(self, record: dict[str, str], names: tuple[str, ...]) -> tuple[str, str]:
        """The first non-empty cell among ``names`` and its column (as the mapping names
        it); ('', first name) when all are empty."""
        for name in names:
            value = record.get(name.lower(), "")
            if value:
                return value, name
        return "", names[0] if names else ""

    def problem(self, row: int, column: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(self.file, row, column, message, hint=hint))

    def value(self, spec: FieldSpec, record: dict[str, str], row: int) -> str:
        """One input cell, checked; '' (with a problem recorded) when it cannot be filled."""
        column = COLUMNS[spec.target]
        if spec.value is not None:
            return spec.value
        text, source = self.first(record, spec.sources)
        if not text and spec.default:
            text = spec.default
            if column.choices:  # a default is an input word already (mapping.py checks it)
                return text.lower()
        if not text:
            if column.always_required:
                self.problem(row, source, f"wajib diisi (untuk {spec.target})")
            return ""
        if spec.values:
            word = spec.values.get(text.lower())
            if word is None:
                known = ", ".join(sorted(spec.values))
                self.problem(
                    row,
                    source,
                    f"nilai {show(text)} tidak dikenal untuk {spec.target}",
                    f"yang dikenal: {known}; atau tambahkan ke berkas pemetaan",
                )
                return ""
            return word
        if column.kind == "enum":
            if text.lower() not in column.choices:
                self.problem(
                    row,
                    source,
                    f"nilai {show(text)} tidak dikenal untuk {spec.target}",
                    f"salah satu dari: {', '.join(column.choices)}",
                )
                return ""
            return text.lower()
        return self.typed(column.kind, column.max_length, text, source, row, spec.target)

    def typed(
        self, kind: str, limit: int | None, text: str, source: str, row: int, target: str
    ) -> str:
        if kind == "datetime":
            moment = self.moment(text, source, row)
            return moment or ""
        if kind == "id" and not ID_PATTERN.fullmatch(text):
            self.problem(
                row,
                source,
                f"{show(text)} tidak bisa menjadi {target}",
                "hanya huruf, angka, - dan _, paling panjang 40",
            )
            return ""
        if kind == "area_code":
            # Only a Kemendagri code is an area code; a portal's own area number is not.
            return text if AREA_CODE_PATTERN.fullmatch(text) else ""
        if kind == "float":
            try:
                return repr(float(text.replace(",", ".")))
            except ValueError:
                self.problem(row, source, f"{show(text)} bukan angka")
                return ""
        if kind == "int":
            try:
                return str(int(float(text)))
            except ValueError:
                self.problem(row, source, f"{show(text)} bukan bilangan bulat")
                return ""
        if limit is not None and len(text) > limit:
            self.problem(
                row, source, f"terlalu panjang ({len(text)} karakter, paling banyak {limit})"
            )
            return ""
        return text

    def moment(self, text: str, source: str, row: int) -> str | None:
        moment = parse_moment(text, self.mapping.date_formats, self.zone)
        if moment is None:
            formats = ", ".join(self.mapping.date_formats) or "ISO 8601"
            self.problem(
                row,
                source,
                f"{show(text)} bukan tanggal-waktu yang dikenali",
                f"format yang dikenali: {formats}, atau ISO 8601",
            )
        return moment


def _instant(text: str) -> dt.datetime:
    """An ISO text as a comparable moment (naive ones compared as they are)."""
    moment = dt.datetime.fromisoformat(text)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def convert(
    mapping: Mapping, file: str, header: list[str], records: list[Record], zone: ZoneInfo | None
) -> Tables:
    """The three input tables from ``records``; ``problems`` lists every problem found."""
    out = Tables(read=len(records))
    rows = RowConverter(mapping, file, header, zone)
    wanted = mapping.source_columns()
    out.dropped_columns = tuple(c for c in mapping.not_imported if c.lower() in set(header))
    for spec in mapping.fields.values():
        needed = spec.value is None and spec.default is None
        present = any(s.lower() in rows.header for s in spec.sources)
        if needed and COLUMNS[spec.target].always_required and not present:
            rows.problem(1, spec.sources[0], "kolom wajib tidak ada", _known(header))
    if not any(s.lower() in rows.header for s in mapping.agency_id):
        rows.problem(1, mapping.agency_id[0], "kolom instansi tidak ada", _known(header))
    if any(p.row == 1 for p in rows.problems):
        out.problems = rows.problems
        return out
    agencies: dict[str, str] = {}  # agency_id -> name
    codes: dict[str, str] = {}  # source code -> agency_id
    seen: dict[str, int] = {}  # tracking_id -> first row
    for row, record in records:
        if not any(record.get(c) for c in wanted):
            out.skipped["baris kosong"] += 1
            continue
        cells = {t: rows.value(spec, record, row) for t, spec in mapping.fields.items()}
        code, _ = rows.first(record, mapping.agency_id)
        name, _ = rows.first(record, mapping.agency_name)
        if code:
            if code not in codes:
                agency_id = agency_code(code)
                if agency_id in agencies:  # two codes, one slug: keep both apart
                    agency_id = agency_code(code, hashed=True)
                codes[code] = agency_id
                agencies[agency_id] = name or code
            cells["agency_id"] = codes[code]
        else:
            cells["agency_id"] = mapping.missing_agency_id
            agencies.setdefault(mapping.missing_agency_id, mapping.missing_agency_name)
        tracking_id = cells.get("tracking_id", "")
        if tracking_id in seen:
            source = mapping.fields["tracking_id"].sources[:1] or ("tracking_id",)
            rows.problem(
                row, source[0], f"{show(tracking_id)} sudah ada di baris {seen[tracking_id]}"
            )
        elif tracking_id:
            seen[tracking_id] = row
        if cells.get("status") != "selesai":
            cells["closed_at"] = ""  # only a closed report has a closing time (§1.2)
        elif not cells.get("closed_at"):
            spec = mapping.fields.get("closed_at")
            if spec is None or not spec.sources:
                status = mapping.fields["status"].sources[:1] or ("status",)
                rows.problem(row, status[0], "selesai, tetapi pemetaan tidak mengisi closed_at")
            elif not rows.first(record, spec.sources)[0]:  # (a bad date is reported already)
                rows.problem(row, spec.sources[0], "wajib diisi jika status selesai")
        _check_order(rows, mapping, record, row, cells)
        out.responses.extend(_events(rows, mapping, record, row, cells, out.events_skipped))
        out.complaints.append({c: cells.get(c, "") for c in COLUMNS})
    out.agencies = [{"agency_id": a, "name": agencies[a]} for a in sorted(agencies)]
    out.problems = rows.problems
    return out


def _known(header: list[str]) -> str:
    return f"kolom yang ada: {', '.join(h for h in header if h) or '(tidak ada)'}"


def _check_order(rows: RowConverter, mapping: Mapping, record, row: int, cells: dict) -> None:
    submitted, closed = cells.get("submitted_at"), cells.get("closed_at")
    if submitted and closed and _instant(closed) < _instant(submitted):
        source = rows.first(record, mapping.fields["closed_at"].sources)[1]
        rows.problem(row, source, "lebih awal dari waktu laporan masuk")


def _events(
    rows: RowConverter, mapping: Mapping, record, row: int, cells: dict, skipped: Counter
) -> list[dict[str, str]]:
    found = []
    for spec in mapping.events:
        if spec.status is not None and cells.get("status") != spec.status:
            continue
        text, source = rows.first(record, spec.at)
        if not text:
            continue
        at = rows.moment(text, source, row)
        if at is None:
            continue
        submitted = cells.get("submitted_at")
        if submitted and _instant(at) < _instant(submitted):
            rows.problem(row, source, "lebih awal dari waktu laporan masuk")
            continue
        agency = cells["agency_id"] if cells["agency_id"] != mapping.missing_agency_id else ""
        if not agency and (spec.action == "disposisi" or spec.actor == "instansi"):
            skipped[f"{spec.action} tanpa instansi"] += 1
            continue
        note = rows.first(record, spec.text)[0] if spec.text else ""
        event = {
            "tracking_id": cells.get("tracking_id", ""),
            "at": at,
            "actor": spec.actor,
            "action": spec.action,
            "agency_id": agency,
            "text": note,
        }
        found.append({c: event.get(c, "") for c in RESPONSE_COLUMNS})
    return found
