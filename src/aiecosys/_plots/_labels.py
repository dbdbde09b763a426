"""Labels that never overlap: placed by ``adjustText``, then checked on the rendered figure.

`place_labels` is the last step of drawing a picture: it lays the figure out (titles,
legend, notes), freezes that layout so that saving cannot move the axes under the labels, then
moves the labels apart with ``adjustText`` (a label-placement library made for this), with a
thin leader line to each label that had to move away from its point. `overlaps` measures
the result from the rendered boxes; pictures record it and tests require zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    from aiecosys._plots._colours import Theme

__all__ = ["label_boxes", "overlaps", "place_labels"]

LABEL_GID = "aiecosys-label"
_ATTEMPTS = 2
_ITERATIONS = 100
_SPAN_PX = 3.0  # half the thickness of a date's span bar
_LEADER_MIN_PX = 9  # a label further than this from its point gets a leader line


def place_labels(
    figure: Figure,
    ax: Axes,
    anchors: Sequence[tuple[float, float, str]],
    theme: Theme,
    *,
    avoid: Sequence[tuple[float, float]] = (),
    fontsize: float = 8.5,
    marker_px: float | Sequence[float] = 7.0,
) -> list[Text]:
    """Label each ``(x, y, text)`` anchor so that no two labels overlap.

    Labels keep off the markers drawn at the anchors and at the points of *avoid* (data
    coordinates; each marker a square *marker_px* pixels from its centre to its side, or one
    such size per anchor), and stay inside the axes. Returns the labels in the order of
    *anchors*.
    """
    from adjustText import adjust_text  # noqa: PLC0415 - the plot extra, checked by canvas()
    from matplotlib.transforms import Bbox  # noqa: PLC0415

    figure.canvas.draw()  # lays out titles, legend and notes: the axes take their final size
    figure.set_layout_engine("none")  # ...and keep it, so that saving moves nothing
    ax.set_xlim(ax.get_xlim())  # fixed limits: leader lines drawn later must not rescale
    ax.set_ylim(ax.get_ylim())
    if not anchors:
        return []
    points = [(x, y) for x, y, _ in anchors] + list(avoid)
    sizes = [marker_px] * len(anchors) if isinstance(marker_px, float | int) else marker_px
    sizes = [*sizes, *[_SPAN_PX] * len(avoid)]
    to_data = ax.transData.inverted()
    texts = []
    for (_, _, text), (px, py), r in zip(
        anchors, ax.transData.transform(points), sizes, strict=False
    ):
        # Start just above the marker: the placement then only has to settle collisions.
        x, y = to_data.transform((px, py + r + 1))
        texts.append(
            ax.text(
                x,
                y,
                text,
                fontsize=fontsize,
                ha="center",
                va="bottom",
                zorder=5,
                gid=LABEL_GID,
                bbox={
                    "boxstyle": "square,pad=0.1",
                    "fc": theme.background,
                    "ec": "none",
                    "alpha": 0.85,
                },
            )
        )
    markers = [
        Bbox.from_bounds(px - r, py - r, 2 * r, 2 * r)
        for (px, py), r in zip(ax.transData.transform(points), sizes, strict=True)
    ]
    expand = 1.1
    for _ in range(_ATTEMPTS):
        adjust_text(
            texts,
            objects=markers,
            target_x=[x for x, _, _ in anchors],
            target_y=[y for _, y, _ in anchors],
            ax=ax,
            expand=(expand, expand + 0.1),
            force_explode=(0.05, 0.2),
            ensure_inside_axes=True,
            iter_lim=_ITERATIONS,  # a count, not adjustText's default time limit: reproducible
        )
        if not overlaps(label_boxes(figure, texts)):
            break
        expand += 0.1
    _repair(figure, ax, texts, markers)
    _leaders(figure, ax, texts, anchors, theme)
    return texts


_DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))
_DISTANCES = (2, 10, 22, 38, 60, 90, 130, 180, 240, 320)  # pixels beyond the marker's edge


def _repair(figure: Figure, ax: Axes, texts: Sequence[Text], markers: Sequence[Any]) -> None:
    """Move any label still on another label or on a marker to the nearest free place.

    ``adjustText`` settles most collisions but guarantees none. Each label that overlaps a
    label or a marker (its own included) is tried beside its marker, above, below, right,
    left and on the diagonals, ever further, and goes to the first place that is inside the
    axes and free; a label with no free place stays where it is.
    """
    boxes = label_boxes(figure, texts)
    frame = ax.get_window_extent()
    to_data = ax.transData.inverted()

    def free(box: Any, index: int) -> bool:
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
        return (
            inside
            and box.y1 <= frame.y1
            and not any(_overlap(box, other) for other in markers)
            and not any(_overlap(box, other) for j, other in enumerate(boxes) if j != index)
        )

    from matplotlib.transforms import Bbox  # noqa: PLC0415

    for index, (text, marker) in enumerate(zip(texts, markers, strict=False)):
        box = boxes[index]
        if free(box, index):
            continue
        cx, cy = (marker.x0 + marker.x1) / 2, (marker.y0 + marker.y1) / 2
        reach = marker.width / 2
        for distance in _DISTANCES:
            moved = None
            for dx, dy in _DIRECTIONS:
                x = cx + dx * (reach + distance + box.width / 2)
                y = cy + dy * (reach + distance + box.height / 2)
                candidate = Bbox.from_bounds(
                    x - box.width / 2, y - box.height / 2, box.width, box.height
                )
                if free(candidate, index):
                    moved = candidate
                    break
            if moved is not None:
                px, py = ax.transData.transform(text.get_position())
                shift = (moved.x0 - box.x0, moved.y0 - box.y0)
                text.set_position(tuple(to_data.transform((px + shift[0], py + shift[1]))))
                boxes[index] = moved
                break


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)


def _leaders(
    figure: Figure,
    ax: Axes,
    texts: Sequence[Text],
    anchors: Sequence[tuple[float, float, str]],
    theme: Theme,
) -> None:
    """Join each label that moved off its point to the point, by a thin line."""
    boxes = label_boxes(figure, texts)
    to_data = ax.transData.inverted()
    for box, (x, y, _) in zip(boxes, anchors, strict=True):
        px, py = ax.transData.transform((x, y))
        # The nearest point of the label's box to the anchor.
        nx, ny = min(max(px, box.x0), box.x1), min(max(py, box.y0), box.y1)
        if ((nx - px) ** 2 + (ny - py) ** 2) ** 0.5 < _LEADER_MIN_PX:
            continue
        (x1, y1), (x2, y2) = to_data.transform([(px, py), (nx, ny)])
        ax.plot(
            [x1, x2], [y1, y2], color=theme.muted, linewidth=0.6, zorder=1.5
        )  # under the points


def label_boxes(figure: Figure, texts: Sequence[Text] | None = None) -> list[Any]:
    """The rendered boxes (display units) of *texts*, or of every label placed on *figure*."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    if texts is None:
        texts = [t for ax in figure.axes for t in ax.texts if t.get_gid() == LABEL_GID]
    return [t.get_window_extent(renderer) for t in texts if t.get_visible()]


def overlaps(boxes: Sequence[Any]) -> int:
    """Count the pairs of boxes that overlap (touching edges do not count).

    Examples:
        >>> from matplotlib.transforms import Bbox
        >>> overlaps([Bbox([[0, 0], [2, 2]]), Bbox([[1, 1], [3, 3]]), Bbox([[5, 5], [6, 6]])])
        1
    """
    return sum(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
