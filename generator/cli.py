"""Command line: build, check, import and sample (CONTRACT §3).

Domain exceptions become clear messages and exit codes here:
0 success, 1 bad input or personal data found, 2 bad settings or usage, or an
output folder that cannot be replaced, 3 the search index could not be built.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from . import settings as project_settings
from .errors import ConfigError, InputError, PrivacyError, PublishError, SearchIndexError
from .schema import PRIVACY_LEVELS, REPORT_TYPES

logger = logging.getLogger("generator")
ROOT = Path(__file__).resolve().parent.parent


def load_settings(path: Path, overrides: dict | None = None) -> dict:
    """Pelican settings from ``path`` with ours checked strictly; DATA made absolute."""
    from pelican.settings import read_settings

    if not path.is_file():
        raise ConfigError(f"Settings file '{path}' not found.")
    project_settings.check_names(path)
    overrides = {**_project_paths(path), **(overrides or {})}
    config = read_settings(str(path), override=overrides)
    config = project_settings.validate(config)
    data = Path(config["DATA"])
    if not data.is_absolute() and "DATA" not in (overrides or {}):
        data = path.resolve().parent / data
    config["DATA"] = str(data.resolve())
    if not config["JINJA_ENVIRONMENT"].get("autoescape"):
        raise ConfigError(
            "Setting 'JINJA_ENVIRONMENT' must keep autoescape=True. Hint: "
            "every text a person typed must be shown literally."
        )
    return config


def _project_paths(path: Path) -> dict:
    """Keep the project's content, theme and plugin folders for a settings file kept
    elsewhere (e.g. ``SETTINGS=../chicago.py`` doing ``from publishconf import *``).

    Pelican reads relative paths from beside the settings file; where nothing is
    there but the project has the folder, the project's is meant.
    """
    from pelican.settings import get_settings_from_file

    folder = path.resolve().parent
    if folder == ROOT:
        return {}
    local = get_settings_from_file(str(path))
    found: dict = {}
    for key in ("PATH", "THEME"):
        value = local.get(key)
        relative = isinstance(value, str) and not Path(value).is_absolute()
        if relative and not (folder / value).exists() and (ROOT / value).exists():
            found[key] = str(ROOT / value)
    plugins = local.get("PLUGIN_PATHS")
    if isinstance(plugins, list) and all(isinstance(p, str) for p in plugins):
        found["PLUGIN_PATHS"] = [
            str(ROOT / p)
            if not (folder / p / "generator").exists() and not Path(p).is_absolute()
            else p
            for p in plugins
        ]
    return found


def print_counts(counts: dict, stream) -> None:
    labels = {"complaints": "laporan", "responses": "tindak lanjut", "agencies": "instansi"}
    for table, c in counts.items():
        line = (
            f"{labels.get(table, table)}: {c['total']} baris = {c['published']} diterbitkan"
            f" + {c['counted_only']} hanya dihitung + {c['rejected']} ditolak"
        )
        print(line, file=stream)


def report_problems(error: InputError, stream) -> None:
    for problem in error.problems:
        print(str(problem), file=stream)
    also = ", termasuk data pribadi" if isinstance(error, PrivacyError) else ""
    print(
        f"\n{len(error.problems)} masalah pada input{also}; tidak ada yang diterbitkan.",
        file=stream,
    )


def cmd_check(args) -> int:
    from .pipeline import inspect

    overrides = {"DATA": str(Path(args.data).resolve())}
    if args.pii_policy:
        overrides["PII_POLICY"] = args.pii_policy
    if args.date_order:
        overrides["INPUT_DATE_ORDER"] = args.date_order
    config = load_settings(Path(args.settings), overrides)
    report = inspect(Path(config["DATA"]), config)
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0 if report.ok else 1
    for problem in sorted(report.problems):
        print(str(problem))
    for reason in report.reasons:  # rows that fall with a bad agency or event row
        print(reason)
    for note in report.redacted:  # PII_POLICY = "redact": replaced, not refused
        print(note)
    for warning in report.warnings:  # the input publishes, but some figures do not exist
        print(warning)
    if report.problems:
        print(f"\n{len(report.problems)} masalah ditemukan.")
    else:
        also = f" ({len(report.warnings)} peringatan di atas)" if report.warnings else ""
        print(f"Input bersih: tidak ada masalah{also}.")
    print_counts(report.counts, sys.stdout)
    return 0 if report.ok else 1


def cmd_build(args) -> int:
    from jinja2 import TemplateError
    from pelican import Pelican
    from pelican.log import console as pelican_console

    from . import releases, search
    from .generators import BUILD_KEY, Build
    from .output import staged
    from .pipeline import prepare

    started = time.perf_counter()
    overrides: dict = {}
    if args.data:
        overrides["DATA"] = str(Path(args.data).resolve())
    if args.skip_invalid:
        overrides["SKIP_INVALID"] = True
    if args.pii_policy:
        overrides["PII_POLICY"] = args.pii_policy
    if args.date_order:
        overrides["INPUT_DATE_ORDER"] = args.date_order
    if args.previous:
        overrides["PREVIOUS_RELEASE"] = str(Path(args.previous).resolve())
    output = Path(args.output).resolve()
    try:
        # Validate and scan first: bad input fails before anything is written.
        config = load_settings(Path(args.settings), overrides)
        dataset = prepare(config)
        counts = dataset.counts
        # Not a setting: where the release being replaced is (read before the swap).
        config["RELEASE_OUTPUT"] = str(output)
        with staged(output) as stage:
            config["OUTPUT_PATH"] = str(stage)  # absolute already, as Pelican needs
            # Prepared once, handed to the generator; unchanged pages are linked from output.
            config[BUILD_KEY] = Build(dataset, previous=str(output) if output.is_dir() else None)
            pelican_console.quiet = True
            Pelican(config).run()
            # Inside the staging step: a failed index leaves the old site as it was.
            # Shards unchanged since the published build are reused from ``output``.
            indexed = (
                None
                if args.no_search
                else search.index(stage, config["SEARCH_SHARD_CASES"], published=output)
            )
            # Last, after every other file: it lists their SHA-256.
            hashed = releases.seal(stage)
    except InputError as error:
        report_problems(error, sys.stderr)
        if error.counts:
            print_counts(error.counts, sys.stderr)
        print(f"Keluaran sebelumnya di {output} tidak diubah.", file=sys.stderr)
        return 1
    except SearchIndexError as error:
        print(f"Indeks pencarian gagal: {error}", file=sys.stderr)
        print(f"Keluaran sebelumnya di {output} tidak diubah.", file=sys.stderr)
        return 3
    except (OSError, TemplateError) as error:
        # A failure while rendering or writing: the staging folder is gone already.
        print(f"Build gagal: {type(error).__name__}: {error}", file=sys.stderr)
        print(f"Keluaran sebelumnya di {output} tidak diubah.", file=sys.stderr)
        return 1
    print_counts(counts, sys.stdout)
    if indexed is None:
        print("Indeks pencarian tidak dibuat (--no-search): pencarian di /cari/ tidak berfungsi.")
    else:
        print(
            f"Indeks pencarian: {indexed.pages} kasus, {indexed.words} kata dalam "
            f"{indexed.seconds:.1f} detik (CPU {indexed.cpu_seconds:.1f} detik, "
            f"memori puncak {indexed.peak_rss_mib:.0f} MiB); {indexed.shards} bagian, "
            f"{indexed.reused} di antaranya tidak berubah."
        )
    files = sum(len(names) for _, _, names in os.walk(output))  # scandir: no stat per file
    print(f"Rilis: SHA-256 {hashed} berkas di data/rilis.json dan data/rilis.sha256.")
    print(f"Selesai: {files} file di {output} dalam {time.perf_counter() - started:.1f} detik.")
    return 0


def cmd_sample(args) -> int:
    from .sample import write_sample

    counts = write_sample(Path(args.out), args.cases, args.seed)
    print(", ".join(f"{name}: {n}" for name, n in counts.items()) + f" ditulis ke {args.out}")
    return 0


def cmd_import(args) -> int:
    from . import importers

    if args.mapping:
        if len(args.paths) != 2:
            raise ConfigError(
                "dengan --mapping, sebutkan SRC dan OUT saja. Contoh: "
                "import --mapping pemetaan.toml ekspor.json data-saya/"
            )
        name, (source, out) = args.mapping, args.paths
    elif len(args.paths) != 3:
        raise ConfigError(
            "sebutkan format, SRC dan OUT. Contoh: import lapor ekspor.csv data-saya/ "
            "(format: lapor, open311; atau --mapping pemetaan.toml)"
        )
    else:
        name, source, out = args.paths
    chosen = importers.with_overrides(
        importers.mapping.load(name), type=args.type, privacy=args.privacy
    )
    try:
        summary = importers.run(Path(source), Path(out), chosen, args.timezone, args.force)
    except InputError as error:
        for problem in error.problems:
            print(str(problem), file=sys.stderr)
        print(
            f"\n{len(error.problems)} masalah pada {Path(source).name}; "
            f"{out} tidak dibuat atau diubah.",
            file=sys.stderr,
        )
        return 1
    print_import(summary, out)
    return 0


def print_import(summary, out: str) -> None:
    """The import's counts, in the officer's words."""
    statuses = ", ".join(f"{s} {n}" for s, n in summary.statuses.items())
    print(f"Sumber: {summary.source} ({summary.mapping})")
    print(f"Dibaca: {summary.read} baris")
    print(
        f"Diimpor: {summary.complaints} laporan ({statuses}), {summary.agencies} instansi, "
        f"{summary.responses} tindak lanjut"
    )
    skipped = sum(summary.skipped.values())
    reasons = ", ".join(f"{r}: {n}" for r, n in sorted(summary.skipped.items()))
    print(f"Dilewati: {skipped} baris" + (f" ({reasons})" if reasons else ""))
    for reason, n in sorted(summary.events_skipped.items()):
        print(f"Tindak lanjut dilewati: {n} ({reason})")
    if summary.dropped_columns:
        print(
            f"Tidak diimpor: kolom {', '.join(summary.dropped_columns)}"
            + (f" ({summary.dropped_reason})" if summary.dropped_reason else "")
        )
    print(f"Ditulis ke {out}: agencies.csv, complaints.csv, responses.csv.")
    print(f"Teks laporan belum diperiksa untuk data pribadi: jalankan make check DATA={out}")


def cmd_docs(args) -> int:
    from .docs import write

    for path in write(ROOT):
        print(f"{path} ditulis")
    return 0


def _pii_policy_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--pii-policy",
        choices=project_settings.SETTINGS["PII_POLICY"].choices,
        help="personal data in free text: stop (default) or redact to [disamarkan] "
        "(overrides PII_POLICY in the settings)",
    )


def _date_order_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--date-order",
        choices=project_settings.SETTINGS["INPUT_DATE_ORDER"].choices,
        help="order of day and month in input dates such as 31/12/2024: dmy (default) or "
        "mdy (overrides INPUT_DATE_ORDER in the settings)",
    )


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    top.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    sub = top.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate and scan an input folder; writes nothing")
    check.add_argument("data", help="input folder")
    check.add_argument("--json", action="store_true", help="one JSON object on stdout")
    check.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    _pii_policy_argument(check)
    _date_order_argument(check)
    check.set_defaults(run=cmd_check)

    build = sub.add_parser("build", help="build the site into OUTPUT, replacing it on success")
    build.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    build.add_argument("--data", help="input folder (default: DATA in the settings)")
    build.add_argument("--output", default="output")
    build.add_argument(
        "--skip-invalid",
        action="store_true",
        help="publish valid rows, reject invalid ones (never personal data)",
    )
    build.add_argument(
        "--previous",
        metavar="DIR",
        help="the release to compare with for /data/perubahan/: a copy of a published site's "
        "/data/ folder (overrides PREVIOUS_RELEASE; default: the release in --output)",
    )
    build.add_argument(
        "--no-search",
        action="store_true",
        help="skip the search index (Pagefind), for benchmarks: the site's search then "
        "finds nothing, so never publish such a build",
    )
    _pii_policy_argument(build)
    _date_order_argument(build)
    build.set_defaults(run=cmd_build)

    sample = sub.add_parser("sample", help="write a deterministic sample input folder")
    sample.add_argument("out")
    sample.add_argument("--cases", type=int, default=2000)
    sample.add_argument("--seed", type=int, default=1)
    sample.set_defaults(run=cmd_sample)
    imp = sub.add_parser(
        "import",
        help="turn an export (lapor, open311, or --mapping file.toml) into an input folder",
    )
    imp.add_argument("paths", nargs="+", metavar="[FORMAT] SRC OUT")
    imp.add_argument("--mapping", help="a mapping file (docs/import-mapping.md)")
    imp.add_argument("--type", choices=REPORT_TYPES, help="report type of every row")
    imp.add_argument("--privacy", choices=PRIVACY_LEVELS, help="privacy of every row")
    imp.add_argument(
        "--timezone", default="", help="zone of the source's times, e.g. America/Chicago"
    )
    imp.add_argument(
        "--force", action="store_true", help="replace OUT even if it is not an earlier import"
    )
    imp.set_defaults(run=cmd_import)
    docs = sub.add_parser(
        "docs", help="regenerate docs/input-format.md, docs/settings.md and docs/open-data.md"
    )
    docs.set_defaults(run=cmd_docs)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    level = logging.WARNING if args.quiet or getattr(args, "json", False) else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    # Pelican's own log and summary ("Processed 0 articles …") only confuse: ours follows.
    logging.getLogger("pelican").setLevel(max(level, logging.WARNING))
    try:
        return args.run(args)
    except ConfigError as error:
        print(f"Kesalahan pengaturan: {error}", file=sys.stderr)
        return 2
    except PublishError as error:
        print(f"Tidak dapat menerbitkan: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
