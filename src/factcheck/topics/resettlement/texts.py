"""The topic's text table (`texts.toml`), read once when first asked (never at import), and the
small helpers the checks and charts build sentences with."""
from functools import lru_cache
from pathlib import Path

from ...core import text
from ...core.files import read_texts
from ...core.text import Text, in_both
from ...rules import VOCABULARY

TEXTS_FILE = Path(__file__).with_name("texts.toml")


@lru_cache(maxsize=None)
def texts() -> dict:
    return read_texts(TEXTS_FILE)


def say(key: str, **values) -> Text:
    """The text `key` with its {placeholders} filled (a `Text` value gives each language its own)."""
    return texts()[key].format(**values)


def joined(parts, sep) -> Text:
    """Parts joined with a separator that may differ per language (a `Text`, e.g. ' and ' / ' en ')."""
    parts = [p for p in parts if p is not None and (p.en or p.nl)]
    sep = sep if isinstance(sep, Text) else Text(sep, sep)
    return Text(sep.en.join(p.en for p in parts), sep.nl.join(p.nl for p in parts))


def concat(*parts) -> Text:
    """Parts written one after another, with nothing between them."""
    return joined(parts, "")


def n(value, decimals: int = 0, **options) -> Text:
    """A number in both languages: 1,540 / 1.540."""
    return Text(*(text.number(value, lang, decimals, **options) for lang in ("en", "nl")))


def pct(value, decimals: int = 1, **options) -> Text:
    """A percentage in both languages: 0.4% / 0,4%."""
    return Text(*(text.percent(value, lang, decimals, **options) for lang in ("en", "nl")))


def span_text(low, high, decimals: int = 0) -> Text:
    """A range in both languages ('2,700,000 to 3,000,000' / '2.700.000 tot 3.000.000')."""
    return Text(text.number_range(low, high, "en", decimals, sep=" to "),
                text.number_range(low, high, "nl", decimals, sep=" tot "))


def general(value) -> Text:
    return in_both(text.general, value)


def million(value, over: bool = False) -> Text:
    return Text(text.million(value, "en", over=over), text.million(value, "nl", over=over))


def month(date: str) -> Text:
    """'June 2025' / 'juni 2025'; 'date not known' when there is no date."""
    return Text(*(text.date(date, lang, day=False) for lang in ("en", "nl"))) if date else texts()["word.undated"]


def verdict_sentence(check_assessment) -> Text:
    """'Verdict (rule 2): *Accurate*.' from the assessment."""
    from_vocabulary = label_of(check_assessment.verdict)
    return say("why.verdict", rule=check_assessment.rule.id, label=from_vocabulary)


def label_of(verdict: str) -> Text:
    entry = VOCABULARY[verdict]
    return Text(entry.label_en, entry.label_nl)
