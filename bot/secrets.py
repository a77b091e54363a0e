"""Secrets for adapters: read from ``<name>_env`` (an environment variable) or
``<name>_file`` (a file), never from the configuration file itself.

The value is wrapped in :class:`Secret`, whose ``repr``/``str`` show only where it
came from, so a secret that ends up in a log line, an exception or a traceback's
locals shows as ``Secret(env IMAP_PASSWORD)``. Errors name the variable or file,
never the value. :class:`SecretRef` reads the value again at each use, so a
password rotated in its file is picked up at the next connection without a restart.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.errors import MisconfiguredError

__all__ = ["Secret", "SecretRef", "secret_ref", "resolve_secret"]

# A secret file is a password or a token, not a document: refuse anything bigger,
# so that a wrong path (a log, a mailbox) is reported instead of sent to a server.
_MAX_FILE_BYTES = 64 * 1024


class Secret:
    """A secret value that does not print itself."""

    __slots__ = ("_value", "origin")

    def __init__(self, value: str, origin: str) -> None:
        self._value = value
        self.origin = origin

    def reveal(self) -> str:
        """The value, for the one call that sends it to a server."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({self.origin})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("a Secret cannot be pickled")


class SecretRef:
    """Where a secret lives (``env NAME`` or ``file PATH``); :meth:`get` reads it."""

    __slots__ = ("name", "env", "file", "source")

    def __init__(self, name: str, *, env: str | None = None, file: str | None = None,
                 source: str = "") -> None:  # fmt: skip
        if (env is None) == (file is None):
            raise ValueError("exactly one of env and file")
        self.name, self.env, self.file, self.source = name, env, file, source

    @property
    def origin(self) -> str:
        return f"env {self.env}" if self.env is not None else f"file {self.file}"

    def __repr__(self) -> str:
        return f"SecretRef({self.name}: {self.origin})"

    def get(self) -> Secret:
        """Read the secret now. Raises MisconfiguredError naming where it looked."""
        if self.env is not None:
            value = os.environ.get(self.env)
            if not value:
                raise MisconfiguredError(
                    f"{self.name}_env: environment variable {self.env} is not set or empty",
                    source=self.source,
                )
            return Secret(value, self.origin)
        assert self.file is not None
        path = Path(self.file)
        try:
            with path.open("rb") as fh:
                data = fh.read(_MAX_FILE_BYTES + 1)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise MisconfiguredError(
                f"{self.name}_file: cannot read {path} ({reason})", source=self.source
            ) from None
        if len(data) > _MAX_FILE_BYTES:
            raise MisconfiguredError(
                f"{self.name}_file: {path} is too large to be a secret", source=self.source
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise MisconfiguredError(
                f"{self.name}_file: {path} is not UTF-8 text", source=self.source
            ) from None
        # Editors add a final newline; a password never ends in one.
        value = text.rstrip("\r\n")
        if not value:
            raise MisconfiguredError(f"{self.name}_file: {path} is empty", source=self.source)
        return Secret(value, self.origin)


def secret_ref(
    options: Mapping[str, Any], name: str, *, source: str = "", required: bool = True
) -> SecretRef | None:
    """Where the secret ``name`` is configured in ``options``, checked (and read
    once, so a missing variable or file is reported at start-up, not at the first
    connection). None when it is optional and absent."""
    if name in options:
        raise MisconfiguredError(
            f"{name}: do not write secrets in the configuration; use {name}_env or {name}_file",
            source=source,
        )
    env, file = options.get(f"{name}_env"), options.get(f"{name}_file")
    if env is not None and file is not None:
        raise MisconfiguredError(f"give {name}_env or {name}_file, not both", source=source)
    if env is None and file is None:
        if required:
            raise MisconfiguredError(f"{name}_env or {name}_file is required", source=source)
        return None
    if env is not None and (not isinstance(env, str) or not env):
        raise MisconfiguredError(f"{name}_env must name an environment variable", source=source)
    if file is not None and (not isinstance(file, str) or not file):
        raise MisconfiguredError(f"{name}_file must be a path", source=source)
    ref = SecretRef(name, env=env, file=file, source=source)
    ref.get()
    return ref


def resolve_secret(
    options: Mapping[str, Any], name: str, *, source: str = "", required: bool = True
) -> Secret | None:
    """The secret ``name`` read now (see :func:`secret_ref`)."""
    ref = secret_ref(options, name, source=source, required=required)
    return None if ref is None else ref.get()
