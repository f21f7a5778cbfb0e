"""Shared fixtures: a throw-away copy of the project for tests that break inputs."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.core.project import project as the_project
from factcheck.pipeline.staging import copy_project, snapshot


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's inputs and outputs; the CLI runs against it via FACTCHECK_ROOT."""
    root = tmp_path / "project"
    copy_project(the_project().root, root)
    return root


def run_cli(root: Path, *args, timeout=600, env=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FACTCHECK_ROOT": str(root), "FACTCHECK_SHARED": str(the_project().shared), **(env or {})}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def tree_hashes(root: Path) -> dict:
    """sha256 of every file a build reads or writes, to prove nothing was touched."""
    return snapshot(root)
