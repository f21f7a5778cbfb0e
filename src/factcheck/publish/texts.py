"""The English and Dutch wording of publish/'s own labels, from texts.toml beside this module."""
from functools import cache
from pathlib import Path

from ..core.files import read_texts

TABLE = Path(__file__).with_name("texts.toml")


@cache
def texts() -> dict:
    """{key: Text} from texts.toml; read on first use (never at import), then kept."""
    return read_texts(TABLE)


def group(prefix: str) -> dict:
    """The texts under `[prefix.*]`, keyed by the rest of the key: group("topic")["recognition"]."""
    return {key[len(prefix) + 1:]: text for key, text in texts().items() if key.startswith(prefix + ".")}
