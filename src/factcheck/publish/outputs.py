"""After a successful build: the README's generated sections, ClaimReview records, the report."""
import re

from . import claimreview, readme, report
from ..core.project import project
from ..core.errors import InputError
from ..core.files import atomic_write_text
from ..core.registers import load_claims, load_sources
from .verdicts import assemble_verdicts, headlines


def date_published() -> str:
    """The release date in CITATION.cff: one place, so re-runs give identical files."""
    match = re.search(r"^date-released:\s*(\S+)", (project().root / "CITATION.cff").read_text(), re.M)
    if match is None:
        raise InputError("CITATION.cff", "has no 'date-released: YYYY-MM-DD' line (the ClaimReview "
                         "records' datePublished)", column="date-released")
    return match.group(1).strip("'\"")


def publish() -> list:
    """Write README sections, data/claimreview.jsonld and report/index.html; return changed files."""
    claims, sources = load_claims(), load_sources()
    table = assemble_verdicts(write=False)
    claims_only = headlines(table)   # ClaimReview has no parts: one record per claim
    records = claimreview.records(claims, claims_only, sources, date_published())
    for item in records:
        missing = claimreview.problems(item)
        if missing:
            raise ValueError(f"ClaimReview for {item['url']} lacks {', '.join(missing)}")
    changed = []
    if readme.update(table):
        changed.append(project().readme_file)
    for path, text in ((project().claimreview_file, claimreview.dumps(records)),
                       (project().report_file, report.render(claims, table, sources, records))):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write_text(path, text)
            changed.append(path)
    return changed
