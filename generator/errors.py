"""Domain exceptions and the problem record every stage reports into.

Stages collect every problem they find into a list and fail once at the end
(mysoc-validator style), so an officer fixing an export sees everything at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the input, located as a spreadsheet shows it.

    ``row`` is the spreadsheet row (header = 1, first record = 2); 0 means the
    problem concerns the whole file. ``column`` is empty for file-level problems.
    Messages never contain a personal-data match in full: callers mask it first.
    """

    file: str
    row: int
    column: str
    message: str
    tracking_id: str | None = None
    hint: str | None = field(default=None, compare=False)
    # Personal data and file-level problems cannot be skipped with SKIP_INVALID.
    fatal: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}" if self.row else self.file
        text = (
            f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )
        if self.tracking_id:
            text += f" [{self.tracking_id}]"
        if self.hint:
            text += f" (saran: {self.hint})"
        return text

    def as_json(self) -> dict:
        """The problem as the ``check --json`` contract shapes it."""
        data = asdict(self)
        data.pop("fatal")
        if data["tracking_id"] is None:
            data.pop("tracking_id")
        if data["hint"] is None:
            data.pop("hint")
        return data


class JendelaError(Exception):
    """Base of the project's exceptions; the CLI turns these into exit codes."""


class ConfigError(JendelaError):
    """A setting is unknown, mistyped or out of range."""


class PublishError(JendelaError):
    """The output folder cannot be replaced (a mount point, another build running, …)."""


class InputError(JendelaError):
    """The input folder has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem], counts: dict | None = None):
        self.problems = sorted(problems)
        self.counts = counts or {}
        super().__init__(f"{len(self.problems)} masalah pada input")


class PrivacyError(InputError):
    """Personal data was found in the input; never skippable."""


class SearchIndexError(JendelaError):
    """Building the search index (Pagefind) failed; the message ends with its log."""
