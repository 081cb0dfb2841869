"""Typed errors with a location and a hint; only the CLI turns them into text and exit codes."""

from __future__ import annotations


class ProccheckError(Exception):
    """Base of every error proccheck raises on purpose.

    `path` is the file (relative where possible) or URL, `where` a position inside it such as
    `12:5`, `/requirements/DO-01/level` or `Krav!C7`, and `hint` says how to fix it. `message`
    and `hint` are translated where the error is raised (`i18n.tr`), into the language of the run
    (`i18n.use_lang`; English unless set), because a report's problems copy them as text.
    """

    def __init__(
        self, message: str, *, path: str = "", where: str | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.where = where
        self.hint = hint

    def location(self) -> str:
        """`path:where`, or just the path when the position is unknown."""
        if self.path and self.where:
            return f"{self.path}:{self.where}"
        return self.path or (self.where or "")

    def __str__(self) -> str:
        location = self.location()
        return f"{location}: {self.message}" if location else self.message


class InputError(ProccheckError):
    """An input file or URL could not be read: malformed, too large, wrong kind."""


class RequirementSetError(InputError):
    """A requirement set is invalid or cannot be resolved (unknown builtin, cycle, bad field)."""


class ProbeError(InputError):
    """An API description could not be fetched or analysed."""


class UsageError(ProccheckError):
    """The command line asks for something impossible (unknown format, conflicting options)."""
