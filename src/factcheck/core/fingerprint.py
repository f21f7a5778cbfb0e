"""Content fingerprints of a chart's inputs, so an unchanged chart is not drawn again.

A chart is a pure function of its inputs: the package code (which holds the drawing
functions), the house style, Matplotlib's version, the texts, the data, and whatever the
`draw` function closes over. If any of these cannot be fingerprinted reliably (an object
whose only description is its memory address), the chart is always drawn.
"""
import hashlib
from dataclasses import asdict, is_dataclass
from functools import lru_cache
from pathlib import Path
from types import CodeType, FunctionType, ModuleType

import numpy as np
import pandas as pd


class Unhashable(Exception):
    pass


@lru_cache(maxsize=1)
def package_digest() -> str:
    """The package's source files and style sheet (the code every chart is drawn by)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent   # the whole factcheck package
    for file in sorted(package.rglob("*")):
        if file.suffix in (".py", ".mplstyle"):
            digest.update(file.name.encode() + file.read_bytes())
    import matplotlib
    digest.update(matplotlib.__version__.encode())
    return digest.hexdigest()


def _feed(digest, value, depth: int = 0) -> None:
    if depth > 8:
        raise Unhashable("nested too deeply")
    feed = lambda v: _feed(digest, v, depth + 1)  # noqa: E731
    digest.update(type(value).__name__.encode())
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        digest.update(repr(value).encode())
    elif isinstance(value, pd.DataFrame):
        digest.update(repr((list(value.columns), [str(t) for t in value.dtypes])).encode())
        digest.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    elif isinstance(value, (pd.Series, pd.Index)):
        digest.update(repr((value.name, str(value.dtype))).encode())
        digest.update(pd.util.hash_pandas_object(value).to_numpy().tobytes())
    elif isinstance(value, np.ndarray):
        digest.update(repr((value.dtype.str, value.shape)).encode() + np.ascontiguousarray(value).tobytes())
    elif isinstance(value, dict):
        for key in sorted(value, key=repr):
            feed(key)
            feed(value[key])
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in (sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value):
            feed(item)
    elif is_dataclass(value) and not isinstance(value, type):
        feed(asdict(value))
    elif isinstance(value, CodeType):
        # not marshal: its output depends on reference counts; bytecode, names and constants do not
        digest.update(value.co_code + repr((value.co_names, value.co_varnames)).encode())
        feed(value.co_consts)
    elif isinstance(value, FunctionType):
        feed(value.__code__)
        feed(value.__defaults__)
        for cell in value.__closure__ or ():
            feed(cell.cell_contents)
        for name in value.__code__.co_names:   # notebook-level names the function uses
            if name in value.__globals__ and value.__globals__.get("__name__") == "__main__":
                feed(value.__globals__[name])
    elif isinstance(value, ModuleType):
        digest.update(value.__name__.encode())
    elif callable(value) and getattr(value, "__module__", "").startswith(("factcheck", "matplotlib", "numpy",
                                                                         "pandas", "builtins")):
        digest.update(f"{value.__module__}.{getattr(value, '__qualname__', '')}".encode())
    else:
        text = repr(value)
        if " at 0x" in text:
            raise Unhashable(f"cannot fingerprint {type(value).__name__}")
        digest.update(text.encode())


def fingerprint(*values) -> str | None:
    """A sha256 over the package code and `values`, or None if something cannot be hashed."""
    digest = hashlib.sha256(package_digest().encode())
    try:
        for value in values:
            _feed(digest, value)
    except Unhashable:
        return None
    return digest.hexdigest()
