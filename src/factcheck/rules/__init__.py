"""The verdict engine, no I/O: the vocabulary, the claim's band, readings and the rules.

Layer: above core and the data sources, below the topics. Import from here (`rules.assess`);
the modules are `vocabulary` (verdicts), `bands` (claim bands) and `engine` (readings, rules)."""
from .bands import ABOUT, ALMOST, FACTOR, claim_band, precision
from .engine import READING_KINDS, RULES, Assessment, Reading, Rule, assess, assess_statement
from .vocabulary import VOCABULARY, Verdict, legend

__all__ = ["ABOUT", "ALMOST", "FACTOR", "READING_KINDS", "RULES", "VOCABULARY", "Assessment", "Reading", "Rule",
           "Verdict", "assess", "assess_statement", "claim_band", "legend", "precision"]
