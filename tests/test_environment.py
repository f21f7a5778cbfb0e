"""The pinned environment: pip pins and the conda file must not drift apart."""
import re

from factcheck.core.project import project as the_project


def _pins(lines):
    return {line.strip().lstrip("- ").strip() for line in lines
            if re.match(r"^\s*-?\s*[A-Za-z0-9_.\-]+==", line)}


def test_requirements_are_exact_pins():
    lines = [line for line in (the_project().root / "requirements.txt").read_text().splitlines() if line.strip()]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", line) for line in lines)
    names = {line.split("==")[0].lower() for line in lines}
    assert {"jupyterlab", "pandas", "matplotlib", "nbval", "pytest", "pyreadr"} <= names


def test_environment_yml_matches_requirements():
    pip_pins = _pins((the_project().root / "requirements.txt").read_text().splitlines())
    conda_pins = _pins((the_project().root / "environment.yml").read_text().splitlines())
    assert pip_pins == conda_pins, (sorted(pip_pins - conda_pins), sorted(conda_pins - pip_pins))


# Import names that differ from the distribution's name.
DISTRIBUTION = {"PIL": "pillow", "IPython": "ipython"}


def test_pyproject_declares_what_the_package_imports():
    import ast
    import sys
    import tomllib

    project = tomllib.loads((the_project().root / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=\[ ]", item)[0].lower() for item in project["dependencies"]}
    extras = {re.split(r"[<>=\[ ]", item)[0].lower() for items in project["optional-dependencies"].values()
              for item in items}
    imported = set()
    for module in (the_project().root / "src" / "factcheck").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = {DISTRIBUTION.get(name, name).lower() for name in imported
                   if name not in sys.stdlib_module_names and name != "factcheck"}
    assert third_party - declared - extras == set()
    # nothing declared that the package does not import, but the kernel the notebooks run in
    assert declared - third_party == {"ipykernel"}
