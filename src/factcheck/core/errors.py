"""One error type for bad input, so every message names file, row and column."""

# file -> the line each data row starts on, for the CSV files where that is not row + 1
# (blank lines, fields spanning lines). `io.read_csv_strict` records it; every InputError
# for a row of such a file then names the true line, wherever it is raised.
_ROW_LINES = {}


def record_row_lines(file, lines) -> None:
    """Remember the starting line of each data row of `file` (as shown in messages)."""
    if any(line != row + 1 for row, line in enumerate(lines, start=1)):
        _ROW_LINES[str(file)] = tuple(lines)
    else:
        _ROW_LINES.pop(str(file), None)


def _line_of(file: str, row: int) -> int:
    lines = _ROW_LINES.get(file, ())
    return lines[row - 1] if 0 < row <= len(lines) else row + 1


class InputError(Exception):
    """Bad input. `row` is the 1-based data row (the header is row 0), `line` the file line;
    `column` names a table column, or (a number) the position in a line of a text file."""

    def __init__(self, file, message, row=None, column=None, line=None):
        self.file, self.row, self.column, self.message = str(file), row, column, message
        self.line = _line_of(self.file, row) if line is None and row is not None else line
        where = [self.file]
        if row is not None:
            where.append(f"row {row} (line {self.line})")
        elif line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}" if isinstance(column, int) else f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")

    def __reduce__(self):  # rebuilt from its fields when it crosses a process boundary
        return type(self), (self.file, self.message, self.row, self.column, self.line)


class OutputError(InputError):
    """A file could not be written (disk full, read-only folder, no permission)."""


class BuildError(Exception):
    """A build or refresh that stopped before publishing anything (an edit during the build,
    a full disk, another build running). The message is one line."""
