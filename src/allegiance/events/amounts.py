"""Money amounts and counts in news text, normalised to numbers (money also to US dollars).

Pure functions, no spaCy: the event extractor passes a sentence (or a phrase) and gets back
:class:`~allegiance.models.Amount` records with character offsets.

Money: a currency symbol or code before the number (``$``, ``US$``, ``€``, ``£``, ``¥``, ``₽``,
``₴``, ``USD``, ``EUR`` ...) or a currency word after it (``dollars``, ``euros``, ``rubles``,
``hryvnias``, ``yuan`` ...), digits with thousands separators and decimals or number words
("two", "a", "half a"), scale words and abbreviations (thousand, million/mn/m, billion/bn/b,
trillion/tn, crore, lakh) and vague plurals ("tens of billions of dollars").

Choices (documented here and pinned by tests):

* ``value`` is in units of ``currency``; ``usd`` uses the fixed reference rates of
  ``data/events/rates.yaml`` (not live rates; the file names their date). Unknown rate:
  ``usd`` is None.
* A range ("$1-2 billion", "between €5bn and €6bn") keeps its LOWER bound with qualifier
  ``at_least``; with an explicit "up to"/"less than" it keeps the UPPER bound and that qualifier.
  A bare first number inherits the second number's scale only when it is smaller ("1-2 billion").
* Vague quantities keep their smallest reading with qualifier ``at_least``: "dozens of" 24,
  "scores of" 40, "hundreds of" 200, "thousands of" 2,000, "tens of thousands of" 20,000,
  "several" 3, "a few" 2; "billions of dollars" 2e9, "tens of billions" 2e10 (a plural
  means at least two of the unit).
* ``¥`` is read as Japanese yen (JPY); write "yuan", "RMB" or "CN¥" for the Chinese currency.
* "pounds of" (weight) is not money.

Counts: a number (digits, words or a vague quantity) followed within three modifier words by a
noun gives ``kind`` troops / weapons / dead / injured / people ("3,000 troops", "12,000 North
Korean soldiers", "100 tanks", "dozens of drones", "20 wounded"); "N people were killed" and
"killing at least N" give ``dead``, the wounded/injured forms ``injured``. PLOVER calls these
``size``, ``dead`` and ``injured``.

All patterns anchor numbers with look-behinds and possessive quantifiers, so a scan is linear
in the length of the text even on long runs of digits and symbols.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from allegiance.errors import ConfigError
from allegiance.models import Amount
from allegiance.yamlfile import load_yaml

log = logging.getLogger(__name__)

__all__ = ["find_amounts", "parse_amount", "usd_rates"]

_SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "crore": 1e7, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "hundred": 1e2,
}  # fmt: skip

_UNITS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS: dict[str, float] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ARTICLE_NUMBERS: dict[str, float] = {"a": 1, "an": 1, "half a": 0.5, "half an": 0.5}

# Vague quantities: smallest reading, qualifier at_least.
_VAGUE: dict[str, float] = {
    "tens of thousands of": 2e4, "hundreds of thousands of": 2e5, "millions of": 2e6,
    "dozens of": 24, "scores of": 40, "hundreds of": 200, "thousands of": 2e3,
    "a dozen": 12, "several": 3, "a few": 2,
}  # fmt: skip
_VAGUE_MONEY: dict[str, float] = {
    "hundreds of billions": 2e11, "tens of billions": 2e10, "billions": 2e9,
    "hundreds of millions": 2e8, "tens of millions": 2e7, "millions": 2e6,
}  # fmt: skip

_QUALIFIERS: dict[str, str] = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "exceeding": "more_than",
    "about": "about", "around": "about", "roughly": "about", "nearly": "about",
    "almost": "about", "some": "about", "approximately": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "around about": "about",
    "up to": "up_to", "as much as": "up_to", "as many as": "up_to", "no more than": "up_to",
    "at most": "up_to",
    "at least": "at_least", "no less than": "at_least", "not less than": "at_least",
    "no fewer than": "at_least", "a minimum of": "at_least",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "just under": "less_than",
}  # fmt: skip

_PREFIX_CURRENCIES: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "cn¥": "CNY", "rmb": "CNY",
    "cny": "CNY", "₽": "RUB", "rub": "RUB", "₴": "UAH", "uah": "UAH", "₹": "INR", "rs": "INR",
    "rs.": "INR", "inr": "INR", "₪": "ILS", "ils": "ILS", "₩": "KRW", "krw": "KRW",
    "₺": "TRY", "try": "TRY", "hk$": "HKD", "nt$": "TWD", "a$": "AUD", "au$": "AUD",
    "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "chf": "CHF",
    "cad": "CAD", "aud": "AUD", "sar": "SAR", "aed": "AED", "pln": "PLN",
}  # fmt: skip
_SYMBOL_RE = (
    r"US\$|U\.S\.\$|CN¥|HK\$|NT\$|AU\$|CA\$|NZ\$|A\$|C\$|S\$|R\$|Rs\.?(?=\s?\d)|[$€£¥₽₴₹₪₩₺]"
)
_CODE_RE = r"(?-i:USD|EUR|GBP|JPY|CNY|RMB|RUB|UAH|INR|ILS|KRW|CHF|CAD|AUD|SAR|AED|PLN)"

# (pattern, ISO 4217) for currency words after the number; tried in order.
_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"canadian\s+dollars?", "CAD"), (r"australian\s+dollars?", "AUD"),
    (r"hong\s+kong\s+dollars?", "HKD"), (r"new\s+zealand\s+dollars?", "NZD"),
    (r"singapore\s+dollars?", "SGD"), (r"taiwan(?:ese)?\s+dollars?", "TWD"),
    (r"(?:(?:us|u\.s\.|american)\s+)?dollars?", "USD"), (r"euros?", "EUR"),
    (r"egyptian\s+pounds?", "EGP"),
    (r"(?:british\s+)?pounds?(?:\s+sterling)?(?!\s+of\b)", "GBP"), (r"sterling", "GBP"),
    (r"(?:russian\s+)?r(?:o)?ubles?", "RUB"), (r"(?:ukrainian\s+)?hryvn(?:i|y)as?", "UAH"),
    (r"(?:chinese\s+)?(?:yuan|renminbi)", "CNY"), (r"(?:japanese\s+)?yen", "JPY"),
    (r"pakistani\s+rupees?", "PKR"), (r"(?:indian\s+)?rupees?", "INR"),
    (r"(?:israeli\s+)?(?:new\s+)?shekels?", "ILS"), (r"swiss\s+francs?", "CHF"),
    (r"(?:saudi\s+)?riyals?", "SAR"), (r"(?:iranian\s+)?rials?", "IRR"),
    (r"(?:uae\s+|emirati\s+)?dirhams?", "AED"), (r"(?:turkish\s+)?liras?", "TRY"),
    (r"(?:south\s+)?korean\s+won", "KRW"), (r"(?:polish\s+)?zlot(?:y|ys|ies)", "PLN"),
    (r"(?:nigerian\s+)?naira", "NGN"), (r"(?:south\s+african\s+)?rand", "ZAR"),
    (r"(?:brazilian\s+)?reais", "BRL"), (r"(?:belarusian\s+)?rubles?", "BYN"),
    (r"(?-i:USD|EUR|GBP|JPY|CNY|RUB|UAH|INR|ILS|KRW|CHF|CAD|AUD|SAR|AED|PLN|TRY|IRR)", ""),
)  # fmt: skip

_COUNT_NOUNS: dict[str, str] = {
    "troops": "troops", "soldiers": "troops", "servicemen": "troops", "personnel": "troops",
    "service members": "troops", "servicemembers": "troops", "fighters": "troops",
    "marines": "troops", "paratroopers": "troops", "reservists": "troops",
    "conscripts": "troops", "recruits": "troops", "mercenaries": "troops",
    "militants": "troops", "combatants": "troops", "peacekeepers": "troops",
    "sailors": "troops", "commandos": "troops",
    "tanks": "weapons", "drones": "weapons", "missiles": "weapons", "rockets": "weapons",
    "shells": "weapons", "rounds": "weapons", "munitions": "weapons", "bombs": "weapons",
    "howitzers": "weapons", "guns": "weapons", "rifles": "weapons", "jets": "weapons",
    "warplanes": "weapons", "aircraft": "weapons", "planes": "weapons",
    "helicopters": "weapons", "warships": "weapons", "submarines": "weapons",
    "vehicles": "weapons", "launchers": "weapons", "interceptors": "weapons",
    "mines": "weapons", "grenades": "weapons", "systems": "weapons", "batteries": "weapons",
    "killed": "dead", "dead": "dead", "deaths": "dead", "fatalities": "dead",
    "slain": "dead", "lives": "dead", "bodies": "dead",
    "wounded": "injured", "injured": "injured", "injuries": "injured", "hurt": "injured",
    "people": "people", "persons": "people", "civilians": "people", "protesters": "people",
    "protestors": "people", "demonstrators": "people", "refugees": "people",
    "migrants": "people", "residents": "people", "children": "people", "women": "people",
    "men": "people", "prisoners": "people", "hostages": "people", "detainees": "people",
    "casualties": "people", "villagers": "people", "workers": "people",
}  # fmt: skip

# Words that end a count's modifier run ("12 months later the troops" is no troop count).
_STOP_WORDS = (
    "the|a|an|and|or|but|were|was|are|is|be|been|have|has|had|of|in|on|at|to|from|by|with|"
    "for|into|than|that|which|who|whom|per|percent|year|years|month|months|week|weeks|day|"
    "days|hour|hours|minute|minutes|times|ago|later|earlier|after|before|since|this|these|"
    "those|its|their|his|her|our|said|says|say"
)
_PASSIVE_KIND = (
    r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|being|got|left|lay))?"
    r"(?:\s+(?:reportedly|also|confirmed|all|now|later|believed|feared))?\s+"
)
_YEAR_CONTEXT = re.compile(r"(?:in|since|by|of|from|until|during|early|late|mid|year)[\s-]*$", re.I)


def _alternation(words: Any) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _num(name: str) -> str:
    """Digits with optional thousands separators and decimals, not starting inside a number."""
    return rf"(?<![\w.,])(?P<{name}>(?:\d{{1,3}}(?:,\d{{3}})++(?!\d)|\d++)(?:\.\d++)?+)"


def _word_num(name: str, *, articles: bool = True) -> str:
    """Number words; "a", "an", "half a" only where a scale word must follow (money)."""
    units, tens = _alternation(_UNITS), _alternation(_TENS)
    extra = f"|{_alternation(_ARTICLE_NUMBERS)}" if articles else ""
    return (
        rf"\b(?P<{name}>(?:{tens})(?:[\s-](?:{units}))?|"
        rf"(?:{units})(?:\s+hundred)?|a\s+hundred{extra})\b"
    )


def _money_scale(name: str) -> str:
    words = "trillion|billion|million|thousand|crore|lakh|bn|mn|mln|bln|tn|trn"
    return rf"(?:[\s-]?(?P<{name}>{words}|m|b|k)(?!\w))?"


def _qualifier(name: str) -> str:
    """Optional qualifier phrase; "between" gets its own group ``<name>_btw`` for ranges."""
    phrases = _alternation(_QUALIFIERS)
    return rf"(?:\b(?:(?P<{name}_btw>between)|(?P<{name}>{phrases}))\s+)?"


def _range_sep(qualifier: str) -> str:
    """Range separator: "-" or "to"; "and" only after "between"."""
    return rf"(?({qualifier}_btw)(?:\s+and\s+|\s?[-–—]\s?)|(?:\s?[-–—]\s?|\s+to\s+))"


_CURRENCY_PATTERNS = tuple((re.compile(p, re.I), code) for p, code in _CURRENCY_WORDS)


def _scanner() -> re.Pattern[str]:
    """One scanner for prefix money, suffix money, vague money, kill/wound verbs and counts."""
    cur_words = "|".join(p for p, _ in _CURRENCY_WORDS)
    prefix = rf"(?<![\w$])(?:{_SYMBOL_RE}|{_CODE_RE})"
    money_a = (
        rf"(?P<ap>{prefix})\s?{_num('an1')}{_money_scale('as1')}"
        rf"(?:{_range_sep('q')}(?:{prefix})?\s?{_num('an2')}{_money_scale('as2')})?"
    )
    number_b = rf"(?:{_num('bn1')}|{_word_num('bw1')})"
    money_b = (
        rf"{number_b}{_money_scale('bs1')}"
        rf"(?:{_range_sep('q')}{_num('bn2')}{_money_scale('bs2')})?"
        rf"\s+(?:of\s+)?(?P<bc>{cur_words})(?!\w)"
    )
    money_c = (
        rf"\b(?P<cv>{_alternation(_VAGUE_MONEY)})\s+of\s+(?P<cc>{cur_words})"
        rf"(?!\w)"
    )
    killed = (
        r"\b(?:killing|killed|wounding|wounded|injuring|injured|"
        r"deaths\s+of|death\s+toll\s+(?:rose\s+|climbed\s+|reached\s+|stood\s+)?(?:to|of|at|reached))"
    )
    kill_verb = (
        rf"(?P<kv>{killed})\s+{_qualifier('kq')}(?:{_num('kn')}|{_word_num('kw', articles=False)})"
        r"(?!\s?(?:percent|%|per\b))"
        rf"(?:(?:\s+(?!(?:{_STOP_WORDS})\b)[A-Za-z][\w'.-]*+){{0,3}}?\s+"
        rf"(?P<kun>{_alternation(_COUNT_NOUNS)})(?!\w))?"
    )
    vague = _alternation(_VAGUE)
    count = (
        # "F-16 jets", "MiG-29s", "S-400 systems": a model designation, not a count
        rf"(?:\b(?P<nv>{vague})|(?<![A-Za-z]-){_num('nn')}|{_word_num('nw', articles=False)})"
        r"(?:\s+(?P<nsc>thousand|million|hundred)\b)?"
        rf"(?P<nmod>(?:\s+(?!(?:{_STOP_WORDS})\b)[A-Za-z][\w'.-]*+){{0,3}}?)"
        rf"\s+(?P<nun>{_alternation(_COUNT_NOUNS)})(?!\w)"
        rf"(?P<npass>{_PASSIVE_KIND}(?:killed|dead|slain|wounded|injured|hurt)\b)?"
    )
    qualified = "|".join(f"(?:{a})" for a in (money_a, money_b, money_c, count))
    start = r"(?=[\d$€£¥₽₴₹₪₩₺A-Za-z])"
    return re.compile(rf"{start}(?:(?:{kill_verb})|{_qualifier('q')}(?:{qualified}))", re.I)


_SCANNER = _scanner()


@lru_cache(maxsize=1)
def usd_rates() -> tuple[str, dict[str, float]]:
    """(reference date, USD per unit by ISO 4217 code) from ``data/events/rates.yaml``."""
    path = resources.files("allegiance") / "data" / "events" / "rates.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
        rates = {str(k).upper(): float(v) for k, v in data["usd_per_unit"].items()}
        return str(data["date"]), rates
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read exchange rates {path}: {exc}") from exc


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def _number_at(m: re.Match[str], digits: str, words: str | None = None) -> float | None:
    """The number of group ``digits`` (with its decimals) or of number-word group ``words``."""
    if m.group(digits) is not None:
        return _to_float(m.group(digits))
    if words and m.group(words) is not None:
        return _words_value(m.group(words))
    return None


def _words_value(words: str) -> float | None:
    text = re.sub(r"\s+", " ", words.lower())
    if text in _ARTICLE_NUMBERS:
        return _ARTICLE_NUMBERS[text]
    total = 0.0
    for part in re.split(r"[\s-]", text):
        if part in _TENS or part in _UNITS:
            total += _TENS.get(part, 0) + _UNITS.get(part, 0)
        elif part == "hundred":
            total = max(total, 1.0) * 100
    return total or None


def _scale(m: re.Match[str], group: str) -> float | None:
    word = m.group(group)
    return _SCALES[word.lower()] if word else None


def _qualifier_of(m: re.Match[str], group: str) -> str | None:
    text = m.group(group)
    return _QUALIFIERS[re.sub(r"\s+", " ", text.lower())] if text else None


def _currency_of(text: str) -> str | None:
    for pattern, code in _CURRENCY_PATTERNS:
        if pattern.fullmatch(text):
            return code or text.upper()
    return None


def _range_value(
    first: float, s1: float | None, second: float | None, s2: float | None, qual: str | None
) -> tuple[float, str | None]:
    """Value and qualifier of a number or a range, following the module's range rule."""
    if second is None:
        return first * (s1 or 1.0), qual
    if s1 is None and s2 is not None and first < second:
        s1 = s2
    low, high = first * (s1 or 1.0), second * (s2 or 1.0)
    if qual in ("up_to", "less_than"):
        return high, qual
    if qual is None:
        return low, "at_least"
    return low, qual


