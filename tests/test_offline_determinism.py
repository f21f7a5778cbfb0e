"""The full build runs with networking disabled and reproduces the committed outputs byte
for byte: notebooks, tables, figures, report, README."""
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import tree_hashes

from factcheck.core.project import project as the_project

GUARD = Path(__file__).with_name("offline_guard")


def _network_namespace() -> bool:
    """True when this machine lets us run a command in a fresh network namespace."""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    probe = subprocess.run(["unshare", "-n", "sh", "-c", "ip link set lo up"], capture_output=True)
    return probe.returncode == 0


def test_guard_blocks_outside_addresses():
    env = dict(os.environ, PYTHONPATH=str(GUARD))
    code = "import socket; s = socket.socket(); s.connect(('192.0.2.1', 80))"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "network access blocked" in result.stderr


def test_offline_full_build_is_byte_identical_to_committed_outputs(project):
    before = tree_hashes(project)
    command = [sys.executable, "-m", "factcheck", "build", "--force"]
    if _network_namespace():
        command = ["unshare", "-n", "sh", "-c", "ip link set lo up && exec " + shlex.join(command)]
    env = dict(os.environ, FACTCHECK_ROOT=str(project), FACTCHECK_SHARED=str(the_project().shared),
               PYTHONPATH=os.pathsep.join(filter(None, [str(GUARD), os.environ.get("PYTHONPATH")])))
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    after = tree_hashes(project)
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert differ == [], f"rebuilding changed {differ}: outputs are not deterministic or not committed"
