"""schema.org ClaimReview records (JSON-LD) for every checked claim.

ratingValue follows the documented scale of the verdict vocabulary (1 = inaccurate ...
5 = accurate; see README legend); "unverifiable" has no rating value, only its name.
"""
import json

import pandas as pd

from ..rules import VOCABULARY

# Where the report is published; relative until the project has a public home.
REPORT_URL = "report/index.html"
REVIEWER = {"@type": "Organization", "name": "factcheck-vwn contributors"}
LETTER_AUTHOR = {"@type": "Organization", "name": "VluchtelingenWerk Nederland",
                 "url": "https://www.vluchtelingenwerk.nl"}
LETTER_DATE = "2026-02-02"
REQUIRED = ("@context", "@type", "url", "claimReviewed", "author", "reviewRating", "itemReviewed", "datePublished")


def record(claim: dict, verdict_row: dict, letter_source: dict, date_published: str) -> dict:
    verdict = VOCABULARY[verdict_row["verdict"]]
    rating = {"@type": "Rating", "alternateName": verdict.label_en, "bestRating": 5, "worstRating": 1}
    if verdict.rating is not None:
        rating["ratingValue"] = verdict.rating
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{REPORT_URL}#{claim['claim_id']}",
        "claimReviewed": claim["claim_en"],
        "datePublished": date_published,
        "author": REVIEWER,
        "reviewRating": rating,
        "reviewBody": verdict_row["conclusion_en"],
        "inLanguage": "en",
        "itemReviewed": {
            "@type": "Claim",
            "author": LETTER_AUTHOR,
            "datePublished": LETTER_DATE,
            "text": claim["quote_nl"],
            "inLanguage": "nl",
            "appearance": [{"@type": "CreativeWork", "url": letter_source["url"],
                            "headline": letter_source["title"], "datePublished": LETTER_DATE,
                            "author": LETTER_AUTHOR}],
        },
    }


def records(claims: pd.DataFrame, table: pd.DataFrame, sources: pd.DataFrame, date_published: str) -> list:
    letter = sources.set_index("source_id").loc["vwn-letter-2026-02-02"].to_dict()
    by_id = claims.set_index("claim_id", drop=False).to_dict("index")
    return [record(by_id[row["claim_id"]], row, letter, date_published)
            for row in table.to_dict("records") if row["status"] == "checked"]


def problems(item: dict) -> list:
    """What a ClaimReview record lacks; empty when valid."""
    missing = [key for key in REQUIRED if not item.get(key)]
    rating = item.get("reviewRating", {})
    if not rating.get("alternateName"):
        missing.append("reviewRating.alternateName")
    value = rating.get("ratingValue")
    if value is not None and not (rating.get("worstRating", 1) <= value <= rating.get("bestRating", 5)):
        missing.append("reviewRating.ratingValue out of scale")
    claim = item.get("itemReviewed", {})
    for key in ("@type", "author", "datePublished", "appearance"):
        if not claim.get(key):
            missing.append(f"itemReviewed.{key}")
    return missing


def dumps(items: list) -> str:
    """The standalone data/claimreview.jsonld: plain JSON, no escaping needed outside HTML."""
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


# Inside a <script> element the HTML parser, not JSON, decides where the script ends: "</script",
# and "<!--" followed by "<script" (the "double escaped" state, which hides the real "</script>"),
# change it. JSON's \uXXXX escapes of <, > and & keep every register text inert there and decode
# to the same strings; U+2028/U+2029 are escaped for older JavaScript parsers.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(items) -> str:
    """`items` as JSON that is safe to embed in an HTML <script> element."""
    text = json.dumps(items, ensure_ascii=False)
    return text.translate(str.maketrans(SCRIPT_ESCAPES))
