"""Offline geocoding (allegiance.events.places)."""

from __future__ import annotations

import math
from importlib import resources

import pytest
import yaml

from allegiance.events.places import _keeps_a_foreign_letter, geocode, normalise_place


def _near(
    lat: float | None, lon: float | None, want_lat: float, want_lon: float, tol: float
) -> bool:
    return lat is not None and lon is not None and math.hypot(lat - want_lat, lon - want_lon) < tol


@pytest.mark.parametrize(
    "name", ["Kursk", "the Kursk region", "Kursk area", "Kursk Oblast", "KURSK"]
)
def test_kursk_has_coordinates_in_russia(name: str) -> None:
    place = geocode(name)
    assert place is not None
    assert place.country == "RUS"
    assert _near(place.lat, place.lon, 51.7, 36.2, 0.5)
    assert place.text == name


def test_bare_city_and_its_region_differ() -> None:
    city, region = geocode("Donetsk"), geocode("Donetsk region")
    assert city is not None and region is not None
    assert city.geonameid is not None and region.geonameid is None
    assert city.name == "Donetsk" and region.name == "Donetsk Oblast"
    assert city.country == region.country == "UKR"


@pytest.mark.parametrize(
    ("name", "expected", "country", "lat", "lon"),
    [
        ("Kyiv", "Kyiv", "UKR", 50.45, 30.52),
        ("Kiev", "Kyiv", "UKR", 50.45, 30.52),
        ("kiev", "Kyiv", "UKR", 50.45, 30.52),
        ("Odessa", "Odesa", "UKR", 46.49, 30.74),
        ("Zürich", "Zürich", "CHE", 47.37, 8.55),
        ("Zurich", "Zürich", "CHE", 47.37, 8.55),
        ("Sao Paulo", "São Paulo", "BRA", -23.55, -46.64),
        ("Washington", "Washington", "USA", 38.9, -77.04),
        ("Paris", "Paris", "FRA", 48.85, 2.35),
        ("Moscow", "Moscow", "RUS", 55.75, 37.62),
        ("Gaza City", "Gaza", "PSE", 31.5, 34.47),
        # a capital by its own name wins over a larger city that bore it (Chattogram, Delhi)
        ("Islamabad", "Islamabad", "PAK", 33.72, 73.04),
        ("Dili", "Dili", "TLS", -8.56, 125.57),
    ],
)
def test_cities(name: str, expected: str, country: str, lat: float, lon: float) -> None:
    place = geocode(name)
    assert place is not None
    assert (place.name, place.country) == (expected, country)
    assert place.geonameid is not None
    assert _near(place.lat, place.lon, lat, lon, 0.1)


@pytest.mark.parametrize(
    ("name", "country", "hint"),
    [
        ("Paris", "USA", "USA"),
        ("Paris", "USA", "US"),
        ("Odessa", "USA", "USA"),
        ("Moscow", "USA", "us"),
    ],
)
def test_country_hint_picks_among_namesakes(name: str, country: str, hint: str) -> None:
    place = geocode(name, country_hint=hint)
    assert place is not None and place.country == country


def test_unknown_hint_falls_back_to_population() -> None:
    place = geocode("Paris", country_hint="JPN")
    assert place is not None and place.country == "FRA"


REGIONS: list[tuple[str, str | None, float, float]] = [
    ("Donbas", "UKR", 48.4, 38.4),
    ("Donbass", "UKR", 48.4, 38.4),
    ("Luhansk region", "UKR", 49.0, 39.1),
    ("Zaporizhzhia region", "UKR", 47.3, 35.7),
    ("Kherson oblast", "UKR", 46.6, 33.5),
    ("Crimea", "UKR", 45.3, 34.4),
    ("Gaza", "PSE", 31.4, 34.4),
    ("the Gaza Strip", "PSE", 31.4, 34.4),
    ("West Bank", "PSE", 31.95, 35.25),
    ("the Golan Heights", "SYR", 33.0, 35.75),
    ("Kashmir", None, 34.1, 74.8),
    ("Darfur", "SDN", 13.5, 24.5),
    ("Tigray", "ETH", 13.9, 38.6),
    ("Anbar", "IRQ", 33.0, 42.0),
    ("Idlib province", "SYR", 35.8, 36.6),
    ("Red Sea", None, 20.0, 38.5),
    ("the Black Sea", None, 43.4, 34.3),
    ("the Sahel", None, 15.0, 2.0),
    ("Zamfara state", "NGA", 12.1, 6.2),
    ("Kurdistan region", "IRQ", 36.4, 44.3),
    ("Sudzha", "RUS", 51.19, 35.27),
    ("Pokrovsk direction", "UKR", 48.28, 37.18),
    ("Bali", "IDN", -8.4, 115.2),
    ("Shan", "MMR", 21.4, 98.0),
    ("Diyala province", "IRQ", 33.8, 45.0),
    ("Middle Shabelle region", "SOM", 2.9, 45.5),
    ("Papua region", "IDN", -4.3, 138.0),
    # continents are places of no one country ("Africa" is also an old name of Mahdia)
    ("Africa", None, 2.0, 17.0),
    ("Asia", None, 34.0, 100.0),
]


@pytest.mark.parametrize(("name", "country", "lat", "lon"), REGIONS)
def test_our_regions(name: str, country: str | None, lat: float, lon: float) -> None:
    place = geocode(name)
    assert place is not None, name
    assert place.country == country
    assert _near(place.lat, place.lon, lat, lon, 0.01)


def test_region_table_has_at_least_forty_entries_with_valid_points() -> None:
    path = resources.files("allegiance") / "data" / "places" / "regions.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["regions"]
    assert len(entries) >= 40
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    for entry in entries:
        assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry
        assert entry["country"] is None or len(entry["country"]) == 3, entry
        assert geocode(entry["name"]) is not None, entry["name"]


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Ukraine", "UKR"), ("the United States", "USA"), ("U.S.", "USA"), ("Britain", "GBR"),
     ("North Korea", "PRK"), ("Georgia", "GEO"), ("Mexico", "MEX"), ("Türkiye", "TUR")],
)  # fmt: skip
def test_countries_win_over_namesake_cities(name: str, iso3: str) -> None:
    place = geocode(name)
    assert place is not None and place.country == iso3
    assert place.lat is not None  # the capital's point


def test_city_suffix_falls_back_to_the_city() -> None:
    place = geocode("the Bakhmut area")
    assert place is not None and place.name == "Bakhmut" and place.country == "UKR"


@pytest.mark.parametrize("name", ["", "   ", "Qwzxv Plateau", "the"])
def test_unknown_names_give_none(name: str) -> None:
    assert geocode(name) is None


def test_normalise_place() -> None:
    assert normalise_place("  The  Zaporizhzhia’s ") == "zaporizhzhia's"
    assert normalise_place("ZÜRICH") == "zurich"


@pytest.mark.parametrize(
    ("name", "foreign"),
    [
        ("Kursk", False),
        ("Zürich", False),  # an accent: the name folds to ASCII and stays
        ("Ma’rib", False),  # a curly apostrophe is straightened, not foreign
        ("Łódź", True),  # Ł has no decomposition ("Lodz" is the city's ASCII name)
        ("Киев", True),
        ("東京", True),
        ("Kyiv Київ", True),  # the first foreign letter decides, wherever it is
        ("Øresund", True),  # Ø has no decomposition and does not fold to ASCII
    ],
)
def test_names_in_other_scripts_are_left_out_of_the_city_index(name: str, foreign: bool):
    assert _keeps_a_foreign_letter(name) is foreign
