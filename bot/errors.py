"""The exception tree. Adapters map their library's errors onto it at the boundary.

    BotError
    ├── UserError              the person running the bot must fix something (exit 2)
    │   └── ConfigError        configuration or register problems, every one listed
    ├── SourceError            a mailbox, calendar or outbox failed
    │   ├── TransientError     try again later, with back-off (network, throttling, 5xx)
    │   ├── AuthError          a person must act: credentials expired or permission missing
    │   └── MisconfiguredError the source is set up wrongly (bad URL, missing folder)
    └── MalformedInput         one input item (an email, an event) could not be read;
                               it is recorded and skipped, never fatal
"""

from __future__ import annotations

from dataclasses import dataclass


class BotError(Exception):
    """Base of everything protocol-bot raises on purpose."""


class UserError(BotError):
    """Something the user must fix; the CLI prints it without a traceback."""


@dataclass(frozen=True)
class Problem:
    """One configuration problem, printed as ``file:line: [section] key: message``."""

    file: str
    line: int | None
    section: str
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        section = f"[{self.section}] " if self.section else ""
        key = f"{self.key}: " if self.key else ""
        return f"{where}: {section}{key}{self.message}"


class ConfigError(UserError):
    """Carries every problem found, so the user can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class SourceError(BotError):
    """A source or outbox failed; ``source`` names which one (never a secret)."""

    def __init__(self, message: str, *, source: str = ""):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class TransientError(SourceError):
    """Retry later. ``retry_after`` is the server's hint in seconds, when it gave one."""

    def __init__(self, message: str, *, source: str = "", retry_after: float | None = None):
        self.retry_after = retry_after
        super().__init__(message, source=source)


class AuthError(SourceError):
    """Sign-in or permission failed: retrying will not help until a person acts."""


class MisconfiguredError(SourceError):
    """The source's settings are wrong (address, folder, URL)."""


class MalformedInput(BotError):
    """One item could not be read. ``where`` names the file or item id."""

    def __init__(self, message: str, *, where: str = ""):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)
