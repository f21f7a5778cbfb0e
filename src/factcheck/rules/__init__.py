"""The verdict engine, no I/O: the vocabulary, the claim's band, readings and the rules.

Layer: above core and the data sources, below the topics. Import from here (`rules.assess`);
the modules are `vocabulary` (verdicts), `bands` (claim bands), `engine` (readings, rules) and
`claim` (the ClaimCheck record every output is rendered from)."""
from .bands import ABOUT, ALMOST, FACTOR, claim_band, precision
from .claim import LETTER_DATE, ClaimCheck
from .engine import READING_KINDS, RULES, Assessment, Reading, Rule, assess, assess_statement
from .vocabulary import VOCABULARY, Verdict, legend

__all__ = ["ABOUT", "ALMOST", "FACTOR", "LETTER_DATE", "READING_KINDS", "RULES", "VOCABULARY", "Assessment",
           "ClaimCheck", "Reading", "Rule", "Verdict", "assess", "assess_statement", "claim_band", "legend", "precision"]
