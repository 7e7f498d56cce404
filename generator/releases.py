"""Release identity: /data/rilis.json, /data/rilis.sha256 and per-case digests.

A release is named by what it publishes, never by the clock: its id is the
SHA-256 of its sorted per-case digests and of the open-data files' digests, so
the same published data gives the same id on any machine, on any day.

``case_digest`` is the one definition of "this case's published content" (its
published fields and its published events, as canonical JSON); the changelog
compares releases with it, and an incremental build can reuse it.

rilis.json is written in two steps: the generator writes it without ``files``,
then ``seal`` (after the search index and the sitemap, inside the staging
folder) adds the SHA-256 of every other file and writes rilis.sha256, which
``sha256sum -c`` reads, rilis.json included.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

FORMAT = "jendela-aduan-rilis/1"
RELEASE_FILE = "rilis.json"
SUMS_FILE = "rilis.sha256"
DATA_DIR = "data"
SHORT = 12  # hex digits of the id shown to people

# The published fields a case's digest covers: what the input says about it, as
# kasus.csv shows it. Figures derived from these and the settings (working days,
# in time or not) and the URL (it follows SITEURL) are left out: a change of
# holidays or of the domain is no change of a case.
CASE_DIGEST_FIELDS = (
    "tracking_id",
    "type",
    "title",
    "body",
    "category",
    "agency_id",
    "privacy",
    "channel",
    "status",
    "submitted_at",
    "closed_at",
    "kecamatan",
    "desa",
    "area_code",
    "lat",
    "lon",
    "rating",
)
EVENT_DIGEST_FIELDS = ("at", "actor", "action", "agency_id", "text")
# The open-data files whose bytes make a release's id (rilis.json and the
# changelog are about the release, not part of its data).
DATA_FILES = (
    "kasus.csv",
    "kasus.json",
    "tindak_lanjut.csv",
    "instansi.csv",
    "rapor.csv",
    "datapackage.json",
)
_HEX64 = re.compile(r"[0-9a-f]{64}")


def canonical_json(value) -> bytes:
    """Stable bytes for a JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def case_digest(case: Mapping[str, str], events: Iterable[Mapping[str, str]]) -> str:
    """SHA-256 (hex) of a case's published fields and its events, in timeline order.

    ``case`` is a kasus.csv row and ``events`` its tindak_lanjut.csv rows, as the
    cell texts of those files; a missing cell counts as ''. Equal published
    content gives an equal digest, whatever the order of the dict keys.
    """
    value = {
        "case": {name: case.get(name) or "" for name in CASE_DIGEST_FIELDS},
        "events": [{name: e.get(name) or "" for name in EVENT_DIGEST_FIELDS} for e in events],
    }
    return hashlib.sha256(canonical_json(value)).hexdigest()


def csv_rows(data: bytes | str) -> list[dict[str, str]]:
    """A published CSV file's rows as dicts of cell texts."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return list(csv.DictReader(io.StringIO(text, newline="")))


def events_by_case(events: Iterable[Mapping[str, str]]) -> dict[str, list[Mapping[str, str]]]:
    """tindak_lanjut.csv rows grouped by tracking_id, in file (timeline) order."""
    found: dict[str, list[Mapping[str, str]]] = {}
    for event in events:
        found.setdefault(event["tracking_id"], []).append(event)
    return found


def case_digests(
    cases: Iterable[Mapping[str, str]], events: Iterable[Mapping[str, str]]
) -> dict[str, str]:
    """Each published case's digest, keyed by its lower-cased tracking id, sorted."""
    grouped = events_by_case(events)
    found = {
        c["tracking_id"].lower(): case_digest(c, grouped.get(c["tracking_id"], [])) for c in cases
    }
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class Release:
    """One publication's identity, as rilis.json states it (``files`` added by ``seal``)."""

    id: str
    data_as_of: str | None  # ISO 8601, the dataset's "as of"
    previous: str | None  # the id of the release compared with; None for a first release
    counts: dict
    cases: dict[str, str]  # lower-cased tracking id -> case digest
    data_files: dict[str, str] = field(default_factory=dict)  # DATA_FILES -> SHA-256

    @property
    def short_id(self) -> str:
        return self.id[:SHORT]

    def as_json(self) -> dict:
        return {
            "format": FORMAT,
            "id": self.id,
            "short_id": self.short_id,
            "data_as_of": self.data_as_of,
            "previous": self.previous,
            "counts": self.counts,
            "cases": self.cases,
        }


