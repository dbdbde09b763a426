"""Pictures of an ecosystem (the ``plot`` extra: matplotlib, networkx and adjustText).

Every function returns a [`Picture`][aiecosys.Picture]: its ``figure`` is a matplotlib ``Figure`` to
tweak, its ``content`` says what was drawn, and [`Picture.save`][aiecosys.Picture.save] writes SVG,
PNG or PDF, reproducibly. Nothing here is imported by ``import aiecosys``: the plotting libraries
load on the first call. One module per picture; the frame, the colours and the labels are shared.
"""

from aiecosys._plots._colours import company_colour
from aiecosys._plots._funding import plot_funding
from aiecosys._plots._funding_by import plot_funding_by
from aiecosys._plots._network import DEFAULT_TOP, plot_network
from aiecosys._plots._picture import Picture, PictureOptions
from aiecosys._plots._portfolio import plot_portfolio

__all__ = [
    "DEFAULT_TOP",
    "Picture",
    "PictureOptions",
    "company_colour",
    "plot_funding",
    "plot_funding_by",
    "plot_network",
    "plot_portfolio",
]
