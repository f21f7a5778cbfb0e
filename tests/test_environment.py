"""The pinned environment: pip pins and the conda file must not drift apart."""
import re

from factcheck import paths


def _pins(lines):
    return {line.strip().lstrip("- ").strip() for line in lines
            if re.match(r"^\s*-?\s*[A-Za-z0-9_.\-]+==", line)}


def test_requirements_are_exact_pins():
    lines = [line for line in (paths.ROOT / "requirements.txt").read_text().splitlines() if line.strip()]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", line) for line in lines)
    names = {line.split("==")[0].lower() for line in lines}
    assert {"jupyterlab", "pandas", "matplotlib", "nbval", "pytest", "pyreadr"} <= names


def test_environment_yml_matches_requirements():
    pip_pins = _pins((paths.ROOT / "requirements.txt").read_text().splitlines())
    conda_pins = _pins((paths.ROOT / "environment.yml").read_text().splitlines())
    assert pip_pins == conda_pins, (sorted(pip_pins - conda_pins), sorted(conda_pins - pip_pins))
