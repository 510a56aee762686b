"""Exports of the analysis: GraphML and GEXF (Gephi), and a GDELT 2.0 event-table CSV."""

from __future__ import annotations

import csv
import datetime as dt
import logging
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from allegiance.errors import ConfigError
from allegiance.graph.network import graph
from allegiance.graph.options import AnalysisOptions
from allegiance.graph.plover import tables
from allegiance.graph.sql import story_sql

if TYPE_CHECKING:
    from allegiance.store import Store

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("graphml", "gexf", "gdelt")

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)


def write_graphml(
    store: Store, path: str | Path | IO[bytes], options: AnalysisOptions | None = None
) -> int:
    """The relation graph as GraphML; returns the number of edges written."""
    g = graph(store, options)
    nx.write_graphml(g, path)
    return int(g.number_of_edges())


def write_gexf(
    store: Store, path: str | Path | IO[bytes], options: AnalysisOptions | None = None
) -> int:
    """The relation graph as GEXF (Gephi); returns the number of edges written."""
    g = graph(store, options)
    nx.write_gexf(g, path)
    return int(g.number_of_edges())


def _gdelt_rows(store: Store, options: AnalysisOptions) -> Any:
    """One row per story and dyad (events without a recipient keep Actor2 empty)."""
    sql = story_sql(options, pairs_only=False)
    sql.add(
        "story_articles",
        "SELECT source, target, type, mode_key, amount_key, story_no, "
        "count(DISTINCT article_id) AS articles FROM mentions GROUP BY ALL",
    )
    query, params = sql.query(
        """SELECT s.source, s.target, s.type, s.mode, s.quad, s.score, s.first_day,
               s.mentions, s.evidence, sa_n.articles,
               sa.name AS source_name, sa.kind AS source_kind, sa.country AS source_country,
               ta.name AS target_name, ta.kind AS target_kind, ta.country AS target_country,
               fe.location_name, fe.lat, fe.lon, fe.sentence_idx, fe.actor_sector,
               fe.recipient_sector, fa.url, fa.published,
               json_extract_string(fe.record, '$.location.geonameid') AS geonameid,
               json_extract_string(fe.record, '$.location.country') AS place_country
        FROM stories s
        JOIN story_articles sa_n USING (source, target, type, mode_key, amount_key, story_no)
        JOIN events fe ON fe.id = s.evidence[1]
        JOIN articles fa ON fa.id = fe.article_id
        LEFT JOIN actors sa ON sa.code = s.source
        LEFT JOIN actors ta ON ta.code = s.target
        ORDER BY s.first_day NULLS FIRST, s.evidence[1], s.source, s.target"""
    )
    return store.frame(query, params)


def _country(code: Any, kind: Any, country: Any) -> str:
    if isinstance(country, str) and country:
        return country
    return str(code) if kind == "country" or (isinstance(code, str) and len(code) == 3) else ""


def _actor(code: Any, name: Any, kind: Any, country: Any, sector: Any) -> list[Any]:
    if not isinstance(code, str):
        return [""] * len(_ACTOR)
    return [
        code,
        name if isinstance(name, str) else code,
        _country(code, kind, country),
        "",
        "",
        "",
        "",
        sector if isinstance(sector, str) else "",
        "",
        "",
    ]


def _day(value: Any) -> dt.date | None:
    """A date of a frame cell; None for None, NaN and NaT (NaT is a datetime that cannot
    ``strftime``)."""
    if value is None or not isinstance(value, dt.date) or pd.isna(value):
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _date_fields(value: Any) -> list[Any]:
    day = _day(value)
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _geo(row: dict[str, Any]) -> list[Any]:
    if not isinstance(row.get("location_name"), str):
        return [""] * len(_GEO)
    has_point = row.get("lat") == row.get("lat") and row.get("lat") is not None
    return [
        4 if has_point else "",
        row["location_name"],
        row.get("place_country") or "",
        "",
        "",
        row["lat"] if has_point else "",
        row["lon"] if has_point else "",
        row.get("geonameid") or "",
    ]


def gdelt_record(number: int, row: dict[str, Any]) -> list[Any]:
    """One GDELT 2.0 event row (61 fields) for a story of the store."""
    plover = tables()
    code = plover.cameo_code(row["type"], row.get("mode"))
    quad = plover.quad_numbers.get(row.get("quad") or plover.quad.get(row["type"], ""), "")
    published = _day(row.get("published"))
    added = published.strftime("%Y%m%d000000") if published else ""
    source_sector = row["actor_sector"] if isinstance(row.get("actor_sector"), str) else None
    target_sector = (
        row["recipient_sector"] if isinstance(row.get("recipient_sector"), str) else None
    )
    return [
        number,
        *_date_fields(row["first_day"]),
        *_actor(
            row["source"],
            row["source_name"],
            row["source_kind"],
            row["source_country"],
            source_sector,
        ),
        *_actor(
            row["target"],
            row["target_name"],
            row["target_kind"],
            row["target_country"],
            target_sector,
        ),
        1 if row.get("sentence_idx") == 0 else 0,
        code,
        code[:3],
        code[:2],
        quad,
        f"{row['score']:.1f}",
        int(row["mentions"]),
        int(row["articles"]),
        int(row["articles"]),
        "",
        *([""] * len(_GEO)),
        *([""] * len(_GEO)),
        *_geo(row),
        added,
        row.get("url") or "",
    ]


def write_gdelt(
    store: Store, out: IO[str], options: AnalysisOptions | None = None, *, header: bool = False
) -> int:
    """Stories as GDELT 2.0 event-table rows, tab-separated like GDELT's own files (no header
    unless asked). CAMEO codes come from our PLOVER->CAMEO table, GoldsteinScale is the PLOVER
    score, QuadClass the PLOVER quad (1-4). Returns the number of rows."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(GDELT_COLUMNS)
    rows = _gdelt_rows(store, options or AnalysisOptions()).to_dict("records")
    for number, row in enumerate(rows, 1):
        writer.writerow(gdelt_record(number, row))
    return len(rows)


def export(
    store: Store,
    fmt: str,
    out: Path | IO[Any],
    options: AnalysisOptions | None = None,
    *,
    header: bool = False,
) -> int:
    """``allegiance export --format graphml|gexf|gdelt``: write to a path or an open file
    (binary for graphml/gexf, text for gdelt). Returns edges or rows written."""
    if fmt == "graphml":
        return write_graphml(store, out, options)
    if fmt == "gexf":
        return write_gexf(store, out, options)
    if fmt == "gdelt":
        if isinstance(out, Path):
            with out.open("w", encoding="utf-8", newline="") as handle:
                return write_gdelt(store, handle, options, header=header)
        return write_gdelt(store, out, options, header=header)
    raise ConfigError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
