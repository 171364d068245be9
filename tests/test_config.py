"""report.toml validation: good files load; every mistake is named by key or line."""
from __future__ import annotations

import pytest

from analysis import config
from analysis.errors import ConfigError
from conftest import ROOT


def test_default_report_toml_loads():
    cfg = config.load(ROOT / "report.toml")
    assert len(cfg.sources) == 3
    assert [s.id for s in cfg.sources] == ["d1", "d2", "d3"]
    assert all(s.path.is_file() for s in cfg.sources)
    assert {q.id for q in cfg.questions} == {"recognition", "serb-association", "organised-crime"}
    assert cfg.output.formats == ("pdf", "docx", "html", "json")


def test_question_kinds_policy_by_default_assessment_with_its_scale(project):
    cfg = config.load(project('[report]\ntitle = "T"\n[[sources]]\npath = "src/note.txt"\n'
                              '[[questions]]\nid = "p"\nlabel = "P"\nterms = ["p"]\n'
                              '[[questions]]\nid = "a"\nlabel = "A"\nterms = ["a"]\nkind = "assessment"\n'
                              'scale = ["legitimate", "illegitimate"]\n'))
    assert [(q.kind, q.scale) for q in cfg.questions] == [("policy", ()), ("assessment", ("legitimate", "illegitimate"))]


def test_minimal_config_gets_defaults(project):
    cfg = config.load(project('[report]\ntitle = "T"\n[[sources]]\npath = "src/note.txt"\n'))
    assert cfg.style.page_size == "A4"
    assert cfg.output.dir.name == "out"
    assert cfg.sources[0].id == "d1"
    assert cfg.sources[0].given == "src/note.txt"


@pytest.mark.parametrize("toml, words", [
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\ncolour = "red"\n', "sources[0].colour"),
    ('[report]\ntitel = "T"\n[[sources]]\npath = "a"\n', "report.titel"),
    ('[report]\ntitle = 5\n[[sources]]\npath = "a"\n', "report.title"),
    ('[report]\ntitle = "T"\n', "no [[sources]]"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\ngenre = "latex"\n', "sources[0].genre"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[style]\npage_size = "A3"\n', "style.page_size"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[output]\nformats = ["odt"]\n', "output.formats"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[[questions]]\nid = "q"\nlabel = "Q"\n', "questions[0].terms"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\nid = "x"\n[[sources]]\npath = "b"\nid = "x"\n', "repeats"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[content]\nsummary = "missing.md"\n', "content.summary"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[output]\nembed_findings = "yes"\n', "output.embed_findings"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[style]\naccent = "blue"\n', "style.accent"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[[questions]]\nid = "q"\nlabel = "Q"\nterms = ["q"]\n'
     'kind = "poll"\n', "questions[0].kind"),
    ('[report]\ntitle = "T"\n[[sources]]\npath = "a"\n[[questions]]\nid = "q"\nlabel = "Q"\nterms = ["q"]\n'
     'kind = "assessment"\n', "questions[0].scale"),
])
def test_mistakes_name_the_key(project, toml, words):
    with pytest.raises(ConfigError) as err:
        config.load(project(toml))
    assert words in err.value.line()
    assert "\n" not in err.value.line()


def test_broken_toml_names_the_line(project):
    with pytest.raises(ConfigError) as err:
        config.load(project('[report]\ntitle = "T"\n\n[[sources]\npath = "a"\n'))
    assert "line 4" in err.value.line()


def test_missing_and_binary_config(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        config.load(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(ConfigError):
        config.load(bad)


def test_lexicon_extensions(project):
    cfg = config.load(project(
        '[report]\ntitle = "T"\n[[sources]]\npath = "src/note.txt"\n'
        '[[lexicons.actors]]\nname = "Northern Alliance Forum"\naliases = ["NAF"]\n'
        '[[lexicons.principles]]\nid = "transparency"\nlabel = "Transparency"\ncues = ["transparen*"]\n'))
    assert cfg.lexicons.actors == (("Northern Alliance Forum", ("NAF",), "organisation"),)
    assert cfg.lexicons.principles[0][0] == "transparency"
