"""The lowest layer: the project root and its layout, errors, files, schemas, registers, the letter,
reader-facing text (numbers, dates, country names, English/Dutch pairs) and the chart drawing kit.

Imports nothing from the rest of the package."""
