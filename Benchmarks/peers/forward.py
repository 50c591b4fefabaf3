"""Peer of the engine-only workload: the vectorised NumPy forward pass of an N x N grid of two-input
samples. Only the pass is timed (imports and grid construction excluded); prints JSON seconds per run."""
import argparse
import json
import time

import numpy as np

from common import forward, load_spec


def main():
    p = argparse.ArgumentParser()
    p.add_argument("spec")
    p.add_argument("--resolution", type=int, default=1000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()

    _, layers = load_spec(args.spec)
    axis = np.linspace(-0.5, 1.5, args.resolution)
    xx, yy = np.meshgrid(axis, axis)
    X = np.column_stack([xx.ravel(), yy.ravel()])
    forward(layers, X)  # warm-up
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        out = forward(layers, X)[-1]
        times.append(time.perf_counter() - t)
    print(json.dumps({"seconds": times, "checksum": float(out.sum())}))


if __name__ == "__main__":
    main()
