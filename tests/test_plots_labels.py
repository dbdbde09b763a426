"""Label placement: no two labels overlap, and no label covers a point, in every picture."""

from collections.abc import Callable

import pytest

from aiecosys import (
    Ecosystem,
    Picture,
    load,
    plot_funding,
    plot_funding_by,
    plot_network,
    plot_portfolio,
)
from aiecosys._plots._labels import label_boxes, overlaps

SIX = ("Hugging Face", "Mistral AI", "Poolside", "OpenAI", "xAI", "01.AI")

PICTURES: dict[str, Callable[[Ecosystem], Picture]] = {
    "network": plot_network,
    "network-nvidia": lambda eco: plot_network(eco, investor="Nvidia"),
    "network-mistral": lambda eco: plot_network(eco, company="Mistral AI"),
    "funding-six": lambda eco: plot_funding(eco, SIX),
    "funding-by-quarter": lambda eco: plot_funding_by(eco, "quarter", since="2023"),
    "portfolio-microsoft": lambda eco: plot_portfolio(eco, "Microsoft"),
}


@pytest.fixture(scope="module", params=sorted(PICTURES))
def picture(request):
    return PICTURES[request.param](load())


def test_no_two_labels_overlap(picture):
    """The rendered boxes of the labels are pairwise disjoint."""
    boxes = label_boxes(picture.figure)
    assert boxes
    assert overlaps(boxes) == 0


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(
            name,
            marks=pytest.mark.xfail(
                reason="known: in the dense 2024-2026 corner one label still covers a marker",
                strict=True,
            ),
        )
        if name == "funding-six"
        else name
        for name in sorted(PICTURES)
    ],
)
def drawn(request):
    return PICTURES[request.param](load())


def test_no_label_covers_a_marker_centre(drawn):
    """No label's rendered box contains the centre of a drawn point (node or round)."""
    figure = drawn.figure
    boxes = label_boxes(figure)
    ax = figure.axes[0]
    from matplotlib.collections import PathCollection

    centres = [
        tuple(p)
        for collection in ax.collections
        if isinstance(collection, PathCollection) and str(collection.get_label()).startswith("_")
        for p in ax.transData.transform(collection.get_offsets())
    ]
    covered = [c for c in centres for b in boxes if b.contains(*c)]
    assert covered == []


def test_overlaps_counts_pairs():
    """Two overlapping boxes count once; boxes that only touch do not count."""
    from matplotlib.transforms import Bbox

    touching = [Bbox([[0, 0], [1, 1]]), Bbox([[1, 0], [2, 1]])]
    assert overlaps(touching) == 0
    assert overlaps([*touching, Bbox([[0.5, 0.5], [1.5, 1.5]])]) == 2
