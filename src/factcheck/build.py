"""Execute the notebooks and publish their outputs, all or nothing.

Notebooks run in a staging copy of data/, figures/ and notebooks/ (FACTCHECK_ROOT points
there), in parallel on the available cores. Only when every notebook succeeded are the
changed files copied back, each with an atomic rename: a failing build leaves the
previous outputs intact. A notebook is re-executed only when the hash of its cells or of
its inputs changed (build/notebook-hashes.json).
"""
import hashlib
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import paths
from .io import atomic_write_bytes, atomic_write_text
from .publish import publish

OUTPUT_DIRS = ("data", "figures", "notebooks")
OVERVIEW = "00-overview"
CACHE = paths.ROOT / "build" / "notebook-hashes.json"
KERNEL = "python3"
TIMEOUT = 600


class NotebookFailed(Exception):
    def __init__(self, notebook, error):
        self.notebook = notebook
        super().__init__(f"notebooks/{notebook} failed; no output was changed.\n{error}")


def notebooks() -> list:
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def _digest(files) -> str:
    digest = hashlib.sha256()
    for file in sorted(files):
        digest.update(str(file.relative_to(paths.ROOT)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _source_hash(notebook: Path) -> str:
    """Hash of the cells' sources only: outputs change when executed, inputs don't."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    return hashlib.sha256(json.dumps([c.source for c in nb.cells]).encode()).hexdigest()


def input_hash(notebook: Path) -> str:
    """Everything a notebook may read: the package, the registers, extracts and published
    tables; the overview also reads the other notebooks' verdicts."""
    package = [f for f in (paths.ROOT / "src").rglob("*") if f.is_file() and "__pycache__" not in f.parts]
    folders = [paths.SOURCES_DIR, paths.PUBLISHED, paths.SNAPSHOTS]
    if notebook.stem == OVERVIEW:
        folders.append(paths.VERDICT_PARTS)
    data = [paths.CLAIMS_FILE] + [f for folder in folders for f in folder.rglob("*") if f.is_file()]
    return hashlib.sha256((_source_hash(notebook) + _digest(package + data)).encode()).hexdigest()


def execute(notebook: Path, root: Path, env: dict = None) -> bytes:
    """Run one notebook top to bottom with `root` as project root; return its bytes."""
    import nbformat
    from nbclient import NotebookClient

    os.environ["FACTCHECK_ROOT"] = str(root)
    os.environ.update(env or {})
    nb = nbformat.read(notebook, as_version=4)
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
        payload = execute(Path(staged), Path(root), env)
    except Exception as exc:  # report every failing notebook by name
        return staged, f"{type(exc).__name__}: {exc}", time.perf_counter() - started
    atomic_write_bytes(staged, payload)
    return staged, None, time.perf_counter() - started


def _copy_back(stage: Path, folders=OUTPUT_DIRS) -> list:
    changed = []
    for name in folders:
        for file in sorted((stage / name).rglob("*")):
            if not file.is_file() or ".ipynb_checkpoints" in file.parts:
                continue
            target = paths.ROOT / file.relative_to(stage)
            payload = file.read_bytes()
            if not target.exists() or target.read_bytes() != payload:
                atomic_write_bytes(target, payload)
                changed.append(target)
    return changed


def run_staged(groups, env=None, jobs=None, copy=OUTPUT_DIRS, log=print) -> tuple:
    """Execute groups of notebooks (one group after the other, each in parallel) in a
    staging copy; copy the `copy` folders back only if all succeeded. Returns (changed, count)."""
    total = sum(len(group) for group in groups)
    if total == 0:
        return [], 0
    jobs = jobs or os.cpu_count() or 1
    started, done = time.perf_counter(), 0
    (paths.ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="stage-", dir=paths.ROOT / "build") as tmp:
        stage = Path(tmp)
        for name in OUTPUT_DIRS:
            shutil.copytree(paths.ROOT / name, stage / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        for group in groups:
            if not group:
                continue
            tasks = [(str(stage / "notebooks" / nb.name), str(stage), env or {}) for nb in group]
            with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
                for staged, error, seconds in pool.map(_run, tasks):
                    done += 1
                    if error:
                        raise NotebookFailed(Path(staged).name, error)
                    log(f"[{done}/{total}] {Path(staged).name} executed in {seconds:.1f}s "
                        f"(elapsed {time.perf_counter() - started:.1f}s)")
        return _copy_back(stage, copy), done


def build(force: bool = False, jobs: int = None, log=print) -> list:
    """Validate the registers, run what changed, publish. Returns the files changed."""
    from .registers import validate_all

    started = time.perf_counter()
    log("[validate] registers, links and extract checksums")
    validate_all()
    cache = {} if force or not CACHE.exists() else json.loads(CACHE.read_text())
    everything = notebooks()
    stale = [nb for nb in everything if nb.stem != OVERVIEW and cache.get(nb.name) != input_hash(nb)]
    overview = [nb for nb in everything if nb.stem == OVERVIEW
                and (stale or cache.get(nb.name) != input_hash(nb))]
    env = {"FACTCHECK_CHART_CACHE": "0"} if force else {}
    changed, done = run_staged([stale, overview], env=env, jobs=jobs, log=log)
    changed += publish()
    atomic_write_text(CACHE, json.dumps({nb.name: input_hash(nb) for nb in everything}, indent=1,
                                        sort_keys=True) + "\n")
    log(f"build: {done} notebook(s) executed, {len(everything) - done} unchanged, "
        f"{len(changed)} file(s) updated in {time.perf_counter() - started:.1f}s")
    return changed


def export_figures(langs, size: str, chart: str = None, log=print) -> list:
    """Re-export charts for the given languages and size preset (and only `chart` if given),
    by running the notebooks in a staging copy; only figures/ is copied back."""
    from .charts import LANGS, SIZES

    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown or size not in SIZES:
        raise ValueError(f"languages must be among {LANGS} and size among {tuple(SIZES)}")
    env = {"FACTCHECK_CHART_LANGS": ",".join(langs), "FACTCHECK_CHART_SIZE": size,
           "FACTCHECK_CHART_ONLY": chart or ""}
    changed, _ = run_staged([notebooks()], env=env, copy=("figures",), log=log)
    log(f"figures: {len(changed)} file(s) written for {','.join(langs)} at size '{size}'")
    return changed
