// swift-tools-version:6.0
// An outside package that uses nnviz as a library: `swift run --package-path Examples/render-xor` renders the XOR
// network's diagram and decision regions to PNG (and the diagram to SVG) in the current folder.
import PackageDescription

let package = Package(
    name: "render-xor",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "nnviz", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "render-xor", dependencies: [.product(name: "NNVizKit", package: "nnviz")]),
    ]
)
