"""What a person checks on a picture, as assertions: nothing drawn off the canvas, axes that
say what they measure, counts and money measured from zero."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text


def drawn(fig: Figure):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _hidden_ticks(fig: Figure) -> set[int]:
    """Tick labels matplotlib keeps but does not draw: their tick lies outside the axis' view."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                loc = tick.get_loc()
                if loc is None or not low - 1e-9 <= loc <= high + 1e-9:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def texts(fig: Figure) -> list[Text]:
    """The texts a person sees on the picture."""
    drawn(fig)
    hidden = _hidden_ticks(fig)
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip() and id(t) not in hidden]


def off_canvas(fig: Figure) -> list[str]:
    """Texts (and, as a whole, every artist) reaching past the picture's edges."""
    renderer = drawn(fig)
    width, height = fig.bbox.width, fig.bbox.height
    out = []
    for t in texts(fig):
        bb = t.get_window_extent(renderer)
        if bb.x0 < -1 or bb.y0 < -1 or bb.x1 > width + 1 or bb.y1 > height + 1:
            out.append(t.get_text())
    tight = fig.get_tightbbox(renderer)
    w_in, h_in = fig.get_size_inches()
    if tight.x0 < -0.01 or tight.y0 < -0.01 or tight.x1 > w_in + 0.01 or tight.y1 > h_in + 0.01:
        out.append(f"artists reach {tight} outside the {w_in}x{h_in} in canvas")
    return out


def overlapping_texts(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of visible texts drawn over each other."""
    renderer = drawn(fig)
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts(fig)]
    pairs = []
    for i, (a, ba) in enumerate(boxes):
        for b, bb in boxes[i + 1:]:
            if ba.overlaps(bb) and ba.intersection(ba, bb).width > 2 and ba.intersection(ba, bb).height > 2:
                pairs.append((a, b))
    return pairs


def value_axis(fig: Figure, k: int = 0, axis: str = "y"):
    ax = fig.axes[k]
    label = (ax.get_ylabel() if axis == "y" else ax.get_xlabel())
    low = (ax.get_ylim() if axis == "y" else ax.get_xlim())[0]
    drawn(fig)
    ticks = [t.get_text() for t in (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())]
    return label, low, ticks
