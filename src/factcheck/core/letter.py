"""The letter as text, and the check that every quote stands in it verbatim.

The letter file is a Markdown-ish transcription: link targets "[text](#)", emphasis
"*text*", superscripts "21^{ste}" and page breaks inside sentences are artefacts of the
transcription, not words of the letter. We compare quotes against the text with those
removed and all whitespace collapsed, so a quote reads as the printed letter does.
The text is the project's committed copy (project().letter_file, data/letter/), registered with
its sha256 in data/sources/letter.csv, so the check runs on every machine.
"""
import re
from pathlib import Path

from .files import read_text
from .project import project


def normalise(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)   # [text](#) -> text
    text = re.sub(r"\^\{([^}]*)\}", r"\1", text)            # 21^{ste} -> 21ste
    text = re.sub(r"\*([^*\n]+)\*", r"\1", text)            # *pledges* -> pledges
    return re.sub(r"\s+", " ", text).strip()


def letter_text(path: Path = None) -> str:
    """The normalised letter (the project's committed copy; missing is an InputError)."""
    return normalise(read_text(path or project().letter_file))


def quote_in_letter(quote: str, text: str) -> bool:
    return normalise(quote) in text
