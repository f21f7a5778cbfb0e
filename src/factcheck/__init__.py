"""Shared logic of the fact-check: registers, snapshots, verdict rules and charts.

Notebooks call these functions; they never re-implement a loader, a rate or a rule.
"""
__version__ = "0.1.0"
