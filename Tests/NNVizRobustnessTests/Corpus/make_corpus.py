#!/usr/bin/env python3
"""Writes the bad-input corpus next to this script (python3 make_corpus.py; needs numpy).

Each file is one hostile or mistaken input; cases.tsv (kept by hand) says which command runs it, the exit
status and the fragment of the one stderr line it must produce. Text files are written from literals here so
the bytes are exact (BOMs, NULs, CRs); binary files (.npy, .npz) are crafted byte by byte or with numpy/zipfile.
"""
import io
import json
import os
import struct
import zipfile
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def write(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def layer(act="step", w=((1, 1), (1, 1)), b=(-0.5, -1.5)):
    return {"activation": act, "weights": [list(r) for r in w], "bias": list(b)}


def spec(layers, **extra):
    d = dict(extra)
    d["layers"] = layers
    return json.dumps(d)


OUT = layer("step", ((1,), (-2,)), (-0.5,))


def npy(arr=None, header=None, data=None, version=(1, 0)):
    """An .npy file: numpy's own bytes, or a hand-written header dict and raw data."""
    if header is None:
        buf = io.BytesIO()
        np.save(buf, arr)
        return buf.getvalue()
    h = header.encode("latin1")
    pad = 64 - (10 + len(h) + 1) % 64
    h = h + b" " * pad + b"\n"
    if version[0] == 1:
        pre = b"\x93NUMPY" + bytes(version) + struct.pack("<H", len(h))
    else:
        pre = b"\x93NUMPY" + bytes(version) + struct.pack("<I", len(h))
    return pre + h + (data or b"")


def npz(members, compress=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for name, data in members:
            # A fixed timestamp, so regenerating the corpus reproduces its bytes.
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            z.writestr(info, data)
    return buf.getvalue()


XW1 = np.array([[1.0, 1.0], [1.0, 1.0]])
XB1 = np.array([-0.5, -1.5])
XW2 = np.array([[1.0], [-2.0]])
XB2 = np.array([-0.5])


def good_members(**over):
    m = {"W1.npy": npy(XW1), "b1.npy": npy(XB1), "W2.npy": npy(XW2), "b2.npy": npy(XB2)}
    m.update(over)
    return [(k, v) for k, v in m.items() if v is not None]


def main():
    models()
    onnx_models()
    keras_models()
    # ---- specs: files and text ----
    write("spec/empty.json", "")
    write("spec/whitespace.yaml", "\n   \n\t\n")
    write("spec/comment-only.yaml", "# nothing here\n")
    write("spec/garbage.json", bytes(range(256)) * 4)
    write("spec/nul-bytes.json", b'{"layers": \x00\x00\x00}')
    write("spec/utf16.json", '{"layers": []}'.encode("utf-16"))
    write("spec/control-chars.yaml", "layers:\n  - activation: relu\x07\n")
    write("spec/truncated.json", spec([layer(), OUT])[:57])
    write("spec/unclosed-string.json", '{"layers": [{"activation": "step}]}')
    write("spec/deep-brackets.json", '{"layers": ' + "[" * 10000 + "]" * 10000 + "}")
    write("spec/deep-mappings.json", '{"a": ' * 10000 + "1" + "}" * 10000)
    write("spec/deep-1000.json", '{"layers": ' + "[" * 999 + "]" * 999 + "}")
    write("spec/deep-dashes.yaml", "layers:\n  " + "- " * 5000 + "x\n")
    write("spec/top-level-list.json", "[1, 2, 3]")
    write("spec/top-level-number.json", "42")
    write("spec/duplicate-key.json", '{"layers": [], "layers": []}')
    write("spec/duplicate-layer-key.json",
          '{"layers": [{"activation": "step", "activation": "relu", "weights": [[1]], "bias": [0]}]}')
    write("spec/unknown-root-key.json", '{"layer": []}')
    write("spec/no-layers.json", '{"name": "nothing"}')
    write("spec/empty-layers.json", '{"layers": []}')
    write("spec/layers-not-list.json", '{"layers": {"activation": "step"}}')
    write("spec/layer-not-mapping.json", '{"layers": [[1, 2]]}')
    write("spec/missing-activation.json", '{"layers": [{"weights": [[1]], "bias": [0]}]}')
    write("spec/unknown-activation.json", spec([layer("sigmoud"), OUT]))
    write("spec/activation-number.json", '{"layers": [{"activation": 3, "weights": [[1]], "bias": [0]}]}')
    write("spec/missing-weights.json", '{"layers": [{"activation": "relu", "bias": [0]}]}')
    write("spec/weights-empty.json", '{"layers": [{"activation": "relu", "weights": [], "bias": [0]}]}')
    write("spec/weights-empty-row.json", '{"layers": [{"activation": "relu", "weights": [[]], "bias": []}]}')
    write("spec/weights-ragged.json", spec([layer("relu", ((1, 2), (3,)), (0, 0))]))
    write("spec/weights-scalar.json", '{"layers": [{"activation": "relu", "weights": 5, "bias": [0]}]}')
    write("spec/weights-null.json", '{"layers": [{"activation": "relu", "weights": null, "bias": [0]}]}')
    write("spec/weights-3d.json", '{"layers": [{"activation": "relu", "weights": [[[1]]], "bias": [0]}]}')
    write("spec/weight-string.json", '{"layers": [{"activation": "relu", "weights": [["0.5"]], "bias": [0]}]}')
    write("spec/weight-bool.yaml", "layers:\n  - activation: relu\n    weights: [[true]]\n    bias: [0]\n")
    write("spec/weight-hex.yaml", "layers:\n  - activation: relu\n    weights: [[0x10]]\n    bias: [0]\n")
    write("spec/weight-nan.json", '{"layers": [{"activation": "relu", "weights": [[1, NaN]], "bias": [0, 0]}]}')
    write("spec/weight-infinity.json", '{"layers": [{"activation": "relu", "weights": [[Infinity]], "bias": [0]}]}')
    write("spec/weight-1e999.json", '{"layers": [{"activation": "relu", "weights": [[1e999]], "bias": [0]}]}')
    write("spec/weight-minus-1e999.json",
          '{"layers": [{"activation": "step", "weights": [[1, 1], [1, 1]], "bias": [0, 0]},'
          ' {"activation": "relu", "weights": [[1], [-1e999]], "bias": [0]}]}')
    write("spec/bias-yaml-nan.yaml", "layers:\n  - activation: relu\n    weights: [[1, 2]]\n    bias: [0, .nan]\n")
    write("spec/bias-yaml-inf.yaml", "layers:\n  - activation: relu\n    weights: [[1, 2]]\n    bias: [-.inf, 0]\n")
    write("spec/bias-length.json", spec([layer("relu", ((1, 2),), (0, 0, 0))]))
    write("spec/bias-missing.json", '{"layers": [{"activation": "relu", "weights": [[1]]}]}')
    write("spec/bias-not-list.json", '{"layers": [{"activation": "relu", "weights": [[1]], "bias": 0}]}')
    write("spec/shape-mismatch.json", spec([layer(), layer("step", ((1,), (2,), (3,)), (0,))]))
    write("spec/inputs-mismatch.json", spec([layer(), OUT], inputs=["x1", "x2", "x3"]))
    write("spec/outputs-mismatch.json", spec([layer(), OUT], outputs=["a", "b"]))
    write("spec/neurons-mismatch.json",
          '{"layers": [{"activation": "step", "weights": [[1, 1], [1, 1]], "bias": [0, 0], "neurons": ["OR"]}]}')
    write("spec/name-list.json", '{"name": [1, 2], "layers": []}')
    write("spec/layers-and-sizes.json",
          '{"layers": [{"activation": "relu", "weights": [[1]], "bias": [0]}], "sizes": [1, 1]}')
    write("spec/label-newline.json",
          '{"inputs": ["a\\nb", "c"], "layers": [{"activation": "step", "weights": [[1], [1]], "bias": [0]}]}')
    write("spec/alias-laughs.yaml", "".join(
        ["a: &a [x, x, x, x, x, x, x, x, x, x]\n"]
        + [f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi")]
        + ["? *i\n: 1\n? *h\n: 2\n"]))
    write("spec/alias-simple.yaml", "layers:\n  - activation: &act relu\n    weights: [[1]]\n    bias: [0]\n"
                                    "  - activation: *act\n    weights: [[1]]\n    bias: [0]\n")
    write("spec/undefined-alias.yaml", "layers: [*nope]\n")
    write("spec/tab-indent.yaml", "layers:\n\t- activation: relu\n")
    write("spec/bad-indent.yaml", "layers:\n  - activation: relu\n   weights: [[1]]\n")
    write("spec/two-documents.yaml", "name: a\n---\nname: b\n")
    write("spec/unknown-format.txt", spec([layer(), OUT]))
    os.makedirs(os.path.join(HERE, "spec/folder.json"), exist_ok=True)
    write("spec/folder.json/.gitkeep", "")
    # generated form
    write("spec/sizes-one.yaml", "sizes: [4]\nactivations: []\ninit: {seed: 0}\n")
    write("spec/sizes-zero.yaml", "sizes: [4, 0, 1]\nactivations: [relu, sigmoid]\ninit: {seed: 0}\n")
    write("spec/sizes-negative.yaml", "sizes: [4, -5, 1]\nactivations: [relu, sigmoid]\ninit: {seed: 0}\n")
    write("spec/sizes-fraction.yaml", "sizes: [4, 2.5, 1]\nactivations: [relu, sigmoid]\ninit: {seed: 0}\n")
    write("spec/sizes-huge.yaml", "sizes: [100000, 100000, 1]\nactivations: [relu, sigmoid]\ninit: {seed: 0}\n")
    write("spec/sizes-overflow.yaml",
          "sizes: [99999999999999999999, 2]\nactivations: [relu]\ninit: {seed: 0}\n")
    write("spec/sizes-product-overflow.yaml",
          "sizes: [2147483647, 2147483647, 2147483647]\nactivations: [relu, relu]\ninit: {seed: 0}\n")
    write("spec/activations-count.yaml", "sizes: [4, 5, 1]\nactivations: [relu]\ninit: {seed: 0}\n")
    write("spec/missing-init.yaml", "sizes: [4, 5, 1]\nactivations: [relu, sigmoid]\n")
    write("spec/missing-seed.yaml", "sizes: [4, 5, 1]\nactivations: [relu, sigmoid]\ninit: {scale: 1}\n")
    write("spec/seed-negative.yaml", "sizes: [4, 5, 1]\nactivations: [relu, sigmoid]\ninit: {seed: -1}\n")
    write("spec/seed-too-big.yaml", "sizes: [4, 5, 1]\nactivations: [relu, sigmoid]\ninit: {seed: 4294967296}\n")
    write("spec/seed-string.yaml", "sizes: [4, 5, 1]\nactivations: [relu, sigmoid]\ninit: {seed: \"0\"}\n")
    write("spec/scale-nan.yaml", "sizes: [4, 5, 1]\nactivations: [relu, sigmoid]\ninit: {seed: 0, scale: .nan}\n")
    write("spec/bias-init-ones.yaml", "sizes: [4, 5, 1]\nactivations: [relu, sigmoid]\ninit: {seed: 0, bias: ones}\n")
    write("spec/huge-scale.yaml", "sizes: [2, 2, 1]\nactivations: [linear, linear]\ninit: {seed: 0, scale: 1e300}\n")
    write("spec/too-many-sizes.yaml", "sizes: [" + ", ".join(["1"] * 1002) + "]\nactivations: ["
          + ", ".join(["relu"] * 1001) + "]\ninit: {seed: 0}\n")
    write("spec/too-many-layers.json", spec([layer("relu", ((1,),), (0,))] * 1001))
    write("spec/small.json", spec([layer("relu", ((1, 2), (3, 4)), (0, 0))]))

    # ---- batches for the 2-input xor network ----
    write("batch/empty.csv", "")
    write("batch/header-only.csv", "x1,x2\n")
    write("batch/ragged.csv", "x1,x2\n0,1\n1\n")
    write("batch/word.csv", "0,1\n1,abc\n")
    write("batch/nan.csv", "0,1\nnan,1\n")
    write("batch/inf.csv", "0,inf\n")
    write("batch/1e999.csv", "0,1e999\n")
    write("batch/empty-field.csv", "0,1\n1,\n")
    write("batch/wide.csv", "0,1,2\n")
    write("batch/garbage.csv", bytes([0x81, 0xff, 0x00, 0xfe]) * 50)
    write("batch/semicolons.csv", "0,5;1,0\n")
    write("batch/empty.json", "[]")
    write("batch/ragged.json", "[[0, 1], [1]]")
    write("batch/string.json", '[[0, "1"]]')
    write("batch/nested.json", "[[[0, 1]]]")
    write("batch/object.json", '{"x": [0, 1]}')
    write("batch/nan.json", "[[0, NaN]]")
    write("batch/deep.json", "[" * 5000 + "]" * 5000)
    write("batch/unknown.txt", "0,1\n")
    f8 = np.array([[0.0, 1.0], [1.0, 0.0]])
    write("batch/bad-magic.npy", b"\x93NUMPX\x01\x00" + b"\x00" * 64)
    write("batch/short.npy", b"\x93NUMPY")
    write("batch/truncated-header.npy", npy(f8)[:40])
    write("batch/claims-more.npy",
          npy(header="{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 2), }", data=f8.tobytes()))
    write("batch/claims-absurd.npy",
          npy(header="{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000, 2), }", data=f8.tobytes()))
    write("batch/shape-overflow.npy",
          npy(header="{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }"))
    write("batch/complex.npy", npy(np.array([[0, 1]], dtype=np.complex128)))
    write("batch/three-d.npy", npy(np.zeros((1, 1, 2))))
    write("batch/zero-rows.npy", npy(np.zeros((0, 2))))
    write("batch/nan.npy", npy(np.array([[0.0, 1.0], [np.nan, 0.0]])))
    write("batch/fortran-short.npy", npy(header="{'descr': '<f8', 'fortran_order': True, 'shape': (3, 2), }",
                                         data=f8.tobytes()))
    write("batch/version9.npy", npy(header="{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }",
                                    data=f8[:1].tobytes(), version=(9, 0)))
    write("batch/negative-shape.npy",
          npy(header="{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 2), }", data=f8.tobytes()))
    write("batch/header-garbage.npy", b"\x93NUMPY\x01\x00\x10\x00" + bytes([0xff] * 16))

    # ---- npz networks ----
    write("npz/not-a-zip.npz", b"PK\x03\x04 this is not really a zip archive" * 3)
    write("npz/empty.npz", npz([]))
    write("npz/text-member.npz", npz(good_members() + [("README.txt", b"hello")]))
    write("npz/missing-bias.npz", npz(good_members(**{"b2.npy": None})))
    write("npz/gap.npz", npz(good_members(**{"W4.npy": npy(XW2)})))
    write("npz/one-d-weights.npz", npz(good_members(**{"W1.npy": npy(np.ones(4))})))
    write("npz/zero-width.npz", npz([("W1.npy", npy(np.zeros((2, 0)))), ("b1.npy", npy(np.zeros(0)))]))
    write("npz/shape-mismatch.npz", npz(good_members(**{"W2.npy": npy(np.ones((3, 1)))})))
    write("npz/bias-shape.npz", npz(good_members(**{"b1.npy": npy(np.zeros(3))})))
    write("npz/weight-nan.npz", npz(good_members(**{"W1.npy": npy(np.array([[1.0, np.nan], [1.0, 1.0]]))})))
    write("npz/weight-inf.npz", npz(good_members(**{"b2.npy": npy(np.array([np.inf]))})))
    write("npz/complex-weights.npz", npz(good_members(**{"W1.npy": npy(np.ones((2, 2), dtype=np.complex64))})))
    write("npz/torch-layout.npz", npz([("W1.npy", npy(np.ones((3, 2)))), ("b1.npy", npy(np.zeros(3))),
                                       ("W2.npy", npy(np.ones((1, 3)))), ("b2.npy", npy(np.zeros(1)))]))
    write("npz/truncated-member.npz", npz(good_members(**{"W1.npy": npy(XW1)[:-8]})))
    # Zip bombs: a member whose directory entry claims 4 GB (refused before inflating anything)...
    write("npz/bomb-claimed.npz", zip_bomb(1 << 20, claimed=0xF0000000))
    # ...and one whose entry claims 100 bytes while its deflate stream inflates to 50 MB.
    write("npz/bomb-lying.npz", zip_bomb(50 << 20, claimed=100))
    corrupt = bytearray(npz(good_members(), compress=True))
    corrupt[60] ^= 0xFF
    write("npz/corrupt-deflate.npz", bytes(corrupt))
    write("npz/good.npz", npz(good_members()))
    datasets_and_templates()
    line_breaks_and_escapes()
    zip_directories()
    csv_separators()


def safetensors(entries, data=b"", header=None, length=None):
    """A safetensors file: 8-byte little-endian header length, JSON header, raw data (crafted, so it can lie)."""
    h = header if header is not None else json.dumps(entries, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    return struct.pack("<Q", len(h) if length is None else length) + h + data


def st_good(**over):
    f4 = np.array([[1, 1], [1, 1]], dtype=np.float32).tobytes() + np.array([-0.5, -1.5], dtype=np.float32).tobytes()
    f4 += np.array([[1, -2]], dtype=np.float32).tobytes() + np.array([-0.5], dtype=np.float32).tobytes()
    e = {"0.weight": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]},
         "0.bias": {"dtype": "F32", "shape": [2], "data_offsets": [16, 24]},
         "1.weight": {"dtype": "F32", "shape": [1, 2], "data_offsets": [24, 32]},
         "1.bias": {"dtype": "F32", "shape": [1], "data_offsets": [32, 36]}}
    for k, v in over.items():
        if v is None:
            e.pop(k)
        else:
            e[k] = v
    return e, f4


def torch_zip(pickle_bytes, storages=()):
    """A torch.save-style zip: archive/data.pkl, archive/byteorder and archive/data/<key> members."""
    members = [("archive/data.pkl", pickle_bytes), ("archive/byteorder", b"little")]
    members += [(f"archive/data/{k}", v) for k, v in storages]
    return npz(members)


def pkl_state_dict(weight_shape=(2, 2), weight_stride=(2, 1), numel=4, offset=0):
    """A protocol-2 pickle of {'0.weight': tensor} as torch.save writes it, opcode by opcode."""
    def s(text):
        b = text.encode()
        return b"X" + struct.pack("<I", len(b)) + b
    def ints(t):
        return b"(" + b"".join(b"K" + bytes([v]) for v in t) + b"t"
    return (b"\x80\x02ccollections\nOrderedDict\n)R(" + s("0.weight")
            + b"ctorch._utils\n_rebuild_tensor_v2\n(" + b"(" + s("storage") + b"ctorch\nFloatStorage\n" + s("0") + s("cpu")
            + b"K" + bytes([numel]) + b"tQ" + b"K" + bytes([offset]) + ints(weight_shape) + ints(weight_stride)
            + b"\x89ccollections\nOrderedDict\n)RtRu.")


def keras_models():
    """Hostile Keras files derived from the real ones Keras wrote (NNVizEngineTests/Fixtures/models); the two
    that need HDF5 to write (compressed weights, an external link) are made with h5py when it is installed."""
    src = os.path.join(HERE, "..", "..", "NNVizEngineTests", "Fixtures", "models")
    h5 = open(os.path.join(src, "keras_xor.h5"), "rb").read()
    keras = open(os.path.join(src, "keras_xor.keras"), "rb").read()
    write("models/keras-truncated.h5", h5[: len(h5) // 2])
    write("models/keras-superblock-v9.h5", h5[:8] + b"\x09" + h5[9:])
    write("models/keras-eof-lie.h5", h5[:40] + struct.pack("<Q", 1 << 40) + h5[48:])
    write("models/keras-short.h5", h5[:20])
    write("models/keras-blank.h5", h5[:96] + bytes(len(h5) - 96))
    # Found by the fuzzer: a byte inserted into the stored model_config shifts the global heap's next object
    # header; libhdf5 1.10 then reads a free-space object of size 0 and loops forever.
    gcol = h5.index(b"GCOL")
    write("models/keras-heap-shifted.h5", h5[:gcol + 1935] + b"#" + h5[gcol + 1935:])   # the fuzzer's variant 145
    end, p = gcol + struct.unpack("<Q", h5[gcol + 8:gcol + 16])[0], gcol + 16
    while struct.unpack("<H", h5[p:p + 2])[0] != 0:   # walk to the free-space object and make its size 0
        p += 16 + (struct.unpack("<Q", h5[p + 8:p + 16])[0] + 7) // 8 * 8
    write("models/keras-heap-free-zero.h5", h5[:p + 8] + bytes(8) + h5[p + 16:])
    # Found by the fuzzer: the object index of the heap reference of model_weights/hidden's 'weight_names' set to
    # 0xffff09; libhdf5 1.10 indexes its heap table with it unchecked and crashes.
    write("models/keras-heap-index.h5", h5[:7741] + b"\xff\xff" + h5[7743:])
    write("models/keras-zip-as-h5.h5", keras)
    write("models/keras-h5-as-keras.keras", h5)
    write("models/keras-weights-only.h5", open(os.path.join(src, "keras_xor.weights.h5"), "rb").read())
    write("models/keras-conv.keras", open(os.path.join(src, "keras-conv.keras"), "rb").read())
    try:
        import h5py
    except ImportError:
        return
    base = os.path.join(HERE, "models", "keras-good.h5")
    write("models/keras-good.h5", h5)
    for name, change in [("keras-compressed.h5", "gzip"), ("keras-external-link.h5", "link")]:
        out = os.path.join(HERE, "models", name)
        with h5py.File(base, "r") as f, h5py.File(out, "w", libver="earliest") as g:
            for k, v in f.attrs.items():
                g.attrs[k] = v
            def copy(obj_name, obj):
                if isinstance(obj, h5py.Group):
                    grp = g.require_group(obj_name)
                    for k, v in obj.attrs.items():
                        grp.attrs[k] = v
                else:
                    g.create_dataset(obj_name, data=obj[()], compression="gzip" if change == "gzip" and obj.ndim else None)
            f.visititems(copy)
            if change == "link":
                del g["model_weights/hidden"]
                g["model_weights/hidden"] = h5py.ExternalLink("/etc/passwd", "/")
    os.remove(base)


def models():
    e, d = st_good()
    write("models/good.safetensors", safetensors(e, d))
    write("models/st-huge-header.safetensors", safetensors(e, d, length=1 << 40))
    write("models/st-header-past-end.safetensors", safetensors(e, d, length=4096)[:600])
    write("models/st-short.safetensors", b"\x10\x00\x00")
    write("models/st-not-json.safetensors", safetensors(None, d, header=b"{not json at all}"))
    write("models/st-out-of-file.safetensors",
          safetensors(*st_good(**{"1.bias": {"dtype": "F32", "shape": [1], "data_offsets": [32, 4000]}})))
    write("models/st-overlap.safetensors",
          safetensors(*st_good(**{"0.bias": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}})))
    write("models/st-size-lie.safetensors",
          safetensors(*st_good(**{"0.weight": {"dtype": "F32", "shape": [1000000, 1000000], "data_offsets": [0, 16]}})))
    write("models/st-huge-shape.safetensors",
          safetensors(*st_good(**{"0.weight": {"dtype": "F32", "shape": [4294967296, 4294967296, 4294967296], "data_offsets": [0, 16]}})))
    write("models/st-int-dtype.safetensors",
          safetensors(*st_good(**{"0.weight": {"dtype": "I64", "shape": [2, 1], "data_offsets": [0, 16]}})))
    e, d = st_good()
    write("models/st-nan.safetensors", safetensors(e, np.array([np.nan], dtype=np.float32).tobytes() + d[4:]))
    write("models/st-no-chain.safetensors",
          safetensors(*st_good(**{"1.weight": {"dtype": "F32", "shape": [2, 1], "data_offsets": [24, 32]}})))
    write("models/st-negative-offset.safetensors",
          safetensors(*st_good(**{"1.bias": {"dtype": "F32", "shape": [1], "data_offsets": [-4, 0]}})))
    write("models/st-truncated.safetensors", safetensors(*st_good())[:-3])
    f4 = np.array([1, 2, 3, 4], dtype=np.float32).tobytes()
    write("models/good.pt", torch_zip(pkl_state_dict(), [("0", f4)]))
    # A pickle that would run a shell command if loaded with pickle.load.
    write("models/pickle-os-system.pt",
          torch_zip(b"\x80\x02cposix\nsystem\nX\x0b\x00\x00\x00touch pwnedq\x00\x85R."))
    write("models/pickle-builtins-eval.pt", torch_zip(b"\x80\x02cbuiltins\neval\nX\x01\x00\x00\x001\x85R."))
    write("models/pickle-whole-module.pt",
          torch_zip(b"\x80\x02ctorch.nn.modules.container\nSequential\n)\x81}b."))
    write("models/pickle-truncated.pt", torch_zip(pkl_state_dict()[:-6], [("0", f4)]))
    write("models/pickle-stride-outside.pt", torch_zip(pkl_state_dict(weight_stride=(200, 1)), [("0", f4)]))
    write("models/pickle-storage-short.pt", torch_zip(pkl_state_dict(numel=40), [("0", f4)]))
    write("models/pickle-no-storage.pt", torch_zip(pkl_state_dict()))
    write("models/pickle-memo-missing.pt", torch_zip(b"\x80\x02h\x07."))
    write("models/pickle-underflow.pt", torch_zip(b"\x80\x02R."))
    write("models/pickle-bad-opcode.pt", torch_zip(b"\x80\x02\xff."))
    write("models/pickle-deep-marks.pt", torch_zip(b"\x80\x02" + b"(" * 2_000_000 + b"."))
    write("models/no-data-pkl.pt", npz([("archive/version", b"3")]))
    write("models/legacy.pt", b"\x80\x02\x8a\x0al\xfc\x9cF\xf9 j\xa8P\x19." + b"\x00" * 16)
    write("models/zip-as-safetensors.safetensors", torch_zip(pkl_state_dict(), [("0", f4)]))
    write("models/st-as-npz.npz", safetensors(*st_good()))
    write("models/unknown.bin", b"\x00\x01\x02 not a model")


def pb_varint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def pb(field, value):
    """One protobuf field: an int is a varint, bytes/str length-delimited, a float a 32-bit float."""
    if isinstance(value, bool) or isinstance(value, int):
        return pb_varint(field << 3) + pb_varint(value & (2**64 - 1))
    if isinstance(value, float):
        return pb_varint(field << 3 | 5) + struct.pack("<f", value)
    if isinstance(value, str):
        value = value.encode()
    return pb_varint(field << 3 | 2) + pb_varint(len(value)) + value


def onnx_tensor(name, dims, values=None, raw=None, data_type=1, extra=b""):
    """A TensorProto (float32 raw_data unless told otherwise), crafted so dims and data can disagree."""
    if raw is None:
        raw = np.asarray(values, dtype=np.float32).tobytes()
    return b"".join(pb(1, d) for d in dims) + pb(2, data_type) + pb(8, name) + pb(9, raw) + extra


def onnx_model(nodes=None, inits=None, input_dims=(0, 2), op="Relu"):
    """A ModelProto as torch.onnx.export writes XOR's 2-2-1 net: Gemm (transB), an activation, Gemm, Sigmoid."""
    def node(name, op_type, ins, outs, attrs=b""):
        return b"".join(pb(1, i) for i in ins) + b"".join(pb(2, o) for o in outs) + pb(3, name) + pb(4, op_type) + attrs
    transb = pb(5, pb(1, "transB") + pb(20, 2) + pb(3, 1))
    if nodes is None:
        nodes = [node("/0/Gemm", "Gemm", ["x", "0.weight", "0.bias"], ["h"], transb),
                 node("/1/" + op, op, ["h"], ["a"]),
                 node("/2/Gemm", "Gemm", ["a", "2.weight", "2.bias"], ["z"], transb),
                 node("/3/Sigmoid", "Sigmoid", ["z"], ["y"])]
    if inits is None:
        inits = [onnx_tensor("0.weight", [2, 2], [1, 1, 1, 1]), onnx_tensor("0.bias", [2], [-0.5, -1.5]),
                 onnx_tensor("2.weight", [1, 2], [1, -2]), onnx_tensor("2.bias", [1], [-0.5])]
    def dims(ds):
        return b"".join(pb(1, pb(2, "batch") if d == 0 else pb(1, d)) for d in ds)
    def value(name, ds):
        return pb(1, name) + pb(2, pb(1, pb(1, 1) + pb(2, dims(ds))))
    graph = (b"".join(pb(1, n) for n in nodes) + pb(2, "main_graph") + b"".join(pb(5, t) for t in inits)
             + pb(11, value("x", input_dims)) + pb(12, value("y", (0, 1))))
    return pb(1, 8) + pb(2, "pytorch") + pb(3, "2.15.0") + pb(7, graph) + pb(8, pb(1, "") + pb(2, 17))


def onnx_models():
    good = onnx_model()
    write("models/good.onnx", good)
    write("models/onnx-truncated.onnx", good[:-9])
    write("models/onnx-length-past-end.onnx", pb_varint(7 << 3 | 2) + pb_varint(1 << 40) + good[:64])
    write("models/onnx-wire-type.onnx", pb(1, 8) + b"\x3f" + good[2:])
    w = lambda **kw: onnx_model(inits=[kw.get("w0", onnx_tensor("0.weight", [2, 2], [1, 1, 1, 1])),
                                       onnx_tensor("0.bias", [2], [-0.5, -1.5]),
                                       onnx_tensor("2.weight", [1, 2], [1, -2]), onnx_tensor("2.bias", [1], [-0.5])])
    write("models/onnx-dims-lie.onnx", w(w0=onnx_tensor("0.weight", [1000000, 1000000], [1, 1, 1, 1])))
    write("models/onnx-negative-dim.onnx", w(w0=onnx_tensor("0.weight", [-2, 2], [1, 1, 1, 1])))
    write("models/onnx-raw-short.onnx", w(w0=onnx_tensor("0.weight", [2, 2], [1, 1, 1])))
    write("models/onnx-nan.onnx", w(w0=onnx_tensor("0.weight", [2, 2], [np.nan, 1, 1, 1])))
    write("models/onnx-int64.onnx", w(w0=onnx_tensor("0.weight", [2, 2], raw=b"\x01" * 32, data_type=7)))
    write("models/onnx-external.onnx", w(w0=onnx_tensor("0.weight", [2, 2], raw=b"", extra=pb(14, 1)
                                                      + pb(13, pb(1, "location") + pb(2, "/etc/passwd")))))
    write("models/onnx-conv.onnx", onnx_model(op="Conv"))
    write("models/onnx-image-input.onnx", onnx_model(input_dims=(0, 1, 28, 28)))
    write("models/onnx-as-pt.pt", good)
    write("models/onnx-empty-graph.onnx", pb(1, 8) + pb(7, b""))


def laughs(br, first="a: &a [x, x, x, x, x, x, x, x, x, x]"):
    """Billion laughs: nine levels of ten aliases each (10^10 nodes once expanded), lines ended by `br`."""
    return br.join([first] + [f"{c}: &{c} [{', '.join(['*' + p] * 10)}]" for p, c in zip("abcdefghi", "bcdefghij")]
                   + ["layers: *j", ""])


def line_breaks_and_escapes():
    """Aliases behind the line breaks YAML counts besides LF (CR, NEL, U+2028, U+2029): a textual scan that
    missed them took everything after a `#` comment or a `|` block for the comment or block, and let the aliases
    through. And surrogate escapes: lone ones are refused with their place (pairs load; see SurrogateTests)."""
    write("spec/alias-cr-comment.yaml", laughs("\r", "# built by hand\ra: &a [x, x, x, x, x, x, x, x, x, x]"))
    write("spec/alias-nel-comment.yaml", laughs("\u0085", "# built by hand\u0085a: &a [x, x, x, x, x, x, x, x, x, x]"))
    write("spec/alias-ls-comment.yaml", laughs("\u2028", "# built by hand\u2028a: &a [x, x, x, x, x, x, x, x, x, x]"))
    write("spec/alias-ps-comment.yaml", laughs("\u2029", "# built by hand\u2029a: &a [x, x, x, x, x, x, x, x, x, x]"))
    write("spec/alias-crlf-comment.yaml", laughs("\r\n", "# built by hand\r\na: &a [x, x, x, x, x, x, x, x, x, x]"))
    write("spec/alias-cr-block.yaml", laughs("\r", "note: |\r  * a bullet\ra: &a [x, x, x, x, x, x, x, x, x, x]"))
    write("spec/alias-nel-block.yaml", laughs("\u0085", "note: >\u0085  folded\u0085a: &a [x, x, x, x, x, x, x, x, x, x]"))
    # A batch and a dataset are read as JSON or YAML too (a .json file holding YAML).
    write("batch/alias-cr-comment.json", "# samples\r- &a [0, 1]\r" + "".join(
        f"- &{c} [{', '.join(['*' + p] * 10)}]\r" for p, c in zip("abcdefgh", "bcdefghi")))
    write("data/alias-ls-comment.json", laughs("\u2028", "# points\u2028a: &a [[0, 0], [1, 1]]"))
    write("spec/surrogate-lone-high.json",
          '{"name": "net \\ud83d", "layers": [{"activation": "relu", "weights": [[1]], "bias": [0]}]}')
    write("spec/surrogate-lone-low.yaml",
          'layers:\n  - activation: relu\n    weights: [[1]]\n    bias: [0]\nname: "net \\uDE00 x"\n')
    write("spec/surrogate-reversed.json",
          '{"name": "\\ude00\\ud83d", "layers": [{"activation": "relu", "weights": [[1]], "bias": [0]}]}')
    # A name so long the automatic width passes the canvas limit: the hint must say to give --width.
    write("spec/long-name.yaml", "name: " + "n" * 3000 + "\nsizes: [2, 3, 1]\nactivations: [relu, sigmoid]\ninit:\n  seed: 1\n")
    # Networks whose every edge drawn would cost gigabytes (`diagram --all`).
    write("spec/wide-1024.yaml", "name: wide\nsizes: [784, 1024, 1024, 10]\nactivations: [relu, relu, softmax]\ninit:\n  seed: 1\n")


def datasets_and_templates():
    """Labelled datasets for `regions --data` / `report --data`, and author template folders for `--templates`."""
    write("data/empty.csv", "")
    write("data/header-only.csv", "x1,x2,label\n")
    write("data/fraction-class.csv", "x1,x2,label\n0,0,0\n1,1,0.5\n")
    write("data/class-out-of-range.csv", "x1,x2,label\n0,0,0\n1,1,5\n")
    write("data/negative-class.csv", "x1,x2,label\n0,0,-3\n")
    write("data/nan.csv", "x1,x2,label\n0,nan,1\n")
    write("data/word-class.csv", "x1,x2,label\n0,0,cat\n")
    write("data/ragged.csv", "x1,x2,label\n0,0,1\n1,1\n")
    write("data/one-column.csv", "label\n1\n0\n")
    write("data/three-features.csv", "a,b,c,label\n0,0,0,1\n")
    write("data/missing-y.json", '{"x": [[0, 0]]}')
    write("data/missing-x.json", '{"y": [1]}')
    write("data/length-mismatch.json", '{"x": [[0, 0], [1, 1]], "y": [1]}')
    write("data/list.json", "[1, 2]")
    write("data/huge-number.json", '{"x": [[0, 1e999]], "y": [1]}')
    write("data/empty-x.json", '{"x": [], "y": []}')
    write("data/class-300.json", '{"x": [[0, 0]], "y": [300]}')
    write("data/unknown-key.json", '{"x": [[0, 0]], "y": [1], "z": 1}')
    write("data/points.tsv", "0\t0\t1\n")
    write("data/five-points.csv", "x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.5,0.5,1\n")
    # Author templates: syntax errors name file, line and column; hostile nesting must not crash the parser.
    write("templates/unclosed-section/report.html.mustache", "<h1>{{name}}</h1>\n{{#figures}}<img>\n")
    write("templates/wrong-close/report.md.mustache", "# {{name}}\n{{#figures}}x{{/tables}}\n")
    write("templates/unfinished-tag/index.html.mustache", "<p>{{name</p>\n")
    write("templates/ends-in-tag/report.html.mustache", "{{{name}}")
    write("templates/bad-delimiter/report.html.mustache", "{{=<% %>}}\n")
    write("templates/bad-pragma/report.html.mustache", "{{% NOPE }}\n")
    write("templates/deep-sections/report.html.mustache", "{{#a}}" * 20000 + "{{/a}}" * 20000)
    write("templates/deep-unclosed/report.md.mustache", "{{^name}}" * 20000)
    write("templates/deep-after-delimiter/report.html.mustache", "{{=<% %>=}}\n" + "<%#a%>" * 20000)
    # Work and output bounds of a render: sections repeated exponentially, a long value through many tags, a
    # template the parser would take minutes over.
    write("templates/nested-12/report.html.mustache", "{{#summary.rows}}" * 12 + "x" + "{{/summary.rows}}" * 12)
    write("templates/nested-16/report.md.mustache", "{{#summary.rows}}" * 16 + "x" + "{{/summary.rows}}" * 16)
    write("templates/long-value/report.html.mustache", "{{{css}}}\n" * 1000)
    write("templates/long-value/report.css", "p { color: red }\n" * 6000)
    write("templates/many-tags/report.html.mustache", "{{name}}" * 200000)
    write("templates/utf16/report.html.mustache", "<p>{{name}}</p>".encode("utf-16"))
    write("templates/none/README.txt", "no templates here\n")
    write("templates/not-a-folder.mustache", "{{name}}\n")


def csv_separators():
    """CSV rows ended by a lone CR (old Mac files) are rows; tabs and semicolons are named as the wrong separator."""
    write("batch/cr-only.csv", "x1,x2\r0,1\r1,abc\r")
    write("batch/tabs.csv", "x1\tx2\n0\t1\n1\t0\n")
    write("batch/semicolons-only.csv", "x1;x2\n0;1\n")
    write("data/cr-only.csv", "x1,x2,label\r0,0,0\r1,1,7\r")
    write("data/tabs.csv", "0\t0\t1\n1\t1\t0\n")
    write("data/semicolons.csv", "x1;x2;label\n0,5;0,5;1\n")


def raw_zip(members):
    """A zip from (name, payload, method, crc, declared size) tuples, written byte by byte: the directory says what
    `declared` says, whatever the payload really inflates to."""
    local, central = b"", b""
    for name, payload, method, crc, declared in members:
        n = name.encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, len(payload), declared,
                               len(n), 0, 0, 0, 0, 0, len(local)) + n
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(payload), declared,
                             len(n), 0) + n + payload
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0)
    return local + central + end


