"""A build never loses an edit and never half-publishes (issue 18).

The staging transaction is tested on a small made-up project (fast), then the real build on a
copy of this project: a failure after the notebooks ran (publishing) changes nothing, an edit
made while the build runs survives, a removed notebook takes its outputs with it.
"""
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import run_cli, tree_hashes
from factcheck.pipeline import staging
from factcheck.core.project import project as the_project
from factcheck.core.errors import BuildError

TINY = {
    "data/claims.csv": "claim_id\nC01\n",
    "data/sources/a.csv": "source_id\na\n",
    "data/verdicts.csv": "claim_id,verdict\nC01,accurate\n",
    "figures/chart/chart.en.png": "old png",
    "notebooks/01-topic.ipynb": '{"cells": []}',
    "report/index.html": "<p>old</p>",
    "README.md": "# old\n",
    "CITATION.cff": "date-released: 2026-02-02\n",
}


@pytest.fixture
def tiny(tmp_path) -> Path:
    root = tmp_path / "tiny"
    for relative, text in TINY.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    return root


def _state(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "build" not in p.relative_to(root).parts}


def _write_outputs(stage: Path) -> None:
    (stage / "data" / "verdicts.csv").write_text("claim_id,verdict\nC01,misleading\n")
    (stage / "figures" / "chart" / "chart.en.png").write_text("new png")
    (stage / "report" / "index.html").write_text("<p>new</p>")
    (stage / "figures" / "new" / "new.en.png").parent.mkdir(parents=True)
    (stage / "figures" / "new" / "new.en.png").write_text("added")


def test_publish_copies_exactly_what_the_build_wrote(tiny):
    with staging.Stage(tiny) as stage:
        _write_outputs(stage.path)
        (stage.path / "README.md").unlink()
        changed = stage.publish()
    assert sorted(p.relative_to(tiny).as_posix() for p in changed) == [
        "README.md", "data/verdicts.csv", "figures/chart/chart.en.png", "figures/new/new.en.png", "report/index.html"]
    state = _state(tiny)
    assert state["report/index.html"] == b"<p>new</p>" and "README.md" not in state
    assert state["data/claims.csv"] == TINY["data/claims.csv"].encode()
    assert not list(tiny.rglob("*" + staging.TMP_SUFFIX)) and not list((tiny / "build").glob("stage-*"))


@pytest.mark.parametrize("edited", ["data/claims.csv", "notebooks/01-topic.ipynb", "README.md", "src/x.py"])
def test_an_edit_made_during_the_build_is_kept_and_nothing_is_published(tiny, edited):
    with staging.Stage(tiny) as stage:
        _write_outputs(stage.path)
        (tiny / edited).parent.mkdir(parents=True, exist_ok=True)
        (tiny / edited).write_text("the user's edit")
        before = _state(tiny)
        with pytest.raises(BuildError, match=f"{edited} changed while the build ran; your version is kept"):
            stage.publish()
    assert _state(tiny) == before and (tiny / edited).read_text() == "the user's edit"


