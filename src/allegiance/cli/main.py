"""The ``allegiance`` command group: every command, and errors as one line, never a traceback."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from allegiance.cli import analysis, core, demo, evaluate, serve, watch
from allegiance.cli.errors import UserError
from allegiance.errors import AllegianceError


class _Group(click.Group):
    """Turns library errors (and, as a last resort, bugs) into one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllegianceError as exc:
            raise UserError(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            silence_stdout()
            raise click.exceptions.Exit(0) from None
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            if logging.getLogger().isEnabledFor(logging.DEBUG):
                raise
            logging.getLogger(__name__).debug("internal error", exc_info=True)
            raise UserError(
                f"internal error ({type(exc).__name__}: {exc}); rerun with -vv"
            ) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="allegiance")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Turn news into the system of actors it describes: who did what to whom, with evidence."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _register_commands(group: click.Group) -> None:
    for register in (
        core.register,
        evaluate.register,
        demo.register,
        analysis.register,
        serve.register,
        watch.register,
    ):
        register(group)


_register_commands(cli)


def silence_stdout() -> None:
    """The reader of our output went away (``| head -1``): what is still buffered goes nowhere,
    quietly, instead of a second BrokenPipeError when Python flushes at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's stream)
        pass


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point. A closed pipe is the reader's choice: exit 0, quietly."""
    try:
        cli.main(args=argv, prog_name="allegiance")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)
    except SystemExit as done:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
            sys.exit(0)
        raise done from None
