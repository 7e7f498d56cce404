"""Import mappings: which source column fills which input column, declared in TOML.

A mapping file says everything a format needs (docs/import-mapping.md): the
source's file kinds and record path, its date formats, and per input column
either source columns (first non-empty wins), a constant, a default, or a
table of source words. The two built-in formats are such files
(``lapor.toml``, ``open311.toml``); a third format needs a file, not code.
Mistakes in a mapping file are ConfigErrors naming the key, with a hint.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..schema import ACTIONS, ACTORS, COMPLAINTS

BUILTIN_DIR = Path(__file__).resolve().parent
BUILTIN = ("lapor", "open311")
FORMATS = ("csv", "xlsx", "json", "xml")
# The agency comes from the [agency] table, never from a plain column mapping.
TARGETS = tuple(c.name for c in COMPLAINTS.columns if c.name != "agency_id")


@dataclass(frozen=True)
class FieldSpec:
    """How one input column is filled: from source columns, a constant, a default."""

    target: str
    sources: tuple[str, ...] = ()  # first non-empty wins
    value: str | None = None  # a constant (the sources are then not read)
    default: str | None = None  # when every source cell is empty
    values: dict[str, str] = field(default_factory=dict)  # source word (lower-case) -> input word


@dataclass(frozen=True)
class EventSpec:
    """One event (a responses row) made from a date column of each source row."""

    at: tuple[str, ...]
    actor: str
    action: str
    text: tuple[str, ...] = ()
    status: str | None = None  # only for rows with this (input) status


@dataclass(frozen=True)
class Mapping:
    """A whole import mapping, checked."""

    name: str
    file: str
    formats: tuple[str, ...]
    records: str
    date_formats: tuple[str, ...]
    timezone: str
    not_imported: tuple[str, ...]
    not_imported_reason: str
    fields: dict[str, FieldSpec]
    agency_id: tuple[str, ...]
    agency_name: tuple[str, ...]
    missing_agency_id: str
    missing_agency_name: str
    events: tuple[EventSpec, ...]

    def source_columns(self) -> set[str]:
        """Every source column the mapping reads, lower-cased."""
        names = {s for f in self.fields.values() for s in f.sources}
        names |= set(self.agency_id) | set(self.agency_name)
        for event in self.events:
            names |= set(event.at) | set(event.text)
        return {n.lower() for n in names}


def _names(value: object, key: str, file: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(
        f"Mapping {file}: '{key}' must be a column name or a list of them. Value: {value!r}. "
        'Hint: from = "Status" or from = ["id", "TrackingID"].'
    )


def _unknown(keys: object, allowed: tuple[str, ...], where: str, file: str) -> None:
    for key in keys:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(allowed)}."
            raise ConfigError(f"Mapping {file}: unknown key '{key}' in {where}. Hint: {hint}")


def _text(table: dict, key: str, file: str, default: str = "") -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise ConfigError(
            f"Mapping {file}: '{key}' must be text. Value: {value!r}. Hint: {key} = \"...\""
        )
    return value


def _field(target: str, spec: object, file: str) -> FieldSpec:
    where = f"[complaints.{target}]"
    if isinstance(spec, str):  # shorthand: target = "SourceColumn"
        spec = {"from": spec}
    if not isinstance(spec, dict):
        raise ConfigError(
            f"Mapping {file}: {where} must be a table. Value: {spec!r}. "
            f'Hint: {target} = {{ from = "Column" }}.'
        )
    _unknown(spec, ("from", "value", "default", "values"), where, file)
    if ("from" in spec) == ("value" in spec):
        raise ConfigError(
            f"Mapping {file}: {where} needs exactly one of 'from' (source columns) or 'value' "
            f'(a constant). Hint: {{ from = "Column" }} or {{ value = "anonim" }}.'
        )
    words = spec.get("values", {})
    if not isinstance(words, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in words.items()
    ):
        raise ConfigError(
            f"Mapping {file}: {where} 'values' must map source words to input words. "
            'Hint: values = { Selesai = "selesai", Proses = "proses" }.'
        )
    column = next(c for c in COMPLAINTS.columns if c.name == target)
    for word in [*words.values(), spec.get("value"), spec.get("default")]:
        if column.choices and word is not None and word.lower() not in column.choices:
            raise ConfigError(
                f"Mapping {file}: {where} maps to {word!r}, not a value of {target}. "
                f"Hint: one of {', '.join(column.choices)}."
            )
    return FieldSpec(
        target,
        _names(spec["from"], f"{where} from", file) if "from" in spec else (),
        _text(spec, "value", file) if "value" in spec else None,
        _text(spec, "default", file) if "default" in spec else None,
        {k.strip().lower(): v.lower() for k, v in words.items()},
    )


def _event(spec: object, number: int, file: str) -> EventSpec:
    where = f"[[events]] number {number}"
    if not isinstance(spec, dict):
        raise ConfigError(f"Mapping {file}: {where} must be a table.")
    _unknown(spec, ("at", "actor", "action", "text", "status"), where, file)
    for key, choices in (("actor", ACTORS), ("action", ACTIONS)):
        if spec.get(key) not in choices:
            raise ConfigError(
                f"Mapping {file}: {where} '{key}' must be one of {', '.join(choices)}. "
                f"Value: {spec.get(key)!r}."
            )
    status = spec.get("status")
    if status is not None and status not in ("belum", "proses", "selesai"):
        raise ConfigError(
            f"Mapping {file}: {where} 'status' must be belum, proses or selesai. Value: {status!r}."
        )
    return EventSpec(
        _names(spec.get("at"), f"{where} at", file),
        spec["actor"],
        spec["action"],
        _names(spec["text"], f"{where} text", file) if "text" in spec else (),
        status,
    )


def parse(data: dict, file: str) -> Mapping:
    """A checked Mapping from a parsed TOML document; ConfigError names any mistake."""
    _unknown(data, ("source", "complaints", "agency", "events"), "the file", file)
    source = data.get("source", {})
    _unknown(
        source,
        ("name", "formats", "records", "date_formats", "timezone", "not_imported", "reason"),
        "[source]",
        file,
    )
    formats = tuple(source.get("formats", ("csv",)))
    if not formats or any(f not in FORMATS for f in formats):
        raise ConfigError(
            f"Mapping {file}: [source] formats must list some of {', '.join(FORMATS)}. "
            f"Value: {list(formats)!r}."
        )
    dates = source.get("date_formats", [])
    if not isinstance(dates, list) or not all(isinstance(d, str) and "%" in d for d in dates):
        raise ConfigError(
            f"Mapping {file}: [source] date_formats must be strftime patterns. Value: {dates!r}. "
            'Hint: ["%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H.%M"] (ISO 8601 is always accepted).'
        )
    complaints = data.get("complaints", {})
    _unknown(complaints, TARGETS, "[complaints]", file)
    fields = {target: _field(target, spec, file) for target, spec in complaints.items()}
    for column in COMPLAINTS.columns:
        if column.always_required and column.name != "agency_id" and column.name not in fields:
            raise ConfigError(
                f"Mapping {file}: [complaints] has no '{column.name}', which every report needs. "
                f'Hint: {column.name} = {{ from = "Column" }} or {{ value = "..." }}.'
            )
    agency = data.get("agency", {})
    _unknown(agency, ("id", "name", "missing_id", "missing_name"), "[agency]", file)
    if "id" not in agency:
        raise ConfigError(
            f"Mapping {file}: [agency] needs 'id', the source column(s) naming the agency. "
            'Hint: id = ["agency_code", "agency_name"].'
        )
    events = data.get("events", [])
    if not isinstance(events, list):
        raise ConfigError(f"Mapping {file}: 'events' must be an array of tables ([[events]]).")
    return Mapping(
        name=_text(source, "name", file, Path(file).stem),
        file=file,
        formats=formats,
        records=_text(source, "records", file),
        date_formats=tuple(dates),
        timezone=_text(source, "timezone", file),
        not_imported=tuple(source.get("not_imported", ())),
        not_imported_reason=_text(source, "reason", file),
        fields=fields,
        agency_id=_names(agency["id"], "[agency] id", file),
        agency_name=_names(agency.get("name", agency["id"]), "[agency] name", file),
        missing_agency_id=_text(agency, "missing_id", file, "tidak-diketahui"),
        missing_agency_name=_text(agency, "missing_name", file, "Instansi tidak disebut"),
        events=tuple(_event(e, i, file) for i, e in enumerate(events, start=1)),
    )


def load(name_or_path: str) -> Mapping:
    """A built-in mapping by name ('lapor', 'open311') or a mapping file by path."""
    path = BUILTIN_DIR / f"{name_or_path}.toml" if name_or_path in BUILTIN else Path(name_or_path)
    if not path.is_file():
        raise ConfigError(
            f"format atau berkas pemetaan '{name_or_path}' tidak ditemukan. Pilihan: lapor, "
            "open311, atau berkas .toml (docs/import-mapping.md)."
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Mapping {path.name} is not valid TOML: {exc}") from exc
    return parse(data, path.name)
