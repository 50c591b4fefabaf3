"""Saves small models with the real frameworks, with each framework's own outputs for fixed samples.

Run by hand (CI never needs the frameworks), in a virtual environment outside the repository:

    python3 -m venv /work/venv-models && /work/venv-models/bin/pip install numpy torch safetensors onnx onnxscript onnxruntime keras jax jaxlib h5py
    KERAS_BACKEND=jax /work/venv-models/bin/python Tests/NNVizEngineTests/Fixtures/make_models.py [keras]

(`keras` remakes only the Keras models.)

Writes models/*.pt, *.safetensors, *.npz, *.onnx, *.keras, *.h5 and models/expected.json: for each file, the samples (float32 values,
written as exact doubles), the outputs the framework computed (float32, or float64 for the float64 model), the
--activations to pass, and whether --transpose applies. nnviz must agree to 1e-6 · max(1, |output|).
"""
import json
import os
import sys
from collections import OrderedDict

import numpy as np

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")
os.makedirs(HERE, exist_ok=True)
expected = {}
# `make_models.py keras` remakes only the Keras models, keeping the other entries of expected.json.
ONLY_KERAS = sys.argv[1:] == ["keras"]
if ONLY_KERAS:
    with open(os.path.join(HERE, "expected.json")) as f:
        expected = {k: v for k, v in json.load(f).items() if not k.startswith("keras_")}


def samples(n_in, n=6, seed=0):
    return np.random.default_rng(seed).normal(size=(n, n_in)).astype(np.float32)


def record(name, x, y, activations=None, transpose=False):
    expected[name] = {
        "inputs": [[float(v) for v in row] for row in np.asarray(x, dtype=np.float64)],
        "outputs": [[float(v) for v in row] for row in np.asarray(y, dtype=np.float64)],
        "activations": activations,
        "transpose": transpose,
    }


def path(name):
    return os.path.join(HERE, name)


