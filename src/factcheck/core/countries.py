"""Country names for readers, in English and Dutch: Babel's (CLDR) territory names, except the editorial
overrides in data/text/country-names.csv (iso3, iso2, en, nl, reason), which hold only the names the
project prints differently from Babel (and the EU aggregates, which have no ISO code).

ISO 3166 alpha-3 codes are mapped to alpha-2 by CLDR's territory aliases ("AUT" -> "AT"), so no code
table is kept here.
"""
from functools import lru_cache

from babel import Locale
from babel.core import get_global

from .errors import InputError
from .files import read_csv_strict
from .project import project

COLUMNS = ["iso3", "iso2", "en", "nl", "reason"]
LANGS = ("en", "nl")


def overrides_file():
    return project().data / "text" / "country-names.csv"


@lru_cache(maxsize=1)
def overrides() -> dict:
    """{iso3: row} from the overrides table; each row has a reason and at least one name."""
    file = overrides_file()
    shown = project().rel(file)
    rows = {}
    for number, row in enumerate(read_csv_strict(file, required=COLUMNS).to_dict("records"), start=1):
        if not row["iso3"] or row["iso3"] in rows:
            raise InputError(shown, f"iso3 {row['iso3']!r} missing or repeated", row=number, column="iso3")
        if not row["reason"] or not (row["en"] or row["nl"]):
            raise InputError(shown, "an override needs a reason and an English or Dutch name", row=number,
                             column="reason")
        rows[row["iso3"]] = row
    return rows


@lru_cache(maxsize=None)
def _territories(lang: str) -> dict:
    return Locale(lang).territories


def iso2(iso3: str):
    """'AUT' -> 'AT' (the overrides table first, then CLDR's aliases); None when there is none."""
    row = overrides().get(iso3)
    if row is not None and row["iso2"]:
        return row["iso2"]
    alias = get_global("territory_aliases").get(iso3)
    return alias[0] if alias and len(alias[0]) == 2 else None


def country_name(iso3: str, lang: str, fallback=None):
    """The name a reader sees: the override, else Babel's name, else `fallback` (e.g. the source's own
    name for a code CLDR does not know, such as UNHCR's 'UNK')."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")
    row = overrides().get(iso3)
    if row is not None and row[lang]:
        return row[lang]
    code = iso2(iso3)
    return _territories(lang).get(code, fallback) if code else fallback
