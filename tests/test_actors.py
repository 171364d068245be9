"""Actor gazetteer: fixture sentences (tests/fixtures/actors/*.txt) -> expected mentions,
plus coverage (all 193 UN members, pycountry names), lookups, user extensions and speed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.actors import Gazetteer, Mention, titles
from conftest import ROOT

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "fixtures" / "actors"
LEXICON = HERE.parent / "analysis" / "lexicons" / "actors.json"


# ---------------------------------------------------------------- fixture cases as data
def _cases():
    for path in sorted(CASES_DIR.glob("*.txt")):
        if path.name == "un_members.txt":
            continue
        case = None
        context: list[str] = []
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.rstrip()
            if not line or line.startswith("#"):
                continue
            op, _, rest = line.partition(" ")
            if op == "@":
                context = [c.strip() for c in rest.split(";") if c.strip()]
            elif op == ">":
                if case:
                    yield case
                case = pytest.param(rest, tuple(context), [], id=f"{path.stem}:{lineno}")
                context = []
            elif op in ("+", "-", "="):
                assert case is not None, f"{path.name}:{lineno}: expectation before any '>' line"
                case.values[2].append((op, rest.strip(), f"{path.name}:{lineno}"))
            else:
                raise AssertionError(f"{path.name}:{lineno}: unknown line {line!r}")
        if case:
            yield case


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize("text,context,expect", list(_cases()))
def test_fixture_case(gaz, text, context, expect):
    found = gaz.find(text, context=context)
    shown = [(m.text, m.name, m.via) for m in found]
    for op, arg, where in expect:
        if op == "+":
            surface, _, target = arg.partition(" => ")
            via = None
            if target.endswith(")") and " (" in target:
                target, _, via = target[:-1].rpartition(" (")
            hits = [m for m in found if m.text == surface and m.name == target]
            assert hits, f"{where}: expected {surface!r} -> {target!r}; found {shown}"
            if via:
                assert hits[0].via == via, f"{where}: {surface!r} via {hits[0].via}, expected {via}"
        elif op == "-":
            assert all(m.name != arg for m in found), f"{where}: {arg!r} should not be found; found {shown}"
        else:
            names = [] if arg == "none" else [n.strip() for n in arg.split(",")]
            assert [m.name for m in found] == names, f"{where}: expected {names}; found {shown}"


def test_fixture_cases_are_many():
    assert len(list(_cases())) >= 60


# ---------------------------------------------------------------- the lexicon itself
def _un_members() -> list[str]:
    text = (CASES_DIR / "un_members.txt").read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


def test_every_un_member_is_present_and_pycountry_names_resolve(gaz):
    pycountry = pytest.importorskip("pycountry")
    codes = _un_members()
    assert len(codes) == len(set(codes)) == 193
    by_iso = {gaz.entry(n)["iso3"]: n for n in gaz.names() if gaz.entry(n).get("iso3")}
    members = [n for n in gaz.names() if gaz.entry(n).get("status") == "member"]
    assert len(members) == 193
    for code in codes:
        assert code in by_iso, f"{code} missing"
        canonical = by_iso[code]
        assert gaz.is_state(canonical)
        assert gaz.entry(canonical)["status"] == "member"
        country = pycountry.countries.get(alpha_3=code)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                assert gaz.canonical(value) == canonical, f"{code}: pycountry {attr} {value!r}"


def test_observers_de_facto_and_historical(gaz):
    assert gaz.entry("Holy See")["status"] == "observer"
    assert gaz.entry("Palestine")["status"] == "observer"
    for name in ("Kosovo", "Taiwan", "Abkhazia", "South Ossetia", "Transnistria", "Northern Cyprus",
                 "Somaliland", "Nagorno-Karabakh", "Sahrawi Arab Democratic Republic"):
        assert gaz.entry(name)["kind"] == "de-facto-state", name
        assert gaz.is_state(name)
    for name in ("Soviet Union", "Yugoslavia", "Czechoslovakia"):
        assert gaz.entry(name)["kind"] == "historical"


def test_entries_share_one_schema():
    rows = json.loads(LEXICON.read_text(encoding="utf-8"))
    keys = set(rows[0])
    assert {"name", "kind", "aliases", "adjectives", "demonyms", "capitals", "acronyms", "parent",
            "speaks_for_parent", "iso3", "metonyms", "ethnonyms"} <= keys
    kinds = {"state", "de-facto-state", "sub-state", "historical", "organisation", "organ"}
    names = {r["name"] for r in rows}
    for r in rows:
        assert set(r) == keys, r["name"]
        assert r["kind"] in kinds, r["name"]
        assert r["parent"] is None or r["parent"] in names, r["name"]
        if r["kind"] != "organ":
            assert r["speaks_for_parent"] is False, r["name"]
    assert sum(r["kind"] == "organisation" for r in rows) >= 80


def test_organs_and_who_speaks_for_whom(gaz):
    sg = gaz.entry("UN Secretary-General")
    assert sg["kind"] == "organ" and sg["parent"] == "United Nations" and sg["speaks_for_parent"]
    sc = gaz.entry("Security Council")
    assert sc["kind"] == "organ" and not sc["speaks_for_parent"]
    assert gaz.speaks_for("Secretary-General of the United Nations") == "United Nations"
    assert gaz.speaks_for("United Nations Security Council") == "United Nations Security Council"
    assert gaz.speaks_for("UN spokesperson") == "United Nations"
    assert gaz.speaks_for("OSCE Chairman-in-Office") == "OSCE"
    assert gaz.speaks_for("European Commission") == "European Union"
    assert gaz.entry("OSCE Parliamentary Assembly")["speaks_for_parent"] is False
    assert gaz.entry("Parliamentary Assembly of the Council of Europe")["speaks_for_parent"] is False
    assert gaz.parent_of("EULEX") == "European Union"
    assert gaz.root_of("President of the Security Council") == "United Nations"


def test_lookups(gaz):
    assert gaz.canonical("Russian Federation") == "Russia"
    assert gaz.canonical("USA") == "United States"
    assert gaz.canonical("U.S.") == "United States"
    assert gaz.canonical("Swedish") == "Sweden"
    assert gaz.canonical("Belgrade") == "Serbia"
    assert gaz.canonical("Brussels") == "European Union"
    assert gaz.canonical("the Government of Serbia") == "Serbia"
    assert gaz.canonical("Côte d’Ivoire") == "Côte d'Ivoire"
    assert gaz.canonical("Shanghai Cooperation Organization") == "Shanghai Cooperation Organisation"
    assert gaz.canonical("who") is None  # an acronym needs its capitals
    assert gaz.canonical("Serbs") is None  # an ethnonym is not the state
    assert gaz.canonical("Ruritania") is None
    assert gaz.entry("Ruritania") == {}
    assert gaz.adjective_state("Swedish") == "Sweden"
    assert gaz.adjective_state("Russian's") == "Russia"
    assert gaz.adjective_state("Kosovar") == "Kosovo"
    assert gaz.adjective_state("Serb") is None
    assert gaz.adjective_state("European") is None
    assert gaz.is_state("Georgia") and not gaz.is_state("NATO") and not gaz.is_state("Ruritania")
    assert gaz.label("United Nations Office on Drugs and Crime") == "United Nations Office on Drugs and Crime (UNODC)"
    assert gaz.label("Russia") == "Russia"


def test_mention_is_frozen_and_offsets_are_exact(gaz):
    text = "On Monday the Government of Serbia wrote to Brussels."
    found = gaz.find(text)
    assert found and all(isinstance(m, Mention) for m in found)
    for m in found:
        assert text[m.start:m.end] == m.text
    with pytest.raises(AttributeError):
        found[0].name = "x"  # type: ignore[misc]


def test_user_extension_from_report_toml():
    extra = (("Group for Policy Research", ("GPR", "Policy Research Group"), "organisation"),
             ("Ruritania", ("Republic of Ruritania", "Ruritanian"), "state"),
             ("NATO", ("the Atlantic Treaty body",), "organisation"))
    gaz = Gazetteer.default(extra)
    found = gaz.find("The GPR and the Policy Research Group met the Republic of Ruritania.")
    assert [(m.text, m.name) for m in found] == [
        ("GPR", "Group for Policy Research"), ("Policy Research Group", "Group for Policy Research"),
        ("Republic of Ruritania", "Ruritania")]
    assert gaz.entry("GPR")["kind"] == "organisation"
    assert gaz.is_state("Ruritania")
    assert gaz.canonical("the Atlantic Treaty body") == "NATO"
    assert gaz.find("gpr")  == []  # acronyms keep their case
    assert Gazetteer.default(extra) is gaz  # cached
    assert Gazetteer.default().canonical("GPR") is None  # the shipped gazetteer is untouched


def test_titles_lexicon():
    t = titles()
    for role in ("President", "Prime Minister", "Foreign Minister", "Secretary-General", "spokesperson",
                 "Permanent Representative", "Chairman-in-Office", "Editor-in-Chief", "mayor"):
        assert role in t["roles"], role
    for word in ("diplomat", "source", "official", "analyst", "observer", "expert", "politician"):
        assert word in t["anonymous"], word
    assert "senior" in t["anonymous_modifiers"]


# ---------------------------------------------------------------- the generator
def test_committed_lexicon_matches_its_generator():
    """actors.json is generated by tools/build_actors.py: edit the tables there.
    State aliases come partly from pycountry, whose wording may change between releases, so
    they are compared as a subset; everything else must be identical."""
    pytest.importorskip("pycountry")
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_actors", ROOT / "tools" / "build_actors.py")
    build_actors = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_actors)
    built = {r["name"]: r for r in build_actors.build()}
    committed = {r["name"]: r for r in json.loads(LEXICON.read_text(encoding="utf-8"))}
    assert built.keys() == committed.keys(), "run: python tools/build_actors.py"
    for name, row in built.items():
        for key, value in row.items():
            if key == "aliases" and row["kind"] == "state":
                continue
            assert committed[name][key] == value, f"{name}.{key} is stale: run python tools/build_actors.py"
