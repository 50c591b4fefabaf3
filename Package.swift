// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nnviz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nnviz", targets: ["nnviz"]),
        // Everything at once (`import NNVizKit`), or each layer on its own.
        .library(name: "NNVizKit", targets: ["NNVizKit"]),
        .library(name: "NNVizEngine", targets: ["NNVizEngine"]),
        .library(name: "NNVizScene", targets: ["NNVizScene"]),
        .library(name: "NNVizRender", targets: ["NNVizRender"]),
        .library(name: "NNVizCairo", targets: ["NNVizCairo"]),
        .library(name: "NNVizReport", targets: ["NNVizReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // ONNX models: the runtime library only (the generated onnx.pb.swift is committed; no plugin in the build).
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        // `swift package generate-documentation --target NNVizKit`: the DocC catalog in Sources/NNVizKit.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: System — paths as bytes, clean-up of staged files on signals; used by every module that touches files.
        .target(name: "NNVizSystem"),

        // MARK: Engine — pure numerics, specs and loaders; knows nothing of drawing.
        .target(
            name: "NNVizEngine",
            dependencies: [
                "NNVizSystem", "CHDF5", "ONNXProto",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The ONNX protobuf types, generated once from the trimmed onnx.proto beside them by
        // scripts/generate-onnx-proto.sh; a target of their own so the engine recompiles without them.
        .target(
            name: "ONNXProto",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["onnx.proto"]
        ),

        // HDF5's declarations for the Keras reader. Nothing is linked (no pkg-config, no `link`): libhdf5 and its
        // dependencies would add ~7 ms to every start, so the engine opens it with dlopen when an HDF5 file is read.
        .systemLibrary(
            name: "CHDF5",
            providers: [.apt(["libhdf5-dev"])]
        ),

        // MARK: Drawing — scene primitives, the Cairo binding and the figures built from them.
        .target(name: "NNVizScene", dependencies: ["NNVizSystem"]),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // zlib for nnviz's own PNG encoder (deflate, CRC); not `CZlib`, which ZIPFoundation already names its own.
        .systemLibrary(
            name: "CZlibBinding",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // giflib for the animated training figure (training.gif); no pkg-config file on Debian, so linked by name.
        .systemLibrary(
            name: "CGif",
            providers: [.apt(["libgif-dev"])]
        ),
        .target(name: "NNVizCairo", dependencies: ["CCairo", "CZlibBinding", "CGif", "NNVizScene", "NNVizSystem"]),
        .target(name: "NNVizRender", dependencies: ["NNVizEngine", "NNVizScene"]),

        // MARK: Reports — templates, tables and figures assembled into pages.
        .target(
            name: "NNVizReport",
            dependencies: [
                "NNVizEngine", "NNVizScene", "NNVizRender", "NNVizCairo", "NNVizSystem",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),

        // MARK: Library umbrella — re-exports the engine, scene, figures, Cairo output and reports.
        .target(name: "NNVizKit", dependencies: ["NNVizEngine", "NNVizScene", "NNVizRender", "NNVizCairo", "NNVizReport"]),

        // MARK: Command line
        .executableTarget(
            name: "nnviz",
            dependencies: [
                "NNVizEngine", "NNVizScene", "NNVizRender", "NNVizCairo", "NNVizReport", "NNVizSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmarks — `make bench`: timings against NumPy + matplotlib peers and a plain-Cairo reference.
        .executableTarget(
            name: "NNVizBench",
            dependencies: [
                "NNVizEngine", "CCairo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/NNVizBench"
        ),

        // MARK: Tests
        // Shared by the test targets: runs the built `nnviz` binary and a seeded generator. Not shipped.
        .target(name: "NNVizTestSupport", path: "Tests/NNVizTestSupport"),
        .testTarget(name: "NNVizEngineTests", dependencies: ["NNVizEngine", "NNVizTestSupport", .product(name: "Yams", package: "Yams")], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNVizRenderTests",
                    dependencies: ["NNVizEngine", "NNVizScene", "NNVizRender", "NNVizCairo", "NNVizTestSupport", "CGif"]),
        .testTarget(name: "NNVizCLITests", dependencies: ["NNVizEngine", "NNVizTestSupport", "nnviz", "CGif"]),
        // Hostile inputs (Corpus/ run through the built binary), a seeded fuzzer, atomic writes and determinism.
        .testTarget(name: "NNVizRobustnessTests", dependencies: ["NNVizEngine", "NNVizReport", "NNVizSystem", "NNVizTestSupport", "nnviz"],
                    exclude: ["Corpus", "README.md"]),
        .testTarget(name: "NNVizReportTests",
                    dependencies: ["NNVizReport", "NNVizEngine", "NNVizScene", "NNVizRender", "NNVizTestSupport", "nnviz",
                                  .product(name: "Mustache", package: "swift-mustache")]),
    ]
)
