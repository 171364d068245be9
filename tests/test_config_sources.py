"""[[sources]] naming a file, a folder or a pattern: expanded in a stable order, one id per file, per-file
settings kept, repeated files read once with a warning."""
from __future__ import annotations

import pytest

from analysis import config
from analysis.cli import main
from analysis.errors import ConfigError, SourceError

TEXT = "Ministers meet\n\n12 March 2021\n\nThe Minister of Ruritania, Anna Holm, said that {} talks would resume.\n"


@pytest.fixture
def tree(tmp_path):
    """src/ with text files in nested folders, a hidden file and a file of no format read."""
    for rel, word in (("src/b.txt", "border"), ("src/a.md", "trade"), ("src/sub/c.txt", "river"),
                      ("src/sub/deeper/d.wiki", "customs"), ("src/.hidden.txt", "secret"), ("src/notes.xyz", "x")):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT.format(word), encoding="utf-8")
    return tmp_path


def load(tmp_path, sources: str):
    cfg = tmp_path / "report.toml"
    cfg.write_text(f'[report]\ntitle = "T"\n{sources}\n[output]\ndir = "out"\nformats = ["json"]\n', encoding="utf-8")
    return config.load(cfg)


def test_a_folder_expands_to_its_readable_files_in_sorted_order(tree):
    cfg = load(tree, '[[sources]]\npath = "src"\n')
    assert [(s.id, s.given) for s in cfg.sources] == [
        ("d1", "src/a.md"), ("d2", "src/b.txt"), ("d3", "src/sub/c.txt"), ("d4", "src/sub/deeper/d.wiki")]


def test_a_glob_expands_in_sorted_order_and_numbers_on_from_earlier_sources(tree):
    cfg = load(tree, '[[sources]]\npath = "src/a.md"\n[[sources]]\nglob = "src/**/*.txt"\ngenre = "plaintext"\n')
    assert [(s.id, s.given, s.genre) for s in cfg.sources] == [
        ("d1", "src/a.md", None), ("d2", "src/b.txt", "plaintext"), ("d3", "src/sub/c.txt", "plaintext")]


def test_a_glob_with_an_id_names_its_files_after_it(tree):
    cfg = load(tree, '[[sources]]\nglob = "src/sub/**/*"\nid = "annex"\n')
    assert [s.id for s in cfg.sources] == ["annex-1", "annex-2"]


def test_a_file_named_on_its_own_keeps_its_settings_and_is_not_repeated(tree):
    cfg = load(tree, '[[sources]]\nglob = "src/*.txt"\n[[sources]]\npath = "src/b.txt"\ntitle = "Border note"\n'
                     '[[sources]]\nglob = "src/**/*.txt"\n')
    assert [(s.given, s.title) for s in cfg.sources] == [("src/b.txt", "Border note"), ("src/sub/c.txt", None)]


def test_files_with_the_same_bytes_are_read_once_with_a_warning(tree):
    (tree / "src" / "copy.txt").write_bytes((tree / "src" / "b.txt").read_bytes())
    cfg = load(tree, '[[sources]]\nglob = "src/*.txt"\n')
    assert [s.given for s in cfg.sources] == ["src/b.txt"]
    (warning,) = cfg.warnings
    assert "src/copy.txt" in warning and "src/b.txt" in warning and "once" in warning


@pytest.mark.parametrize("sources, error, words", [
    ('[[sources]]\nglob = "src/*.pdf"\n', ConfigError, "matches no file"),
    ('[[sources]]\nglob = "src/*.txt"\ntitle = "One title"\n', ConfigError, "several files"),
    ('[[sources]]\nglob = "src/*.txt"\npath = "src/b.txt"\n', ConfigError, "use one of them"),
    ('[[sources]]\npath = "src/sub/deeper/empty"\n', SourceError, "no file of a format read"),
])
def test_bad_folder_or_pattern_is_named(tree, sources, error, words):
    (tree / "src" / "sub" / "deeper" / "empty").mkdir()
    with pytest.raises(error) as caught:
        load(tree, sources)
    assert words in str(caught.value)


def test_a_folder_builds_with_one_line_per_repeat(tree, capsys):
    (tree / "src" / "copy.txt").write_bytes((tree / "src" / "b.txt").read_bytes())
    cfg = tree / "report.toml"
    cfg.write_text('[report]\ntitle = "T"\n[[sources]]\npath = "src"\n[output]\ndir = "out"\nformats = ["json"]\n',
                   encoding="utf-8")
    assert main(["--config", str(cfg), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert err.count("same bytes") == 1 and "src/copy.txt" in err
    import json

    found = json.loads((tree / "out" / "findings.json").read_text(encoding="utf-8"))
    assert [d["path"] for d in found["documents"]] == ["src/a.md", "src/b.txt", "src/sub/c.txt",
                                                        "src/sub/deeper/d.wiki"]