def zip_directories():
    """Archives refused from their directory alone, before any member is inflated."""
    # Six members of 392 MB each: every one under the per-member limit (400004096), 2.35 GB together. Each payload is
    # a real deflate stream of 1 MiB of zeros, so inflating any of them would fail only after the work.
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = comp.compress(b"\x00" * (1 << 20)) + comp.flush()
    crc = zlib.crc32(b"\x00" * (1 << 20))
    six = [(f"{k}.npy", zeros, 8, crc, 392_000_000) for k in ("W1", "b1", "W2", "b2", "W3", "b3")]
    write("npz/bomb-total.npz", raw_zip(six))
    # 2001 empty members: more than a weight and a bias for each of 1000 layers.
    write("npz/too-many-members.npz", raw_zip([(f"W{k}.npy", b"", 0, 0, 0) for k in range(1, 2002)]))
    # A stray member listed after a damaged one: refused by name before the damaged one is inflated.
    write("npz/stray-after-damaged.npz", raw_zip([("W1.npy", b"\xff" * 64, 8, 0, 128)] + good_members_raw()[1:]
                                               + [("notes.npy", b"", 0, 0, 0)]))
    write("npz/duplicate-member.npz", raw_zip(good_members_raw() + good_members_raw()[:1]))


def good_members_raw():
    return [(name, data, 0, zlib.crc32(data), len(data)) for name, data in good_members()]


def zip_bomb(size, claimed):
    """A one-member zip (W1.npy) of `size` zero bytes deflated; `claimed` overrides the declared size."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\x00" * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(size // len(chunk))) + comp.flush()
    crc = 0
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    usize = size if claimed is None else claimed
    name = b"W1.npy"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), usize, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), usize,
                          len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


if __name__ == "__main__":
    main()
