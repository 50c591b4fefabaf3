"""Peer of `nnviz train`: the same plain-NumPy gradient descent (as Tests/NNVizEngineTests/Fixtures/make_training.py
states it: sgd, bce on a sigmoid output, mini-batches from np.random.RandomState(seed).permutation), and with
--figures the same files as `nnviz train --figures`: the loss curve, the weights over training and the filmstrip
of decision regions at the snapshot epochs (each as PNG and SVG) with matplotlib, and training.gif (one 1280 × 720
frame per snapshot, through Pillow, which matplotlib itself requires).

With --loop-runs R it times the training loop alone R times (imports, data and start excluded) and prints JSON
{"seconds": [...], "checksum": final loss}; otherwise it trains once and draws the figures."""
import argparse
import json
import math
import time

import numpy as np

from common import load_spec


def act(name, z):
    if name == "sigmoid":
        pos = 1.0 / (1.0 + np.exp(-np.maximum(z, 0.0)))
        e = np.exp(np.minimum(z, 0.0))
        return np.where(z >= 0, pos, e / (1.0 + e))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.where(z > 0, z, 0.0)
    raise ValueError(name)


def dact(name, z, a):
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a * a
    if name == "relu":
        return np.where(z > 0, 1.0, 0.0)
    raise ValueError(name)


def forward(Ws, bs, acts, x):
    zs, as_ = [], [x]
    for W, b, name in zip(Ws, bs, acts):
        z = as_[-1] @ W + b
        zs.append(z)
        as_.append(act(name, z))
    return zs, as_


def measure(Ws, bs, acts, x, y):
    zs, as_ = forward(Ws, bs, acts, x)
    z, a = zs[-1], as_[-1]
    loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
    return float(loss), float(np.mean((a[:, 0] > 0.5) == (y[:, 0] > 0.5)))


def train(Ws, bs, acts, x, y, epochs, lr, batch, seed, keep, trajectories=None):
    Ws = [W.copy() for W in Ws]
    bs = [b.copy() for b in bs]
    rng = np.random.RandomState(seed)
    n = len(y)
    history = [measure(Ws, bs, acts, x, y)]
    snaps = {0: ([W.copy() for W in Ws], [b.copy() for b in bs])} if 0 in keep else {}
    track = trajectories is not None
    if track:
        trajectories.append(np.concatenate([W.ravel() for W in Ws]))
    for epoch in range(1, epochs + 1):
        if batch is not None and batch < n:
            order = rng.permutation(n)
            batches = [order[i:i + batch] for i in range(0, n, batch)]
        else:
            batches = [None]
        for idx in batches:
            xb, yb = (x, y) if idx is None else (x[idx], y[idx])
            zs, as_ = forward(Ws, bs, acts, xb)
            delta = (as_[-1] - yb) / xb.shape[0]
            gWs, gbs = [None] * len(Ws), [None] * len(Ws)
            for l in range(len(Ws) - 1, -1, -1):
                gWs[l] = as_[l].T @ delta
                gbs[l] = delta.sum(axis=0)
                if l > 0:
                    delta = (delta @ Ws[l].T) * dact(acts[l - 1], zs[l - 1], as_[l])
            for l in range(len(Ws)):
                Ws[l] -= lr * gWs[l]
                bs[l] -= lr * gbs[l]
        history.append(measure(Ws, bs, acts, x, y))
        if track:
            trajectories.append(np.concatenate([W.ravel() for W in Ws]))
        if epoch in keep:
            snaps[epoch] = ([W.copy() for W in Ws], [b.copy() for b in bs])
    return Ws, bs, history, snaps


def data(name):
    if name == "xor":
        return np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float), np.array([0, 1, 1, 0])
    # moons as nnviz generates it (make_datasets.py): np.random.seed(0), 200 points.
    np.random.seed(0)
    pts, labels = [], []
    for i in range(200):
        t = math.pi * float(np.random.random_sample())
        upper = i < 100
        px, py = (math.cos(t), math.sin(t)) if upper else (1.0 - math.cos(t), 0.5 - math.sin(t))
        px += 0.1 * float(np.random.randn())
        py += 0.1 * float(np.random.randn())
        pts.append((px, py))
        labels.append(0 if upper else 1)
    return np.array(pts), np.array(labels)


