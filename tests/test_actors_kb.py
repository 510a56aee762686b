"""The actor knowledge base: lookups, roles, memberships and user files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from allegiance import actors
from allegiance.actors.kb import role_on
from allegiance.doc import register_extensions
from allegiance.errors import ConfigError
from allegiance.models import Mention
from allegiance.settings import Settings


@pytest.fixture(scope="module")
def kb() -> actors.KnowledgeBase:
    return actors.load_kb(Settings())


def test_every_country_is_there(kb: actors.KnowledgeBase) -> None:
    countries = list(kb.iter_actors("country"))
    assert len(countries) >= 240
    usa = kb.get("USA")
    assert usa is not None and usa.iso2 == "US" and usa.wikidata == "Q30"
    assert kb.find("U.S.") == usa
    assert kb.find("the United States") == usa


def test_lookup_by_alias_and_form(kb: actors.KnowledgeBase) -> None:
    (kremlin,) = kb.lookup("the Kremlin")
    assert (kremlin.key, kremlin.form, kremlin.sector) == ("RUS", "seat", "GOV")
    assert {a.key for a in kb.lookup("North Korean")} == {"PRK"}
    assert kb.find("Zelenskyy") == kb.get("PER:volodymyr-zelensky")


def test_people_have_dated_roles(kb: actors.KnowledgeBase) -> None:
    rutte = "PER:mark-rutte"
    assert role_on(kb, rutte, dt.date(2024, 11, 20)).org == "NATO"  # type: ignore[union-attr]
    assert role_on(kb, rutte, dt.date(2015, 1, 1)).org == "NLD"  # type: ignore[union-attr]
    assert role_on(kb, rutte, dt.date(2024, 8, 1)) is None  # between the two offices
    de_croo = role_on(kb, "PER:alexander-de-croo", dt.date(2024, 11, 20))
    assert de_croo is not None and (de_croo.title, de_croo.org) == ("prime minister", "BEL")
    assert role_on(kb, "PER:alexander-de-croo", dt.date(2025, 3, 1)) is None


def test_memberships_with_accession_dates(kb: actors.KnowledgeBase) -> None:
    assert "SWE" not in kb.members("NATO", dt.date(2023, 12, 31))
    assert "SWE" in kb.members("NATO", dt.date(2024, 4, 1))
    assert "GBR" in kb.members("EU", dt.date(2019, 1, 1))
    assert "GBR" not in kb.members("EU", dt.date(2021, 1, 1))


def test_entries_carry_wikidata_or_source(kb: actors.KnowledgeBase) -> None:
    for actor in kb.actors.values():
        assert actor.source, actor.code


def test_user_yaml_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- {code: FRD, name: Freedonia, kind: country, aliases: [Freedonia],\n"
        "   demonyms: [Freedonian], seats: {Fredville: GOV}, source: test}\n"
        "- code: 'PER:mark-rutte'\n"
        "  name: Mark Rutte\n"
        "  kind: person\n"
        "  country: NLD\n"
        "  roles: [{title: mayor, org: FRD, start: 2024-01-01}]\n",
        encoding="utf-8",
    )
    settings = Settings(actors_files=(user,))
    kb = actors.load_kb(settings)
    assert kb.find("Freedonian").code == "FRD"  # type: ignore[union-attr]
    register_extensions()
    nlp = spacy.blank("en")
    actors.add_to_pipeline(nlp, settings)
    doc = nlp("Freedonian troops left Fredville. Mark Rutte stayed.")
    found = {m.text: m for m in doc._.mentions}
    assert (found["Freedonian troops"].code, found["Freedonian troops"].sector) == ("FRD", "MIL")
    assert found["Fredville"].code == "FRD"
    assert (found["Mark Rutte"].code, found["Mark Rutte"].role) == ("FRD", "mayor")


def test_an_edited_user_file_counts_at_the_next_load(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("- {code: FRD, name: Freedonia, kind: country, aliases: [Freedonia]}\n")
    settings = Settings(actors_files=(user,))
    assert actors.load_kb(settings).find("Sylvania") is None
    user.write_text(
        "- {code: FRD, name: Freedonia, kind: country, aliases: [Freedonia]}\n"
        "- {code: SYL, name: Sylvania, kind: country, aliases: [Sylvania]}\n"
    )
    assert actors.load_kb(settings).find("Sylvania").code == "SYL"  # type: ignore[union-attr]
    assert actors.load_kb(Settings()).find("Sylvania") is None  # the shipped one is untouched


def test_user_csv_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.csv"
    user.write_text(
        "code,name,kind,aliases,country,role_title,role_org,role_start,source\n"
        "PER:ana-lima,Ana Lima,person,Minister Lima,BRA,foreign minister,BRA,2024-01-01,test\n",
        encoding="utf-8",
    )
    kb = actors.load_kb(Settings(actors_files=(user,)))
    role = role_on(kb, "PER:ana-lima", dt.date(2024, 6, 1))
    assert role is not None and (role.title, role.org) == ("foreign minister", "BRA")
    assert kb.find("Minister Lima") == kb.get("PER:ana-lima")


@pytest.mark.parametrize(
    "content",
    ["- {name: no code}\n", "- {code: X, kind: planet}\n", "- [unclosed\n"],
)
def test_bad_user_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    user = tmp_path / "bad.yaml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        actors.load_kb(Settings(actors_files=(user,)))


def test_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        actors.load_kb(Settings(actors_files=(tmp_path / "absent.yaml",)))


def test_describe_gives_roles_aliases_and_members(kb: actors.KnowledgeBase) -> None:
    rutte = kb.describe("Rutte")
    assert rutte is not None and rutte["code"] == "PER:mark-rutte"
    assert {"title": "secretary general", "org": "NATO", "start": "2024-10-01", "end": None} in (
        rutte["roles"]
    )
    nato = kb.describe("NATO")
    assert nato is not None and nato["members"]["SWE"] == "2024-03-07"
    assert "NATO" in kb.describe("LTU")["member_of"]  # type: ignore[index]
    assert kb.describe("Atlantis") is None


def test_un_agencies_and_missions_are_organs_of_the_un(kb: actors.KnowledgeBase) -> None:
    for code in ("UNDP", "UNFPA", "IOM", "FAO", "UNWOMEN", "UNIFIL", "MONUSCO", "UNAMA", "BINUH"):
        organ = kb.get(code)
        assert organ is not None and (organ.kind, organ.country) == ("igo", "UN"), code
    assert kb.find("U.N. migration agency") == kb.get("IOM")
    assert kb.find("UNIFIL").sector == "MIL"  # type: ignore[union-attr]
    assert kb.country_of("UNAMA") == "UN"


def test_un_officials_hold_dated_un_roles(kb: actors.KnowledgeBase) -> None:
    pedersen = role_on(kb, "PER:geir-pedersen", dt.date(2024, 5, 1))
    assert pedersen is not None and (pedersen.title, pedersen.org) == (
        "special envoy for syria",
        "UN",
    )
    otunbayeva = role_on(kb, "PER:roza-otunbayeva", dt.date(2023, 6, 1))
    assert otunbayeva is not None and otunbayeva.org == "UNAMA"
    bachelet = role_on(kb, "PER:michelle-bachelet", dt.date(2020, 6, 1))
    assert bachelet is not None and bachelet.org == "OHCHR"
    assert role_on(kb, "PER:michelle-bachelet", dt.date(2023, 6, 1)) is None
    bennett = role_on(kb, "PER:richard-bennett", dt.date(2024, 1, 1))
    assert bennett is not None and bennett.org == "UNHRC"
    # A country's ambassador to the UN speaks for the country.
    envoy = role_on(kb, "PER:linda-thomas-greenfield", dt.date(2023, 1, 1))
    assert envoy is not None and envoy.org == "USA"


def test_spokespeople_and_ministers_follow_the_date(kb: actors.KnowledgeBase) -> None:
    zhao = role_on(kb, "PER:zhao-lijian", dt.date(2021, 6, 1))
    assert zhao is not None and (zhao.title, zhao.org) == ("foreign ministry spokesperson", "CHN")
    assert role_on(kb, "PER:zhao-lijian", dt.date(2024, 6, 1)) is None
    psaki = role_on(kb, "PER:jen-psaki", dt.date(2021, 6, 1))
    assert psaki is not None and psaki.org == "USA"
    assert role_on(kb, "PER:karine-jean-pierre", dt.date(2021, 6, 1)) is None
    mujahid = role_on(kb, "PER:zabihullah-mujahid", dt.date(2024, 1, 1))
    assert mujahid is not None and mujahid.org == "TALIBAN"
    assert kb.country_of("PER:zabihullah-mujahid") == "AFG"
    assert kb.find("Kuleba") == kb.get("PER:dmytro-kuleba")


def test_un_envoy_and_spokesperson_resolve_in_text() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    actors.add_to_pipeline(nlp, Settings())

    def mentions(text: str, on: dt.date) -> dict[str, Mention]:
        doc = nlp.make_doc(text)
        doc._.published = on
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return {m.text: m for m in doc._.mentions}

    text = "Hans Grundberg met Karine Jean-Pierre. Stephane Dujarric said so."
    found = mentions(text, dt.date(2023, 6, 1))
    grundberg = found["Hans Grundberg"]
    assert (grundberg.code, grundberg.sector, grundberg.role) == (
        "UN",
        "IGO",
        "special envoy for yemen",
    )
    press = found["Karine Jean-Pierre"]
    assert (press.code, press.sector, press.role) == (
        "USA",
        "GOV",
        "white house press secretary",
    )
    assert found["Stephane Dujarric"].code == "UN"
    later = mentions(text, dt.date(2025, 3, 1))["Karine Jean-Pierre"]
    assert (later.code, later.role) == ("USA", "former white house press secretary")
    found = mentions("Chinese Foreign Ministry spokesman Lin Jian spoke.", dt.date(2025, 3, 1))
    lin = next(m for m in found.values() if m.person == "Lin Jian")
    assert (lin.code, lin.sector, lin.role) == ("CHN", "GOV", "spokesperson")
