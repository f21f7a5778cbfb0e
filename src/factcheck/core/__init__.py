"""The lowest layer: the project root and its layout, errors, files, schemas, registers, the letter.

Imports nothing from the rest of the package."""
