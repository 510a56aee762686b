"""PLOVER tables for the analysis: scores, quad classes and CAMEO codes (package data)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from allegiance.errors import ConfigError
from allegiance.models import EVENT_TYPES
from allegiance.yamlfile import load_yaml

QUADS: tuple[str, ...] = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


@dataclass(frozen=True, slots=True)
class PloverTables:
    """Scores by type and (type, mode), quad class by type, CAMEO code by type(:mode)."""

    type_scores: dict[str, float]
    mode_scores: dict[tuple[str, str], float]
    quad: dict[str, str]
    quad_numbers: dict[str, int]
    cameo: dict[str, str]

    def score(self, event_type: str, mode: str | None = None) -> float:
        if mode and (event_type, mode) in self.mode_scores:
            return self.mode_scores[(event_type, mode)]
        return self.type_scores.get(event_type, 0.0)

    def cameo_code(self, event_type: str, mode: str | None = None) -> str:
        if mode and f"{event_type}:{mode}" in self.cameo:
            return self.cameo[f"{event_type}:{mode}"]
        return self.cameo.get(event_type, "")

    def score_rows(self) -> list[tuple[str, str, float]]:
        """(type, mode, score) with mode '' for the type's base score: the SQL lookup table."""
        rows = [(t, "", s) for t, s in sorted(self.type_scores.items())]
        rows += [(t, m, s) for (t, m), s in sorted(self.mode_scores.items())]
        return rows


def _read_yaml(name: str) -> dict[str, Any]:
    try:
        text = resources.files("allegiance").joinpath("data", "plover", name).read_text("utf-8")
        data = load_yaml(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read PLOVER table {name}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"PLOVER table {name} is not a mapping")
    return data


def _check_types(names: object, where: str) -> None:
    unknown = sorted(set(names) - set(EVENT_TYPES))  # type: ignore[call-overload]
    if unknown:
        raise ConfigError(f"{where}: unknown PLOVER types {unknown}")


@functools.lru_cache(maxsize=1)
def tables() -> PloverTables:
    """The tables of ``data/plover/scores.yaml`` and ``cameo.yaml`` (read once)."""
    scores, cameo = _read_yaml("scores.yaml"), _read_yaml("cameo.yaml")
    _check_types(scores["types"], "scores.yaml types")
    _check_types(scores["quad"], "scores.yaml quad")
    modes = {
        (etype, str(mode)): float(value)
        for etype, table in scores.get("modes", {}).items()
        for mode, value in table.items()
    }
    return PloverTables(
        type_scores={k: float(v) for k, v in scores["types"].items()},
        mode_scores=modes,
        quad=dict(scores["quad"]),
        quad_numbers={k: int(v) for k, v in scores["quad_numbers"].items()},
        cameo={str(k): str(v) for k, v in cameo["codes"].items()},
    )
