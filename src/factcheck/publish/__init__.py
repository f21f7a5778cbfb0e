"""Publish: charts (house style, bilingual export, fingerprints), the verdict table, the overview and the outputs (README sections, report, ClaimReview)."""
