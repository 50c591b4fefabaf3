"""Peer of `nnviz regions NET --resolution N`: a two-input network evaluated on an N x N grid (vectorised),
shaded with a diverging map centred at 0.5, the 0.5 decision boundary as a contour, colour bar and axes."""
import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from common import forward, load_spec  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("spec")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--resolution", type=int, default=1000)
    p.add_argument("--range", type=float, nargs=2, default=(-0.5, 1.5))
    args = p.parse_args()

    spec, layers = load_spec(args.spec)
    lo, hi = args.range
    axis = np.linspace(lo, hi, args.resolution)
    xx, yy = np.meshgrid(axis, axis)
    X = np.column_stack([xx.ravel(), yy.ravel()])
    out = forward(layers, X)[-1][:, 0].reshape(xx.shape)

    fig, ax = plt.subplots(figsize=(7, 6), dpi=100)
    im = ax.imshow(out, origin="lower", extent=(lo, hi, lo, hi), cmap="RdBu_r", vmin=0, vmax=1,
                   interpolation="nearest")
    ax.contour(xx, yy, out, levels=[0.5], colors="black", linewidths=1.5)
    labels = spec.get("inputs", ["x1", "x2"])
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    ax.set_title(f"{spec.get('name', 'network')}: output over the input plane")
    fig.colorbar(im, ax=ax, label="output")
    fig.savefig(args.output)


if __name__ == "__main__":
    main()
