"""Reading and writing files: checksums, strict CSV, JSON and notebook reading, atomic writes.

Every reader names the file and the line (and column) of what it cannot read."""
import csv
import hashlib
import io
import json
import os
import re
import tempfile
import tomllib
from pathlib import Path

import pandas as pd

from .errors import InputError, OutputError, record_row_lines
from .project import rel
from .text import LANGS, Text


def sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write_bytes(path, payload: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.
    A full disk or a read-only folder is an OutputError naming `path`."""
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(rel(path), f"cannot write: {exc.strerror or exc}") from exc
        raise


def atomic_write_text(path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_csv(path, frame: pd.DataFrame) -> None:
    """Deterministic CSV: UTF-8, LF line ends, no index, floats as pandas prints them."""
    atomic_write_text(path, frame.to_csv(index=False, lineterminator="\n"))


def read_text(path) -> str:
    """A UTF-8 text file (a leading byte order mark is dropped); a byte that is not UTF-8
    is an InputError naming its line and column (the byte's position in the line)."""
    path = Path(path)
    if not path.exists():
        raise InputError(rel(path), "file is missing")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        raise InputError(rel(path), f"is not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded "
                         "(save the file as UTF-8)", line=raw.count(b"\n", 0, exc.start) + 1,
                         column=exc.start - line_start + 1) from exc


def _parse_json(text: str, shown: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(shown, f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from exc


def read_json(path):
    """A JSON file; invalid JSON is an InputError naming its line and column."""
    return _parse_json(read_text(path), rel(path))


def read_notebook(path):
    """A notebook as `nbformat.read(path, as_version=4)` returns it; invalid JSON or a damaged
    notebook structure is an InputError naming the file (and the line and column of bad JSON)."""
    import nbformat

    text, shown = read_text(path), rel(path)
    _parse_json(text, shown)
    captured = {}
    try:
        notebook = nbformat.reads(text, as_version=4, capture_validation_error=captured)
    except Exception as exc:  # nbformat raises assorted types for a damaged structure
        raise InputError(shown, f"is not a valid notebook: {exc}") from exc
    if captured:
        raise InputError(shown, f"is not a valid notebook: {captured['ValidationError'].message}")
    return notebook


def read_csv_strict(path, required=None) -> pd.DataFrame:
    """Read a CSV as text columns; name the file, row, true line and column when it is malformed.

    Blank lines are skipped; messages still name the line each row starts on."""
    path = Path(path)
    shown = rel(path)
    reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
    rows, lines = [], []
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(shown, "file is empty")
        while True:
            start = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if not row:
                continue
            if len(row) != len(header):
                raise InputError(shown, f"has {len(row)} fields, the header has {len(header)}",
                                 row=len(rows) + 1, line=start)
            rows.append(row)
            lines.append(start)
    except csv.Error as exc:
        raise InputError(shown, f"malformed CSV: {exc}", line=reader.line_num) from exc
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise InputError(shown, "column name appears twice in the header", column=duplicated[0])
    for column in required or []:
        if column not in header:
            raise InputError(shown, f"required column is missing (have: {', '.join(header)})", column=column)
    record_row_lines(shown, lines)
    return pd.DataFrame(rows, columns=header, dtype=str)


def read_texts(path) -> dict:
    """A text table: the English and Dutch wording of a topic's sentences, for an editor to
    proofread without reading Python. TOML, one table per sentence with `en` and `nl`:

        [c02.conclusion]
        en = "14 EU states did pledge {combined} places ..."
        nl = "14 EU-landen zegden ... {combined} plaatsen toe ..."

    Returns {"c02.conclusion": Text(...)}. Invalid TOML, a missing language or two languages with
    different {placeholders} is an InputError naming the file and line."""
    source, shown = read_text(path), rel(path)
    try:
        table = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+), column (\d+)", str(exc))
        raise InputError(shown, f"invalid TOML: {str(exc).split(' (at')[0]}",
                         line=int(found[1]) if found else None, column=int(found[2]) if found else None) from exc
    texts = {}

    def line_of(key):
        header = f"[{key}]"
        for number, line in enumerate(source.splitlines(), start=1):
            if line.strip() == header:
                return number
        return None

    def walk(node, prefix):
        if set(node) & set(LANGS) or not any(isinstance(v, dict) for v in node.values()):
            missing = [lang for lang in LANGS if not isinstance(node.get(lang), str)]
            if missing:
                raise InputError(shown, f"text '{prefix}' has no {' or '.join(missing)} wording", line=line_of(prefix))
            text = Text(node["en"], node["nl"])
            try:
                en, nl = (text.placeholders(lang) for lang in LANGS)
            except ValueError as exc:
                raise InputError(shown, f"text '{prefix}': {exc}", line=line_of(prefix)) from exc
            if en != nl:
                raise InputError(shown, f"text '{prefix}': the English and Dutch wording use different "
                                 f"placeholders ({', '.join(sorted(en ^ nl))})", line=line_of(prefix))
            texts[prefix] = text
            return
        for key, value in node.items():
            if not isinstance(value, dict):
                raise InputError(shown, f"'{prefix + '.' if prefix else ''}{key}' is not a text table "
                                 "(expected en = ... and nl = ...)")
            walk(value, f"{prefix}.{key}" if prefix else key)

    walk(table, "")
    return texts