def _money(text: str, value: float, currency: str | None, qualifier: str | None) -> Amount:
    rate = usd_rates()[1].get(currency or "")
    usd = round(value * rate, 2) if rate is not None else None
    return Amount(
        text=text, value=value, currency=currency, usd=usd, qualifier=qualifier, kind="money"
    )


def _money_prefix(m: re.Match[str]) -> Amount | None:
    first = _number_at(m, "an1")
    if first is None:
        return None
    second = _number_at(m, "an2") if m.group("an2") else None
    value, qual = _range_value(
        first, _scale(m, "as1"), second, _scale(m, "as2"), _qualifier_of(m, "q")
    )
    symbol = m.group("ap").lower().replace(" ", "")
    return _money(m.group(0), value, _PREFIX_CURRENCIES.get(symbol), qual)


def _money_suffix(m: re.Match[str]) -> Amount | None:
    first = _number_at(m, "bn1", "bw1")
    s1 = _scale(m, "bs1")
    if first is None or (m.group("bw1") and s1 is None and first < 2):
        return None  # "a dollar", "one euro": not an amount worth keeping
    second = _number_at(m, "bn2") if m.group("bn2") else None
    value, qual = _range_value(first, s1, second, _scale(m, "bs2"), _qualifier_of(m, "q"))
    return _money(m.group(0), value, _currency_of(m.group("bc")), qual)


