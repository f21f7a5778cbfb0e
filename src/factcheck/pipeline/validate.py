"""`factcheck validate`: the registers, their links and every committed extract, checked together.

Above the topic modules and the snapshot readers (it asks them for their schemas and extract
checks), so the registers below need nothing from them."""
from ..topics import solidarity
from ..topics.national_policy import data as national_policy
from ..topics.recognition import data as recognition
from ..topics.resettlement import data as resettlement
from ..core.project import project
from ..core.registers import check_source_ids, load_claims, load_published, load_sources, verify_extracts
from ..sources.snapshots import check_extracts


def published_schemas() -> dict:
    """The schema of each data/published/<name>.csv by name, from the topic modules that read them."""
    modules = (national_policy, recognition, resettlement, solidarity)
    return {schema.name: schema for module in modules for schema in module.PUBLISHED_SCHEMAS}


def validate_all() -> dict:
    """Validate the registers and their links; return them. Raises InputError."""
    sources = load_sources()
    verify_extracts(sources)
    check_extracts(sources)
    claims = load_claims()
    for row_number, row in enumerate(claims.itertuples(index=False), start=1):
        check_source_ids(row.source_ids, sources, project().rel(project().claims_file), row_number, "source_ids")
    schemas = published_schemas()
    for file in sorted(project().published.glob("*.csv")):
        load_published(file.stem, schemas.get(file.stem), sources=sources)
    # The notebooks' verdict parts are outputs of this build: they are checked after the
    # notebooks ran (`verdicts.assemble_verdicts`), so an edit they predate cannot block it.
    return {"claims": claims, "sources": sources}
