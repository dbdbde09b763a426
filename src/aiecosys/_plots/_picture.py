"""``Picture`` and the frame every picture shares: title, subtitle, notes, credit, theme, size.

Every ``plot_*`` function takes the same keyword options
([`PictureOptions`][aiecosys.PictureOptions]) and draws inside `canvas`, which applies the theme and
the size, and `finish`, which writes the title, the subtitle, the notes (what is unknown or
uncertain) and the credit line.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import attrs

from aiecosys._atomic import replacing
from aiecosys._plots._colours import Theme, theme
from aiecosys.exceptions import InvalidArgument, MissingDependency, UnsupportedFormat

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from aiecosys._ecosystem import Ecosystem

__all__ = ["FORMATS", "Picture", "PictureOptions", "canvas", "finish", "require_plot_extra"]

FORMATS = (".svg", ".png", ".pdf")
# Sizes in inches. A docs page shows a figure about 8 inches wide at 1:1, so text set in
# points reads at the size of the page's own small print.
_FONT_SIZE = 10.0
_DEFAULT_DPI = 150


class PictureOptions(TypedDict, total=False):
    """The keyword options every ``plot_*`` function takes.

    - ``title``, ``subtitle``: replace the picture's own (``""`` leaves one out).
    - ``credit``: the line at the foot (default ``"Source: aiecosys VERSION, sources in the
      data"``, with the ecosystem's data version); ``""`` leaves it out.
    - ``size``: ``(width, height)`` in inches; ``dpi``: dots per inch of a saved PNG.
    - ``theme``: ``"light"`` (default) or ``"dark"``.
    """

    title: str | None
    subtitle: str | None
    credit: str | None
    size: tuple[float, float] | None
    dpi: int
    theme: str


@attrs.frozen(kw_only=True)
class Picture:
    """A drawn figure and a record of what it shows.

    ``figure`` is the matplotlib ``Figure``: change it as you like before saving.
    ``content`` records what was drawn (for the network: ``nodes``, ``edges`` with weights,
    ``colours`` and ``labels``; for funding: the ``points`` of each line; see each function),
    so that tests and tools can check a picture without reading pixels.
    """

    figure: Any
    content: dict[str, Any]

    @property
    def digest(self) -> str:
        """A short hash of `content`; saved SVG, PNG and PDF files carry it."""
        text = json.dumps(self.content, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def save(self, path: str | Path) -> None:
        """Save as ``.svg``, ``.png`` or ``.pdf`` (by suffix), reproducibly.

        The files carry no timestamp, so the same picture saves to the same bytes; each records
        [`digest`][aiecosys.Picture.digest] in its metadata. A PNG has the figure's DPI. The file is
        replaced atomically: a failure leaves the old file as it was, and no temporary file.

        Raises:
            UnsupportedFormat: another suffix.
            WriteError: the file cannot be written.
        """
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            msg = f"{path.name}: save as {', '.join(FORMATS)}"
            raise UnsupportedFormat(msg)
        import matplotlib as mpl  # noqa: PLC0415 - optional, loaded on use

        stamp = f"aiecosys-content-digest: {self.digest}"
        by_format: dict[str, dict[str, str | None]] = {
            ".svg": {"Description": stamp, "Date": None},
            ".png": {"Description": stamp},
            ".pdf": {"Subject": stamp, "CreationDate": None},
        }
        metadata = by_format[suffix]
        with (
            mpl.rc_context({"svg.hashsalt": "aiecosys", "svg.fonttype": "none"}),
            replacing(path) as temporary,
        ):
            self.figure.savefig(temporary, format=suffix[1:], metadata=metadata)


def require_plot_extra() -> None:
    """Check, before anything is drawn, that the ``plot`` extra is installed."""
    try:
        import adjustText  # noqa: F401, PLC0415 - optional, loaded on use
        import matplotlib.figure  # noqa: F401, PLC0415
        import networkx as nx  # noqa: F401, PLC0415
    except ImportError:
        msg = "pictures need matplotlib, networkx and adjustText: pip install 'aiecosys[plot]'"
        raise MissingDependency(msg) from None


@contextlib.contextmanager
def canvas(options: PictureOptions, size: tuple[float, float]) -> Iterator[tuple[Figure, Theme]]:
    """Make a figure of the options' size (else *size*), drawn in the options' theme.

    Artists take their colours when they are made, so draw inside the ``with`` block.
    """
    require_plot_extra()
    import matplotlib as mpl  # noqa: PLC0415
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415

    chosen = theme(options.get("theme", "light"))
    width, height = options.get("size") or size
    dpi = options.get("dpi", _DEFAULT_DPI)
    if not (width > 0 and height > 0 and isinstance(dpi, int) and dpi > 0):
        raise InvalidArgument(
            "size and dpi", f"must be positive numbers (got {(width, height, dpi)!r})"
        )
    settings: Any = {**chosen.rc(), "font.size": _FONT_SIZE, "axes.titlesize": _FONT_SIZE}
    with mpl.rc_context(settings):
        figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
        FigureCanvasAgg(figure)  # labels are placed by their rendered size
        yield figure, chosen


def finish(
    eco: Ecosystem,
    figure: Figure,
    ax: Axes,
    options: PictureOptions,
    *,
    title: str,
    subtitle: str,
    notes: Sequence[str] = (),
) -> None:
    """Write the title and subtitle above the axes, and the notes and the credit below.

    *notes* say what the picture cannot show (undisclosed amounts, uncertain dates); they
    are kept whatever the options say.
    """
    from aiecosys._bundled import DATA_VERSION  # noqa: PLC0415

    title = _given(options.get("title"), title)
    subtitle = _given(options.get("subtitle"), subtitle)
    credit = _given(
        options.get("credit"),
        f"Source: aiecosys {eco.version or DATA_VERSION}, sources in the data",
    )
    if title:
        figure.suptitle(title, x=0.01, ha="left", fontsize=_FONT_SIZE * 1.4, weight="bold")
    if subtitle:
        ax.set_title(subtitle, loc="left", fontsize=_FONT_SIZE, color=ax.xaxis.label.get_color())
    foot = [*notes, credit] if credit else list(notes)
    if foot:
        figure.supxlabel(
            "\n".join(foot), x=0.01, ha="left", fontsize=_FONT_SIZE * 0.85, linespacing=1.5
        )


def _given(option: str | None, default: str) -> str:
    """The option if given (``""`` to leave the text out), else the picture's own text."""
    return default if option is None else option
