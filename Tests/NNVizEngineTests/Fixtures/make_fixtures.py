#!/usr/bin/env python3
"""Regenerates every NumPy fixture the nnviz tests compare against.

Run from anywhere: `make fixtures` or `python3 Tests/NNVizEngineTests/Fixtures/make_fixtures.py`.
Doubles that must match bit for bit are stored as the hex of their IEEE-754 bit pattern; the rest as
Python's shortest round-trip repr, which Swift parses back to the same double.
"""
import json
import os
import struct
import sys

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
    if name.startswith("leaky_relu:"):   # a slope other than the default, written as nnviz's tokens are
        return np.where(z > 0, z, float(name.split(":")[1]) * z)
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
    # leaky_relu with another slope, from its own generator so the cases above stay as they were.
    rng = np.random.RandomState(100)
    for name in ["leaky_relu:0.2"]:
        for scale in [1.0, 3000.0]:
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


# --- generated specs and bundled examples -------------------------------------------------------
def generate(sizes, seed, scale, bias):
    """Exactly what nnviz's generated form promises."""
    np.random.seed(seed)
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        W = np.random.randn(fan_in, fan_out) * scale
        b = np.random.randn(fan_out) * scale if bias == "random" else np.zeros(fan_out)
        layers.append((W, b))
    return layers


def generated_cases():
    cases = []
    for sizes, seed, scale, bias in [
        ([4, 5, 1], 0, 0.5, "zeros"),
        ([3, 7, 2], 1, 1.0, "random"),
        ([2, 16, 16, 1], 123, 0.8, "random"),
        ([5, 3], 2**32 - 1, 0.01, "zeros"),
        ([1, 1, 1, 1], 2024, 2.0, "random"),
    ]:
        layers = generate(sizes, seed, scale, bias)
        cases.append({"sizes": sizes, "seed": seed, "scale": scale, "bias": bias,
                      "weights": [bits(W) for W, _ in layers], "biases": [bits(b) for _, b in layers]})
    return {"cases": cases}


# The bundled examples' parameters, repeated here so NumPy computes them independently of nnviz.
GENERATED_EXAMPLES = {
    "tiny-net": ([4, 5, 1], ["relu", "sigmoid"], 0, 0.5, "zeros"),
    "homework": ([4, 5, 1], ["relu", "sigmoid"], 7, 0.3, "zeros"),
    "iris": ([4, 8, 8, 3], ["relu", "relu", "softmax"], 42, 0.5, "random"),
}
LARGE_EXAMPLES = {
    "mlp-784": ([784, 128, 64, 10], ["relu", "relu", "softmax"], 1, 0.05, "random"),
}
# The starting networks of `nnviz train`'s examples (the same as make_training.py's "xor" and "moons-momentum").
TRAINING_EXAMPLES = {
    "xor-train": ([2, 4, 1], ["sigmoid", "sigmoid"], 3, 1.0, "random"),
    "moons-train": ([2, 16, 16, 1], ["tanh", "relu", "sigmoid"], 1, 0.5, "random"),
    # Last, so the inputs drawn for the examples above stay the same.
    "xor-linear": ([2, 1], ["sigmoid"], 3, 1.0, "random"),
    # After xor-linear, for the same reason: three classes for softmax and cross-entropy on `blobs`.
    "blobs-train": ([2, 8, 3], ["tanh", "softmax"], 0, 1.0, "random"),
}
EXPLICIT_EXAMPLES = {
    "neuron": [(np.array([[0.4], [-0.2], [0.7]]), np.array([0.1]), "sigmoid")],
    "xor": [(np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([-0.5, -1.5]), "step"),
            (np.array([[1.0], [-2.0]]), np.array([-0.5]), "step")],
    "xor-sigmoid": [(np.array([[20.0, 20.0], [20.0, 20.0]]), np.array([-10.0, -30.0]), "sigmoid"),
                    (np.array([[20.0], [-40.0]]), np.array([-10.0]), "sigmoid")],
    # XOR's weights with no activation: one linear function, 75 % on the corners.
    "xor-no-activation": [(np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([-0.5, -1.5]), "linear"),
                          (np.array([[1.0], [-2.0]]), np.array([-0.5]), "linear")],
}


