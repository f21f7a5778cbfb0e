"""One error type for bad input, so every message names file, row and column."""


class InputError(Exception):
    """Bad input. `row` is the 1-based data row (the header is row 0), `line` the file line."""

    def __init__(self, file, message, row=None, column=None):
        self.file, self.row, self.column, self.message = str(file), row, column, message
        where = [self.file]
        if row is not None:
            where.append(f"row {row} (line {row + 1})")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")


class BuildError(Exception):
    """A build or refresh that stopped before publishing anything (an edit during the build,
    a full disk, another build running). The message is one line."""
