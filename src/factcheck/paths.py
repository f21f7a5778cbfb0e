"""Where things are. Every path is resolved from the project root, never from the cwd.

The root is the folder holding pyproject.toml; FACTCHECK_ROOT overrides it (the build
uses that to run notebooks in a staging copy, so a failed build leaves outputs intact).
"""
import os
from pathlib import Path


def _find_root() -> Path:
    if os.environ.get("FACTCHECK_ROOT"):
        return Path(os.environ["FACTCHECK_ROOT"]).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "data").is_dir():
            return parent
    raise RuntimeError(f"cannot find the project root above {here}; set FACTCHECK_ROOT")


ROOT = _find_root()
DATA = ROOT / "data"
SNAPSHOTS = DATA / "snapshots"
PUBLISHED = DATA / "published"
SOURCES_DIR = DATA / "sources"
VERDICT_PARTS = DATA / "verdicts"
FIGURES = ROOT / "figures"
NOTEBOOKS = ROOT / "notebooks"
CLAIMS_FILE = DATA / "claims.csv"
VERDICTS_FILE = DATA / "verdicts.csv"
# The letter checked, a committed copy registered in data/sources/letter.csv (with its sha256).
LETTER_FILE = DATA / "letter" / "vluchtelingenwerk-2026-02-02.txt"
# Upstream snapshots are read only by `make snapshots`.
SHARED = Path(os.environ.get("FACTCHECK_SHARED", ROOT.parent / "shared"))


def rel(path: Path) -> str:
    """A path as shown in messages: relative to the root when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
