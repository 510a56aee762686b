"""Rendering rows for the terminal: table, JSON, JSON lines, CSV. Used by the CLI only."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import textwrap
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "jsonl", "csv")


TABLE_WIDTH = 100  # columns of a table unless COLUMNS says otherwise
_GAP = "  "
_MAX_LINES = 4  # of a wrapped text cell; the rest is cut with an ellipsis


def table_width() -> int:
    """The width tables fit: ``COLUMNS`` when set (at least 40), else 100."""
    raw = os.environ.get("COLUMNS", "")
    return max(40, int(raw)) if raw.isdigit() else TABLE_WIDTH


def _scalar(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_scalar(v)}" for k, v in value.items() if v is not None)
    return " ".join(str(value).split())  # one line per row, whatever the text holds


def _number(value: float) -> str:
    """Amounts short (``125 bn``, ``1.5 m``), counts whole, shares to three digits."""
    for size, unit in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def _items(value: Any) -> list[str] | None:
    """The items of a list cell (codes, ties ...), or None for a scalar."""
    if isinstance(value, list | tuple):
        return [_scalar(v) for v in value]
    return None


def _join(items: list[str]) -> str:
    return ", ".join(items)


def _cell(value: Any) -> str:
    items = _items(value)
    return _join(items) if items is not None else _scalar(value)


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _lines(value: Any, text: str, width: int) -> list[str]:
    """A cell in ``width`` characters: a list wraps between its items, a text is cut with an
    ellipsis (one line)."""
    if len(text) <= width:
        return [text]
    items = _items(value)
    if items:
        return [_cut(line, width) for line in _pack(items, width, sep=", ")]
    lines = textwrap.wrap(text, width) or [text]
    if len(lines) > _MAX_LINES:
        lines = [*lines[: _MAX_LINES - 1], _cut(" ".join(lines[_MAX_LINES - 1 :]), width)]
    return [_cut(line, width) for line in lines]


def _pack(parts: list[str], width: int, *, sep: str) -> list[str]:
    """``parts`` joined by ``sep`` into lines of at most ``width`` (a part longer than the
    width gets a line of its own)."""
    lines: list[str] = []
    current = ""
    for part in parts:
        joined = f"{current}{sep}{part}" if current else part
        if current and len(joined) > width:
            lines.append(current)
            current = part
        else:
            current = joined
    return [*lines, current]


def _header(name: str, width: int) -> list[str]:
    """A column name in ``width``: wrapped after its underscores (``inside_`` / ``positive``)."""
    return [_cut(line, width) for line in _pack(_header_parts(name), width, sep="")]


def _header_parts(name: str) -> list[str]:
    return re.findall(r"[^_]+_?|_", name) or [name]


def _floor(name: str, values: list[Any], texts: list[str]) -> int:
    """The narrowest a column gets: numbers whole, list items (codes) whole up to 16
    characters, texts 10; never narrower than the longest part of its name."""
    head = max(len(p) for p in _header_parts(name))
    if all(_numeric(v) or v is None for v in values):
        return max(head, *(len(t) for t in texts))
    items = [i for v in values for i in (_items(v) or ())]
    if items and all(_items(v) is not None or v is None for v in values):
        return max(head, min(max(len(i) for i in items), 16))
    words = [len(w) for t in texts for w in t.split()]
    return max(head, 10, min(max(words, default=0), 16))


def _last_floor(name: str, values: list[Any], texts: list[str]) -> int:
    """How narrow a column gets when the floors of every column do not fit: numbers, dates
    and single words stay whole, texts down to the longest part of the name (or 4)."""
    if not any(" " in t for t in texts):
        return _floor(name, values, texts)
    return max(4, *(len(p) for p in _header_parts(name)))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _fit(natural: list[int], floors: list[int], budget: int) -> list[int]:
    """Column widths within ``budget``: the widest column gives way first, none below its
    floor."""
    widths = list(natural)
    while sum(widths) > budget:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    return widths


def _columns(rows: Sequence[dict[str, Any]], width: int) -> list[str]:
    """The columns of the rows; those no row fills are left out of a table that would be too
    wide."""
    columns = list(rows[0])
    natural = sum(max(len(c), *(len(_cell(r.get(c))) for r in rows)) for c in columns)
    if natural + len(_GAP) * (len(columns) - 1) <= width:
        return columns
    return [c for c in columns if any(_cell(r.get(c)) for r in rows)] or columns


def render_table(rows: Sequence[dict[str, Any]], *, width: int | None = None) -> str:
    """Rows as aligned columns within ``width`` characters (default :func:`table_width`):
    numbers whole, lists wrapped between their items, long texts cut with an ellipsis, yes/no
    for booleans, blanks for unknown values."""
    if not rows:
        return "(no rows)"
    width = width or table_width()
    columns = _columns(rows, width)
    raw = [[r.get(c) for c in columns] for r in rows]
    texts = [[_cell(v) for v in row] for row in raw]
    natural = [max(len(c), *(len(row[i]) for row in texts)) for i, c in enumerate(columns)]
    floors = [
        min(natural[i], _floor(c, [row[i] for row in raw], [row[i] for row in texts]))
        for i, c in enumerate(columns)
    ]
    budget = width - len(_GAP) * (len(columns) - 1)
    widths = _fit(natural, floors, budget)
    if sum(widths) > budget:
        last = [
            min(natural[i], _last_floor(c, [row[i] for row in raw], [row[i] for row in texts]))
            for i, c in enumerate(columns)
        ]
        widths = _fit(widths, last, budget)

    def line(cells: Sequence[str]) -> str:
        return _GAP.join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    def block(cells: list[list[str]]) -> list[str]:
        return [
            line([c[n] if n < len(c) else "" for c in cells])
            for n in range(max(len(c) for c in cells))
        ]

    lines = block([_header(c, w) for c, w in zip(columns, widths, strict=True)])
    lines.append(_GAP.join("-" * w for w in widths))
    for values, cells in zip(raw, texts, strict=True):
        lines += block([_lines(v, c, w) for v, c, w in zip(values, cells, widths, strict=True)])
    return "\n".join(lines)


def render_csv(rows: Sequence[dict[str, Any]]) -> str:
    if not rows:
        return ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
    return buffer.getvalue().rstrip("\n")


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 90000000000, not 90000000000.0
    return value


def render(rows: Sequence[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in rows)
    if fmt == "csv":
        return render_csv(rows)
    return render_table(rows)
