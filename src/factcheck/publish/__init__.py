"""Publish: the verdict table, the notebook display of a claim check (`display`), the overview and the outputs (README sections, report, ClaimReview)."""
