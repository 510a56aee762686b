"""The command line: one click group, ``allegiance``, holding every command.

The only package that imports click or renders for the terminal; the commands parse options,
call the library and print. ``main`` is the console-script entry point.
"""

from allegiance.cli.main import cli, main

__all__ = ["cli", "main"]
