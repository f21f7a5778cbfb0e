"""The committed extracts are reproducible from the upstream files, byte for byte."""
import filecmp
import os
import shutil
import subprocess
import sys

import pytest

from factcheck.core.project import project as the_project

SOURCES = the_project().shared / "sources"


def test_make_snapshots_reproduces_the_committed_extracts(tmp_path):
    if not SOURCES.exists():
        pytest.skip(f"{SOURCES} is not on this machine: extraction not re-run")
    root = tmp_path / "project"
    shutil.copytree(the_project().data, root / "data")
    shutil.copy2(the_project().root / "pyproject.toml", root)
    shutil.rmtree(root / "data" / "snapshots")
    env = dict(os.environ, FACTCHECK_ROOT=str(root))
    result = subprocess.run([sys.executable, "-m", "factcheck", "snapshots", str(SOURCES)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    made = sorted(p.relative_to(root / "data") for p in (root / "data" / "snapshots").rglob("*") if p.is_file())
    # extracts written by `make refresh` (Eurostat, UNHCR API vintages) come from elsewhere
    committed = sorted(p.relative_to(the_project().data) for p in the_project().snapshots.rglob("*") if p.is_file()
                       and "eurostat" not in p.parts and not any(part.startswith("api-") for part in p.parts))
    assert made and made == committed
    for relative in made + [the_project().sources_dir.relative_to(the_project().data) / "snapshots.csv"]:
        assert filecmp.cmp(root / "data" / relative, the_project().data / relative, shallow=False), relative


def test_upstream_checksum_mismatch_is_refused(tmp_path):
    if not SOURCES.exists():
        pytest.skip(f"{SOURCES} is not on this machine")
    fake = tmp_path / "sources"
    shutil.copytree(SOURCES, fake)
    target = fake / "worldbank" / "SP.POP.TOTL.csv"
    target.chmod(0o644)
    target.write_text(target.read_text() + "Nowhere,NWH,2020,1\n")
    root = tmp_path / "project"
    shutil.copytree(the_project().data, root / "data")
    shutil.copy2(the_project().root / "pyproject.toml", root)
    before = {p: p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()}
    env = dict(os.environ, FACTCHECK_ROOT=str(root))
    result = subprocess.run([sys.executable, "-m", "factcheck", "snapshots", str(fake)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "SP.POP.TOTL.csv" in result.stderr and "checksum mismatch" in result.stderr
    assert before == {p: p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()}
