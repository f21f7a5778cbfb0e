"""A build as a transaction: work in a staging copy, publish everything at once or nothing.

- `lock(root)`: one build (or refresh) at a time in a project; a second one refuses.
- `recover(root)`: after a killed build, finish an interrupted publish (the journal) and remove
  leftover staging copies and temporary files.
- `Stage(root)`: a copy of the project's data, notebooks and outputs under build/stage-*, with
  the sha256 of every watched file in the project when the build started.
- `Stage.publish()`: refuses when anything watched changed in the project since the start (the
  user's edit wins, nothing is written); refuses when the build wrote a hand-written input;
  writes every new file beside its target first (a full disk fails here, before any change),
  then a journal, then renames them all with signals deferred.
"""
import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import tempfile
from pathlib import Path

from ..core.errors import BuildError

# What a staging copy holds, and what a build may publish from it.
STAGED = ("data", "figures", "notebooks", "report", "README.md", "CITATION.cff", "pyproject.toml")
# Hand-written inputs: a build reads them and never writes them (a refresh may add some).
INPUTS = ("data/claims.csv", "data/updates.csv", "data/sources", "data/published", "data/snapshots", "data/letter", "data/text",
          "CITATION.cff", "pyproject.toml", "src")
# Also watched for edits during a build, never copied into the stage: the package.
WATCHED = STAGED + ("src",)
IGNORED = (".ipynb_checkpoints", "__pycache__")
TMP_SUFFIX = ".publish.tmp"
JOURNAL = "publish-journal.json"


def _files(root: Path, names=WATCHED) -> dict:
    """sha256 of every file under `names` (relative paths), skipping checkpoints and temps."""
    hashes = {}
    for name in names:
        top = root / name
        candidates = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for file in candidates:
            relative = file.relative_to(root)
            if (file.is_file() and not any(part in IGNORED for part in relative.parts)
                    and not file.name.endswith(TMP_SUFFIX)):
                hashes[relative.as_posix()] = hashlib.sha256(file.read_bytes()).hexdigest()
    return hashes


def snapshot(root: Path, names=WATCHED) -> dict:
    """sha256 of the files under `names` (default: everything watched) as they are now: take it
    before reading any input."""
    return _files(Path(root), names)


def copy_project(source: Path, target: Path) -> None:
    """Copy what a build reads and writes (`STAGED`) from one project folder to another: the
    staging copy, and the throw-away copies of the tests and the benchmark."""
    for name in STAGED:
        if (Path(source) / name).is_dir():
            shutil.copytree(Path(source) / name, Path(target) / name, ignore=shutil.ignore_patterns(*IGNORED))
        elif (Path(source) / name).exists():
            Path(target).mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(source) / name, Path(target) / name)


def is_input(relative: str) -> bool:
    return any(relative == name or relative.startswith(name + "/") for name in INPUTS)


def _build_dir(root: Path) -> Path:
    folder = root / "build"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create {folder}: {exc.strerror}; nothing was changed") from None
    return folder


@contextlib.contextmanager
def lock(root: Path):
    """Hold build/.lock for the duration; a second build in the same project stops at once."""
    path = _build_dir(root) / ".lock"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError("another build or refresh is running in this project (build/.lock); "
                             "wait for it to finish, then run it again") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover(root: Path, log=print) -> None:
    """Call with the lock held: roll an interrupted publish forward, remove what a killed
    build left behind (staging copies, temporary files)."""
    build = _build_dir(root)
    journal = build / JOURNAL
    if journal.exists():
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))
        except ValueError:
            raise BuildError(f"{journal} is damaged: a publish was interrupted; restore the outputs with "
                             "git (git status shows them), delete the journal and build again") from None
        for temp, target in entries["renames"]:
            if (root / temp).exists():
                os.replace(root / temp, root / target)
        for target in entries["removes"]:
            _remove(root, target)
        journal.unlink()
        log(f"[recover] finished a publish that was interrupted ({len(entries['renames'])} file(s))")
    for name in STAGED:
        top = root / name
        if top.is_dir():
            for temp in top.rglob("*" + TMP_SUFFIX):
                temp.unlink()
    for old in list(build.glob("stage-*")) + list(build.glob("refresh-stage-*")):
        shutil.rmtree(old, ignore_errors=True)


