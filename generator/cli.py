"""Command line: build, check and sample (CONTRACT §3).

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

logger = logging.getLogger("generator")
ROOT = Path(__file__).resolve().parent.parent


def load_settings(path: Path, overrides: dict | None = None) -> dict:
    """Pelican settings from ``path`` with ours checked strictly; DATA made absolute."""
    from pelican.settings import read_settings

    if not path.is_file():
        raise ConfigError(f"Settings file '{path}' not found.")
    project_settings.check_names(path)
    config = read_settings(str(path), override=overrides or {})
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
    if report.problems:
        print(f"\n{len(report.problems)} masalah ditemukan.")
    else:
        print("Input bersih: tidak ada masalah.")
    print_counts(report.counts, sys.stdout)
    return 0 if report.ok else 1


def cmd_build(args) -> int:
    from jinja2 import TemplateError
    from pelican import Pelican
    from pelican.log import console as pelican_console

    from . import search
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
    output = Path(args.output).resolve()
    try:
        # Validate and scan first: bad input fails before anything is written.
        config = load_settings(Path(args.settings), overrides)
        counts = prepare(config).counts
        with staged(output) as stage:
            config["OUTPUT_PATH"] = str(stage)  # absolute already, as Pelican needs
            pelican_console.quiet = True
            Pelican(config).run()
            # Inside the staging step: a failed index leaves the old site as it was.
            indexed = None if args.no_search else search.index(stage)
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
            f"memori puncak {indexed.peak_rss_mib:.0f} MiB)."
        )
    files = sum(len(names) for _, _, names in os.walk(output))  # scandir: no stat per file
    print(f"Selesai: {files} file di {output} dalam {time.perf_counter() - started:.1f} detik.")
    return 0


def cmd_sample(args) -> int:
    from .sample import write_sample

    counts = write_sample(Path(args.out), args.cases, args.seed)
    print(", ".join(f"{name}: {n}" for name, n in counts.items()) + f" ditulis ke {args.out}")
    return 0


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


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    top.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    sub = top.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate and scan an input folder; writes nothing")
    check.add_argument("data", help="input folder")
    check.add_argument("--json", action="store_true", help="one JSON object on stdout")
    check.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    _pii_policy_argument(check)
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
        "--no-search",
        action="store_true",
        help="skip the search index (Pagefind), for benchmarks: the site's search then "
        "finds nothing, so never publish such a build",
    )
    _pii_policy_argument(build)
    build.set_defaults(run=cmd_build)

    sample = sub.add_parser("sample", help="write a deterministic sample input folder")
    sample.add_argument("out")
    sample.add_argument("--cases", type=int, default=2000)
    sample.add_argument("--seed", type=int, default=1)
    sample.set_defaults(run=cmd_sample)
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
