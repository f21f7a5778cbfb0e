"""C16-C18: what the coalition agreement says on work, naturalisation and young asylum seekers.
Its text was not found; the rules before and after (current rules, the previous government's plans,
EU law, practice) come from national-policy-rules.csv and are context, with their sources' dates."""
import pandas as pd

from .data import texts, tx

CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
REGIME_ORDER = ("current", "current-practice", "planned", "eu-maximum", "proposal-d66-2022",
                "proposal-kinderombudsman-2022", "letter-wants")
LETTER_SOURCE = "vwn-letter-2026-02-02"


def cefr_steps(before: str, after: str) -> int:
    """How many CEFR levels `after` is above `before` (A2 -> B1 = 1)."""
    for level in (before, after):
        if level not in CEFR:
            raise ValueError(f"{level!r} is not a CEFR level ({', '.join(CEFR)})")
    return CEFR.index(after) - CEFR.index(before)


def rules_table(rules: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """One claim's rules as a before/after table: rule, regime, value, what it was checked against."""
    table = rules[rules["claim_id"] == claim_id].copy()
    order = {regime: i for i, regime in enumerate(REGIME_ORDER)}
    table["_order"] = table["regime"].map(lambda r: order.get(r, len(order)))
    table = table.sort_values(["rule", "_order"], kind="stable")
    return table[["rule", "regime", "value", "unit", "checked_against", "source_id"]].reset_index(drop=True)


def _row(rules: pd.DataFrame, rule: str, regime: str) -> pd.Series:
    row = rules[(rules["rule"] == rule) & (rules["regime"] == regime)]
    if len(row) != 1:
        raise KeyError(f"national-policy-rules has {len(row)} rows for {rule!r} / {regime!r}, expected 1")
    return row.iloc[0]


def rule_value(rules: pd.DataFrame, rule: str, regime: str) -> str:
    return _row(rules, rule, regime)["value"]


def rule_quantity(rules: pd.DataFrame, rule: str, regime: str, lang: str = "en") -> str:
    """A rule's value with its unit, as text: '3 months' / '3 maanden', '10 years' / '10 jaar';
    a CEFR level is shown alone ('B1')."""
    row = _row(rules, rule, regime)
    value, unit = row["value"], row["unit"]
    if unit == "CEFR level":
        return str(value)
    key = f"unit.{unit.replace(' ', '_')}"
    return f"{value} {tx(key)[lang] if key in texts() else unit}"


def rule_sources(rules: pd.DataFrame, claim_id: str) -> list:
    """The source ids behind one claim's rules, in first-seen order, without the letter."""
    seen = []
    for ids in rules.loc[rules["claim_id"] == claim_id, "source_id"]:
        for item in ids.split(";"):
            if item and item not in seen and item != LETTER_SOURCE:
                seen.append(item)
    return seen


def plan_date(rules: pd.DataFrame, sources: pd.DataFrame, claim_id: str, regime: str = "planned") -> str:
    """The earliest publication date (ISO) of the sources behind one claim's `regime` rows (by
    default the government's plans), from the sources register; sources without a date are skipped."""
    dates = []
    for ids in rules.loc[(rules["claim_id"] == claim_id) & (rules["regime"] == regime), "source_id"]:
        for item in ids.split(";"):
            found = sources.loc[sources["source_id"] == item, "date_published"]
            dates += [d for d in found if isinstance(d, str) and d]
    if not dates:
        raise ValueError(f"no dated source for {claim_id} / {regime}")
    return min(dates)


# What was searched for the coalition agreement's text on C16-C18 (search tool, 2026-11-29 and 2026-12-02).
AGREEMENT_SEARCHES = (
    ("pages", "coalitieakkoord 2026 D66 CDA VVD asiel", "news on the agreement (title, date); no text on these points"),
    ("pages", "tewerkstellingsvergunning asielzoekers drie maanden coalitieakkoord",
     "government plan of 3 Nov 2025 (work after 3 months); not the agreement"),
    ("pages", "coalitieakkoord naturalisatietermijn tien jaar taaleis B1", "plans of the Schoof cabinet; not the 2026 agreement"),
    ("pages", "coalitieakkoord alleenstaande minderjarige asielzoekers 21 jaar begeleiding overlast", "nothing on the 2026 agreement"),
    ("pages", "begeleiding tot 21 jaar alleenstaande minderjarige vreemdelingen",
     "WODC 2021 advice, municipal practice (VNG), Kinderombudsman 2022; not the agreement"),
    ("pages", "jonge alleenstaande asielzoekers begeleiding tot 21 jaar overlast coalitie 2026", "nothing on the 2026 agreement"),
    ("pages", "coalition agreement unaccompanied minors guidance until age 21 nuisance asylum seekers Netherlands 2026",
     "a refugeehelp.nl summary of the agreement (11 Feb 2026) whose stored excerpt covers only EU plans"),
    ("pages", "\"Aan de slag\" bouwen aan een beter Nederland coalitieakkoord asiel migratie tweestatusstelsel naturalisatie",
     "Volkskrant on the asylum chapter (30 Jan 2026): Spreidingswet, tone; not these points"),
    ("pages", "regeerakkoord Aan de slag asielzoekers kansrijk werken tewerkstellingsvergunning afschaffen meedoenbalie",
     "nothing on the 2026 agreement"),
    ("code", "coalitieakkoord Aan de slag tekst hoofdstuk asiel en migratie integratie inburgering statushouders",
     "no copy of the agreement's text"),
    ("find_string", "Bouwen aan een beter Nederland", "two mentions of the title; no text of the asylum chapter"),
    ("find_string", "alleenstaande minderjarige", "no passage from the agreement"),
    ("pages", "coalitieakkoord 2026 asielzoekers werken na drie maanden naturalisatietermijn B1",
     "2 Dec 2026: news on the agreement's asylum chapter (procedure, Spreidingswet); nothing on these points"),
    ("pages", "Aan de slag coalitieakkoord D66 CDA VVD tekst asiel migratie integratie",
     "2 Dec 2026: reports on earlier coalitions; no text of the 2026 agreement"),
)


def agreement_searches() -> pd.DataFrame:
    return pd.DataFrame(AGREEMENT_SEARCHES, columns=["corpus", "query", "what_was_found"])


def agreement_text_found(agreement: pd.DataFrame, claim_id: str) -> bool:
    """Whether national-policy-agreement.csv quotes the agreement's own passage on a claim (a row
    with item `text:<claim_id>`). None does today: the text was not found."""
    return bool((agreement["item"] == f"text:{claim_id}").any())