def _remove(root: Path, relative: str) -> None:
    """Remove a file and the folders it leaves empty (a chart's folder)."""
    path = root / relative
    path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == root or any(parent.iterdir()):
            break
        parent.rmdir()


@contextlib.contextmanager
def _signals_deferred():
    """SIGINT and SIGTERM wait until the renames are done (they take milliseconds)."""
    caught = []
    previous = {sig: signal.signal(sig, lambda number, frame: caught.append(number))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])


class Stage:
    """A staging copy of the project; use as a context manager (the copy is removed after)."""

    def __init__(self, root: Path, prefix: str = "stage-", started: dict = None):
        self.root = Path(root)
        self.started = snapshot(self.root) if started is None else started
        self._tmp = tempfile.TemporaryDirectory(prefix=prefix, dir=_build_dir(self.root))
        self.path = Path(self._tmp.name)
        try:
            copy_project(self.root, self.path)
        except OSError as exc:
            self._tmp.cleanup()
            raise BuildError(f"cannot create the staging copy in {self.path.parent}: "
                             f"{exc.strerror or exc}; nothing was changed") from None
        self.baseline = _files(self.path, STAGED)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._tmp.cleanup()

    def writes(self, folders=STAGED) -> tuple:
        """(changed or added relative paths, removed relative paths) in the stage, under `folders`."""
        now = _files(self.path, folders)
        before = {k: v for k, v in self.baseline.items() if any(k == f or k.startswith(f + "/") for f in folders)}
        changed = sorted(k for k, v in now.items() if before.get(k) != v)
        removed = sorted(k for k in before if k not in now)
        return changed, removed

    def publish(self, folders=STAGED, inputs_written=()) -> list:
        """Copy what the build wrote under `folders` to the project, all or nothing; return the
        changed paths. `inputs_written`: hand-written inputs this command means to write (refresh)."""
        changed, removed = self.writes(folders)
        for relative in changed + removed:
            if is_input(relative) and relative not in inputs_written:
                raise BuildError(f"the build changed the hand-written input {relative}; nothing was published")
        now = _files(self.root)
        edited = sorted(k for k in now.keys() | self.started.keys() if now.get(k) != self.started.get(k))
        if edited:
            more = f" and {len(edited) - 1} more" if len(edited) > 1 else ""
            raise BuildError(f"{edited[0]}{more} changed while the build ran; your version is kept and "
                             "nothing was published: run the build again")
        renames = []
        try:
            for relative in changed:
                target = self.root / relative
                temp = target.with_name(target.name + TMP_SUFFIX)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(self.path / relative, temp)
                renames.append((temp.relative_to(self.root).as_posix(), relative))
            journal = self.root / "build" / JOURNAL
            temp_journal = journal.with_name(JOURNAL + TMP_SUFFIX)
            temp_journal.write_text(json.dumps({"renames": renames, "removes": removed}), encoding="utf-8")
        except OSError as exc:
            for temp, _ in renames:
                (self.root / temp).unlink(missing_ok=True)
            (self.root / "build" / (JOURNAL + TMP_SUFFIX)).unlink(missing_ok=True)
            where = getattr(exc, "filename", None) or "the project"
            raise BuildError(f"cannot write {where}: {exc.strerror or exc}; nothing was changed") from None
        with _signals_deferred():
            os.replace(temp_journal, journal)       # from here on the publish completes, even after a kill
            for temp, relative in renames:
                os.replace(self.root / temp, self.root / relative)
            for relative in removed:
                _remove(self.root, relative)
            journal.unlink()
        return [self.root / relative for relative in changed + removed]
