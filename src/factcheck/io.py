"""Reading and writing files: checksums, strict CSV reading, atomic writes."""
import hashlib
import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import InputError
from .paths import rel


def sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write_bytes(path, payload: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_csv(path, frame: pd.DataFrame) -> None:
    """Deterministic CSV: UTF-8, LF line ends, no index, floats as pandas prints them."""
    atomic_write_text(path, frame.to_csv(index=False, lineterminator="\n"))


def read_csv_strict(path, required=None) -> pd.DataFrame:
    """Read a CSV as text columns; name the file and row when it is malformed."""
    path = Path(path)
    if not path.exists():
        raise InputError(rel(path), "file is missing")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
    except pd.errors.ParserError as exc:
        raise InputError(rel(path), f"malformed CSV: {exc}") from exc
    except pd.errors.EmptyDataError as exc:
        raise InputError(rel(path), "file is empty") from exc
    _check_ragged(path)
    for column in required or []:
        if column not in frame.columns:
            raise InputError(rel(path), f"required column is missing (have: {', '.join(frame.columns)})",
                             column=column)
    return frame


def _check_ragged(path: Path) -> None:
    """pandas pads short rows silently; a short row is a truncated or broken row."""
    import csv

    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        for row_number, row in enumerate(reader, start=1):
            if row and len(row) != len(header):
                raise InputError(rel(path), f"has {len(row)} fields, the header has {len(header)}",
                                 row=row_number)
