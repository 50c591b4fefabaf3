import ArgumentParser
import NNVizCairo
import NNVizEngine

/// `nnviz datasets [NAME] [--seed S] [-o F]`: lists the bundled datasets, or writes one as CSV (or JSON).
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the bundled datasets, or write one out (CSV x1,x2,…,label).",
        discussion: """
            Each dataset is generated from a seed with NumPy's legacy generator, so `--seed` reproduces it exactly. \
            NAME:COUNT asks for COUNT samples (plain `xor` is the four corners; `xor:200` is 200 noisy points); \
            `blobs:K` has K classes (`blobs:K:COUNT`), and `iris` is Fisher's fixed table of 150 flowers. \
            Use a name wherever a command takes --data.
            """)

    @Argument(help: ArgumentHelp("A dataset, e.g. moons or xor:200; omit to list them all.", valueName: "name[:count]"))
    var name: String?

    @Option(help: "Seed of the generator (0…4294967295).")
    var seed: UInt32 = 0

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this .csv or .json file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try PathArgument.require(output, "-o")
        if name == nil && output != nil { throw ValidationError("-o needs a dataset NAME") }
    }

    func run() throws {
        try CommandError.reporting {
            guard let name else {
                var t = TextTable(header: ["name", "samples", "description"], align: [.left, .right, .left])
                for d in BundledDataset.all { t.add([d.name, "\(d.defaultCount)", d.summary]) }
                var out = StandardOutput()
                try out.write(t.render())
                try out.flush()
                return
            }
            guard let ds = try Dataset.bundled(name, seed: seed) else {
                throw NNVizError(name, "", "unknown dataset; datasets: \(BundledDataset.names)")
            }
            guard let output else {
                // A row at a time: the text of moons:25000000 would be a gigabyte on top of the points.
                var out = StandardOutput()
                try out.write(ds.csvHeader)
                for r in 0..<ds.count { try out.write(ds.csvLine(r)) }
                try out.flush()
                return
            }
            let text: String
            switch InputFile.fileExtension(output) {
            case "csv": text = ds.csv
            case "json": text = ds.json
            default: throw NNVizError(output, "", "unknown dataset format; use .csv or .json")
            }
            try AtomicFile.write(Array(text.utf8), to: output)
        }
    }
}
