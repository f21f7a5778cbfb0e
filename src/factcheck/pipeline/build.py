"""Execute the notebooks and publish their outputs, all or nothing.

Everything happens in a staging copy (`staging.Stage`; FACTCHECK_ROOT points there): the
notebooks run in parallel on the available cores, then the README sections, ClaimReview and
the report are written. Only when every step succeeded is what the build wrote copied back,
all at once, and only if nothing in the project changed meanwhile. A notebook is re-executed
only when the hash of its cells or of its inputs changed (build/notebook-hashes.json).
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import staging
from ..core.charts import LANGS, SIZES
from ..core.project import project
from ..core.errors import BuildError, InputError
from ..core.files import atomic_write_bytes, atomic_write_text, read_json, read_notebook
from .validate import validate_all

OVERVIEW = "00-overview"
KERNEL = "python3"
TIMEOUT = 600


# Errors raised in a notebook's kernel that mean bad input, not a bug (nbclient gives their names).
INPUT_ERRORS = ("InputError", "FormatError", "DownloadError")


class NotebookFailed(Exception):
    def __init__(self, notebook, error, bad_input=False):
        self.notebook = notebook
        if bad_input:
            super().__init__(f"notebooks/{notebook} stopped on bad input, no output was changed: {error}")
        else:
            super().__init__(f"notebooks/{notebook} failed; no output was changed.\n{error}")


def notebooks() -> list:
    return sorted(project().notebooks.glob("[0-9][0-9]-*.ipynb"))


def _source_hash(notebook: Path) -> str:
    """Hash of the cells' sources only: outputs change when executed, inputs don't."""
    nb = read_notebook(notebook)
    return hashlib.sha256(json.dumps([c.source for c in nb.cells]).encode()).hexdigest()


def input_hash(notebook: Path) -> str:
    """Everything a notebook may read: the hand-written inputs and the package (`staging.INPUTS`);
    the overview also reads the other notebooks' verdict parts."""
    root = project().root
    files = staging.snapshot(root, staging.INPUTS)
    if notebook.stem == OVERVIEW:
        orphans = {part.relative_to(root).as_posix() for part in orphan_parts(root)}
        parts = staging.snapshot(root, ("data/verdicts",))
        files.update({name: digest for name, digest in parts.items() if name not in orphans})
    return hashlib.sha256((_source_hash(notebook) + json.dumps(sorted(files.items()))).encode()).hexdigest()


def execute(notebook: Path, root: Path, env: dict = None) -> bytes:
    """Run one notebook top to bottom with `root` as project root; return its bytes."""
    import nbformat
    from nbclient import NotebookClient

    os.environ["FACTCHECK_ROOT"] = str(root)
    os.environ.update(env or {})
    nb = read_notebook(notebook)
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name=KERNEL, record_timing=False,
                            resources={"metadata": {"path": str(notebook.parent)}})
    client.execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = _merge_streams(cell.outputs)
    return (nbformat.writes(nb) + "\n").encode()


