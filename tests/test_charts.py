"""Charts: both languages, all formats, sidecars, and byte-identical on re-run."""
import hashlib
import json

import pandas as pd
import pytest

from factcheck.core import charts
from factcheck.core.project import project as the_project


def _texts():
    return {lang: charts.ChartText(f"Title {lang}", f"Subtitle {lang}", f"Source {lang}", f"Note {lang}",
                                   f"Alt text {lang}") for lang in charts.LANGS}


def _draw(ax, lang):
    ax.bar(["a", "b"], [1, 2], label="x" if lang == "en" else "y")
    ax.legend()


@pytest.fixture
def figures(tmp_path, monkeypatch):
    monkeypatch.setattr(the_project(), "figures", tmp_path)
    for variable in ("FACTCHECK_CHART_LANGS", "FACTCHECK_CHART_SIZE", "FACTCHECK_CHART_ONLY"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_export_writes_every_language_and_format(figures):
    data = pd.DataFrame({"k": ["a", "b"], "v": [1, 2]})
    written = charts.export_chart("demo", _draw, _texts(), data, claim_ids=["C01"])
    names = {p.name for p in written}
    assert names == {f"demo.{lang}.{fmt}" for lang in ("en", "nl") for fmt in ("png", "preview.png", "svg", "pdf")}
    meta = json.loads((figures / "demo" / "demo.nl.json").read_text())
    assert meta["language"] == "nl" and meta["alt"] == "Alt text nl" and meta["claim_ids"] == ["C01"]
    assert meta["licence"] and meta["source"] == "Source nl"
    assert pd.read_csv(figures / "demo" / "demo.csv").equals(data)
    png = (figures / "demo" / "demo.en.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1600   # 8 in at 200 dpi


def test_export_is_byte_identical_on_rerun(figures, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CHART_CACHE", "0")      # draw again, do not trust the cache
    data = pd.DataFrame({"k": ["a", "b"], "v": [1, 2]})
    charts.export_chart("demo", _draw, _texts(), data, claim_ids=[])
    first = _hashes(figures)
    for file in figures.rglob("*.p*"):                    # png and pdf must really be rewritten
        file.unlink()
    charts.export_chart("demo", _draw, _texts(), data, claim_ids=[])
    assert _hashes(figures) == first


def test_unchanged_chart_is_not_drawn_again_and_a_change_redraws(figures, monkeypatch):
    data = pd.DataFrame({"k": ["a", "b"], "v": [1, 2]})
    charts.export_chart("demo", _draw, _texts(), data, claim_ids=[])
    drawn = []
    real_render = charts.render
    monkeypatch.setattr(charts, "render", lambda *args: drawn.append(args[2]) or real_render(*args))
    charts.export_chart("demo", _draw, _texts(), data, claim_ids=[])
    assert drawn == []
    charts.export_chart("demo", _draw, _texts(), data.assign(v=[1, 3]), claim_ids=[])
    assert drawn == ["en", "nl"]
    limit = 2

    def draw_with_limit(ax, lang):
        _draw(ax, lang)
        ax.set_ylim(0, limit)
    charts.export_chart("demo", draw_with_limit, _texts(), data, claim_ids=[])
    drawn.clear()
    limit = 3                                             # a value the function closes over
    charts.export_chart("demo", draw_with_limit, _texts(), data, claim_ids=[])
    assert drawn == ["en", "nl"]


def test_fingerprint_refuses_what_it_cannot_describe():
    from factcheck.core.fingerprint import fingerprint

    class Opaque:
        pass
    assert fingerprint(pd.DataFrame({"a": [1]})) == fingerprint(pd.DataFrame({"a": [1]}))
    assert fingerprint(pd.DataFrame({"a": [1]})) != fingerprint(pd.DataFrame({"a": [2]}))
    assert fingerprint(Opaque()) is None


def test_size_and_language_presets_from_environment(figures, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CHART_LANGS", "nl")
    monkeypatch.setenv("FACTCHECK_CHART_SIZE", "column")
    written = charts.export_chart("demo", _draw, _texts(), pd.DataFrame({"v": [1]}), claim_ids=[])
    assert {p.name for p in written} == {"demo.nl.column.png", "demo.nl.column.preview.png", "demo.nl.column.svg",
                                         "demo.nl.column.pdf"}
    monkeypatch.setenv("FACTCHECK_CHART_ONLY", "other")
    assert charts.export_chart("demo", _draw, _texts(), pd.DataFrame({"v": [1]}), claim_ids=[]) == []


def test_house_style_uses_a_font_shipped_with_matplotlib():
    from matplotlib import font_manager
    with charts.house_style():
        import matplotlib
        family = matplotlib.rcParams["font.family"]
        assert "DejaVu Sans" in family
        path = font_manager.findfont("DejaVu Sans", fallback_to_default=False)
    assert "mpl-data" in path


def test_figures_command_writes_only_the_requested_variant(tmp_path):
    """`make figures LANG=nl SIZE=column CHART=verdict-counts` on a copy of the project with the
    overview notebook only (the topic notebooks would only add time): only figures/ is written."""
    from conftest import run_cli, tree_hashes
    from factcheck.pipeline.staging import copy_project
    root = tmp_path / "project"
    copy_project(the_project().root, root)
    for notebook in (root / "notebooks").glob("0[1-9]-*.ipynb"):
        notebook.unlink()
    before = tree_hashes(root)
    result = run_cli(root, "figures", "--lang", "nl", "--size", "column", "--chart", "verdict-counts")
    assert result.returncode == 0, result.stderr
    after = tree_hashes(root)
    new = sorted(set(after) - set(before))
    assert new == [f"figures/verdict-counts/verdict-counts.nl.column.{ext}"
                   for ext in ("json", "pdf", "png", "preview.png", "svg")]
    changed = sorted(key for key, value in before.items() if after[key] != value)
    assert set(changed) <= {"figures/verdict-counts/verdict-counts.csv"}   # its counts differ in this copy
    assert run_cli(root, "figures", "--lang", "fr").returncode == 1
