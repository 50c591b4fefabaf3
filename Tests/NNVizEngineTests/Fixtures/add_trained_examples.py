#!/usr/bin/env python3
"""Adds the NumPy forward passes of the bundled trained examples (Examples/spirals/*.yaml, written by
`nnviz train` through Examples/spirals/train.sh) to examples.json, leaving every other entry as it is.

Run from anywhere: `python3 Tests/NNVizEngineTests/Fixtures/add_trained_examples.py` (needs numpy and PyYAML).
The weights are read from the trained specs and stored as bit patterns, so ExampleTests checks that nnviz parses
them exactly; the forward pass of five fixed random inputs is NumPy's.
"""
import json
import os

import numpy as np
import yaml

from make_fixtures import HERE, bits, forward

ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TRAINED = ["spirals-wide", "spirals-deep"]

if __name__ == "__main__":
    path = os.path.join(HERE, "examples.json")
    with open(path) as f:
        out = json.load(f)
    rng = np.random.RandomState(8)
    for name in TRAINED:
        with open(os.path.join(ROOT, "Examples", "spirals", name + ".yaml")) as f:
            spec = yaml.safe_load(f)
        layers = [(np.array(L["weights"], dtype=float), np.array(L["bias"], dtype=float), L["activation"])
                  for L in spec["layers"]]
        x = rng.randn(5, layers[0][0].shape[0])
        pre, post = forward(layers, x)
        out[name] = {"weights": [bits(W) for W, _, _ in layers], "biases": [bits(b) for _, b, _ in layers],
                     "input": x.tolist(), "pre": pre, "post": post}
    with open(path, "w") as f:
        json.dump(out, f, sort_keys=True)
        f.write("\n")
