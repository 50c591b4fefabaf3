#!/bin/sh
# Regenerates Sources/ONNXProto/onnx.pb.swift from Sources/ONNXProto/onnx.proto (run by hand after editing the
# proto; CI and `make` never run it, they compile the committed onnx.pb.swift).
#
# Needs protoc (Debian: apt-get install protobuf-compiler) and swift-protobuf's protoc-gen-swift plugin at the
# version Package.swift resolves (1.39.0), built outside this checkout:
#   git clone https://github.com/apple/swift-protobuf && cd swift-protobuf && git checkout 1.39.0
#   swift build -c release --product protoc-gen-swift
#   PROTOC_GEN_SWIFT=$PWD/.build/release/protoc-gen-swift sh <this checkout>/scripts/generate-onnx-proto.sh
set -eu
cd "$(dirname "$0")/.."
plugin=${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift || true)}
[ -x "$plugin" ] || { echo "set PROTOC_GEN_SWIFT to a built protoc-gen-swift (see this script's comment)" >&2; exit 1; }
protoc --plugin=protoc-gen-swift="$plugin" --proto_path=Sources/ONNXProto \
    --swift_opt=Visibility=Public --swift_out=Sources/ONNXProto onnx.proto
echo "wrote Sources/ONNXProto/onnx.pb.swift ($(wc -l < Sources/ONNXProto/onnx.pb.swift) lines)"