def figures(folder, history, snaps, acts, x, labels, keep, trajectories, shapes):
    import os

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    os.makedirs(folder, exist_ok=True)
    epochs = np.arange(len(history))
    loss = np.array([h[0] for h in history])
    acc = np.array([h[1] for h in history])
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(6.4, 4.8), dpi=100, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    top.semilogy(epochs, loss)
    bottom.plot(epochs, acc)
    for e in keep:
        top.axvline(e, color="grey", ls=":")
        bottom.axvline(e, color="grey", ls=":")
    top.set_ylabel("bce loss (log scale)")
    bottom.set_ylabel("accuracy")
    bottom.set_xlabel("epoch")
    top.set_title("Training")
    save(fig, folder, "loss")

    # Weights over training: one line per weight, a panel per layer (nnviz's weights.png/.svg).
    traj = np.array(trajectories)
    fig, axes = plt.subplots(1, len(shapes), figsize=(8, 4), dpi=100, squeeze=False)
    start = 0
    for ax, (rows_, cols_) in zip(axes.ravel(), shapes):
        block = traj[:, start:start + rows_ * cols_]
        start += rows_ * cols_
        for k in range(block.shape[1]):
            ax.plot(epochs, block[:, k], color="tab:blue" if block[-1, k] >= 0 else "tab:orange", lw=1.2)
            ax.annotate(f"w{k}", (epochs[-1], block[-1, k]), fontsize=8)
        ax.axhline(0, color="black", ls="--", lw=0.6)
        ax.set_title(f"{rows_} × {cols_} weights")
        ax.set_xlabel("epoch")
    axes.ravel()[0].set_ylabel("weight")
    fig.suptitle("weights over training")
    save(fig, folder, "weights")

    lo, hi = x.min(axis=0) - 0.25, x.max(axis=0) + 0.25
    gx, gy = np.linspace(lo[0], hi[0], 400), np.linspace(lo[1], hi[1], 400)
    xx, yy = np.meshgrid(gx, gy)
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    cols = 4
    rows = (len(keep) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(3 * cols, 3 * rows), dpi=100, squeeze=False)
    for ax, e in zip(axes.ravel(), keep):
        Ws, bs = snaps[e]
        out = forward(Ws, bs, acts, grid)[1][-1][:, 0].reshape(xx.shape)
        im = ax.imshow(out, origin="lower", extent=(lo[0], hi[0], lo[1], hi[1]), cmap="RdBu_r", vmin=0, vmax=1)
        ax.contour(xx, yy, out, levels=[0.5], colors="black")
        ax.scatter(x[:, 0], x[:, 1], c=labels, cmap="coolwarm", edgecolors="black")
        ax.set_title(f"epoch {e}\nloss {history[e][0]:.3g} · accuracy {100 * history[e][1]:.0f} %", fontsize=9)
    for ax in axes.ravel()[len(keep):]:
        ax.axis("off")
    fig.colorbar(im, ax=axes.ravel().tolist(), label="output")
    save(fig, folder, "filmstrip")

    # training.gif: one 1280 × 720 frame per snapshot, decision regions with the data and the loss so far.
    from PIL import Image

    frames = []
    for e in keep:
        Ws, bs = snaps[e]
        out = forward(Ws, bs, acts, grid)[1][-1][:, 0].reshape(xx.shape)
        fig, (ax, lax) = plt.subplots(1, 2, figsize=(12.8, 7.2), dpi=100, gridspec_kw={"width_ratios": [3, 2]})
        ax.imshow(out, origin="lower", extent=(lo[0], hi[0], lo[1], hi[1]), cmap="RdBu_r", vmin=0, vmax=1)
        ax.contour(xx, yy, out, levels=[0.5], colors="black")
        ax.scatter(x[:, 0], x[:, 1], c=labels, cmap="coolwarm", edgecolors="black")
        ax.set_title(f"epoch {e} · loss {history[e][0]:.3g} · accuracy {100 * history[e][1]:.0f} %")
        lax.semilogy(epochs[:e + 1], loss[:e + 1])
        lax.set_xlim(0, epochs[-1])
        lax.set_ylim(loss.min(), loss.max())
        lax.set_xlabel("epoch")
        fig.canvas.draw()
        rgba = np.asarray(fig.canvas.buffer_rgba())
        frames.append(Image.fromarray(rgba[:, :, :3]).quantize(colors=255))
        plt.close(fig)
    delays = [1200 if i == 0 else 3000 if i == len(frames) - 1 else 700 for i in range(len(frames))]
    frames[0].save(os.path.join(folder, "training.gif"), save_all=True, append_images=frames[1:], duration=delays, loop=0)


def save(fig, folder, name):
    import os

    import matplotlib.pyplot as plt

    for ext in ("png", "svg"):
        fig.savefig(os.path.join(folder, name + "." + ext))
    plt.close(fig)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("spec")
    p.add_argument("--data", required=True)
    p.add_argument("--epochs", type=int, default=1000)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--batch-size", type=int)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--snapshots", default="")
    p.add_argument("--figures")
    p.add_argument("--loop-runs", type=int)
    args = p.parse_args()

    _, layers = load_spec(args.spec)
    Ws = [W for _, _, W, _ in layers]
    bs = [b for _, _, _, b in layers]
    acts = [a for _, a, _, _ in layers]
    x, labels = data(args.data)
    y = labels.astype(float).reshape(-1, 1)
    keep = sorted({int(e) for e in args.snapshots.split(",") if e})
    if args.loop_runs:
        seconds = []
        for _ in range(args.loop_runs):
            start = time.perf_counter()
            _, _, history, _ = train(Ws, bs, acts, x, y, args.epochs, args.lr, args.batch_size, args.seed, set())
            seconds.append(time.perf_counter() - start)
        print(json.dumps({"seconds": seconds, "checksum": history[-1][0]}))
        return
    trajectories = [] if args.figures else None
    _, _, history, snaps = train(Ws, bs, acts, x, y, args.epochs, args.lr, args.batch_size, args.seed, set(keep), trajectories)
    if args.figures:
        figures(args.figures, history, snaps, acts, x, labels, keep, trajectories, [W.shape for W in Ws])


if __name__ == "__main__":
    main()