def release_id(cases: Mapping[str, str], data_files: Mapping[str, str]) -> str:
    """The id of a release: SHA-256 over its sorted case digests and data files' digests."""
    return hashlib.sha256(
        canonical_json({"cases": sorted(cases.items()), "files": sorted(data_files.items())})
    ).hexdigest()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _dump(value: dict) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def write_draft(output: Path, release: Release) -> None:
    """data/rilis.json without ``files``; ``seal`` completes it after every other file."""
    target = output / DATA_DIR / RELEASE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_dump(release.as_json()))


def seal(output: Path) -> int:
    """Add every file's SHA-256 to data/rilis.json, then write data/rilis.sha256.

    Call last, after everything else is in ``output``. rilis.json lists every
    file but itself and rilis.sha256; rilis.sha256 lists every file but itself,
    rilis.json included, in ``sha256sum`` format with paths relative to the site
    root. Returns the number of files listed in rilis.json.
    """
    release_path = output / DATA_DIR / RELEASE_FILE
    sums_path = output / DATA_DIR / SUMS_FILE
    skip = {release_path, sums_path}
    files: dict[str, str] = {}
    for folder, dirs, names in os.walk(output):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path not in skip:
                files[path.relative_to(output).as_posix()] = file_digest(path)
    files = dict(sorted(files.items()))
    document = json.loads(release_path.read_text(encoding="utf-8"))
    document["files"] = files
    release_path.write_bytes(_dump(document))
    listed = {**files, f"{DATA_DIR}/{RELEASE_FILE}": file_digest(release_path)}
    lines = [f"{digest}  {name}\n" for name, digest in sorted(listed.items())]
    sums_path.write_text("".join(lines), encoding="utf-8", newline="\n")
    return len(files)


class NotARelease(ValueError):
    """A folder holds no valid rilis.json of this project; the message says why."""


@dataclass(frozen=True)
class Previous:
    """The release compared with: its rilis.json and the published files it kept."""

    folder: Path  # the /data/ folder
    id: str
    short_id: str
    data_as_of: str | None
    cases: dict[str, str]

    def file(self, name: str) -> Path | None:
        path = self.folder / name
        return path if path.is_file() else None


def data_folder(folder: Path) -> Path:
    """A site copy's /data/: ``folder/data`` when it holds rilis.json, else ``folder``."""
    inner = folder / DATA_DIR
    return inner if (inner / RELEASE_FILE).is_file() else folder


def read_previous(folder: Path) -> Previous:
    """The release in ``folder`` (a site or its /data/); raises NotARelease if there is none."""
    data = data_folder(folder)
    path = data / RELEASE_FILE
    if not path.is_file():
        raise NotARelease(f"{path} tidak ada")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotARelease(f"{path} tidak dapat dibaca: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise NotARelease(f"{path} bukan rilis.json dari Jendela Aduan (format {FORMAT!r})")
    ident, cases = document.get("id"), document.get("cases")
    good_cases = isinstance(cases, dict) and all(
        isinstance(k, str) and isinstance(v, str) and _HEX64.fullmatch(v) for k, v in cases.items()
    )
    if not isinstance(ident, str) or not _HEX64.fullmatch(ident) or not good_cases:
        raise NotARelease(f"{path}: id atau daftar kasus tidak sah")
    as_of = document.get("data_as_of")
    return Previous(data, ident, ident[:SHORT], as_of if isinstance(as_of, str) else None, cases)
