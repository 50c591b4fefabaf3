"""Peer of `nnviz summary MODEL` for a model from another framework: reads the file with that framework's own
Python reader and prints every weight tensor's name and shape, as a script that wants the weights would.

.keras: the zip's config.json with `json` and its model.weights.h5 with h5py (importing keras itself takes seconds);
.h5: h5py; .onnx: onnx.load and numpy_helper; .pt: torch.load(weights_only=True). Exits 3 with a message when the
reader is not installed, so the bench can say the peer was skipped."""
import json
import sys
import zipfile


def h5_tensors(group, prefix=""):
    import h5py

    out = []
    for name, item in group.items():
        path = prefix + "/" + name
        if isinstance(item, h5py.Dataset):
            out.append((path, item[()].shape))
        else:
            out.extend(h5_tensors(item, path))
    return out


def main():
    path = sys.argv[1]
    try:
        if path.endswith(".keras"):
            import io

            import h5py

            with zipfile.ZipFile(path) as z:
                config = json.loads(z.read("config.json"))
                with h5py.File(io.BytesIO(z.read("model.weights.h5")), "r") as f:
                    tensors = h5_tensors(f)
            print(config.get("class_name", "?"))
        elif path.endswith(".h5"):
            import h5py

            with h5py.File(path, "r") as f:
                tensors = h5_tensors(f)
        elif path.endswith(".onnx"):
            import onnx
            from onnx import numpy_helper

            model = onnx.load(path)
            tensors = [(t.name, numpy_helper.to_array(t).shape) for t in model.graph.initializer]
        elif path.endswith(".pt"):
            import torch

            state = torch.load(path, map_location="cpu", weights_only=True)
            tensors = [(k, tuple(v.shape)) for k, v in state.items()]
        else:
            sys.exit(f"{path}: unknown model format")
    except ImportError as e:
        print(f"peer skipped: {e}", file=sys.stderr)
        sys.exit(3)
    for name, shape in tensors:
        print(name, shape)


if __name__ == "__main__":
    main()
