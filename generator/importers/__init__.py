"""Import stage: an existing export (LAPOR! open data, Open311, or any format a
mapping file describes) into an input folder as CONTRACT §1 describes it.

``run`` reads the source, converts it by its mapping (``mapping``, ``readers``,
``convert``), and writes ``agencies.csv``, ``complaints.csv`` and
``responses.csv`` into a folder beside OUT that replaces OUT only when every
row converted: on any problem InputError lists them all and OUT is untouched.
The importer does not scan free text for personal data: ``check`` and
``publish`` do, on the folder it writes.
"""

from __future__ import annotations

import csv
import json
import logging
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import ConfigError, InputError, PublishError
from . import convert, mapping, readers
from .mapping import FieldSpec, Mapping

logger = logging.getLogger(__name__)

MARKER = ".impor.json"  # left in OUT so a later import may replace it
AGENCY_COLUMNS = ("agency_id", "name")


@dataclass(frozen=True)
class Summary:
    """What an import did, for the command's report."""

    source: str
    mapping: str
    read: int
    complaints: int
    statuses: dict[str, int]
    agencies: int
    responses: int
    skipped: dict[str, int] = field(default_factory=dict)
    events_skipped: dict[str, int] = field(default_factory=dict)
    dropped_columns: tuple[str, ...] = ()
    dropped_reason: str = ""


def with_overrides(chosen: Mapping, **constants: str | None) -> Mapping:
    """The mapping with some input columns set to a constant (``--type``, ``--privacy``)."""
    fields = dict(chosen.fields)
    for target, value in constants.items():
        if value is not None:
            fields[target] = FieldSpec(target, value=value)
    return replace(chosen, fields=fields)


def _zone(name: str) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"zona waktu {name!r} tidak dikenal. Contoh: 'Asia/Jakarta', 'America/Chicago'."
        ) from exc


def _check_out(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out} adalah file, bukan folder.")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file() and not force:
        raise PublishError(
            f"folder {out} sudah berisi file yang bukan hasil impor sebelumnya; tidak ditimpa. "
            "Pilih folder baru, atau tambahkan --force untuk menggantinya."
        )


def _write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _replace(out: Path, tables: convert.Tables, summary: Summary) -> None:
    """Write the folder beside OUT, then swap it in: OUT is never half-written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.impor-", dir=out.parent))
    try:
        _write_csv(stage / "agencies.csv", AGENCY_COLUMNS, tables.agencies)
        _write_csv(stage / "complaints.csv", tuple(convert.COLUMNS), tables.complaints)
        _write_csv(stage / "responses.csv", convert.RESPONSE_COLUMNS, tables.responses)
        marker = {"source": summary.source, "mapping": summary.mapping, "read": summary.read}
        (stage / MARKER).write_text(json.dumps(marker, ensure_ascii=False) + "\n", "utf-8")
        stage.chmod(0o755)  # mkdtemp makes it private; an input folder is an ordinary one
        old = out.with_name(f".{out.name}.lama-{stage.name[-8:]}")
        if out.exists():
            out.rename(old)
        stage.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except OSError:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def run(
    source: Path,
    out: Path,
    chosen: Mapping,
    timezone: str = "",
    force: bool = False,
) -> Summary:
    """Import ``source`` into ``out`` by ``chosen``; InputError lists every problem
    (as SRC:ROW: COLUMN) and leaves ``out`` as it was. ``timezone`` places naive
    source times in that zone and converts offset ones to it."""
    zone = _zone(timezone or chosen.timezone)
    _check_out(out, force)
    header, records, problems = readers.read(source, chosen.formats, chosen.records)
    if any(p.fatal for p in problems):
        raise InputError(problems)
    logger.info("%s: %d baris dibaca", source.name, len(records))
    tables = convert.convert(chosen, source.name, header, records, zone)
    problems += tables.problems
    if problems:
        raise InputError(problems)
    summary = Summary(
        source=source.name,
        mapping=chosen.name,
        read=tables.read,
        complaints=len(tables.complaints),
        statuses=dict(sorted(Counter(c["status"] for c in tables.complaints).items())),
        agencies=len(tables.agencies),
        responses=len(tables.responses),
        skipped=dict(tables.skipped),
        events_skipped=dict(tables.events_skipped),
        dropped_columns=tables.dropped_columns,
        dropped_reason=chosen.not_imported_reason,
    )
    _replace(out, tables, summary)
    return summary


__all__ = ["MARKER", "Summary", "mapping", "run", "with_overrides"]
