"""Exceptions of allegiance. Only the CLI and the API turn them into user-facing text."""


class AllegianceError(Exception):
    """Base class: every error we raise on purpose derives from this."""


class ConfigError(AllegianceError):
    """A setting is wrong: unknown model, unreadable actors file, bad option value."""


class ModelNotFoundError(ConfigError):
    """The spaCy pipeline named in the settings is not installed."""


class SourceError(AllegianceError):
    """An input could not be read as an article (unreadable, binary, empty, malformed)."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class StoreError(AllegianceError):
    """The database cannot be opened, migrated or written."""


class GoldFormatError(AllegianceError):
    """A gold file for evaluation is not in a format we read."""


class ModelFileError(ConfigError):
    """A trained model file shipped with allegiance is missing or corrupt."""


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (a library's may run to many), or its type
    name when it has none: what our errors quote of the one that caused them."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class UnknownActorError(ConfigError):
    """An actor code a user gave is neither in the knowledge base nor in the store."""

    def __init__(self, code: str, close: list[tuple[str, str]]) -> None:
        self.code = code
        self.close = close
        hint = ", ".join(f"{c} ({n})" if n and n != c else c for c, n in close)
        super().__init__(
            f"unknown actor code {code!r}; "
            + (f"close matches: {hint}" if hint else "no close match in the knowledge base")
        )
