"""Article-ready charts in Dutch and English, byte-identical on re-run.

A notebook gives a `draw(ax, lang)` function, the texts per language and the chart's data;
`export_chart` writes figures/<name>/<name>.<lang>.{png,svg,pdf}, the data as CSV and a
metadata sidecar (title, alt text, source line, claim ids, licence) per language.
"""
import json
import os
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import matplotlib.style
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .project import project
from .fingerprint import fingerprint
from .files import atomic_write_bytes, atomic_write_text, write_csv

STYLE = Path(__file__).with_name("house.mplstyle")
LANGS = ("en", "nl")
SIZES = {"web": (8.0, 4.5), "column": (4.2, 4.6)}   # inches: 16:9 web, narrow column
PREVIEW_WIDTH = 800                                 # pixels, for notebooks and the README gallery
PALETTE = {"blue": "#0072BC", "light": "#8EBEFF", "navy": "#18375F", "green": "#00B398",
           "yellow": "#E1CC0D", "red": "#EF4A60", "grey": "#999999"}
LICENCE = "CC BY 4.0"
# Savefig metadata that would change on every run is switched off.
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
            "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}}


@dataclass(frozen=True)
class ChartText:
    title: str
    subtitle: str       # states the finding
    source: str         # "Source: ..." / "Bron: ..."
    note: str           # definitions
    alt: str            # alt text for screen readers


@contextmanager
def house_style():
    with matplotlib.style.context(str(STYLE)):
        yield


def _wrap(text: str, width: int) -> str:
    import textwrap
    return "\n".join(textwrap.wrap(text, width)) if text else ""


def render(draw, text: ChartText, lang: str, size: str = "web", left: float = None):
    """Draw one chart in one language with title, subtitle, source line and note."""
    width, height = SIZES[size]
    chars = int(width * 13)
    with house_style():
        fig = Figure(figsize=(width, height))   # no pyplot: no global state, no backend to choose
        FigureCanvasAgg(fig)
        title = _wrap(text.title, int(chars * 0.72))  # bold type is wider
        subtitle = _wrap(text.subtitle, chars)
        small = int(width * 16)  # the footer's smaller type fits more characters a line
        footer = _wrap(text.source, small) + ("\n" + _wrap(text.note, small) if text.note else "")
        top_lines = title.count("\n") + subtitle.count("\n") + 2
        bottom_lines = footer.count("\n") + 1
        top = 1 - (0.3 + 0.19 * top_lines) / height
        bottom = (0.55 + 0.14 * bottom_lines) / height
        left = left if left is not None else (0.09 if size == "web" else 0.15)
        ax = fig.add_axes([left, bottom, 0.96 - left, top - bottom])
        draw(ax, lang)
        _fit_left(fig, ax)
        fig.text(0.02, 1 - 0.15 / height, title, ha="left", va="top", fontsize=12, fontweight="bold")
        fig.text(0.02, 1 - (0.2 + 0.2 * (title.count("\n") + 1)) / height, subtitle, ha="left", va="top",
                 fontsize=9.5, color="#333333")
        fig.text(0.02, 0.1 / height, footer, ha="left", va="bottom", fontsize=7.5, color="#666666")
    return fig


def _fit_left(fig, ax, margin: float = 0.02) -> None:
    """Move the axes right until tick labels and axis label fit inside the figure."""
    renderer = fig.canvas.get_renderer()
    overflow = margin * fig.bbox.width - ax.get_tightbbox(renderer).x0
    if overflow > 0:
        box = ax.get_position()
        shift = overflow / fig.bbox.width
        ax.set_position([box.x0 + shift, box.y0, box.width - shift, box.height])


def save_figure(fig, stem: Path) -> list:
    """PNG (200 dpi, sharp on high-density screens), a small PNG preview, SVG and PDF, with no
    volatile metadata."""
    import io as _io

    written = []
    for fmt, extra in (("png", {"dpi": 200}), ("svg", {}), ("pdf", {})):
        buffer = _io.BytesIO()
        with house_style():
            fig.savefig(buffer, format=fmt, metadata=METADATA[fmt], **extra)
        target = stem.parent / f"{stem.name}.{fmt}"
        atomic_write_bytes(target, buffer.getvalue())
        written.append(target)
        if fmt == "png":
            preview = stem.parent / f"{stem.name}.preview.png"
            atomic_write_bytes(preview, _preview(buffer.getvalue()))
            written.append(preview)
    return written


def export_chart(name: str, draw, texts: dict, data, claim_ids, size: str = "web", langs=LANGS,
                 left: float = None) -> list:
    """Write the chart `name` in every language, with its data and metadata sidecars.

    draw(ax, lang) draws the data; texts maps language -> ChartText; `left` is the axes'
    left edge as a fraction of the width (raise it for long category labels).
    `make figures` narrows what is written through FACTCHECK_CHART_{LANGS,SIZE,ONLY}."""
    if os.environ.get("FACTCHECK_CHART_ONLY") and os.environ["FACTCHECK_CHART_ONLY"] != name:
        return []
    if os.environ.get("FACTCHECK_CHART_LANGS"):
        langs = tuple(os.environ["FACTCHECK_CHART_LANGS"].split(","))
    size = os.environ.get("FACTCHECK_CHART_SIZE") or size
    folder = project().figures / name
    write_csv(folder / f"{name}.csv", data)
    written = []
    for lang in langs:
        text = texts[lang]
        stem = folder / (f"{name}.{lang}" if size == "web" else f"{name}.{lang}.{size}")
        files = [stem.parent / f"{stem.name}.{fmt}" for fmt in ("png", "preview.png", "svg", "pdf")]
        inputs = fingerprint(name, lang, size, left, asdict(text), data, list(claim_ids), draw)
        meta = dict(asdict(text), name=name, language=lang, size=size, claim_ids=list(claim_ids),
                    licence=LICENCE, data=f"{name}.csv", files=[p.name for p in files], inputs_sha256=inputs)
        sidecar = stem.parent / f"{stem.name}.json"
        if not _unchanged(sidecar, meta, files):
            fig = render(draw, text, lang, size, left)
            save_figure(fig, stem)
            atomic_write_text(sidecar, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
        written += files
    return written


def _unchanged(sidecar: Path, meta: dict, files) -> bool:
    """True when the chart was drawn before from the same inputs (see fingerprint.py) and all
    its files are there; FACTCHECK_CHART_CACHE=0 (set by `build --force`) always redraws."""
    if os.environ.get("FACTCHECK_CHART_CACHE") == "0" or meta["inputs_sha256"] is None:
        return False
    if not sidecar.exists() or not all(file.exists() for file in files):
        return False
    return json.loads(sidecar.read_text(encoding="utf-8")) == meta


def _preview(png: bytes, width: int = PREVIEW_WIDTH) -> bytes:
    """A small copy of a chart for notebooks and the README: 64 colours, `width` pixels wide."""
    import io as _io

    from PIL import Image as Picture

    with Picture.open(_io.BytesIO(png)) as picture:
        small = picture.resize((width, round(picture.height * width / picture.width)), Picture.LANCZOS)
        small = small.convert("RGB").quantize(colors=64)
        buffer = _io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def show(name: str, lang: str = "en"):
    """Display an exported chart inline from its preview PNG (nbval does not compare images;
    the full-resolution files stay in figures/), which keeps the notebooks small."""
    from IPython.display import Image

    return Image(data=(project().figures / name / f"{name}.{lang}.preview.png").read_bytes(), format="png")
