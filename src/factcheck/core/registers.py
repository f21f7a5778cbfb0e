"""The hand-written registers: claims (data/claims.csv), sources (data/sources/*.csv)
and sources-backed tables of published figures (data/published/*.csv)."""
from pathlib import Path

import pandas as pd

from .project import project
from .errors import InputError
from .files import read_csv_strict, sha256
from .letter import letter_text, quote_in_letter
from .schema import Column, Schema, validate

TOPICS = ("resettlement", "recognition", "solidarity", "procedure", "protection",
          "integration", "research", "context")
QUANTITIES = ("stock", "flow", "rate", "pledge", "share", "change", "count", "date",
              "duration", "rule", "ranking", "statement")
QUALIFIERS = ("", "about", "almost", "only", "at least", "over", "none")

CLAIMS_SCHEMA = Schema("claims", (
    Column("claim_id", pattern=r"C\d{2}"),
    Column("topic", "choice", choices=TOPICS),
    Column("quote_nl"),                      # the full sentence(s), verbatim
    Column("fragment_nl"),                   # the words checked, verbatim, inside quote_nl
    Column("claim_en"),                      # English paraphrase
    Column("section"),                       # heading of the letter's section
    Column("quantity", "choice", choices=QUANTITIES),
    Column("claimed_value", "number", required=False),
    Column("claimed_text", required=False),  # the number as written, e.g. "bijna 3 miljoen"
    Column("unit", required=False),
    Column("period", required=False),
    Column("qualifier", "choice", required=False, choices=QUALIFIERS),
    Column("source_ids", "ids"),
    Column("notebook", pattern=r"\d{2}-[a-z0-9\-]+"),
), unique=("claim_id",))

SOURCE_KINDS = ("dataset", "report", "legal-act", "press-release", "news", "web-page",
                "statement", "parliamentary-paper", "letter")
SOURCES_SCHEMA = Schema("sources", (
    Column("source_id", "id"),
    Column("publisher"),
    Column("title"),
    Column("url", "url"),
    Column("date_published", "date", required=False),
    Column("date_accessed", "date"),
    Column("licence"),
    Column("kind", "choice", choices=SOURCE_KINDS),
    Column("extract_path", required=False),
    Column("upstream_file", required=False),
    Column("vintage", required=False),
    Column("upstream_sha256", "sha256", required=False),
    Column("extract_sha256", "sha256", required=False),
    Column("note", required=False),
), unique=())
SNAPSHOT_FIELDS = ("extract_path", "upstream_file", "vintage", "upstream_sha256", "extract_sha256")


def load_claims(path: Path = None, check_letter: bool = True) -> pd.DataFrame:
    path = Path(path or project().claims_file)
    shown = project().rel(path)
    claims = validate(read_csv_strict(path), CLAIMS_SCHEMA, shown)
    text = letter_text() if check_letter else None
    for row_number, row in enumerate(claims.itertuples(index=False), start=1):
        if row.fragment_nl not in row.quote_nl:
            raise InputError(shown, "fragment_nl is not part of quote_nl", row=row_number,
                             column="fragment_nl")
        if text is not None and not quote_in_letter(row.quote_nl, text):
            raise InputError(shown, f"quote is not in the letter {project().rel(project().letter_file)}",
                             row=row_number, column="quote_nl")
    return claims


_SOURCES_CACHE = {}


def load_sources(directory: Path = None) -> pd.DataFrame:
    """All data/sources/*.csv files as one register, with the file each row came from.

    Validated once per process and set of file versions (path, size, mtime): notebooks ask
    for the register with every extract they load."""
    directory = Path(directory or project().sources_dir)
    files = sorted(directory.glob("*.csv"))
    if not files:
        raise InputError(project().rel(directory), "no sources register files (*.csv)")
    versions = tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    if versions not in _SOURCES_CACHE:
        _SOURCES_CACHE.clear()
        _SOURCES_CACHE[versions] = _read_sources(files)
    return _SOURCES_CACHE[versions].copy()


def _read_sources(files) -> pd.DataFrame:
    frames, origin = [], {}
    for file in files:
        shown = project().rel(file)
        frame = validate(read_csv_strict(file), SOURCES_SCHEMA, shown)
        for row_number, row in enumerate(frame.itertuples(index=False), start=1):
            if row.source_id in origin:
                raise InputError(shown, f"duplicate source id '{row.source_id}' "
                                 f"(also in {origin[row.source_id][0]} row {origin[row.source_id][1]})",
                                 row=row_number, column="source_id")
            origin[row.source_id] = (shown, row_number)
            if row.kind == "dataset" and row.extract_path:
                for field in SNAPSHOT_FIELDS:
                    if not getattr(row, field):
                        raise InputError(shown, "a snapshot needs all of " + ", ".join(SNAPSHOT_FIELDS),
                                         row=row_number, column=field)
        frame["register_file"] = shown
        frame["register_row"] = range(1, len(frame) + 1)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def check_source_ids(ids, sources: pd.DataFrame, file: str, row: int, column: str) -> list:
    """Split a ';' list of ids and make sure each one is in the sources register."""
    known = set(sources["source_id"])
    items = [item.strip() for item in str(ids).split(";") if item.strip()]
    for item in items:
        if item not in known:
            raise InputError(file, f"unknown source id '{item}'", row=row, column=column)
    return items


def verify_extracts(sources: pd.DataFrame) -> None:
    """Every committed extract must have the sha256 the register records."""
    for row in sources.itertuples(index=False):
        if not row.extract_path:
            continue
        path = project().root / row.extract_path
        if not path.exists():
            raise InputError(row.register_file, f"extract {row.extract_path} is missing",
                             row=row.register_row, column="extract_path")
        actual = sha256(path)
        if actual != row.extract_sha256:
            raise InputError(row.register_file,
                             f"checksum mismatch for {row.extract_path}: file has {actual}, "
                             f"register says {row.extract_sha256}",
                             row=row.register_row, column="extract_sha256")


def load_published(name: str, schema: Schema = None, sources: pd.DataFrame = None) -> pd.DataFrame:
    """A sources-backed table of published figures: every row names its source_id."""
    path = project().published / f"{name}.csv"
    shown = project().rel(path)
    frame = read_csv_strict(path, required=["source_id"])
    if schema is not None:
        frame = validate(frame, schema, shown)
    sources = load_sources() if sources is None else sources
    for row_number, value in enumerate(frame["source_id"].tolist(), start=1):
        check_source_ids(value, sources, shown, row_number, "source_id")
    return frame

