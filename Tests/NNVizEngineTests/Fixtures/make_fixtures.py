#!/usr/bin/env python3
"""Regenerates every NumPy fixture the nnviz tests compare against.

Run from anywhere: `make fixtures` or `python3 Tests/NNVizEngineTests/Fixtures/make_fixtures.py`.
Doubles that must match bit for bit are stored as the hex of their IEEE-754 bit pattern; the rest as
Python's shortest round-trip repr, which Swift parses back to the same double.
"""
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def bits(values):
    return ["%016x" % struct.unpack("<Q", struct.pack("<d", float(v)))[0] for v in np.ravel(values)]


def write(name, obj):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, sort_keys=True)
        f.write("\n")


# --- NumPy's legacy RNG -------------------------------------------------------------------------
def rng_cases():
    cases = []
    plans = [
        [["randn", 1]],
        [["randn", 7], ["randn", 3]],
        [["sample", 5], ["randn", 5], ["sample", 2], ["randn", 1], ["randn", 2]],
        [["randn", 1001]],          # crosses several MT19937 twists
        [["sample", 700]],
        [["randn", 3], ["sample", 1], ["randn", 4]],
    ]
    for seed in [0, 1, 2, 7, 42, 123, 2024, 65535, 2**31 - 1, 2**32 - 1]:
        for plan in plans:
            np.random.seed(seed)
            out = []
            for op, n in plan:
                if op == "randn":
                    out.extend(bits(np.random.randn(n)))
                else:
                    out.extend(bits(np.random.random_sample(n)))
            cases.append({"seed": seed, "plan": plan, "bits": out})
    return {"cases": cases}


# --- activations and forward passes -------------------------------------------------------------
def act(name, z):
    if name == "linear":
        return z
    if name == "step":
        return (z > 0).astype(np.float64)
    if name == "sigmoid":
        out = np.empty_like(z)
        pos = z >= 0
        out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
        e = np.exp(z[~pos])
        out[~pos] = e / (1.0 + e)
        return out
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, z, 0.01 * z)
    if name == "softmax":
        m = z.max(axis=1, keepdims=True)
        e = np.exp(z - m)
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError(name)


def forward(layers, x):
    pre, post = [], []
    a = x
    for W, b, name in layers:
        z = a @ W + b
        a = act(name, z)
        pre.append(z.tolist())
        post.append(a.tolist())
    return pre, post


def forward_cases():
    rng = np.random.RandomState(99)
    cases = []
    for name in ["linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"]:
        for scale in [1.0, 3000.0]:   # 3000 drives |z| to ~1e4 for the overflow-prone activations
            W1 = rng.randn(3, 4) * scale
            b1 = rng.randn(4) * scale
            W2 = rng.randn(4, 3)
            b2 = rng.randn(3)
            x = rng.randn(6, 3)
            x[0] = [0, 0, 0]
            layers = [(W1, b1, name), (W2, b2, name)]
            pre, post = forward(layers, x)
            cases.append({
                "activation": name, "scale": scale,
                "layers": [{"weights": W.tolist(), "bias": b.tolist(), "activation": n} for W, b, n in layers],
                "input": x.tolist(), "pre": pre, "post": post,
            })
    return {"cases": cases}


if __name__ == "__main__":
    write("rng.json", rng_cases())
    write("forward.json", forward_cases())
