"""Money and count normalisation (allegiance.events.amounts)."""

from __future__ import annotations

import random
import time

import pytest

from allegiance.events.amounts import find_amounts, parse_amount, usd_rates

EUR = usd_rates()[1]["EUR"]
GBP = usd_rates()[1]["GBP"]
RUB = usd_rates()[1]["RUB"]

# (written form, value in its currency, ISO 4217, qualifier)
MONEY_FORMS: list[tuple[str, float, str, str | None]] = [
    ("more than $90 billion", 90e9, "USD", "more_than"),
    ("more than $125 billion", 125e9, "USD", "more_than"),
    ("€2.5bn", 2.5e9, "EUR", None),
    ("1.5 trillion rubles", 1.5e12, "RUB", None),
    ("1.5 trillion roubles", 1.5e12, "RUB", None),
    ("£300m", 300e6, "GBP", None),
    ("$10bn", 10e9, "USD", None),
    ("US$ 4.2 million", 4.2e6, "USD", None),
    ("U.S.$4.2 million", 4.2e6, "USD", None),
    ("about 500 million euros", 500e6, "EUR", "about"),
    ("two billion dollars", 2e9, "USD", None),
    ("a billion dollars", 1e9, "USD", None),
    ("half a million dollars", 5e5, "USD", None),
    ("twenty-five million euros", 25e6, "EUR", None),
    ("$1,200,000", 1.2e6, "USD", None),
    ("$2.75 million", 2.75e6, "USD", None),
    ("$61 billion", 61e9, "USD", None),
    ("USD 10 billion", 10e9, "USD", None),
    ("10 billion USD", 10e9, "USD", None),
    ("EUR 50bn", 50e9, "EUR", None),
    ("€50 billion", 50e9, "EUR", None),
    ("roughly €1.4 trillion", 1.4e12, "EUR", "about"),
    ("up to $8 billion", 8e9, "USD", "up_to"),
    ("as much as 300 million pounds", 300e6, "GBP", "up_to"),
    ("at least $3.5bn", 3.5e9, "USD", "at_least"),
    ("less than $1 million", 1e6, "USD", "less_than"),
    ("under £5m", 5e6, "GBP", "less_than"),
    ("over $400 million", 400e6, "USD", "more_than"),
    ("nearly $4.5bn", 4.5e9, "USD", "about"),
    ("almost 2 billion hryvnias", 2e9, "UAH", "about"),
    ("₴40bn", 40e9, "UAH", None),
    ("₽3 trillion", 3e12, "RUB", None),
    ("200 billion yuan", 200e9, "CNY", None),
    ("¥1.2 trillion", 1.2e12, "JPY", None),
    ("some $164 billion", 164e9, "USD", "about"),
    ("$300k", 300e3, "USD", None),
    ("$5 mln", 5e6, "USD", None),
    ("£1.2tn", 1.2e12, "GBP", None),
    ("$1-2 billion", 1e9, "USD", "at_least"),
    ("between €5bn and €6bn", 5e9, "EUR", "at_least"),
    ("$500,000 to $2 million", 5e5, "USD", "at_least"),
    ("up to $1-2 billion", 2e9, "USD", "up_to"),
    ("50 billion Canadian dollars", 50e9, "CAD", None),
    ("3 billion U.S. dollars", 3e9, "USD", None),
    ("tens of billions of dollars", 2e10, "USD", "at_least"),
    ("4 million pounds sterling", 4e6, "GBP", None),
    ("Rs 500 crore", 5e9, "INR", None),
    ("$7.5-billion", 7.5e9, "USD", None),
]


@pytest.mark.parametrize(("text", "value", "currency", "qualifier"), MONEY_FORMS)
def test_money_forms(text: str, value: float, currency: str, qualifier: str | None) -> None:
    amount = parse_amount(text)
    assert amount is not None, text
    assert amount.kind == "money"
    assert amount.text == text
    assert amount.value == pytest.approx(value)
    assert amount.currency == currency
    assert amount.qualifier == qualifier
    assert amount.usd == pytest.approx(value * usd_rates()[1][currency], rel=1e-9)


def test_at_least_thirty_money_forms() -> None:
    assert len({form for form, *_ in MONEY_FORMS}) >= 30


def test_usd_normalisation_uses_rate_table() -> None:
    euro = parse_amount("€2.5bn")
    pound = parse_amount("£300m")
    rouble = parse_amount("1.5 trillion rubles")
    assert euro is not None and pound is not None and rouble is not None
    assert euro.usd == pytest.approx(2.5e9 * EUR)
    assert pound.usd == pytest.approx(300e6 * GBP)
    assert rouble.usd == pytest.approx(1.5e12 * RUB)
    assert 5e9 < rouble.usd < 5e10  # order of magnitude sanity: roubles are worth ~1 cent


def test_rate_table_is_dated_and_has_main_currencies() -> None:
    date, rates = usd_rates()
    assert len(date) == 10 and date[4] == "-"
    for code in ("USD", "EUR", "GBP", "RUB", "UAH", "CNY", "JPY"):
        assert rates[code] > 0
    assert rates["USD"] == 1.0


