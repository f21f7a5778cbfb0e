"""Golden-output check for refactoring: the sha256 of every output file, compared with a stored list.

    python tools/same_outputs.py record /tmp/golden.json   # before the change
    python tools/same_outputs.py check  /tmp/golden.json   # after `make`: exit 1 if any output differs

Chart sidecars (figures/*/*.json) are hashed without their `inputs_sha256` field: it fingerprints
the package source, so it changes with any code move while the chart itself does not.
"""
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ("data/verdicts.csv", "data/verdicts/**/*", "data/claimreview.jsonld", "figures/**/*",
            "report/**/*", "README.md", "notebooks/*.ipynb")


def _digest(path: Path) -> str:
    payload = path.read_bytes()
    if path.suffix == ".json" and path.parent.parent == ROOT / "figures":
        sidecar = json.loads(payload)
        sidecar.pop("inputs_sha256", None)
        payload = json.dumps(sidecar, sort_keys=True).encode()
    return hashlib.sha256(payload).hexdigest()


def outputs() -> dict:
    files = {p for pattern in PATTERNS for p in ROOT.glob(pattern) if p.is_file()}
    return {str(p.relative_to(ROOT)): _digest(p) for p in sorted(files)}


def main(argv) -> int:
    if len(argv) != 3 or argv[1] not in ("record", "check"):
        print(__doc__)
        return 2
    golden = Path(argv[2])
    if argv[1] == "record":
        golden.write_text(json.dumps(outputs(), indent=1, sort_keys=True) + "\n")
        return 0
    expected, actual = json.loads(golden.read_text()), outputs()
    differ = sorted(name for name in expected.keys() | actual.keys() if expected.get(name) != actual.get(name))
    for name in differ:
        state = "missing" if name not in actual else "new" if name not in expected else "changed"
        print(f"{state}: {name}")
    print(f"{len(actual)} outputs, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