def example_cases():
    out = {}
    rng = np.random.RandomState(5)
    for name, (sizes, acts, seed, scale, bias) in GENERATED_EXAMPLES.items():
        layers = [(W, b, a) for (W, b), a in zip(generate(sizes, seed, scale, bias), acts)]
        x = rng.randn(5, sizes[0])
        if name in ("tiny-net", "homework"):
            x[0] = [0.6, 0.1, 0.9, 0.4]
        pre, post = forward(layers, x)
        out[name] = {"weights": [bits(W) for W, _, _ in layers], "biases": [bits(b) for _, b, _ in layers],
                     "input": x.tolist(), "pre": pre, "post": post}
    for name, layers in EXPLICIT_EXAMPLES.items():
        n = layers[0][0].shape[0]
        x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float) if n == 2 else rng.randn(4, n)
        pre, post = forward(layers, x)
        out[name] = {"input": x.tolist(), "pre": pre, "post": post}
    # Too many weights to list (109,386): two samples' pre- and post-activations pin them all instead.
    for name, (sizes, acts, seed, scale, bias) in LARGE_EXAMPLES.items():
        layers = [(W, b, a) for (W, b), a in zip(generate(sizes, seed, scale, bias), acts)]
        x = np.random.RandomState(6).rand(2, sizes[0])
        pre, post = forward(layers, x)
        out[name] = {"input": x.tolist(), "pre": pre, "post": post}
    rng = np.random.RandomState(7)
    for name, (sizes, acts, seed, scale, bias) in TRAINING_EXAMPLES.items():
        layers = [(W, b, a) for (W, b), a in zip(generate(sizes, seed, scale, bias), acts)]
        x = rng.randn(4, sizes[0])
        pre, post = forward(layers, x)
        out[name] = {"weights": [bits(W) for W, _, _ in layers], "biases": [bits(b) for _, b, _ in layers],
                     "input": x.tolist(), "pre": pre, "post": post}
    return out


# --- loader inputs: npz networks, sample batches ----------------------------------------------------
def loader_files():
    layers = generate([3, 4, 2], 11, 0.7, "random")
    arrays = {f"{k}{i + 1}": a for i, (W, b) in enumerate(layers) for k, a in (("W", W), ("b", b))}
    np.savez(os.path.join(HERE, "net.npz"), **arrays)
    np.savez_compressed(os.path.join(HERE, "net_compressed.npz"),
                        **{k: v.astype(np.float32) for k, v in arrays.items()})
    # A zip bomb in miniature: W1.npy's sizes patched to claim ~4 GB uncompressed.
    bomb = bytearray(open(os.path.join(HERE, "net_compressed.npz"), "rb").read())
    local, central = bomb.find(b"PK\x03\x04"), bomb.find(b"PK\x01\x02")
    bomb[local + 22:local + 26] = struct.pack("<I", 0xFFFFFFF0)
    bomb[central + 24:central + 28] = struct.pack("<I", 0xFFFFFFF0)
    open(os.path.join(HERE, "bomb.npz"), "wb").write(bytes(bomb))
    batch = np.random.RandomState(8).randn(6, 3)
    np.save(os.path.join(HERE, "batch.npy"), batch)
    np.save(os.path.join(HERE, "batch_f32.npy"), batch.astype(np.float32))
    with open(os.path.join(HERE, "batch.csv"), "w") as f:
        f.write("a,b,c\n")
        for row in batch:
            f.write(",".join(repr(float(v)) for v in row) + "\n")
    with open(os.path.join(HERE, "batch.json"), "w") as f:
        json.dump(batch.tolist(), f)
    randoms = []
    for n, inputs, seed in [(3, 4, 0), (5, 2, 1), (1, 3, 42), (4, 3, 2**32 - 1)]:
        np.random.seed(seed)
        randoms.append({"n": n, "inputs": inputs, "seed": seed, "bits": bits(np.random.randn(n, inputs))})
    return {
        "npz": {"weights": [bits(W) for W, _ in layers], "biases": [bits(b) for _, b in layers],
                "weights32": [bits(W.astype(np.float32)) for W, _ in layers],
                "biases32": [bits(b.astype(np.float32)) for _, b in layers]},
        "batch": bits(batch), "batch32": bits(batch.astype(np.float32)), "random": randoms,
    }


# --- locale-free fixed-decimal formatting -----------------------------------------------------------
def number_cases():
    rng = np.random.RandomState(17)
    values = [0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, -0.125, 1e-5, -1e-5, 0.00005, 0.00015, 123456.789,
              1e22, 1.7976931348623157e308, 5e-324, -2.675, 2.675, 0.6119062822937271, 9.99995, 0.99999999]
    values += list(rng.randn(60) * 10.0 ** rng.randint(-6, 7, size=60))
    cases = []
    for v in values:
        for d in [0, 1, 2, 4, 6, 10, 17]:
            cases.append({"bits": bits([v])[0], "decimals": d, "text": "%.*f" % (d, v)})
    return {"cases": cases}


if __name__ == "__main__":
    if len(sys.argv) > 1:   # only the named fixtures, e.g. `make_fixtures.py forward.json` (np.savez dates its members)
        for name in sys.argv[1:]:
            write(name, {"numbers.json": number_cases, "rng.json": rng_cases, "forward.json": forward_cases,
                         "generated.json": generated_cases, "examples.json": example_cases}[name]())
        sys.exit(0)
    write("numbers.json", number_cases())
    write("rng.json", rng_cases())
    write("forward.json", forward_cases())
    write("generated.json", generated_cases())
    write("examples.json", example_cases())
    write("loaders.json", loader_files())
