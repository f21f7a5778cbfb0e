"""`make bench`: measure the test suite and the build against the targets of issue 9.

- nbval over our notebooks vs a floor: as many trivial notebooks (import pandas and
  matplotlib) run through nbval the same way, in the same run; target ratio <= 1.5
- the rest of `make test` (pytest tests/ on all cores, as `make test` runs it): target < 60 s
- `make` with nothing changed: target < 5 s
- peak memory of a full build (sum of RSS over the process tree, sampled): target < 1 GiB
"""
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from ..core.project import project
from . import staging

NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval-sanitize.cfg",
         "-p", "no:cacheprovider", "-q"]


def _timed(command, env=None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project().root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.perf_counter() - started


def _trivial_notebooks(folder: Path, count: int) -> None:
    for index in range(count):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("import pandas as pd\nimport matplotlib.pyplot as plt\npd.__name__")]
        nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
        from nbclient import NotebookClient
        NotebookClient(nb, kernel_name="python3", record_timing=False).execute()
        nbformat.write(nb, folder / f"trivial-{index:02d}.ipynb")


def _peak_build_memory() -> float:
    """Run a forced build in a staging copy of the project and sample the process tree's RSS."""
    import psutil

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        staging.copy_project(project().root, root)
        env = dict(os.environ, FACTCHECK_ROOT=str(root))
        process = psutil.Popen([sys.executable, "-m", "factcheck", "build", "--force"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak = 0
        while process.poll() is None:
            try:
                tree = [process] + process.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)
        if process.returncode != 0:
            raise SystemExit("bench: the build failed")
    return peak / 2 ** 30


def main() -> None:
    python = sys.executable
    notebooks = sorted(str(p.relative_to(project().root)) for p in project().notebooks.glob("[0-9][0-9]-*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        _trivial_notebooks(Path(tmp), len(notebooks))
        floor = _timed([python, "-m", "pytest", *NBVAL, tmp])
    ours = _timed([python, "-m", "pytest", *NBVAL, *notebooks])
    rest = _timed([python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "auto", "tests"])
    subprocess.run([python, "-m", "factcheck", "build"], cwd=project().root, capture_output=True)
    noop = _timed(["make", "--no-print-directory", "build"])
    memory = _peak_build_memory()
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "notebooks": len(notebooks), "nbval_floor_s": round(floor, 1), "nbval_notebooks_s": round(ours, 1),
        "nbval_ratio": round(ours / floor, 2), "pytest_rest_s": round(rest, 1), "noop_make_s": round(noop, 2),
        "peak_build_memory_gib": round(memory, 2)}
    print(f"machine: {results['machine']}")
    print(f"nbval over {len(notebooks)} notebooks: {ours:.1f}s; floor ({len(notebooks)} trivial notebooks): "
          f"{floor:.1f}s; ratio {ours / floor:.2f} (target <= 1.5)")
    print(f"rest of make test (pytest -n auto tests/): {rest:.1f}s (target < 60s)")
    print(f"make with nothing changed: {noop:.2f}s (target < 5s)")
    print(f"peak memory of a full build: {memory:.2f} GiB (target < 1 GiB)")
    (project().root / "build").mkdir(exist_ok=True)
    (project().root / "build" / "bench.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
