"""Charts: both languages, all formats, sidecars, and byte-identical on re-run."""
import hashlib
import json

import pandas as pd
import pytest

from factcheck import charts, paths


def _texts():
    return {lang: charts.ChartText(f"Title {lang}", f"Subtitle {lang}", f"Source {lang}", f"Note {lang}",
                                   f"Alt text {lang}") for lang in charts.LANGS}


def _draw(ax, lang):
    ax.bar(["a", "b"], [1, 2], label="x" if lang == "en" else "y")
    ax.legend()


@pytest.fixture
def figures(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "FIGURES", tmp_path)
    for variable in ("FACTCHECK_CHART_LANGS", "FACTCHECK_CHART_SIZE", "FACTCHECK_CHART_ONLY"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_export_writes_every_language_and_format(figures):
    data = pd.DataFrame({"k": ["a", "b"], "v": [1, 2]})
    written = charts.export_chart("demo", _draw, _texts(), data, claim_ids=["C01"])
    names = {p.name for p in written}
    assert names == {f"demo.{lang}.{fmt}" for lang in ("en", "nl") for fmt in ("png", "svg", "pdf")}
    meta = json.loads((figures / "demo" / "demo.nl.json").read_text())
    assert meta["language"] == "nl" and meta["alt"] == "Alt text nl" and meta["claim_ids"] == ["C01"]
    assert meta["licence"] and meta["source"] == "Source nl"
    assert pd.read_csv(figures / "demo" / "demo.csv").equals(data)
    png = (figures / "demo" / "demo.en.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1600   # 8 in at 200 dpi


def test_export_is_byte_identical_on_rerun(figures):
    data = pd.DataFrame({"k": ["a", "b"], "v": [1, 2]})
    charts.export_chart("demo", _draw, _texts(), data, claim_ids=[])
    first = _hashes(figures)
    charts.export_chart("demo", _draw, _texts(), data, claim_ids=[])
    assert _hashes(figures) == first


def test_size_and_language_presets_from_environment(figures, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CHART_LANGS", "nl")
    monkeypatch.setenv("FACTCHECK_CHART_SIZE", "column")
    written = charts.export_chart("demo", _draw, _texts(), pd.DataFrame({"v": [1]}), claim_ids=[])
    assert {p.name for p in written} == {"demo.nl.column.png", "demo.nl.column.svg", "demo.nl.column.pdf"}
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