def test_a_build_that_writes_a_hand_written_input_publishes_nothing(tiny):
    before = _state(tiny)
    with staging.Stage(tiny) as stage:
        _write_outputs(stage.path)
        (stage.path / "data" / "claims.csv").write_text("claim_id\nC99\n")
        with pytest.raises(BuildError, match="changed the hand-written input data/claims.csv"):
            stage.publish()
        assert _state(tiny) == before
        changed = stage.publish(inputs_written={"data/claims.csv"})     # a refresh says so explicitly
    assert tiny / "data/claims.csv" in changed


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])   # full disk, read-only folder
def test_a_write_failure_while_publishing_changes_nothing(tiny, monkeypatch, code):
    before = _state(tiny)
    real_copy = shutil.copyfile
    calls = []

    def copy_until_full(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise OSError(code, os.strerror(code), str(target))
        return real_copy(source, target)

    with staging.Stage(tiny) as stage:
        _write_outputs(stage.path)
        monkeypatch.setattr(staging.shutil, "copyfile", copy_until_full)
        with pytest.raises(BuildError, match=f"cannot write .*{os.strerror(code)}; nothing was changed"):
            stage.publish()
    assert _state(tiny) == before and not list(tiny.rglob("*" + staging.TMP_SUFFIX))


def test_a_full_disk_for_the_staging_copy_is_one_line(tiny, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(staging.shutil, "copytree", full)
    with pytest.raises(BuildError, match="cannot create the staging copy .*No space left on device; nothing"):
        staging.Stage(tiny)
    assert not list((tiny / "build").glob("stage-*"))


KILLER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from factcheck.pipeline import staging
    root = Path(sys.argv[1])
    real_replace, count = os.replace, [0]
    def slow_replace(a, b):
        real_replace(a, b)
        count[0] += 1
        if count[0] == 2:                       # the journal and one file are in place
            print("renaming", flush=True)
            time.sleep(60)
    os.replace = slow_replace
    stage = staging.Stage(root)
    (stage.path / "data" / "verdicts.csv").write_text("claim_id,verdict\\nC01,misleading\\n")
    (stage.path / "report" / "index.html").write_text("<p>new</p>")
    (stage.path / "README.md").write_text("# new\\n")
    stage.publish()
""")


def test_sigkill_during_the_renames_is_completed_by_the_next_build(tiny):
    process = subprocess.Popen([sys.executable, "-c", KILLER, str(tiny)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "renaming"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert (tiny / "build" / staging.JOURNAL).exists() and list((tiny / "build").glob("stage-*"))
    staging.recover(tiny, log=lambda line: None)
    state = _state(tiny)
    assert state["data/verdicts.csv"].endswith(b"misleading\n") and state["README.md"] == b"# new\n"
    assert state["report/index.html"] == b"<p>new</p>"
    assert not (tiny / "build" / staging.JOURNAL).exists() and not list((tiny / "build").glob("stage-*"))
    assert not list(tiny.rglob("*" + staging.TMP_SUFFIX))


def test_a_second_build_refuses_while_one_runs(tiny):
    with staging.lock(tiny):
        with pytest.raises(BuildError, match="another build or refresh is running"):
            with staging.lock(tiny):
                pass
    with staging.lock(tiny):                      # released afterwards
        pass


# --- the real build, on a copy of this project ----------------------------------------------------

def _strictly_unchanged(project, before):
    after = tree_hashes(project)
    assert {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)} == set()


CACHE_FROM_INPUTS = ("import json; from factcheck.pipeline import build; build.project().build_cache.parent.mkdir(exist_ok=True); "
                     "build.project().build_cache.write_text(json.dumps({nb.name: build.input_hash(nb) for nb in build.notebooks()}))")


def _with_cache(project):
    """The committed outputs are those of the committed inputs (the determinism test says so), so
    the copy gets the cache a build would leave: an incremental build then runs only what changed."""
    env = dict(os.environ, FACTCHECK_ROOT=str(project))
    subprocess.run([sys.executable, "-c", CACHE_FROM_INPUTS], env=env, check=True)


@pytest.mark.parametrize("damage, expected", [
    (("CITATION.cff", "date-released:", "released:"), "date-released"),
    (("README.md", "<!-- end:verdicts -->", "<!-- end verdicts -->"), "README.md"),
])
def test_a_failure_while_publishing_changes_nothing(project, damage, expected):
    _with_cache(project)
    (project / "notebooks" / "00-overview.ipynb").write_text(
        (project / "notebooks" / "00-overview.ipynb").read_text().replace("verdict", "verdicts", 1))
    name, old, new = damage
    text = (project / name).read_text()
    assert old in text
    (project / name).write_text(text.replace(old, new))
    before = tree_hashes(project)
    result = run_cli(project, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "publishing failed, nothing was changed" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr
    _strictly_unchanged(project, before)


def test_an_edit_during_a_real_build_survives(project):
    _with_cache(project)
    notebook = project / "notebooks" / "01-resettlement.ipynb"
    notebook.write_text(notebook.read_text().replace("Resettlement", "Resettlement:", 1))
    env = dict(os.environ, FACTCHECK_ROOT=str(project), FACTCHECK_SHARED=str(the_project().shared))
    process = subprocess.Popen([sys.executable, "-m", "factcheck", "build"], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    claims = project / "data" / "claims.csv"
    deadline = time.monotonic() + 120
    while not list((project / "build").glob("stage-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    text = claims.read_text(encoding="utf-8")
    edited = text.replace("projected global resettlement needs", "projected needs for resettlement", 1)
    assert edited != text
    claims.write_text(edited, encoding="utf-8")
    before = tree_hashes(project)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 1, out + err
    assert "data/claims.csv changed while the build ran; your version is kept" in err
    assert claims.read_text(encoding="utf-8") == edited
    _strictly_unchanged(project, before)


def test_removing_a_notebook_removes_its_outputs_as_a_forced_build_does(project, tmp_path):
    _with_cache(project)
    forced = tmp_path / "forced"
    shutil.copytree(project, forced)
    for root in (project, forced):
        (root / "notebooks" / "03-solidarity.ipynb").unlink()
    incremental = run_cli(project, "build")
    assert incremental.returncode == 0, incremental.stderr
    assert "1 notebook(s) executed" in incremental.stdout           # only the overview
    assert not (project / "data" / "verdicts" / "03-solidarity.csv").exists()
    assert not (project / "figures" / "solidarity-key").exists()
    table = (project / "data" / "verdicts.csv").read_text()
    assert "C11,,not-yet-checked" in table
    assert run_cli(forced, "build", "--force").returncode == 0
    assert tree_hashes(project) == tree_hashes(forced)
