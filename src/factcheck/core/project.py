"""Where things are. Every path is resolved from the project root, never from the cwd.

The root is the folder holding pyproject.toml and data/; FACTCHECK_ROOT overrides it (the build
uses that to run notebooks in a staging copy, so a failed build leaves outputs intact). It is
found when first asked (`project()`), never at import, so the package imports anywhere.
"""
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Project:
    """The project root and the files and folders inside it."""
    root: Path
    shared: Path = None             # upstream snapshots, read only by `make snapshots`
    data: Path = field(init=False)
    snapshots: Path = field(init=False)
    published: Path = field(init=False)
    sources_dir: Path = field(init=False)
    verdict_parts: Path = field(init=False)
    figures: Path = field(init=False)
    notebooks: Path = field(init=False)
    claims_file: Path = field(init=False)
    verdicts_file: Path = field(init=False)
    updates_file: Path = field(init=False)
    letter_file: Path = field(init=False)
    claimreview_file: Path = field(init=False)
    readme_file: Path = field(init=False)
    report_file: Path = field(init=False)
    build_cache: Path = field(init=False)

    def __post_init__(self):
        self.root = Path(self.root).resolve()
        if self.shared is None:
            self.shared = Path(os.environ.get("FACTCHECK_SHARED", self.root.parent / "shared"))
        self.data = self.root / "data"
        self.snapshots = self.data / "snapshots"
        self.published = self.data / "published"
        self.sources_dir = self.data / "sources"
        self.verdict_parts = self.data / "verdicts"
        self.figures = self.root / "figures"
        self.notebooks = self.root / "notebooks"
        self.claims_file = self.data / "claims.csv"
        self.verdicts_file = self.data / "verdicts.csv"
        self.updates_file = self.data / "updates.csv"      # verdicts that moved (tools/verdict_updates.py)
        # The letter checked, a committed copy registered in data/sources/letter.csv (with its sha256).
        self.letter_file = self.data / "letter" / "vluchtelingenwerk-2026-02-02.txt"
        self.claimreview_file = self.data / "claimreview.jsonld"
        self.readme_file = self.root / "README.md"
        self.report_file = self.root / "report" / "index.html"
        self.build_cache = self.root / "build" / "notebook-hashes.json"

    @classmethod
    def find(cls) -> "Project":
        """FACTCHECK_ROOT, else the first folder above the package with pyproject.toml and data/."""
        if os.environ.get("FACTCHECK_ROOT"):
            return cls(Path(os.environ["FACTCHECK_ROOT"]))
        here = Path(__file__).resolve()
        for parent in here.parents:
            if (parent / "pyproject.toml").exists() and (parent / "data").is_dir():
                return cls(parent)
        raise RuntimeError(f"cannot find the project root above {here}; set FACTCHECK_ROOT")

    def rel(self, path: Path) -> str:
        """A path as shown in messages: relative to the root when inside it."""
        path = Path(path)
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)


_CURRENT = []


def project() -> Project:
    """The project this process works on, found on the first call."""
    if not _CURRENT:
        _CURRENT.append(Project.find())
    return _CURRENT[0]


def rel(path: Path) -> str:
    """`project().rel(path)`."""
    return project().rel(path)
