"""Shared fixtures: a throw-away copy of the project for tests that break inputs."""
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.core.project import project as the_project

COPIED = ("data", "figures", "notebooks", "report", "pyproject.toml", "README.md", "CITATION.cff")


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's inputs and outputs; the CLI runs against it via FACTCHECK_ROOT."""
    root = tmp_path / "project"
    root.mkdir()
    for name in COPIED:
        source = the_project().root / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return root


def run_cli(root: Path, *args, timeout=600, env=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FACTCHECK_ROOT": str(root), "FACTCHECK_SHARED": str(the_project().shared), **(env or {})}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def tree_hashes(root: Path, folders=("data", "figures", "notebooks", "report")) -> dict:
    """sha256 of every file under the given folders, to prove nothing was touched."""
    hashes = {"README.md": hashlib.sha256((root / "README.md").read_bytes()).hexdigest()}
    for folder in folders:
        for file in sorted((root / folder).rglob("*")):
            if file.is_file():
                hashes[str(file.relative_to(root))] = hashlib.sha256(file.read_bytes()).hexdigest()
    return hashes
