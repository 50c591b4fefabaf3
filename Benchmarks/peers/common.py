"""Shared helpers of the matplotlib peers: read an nnviz JSON spec and run it the vectorised NumPy way."""
import json

import numpy as np

ACTIVATIONS = {
    "linear": lambda z: z,
    "step": lambda z: (z > 0).astype(float),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
}


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS["softmax"] = softmax


def load_spec(path):
    """Layers of an explicit-weights spec as (name, activation, W, b), W stored inputs x neurons."""
    with open(path) as f:
        spec = json.load(f)
    layers = []
    for i, layer in enumerate(spec["layers"]):
        W = np.array(layer["weights"], dtype=float)
        b = np.array(layer["bias"], dtype=float)
        name = layer.get("name", f"layer {i + 1}")
        layers.append((name, layer["activation"], W, b))
    return spec, layers


def forward(layers, X):
    """Every layer's activations for the batch X (samples x inputs): a = act(a @ W + b)."""
    acts = []
    a = X
    for _, act, W, b in layers:
        a = ACTIVATIONS[act](a @ W + b)
        acts.append(a)
    return acts
