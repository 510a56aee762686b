"""Exit codes and the one-line user error of the command line."""

from __future__ import annotations

from typing import Any

import click

EXIT_PROBLEMS = 1  # some inputs were skipped
EXIT_ERROR = 2  # nothing useful could be done


class UserError(click.ClickException):
    """An error shown as one line ("error: ...") with exit code 2."""

    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)