def torch_models():
    import torch
    from torch import nn
    import safetensors.torch
    import safetensors.numpy
    torch.manual_seed(0)

    # The PyTorch model: Sequential(Linear(4,5), ReLU(), Linear(5,1), Sigmoid()), trained a few steps.
    model = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
    xs = torch.tensor(samples(4, 64, seed=1))
    ys = (xs[:, :1] * xs[:, 1:2] > 0).float()
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    for _ in range(50):
        opt.zero_grad()
        nn.functional.binary_cross_entropy(model(xs), ys).backward()
        opt.step()
    model.eval()
    x = samples(4)
    with torch.no_grad():
        y = model(torch.tensor(x)).numpy()
    torch.save(model.state_dict(), path("torch_4_5_1.pt"))
    record("torch_4_5_1.pt", x, y)
    safetensors.torch.save_file(model.state_dict(), path("torch_4_5_1.safetensors"))
    record("torch_4_5_1.safetensors", x, y)

    # Half, bfloat16 and float64 copies: the framework computes with the rounded weights.
    for dtype, tag in [(torch.float16, "f16"), (torch.bfloat16, "bf16"), (torch.float64, "f64")]:
        sd = {k: v.to(dtype) for k, v in model.state_dict().items()}
        safetensors.torch.save_file(sd, path(f"torch_4_5_1_{tag}.safetensors"))
        work = torch.float64 if dtype == torch.float64 else torch.float32
        m = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid()).to(work)
        m.load_state_dict({k: v.to(work) for k, v in sd.items()})
        with torch.no_grad():
            yy = m(torch.tensor(x).to(work)).numpy()
        record(f"torch_4_5_1_{tag}.safetensors", x, yy)
        if tag == "f16":
            torch.save(sd, path("torch_4_5_1_f16.pt"))
            record("torch_4_5_1_f16.pt", x, yy)

    # Named layers (fc1, fc2), tanh then softmax: activations come from --activations.
    named = nn.Sequential(OrderedDict(fc1=nn.Linear(3, 6), act=nn.Tanh(), fc2=nn.Linear(6, 3), out=nn.Softmax(dim=1)))
    x3 = samples(3, seed=2)
    with torch.no_grad():
        y3 = named(torch.tensor(x3)).numpy()
    torch.save(named.state_dict(), path("named_3_6_3.pt"))
    record("named_3_6_3.pt", x3, y3, activations="tanh,softmax")
    safetensors.torch.save_file(named.state_dict(), path("named_3_6_3.safetensors"))
    record("named_3_6_3.safetensors", x3, y3, activations="tanh,softmax")

    # A Linear without bias, and twelve layers (keys 0…22 sort as numbers, not as text).
    nobias = nn.Sequential(nn.Linear(2, 3, bias=False), nn.ReLU(), nn.Linear(3, 1))
    x2 = samples(2, seed=3)
    with torch.no_grad():
        y2 = nobias(torch.tensor(x2)).numpy()
    torch.save(nobias.state_dict(), path("nobias_2_3_1.pt"))
    record("nobias_2_3_1.pt", x2, y2, activations="relu,linear")
    deep = nn.Sequential(*[m for _ in range(11) for m in (nn.Linear(3, 3), nn.Tanh())], nn.Linear(3, 2))
    with torch.no_grad():
        yd = deep(torch.tensor(x3)).numpy()
    safetensors.torch.save_file(deep.state_dict(), path("deep_12.safetensors"))
    record("deep_12.safetensors", x3, yd, activations=",".join(["tanh"] * 11 + ["linear"]))

    # Views: a transposed weight (strides (1, 5)) and two tensors sharing one storage at offsets.
    big = torch.randn(40)
    views = OrderedDict([("0.weight", torch.randn(4, 5).t()), ("0.bias", big[3:8]),
                         ("1.weight", big[10:20].view(2, 5)), ("1.bias", big[30:32])])
    torch.save(views, path("views.pt"))
    with torch.no_grad():
        h = torch.relu(torch.tensor(x) @ views["0.weight"].t() + views["0.bias"])
        yv = torch.softmax(h @ views["1.weight"].t() + views["1.bias"], dim=1).numpy()
    record("views.pt", x, yv)

    # The NumPy form of safetensors, float64.
    rng = np.random.default_rng(4)
    npsd = {"0.weight": rng.normal(size=(5, 4)), "0.bias": rng.normal(size=5),
            "2.weight": rng.normal(size=(1, 5)), "2.bias": rng.normal(size=1)}
    safetensors.numpy.save_file(npsd, path("numpy_4_5_1.safetensors"))
    h = np.maximum(x.astype(np.float64) @ npsd["0.weight"].T + npsd["0.bias"], 0)
    record("numpy_4_5_1.safetensors", x, 1 / (1 + np.exp(-(h @ npsd["2.weight"].T + npsd["2.bias"]))))

    # .npz as a new user writes it from PyTorch: out × in (needs --transpose), and transposed (Fortran order).
    sd = {k: v.detach().numpy().astype(np.float64) for k, v in model.state_dict().items()}
    np.savez(path("torch_layout.npz"), W1=sd["0.weight"], b1=sd["0.bias"], W2=sd["2.weight"], b2=sd["2.bias"])
    np.savez(path("fortran.npz"), W1=sd["0.weight"].T, b1=sd["0.bias"], W2=sd["2.weight"].T, b2=sd["2.bias"])
    with torch.no_grad():
        y64 = model.double()(torch.tensor(x, dtype=torch.float64)).numpy()
    model.float()
    record("torch_layout.npz", x, y64, transpose=True)
    record("fortran.npz", x, y64)
    # Integer and boolean arrays (NumPy's defaults for literals), converted to float64.
    np.savez(path("int_xor.npz"), W1=np.array([[1, 1], [1, 1]], dtype=np.int64), b1=np.array([0, -1], dtype=np.int32),
             W2=np.array([[1], [-2]], dtype=np.int8), b2=np.array([False]))
    xi = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    hi = np.maximum(xi.astype(np.float64) @ np.array([[1, 1], [1, 1]]) + np.array([0, -1]), 0)
    record("int_xor.npz", xi, hi @ np.array([[1], [-2]]), activations="relu,linear")

    # Refusals: a whole pickled module, a convolution, a state dict with a BatchNorm.
    torch.save(model, path("whole_module.pt"))
    conv = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(2 * 3 * 3, 2))
    torch.save(conv.state_dict(), path("conv.pt"))
    safetensors.torch.save_file(conv.state_dict(), path("conv.safetensors"))
    bn = nn.Sequential(nn.Linear(4, 5), nn.BatchNorm1d(5), nn.Linear(5, 1))
    torch.save(bn.state_dict(), path("batchnorm.pt"))

    # ONNX: torch.onnx.export (the default exporter and the TorchScript one), onnx.helper graphs for the forms the
    # exporters do not write (MatMul + Add, Gemm without transB, alpha/beta, typed and float16 data, Flatten, Identity,
    # Dropout), run by onnxruntime; refusals (a Conv, a branch, external data, a LeakyReLU slope nnviz cannot hold).
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper, numpy_helper


    def run_onnx(name, x):
        sess = onnxruntime.InferenceSession(path(name), providers=["CPUExecutionProvider"])
        return sess.run(None, {sess.get_inputs()[0].name: x})[0]


    def export(m, name, n_in, x, legacy=False):
        if legacy:
            torch.onnx.export(m, (torch.zeros(1, n_in),), path(name), dynamo=False, input_names=["input"],
                              output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
        else:
            torch.onnx.export(m, (torch.tensor(x),), path(name), dynamo=True, external_data=False,
                              dynamic_shapes=({0: torch.export.Dim("batch")},), verbose=False)
        record(name, x, run_onnx(name, x))


    model.eval()
    export(model, "torch_4_5_1.onnx", 4, x)
    export(model, "torch_4_5_1_legacy.onnx", 4, x, legacy=True)
    named.eval()
    export(named, "named_3_6_3.onnx", 3, x3)
    leaky = nn.Sequential(nn.Linear(2, 4), nn.LeakyReLU(), nn.Linear(4, 1)).eval()
    export(leaky, "leaky_default.onnx", 2, x2, legacy=True)
    leaky2 = nn.Sequential(nn.Linear(2, 4), nn.LeakyReLU(0.2), nn.Linear(4, 1)).eval()
    export(leaky2, "leaky_0.2.onnx", 2, x2, legacy=True)
    dropout = nn.Sequential(nn.Flatten(), nn.Linear(3, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 3), nn.Softmax(dim=-1)).eval()
    export(dropout, "flatten_dropout.onnx", 3, x3, legacy=True)


    def save_graph(name, nodes, inits, n_in, n_out, dtype=TensorProto.FLOAT, opset=17):
        g = helper.make_graph(nodes, name.split(".")[0], [helper.make_tensor_value_info("x", dtype, ["N", n_in])],
                              [helper.make_tensor_value_info("y", dtype, ["N", n_out])], inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)], producer_name="onnx.helper")
        onnx.checker.check_model(m)
        onnx.save(m, path(name))


    # MatMul + Add in float64, the bias on the left of the second Add; typed double_data for one tensor, raw for the rest;
    # Identity and Dropout (no name) between the layers.
    rng = np.random.default_rng(7)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(3, 2)), rng.normal(size=2)
    save_graph("matmul_add_f64.onnx", [
        helper.make_node("MatMul", ["x", "W1"], ["h0"], name="mm1"),
        helper.make_node("Add", ["h0", "b1"], ["h1"], name="add1"),
        helper.make_node("Tanh", ["h1"], ["h2"], name="tanh1"),
        helper.make_node("Identity", ["h2"], ["h3"]),
        helper.make_node("Dropout", ["h3"], ["h4"]),
        helper.make_node("MatMul", ["h4", "W2"], ["h5"], name="mm2"),
        helper.make_node("Add", ["b2", "h5"], ["y"], name="add2"),
    ], [numpy_helper.from_array(W1, "W1"), helper.make_tensor("b1", TensorProto.DOUBLE, [3], b1.tolist()),
        numpy_helper.from_array(W2, "W2"), numpy_helper.from_array(b2, "b2")], 4, 2, TensorProto.DOUBLE)
    x4 = samples(4, seed=5)
    record("matmul_add_f64.onnx", x4, run_onnx("matmul_add_f64.onnx", x4.astype(np.float64)))

    # Gemm with transB = 0, alpha and beta, C of shape (1, 3); then Gemm with a scalar C; float32 in float_data.
    Wa, ca, Wb, cb = (rng.normal(size=s).astype(np.float32) for s in [(2, 3), (1, 3), (3, 1), (1,)])
    save_graph("gemm_alpha_beta.onnx", [
        helper.make_node("Gemm", ["x", "Wa", "ca"], ["h"], name="g1", alpha=0.5, beta=2.0),
        helper.make_node("Sigmoid", ["h"], ["s"], name="sig"),
        helper.make_node("Gemm", ["s", "Wb", "cb"], ["y"], name="g2", transB=0),
    ], [helper.make_tensor("Wa", TensorProto.FLOAT, [2, 3], Wa.ravel().tolist()), numpy_helper.from_array(ca, "ca"),
        numpy_helper.from_array(Wb, "Wb"), numpy_helper.from_array(cb, "cb")], 2, 1)
    record("gemm_alpha_beta.onnx", x2, run_onnx("gemm_alpha_beta.onnx", x2))

    # float16 in int32_data (typed) and bfloat16 raw; the float weights are exact widenings, so NumPy in float64 with
    # onnx.numpy_helper's own reading of the tensors is the reference.
    Wh = rng.normal(size=(2, 3)).astype(np.float16)
    bh = rng.normal(size=3).astype(np.float16)
    bf_bits = (np.array([0.5, -1.25, 2.0], dtype=np.float32).view(np.uint32) >> 16).astype("<u2").tobytes()
    Wbf = helper.make_tensor("Wbf", TensorProto.BFLOAT16, [3, 1], bf_bits, raw=True)
    bbf = helper.make_tensor("bbf", TensorProto.BFLOAT16, [1], [0.375])
    wh = helper.make_tensor("Wh", TensorProto.FLOAT16, [2, 3], Wh.ravel().tolist())   # int32_data holds the bits
    save_graph("half_typed.onnx", [
        helper.make_node("Gemm", ["x", "Wh", "bh"], ["h"], name="g1"),
        helper.make_node("Relu", ["h"], ["r"], name="relu"),
        helper.make_node("Gemm", ["r", "Wbf", "bbf"], ["y"], name="g2"),
    ], [wh, numpy_helper.from_array(bh, "bh"), Wbf, bbf], 2, 1)
    half = onnx.load(path("half_typed.onnx"))
    arr = {t.name: numpy_helper.to_array(t).astype(np.float64) for t in half.graph.initializer}
    assert len(half.graph.initializer[0].int32_data) == 6 and not half.graph.initializer[0].raw_data
    hh = np.maximum(x2.astype(np.float64) @ arr["Wh"] + arr["bh"], 0)
    record("half_typed.onnx", x2, hh @ arr["Wbf"] + arr["bbf"])

    # Refusals.
    convm = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(2 * 3 * 3, 2)).eval()
    torch.onnx.export(convm, (torch.zeros(1, 1, 5, 5),), path("conv.onnx"), dynamo=False, input_names=["image"])
    save_graph("branch.onnx", [
        helper.make_node("Gemm", ["x", "W", "c"], ["h"], name="g1"),
        helper.make_node("Relu", ["h"], ["r"], name="relu"),
        helper.make_node("Add", ["r", "h"], ["y"], name="skip"),
    ], [numpy_helper.from_array(np.eye(2, dtype=np.float32), "W"), numpy_helper.from_array(np.zeros(2, np.float32), "c")], 2, 2)
    ext = onnx.load(path("torch_4_5_1_legacy.onnx"))
    onnx.save_model(ext, path("external.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="external.onnx.data", size_threshold=0)


def keras_models():
    """Keras 3 models (KERAS_BACKEND=jax), saved as .keras and as legacy .h5, with Keras's own predictions."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras
    from keras import layers

    keras.utils.set_random_seed(0)
    # The XOR net: 2-4-1, tanh then sigmoid, trained a few epochs.
    xor_x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    xor_y = np.array([[0], [1], [1], [0]], dtype=np.float32)
    xor = keras.Sequential([keras.Input((2,)), layers.Dense(4, activation="tanh", name="hidden"),
                            layers.Dense(1, activation="sigmoid", name="output")], name="xor")
    xor.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy")
    xor.fit(xor_x, xor_y, epochs=20, verbose=0)
    x = np.concatenate([xor_x, samples(2, seed=5)])
    y = xor.predict(x, verbose=0)
    xor.save(path("keras_xor.keras"))
    record("keras_xor.keras", x, y)
    xor.save(path("keras_xor.h5"))
    record("keras_xor.h5", x, y)
    xor.save_weights(path("keras_xor.weights.h5"))   # weights only: refused, naming what to save instead

    # 4-8-8-3 softmax with a Dropout, a Dense without bias, a standalone LeakyReLU and a standalone softmax.
    net = keras.Sequential([keras.Input((4,)), layers.Dense(8, activation="relu", name="dense_in"),
                            layers.Dropout(0.25, name="dropout"),
                            layers.Dense(8, use_bias=False, name="no_bias"), layers.LeakyReLU(negative_slope=0.01, name="leaky"),
                            layers.Dense(3, name="logits"), layers.Activation("softmax", name="probabilities")],
                           name="four_eight_eight_three")
    x4 = samples(4, n=64, seed=6)
    net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    net.fit(x4, (x4[:, 0] > 0).astype(int) + (x4[:, 1] > 0).astype(int), epochs=3, verbose=0)
    x = samples(4, seed=7)
    y = net.predict(x, verbose=0)
    net.save(path("keras_4_8_8_3.keras"))
    record("keras_4_8_8_3.keras", x, y)
    net.save(path("keras_4_8_8_3.h5"))
    record("keras_4_8_8_3.h5", x, y)

    # A linear functional model with standalone ReLU and Softmax layers.
    inp = keras.Input((3,), name="features")
    h = layers.Dense(5, name="first")(inp)
    h = layers.ReLU(name="relu")(h)
    h = layers.Dense(5, activation="tanh", name="second")(h)
    out = layers.Softmax(name="softmax")(layers.Dense(2, name="last")(h))
    fun = keras.Model(inp, out, name="functional")
    x = samples(3, seed=8) * 3
    y = fun.predict(x, verbose=0)
    fun.save(path("keras_functional.keras"))
    record("keras_functional.keras", x, y)

    # Keras's own leaky_relu slopes: 0.2 for the activation name (Keras 3's default), and a LeakyReLU layer given
    # negative_slope=0.2; nnviz reads both slopes from the config.
    leaky = keras.Sequential([keras.Input((2,)), layers.Dense(3, activation="leaky_relu", name="dense_leaky"),
                              layers.Dense(2, name="dense"), layers.LeakyReLU(negative_slope=0.2, name="leaky_layer"),
                              layers.Dense(1, name="out")], name="leaky")
    x = samples(2, seed=9) * 2
    leaky.save(path("keras_leaky.keras"))
    record("keras_leaky.keras", x, leaky.predict(x, verbose=0))

    # Refusals: a convolution, a branching graph, a recurrent layer.
    conv = keras.Sequential([keras.Input((5, 5, 1)), layers.Conv2D(2, 3, name="conv2d"), layers.Flatten(),
                             layers.Dense(1)], name="conv")
    conv.save(path("keras-conv.keras"))
    a = keras.Input((2,), name="a")
    left, right = layers.Dense(2, name="left")(a), layers.Dense(2, name="right")(a)
    keras.Model(a, layers.Add(name="add")([left, right]), name="branch").save(path("keras-branch.keras"))
    rnn = keras.Sequential([keras.Input((3, 2)), layers.LSTM(2, name="lstm"), layers.Dense(1)], name="rnn")
    rnn.save(path("keras-lstm.keras"))


if not ONLY_KERAS:
    torch_models()
keras_models()
with open(path("expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
for f in os.listdir(HERE):
    os.chmod(os.path.join(HERE, f), 0o644)   # safetensors writes 0600
print(f"wrote {len(expected)} models to {HERE}")
