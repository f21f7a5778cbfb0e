"""Declarative table schemas and a validator whose messages name file, row and column.

A small validator of our own rather than pandera: the registers are tiny, and we want
messages in one exact form (file, row, line, column) and nothing else to pin.
"""
import datetime
import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pandas as pd

from .errors import InputError

SHA256 = re.compile(r"^[0-9a-f]{64}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"          # text | int | number | date | url | sha256 | id | ids | choice
    required: bool = True       # a value must be present in every row
    choices: tuple = ()
    minimum: float | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple
    unique: tuple = ()          # column names whose values must be unique
    extra_columns: bool = field(default=True)

    def column_names(self):
        return [column.name for column in self.columns]


def _check_value(column: Column, value: str):
    """Return (converted value, problem or None)."""
    if value == "":
        return None, ("a value is required" if column.required else None)
    kind = column.kind
    if kind == "int":
        try:
            number = int(value)
        except ValueError:
            return None, f"'{value}' is not a whole number"
        if column.minimum is not None and number < column.minimum:
            return None, f"{number} is below the minimum {column.minimum:g}"
        return number, None
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            return None, f"'{value}' is not a number"
        if not math.isfinite(number):
            return None, f"'{value}' is not a finite number"
        if column.minimum is not None and number < column.minimum:
            return None, f"{number:g} is below the minimum {column.minimum:g}"
        return number, None
    if kind == "date" and not _is_date(value):
        return None, f"'{value}' is not a date YYYY-MM-DD"
    if kind == "url" and not _is_web_url(value):
        return None, f"'{value}' is not an http(s) URL with a host"
    if kind == "sha256" and not SHA256.match(value):
        return None, f"'{value}' is not a sha256 hex digest"
    if kind == "id" and not ID.match(value):
        return None, f"'{value}' is not an id (lower case, digits, '.', '-')"
    if kind == "ids":
        items = [item.strip() for item in value.split(";")]
        bad = [item for item in items if not ID.match(item)]
        if bad:
            return None, f"'{value}' is not a ';'-separated list of ids"
        return value, None
    if kind == "choice" and value not in column.choices:
        return None, f"'{value}' is not one of: {', '.join(column.choices)}"
    if column.pattern and not re.fullmatch(column.pattern, value):
        return None, f"'{value}' does not match {column.pattern}"
    return value, None


def _is_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:  # 2026-13-45, 2026-02-30
        return False
    return True


def _is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. a malformed port or IPv6 address
        return False


def finite_numbers(text: pd.Series) -> pd.Series:
    """Text cells as numbers; empty, non-numeric and infinite cells become NaN."""
    numbers = pd.to_numeric(text.where(text.str.strip() != "", None), errors="coerce")
    return numbers.where(numbers.abs() != math.inf)


def _is_key(column: Column, schema: Schema) -> bool:
    """Ids, patterned codes and unique columns: a space around the value makes another key."""
    return column.kind == "id" or column.pattern is not None or column.name in schema.unique


def validate(frame: pd.DataFrame, schema: Schema, file: str) -> pd.DataFrame:
    """Check every cell; raise one InputError for the first problem, listing all found."""
    problems = []
    for column in schema.columns:
        if column.name not in frame.columns:
            raise InputError(file, f"required column is missing (have: {', '.join(frame.columns)})",
                             column=column.name)
    typed = frame.copy()
    for column in schema.columns:
        converted = []
        key = _is_key(column, schema)
        for row_number, value in enumerate(frame[column.name].tolist(), start=1):
            result, problem = _check_value(column, value.strip())
            if key and not problem and value != value.strip():
                problem = f"'{value}' has leading or trailing spaces"
            if problem:
                problems.append(InputError(file, problem, row=row_number, column=column.name))
            converted.append(result)
        if column.kind in ("int", "number"):
            dtype = "Int64" if column.kind == "int" else "Float64"
            typed[column.name] = pd.array(converted, dtype=dtype)
    for name in schema.unique:
        seen = {}
        for row_number, value in enumerate(frame[name].str.strip().tolist(), start=1):
            if value in seen:
                problems.append(InputError(
                    file, f"duplicate value '{value}' (first in row {seen[value]})",
                    row=row_number, column=name))
            seen.setdefault(value, row_number)
    if problems:
        first = problems[0]
        if len(problems) > 1:
            more = "\n".join(f"  - {p}" for p in problems[1:20])
            first = InputError(first.file, f"{first.message}\n{len(problems) - 1} more problem(s):\n{more}",
                               row=first.row, column=first.column, line=first.line)
        raise first
    return typed
