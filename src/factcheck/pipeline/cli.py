"""Command line: `python -m factcheck <command>`; the Makefile's targets call these."""
import argparse
import sys

from ..core.errors import BuildError, InputError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="validate registers, execute changed notebooks, publish outputs")
    build.add_argument("--force", action="store_true", help="execute every notebook")
    build.add_argument("--jobs", type=int, default=None)
    snap = sub.add_parser("snapshots", help="write data/snapshots from the upstream files")
    snap.add_argument("sources", help="folder with the upstream snapshots (../shared/sources)")
    sub.add_parser("validate", help="validate the registers and extract checksums")
    figures = sub.add_parser("figures", help="export charts for a language and size preset")
    figures.add_argument("--lang", default="en,nl", help="en, nl or en,nl")
    figures.add_argument("--size", default="web", help="web (16:9) or column (narrow)")
    figures.add_argument("--chart", default="", help="one chart name (folder under figures/); default all")
    refresh = sub.add_parser("refresh", help="online: download UNHCR and Eurostat data, snapshot it, rebuild, "
                                              "show which verdicts move")
    refresh.add_argument("--date", default=None, help="date accessed, YYYY-MM-DD (default: today)")
    refresh.add_argument("--only", choices=("unhcr", "eurostat"), default=None, help="one publisher only")
    sub.add_parser("publish", help="write the README sections, ClaimReview and the report from the verdicts "
                                   "(the build runs this inside its staging copy)")
    run = sub.add_parser("run", help="execute one notebook in place (no staging, no cache)")
    run.add_argument("notebook", help="path to the .ipynb file")
    args = parser.parse_args(argv)
    from .build import NotebookFailed

    try:
        if args.command == "build":
            from .build import build as run_build
            run_build(force=args.force, jobs=args.jobs)
        elif args.command == "publish":
            from ..publish.outputs import publish
            publish()
        elif args.command == "snapshots":
            from ..sources.snapshots import make_snapshots
            rows = make_snapshots(args.sources)
            print(f"snapshots: {len(rows)} extracts written to data/snapshots, register data/sources/snapshots.csv")
        elif args.command == "figures":
            from .build import export_figures
            export_figures(args.lang.split(","), args.size, args.chart or None)
        elif args.command == "run":
            from pathlib import Path

            from .build import execute
            from ..core.files import atomic_write_bytes
            from ..core.project import project
            notebook = Path(args.notebook).resolve()
            atomic_write_bytes(notebook, execute(notebook, project().root))
            print(f"executed {notebook.name}")
        elif args.command == "refresh":
            import datetime

            from .refresh import refresh as run_refresh
            run_refresh(args.date or datetime.date.today().isoformat(), only=args.only)
        elif args.command == "validate":
            from .validate import validate_all
            registers = validate_all()
            print(f"valid: {len(registers['claims'])} claims, {len(registers['sources'])} sources")
    except (InputError, BuildError, NotebookFailed, ValueError) as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