def _merge_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: how the kernel splits a cell's printed text
    depends on timing, and the stored notebook must not."""
    merged = []
    for output in outputs:
        if (output.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1]["name"] == output["name"]):
            merged[-1]["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def _run(task):
    staged, root, env = task
    started = time.perf_counter()
    try:
        atomic_write_bytes(staged, execute(Path(staged), Path(root), env))
    except InputError as exc:           # the stage's disk is full, or similar: one line
        return staged, str(exc), True, time.perf_counter() - started
    except Exception as exc:  # report every failing notebook by name
        if getattr(exc, "ename", None) in INPUT_ERRORS:     # bad input: its one line, no traceback
            return staged, exc.evalue, True, time.perf_counter() - started
        return staged, f"{type(exc).__name__}: {exc}", False, time.perf_counter() - started
    return staged, None, False, time.perf_counter() - started


def run_notebooks(stage: Path, groups, env=None, jobs=None, log=print) -> int:
    """Execute groups of notebooks in the stage (one group after the other, each in parallel);
    stop at the first failure. Returns the number executed."""
    total = sum(len(group) for group in groups)
    jobs = jobs or os.cpu_count() or 1
    started, done = time.perf_counter(), 0
    for group in groups:
        if not group:
            continue
        tasks = [(str(stage / "notebooks" / nb.name), str(stage), env or {}) for nb in group]
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
            for staged, error, bad_input, seconds in pool.map(_run, tasks):
                done += 1
                if error:
                    raise NotebookFailed(Path(staged).name, error, bad_input)
                log(f"[{done}/{total}] {Path(staged).name} executed in {seconds:.1f}s "
                    f"(elapsed {time.perf_counter() - started:.1f}s)")
    return done


def publish_in(stage: Path) -> None:
    """README sections, ClaimReview and the report, written inside the stage (a separate process,
    because the package finds its root from FACTCHECK_ROOT)."""
    env = dict(os.environ, FACTCHECK_ROOT=str(stage), FACTCHECK_SHARED=str(project().shared))
    result = subprocess.run([sys.executable, "-m", "factcheck", "publish"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        message = next((line for line in lines if line.startswith("ERROR: ")), lines[-1] if lines else "")
        raise BuildError(f"publishing failed, nothing was changed: {message.removeprefix('ERROR: ')}")


def orphan_parts(root: Path) -> list:
    """Verdict parts (data/verdicts/<notebook>.csv) whose notebook no longer exists."""
    return sorted(file for file in (root / "data" / "verdicts").glob("*.csv")
                  if not (root / "notebooks" / f"{file.stem}.ipynb").exists())


def remove_orphans(stage: Path) -> None:
    """A removed notebook's outputs go with it: its verdict part and the charts only it listed."""
    orphans = orphan_parts(stage)
    if not orphans:
        return
    import csv

    def charts(files):
        names = set()
        for file in files:
            with open(file, newline="", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    names.update(name for name in (row.get("figures") or "").split(";") if name)
        return names

    kept = [file for file in (stage / "data" / "verdicts").glob("*.csv") if file not in orphans]
    for name in sorted(charts(orphans) - charts(kept)):
        shutil.rmtree(stage / "figures" / name, ignore_errors=True)
    for file in orphans:
        file.unlink()


def build(force: bool = False, jobs: int = None, log=print) -> list:
    """Validate the registers, run what changed and publish, all in a stage; then copy what the
    build wrote back at once. Returns the files changed."""
    started = time.perf_counter()
    with staging.lock(project().root):
        staging.recover(project().root, log=log)
        before = staging.snapshot(project().root)
        log("[validate] registers, links and extract checksums")
        validate_all()
        cache = {} if force or not project().build_cache.exists() else read_json(project().build_cache)
        everything = notebooks()
        hashes = {nb.name: input_hash(nb) for nb in everything}
        stale = [nb for nb in everything if nb.stem != OVERVIEW and cache.get(nb.name) != hashes[nb.name]]
        overview = [nb for nb in everything if nb.stem == OVERVIEW
                    and (stale or orphan_parts(project().root) or cache.get(nb.name) != hashes[nb.name])]
        env = {"FACTCHECK_CHART_CACHE": "0"} if force else {}
        with staging.Stage(project().root, started=before) as stage:
            remove_orphans(stage.path)
            done = run_notebooks(stage.path, [stale, overview], env=env, jobs=jobs, log=log)
            publish_in(stage.path)
            changed = stage.publish()
        atomic_write_text(project().build_cache, json.dumps(hashes, indent=1, sort_keys=True) + "\n")
    log(f"build: {done} notebook(s) executed, {len(everything) - done} unchanged, "
        f"{len(changed)} file(s) updated in {time.perf_counter() - started:.1f}s")
    return changed


def export_figures(langs, size: str, chart: str = None, log=print) -> list:
    """Re-export charts for the given languages and size preset (and only `chart` if given),
    by running the notebooks in a staging copy; only figures/ is copied back."""
    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown or size not in SIZES:
        raise ValueError(f"languages must be among {LANGS} and size among {tuple(SIZES)}")
    env = {"FACTCHECK_CHART_LANGS": ",".join(langs), "FACTCHECK_CHART_SIZE": size,
           "FACTCHECK_CHART_ONLY": chart or ""}
    with staging.lock(project().root):
        staging.recover(project().root, log=log)
        with staging.Stage(project().root) as stage:
            run_notebooks(stage.path, [notebooks()], env=env, log=log)
            changed = stage.publish(folders=("figures",))
    log(f"figures: {len(changed)} file(s) written for {','.join(langs)} at size '{size}'")
    return changed
