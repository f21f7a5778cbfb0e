"""The topic's text table (texts.toml): every reader-facing sentence in English and Dutch, read once
when first asked (never at import), filled with values formatted per language by `core.text`."""
from functools import lru_cache
from pathlib import Path

from ...core import text
from ...core.files import read_texts
from ...core.text import Text, in_both

TEXTS_FILE = Path(__file__).with_name("texts.toml")


@lru_cache(maxsize=1)
def texts() -> dict:
    return read_texts(TEXTS_FILE)


def t(key: str, /, **values) -> Text:
    """The text `key` of texts.toml with its {placeholders} filled (a `Text` value per language)."""
    table = texts()
    if key not in table:
        raise KeyError(f"{TEXTS_FILE.name} has no text '{key}'")
    return table[key].format(**values)


def number(value, decimals: int = 0, **options) -> Text:
    return in_both(text.number, value, decimals=decimals, **options)


def percent(value, decimals: int = 2) -> Text:
    return in_both(text.percent, value, decimals=decimals)


def date(value, **options) -> Text:
    return in_both(text.date, value, **options)


def and_list(en, nl) -> Text:
    """Names joined as 'A, B, C and D' / 'A, B, C en D' (no serial comma), one list per language.
    (A generic helper: it belongs in core.text.)"""
    def join(items, lang):
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + texts()["list.and"][lang] + items[-1]
    return Text(join(en, "en"), join(nl, "nl"))
