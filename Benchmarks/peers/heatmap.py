"""Peer of `nnviz heatmap NET --batch F`: one panel per layer (samples x neurons, viridis, colour bar each),
from the JSON spec and the CSV batch parsed as given."""
import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from common import forward, load_spec  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("spec")
    p.add_argument("--batch", required=True)
    p.add_argument("-o", "--output", required=True)
    args = p.parse_args()

    _, layers = load_spec(args.spec)
    X = np.loadtxt(args.batch, delimiter=",", ndmin=2)
    acts = forward(layers, X)
    widths = [a.shape[1] for a in acts]
    fig, axes = plt.subplots(1, len(acts), figsize=(12, 8), dpi=100, sharey=True,
                             gridspec_kw={"width_ratios": [max(w, 24) for w in widths]})
    for ax, a, (name, act, _, _) in zip(np.atleast_1d(axes), acts, layers):
        im = ax.imshow(a, aspect="auto", cmap="viridis", interpolation="nearest")
        ax.set_title(f"{name} · {act} · {a.shape[1]}")
        ax.set_xlabel("neuron")
        fig.colorbar(im, ax=ax, orientation="horizontal", pad=0.08)
    np.atleast_1d(axes)[0].set_ylabel("sample")
    fig.savefig(args.output)


if __name__ == "__main__":
    main()
