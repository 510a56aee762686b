"""The watcher's inputs: the feeds file, the rules file and poll intervals ("15m").

Feeds file, plain text (one URL a line, ``#`` comments, ``page URL`` for a page to re-read
when it changes)::

    https://example.org/world/rss.xml
    page https://example.org/briefing.html

or YAML::

    feeds:
      - https://example.org/world/rss.xml
      - {url: https://example.org/atom.xml, content: entry}  # use the entry text, no page fetch
    pages:
      - https://example.org/briefing.html

Rules file (YAML); ``actors``/``dyads`` at the top are the default scope of every rule::

    actors: [UKR]
    dyads: [HUN-RUS, USA-UKR]
    rules:
      - sign_change                           # a watched relation turns (+ to - or - to +)
      - {when: camp_join, actors: [UKR]}      # an actor joins the camp of UKR
      - {when: aid_above, usd: 1e9}           # new aid to/from a watched actor of at least $1bn
      - {when: first_asserted, actors: [BRA]} # first time a hypothetical event is asserted
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from allegiance.errors import ConfigError
from allegiance.models import FACTUALITIES

RULE_KINDS: tuple[str, ...] = ("sign_change", "camp_join", "aid_above", "first_asserted")
FREQS: tuple[str, ...] = ("day", "week", "month")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")


@dataclass(frozen=True, slots=True)
class Source:
    """One polled URL: a feed (its new entries are ingested) or a page (re-read when changed)."""

    url: str
    kind: Literal["feed", "page"] = "feed"
    content: Literal["page", "entry"] = "page"  # feeds: fetch each entry's link, or use the entry


@dataclass(frozen=True, slots=True)
class Rule:
    """What counts as a shift, and for which actors or dyads (empty = all)."""

    kind: str
    name: str
    actors: tuple[str, ...] = ()
    dyads: tuple[tuple[str, str], ...] = ()
    usd: float = 0.0
    freq: str = "day"
    include: tuple[str, ...] = ("asserted",)

    def watches(self, source: str, target: str) -> bool:
        """Whether a dyad (either direction) is in scope of this rule."""
        if not self.actors and not self.dyads:
            return True
        if source in self.actors or target in self.actors:
            return True
        return (source, target) in self.dyads or (target, source) in self.dyads


def parse_interval(text: str | float | int) -> float:
    """Seconds in "30s", "15m", "1h", "1h30m", "2d" or a bare number of seconds."""
    if isinstance(text, int | float):
        seconds = float(text)
    else:
        value = text.strip().lower()
        if re.fullmatch(r"\d+(?:\.\d+)?", value):
            seconds = float(value)
        elif value and _INTERVAL.sub("", value).strip() == "":
            seconds = sum(float(n) * _UNITS[u] for n, u in _INTERVAL.findall(value))
        else:
            raise ConfigError(f"not an interval: {text!r} (use e.g. 30s, 15m, 1h)")
    if seconds <= 0:
        raise ConfigError(f"interval must be positive: {text!r}")
    return seconds


# -- feeds file -------------------------------------------------------------------------------
def load_sources(path: str | Path) -> list[Source]:
    """The sources of a feeds file (YAML when it parses as a mapping, else plain lines)."""
    text = _read(path)
    data = _yaml(text, path) if _looks_like_yaml(text) else None
    sources = _yaml_sources(data, path) if isinstance(data, dict) else _line_sources(text, path)
    if not sources:
        raise ConfigError(f"{path}: no feeds or pages listed")
    return sources


def _looks_like_yaml(text: str) -> bool:
    return bool(re.search(r"^(feeds|pages)\s*:", text, re.M))


def _line_sources(text: str, path: str | Path) -> list[Source]:
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r"\s+#.*$", "", raw).strip()
        if not line or line.startswith("#"):
            continue
        words = line.split()
        if len(words) == 2 and words[0] in ("feed", "page"):
            out.append(Source(url=_url(words[1], f"{path}:{number}"), kind=words[0]))  # type: ignore[arg-type]
        elif len(words) == 1:
            out.append(Source(url=_url(words[0], f"{path}:{number}")))
        else:
            raise ConfigError(f"{path}:{number}: expected 'URL' or 'page URL', got {line!r}")
    return out


def _yaml_sources(data: dict[str, Any], path: str | Path) -> list[Source]:
    out = [_source(item, "feed", path) for item in _list(data.get("feeds"), "feeds", path)]
    out += [_source(item, "page", path) for item in _list(data.get("pages"), "pages", path)]
    return out


def _source(item: Any, kind: str, path: str | Path) -> Source:
    if isinstance(item, str):
        return Source(url=_url(item, str(path)), kind=kind)  # type: ignore[arg-type]
    if not isinstance(item, dict) or "url" not in item:
        raise ConfigError(f"{path}: each {kind} is a URL or a mapping with 'url'")
    content = str(item.get("content", "page"))
    if content not in ("page", "entry"):
        raise ConfigError(f"{path}: content must be 'page' or 'entry', got {content!r}")
    return Source(url=_url(str(item["url"]), str(path)), kind=kind, content=content)  # type: ignore[arg-type]


def _url(text: str, where: str) -> str:
    if not re.match(r"https?://[^\s/]+", text):
        raise ConfigError(f"{where}: not an http(s) URL: {text!r}")
    return text


# -- rules file -------------------------------------------------------------------------------
def load_rules(path: str | Path) -> list[Rule]:
    """The rules of a rules file; :class:`ConfigError` naming the file on any mistake."""
    data = _yaml(_read(path), path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with 'rules'")
    actors = _codes(data.get("actors"), path)
    dyads = _dyads(data.get("dyads"), path)
    rules = [_rule(item, actors, dyads, path) for item in _list(data.get("rules"), "rules", path)]
    if not rules:
        raise ConfigError(f"{path}: no rules")
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        raise ConfigError(f"{path}: rule names must be unique (give each a 'name')")
    return rules


def _rule(item: Any, actors: tuple[str, ...], dyads: Any, path: str | Path) -> Rule:
    spec: dict[str, Any] = {"when": item} if isinstance(item, str) else dict(item or {})
    kind = str(spec.get("when", ""))
    if kind not in RULE_KINDS:
        raise ConfigError(f"{path}: unknown rule {kind!r} (known: {', '.join(RULE_KINDS)})")
    freq = str(spec.get("freq", "day"))
    if freq not in FREQS:
        raise ConfigError(f"{path}: freq must be one of {', '.join(FREQS)}")
    usd = float(spec.get("usd", 0) or 0)
    if kind == "aid_above" and usd <= 0:
        raise ConfigError(f"{path}: aid_above needs a positive 'usd'")
    return Rule(
        kind=kind,
        name=str(spec.get("name") or kind),
        actors=_codes(spec["actors"], path) if "actors" in spec else actors,
        dyads=_dyads(spec["dyads"], path) if "dyads" in spec else dyads,
        usd=usd,
        freq=freq,
        include=_include(spec.get("include"), path),
    )


def _include(value: Any, path: str | Path) -> tuple[str, ...]:
    extra = tuple(w.lower() for w in _words(value))
    unknown = [w for w in extra if w not in FACTUALITIES]
    if unknown:
        raise ConfigError(f"{path}: unknown factuality {', '.join(unknown)}")
    return ("asserted", *(w for w in extra if w != "asserted"))


def _codes(value: Any, path: str | Path) -> tuple[str, ...]:
    return tuple(c.upper() for c in _words(value))


def _dyads(value: Any, path: str | Path) -> tuple[tuple[str, str], ...]:
    out = []
    for item in _list(value, "dyads", path):
        parts = item if isinstance(item, list) else re.split(r"\s*[-,>~]\s*", str(item))
        if len(parts) != 2:
            raise ConfigError(f"{path}: a dyad is two actor codes, e.g. HUN-RUS; got {item!r}")
        out.append((str(parts[0]).upper(), str(parts[1]).upper()))
    return tuple(out)


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(str(v).strip() for v in items if str(v).strip())


def _list(value: Any, what: str, path: str | Path) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{path}: '{what}' must be a list")
    return value


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc


def _yaml(text: str, path: str | Path) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({' '.join(str(exc).split())[:160]})") from exc
