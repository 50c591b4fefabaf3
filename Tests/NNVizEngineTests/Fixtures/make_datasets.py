#!/usr/bin/env python3
"""Reference generators for nnviz's generated 2-D datasets, written with NumPy's legacy RNG.

nnviz's Swift generators (Sources/NNVizEngine/BundledDataset.swift) follow these functions step for step;
this script writes `datasets.json` with every coordinate as the hex of its IEEE-754 bits, so the tests can
demand bit-for-bit agreement. Trigonometry uses Python's `math` (the C library's sin/cos, as Swift's).
Run: `make fixtures` or `python3 Tests/NNVizEngineTests/Fixtures/make_datasets.py`.
"""
import json
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def bits(v):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(v)))[0]


def sample():
    return float(np.random.random_sample())


def gauss():
    return float(np.random.randn())


def uniform(lo, hi):
    return lo + (hi - lo) * sample()


CORNERS = [(0.0, 0.0, 0), (0.0, 1.0, 1), (1.0, 0.0, 1), (1.0, 1.0, 0)]


def xor(n, noisy):
    if not noisy:
        return [(x, y, c) for x, y, c in CORNERS]
    out = []
    for i in range(n):
        cx, cy, c = CORNERS[i % 4]
        x = cx + 0.15 * gauss()
        y = cy + 0.15 * gauss()
        out.append((x, y, c))
    return out


def circles(n):
    out = []
    inner = n // 2
    for i in range(n):
        if i < inner:
            r = 0.5 * sample()
            label = 1
        else:
            r = 0.7 + 0.3 * sample()
            label = 0
        a = 2.0 * math.pi * sample()
        out.append((r * math.sin(a), r * math.cos(a), label))
    return out


def moons(n):
    out = []
    upper = n // 2
    for i in range(n):
        t = math.pi * sample()
        if i < upper:
            x, y, label = math.cos(t), math.sin(t), 0
        else:
            x, y, label = 1.0 - math.cos(t), 0.5 - math.sin(t), 1
        x = x + 0.1 * gauss()
        y = y + 0.1 * gauss()
        out.append((x, y, label))
    return out


def spirals(n):
    out = []
    first = n // 2
    for i in range(n):
        if i < first:
            k, m, delta, label = i, first, 0.0, 1
        else:
            k, m, delta, label = i - first, n - first, math.pi, 0
        r = k / m
        t = 1.75 * r * 2.0 * math.pi + delta
        x = r * math.sin(t) + 0.04 * uniform(-1.0, 1.0)
        y = r * math.cos(t) + 0.04 * uniform(-1.0, 1.0)
        out.append((x, y, label))
    return out


def gaussians(n):
    out = []
    first = n // 2
    for i in range(n):
        c, label = (1.0, 1) if i < first else (-1.0, 0)
        x = c + 0.4 * gauss()
        y = c + 0.4 * gauss()
        out.append((x, y, label))
    return out


def blobs(n, k):
    out = []
    for i in range(n):
        c = i * k // n
        a = math.pi / 2 + 2.0 * math.pi * c / k
        x = math.cos(a) + 0.3 * gauss()
        y = math.sin(a) + 0.3 * gauss()
        out.append((x, y, c))
    return out


def make(name, n, seed, noisy=True, classes=None):
    np.random.seed(seed)
    if name == "blobs":
        pts = blobs(n, classes)
        return {"name": name, "count": n, "classes": classes, "seed": seed,
                "x": [bits(p[0]) for p in pts], "y": [bits(p[1]) for p in pts], "labels": [p[2] for p in pts]}
    if name == "xor":
        pts = xor(n, noisy)
    else:
        pts = {"circles": circles, "moons": moons, "spirals": spirals, "gaussians": gaussians}[name](n)
    return {"name": name, "count": n, "noisy": noisy, "seed": seed,
            "x": [bits(p[0]) for p in pts], "y": [bits(p[1]) for p in pts], "labels": [p[2] for p in pts]}


def main():
    cases = [make("xor", 4, 0, noisy=False)]
    for name in ["xor", "circles", "moons", "spirals", "gaussians"]:
        for n, seed in [(200, 0), (7, 42), (1, 3), (1001, 2**32 - 1)]:
            cases.append(make(name, n, seed))
    for n, k, seed in [(300, 3, 0), (7, 2, 42), (1, 8, 3), (1001, 5, 2**32 - 1)]:
        cases.append(make("blobs", n, seed, classes=k))
    with open(os.path.join(HERE, "datasets.json"), "w") as f:
        json.dump({"cases": cases}, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
