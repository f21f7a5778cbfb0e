"""The letter as text, and the check that every quote stands in it verbatim.

The letter file is a Markdown-ish transcription: link targets "[text](#)", emphasis
"*text*", superscripts "21^{ste}" and page breaks inside sentences are artefacts of the
transcription, not words of the letter. We compare quotes against the text with those
removed and all whitespace collapsed, so a quote reads as the printed letter does.
"""
import re
from pathlib import Path

from .paths import LETTER_DIR

LETTER_FILE = "vluchtelingenwerk-2026-02-02.txt"


def normalise(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)   # [text](#) -> text
    text = re.sub(r"\^\{([^}]*)\}", r"\1", text)            # 21^{ste} -> 21ste
    text = re.sub(r"\*([^*\n]+)\*", r"\1", text)            # *pledges* -> pledges
    return re.sub(r"\s+", " ", text).strip()


def letter_text(letter_dir: Path = LETTER_DIR) -> str | None:
    """The normalised letter, or None when the letter folder is not on this machine."""
    path = Path(letter_dir) / LETTER_FILE
    if not path.exists():
        return None
    return normalise(path.read_text(encoding="utf-8"))


def quote_in_letter(quote: str, text: str) -> bool:
    return normalise(quote) in text