def _money_vague(m: re.Match[str]) -> Amount:
    value = _VAGUE_MONEY[re.sub(r"\s+", " ", m.group("cv").lower())]
    qual = _qualifier_of(m, "q") or "at_least"
    return _money(m.group(0), value, _currency_of(m.group("cc")), qual)


def _kill_count(m: re.Match[str]) -> tuple[int, int, Amount] | None:
    value = _number_at(m, "kn", "kw")
    if value is None:
        return None
    verb = m.group("kv").lower()
    kind = "injured" if verb.startswith(("wound", "injur")) else "dead"
    start = m.start("kq") if m.group("kq") else m.start("kn") if m.group("kn") else m.start("kw")
    end = m.end(0)
    amount = Amount(
        text=m.string[start:end], value=value, qualifier=_qualifier_of(m, "kq"), kind=kind
    )
    return start, end, amount


def _count_value(m: re.Match[str]) -> tuple[float, str | None] | None:
    qual = _qualifier_of(m, "q")
    if m.group("nv"):
        vague = re.sub(r"\s+", " ", m.group("nv").lower())
        return float(_VAGUE[vague]), qual or "at_least"
    value = _number_at(m, "nn", "nw")
    if value is None or _looks_like_year(m):
        return None
    return value * (_SCALES[m.group("nsc").lower()] if m.group("nsc") else 1.0), qual


