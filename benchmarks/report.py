"""The benchmark's printed report: the machine, one row per build, the republish, the targets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GB_MIB = 1e9 / 2**20  # the targets' GB are 10^9 bytes; memory is shown in MiB (2^20)


@dataclass
class Target:
    """One target of issue 12 and how this run stands against it."""

    what: str
    cases: int | None  # the N it is set at; None: any N
    value: float | None  # None: a build it needs did not run
    limit: float
    unit: str  # how value and limit read: "×", "s", "MiB", "%"

    @property
    def passed(self) -> bool | None:
        return None if self.value is None else self.value <= self.limit


def targets(outcome) -> list[Target]:
    """Issue 12's targets, each with this run's figure (None when not measured)."""
    best = outcome.best()
    ours, hugo = best.get("ours"), best.get("hugo")
    nosearch, again = best.get("nosearch"), best.get("republish")

    def ratio(m, to) -> float | None:
        return m.seconds / to.seconds if m and to else None

    wall, memory = (ours.seconds, ours.peak_tree_mib) if ours else (None, None)
    share = ratio(again, ours)
    return [
        Target("ours --no-search wall ≤ Hugo wall", 10_000, ratio(nosearch, hugo), 1.0, "×"),
        Target("ours wall ≤ 1.5 × Hugo wall", 10_000, ratio(ours, hugo), 1.5, "×"),
        Target("ours wall ≤ 120 s", 100_000, wall, 120, "s"),
        Target("ours peak memory ≤ 2.5 GB", 100_000, memory, 2.5 * GB_MIB, "MiB"),
        Target("1 % republish ≤ 15 % of the full build", None, share and 100 * share, 15, "%"),
        Target("ours wall ≤ 30 min", 1_000_000, wall, 1800, "s"),
        Target("ours peak memory ≤ 8 GB", 1_000_000, memory, 8 * GB_MIB, "MiB"),
    ]


def _verdict(target: Target, cases: int) -> str:
    if target.passed is None:
        return "not measured"
    word = "PASS" if target.passed else "MISS"
    if target.cases is not None and target.cases != cases:
        return f"{word} (indicative)"
    return word


def _number(value: float, unit: str) -> str:
    if unit == "×":
        return f"{value:.2f} ×"
    if unit == "%":
        return f"{value:.1f} %"
    return f"{value:,.1f} {unit}"


def print_targets(outcome) -> None:
    print(
        "targets (issue 12), from each build's fastest run; memory is the process tree's peak; "
        "'indicative': this run's N is not the target's"
    )
    for t in targets(outcome):
        at = "any N" if t.cases is None else f"N = {t.cases:,}"
        shown = "—" if t.value is None else _number(t.value, t.unit)
        limit = _number(t.limit, t.unit)
        print(f"  {t.what:<40} {at:<14} {shown:>13} (≤ {limit:>13})  {_verdict(t, outcome.cases)}")


def print_table(outcome, labels: dict[str, str]) -> None:
    """One row per build (its fastest run), with wall and CPU ratios to Hugo."""
    best = outcome.best()
    hugo = best.get("hugo")
    added = len(outcome.changes.added) if outcome.changes else 0
    header = (
        f"{'build':<22} {'N':>9} {'pages':>9} {'case pages':>10} {'wall s':>8} {'CPU s':>8} "
        f"{'tree MiB':>9} {'maxrss MiB':>10} {'pages/s':>8} {'wall/Hugo':>9} {'CPU/Hugo':>8}"
    )
    print(header)
    print("-" * len(header))
    for side, m in best.items():
        n = outcome.cases + (added if side in ("republish", "clean") else 0)
        wall = f"{m.seconds / hugo.seconds:.2f}" if hugo else "—"
        cpu = f"{m.cpu_seconds / hugo.cpu_seconds:.2f}" if hugo and hugo.cpu_seconds else "—"
        print(
            f"{labels[side]:<22} {n:>9,} {m.pages:>9,} {m.case_pages:>10,} {m.seconds:>8.2f} "
            f"{m.cpu_seconds:>8.2f} {m.peak_tree_mib:>9.0f} {m.maxrss_mib:>10.0f} "
            f"{m.pages_per_second:>8.1f} {wall:>9} {cpu:>8}"
        )


def print_republish(outcome) -> None:
    changes, comparison, best = outcome.changes, outcome.comparison, outcome.best()
    if changes is None or "republish" not in best or "ours" not in best:
        return
    again, full = best["republish"], best["ours"]
    print(
        f"1 % republish: of {changes.reports:,} reports {len(changes.edited):,} edited "
        f"({changes.answers_edited:,} with an answer changed), {len(changes.added):,} added, "
        f"{len(changes.withdrawn):,} withdrawn (made rahasia); published over the last full "
        f"build's output in {again.seconds:.2f} s = {100 * again.seconds / full.seconds:.1f} % "
        f"of the full build's wall time (CPU {100 * again.cpu_seconds / full.cpu_seconds:.1f} %)"
    )
    if comparison is not None:
        if comparison.differences == 0:
            print(
                f"byte-identity: the republished output equals a clean build of the changed "
                f"input ({comparison.files:,} files, 0 differ)"
            )
        else:
            examples = (comparison.differing + comparison.only_first + comparison.only_second)[:5]
            print(
                f"byte-identity: {comparison.differences:,} of {comparison.files:,} files differ "
                f"from a clean build of the changed input ({len(comparison.differing):,} differ, "
                f"{len(comparison.only_first):,} only in the republished output, "
                f"{len(comparison.only_second):,} only in the clean one), e.g. "
                + ", ".join(examples)
            )


def print_report(outcome, root: Path, labels: dict[str, str]) -> None:
    """Print the machine, the table of builds, the search step, the republish and the targets."""
    info, cases = outcome.machine, outcome.cases
    where = Path(outcome.input)
    where = where.relative_to(root) if where.is_relative_to(root) else where
    published = outcome.published_reports
    print()
    print(f"Jendela Aduan publish benchmark — N = {cases:,} reports, seed {outcome.seed}")
    print(
        f"machine: {info['nproc']} usable cores (os.cpu_count {info['cpu_count']}), "
        f"{info['cpu'] or '?'}, {info['memory']} ({info['available']} available), {info['os']}"
    )
    print(f"python {info['python']}, pelican {info['pelican']}, hugo {info['hugo']}")
    before = " ".join(f"{x:.2f}" for x in outcome.load_before)
    after = " ".join(f"{x:.2f}" for x in outcome.load_after)
    print(f"load average (1, 5, 15 min): {before} before; {after} after")
    print(
        f"input: {where} ({'reused' if outcome.reused else 'fresh'})"
        + (f"; {published:,} published reports" if published is not None else "")
    )
    for note in outcome.notes:
        print(f"note: {note}")
    print()
    print_table(outcome, labels)
    print()
    best = outcome.best()
    repeats: dict[str, list[float]] = {}
    for m in outcome.runs:
        repeats.setdefault(m.side, []).append(m.seconds)
    if any(len(times) > 1 for times in repeats.values()):
        shown = "; ".join(
            f"{side} " + ", ".join(f"{t:.2f}" for t in times)
            for side, times in repeats.items()
            if len(times) > 1
        )
        print(f"fastest of {max(map(len, repeats.values()))} runs shown; all wall seconds: {shown}")
    index = best["ours"].index if "ours" in best else None
    if index is not None:
        print(
            f"search index (Pagefind, part of ours): {index.seconds:.2f} s, "
            f"CPU {index.cpu_seconds:.2f} s, its own peak RSS {index.peak_rss_mib:.0f} MiB; "
            f"{index.pages:,} pages, {index.words:,} distinct words, "
            f"{index.words_per_page:.1f} indexed words per page"
        )
    for side in ("ours", "nosearch", "plain", "hugo"):
        m = best.get(side)
        if m and published is not None and m.case_pages != published:
            print(
                f"note: {labels[side]} wrote {m.case_pages:,} case pages for {published:,} "
                "published reports"
            )
    print_republish(outcome)
    busy = max(outcome.load_before[0], outcome.load_after[0])
    if busy > 0.5 * int(info["nproc"]):
        print(
            f"note: the machine was busy (load {busy:.1f} on {info['nproc']} cores), so wall "
            "times are noisy; CPU seconds are steadier, or use --repeat"
        )
    print()
    print_targets(outcome)
    if outcome.writing_seconds:
        untimed = ", ".join(f"{what} {s:.1f} s" for what, s in outcome.writing_seconds.items())
        print(f"(not counted: writing {untimed})")
