"""Pictures as a whole: saving, options, the docs' pictures are current, cheap import."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import aiecosys
from aiecosys import InvalidArgument, UnsupportedFormat, load, plot_funding, plot_portfolio

DOCS = Path(__file__).parent.parent / "docs"


def _docs_pictures() -> dict[str, aiecosys.Picture]:
    sys.path.insert(0, str(DOCS))
    try:
        from make_pictures import pictures  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(DOCS))
    return pictures()  # type: ignore[no-any-return]


def test_save_writes_svg_png_and_pdf_reproducibly(tmp_path: Path):
    """The same figure saves to the same bytes in each format; other suffixes are refused."""
    for suffix in (".svg", ".png", ".pdf"):
        first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        plot_funding(load(), ["xAI"]).save(first)
        plot_funding(load(), ["xAI"]).save(second)
        assert first.read_bytes() == second.read_bytes()
        assert first.stat().st_size > 1000
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(UnsupportedFormat):
        plot_funding(load(), ["xAI"]).save(tmp_path / "a.jpg")


def test_options_set_title_subtitle_credit_size_dpi_and_theme(tmp_path: Path):
    """Each option reaches the figure: texts, size in inches, PNG pixels, background colour."""
    picture = plot_portfolio(
        load(),
        "Nvidia",
        title="Nvidia bets",
        subtitle="Five rounds",
        credit="Source: us",
        size=(6.0, 4.0),
        dpi=100,
        theme="dark",
    )
    figure = picture.figure
    texts = {t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))}
    assert {"Nvidia bets", "Five rounds"} <= texts
    assert any(t.endswith("Source: us") for t in texts)
    assert tuple(figure.get_size_inches()) == (6.0, 4.0)
    assert figure.get_facecolor()[:3] == pytest.approx((0x16 / 255, 0x18 / 255, 0x1C / 255))
    picture.save(tmp_path / "p.png")
    from PIL import Image

    with Image.open(tmp_path / "p.png") as image:
        assert image.size == (600, 400)


def test_default_credit_names_the_data_version():
    """Without a credit option the foot reads 'Source: aiecosys VERSION, sources in the data'."""
    figure = plot_portfolio(load(), "Nvidia").figure
    foot = figure.get_supxlabel()
    assert foot.endswith(f"Source: aiecosys {aiecosys.DATA_VERSION}, sources in the data")


def test_empty_options_leave_the_texts_out():
    """title='' and credit='' draw no title and no credit line."""
    figure = plot_portfolio(load(), "Nvidia", title="", credit="").figure
    assert figure.get_suptitle() == ""
    assert "Source:" not in figure.get_supxlabel()


def test_bad_options_are_refused_with_a_clear_error():
    """An unknown theme or a non-positive size raises InvalidArgument (a ValueError)."""
    with pytest.raises(InvalidArgument, match="theme: must be one of light, dark"):
        plot_portfolio(load(), "Nvidia", theme="sepia")
    with pytest.raises(ValueError, match="size and dpi"):
        plot_portfolio(load(), "Nvidia", size=(0, 4))


def test_the_docs_pictures_are_current():
    """Each picture in docs/img shows what make_pictures.py would draw from today's data."""
    for name, picture in _docs_pictures().items():
        svg = (DOCS / "img" / name).read_text(encoding="utf-8")
        found = re.search(r"aiecosys-content-digest: ([0-9a-f]+)", svg)
        assert found, name
        assert found.group(1) == picture.digest, (
            f"docs/img/{name} is stale: run python docs/make_pictures.py"
        )
        assert f"img/{name}" in (DOCS / "pictures.md").read_text(encoding="utf-8")


def test_the_docs_pictures_are_drawn_to_be_read_at_docs_width():
    """Docs figures are at most 9 inches wide, so 10-point text shows at about 12 px or more."""
    for name, picture in _docs_pictures().items():
        width, _ = picture.figure.get_size_inches()
        assert width <= 9, name
        sizes = [
            t.get_fontsize() for t in picture.figure.findobj(lambda a: hasattr(a, "get_fontsize"))
        ]
        assert min(sizes) >= 7.5, name


def test_plotting_libraries_load_only_when_drawing():
    """import aiecosys loads neither matplotlib nor networkx nor adjustText."""
    code = (
        "import sys, aiecosys; "
        "print(sorted(m for m in ('matplotlib', 'networkx', 'adjustText') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
    assert aiecosys.plot_network.__module__ == "aiecosys._plots._network"
