"""Execute the notebooks and publish their outputs, all or nothing.

Notebooks run in a staging copy of data/, figures/ and notebooks/ (FACTCHECK_ROOT points
there), two at a time. Only when every notebook succeeded are the changed files copied
back, each with an atomic rename: a failing build leaves the previous outputs intact.
A notebook is re-executed only when its content hash or its inputs' hash changed.
"""
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import paths, readme
from .io import atomic_write_bytes, atomic_write_text

OUTPUT_DIRS = ("data", "figures", "notebooks")
OVERVIEW = "00-overview"
CACHE = paths.ROOT / "build" / "notebook-hashes.json"
KERNEL = "python3"
TIMEOUT = 600


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
    """Everything a notebook may read: the package, the registers, extracts, published
    tables; the overview also reads the other notebooks' verdicts."""
    files = [f for f in (paths.ROOT / "src").rglob("*") if f.is_file() and "__pycache__" not in f.parts]
    data = [f for f in paths.DATA.rglob("*") if f.is_file()]
    if notebook.stem != OVERVIEW:
        data = [f for f in data if paths.VERDICT_PARTS not in f.parents and f != paths.VERDICTS_FILE]
    return hashlib.sha256((_source_hash(notebook) + _digest(files + data)).encode()).hexdigest()


def execute(notebook: Path, root: Path) -> bytes:
    """Run one notebook top to bottom in `root`; return the executed notebook's bytes."""
    import nbformat
    from nbclient import NotebookClient

    os.environ["FACTCHECK_ROOT"] = str(root)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name=KERNEL, record_timing=False,
                            resources={"metadata": {"path": str(notebook.parent)}})
    client.execute()
    return (nbformat.writes(nb) + "\n").encode()


def _run(args):
    staged, root = args
    started = time.perf_counter()
    try:
        payload = execute(Path(staged), Path(root))
    except Exception as exc:  # report every failing notebook by name
        return staged, None, f"{type(exc).__name__}: {exc}", time.perf_counter() - started
    atomic_write_bytes(staged, payload)
    return staged, payload, None, time.perf_counter() - started


def _copy_back(stage: Path) -> list:
    changed = []
    for name in OUTPUT_DIRS:
        for file in sorted((stage / name).rglob("*")):
            if not file.is_file() or ".ipynb_checkpoints" in file.parts:
                continue
            target = paths.ROOT / file.relative_to(stage)
            payload = file.read_bytes()
            if not target.exists() or target.read_bytes() != payload:
                atomic_write_bytes(target, payload)
                changed.append(target)
    return changed


def build(force: bool = False, jobs: int = None, log=print) -> list:
    """Validate the registers, run what changed, publish. Returns the files changed."""
    from .registers import validate_all
    from .verdicts import assemble_verdicts

    validate_all()
    cache = json.loads(CACHE.read_text()) if CACHE.exists() and not force else {}
    all_notebooks = notebooks()
    topics = [nb for nb in all_notebooks if nb.stem != OVERVIEW]
    stale_topics = [nb for nb in topics if cache.get(nb.name) != input_hash(nb)]
    jobs = jobs or max(1, min(len(stale_topics), os.cpu_count() or 1))
    started = time.perf_counter()
    total = len(all_notebooks)
    with tempfile.TemporaryDirectory(prefix="stage-", dir=_stage_parent()) as tmp:
        stage = Path(tmp)
        for name in OUTPUT_DIRS:
            shutil.copytree(paths.ROOT / name, stage / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        done = 0
        for group in (stale_topics, [nb for nb in all_notebooks if nb.stem == OVERVIEW]):
            if not group:
                continue
            if group[0].stem == OVERVIEW and not stale_topics and not force and \
                    cache.get(group[0].name) == input_hash(group[0]):
                continue
            tasks = [(str(stage / "notebooks" / nb.name), str(stage)) for nb in group]
            with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
                for staged, payload, error, seconds in pool.map(_run, tasks):
                    done += 1
                    name = Path(staged).name
                    if error:
                        raise NotebookFailed(name, error)
                    log(f"[{done}/{total}] {name} executed in {seconds:.1f}s "
                        f"(elapsed {time.perf_counter() - started:.1f}s)")
        changed = _copy_back(stage)
    if readme.update(assemble_verdicts(write=False)):
        changed.append(readme.README)
    fresh = {nb.name: input_hash(nb) for nb in all_notebooks}
    atomic_write_text(CACHE, json.dumps(fresh, indent=1, sort_keys=True) + "\n")
    skipped = total - done
    log(f"build: {done} notebook(s) executed, {skipped} unchanged, {len(changed)} file(s) updated "
        f"in {time.perf_counter() - started:.1f}s")
    return changed


def _stage_parent() -> Path:
    parent = paths.ROOT / "build"
    parent.mkdir(exist_ok=True)
    return parent


class NotebookFailed(Exception):
    def __init__(self, notebook, error):
        self.notebook = notebook
        super().__init__(f"notebooks/{notebook} failed; no output was changed.\n{error}")


if __name__ == "__main__":
    build(force="--force" in sys.argv)
