import ArgumentParser
import NNVizEngine

/// `nnviz examples`: the bundled networks, usable wherever a command takes NET.
struct ExamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "examples",
        abstract: "List the bundled example networks (usable wherever a command takes NET).")

    func run() throws {
        try CommandError.reporting {
            var t = TextTable(header: ["name", "sizes", "parameters", "description"], align: [.left, .left, .right, .left])
            for example in BundledExample.all {
                let net = try example.network()
                t.add([example.name, net.sizes.map(String.init).joined(separator: "→"), "\(net.parameterCount)", example.summary])
            }
            var out = StandardOutput()
            try out.write(t.render())
            try out.flush()
        }
    }
}
