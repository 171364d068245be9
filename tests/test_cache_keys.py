"""What invalidates a document's cached analysis: the code its steps import, found from the steps
themselves (no list of file names to keep up to date when a module moves)."""
from __future__ import annotations

from analysis.build import keys


def _analysis_modules() -> set[str]:
    files = keys.import_closure(keys.ANALYSIS_ROOTS)
    return {p.relative_to(keys.PACKAGE_DIR).with_suffix("").as_posix().replace("/", ".") for p in files}


def test_the_analysis_code_is_every_module_its_steps_import():
    modules = _analysis_modules()
    assert {"build.steps", "build.analyse", "readers.__init__", "analyses.statements", "analyses.stance.__init__",
            "analyses.figures.__init__", "analyses.figures.measure", "analyses.timeline", "model.document",
            "model.findings", "config"} <= modules
    assert {"analyses.stance.assign", "analyses.stance.cues", "analyses.stance.question_topics"} <= modules
    # a module imported only inside a function counts as well, and so do the readers the registry
    # imports on first use
    assert "readers.load" in modules and "analyses.tensions" in modules
    assert {"readers.pdf.__init__", "readers.html", "readers.office"} <= modules


def test_modules_only_the_outputs_use_are_not_analysis_code():
    modules = _analysis_modules()
    for output_only in ("brief.compose", "cli", "api", "model.brief", "build.run", "build.output", "render.html",
                        "render.pdf", "charts.matrix", "charts.style"):
        assert output_only not in modules, output_only


def test_a_name_imported_from_a_module_is_not_taken_for_a_module():
    assert keys.module_file("analysis.build.steps") is not None
    assert keys.module_file("analysis.build.steps.STEPS") is None
    assert keys.module_file("json") is None


def test_digests_are_stable_within_a_process():
    assert keys.analysis_code_version() == keys.analysis_code_version() != keys.code_version()
    assert len(keys.lexicon_files_digest()) == 64