def test_sentence_offsets_point_at_the_amount() -> None:
    text = (
        "Since the invasion began, Washington has sent more than $90 billion in military aid "
        "to Kyiv, while the EU pledged €2.5bn more and 3,000 troops were moved."
    )
    found = find_amounts(text)
    assert [a.kind for _, _, a in found] == ["money", "money", "troops"]
    for start, end, amount in found:
        assert text[start:end] == amount.text
    assert [s for s, _, _ in found] == sorted(s for s, _, _ in found)


def test_results_do_not_overlap() -> None:
    text = "They pledged $1-2 billion, 100 tanks and dozens of drones; 20 wounded, 5 killed."
    found = find_amounts(text)
    ends = [0, *[e for _, e, _ in found]]
    assert all(start >= ends[i] for i, (start, _, _) in enumerate(found))


COUNTS: list[tuple[str, float, str, str | None, str]] = [
    ("3,000 troops", 3000, "troops", None, "3,000 troops"),
    ("12,000 North Korean soldiers", 12000, "troops", None, "12,000 North Korean soldiers"),
    ("at least 5 people were killed", 5, "dead", "at_least", "at least 5 people"),
    ("20 wounded", 20, "injured", None, "20 wounded"),
    ("100 tanks", 100, "weapons", None, "100 tanks"),
    ("dozens of drones", 24, "weapons", "at_least", "dozens of drones"),
    ("some 10,000 servicemen", 10000, "troops", "about", "some 10,000 servicemen"),
    ("the strike killed at least 12 civilians", 12, "dead", "at_least", "at least 12 civilians"),
    ("wounding 30", 30, "injured", None, "30"),
    ("leaving at least five people dead", 5, "dead", "at_least", "at least five people"),
    ("40 people were injured", 40, "injured", None, "40 people"),
    ("up to 10 fatalities", 10, "dead", "up_to", "up to 10 fatalities"),
    ("five hundred soldiers", 500, "troops", None, "five hundred soldiers"),
    ("hundreds of protesters", 200, "people", "at_least", "hundreds of protesters"),
    ("50 Leopard tanks", 50, "weapons", None, "50 Leopard tanks"),
    ("2 million refugees", 2e6, "people", None, "2 million refugees"),
]


@pytest.mark.parametrize(("text", "value", "kind", "qualifier", "span"), COUNTS)
def test_counts(text: str, value: float, kind: str, qualifier: str | None, span: str) -> None:
    found = find_amounts(text)
    assert len(found) == 1, found
    start, end, amount = found[0]
    assert (amount.value, amount.kind, amount.qualifier) == (value, kind, qualifier)
    assert amount.text == span == text[start:end]
    assert amount.currency is None and amount.usd is None


@pytest.mark.parametrize(
    "text",
    [
        "500 pounds of explosives were found",
        "In 2022 troops crossed the border",
        "3 percent of troops",
        "12 months later the troops left",
        "a Nigerian women's group",
        "a dollar",
        "Resolution 2334 was adopted",
        "",
    ],
)
def test_not_amounts(text: str) -> None:
    assert find_amounts(text) == []
    assert parse_amount(text) is None


def test_parse_amount_returns_first_amount_of_a_phrase() -> None:
    amount = parse_amount("more than $90 billion in military help and 100 tanks")
    assert amount is not None
    assert amount.text == "more than $90 billion"


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "1," * 500_000,
        "$1." * 333_334,
        "€" * 1_000_000,
        "".join(random.Random(7).choices("0123456789,.$€£¥ -–bnmk", k=1_000_000)),
    ],
    ids=["digits", "digit-commas", "dollar-decimals", "euro-signs", "random-mix"],
)
def test_megabyte_of_digits_and_symbols_is_read_in_linear_time(text: str) -> None:
    # four times the text takes about four times as long; a scan that backtracks over it
    # (quadratic) would take sixteen times. Best of a few runs each, so that the load of the
    # machine, which slows both alike, does not decide.
    quarter = text[: len(text) // 4]
    small = min(_seconds(find_amounts, quarter) for _ in range(3))
    whole = min(_seconds(find_amounts, text) for _ in range(2))
    assert whole < 8 * small + 0.5, f"{whole:.2f} s for the text, {small:.2f} s for a quarter"


def _seconds(function, text: str) -> float:
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Norway thanked the Dutch for their F-16 jets.", []),
        ("The Dutch sent 24 F-16 jets.", ["24 F-16 jets"]),
        ("Ankara bought two S-400 systems.", ["two S-400 systems"]),
        ("Pilots trained on MiG-29 fighters.", []),
    ],
)
def test_model_designations_are_not_counts(text: str, counted: list[str]) -> None:
    assert [a.text for _, _, a in find_amounts(text)] == counted


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("nearly half of Haiti's 11.7 million people need food aid", ["11.7 million people"]),
        ("some 1,200 troops arrived in 2019", ["some 1,200 troops"]),
        ("in 2019 troops arrived", []),
    ],
)
def test_a_four_character_decimal_is_a_count_not_a_year(text: str, counted: list[str]) -> None:
    # "11.7" is four characters long: read as a year, it used to fail the whole article
    assert [a.text for _, _, a in find_amounts(text)] == counted
