"""Peer of `nnviz diagram NET --all`: every neuron and every edge of a dense network, matplotlib + Agg.

Edges are one LineCollection with a colour, width and opacity per edge by weight (blue positive, orange
negative, width and opacity growing with |w| / max|w|), neurons one scatter per layer, a header per layer
and a small legend. The figure has the pixel size given, so it can match nnviz's output.
"""
import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from common import load_spec  # noqa: E402

POSITIVE = np.array([0x08, 0x77, 0xBD]) / 255.0
NEGATIVE = np.array([0xF5, 0x93, 0x22]) / 255.0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("spec")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--width", type=int, default=1400)
    p.add_argument("--height", type=int, default=1800)
    args = p.parse_args()

    _, layers = load_spec(args.spec)
    sizes = [layers[0][2].shape[0]] + [W.shape[1] for _, _, W, _ in layers]
    names = ["input"] + [f"{name} · {act}" for name, act, _, _ in layers]
    dpi = 100
    width, height = args.width, args.height
    margin, top, bottom = 60.0, 60.0, 40.0
    xs = [margin + i * (width - 2 * margin) / (len(sizes) - 1) for i in range(len(sizes))]

    def ys(n):
        return top + (np.arange(n) + 0.5) * (height - top - bottom) / n

    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")

    wmax = max(np.abs(W).max() for _, _, W, _ in layers)
    segments, colors, widths = [], [], []
    for l, (_, _, W, _) in enumerate(layers):
        y0, y1 = ys(W.shape[0]), ys(W.shape[1])
        seg = np.empty((W.size, 2, 2))
        seg[:, 0, 0] = xs[l]
        seg[:, 0, 1] = np.repeat(y0, W.shape[1])
        seg[:, 1, 0] = xs[l + 1]
        seg[:, 1, 1] = np.tile(y1, W.shape[0])
        w = W.ravel()
        m = np.abs(w) / wmax
        rgba = np.empty((w.size, 4))
        rgba[:, :3] = np.where(w[:, None] >= 0, POSITIVE, NEGATIVE)
        rgba[:, 3] = 0.1 + 0.9 * m
        segments.append(seg)
        colors.append(rgba)
        widths.append((0.2 + 1.3 * m) * 72.0 / dpi)  # pixels to points
    ax.add_collection(LineCollection(np.concatenate(segments), colors=np.concatenate(colors),
                                     linewidths=np.concatenate(widths), capstyle="butt"))

    for l, n in enumerate(sizes):
        spacing = (height - top - bottom) / n
        r = max(1.0, min(8.0, 0.4 * spacing))
        ax.scatter(np.full(n, xs[l]), ys(n), s=(2 * r * 72.0 / dpi) ** 2, facecolor="white",
                   edgecolor="#333333", linewidth=0.5, zorder=3)
        align = "left" if l == 0 else "right" if l == len(sizes) - 1 else "center"
        ax.text(xs[l] + (-margin / 2 if l == 0 else margin / 2 if l == len(sizes) - 1 else 0), top / 2,
                f"{names[l]} · {n}", ha=align, va="center", fontsize=11)

    handles = [Line2D([], [], color=POSITIVE, lw=2, label="w > 0"),
               Line2D([], [], color=NEGATIVE, lw=2, label="w < 0")]
    for frac in (0.25, 0.5, 1.0):
        handles.append(Line2D([], [], color="#555555", lw=(0.2 + 1.3 * frac) * 72.0 / dpi * 3,
                              alpha=0.1 + 0.9 * frac, label=f"|w| = {frac * wmax:.2f}"))
    ax.legend(handles=handles, loc="lower right", fontsize=9, frameon=False)
    fig.savefig(args.output, dpi=dpi)


if __name__ == "__main__":
    main()