def _looks_like_year(m: re.Match[str]) -> bool:
    """A bare 1800-2100 number after "in", "since", ... or before other words is a year."""
    digits = m.group("nn")
    if digits is None or not digits.isdigit() or len(digits) != 4:
        return False  # "11.7 million people" is four characters and no year
    if not 1800 <= int(digits) <= 2100:
        return False
    before = m.string[max(0, m.start("nn") - 12) : m.start("nn")]
    return bool(m.group("nmod").strip()) or bool(_YEAR_CONTEXT.search(before))


def _count(m: re.Match[str]) -> tuple[int, int, Amount] | None:
    found = _count_value(m)
    if found is None:
        return None
    value, qual = found
    kind = _COUNT_NOUNS[re.sub(r"\s+", " ", m.group("nun").lower())]
    passive = (m.group("npass") or "").lower()
    if passive and kind in ("people", "troops"):
        kind = "injured" if re.search(r"wounded|injured|hurt", passive) else "dead"
    start, end = m.start(0), m.end("nun")
    return start, end, Amount(text=m.string[start:end], value=value, qualifier=qual, kind=kind)


def _from_match(m: re.Match[str]) -> tuple[int, int, Amount] | None:
    amount: Amount | None
    if m.group("ap") is not None:
        amount = _money_prefix(m)
    elif m.group("bc") is not None:
        amount = _money_suffix(m)
    elif m.group("cv") is not None:
        amount = _money_vague(m)
    elif m.group("kv") is not None:
        return _kill_count(m)
    else:
        return _count(m)
    return (m.start(0), m.end(0), amount) if amount else None


def find_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """Every money amount and count in ``text``: (start, end, Amount), in order, non-overlapping.

    Offsets are character offsets into ``text``; ``Amount.text`` is ``text[start:end]``.
    """
    found: list[tuple[int, int, Amount]] = []
    for match in _SCANNER.finditer(text):
        item = _from_match(match)
        if item is not None:
            found.append(item)
    return found


def parse_amount(text: str) -> Amount | None:
    """The first amount (money or count) in ``text``, or None ("more than $90 billion")."""
    found = find_amounts(text)
    return found[0][2] if found else None
